"""The end-weighted comparison rule of the tone benchmarks (not shipped).

Opinion sentences weighted by position (``1 + slope * (2p - 1)``, the last fifth ``* (1 +
tail_boost)``), ``slope`` and ``tail_boost`` chosen on a small grid by 10-fold
cross-validated log-loss, the baseline where a 1-D logistic regression crosses P = 0.5. It
gains on film reviews, whose verdict comes at the end, but lets a few closing sentences
outvote a clear majority; the shipped label does not depend on the order of the sentences.
"""

from __future__ import annotations

import numpy as np

from _tone_common import folds_of
from pipeline.sentiment.aggregate import POSITIVE_THRESHOLD, DocumentRule, normalise, valence

EVIDENCE_CAP = 10
#: the last TAIL_SHARE of sentences get the tail boost
TAIL_SHARE = 0.2
SLOPES = (0.0, 0.25, 0.5, 0.75, 1.0)
TAIL_BOOSTS = (0.0, 0.5, 1.0, 1.5, 2.0, 3.0)


def end_weighted_mean(scores: list[float], slope: float, tail_boost: float) -> float:
    """Position-weighted mean opinion valence (the comparison variant; 0.0 without opinion)."""
    n = len(scores)
    total = weighted = 0.0
    for i, s in enumerate(scores):
        if abs(s) < POSITIVE_THRESHOLD:
            continue
        p = i / (n - 1) if n > 1 else 0.5
        w = (1.0 + slope * (2.0 * p - 1.0)) * (1.0 + tail_boost if p >= 1.0 - TAIL_SHARE else 1.0)
        total += w
        weighted += w * valence(s)
    return weighted / total if total > 0 else 0.0


def fit_end_weighted(all_scores: list[list[float]], y: np.ndarray) -> tuple[float, float, float, list[tuple]]:
    """(slope, tail_boost, baseline, grid rows) of the comparison variant."""
    from sklearn.linear_model import LogisticRegression

    folds, rows, best = folds_of(y), [], None
    for slope in SLOPES:
        for boost in TAIL_BOOSTS:
            x = np.array([end_weighted_mean(s, slope, boost) for s in all_scores]).reshape(-1, 1)
            prob = np.zeros(len(y))
            for train, test in folds:
                prob[test] = LogisticRegression(C=1e6, solver="lbfgs").fit(x[train], y[train]).predict_proba(x[test])[:, 1]
            prob = np.clip(prob, 1e-9, 1 - 1e-9)
            log_loss = float(-np.mean(np.where(y == 1, np.log(prob), np.log(1 - prob))))
            rows.append((slope, boost, log_loss, float(np.mean((prob > 0.5) == (y == 1)))))
            if best is None or log_loss < best[2]:
                best = rows[-1]
    slope, boost = best[0], best[1]
    return slope, boost, end_weighted_baseline(all_scores, y, slope, boost), rows


def end_weighted_baseline(all_scores: list[list[float]], y: np.ndarray, slope: float, boost: float) -> float:
    """Where a 1-D logistic regression on the end-weighted mean crosses P = 0.5."""
    from sklearn.linear_model import LogisticRegression

    x = np.array([end_weighted_mean(s, slope, boost) for s in all_scores]).reshape(-1, 1)
    lr = LogisticRegression(C=1e6, solver="lbfgs").fit(x, y)
    return float(-lr.intercept_[0] / lr.coef_[0][0])


def end_weighted_score(scores: list[float], slope: float, boost: float, baseline: float) -> float:
    """Document score of the comparison variant (same evidence cap, ramp and normalisation)."""
    rule = DocumentRule(EVIDENCE_CAP, baseline, POSITIVE_THRESHOLD)
    _mean, evidence, ramp = rule.terms(scores)
    if evidence == 0:
        return 0.0
    return normalise(evidence * (end_weighted_mean(scores, slope * ramp, boost * ramp) - baseline * ramp))
