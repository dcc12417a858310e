"""A title of 3-10 words taken from the transcript itself (no generation model).

First choice, a headline: the most central parsed sentence (summary score, key-phrase
coverage, a bonus for the opening sentences and most for the first) that has a clause
with a noun-phrase subject gives its words from the subject on, headline style (articles,
auxiliaries, possessive pronouns, figures and brackets dropped; after "X said" the reported
clause is used), cut at the last noun within ``max_words`` that comes after the verb:
"Quarterly Profits at US Media Giant Jumped". A clause with a pronoun subject ("we",
"it"), a first-person word, or a verb whose object is a missing clause is skipped.

Fallback: the noun phrases of the same sentences, each extended by an attached
"of / for / in ..." phrase, scored by the key-phrase mass they cover plus centrality; then
the top key phrases ("Quorum Sensing and Waggle Dance"). Title case keeps acronyms and
names as written. Deterministic: every choice has a total order.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .config import TitleConfig
from .keywords import MAX_WORD_CHARS
from .result import Keyword, SummaryItem
from .types import Document, Sentence, Span, Token

#: words kept lower-case inside a title (except first and last)
_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into nor of on onto or over per the to via vs with".split()
)
#: phrase-initial words dropped from a candidate ("the swarm" -> "swarm")
_LEADING_DROP = frozenset("a an the this that these those my our your his her its their some any every each".split())
#: a candidate is never built around these (first-person and vague heads)
_BAD_HEADS = frozenset("i me we us you it they them he she thing things lot lots way kind sort stuff".split())
_FIRST_PERSON = frozenset("i me my mine we us our ours myself ourselves".split())
_ATTACHING_PREPOSITIONS = ("of", "for", "in", "on", "to", "about", "behind", "between", "without")
_OPENING_SENTENCES = 3
#: extra weight of the first sentence when choosing the headline sentence (news leads)
FIRST_BONUS = 1.0
_CENTRAL_SENTENCES = 6


@dataclass(frozen=True, slots=True)
class _Candidate:
    words: tuple[str, ...]
    proper: tuple[bool, ...]
    score: float
    sentence: int
    start_char: int


class TitleMaker:
    """Make a title. ``wanted`` names the sentences that need a parse (noun chunks);
    ``__call__`` returns the title, or ``""`` when the document has no noun phrase at all."""

    def __init__(self, config: TitleConfig) -> None:
        self.config = config

    def wanted(self, document: Document, summary: Sequence[SummaryItem], keywords: Sequence[Keyword]) -> tuple[int, ...]:
        central = [s.sentence for s in sorted(summary, key=lambda s: (-s.score, s.sentence))[:_CENTRAL_SENTENCES]]
        opening = list(range(min(_OPENING_SENTENCES, len(document.sentences))))
        return tuple(sorted(set(central) | set(opening)))

    def __call__(self, document: Document, summary: Sequence[SummaryItem], keywords: Sequence[Keyword]) -> str:
        title = self._title(document, summary, keywords)
        # A "word" longer than any English word is a run of a script without spaces or a
        # table row: such a title would be a whole sentence of the text, not a title.
        return "" if any(len(word) > MAX_WORD_CHARS for word in title.split()) else title

    def _title(self, document: Document, summary: Sequence[SummaryItem], keywords: Sequence[Keyword]) -> str:
        centrality = _centrality(summary)
        weights = _keyword_weights(keywords)
        headline = self._headline(document, summary, keywords, centrality, weights)
        if headline:
            return headline
        candidates: list[_Candidate] = []
        for index in self.wanted(document, summary, keywords):
            sentence = document.sentences[index]
            bonus = centrality.get(index, 0.0) + (0.15 if index < _OPENING_SENTENCES else 0.0)
            candidates.extend(_candidates(sentence, weights, bonus, self.config.max_words))
        if not candidates:
            return _from_keywords(keywords, self.config.max_words)
        candidates.sort(key=lambda c: (-c.score, c.sentence, c.start_char, c.words))
        best = candidates[0]
        words, proper = list(best.words), list(best.proper)
        if len(words) < 3:
            for keyword in keywords:
                extra = keyword.text.split()
                if not set(w.lower() for w in extra) & set(w.lower() for w in words) and len(words) + 1 + len(extra) <= self.config.max_words:
                    words += ["and", *extra]
                    proper += [False, *(w[:1].isupper() for w in extra)]
                    break
        if len(words) < 3:
            return _from_keywords(keywords, self.config.max_words) or title_case(words, proper)
        return title_case(words, proper)


    def _headline(self, document: Document, summary: Sequence[SummaryItem], keywords: Sequence[Keyword], centrality: dict[int, float], weights: dict[str, float]) -> str:
        """The core clause (subject, verb, object) of the most central sentence that has
        one with a noun-phrase subject, headline style: "Quarterly Profits at US Media Giant
        TimeWarner Jumped". Empty when no central sentence has such a clause."""
        ranked = []
        for index in self.wanted(document, summary, keywords):
            sentence = document.sentences[index]
            if not sentence.parsed:
                continue
            coverage = sum(weights.get(t.text.lower(), 0.0) for t in sentence.tokens if not t.is_stop)
            opening = (0.15 if index < _OPENING_SENTENCES else 0.0) + (FIRST_BONUS if index == 0 else 0.0)
            score = centrality.get(index, 0.0) + opening + 0.05 * min(coverage, 4.0)
            ranked.append((-score, index))
        for _, index in sorted(ranked):
            words = _core_clause(document.sentences[index], self.config.max_words)
            if words is not None:
                glued, proper = _glue(words)
                return title_case(glued, proper)
        return ""


