"""Key phrases: YAKE candidates, kept when they look like noun phrases or names,
de-duplicated by lemma, spelling and containment, with every occurrence located.

Runs on the segmenter's fast pass (part of speech, lemma and stop-word flags per token;
no parse needed).
"""

from __future__ import annotations

from functools import lru_cache

from ..config import KeywordConfig
from ..paths import resource_path
from ..result import Keyword
from ..types import Document
from .candidates import Candidate, candidates
from .dedupe import Group, by_lemma, by_plural, by_spelling, select
from .names import complete, cut_short, interjection
from .salience import keyness


@lru_cache(maxsize=1)
def filler_words() -> frozenset[str]:
    """Fillers, discourse words and vague nouns that never make a key phrase."""
    lines = resource_path("keywords", "fillers.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


class KeywordExtractor:
    """Extract the ``top_k`` key phrases of a document.

    ``__call__`` returns :class:`Keyword` values best first: ``score`` in (0, 1], higher is
    more key (1.0 for the best phrase; the ratio of its YAKE score to each other's);
    ``text`` the most frequent surface form; ``forms`` every surface form seen (most
    frequent first); ``spans`` every occurrence as ``[start, end)`` offsets into
    ``Document.text`` (sorted, non-overlapping); ``sentences`` their sentence indices.
    """

    def __init__(self, config: KeywordConfig) -> None:
        self.config = config

    def __call__(self, document: Document) -> tuple[Keyword, ...]:
        cfg = self.config
        cands = [
            c
            for c in candidates(document, cfg.max_ngram, filler_words())
            if c.phrase_like and _words_fit(c.key) and not interjection(c.key) and not cut_short(document.text, c, cfg.max_ngram)
        ]
        if not cands:
            return ()
        groups = by_spelling(by_plural(by_lemma(cands)), cfg.max_edits)
        groups = [g for g in _not_speaker_labels(groups, document.speakers) if g.lemma_key not in _GREETINGS]
        n_words = document.n_words  # a sum over every token: once, not once per group
        groups = _recurring(groups, n_words, cfg.words_per_repeat, cfg.top_k)
        for g in groups:
            g.salience = keyness(g.lemma_key, g.count, n_words, g.proper)
        groups.sort(key=lambda g: (g.h, g.rank, g.lemma_key))
        chosen = select(groups, cfg.top_k, cfg.containment)
        if not chosen:
            return ()
        best = min(h for _, h in chosen)
        out = _distinct([_keyword(document, g, h, best) for g, h in chosen])
        return tuple(sorted(out, key=lambda k: (-k.score, k.text.lower(), k.text)))


#: greetings and sign-offs (lemma keys): said, never key ("Good morning", "Bye")
_GREETINGS = frozenset(
    ["good morning", "good afternoon", "good evening", "good night", "good day", "morning", "evening",
     "bye", "goodbye", "bye bye", "thanks", "thank", "cheers", "welcome", "greeting", "applause", "laughter"]
)


#: Longest word of a key phrase, in characters. An English word is shorter; a longer
#: "word" is a run of a script written without spaces (Thai, Japanese), a table row or
#: a URL, and as a key phrase it would be a whole sentence of the text.
MAX_WORD_CHARS = 30


def _words_fit(key: str) -> bool:
    return all(len(word) <= MAX_WORD_CHARS for word in key.split())


def _label_words(speakers: tuple[str, ...]) -> frozenset[str]:
    """Lower-cased words of the transcript's speaker labels ("Grad B", "Project Manager")."""
    return frozenset(w for label in speakers for w in label.lower().replace("_", " ").split())


def _not_speaker_labels(groups: list[Group], speakers: tuple[str, ...]) -> list[Group]:
    """Drop phrases made only of speaker-label words: "Professor D", "PhD F" and "Project
    Manager" name who speaks, not what is said (the ingest knows the labels)."""
    words = _label_words(speakers)
    if not words:
        return groups
    return [g for g in groups if not all(w in words for v in g.variants for w in v)]


def _recurring(groups: list[Group], n_words: int, words_per_repeat: int, top_k: int) -> list[Group]:
    """Keep phrases that recur in a long text: at least ``1 + n_words // words_per_repeat``
    occurrences (a key phrase of an hour-long talk is said more than once; a name said
    once in the introduction is not key). Relaxed step by step when too few remain."""
    if words_per_repeat <= 0:
        return groups
    need = min(5, 1 + n_words // words_per_repeat)
    counts = [g.count for g in groups]
    while need > 1 and sum(c >= need for c in counts) < 3 * top_k:
        need -= 1
    return [g for g, c in zip(groups, counts) if c >= need]


def _distinct(keywords: list[Keyword]) -> list[Keyword]:
    """Drop a keyword that became another one when names were completed ("York Times" and
    "New York Times"), or whose every occurrence lies inside a better one's."""
    out: list[Keyword] = []
    for k in sorted(keywords, key=lambda k: (-k.score, k.text.lower(), k.text)):
        covered = {span for o in out for span in o.spans}
        if any(k.text.lower() == o.text.lower() for o in out) or (k.spans and all(s in covered for s in k.spans)):
            continue
        out.append(k)
    return out


def _keyword(document: Document, group: Group, h: float, best: float) -> Keyword:
    occs = sorted((o for m in group.members for o in m.occurrences), key=lambda o: (o.start, -o.end))
    spans: list[tuple[int, int]] = []
    sentences: list[int] = []
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    kept = []
    for o in occs:
        if spans and o.start < spans[-1][1]:
            continue  # overlapping occurrence of a merged form: keep the first, longest
        spans.append((o.start, o.end))
        kept.append(o)
        if not sentences or sentences[-1] != o.sentence:
            sentences.append(o.sentence)
    spans = complete(document.text, spans)
    for (start, end), o in zip(spans, kept):
        form = document.text[start:end]
        counts[form] = counts.get(form, 0) + 1
        first.setdefault(form, start)
    forms = sorted(counts, key=lambda f: (-counts[f], first[f], f))
    score = 1.0 if h <= 0 else min(1.0, best / h)
    return Keyword(
        text=forms[0],
        score=score,
        count=len(spans),
        forms=tuple(forms),
        sentences=tuple(sorted(set(sentences))),
        spans=tuple(spans),
    )


__all__ = ["KeywordExtractor", "Candidate", "filler_words"]
