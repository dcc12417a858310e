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
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Sequence

import numpy as np

from ..types import Sentence, Token
from .gerund import LIGHT_VERBS, gerund

_HEAD_POS = frozenset({"NOUN", "PROPN"})
_MODIFIER_POS = frozenset({"NOUN", "PROPN", "ADJ"})
_MAX_PHRASE = 4
#: words that join two noun phrases into one candidate ("the price of the remote")
_BRIDGES = frozenset({("of",), ("of", "the"), ("of", "a"), ("of", "an")})
#: adjectives that grade or point rather than classify: "incredible properties" and "the
#: whole thing" name no more than their noun
_VAGUE_ADJECTIVES = frozenset(
    "good great bad big little small large huge tiny incredible amazing awesome wonderful beautiful nice terrible "
    "horrible stupid crazy real whole different other certain same own particular main basic general specific "
    "various entire actual possible previous next last first interesting important fine sure able likely true "
    "simple hard easy right wrong best better worse worst many much few several".split()
)
#: marks the verb of a verb-object candidate in its key ("~plant", "tree")
_VERB_MARK = "~"
#: sounds a tagger may take for a noun ("Mmm", "mm-hmm", "uh-huh", "nah")
_INTERJECTION = re.compile(r"(?:[mh]+|u+[hm]+|[aeo]+h+|ha+h*|nah|huh|wow|whoa|er+m?|ooh+)(?:-(?:[mh]+|huh))*")
#: nouns that make an "of" phrase name a quantity or a place in something, not a topic
_VAGUE_HEADS = frozenset("rest part lot number end kind sort type side half piece couple bunch amount top middle bottom front back lots bit".split())
#: how much a word said all through the recording is held back (0: not at all); mild, since
#: a part's heading often names the recording's subject too ("Remote control design")
_SHARE_POWER = 0.25
#: a longer phrase scoring at least this share of a one-word best one is the title instead
_LONGER_SHARE = 0.6
#: weight of a modifier's topicality beside its head's ("remote" in "remote control")
_MODIFIER_WEIGHT = 0.5
#: words per window when counting in how many places of a part a word is said
_WINDOW_WORDS = 60
#: specificity at or below which a word counts as everyday (see :func:`specificity`)
_EVERYDAY = 0.15


@dataclass(slots=True)
class Phrase:
    """One candidate, keyed by its lower-case lemmas; ``forms`` counts surface forms."""

    key: tuple[str, ...]
    forms: dict[str, int] = field(default_factory=dict)
    count: int = 0
    first: int = 0  # first sentence it occurs in (a total tie-break)
    proper: int = 0  # occurrences written as a name
    adjectives: frozenset[int] = frozenset()  # positions in ``key`` of adjectives (first use)
    sentences: list[int] = field(default_factory=list)  # where it occurs, in order

    @property
    def text(self) -> str:
        """The most frequent surface form (ties: the alphabetically first)."""
        return min(self.forms, key=lambda f: (-self.forms[f], f))


