"""Chapter titles and key phrases: the phrases most distinctive of a chapter.

Candidates are noun phrases read off the part-of-speech tags (adjectives and nouns ending in
a noun, at most four words, no stop words, fillers or speaker names). A phrase scores for a
chapter by how often it occurs there, how much of its use falls there rather than in the
rest of the recording, and how specific its words are in English at large (word
frequencies from the ``wordfreq`` package: "genocide" names a topic, "room" or "people" do
not); multi-word phrases get a bonus, as they name a topic better than a single noun.

The title is the best phrase, joined by "and" with the second best when both are short
enough ("Battery and power supply"), in sentence case. Each chapter's title differs from the
others': a phrase already used as a title is passed over.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Sequence

from ..types import Sentence, Token

_HEAD_POS = frozenset({"NOUN", "PROPN"})
_MODIFIER_POS = frozenset({"NOUN", "PROPN", "ADJ"})
_MAX_PHRASE = 4
#: how much a phrase spread over the whole recording is held back (0: not at all)
_SHARE_POWER = 0.5
#: a multi-word phrase among the best _PHRASE_REACH, scoring at least _PHRASE_SHARE of the
#: best, is a title by itself
_PHRASE_REACH = 3
_PHRASE_SHARE = 0.5


@dataclass(slots=True)
class Phrase:
    """One candidate, keyed by its lower-case lemmas; ``forms`` counts surface forms."""

    key: tuple[str, ...]
    forms: dict[str, int] = field(default_factory=dict)
    count: int = 0
    first: int = 0  # first sentence it occurs in (a total tie-break)
    proper: int = 0  # occurrences written as a name
    sentences: list[int] = field(default_factory=list)  # where it occurs, in order

    @property
    def text(self) -> str:
        """The most frequent surface form (ties: the alphabetically first)."""
        return min(self.forms, key=lambda f: (-self.forms[f], f))


def phrases_of(sentences: Sequence[Sentence], skip: frozenset[str]) -> list[dict[tuple[str, ...], Phrase]]:
    """Per sentence, its candidate phrases (maximal noun-phrase runs and their right-hand
    sub-phrases, e.g. "battery life" and "life" from "battery life")."""
    out = []
    for sentence in sentences:
        found: dict[tuple[str, ...], Phrase] = {}
        run: list[Token] = []
        for token in (*_hyphen_joined(sentence.tokens), None):
            if token is not None and _usable(token, skip):
                run.append(token)
                continue
            while run and run[-1].pos not in _HEAD_POS:
                run.pop()
            while run and run[0].pos not in _MODIFIER_POS:
                run.pop(0)
            run = run[-_MAX_PHRASE:]
            for begin in range(len(run)):
                part = run[begin:]
                if part[0].pos == "ADJ" and len(part) == 1:
                    continue
                key = tuple((t.lemma or t.text).lower() for t in part)
                phrase = found.setdefault(key, Phrase(key=key, first=sentence.index))
                form = " ".join(_as_written(t, sentence) for t in part)
                phrase.forms[form] = phrase.forms.get(form, 0) + 1
                phrase.count += 1
                phrase.proper += all(t.pos == "PROPN" for t in part)
                if not phrase.sentences:
                    phrase.sentences.append(sentence.index)
            run = []
        out.append(found)
    return out


def _as_written(token: Token, sentence: Sentence) -> str:
    """The token's text, lower-cased when it is capitalised only because it opens the
    sentence ("Audience ..."); names and acronyms keep their capitals."""
    text = token.text
    if token.start_char == sentence.start_char and token.pos != "PROPN" and text[1:].islower():
        return text.lower()
    return text


def _hyphen_joined(tokens: Sequence[Token]) -> list[Token]:
    """Tokens with hyphenated compounds written without spaces ("ping-pong", "long-term")
    made one token, tagged as their last part."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t.text == "-" and out and i + 1 < len(tokens) and out[-1].end_char == t.start_char and tokens[i + 1].start_char == t.end_char and out[-1].text.isalpha():
            nxt = tokens[i + 1]
            joined = f"{out[-1].text}-{nxt.text}"
            out[-1] = dataclasses.replace(nxt, text=joined, lemma=f"{out[-1].text.lower()}-{nxt.lemma or nxt.text}", start_char=out[-1].start_char, is_stop=False)
            i += 2
            continue
        out.append(t)
        i += 1
    return out


def _usable(token: Token, skip: frozenset[str]) -> bool:
    if token.pos not in _MODIFIER_POS or token.is_stop or token.is_punct or token.like_num:
        return False
    word = token.text.lower()
    lemma = (token.lemma or token.text).lower()
    return len(word) >= 2 and word.replace("-", "").replace("'", "").isalpha() and word not in skip and lemma not in skip


