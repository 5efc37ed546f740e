"""The pipeline's attribute ruler and lemmatizer, computed over the Doc's arrays.

In ``en_core_web_sm`` the ``attribute_ruler`` (coarse POS and morphology from the fine tag,
plus a few word exceptions) and the rule ``lemmatizer`` cost about a quarter of the whole
pipeline, almost all of it Python work per token: a Matcher call and ``set_token_attrs`` for
every token, then a lemma set one token at a time. kg needs exactly what they produce, so
instead of dropping them this module gives the same result faster:

* :class:`ArrayRuler` reads the ruler's own patterns and attributes, evaluates each pattern
  as a vectorised test over the Doc's TAG/LOWER/DEP/IS_SPACE arrays, and writes POS, MORPH
  and LEMMA back with one ``Doc.from_array`` (patterns applied in the ruler's order, so a
  later pattern wins, as in spaCy);
* :func:`lemmatize` fills the lemmas the ruler left unset from the lemmatizer's own cache,
  asking the lemmatizer itself for each new (word, POS, morphology) and writing all lemmas in
  one call.

:func:`use_array_tables` puts both, as one component, in place of the two (which stay in
the pipeline, disabled, since the new component reads their tables), only when the
pipeline's components have the shapes handled here; any other pipeline runs unchanged.
``tests/test_nlp_tables.py`` checks that every token attribute is identical to the full
pipeline's on real text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, cast

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.util import minibatch

if TYPE_CHECKING:
    from spacy.tokens import Doc

_COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_READ = [TAG, LOWER, DEP, IS_SPACE, ORTH, POS, MORPH, LEMMA]
_WRITTEN = {POS: 5, MORPH: 6, LEMMA: 7}  # attribute id -> column of the read array

Test = Callable[[np.ndarray, "Doc | None"], np.ndarray]
# a one-token pattern's TAG and DEP for a token: (the pattern's number, the attributes)
_TokenAttrs = tuple[tuple[int, dict[int, Any]], ...]
# the one-token patterns' outcome for a key: (last pattern setting POS, MORPH, LEMMA or -1;
# their values; other attrs)
_Outcome = tuple[tuple[int, ...], tuple[int, ...], _TokenAttrs]


class Unsupported(ValueError):
    """A pattern or attribute this module does not evaluate: use the component itself."""


def _condition(vocab: Any, column: int, value: Any) -> Test:
    """A vectorised test of one token condition, e.g. ``{"TAG": "NN"}`` or
    ``{"LOWER": {"IN": [...]}}``."""
    if column == _COLUMNS["IS_SPACE"]:
        if not isinstance(value, bool):
            raise Unsupported(f"IS_SPACE {value!r}")
        return lambda cols, doc: cols[:, column] == int(value)
    if isinstance(value, str):
        key = vocab.strings.add(value)
        return lambda cols, doc: cols[:, column] == key
    if isinstance(value, dict) and len(value) == 1:
        ((op, arg),) = value.items()
        if op in ("IN", "NOT_IN"):
            keys = np.array([vocab.strings.add(v) for v in arg], dtype=np.uint64)
            if op == "IN":
                return lambda cols, doc: np.isin(cols[:, column], keys)
            return lambda cols, doc: ~np.isin(cols[:, column], keys)
        if op == "REGEX":
            pattern = re.compile(arg)
            strings = vocab.strings

            def regex(cols: np.ndarray, doc: Doc | None) -> np.ndarray:
                values = cols[:, column]
                hits = {v for v in np.unique(values) if pattern.search(strings[int(v)])}
                return np.isin(values, np.array(sorted(hits), dtype=np.uint64))

            return regex
    raise Unsupported(f"condition {value!r}")


class _Pattern:
    """One matcher pattern of the ruler: a test per token position, and what it sets."""

    def __init__(self, vocab: Any, tokens: list[dict[str, Any]], attrs: dict[int, Any], index: int):
        self.tests: list[list[Test]] = []
        for spec in tokens:
            tests = []
            for name, value in spec.items():
                if name not in _COLUMNS:
                    raise Unsupported(f"attribute {name}")
                tests.append(_condition(vocab, _COLUMNS[name], value))
            self.tests.append(tests)
        self.index = index if index >= 0 else len(tokens) + index
        if not 0 <= self.index < len(tokens):
            raise Unsupported(f"index {index}")
        self.array_attrs = {a: v for a, v in attrs.items() if a in _WRITTEN}
        self.token_attrs = {a: v for a, v in attrs.items() if a not in _WRITTEN}
        if any(a not in (TAG, DEP) for a in self.token_attrs):
            raise Unsupported(f"attributes {sorted(self.token_attrs)}")

    def targets(self, cols: np.ndarray, doc: Doc | None) -> np.ndarray:
        """Indices of the tokens this pattern sets attributes on."""
        n, width = len(cols), len(self.tests)
        if n < width:
            return np.empty(0, dtype=np.intp)
        starts = np.ones(n - width + 1, dtype=bool)
        for offset, tests in enumerate(self.tests):
            for test in tests:
                starts &= test(cols[offset : n - width + 1 + offset], doc)
                if not starts.any():
                    return np.empty(0, dtype=np.intp)
        return np.flatnonzero(starts) + self.index


class ArrayRuler:
    """The attribute ruler's patterns, applied to a Doc's arrays in the ruler's order.

    A one-token pattern's outcome depends only on the token's (TAG, LOWER, DEP, IS_SPACE),
    so those patterns are evaluated once per distinct key and remembered (at most
    :data:`CACHE_LIMIT` keys); the few longer patterns are evaluated over each Doc. For
    each token and attribute the last pattern in the ruler's order wins, as in spaCy.
    """

    CACHE_LIMIT = 1_000_000

    def __init__(self, ruler: Any) -> None:
        vocab = ruler.vocab
        self.patterns: list[_Pattern] = []
        for i, attrs in enumerate(ruler.attrs):
            for tokens in ruler.matcher.get(str(i))[1]:
                self.patterns.append(_Pattern(vocab, tokens, attrs, ruler.indices[i]))
        self.single = [(k, p) for k, p in enumerate(self.patterns) if len(p.tests) == 1]
        self.longer = [(k, p) for k, p in enumerate(self.patterns) if len(p.tests) > 1]
        # key -> (last pattern setting POS, MORPH, LEMMA or -1; their values; other attrs)
        self._cache: dict[tuple[int, ...], _Outcome] = {}

    def _evaluate(self, keys: np.ndarray) -> list[_Outcome]:
        """The one-token patterns' outcome for each key (rows of TAG, LOWER, DEP, IS_SPACE)."""
        rows = np.zeros((len(keys), len(_READ)), dtype=np.uint64)
        rows[:, :4] = keys
        best = np.full((len(keys), 3), -1, dtype=np.int64)
        values = np.zeros((len(keys), 3), dtype=np.uint64)
        extra: list[list[tuple[int, dict[int, Any]]]] = [[] for _ in range(len(keys))]
        for k, pattern in self.single:
            targets = pattern.targets(rows, None)
            if targets.size == 0:
                continue
            for attr, value in pattern.array_attrs.items():
                best[targets, _WRITTEN[attr] - 5] = k
                values[targets, _WRITTEN[attr] - 5] = value
            if pattern.token_attrs:
                for t in targets:
                    extra[t].append((k, pattern.token_attrs))
        return [
            (tuple(b), tuple(v), tuple(e))
            for b, v, e in zip(best.tolist(), values.tolist(), extra, strict=True)
        ]

    def learn(self, docs: list[Doc]) -> None:
        """Evaluate the one-token patterns once for every key of ``docs`` not yet known."""
        arrays = [doc.to_array(_READ[:4]) for doc in docs if len(doc)]
        if not arrays:
            return
        rows = np.concatenate([a.reshape(-1, 4) for a in arrays]).astype(np.uint64, copy=False)
        self._learn(list(map(tuple, rows.tolist())))

    def _learn(self, token_keys: list[tuple[int, ...]]) -> None:
        cache = self._cache
        missing = list(dict.fromkeys(key for key in token_keys if key not in cache))
        if not missing:
            return
        if len(cache) + len(missing) > self.CACHE_LIMIT:
            cache.clear()
            missing = list(dict.fromkeys(token_keys))
        keys = np.array(missing, dtype=np.uint64).reshape(-1, 4)
        cache.update(zip(missing, self._evaluate(keys), strict=True))

    def __call__(self, doc: Doc) -> np.ndarray:
        """Set POS, MORPH and (exception) LEMMA; returns the columns read and written."""
        from spacy.tokens._retokenize import set_token_attrs

        cols = doc.to_array(_READ).astype(np.uint64, copy=False)
        if len(cols) == 0:
            return cols
        cols = cols.reshape(len(doc), len(_READ))
        token_keys = list(map(tuple, cols[:, :4].tolist()))
        self._learn(token_keys)
        cache = self._cache
        outcomes = [cache[key] for key in token_keys]
        best = np.array([o[0] for o in outcomes], dtype=np.int64)
        values = np.array([o[1] for o in outcomes], dtype=np.uint64)
        later = [(k, t, attrs) for t, o in enumerate(outcomes) if o[2] for k, attrs in o[2]]
        for k, pattern in self.longer:
            targets = pattern.targets(cols, doc)
            if targets.size == 0:
                continue
            for attr, value in pattern.array_attrs.items():
                column = _WRITTEN[attr] - 5
                wins = targets[best[targets, column] < k]
                best[wins, column] = k
                values[wins, column] = value
            if pattern.token_attrs:
                later.extend((k, int(t), pattern.token_attrs) for t in targets)
        out = cols.copy()
        out[:, 5:8] = np.where(best >= 0, values, cols[:, 5:8])
        doc.from_array([POS, MORPH, LEMMA], out[:, 5:8])
        for _, i, attrs in sorted(later, key=lambda item: item[0]):  # a space's TAG and DEP
            set_token_attrs(doc[i], attrs)
        return cast(np.ndarray, out)  # numpy's stubs make a shaped array's .copy() Any


