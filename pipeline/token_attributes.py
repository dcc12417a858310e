"""Token attributes for the segmenter without running spaCy's attribute ruler and lemmatizer
over every token: a cache of POS/lemma by the keys the ruler's patterns read, the rule
lemmatizer's index lists answered by hash, and the parse pass's attributes written back in
one array. Everything here is output-neutral: the tests in ``tests/test_segment_fastpath.py``
compare it with the model's own components. Split from :mod:`pipeline.segment`, which uses it.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Sequence

import numpy as np

from .types import Token

class _IndexList(list):
    """A list whose ``in`` test is a hash lookup: spaCy's rule lemmatizer tests ``form in
    index`` for each candidate lemma of each new word, and its English index lists have up
    to 57,528 words, so each test was a scan (70 microseconds a word, 0.3 CPU-s for the 4,400
    new words of four meetings). Same members, same answers; still a list to everything else
    (serialisation, iteration, order)."""

    __slots__ = ("_members",)

    def __init__(self, items: Iterable[Any]) -> None:
        super().__init__(items)
        self._members = frozenset(self)

    def __contains__(self, item: object) -> bool:
        try:
            return item in self._members
        except TypeError:  # unhashable: compare as a list does
            return list.__contains__(self, item)


def _hashed_lemma_index(nlp: Any) -> None:
    """Give the model's rule lemmatizer hash lookups in its ``lemma_index`` table (see
    :class:`_IndexList`); a no-op for lookup-mode lemmatizers and models without one."""
    if "lemmatizer" not in set(nlp.pipe_names) | set(getattr(nlp, "disabled", ())):
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for key in list(table.keys()):
        value = table[key]
        if type(value) is list:
            table[key] = _IndexList(value)


class _TokenAttributes:
    """POS and lemma for the fast pass without running the attribute ruler and the
    lemmatizer over every token (they take a quarter of the fast pass's time).

    Why this is exact: with no dependency parse, the attribute ruler's single-token
    patterns see only a token's own text, tag and white-space flag, and the rule
    lemmatizer sees text, POS and morphology, so POS, lemma (and tag) are a function of
    (text, tag). That function is computed once per (text, tag) by running the model's
    own attribute ruler and lemmatizer on a one-token doc, and cached. The ruler's
    multi-token patterns ("gon na", "let 's" ...) see neighbours: a doc where one of them
    matches goes through the real components instead. Used only for models whose fast
    pass is tok2vec/tagger/senter + attribute_ruler + lemmatizer (as en_core_web_sm's),
    and whose ruler patterns use only token-local attributes.
    """

    _MAX_CACHE = 500_000

    def __init__(self, nlp: Any, neural: list[str], multi: list[list[dict[str, Any]]], parse_neural: list[str], parse_multi: list[list[dict[str, Any]]]) -> None:
        from spacy.matcher import Matcher

        self.nlp = nlp
        self.neural = neural
        self.parse_neural = parse_neural
        self.ruler = nlp.get_pipe("attribute_ruler")
        self.lemmatizer = nlp.get_pipe("lemmatizer")
        self.matcher = Matcher(nlp.vocab)
        for i, pattern in enumerate(multi):
            self.matcher.add(f"multi-{i}", [pattern])
        self._has_multi = bool(multi)
        self._prefilter = _text_prefilter(multi)
        self.parse_matcher = Matcher(nlp.vocab)
        for i, pattern in enumerate(parse_multi):
            self.parse_matcher.add(f"multi-{i}", [pattern])
        self._parse_has_multi = bool(parse_multi)
        self._parse_prefilter = _text_prefilter(parse_multi)
        self._cache: dict[tuple[str, str], tuple[str, str, str]] = {}
        self._parse_cache: dict[tuple[str, str, str], tuple[str, str, str]] = {}
        self._deps_read = _dependency_labels_read(self.ruler.patterns)

    @classmethod
    def for_model(cls, nlp: Any) -> "_TokenAttributes | None":
        light = [n for n in nlp.pipe_names if n not in ("parser", "ner")]
        if "senter" not in light:
            light.append("senter")
        if not {"tagger", "attribute_ruler", "lemmatizer"} <= set(light) or not set(light) <= {"tok2vec", "tagger", "senter", "attribute_ruler", "lemmatizer"}:
            return None
        if light.index("attribute_ruler") > light.index("lemmatizer") or getattr(nlp.get_pipe("lemmatizer"), "mode", None) not in ("rule", "lookup"):
            return None
        patterns = nlp.get_pipe("attribute_ruler").patterns
        multi = _multi_token_patterns(patterns, parsed=False)
        if multi is None:
            return None
        # The parse pass: the same shortcut after tok2vec/tagger/parser/ner when the model's
        # full pipeline is exactly those plus attribute_ruler and lemmatizer, the ruler and
        # lemmatizer come after the parser, and NER (which reads only lexical features)
        # comes after them: then nothing else reads their output.
        full = list(nlp.pipe_names)
        parse_neural: list[str] = []
        parse_multi = _multi_token_patterns(patterns, parsed=True) or []
        if set(full) == {"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"} and full.index("parser") < full.index("attribute_ruler") < full.index("lemmatizer") < full.index("ner"):
            parse_neural = [n for n in full if n in ("tok2vec", "tagger", "parser", "ner")]
        return cls(nlp, [n for n in light if n in ("tok2vec", "tagger", "senter")], multi, parse_neural, parse_multi)

    def annotate_parsed(self, docs: list[Any], texts: list[str]) -> None:
        """Set POS, lemma and tag on docs from the parse pass's neural components, as
        the attribute ruler and lemmatizer would (keyed by text, tag and dependency
        label; multi-token patterns checked as in :meth:`tokens`). The uncached keys of
        all the docs are computed in one go (each key's value is the same either way)."""
        plain: list[tuple[Any, list[tuple[str, str, str]]]] = []
        for doc, text in zip(docs, texts):
            if self._parse_has_multi and (self._parse_prefilter is None or self._parse_prefilter.search(text.lower())) and self.parse_matcher(doc, allow_missing=True):
                self.ruler(doc)
                self.lemmatizer(doc)
            else:
                strings = doc.vocab.strings
                plain.append((doc, [(strings[o], strings[t], self._dep_key(strings[d])) for o, t, d in doc.to_array(_KEY_ATTRS).tolist()]))
        from spacy.parts_of_speech import IDS as pos_ids

        cache = self._parse_cache
        # a comprehension, not ``{...} - cache.keys()``: the set difference iterates over the
        # whole cache, so each document would pay for every word seen before it
        missing = {key for _, keys in plain for key in keys if key not in cache}
        if missing:
            self._compute_many(sorted(missing))
        for doc, keys in plain:
            if not keys:
                continue
            add = doc.vocab.strings.add
            values = []
            for key in keys:
                attrs = cache.get(key)
                if attrs is None:
                    attrs = self._compute(*key)
                values.append((pos_ids[attrs[0]], add(attrs[1]), add(attrs[2])))
            # one C call, as setting pos_, lemma_ and tag_ token by token would
            doc.from_array(_SET_ATTRS, np.array(values, dtype=np.uint64))

    def _dep_key(self, dep: str) -> str:
        """The dependency label as the cache key of the parse pass: a label no ruler pattern
        mentions behaves like any other such label ("dep" stands for them all), so the
        attributes of ``(text, tag, "nsubj")`` and ``(text, tag, "amod")`` are computed once."""
        deps = self._deps_read
        return dep if deps is None or dep in deps else "dep"

    def tokens_many(self, items: Sequence[tuple[Any, int, str]]) -> list[tuple[list[Token | None], list[int]]]:
        """As :meth:`Segmenter._tokens_many` for ``(doc, offset, text)`` items. Reads each
        doc through ``to_array`` (one C call) rather than token objects, which costs far
        less; the uncached (text, tag) keys of all the docs are computed in one go (a run of
        the ruler and lemmatizer has a fixed cost; each key's value is the same either way)."""
        cache = self._cache
        prepared = []
        missing: set[tuple[str, str]] = set()
        for doc, offset, text in items:
            overrides: dict[int, tuple[str, str, str]] = {}
            if self._has_multi and (self._prefilter is None or self._prefilter.search(text.lower())):
                matches = self.matcher(doc, allow_missing=True)
                if matches:
                    overrides = self._matched_attributes(doc, matches)
            strings = doc.vocab.strings
            rows = doc.to_array(_ARRAY_ATTRS).tolist()
            # not ``{...} - cache.keys()`` (that iterates over the whole cache; see annotate_parsed)
            missing.update(key for key in ((strings[r[0]], strings[r[1]]) for r in rows if not r[3]) if key not in cache)
            prepared.append((doc, offset, rows, overrides))
        if missing:
            self._compute_many(sorted(missing))
        return [self._built(doc, offset, rows, overrides) for doc, offset, rows, overrides in prepared]

    def _built(self, doc: Any, offset: int, rows: list[list[int]], overrides: dict[int, tuple[str, str, str]]) -> tuple[list[Token | None], list[int]]:
        """The tokens and sentence starts of one doc from its ``to_array`` rows."""
        strings = doc.vocab.strings
        cache = self._cache
        out: list[Token | None] = []
        starts: list[int] = [0] if len(doc) else []
        for i, (orth, tag_id, idx, is_space, is_stop, is_punct, like_num, sent_start) in enumerate(rows):
            if i and sent_start == 1:  # as Doc.sents: token 0 always starts one
                starts.append(i)
            if is_space:
                out.append(None)
                continue
            text, tag = strings[orth], strings[tag_id]
            attrs = overrides.get(i) if overrides else None
            if attrs is None:
                attrs = cache.get((text, tag))
            if attrs is None:
                attrs = self._compute(text, tag)
            start = offset + idx
            out.append(
                Token(
                    text=text,
                    lemma=attrs[1],
                    pos=attrs[0],
                    tag=attrs[2],
                    start_char=start,
                    end_char=start + len(text),
                    is_stop=bool(is_stop),
                    is_punct=bool(is_punct),
                    like_num=bool(like_num),
                )
            )
        return out, starts

    def _matched_attributes(self, doc: Any, matches: list[tuple[int, int, int]]) -> dict[int, tuple[str, str, str]]:
        """(POS, lemma, tag) of the tokens inside multi-token ruler matches, by token index,
        as the attribute ruler and lemmatizer set them on the whole doc. Overlapping
        matches form one run of tokens, and each run is processed as a doc of its own:
        every ruler match touching a token of the run lies inside the run (patterns see
        only their own tokens' text, tag and white space), the lemmatizer reads one token
        at a time, and the other tokens get exactly the cached values. (Running the
        components over a whole 20,000-character piece for one "gonna" cost more.)"""
        from spacy.tokens import Doc

        runs: list[list[int]] = []
        for start, end in sorted((s, e) for _, s, e in matches):
            if runs and start < runs[-1][1]:
                runs[-1][1] = max(runs[-1][1], end)
            else:
                runs.append([start, end])
        out: dict[int, tuple[str, str, str]] = {}
        for start, end in runs:
            tokens = doc[start:end]
            run = Doc(self.nlp.vocab, words=[t.text for t in tokens], spaces=[bool(t.whitespace_) for t in tokens])
            for t, source in zip(run, tokens):
                t.tag_ = source.tag_
            self.ruler(run)
            self.lemmatizer(run)
            for k, t in enumerate(run):
                out[start + k] = (t.pos_, t.lemma_, t.tag_)
        return out

    def _compute_many(self, keys: list[tuple[str, ...]]) -> None:
        """Fill the caches for many (text, tag) or (text, tag, dep) keys with one run of
        the attribute ruler and lemmatizer over a doc of those words (one call per key
        costs several times more). Single-token patterns do not see neighbours; should a
        multi-token pattern match across two of the words, the words are separated by
        newline tokens (which no pattern in en_core_web_sm matches across) or, failing
        that, computed one by one."""
        from spacy.tokens import Doc

        for separated in (False, True):
            words: list[str] = []
            for key in keys:
                words += [key[0], "\n"] if separated else [key[0]]
            step = 2 if separated else 1
            many = Doc(self.nlp.vocab, words=words, spaces=[False] * len(words))
            for j, key in enumerate(keys):
                token = many[step * j]
                token.tag_ = key[1]
                if len(key) > 2 and key[2]:
                    token.dep_ = key[2]
            if not self._multi_match(many, parsed=len(keys[0]) > 2):
                break
        else:
            for key in keys:
                self._compute(*key)
            return
        self.ruler(many)
        self.lemmatizer(many)
        for j, key in enumerate(keys):
            token = many[step * j]
            cache = self._cache if len(key) == 2 else self._parse_cache
            if len(cache) >= self._MAX_CACHE:  # bounded memory in long-running workers
                cache.clear()
            cache[key] = (token.pos_, token.lemma_, token.tag_)  # type: ignore[index]

    def _multi_match(self, many: Any, *, parsed: bool) -> bool:
        """Could a multi-token ruler pattern match across the words of a :meth:`_compute_many`
        doc? Without dependency labels (fast-pass keys) the parse patterns match exactly
        where the fast-pass ones do, and with them they include the fast-pass ones, so one
        matcher is enough; and it runs only where the text prefilter finds something."""
        matcher, prefilter, has_multi = (self.parse_matcher, self._parse_prefilter, self._parse_has_multi) if parsed else (self.matcher, self._prefilter, self._has_multi)
        if not has_multi or (prefilter is not None and not prefilter.search(many.text.lower())):
            return False
        return bool(matcher(many, allow_missing=True))

    def _compute(self, text: str, tag: str, dep: str | None = None) -> tuple[str, str, str]:
        """(POS, lemma, tag) after the attribute ruler and the lemmatizer for a token
        with this text, tag and (parse pass) dependency label."""
        from spacy.tokens import Doc

        one = Doc(self.nlp.vocab, words=[text], spaces=[False])
        one[0].tag_ = tag
        if dep:
            one[0].dep_ = dep
        self.ruler(one)
        self.lemmatizer(one)
        attrs = (one[0].pos_, one[0].lemma_, one[0].tag_)
        cache, key = (self._cache, (text, tag)) if dep is None else (self._parse_cache, (text, tag, dep))
        if len(cache) >= self._MAX_CACHE:  # bounded memory in long-running workers
            cache.clear()
        cache[key] = attrs  # type: ignore[index]
        return attrs


def _text_prefilter(patterns: list[list[dict[str, Any]]]) -> re.Pattern[str] | None:
    """A regular expression over the lower-cased text that matches wherever one of the
    multi-token ``patterns`` could (a superset: tokens of a match are the pattern's
    words with only white space between them), so that the Matcher runs only on the few
    docs where it can find something. ``None`` when a pattern is not simple enough."""
    alternatives = []
    for pattern in patterns:
        parts = []
        for spec in pattern:
            value = spec.get("LOWER", spec.get("ORTH"))
            if isinstance(value, str):
                parts.append(re.escape(value.lower()))
            elif isinstance(value, dict) and set(value) == {"IN"}:
                parts.append("(?:" + "|".join(re.escape(str(v).lower()) for v in value["IN"]) + ")")
            elif isinstance(value, dict) and set(value) == {"REGEX"} and "ORTH" not in spec:
                body = str(value["REGEX"]).removeprefix("^").removesuffix("$")
                if any(c in body for c in "^$\\(|") or "(?" in body:
                    return None
                parts.append("(?:" + body + ")")
            elif value is None and set(spec) <= {"TAG", "IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "LIKE_NUM", "DEP"}:
                parts.append(r"\S+")
            else:
                return None
        if parts and parts[0] == r"\S+":
            # The search is unanchored, so a leading \S+ matches exactly where a single \S
            # does (its last character); \S+ would backtrack through every long "word"
            # at every start position: quadratic, 12 s of CPU on one 10,000-letter token.
            parts[0] = r"\S"
        alternatives.append(r"\s*".join(parts))
    try:
        return re.compile("|".join(alternatives)) if alternatives else None
    except re.error:
        return None


#: parse-pass cache key attributes, read with Doc.to_array
_KEY_ATTRS = ["ORTH", "TAG", "DEP"]
#: parse-pass attributes set with Doc.from_array (as the ruler and lemmatizer set them)
_SET_ATTRS = ["POS", "LEMMA", "TAG"]


def _dependency_labels_read(patterns: list[dict[str, Any]]) -> frozenset[str] | None:
    """Every dependency label the attribute ruler's patterns compare with (equal, ``IN``,
    ``NOT_IN``); ``None`` when a pattern tests DEP some other way (then no two labels are
    taken to behave alike). "dep" must not be one of them: it stands for the others."""
    labels: set[str] = set()
    for entry in patterns:
        for pattern in entry["patterns"]:
            for spec in pattern if isinstance(pattern, list) else ():
                value = spec.get("DEP")
                if value is None:
                    continue
                if isinstance(value, str):
                    labels.add(value)
                elif isinstance(value, dict) and set(value) <= {"IN", "NOT_IN"} and all(isinstance(v, str) for vs in value.values() for v in vs):
                    labels.update(v for vs in value.values() for v in vs)
                else:
                    return None
    return None if "dep" in labels else frozenset(labels)


#: fast-pass token attributes read with Doc.to_array
_ARRAY_ATTRS = ["ORTH", "TAG", "IDX", "IS_SPACE", "IS_STOP", "IS_PUNCT", "LIKE_NUM", "SENT_START"]
#: parse-pass token attributes read with Doc.to_array (HEAD separately: it is signed)
_PARSED_ATTRS = ["ORTH", "LEMMA", "POS", "TAG", "IDX", "IS_SPACE", "IS_STOP", "IS_PUNCT", "LIKE_NUM", "DEP", "ENT_TYPE", "ENT_IOB"]
#: Token.ent_iob_ of spaCy's ENT_IOB values
_ENT_IOB = ("", "I", "O", "B")

#: token attributes whose value depends on the token alone (and DEP, which is empty in
#: the fast pass); a ruler pattern using anything else disables the shortcut
_LOCAL_KEYS = frozenset({"ORTH", "TEXT", "LOWER", "NORM", "TAG", "IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "LIKE_NUM", "DEP", "OP"})


def _multi_token_patterns(patterns: list[dict[str, Any]], *, parsed: bool) -> list[list[dict[str, Any]]] | None:
    """The attribute ruler's multi-token patterns that can match (without a parse unless
    ``parsed``); ``None`` when a pattern is not a token pattern or uses a non-local
    attribute."""
    multi = []
    for entry in patterns:
        for pattern in entry["patterns"]:
            if not isinstance(pattern, list):
                return None  # a phrase pattern
            if any(key not in _LOCAL_KEYS for spec in pattern for key in spec):
                return None
            if len(pattern) > 1 and (parsed or not any(_needs_parse(spec) for spec in pattern)):
                multi.append(pattern)
    return multi


def _needs_parse(spec: dict[str, Any]) -> bool:
    """A token pattern that cannot match a token without a dependency label."""
    dep = spec.get("DEP")
    if dep is None:
        return False
    if isinstance(dep, str):
        return dep != ""
    if isinstance(dep, dict):
        if "IN" in dep:
            return "" not in dep["IN"]
        if "NOT_IN" in dep:
            return "" in dep["NOT_IN"]
    return False
