"""Where key phrases occur in a piece of the transcript, for highlighting.

Shared by the Markdown and HTML renderers so both mark exactly the same words.
"""

from __future__ import annotations

from typing import Any, Iterable, Sequence

from ..result import Keyword


def key_spans(keywords: Sequence[Keyword], start: int, end: int) -> list[tuple[int, int, int]]:
    """Non-overlapping ``(start, end, keyword_rank)`` character spans of key phrases inside
    ``[start, end)`` of the document text, in text order. Where occurrences overlap, the
    longer one wins, then the better-ranked keyword (rank 0 is the top keyword)."""
    candidates = [
        (s, e, rank)
        for rank, keyword in enumerate(keywords)
        for s, e in keyword.spans
        if start <= s and e <= end and s < e
    ]
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    chosen: list[tuple[int, int, int]] = []
    for s, e, rank in candidates:
        if all(e <= cs or s >= ce for cs, ce, _ in chosen):
            chosen.append((s, e, rank))
    return sorted(chosen)


def split_marked(text: str, offset: int, spans: Iterable[tuple[int, int, int]]) -> list[tuple[str, int | None]]:
    """Cut ``text`` (which starts at document offset ``offset``) into ``(piece, rank)``
    pairs; ``rank`` is the keyword rank for highlighted pieces and ``None`` otherwise."""
    pieces: list[tuple[str, int | None]] = []
    position = 0
    for s, e, rank in spans:
        s, e = s - offset, e - offset
        if s > position:
            pieces.append((text[position:s], None))
        pieces.append((text[s:e], rank))
        position = e
    if position < len(text):
        pieces.append((text[position:], None))
    return pieces


def item_span(result: Any, item: Any) -> tuple[int, int]:
    """``[start, end)`` offsets in ``result.text`` of a summary point's shown text (its
    ``start_char``/``end_char`` when set and consistent with its text, else its sentence's)."""
    if item.start_char is not None and item.end_char is not None and item.end_char - item.start_char == len(item.text):
        return item.start_char, item.end_char
    sentence = result.sentences[item.sentence]
    return sentence.start_char, sentence.start_char + len(item.text)


def several_speakers(result: Any) -> bool:
    """Whether the transcript has two or more named speakers (only then do speaker names
    next to summary points tell the reader anything)."""
    seen: set[str] = set()
    for s in result.sentences:
        if s.speaker:
            seen.add(s.speaker)
            if len(seen) > 1:
                return True
    return False
