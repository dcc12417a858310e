"""Plain, immutable values that the stages exchange.

spaCy objects never leave :mod:`pipeline.segment`; everything downstream works on these
frozen dataclasses. Character offsets are into ``Document.text`` (the cleaned transcript,
sentences joined by single spaces or newlines) and are half-open ``[start, end)``.
Times are seconds from the start of the recording, ``None`` when the input has none.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Segment:
    """One piece of transcript as read from the input: a caption cue, a speaker turn, a line.

    ``start``/``end`` are seconds (``None`` when unknown); ``speaker`` is ``None`` when unknown.
    """

    text: str
    start: float | None = None
    end: float | None = None
    speaker: str | None = None


@dataclass(frozen=True, slots=True)
class Transcript:
    """What ingest produced: segments in input order, plus how they were read."""

    segments: tuple[Segment, ...]
    format: str = "text"  # text | srt | vtt | whisper-json | youtube-json3
    source: str = "<string>"  # file name, or "<stdin>" / "<string>"
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()
    input_sha256: str = ""  # hex SHA-256 of the raw input bytes (text: its UTF-8 encoding)

    @property
    def has_times(self) -> bool:
        return any(s.start is not None for s in self.segments)


@dataclass(frozen=True, slots=True)
class Token:
    """A token with the annotations the stages need (spaCy's, copied out as plain values).

    ``start_char``/``end_char`` are offsets into ``Document.text``. ``head`` is the index of
    the syntactic head within the same sentence's ``tokens`` (itself for the root; ``-1``
    when the sentence was not parsed). ``ent_type`` is ``""`` outside named entities.
    """

    text: str
    lemma: str
    pos: str
    tag: str
    start_char: int
    end_char: int
    is_stop: bool
    is_punct: bool
    like_num: bool
    dep: str = ""
    head: int = -1
    ent_type: str = ""
    ent_iob: str = ""


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled span of tokens within one sentence: a named entity or a noun chunk.

    ``start_token``/``end_token`` index the sentence's ``tokens`` (half-open);
    ``start_char``/``end_char`` are offsets into ``Document.text``.
    ``label`` is the entity label (``PERSON``, ``DATE`` …) or ``"NP"`` for noun chunks.
    """

    text: str
    label: str
    start_token: int
    end_token: int
    start_char: int
    end_char: int
    root_lemma: str = ""


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the cleaned transcript.

    ``index`` is its position in the document (0-based). ``start``/``end`` are seconds of the
    segments it came from (``None`` without timestamps). ``parsed`` says whether the
    dependency parse and named entities were computed (``entities`` and ``noun_chunks`` are
    empty otherwise).

    ``chunk_of`` marks a piece of a longer spoken sentence: the segmenter cuts a sentence of
    more than ``segment.max_words`` words into chunks, and every chunk of it carries the
    ``index`` of the first one (``None`` for a sentence that was not cut). The chunks of one
    spoken sentence are consecutive; :func:`pipeline.standalone.chunk_group` finds them, so
    a stage can show the sentence whole again or avoid its pieces.
    """

    index: int
    text: str
    start_char: int
    end_char: int
    start: float | None
    end: float | None
    speaker: str | None
    tokens: tuple[Token, ...] = ()
    entities: tuple[Span, ...] = ()
    noun_chunks: tuple[Span, ...] = ()
    parsed: bool = False
    chunk_of: int | None = None

    @property
    def is_chunk(self) -> bool:
        """True for a piece of a longer spoken sentence (see ``chunk_of``)."""
        return self.chunk_of is not None

    @property
    def n_words(self) -> int:
        """Number of non-punctuation tokens (or whitespace words when not tokenised)."""
        if self.tokens:
            return sum(1 for t in self.tokens if not t.is_punct and not t.text.isspace())
        return len(self.text.split())


@dataclass(frozen=True, slots=True)
class Document:
    """The analysed transcript: cleaned text and its sentences, in document order."""

    text: str
    sentences: tuple[Sentence, ...]
    has_times: bool = False
    speakers: tuple[str, ...] = ()  # in order of first appearance
    language: str = "en"
    warnings: tuple[str, ...] = field(default=())

    @property
    def n_words(self) -> int:
        return sum(s.n_words for s in self.sentences)
