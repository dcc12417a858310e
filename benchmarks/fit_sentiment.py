"""Fit the document-tone rule shipped in resources/sentiment/document_model.json.

    python benchmarks/fit_sentiment.py [--eval-dir ../shared/eval] [--limit N] [--dry-run]

Data: the 800 *fit* reviews of ``sentiment/movie_reviews_dev.jsonl`` (Pang & Lee polarity
v2.0, folds cv000-cv499); the 200 reviews whose fold number is 4 modulo 5 are held back and
never read here (``benchmarks/sentiment_quality.py`` validates on them). Each review goes
through the Pipeline's own ingest, clean, segment and sentence scorer
(``benchmarks/_tone_common.py``).

The rule (pipeline/sentiment/aggregate.py) has one fitted number, the ``baseline``: the
mean opinion valence of a balanced long document. It is where a logistic regression of the
label on the rule's own terms (``mean valence`` and ``ramp``, no intercept, so that the
decision is ``mean - baseline * ramp > 0`` exactly as in the rule) crosses P = 0.5.

For comparison only (not shipped), the script also fits an *end-weighted* variant, as the
previous model was: opinion sentences weighted by position (``1 + slope * (2p - 1)``, the
last fifth ``* (1 + tail_boost)``), ``slope`` and ``tail_boost`` chosen on a small grid by
10-fold cross-validated log-loss. It gains two to five points on reviews, whose verdict comes
at the end, but lets a few closing sentences outvote a clear majority; the shipped label does
not depend on the order of the sentences.
Deterministic: fixed folds, a deterministic solver, ties broken by the grid order.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _tone_common import balanced, is_held_out, pipeline_document, read_jsonl  # noqa: E402

from pipeline import Pipeline  # noqa: E402
from pipeline.paths import resource_path  # noqa: E402
from pipeline.sentiment.aggregate import MODEL_FILE, POSITIVE_THRESHOLD, DocumentRule, normalise, valence  # noqa: E402

EVIDENCE_CAP = 10
#: the comparison variant's last TAIL_SHARE of sentences get its tail boost
TAIL_SHARE = 0.2
SLOPES = (0.0, 0.25, 0.5, 0.75, 1.0)
TAIL_BOOSTS = (0.0, 0.5, 1.0, 1.5, 2.0, 3.0)
FOLDS = 10
#: VADER's own 3-class band, kept at every length
NEUTRAL_BAND = POSITIVE_THRESHOLD


def fit_review_scores(eval_dir: Path, limit: int | None) -> tuple[list[list[float]], np.ndarray]:
    """Sentence compounds of each fit review as the Pipeline computes them, and 0/1 labels."""
    pipeline = Pipeline()
    records = [r for r in read_jsonl(eval_dir / "sentiment" / "movie_reviews_dev.jsonl") if not is_held_out(r["id"])]
    all_scores, labels = [], []
    for record in balanced(records, limit):
        document = pipeline_document(pipeline, record["text"], record["id"])
        all_scores.append(pipeline.sentiment_analyzer.score_sentences([s.text for s in document.sentences]))
        labels.append(1 if record["label"] == "positive" else 0)
    return all_scores, np.array(labels)


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


def fit_baseline(means: np.ndarray, ramps: np.ndarray, y: np.ndarray) -> float:
    """The baseline b of the decision ``mean - b * ramp > 0`` (logistic regression, no
    intercept, essentially unregularised)."""
    from sklearn.linear_model import LogisticRegression

    lr = LogisticRegression(C=1e6, solver="lbfgs", fit_intercept=False).fit(np.column_stack([means, ramps]), y)
    return float(-lr.coef_[0][1] / lr.coef_[0][0])


def labels_right(scores: np.ndarray, y: np.ndarray, band: float = NEUTRAL_BAND) -> np.ndarray:
    """Whether each label is right (neutral, |score| < band, counts as wrong)."""
    return np.where(y == 1, scores >= band, scores <= -band) & (np.abs(scores) > 0)


def folds_of(y: np.ndarray) -> list:
    from sklearn.model_selection import StratifiedKFold

    return list(StratifiedKFold(FOLDS, shuffle=True, random_state=0).split(np.zeros(len(y)), y))


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
    rule = DocumentRule(EVIDENCE_CAP, baseline, NEUTRAL_BAND)
    _mean, evidence, ramp = rule.terms(scores)
    if evidence == 0:
        return 0.0
    return normalise(evidence * (end_weighted_mean(scores, slope * ramp, boost * ramp) - baseline * ramp))


def fit(all_scores: list[list[float]], y: np.ndarray) -> tuple[DocumentRule, list[str]]:
    terms = [DocumentRule(EVIDENCE_CAP).terms(s) for s in all_scores]
    means, ramps = np.array([t[0] for t in terms]), np.array([t[2] for t in terms])
    baseline = fit_baseline(means, ramps, y)
    rule = DocumentRule(evidence_cap=EVIDENCE_CAP, baseline=round(baseline, 4), neutral_band=NEUTRAL_BAND)
    folds = folds_of(y)
    cv_right = np.zeros(len(y), dtype=bool)
    for train, test in folds:  # the whole procedure per fold: baseline refitted on 9 folds
        fold_rule = DocumentRule(EVIDENCE_CAP, fit_baseline(means[train], ramps[train], y[train]), NEUTRAL_BAND)
        cv_right[test] = labels_right(np.array([fold_rule.score(all_scores[i]) for i in test]), y[test])
    in_sample = labels_right(np.array([rule.score(s) for s in all_scores]), y)
    slope, boost, ew_baseline, rows = fit_end_weighted(all_scores, y)
    ew_right = np.zeros(len(y), dtype=bool)
    for train, test in folds:  # slope and tail boost as chosen above; the baseline refitted per fold
        fold_baseline = end_weighted_baseline([all_scores[i] for i in train], y[train], slope, boost)
        ew_right[test] = labels_right(np.array([end_weighted_score(all_scores[i], slope, boost, fold_baseline) for i in test]), y[test])
    report = [
        f"Shipped rule (order-free): baseline {rule.baseline} (mean opinion valence of a balanced review; one sentence of "
        f"that valence has compound {normalise(rule.baseline):+.3f}), evidence cap {EVIDENCE_CAP}, band ±{NEUTRAL_BAND}.",
        "",
        f"| rule | {FOLDS}-fold CV accuracy on the {len(y)} fit reviews (neutral = wrong) | in-sample |",
        "|---|---:|---:|",
        f"| shipped: mean opinion valence, order-free | {cv_right.mean():.4f} | {in_sample.mean():.4f} |",
        f"| comparison, not shipped: end-weighted (slope {slope}, tail boost {boost}; grid choice inside the CV folds not repeated) "
        f"| {ew_right.mean():.4f} | {labels_right(np.array([end_weighted_score(s, slope, boost, ew_baseline) for s in all_scores]), y).mean():.4f} |",
        "",
        "End-weighted variant: grid of position weights (10-fold CV on the fit reviews).",
        "",
        "| slope | tail boost | CV log-loss | CV accuracy (sign) |",
        "|---:|---:|---:|---:|",
    ]
    report += [f"| {s:.2f} | {b:.1f} | {ll:.4f} | {acc:.4f} |" + (" chosen" if (s, b) == (slope, boost) else "") for s, b, ll, acc in rows]
    return rule, report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N fit reviews (both labels)")
    parser.add_argument("--dry-run", action="store_true", help="print, do not write the rule file")
    args = parser.parse_args(argv)
    all_scores, y = fit_review_scores(args.eval_dir, args.limit)
    rule, report = fit(all_scores, y)
    print("\n".join(report))
    if args.dry_run:
        return 0
    model = {
        "about": "Document tone rule for pipeline/sentiment/aggregate.py; baseline fitted by "
        "benchmarks/fit_sentiment.py on the 800 fit reviews of movie_reviews_dev (Pang & Lee v2.0 cv000-cv499 whose "
        "fold number is not 4 mod 5; those 200 are held out for validation).",
        "evidence_cap": rule.evidence_cap,
        "baseline": rule.baseline,
        "neutral_band": rule.neutral_band,
        "n_fit_reviews": int(len(y)),
    }
    if args.limit is None:
        (ROOT / "benchmarks" / "results" / "sentiment_fit.md").write_text(
            "# Sentiment document rule fit\n\n"
            "Written by `python benchmarks/fit_sentiment.py`: the 800 fit reviews of `movie_reviews_dev` (fold number "
            "not 4 mod 5), the Pipeline's own sentences and sentence scores. The 200 held-out reviews are not read; their "
            "accuracy is in `sentiment_quality.md`.\n\n" + "\n".join(report) + "\n",
            encoding="utf-8",
        )
    out = resource_path(*MODEL_FILE)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(model, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
