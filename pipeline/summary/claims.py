"""Argument or anecdote: how much a sentence states a point rather than tells a story.

A talk's thesis and its conclusion are general statements in the present tense, often
with a modal ("We need to …", "Technology is so powerful that …", "What we have to do is
…"); its examples are stories told in the past tense ("I started reading …", "In 1994 I
met …"). TextRank alone prefers whatever shares the talk's words, and the first examples do.
:func:`claim_factor` tilts the ranking of a long recording toward statements: a multiplier
from the verb tenses of the fast pass (Penn tags, no parse), so a thesis stated late can win
over an early anecdote.
"""

from __future__ import annotations

import re

from ..types import Sentence

#: a sentence told mostly in the past tense (an anecdote, a story)
NARRATIVE = 0.75
#: a present-tense statement with a modal or addressed to everyone ("we", "you", "people")
ARGUMENT = 1.2
#: a sentence that states a decision, a proposal, a problem or the point ("We should …",
#: "The problem is …", "My proposal would be …", "We decided …")
STATEMENT = 1.4
_STATEMENT_CUE = re.compile(
    r"\b(we (should|need|have to|must|decided|agreed|want to|are going to|'re going to|'ll have to)|"
    r"(the|my|our) (proposal|suggestion|plan|goal|problem|issue|point|lesson|answer|conclusion|question|key|message) (is|was|would be|here is)|"
    r"i (suggest|propose|recommend|believe)|what (we|you) (need|have) to do)\b",
    re.IGNORECASE,
)
_PAST = frozenset({"VBD"})
_PRESENT = frozenset({"VBZ", "VBP"})
#: subjects of a general claim
_GENERAL = frozenset("we you people everyone everybody nobody anyone society humans".split())


def claim_factor(sentence: Sentence, *, conversation: bool = False) -> float:
    """Multiplier for ``sentence``'s ranking score: :data:`STATEMENT` for a sentence with a
    decision, proposal or point cue, else :data:`NARRATIVE` (< 1) when its finite
    verbs are mostly past tense, :data:`ARGUMENT` (> 1) when it is in the present tense
    with a modal verb or a general subject, 1 otherwise (and for untagged sentences).
    In a ``conversation`` (two or more speakers: a meeting) only the cue counts: there a
    report in the past tense ("we looked at …") is often the point, and tense says little
    (on QMSum validation the tenses cost 0.7 ROUGE-1, the cue 0.1)."""
    past = present = modal = 0
    general = False
    for t in sentence.tokens:
        tag = t.tag
        if tag in _PAST:
            past += 1
        elif tag in _PRESENT:
            present += 1
        elif tag == "MD":
            modal += 1
        elif t.pos == "PRON" or t.pos == "NOUN":
            general = general or t.text.lower() in _GENERAL
    if _STATEMENT_CUE.search(sentence.text):
        return STATEMENT
    if conversation:
        return 1.0
    if past > present + modal:
        return NARRATIVE
    if present + modal > past and (modal or general):
        return ARGUMENT
    return 1.0
