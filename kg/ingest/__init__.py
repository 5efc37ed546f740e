"""Load news articles from files into plain ``Article`` objects.

Accepted inputs are files or directories of ``.txt``, ``.md``, ``.json`` and ``.jsonl``:

* ``.txt``   one article; an optional BBC-style title line followed by a blank line; optional
  sidecar ``X.meta.json`` beside ``X.txt`` with ``id``, ``title``, ``date``, ``source``, ``url``.
* ``.md``    one article; optional YAML front matter between ``---`` lines at the top.
* ``.json``  one record (an object) or a list of records.
* ``.jsonl`` one record per line, streamed line by line so large corpora never sit in memory.
* ``.html`` / ``.htm`` a saved web page, reduced to its article (:mod:`kg.ingest.pages`).
* ``.rss`` / ``.atom`` / ``.xml`` a feed whose entries are articles (:mod:`kg.ingest.feeds`).
* ``.warc`` / ``.warc.gz`` a web archive's HTML pages (:mod:`kg.ingest.warc`, optional warcio).
* an ``http(s)://`` URL of a page or a feed (:mod:`kg.ingest.web`, :mod:`kg.ingest.fetch`).

``Article.text`` is the exact string NLP runs on and evidence offsets index into, so the
loader never strips or normalises it: it only cuts off a detected title or front matter.
Every problem with an input is raised as :class:`kg.errors.InputError` naming the bad value;
records that are merely empty are skipped with a logged warning. With ``keep_going`` a broken
record (a ``.jsonl`` line, a ``.json`` list entry) or an unusable file found in a directory is
skipped instead, and its ``file:line: reason`` is collected; :func:`check_inputs` runs the same
checks as a cheap pre-pass so a build can stop before it writes anything.

Bad bytes never stop a load: a file that is not UTF-8 is read as Latin-1 with a warning, and
lone surrogates (a JSON ``"\\ud800"``, which no encoder can write) become U+FFFD. A ``.txt``
file that is an HTML page has its markup stripped with a warning (the visible text is what NLP
sees); a record's text that is HTML is read as a page is; ``.md`` files keep their inline HTML,
as Markdown allows it.
"""

from kg.ingest.html import looks_like_html, strip_html
from kg.ingest.inputs import SUFFIXES, InputCheck, check_inputs, iter_articles, load_article_file
from kg.ingest.records import Article
from kg.ingest.wire_dates import parse_date

__all__ = [
    "SUFFIXES",
    "Article",
    "InputCheck",
    "check_inputs",
    "iter_articles",
    "load_article_file",
    "looks_like_html",
    "parse_date",
    "strip_html",
]
