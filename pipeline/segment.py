"""Sentence segmentation and token analysis with spaCy.

This is the only module that touches spaCy objects: it turns a cleaned :class:`Transcript`
into a :class:`Document` of plain :class:`Sentence` values with character offsets into the
document text, times in seconds and speakers.

How the text is cut before spaCy sees it (why: spaCy cannot see pauses or speaker turns):

* a change of speaker always ends a sentence (turns are joined with ``"\\n"``);
* a turn of unpunctuated ASR text (fewer sentence marks than one per ``max_words`` words)
  is also cut at pauses of at least ``pause_seconds`` between timed segments;
* very long runs of text are processed in pieces of at most ``_MAX_UNIT_CHARS`` characters,
  cut at a sentence mark when there is one, which keeps spaCy's memory flat;
* any sentence longer than ``max_words`` words is split into near-equal chunks, preferably
  after a comma or before a conjunction.

The first pass runs only the fast components (tagger, lemmatizer, statistical sentence
splitter). :meth:`Segmenter.parse` adds the dependency parse, named entities and noun chunks
for just the sentences a stage asks for (the title and quiz need them; the rest do not).
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import math
import re
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Sequence

import numpy as np

from .config import SegmentConfig
from .errors import PipelineWarning
from .language import language_warnings
from .model import one_blas_thread
from .types import Document, Segment, Sentence, Span, Token, Transcript

#: spaCy works on pieces of at most this many characters (memory and speed stay linear)
_MAX_UNIT_CHARS = 20_000
_SENTENCE_MARK = re.compile(r"[.!?\u2026](?=[\"')\]]*(\s|$))")
#: where a long sentence is best split: after these punctuation marks ...
_SPLIT_AFTER = frozenset({",", ";", ":", "\u2014", "-"})
#: ... or before these part-of-speech tags (coordinating / subordinating conjunctions)
_SPLIT_BEFORE_POS = ("CCONJ", "SCONJ")
_BATCH_SIZE = 64
#: spaCy holds a whole batch's activations at once: batches of the fast pass stay under
#: about this many characters, so a 2,000,000-character transcript (100 pieces of 20,000)
#: is not one batch of 1.3 million characters.
_BATCH_CHARS = 100_000


@dataclass(frozen=True, slots=True)
class _Piece:
    """A run of segments given to spaCy as one text; ``offset`` into the document text."""

    text: str
    offset: int
    speaker: str | None


class Segmenter:
    """Split a transcript into analysed sentences.

    ``nlp`` is a loaded spaCy English pipeline with ``senter``, ``tagger``, ``lemmatizer``,
    ``parser`` and ``ner`` (as ``en_core_web_sm`` has); the Segmenter never changes it.
    """

    def __init__(self, config: SegmentConfig, nlp: Any) -> None:
        self.config = config
        self.nlp = nlp
        names = set(nlp.pipe_names) | set(getattr(nlp, "disabled", ()))
        # The fast pass uses the statistical sentence splitter when the model has one.
        self._light_disable = [n for n in ("parser", "ner") if n in nlp.pipe_names]
        self._has_senter = "senter" in names
        self._full_disable = [n for n in ("senter",) if n in nlp.pipe_names]
        self._attributes = _TokenAttributes.for_model(nlp) if self._has_senter else None
        _hashed_lemma_index(nlp)

    # ---- public ---------------------------------------------------------------------

    def __call__(self, transcript: Transcript) -> Document:
        """Segment and tag ``transcript``; the result has ``parsed=False`` sentences."""
        segments = tuple(_split_long_segment(s) for s in transcript.segments)
        flat = tuple(piece for group in segments for piece in group)
        text, pieces, seg_starts, seg_list = self._layout(flat)
        sentences: list[Sentence] = []
        if pieces:
            with one_blas_thread():
                # docs come one batch at a time: consumed here, inside the BLAS limit
                texts = [p.text for p in pieces]
                docs = zip(pieces, self._light_pipe(texts))
                # a spaCy batch of docs at a time, so that the token attributes missing from
                # the cache are computed in one go per batch (not once per speaker turn)
                group_size = _batch_size(texts)
                while group := list(itertools.islice(docs, group_size)):
                    for piece, (tokens, starts) in zip((p for p, _ in group), self._tokens_many(group)):
                        for begin, end in zip(starts, [*starts[1:], len(tokens)]):
                            sentences.extend(self._to_sentences(piece, tokens[begin:end], len(sentences), seg_starts, seg_list))
        renumber = {s.index: i for i, s in enumerate(sentences)}
        sentences = [
            dataclasses.replace(s, index=i, chunk_of=None if s.chunk_of is None else renumber[s.chunk_of]) for i, s in enumerate(sentences)
        ]
        speakers: list[str] = []
        for seg in flat:
            if seg.speaker is not None and seg.speaker not in speakers:
                speakers.append(seg.speaker)
        warnings = language_warnings(sentences)
        return Document(
            text=text,
            sentences=tuple(sentences),
            has_times=transcript.has_times,
            speakers=tuple(speakers),
            warnings=tuple(warnings),
        )

    def parse(self, document: Document, indices: Iterable[int]) -> Document:
        """Return ``document`` with the sentences at ``indices`` parsed (dependencies, named
        entities, noun chunks). Already-parsed sentences are left as they are."""
        wanted = sorted({i for i in indices if 0 <= i < len(document.sentences) and not document.sentences[i].parsed})
        if not wanted:
            return document
        sentences = list(document.sentences)
        texts = [sentences[i].text for i in wanted]
        with one_blas_thread():
            docs = self._parse_docs(texts)
        for i, doc in zip(wanted, docs):
            sentences[i] = _parsed_sentence(sentences[i], doc)
        return dataclasses.replace(document, sentences=tuple(sentences))

    def _parse_docs(self, texts: list[str]) -> list[Any]:
        """spaCy docs of ``texts`` with dependencies and entities."""
        attributes = self._attributes
        if attributes is not None and attributes.parse_neural:
            # the neural components only; POS and lemma from _TokenAttributes (same values)
            with self.nlp.select_pipes(enable=attributes.parse_neural):
                docs = list(self.nlp.pipe(texts, batch_size=_BATCH_SIZE))
            attributes.annotate_parsed(docs, texts)
            return docs
        return list(self.nlp.pipe(texts, disable=self._full_disable, batch_size=_BATCH_SIZE))

    # ---- layout -----------------------------------------------------------------------

    def _layout(self, segments: Sequence[Segment]) -> tuple[str, list[_Piece], list[int], list[Segment]]:
        """Join segments into the document text and cut it into pieces for spaCy.

        Returns the text, the pieces, and each segment's start offset with the segment
        (sorted by offset, for mapping characters back to times)."""
        parts: list[str] = []
        pieces: list[_Piece] = []
        seg_starts: list[int] = []
        seg_list: list[Segment] = []
        position = 0
        for turn in _turns(segments):
            for unit in self._units(turn):
                piece_start = None
                piece_parts: list[str] = []
                for seg in unit:
                    text = seg.text.strip()
                    if not text:
                        continue
                    if parts:
                        sep = " " if piece_parts else "\n"
                        parts.append(sep)
                        position += len(sep)
                    if piece_start is None:
                        piece_start = position
                    seg_starts.append(position)
                    seg_list.append(seg)
                    parts.append(text)
                    piece_parts.append(text)
                    position += len(text)
                if piece_start is not None:
                    pieces.append(_Piece(" ".join(piece_parts), piece_start, unit[0].speaker))
        return "".join(parts), pieces, seg_starts, seg_list

    def _units(self, turn: Sequence[Segment]) -> list[list[Segment]]:
        """Cut one speaker's turn at pauses (unpunctuated timed text) and at size limits."""
        words = sum(len(s.text.split()) for s in turn)
        marks = sum(len(_SENTENCE_MARK.findall(s.text)) for s in turn)
        unpunctuated = words >= 2 * self.config.max_words and marks * self.config.max_words < words
        units: list[list[Segment]] = [[]]
        size = 0
        previous: Segment | None = None
        for seg in turn:
            cut = False
            if previous is not None:
                if unpunctuated and _pause(previous, seg) >= self.config.pause_seconds:
                    cut = True
                elif size >= _MAX_UNIT_CHARS and (_SENTENCE_MARK.search(previous.text[-3:]) or size >= 2 * _MAX_UNIT_CHARS):
                    cut = True
            if cut and units[-1]:
                units.append([])
                size = 0
            units[-1].append(seg)
            size += len(seg.text) + 1
            previous = seg
        return [u for u in units if u]

    # ---- spaCy -------------------------------------------------------------------------

    def _light_pipe(self, texts: list[str]) -> Iterator[Any]:
        """The fast-pass docs, one at a time (a generator: only one batch of docs is held
        at once, so peak memory does not grow with the transcript's length)."""
        batch_size = _batch_size(texts)
        if self._attributes is not None:
            # tok2vec + tagger + senter only; POS and lemma come from _TokenAttributes
            enable = "senter" not in self.nlp.pipe_names
            if enable:
                self.nlp.enable_pipe("senter")
            try:
                with self.nlp.select_pipes(enable=self._attributes.neural):
                    yield from self.nlp.pipe(texts, batch_size=batch_size)
            finally:
                if enable:
                    self.nlp.disable_pipe("senter")
            return
        if self._has_senter:
            with self.nlp.select_pipes(disable=self._light_disable):
                if "senter" not in self.nlp.pipe_names:
                    self.nlp.enable_pipe("senter")
                    try:
                        yield from self.nlp.pipe(texts, batch_size=batch_size)
                    finally:
                        self.nlp.disable_pipe("senter")
                    return
                yield from self.nlp.pipe(texts, batch_size=batch_size)
            return
        # No statistical splitter: the parser has to set sentence boundaries.
        yield from self.nlp.pipe(texts, disable=[n for n in ("ner",) if n in self.nlp.pipe_names], batch_size=batch_size)

    def _tokens_many(self, group: list[tuple[_Piece, Any]]) -> list[tuple[list[Token | None], list[int]]]:
        """For each (piece, fast-pass doc): every token as a :class:`Token` (``None`` for
        white space), and the indices of the tokens that start a sentence."""
        if self._attributes is not None:
            return self._attributes.tokens_many([(doc, piece.offset, piece.text) for piece, doc in group])
        return [([None if t.is_space else _token(t, piece.offset, None) for t in doc], [s.start for s in doc.sents]) for piece, doc in group]

    def _to_sentences(self, piece: _Piece, sent_tokens: list[Token | None], first_index: int, seg_starts: list[int], seg_list: list[Segment]) -> list[Sentence]:
        tokens = [t for t in sent_tokens if t is not None]
        if not tokens or all(t.is_punct for t in tokens):
            return []
        out = []
        chunks = _chunks(tokens, self.config.max_words)
        # every piece of a cut sentence names the first piece, so it can be made whole again;
        # a cut that fell where a sentence ends (the splitter missed the boundary: ". The")
        # starts a new sentence, so such a piece may be whole on its own
        groups = _chunk_groups(chunks, first_index)
        for chunk, chunk_of in zip(chunks, groups):
            start_char = chunk[0].start_char
            end_char = chunk[-1].end_char
            first_seg = seg_list[bisect.bisect_right(seg_starts, start_char) - 1]
            last_seg = seg_list[bisect.bisect_right(seg_starts, end_char - 1) - 1]
            out.append(
                Sentence(
                    index=first_index + len(out),
                    text=piece.text[start_char - piece.offset : end_char - piece.offset],
                    start_char=start_char,
                    end_char=end_char,
                    start=first_seg.start,
                    end=last_seg.end if last_seg.end is not None else last_seg.start,
                    speaker=first_seg.speaker,
                    tokens=tuple(chunk),
                    chunk_of=chunk_of,
                )
            )
        return out


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