def phrases_of(sentences: Sequence[Sentence], skip: frozenset[str], names: frozenset[str] = frozenset()) -> list[dict[tuple[str, ...], Phrase]]:
    """Per sentence, its candidate phrases: maximal noun-phrase runs and their right-hand
    sub-phrases ("battery life" and "life" from "battery life"), and two runs joined by
    "of" ("the price of the remote control"), keyed with "of" between their lemmas. Words
    in ``skip`` are never part of one; words in ``names`` (of speaker labels) only when
    written in lower case ("user interface" is a topic, "Bruce Stanton" a speaker)."""
    out = []
    for sentence in sentences:
        found: dict[tuple[str, ...], Phrase] = {}
        run: list[Token] = []
        pending: list[Token] | None = None  # the last run, while only "of (the)" follows it
        bridge: list[str] = []
        verb: Token | None = None  # a verb, while only determiners follow it
        between: list[str] = []  # those determiners
        for token in (*_hyphen_joined(sentence.tokens), None):
            if token is not None and _usable(token, skip) and not (token.text[:1].isupper() and token.text.lower() in names):
                run.append(token)
                continue
            closed = _trimmed(run) if run else run
            whole_run = bool(closed) and closed[0] is run[0]
            run = []
            if closed:
                if pending is not None and tuple(bridge) in _BRIDGES and len(pending) <= 2 and len(closed) <= 3:
                    _add(found, sentence, pending[-2:], closed, bridge)
                if verb is not None and whole_run and len(closed) <= 3:
                    _add_verb_phrase(found, sentence, verb, between, closed)
                for begin in range(len(closed)):
                    if not (closed[begin].pos == "ADJ" and begin == len(closed) - 1):
                        _add(found, sentence, closed[begin:])
                pending, bridge = closed, []
            if token is None:
                break
            if verb is not None and not closed and token.pos in {"DET", "PRON"} and token.tag in {"DT", "PRP$"} and len(between) < 2:
                between.append(token.text.lower())
            elif token.pos == "VERB" and (token.lemma or "").lower() not in LIGHT_VERBS and (token.lemma or "").isalpha():
                verb, between = token, []
            else:
                verb = None
            if pending is not None:
                bridge.append(token.text.lower())
                if not any(b[: len(bridge)] == tuple(bridge) for b in _BRIDGES):
                    pending = None
        out.append(found)
    return out


def _add_verb_phrase(found: dict[tuple[str, ...], Phrase], sentence: Sentence, verb: Token, between: list[str], obj: list[Token]) -> None:
    """Count one use of a verb with its object as a heading: "planting trees", keyed by the
    verb's lemma marked with ``_VERB_MARK`` and the object's lemmas."""
    lemma = (verb.lemma or verb.text).lower()
    key = (_VERB_MARK + lemma, *((t.lemma or t.text).lower() for t in obj))
    form = " ".join([gerund(lemma), *between, *(_as_written(t, sentence) for t in obj)])
    if key not in found:
        found[key] = Phrase(key=key, first=sentence.index, adjectives=frozenset(i + 1 for i, t in enumerate(obj) if t.pos == "ADJ"))
    phrase = found[key]
    phrase.forms[form] = phrase.forms.get(form, 0) + 1
    phrase.count += 1
    if not phrase.sentences:
        phrase.sentences.append(sentence.index)


def _trimmed(run: list[Token]) -> list[Token]:
    """A run of modifiers and nouns cut to a noun phrase: ending in a noun, starting with a
    modifier, at most ``_MAX_PHRASE`` words."""
    end = len(run)
    while end and run[end - 1].pos not in _HEAD_POS:
        end -= 1
    begin = 0
    while begin < end and run[begin].pos not in _MODIFIER_POS:
        begin += 1
    return run[max(begin, end - _MAX_PHRASE) : end]


def _add(found: dict[tuple[str, ...], Phrase], sentence: Sentence, part: list[Token], tail: list[Token] = (), bridge: list[str] = ()) -> None:
    """Count one use of ``part`` (or of ``part`` + ``bridge`` + ``tail``) in ``sentence``."""
    key = tuple((t.lemma or t.text).lower() for t in part)
    form = " ".join(_as_written(t, sentence) for t in part)
    if tail:
        key += ("of", *((t.lemma or t.text).lower() for t in tail))
        form = " ".join([form, *bridge, *(_as_written(t, sentence) for t in tail)])
    if key not in found:
        tags = [t.pos for t in part] + (["ADP"] + [t.pos for t in tail] if tail else [])
        found[key] = Phrase(key=key, first=sentence.index, adjectives=frozenset(i for i, tag in enumerate(tags) if tag == "ADJ"))
    phrase = found[key]
    phrase.forms[form] = phrase.forms.get(form, 0) + 1
    phrase.count += 1
    phrase.proper += all(t.pos == "PROPN" for t in (*part, *tail))
    if not phrase.sentences:
        phrase.sentences.append(sentence.index)


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
    if (token.pos == "ADJ" and lemma in _VAGUE_ADJECTIVES) or _INTERJECTION.fullmatch(word):
        return False
    return len(word) >= 2 and word.replace("-", "").replace("'", "").isalpha() and word not in skip and lemma not in skip


