"""Fit the quiz gap model (``resources/quiz/gap_model.json``) on SQuAD v1.1 dev paragraphs.

Every admissible gap (``pipeline.quiz.gaps.candidate_spans``) of every eligible sentence
(``pipeline.quiz.select.eligible``) is one example; it is positive when its text matches a
human answer of the paragraph the way ``gap_hit`` counts it (SQuAD-normalised token F1 >= 0.5,
see ``benchmarks/quiz_quality.py``). A logistic regression (scikit-learn, L2, lbfgs; fully
deterministic) is fit on the paragraphs of the *fit* articles only: SQuAD article ``a``
(ids ``squad-a-p``) is a fit article when ``a % 3 == 0`` (8 of the 24 articles, 406 of 1048
paragraphs); ``benchmarks/quiz_quality.py`` reports the other articles separately as held
out. The weights are written as plain JSON (no pickle).

Usage: ``python benchmarks/fit_quiz_gaps.py [--eval-dir ../shared/eval] [--c 0.3] [--out resources/quiz/gap_model.json]``
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from quiz_quality import is_fit_paragraph, token_f1  # noqa: E402

from pipeline.config import KeywordConfig, SegmentConfig  # noqa: E402
from pipeline.model import load_model  # noqa: E402
from pipeline.quiz.gaps import candidate_spans, gap_features, keyword_scores, sentence_context  # noqa: E402
from pipeline.quiz.select import eligible  # noqa: E402
from pipeline.segment import Segmenter  # noqa: E402
from pipeline.types import Segment, Transcript  # noqa: E402


def examples(document, keywords, gold) -> list[tuple[dict[str, float], int, int, str]]:
    """(features, label, sentence index, gap text) for every gap of every eligible sentence
    of a fully parsed ``document``."""
    text = document.text
    lower = text.lower()
    kw_scores = keyword_scores(keywords)
    out = []
    for sentence in document.sentences:
        if not eligible(sentence):
            continue
        context = sentence_context(sentence)
        toks = sentence.tokens
        for (start, end), (kind, sources) in candidate_spans(sentence, text, keywords).items():
            gap_text = text[toks[start].start_char : toks[end - 1].end_char]
            low = " ".join(gap_text.lower().split())
            feats = gap_features(sentence, start, end, gap_text, kind, sources, lower.count(low), kw_scores.get(low), context)
            label = int(max((token_f1(gap_text, g) for g in gold), default=0.0) >= 0.5)
            out.append((feats, label, sentence.index, gap_text))
    return out


def fit(rows: list[tuple[dict[str, float], int]], c: float) -> dict:
    """Logistic regression on (features, label) rows -> ``{"intercept", "weights"}``."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer(sparse=False, sort=True)
    x = vec.fit_transform([f for f, _y in rows])
    y = np.array([label for _f, label in rows])
    model = LogisticRegression(C=c, max_iter=5000, solver="lbfgs")
    model.fit(x, y)
    weights = {name: round(float(w), 4) for name, w in zip(vec.get_feature_names_out(), model.coef_[0])}
    return {"intercept": round(float(model.intercept_[0]), 4), "weights": dict(sorted(weights.items()))}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--eval-dir", default=str(ROOT.parent / "shared" / "eval"))
    ap.add_argument("--c", type=float, default=0.3, help="inverse L2 strength")
    ap.add_argument("--out", default=str(ROOT / "resources" / "quiz" / "gap_model.json"))
    args = ap.parse_args(argv)

    from pipeline.keywords import KeywordExtractor

    records = [json.loads(line) for line in (Path(args.eval_dir) / "cloze" / "squad_dev_a.jsonl").open(encoding="utf-8")]
    records = [r for r in records if is_fit_paragraph(r["id"])]
    segmenter = Segmenter(SegmentConfig(), load_model("en_core_web_sm").nlp)
    extractor = KeywordExtractor(KeywordConfig())
    rows = []
    for record in records:
        document = segmenter(Transcript(segments=(Segment(record["context"]),)))
        keywords = extractor(document)
        document = segmenter.parse(document, range(len(document.sentences)))
        rows += [(f, y) for f, y, _i, _t in examples(document, keywords, record["answers"])]
    model = fit(rows, args.c)
    model["fit"] = {
        "data": "SQuAD v1.1 dev (cloze/squad_dev_a.jsonl), articles a % 3 == 0",
        "paragraphs": len(records),
        "examples": len(rows),
        "positives": sum(y for _f, y in rows),
        "C": args.c,
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(rows)} examples from {len(records)} paragraphs -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
