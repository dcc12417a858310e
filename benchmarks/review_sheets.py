"""Blind review sheets (../shared/REVIEW.md): the tool now, the tool before, and the anchors.

Picks the review set at a fixed stride (12 TED development talks: 0-based lines 7, 40, ...,
370 of ``transcripts/ted_dev.jsonl``; QMSum validation meetings at lines 5 and 22), runs the
command-line ``analyze --format json`` of two checkouts of the project on each (``--after``
and ``--before``: folders holding a checkout; each is put first on PYTHONPATH), computes the
anchors (top YAKE phrase in title case as a title, YAKE's top 10, sumy TextRank with as many
sentences as the tool's summary now), and writes for each transcript one Markdown sheet
with the candidates under neutral, shuffled labels, plus ``key.json`` (label -> system) that
the reviewer never sees. ``review_tally.py`` un-blinds the reviewers' answers.

    python benchmarks/review_sheets.py --after . --before /path/to/old/checkout --out benchmarks/out/review

Shuffling uses ``random.Random(transcript id)``: the same sheets every run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_EVAL = ROOT.parent / "shared" / "eval"
TED_LINES = tuple(range(7, 400, 33))  # 12 talks
QMSUM_LINES = (5, 22)
CHAPTER_SHEETS = 5  # the first five TED talks also judge chapter titles
_QMSUM_TAG = re.compile(r"\{\w+\}")
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['-])*")


def review_set(eval_dir: Path) -> list[dict[str, Any]]:
    """The transcripts of the review: id, kind, text, published title (TED) or None."""
    ted = (eval_dir / "transcripts" / "ted_dev.jsonl").read_text(encoding="utf-8").splitlines()
    qmsum = (eval_dir / "summary" / "qmsum_val.jsonl").read_text(encoding="utf-8").splitlines()
    items = []
    for line in TED_LINES:
        row = json.loads(ted[line])
        items.append({"id": row["id"], "kind": "talk", "text": "\n\n".join(row["paragraphs"]), "published": row["title"]})
    for line in QMSUM_LINES:
        row = json.loads(qmsum[line])
        text = "\n".join(" ".join(_QMSUM_TAG.sub(" ", ln).split()) for ln in row["text"].split("\n"))
        items.append({"id": row["id"], "kind": "meeting", "text": text, "published": None})
    return items


def analyze(checkout: Path, path: Path) -> dict[str, Any]:
    """The JSON result of ``analyze`` run from ``checkout``'s code."""
    env = dict(os.environ, PYTHONPATH=str(checkout.resolve()), PYTHONHASHSEED="0")
    out = subprocess.run(
        [sys.executable, "-m", "pipeline", "analyze", str(path), "--format", "json"],
        env=env, capture_output=True, text=True, check=False, cwd=str(checkout),
    )
    if out.returncode != 0 and not out.stdout.strip():
        raise SystemExit(f"analyze failed in {checkout} on {path}: {out.stderr.strip()[:500]}")
    return json.loads(out.stdout)


def yake_top(text: str, k: int = 10) -> list[str]:
    import yake

    return [kw for kw, _ in yake.KeywordExtractor(lan="en", n=3, top=k).extract_keywords(text)]


