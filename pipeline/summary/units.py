"""The units a summary is made of: whole spoken sentences, and how each reads on its own.

The segmenter cuts a spoken sentence longer than ``segment.max_words`` into chunks
(``Sentence.chunk_of``); a summary point is never such a piece. Consecutive chunks of one
sentence are merged back into one unit (its tokens, its whole text, the first chunk's start
time and the last one's end), and every unit is judged by :func:`pipeline.standalone.assess`:
the span worth showing (a spoken opener such as "So," or "And" trimmed) and the reasons it
cannot be read on its own (only for the units that could be chosen: it costs more than
ranking).
"""

from __future__ import annotations

import dataclasses
from typing import NamedTuple, Sequence

from ..standalone import CUT_PIECE, HARD_PROBLEMS, Assessment, assess
from ..types import Document, Sentence


#: a cut sentence longer than this many words is not shown whole (a run-on of unpunctuated
#: speech): its chunks stay separate units, marked as pieces
MAX_JOINED_WORDS = 80


class Unit(NamedTuple):
    """One whole spoken sentence: ``first``/``last`` are inclusive positions in
    ``Document.sentences``; ``sentence`` is the merged sentence (the original one when
    ``first == last``); ``piece``: a chunk of a run-on too long to show whole."""

    first: int
    last: int
    sentence: Sentence
    piece: bool = False

    @property
    def joined(self) -> bool:
        return self.last > self.first


def build_units(document: Document, *, whole: bool = True) -> list[Unit]:
    """The document's sentences with the chunks of each cut sentence merged, in order.
    With ``whole=False`` every sentence is its own unit (pure ranking, as
    ``summary.filter_candidates = false`` asks)."""
    sentences = document.sentences
    units: list[Unit] = []
    i = 0
    n = len(sentences)
    while i < n:
        j = i
        mark = sentences[i].chunk_of
        if mark is not None and whole:
            while j + 1 < n and sentences[j + 1].chunk_of == mark:
                j += 1
            if sum(s.n_words for s in sentences[i : j + 1]) > MAX_JOINED_WORDS:
                for p in range(i, j + 1):  # too long to read whole: pieces, marked as such
                    units.append(Unit(p, p, sentences[p], True))
                i = j + 1
                continue
        merged = sentences[i] if j == i else merge(document, sentences[i : j + 1])
        units.append(Unit(i, j, merged))
        i = j + 1
    return units


def merge(document: Document, pieces: Sequence[Sentence]) -> Sentence:
    """One sentence from consecutive chunks: their tokens, the text between the first
    chunk's start and the last one's end (from ``document.text`` when it holds them, else
    the chunks' texts joined by spaces), the first start time and the last end time."""
    first, last = pieces[0], pieces[-1]
    if len(document.text) >= last.end_char and document.text[first.start_char : first.end_char] == first.text:
        text = document.text[first.start_char : last.end_char]
    else:
        text = " ".join(p.text for p in pieces)
    return dataclasses.replace(
        first,
        text=text,
        end_char=last.end_char,
        end=last.end,
        tokens=tuple(t for p in pieces for t in p.tokens),
        entities=(),
        noun_chunks=(),
        parsed=False,
        chunk_of=None,
    )


def untrimmed(unit: Unit) -> Assessment:
    """The verdict used when nothing is judged (``summary.filter_candidates = false``): the
    whole sentence, shown as it is."""
    s = unit.sentence
    return Assessment(s.start_char, s.end_char, False, (), (), 0)


def judge(unit: Unit, cased: bool, punctuated: bool = False) -> Assessment:
    """:func:`pipeline.standalone.assess` of the unit's (merged) sentence; in a
    ``punctuated`` transcript a sentence without a closing mark is a cut piece too (the
    speaker broke off: "… they want might want to")."""
    a = assess(unit.sentence, cased=cased)
    if punctuated and CUT_PIECE not in a.problems and not _closed(unit.sentence.text):
        problems = tuple(p for p in HARD_PROBLEMS if p in a.problems or p == CUT_PIECE)
        a = dataclasses.replace(a, problems=problems)
    return a


def _closed(text: str) -> bool:
    return text.rstrip(" \"')]\u201d\u2019")[-1:] in (".", "!", "?", "\u2026")


def is_punctuated(sentences: Sequence[Sentence]) -> bool:
    """Whether the transcript closes its sentences with punctuation (at least two thirds of
    a sample do; ASR text without punctuation gives no such signal)."""
    sample = sentences[:300]
    return bool(sample) and sum(1 for s in sample if _closed(s.text)) * 3 >= 2 * len(sample)


def shown(unit: Unit, a: Assessment) -> str:
    """The text a summary shows for ``unit`` judged ``a``: the kept span of its sentence,
    with the first letter upper-cased when an opener was trimmed (every word shown was said,
    in order)."""
    s = unit.sentence
    # offsets relative to the first token (a hand-built sentence may carry other offsets)
    origin = s.tokens[0].start_char if s.tokens else s.start_char
    text = s.text[max(0, a.start_char - origin) :]
    if a.trimmed and text[:1].islower():
        text = text[:1].upper() + text[1:]
    return text


def left_out(unit: Unit, a: Assessment) -> str:
    """The words a trimmed point leaves out before its shown text ("So, now", "Mr. Chair"),
    as said, without the trailing comma or space; ``""`` when nothing was trimmed."""
    if not a.trimmed:
        return ""
    s = unit.sentence
    origin = s.tokens[0].start_char if s.tokens else s.start_char
    return s.text[: max(0, a.start_char - origin)].rstrip(" ,\u2014-:;")


def shown_words(unit: Unit, a: Assessment, words: int) -> int:
    """Words of the shown text, given the unit's ``words`` (the trimmed opener left out)."""
    if not a.trimmed:
        return words
    tokens = unit.sentence.tokens
    dropped = sum(1 for t in tokens[: a.first_token] if not t.is_punct and not t.text.isspace())
    return max(1, words - dropped)


def is_cased(sentences: Sequence[Sentence]) -> bool:
    """Whether the transcript uses capital letters at sentence starts (ASR text often has
    none; then a lower-case start says nothing about a cut)."""
    sample = sentences[:300]
    if not sample:
        return True
    upper = sum(1 for s in sample if s.text[:1].isupper())
    return upper * 3 >= len(sample)
