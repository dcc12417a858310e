"""Title candidates built around the recording's topics (its top key phrases).

A *topic* is a key phrase; a sentence *mentions* it when one of its forms occurs there as
whole words. Candidates are the noun phrases of the sentences that mention the top topics,
each optionally extended by an attached "of / for / in ..." phrase ("the future of
surgery", "plastic in the ocean"), and the topics themselves joined ("Stirling Engines and
Solar Energy"). A candidate scores the key-phrase mass it covers, a little for being said
more than once, less for words that are no topic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from ..keywords.dedupe import singular
from ..keywords.salience import background_zipf
from ..result import Keyword
from ..types import Sentence, Token
from .headline import glue

#: phrase-initial words dropped from a candidate ("the swarm" -> "swarm")
_LEADING_DROP = frozenset("a an the this that these those my our your his her its their some any every each".split())
#: a candidate never starts with a quantifier or a vague word ("other people", "many things")
_BAD_FIRST = frozenset(
    "other same such many much few several more most all own whole entire only very lots lot "
    "kind sort type bit couple number percent hundreds thousands millions billions dozens one "
    "ones first last next new old big little good great enough various certain different similar "
    "real actual main basic general specific particular usual whole huge large small tiny".split()
)
_DEMONSTRATIVES = frozenset("this that these those here there".split())
#: heads too vague to frame a title ("the rest of the talk", "a lot of plastic")
VAGUE_HEADS = frozenset(
    "thing things lot lots way ways kind sort type bit couple number percent hundreds thousands millions "
    "billions dozens piece part rest side stuff something anything everything one ones example fact point "
    "reason moment day days time times year years end top bottom front middle half majority minute minutes "
    "question questions answer word words talk guy guys people person place places case amount amounts".split()
)
#: heads that frame a topic as real titles do ("The Future of Surgery", "The Art of Puzzles")
FRAMES = frozenset(
    "future history rise fall power science art story cost price age end birth death nature origin "
    "mystery politics economics psychology chemistry physics biology beauty meaning value role promise "
    "danger secret myth pursuit evolution geography anatomy ethic language music shape sound hidden "
    "case problem challenge paradox limit edge heart key lesson truth spread return dawn".split()
)
ATTACHING = ("of", "for", "in", "on", "about", "behind", "between", "without", "from")
#: the top topics of which a phrase title must cover at least one
CORE_TOPICS = 3
#: longest noun-phrase title, in words (longer ones are clauses in disguise)
MAX_PHRASE = 7
#: topics considered at all
TOPICS = 8
#: a single word at least this common in general English (Zipf) is too generic alone
GENERIC_ZIPF = 5.0
#: a single word at least this common is no topic at all
COMMON_ZIPF = 5.5


@dataclass(frozen=True, slots=True)
class Topic:
    """A key phrase as a title ingredient: ``forms`` lower-cased; ``weight`` its key-phrase
    score in (0, 1], higher is more key; ``text`` as displayed."""

    text: str
    forms: tuple[str, ...]
    weight: float
    rank: int
    extra: frozenset[str] = frozenset()  # words counted as used besides its own
    person: bool = False  # mostly tagged as a person's name where the parser saw it
    count: int = 1  # how often the recording says it

    @property
    def words(self) -> frozenset[str]:
        return frozenset(_fold(w) for w in self.text.split()) | self.extra


@dataclass(frozen=True, slots=True)
class Candidate:
    words: tuple[str, ...]
    proper: tuple[bool, ...]
    score: float
    sentence: int
    start_char: int


def _fold(word: str) -> str:
    return singular(word.lower())


def generic(phrase: str) -> bool:
    """One word that is common everywhere ("people", "design", "model")."""
    words = phrase.lower().split()
    return len(words) == 1 and background_zipf(words[0]) >= GENERIC_ZIPF


def common(phrase: str) -> bool:
    """One word so common that it names no subject ("people", "world", "time")."""
    words = phrase.lower().split()
    return len(words) == 1 and background_zipf(words[0]) >= COMMON_ZIPF


def topics(keywords: Sequence[Keyword]) -> list[Topic]:
    """The top key phrases, best first, as title ingredients."""
    out = []
    for rank, k in enumerate(keywords[:TOPICS]):
        if common(k.text):
            continue
        forms = tuple(dict.fromkeys(f.lower() for f in (k.text, *k.forms)))
        out.append(Topic(text=k.text, forms=forms, weight=k.score, rank=rank, count=k.count))
    return out


def _pattern(topic: Topic) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(f) for f in sorted(topic.forms, key=lambda f: (-len(f), f)))
    return re.compile(r"(?<!\w)(?:" + alternatives + r")(?!\w)")


def mentions(sentences: Sequence[Sentence], found: Sequence[Topic]) -> dict[int, list[Topic]]:
    """Sentence index -> the topics it mentions (in topic order)."""
    patterns = [(t, _pattern(t)) for t in found]
    out: dict[int, list[Topic]] = {}
    for s in sentences:
        lower = s.text.lower()
        hit = [t for t, p in patterns if p.search(lower)]
        if hit:
            out[s.index] = hit
    return out


def covered(words: Sequence[str], found: Sequence[Topic]) -> list[Topic]:
    """The topics whose some form occurs in ``words`` as whole words."""
    lower = " " + " ".join(w.lower() for w in words) + " "
    return [t for t in found if any(f" {f} " in lower for f in t.forms)]


def distinct(hit: Sequence[Topic]) -> list[Topic]:
    """``hit`` without topics whose words lie inside another hit's ("airplane" inside
    "model airplanes"): one idea counted once."""
    return [t for t in hit if not any(o is not t and t.words < o.words or (t.words == o.words and o.rank < t.rank) for o in hit)]


def candidates(sentence: Sentence, found: Sequence[Topic], repeats: dict[str, int], max_words: int) -> list[Candidate]:
    """Noun phrases of ``sentence`` (with an attached prepositional phrase or not) that
    cover a core topic."""
    chunks = sorted(sentence.noun_chunks, key=lambda c: c.start_token)
    out = []
    for i, chunk in enumerate(chunks):
        spans = [chunk]
        nxt = chunks[i + 1] if i + 1 < len(chunks) else None
        prep = sentence.tokens[chunk.end_token] if chunk.end_token < len(sentence.tokens) else None
        # "plastic in the ocean", not "(looking at) the ocean for plastic": the preposition
        # must hang on the chunk's own noun, not on the verb
        if (
            nxt is not None
            and prep is not None
            and nxt.start_token == chunk.end_token + 1
            and prep.text.lower() in ATTACHING
            and chunk.start_token <= prep.head < chunk.end_token
        ):
            spans.append(nxt)
        for end in range(1, len(spans) + 1):
            cand = _candidate(sentence, spans[0].start_token, spans[end - 1].end_token, found, repeats, max_words)
            if cand is not None:
                out.append(cand)
    return out


def _candidate(
    sentence: Sentence, start: int, end: int, found: Sequence[Topic], repeats: dict[str, int], max_words: int
) -> Candidate | None:
    tokens: list[Token] = [t for t in sentence.tokens[start:end] if not t.is_punct]
    while tokens and (tokens[0].text.lower() in _LEADING_DROP or tokens[0].pos in ("DET", "PRON", "ADV", "CCONJ", "ADP") or tokens[0].tag == "PRP$"):
        tokens = tokens[1:]
    if len(tokens) < 2 or len(tokens) > min(max_words, MAX_PHRASE):
        return None
    if any(t.pos == "PRON" or t.tag == "PRP$" or t.like_num or any(c.isdigit() for c in t.text) for t in tokens):
        return None  # "a swarm of them", "my name", "76 percent": no title
    content = [_fold(t.text) for t in tokens if not t.is_stop]
    if len(set(content)) < len(content):
        return None  # "design and folk design": one word twice reads as a stammer
    if any(t.text.lower() in _DEMONSTRATIVES for t in tokens):
        return None  # "German for this domain": points at the room, names nothing
    if any(len(t.text) <= 2 and t.text.isalpha() and not t.text.isupper() and not t.is_stop for t in tokens):
        return None  # a cut-off word of the transcript ("San Diego th")
    if tokens[0].text.lower() in _BAD_FIRST or tokens[-1].pos not in ("NOUN", "PROPN"):
        return None
    # an adjective stays only as part of a concept (a topic, or said twice): "enough food",
    # "beautiful fish" -> "food", "fish"; "coral reefs", "industrial model" stay
    while len(tokens) > 1 and (tokens[0].pos == "ADJ" or tokens[0].tag in ("VBG", "VBN")):
        pair = f"{tokens[0].text.lower()} {tokens[1].text.lower()}"
        if covered(pair.split(), found) and any(len(t.text.split()) > 1 for t in covered(pair.split(), found)) or repeats.get(pair, 1) >= 2:
            break
        tokens = tokens[1:]
    if len(tokens) < 2:
        return None
    heads = [t for t in tokens if t.dep in ("ROOT", "nsubj", "dobj", "pobj", "attr", "nsubjpass", "conj", "appos", "npadvmod")]
    if _fold(tokens[-1].text) in VAGUE_HEADS or any(_fold(t.text) in VAGUE_HEADS for t in heads[:1]):
        return None
    words, proper = glue(tokens)
    hit = distinct(covered(words, found))
    if not any(t.rank < CORE_TOPICS for t in hit):
        return None
    mass = sum(t.weight * (0.3 if t.person else 1.0) for t in hit)
    topic_words = frozenset().union(*(t.words for t in hit))
    # words that are no topic dilute the title; a framing head ("the future of X") does not
    extra = sum(
        (0.0 if k == 0 and _fold(t.text) in FRAMES else 1.0 if k == 0 and len(tokens) > 2 else 0.5)
        for k, t in enumerate(tokens)
        if not t.is_stop and _fold(t.text) not in topic_words
    )
    said = repeats.get(" ".join(t.text.lower() for t in tokens), 1)
    score = mass + 0.1 * min(3, said - 1) - 0.2 * extra - 0.1 * max(0, len(tokens) - 6)
    return Candidate(
        words=tuple(words),
        proper=tuple(proper),
        score=score,
        sentence=sentence.index,
        start_char=tokens[0].start_char,
    )


def _name(text: str) -> bool:
    """Written as a name: every word capitalised ("Long Beach", "IMPASS")."""
    return all(w[:1].isupper() for w in text.split())


def _related(a: frozenset[str], b: set[str]) -> bool:
    """Shares a word, or a word's first five letters ("surgeon" / "surgery")."""
    return bool(a & b) or any(
        len(x) >= 4 and len(y) >= 4 and (x[:5] == y[:5] or x.startswith(y) or y.startswith(x)) for x in a for y in b
    )


