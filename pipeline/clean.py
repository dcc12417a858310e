"""Clean a Transcript: caption tags, fillers, stutters, rolled-over repeats, boilerplate.

Rules, in the order they run (each switchable by :class:`~pipeline.config.CleanConfig`
unless marked *always*):

1. ``caption_tags``: sound annotations (``[Music]``, ``(Laughter)``, ``[inaudible 00:12:03]``),
   YouTube's ``[ __ ]`` (a bleeped word: nothing left to analyse), lyrics between music
   notes (``♪ ... ♪``), YouTube ``>>`` speaker-change marks (when preceded by a space or at
   the start; "x>>y" stays), leftover HTML-like tags (``<i>``) and corpus markup in
   braces (``{disfmarker}``, ``{vocalsound}``). Only brackets whose every
   word is a sound word or modifier go, so "(which was great)" or "[the CEO]" stay.
2. *always*: a speaker label left inside the text (``"Speaker 2: Hi"`` in a caption) moves
   to ``Segment.speaker`` and, as in plain text, carries to the following cues that have no
   speaker of their own, until the next label (a voice tag of the format ends the carry).
3. ``fillers``: um, uh, uhm, erm, er, ah, hmm, mm-hmm (anywhere, as whole words);
   "you know" only where punctuation marks it as a filler (", you know," / sentence-initial
   "You know," / ", you know." at the end) — "you know the answer" and "you know what I
   mean" are kept, because there the words carry meaning or the phrase is the sentence;
   "I mean," only sentence-initial; "like" only between commas (", like,").
   A sentence-initial capitalised filler hands its capital to the next word.
4. ``stutters``: an immediately repeated word or phrase of up to 3 words
   ("I I think", "and then and then") keeps one copy; never across . ! ? ; : and never for
   the legitimate doubles in ``LEGIT_DOUBLES`` ("had had", "that that", "no no").
5. *always* (timed caption formats only): rolled-over caption repeats — a cue that begins
   with the words the previous cue ended with (>= 3 words, or the whole previous cue of
   >= 2 words) loses the overlap; a cue contained in the tail of the previous one is
   dropped and the previous cue's end extended to cover it.
6. ``page_chrome`` (plain text only: a page copied with its transcript): lines that are the
   page's own interface — buttons, prompts to a tool, calls to action, navigation,
   share/subscribe/like rows, cookie notices (:mod:`pipeline.chrome`) — are removed wherever
   they are, each with a warning naming the line and its kind. Runs first, on the raw line.
7. ``boilerplate``: in the trailing part of the transcript (last 10% of segments, at least
   the last 5), segments that are mostly web/video boilerplate ("like and subscribe",
   "thanks for watching", "call or book a meeting now", copyright lines) are removed, with
   a warning "removed N trailing boilerplate line(s)".

Segments that become empty are dropped. Times are seconds and are never invented.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from .chrome import MAX_SLOGAN_SHARE, chrome_kind, slogan_share
from .config import CleanConfig
from .ingest.labels import split_label
from .types import Segment, Transcript

# ---- caption tags -------------------------------------------------------------------

#: Words that make a bracketed annotation a sound/event tag rather than content.
SOUND_WORDS: tuple[str, ...] = (
    "applause", "background", "beep", "beeping", "blank_audio", "booing", "breathing",
    "chatter", "cheering", "cheers", "chuckles", "chuckling", "clapping", "coughing",
    "coughs", "crosstalk", "crowd", "foreign", "giggles", "groans", "inaudible", "indistinct",
    "intro", "laugh", "laughing", "laughs", "laughter", "music", "noise", "outro", "pause",
    "sighs", "silence", "sound", "static", "unintelligible", "whistling",
)
#: Words that may accompany a sound word inside the brackets ("[upbeat music playing]").
SOUND_MODIFIERS: tuple[str, ...] = (
    "and", "audience", "audio", "continues", "dramatic", "gentle", "in", "light", "loud",
    "no", "playing", "plays", "soft", "speech", "the", "theme", "upbeat",
)
_SOUND_SET = frozenset(SOUND_WORDS)  # membership only; never iterated
_SOUND_OR_MODIFIER = frozenset(SOUND_WORDS + SOUND_MODIFIERS)

_BRACKETED = re.compile(r"\[([^\[\]\n]{0,60})\]|\(([^()\n]{0,60})\)")
_TAG_WORD = re.compile(r"[a-z_]+|\d{1,2}(?::\d{2}){1,2}(?:\.\d+)?")
_CENSORED = re.compile(r"\[\s*_{2,}\s*\]")  # YouTube's "[ __ ]" for a bleeped word
_MUSIC_SPAN = re.compile(r"[♪♫][^♪♫\n]{0,500}[♪♫]|[♪♫]")
_SPEAKER_CHANGE = re.compile(r"(?:^|(?<=\s))(?:>>|&gt;&gt;)+")
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>\n]{0,100}>")
#: corpus transcription markup such as AMI/ICSI's "{disfmarker}", "{vocalsound}", "{gap}":
#: one lower-case word in braces, which speech never produces
_BRACE_MARKUP = re.compile(r"\{[a-z_]{2,30}\}")

# ---- fillers ------------------------------------------------------------------------

#: Hesitation sounds removed anywhere as whole words. "uh-huh" and "mm" alone are left:
#: they are often an answer ("Uh-huh." = yes) rather than a hesitation.
FILLER_WORDS: tuple[str, ...] = (
    "ah", "ahh", "eh", "er", "erm", "hm", "hmm", "hmmm", "mhm", "mm-hmm", "mmhmm", "uh",
    "uhh", "uhm", "um", "umm", "ummm",
)
#: Phrases that are fillers only in comma-marked positions (see module docstring).
COMMA_FILLERS: tuple[str, ...] = ("i mean", "like", "you know")

_FILLER_SET = frozenset(FILLER_WORDS)  # membership only
_FILLER_ALT = "|".join(re.escape(w) for w in sorted(FILLER_WORDS, key=lambda w: (-len(w), w)))
# A filler with its neighbouring commas; the replacement decides what punctuation stays.
_FILLER = re.compile(rf"(,[ \t]*)?(?<![\w'-])({_FILLER_ALT})(?![\w'-])([ \t]*(?:,|[.!?]+))?", re.IGNORECASE)
# "you know" / "like" bounded by commas (or sentence start/end); "I mean," sentence-initial.
_YOU_KNOW = re.compile(r"(,[ \t]*|^|(?<=[.!?][ \t]))(you know)(?:([ \t]*,)|(?=[ \t]*[.!?]|$))", re.IGNORECASE)
_LIKE = re.compile(r"(,[ \t]*)(like)([ \t]*,)", re.IGNORECASE)
_I_MEAN = re.compile(r"(^|(?<=[.!?][ \t]))(I mean)([ \t]*,)", re.IGNORECASE)
#: Marks where a removed sentence-initial filler's capital goes (private-use character).
_CAP = "\ue000"
_CAP_NEXT = re.compile(_CAP + r"[ \t]*([a-z])?")

# ---- stutters -----------------------------------------------------------------------

#: Words whose immediate repetition is usually grammatical or emphatic, not a stutter
#: ("what it is is", "he had had enough", "I know that that works", "no no no", "bye bye").
#: Number words are included: digits read out ("five five five") repeat legitimately.
LEGIT_DOUBLES: tuple[str, ...] = (
    "bye", "do", "does", "eight", "far", "five", "four", "ha", "had", "hey", "is", "long",
    "many", "much", "nine", "no", "one", "really", "seven", "six", "so", "ten", "that",
    "three", "two", "very", "was", "yeah", "yes", "zero",
)
_LEGIT_SET = frozenset(LEGIT_DOUBLES)
#: Longest repeated phrase collapsed, in words.
MAX_STUTTER_WORDS = 3
_TOKEN = re.compile(r"\S+")
_SENTENCE_END_PUNCT = (".", "!", "?", ";", ":", "…")

# ---- rolled-over caption repeats ----------------------------------------------------

#: Formats whose cues can roll over (YouTube auto captions) — plain text lines never do.
ROLLOVER_FORMATS: tuple[str, ...] = ("srt", "vtt", "whisper-json", "youtube-json3")
MIN_ROLLOVER_WORDS = 3
#: Only this many words at a cue boundary are compared; captions are short.
_ROLLOVER_WINDOW = 60
_NORM_WORD = re.compile(r"[\w']+")

# ---- boilerplate --------------------------------------------------------------------

#: Web/video boilerplate phrases (regex sources, sorted). A trailing segment whose letters
#: are mostly covered by these is removed. Each pattern is bounded ({0,80}) so a long line
#: cannot make matching slow.
BOILERPLATE_PATTERNS: tuple[str, ...] = (
    # an outro plug: "check out the free sample of my book", "grab a copy of our guide"
    r"(?:(?:go|please|be sure to|make sure to|don'?t forget to) )?(?:check out|grab|get|download|pick up|order|buy) (?:the|a|my|our|your) (?:free )?(?:copy|sample|book|course|newsletter|merch|e-?book|guide|workbook|masterclass|patreon)\b[^.!?\n]{0,80}",
    r"(?:\(c\)|©)\s*[^.!?\n]{0,80}",
    r"(?:and )?(?:hit|smash|click|tap|ring) (?:the |that )?(?:notification )?(?:bell|like button)(?: icon)?(?: (?:so|to) [^.!?\n]{0,60})?",
    r"(?:call|email|contact) (?:us )?(?:or|and) book a (?:call|meeting|demo|consultation)(?: (?:now|today))?",
    r"(?:don'?t forget to |please |make sure to |be sure to )?(?:like,? )?(?:comment,? )?(?:and )?(?:share,? )?(?:and )?subscribe(?: (?:to|for) (?:our|my|the|this) (?:channel|podcast|newsletter))?(?: for more(?: videos| content)?)?",
    r"(?:follow|find) (?:us|me) on [\w ,]{1,60}",
    r"(?:https?://|www\.)\S{1,200}",
    r"(?:leave|drop) (?:a|your) (?:comment|like)s?(?: below| down below)?",
    r"(?:the )?links? (?:is |are )?(?:in|below in) the (?:description|show notes)(?: below)?",
    r"(?:this (?:video|episode|podcast) (?:is|was) )?(?:sponsored|brought to you) by [\w .&'-]{1,60}",
    r"(?:visit|check out) (?:our|my) (?:website|site|channel|page)(?: at [\w./:-]{1,80})?",
    r"all rights reserved",
    r"book a (?:call|meeting|demo|consultation)(?: (?:now|today))?",
    r"copyright\s*(?:\(c\)|©)?\s*\d{4}[^.!?\n]{0,80}",
    r"see you (?:in the |on the )?next (?:one|time|video|episode|week)",
    # "for watching" only: "thank you for listening" ends many genuine talks.
    r"thanks? (?:you )?(?:so much |very much )?(?:for|4) watching",
)
_BOILERPLATE = re.compile("|".join(f"(?:{p})" for p in BOILERPLATE_PATTERNS), re.IGNORECASE)
#: Share of a segment's letters that boilerplate must cover for the segment to go.
BOILERPLATE_SHARE = 0.6
#: Trailing window: this share of the segments, and never fewer than BOILERPLATE_MIN_TAIL.
BOILERPLATE_TAIL_SHARE = 0.10
BOILERPLATE_MIN_TAIL = 5
BOILERPLATE_MAX_CHARS = 400

# ---- tidying ------------------------------------------------------------------------

_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r"[ \t]+([,.;:!?…])")
_REPEATED_COMMA = re.compile(r",(?:[ \t]*,)+")
_COMMA_BEFORE_END = re.compile(r",[ \t]*([.!?;:])")
_LEADING_PUNCT = re.compile(r"^[\s,;:]+")
# a line with neither word characters nor emoji is dropped; emoji-only lines ("😀😀") are
# speech reactions the tone stage can read, so they stay
_PUNCT_ONLY = re.compile(r"^(?:[^\w\U0001F300-\U0001FAFF\u2639\u263A\u2764]|_)*$")


class Cleaner:
    """Pure transcript cleaner. ``__init__`` is cheap (patterns compile at import)."""

    def __init__(self, config: CleanConfig) -> None:
        self.config = config

    def __call__(self, transcript: Transcript) -> Transcript:
        """A new Transcript with cleaned segments; the input is not modified."""
        warnings = list(transcript.warnings)
        source = transcript.segments
        if self.config.page_chrome and transcript.format == "text":
            source, chrome_warnings = remove_page_chrome(source, strip_tags=self.config.caption_tags)
            warnings.extend(chrome_warnings)
        segments: list[Segment] = []
        carried: str | None = None  # a "DAVE:" label inside caption text, until the next one
        for seg in source:
            cleaned = self._clean_segment(seg)
            if cleaned is None:
                continue
            if transcript.format != "text":  # plain text carries labels at ingest already
                if cleaned.speaker != seg.speaker:  # this cue's text began with a label
                    carried = cleaned.speaker
                elif seg.speaker is not None:  # the caption format's own speaker (a voice tag)
                    carried = None
                elif carried is not None:
                    cleaned = replace(cleaned, speaker=carried)
            segments.append(cleaned)
        if transcript.format in ROLLOVER_FORMATS:
            segments = remove_rollover(segments)
        if self.config.boilerplate:
            segments, removed = remove_trailing_boilerplate(segments)
            if removed:
                warnings.append(f"removed {removed} trailing boilerplate line{'s' if removed != 1 else ''}")
        if transcript.segments and not segments:
            warnings.append("cleaning removed every segment (only caption tags, fillers or boilerplate)")
        return replace(transcript, segments=tuple(segments), warnings=tuple(warnings))

    def _clean_segment(self, seg: Segment) -> Segment | None:
        text = seg.text.replace(_CAP, "")
        if self.config.caption_tags:
            text = strip_caption_tags(text)
        speaker = seg.speaker
        label, rest = split_label(tidy(text))
        if label is not None and rest:
            speaker, text = label, rest
        if self.config.fillers:
            text = remove_fillers(text)
        if self.config.stutters:
            text = remove_stutters(text)
        text = tidy(text)
        if _PUNCT_ONLY.match(text):
            return None
        if text == seg.text and speaker == seg.speaker:
            return seg
        return replace(seg, text=text, speaker=speaker)


# ---- rules (pure functions on one segment's text) -------------------------------------


#: A stage direction as transcripts write them: a bracketed note of 1-4 words, the first
#: capitalised and the rest lower case, standing between sentences (at the start of the text
#: or after . ! ? or another bracket, and followed by the end, another bracket or a capital):
#: "(Audio)", "(Drumbeats)", "(Guitar strum)", "[Water splashes]", "(In Dutch)". Its place,
#: not a word list, makes it a direction: the speaker never says a bracketed aside between
#: two sentences, while "(which was great)" inside a sentence stays.
_STAGE_DIRECTION = re.compile(
    r"(?:(?<=^)|(?<=[.!?\])\]\"”])|(?<=[.!?\])\]\"”][ \t])|(?<=^[ \t]))"
    r"[ \t]*[(\[]([A-Z][a-z]+(?:[- ][a-z]+){0,3})[)\]]"
    r"(?=[ \t]*(?:$|[(\[]|[A-Z\"“]))"
)


def strip_caption_tags(text: str) -> str:
    """Remove sound tags, stage directions, music-note spans, ``>>`` marks and HTML-like tags."""
    text = _HTML_TAG.sub(" ", text)
    text = _BRACE_MARKUP.sub(" ", text)
    text = _CENSORED.sub(" ", text)
    text = _BRACKETED.sub(_drop_sound_tag, text)
    text = _STAGE_DIRECTION.sub(" ", text)
    text = _MUSIC_SPAN.sub(" ", text)
    return _SPEAKER_CHANGE.sub(" ", text)


def _drop_sound_tag(match: re.Match[str]) -> str:
    inside = (match.group(1) if match.group(1) is not None else match.group(2)).strip().lower()
    words = _TAG_WORD.findall(inside)
    # Nothing but recognised words (and spacing/punctuation) inside: "[man's voice]" or
    # "[music by Bach]" stay because a word is not a sound word or modifier.
    if not words or _TAG_WORD.sub("", inside).strip(" -.,!?"):
        return match.group(0)
    if not any(w in _SOUND_SET for w in words):
        return match.group(0)
    if all(w in _SOUND_OR_MODIFIER or w[:1].isdigit() for w in words):
        return " "
    return match.group(0)


def remove_fillers(text: str) -> str:
    """Remove hesitation fillers and comma-marked "you know" / "I mean," / ", like,"."""
    text = _I_MEAN.sub(_phrase_replacement, text)
    text = _YOU_KNOW.sub(_phrase_replacement, text)
    text = _LIKE.sub(_phrase_replacement, text)
    text = _FILLER.sub(_filler_replacement, text)
    return _CAP_NEXT.sub(lambda m: (m.group(1) or "").upper(), text)


def _phrase_replacement(match: re.Match[str]) -> str:
    # A phrase filler needs a comma on at least one side ("You know." alone is a sentence).
    if not match.group(1) and not match.group(3):
        return match.group(0)
    return _filler_replacement(match)


def _filler_replacement(match: re.Match[str]) -> str:
    """Replacement for (comma before)? filler (comma or sentence end after)? that keeps the
    sentence's punctuation right: ", um." -> ".", "So, um, we" -> "So, we", "It was,
    like, huge" -> "It was huge", "Um, so" -> "So", "Hmm. Okay." -> "Okay."."""
    before, word, after = match.group(1), match.group(2), (match.group(3) or "").strip()
    text = match.string
    ends_sentence = after[:1] in (".", "!", "?")
    if before and before.startswith(","):
        if ends_sentence:
            return after
        rest = text[match.end():match.end() + 8].lstrip(" \t")
        if not rest or rest[0] in ".!?;:":
            return ""
        if after and not _lone_word_before(text, match.start()):
            return " "  # the commas only fenced the filler
        return ", "
    if _at_sentence_start(text, match.start()):
        if ends_sentence:
            return " "  # the whole sentence was a filler ("Hmm.")
        return (_CAP if word[:1].isupper() else "") + " "
    return after + " " if ends_sentence else " "


