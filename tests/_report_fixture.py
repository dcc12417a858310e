"""A hand-built Result for renderer and browser tests (no model needed), with markup and
script in the transcript to check that it is shown as text."""

from __future__ import annotations

from pipeline.result import Chapter, Keyword, Meta, Moment, QuizItem, Result, SentenceOut, Sentiment, SummaryItem, TimelinePoint

XSS = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">'


def make_result() -> Result:
    sentences_text = [
        "Welcome to the talk about solar panels.",
        f"Someone typed {XSS} into the chat.",
        "Solar panels turn sunlight into electricity & they are cheap now.",
        "Sadly the old battery failed in the cold winter.",
    ]
    text = " ".join(sentences_text)
    sentences = []
    pos = 0
    for i, s in enumerate(sentences_text):
        start = text.index(s, pos)
        sentences.append(SentenceOut(text=s, start_char=start, end_char=start + len(s), start=i * 10.0, end=i * 10.0 + 9.5, speaker="Speaker 1" if i % 2 == 0 else "Speaker 2"))
        pos = start + len(s)

    def spans(phrase: str) -> tuple[tuple[int, int], ...]:
        lower = text.lower()
        out, at = [], lower.find(phrase)
        while at >= 0:
            out.append((at, at + len(phrase)))
            at = lower.find(phrase, at + 1)
        return tuple(out)

    keywords = (
        Keyword(text="solar panels", score=0.9, count=2, forms=("solar panels", "Solar panels"), sentences=(0, 2), spans=spans("solar panels")),
        Keyword(text="<script>", score=0.5, count=1, forms=("<script>",), sentences=(1,), spans=spans("<script>")),
        Keyword(text="battery", score=0.4, count=1, forms=("battery",), sentences=(3,), spans=spans("battery")),
    )
    sentiment = Sentiment(
        label="neutral", score=0.05, positive=0.5, neutral=0.25, negative=0.25,
        timeline=(TimelinePoint(0.0, 19.5, 0.4, 0, 1), TimelinePoint(20.0, 39.5, -0.3, 2, 3)),
        by_speaker=(("Speaker 1", 0.2), ("Speaker 2", -0.1)),
        most_positive=Moment(sentence=2, start=20.0, text=sentences_text[2], score=0.6),
        most_negative=Moment(sentence=3, start=30.0, text=sentences_text[3], score=-0.7),
    )
    quiz = (
        QuizItem(id="q-1", type="cloze", question="_____ turn sunlight into electricity.", answer="Solar panels",
                 options=("Batteries", "Solar panels", "<b>Wind</b>", "Winter"), sentence=2, start=20.0, explanation=sentences_text[2]),
        QuizItem(id="q-2", type="true_false", question="The old battery failed in the cold winter.", answer="True",
                 options=("True", "False"), sentence=3, start=30.0, explanation=sentences_text[3]),
    )
    return Result(
        title=f"Solar panels {XSS}",
        summary=(SummaryItem(text=sentences_text[1], sentence=1, score=0.3, start=10.0, end=19.5, speaker="Speaker 2"),
                 SummaryItem(text=sentences_text[2], sentence=2, score=0.5, start=20.0, end=29.5, speaker="Speaker 1")),
        keywords=keywords,
        sentiment=sentiment,
        quiz=quiz,
        sentences=tuple(sentences),
        meta=Meta(package_version="0.1.0", model="en_core_web_sm==3.8.0", config_fingerprint="0123456789abcdef",
                  input_sha256="0" * 64, warnings=("a <b>warning</b>",), input_format="text", source="talk<1>.txt"),
        text=text,
        chapters=(
            Chapter(title="Solar panels", start=0.0, end=19.5, first_sentence=0, last_sentence=1, keywords=("solar panels",)),
            Chapter(title=f"Battery {XSS}", start=20.0, end=39.5, first_sentence=2, last_sentence=3, keywords=("battery",)),
        ),
    )
