"""Chapters: the parts of a recording, each with start and end, a title and key phrases.

Runs after segmentation on the fast pass (part of speech, lemma, stop-word flags; no
parse). Boundaries come from :mod:`.boundaries` (lexical cohesion, pauses, speaker changes,
cue phrases, a minimum length and a count that follows the length), titles and key phrases
from :mod:`.titles` (the phrases most distinctive of each part).

A transcript too short for two chapters of ``min_words`` gets one chapter covering it all; a
part with no phrase of its own joins the part before it; a transcript with nothing to name a
part by (a short clip, no nouns said twice) gets no chapters, with a warning.
"""

from __future__ import annotations

import re
import warnings
from typing import Sequence

from ..config import ChapterConfig
from ..errors import PipelineWarning
from ..keywords import filler_words
from ..result import Chapter
from ..types import Document, Sentence
from .boundaries import chapter_starts
from .titles import distinct, make_title, merge, phrases_of, ranked, windows_of, word_presence, word_topicality

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
        per_sentence = phrases_of(sentences, filler_words(), _speaker_words(document))
        context = _TitleContext(per_sentence, sentences)
        chapters = self._named(sentences, list(starts), context)
        # a part with no phrase of its own is no new topic: it joins the part before it
        while len(chapters) > 1 and not all(c.title for c in chapters):
            untitled = next(i for i, c in enumerate(chapters) if not c.title)
            starts = tuple(s for j, s in enumerate(starts) if j != max(1, untitled))
            chapters = self._named(sentences, list(starts), context)
        if not chapters[0].title:
            reason = "is too short to divide into parts" if document.n_words < 2 * self.config.min_words else "has no recurring topic words to name its parts by"
            warnings.warn(f"no chapters: the transcript {reason}", PipelineWarning, stacklevel=2)
            return ()
        return tuple(chapters)

    def _named(self, sentences: Sequence[Sentence], starts: list[int], context: "_TitleContext") -> list[Chapter]:
        """Chapters starting at ``starts``, each titled by the phrase that best names its
        topic (``""`` when it has none that another chapter has not used)."""
        ends = [*starts[1:], len(sentences)]
        used: set[tuple[str, ...]] = set()  # lemma keys of phrases named by earlier titles
        chapters = []
        for first, stop in zip(starts, ends):
            topicality = word_topicality(context.presence, context.windows, first, stop, context.word_counts, len(starts))
            candidates = ranked(merge(context.per_sentence[first:stop]), context.whole, len(starts), topicality)
            title, named = make_title(candidates, used, self.config.title_words)
            used.update(p.key for p in named)
            chapters.append(_chapter(sentences[first:stop], title, [p.text for _, p in distinct(candidates, self.config.keywords)]))
        return chapters


class _TitleContext:
    """What every chapter's title is scored against: each sentence's phrases and words,
    the window each sentence falls in, and the whole recording's counts."""

    def __init__(self, per_sentence: list, sentences: Sequence[Sentence]) -> None:
        self.per_sentence = per_sentence
        self.whole = merge(per_sentence)
        self.presence = word_presence(per_sentence)
        self.windows = windows_of(sentences)
        self.word_counts: dict[str, int] = {}
        for words in self.presence:
            for w in words:
                self.word_counts[w] = self.word_counts.get(w, 0) + 1


def _skip_words(document: Document) -> frozenset[str]:
    """Words never used for cohesion or titles: fillers and the words of speaker names
    (split at anything not a letter: "The Acting Chair (Mr. Bruce Stanton)" gives
    "bruce" and "stanton", not "stanton)")."""
    return frozenset(filler_words() | _speaker_words(document))


def _speaker_words(document: Document) -> frozenset[str]:
    """The lower-case words of the speaker labels."""
    return frozenset(w.lower() for speaker in document.speakers for w in re.split(r"[^\w'-]+", speaker) if len(w) > 1)


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
