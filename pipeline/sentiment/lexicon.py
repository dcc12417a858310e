"""Sentence scores: VADER's compound after removing what is not sentiment in speech.

VADER (Hutto & Gilbert 2014) is a lexicon and rule scorer made for short social-media
texts. Spoken transcripts trip it in two ways that this module fixes before scoring:

* **audience and caption cues** such as ``(Laughter)`` or ``[Applause]`` are in its lexicon
  as positive words; they describe the room, not the speaker's tone, so they are removed;
* **emoticons glued to a word**: the cleaning stage removes the space before punctuation, so
  "see you soon :)" reaches the scorer as "soon:)", which VADER reads as one unknown word;
  an emoticon from VADER's lexicon at the end of a word is split off again ("soon :)");
* **discourse uses of filler words** carry positive valence in its lexicon although they
  mean nothing evaluative: "it was, *like*, huge", "*well*, I think", "*okay*, so",
  "*yeah*, we tried", "*pretty* much". Only the discourse use is neutralised; "I like this",
  "it went well", "that's okay" and "a pretty house" keep their valence. "pretty" as a
  degree adverb ("pretty bad") becomes VADER's booster "quite", so that "pretty bad" is
  no longer scored as positive.

The rules work on VADER's own whitespace tokens (so punctuation such as a comma after
"well" is visible) and never look at case, since ASR text has none. Each rule can be
switched off by name (:data:`RULES`) so that the benchmark can measure its effect.

Scores: compound in [-1, 1], higher is more positive. A sentence counts as positive at
``>= POSITIVE_THRESHOLD`` (0.05) and negative at ``<= -POSITIVE_THRESHOLD``, which is the
convention of VADER's authors.
"""

from __future__ import annotations

import math
import re
import string
from typing import Any, Iterable, Sequence

#: VADER's 3-class convention on the compound score (its README): >= 0.05 positive,
#: <= -0.05 negative, neutral in between.
POSITIVE_THRESHOLD = 0.05

#: names of the cleaning rules, in the order they are applied; all on by default
RULES: tuple[str, ...] = ("cues", "emoticons", "like", "well", "so", "okay", "yeah", "pretty")
#: the rules that are not about discourse fillers (kept when ``sentiment.discourse_fillers`` is off)
NON_FILLER_RULES: tuple[str, ...] = ("cues", "emoticons")

#: caption or audience cue words: a bracketed group made only of these is removed
_CUE_WORDS = frozenset(
    "laughter laughs laughing laugh applause clapping claps cheers cheering cheer chuckles chuckling "
    "music inaudible crosstalk silence sighs sigh groans audience and".split()
)
# a character that can start an emoticon right after a word character or punctuation
_EMOTICON_HINT = re.compile(r"\S[:;=<]")
_EMOTICON_ENDS = frozenset(")(]}[{|/\\*><3DPpOocdlsSÞ$@&,.'")
_BRACKETED = re.compile(r"[\[(]([^\[\]()]{1,60})[\])]")

# "like" is a verb (with sentiment) only after a subject, an auxiliary, "to" or an adverb
# that sits between them ("I really like"); everywhere else it is a preposition ("looks like
# rain", "just like the first one") or a discourse marker ("it was, like, huge"), neither of
# which says anything good or bad.
_LIKE_VERB_CONTEXT = frozenset(
    """i you we they people to would could should might may must will can 'd
    i'd you'd we'd they'd he'd she'd who'd i'll you'll we'll they'll
    do does did don't doesn't didn't dont doesnt didnt not never really also still always
    actually truly genuinely definitely certainly particularly especially kinda gonna wanna
    n't who which that fans kids folks audiences viewers critics everyone everybody anyone
    anybody nobody somebody someone many most some others""".split()
)
# Words that typically follow a sentence-opening discourse marker ("well, I ...", "okay so").
_DISCOURSE_FOLLOWERS = frozenset(
    """i i'm i've i'd i'll you you're we we're we've they they're he she it it's that that's
    this there there's here what what's how why when where who if so now then and but um uh
    uhm er yeah yes okay ok alright well let's lets maybe actually basically anyway the a an
    first next look listen like you know""".split()
)
_OKAY_WORDS = frozenset({"okay", "ok", "alright"})
_YEAH_WORDS = frozenset({"yeah", "yep"})
# After these a sentence-opening marker is still sentence-initial ("oh well", "and so").
_OPENERS = frozenset({"oh", "ah", "uh", "um", "uhm", "er", "and", "but", "so", "yeah", "okay", "ok", "well"})
# "pretty" before these is a degree adverb even though they carry no VADER valence.
_PRETTY_DEGREE_NEXT = frozenset(
    """much well sure big small hard easy fast quick long short high low close simple clear old new
    large little similar different common standard tough rough late early far heavy strong weak
    cheap expensive obvious quiet loud deep wide straightforward amazing good bad cool""".split()
)
_CLAUSE_END = tuple(",;:.!?")