def lemmatize(
    lemmatizer: Any, doc: Doc, cols: np.ndarray, known: dict[tuple[int, ...], int] | None = None
) -> None:
    """Fill the lemmas left unset, as the rule lemmatizer would, in one ``from_array``.

    The lemmatizer's answer depends only on the token's (word, POS, morphology); ``known``
    remembers it for every key (the lemmatizer's own cache skips the words it answers
    early, such as proper nouns, numbers and punctuation, which are asked again for every
    token otherwise)."""
    if len(cols) == 0:
        return
    lemmas = cols[:, 7].copy()
    unset = np.flatnonzero(lemmas == 0)
    if unset.size == 0:
        return
    if known is None:
        known = {}
    elif len(known) > LEMMA_CACHE_LIMIT:
        known.clear()
    strings = doc.vocab.strings
    found = []
    for at, key in zip(unset.tolist(), map(tuple, cols[unset, 4:7].tolist()), strict=True):
        lemma = known.get(key)
        if lemma is None:
            lemma = known[key] = strings.add(lemmatizer.lemmatize(doc[at])[0])
        found.append(lemma)
    lemmas[unset] = np.array(found, dtype=np.uint64)
    doc.from_array([LEMMA], lemmas.reshape(-1, 1))


LEMMA_CACHE_LIMIT = 1_000_000


