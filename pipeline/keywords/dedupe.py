"""Merge near-duplicate key phrases.

Three kinds of duplicates, in this order:

1. the same lemmas ("model" / "models" / "Model"): one group;
2. near-spellings of a name, as ASR produces them ("DeepSeek" / "DeepSeq"): merged into
   the better-scored group, only when at least one of them is written as a name, they
   have the same number of words, share their first three letters and differ by at most
   ``max_edits`` characters (1 for words shorter than 7 letters) — common words that
   differ by two letters ("classification" / "clarification") are left apart;
3. containment ("network" inside "neural network"): handled while selecting the top
   phrases in :func:`select`.

A group's ``h`` is its best (lowest) YAKE score divided by its ``salience`` (see
:mod:`.salience`; 1.0 until it is set).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

import jellyfish

from .candidates import Candidate
from .salience import background_zipf


@dataclass(slots=True)
class Group:
    """Candidates that are one key phrase. ``h``: best YAKE score over ``salience`` (lower
    is more key); ``salience`` > 0, higher is more specific to this text."""

    lemma_key: str
    members: list[Candidate] = field(default_factory=list)
    proper: bool = False  # some member is mostly written as a name
    salience: float = 1.0

    @property
    def h(self) -> float:
        return min(m.h for m in self.members) / self.salience

    @property
    def rank(self) -> int:
        return min(m.rank for m in self.members)

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.lemma_key.split(" "))

    @property
    def variants(self) -> tuple[tuple[str, ...], ...]:
        """Word tuples of every member's lemma key (several after a spelling merge)."""
        return tuple(sorted({tuple(m.lemma_key.split(" ")) for m in self.members} | {self.words}))

    @property
    def count(self) -> int:
        return sum(len(m.occurrences) for m in self.members)


def by_lemma(cands: list[Candidate]) -> list[Group]:
    """Group candidates by lemma key; groups come best first (by ``(h, rank)``)."""
    groups: dict[str, Group] = {}
    for cand in cands:
        key = cand.lemma_key
        group = groups.setdefault(key, Group(key))
        group.members.append(cand)
        group.proper = group.proper or cand.proper
    return sorted(groups.values(), key=lambda g: (g.h, g.rank, g.lemma_key))


def singular(word: str) -> str:
    """A crude singular for folding ("games" -> "game", "cities" -> "city"); only used to
    find two groups that are one phrase, so a wrong fold of a word with no singular in the
    text ("news") merges nothing."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def by_plural(groups: list[Group]) -> list[Group]:
    """Fold a group into an earlier (better) one that differs only by the plural of its last
    word. The lemmatiser misses this for words tagged as names ("Games" / "game")."""
    kept: list[Group] = []
    seen: dict[str, Group] = {}
    for g in groups:
        words = g.lemma_key.split(" ")
        folded = " ".join(words[:-1] + [singular(words[-1])])
        target = seen.get(folded)
        if target is not None and target is not g:
            target.members.extend(g.members)
            target.proper = target.proper or g.proper
            continue
        seen.setdefault(folded, g)
        kept.append(g)
    return kept


def _near_spelling(a: Group, b: Group, max_edits: int) -> bool:
    if not (a.proper or b.proper):
        return False
    wa, wb = a.words, b.words
    if len(wa) != len(wb) or a.lemma_key == b.lemma_key:
        return False
    sa, sb = a.lemma_key.replace(" ", ""), b.lemma_key.replace(" ", "")
    if sa[:3] != sb[:3] or min(len(sa), len(sb)) < 5:
        return False
    limit = max_edits if min(len(sa), len(sb)) >= 7 else min(1, max_edits)
    if abs(len(sa) - len(sb)) > limit:
        return False
    return jellyfish.damerau_levenshtein_distance(sa, sb) <= limit


def by_spelling(groups: list[Group], max_edits: int) -> list[Group]:
    """Fold each group into an earlier (better) one it is a near-spelling of."""
    if max_edits <= 0:
        return groups
    kept: list[Group] = []
    # near-spellings share their word count and first three letters: compare within buckets
    buckets: dict[tuple[int, str], list[Group]] = {}
    for g in groups:
        bucket = buckets.setdefault((len(g.words), g.lemma_key.replace(" ", "")[:3]), [])
        for k in bucket:
            if _near_spelling(k, g, max_edits):
                k.members.extend(g.members)
                k.proper = k.proper or g.proper
                break
        else:
            bucket.append(g)
            kept.append(g)
    return kept


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return len(longer) > n and any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def _inside(a: Group, b: Group) -> bool:
    """Some variant of ``b`` is a sub-phrase of some variant of ``a``."""
    return any(_contains(x, y) for x in a.variants for y in b.variants)


#: a word at least this common in general English (Zipf) adds no idea of its own to a
#: phrase around a chosen one ("death penalty *case*", "conceptual design *phase*")
PLAIN_ZIPF = 4.0


def _plain(words: Sequence[str]) -> bool:
    return all(background_zipf(w) >= PLAIN_ZIPF for w in words)


def _variant_of(longer: Group, shorter: Group) -> bool:
    """``longer`` is ``shorter`` followed by common words only: "death penalty story",
    "death penalty supporters" beside "death penalty" (one idea framed by a plain head
    noun; a leading modifier makes a kind of its own: "solar energy", "model airplanes")."""
    return any(len(x) > len(y) and x[: len(y)] == y and _plain(x[len(y) :]) for x in longer.variants for y in shorter.variants)


def _siblings(a: Group, b: Group) -> bool:
    """Two phrases that start with the same two or more words and go on with common words
    only ("death penalty case" / "death penalty story")."""
    for x in a.variants:
        for y in b.variants:
            n = 0
            while n < min(len(x), len(y)) and x[n] == y[n]:
                n += 1
            if n >= 2 and _plain(x[n:]) and _plain(y[n:]):
                return True
    return False


def select(groups: list[Group], top_k: int, closeness: float) -> list[tuple[Group, float]]:
    """The ``top_k`` best groups with containment resolved, as ``(group, h)`` best first.

    A phrase inside an already chosen, better phrase is dropped (the better one is more
    specific). A phrase that contains an already chosen one replaces it, taking its place
    and score, when its own score is within a factor ``closeness`` (``h_longer <=
    closeness * h_shorter``): "neural network" over "network" when both score alike.
    A phrase that frames two chosen ones with common words ("death penalty case" beside
    "death penalty" and "death penalty story") is the same idea again: dropped.
    """
    chosen: list[tuple[Group, float]] = []
    for g in groups:
        if len(chosen) >= top_k:
            break
        if any(_inside(c, g) for c, _ in chosen):
            continue
        replaced = False
        for i, (c, h) in enumerate(chosen):
            if _inside(g, c) and g.h <= closeness * h:
                if not replaced:
                    chosen[i] = (g, h)
                    replaced = True
                else:
                    chosen[i] = (c, -1.0)  # mark: a second shorter phrase inside g goes too
        if replaced:
            chosen = [(c, h) for c, h in chosen if h >= 0]
            continue
        # one framing of a chosen phrase may be a term of its own ("grid computing" beside
        # "grid"); a second is the same idea again ("death penalty case" beside "death
        # penalty" and "death penalty story")
        if sum(_variant_of(g, c) or _siblings(g, c) for c, _ in chosen) >= 2:
            continue
        chosen.append((g, g.h))
    return chosen
