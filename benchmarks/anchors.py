"""The naive composition of the anchor tools, for speed comparisons.

What a user would write without this project: a full spaCy parse (every component of
en_core_web_sm), sumy's TextRank over spaCy's sentences, vanilla YAKE on the whole text,
and VADER on every sentence. Each part runs as its documentation shows; sumy is given
spaCy's sentences and words because its own tokenizer needs NLTK data that is never
downloaded here.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

#: sumy.nlp.tokenizers.Tokenizer's word pattern
_SUMY_WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|['-])*$")


class _Words:
    def __init__(self, words: list[str]) -> None:
        self.words = words

    def to_words(self, _text: str) -> list[str]:
        return self.words


class NaiveComposition:
    """spaCy full parse + sumy TextRank + YAKE (n=3) + VADER per sentence, built once."""

    def __init__(self, summary_sentences: int = 5, keywords: int = 10) -> None:
        import yake
        from sumy.nlp.stemmers import Stemmer
        from sumy.summarizers.text_rank import TextRankSummarizer
        from sumy.utils import get_stop_words
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        from pipeline.model import load_model

        # spaCy as it comes (thinc's default blis ops), not the pipeline's tuned loading
        self.nlp = load_model("en_core_web_sm", numpy_ops=False).nlp
        self.nlp.max_length = 5_000_000
        self.textrank = TextRankSummarizer(Stemmer("english"))
        self.textrank.stop_words = get_stop_words("english")
        self.yake = yake.KeywordExtractor(lan="en", n=3, top=keywords)
        self.vader = SentimentIntensityAnalyzer()
        self.summary_sentences = summary_sentences

    def __call__(self, text: str) -> dict[str, Any]:
        from sumy.models.dom import ObjectDocumentModel, Paragraph
        from sumy.models.dom import Sentence as SumySentence

        doc = self.nlp(text)
        sents = [s for s in doc.sents if s.text.strip()]
        model = ObjectDocumentModel(
            [Paragraph([SumySentence(s.text, _Words([t.text for t in s if _SUMY_WORD.match(t.text)])) for s in sents])]
        )
        summary = [str(s) for s in self.textrank(model, self.summary_sentences)] if sents else []
        keywords = self.yake.extract_keywords(text)
        tone = [self.vader.polarity_scores(s.text)["compound"] for s in sents]
        return {"summary": summary, "keywords": keywords, "sentiment": tone}
