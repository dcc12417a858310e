"""Chapter titles and key phrases: the phrases most distinctive of a chapter.

Candidates are noun phrases read off the part-of-speech tags (adjectives and nouns ending in
a noun, at most four words, no stop words, fillers or speaker names). A phrase scores for a
chapter by how often it occurs there and how much of its use falls there rather than in the
rest of the recording (``count_in_chapter * share_in_chapter``; higher is more distinctive),
with a bonus for multi-word phrases, which name a topic better than a single noun.

The title is the best phrase, joined by "and" with the second best when both are short
enough ("Battery and power supply"), in sentence case. Each chapter's title differs from the
others': a phrase already used as a title is passed over.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from ..types import Sentence, Token

_HEAD_POS = frozenset({"NOUN", "PROPN"})
_MODIFIER_POS = frozenset({"NOUN", "PROPN", "ADJ"})
_MAX_PHRASE = 4


@dataclass(slots=True)
class Phrase:
    """One candidate, keyed by its lower-case lemmas; ``forms`` counts surface forms."""

    key: tuple[str, ...]
    forms: dict[str, int] = field(default_factory=dict)
    count: int = 0
    first: int = 0  # first sentence it occurs in (a total tie-break)
    proper: int = 0  # occurrences written as a name

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
        for token in (*sentence.tokens, None):
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
                form = " ".join(t.text for t in part)
                phrase.forms[form] = phrase.forms.get(form, 0) + 1
                phrase.count += 1
                phrase.proper += all(t.pos == "PROPN" for t in part)
            run = []
        out.append(found)
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
            into.first = min(into.first, p.first)
    return total


def ranked(chapter: dict[tuple[str, ...], Phrase], whole: dict[tuple[str, ...], Phrase], n_chapters: int) -> list[tuple[float, Phrase]]:
    """The chapter's phrases, most distinctive first: ``(score, phrase)``, higher is better."""
    out = []
    for key, p in chapter.items():
        if p.count < 2 and len(key) < 2:
            continue  # a noun said once does not name a part
        share = p.count / whole[key].count
        # with one chapter every phrase has share 1: then plain frequency decides
        distinct = share if n_chapters > 1 else 1.0
        length = 1.0 + 0.6 * (len(key) - 1)
        score = p.count * distinct * distinct * length
        out.append((score, p))
    out.sort(key=lambda sp: (-sp[0], sp[1].first, sp[1].key))
    return _without_contained(out)


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


def make_title(candidates: list[tuple[float, Phrase]], used: set[str], max_words: int) -> str:
    """A 2-``max_words`` word heading from the best phrases not already used as a title."""
    fresh = [(s, p) for s, p in candidates if p.text.lower() not in used]
    if not fresh:
        return ""
    first = fresh[0][1]
    words = first.text.split()
    title = first.text
    if len(fresh) > 1:
        score, second = fresh[1]
        if score >= 0.5 * fresh[0][0] and len(words) + 1 + len(second.text.split()) <= max_words:
            title = f"{first.text} and {second.text}"
    elif len(words) < 2:
        title = first.text
    return _sentence_case(title, [p for _, p in fresh[:2]])


def _sentence_case(title: str, phrases: list[Phrase]) -> str:
    """Capitalise the first letter; keep names (mostly written capitalised) as they are and
    lower-case other words that were capitalised only by position."""
    names = {p.text for p in phrases if p.proper * 2 >= p.count}
    if title and not any(title.startswith(n) for n in names):
        lowered = title[0].lower() + title[1:] if title[:2].istitle() and not title.split()[0].isupper() else title
        title = lowered
    return title[:1].upper() + title[1:]
