"""A title of 3-10 words naming what the recording is about (no generation model).

The title is built from the recording's topics (its top key phrases) and never depends
on the summary, so it is the same whatever ``summary.sentences`` is. In order:

1. A news lead: when one of the first two sentences mentions two of the top five topics,
   has no first- or second-person word and is no question, its core clause in headline
   style (:mod:`.headline`): "British Airways Blamed High Fuel Prices for Drop in Profits".
2. A noun phrase of the sentences that mention the top topics, covering a top-3 topic,
   scored by the key-phrase mass it covers (:mod:`.phrases`): "The Future of Surgical
   Robots", "Plastic in the Ocean". A phrase of one topic only is joined to the next
   topic ("Stirling Engine and Solar Energy").
3. The top topics joined: "Quorum Sensing and Waggle Dance".

Never a transcript line, a speaker label (the key phrases have none) or a single common
word; ``""`` with a warning when the recording has no topic at all. Title case keeps
acronyms and names as written. Deterministic: every choice has a total order.
"""

from __future__ import annotations

import re
import warnings
from typing import Sequence

from ..config import TitleConfig
from ..errors import PipelineWarning
from ..result import Keyword, SummaryItem
from ..types import Document
from .case import heading, title_case
from .headline import core_clause, glue
from .phrases import VAGUE_HEADS, Candidate, Topic, candidates, covered, distinct, generic, joined, mentions, topics

#: sentences searched per topic for noun phrases (the first ones that mention it)
_PER_TOPIC = 6
#: opening sentences that may be a news lead
_LEAD = 2
#: how many of the top topics a lead must mention two of
_LEAD_TOPICS = 5
#: first- and second-person words ("US" in capitals is the country)
_PERSONAL = re.compile(r"(?<![\w'])(?:(?i:i|i'm|i've|i'd|me|my|we|we're|we've|our|you|you're|your)|us|Us)(?![\w'])")


class TitleMaker:
    """Make a title. ``wanted`` names the sentences that need a parse (noun chunks);
    ``__call__`` returns the title, or ``""`` (with a warning) when there is no topic.
    ``summary`` is accepted for the stage interface and not used."""

    def __init__(self, config: TitleConfig) -> None:
        self.config = config

    def wanted(self, document: Document, summary: Sequence[SummaryItem], keywords: Sequence[Keyword]) -> tuple[int, ...]:
        found = topics(keywords)
        said = mentions(document.sentences, found)
        picked = set(range(min(_LEAD, len(document.sentences))))
        for topic in found:
            hits = [i for i in sorted(said) if topic in said[i]]
            picked.update(hits[:_PER_TOPIC])
        return tuple(sorted(picked))

    def __call__(self, document: Document, summary: Sequence[SummaryItem], keywords: Sequence[Keyword]) -> str:
        found = topics(keywords)
        if not found:
            if document.sentences:
                warnings.warn("title: no key phrase to name the recording by; no title", PipelineWarning, stacklevel=2)
            return ""
        said = mentions(document.sentences, found)
        lead = self._lead(document, found, said)
        if lead:
            return lead
        best = self._best_phrase(document, found, said)
        if best is not None:
            words, proper = list(best.words), list(best.proper)
            hit = distinct(covered(words, found))
            if len(hit) == 1 and len(words) <= 3 or len(words) < 3:
                # one topic alone says little: "Surgical Robots and Interventional Surgery"
                more = joined(found, self.config.max_words, first=_as_topic(best, hit[0], hit))
                if len(more) > len(words):
                    return title_case(more, [w[:1].isupper() for w in more])
            return title_case(words, proper)
        words = joined(found, self.config.max_words)
        if words:
            return title_case(words, [w[:1].isupper() for w in words])
        top = found[0].text
        if generic(top):
            warnings.warn("title: only common words recur; no title", PipelineWarning, stacklevel=2)
            return ""
        return heading(top)

    def _lead(self, document: Document, found: Sequence[Topic], said: dict[int, list[Topic]]) -> str:
        """The headline of a news lead among the opening sentences, or ``""``."""
        for index in range(min(_LEAD, len(document.sentences))):
            sentence = document.sentences[index]
            named = {t.rank for t in said.get(index, ()) if t.rank < _LEAD_TOPICS}
            if len(named) < 2 or not sentence.parsed or "?" in sentence.text or _PERSONAL.search(sentence.text):
                continue
            clause = core_clause(sentence, self.config.max_words)
            if clause is not None and clause[0].text.lower() not in VAGUE_HEADS:
                words, proper = glue(clause)
                return title_case(words, proper)
        return ""

    def _best_phrase(self, document: Document, found: Sequence[Topic], said: dict[int, list[Topic]]) -> Candidate | None:
        text = document.text.lower()
        pool: list[Candidate] = []
        repeats = _Repeats(text)
        for index in sorted(said):
            sentence = document.sentences[index]
            if sentence.parsed:
                pool.extend(candidates(sentence, found, repeats, self.config.max_words))
        if not pool:
            return None
        pool.sort(key=lambda c: (-c.score, c.sentence, c.start_char, c.words))
        return pool[0]


class _Repeats(dict):
    """Lower-cased phrase -> how often the document says it (counted on demand)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._text = text

    def get(self, phrase: str, default: int = 1) -> int:  # type: ignore[override]
        if phrase not in self:
            self[phrase] = max(default, len(re.findall(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", self._text)))
        return self[phrase]


def _as_topic(candidate: Candidate, topic: Topic, hit: Sequence[Topic]) -> Topic:
    """The chosen phrase as the first topic of a joined title (its covered topics' words
    count as used)."""
    text = " ".join(candidate.words)
    return Topic(text=text, forms=(text.lower(),), weight=topic.weight, rank=topic.rank, extra=frozenset().union(*(t.words for t in hit)))


__all__ = ["TitleMaker", "title_case", "heading"]
