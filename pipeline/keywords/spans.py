"""Words and n-gram occurrences over the segmenter's tokens.

YAKE tokenises the raw text itself (segtok: hyphenated words stay whole, contractions are
split); spaCy splits ``real-time`` into three tokens. To map YAKE's candidates back to our
tokens, this module rebuilds *words* the way segtok sees them: spaCy tokens that touch
(no white space between them) and are joined by a hyphen become one word. Every n-gram of
words within a sentence and between punctuation marks is an *occurrence*: its lower-cased
key (the same string YAKE reports), its exact character span in ``Document.text``, its
lemma key, and whether it looks like a noun phrase or a name at that place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Container, Iterator, Sequence

from ..types import Document, Token

#: parts of speech a word inside a key phrase may have
_INNER_POS = frozenset({"ADJ", "NOUN", "PROPN", "NUM", "X"})
#: a key phrase ends in a noun or a name (drops bare adjectives like "smaller")
_HEAD_POS = frozenset({"NOUN", "PROPN"})
#: participles that modify a noun ("distributed systems", "operating system")
_MODIFIER_TAGS = frozenset({"VBN", "VBG"})
_HYPHENS = frozenset({"-", "\u2010", "\u2011"})


@dataclass(frozen=True, slots=True)
class Word:
    """One word as YAKE sees it: one spaCy token, or several glued by hyphens.

    ``pos``/``tag`` are those of the last token (the head of an English compound);
    ``start``/``end`` are character offsets into ``Document.text``.
    """

    text: str
    lower: str
    lemma: str
    pos: str
    tag: str
    start: int
    end: int
    is_stop: bool
    like_num: bool
    compound: bool


@dataclass(frozen=True, slots=True)
class Occurrence:
    """An n-gram of words at one place. ``key``: lower-cased words joined by spaces (YAKE's
    ``unique_kw``); ``lemma_key``: lower-cased lemmas joined by spaces; ``start``/``end``:
    character span in ``Document.text``; ``phrase_like``: it looks like a noun phrase here."""

    key: str
    lemma_key: str
    sentence: int
    start: int
    end: int
    phrase_like: bool
    proper: bool


def words_of(tokens: Sequence[Token], text: str) -> list[list[Word]]:
    """Runs of words between punctuation marks and line breaks (an n-gram never crosses
    one: a line break in a transcript ends a caption line or a speaker turn)."""
    runs: list[list[Word]] = [[]]
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        if tok.text.isspace():
            i += 1
            continue
        j = i
        # glue "real" "-" "time" (touching, joined by a hyphen) into one word
        while (
            j + 2 < n
            and tokens[j + 1].text in _HYPHENS
            and tokens[j + 1].start_char == tokens[j].end_char
            and tokens[j + 2].start_char == tokens[j + 1].end_char
            and not tokens[j + 2].is_punct
            and not tokens[j].is_punct
        ):
            j += 2
        if j == i and (tok.is_punct or not any(c.isalnum() for c in tok.text)):
            if runs[-1]:
                runs.append([])
            i += 1
            continue
        if runs[-1] and "\n" in text[runs[-1][-1].end : tok.start_char]:
            runs.append([])
        parts = tokens[i : j + 1]
        last = parts[-1]
        surface = "".join(t.text if k == 0 or parts[k - 1].end_char == t.start_char else " " + t.text for k, t in enumerate(parts))
        lemma = "".join(t.text.lower() for t in parts[:-1]) + last.lemma.lower() if j > i else tok.lemma.lower()
        runs[-1].append(
            Word(
                text=surface,
                lower=surface.lower(),
                lemma=lemma or surface.lower(),
                pos=last.pos,
                tag=last.tag,
                start=tok.start_char,
                end=last.end_char,
                is_stop=tok.is_stop if j == i else False,
                like_num=tok.like_num if j == i else False,
                compound=j > i,
            )
        )
        i = j + 1
    return [r for r in runs if r]


def phrase_like(words: Sequence[Word], stop_words: frozenset[str]) -> bool:
    """Whether ``words`` look like a noun phrase or a name: modifiers (adjectives, nouns,
    names, numbers, participles) then a noun or name; no stop, filler or pronoun words."""
    last = words[-1]
    if last.pos not in _HEAD_POS:
        return False
    for k, w in enumerate(words):
        if w.is_stop or w.lower in stop_words or w.lemma in stop_words:
            return False
        if not any(c.isalpha() for c in w.text) or len(w.text) < 2:
            return False
        if k < len(words) - 1 and w.pos not in _INNER_POS:
            # a participle modifies a common noun ("distributed systems"); before a name it
            # is a verb-led fragment ("joined Northern Ireland")
            if w.tag not in _MODIFIER_TAGS or words[k + 1].pos not in ("NOUN", "ADJ"):
                return False
    return True


def occurrences(document: Document, max_ngram: int, stop_words: frozenset[str], keys: Container[str]) -> Iterator[Occurrence]:
    """Every n-gram (1..``max_ngram`` words) of every sentence whose key is in ``keys``,
    in document order."""
    for sentence in document.sentences:
        for run in words_of(sentence.tokens, document.text):
            for i in range(len(run)):
                for n in range(1, min(max_ngram, len(run) - i) + 1):
                    gram = run[i : i + n]
                    key = " ".join(w.lower for w in gram)
                    if key not in keys:
                        continue
                    start, end = gram[0].start, gram[-1].end
                    yield Occurrence(
                        key=key,
                        lemma_key=" ".join(w.lemma for w in gram),
                        sentence=sentence.index,
                        start=start,
                        end=end,
                        phrase_like=phrase_like(gram, stop_words),
                        proper=all(w.pos == "PROPN" or w.text[:1].isupper() for w in gram) and any(w.pos == "PROPN" for w in gram),
                    )
