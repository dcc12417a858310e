"""Build :class:`QuizItem` values: ids, deterministic option order, true/false statements."""

from __future__ import annotations

import hashlib
import random

from ..result import QuizItem
from ..types import Sentence
from .gaps import BLANK, Gap

TRUE, FALSE = "True", "False"


def item_id(kind: str, sentence: int, answer: str, question: str) -> str:
    """``"q-"`` + the first 12 hex digits of the SHA-256 of (type, sentence, answer, question)."""
    blob = "\x1f".join((kind, str(sentence), answer, question))
    return "q-" + hashlib.sha256(blob.encode("utf-8")).hexdigest()[:12]


def _rng(identifier: str) -> random.Random:
    return random.Random(int(identifier[2:], 16))


def cloze(sentence: Sentence, gap: Gap, question: str, distractors: tuple[str, ...]) -> QuizItem:
    """Fill in the blank: ``question`` holds ``_____``; options are the answer and the
    distractors, shuffled by a generator seeded from the item id."""
    if question.lstrip().startswith(BLANK):
        # the answer opens the sentence with a capital ("Creative abrasion is not …"): so do
        # the wrong options, or the one capitalised option gives the answer away
        distractors = tuple(d[:1].upper() + d[1:] for d in distractors)
    identifier = item_id("cloze", sentence.index, gap.text, question)
    options = [gap.text, *distractors]
    _rng(identifier).shuffle(options)
    return QuizItem(
        id=identifier,
        type="cloze",
        question=question,
        answer=gap.text,
        options=tuple(options),
        sentence=sentence.index,
        start=sentence.start,
        explanation=sentence.text,
    )


def true_false(sentence: Sentence, gap: Gap, question: str, swap: str | None, shown: str | None = None) -> QuizItem:
    """A statement: the source sentence (true) or the sentence with ``swap`` (a same-kind fact
    of the recording) in the gap (false). Which one comes from a hash of the sentence and gap,
    so it is stable and about half the items with a ``swap`` are false; without one the
    statement is the true sentence. ``shown``: the true statement as shown (the sentence
    less a dropped spoken opener; default the whole sentence)."""
    digest = hashlib.sha256(f"{sentence.index}\x1f{gap.text}\x1f{question}".encode("utf-8")).digest()
    is_false = bool(swap) and digest[0] % 2 == 1
    statement = question.replace(BLANK, swap, 1) if is_false and swap else (shown or sentence.text)
    if is_false and question.lstrip().startswith(BLANK):
        # a lower-case distractor opening the statement would give the answer away
        lead = len(statement) - len(statement.lstrip())
        statement = statement[:lead] + statement[lead : lead + 1].upper() + statement[lead + 1 :]
    answer = FALSE if is_false else TRUE
    identifier = item_id("true_false", sentence.index, answer, statement)
    return QuizItem(
        id=identifier,
        type="true_false",
        question=statement,
        answer=answer,
        options=(TRUE, FALSE),
        sentence=sentence.index,
        start=sentence.start,
        explanation=sentence.text,
    )
