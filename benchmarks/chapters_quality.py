"""Chapter quality on QMSum meetings: this project vs NLTK TextTiling, an even split and
one segment, in one run; stage time against the whole analysis; stage scaling.

    python benchmarks/chapters_quality.py [--limit N] [--eval-dir ../shared/eval] [--out FILE]

Data: ``chapters/qmsum_val_chapters.jsonl`` (35 meetings, annotated topics with their turn
spans). The meetings reserved for the blind review are QMSum *summary* lines 5 and 22; their
chapter records (same ids) are left out: 33 meetings.

Input: each meeting as SRT, one cue per turn (``Speaker: text``, the raw turn text with its
``{disfmarker}``-style tags), so a chapter start maps to the turn whose cue holds its first
sentence. QMSum has no times: a cue lasts 0.4 s per word (150 words a minute) and cues are
0.5 s apart, so pauses carry no information here.

Metrics (see ``eval/README.md``), over turns, macro-averaged over meetings:
* Pk and WindowDiff (``nltk.metrics.segmentation``; lower is better) against the annotated
  topic starts (the first turn of each topic's first span), k = half the mean reference
  segment length;
* count ratio = segments found / topics annotated, and the share of meetings where it lies in
  [0.5, 2];
* title ROUGE-1 F1 (``rouge-score``, Porter stemmer): for each annotated topic, the title of
  the chapter overlapping it most against the topic name; mean over topics.

Systems:
* ``project``: the Pipeline's chapters (default config);
* ``texttiling``: NLTK's ``TextTilingTokenizer`` with each turn a paragraph, default
  parameters, scikit-learn's English stop words passed in (no NLTK data download);
* ``even``: the annotated number of topics, as equal runs of turns (it is given the count);
* ``one``: a single segment.
The project's figures are also given for the two parts of the meetings used when constants
were chosen: ``fit`` (the others) and ``held-out`` (every third meeting, positions 2, 5, 8, ...
of the 33 in file order), which no choice looked at alone.

Title anchors, on the project's own chapters: ``yake_top`` (vanilla YAKE's best phrase of the
chapter text) and ``first_words`` (the chapter's first five words).

Speed: CPU seconds (``time.process_time``) of the chapters stage against the whole analysis
of the same meetings (every ``--timing-every``-th meeting, default 4: the whole analysis is
the slow part of this script), and the stage alone (least of three runs) on 10,000 to
90,000 words (meetings joined end to end), to show it stays linear. The first call's loading
of the word-frequency list (about 0.3 s CPU, once per process) is outside the timings.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import pickle
import re
import sys
import time
import warnings
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

#: QMSum meetings reserved for the blind review (0-based lines of summary/qmsum_val.jsonl)
RESERVED_SUMMARY_LINES = (5, 22)
SYSTEMS = ("project", "texttiling", "even", "one")
TITLE_SYSTEMS = ("project", "yake_top", "first_words")
SECONDS_PER_WORD = 0.4
GAP_SECONDS = 0.5


def srt_for(turns: list[dict]) -> tuple[str, list[float]]:
    """The meeting as SRT (one cue per turn) and each cue's start time."""
    cues, starts, t = [], [], 0.0
    for number, turn in enumerate(turns, 1):
        duration = SECONDS_PER_WORD * max(1, len(turn["text"].split()))
        starts.append(t)
        cues.append(f"{number}\n{_stamp(t)} --> {_stamp(t + duration)}\n{turn['speaker']}: {turn['text']}\n")
        t += duration + GAP_SECONDS
    return "\n".join(cues), starts


def _stamp(t: float) -> str:
    ms = int(round(t * 1000))
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d},{ms % 1000:03d}"


def reference_starts(record: dict) -> list[int]:
    """Turn index where each annotated topic starts, sorted, first at 0."""
    firsts = sorted({min(span[0] for span in topic["turns"]) for topic in record["topics"]})
    return sorted({0, *firsts})


def boundary_string(starts: list[int], n_turns: int) -> str:
    """NLTK's segmentation string: '1' after the last turn of each segment but the last."""
    marks = ["0"] * n_turns
    for s in starts:
        if 0 < s < n_turns:
            marks[s - 1] = "1"
    return "".join(marks)


def texttiling_starts(turns: list[dict], stop_words: list[str]) -> list[int]:
    """NLTK TextTiling over the turns as paragraphs; the first turn of each segment."""
    from nltk.tokenize.texttiling import TextTilingTokenizer

    paragraphs = [re.sub(r"\s+", " ", t["text"]).strip() or "." for t in turns]
    text = "\n\n".join(paragraphs)
    try:
        segments = TextTilingTokenizer(stopwords=stop_words).tokenize(text)
    except ValueError:  # too short for its windows: one segment
        return [0]
    starts, turn = [], 0
    for segment in segments:
        starts.append(turn)
        turn += len([p for p in re.split(r"\n\s*\n", segment) if p.strip()])
    return sorted({min(s, len(turns) - 1) for s in starts})


def even_starts(n_turns: int, count: int) -> list[int]:
    return sorted({round(i * n_turns / count) for i in range(count)})


