"""A news-style headline from one sentence's core clause (no generation model).

The clause with a noun-phrase subject gives its words from the subject on, headline style
(articles, auxiliaries, possessive pronouns, figures and brackets dropped; after "X said"
the reported clause is used), cut at the last noun within ``max_words`` that comes after
the verb: "Quarterly Profits at US Media Giant TimeWarner Jumped". A clause with a pronoun
subject ("we", "it"), a first-person word, or a verb whose object is a missing clause
gives nothing.
"""
from __future__ import annotations

from typing import Sequence

from ..types import Sentence, Token

#: a headline subject is never built around these (first-person and vague heads)
_BAD_HEADS = frozenset("i me we us you it they them he she thing things lot lots way kind sort stuff".split())
_FIRST_PERSON = frozenset("i me my mine we us our ours myself ourselves".split())
_ATTACHING_PREPOSITIONS = ("of", "for", "in", "on", "to", "about", "behind", "between", "without")
#: a figure's unit or scale goes with the figure ("76 percent", "$3 billion")
FIGURE_WORDS = frozenset("percent per cent bn billion million m trillion thousand hundred %".split())


_OBJECT_DEPS = ("dobj", "attr", "acomp", "oprd", "dative")
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_DROP_IN_HEADLINE_POS = frozenset({"DET", "PUNCT", "AUX", "SPACE", "INTJ"})


def glue(tokens: Sequence[Token]) -> tuple[list[str], list[bool]]:
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


def children_of(tokens: Sequence[Token]) -> dict[int, list[int]]:
    """Token index -> indices of its dependents (ascending)."""
    children: dict[int, list[int]] = {}
    for i, t in enumerate(tokens):
        if t.head != i:
            children.setdefault(t.head, []).append(i)
    return children


def subtree(children: dict[int, list[int]], root: int) -> list[int]:
    """Indices of ``root`` and every token under it (``children`` from
    :func:`children_of`), ascending."""
    out, stack = [], [root]
    while stack:
        i = stack.pop()
        out.append(i)
        stack.extend(children.get(i, ()))
    return sorted(out)


def _subtree(tokens: Sequence[Token], root: int) -> list[int]:
    """Indices of ``root`` and every token under it, ascending."""
    return subtree(children_of(tokens), root)


_BREAKS = frozenset({",", ";", ":", "(", ")", "\u2014", "--", '"'})


def _counting(tokens: Sequence[Token], i: int) -> bool:
    """A figure (with its scale word) that counts the noun after it: "90 jobs",
    "2.2 million vehicles", "20th century" (not an amount: "76%", "$1.13bn")."""
    j = i
    if tokens[j].text.lower() in FIGURE_WORDS and j > 0 and any(c.isdigit() for c in tokens[j - 1].text):
        j -= 1  # "million" in "2.2 million vehicles"
    if not (any(c.isdigit() for c in tokens[j].text) and tokens[j].text.replace(",", "").replace(".", "").rstrip("stndrh").isdigit()):
        return False
    k = j + 1
    if k < len(tokens) and tokens[k].text.lower() in FIGURE_WORDS and tokens[k].text.lower() not in ("percent", "%", "per", "cent"):
        k += 1
    return k < len(tokens) and tokens[k].pos == "NOUN" and tokens[k].text.lower() not in FIGURE_WORDS and (j == 0 or tokens[j - 1].text not in ("$", "\u00a3", "\u20ac"))


def _headline_word(tokens: Sequence[Token], i: int) -> bool:
    """Headlines drop articles, auxiliaries, possessive pronouns, figures and stray marks
    (a hyphen inside a word like "state-owned" stays)."""
    t = tokens[i]
    if _counting(tokens, i):
        return True  # "90 jobs", "2.2 million vehicles", "20th century": the count stays
    if t.text.lower() in FIGURE_WORDS and i > 0 and any(c.isdigit() for c in tokens[i - 1].text):
        return False  # an amount is dropped, so is its unit ("76 percent", "$3 bn")
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


def core_clause(sentence: Sentence, max_words: int) -> list[Token] | None:
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
    if not subj:
        return None  # the subject was all figures or marks ("2004's")
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