def _skip_spaces_back(text: str, pos: int) -> int:
    while pos > 0 and text[pos - 1] in " \t":
        pos -= 1
    return pos


def _at_sentence_start(text: str, pos: int) -> bool:
    pos = _skip_spaces_back(text, pos)
    return pos == 0 or text[pos - 1] in ".!?"


def _lone_word_before(text: str, pos: int) -> bool:
    """Whether exactly one word stands between the sentence start and ``pos`` (fillers
    before it do not count: "Um, so, uh, we" -> "So, we")."""
    end = _skip_spaces_back(text, pos)
    start = _word_start(text, end)
    if start == end:
        return False
    while True:
        before = start
        while before > 0 and text[before - 1] in " \t,":
            before -= 1
        if before == 0 or text[before - 1] in ".!?":
            return True
        word_start = _word_start(text, before)
        if text[word_start:before].lower() not in _FILLER_SET:
            return False
        start = word_start


def _word_start(text: str, end: int) -> int:
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "'’-"):
        start -= 1
    return start


def remove_stutters(text: str) -> str:
    """Collapse immediately repeated words/phrases (up to MAX_STUTTER_WORDS words)."""
    tokens = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]
    n = len(tokens)
    if n < 2:
        return text
    keys = [_key(tok) for _, _, tok in tokens]
    # Per-token facts computed once, so the scan below is linear in the token count.
    wordy = [any(ch.isalpha() for ch in k) for k in keys]
    ends = [tok.endswith(_SENTENCE_END_PUNCT) for _, _, tok in tokens]
    out: list[str] = []
    last_end = 0
    i = 0
    while i < n:
        if ends[i] or not wordy[i]:
            i += 1  # no repeat can start here: cheap exit for most tokens
            continue
        for size in range(MAX_STUTTER_WORDS, 0, -1):
            if i + 2 * size <= n and keys[i] == keys[i + size] and _repeatable(keys, wordy, ends, i, size):
                break
        else:
            i += 1
            continue
        copies = 2
        while i + (copies + 1) * size <= n and _repeatable(keys, wordy, ends, i + (copies - 1) * size, size):
            copies += 1
        # Keep the first copy's words with the last copy's trailing punctuation
        # ("I, I think" -> "I think", "we we." -> "we.").
        last_tok = tokens[i + copies * size - 1][2]
        first_words = [tok for _, _, tok in tokens[i:i + size]]
        first_words[-1] = _strip_trailing(first_words[-1]) + last_tok[len(_strip_trailing(last_tok)):]
        out.append(text[last_end:tokens[i][0]])
        out.append(" ".join(first_words))
        last_end = tokens[i + copies * size - 1][1]
        i += copies * size
    if not out:
        return text
    out.append(text[last_end:])
    return "".join(out)