#: texts longer than this (in words, after cleaning) are scored in pieces of CHUNK_WORDS
MAX_WORDS = 120
CHUNK_WORDS = 60
#: VADER's normalisation constant: compound = x / sqrt(x^2 + alpha) for a valence sum x
_ALPHA = 15.0


def _combine(compounds: Sequence[float]) -> float:
    """Compound of the concatenation, approximated from the pieces' compounds: invert VADER's
    normalisation, add the valence sums, normalise again."""
    total = 0.0
    for c in compounds:
        c = min(max(c, -0.9999), 0.9999)  # +/-1 would invert to infinity
        total += c * math.sqrt(_ALPHA / (1.0 - c * c))
    return total / math.sqrt(total * total + _ALPHA)


def _core(token: str) -> str:
    """Lower-cased token without surrounding punctuation (VADER's view of a word)."""
    return token.strip(string.punctuation).lower()


class SentenceScorer:
    """Score sentences with VADER after the cleaning rules above.

    ``rules``: the rule names to apply (default: all of :data:`RULES`). The VADER analyser
    (lexicon read from the installed ``vaderSentiment`` package, no download) is built on
    first use and kept for the life of this object.
    """

    def __init__(self, rules: Iterable[str] | None = None) -> None:
        chosen = tuple(RULES if rules is None else rules)
        unknown = sorted(set(chosen) - set(RULES))
        if unknown:
            raise ValueError(f"unknown sentiment cleaning rules {unknown}; valid: {', '.join(RULES)}")
        self.rules = frozenset(chosen)
        self._vader: Any = None
        self._boosters: frozenset[str] = frozenset()
        self._emoticon_run: re.Pattern[str] | None = None
        self._emoticon_one: re.Pattern[str] | None = None

    @property
    def vader(self) -> Any:
        """VADER's ``SentimentIntensityAnalyzer`` (built on first use)."""
        if self._vader is None:
            from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentimentIntensityAnalyzer

            self._vader = SentimentIntensityAnalyzer()
            self._boosters = frozenset(BOOSTER_DICT)
        return self._vader

    def clean(self, text: str) -> str:
        """``text`` with cues and discourse fillers removed (whitespace-normalised)."""
        if "cues" in self.rules and ("(" in text or "[" in text):
            text = _BRACKETED.sub(_drop_cue, text)
        if "emoticons" in self.rules and _EMOTICON_HINT.search(text):
            text = self._unglue_emoticons(text)
        tokens = text.split()
        if not tokens:
            return ""
        lexicon = self.vader.lexicon
        out: list[str] = []
        dropped = False  # the previous token was dropped
        for i, token in enumerate(tokens):
            if dropped and token in (",", "...", "\u2026", "-", "--", "\u2014") and (not out or out[-1].endswith(_CLAUSE_END)):
                continue  # the comma of a dropped clause-initial marker ("yeah , i think")
            word = _core(token)
            replacement = self._rewrite(tokens, i, word, lexicon) if word in _CANDIDATES else token
            dropped = replacement is None
            if replacement is None:
                # keep a comma or full stop the dropped word carried, so clause cues survive
                tail = token[len(token.rstrip(string.punctuation)) :]
                if tail and out and not out[-1].endswith(_CLAUSE_END):
                    out[-1] = out[-1] + tail
                continue
            out.append(replacement)
        return " ".join(out)

    def score(self, text: str) -> float:
        """Compound score of one sentence in [-1, 1] (0.0 when nothing is left).

        VADER's time grows with the square of a text's length (its negation check lower-cases
        the whole text once per sentiment word), so a text of more than ``MAX_WORDS`` words is
        scored in pieces of ``CHUNK_WORDS`` words whose compounds are combined as VADER
        combines word valences (un-normalise, add, normalise). Sentences from the Segmenter are
        far shorter; this only keeps odd input (one 100,000-word "sentence") fast.
        """
        cleaned = self.clean(text)
        if not cleaned:
            return 0.0
        words = cleaned.split(" ")
        if len(words) <= MAX_WORDS:
            return float(self.vader.polarity_scores(cleaned)["compound"])
        pieces = [" ".join(words[i : i + CHUNK_WORDS]) for i in range(0, len(words), CHUNK_WORDS)]
        return _combine([float(self.vader.polarity_scores(p)["compound"]) for p in pieces])

    def score_many(self, texts: Sequence[str]) -> list[float]:
        """:meth:`score` of each text, in order."""
        return [self.score(t) for t in texts]

    # ---- the rules ----------------------------------------------------------------------

    def _unglue_emoticons(self, text: str) -> str:
        """Split emoticons of VADER's lexicon off the end of the word they were glued to
        ("soon:)" -> "soon :)", "bye:'(:'(" -> "bye :'( :'("). Only emoticons starting with
        ":", ";", "=" or "<" are split, and only at the end of a token, so "http://x", "10:30"
        and "re:" stay whole."""
        if self._emoticon_run is None:
            emoticons = sorted((k for k in self.vader.lexicon if k[:1] in ":;=<" and len(k) >= 2), key=lambda k: (-len(k), k))
            alternatives = "|".join(re.escape(e) for e in emoticons)
            self._emoticon_run = re.compile(rf"(?:{alternatives})+$")
            self._emoticon_one = re.compile(rf"{alternatives}")
        out = []
        for token in text.split():
            match = self._emoticon_run.search(token) if token[-1:] in _EMOTICON_ENDS else None
            if match is None:
                out.append(token)
                continue
            head = token[: match.start()]
            if head:
                out.append(head)
            out.extend(m.group(0) for m in self._emoticon_one.finditer(match.group(0)))
        return " ".join(out)

    def _rewrite(self, tokens: Sequence[str], i: int, word: str, lexicon: dict[str, float]) -> str | None:
        """The token to keep for ``tokens[i]``, or ``None`` to drop it."""
        token = tokens[i]
        prev = _core(tokens[i - 1]) if i > 0 else ""
        nxt = _core(tokens[i + 1]) if i + 1 < len(tokens) else ""
        # tokenised text ("well , i") puts the comma in a token of its own
        after = token if token.strip(string.punctuation) == "" else token + (tokens[i + 1] if i + 1 < len(tokens) and not nxt else "")
        comma_after = after.endswith((",", "\u2026", "...", "-", "\u2014"))
        initial = i == 0 or tokens[i - 1].endswith(_CLAUSE_END) or prev in _OPENERS
        if word == "like" and "like" in self.rules:
            if prev in _LIKE_VERB_CONTEXT and not (i > 0 and tokens[i - 1].endswith(_CLAUSE_END)):
                return token
            return None
        if word == "well" and "well" in self.rules:
            if initial and (comma_after or nxt in _DISCOURSE_FOLLOWERS or not nxt):
                return None
            return token
        if word == "so" and "so" in self.rules:
            # "so" is a VADER booster; as a sentence opener it boosts nothing
            if initial and (comma_after or (nxt not in lexicon and nxt not in self._boosters)):
                return None
            return token
        if word in _OKAY_WORDS and "okay" in self.rules:
            if initial and (comma_after or nxt in _DISCOURSE_FOLLOWERS or not nxt):
                return None
            return token
        if word in _YEAH_WORDS and "yeah" in self.rules:
            # agreement tokens at the start of a clause ("yeah, we tried") are back-channel
            if initial or comma_after or not nxt:
                return None
            return token
        if word == "pretty" and "pretty" in self.rules:
            if nxt in lexicon or nxt in self._boosters:
                return "quite"
            if nxt in _PRETTY_DEGREE_NEXT or (nxt.endswith("ly") and len(nxt) > 4):
                return None
            return token
        return token


_CANDIDATES = frozenset({"like", "well", "so", "pretty", "yeah"} | _OKAY_WORDS | _YEAH_WORDS)


def _drop_cue(match: re.Match[str]) -> str:
    words = [w for w in re.split(r"[\s,/&+]+", match.group(1).lower()) if w]
    if words and all(w in _CUE_WORDS for w in words):
        return " "
    return match.group(0)
