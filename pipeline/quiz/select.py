"""Which sentences are worth a question: informative, central, self-contained, spread out.

Works on the fast pass (tokens with part of speech and lemmas, no parse), so that the quiz can
name a small candidate set for :meth:`Segmenter.parse` before it needs entities.

Score (higher is better): key-phrase coverage (sum of the scores of the key phrases that
occur in the sentence), plus a bonus for proper nouns and numbers (the facts a quiz asks
about), plus the summary's centrality for sentences that made the summary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Collection, Sequence

from ..result import Keyword, SummaryItem
from ..types import Document, Sentence, Token
from .statements import statement_ok

#: sentence length bounds, in words: shorter has too little context, longer is a chore
MIN_WORDS = 6
MAX_WORDS = 45

#: first words that point back to something the reader of one sentence cannot see
_CONTEXT_STARTERS = frozenset(
    {
        "it", "it's", "its", "this", "that", "that's", "these", "those", "they", "they're",
        "them", "their", "he", "she", "he's", "she's", "his", "her", "him", "such", "there",
        "here", "which", "both", "another", "other", "others", "so", "but", "and", "or",
        "also", "then", "yes", "no", "yeah", "well", "oh", "okay", "ok", "right", "anyway",
        "however", "therefore", "thus", "besides", "meanwhile", "instead", "cuz", "cause", "coz",
        "um", "uh", "erm", "hmm", "anyways", "actually", "basically",
    }
)
#: openings that refer back to the talk so far ("On the other hand, …", "Back on the data thing, …",
#: "As I said, …")
_BACK_REFERENCE = re.compile(
    r"^(on the other hand|back (on|to)|as (i|we) (said|mentioned)|like (i|we) said|going back|"
    r"in (that|this) case|for (that|this) reason|at (that|this) point|because of (that|this))\b",
    re.IGNORECASE,
)
#: spoken-language noise that makes a poor question: fillers ("um"; not "mm", which is also
#: millimetres), a restarted word ("Tw - twelve hours", "did f from"; letters only, so a
#: score such as "1 - 1" is no restart), filler phrases ("I mean", "you know", "I guess",
#: "okay", a leading "Like,")
_DISFLUENCY = re.compile(
    r"\b(um+|uh+|erm+|hmm+)\b|\b([^\W\d_]{1,6}) ?- (?=\2)[^\W\d_]|(?-i:\b([b-hj-z]) (?=\3[a-z]))|\b(i mean|you know|i guess|sort of like|okay|yeah|yep)\b|^like,",
    re.IGNORECASE,
)
#: chit-chat and calls to action: a quiz question about these would be silly
_CHATTER = re.compile(
    r"\b(subscribe|like and share|hit the (like|bell)|click|link in the description|check out|"
    r"let me know|leave a comment|thank(s| you)|welcome (back )?to|good (morning|afternoon|evening)|"
    r"see you|sign up|don't forget|follow (us|me)|patreon|sponsor(ed)?|today'?s video|"
    r"in this video|hey (guys|everyone|folks)|hi (guys|everyone|folks))\b",
    re.IGNORECASE,
)
#: first-person and second-person words: a sentence full of them is talk, not content
_PERSONAL = frozenset({"i", "me", "my", "we", "us", "our", "you", "your", "i'm", "we're", "you're"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """A sentence that may carry a question. ``score``: higher is a better source."""

    index: int
    score: float
    bin: int


def eligible(sentence: Sentence) -> bool:
    """Self-contained, declarative, content-bearing and of quiz length."""
    words = [t for t in sentence.tokens if not t.is_punct and not t.text.isspace()]
    if not (MIN_WORDS <= len(words) <= MAX_WORDS):
        return False
    text = sentence.text.strip()
    if text.endswith("?") or "?" in text[-3:]:
        return False
    if text[:1].islower():
        return False  # the tail of a long sentence cut by the segmenter
    if words[0].text.lower() in _CONTEXT_STARTERS or words[0].pos == "PRON":
        return False
    if _CHATTER.search(text) or _BACK_REFERENCE.search(text) or _DISFLUENCY.search(text):
        return False
    if _repeats_a_word(words):
        return False
    if words[0].pos == "AUX" and len(words) > 1 and (words[1].pos == "PRON" or words[1].text.lower() == "there"):
        return False  # a question without its question mark: "Is there …", "Do you …"
    if words[-1].pos in ("CCONJ", "DET", "ADP", "SCONJ"):
        return False  # cut off mid-clause: "… or different fruits, and"
    if any(t.pos == "VERB" and t.tag == "VB" and i == 0 for i, t in enumerate(words)):
        return False  # imperative: "Go to the website ..."
    content = [t for t in words if not t.is_stop and (t.text.isalpha() or t.like_num)]
    if len(content) < 3 or len(content) / len(words) < 0.3:
        return False
    personal = sum(1 for t in words if t.text.lower() in _PERSONAL)
    return personal / len(words) < 0.15 and statement_ok(sentence)


def _repeats_a_word(words: Sequence[Token]) -> bool:
    """A word said twice in a row, the second time in lower case ("that that we have",
    "Moreover, moreover it covers"): a spoken restart. Names that double ("Duran Duran",
    "The Late Late Show") keep their capitals and are not counted."""
    for a, b in zip(words, words[1:]):
        if len(b.text) >= 2 and b.text.isalpha() and b.text.islower() and a.text.lower() == b.text:
            return True
    return False


def sentence_scores(
    document: Document, summary: Sequence[SummaryItem], keywords: Sequence[Keyword]
) -> list[float]:
    """Per-sentence informativeness (higher is better) for every sentence of ``document``."""
    n = len(document.sentences)
    scores = [0.0] * n
    lowered = [s.text.lower() for s in document.sentences]
    for kw in keywords:
        hits = set(kw.sentences)
        if not hits:  # key phrases without positions: find their forms in the text
            forms = [f.lower() for f in (kw.forms or (kw.text,)) if f.strip()]
            hits = {i for i, low in enumerate(lowered) if any(_contains_words(low, f) for f in forms)}
        for i in sorted(hits):
            if 0 <= i < n:
                scores[i] += max(0.0, float(kw.score))
    for i, s in enumerate(document.sentences):
        facts = sum(1 for t in s.tokens if t.pos == "PROPN" or (t.like_num and not t.is_stop))
        scores[i] += 0.15 * min(facts, 4)
    top = max((item.score for item in summary), default=0.0)
    for item in summary:
        if 0 <= item.sentence < n and top > 0:
            scores[item.sentence] += 0.5 * item.score / top
    return scores


def candidates(
    document: Document, summary: Sequence[SummaryItem], keywords: Sequence[Keyword], questions: int, per_bin: int
) -> list[Candidate]:
    """Eligible sentences, best ``per_bin`` from each of ``questions`` equal stretches of
    the transcript (by time when it has times, else by sentence position), so that the quiz
    covers the whole recording. Sorted by ``(bin, -score, index)``."""
    if questions <= 0 or not document.sentences:
        return []
    scores = sentence_scores(document, summary, keywords)
    ok = [s for s in document.sentences if eligible(s)]
    if not ok:
        return []
    bins = max(1, min(questions, len(ok)))
    position = _positions(document)
    out: list[Candidate] = []
    for s in ok:
        b = min(bins - 1, int(position[s.index] * bins))
        out.append(Candidate(s.index, scores[s.index], b))
    out.sort(key=lambda c: (c.bin, -c.score, c.index))
    kept: list[Candidate] = []
    taken: dict[int, int] = {}
    for c in out:
        if taken.get(c.bin, 0) < per_bin:
            kept.append(c)
            taken[c.bin] = taken.get(c.bin, 0) + 1
    return kept


def _positions(document: Document) -> list[float]:
    """Each sentence's relative position in [0, 1): by start time when every sentence has
    one, else by index."""
    sents = document.sentences
    n = len(sents)
    times = [s.start for s in sents]
    if document.has_times and all(t is not None for t in times):
        lo = float(min(times))  # type: ignore[type-var]
        hi = float(max(s.end if s.end is not None else s.start for s in sents))  # type: ignore[type-var]
        if hi > lo:
            return [(float(t) - lo) / (hi - lo + 1e-9) for t in times]  # type: ignore[arg-type]
    return [i / n for i in range(n)]


def _contains_words(haystack: str, needle: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", haystack) is not None


def fact_sentences(document: Document, limit: int, skip: Collection[int] = ()) -> list[int]:
    """Up to ``limit`` indices (not in ``skip``) of the sentences with the most proper nouns
    and numbers (ties: earlier first): parsed so that their names, places and numbers can be
    distractors, which then come from the recording itself."""
    ranked = []
    for s in document.sentences:
        if s.index in skip:
            continue
        facts = sum(1 for t in s.tokens if t.pos == "PROPN" or (t.like_num and not t.is_stop))
        if facts:
            ranked.append((-facts, s.index))
    ranked.sort()
    return [index for _facts, index in ranked[:limit]]