def merge(parts: Sequence[dict[tuple[str, ...], Phrase]]) -> dict[tuple[str, ...], Phrase]:
    """Counts of several sentences' phrases added together."""
    total: dict[tuple[str, ...], Phrase] = {}
    for part in parts:
        for key, p in part.items():
            into = total.setdefault(key, Phrase(key=key, first=p.first, adjectives=p.adjectives))
            for form, c in p.forms.items():
                into.forms[form] = into.forms.get(form, 0) + c
            into.count += p.count
            into.proper += p.proper
            into.sentences.extend(p.sentences)
            into.first = min(into.first, p.first)
    return total


def word_presence(per_sentence: Sequence[dict[tuple[str, ...], Phrase]]) -> list[frozenset[str]]:
    """Per sentence, the lemmas of the words in its candidate phrases."""
    return [frozenset(w for key in found for w in key if w != "of" and not w.startswith(_VERB_MARK)) for found in per_sentence]


def windows_of(sentences: Sequence[Sentence]) -> np.ndarray:
    """Window number of each sentence: consecutive runs of about ``_WINDOW_WORDS`` words,
    so that a word said three times in one anecdote counts as one use, not three."""
    words = np.cumsum([s.n_words for s in sentences]) if sentences else np.zeros(0)
    return (np.concatenate(([0], words[:-1])) // _WINDOW_WORDS).astype(np.int64) if len(words) else np.zeros(0, dtype=np.int64)


def word_topicality(presence: Sequence[frozenset[str]], windows: np.ndarray, first: int, stop: int, whole: dict[str, int], n_chapters: int) -> dict[str, float]:
    """How much each word is a topic of sentences ``[first, stop)`` (higher: more): the
    number of distinct windows it is said in there (spread through the part, not repeated in
    one story), times the square root of the share of its uses that fall in the part (held
    back when said all through the recording), times its specificity in English."""
    seen: dict[str, set[int]] = {}
    count: dict[str, int] = {}
    for i in range(first, stop):
        for w in presence[i]:
            seen.setdefault(w, set()).add(int(windows[i]))
            count[w] = count.get(w, 0) + 1
    out = {}
    for w, wins in seen.items():
        share = count[w] / whole[w] if n_chapters > 1 else 1.0
        out[w] = len(wins) * share**_SHARE_POWER * _specific_weight(w)
    return out


def ranked(chapter: dict[tuple[str, ...], Phrase], whole: dict[tuple[str, ...], Phrase], n_chapters: int, topicality: dict[str, float] | None = None) -> list[tuple[float, Phrase]]:
    """The chapter's phrases, the best name of its topic first: ``(score, phrase)``, higher
    is better. A phrase scores by its head nouns' topicality (:func:`word_topicality`) plus
    half its modifiers' (vague adjectives, "incredible", "different", are no part of a
    candidate: see ``_VAGUE_ADJECTIVES``); a phrase said once in the part is no candidate. Without
    ``topicality`` every use of a word counts (one window per sentence). All candidates are
    returned (see :func:`distinct` for a list without overlaps)."""
    if topicality is None:
        counts: dict[str, int] = {}
        for key, p in chapter.items():
            for w in set(key):
                counts[w] = max(counts.get(w, 0), p.count)
        topicality = {w: c * specificity((w,)) for w, c in counts.items()}
    out = []
    for key, p in chapter.items():
        heads = _heads(key)
        modifiers = [w for i, w in enumerate(key) if w != "of" and w not in heads and not w.startswith(_VERB_MARK)]
        joined = len(heads) > 1
        if p.count < 2 or (joined and key[0] in _VAGUE_HEADS):
            continue  # a phrase said once does not name a part; "rest of the world" names none
        if key[0].startswith(_VERB_MARK) and (key[0][len(_VERB_MARK) :], *key[1:]) in whole:
            continue  # "touch screen" said as a compound elsewhere: the verb was a mis-tagged noun
        score = sum(topicality.get(w, 0.0) for w in heads) + _MODIFIER_WEIGHT * sum(topicality.get(w, 0.0) for w in modifiers)
        out.append((score, p))
    out.sort(key=lambda sp: (-sp[0], sp[1].first, sp[1].key))
    return out


def _heads(key: tuple[str, ...]) -> list[str]:
    """The head nouns of a candidate's key: its last word, and the word before "of"."""
    return [w for i, w in enumerate(key) if i == len(key) - 1 or key[i + 1] == "of"]


def specificity(words: tuple[str, ...]) -> float:
    """In [0.15, 1], higher for rarer words: from the Zipf frequency (log10 of uses per
    billion words) of the phrase's rarest word; 1 at Zipf 4.3 ("battery") or rarer, 0.15
    for everyday words at Zipf 5.6 or more ("room", "people", "change")."""
    zipf = min(_zipf(w) for w in words)
    return min(1.0, max(0.15, (5.6 - zipf) / 1.3))


def _specific_weight(word: str) -> float:
    """How much a word's rarity counts for its topicality: the square root of its
    :func:`specificity` (so a common topic word, "design", is not beaten by a rare detail
    said in passing), but everyday words at the floor ("people", "time") keep the full
    penalty."""
    value = specificity((word,))
    return value if value <= _EVERYDAY else math.sqrt(value)


def _zipf(word: str) -> float:
    frequency = _frequencies().get(word.lower(), 0.0)
    return math.log10(frequency) + 9.0 if frequency > 0 else 0.0


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    """English word frequencies (wordfreq's "best" list, shipped in the package; read once
    per process, about a second)."""
    import wordfreq

    return wordfreq.get_frequency_dict("en", wordlist="best")


def distinct(items: list[tuple[float, Phrase]], limit: int) -> list[tuple[float, Phrase]]:
    """The first ``limit`` phrases, passing over one whose words lie inside a better-ranked
    one ("control" after "remote control") or that contains a better one only by adding a
    word (stopping at ``limit`` keeps the work per chapter bounded)."""
    kept: list[tuple[float, Phrase]] = []
    for score, p in items:
        if len(kept) >= limit:
            break
        if p.key[0].startswith(_VERB_MARK):
            continue  # a heading, not a key phrase
        words = set(p.key)
        if any(words <= set(q.key) or set(q.key) <= words for _, q in kept):
            continue
        kept.append((score, p))
    return kept


def make_title(candidates: list[tuple[float, Phrase]], used: set[tuple[str, ...]], max_words: int) -> tuple[str, list[Phrase]]:
    """A heading of at most ``max_words`` words: the best phrase not already used as a
    title, or, when that is a single word, the best longer phrase built on it as its head
    noun that scores at least ``_LONGER_SHARE`` of it ("Tropical hardwood trees" over
    "Trees", "Stopping genocide" over "Genocide"; any word of a name: "Sergio Vieira de
    Mello" over "Sergio"), or one using it as a modifier that scores
    at least as much ("Lottery ticket" over "Lottery", not "Dollar bill" over "Dollars"). ``candidates``: :func:`ranked`'s list, best first. Never two phrases glued
    with "and": a phrase with "and" in it is only one the speaker said that way. Phrases in
    ``used`` (lemma keys of other chapters' titles) are passed over. Returns the title and
    the phrases it names."""
    fresh = [(s, p) for s, p in candidates if p.key not in used and len(p.text.split()) <= max_words]
    if not fresh:
        return "", []
    top, best = fresh[0]
    if len(best.key) == 1:
        word = best.key[0]
        longer = [(s, p) for s, p in fresh[1:] if len(p.key) > 1 and word in p.key and s >= (_LONGER_SHARE if word in _heads(p.key) or p.proper else 1.0) * top]
        if longer:
            best = longer[0][1]
    return _sentence_case(best.text), [best]


def _sentence_case(title: str) -> str:
    """The first letter capitalised, unless the first word is written with capitals inside
    ("iPhone", "eBay", "TED"), which stay as spoken; other words keep their usual form."""
    first = title.split()[0] if title.split() else ""
    if any(c.isupper() for c in first[1:]):
        return title
    return title[:1].upper() + title[1:]
