"""Title quality: this project vs two baselines, ROUGE against news headlines, in one run.

    python benchmarks/title_quality.py [--limit N] [--eval-dir ../shared/eval]

Data: ``summary/bbc_dev.jsonl`` (1,328 BBC News articles; input is the article *without*
its headline, the reference is the headline). Metric: ROUGE-1 and ROUGE-L F1 with the
Porter stemmer (``rouge-score``), mean over articles.

Systems:
* ``project``: segmenter fast pass -> ``pipeline.summary.Summarizer`` (the real summary
  stage, default config) -> ``pipeline.keywords.KeywordExtractor`` -> parse of the
  sentences ``TitleMaker.wanted`` names -> ``TitleMaker`` (default config), exactly as the
  Pipeline runs them (without ingest/clean, which the BBC text does not need).
* ``yake_top``: vanilla YAKE's top phrase (0.7.3 defaults), each word capitalised.
* ``first_sentence``: the first sentence (our segmentation) cut to 10 words.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

SYSTEMS = ("project", "yake_top", "first_sentence")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=REPO.parent / "shared" / "eval")
    parser.add_argument("--limit", type=int, default=None, help="first N articles (default: all)")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results" / "title_quality.md")
    parser.add_argument("--examples", type=int, default=8, help="example titles to list in the results file")
    args = parser.parse_args(argv)

    import yake
    from rouge_score import rouge_scorer

    from pipeline.config import KeywordConfig, SegmentConfig, SummaryConfig, TitleConfig
    from pipeline.errors import PipelineWarning
    from pipeline.keywords import KeywordExtractor
    from pipeline.model import load_model
    from pipeline.segment import Segmenter
    from pipeline.title import TitleMaker
    from pipeline.types import Segment, Transcript

    try:
        from pipeline.summary import Summarizer

        summarizer = Summarizer(SummaryConfig())
        summary_note = "real `pipeline.summary.Summarizer` (default config)"
    except ImportError:  # the summary stage is not there: titles from key phrases only
        summarizer = None
        summary_note = "empty summary (pipeline.summary not importable)"

    warnings.simplefilter("ignore", PipelineWarning)
    segmenter = Segmenter(SegmentConfig(), load_model("en_core_web_sm").nlp)
    keywords_stage = KeywordExtractor(KeywordConfig())
    title_maker = TitleMaker(TitleConfig())
    scorer = rouge_scorer.RougeScorer(["rouge1", "rougeL"], use_stemmer=True)

    with (args.eval_dir / "summary" / "bbc_dev.jsonl").open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    if args.limit:
        records = records[: args.limit]

    totals = {s: [0.0, 0.0] for s in SYSTEMS}
    lengths = {s: 0 for s in SYSTEMS}
    examples = []
    for k, rec in enumerate(records):
        headline = rec["title"]
        document = segmenter(Transcript(segments=(Segment(rec["text"]),)))
        summary = summarizer(document) if summarizer is not None and document.sentences else ()
        keywords = keywords_stage(document)
        document = segmenter.parse(document, title_maker.wanted(document, summary, keywords))
        ours = title_maker(document, summary, keywords)
        top = yake.KeywordExtractor().extract_keywords(rec["text"])
        yake_title = " ".join(w[:1].upper() + w[1:] for w in top[0][0].split()) if top else ""
        first = " ".join(document.sentences[0].text.split()[:10]) if document.sentences else ""
        for system, title in (("project", ours), ("yake_top", yake_title), ("first_sentence", first)):
            score = scorer.score(headline, title)
            totals[system][0] += score["rouge1"].fmeasure
            totals[system][1] += score["rougeL"].fmeasure
            lengths[system] += len(title.split())
        if k < args.examples:
            examples.append((headline, ours, yake_title, first))

    n = max(1, len(records))
    base = {s: totals[s][0] / n for s in SYSTEMS}
    lines = [
        f"| system | articles | ROUGE-1 F1 | ROUGE-L F1 | mean words | R-1 vs first sentence | R-1 vs YAKE top |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for system in SYSTEMS:
        r1, rl = totals[system][0] / n, totals[system][1] / n
        vs_first = f"{r1 / base['first_sentence']:.2f}x" if base["first_sentence"] else "n/a"
        vs_yake = f"{r1 / base['yake_top']:.2f}x" if base["yake_top"] else "n/a"
        lines.append(f"| {system} | {len(records)} | {r1:.3f} | {rl:.3f} | {lengths[system] / n:.1f} | {vs_first} | {vs_yake} |")
    table = "\n".join(lines)
    print(table)
    print(f"\nsummary used: {summary_note}")
    ex = ["| headline | project | YAKE top | first sentence (10 words) |", "|---|---|---|---|"]
    for row in examples:
        ex.append("| " + " | ".join(c.replace("|", "/") for c in row) + " |")
    command = "python benchmarks/title_quality.py" + "".join(f" {a}" for a in (argv if argv is not None else sys.argv[1:]))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        f"# Title quality\n\nCommand: `{command}`\n\nSummary input to the title: {summary_note}.\n\n{table}\n\n"
        f"Examples (first {len(examples)} articles):\n\n" + "\n".join(ex) + "\n",
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
