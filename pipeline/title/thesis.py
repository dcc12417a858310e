"""The subject as the speaker states it: "Today I want to talk about X", "This talk is
about X", "The purpose of this meeting is to discuss X" (no generation model).

A *thesis statement* is a sentence among the opening ones (``window``) in which a speaking
verb ("talk", "speak", "tell", "discuss", ...) or the noun "talk" / "meeting" has the
subject as its object: the object of "about" ("talk to you about the transformed media
landscape"), of "discuss" ("discuss the conceptual design"), or, when the speaker fronts
it, the complement of "is" ("What I want to talk about is the democratization of
philanthropy"). The object becomes a title in one of the forms titles take:

* a noun phrase with its attached "of / for / in ..." complement, articles at the start
  dropped: "The Transformed Media Landscape", "India Through the Evolution of Ideas";
  a name put beside a vague head by apposition or a colon wins ("my project, Tidying Up
  Art" -> "Tidying Up Art");
* a "how" / "why" clause, whole: "How We Make Decisions".

The statement is used only when its object names a topic of the recording (a word of one
of its top key phrases): "I'm going to talk about myself" or "... about my story" is no
subject.
"""

from __future__ import annotations

import re
from typing import Sequence

from ..keywords.dedupe import singular
from ..types import Sentence, Token
from .headline import children_of, glue, subtree

#: opening sentences searched: at least this many ...
WINDOW_MIN = 25
#: ... or this share of the recording, whichever is more
WINDOW_SHARE = 0.15
#: a cheap text test before a sentence is parsed (the parse decides)
_CUE = re.compile(
    r"\b(?:talk|talking|speak|speaking|tell|telling|discuss|discussing|purpose|agenda|aim|goal|topic|about)\b",
    re.IGNORECASE,
)
_SPEAKING = frozenset("talk speak tell chat discuss present share show explain focus".split())
#: nouns that announce the subject ("this talk is about", "the purpose of this meeting")
_ANNOUNCING = frozenset("talk meeting topic subject purpose aim goal agenda presentation lecture focus".split())
_DIRECT_OBJECT_VERBS = frozenset({"discuss"})
#: the phrase after these words is the subject ("tell you about X", "focus on X")
_SUBJECT_PREPS = frozenset({"about", "on"})
#: words that never open or make a title subject
_DROP_FIRST = frozenset("a an the this that these those some".split())
_NO_SUBJECT = frozenset(
    "it this that these those them something anything everything nothing things thing stuff "
    "myself yourself ourselves itself one lot bit story stories way ways kind sort".split()
)
_ATTACHING = frozenset("of for in on about behind between without from through".split())
_PERSONAL_PRONOUNS = frozenset("i me we us you him her they them".split())


def window(n_sentences: int) -> int:
    """How many opening sentences may hold a thesis statement."""
    return max(WINDOW_MIN, int(n_sentences * WINDOW_SHARE))


def cue_sentences(sentences: Sequence[Sentence]) -> list[int]:
    """Indices of opening sentences that may be thesis statements (to be parsed)."""
    return [s.index for s in sentences[: window(len(sentences))] if _CUE.search(s.text)]


def _objects(tokens: Sequence[Token], children: dict[int, list[int]]) -> list[int]:
    """Heads of the phrases the sentence announces as its subject."""
    out = []
    for i, t in enumerate(tokens):
        lemma = t.lemma.lower()
        if t.text.lower() in _SUBJECT_PREPS and 0 <= t.head < len(tokens):
            head = tokens[t.head]
            if head.lemma.lower() in _SPEAKING or (head.pos == "NOUN" and head.lemma.lower() in _ANNOUNCING):
                pobj = [j for j in children.get(i, ()) if tokens[j].dep in ("pobj", "pcomp")]
                out.extend(pobj[:1])
        elif lemma in _SPEAKING and t.pos == "VERB" and any(tokens[j].dep == "ccomp" for j in children.get(i, ())):
            # "I want to tell you how a swarm chooses its new home"
            out.extend(j for j in children.get(i, ()) if tokens[j].dep == "ccomp" and j > i)
        elif lemma in _DIRECT_OBJECT_VERBS and t.pos == "VERB":
            out.extend(j for j in children.get(i, ()) if tokens[j].dep == "dobj")
        elif lemma == "be" and t.dep == "ROOT":
            # "What I want to talk about is X", "The purpose of this meeting is (to discuss) X"
            subject = [j for j in children.get(i, ()) if tokens[j].dep in ("nsubj", "csubj")]
            if not subject:
                continue
            left = subtree(children, subject[0])
            announces = any(
                tokens[j].lemma.lower() in _SPEAKING | _ANNOUNCING and tokens[j].pos in ("VERB", "NOUN") for j in left
            )
            if announces:
                out.extend(j for j in children.get(i, ()) if tokens[j].dep in ("attr", "acomp") and j > i)
    return out