def merge(parts: Sequence[dict[tuple[str, ...], Phrase]]) -> dict[tuple[str, ...], Phrase]:
    """Counts of several sentences' phrases added together."""
    total: dict[tuple[str, ...], Phrase] = {}
    for part in parts:
        for key, p in part.items():
            into = total.setdefault(key, Phrase(key=key, first=p.first))
            for form, c in p.forms.items():
                into.forms[form] = into.forms.get(form, 0) + c
            into.count += p.count
            into.proper += p.proper
            into.sentences.extend(p.sentences)
            into.first = min(into.first, p.first)
    return total


def ranked(chapter: dict[tuple[str, ...], Phrase], whole: dict[tuple[str, ...], Phrase], n_chapters: int) -> list[tuple[float, Phrase]]:
    """The chapter's phrases, most distinctive first: ``(score, phrase)``, higher is better."""
    out = []
    for key, p in chapter.items():
        if p.count < 2:
            continue  # a phrase said once does not name a part
        share = p.count / whole[key].count
        # with one chapter every phrase has share 1: then plain frequency decides
        distinct = share if n_chapters > 1 else 1.0
        length = 1.0 + 0.6 * (len(key) - 1)
        score = p.count * distinct ** _SHARE_POWER * length * specificity(p.key)
        out.append((score, p))
    out.sort(key=lambda sp: (-sp[0], sp[1].first, sp[1].key))
    return _without_contained(out)


def specificity(words: tuple[str, ...]) -> float:
    """In [0.15, 1], higher for rarer words: from the Zipf frequency (log10 of uses per
    billion words) of the phrase's rarest word; 1 at Zipf 4.3 ("battery") or rarer, 0.15
    for everyday words at Zipf 5.6 or more ("room", "people", "change")."""
    zipf = min(_zipf(w) for w in words)
    return min(1.0, max(0.15, (5.6 - zipf) / 1.3))


def _zipf(word: str) -> float:
    frequency = _frequencies().get(word.lower(), 0.0)
    return math.log10(frequency) + 9.0 if frequency > 0 else 0.0


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    """English word frequencies (wordfreq's "best" list, shipped in the package; read once
    per process, about a second)."""
    import wordfreq

    return wordfreq.get_frequency_dict("en", wordlist="best")


def _without_contained(items: list[tuple[float, Phrase]]) -> list[tuple[float, Phrase]]:
    """Drop a phrase whose words lie inside a better-ranked one ("control" after "remote
    control") or that contains a better one only by adding a word."""
    kept: list[tuple[float, Phrase]] = []
    for score, p in items:
        words = set(p.key)
        if any(words <= set(q.key) or set(q.key) <= words for _, q in kept):
            continue
        kept.append((score, p))
    return kept


def make_title(candidates: list[tuple[float, Phrase]], used: set[tuple[str, ...]], max_words: int) -> tuple[str, list[Phrase]]:
    """A 2-``max_words`` word heading from the best phrases not already used as a title.

    A multi-word phrase scoring at least half the best is a heading by itself ("Tropical
    hardwood trees"). Otherwise the best phrase is joined with the next one ("Genocide and
    human rights"), preferring one talked about in the same or the next sentence; a single
    word stands alone only when nothing else is left to join it with. Phrases in ``used``
    (lemma keys of other chapters' titles) are passed over. Returns the title and the
    phrases it names."""
    fresh = [(s, p) for s, p in candidates if p.key not in used and len(p.text.split()) <= max_words]
    if not fresh:
        return "", []
    top = fresh[0][0]
    for score, phrase in fresh[:_PHRASE_REACH]:
        if len(phrase.key) > 1 and score >= _PHRASE_SHARE * top:
            return _sentence_case(phrase.text), [phrase]
    first = fresh[0][1]
    room = max_words - len(first.text.split()) - 1
    partners = [p for _, p in fresh[1:5] if len(p.text.split()) <= room]
    partner = next((p for p in partners if _together(first, p)), partners[0] if partners else None)
    if partner is None:
        return _sentence_case(first.text), [first]
    return _sentence_case(f"{first.text} and {partner.text}"), [first, partner]


def _together(a: Phrase, b: Phrase) -> bool:
    """Do the two phrases occur in the same sentence or in neighbouring ones?"""
    near = {i + d for i in a.sentences for d in (-1, 0, 1)}
    return any(i in near for i in b.sentences)


def _sentence_case(title: str) -> str:
    """The first letter capitalised, unless the first word is written with capitals inside
    ("iPhone", "eBay", "TED"), which stay as spoken; other words keep their usual form."""
    first = title.split()[0] if title.split() else ""
    if any(c.isupper() for c in first[1:]):
        return title
    return title[:1].upper() + title[1:]
