"""Tone quality: the document score and label `Pipeline` returns, against plain VADER, in one run.

    python benchmarks/sentiment_quality.py [--eval-dir ../shared/eval] [--limit N]

Every record of every set in ``sentiment/`` goes through the Pipeline's own ingest, clean,
segment and tone stage (``_tone_common.pipeline_tone``: the stages that do not feed the tone
are skipped, which ``tests/test_sentiment_benchmark.py`` shows gives the same Sentiment as
``Pipeline()(text)``). What is scored is ``result.sentiment.score`` and ``.label``.

* ``vader_tweets``, ``vader_nytEditorialSnippets`` (VADER's gold standard): Pearson r of the
  document score against ``human_mean``, and 3-class F1 (weighted, the issue's target; macro
  too) of the document label. Anchor: plain VADER on the whole record,
  ``polarity_scores(text)["compound"]`` with its +/-0.05 convention. Gold classes: positive
  at human_mean >= 0.5, negative at <= -0.5 (raters' -4..+4 scale). A record the Pipeline
  rejects (nothing left after cleaning) counts as score 0, neutral.
* ``movie_reviews_dev`` (Pang & Lee): accuracy of the document label (neutral = wrong) on
  the 200 reviews held back from the fit (fold number 4 mod 5), on the 800 fit reviews
  (in-sample) and on all; anchors on the same reviews: whole-text VADER; for comparison, the
  rule without word evidence (shipped before it) and two end-weighted rules fitted on the 800 fit reviews in this run (the shipped rule with
  position weights, and the previous document model's 2-feature logistic regression).
* Lengths: Pearson r and accuracy by number of sentences, so that no length hides.
* Ablation: each sentence-cleaning rule switched off (document score, same documents).
* Speech check (no tone labels): TED talks, QMSum meetings and the bundled samples with and
  without the word evidence (``_tone_speech.py``): how many labels it changes, and which.
* CPU time of the tone stage (sentence scoring + rule) against whole-text VADER, same texts.

Prints Markdown and writes it below ``<!-- figures -->`` in benchmarks/results/sentiment_quality.md.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _tone_common import balanced, is_held_out, pipeline_document, read_jsonl  # noqa: E402
from _tone_speech import speech_check, without_words  # noqa: E402

from pipeline import Pipeline  # noqa: E402
from pipeline.errors import InputError  # noqa: E402
from pipeline.sentiment.lexicon import POSITIVE_THRESHOLD, RULES, SentenceScorer  # noqa: E402

GOLD_NEUTRAL = 0.5  # half a rating point on the -4..+4 human scale
SHORT_SETS = ("vader_tweets", "vader_nytEditorialSnippets")
LABEL_CLASS = {"positive": 1, "neutral": 0, "negative": -1}


def gold_classes(values) -> np.ndarray:
    values = np.asarray(values, dtype=float)
    return np.where(values >= GOLD_NEUTRAL, 1, np.where(values <= -GOLD_NEUTRAL, -1, 0))


def vader_classes(values) -> np.ndarray:
    values = np.asarray(values, dtype=float)
    return np.where(values >= POSITIVE_THRESHOLD, 1, np.where(values <= -POSITIVE_THRESHOLD, -1, 0))


def f1(gold: np.ndarray, predicted: np.ndarray, average: str) -> float:
    from sklearn.metrics import f1_score

    return float(f1_score(gold, predicted, labels=[1, 0, -1], average=average, zero_division=0))


def pearson(a, b) -> float:
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if len(a) < 2 or a.std() == 0 or b.std() == 0:
        return float("nan")
    return float(np.corrcoef(a, b)[0, 1])


class Scored:
    """Sentence texts (the Pipeline's) of each record, scored by the Pipeline's analyzer."""

    def __init__(self, pipeline: Pipeline, records: list[dict]) -> None:
        self.sentences: list[list[str] | None] = []
        for r in records:
            try:
                self.sentences.append([s.text for s in pipeline_document(pipeline, r["text"], r["id"]).sentences])
            except InputError:
                self.sentences.append(None)  # the Pipeline rejects it: counted as 0, neutral

    def document(self, analyzer, scorer: SentenceScorer | None = None) -> tuple[list[float], list[str], list[list[float]]]:
        """(document scores, labels, sentence compounds) with the analyzer's rule and band."""
        scores, labels, compounds = [], [], []
        for sents in self.sentences:
            if not sents:
                scores.append(0.0), labels.append("neutral"), compounds.append([])
                continue
            c = scorer.score_many(sents) if scorer is not None else analyzer.score_sentences(sents)
            s, label = analyzer.document_score(c, sents)
            scores.append(s), labels.append(label), compounds.append(c)
        return scores, labels, compounds


    def with_anchor(self, analyzer, vader, records: list[dict], cpu: dict[str, float]) -> tuple[list[float], list[str], list[list[float]], list[float]]:
        """:meth:`document` plus whole-text VADER's compound of each record, adding the CPU
        seconds of each to ``cpu["ours"]`` and ``cpu["vader"]``."""
        t0 = time.process_time()
        scores, labels, compounds = self.document(analyzer)
        t1 = time.process_time()
        whole = [vader.polarity_scores(r["text"])["compound"] for r in records]
        cpu["ours"] += t1 - t0
        cpu["vader"] += time.process_time() - t1
        return scores, labels, compounds, whole


def old_model_features(c: list[float]) -> list[float]:
    """The previous document model's two features: position-weighted mean over opinion
    sentences (weights 0.5 -> 1.5) and mean over the opinion sentences of the last fifth."""
    n = len(c)
    if n == 0:
        return [0.0, 0.0]
    w = [0.5 + (i / (n - 1) if n > 1 else 0.5) for i in range(n)]
    op = [(wi, s) for wi, s in zip(w, c) if abs(s) >= POSITIVE_THRESHOLD]
    tail = [s for s in c[-max(1, n // 5):] if abs(s) >= POSITIVE_THRESHOLD]
    return [math.fsum(wi * s for wi, s in op) / math.fsum(wi for wi, _ in op) if op else 0.0, math.fsum(tail) / len(tail) if tail else 0.0]


def accuracy(labels: list[str], gold: list[str]) -> float:
    return sum(p == g for p, g in zip(labels, gold)) / max(1, len(gold))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--limit", type=int, default=None, help="first N records of each file (reviews: both labels)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "sentiment_quality.md")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    pipeline = Pipeline()
    analyzer = pipeline.sentiment_analyzer
    plain = SentenceScorer(rules=())  # VADER exactly as shipped
    vader = plain.vader
    lines: list[str] = []
    ablation: dict[str, list[str]] = {"all rules (shipped)": []}
    ablation.update({f"without `{rule}`": [] for rule in RULES})
    ablation["no cleaning at all"] = []
    scorers = {name: (None if name.startswith("all") else plain if name.startswith("no ") else SentenceScorer(rules=tuple(r for r in RULES if r != name.split("`")[1]))) for name in ablation}
    by_length: list[str] = []
    cpu = {"ours": 0.0, "vader": 0.0}  # CPU seconds of the tone stage and of whole-text VADER

    # ---- short texts ------------------------------------------------------------------
    lines += ["### Tweets and NYT snippets: the Pipeline's document score and label", "",
              "| set | n | Pearson r: Pipeline | plain VADER | Δ | weighted F1: Pipeline | plain VADER | Δ | macro F1: Pipeline | plain VADER | rejected by the Pipeline |",
              "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name in SHORT_SETS:
        records = read_jsonl(args.eval_dir / "sentiment" / f"{name}.jsonl", args.limit)
        gold = np.array([r["human_mean"] for r in records], dtype=float)
        scored = Scored(pipeline, records)
        scores, labels, compounds, whole = scored.with_anchor(analyzer, vader, records, cpu)
        g = gold_classes(gold)
        ours_cls = np.array([LABEL_CLASS[lab] for lab in labels])
        r_o, r_v = pearson(gold, scores), pearson(gold, whole)
        w_o, w_v = f1(g, ours_cls, "weighted"), f1(g, vader_classes(whole), "weighted")
        m_o, m_v = f1(g, ours_cls, "macro"), f1(g, vader_classes(whole), "macro")
        rejected = sum(1 for s in scored.sentences if not s)
        lines.append(f"| {name} | {len(records)} | {r_o:.4f} | {r_v:.4f} | {r_o - r_v:+.4f} | {w_o:.4f} | {w_v:.4f} | {w_o - w_v:+.4f} | {m_o:.4f} | {m_v:.4f} | {rejected} |")
        n_sent = np.array([len(s or []) for s in scored.sentences])
        for tag, sel in (("1", n_sent == 1), ("2", n_sent == 2), ("3+", n_sent >= 3)):
            if sel.sum() >= 2:
                by_length.append(f"| {name} | {tag} sentence(s) | {int(sel.sum())} | {pearson(gold[sel], np.array(scores)[sel]):.4f} | {pearson(gold[sel], np.array(whole)[sel]):.4f} |")
        for variant, scorer in scorers.items():
            v_scores, v_labels, _ = scored.document(analyzer, scorer)
            ablation[variant] += [f"{pearson(gold, v_scores):.4f}", f"{f1(g, np.array([LABEL_CLASS[x] for x in v_labels]), 'weighted'):.4f}"]

    # ---- reviews ----------------------------------------------------------------------
    reviews = balanced(read_jsonl(args.eval_dir / "sentiment" / "movie_reviews_dev.jsonl"), args.limit)
    held = np.array([is_held_out(r["id"]) for r in reviews])
    gold_labels = [r["label"] for r in reviews]
    y = np.array([1 if g == "positive" else 0 for g in gold_labels])
    scored = Scored(pipeline, reviews)
    scores, labels, compounds, whole = scored.with_anchor(analyzer, vader, reviews, cpu)
    _, plain_labels, _ = scored.document(without_words(pipeline))
    whole_labels = ["positive" if v >= POSITIVE_THRESHOLD else "negative" if v <= -POSITIVE_THRESHOLD else "neutral" for v in whole]

    def acc(lab: list[str], mask: np.ndarray) -> float:
        return accuracy([x for x, m in zip(lab, mask) if m], [x for x, m in zip(gold_labels, mask) if m])

    old_labels = ew_labels = ["neutral"] * len(reviews)
    if held.any() and min(np.bincount(y[~held], minlength=2)) >= 10:  # enough for the comparisons' 10 folds
        from _tone_end_weighted import end_weighted_score, fit_end_weighted
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import StandardScaler

        X = np.array([old_model_features(c) for c in compounds])
        old = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, solver="lbfgs", max_iter=1000)).fit(X[~held], y[~held])
        old_labels = ["positive" if p == 1 else "negative" for p in old.predict(X)]
        fit_scores = [c for c, h in zip(compounds, held) if not h]
        slope, boost, ew_baseline, _ = fit_end_weighted(fit_scores, y[~held])
        ew_labels = [analyzer.rule.label(end_weighted_score(c, slope, boost, ew_baseline)) for c in compounds]
    everyone = np.ones(len(reviews), dtype=bool)
    n_held, n_fit = int(held.sum()), int((~held).sum())
    lines += ["", "### Movie reviews: accuracy of the Pipeline's document label (neutral counts as wrong)", "",
              f"`movie_reviews_dev`; held out = the {n_held} reviews whose fold number is 4 mod 5 (never seen by the fit); fit = the other {n_fit}.", "",
              "| system | held out | fit (in-sample) | all |", "|---|---:|---:|---:|",
              f"| this project (Pipeline label) | **{acc(labels, held):.4f}** | {acc(labels, ~held):.4f} | {acc(labels, everyone):.4f} |",
              f"| the same rule without word evidence (shipped before it) | {acc(plain_labels, held):.4f} | {acc(plain_labels, ~held):.4f} | {acc(plain_labels, everyone):.4f} |",
              f"| not shipped: the same rule end-weighted (position weights fitted on the fit reviews) | {acc(ew_labels, held):.4f} | {acc(ew_labels, ~held):.4f} | {acc(ew_labels, everyone):.4f} |",
              f"| previous document model's spec (2-feature logistic regression, end-weighted), refitted on the fit reviews | {acc(old_labels, held):.4f} | {acc(old_labels, ~held):.4f} | {acc(old_labels, everyone):.4f} |",
              f"| whole-text VADER (compound, ±0.05) | {acc(whole_labels, held):.4f} | {acc(whole_labels, ~held):.4f} | {acc(whole_labels, everyone):.4f} |",
              "", f"This project labelled {labels.count('neutral')} review(s) neutral (counted wrong)."]
    for variant, scorer in scorers.items():
        _, v_labels, _ = scored.document(analyzer, scorer)
        ablation[variant].append(f"{acc(v_labels, held):.4f}")

    # ---- by length --------------------------------------------------------------------
    n_op = np.array([sum(1 for v in c if abs(v) >= POSITIVE_THRESHOLD) for c in compounds])
    lines += ["", "### By length", "",
              "Short sets: Pearson r of the document score by number of sentences the Pipeline found.", "",
              "| set | sentences | n | r: Pipeline | r: plain VADER |", "|---|---|---:|---:|---:|", *by_length, "",
              "Reviews (all 1000 unless --limit): accuracy by number of opinion sentences (|compound| >= 0.05).", "",
              "| opinion sentences | n | Pipeline | whole-text VADER |", "|---|---:|---:|---:|"]
    for lo, hi in ((0, 14), (15, 24), (25, 34), (35, 10**6)):
        sel = (n_op >= lo) & (n_op <= hi)
        if sel.any():
            lines.append(f"| {lo}-{hi if hi < 10**6 else '…'} | {int(sel.sum())} | {acc(labels, sel):.4f} | {acc(whole_labels, sel):.4f} |")

    # ---- ablation ---------------------------------------------------------------------
    lines += ["", "### Ablation: each sentence-cleaning rule switched off (document score and label)", "",
              "| variant | tweets r | tweets weighted F1 | NYT r | NYT weighted F1 | reviews held out |", "|---|---:|---:|---:|---:|---:|"]
    lines += [f"| {variant} | " + " | ".join(cells) + " |" for variant, cells in ablation.items()]

    # ---- speech check -----------------------------------------------------------------
    lines += ["", *speech_check(pipeline, args.eval_dir, args.limit)]

    lines += ["", f"CPU time, same texts: tone stage (sentence scoring + document rule) {cpu['ours']:.1f} s, "
              f"whole-text VADER {cpu['vader']:.1f} s (ratio {cpu['ours'] / max(cpu['vader'], 1e-9):.2f}).", "",
              "Command: `python benchmarks/sentiment_quality.py" + (f" --limit {args.limit}" if args.limit else "") + "`; "
              f"run time {time.perf_counter() - started:.0f} s (wall clock, loaded machine)."]
    table = "\n".join(lines) + "\n"
    print(table)
    if args.limit is None:
        header = args.out.read_text(encoding="utf-8").split("<!-- figures -->")[0] if args.out.exists() else "# Sentiment quality\n\n"
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(header + "<!-- figures -->\n\n" + table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
