"""Sentence segmentation and token analysis with spaCy.

This module and its helper :mod:`pipeline.token_attributes` are the only ones that touch
spaCy objects: it turns a cleaned :class:`Transcript`
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

from .config import SegmentConfig
from .errors import PipelineWarning
from .language import language_warnings
from .model import one_blas_thread
from .token_attributes import _ENT_IOB, _PARSED_ATTRS, _TokenAttributes, _hashed_lemma_index
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


def _batch_size(texts: Sequence[str]) -> int:
    """Texts per spaCy batch: ``_BATCH_SIZE``, fewer when the texts are long."""
    longest = max((len(t) for t in texts), default=1)
    return max(1, min(_BATCH_SIZE, _BATCH_CHARS // max(longest, 1)))


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
