"""Key-phrase quality and speed: this project vs vanilla YAKE and pytextrank, in one run.

    python benchmarks/keyword_quality.py [--limit N] [--eval-dir ../shared/eval]

Data: ``keyphrase/inspec_validation``, ``semeval2010_train`` and ``kpcrowd_train`` (see
``../shared/eval/README.md``). Metric as the field reports it: F1@10, P@10, R@10,
macro-averaged over documents; a prediction matches a gold phrase when both, lower-cased,
stripped of punctuation at the edges and Porter-stemmed token by token, are equal;
predictions are de-duplicated after stemming before the cut to 10.

Systems:
* ``project``: ``pipeline.keywords.KeywordExtractor`` (default config, ``top_k=20`` so
  that the stemmed de-duplication can still fill 10) on the segmenter's fast pass.
* ``yake``: vanilla ``yake.KeywordExtractor()`` (0.7.3 defaults: ``n=3``, ``dedup_lim=0.9``,
  ``seqm``, ``top=20``) on the raw text.
* ``pytextrank``: ``textrank`` on ``en_core_web_sm`` with parser and NER, top phrases.

SemEval: the first ``--semeval-limit`` (default 40) papers, the same for every system.

Time: the keyword stage alone on the same texts, summed over documents, in seconds:
``KeywordExtractor.__call__(document)`` (YAKE plus our mapping, filtering and
de-duplication; the shared spaCy fast pass that makes the document is *not* timed, since
the pipeline runs it anyway for every stage) against vanilla ``extract_keywords(text)``.
"""

from __future__ import annotations

import argparse
import json
import string
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from nltk.stem import PorterStemmer  # noqa: E402

DATASETS = ("inspec_validation", "semeval2010_train", "kpcrowd_train")
#: SemEval papers are ~8,000 words: the spaCy passes (ours, and pytextrank's full parse) on
#: all 144 take too long for a lean run, so the default is the first 40 papers (by id)
SEMEVAL_SUBSET = 40
_STEM = PorterStemmer()
_EDGE = string.punctuation + "\u2018\u2019\u201c\u201d\u2013\u2014"


def normalise(phrase: str) -> str:
    words = phrase.lower().strip().strip(_EDGE).split()
    return " ".join(_STEM.stem(w) for w in words)


def prf_at_k(predicted: list[str], gold: list[str], k: int = 10) -> tuple[float, float, float]:
    gold_set = {g for g in (normalise(x) for x in gold) if g}
    seen: list[str] = []
    for p in predicted:
        n = normalise(p)
        if n and n not in seen:
            seen.append(n)
    top = seen[:k]
    hits = sum(1 for p in top if p in gold_set)
    precision = hits / len(top) if top else 0.0
    recall = hits / len(gold_set) if gold_set else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def load(path: Path, limit: int | None) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return rows[:limit] if limit else rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=REPO.parent / "shared" / "eval")
    parser.add_argument("--limit", type=int, default=None, help="first N documents of each set")
    parser.add_argument(
        "--semeval-limit",
        type=int,
        default=SEMEVAL_SUBSET,
        help=f"first N SemEval papers for all systems (default {SEMEVAL_SUBSET}; 0 = all 144, ~25 min on 2 busy cores)",
    )
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results" / "keyword_quality.md")
    parser.add_argument("--no-pytextrank", action="store_true")
    args = parser.parse_args(argv)

    import warnings

    import yake

    from pipeline.config import KeywordConfig, SegmentConfig
    from pipeline.errors import PipelineWarning
    from pipeline.keywords import KeywordExtractor
    from pipeline.model import load_model
    from pipeline.segment import Segmenter
    from pipeline.types import Segment, Transcript

    warnings.simplefilter("ignore", PipelineWarning)
    model = load_model("en_core_web_sm")
    segmenter = Segmenter(SegmentConfig(), model.nlp)
    ours = KeywordExtractor(KeywordConfig(top_k=20))
    textrank_nlp = None
    if not args.no_pytextrank:
        import pytextrank  # noqa: F401  (registers the "textrank" factory)
        import spacy

        textrank_nlp = spacy.load(model.package)
        textrank_nlp.add_pipe("textrank")

    rows = []
    times = {"project": 0.0, "yake": 0.0}
    for name in DATASETS:
        limit = args.limit
        if name.startswith("semeval") and args.semeval_limit:
            limit = min(limit or args.semeval_limit, args.semeval_limit)
        records = load(args.eval_dir / "keyphrase" / f"{name}.jsonl", limit)
        scores = {s: [0.0, 0.0, 0.0] for s in ("project", "yake", "pytextrank")}
        for rec in records:
            text, gold = rec["text"], rec["keyphrases"]
            document = segmenter(Transcript(segments=(Segment(text),)))
            t0 = time.process_time()
            predicted = [k.text for k in ours(document)]
            t1 = time.process_time()
            vanilla = [kw for kw, _ in yake.KeywordExtractor().extract_keywords(text)]
            t2 = time.process_time()
            times["project"] += t1 - t0
            times["yake"] += t2 - t1
            for system, preds in (("project", predicted), ("yake", vanilla)):
                for i, v in enumerate(prf_at_k(preds, gold)):
                    scores[system][i] += v
            if textrank_nlp is not None:
                doc = textrank_nlp(text)
                phrases = [p.text for p in doc._.phrases[:30]]
                for i, v in enumerate(prf_at_k(phrases, gold)):
                    scores["pytextrank"][i] += v
        n = max(1, len(records))
        rows.append((name, len(records), {s: [v / n for v in vals] for s, vals in scores.items()}))

    lines = ["| dataset | docs | system | P@10 | R@10 | F1@10 | F1 vs YAKE |", "|---|---:|---|---:|---:|---:|---:|"]
    for name, n, sc in rows:
        base = sc["yake"][2]
        for system in ("project", "yake", "pytextrank"):
            if system == "pytextrank" and textrank_nlp is None:
                continue
            p, r, f = sc[system]
            ratio = f"{f / base:.2f}x" if base else "n/a"
            lines.append(f"| {name} | {n} | {system} | {p:.3f} | {r:.3f} | {f:.3f} | {ratio} |")
    lines += [
        "",
        "| keyword stage time (all documents above) | seconds | vs YAKE |",
        "|---|---:|---:|",
        f"| project `KeywordExtractor(document)` | {times['project']:.2f} | {times['project'] / max(times['yake'], 1e-9):.2f}x |",
        f"| vanilla YAKE `extract_keywords(text)` | {times['yake']:.2f} | 1.00x |",
    ]
    table = "\n".join(lines)
    print(table)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    command = "python benchmarks/keyword_quality.py" + "".join(f" {a}" for a in (argv if argv is not None else sys.argv[1:]))
    header = f"# Key-phrase quality\n\nCommand: `{command}`\n\n"
    args.out.write_text(header + table + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