FAST = ("attribute_ruler", "lemmatizer")
COMPONENT = "kg_array_tables"


class ArrayTables:
    """The pipeline component that stands in for the attribute ruler and the lemmatizer."""

    def __init__(self, ruler: ArrayRuler, lemmatizer: Any) -> None:
        self.ruler = ruler
        self.lemmatizer = lemmatizer
        self.lemmas: dict[tuple[int, ...], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        lemmatize(self.lemmatizer, doc, self.ruler(doc), self.lemmas)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Docs in order, the one-token patterns of a whole batch's new words evaluated in
        one pass (a fresh process meets new words in nearly every Doc)."""
        batches: Iterator[list[Doc]] = minibatch(docs, batch_size)  # type: ignore[no-untyped-call]  # spaCy's util is untyped
        for batch in batches:
            self.ruler.learn(batch)
            yield from map(self, batch)


def array_tables(nlp: Language) -> ArrayTables | None:
    """The array versions of the pipeline's attribute ruler and lemmatizer, or None when the
    pipeline's components are not ones this module reproduces (another model runs as it is)."""
    names = list(nlp.component_names)
    if not set(FAST) <= set(names) or not set(FAST) <= set(nlp.pipe_names):
        return None
    ruler: Any = nlp.get_pipe("attribute_ruler")
    lemmatizer: Any = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "overwrite", True):
        return None
    if names.index("lemmatizer") != names.index("attribute_ruler") + 1:
        return None  # something between them would see other values
    try:
        array_ruler = ArrayRuler(ruler)
    except Unsupported:
        return None
    if not lemmatizer._validated:
        lemmatizer._validate_tables()
    _index_as_sets(lemmatizer)
    return ArrayTables(array_ruler, lemmatizer)


def _index_as_sets(lemmatizer: Any) -> None:
    """Make the lemmatizer's word index per POS a frozenset: it only asks whether a form is
    in it, and as shipped each is a list (57,528 nouns), so each new word cost a scan of it
    for every suffix rule that applies (about 0.2 ms a word)."""
    index = lemmatizer.lookups.get_table("lemma_index", None)
    if index is None:
        return
    for pos, words in list(index.items()):
        if isinstance(words, list):
            index[pos] = frozenset(words)


@Language.factory(COMPONENT)
def _make_array_tables(nlp: Language, name: str) -> ArrayTables:
    tables = array_tables(nlp)
    if tables is None:
        raise ValueError(f"{COMPONENT} needs a rule lemmatizer right after an attribute ruler")
    return tables


def use_array_tables(nlp: Language) -> bool:
    """Put :class:`ArrayTables` in place of the attribute ruler and lemmatizer (disabled,
    not removed: the component reads their tables). False, and the pipeline untouched, when
    the pipeline is not one this module reproduces."""
    if array_tables(nlp) is None:
        return False
    nlp.add_pipe(COMPONENT, after="lemmatizer")
    for name in FAST:
        nlp.disable_pipe(name)
    return True
