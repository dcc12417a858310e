"""The quiz stage: pick sentences, blank a gap in each, find distractors, build items."""

from __future__ import annotations

import dataclasses
import hashlib
import warnings
from dataclasses import dataclass
from typing import Sequence

from ..config import QuizConfig
from ..errors import PipelineWarning
from ..result import Keyword, QuizItem, SummaryItem
from ..types import Document
from . import items as build
from .distractors import N_DISTRACTORS, Pool, is_variant
from .gaps import Gap, question_text, sentence_gaps
from .blanks import fair_blank
from .forms import number_form
from .select import candidates, fact_sentences
from .statements import clause_ok, leans_on_subject, statement_start, statement_text
from .terms import Terms, recording_terms

#: how many candidate sentences per question are parsed (entities, noun chunks)
CANDIDATES_PER_QUESTION = 6
#: how many more sentences per question are parsed only for distractors (names, numbers)
POOL_PER_QUESTION = 4
#: gaps tried per sentence before giving it up (each needs three distractors)
GAPS_PER_SENTENCE = 8
#: gaps scoring below this make no item (logit of gaps.gap_score: -0.4 is a modelled 40%
#: chance that the span matches an answer people give); set on the fit articles of the SQuAD
#: dev file (benchmarks/fit_quiz_gaps.py), where it keeps about 2 items per paragraph
MIN_GAP_SCORE = -0.4
#: one item per sentence: two questions on one sentence give each other away (a true/false
#: statement of the sentence answers the cloze next to it).
#: A text with at least LONG_TEXT sentences per question (a recording rather than a
#: paragraph; counted over all its sentences, since the strict statement tests leave a
#: recording few candidates) also takes gaps down to FILL_GAP_SCORE where none clears
#: MIN_GAP_SCORE: covering the recording matters more there than the last bit of precision,
#: and the transcripts' gaps score lower than SQuAD's names
LONG_TEXT = 6
FILL_GAP_SCORE = -1.5
EMPTY_WARNING = "the transcript is too short or too uninformative for any quiz question"
FEW_WARNING = (
    "only {n} of {q} quiz questions: the transcript has too few self-contained statements "
    "with a fair blank and same-kind wrong options"
)
#: the first key phrases name the recording's topic: too easy to be an answer
TOPIC_PHRASES = 3


@dataclass(frozen=True, slots=True)
class _Planned:
    sentence: int
    gap: Gap
    question: str
    distractors: tuple[str, ...]
    swap: str | None  # the distractor that makes a fair false statement (a fact of the recording)
    first: int  # the statement's first token (after a dropped spoken opener)
    bin: int = 0  # the stretch of the recording it was chosen for


