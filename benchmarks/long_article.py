"""Where the time of one long single-line article goes: parse, extraction and mapping.

    python benchmarks/long_article.py [--chars 300000] [--shape NAME ...]

Each shape is a made-up article of ``--chars`` characters on one line (no line break):

- ``news``: sentences of officials, meetings and tariffs, with punctuation;
- ``news-unpunctuated``: the same words with every . , ; : ? ! and quote removed;
- ``one-word``: "word word word ..." (no entity, no punctuation);
- ``urls``: "http://a.b/c" repeated with no space (one 300,000-character "word");
- ``symbols``: letters and . , : ; - / drawn at random, no space.

Prints, per shape, CPU seconds (this process, so other jobs on the machine do not count) of
the spaCy parse, the extractors and the RDF mapping, with the pieces spaCy was given, the
tokens, the sentences and the longest sentence.
"""

from __future__ import annotations

import argparse
import random
import string
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from synthetic import news_text  # noqa: E402


def shape(name: str, chars: int) -> str:
    rng = random.Random(2)
    if name == "news":
        return news_text(chars)
    if name == "news-unpunctuated":
        return news_text(chars, punctuated=False)
    if name == "one-word":
        return ("word " * (chars // 5 + 1))[:chars]
    if name == "urls":
        return ("http://a.b/c" * (chars // 12 + 1))[:chars]
    if name == "symbols":
        return "".join(rng.choice(string.ascii_letters + ".,:;-/") for _ in range(chars))
    raise SystemExit(f"unknown shape {name!r}")


SHAPES = ("news", "news-unpunctuated", "one-word", "urls", "symbols")


def measure(name: str, chars: int) -> None:
    from kg.extractors import extract_facts
    from kg.ingest import Article
    from kg.nlp import CHUNK_CHARS, MAX_WORD_CHARS, load_model, parse, split_text
    from kg.rdf.mapping import article_graph

    load_model()
    article = Article(id=name, text=shape(name, chars))
    clock = time.process_time
    started = clock()
    ((doc, _),) = list(parse([article]))
    parsed = clock()
    facts = extract_facts(doc, article)
    extracted = clock()
    graph = article_graph(article, facts)
    mapped = clock()
    sentences = list(doc.sents)
    pieces = len(split_text(article.text, CHUNK_CHARS, MAX_WORD_CHARS))
    print(
        f"{name:18} parse {parsed - started:6.1f} s  extract {extracted - parsed:6.1f} s  "
        f"map {mapped - extracted:5.1f} s | {pieces} pieces, {len(doc)} tokens, "
        f"{len(sentences)} sentences (longest {max(len(s) for s in sentences)} tokens), "
        f"{len(facts)} facts, {len(graph)} triples",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=300_000)
    parser.add_argument("--shape", action="append", choices=SHAPES)
    args = parser.parse_args()
    print(f"{args.chars:,}-character single-line articles; CPU seconds of this process")
    for name in args.shape or SHAPES:
        measure(name, args.chars)


if __name__ == "__main__":
    main()