def _key(token: str) -> str:
    """Comparison form: lowercase, without quotes/brackets and a trailing comma."""
    return token.lower().lstrip("\"'(").rstrip(",\"')")


def _strip_trailing(token: str) -> str:
    return token.rstrip(",;:.!?…\"')")


def _repeatable(keys: list[str], wordy: list[bool], ends: list[bool], i: int, size: int) -> bool:
    """Whether tokens[i:i+2*size] are two equal copies with no sentence break inside.

    Numbers and symbols ("5 5", "- -") are never collapsed; a copy may end with a comma
    ("I, I"), never with sentence punctuation ("Go. Go").
    """
    for j in range(i, i + size):
        if keys[j] != keys[j + size] or not wordy[j]:
            return False
    if size == 1 and keys[i] in _LEGIT_SET:
        return False
    return not any(ends[i:i + 2 * size - 1])


def tidy(text: str) -> str:
    """Squeeze whitespace, fix spacing around punctuation and leftover commas."""
    text = _SPACES.sub(" ", text)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    text = _REPEATED_COMMA.sub(",", text)
    text = _COMMA_BEFORE_END.sub(r"\1", text)
    text = _LEADING_PUNCT.sub("", text)
    return text.strip()


# ---- rules across segments ----------------------------------------------------------


