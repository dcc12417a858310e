"""Quiz quality on SQuAD v1.1 dev paragraphs: gap choice, item form, distractors.

Runs this project's quiz stage (real Segmenter + KeywordExtractor + QuizMaker, cloze items
only) and the naive baseline of issue 6 side by side, on ``cloze/squad_dev_a.jsonl``:

* naive: vanilla YAKE (``yake.KeywordExtractor(lan="en", n=3, top=20)``) top phrases; the
  top sentences are those holding the most key-phrase weight; in each, blank the best key
  phrase it contains and offer the next three key phrases as distractors.

Metrics (definitions in ``../shared/eval/README.md``):

* ``gap_hit``: share of answers whose SQuAD-normalised text has token F1 >= 0.5 with some
  human answer of the paragraph;
* ``well_formed``: share of items whose answer occurs in the source sentence, whose question
  does not contain the answer (case-insensitive, whole words), and whose options hold the
  answer exactly once plus >= 3 distinct distractors (distinct after SQuAD normalisation,
  none equal to the answer);
* items per paragraph;
* ``same_kind``: share of distractors of the same kind as the answer, kind judged by one
  referee for both systems: the entity label the fully parsed paragraph gives that text,
  ``CARDINAL`` for numbers, else ``NP`` (``pipeline.quiz.distractors.Pool.kind_of``);
* ``variants``: distractors that are variants of the answer (``is_variant``: same normalised
  text, containment, edit similarity >= 0.8, half the content words shared).

Usage: ``python benchmarks/quiz_quality.py [--limit N] [--questions 5] [--eval-dir ../shared/eval]``
"""

from __future__ import annotations

import argparse
import collections
import itertools
import json
import re
import string
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _results_file import write_table  # noqa: E402

from pipeline.config import KeywordConfig, QuizConfig, SegmentConfig  # noqa: E402
from pipeline.model import load_model  # noqa: E402
from pipeline.quiz import QuizMaker  # noqa: E402
from pipeline.quiz.distractors import Pool, is_variant  # noqa: E402
from pipeline.result import Keyword  # noqa: E402
from pipeline.segment import Segmenter  # noqa: E402
from pipeline.types import Segment, Transcript  # noqa: E402


# ---- SQuAD normalisation and token F1 (as in the official evaluation script) ----------------


def squad_normalise(s: str) -> str:
    s = s.lower()
    s = "".join(ch for ch in s if ch not in set(string.punctuation))
    s = re.sub(r"\b(a|an|the)\b", " ", s)
    return " ".join(s.split())


def token_f1(pred: str, gold: str) -> float:
    p, g = squad_normalise(pred).split(), squad_normalise(gold).split()
    common = collections.Counter(p) & collections.Counter(g)
    same = sum(common.values())
    if same == 0:
        return 0.0
    precision, recall = same / len(p), same / len(g)
    return 2 * precision * recall / (precision + recall)


def is_fit_paragraph(paragraph_id: str) -> bool:
    """Was this paragraph used to fit the gap model (``benchmarks/fit_quiz_gaps.py``)?
    SQuAD article ``a`` (ids ``squad-a-p``) is a fit article when ``a % 3 == 0``."""
    return int(paragraph_id.split("-")[1]) % 3 == 0


def contains_words(haystack: str, needle: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(needle.lower()) + r"(?!\w)", haystack.lower()) is not None


def well_formed(answer: str, question: str, source: str, options: tuple[str, ...]) -> bool:
    if not answer.strip() or answer.lower() not in source.lower():
        return False
    if contains_words(question, answer):
        return False
    if sum(1 for o in options if o == answer) != 1:
        return False
    norm_answer = squad_normalise(answer)
    distractors = {squad_normalise(o) for o in options if o != answer}
    distractors.discard(norm_answer)
    distractors.discard("")
    return len(distractors) >= 3


# ---- systems ---------------------------------------------------------------------------------


def naive_items(document, questions: int, extractor) -> list[tuple[str, str, str, tuple[str, ...]]]:
    """(answer, question, source, options) from the naive recipe of issue 6."""
    phrases = [p for p, _s in extractor.extract_keywords(document.text)]
    if not phrases:
        return []
    weights = {p: 1.0 / (rank + 1) for rank, p in enumerate(phrases)}
    ranked = []
    for s in document.sentences:
        low = s.text.lower()
        inside = [p for p in phrases if p.lower() in low]
        if inside:
            ranked.append((-sum(weights[p] for p in inside), s.index, inside))
    ranked.sort(key=lambda r: (r[0], r[1]))
    out = []
    for _w, index, inside in ranked[:questions]:
        source = document.sentences[index].text
        answer = inside[0]
        pos = source.lower().find(answer.lower())
        question = source[:pos] + "_____" + source[pos + len(answer) :]
        distractors = [p for p in phrases if p != answer][:3]
        out.append((source[pos : pos + len(answer)], question, source, (answer, *distractors)))
    return out


