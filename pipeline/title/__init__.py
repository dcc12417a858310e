"""A title of 3-10 words naming what the recording is about (no generation model).

The title is built from the recording's topics (its top key phrases) and never depends
on the summary, so it is the same whatever ``summary.sentences`` is. In order:

1. A news lead: when the first sentence mentions a top topic, has no first- or
   second-person word, no spoken opener ("So", "Well") and is no question, its core clause
   in headline style (:mod:`.headline`), unless that drops a figure from its middle:
   "British Airways Blamed High Fuel Prices for Drop in Profits".
2. The subject the speaker announces in an opening sentence ("Today I want to talk about
   the transformed media landscape", "I want to tell you how a swarm chooses its new
   home"), when it names a topic (:mod:`.thesis`): "Transformed Media Landscape", "How a
   Honeybee Swarm Chooses Its New Home".
3. A noun phrase of the sentences that mention the top topics, covering a top-3 topic,
   scored by the key-phrase mass it covers (:mod:`.phrases`): "The Future of Surgical
   Robots", "Plastic in the Ocean"; never one that names only a person or a place while a
   concept leads the topics ("Long Beach" for a talk on plastic). A short phrase of one
   topic is joined to a second topic only when the two are a joint subject (a specific
   concept among the top five, or said together often: "Stirling Engine and Solar
   Energy"); a plain word, a person or a place is never glued beside it.
4. The top concept (a multi-word topic that contains it: "Remote Control" over
   "Remote"), joined as in 3.

Never a transcript line, a speaker label (the key phrases have none) or a single common
word; ``""`` with a warning when the recording has no topic at all. Title case keeps
acronyms and names as written. Deterministic: every choice has a total order.
"""

from __future__ import annotations

import dataclasses
import re
import warnings
from typing import Sequence

from ..config import TitleConfig
from ..errors import PipelineWarning
from ..result import Keyword, SummaryItem
from ..types import Document, Sentence, Token
from .case import heading, title_case
from .headline import FIGURE_WORDS, core_clause, glue
from .thesis import cue_sentences, thesis
from .phrases import CORE_TOPICS, VAGUE_HEADS, Candidate, Topic, candidates, covered, distinct, generic, joined, mentions, topics

#: sentences searched per topic for noun phrases (the first ones that mention it)
_PER_TOPIC = 6
#: opening sentences that may be a news lead (the first only: a news lead comes first)
_LEAD = 1
_SPOKEN_OPENERS = frozenset("so and but well now okay ok alright right yeah um uh oh".split())
#: how many of the top topics a lead must mention two of
_LEAD_TOPICS = 8
#: ... and how many of them it must mention
_LEAD_MIN = 1
#: first- and second-person words ("US" in capitals is the country)
_PERSONAL_ANY = re.compile(r"(?<![\w'])(?:(?i:i|i'm|i've|i'd|me|my|we|we're|we've|our|you|you're|your)|us|Us)(?![\w'])")
_PERSONAL = re.compile(r"(?<![\w'])(?:(?i:i|i'm|i've|i'd|me|my|we|we're|we've|our|you|you're|your)|us|Us)(?![\w'])")


class TitleMaker:
    """Make a title. ``wanted`` names the sentences that need a parse (noun chunks);
    ``__call__`` returns the title, or ``""`` (with a warning) when there is no topic.
    ``summary`` is accepted for the stage interface and not used."""

    def __init__(self, config: TitleConfig) -> None:
        self.config = config

    def wanted(self, document: Document, summary: Sequence[SummaryItem], keywords: Sequence[Keyword]) -> tuple[int, ...]:
        found = topics(keywords)
        return self._wanted(document, found, mentions(document.sentences, found))

    def _wanted(self, document: Document, found: Sequence[Topic], said: dict[int, list[Topic]]) -> tuple[int, ...]:
        picked = set(range(min(_LEAD, len(document.sentences))))
        picked.update(cue_sentences(document.sentences))
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
        found = _mark_persons(document, found, self._wanted(document, found, said))
        said = mentions(document.sentences, found)
        lead = self._lead(document, found, said)
        if lead:
            return lead
        stated = self._thesis(document, found)
        if stated:
            return stated
        best = self._best_phrase(document, found, said)
        if best is not None:
            words, proper = list(best.words), list(best.proper)
            hit = distinct(covered(words, found))
            if len(hit) == 1 and len(words) <= 3 or len(words) < 3:
                # one topic alone says little: "Surgical Robots and Interventional Surgery"
                more = joined(found, self.config.max_words, said, first=_as_topic(best, hit[0], hit), sources=hit)
                if len(more) > len(words):
                    return title_case(more, [w[:1].isupper() for w in more])
            return title_case(words, proper)
        words = joined(found, self.config.max_words, said)
        if len(words) > 1 or words and not generic(" ".join(words)):
            return title_case(words, [w[:1].isupper() for w in words])
        top = found[0].text
        if generic(top):
            warnings.warn("title: only common words recur; no title", PipelineWarning, stacklevel=2)
            return ""
        return heading(top)

    def _lead(self, document: Document, found: Sequence[Topic], said: dict[int, list[Topic]]) -> str:
        """The headline of a news lead among the opening sentences, or ``""`` (always for
        a spoken recording: a talk's first sentence is no news lead)."""
        if _spoken(document.text):
            return ""
        for index in range(min(_LEAD, len(document.sentences))):
            sentence = document.sentences[index]
            named = {t.rank for t in said.get(index, ()) if t.rank < _LEAD_TOPICS}
            if len(named) < _LEAD_MIN or not sentence.parsed or "?" in sentence.text or _PERSONAL.search(sentence.text):
                continue
            if sentence.tokens and sentence.tokens[0].text.lower() in _SPOKEN_OPENERS:
                continue  # "So the first robot ...": a talk, not a news lead
            clause = core_clause(sentence, self.config.max_words)
            if clause is not None and clause[0].text.lower() not in VAGUE_HEADS and not _figure_dropped(sentence, clause):
                words, proper = glue(clause)
                return title_case(words, proper)
        return ""

    def _thesis(self, document: Document, found: Sequence[Topic]) -> str:
        """The subject the speaker announces among the opening sentences, or ``""``."""
        topic_words = frozenset().union(*(t.words for t in found))
        for index in cue_sentences(document.sentences):
            stated = thesis(document.sentences[index], topic_words, self.config.max_words)
            if stated is not None:
                return title_case(*stated)
        return ""

    def _best_phrase(self, document: Document, found: Sequence[Topic], said: dict[int, list[Topic]]) -> Candidate | None:
        text = document.text.lower()
        pool: list[Candidate] = []
        repeats = _Repeats(text)
        # only the sentences ``wanted`` named: the title must not change when another
        # stage has parsed more of them
        for index in self._wanted(document, found, said):
            sentence = document.sentences[index]
            if sentence.parsed and index in said:
                pool.extend(candidates(sentence, found, repeats, self.config.max_words))
        # "Long Beach" for a talk on plastic: a place or a person is no subject
        pool = [c for c in pool if not _only_names(c, found)]
        if not pool:
            return None
        pool.sort(key=lambda c: (-c.score, c.sentence, c.start_char, c.words))
        return pool[0]