#: dependents kept after the verb, in order of preference
_OBJECT_DEPS = ("dobj", "attr", "acomp", "oprd", "dative")
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_DROP_IN_HEADLINE_POS = frozenset({"DET", "PUNCT", "AUX", "SPACE", "INTJ"})


def _glue(tokens: Sequence[Token]) -> tuple[list[str], list[bool]]:
    """Words as written: a token touching the previous one ("Japan" "'s", "$" "3bn") is
    glued to it."""
    words: list[str] = []
    proper: list[bool] = []
    previous: Token | None = None
    for t in tokens:
        if previous is not None and t.start_char == previous.end_char and words:
            words[-1] += t.text
        else:
            words.append(t.text)
            proper.append(t.pos == "PROPN")
        previous = t
    return words, proper


def _subtree(tokens: Sequence[Token], root: int) -> list[int]:
    """Indices of ``root`` and every token under it, ascending."""
    children: dict[int, list[int]] = {}
    for i, t in enumerate(tokens):
        if t.head != i:
            children.setdefault(t.head, []).append(i)
    out, stack = [], [root]
    while stack:
        i = stack.pop()
        out.append(i)
        stack.extend(children.get(i, ()))
    return sorted(out)


_BREAKS = frozenset({",", ";", ":", "(", ")", "\u2014", "--", '"'})


def _headline_word(tokens: Sequence[Token], i: int) -> bool:
    """Headlines drop articles, auxiliaries, possessive pronouns, figures and stray marks
    (a hyphen inside a word like "state-owned" stays)."""
    t = tokens[i]
    if t.pos == "ADV" and t.dep == "advmod" and 0 <= t.head < len(tokens) and tokens[t.head].pos in ("VERB", "AUX", "ADP", "NOUN", "PROPN"):
        return False  # "usually", "just", "really": headlines leave them out ("almost three" stays)
    if t.tag == "PRP$" or any(c.isdigit() for c in t.text) or t.pos == "SYM" or not any(c.isalpha() for c in t.text) and t.text != "-":
        return False
    if t.pos in _DROP_IN_HEADLINE_POS:
        touching = 0 < i < len(tokens) - 1 and tokens[i - 1].end_char == t.start_char == tokens[i + 1].start_char - len(t.text)
        return t.text == "-" and touching or t.text in ("'s", "\u2019s")
    return True


def _phrase_upto_head(tokens: Sequence[Token], head: int, budget: int) -> list[int]:
    """The left part of ``head``'s subtree up to the head, plus an attached
    "of/at/in ..." phrase when it fits ``budget`` words."""
    sub = _subtree(tokens, head)
    left = [i for i in sub if i <= head and tokens[i].dep not in ("punct", "cc", "conj", "appos", "relcl", "acl")]
    left = [i for i in left if i > max((j for j in left if tokens[j].text in _BREAKS), default=-1)]
    keep = [i for i in left if _headline_word(tokens, i)]
    for child in sub:
        if child > head and tokens[child].head == head and tokens[child].dep == "prep" and tokens[child].text.lower() in _ATTACHING_PREPOSITIONS + ("at",):
            pobj = [j for j in range(len(tokens)) if tokens[j].head == child and tokens[j].dep == "pobj" and j != child]
            if pobj:
                extra = [child] + [i for i in _phrase_upto_head(tokens, pobj[0], 0) if i > child]
                if len(keep) + len(extra) <= budget:
                    keep += extra
            break
    return keep


def _first_person(t: Token) -> bool:
    """"we", "my", "I" as pronouns ("US" the country is not)."""
    return t.text.lower() in _FIRST_PERSON and (t.pos == "PRON" or t.tag in ("PRP", "PRP$"))


_REPORTING = frozenset("say tell add report announce claim believe think warn argue explain insist note suggest".split())