def _words(text: str) -> list[str]:
    return [w.lower() for w in _NORM_WORD.findall(text)]


def remove_rollover(segments: list[Segment]) -> list[Segment]:
    """Remove words a caption cue repeats from the end of the previous kept cue."""
    out: list[Segment] = []
    for seg in segments:
        if not out:
            out.append(seg)
            continue
        prev = out[-1]
        if prev.speaker is not None and seg.speaker is not None and prev.speaker != seg.speaker:
            out.append(seg)  # two people may well say the same words
            continue
        prev_words = _words(prev.text)[-_ROLLOVER_WINDOW:]
        cur_tokens = seg.text.split()
        cur_words = _words(seg.text)
        if not prev_words or not cur_words:
            out.append(seg)
            continue
        if _is_tail(cur_words, prev_words):
            out[-1] = _extend(prev, seg)
            continue
        k = _overlap(prev_words, cur_words)
        if k >= MIN_ROLLOVER_WORDS or (k >= 2 and k == len(_words(prev.text))):
            rest = _drop_words(cur_tokens, k)
            if not rest:
                out[-1] = _extend(prev, seg)
                continue
            seg = replace(seg, text=rest)
        out.append(seg)
    return out


def _is_tail(cur: list[str], prev: list[str]) -> bool:
    """Cue fully repeated from the end of the previous cue (>= 2 words, or identical)."""
    if len(cur) > len(prev):
        return False
    return prev[-len(cur):] == cur and (len(cur) >= 2 or len(prev) == 1)


