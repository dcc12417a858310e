"""Chapters: the parts of a recording, each with start and end, a title and key phrases.

Runs after segmentation on the fast pass (part of speech, lemma, stop-word flags; no
parse). Boundaries come from :mod:`.boundaries` (lexical cohesion, pauses, speaker changes,
cue phrases, a minimum length and a count that follows the length), titles and key phrases
from :mod:`.titles` (the phrases most distinctive of each part).

A transcript too short for two chapters of ``min_words`` gets one chapter covering it all;
one with no nameable content (identical repeated lines, no nouns) gets none, with a warning.
"""

from __future__ import annotations

import warnings
from typing import Sequence

from ..config import ChapterConfig
from ..errors import PipelineWarning
from ..keywords import filler_words
from ..result import Chapter
from ..types import Document, Sentence
from .boundaries import chapter_starts
from .titles import make_title, merge, phrases_of, ranked

__all__ = ["ChapterMaker", "Chapter"]


class ChapterMaker:
    """Split a document into chapters: ``ChapterMaker(config)(document)`` returns a tuple of
    :class:`Chapter` in document order, covering every sentence (empty with a warning when
    the transcript has nothing to name a part by)."""

    def __init__(self, config: ChapterConfig) -> None:
        self.config = config

    def __call__(self, document: Document) -> tuple[Chapter, ...]:
        sentences = document.sentences
        if not sentences or self.config.max_chapters == 0:
            return ()
        skip = _skip_words(document)
        starts = chapter_starts(
            sentences,
            skip,
            min_words=self.config.min_words,
            words_per_chapter=self.config.words_per_chapter,
            max_chapters=self.config.max_chapters,
        )
        per_sentence = phrases_of(sentences, skip)
        whole = merge(per_sentence)
        ends = [*starts[1:], len(sentences)]
        used: set[tuple[str, ...]] = set()  # lemma keys of phrases named by earlier titles
        chapters = []
        for first, stop in zip(starts, ends):
            candidates = ranked(merge(per_sentence[first:stop]), whole, len(starts))
            title, named = make_title(candidates, used, self.config.title_words)
            used.update(p.key for p in named)
            chapters.append(_chapter(sentences[first : stop], title, [p.text for _, p in candidates[: self.config.keywords]]))
        if not any(c.title for c in chapters):
            warnings.warn("no chapters: the transcript has no recurring topic words to name its parts by", PipelineWarning, stacklevel=2)
            return ()
        return tuple(_fill_missing_titles(chapters))


def _skip_words(document: Document) -> frozenset[str]:
    """Words never used for cohesion or titles: fillers and the words of speaker names."""
    names = {w.lower() for speaker in document.speakers for w in speaker.replace(":", " ").split()}
    return frozenset(filler_words() | names)


def _chapter(part: Sequence[Sentence], title: str, keywords: list[str]) -> Chapter:
    last = part[-1]
    return Chapter(
        title=title,
        start=part[0].start,
        end=last.end if last.end is not None else last.start,
        first_sentence=part[0].index,
        last_sentence=last.index,
        keywords=tuple(keywords),
    )


def _fill_missing_titles(chapters: list[Chapter]) -> list[Chapter]:
    """A part with no phrase of its own is named by its position ("Part 3")."""
    import dataclasses

    return [c if c.title else dataclasses.replace(c, title=f"Part {i}") for i, c in enumerate(chapters, 1)]
