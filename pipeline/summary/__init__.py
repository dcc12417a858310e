"""The extractive summary stage: transcript-aware, redundancy-controlled TextRank.

    whole spoken sentences (chunks merged) -> terms -> similarity graph -> TextRank
    centrality -> x candidate prior -> x statement-or-story (long recordings) -> x readability
    (can it stand alone?) -> MMR selection
    spread over the recording's parts -> length control -> items in document order, each
    shown with its spoken opener trimmed

One module per job: :mod:`.similarity` (terms, TF-IDF cosine graph), :mod:`.sumy_compat`
(sumy's exact TextRank weights), :mod:`.graph` (power iteration), :mod:`.candidates`
(transcript-aware prior), :mod:`.redundancy` (MMR), :mod:`.length` (how many sentences),
:mod:`.units` (whole sentences and how they read alone, via :mod:`pipeline.standalone`),
:mod:`.coverage` (the stretches the points are spread over), :mod:`.claims` (statements
over stories).
"""

from __future__ import annotations

import warnings
from typing import Any, NamedTuple, Sequence

import numpy as np
import scipy.sparse as sp

from ..config import SummaryConfig
from ..errors import PipelineWarning
from ..result import SummaryItem
from ..standalone import BACKCHANNEL, DANGLING_CONNECTIVE, LEADING_REFERENCE, NOISE, TOO_SHORT, Assessment
from ..types import Document, Sentence
from .candidates import CandidatePolicy, candidate_prior
from .claims import claim_factor
from .coverage import MIN_UNITS, stretches
from .followers import add_followers
from .graph import sumy_textrank, textrank
from .length import target_count, truncate_words
from .redundancy import mmr_select
from .similarity import cosine_graph, sentence_terms, tfidf_matrix
from .sumy_compat import sumy_terms, sumy_weights
from .units import Unit, build_units, is_cased, is_punctuated, judge, left_out, shown, shown_words, untrimmed

#: a sentence with more neighbours than this keeps only its strongest ones, which bounds the
#: graph at O(n) edges (measured: the full graph of a 2-hour meeting has ~50 per sentence)
TOP_NEIGHBOURS = 50
#: MMR considers this many of the best-ranked candidates per round
POOL_SIZE = 200
#: MMR bonus (relevance units, [0, 1]) for a sentence of a stretch no point covers yet
COVERAGE = 0.3
#: readability factor per weak problem (a demonstrative inside, a filler phrase)
WEAK_FACTOR = 0.6
#: spoken sentences longer than this many words are demoted in proportion
LONG_WORDS = 45
#: fewer units that stand alone than this: context-dependent ones come back, demoted
MIN_STANDALONE = 3
FALLBACK_FACTOR = 0.1
#: readability is judged for this many of the best-ranked units (at least) ...
JUDGED = 300
#: ... and for this many of the best in every stretch (judging costs more than ranking)
JUDGED_PER_STRETCH = 25
#: never a summary point, whatever else is left
_NEVER_SHOWN = frozenset({BACKCHANNEL, NOISE, TOO_SHORT})
#: personal pronouns that can lean on a point naming someone earlier in a short text
_PERSONAL = frozenset("he she his her him".split())
#: problems that go away when the sentence before is shown right before
_LEANING = frozenset({LEADING_REFERENCE, DANGLING_CONNECTIVE})