def segment_scores(ref: list[int], hyp: list[int], n_turns: int) -> tuple[float, float]:
    from nltk.metrics.segmentation import pk, windowdiff

    k = max(2, round(n_turns / len(ref) / 2))
    r, h = boundary_string(ref, n_turns), boundary_string(hyp, n_turns)
    return pk(r, h, k=k, boundary="1"), windowdiff(r, h, k, boundary="1")


def title_rouge(record: dict, hyp: list[int], titles: list[str], n_turns: int, scorer) -> float:
    """Mean over annotated topics of ROUGE-1 F1 between the topic name and the title of the
    chapter that overlaps the topic's turns most."""
    topics = sorted(record["topics"], key=lambda t: min(span[0] for span in t["turns"]))
    t_bounds = [min(span[0] for span in t["turns"]) for t in topics] + [n_turns]
    h_bounds = [*hyp, n_turns]
    scores = []
    for j, topic in enumerate(topics):
        a, b = t_bounds[j], t_bounds[j + 1]
        overlap = [max(0, min(b, h_bounds[i + 1]) - max(a, h_bounds[i])) for i in range(len(hyp))]
        best = int(np.argmax(overlap))
        scores.append(scorer.score(topic["title"], titles[best])["rouge1"].fmeasure if titles[best] else 0.0)
    return float(np.mean(scores)) if scores else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--eval-dir", default=str(REPO.parent / "shared" / "eval"))
    parser.add_argument("--limit", type=int, default=0, help="first N meetings only (0: all)")
    parser.add_argument("--out", default=str(REPO / "benchmarks" / "results" / "chapters_quality.md"))
    parser.add_argument("--documents-cache", metavar="FILE.pkl", help="segmented meetings (pickle of {id: Document}): read when the file exists, else written; for re-running the chapters stage on the same segmentation")
    parser.add_argument("--timing-every", type=int, default=4, help="run the whole analysis (for the stage's share of its time) on every N-th meeting; the others run ingest, clean, segment and chapters only, as the Pipeline does")
    args = parser.parse_args()

    import yake
    from rouge_score import rouge_scorer
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    from _results_file import write_table
    from pipeline import Pipeline
    from pipeline.ingest import read_text
    from pipeline.types import Document

    eval_dir = Path(args.eval_dir)
    reserved = set()
    with open(eval_dir / "summary" / "qmsum_val.jsonl", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i in RESERVED_SUMMARY_LINES:  # summary ids carry a query suffix: "qmsum-val-Bmr026-0"
                reserved.add(re.sub(r"-\d+$", "", json.loads(line)["id"]))
    records = [json.loads(line) for line in open(eval_dir / "chapters" / "qmsum_val_chapters.jsonl", encoding="utf-8")]
    records = [r for r in records if r["id"] not in reserved]
    if args.limit:
        records = records[: args.limit]
    stop_words = sorted(ENGLISH_STOP_WORDS)
    scorer = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)
    yake_extractor = yake.KeywordExtractor(lan="en", n=3, top=1)

    nlp = Pipeline()
    nlp("Warm-up. The model and the word lists load once per process.")  # not timed
    seg = {s: [] for s in SYSTEMS}
    held_out: list[bool] = []
    counts = {s: [] for s in SYSTEMS}
    titles_r1 = {s: [] for s in TITLE_SYSTEMS}
    cpu_stage = cpu_total = 0.0
    documents: list[Document] = []
    timed = 0
    cache_path = Path(args.documents_cache) if args.documents_cache else None
    cache = pickle.loads(cache_path.read_bytes()) if cache_path and cache_path.exists() else {}
    cache_hits = 0
    for number, record in enumerate(records):
        turns = record["turns"]
        n_turns = len(turns)
        ref = reference_starts(record)
        srt, cue_starts = srt_for(turns)
        transcript = read_text(srt, format="srt", name=record["id"])
        cached = record["id"] in cache
        if cached:
            document = cache[record["id"]]
            cache_hits += 1
        else:
            document = cache[record["id"]] = nlp.segmenter(nlp.cleaner(transcript))
        documents.append(document)
        began = time.process_time()
        chapters = nlp.chapter_maker(document)
        stage = time.process_time() - began
        if number % max(1, args.timing_every) == 0:
            began = time.process_time()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                result = nlp.analyze_transcript(transcript)
            cpu_total += time.process_time() - began
            cpu_stage += stage
            timed += 1
            if not cached:  # a cached segmentation may come from an older segmenter
                assert chapters == result.chapters  # the stage alone gives what the Pipeline gave

        project = sorted({int(np.searchsorted(cue_starts, c.start + 1e-6) - 1) for c in chapters if c.start is not None} | {0})
        hyps = {
            "project": project,
            "texttiling": texttiling_starts(turns, stop_words),
            "even": even_starts(n_turns, len(ref)),
            "one": [0],
        }
        held_out.append(number % 3 == 2)
        for system, hyp in hyps.items():
            pk, wd = segment_scores(ref, hyp, n_turns)
            seg[system].append((pk, wd))
            counts[system].append(len(hyp) / len(ref))
        # titles, on the project's chapters (one title per distinct start turn)
        by_turn: dict[int, list] = {}
        for c in chapters:
            by_turn.setdefault(int(np.searchsorted(cue_starts, c.start + 1e-6) - 1) if c.start is not None else 0, []).append(c)
        turn_starts = sorted(by_turn)
        texts = [" ".join(document.sentences[i].text for i in range(ch[0].first_sentence, ch[-1].last_sentence + 1)) for ch in (by_turn[t] for t in turn_starts)]
        title_sets = {
            "project": [by_turn[t][0].title for t in turn_starts],
            "yake_top": [(yake_extractor.extract_keywords(text) or [("", 0)])[0][0] for text in texts],
            "first_words": [" ".join(text.split()[:5]) for text in texts],
        }
        for system, titles in title_sets.items():
            titles_r1[system].append(title_rouge(record, turn_starts, titles, n_turns, scorer))
        print(f"{record['id']}: Pk {seg['project'][-1][0]:.3f} (TextTiling {seg['texttiling'][-1][0]:.3f}), "
              f"{len(project)} chapters for {len(ref)} topics", file=sys.stderr)

    if cache_path and cache_hits < len(records):
        cache_path.write_bytes(pickle.dumps(cache))
    if cache_hits:
        print(f"segmentation of {cache_hits} meetings read from {cache_path}", file=sys.stderr)
    scaling = _scaling(nlp, documents)
    table = _table(len(records), seg, counts, titles_r1, cpu_stage, cpu_total, timed, scaling, held_out)
    print(table)
    write_table(args.out, table, "# Chapters: quality on QMSum and stage time\n\nCommand: `python benchmarks/chapters_quality.py`")