class QuizMaker:
    """Cloze and true/false items from a transcript (no language model).

    Types mix deterministically: in document order, item ``k`` gets
    ``config.types[k % len(config.types)]`` (so with the default ``("cloze", "true_false")``
    items alternate, starting with cloze).
    """

    def __init__(self, config: QuizConfig) -> None:
        self.config = config

    def wanted(
        self, document: Document, summary: Sequence[SummaryItem], keywords: Sequence[Keyword]
    ) -> tuple[int, ...]:
        """Sentence indices to parse (sorted): at most ``6 * questions`` candidates, spread
        evenly over the transcript, and up to ``4 * questions`` more sentences rich in names
        and numbers, whose entities serve as distractors (facts of the same recording)."""
        q = self.config.questions
        if q <= 0 or not self.config.types:
            return ()
        per_bin = self._per_bin(q)
        chosen = {c.index for c in candidates(document, summary, keywords, q, per_bin)}
        return tuple(sorted(chosen | set(fact_sentences(document, POOL_PER_QUESTION * q, chosen))))

    def __call__(
        self, document: Document, summary: Sequence[SummaryItem], keywords: Sequence[Keyword]
    ) -> tuple[QuizItem, ...]:
        """Up to ``questions`` items in document order; empty (with a warning) when no
        sentence gives a well-formed item. Only parsed candidate sentences are used."""
        q = self.config.questions
        if q <= 0 or not self.config.types:
            return ()
        terms = recording_terms(document)
        cands = [
            c for c in candidates(document, summary, keywords, q, self._per_bin(q))
            if document.sentences[c.index].parsed and clause_ok(document.sentences[c.index])
            and not leans_on_subject(document.sentences[c.index], terms.is_term)
        ]
        firsts = {c.index: statement_start(document.sentences[c.index]) or 0 for c in cands}
        pool = Pool(document, keywords, terms) if cands else None
        by_bin: dict[int, list[int]] = {}
        for c in cands:
            by_bin.setdefault(c.bin, []).append(c.index)
        planned: list[_Planned] = []
        topic = tuple(kw.text for kw in keywords[:TOPIC_PHRASES])
        swap_only = "true_false" in self.config.types  # a fact with a swap makes a true/false item
        text_lower = document.text.lower()
        gaps: dict[int, list[Gap]] = {}

        def best_in(sentences: list[int], floor: float, facts_only: bool = False) -> _Planned | None:
            """The item of the sentence (of one stretch) whose best usable gap scores highest;
            ties go to the better sentence by select.candidates' order. ``facts_only``: only
            a name, place, date or number answer (see :func:`is_fact`)."""
            used = [p.gap.text for p in planned]
            best: _Planned | None = None
            for index in sentences:
                if index not in gaps:
                    gaps[index] = sentence_gaps(document.sentences[index], document.text, keywords, text_lower)
                taken = [(p.gap.start, p.gap.end) for p in planned if p.sentence == index]
                plan = self._plan(document, index, gaps[index], pool, used, taken, floor, topic, firsts[index], terms, facts_only, swap_only)
                if plan is not None and (best is None or _preference(plan) > _preference(best)):
                    best = plan
            return best

        def fill(floors: Sequence[float], facts_only: bool, once: bool) -> None:
            """Round robin over the stretches, one item per stretch per pass, from the
            stretch's sentences without an item; ``once``: only the stretches still without
            an item, one pass."""
            progress = True
            while len(planned) < q and progress:
                progress = False
                for b in sorted(by_bin):
                    if len(planned) >= q:
                        break
                    if once and any(p.bin == b for p in planned):
                        continue
                    free = [i for i in by_bin[b] if all(p.sentence != i for p in planned)]
                    for floor in floors:
                        plan = best_in(free, floor, facts_only)
                        if plan is not None:
                            planned.append(dataclasses.replace(plan, bin=b))
                            progress = True
                            break
                if once:
                    return

        # Facts first (names, places, dates, numbers: their wrong options are facts of the
        # same kind from the recording, and read blind they are the items people keep), one
        # per stretch so that the quiz covers the recording, then more facts anywhere; only
        # then common-noun terms, first in the stretches still without an item. A paragraph
        # (not LONG_TEXT) only asks for gaps above MIN_GAP_SCORE; a recording also takes
        # gaps down to FILL_GAP_SCORE: its gaps are mostly plainer than SQuAD's names.
        long_text = len(document.sentences) >= LONG_TEXT * q
        floors = (MIN_GAP_SCORE, FILL_GAP_SCORE) if long_text else (MIN_GAP_SCORE,)
        fill(floors, facts_only=True, once=False)
        fill(floors, facts_only=False, once=True)
        fill(floors, facts_only=False, once=False)
        planned.sort(key=lambda p: (p.sentence, p.gap.start))
        out = []
        types = self.config.types
        k = 0
        for p in planned:
            sentence = document.sentences[p.sentence]
            if len(p.distractors) < N_DISTRACTORS:
                # a fact with a same-kind swap but too few wrong options for a cloze
                # ("John Tyndall" among the recording's two other people): a true/false item
                out.append(build.true_false(sentence, p.gap, p.question, p.swap, statement_text(sentence, p.first)))
                continue
            kind = types[k % len(types)]
            if kind == "true_false" and p.swap is None and "cloze" in types:
                # no fact of the recording to swap in: this one is a cloze, and the true/false
                # turn passes to the next item
                out.append(build.cloze(sentence, p.gap, p.question, p.distractors))
                continue
            k += 1
            if kind == "cloze":
                out.append(build.cloze(sentence, p.gap, p.question, p.distractors))
            else:
                out.append(build.true_false(sentence, p.gap, p.question, p.swap, statement_text(sentence, p.first)))
        if not out:
            warnings.warn(EMPTY_WARNING, PipelineWarning, stacklevel=2)
        elif len(out) < q:
            warnings.warn(FEW_WARNING.format(n=len(out), q=q), PipelineWarning, stacklevel=2)
        return tuple(out)

    @staticmethod
    def _per_bin(questions: int) -> int:
        return CANDIDATES_PER_QUESTION

    @staticmethod
    def _plan(
        document: Document, index: int, gaps: Sequence[Gap], pool: Pool | None, used: Sequence[str],
        taken: Sequence[tuple[int, int]] = (), floor: float = 0.0, topic: Sequence[str] = (), first: int = 0,
        terms: Terms | None = None, facts_only: bool = False, swap_only: bool = False,
    ) -> _Planned | None:
        """The best gap of sentence ``index`` (its ``gaps`` best first) that scores at least
        ``floor``, is no variant of a ``used`` answer, overlaps no ``taken``
        token span of the sentence and gets three distractors (or, with ``swap_only``, a
        same-kind fact of the recording for a false statement)."""
        sentence = document.sentences[index]
        if pool is None:
            return None
        for gap in sorted(gaps[:GAPS_PER_SENTENCE], key=lambda g: (not is_fact(g), -g.score, g.start, g.end)):
            if gap.score < floor or (facts_only and not is_fact(gap)):
                continue
            if any(gap.start < end and start < gap.end for start, end in taken):
                continue
            if any(is_variant(gap.text, u) for u in used):
                continue  # one question per answer: a quiz that asks for "swarm" thrice is dull
            if gap.start < first or not fair_blank(sentence, gap, topic, document.text, terms):
                continue
            question = question_text(sentence, document.text, gap, first)
            seed = int(hashlib.sha256(f"{index}\x1f{gap.text}".encode("utf-8")).hexdigest()[:12], 16)
            distractors, swap = pool.choose_with_swap(gap, question, sentence, seed)
            if swap is not None and any(is_variant(swap, phrase) for phrase in topic):
                swap = None  # the recording's topic swapped in ("released by my company, Asperger")
            if len(distractors) == N_DISTRACTORS or (swap_only and swap is not None):
                return _Planned(index, gap, question, distractors, swap, first)
        return None


def is_fact(gap: Gap) -> bool:
    """A name, place, date or number (not a plain noun phrase): such answers get distractors
    of exactly their kind from the recording, and make fair true/false swaps."""
    return gap.kind != "NP" or bool(number_form(gap.text))


def _preference(plan: _Planned) -> tuple[bool, float]:
    """Which of two items of one stretch to ask (higher first): a fact before a noun phrase,
    then the better gap."""
    return (is_fact(plan.gap), plan.gap.score)