def _noun_phrase(tokens: Sequence[Token], children: dict[int, list[int]], head: int, budget: int) -> list[int]:
    """``head``'s noun phrase: its modifiers on the left, then one attached "of / for /
    through ..." phrase (recursively) when it fits ``budget`` words; never a clause."""
    left = [
        i
        for i in subtree(children, head)
        if i < head and tokens[i].dep in ("det", "amod", "compound", "poss", "nummod", "case", "nmod", "advmod", "quantmod", "punct")
    ]
    # only the contiguous run that ends at the head
    run = []
    for i in range(head - 1, -1, -1):
        if i in left:
            run.append(i)
        else:
            break
    words = sorted(run) + [head]
    while words and (tokens[words[0]].text.lower() in _DROP_FIRST or tokens[words[0]].is_punct):
        words = words[1:]
    for child in children.get(head, ()):
        if child > head and tokens[child].dep == "prep" and tokens[child].text.lower() in _ATTACHING:
            pobj = [j for j in children.get(child, ()) if tokens[j].dep == "pobj"]
            if pobj:
                rest = budget - len(words) - 1
                inner = _noun_phrase(tokens, children, pobj[0], rest) if rest > 0 else []
                inner = [i for i in inner if i > child]
                if inner and len(words) + 1 + len(inner) <= budget and inner[0] == child + 1 + _skipped(tokens, child, inner[0]):
                    words = words + [child] + inner
            break
    return words


def _skipped(tokens: Sequence[Token], prep: int, first: int) -> int:
    """Articles dropped between a preposition and its object's phrase ("of *the* ocean")."""
    return sum(1 for i in range(prep + 1, first) if tokens[i].text.lower() in _DROP_FIRST)


def _appositive(tokens: Sequence[Token], head: int) -> int | None:
    """A phrase put beside the object by apposition or a colon, after it in the sentence
    ("the philanthropy of all of us: the democratization of philanthropy"; the parser
    may hang it on the verb or the preposition)."""
    for i in range(head + 1, len(tokens)):
        if tokens[i].dep == "appos" and tokens[i].pos in ("NOUN", "PROPN"):
            return i
    return None


def _clause(tokens: Sequence[Token], children: dict[int, list[int]], head: int, max_words: int) -> list[int] | None:
    """A whole "how / why" clause under ``head`` within ``max_words``, else None."""
    sub = subtree(children, head)
    first = sub[0]
    if tokens[first].text.lower() not in ("how", "why") or not any(tokens[i].pos in ("VERB", "AUX") for i in sub):
        return None
    words = [i for i in sub if not tokens[i].is_punct]
    if any(tokens[i].is_punct and tokens[i].text not in ("-", "'") for i in sub if first < i < sub[-1]):
        return None  # "why the visions of X, who ...": an interrupted clause
    if not (3 <= len(words) <= max_words) or words != list(range(words[0], words[-1] + 1)):
        return None
    return words


def _fold(word: str) -> str:
    return singular(word.lower())


def thesis(sentence: Sentence, topic_words: frozenset[str], max_words: int) -> tuple[list[str], list[bool]] | None:
    """The subject ``sentence`` announces, as title words and their name flags, when it
    names a topic (``topic_words``: folded words of the top key phrases); else None."""
    tokens = sentence.tokens
    if not sentence.parsed or not tokens:
        return None
    children = children_of(tokens)
    for head in _objects(tokens, children):
        clause = _clause(tokens, children, head, max_words)
        if clause is None:
            if tokens[head].pos not in ("NOUN", "PROPN"):
                continue
            appos = _appositive(tokens, head)
            if appos is not None and (tokens[appos].pos == "PROPN" or _vague(tokens, head, children)):
                head = appos
            words = _noun_phrase(tokens, children, head, max_words)
        else:
            words = clause
        if not _usable(tokens, words, topic_words, clause is not None):
            continue
        text, proper = glue([tokens[i] for i in words])
        return text, proper
    return None


def _vague(tokens: Sequence[Token], head: int, children: dict[int, list[int]]) -> bool:
    """A head that names no subject by itself ("my project", "the philanthropy of all of us")."""
    return tokens[head].text.lower() in _NO_SUBJECT or any(
        tokens[i].tag == "PRP$" or tokens[i].pos == "PRON" for i in subtree(children, head)
    )


def _usable(tokens: Sequence[Token], words: list[int], topic_words: frozenset[str], clause: bool) -> bool:
    if len(words) < (3 if clause else 1) or len(words) > 10:
        return False
    texts = [tokens[i].text.lower() for i in words]
    if not clause:
        if any(tokens[i].pos == "PRON" or tokens[i].tag == "PRP$" for i in words):
            return False  # "my story", "all of us", "myself": no published subject
        if texts[-1] in _NO_SUBJECT or tokens[words[-1]].pos not in ("NOUN", "PROPN"):
            return False
        if len(words) < 2:
            return False  # one word is a topic, not a title ("Design", "India")
    elif texts[-1] in _PERSONAL_PRONOUNS or texts[-1] in _NO_SUBJECT:
        return False  # "how I did it"
    return any(_fold(tokens[i].text) in topic_words for i in words if not tokens[i].is_stop)