def _overlap(prev: list[str], cur: list[str]) -> int:
    """Largest k with prev[-k:] == cur[:k]."""
    for k in range(min(len(prev), len(cur), _ROLLOVER_WINDOW), 0, -1):
        if prev[-k:] == cur[:k]:
            return k
    return 0


def _drop_words(tokens: list[str], k: int) -> str:
    """Drop the tokens holding the first ``k`` words."""
    seen = 0
    for i, tok in enumerate(tokens):
        if seen >= k:
            return " ".join(tokens[i:])
        seen += len(_NORM_WORD.findall(tok))
    return ""


def _extend(prev: Segment, dropped: Segment) -> Segment:
    if dropped.end is None or (prev.end is not None and prev.end >= dropped.end):
        return prev
    return replace(prev, end=dropped.end)


#: Page-chrome lines named one by one in the warnings; the rest are counted.
MAX_CHROME_WARNINGS = 20
_CHROME_QUOTE_CHARS = 60


def remove_page_chrome(segments: tuple[Segment, ...], *, strip_tags: bool = True) -> tuple[tuple[Segment, ...], list[str]]:
    """Drop the segments that are page chrome (:func:`pipeline.chrome.chrome_kind`);
    returns (kept segments, one warning per removed line, at most MAX_CHROME_WARNINGS).
    ``strip_tags``: judge each line without its caption tags ("(Applause) Thank you")."""
    lines = [strip_caption_tags(seg.text) if strip_tags else seg.text for seg in segments]
    slogans = slogan_share(lines) <= MAX_SLOGAN_SHARE
    kept: list[Segment] = []
    warnings: list[str] = []
    removed = 0
    for seg, line in zip(segments, lines):
        kind = chrome_kind(line, slogans=slogans)
        if kind is None:
            kept.append(seg)
            continue
        removed += 1
        if removed <= MAX_CHROME_WARNINGS:
            quoted = _SPACES.sub(" ", seg.text.strip())
            if len(quoted) > _CHROME_QUOTE_CHARS:
                quoted = quoted[: _CHROME_QUOTE_CHARS - 1].rstrip() + "…"
            warnings.append(f"removed page chrome ({kind}): {quoted!r}")
    if removed > MAX_CHROME_WARNINGS:
        extra = removed - MAX_CHROME_WARNINGS
        warnings.append(f"removed {extra} more page chrome line{'s' if extra != 1 else ''}")
    return tuple(kept), warnings


def remove_trailing_boilerplate(segments: list[Segment]) -> tuple[list[Segment], int]:
    """Drop mostly-boilerplate segments from the tail; returns (segments, how many went)."""
    n = len(segments)
    tail = min(n, max(BOILERPLATE_MIN_TAIL, math.ceil(n * BOILERPLATE_TAIL_SHARE)))
    keep = segments[: n - tail]
    removed = 0
    for seg in segments[n - tail:]:
        if is_boilerplate(seg.text):
            removed += 1
        else:
            keep.append(seg)
    return keep, removed


def is_boilerplate(text: str) -> bool:
    """Whether at least BOILERPLATE_SHARE of the text's letters are boilerplate phrases.

    Text longer than BOILERPLATE_MAX_CHARS is never boilerplate: sign-off lines are short,
    and a long segment that mentions "subscribe" is content.
    """
    if len(text) > BOILERPLATE_MAX_CHARS:
        return False
    letters = sum(ch.isalnum() for ch in text)
    if not letters:
        return False
    covered = sum(sum(ch.isalnum() for ch in m.group(0)) for m in _BOILERPLATE.finditer(text))
    return covered / letters >= BOILERPLATE_SHARE