def _core_clause(sentence: Sentence, max_words: int) -> list[Token] | None:
    tokens = sentence.tokens
    roots = [i for i, t in enumerate(tokens) if t.dep == "ROOT" and t.pos in ("VERB", "AUX")]
    if not roots:
        return None
    root = roots[0]
    # "X said (that) Y ..." -> the reported clause Y carries the news
    if tokens[root].lemma.lower() in _REPORTING:
        reported = [i for i, t in enumerate(tokens) if t.head == root and t.dep == "ccomp" and i != root]
        if reported and tokens[reported[0]].pos in ("VERB", "AUX"):
            root = reported[0]
    deps = {t.dep: i for i, t in reversed(list(enumerate(tokens))) if t.head == root and i != root}
    subject = next((deps[d] for d in _SUBJECT_DEPS if d in deps), None)
    if subject is None:
        return None
    subj_tok = tokens[subject]
    if subj_tok.pos not in ("NOUN", "PROPN") or subj_tok.text.lower() in _BAD_HEADS:
        return None
    subj = _phrase_upto_head(tokens, subject, max_words - 3)
    if not subj:  # the subject phrase does not fit (table-like text: one long "word")
        return None
    if any(tokens[i].pos == "PRON" or (tokens[i].text in _BAD_HEADS and tokens[i].pos != "PROPN") for i in subj):
        return None
    verb = [root] + [i for i, t in enumerate(tokens) if t.head == root and t.dep in ("neg", "prt") and i > root]
    obj_head = next((deps[d] for d in _OBJECT_DEPS if d in deps), None)
    budget = max_words - len(subj) - len(verb)
    obj: list[int] = []
    if obj_head is None:
        # "teetered on the brink of ...": the first prepositional phrase after the verb
        preps = [i for i, t in enumerate(tokens) if t.head == root and t.dep in ("prep", "agent") and i > root]
        pobj = [j for j, t in enumerate(tokens) if preps and t.head == preps[0] and t.dep == "pobj" and j != preps[0]]
        if pobj and budget >= 2:
            obj = [preps[0]] + [i for i in _phrase_upto_head(tokens, pobj[0], budget - 1) if i > preps[0]]
            obj_head = None
    if obj_head is not None and budget >= 1:
        obj = _phrase_upto_head(tokens, obj_head, budget)[:budget]
    while obj and tokens[obj[-1]].pos in ("ADP", "CCONJ", "DET", "PART"):
        obj = obj[:-1]  # figures dropped can leave "rose to" behind
    copula = tokens[root].pos == "AUX" and tokens[root].lemma == "be"
    # a verb that needs what follows ("mean that ...", "bought X") must not end the title
    needs_more = copula or any(t.head == root and t.dep in ("dobj", "ccomp", "xcomp", "attr", "acomp", "oprd") for i, t in enumerate(tokens) if i != root)
    # the sentence from its subject on, headline style, cut at the last noun that fits
    # (when that leaves too little, the subject-verb-object core below is tried); a copula stays ("Starter Is Flour and Water", not "Starter Flour and Water")
    start = min(subj)
    stream = [i for i in range(start, len(tokens)) if _headline_word(tokens, i) or (copula and i == root)]
    stream = [i for i in stream if tokens[i].text not in _BREAKS]
    # a dropped figure can leave "for in sale": drop a preposition followed by another
    stream = [i for k, i in enumerate(stream) if not (tokens[i].pos == "ADP" and k + 1 < len(stream) and tokens[stream[k + 1]].pos == "ADP")]
    cut = stream[:max_words]
    # never end inside a clause whose verb was cut off: "mean that President Bush",
    # "flour and water that wild yeast" (a relative clause on any noun, not only the root's)
    for child, t in enumerate(tokens):
        clause = t.dep in ("ccomp", "advcl", "xcomp", "relcl", "acl") or (t.dep == "conj" and t.head == root)
        relative = t.dep in ("relcl", "acl") and t.pos in ("VERB", "AUX")  # "... which raises the bread": never in a title
        if clause and child != root and (child not in cut or relative) and (t.head == root or t.pos in ("VERB", "AUX")):
            first = min(_subtree(tokens, child))
            if cut and cut[-1] >= first:
                cut = [i for i in cut if i < first]
    # end on a noun after the verb, or on the verb itself ("Shares ... slipped")
    while cut and not ((tokens[cut[-1]].pos in ("NOUN", "PROPN") and cut[-1] > root) or (cut[-1] == root and not needs_more)):
        cut.pop()
    if len(cut) >= 3 and cut[-1] >= root:
        words = cut
        if any(_first_person(tokens[i]) for i in words):
            return None
        return [tokens[i] for i in words]
    if copula:
        return None  # "X is Y" without the rest reads badly
    if not obj and any(t.head == root and t.dep in ("ccomp", "xcomp") for i, t in enumerate(tokens) if i != root):
        return None  # "Job gains mean ..." would dangle without its clause
    words = sorted(set(subj) | set(verb) | set(obj))
    if not (3 <= len(words) <= max_words):
        return None
    if any(_first_person(tokens[i]) for i in words):
        return None
    return [tokens[i] for i in words]