#: two topics are one joint subject when they are said together in at least this many
#: sentences ...
JOINT_MIN = 2
#: ... and in at least this share of the sentences of the rarer one
JOINT_SHARE = 0.25


#: a one-word topic this common in general English (Zipf) is too plain to stand beside
#: another as a joint subject ("Chapter", "Classroom", "Tea") unless said with it
PLAIN_PARTNER_ZIPF = 4.0


#: a partner in a joined title is among this many top topics (further down is a side detail)
PARTNER_RANKS = 5
#: ... and said at least this often, and at least this share of the times the first part is
#: said ("orangutan baby" said twice in a talk saying "trees" 32 times is a side detail)
PARTNER_MIN = 3
PARTNER_SHARE = 0.3


def specific(topic: Topic) -> bool:
    """A concept specific enough to share a title: several words ("mass extinctions",
    "solar energy"), or one word rarer than ``PLAIN_PARTNER_ZIPF`` ("disproportionality")."""
    words = topic.text.lower().split()
    return len(words) > 1 or background_zipf(words[0]) < PLAIN_PARTNER_ZIPF


def joint(a: Sequence[Topic], b: Topic, said: dict[int, list[Topic]]) -> bool:
    """``b`` can stand beside ``a`` as their joint subject: a specific concept said often
    enough ("Hydrogen Sulfide and Mass Extinctions"), or said together with it often;
    never a plain word said elsewhere ("Classroom", "Chapter") or a side detail."""
    if specific(b) and b.count >= max(PARTNER_MIN, PARTNER_SHARE * max(t.count for t in a)):
        return True
    with_a = [i for i, hit in said.items() if any(t in hit for t in a)]
    with_b = [i for i, hit in said.items() if b in hit]
    both = len(set(with_a) & set(with_b))
    return both >= JOINT_MIN and both >= JOINT_SHARE * min(len(with_a), len(with_b))