def _batch_size(texts: Sequence[str]) -> int:
    """Texts per spaCy batch: ``_BATCH_SIZE``, fewer when the texts are long."""
    longest = max((len(t) for t in texts), default=1)
    return max(1, min(_BATCH_SIZE, _BATCH_CHARS // max(longest, 1)))


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


# ---- helpers ------------------------------------------------------------------------------


def _turns(segments: Sequence[Segment]) -> list[list[Segment]]:
    """Consecutive segments of the same speaker."""
    turns: list[list[Segment]] = []
    for seg in segments:
        if turns and turns[-1][-1].speaker == seg.speaker:
            turns[-1].append(seg)
        else:
            turns.append([seg])
    return turns


def _pause(previous: Segment, current: Segment) -> float:
    """Silence between two timed segments in seconds (0 when either has no times)."""
    end = previous.end if previous.end is not None else previous.start
    if end is None or current.start is None:
        return 0.0
    return current.start - end


def _split_long_segment(segment: Segment, limit: int = _MAX_UNIT_CHARS) -> tuple[Segment, ...]:
    """Cut a huge segment (a 1 MB line of plain text) into pieces of at most ``limit``
    characters, at a sentence mark, else at white space, else anywhere."""
    text = segment.text
    if len(text) <= limit:
        return (segment,)
    out = []
    while len(text) > limit:
        window = text[:limit]
        cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
        if cut > limit // 2:
            cut += 1
        else:
            cut = window.rfind(" ")
            if cut < limit // 2:
                cut = limit
        out.append(dataclasses.replace(segment, text=text[:cut].strip()))
        text = text[cut:].strip()
    if text:
        out.append(dataclasses.replace(segment, text=text))
    return tuple(out)


def _chunks(tokens: list[Any], max_words: int) -> list[list[Any]]:
    """Split a token list into near-equal pieces of at most ``max_words`` tokens, cutting
    after a comma-like mark or before a conjunction when one is near the ideal cut."""
    chunks: list[list[Any]] = []
    begin = 0
    while len(tokens) - begin > max_words:
        remaining = len(tokens) - begin
        pieces = math.ceil(remaining / max_words)
        size = remaining / pieces
        ideal = begin + size
        lo = max(begin + 2, int(ideal - 0.3 * size))
        hi = min(begin + max_words, len(tokens) - 1)
        best, best_cost = min(int(round(ideal)), hi), math.inf
        for i in range(lo, hi + 1):  # cut before token i
            if tokens[i - 1].text in _SPLIT_AFTER:
                cost = abs(i - ideal)
            elif tokens[i].pos in _SPLIT_BEFORE_POS:
                cost = abs(i - ideal) + 1
            else:
                continue
            if cost < best_cost:
                best, best_cost = i, cost
        chunks.append(tokens[begin:best])
        begin = best
    chunks.append(tokens[begin:])
    return [c for c in chunks if c]


def _chunk_groups(chunks: list[list[Any]], first_index: int) -> list[int | None]:
    """For each chunk of one statistical sentence, the index of the first chunk of the
    spoken sentence it belongs to (``None`` for a chunk that is a whole sentence). Chunks
    join unless the previous one ends with a sentence mark and this one starts with a
    capital letter (a boundary the sentence splitter missed)."""
    starts = [0]
    for k in range(1, len(chunks)):
        ends = chunks[k - 1][-1].text in (".", "!", "?") or (len(chunks[k - 1]) > 1 and chunks[k - 1][-2].text in (".", "!", "?") and chunks[k - 1][-1].is_punct)
        if ends and chunks[k][0].text[:1].isupper():
            starts.append(k)
        else:
            starts.append(starts[-1])
    sizes: dict[int, int] = {}
    for g in starts:
        sizes[g] = sizes.get(g, 0) + 1
    return [first_index + g if sizes[g] > 1 else None for g in starts]


def _token(t: Any, offset: int, sent_start: int | None) -> Token:
    parsed = sent_start is not None
    return Token(
        text=t.text,
        lemma=t.lemma_,
        pos=t.pos_,
        tag=t.tag_,
        start_char=offset + t.idx,
        end_char=offset + t.idx + len(t.text),
        is_stop=t.is_stop,
        is_punct=t.is_punct,
        like_num=t.like_num,
        dep=t.dep_ if parsed else "",
        head=(t.head.i - sent_start) if parsed else -1,
        ent_type=t.ent_type_ if parsed else "",
        ent_iob=t.ent_iob_ if parsed else "",
    )


def _parsed_sentence(sentence: Sentence, doc: Any) -> Sentence:
    """Rebuild ``sentence`` from a full parse of its own text. Token attributes are read
    with ``Doc.to_array`` (one C call) rather than through token objects."""
    offset = sentence.start_char
    strings = doc.vocab.strings
    rows = doc.to_array(_PARSED_ATTRS).tolist()
    heads = doc.to_array("HEAD").astype("int64").tolist()  # relative offsets, stored unsigned
    keep = [i for i, row in enumerate(rows) if not row[5]]
    position = {i: j for j, i in enumerate(keep)}
    tokens = []
    for i in keep:
        orth, lemma, pos, tag, idx, _, is_stop, is_punct, like_num, dep, ent_type, ent_iob = rows[i]
        text = strings[orth]
        tokens.append(
            Token(
                text=text,
                lemma=strings[lemma],
                pos=strings[pos],
                tag=strings[tag],
                start_char=offset + idx,
                end_char=offset + idx + len(text),
                is_stop=bool(is_stop),
                is_punct=bool(is_punct),
                like_num=bool(like_num),
                dep=strings[dep],
                head=position.get(i + heads[i], position[i]),
                ent_type=strings[ent_type],
                ent_iob=_ENT_IOB[ent_iob],
            )
        )

    def span(s: Any, label: str) -> Span | None:
        inner = [position[t.i] for t in s if t.i in position]
        if not inner:
            return None
        return Span(
            text=s.text,
            label=label,
            start_token=inner[0],
            end_token=inner[-1] + 1,
            start_char=offset + s.start_char,
            end_char=offset + s.end_char,
            root_lemma=s.root.lemma_,
        )

    entities = tuple(x for x in (span(e, e.label_) for e in doc.ents) if x is not None)
    chunks = tuple(x for x in (span(c, "NP") for c in doc.noun_chunks) if x is not None)
    return dataclasses.replace(sentence, tokens=tuple(tokens), entities=entities, noun_chunks=chunks, parsed=True)


__all__ = ["Segmenter", "PipelineWarning"]