def keyword_stage():
    """The project's KeywordExtractor, or vanilla YAKE phrases wrapped as Keyword values."""
    try:
        from pipeline.keywords import KeywordExtractor

        extractor = KeywordExtractor(KeywordConfig())
        return "pipeline.keywords.KeywordExtractor", extractor
    except Exception:  # noqa: BLE001 - benchmark fallback while keywords is being written
        import yake

        yk = yake.KeywordExtractor(lan="en", n=3, top=10)

        def run(document):
            pairs = yk.extract_keywords(document.text)
            return tuple(Keyword(text=p, score=1.0 / (1.0 + s), count=1, forms=(p,)) for p, s in pairs)

        return "vanilla YAKE wrapped as Keyword", run


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--eval-dir", default=str(ROOT.parent / "shared" / "eval"))
    ap.add_argument("--limit", type=int, default=None, help="first N paragraphs only")
    ap.add_argument("--questions", type=int, default=5, help="quiz.questions for both systems")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "quiz_quality.md"))
    ap.add_argument("--show", type=int, default=0, help="print N example items of each system")
    args = ap.parse_args(argv)

    path = Path(args.eval_dir) / "cloze" / "squad_dev_a.jsonl"
    records = [json.loads(line) for line in path.open(encoding="utf-8")]
    if args.limit:
        records = records[: args.limit]

    import yake

    naive_yake = yake.KeywordExtractor(lan="en", n=3, top=20)
    segmenter = Segmenter(SegmentConfig(), load_model("en_core_web_sm").nlp)
    kw_name, kw_stage = keyword_stage()
    maker = QuizMaker(QuizConfig(questions=args.questions, types=("cloze",)))

    # "all" paragraphs, and split by whether benchmarks/fit_quiz_gaps.py fit the gap model on them
    stats = {(name, part): collections.Counter() for name in ("project", "naive") for part in ("all", "held", "fit")}
    seconds = collections.Counter()
    shown = collections.Counter()
    for record in records:
        document = segmenter(Transcript(segments=(Segment(record["context"]),)))
        referee = Pool(segmenter.parse(document, range(len(document.sentences))), ())
        gold = record["answers"]

        t0 = time.perf_counter()
        keywords = kw_stage(document)
        parsed = segmenter.parse(document, maker.wanted(document, (), keywords))
        ours = [(i.answer, i.question, i.explanation, i.options) for i in maker(parsed, (), keywords)]
        seconds["project"] += time.perf_counter() - t0
        t0 = time.perf_counter()
        naive = naive_items(document, args.questions, naive_yake)
        seconds["naive"] += time.perf_counter() - t0

        part = "fit" if is_fit_paragraph(record["id"]) else "held"
        for (name, items), split in itertools.product((("project", ours), ("naive", naive)), ("all", part)):
            st = stats[(name, split)]
            st["paragraphs"] += 1
            for answer, question, source, options in items:
                st["items"] += 1
                st["gap_hit"] += max((token_f1(answer, g) for g in gold), default=0.0) >= 0.5
                st["well_formed"] += well_formed(answer, question, source, options)
                kind = referee.kind_of(answer)
                for d in options:
                    if d == answer:
                        continue
                    st["distractors"] += 1
                    st["same_kind"] += referee.kind_of(d) == kind
                    st["variants"] += is_variant(d, answer)
                if split == "all" and shown[name] < args.show:
                    shown[name] += 1
                    print(f"[{name}] {question}\n    answer={answer!r} options={list(options)}", file=sys.stderr)

    def share(st, key, denom):
        return st[key] / st[denom] if st[denom] else 0.0

    def row(name, part):
        st = stats[(name, part)]
        return (
            name,
            share(st, "gap_hit", "items"),
            share(st, "well_formed", "items"),
            st["items"] / max(1, st["paragraphs"]),
            share(st, "same_kind", "distractors"),
            st["variants"],
            st["items"],
            1000 * seconds[name] / max(1, stats[(name, "all")]["paragraphs"]),
        )

    n_par = {part: stats[("project", part)]["paragraphs"] for part in ("all", "held", "fit")}
    lines = [
        f"Quiz quality on SQuAD v1.1 dev paragraphs ({n_par['all']} of `cloze/squad_dev_a.jsonl`), "
        f"cloze items, quiz.questions = {args.questions}; key phrases for the project: {kw_name}. "
        f"Held out: the {n_par['held']} paragraphs of the articles the gap model was not fit on; "
        f"fit: the {n_par['fit']} paragraphs it was fit on (`benchmarks/fit_quiz_gaps.py`). "
        "ms / paragraph is over all paragraphs.",
        "",
        "| paragraphs | system | gap_hit | well_formed | items / paragraph | same-kind distractors | variant distractors | items | ms / paragraph |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for part in ("all", "held", "fit"):
        p, n = row("project", part), row("naive", part)
        for r in (p, n):
            lines.append(f"| {part} | {r[0]} | {r[1]:.3f} | {r[2]:.3f} | {r[3]:.2f} | {r[4]:.3f} | {r[5]} | {r[6]} | {r[7]:.1f} |")
        lines.append(
            f"| {part} | project - naive | {p[1] - n[1]:+.3f} | {p[2] - n[2]:+.3f} | {p[3] / n[3] if n[3] else 0:.2f}x | "
            f"{p[4] - n[4]:+.3f} | | | {p[7] / n[7] if n[7] else 0:.2f}x |"
        )
    table = "\n".join(lines) + "\n"
    print(table)
    if not args.limit:
        write_table(args.out, table, "# Quiz quality")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