def _mark_persons(document: Document, found: Sequence[Topic], parsed: Sequence[int]) -> list[Topic]:
    """``found`` with ``person`` set on topics whose words the parser mostly tagged PERSON
    in the parsed sentences."""
    votes: dict[str, list[int]] = {}
    for index in parsed:
        for t in document.sentences[index].tokens:
            if t.pos == "PROPN":
                tally = votes.setdefault(t.text.lower(), [0, 0])
                tally[0] += t.ent_type == "PERSON"
                tally[1] += 1
    out = []
    for topic in found:
        words = topic.text.lower().split()
        person = all(w in votes and 2 * votes[w][0] > votes[w][1] for w in words)
        out.append(dataclasses.replace(topic, person=person))
    return out


#: first- and second-person words outside quotation marks per word from which a text is
#: spoken, not news (BBC dev: 30 of 1,328 articles reach it; TED dev: 398 of 400 talks)
SPOKEN_RATE = 0.02
#: a quotation (news quotes people: "We are pleased", said ...), up to 600 characters
_QUOTED = re.compile(r'"[^"\n]{0,600}"|\u201c[^\u201d\n]{0,600}\u201d')


def _spoken(text: str) -> bool:
    """Said to an audience ("I", "we", "you" throughout), not written as a news story."""
    words = len(text.split())
    return words > 0 and len(_PERSONAL_ANY.findall(_QUOTED.sub(" ", text))) >= SPOKEN_RATE * words


def _only_names(candidate: Candidate, found: Sequence[Topic]) -> bool:
    """The phrase names only people or places ("Long Beach") while a concept leads the
    topics ("Language Model for Switchboard" names a concept too)."""
    hit = [t for t in covered(candidate.words, found) if t.person or _name_text(t.text)]
    concept = any(not t.person and not _name_text(t.text) for t in found if t.rank < CORE_TOPICS)
    if not concept or not hit:
        return False
    name_words = frozenset(w.lower() for t in hit for w in t.text.split())
    return all(w.lower() in name_words or w.lower() in _SMALL for w in candidate.words) or all(w[:1].isupper() for w in candidate.words)


_SMALL = frozenset("the a an of in on at for and to from".split())


def _name_text(text: str) -> bool:
    return all(w[:1].isupper() for w in text.split())


def _figure_dropped(sentence: Sentence, clause: Sequence[Token]) -> bool:
    """A figure that counts a noun inside the clause was dropped: "First Half of Century"
    ("20th century") reads wrong without it (a dropped amount, "rose 5% to", does not)."""
    first, last = clause[0].start_char, clause[-1].end_char
    kept = {t.start_char for t in clause}
    tokens = sentence.tokens
    return any(
        first < t.start_char < last
        and t.start_char not in kept
        and any(c.isdigit() for c in t.text)
        and i + 1 < len(tokens)
        and tokens[i + 1].pos == "NOUN"
        and tokens[i + 1].text.lower() not in FIGURE_WORDS
        for i, t in enumerate(tokens)
    )


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
    return Topic(
        text=text,
        forms=(text.lower(),),
        weight=topic.weight,
        rank=topic.rank,
        extra=frozenset().union(*(t.words for t in hit)),
        count=max(t.count for t in hit),
    )


__all__ = ["TitleMaker", "title_case", "heading"]
