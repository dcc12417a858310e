"""Quiz items with every character the exports must escape, shared by the export tests."""

from __future__ import annotations

from pipeline.result import Meta, QuizItem, Result, Sentiment

ITEMS = (
    QuizItem(id="q-aaaaaaaaaaaa", type="cloze", question='Ratio {a:b} = ~2 #1 \\ "_____" and more.', answer="x=1",
             options=("y~2", "x=1", "{z}", "#3: w"), sentence=0, start=12.5,
             explanation='Ratio {a:b} = ~2 #1 \\ "x=1" and more.'),
    QuizItem(id="q-bbbbbbbbbbbb", type="true_false", question="Tabs\tand <html> & 'quotes' stay.", answer="True",
             options=("True", "False"), sentence=1, start=None, explanation="Tabs and <html> & 'quotes' stay."),
    QuizItem(id="q-cccccccccccc", type="cloze", question="Ends with the blank _____", answer="end",
             options=("end", "start", "middle", "top"), sentence=2, start=3600.0, explanation="Ends with the blank end"),
)


def result(items=ITEMS) -> Result:
    return Result(
        title="A: test {title}", summary=(), keywords=(),
        sentiment=Sentiment(label="neutral", score=0.0, positive=0.0, neutral=1.0, negative=0.0),
        quiz=items, sentences=(), meta=Meta(package_version="0", model="m", config_fingerprint="f", input_sha256="s"),
    )