def joined(
    found: Sequence[Topic], max_words: int, said: dict[int, list[Topic]], first: Topic | None = None, sources: Sequence[Topic] = ()
) -> list[str]:
    """Two topics joined when they are one joint subject (:func:`joint`): "Stirling Engines
    and Solar Energy"; the first alone when no other topic goes with it. A single common
    word is never used alone; a person or a place goes beside a concept never."""
    usable = [t for t in found if not generic(t.text)]
    if not usable:
        return []
    # a person or a place is a side detail of a title unless no concept leads the topics
    head = first or next((t for t in usable if not t.person and not _name(t.text) and t.rank < CORE_TOPICS), None)
    head = head or next((t for t in usable if not t.person), usable[0])
    usable = [t for t in usable if not t.person]
    if not _name(head.text):
        usable = [t for t in usable if not _name(t.text) or t is head]
    if len(head.text.split()) == 1 and first is None:
        # "remote control" names the subject better than "remote"
        head = next((t for t in usable if t.rank < PARTNER_RANKS and head.words < t.words and not _name(t.text)), head)
    parts = [head]
    used = set(head.words)
    n = len(head.text.split())
    for t in usable:
        if t is head or t.rank >= PARTNER_RANKS or _related(t.words, used) or n + 1 + len(t.text.split()) > max_words:
            continue
        if not joint(list(sources) or [head], t, said):
            continue
        parts.append(t)
        break
    words: list[str] = []
    for k, t in enumerate(parts):
        if k:
            words.append("and")
        words.extend(t.text.split())
    return words