def _scaling(nlp, documents) -> list[tuple[int, float]]:
    """CPU seconds of the chapters stage on meetings joined end to end, by word count."""
    from pipeline.types import Document

    out = []
    for target in (10_000, 20_000, 40_000, 80_000):
        sentences, words = [], 0
        for document in documents * 20:
            for s in document.sentences:
                sentences.append(dataclasses.replace(s, index=len(sentences)))
            words += document.n_words
            if words >= target:
                break
        joined = Document(text="", sentences=tuple(sentences), has_times=True, speakers=())
        runs = []
        for _ in range(3):  # the least of three: the machine's other load only adds time
            began = time.process_time()
            nlp.chapter_maker(joined)
            runs.append(time.process_time() - began)
        out.append((words, min(runs)))
    return out


def _table(n, seg, counts, titles_r1, cpu_stage, cpu_total, timed, scaling, held_out) -> str:
    lines = [
        f"QMSum validation, {n} meetings (the 2 reserved for the blind review left out); lower Pk / WindowDiff is better.",
        "",
        "| system | Pk | WindowDiff | count ratio (found / annotated) | meetings with ratio in [0.5, 2] |",
        "|---|---:|---:|---:|---:|",
    ]
    for system in SYSTEMS:
        pks = [p for p, _ in seg[system]]
        wds = [w for _, w in seg[system]]
        ratios = counts[system]
        inside = sum(0.5 <= r <= 2 for r in ratios)
        lines.append(f"| {system} | {np.mean(pks):.3f} | {np.mean(wds):.3f} | {np.mean(ratios):.2f} | {inside} of {len(ratios)} |")
    lines += [
        "",
        "The project on the two parts of the meetings (constants were chosen looking at `fit`; `held-out` = every third meeting):",
        "",
        "| part | meetings | Pk | WindowDiff | count ratio | title ROUGE-1 F1 |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, want in (("fit", False), ("held-out", True)):
        pick = [i for i, h in enumerate(held_out) if h == want]
        if pick:
            lines.append(
                f"| {name} | {len(pick)} | {np.mean([seg['project'][i][0] for i in pick]):.3f} | {np.mean([seg['project'][i][1] for i in pick]):.3f} "
                f"| {np.mean([counts['project'][i] for i in pick]):.2f} | {np.mean([titles_r1['project'][i] for i in pick]):.3f} |"
            )
    lines += [
        "",
        "Chapter titles, ROUGE-1 F1 against the annotated topic names (on the project's chapters):",
        "",
        "| titles | ROUGE-1 F1 |",
        "|---|---:|",
    ]
    for system in TITLE_SYSTEMS:
        lines.append(f"| {system} | {np.mean(titles_r1[system]):.3f} |")
    lines += [
        "",
        f"Stage time: chapters {cpu_stage:.2f} s CPU of {cpu_total:.2f} s for the whole analysis of the same {timed} meetings "
        f"({100 * cpu_stage / max(cpu_total, 1e-9):.1f}%).",
        "",
        "| words (meetings joined) | chapters stage, CPU s | ms per 1,000 words |",
        "|---:|---:|---:|",
    ]
    for words, seconds in scaling:
        lines.append(f"| {words:,} | {seconds:.3f} | {1000 * seconds / words * 1000:.1f} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
