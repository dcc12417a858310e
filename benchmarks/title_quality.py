"""Title quality: this project vs two baselines, ROUGE against published titles, in one run.

    python benchmarks/title_quality.py [--limit N] [--ted-limit N] [--eval-dir ../shared/eval]

Data:
* ``summary/bbc_dev.jsonl`` (1,328 BBC News articles; input is the article *without* its
  headline, the reference is the headline);
* ``transcripts/ted_dev.jsonl`` (400 TED talks; input is the transcript, its paragraphs
  joined by blank lines; the reference is the published title). The 12 talks reserved for
  the blind review (0-based lines 7, 40, ..., 370) are left out: 388 talks.

Metric: ROUGE-1 and ROUGE-L F1 with the Porter stemmer (``rouge-score``), mean per set.

Systems:
* ``project``: ingest (plain text: speaker labels) -> ``Cleaner`` -> segmenter fast pass
  -> ``KeywordExtractor`` -> parse of the sentences
  ``TitleMaker.wanted`` names -> ``TitleMaker`` (default configs), as the Pipeline runs them.
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
#: TED talks reserved for the blind review (0-based lines of ted_dev.jsonl): never scored here
RESERVED_TED = frozenset(range(7, 400, 33))


def _table(set_name: str, n_records: int, totals: dict, lengths: dict) -> str:
    n = max(1, n_records)
    base = {s: totals[s][0] / n for s in SYSTEMS}
    lines = [
        f"| {set_name} | items | ROUGE-1 F1 | ROUGE-L F1 | mean words | R-1 vs first sentence | R-1 vs YAKE top |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for system in SYSTEMS:
        r1, rl = totals[system][0] / n, totals[system][1] / n
        vs_first = f"{r1 / base['first_sentence']:.2f}x" if base["first_sentence"] else "n/a"
        vs_yake = f"{r1 / base['yake_top']:.2f}x" if base["yake_top"] else "n/a"
        lines.append(f"| {system} | {n_records} | {r1:.3f} | {rl:.3f} | {lengths[system] / n:.1f} | {vs_first} | {vs_yake} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=REPO.parent / "shared" / "eval")
    parser.add_argument("--limit", type=int, default=None, help="first N BBC articles (default: all)")
    parser.add_argument("--ted-limit", type=int, default=None, help="first N TED talks (default: all 388)")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results" / "title_quality.md")
    parser.add_argument("--examples", type=int, default=8, help="example titles to list in the results file")
    args = parser.parse_args(argv)

    import yake
    from rouge_score import rouge_scorer

    from pipeline.clean import Cleaner
    from pipeline.config import CleanConfig, KeywordConfig, SegmentConfig, TitleConfig
    from pipeline.errors import PipelineWarning
    from pipeline.ingest import read_text
    from pipeline.keywords import KeywordExtractor
    from pipeline.model import load_model
    from pipeline.segment import Segmenter
    from pipeline.title import TitleMaker

    # the title does not read the summary (tests/test_title.py checks it is the same for
    # every summary length), so the summary stage is not run here: it would only cost time
    summarizer = None
    summary_note = "none (the title does not read the summary; the stage is skipped to save time)"

    warnings.simplefilter("ignore", PipelineWarning)
    cleaner = Cleaner(CleanConfig())
    segmenter = Segmenter(SegmentConfig(), load_model("en_core_web_sm").nlp)
    keywords_stage = KeywordExtractor(KeywordConfig())
    title_maker = TitleMaker(TitleConfig())
    scorer = rouge_scorer.RougeScorer(["rouge1", "rougeL"], use_stemmer=True)

    def load(path: Path) -> list[dict]:
        with path.open(encoding="utf-8") as handle:
            return [json.loads(line) for line in handle if line.strip()]

    bbc = load(args.eval_dir / "summary" / "bbc_dev.jsonl")
    bbc = [(r["title"], r["text"]) for r in (bbc[: args.limit] if args.limit else bbc)]
    ted_all = load(args.eval_dir / "transcripts" / "ted_dev.jsonl")
    ted = [(r["title"], "\n\n".join(r["paragraphs"])) for i, r in enumerate(ted_all) if i not in RESERVED_TED]
    if args.ted_limit is not None:
        ted = ted[: args.ted_limit]

    tables, example_blocks = [], []
    for set_name, records in (("BBC News dev", bbc), ("TED dev", ted)):
        totals = {s: [0.0, 0.0] for s in SYSTEMS}
        lengths = {s: 0 for s in SYSTEMS}
        examples = []
        for k, (headline, text) in enumerate(records):
            document = segmenter(cleaner(read_text(text)))
            if not document.sentences:
                continue
            summary = summarizer(document) if summarizer is not None else ()
            keywords = keywords_stage(document)
            document = segmenter.parse(document, title_maker.wanted(document, summary, keywords))
            ours = title_maker(document, summary, keywords)
            top = yake.KeywordExtractor().extract_keywords(text)
            yake_title = " ".join(w[:1].upper() + w[1:] for w in top[0][0].split()) if top else ""
            first = " ".join(document.sentences[0].text.split()[:10])
            for system, title in (("project", ours), ("yake_top", yake_title), ("first_sentence", first)):
                score = scorer.score(headline, title)
                totals[system][0] += score["rouge1"].fmeasure
                totals[system][1] += score["rougeL"].fmeasure
                lengths[system] += len(title.split())
            if k < args.examples:
                examples.append((headline, ours, yake_title, first))
        tables.append(_table(set_name, len(records), totals, lengths))
        example_blocks.append((set_name, examples))

    table = "\n\n".join(tables)
    print(table)
    print(f"\nsummary used: {summary_note}")
    ex_text = ""
    for set_name, examples in example_blocks:
        ex = [f"{set_name}, first {len(examples)}:", "", "| reference | project | YAKE top | first sentence (10 words) |", "|---|---|---|---|"]
        for row in examples:
            ex.append("| " + " | ".join(c.replace("|", "/") for c in row) + " |")
        ex_text += "\n".join(ex) + "\n\n"
    command = "python benchmarks/title_quality.py" + "".join(f" {a}" for a in (argv if argv is not None else sys.argv[1:]))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        f"# Title quality\n\nCommand: `{command}`\n\nSummary stage run: {summary_note}.\n\n{table}\n\nExamples:\n\n{ex_text}",
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
