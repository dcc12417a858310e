"""Tone quality: this project against plain VADER, in one run.

    python benchmarks/sentiment_quality.py [--eval-dir ../shared/eval] [--limit N]

* ``sentiment/vader_tweets`` and ``sentiment/vader_nytEditorialSnippets`` (VADER's gold
  standard): Pearson r of the score against ``human_mean`` and 3-class macro F1, for this
  project's sentence scorer (``SentimentAnalyzer.score_sentences``: VADER after removing cues
  and discourse fillers) and plain VADER (``polarity_scores(text)["compound"]``). Each
  record is scored as one text. Classes: predicted positive at compound >= 0.05, negative
  at <= -0.05 (VADER's convention); gold positive at human_mean >= 0.5, negative at
  <= -0.5 on the raters' -4..+4 scale (a mean within half a rating point of 0 is neutral).
* ``sentiment/movie_reviews_dev`` (Pang & Lee): binary accuracy of the document label,
  where ``neutral`` counts as wrong. Each review goes through the real Segmenter (fast
  pass) and the analyzer, as the pipeline would run it. Rows: this project (shipped model;
  in-sample, since the model was fitted on this split), this project with the model refitted
  in 10-fold cross-validation (held-out, the honest figure), whole-text VADER, and the mean
  of plain-VADER sentence compounds (same sentences, same +/-0.05 rule).
* Speech check on ``summary/qmsum_val`` meetings (no tone labels): how much of a meeting
  VADER reads as opinion, with and without the filler handling.
* Ablation: each cleaning rule switched off in turn, on all three sets (reviews: the same
  model spec refitted in 10-fold cross-validation).

Prints Markdown tables and writes them to benchmarks/results/sentiment_quality.md.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.config import SegmentConfig, SentimentConfig  # noqa: E402
from pipeline.model import load_model  # noqa: E402
from pipeline.segment import Segmenter  # noqa: E402
from pipeline.sentiment import SentimentAnalyzer  # noqa: E402
from pipeline.sentiment.aggregate import features, load_model as load_document_model  # noqa: E402
from pipeline.sentiment.lexicon import POSITIVE_THRESHOLD, RULES, SentenceScorer  # noqa: E402
from pipeline.types import Segment, Transcript  # noqa: E402

GOLD_NEUTRAL = 0.5  # half a rating point on the -4..+4 human scale
SENTENCE_SETS = ("vader_tweets", "vader_nytEditorialSnippets")
FOLDS = 10


def read_jsonl(path: Path, limit: int | None) -> list[dict]:
    out = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if limit is not None and len(out) >= limit:
                break
            out.append(json.loads(line))
    return out


def classes(values, neutral: float) -> np.ndarray:
    values = np.asarray(values, dtype=float)
    return np.where(values >= neutral, 1, np.where(values <= -neutral, -1, 0))


def sentence_metrics(gold: np.ndarray, scores: list[float]) -> tuple[float, float]:
    from sklearn.metrics import f1_score

    r = float(np.corrcoef(gold, np.asarray(scores))[0, 1])
    f1 = float(f1_score(classes(gold, GOLD_NEUTRAL), classes(scores, POSITIVE_THRESHOLD), labels=[1, 0, -1], average="macro", zero_division=0))
    return r, f1


def label_accuracy(labels: list[str], gold: list[str]) -> float:
    return sum(p == g for p, g in zip(labels, gold)) / len(gold)


def threshold_labels(values: list[float]) -> list[str]:
    return ["positive" if v >= POSITIVE_THRESHOLD else "negative" if v <= -POSITIVE_THRESHOLD else "neutral" for v in values]


def cv_accuracy(all_scores: list[list[float]], y: np.ndarray, names: tuple[str, ...]) -> float:
    """Held-out accuracy of the shipped model's spec (features, C) refitted per fold."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_score
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    if len(set(y.tolist())) < 2 or min(np.bincount(y)) < FOLDS:
        return float("nan")
    X = np.array([[features(s)[n] for n in names] for s in all_scores])
    folds = StratifiedKFold(FOLDS, shuffle=True, random_state=0)
    estimator = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, solver="lbfgs", max_iter=1000))
    return float(cross_val_score(estimator, X, y, cv=folds).mean())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--limit", type=int, default=None, help="first N records of each file")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "sentiment_quality.md")
    args = parser.parse_args(argv)
    started = time.perf_counter()

    ours = SentimentAnalyzer(SentimentConfig())
    plain = SentenceScorer(rules=())  # VADER exactly as shipped: nothing removed
    ablations = {f"without `{rule}`": SentenceScorer(rules=tuple(r for r in RULES if r != rule)) for rule in RULES}
    ablations["no cleaning at all"] = plain
    lines: list[str] = []

    # ---- sentences -------------------------------------------------------------------
    lines += ["### Sentences (VADER gold standard)", "",
              "| set | n | Pearson r: ours | plain VADER | ratio | macro F1: ours | plain VADER | ratio |",
              "|---|---:|---:|---:|---:|---:|---:|---:|"]
    ablation_rows: dict[str, list[str]] = {name: [] for name in ablations}
    sentence_data = {}
    for name in SENTENCE_SETS:
        records = read_jsonl(args.eval_dir / "sentiment" / f"{name}.jsonl", args.limit)
        gold = np.array([r["human_mean"] for r in records], dtype=float)
        texts = [r["text"] for r in records]
        r_ours, f_ours = sentence_metrics(gold, ours.score_sentences(texts))
        vader = plain.vader
        r_plain, f_plain = sentence_metrics(gold, [vader.polarity_scores(t)["compound"] for t in texts])
        sentence_data[name] = (gold, texts, r_ours, f_ours)
        lines.append(f"| {name} | {len(records)} | {r_ours:.4f} | {r_plain:.4f} | {r_ours / r_plain:.3f} | {f_ours:.4f} | {f_plain:.4f} | {f_ours / f_plain:.3f} |")

    # ---- reviews ---------------------------------------------------------------------
    reviews = read_jsonl(args.eval_dir / "sentiment" / "movie_reviews_dev.jsonl", None)
    if args.limit is not None:  # the file is sorted by id (negatives first): keep both classes
        reviews = [r for r in reviews if r["label"] == "negative"][: (args.limit + 1) // 2] + [
            r for r in reviews if r["label"] == "positive"][: args.limit // 2]
    segmenter = Segmenter(SegmentConfig(), load_model("en_core_web_sm").nlp)
    gold_labels = [r["label"] for r in reviews]
    y = np.array([1 if g == "positive" else 0 for g in gold_labels])
    sentences_of, our_labels, whole, mean_plain = [], [], [], []
    words = 0
    score_seconds = 0.0
    for record in reviews:
        doc = segmenter(Transcript(segments=(Segment(record["text"]),)))
        texts = [s.text for s in doc.sentences]
        sentences_of.append(texts)
        words += doc.n_words
        t0 = time.perf_counter()
        our_labels.append(ours(doc).label)
        score_seconds += time.perf_counter() - t0
        whole.append(plain.vader.polarity_scores(record["text"])["compound"])
        compounds = [plain.vader.polarity_scores(t)["compound"] for t in texts]
        mean_plain.append(float(np.mean(compounds)) if compounds else 0.0)
    our_scores = [ours.score_sentences(t) for t in sentences_of]
    model = load_document_model()
    acc_ours = label_accuracy(our_labels, gold_labels)
    acc_cv = cv_accuracy(our_scores, y, model.features)
    acc_whole = label_accuracy(threshold_labels(whole), gold_labels)
    acc_mean = label_accuracy(threshold_labels(mean_plain), gold_labels)
    # the best single threshold on the plain mean, chosen on this very split (optimistic)
    cuts = sorted(set(mean_plain))
    best_cut, acc_tuned = 0.0, 0.0
    for cut in cuts:
        acc = float(np.mean([(m > cut) == (g == "positive") for m, g in zip(mean_plain, gold_labels)]))
        if acc > acc_tuned:
            best_cut, acc_tuned = cut, acc
    n_neutral = our_labels.count("neutral")
    lines += ["", "### Movie reviews (document label, neutral counts as wrong)", "",
              f"{len(reviews)} reviews of `movie_reviews_dev`, segmented by the real Segmenter (fast pass).", "",
              "| system | accuracy | vs whole-text VADER |", "|---|---:|---:|",
              f"| this project, shipped model (in-sample: fitted on this split) | {acc_ours:.4f} | {acc_ours - acc_whole:+.4f} |",
              f"| this project, same model refitted in {FOLDS}-fold CV (held-out) | {acc_cv:.4f} | {acc_cv - acc_whole:+.4f} |",
              f"| whole-text VADER (compound, +/-0.05) | {acc_whole:.4f} | +0.0000 |",
              f"| mean of plain-VADER sentence compounds (+/-0.05) | {acc_mean:.4f} | {acc_mean - acc_whole:+.4f} |",
              f"| mean of plain-VADER sentence compounds, threshold tuned on this split ({best_cut:+.3f}; in-sample) | {acc_tuned:.4f} | {acc_tuned - acc_whole:+.4f} |",
              "", f"This project labelled {n_neutral} review(s) neutral (counted wrong). "
              f"Analyzer time (sentence scoring + document model, spaCy excluded): "
              f"{score_seconds:.2f} s for {words:,} words ({words / max(score_seconds, 1e-9):,.0f} words/s)."]

    # ---- ablation --------------------------------------------------------------------
    lines += ["", "### Ablation: each cleaning rule switched off", "",
              "Reviews: held-out accuracy of the same model spec refitted in 10-fold CV on that variant's sentence scores.", "",
              "| variant | tweets r | tweets F1 | NYT r | NYT F1 | reviews CV acc |", "|---|---:|---:|---:|---:|---:|"]
    base = []
    for name in SENTENCE_SETS:
        base += [sentence_data[name][2], sentence_data[name][3]]
    lines.append(f"| all rules (shipped) | {base[0]:.4f} | {base[1]:.4f} | {base[2]:.4f} | {base[3]:.4f} | {acc_cv:.4f} |")
    for label, scorer in ablations.items():
        row = []
        for name in SENTENCE_SETS:
            gold, texts, _, _ = sentence_data[name]
            row += list(sentence_metrics(gold, scorer.score_many(texts)))
        row.append(cv_accuracy([scorer.score_many(t) for t in sentences_of], y, model.features))
        lines.append(f"| {label} | " + " | ".join(f"{v:.4f}" for v in row) + " |")

    # ---- speech check (no gold labels) -----------------------------------------------------
    meetings = read_jsonl(args.eval_dir / "summary" / "qmsum_val.jsonl", args.limit)
    stats = {"plain VADER per sentence": [], "this project": []}
    labels = {name: [] for name in stats}
    for record in meetings:
        segments = []
        for line in record["text"].splitlines():
            speaker, sep, utterance = line.partition(":")
            if sep and utterance.strip() and len(speaker) <= 40:
                segments.append(Segment(utterance.strip(), None, None, speaker.strip()))
        doc = segmenter(Transcript(segments=tuple(segments)))
        texts = [s.text for s in doc.sentences]
        for name, scores in (("plain VADER per sentence", plain.score_many(texts)), ("this project", ours.score_sentences(texts))):
            opinion = sum(1 for v in scores if abs(v) >= POSITIVE_THRESHOLD) / max(1, len(scores))
            stats[name].append((opinion, float(np.mean(scores)) if scores else 0.0, model.score(scores)))
            labels[name].append(model.label(model.score(scores)))
    lines += ["", "### Speech check: QMSum meetings (no tone labels; what the filler handling changes)", "",
              f"{len(meetings)} meeting transcripts of `summary/qmsum_val` (\"Speaker: utterance\" lines), segmented by the real Segmenter; "
              "means over meetings. Document score and label from the shipped model in both rows.", "",
              "| sentence scores | share of sentences with sentiment | mean sentence compound | document score | labels |",
              "|---|---:|---:|---:|---|"]
    for name, rows in stats.items():
        arr = np.array(rows) if rows else np.zeros((1, 3))
        counts = ", ".join(f"{k} {labels[name].count(k)}" for k in ("positive", "neutral", "negative"))
        lines.append(f"| {name} | {arr[:, 0].mean():.3f} | {arr[:, 1].mean():.4f} | {arr[:, 2].mean():.3f} | {counts} |")

    lines += ["", f"Command: `python benchmarks/sentiment_quality.py" + (f" --limit {args.limit}" if args.limit else "") + "`; "
              f"run time {time.perf_counter() - started:.0f} s."]
    table = "\n".join(lines) + "\n"
    print(table)
    if args.limit is None:
        header = args.out.read_text(encoding="utf-8").split("<!-- figures -->")[0] if args.out.exists() else ""
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text((header + "<!-- figures -->\n\n" if header else "# Sentiment quality\n\n<!-- figures -->\n\n") + table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