def title_case(words: Sequence[str], proper: Sequence[bool] | None = None) -> str:
    """Capitalise like a headline: small words lower-case inside, acronyms (``NASA``,
    ``ASR``) and mixed-case names (``DeepSeek``, ``iPhone``) kept as they are."""
    out = []
    last = len(words) - 1
    for i, word in enumerate(words):
        if (len(word) > 1 and word.isupper()) or any(c.isupper() for c in word[1:]) or (proper and proper[i] and word[:1].isupper()):
            out.append(word)
        elif 0 < i < last and word.lower() in _SMALL_WORDS:
            out.append(word.lower())
        else:
            out.append(word[:1].upper() + word[1:])
    return " ".join(out)


# ---- helpers ---------------------------------------------------------------------------------


def _centrality(summary: Sequence[SummaryItem]) -> dict[int, float]:
    """Summary sentence -> centrality scaled to [0, 0.3] (best sentence 0.3)."""
    if not summary:
        return {}
    top = max(s.score for s in summary) or 1.0
    return {s.sentence: 0.3 * max(0.0, s.score) / top for s in summary}


def _keyword_weights(keywords: Sequence[Keyword]) -> dict[str, float]:
    """Lower-cased word of a key phrase -> the best score of a phrase containing it."""
    weights: dict[str, float] = {}
    for keyword in keywords:
        for form in keyword.forms or (keyword.text,):
            for word in form.lower().split():
                weights[word] = max(weights.get(word, 0.0), keyword.score)
    return weights


def _candidates(sentence: Sentence, weights: dict[str, float], bonus: float, max_words: int) -> list[_Candidate]:
    chunks = sorted(sentence.noun_chunks, key=lambda c: c.start_token)
    out = []
    for i, chunk in enumerate(chunks):
        spans = [chunk]
        following = _attached(sentence, chunk, chunks[i + 1] if i + 1 < len(chunks) else None)
        if following is not None:
            spans.append(following)
        for end in range(1, len(spans) + 1):
            candidate = _candidate(sentence, spans[0].start_token, spans[end - 1].end_token, weights, bonus, max_words)
            if candidate is not None:
                out.append(candidate)
    return out


def _attached(sentence: Sentence, chunk: Span, following: Span | None) -> Span | None:
    """The noun chunk after ``chunk`` when only an attaching preposition separates them."""
    if following is None or following.start_token != chunk.end_token + 1:
        return None
    between = sentence.tokens[chunk.end_token]
    return following if between.text.lower() in _ATTACHING_PREPOSITIONS else None


def _candidate(sentence: Sentence, start: int, end: int, weights: dict[str, float], bonus: float, max_words: int) -> _Candidate | None:
    tokens = [t for t in sentence.tokens[start:end] if not t.is_punct]
    while tokens and (tokens[0].text.lower() in _LEADING_DROP or tokens[0].pos in ("DET", "PRON") or tokens[0].tag == "PRP$"):
        tokens = tokens[1:]
    if not tokens or len(tokens) > max_words:
        return None
    nouns = [t for t in tokens if t.pos in ("NOUN", "PROPN")]
    if not nouns or tokens[-1].text.lower() in _BAD_HEADS:
        return None
    if any(t.pos == "PRON" for t in tokens):
        return None  # "a swarm of them", "my name": never a first-person or vague fragment
    coverage = sum(weights.get(t.text.lower(), 0.0) for t in tokens if not t.is_stop)
    if coverage == 0.0:
        return None
    # a title wants several covered words, but long phrases dilute: peak around 3-6 words
    length_penalty = 0.08 * max(0, len(tokens) - 6) + (0.25 if len(tokens) == 1 else 0.0)
    score = coverage / (1.0 + 0.15 * len(tokens)) + bonus - length_penalty
    return _Candidate(
        words=tuple(t.text for t in tokens),
        proper=tuple(t.pos == "PROPN" for t in tokens),
        score=score,
        sentence=sentence.index,
        start_char=tokens[0].start_char,
    )


def _from_keywords(keywords: Sequence[Keyword], max_words: int) -> str:
    """Fallback: the top key phrases joined ("Bees, Swarms and Quorum Sensing")."""
    phrases: list[str] = []
    used = 0
    for keyword in keywords:
        n = len(keyword.text.split())
        if used + n > max_words:
            continue
        phrases.append(keyword.text)
        used += n
        if len(phrases) == 3 or used >= 3 and len(phrases) >= 2:
            break
    if not phrases:
        return ""
    joined = phrases[0] if len(phrases) == 1 else ", ".join(phrases[:-1]) + " and " + phrases[-1]
    return title_case(joined.split())