class Summarizer:
    """Pick the most central, non-redundant, summary-worthy sentences of a document.

    ``__call__`` returns :class:`~pipeline.result.SummaryItem` values in document order;
    ``score`` is the sentence's ranking score divided by the best sentence's (in (0, 1],
    higher is more central).
    """

    def __init__(self, config: SummaryConfig) -> None:
        self.config = config

    def rank(self, document: Document) -> np.ndarray:
        """Per-sentence ranking scores (length ``len(document.sentences)``; higher is more
        central) before readability and coverage: TextRank stationary probability times the
        candidate prior (the prior is 1
        everywhere when ``summary.filter_candidates`` is false, so with
        ``similarity="sumy"`` this is exactly sumy's TextRank rating). Nothing is cached;
        a call costs a few milliseconds per thousand sentences."""
        return self._analyse(document.sentences).scores

    def __call__(self, document: Document, chapters: Sequence[Any] = ()) -> tuple[SummaryItem, ...]:
        """The summary of ``document``: points in document order. ``chapters``: the
        recording's parts (values with inclusive ``first_sentence``/``last_sentence``), which
        the points are spread over; without them a long recording is cut into equal stretches."""
        sentences = document.sentences
        if not sentences:
            return ()
        config = self.config
        units = build_units(document, whole=config.filter_candidates)
        analysis = self._analyse([u.sentence for u in units], document.sentences)
        scores = analysis.scores
        if not any(analysis.term_counts):
            warnings.warn("summary: no sentence has content words; the summary may say little", PipelineWarning)
        elif config.filter_candidates and not analysis.candidates:
            warnings.warn("summary: no sentence looks like summary material (greetings, fillers, fragments); "
                          "the least bad ones are used", PipelineWarning)
        k = min(target_count(config, len(sentences), sum(analysis.word_counts)), len(units))
        expected = k if config.sentences or config.ratio or config.max_words is None else max(1, config.max_words // 20)
        parts = stretches([u.first for u in units], expected, chapters) if config.filter_candidates else None
        verdicts: dict[int, Assessment] = {}
        if config.filter_candidates and len(units) >= MIN_UNITS:
            # a talk or a meeting: its statements over its stories (a late thesis can win)
            conversation = len({s.speaker for s in sentences[:2000] if s.speaker}) > 1
            tilt = np.ones(len(units))
            for i in np.flatnonzero(scores).tolist():  # only candidates (many meeting lines score 0)
                tilt[i] = claim_factor(units[i].sentence, conversation=conversation)
            scores = scores * tilt
        if config.filter_candidates:
            cased, punctuated = is_cased(sentences), is_punctuated(sentences)
            for i in _worth_judging(scores, parts, k):
                verdicts[i] = judge(units[i], cased, punctuated)
            ranked = scores
            readable, leaning = self._readability(units, verdicts, analysis.word_counts)
            scores = ranked * readable
            leaning = ranked * leaning
        elif not scores.any():
            scores = np.zeros(len(units))
            scores[0] = 1.0
        if not scores.any():
            warnings.warn("summary: no sentence can be read on its own (only back-channels, fillers or noise); "
                          "the summary is empty", PipelineWarning)
            return ()
        word_counts = [max(1, w) for w in analysis.word_counts]
        for i, a in verdicts.items():  # a trimmed opener is not shown: it does not count
            word_counts[i] = max(1, shown_words(units[i], a, analysis.word_counts[i]))
        chosen = mmr_select(
            scores,
            analysis.vectors,
            [u.sentence.text for u in units],
            word_counts,
            k=k,
            max_words=config.max_words,
            diversity=config.diversity,
            duplicate_cosine=config.duplicate_cosine,
            pool_size=max(POOL_SIZE, 4 * k) if k < len(units) else POOL_SIZE,
            stretches=parts,
            coverage=COVERAGE,
        )
        if parts is None and config.filter_candidates and chosen:
            # a short text: a sentence that goes on from a point may follow it
            personal, names = _pronoun_openers(units, verdicts)
            chosen = add_followers(chosen, scores, leaning, analysis.vectors, word_counts,
                                   duplicate_cosine=config.duplicate_cosine, max_words=config.max_words,
                                   personal=personal, names=names)
        top = float(max(scores.max(), max((leaning[i] for i in chosen), default=0.0))) if config.filter_candidates else float(scores.max())
        truncated = False
        if not chosen and config.max_words is not None:
            # Every candidate is longer than the budget: the best one, cut to the budget.
            best = int(np.lexsort((np.arange(len(scores)), -scores))[0])
            chosen, truncated = [best], True
            warnings.warn(
                f"summary: every candidate sentence is longer than summary.max_words={config.max_words}; "
                "the best one is cut to that many words",
                PipelineWarning,
            )
        items = []
        for i in sorted(chosen):
            unit = units[i]
            a = verdicts.get(i) or untrimmed(unit)
            first, last = sentences[unit.first], sentences[unit.last]
            text = shown(unit, a)
            if truncated and config.max_words:
                text = truncate_words(text, config.max_words)
            items.append(
                SummaryItem(
                    text=text,
                    sentence=first.index,
                    score=float(max(scores[i], leaning[i] if config.filter_candidates else 0.0)) / top,
                    start=first.start,
                    end=last.end,
                    speaker=first.speaker,
                    last_sentence=last.index,
                    start_char=a.start_char,
                    end_char=last.end_char,
                    trimmed=a.trimmed,
                    joined=unit.joined,
                    trimmed_text=left_out(unit, a),
                )
            )
        return tuple(items)

    # ---- internals ----------------------------------------------------------------------

    def _readability(self, units: Sequence[Unit], verdicts: dict[int, Assessment], word_counts: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
        """Per-unit factor in [0, 1] (higher reads better on its own; 0 for units not
        judged): 0 for a unit that cannot stand alone (a leading reference, a question, a
        back-channel, a piece ...), ``WEAK_FACTOR`` per weak problem (a demonstrative inside,
        a filler phrase, a restart, a vague announcement), and ``LONG_WORDS / words`` beyond
        ``LONG_WORDS`` words (a 90-word spoken sentence is hard to read). When fewer than
        ``MIN_STANDALONE`` units stand alone, the units that only lean on context (not
        noise, back-channel or too short) come back at ``FALLBACK_FACTOR``, with a warning.
        Second array: the factor of each unit whose only problem is leaning on the sentence
        before (a leading reference, a hanging connective), for when that one is shown
        right before it (:func:`.followers.add_followers`); 0 for the others."""
        factor = np.zeros(len(units))
        fallback = np.zeros(len(units))
        leaning = np.zeros(len(units))
        for i in sorted(verdicts):
            a, words = verdicts[i], word_counts[i]
            value = WEAK_FACTOR ** len(a.weak)
            if words > LONG_WORDS:
                value *= LONG_WORDS / words
            if a.standalone and not units[i].piece:
                factor[i] = value
            elif not set(a.problems) & _NEVER_SHOWN:
                fallback[i] = value * FALLBACK_FACTOR
                if i > 0 and not units[i].piece and set(a.problems) <= _LEANING:
                    leaning[i] = value
        standing = int((factor > 0).sum())
        if standing < MIN_STANDALONE and fallback.any():
            warnings.warn(
                f"summary: only {standing} sentence{'s' if standing != 1 else ''} can be read on {'their' if standing != 1 else 'its'} own; "
                "some points may lean on the sentences around them",
                PipelineWarning,
            )
            factor = np.maximum(factor, fallback)
        return factor, leaning

    def _analyse(self, units: Sequence[Sentence], originals: Sequence[Sentence] | None = None) -> _Analysis:
        """Ranking over ``units`` (whole sentences); ``originals`` are the document's
        sentences (for sumy's TextRank, which ranks the sentences as segmented)."""
        sentences = units
        memo: dict[str, str] = {}
        features = [sentence_terms(s, memo) for s in sentences]
        terms = [f.terms for f in features]
        word_counts = [f.n_words for f in features]
        vectors = tfidf_matrix(terms)
        term_counts = [len(t) for t in terms]
        if not sentences:
            return _Analysis(np.zeros(0), vectors, word_counts, term_counts, 0)
        if self.config.similarity == "sumy":
            centrality = sumy_textrank(sumy_weights([sumy_terms(s) for s in sentences]))
        else:
            centrality = textrank(cosine_graph(vectors, top_k=TOP_NEIGHBOURS))
        n_candidates = len(sentences)
        if self.config.filter_candidates:
            prior = candidate_prior(sentences, word_counts, term_counts, [f.has_verb for f in features])
            n_candidates = int((prior >= CandidatePolicy().fallback_floor).sum())
            centrality = centrality * prior
        return _Analysis(centrality, vectors, word_counts, term_counts, n_candidates)


def _pronoun_openers(units: Sequence[Unit], verdicts: dict[int, Assessment]) -> tuple[np.ndarray, np.ndarray]:
    """Per unit: whether its shown text opens with a personal pronoun ("He", "Her"; judged
    units only), and whether it holds a proper name (someone such a pronoun can mean)."""
    personal = np.zeros(len(units), dtype=bool)
    names = np.array([any(t.pos == "PROPN" for t in u.sentence.tokens) for u in units], dtype=bool)
    for i, a in verdicts.items():
        tokens = units[i].sentence.tokens
        if a.first_token < len(tokens):
            personal[i] = tokens[a.first_token].text.lower() in _PERSONAL
    return personal, names


def _worth_judging(scores: np.ndarray, parts: np.ndarray | None, k: int) -> list[int]:
    """The units that could be chosen: the ``max(JUDGED, 10 k)`` best-ranked ones with a
    positive score, and the ``JUDGED_PER_STRETCH`` best of every stretch; ascending."""
    order = np.lexsort((np.arange(len(scores)), -scores))
    order = order[scores[order] > 0]
    wanted = set(order[: max(JUDGED, 10 * k)].tolist())
    if parts is not None:
        taken: dict[int, int] = {}
        for i in order.tolist():
            p = int(parts[i])
            if taken.get(p, 0) < JUDGED_PER_STRETCH:
                taken[p] = taken.get(p, 0) + 1
                wanted.add(i)
    return sorted(wanted)


class _Analysis(NamedTuple):
    """What ranking computed: scores (higher is better), L2-normalised TF-IDF rows of the
    content terms (for redundancy control), each sentence's word and content-term counts,
    and how many sentences passed the candidate filter."""

    scores: np.ndarray
    vectors: sp.csr_matrix
    word_counts: list[int]
    term_counts: list[int]
    candidates: int


__all__ = ["Summarizer"]