def sumy_textrank(sentences: list[str], k: int) -> list[str]:
    """sumy's TextRank as its README sets it up, on the given sentences (document order)."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    class Words:
        def __init__(self, words: list[str]) -> None:
            self.words = words

        def to_words(self, _text: str) -> list[str]:
            return self.words

    model = ObjectDocumentModel([Paragraph([SumySentence(s, Words(_WORD.findall(s))) for s in sentences])])
    summarizer = TextRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    return [str(s) for s in summarizer(model, k)]


def title_case(phrase: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in phrase.split())


def _quiz_text(item: dict[str, Any]) -> str:
    if item.get("type") == "true_false":
        return f"True or false: {item['question']}\n   Answer given: {item['answer']}"
    options = "\n".join(f"   {chr(97 + i)}) {o}" for i, o in enumerate(item.get("options", [])))
    return f"Fill in the blank: {item['question']}\n{options}\n   Answer given: {item['answer']}"


def _summary_text(result: dict[str, Any]) -> list[str]:
    speakers = {s.get("speaker") for s in result.get("sentences", []) if s.get("speaker")}
    show = len(speakers) > 1
    lines = []
    for point in result.get("summary", []):
        prefix = f"{point['speaker']}: " if show and point.get("speaker") else ""
        lines.append(prefix + point["text"])
    return lines


def build(item: dict[str, Any], after: dict[str, Any], before: dict[str, Any], with_chapters: bool) -> tuple[str, dict[str, Any]]:
    """One sheet (Markdown) and its key."""
    rng = random.Random(item["id"])
    key: dict[str, Any] = {"id": item["id"], "kind": item["kind"]}
    parts = [f"# Sheet {item['id']}\n", f"Kind: {item['kind']}\n", "## Transcript\n", item["text"], ""]

    yake10 = yake_top(item["text"])
    titles = {"after": after.get("title", ""), "before": before.get("title", ""),
              "yake": title_case(yake10[0]) if yake10 else ""}
    if item["published"]:
        titles["published"] = item["published"]
    labels = _shuffled(rng, titles, "T")
    key["titles"] = {lab: sysname for lab, sysname in labels}
    parts.append("## Titles (score each 1-5)\n")
    parts += [f"- {lab}: {titles[s.split('+')[0]]}" for lab, s in labels] + [""]

    lists = {"after": [k["text"] for k in after.get("keywords", [])][:10],
             "before": [k["text"] for k in before.get("keywords", [])][:10], "yake": yake10}
    labels = _shuffled(rng, lists, "K")
    key["keywords"] = {lab: s for lab, s in labels}
    parts.append("## Key-phrase lists (for each: good 0-10, order 1-5)\n")
    for lab, s in labels:
        parts.append(f"### List {lab}\n" + "\n".join(f"{i + 1}. {p}" for i, p in enumerate(lists[s.split('+')[0]])) + "\n")

    ours = _summary_text(after)
    sentences = [s["text"] for s in after.get("sentences", [])]
    summaries = {"after": ours, "before": _summary_text(before), "sumy": sumy_textrank(sentences, max(1, len(ours)))}
    labels = _shuffled(rng, summaries, "S")
    key["summaries"] = {lab: s for lab, s in labels}
    parts.append("## Summaries (for each: coverage 1-5, readability 1-5)\n")
    for lab, s in labels:
        parts.append(f"### Summary {lab}\n" + "\n".join(f"- {p}" for p in summaries[s.split('+')[0]]) + "\n")

    # an item both versions ask word for word is shown once and counted for both
    quiz: dict[str, list[str]] = {}
    for system, result in (("after", after), ("before", before)):
        for item in result.get("quiz", []):
            quiz.setdefault(_quiz_text(item), []).append(system)
    texts = sorted(quiz)
    rng.shuffle(texts)
    key["quiz"] = {}
    parts.append("## Quiz items (for each: keep | fix | reject, and the main reason)\n")
    for n, text in enumerate(texts, start=1):
        key["quiz"][f"Q{n}"] = "+".join(quiz[text])
        parts.append(f"Q{n}. {text}\n")

    if with_chapters and after.get("chapters"):
        parts.append("## Chapters (the tool's parts of this recording; score each title 1-5 as a section heading a person would write, and the split as a whole 1-5)\n")
        for c in after["chapters"]:
            first, last = c.get("first_sentence"), c.get("last_sentence")
            opening = sentences[first] if first is not None and first < len(sentences) else ""
            parts.append(f"- C{first}: \"{c['title']}\" — sentences {first}-{last}; begins: \"{opening[:160]}\"")
        key["chapters"] = [c["title"] for c in after["chapters"]]
        parts.append("")
    return "\n".join(parts) + "\n", key


def _shuffled(rng: random.Random, systems: dict[str, Any], prefix: str) -> list[tuple[str, str]]:
    """(label, first system) per distinct candidate, shuffled; systems whose candidates are
    identical share one label (judged once, counted for each: see ``_grouped``)."""
    distinct: dict[str, list[str]] = {}
    for name in sorted(systems):
        distinct.setdefault(json.dumps(systems[name], sort_keys=True), []).append(name)
    groups = sorted(distinct.values())
    rng.shuffle(groups)
    return [(f"{prefix}{chr(65 + i)}", "+".join(group)) for i, group in enumerate(groups)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--after", type=Path, default=ROOT)
    parser.add_argument("--before", type=Path, help="checkout of the earlier code (not needed once its outputs are in --out)")
    parser.add_argument("--reuse-after", action="store_true", help="keep the 'after' outputs already in --out")
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out" / "review")
    args = parser.parse_args(argv)
    if not args.eval_dir.is_dir():
        print(f"no eval data at {args.eval_dir}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    inputs = args.out / "inputs"
    inputs.mkdir(exist_ok=True)
    keys = []
    for n, item in enumerate(review_set(args.eval_dir)):
        path = inputs / f"{item['id']}.txt"
        path.write_text(item["text"] + "\n", encoding="utf-8")
        before_file = args.out / f"{item['id']}.before.json"
        if before_file.exists():  # the "before" checkout never changes: made once, reused
            before = json.loads(before_file.read_text(encoding="utf-8"))
        else:
            if args.before is None:
                print(f"no earlier output {before_file.name} in {args.out}: name the old checkout with --before", file=sys.stderr)
                return 2
            before = analyze(args.before, path)
            before_file.write_text(json.dumps(before, indent=1), encoding="utf-8")
        after_file = args.out / f"{item['id']}.after.json"
        if args.reuse_after and after_file.exists():
            after = json.loads(after_file.read_text(encoding="utf-8"))
        else:
            after = analyze(args.after, path)
            after_file.write_text(json.dumps(after, indent=1), encoding="utf-8")
        sheet, key = build(item, after, before, with_chapters=item["kind"] == "talk" and n < CHAPTER_SHEETS)
        (args.out / f"sheet-{item['id']}.md").write_text(sheet, encoding="utf-8")
        keys.append(key)
        print(f"{item['id']}: sheet written", flush=True)
    (args.out / "key.json").write_text(json.dumps(keys, indent=1, sort_keys=True), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
