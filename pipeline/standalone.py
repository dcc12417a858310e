"""Can a sentence be read on its own? And the light trim that often makes it so.

A summary point or a quiz question is read without the sentences around it. A spoken
sentence often cannot be: it opens with a word that points back ("This is why …", "His
theory states …", "The first was …"), hangs on a connective ("Because …", "Which …"), is a
question asked for effect, a back-channel ("Yeah, yeah."), speech noise (fillers, restarts,
microphone checks), or a piece of a longer sentence (the segmenter's ``max_words`` chunks, a
piece that starts in lower case or stops on "and"). Many good sentences only carry a spoken
opener ("So,", "And", "Well,", "you know,") that can be dropped without changing what they say.

:func:`assess` answers both for one :class:`~pipeline.types.Sentence`:

* ``start_char``/``end_char``: the span worth showing (offsets into ``Document.text``), the
  sentence minus a leading opener; the text stays extractive (every word shown was said, in
  order), only the first letter of a trimmed span is shown upper-cased (:func:`shown_text`);
* ``problems``: why the (trimmed) sentence cannot stand alone, as stable codes
  (:data:`HARD_PROBLEMS`), and ``weak``: things that make it read worse but not wrong
  (:data:`WEAK_PROBLEMS`).

It works on the segmenter's fast pass (part-of-speech tags, lemmas, no parse) and uses the
dependency labels when the sentence was parsed (an expletive "it" is then recognised by its
label). Everything is decided from word classes (part of speech, Penn tags, closed classes of
function words), not from lists of sentences: see the module constants.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from .types import Sentence, Token

# ---- problem codes (stable: tests and other stages key on them) -------------------------------

#: a third-person or demonstrative word at the start that points to something said before
LEADING_REFERENCE = "leading_reference"
#: opens with a connective that needs the previous sentence ("Because …", "Which …")
DANGLING_CONNECTIVE = "dangling_connective"
#: a question (asked for effect or not, it states no point)
QUESTION = "question"
#: a back-channel or a bare reaction ("Yeah.", "Okay, right.", "Mm-hmm.")
BACKCHANNEL = "backchannel"
#: speech noise: fillers and restarts dominate, or a microphone / channel check
NOISE = "noise"
#: a piece of a longer sentence: the segmenter's chunk, a lower-case start, a cut-off end
CUT_PIECE = "cut_piece"
#: a piece of a longer sentence the segmenter cut at ``max_words`` (repairable: show it whole)
CHUNK = "chunk"
#: fewer than :data:`MIN_WORDS` words left after trimming
TOO_SHORT = "too_short"
#: points at something the reader cannot see: a slide, a gesture, the room ("right here",
#: "like this", "as you can see", "on the left", "this one")
DEICTIC = "deictic"
#: so many restarts and cut-off words that it is hard to follow ("What wh uh what I …",
#: "I th I think the the …"): two or more
GARBLED = "garbled"
#: not English (a quotation in another language): almost no English function words
FOREIGN = "foreign"

HARD_PROBLEMS = (LEADING_REFERENCE, DANGLING_CONNECTIVE, QUESTION, BACKCHANNEL, NOISE, CUT_PIECE, CHUNK, TOO_SHORT, DEICTIC, GARBLED, FOREIGN)

#: a demonstrative + noun inside the sentence ("those governments", "this experiment")
INNER_REFERENCE = "inner_reference"
#: a spoken hedge or filler left inside ("you know", "I mean", "kind of")
FILLER = "filler"
#: a restart inside ("the the", "I I tho-", "b but"): read aloud it is noise
DISFLUENT = "disfluent"
#: the speaker announces what comes ("I want to talk about …", "Let me show you …") rather
#: than saying it
ANNOUNCEMENT = "announcement"

#: half of a quotation: the quote opens or closes in another sentence
HALF_QUOTE = "half_quote"

WEAK_PROBLEMS = (INNER_REFERENCE, FILLER, DISFLUENT, ANNOUNCEMENT, HALF_QUOTE)

# ---- word classes -------------------------------------------------------------------------------

#: spoken discourse markers and interjections that can open a sentence and say nothing
_DISCOURSE = frozenset(
    """
    so and but or plus well now okay ok oh ah yeah yes yep yup no alright right um uh er erm hmm
    mm mhm like actually basically anyway anyways also however therefore thus hence instead
    besides moreover furthermore then again still otherwise look see listen sure first second
    secondly third thirdly finally lastly
    """.split()
)
#: of those, words that are an opener only when a comma follows ("Now, …" but "Now is …",
#: "Like, …" but "Like a bee …", "Look, …" but "Look at …")
_COMMA_ONLY = frozenset("now like look see listen right sure well still then again no first second secondly third thirdly finally lastly".split())
#: of those, words that open a clause without a comma ("Now we looked …", "Then they …")
_CLAUSE_OPENERS = frozenset("now then again still".split())
#: "so"/"well" + these is not an opener ("So far", "So many", "Well known")
_NOT_AFTER_SO = frozenset("far much many long that few".split())
#: spoken filler clauses that can open a sentence before a comma ("You know, …", "I mean, …")
_FILLER_CLAUSE = re.compile(
    r"^(you know|i mean|you see|i guess|let's see|let me see|mind you|if you will|as i said|"
    r"like i said|as you know|as i say|of course|in fact|by the way|first of all|all right|let's face it|"
    r"believe me|trust me|to be honest|frankly|honestly|in other words|if you like|so to speak)\b",
    re.IGNORECASE,
)
#: the same inside a sentence (weak problem)
_INNER_FILLER = re.compile(r"\b(you know|i mean|i guess|or whatever|and stuff|you see)\b", re.IGNORECASE)

#: a speaker announcing a part of the talk: first person + a plan + a verb of presenting
_ANNOUNCEMENT = re.compile(
    r"^(\w+ )?((i|we) ('d|would|want|wanted|'m going|am going|are going|'re going|'ll|will|thought (i|we)'d|"
    r"thought (i|we) would|just want|'d just like|would just like)( like)?( to)?|let me|let's|let us)( just| quickly| now)? "
    r"(talk|tell|show|give|share|start|begin|end|finish|close|say|mention|explain|take|walk|spend|describe|present|"
    r"introduce|read|play|ask|leave|focus|go)\b",
    re.IGNORECASE,
)
#: words that only ever fill: no content, no grammar (and their drawn-out spellings, below)
_FILLERS = frozenset("um umm uh uhh er erm hmm mm mhm mmm uh-huh mm-hmm hm ah eh huh".split())
_DRAWN_OUT_FILLER = re.compile(r"^(u+h+|u+m+|e+h+n*|a+h+|h+m+|m+h*m+|e+r+m*)$")
_FILLER_INITIALS = frozenset("ueahm")
#: reactions that make up back-channels (with the fillers and discourse words)
_REACTIONS = frozenset(
    """
    yeah yes yep yup no nope okay ok alright right sure true exactly indeed really wow cool great
    good fine nice correct absolutely totally definitely oh ah thanks thank you hi hello bye so
    and but well i see agree agreed mean know guess think huh hm
    """.split()
)
#: a microphone, channel or recording check before a meeting
_SOUND_CHECK = re.compile(
    r"\b(testing|test(ing)? (one|1|two|2)|mic(rophone)?s?|mikes?|channel (one|two|three|four|five|\d+)|"
    r"can you hear me|is (this|it) (on|working|recording)|sound check|check(ing)? (one|1)|"
    r"(put|turn|switch)(ed|ing)? (it|this|them|that) on|wired|clip(ped)? on)\b",
    re.IGNORECASE,
)
#: words of a sound check that are not its content
_SOUND_WORDS = frozenset("test testing mic mike microphone microphones mics channel number check hear on wire clip sound recording record".split())

#: third-person personal pronouns and possessives: need an antecedent before them
_THIRD_PERSON = frozenset("he she it they him her them his its their hers theirs himself herself itself themselves".split())
#: demonstratives that point back when they open a sentence
_DEMONSTRATIVES = frozenset("this that these those such".split())
#: "the" + these without a noun points back ("The first was …", "The other is …")
_ANAPHORIC_ADJ = frozenset(
    """
    first second third fourth fifth last next other former latter same previous following
    remaining rest former both
    """.split()
)
#: words that point back on their own ("Another …", "Both …", "There, …", "Here …")
_POINTING = frozenset("another both either neither here".split())
#: nouns after "this"/"these" that point at the situation of speaking, not at earlier words
_DEICTIC_NOUNS = frozenset(
    """
    year week month decade century morning afternoon evening night summer winter spring fall
    autumn talk lecture session meeting room stage audience country planet world city
    conference moment time generation day semester quarter project course
    """.split()
)
#: connectives that leave a sentence hanging on the one before
_DANGLING = frozenset("because cause cuz coz 'cause which whereas whom whose".split())
#: tags of the words that may carry a noun phrase (a possible antecedent)
_NOUN_POS = frozenset({"NOUN", "PROPN"})
#: a sentence that ends on one of these words stops mid-clause ("… and", "… the")
_NEEDS_MORE = frozenset("and or but nor the a an every each my your our their its his because although whereas if".split())
#: question words (a WH-opening with a question mark is a question)
_AUX_QUESTION_NEXT = frozenset({"PRON", "DET", "PROPN", "NOUN"})
#: complement openers that make a leading "it" an expletive ("It is hard to …", "It turns out that …")
_EXPLETIVE_COMPLEMENT = frozenset("to that how what why whether if when where who".split())
_BE_LIKE = frozenset("be seem turn appear happen take make become feel".split())

#: phrases that point at what the audience sees: a slide, a gesture, the room
_DEICTIC = re.compile(
    r"\b((right|over|up|down|in) (here|there)|out here|(is|be|was|are) (this|these) *[\u2014:]|look (here|there)|(is|are|was|were) (here|there)\b(?! (is|are|was|were|to|for|in|on|at|today|now|tonight))|"
    r"(like|as) (this|that|so) *($|[.!?,;:\u2014-])|as (you|we)( can| could| might| will|'ll)? (see|notice|tell)|(you're|you are|we're|we are) (looking at|seeing)|"
    r"you (can |could )?see (here|there|this|these|those|that one|on|in the (picture|image|photo|slide|video))|"
    r"look (at|how) (this|these|that|those|here|there)|(on|at|in) the (left|right|top|bottom)\b(?! (of|to|hand|wing|side))|"
    r"(on|in) (the|this|that) (screen|slide|chart|graph|map|picture|photo|image|video)|"
    r"\b(this|that|these|those) (one|ones|slide|slides|picture|pictures|photo|photos|image|images|video|chart|graph|map|screen|clip|diagram|drawing|animation)\b(?! (of|that|which|who))|"
    r"^here('s| is| are| we| you)|^this is (a|an|the|what|where|how|one|my)\b|"
    # a direction to watch what is shown next: "Let's look at …", "Let's see what happens …"
    r"(^|[,;:] )((let's|let us|now|so)( just| quickly| now| briefly)? )?(look at|see what|watch|have a look|take a (quick )?(look|tour)|"
    r"turn to|go back to|zoom|listen to|play)\b)",
    re.IGNORECASE,
)
#: personal titles before a name in a vocative opener ("Mr. Chair, …", "Madam Speaker, …")
_TITLES = frozenset("mr mr. mrs mrs. ms ms. madam mister sir dr dr. senator minister president chair speaker".split())
#: "the first / other …" + these nouns points back to a list the reader has not seen
_LIST_NOUNS = frozenset(
    "thing things point points reason reasons one ones way ways step steps idea ideas part parts question questions "
    "problem problems lesson lessons example examples piece pieces aspect aspects issue issues".split()
)
#: subordinating openers that need a main clause after them ("If …, we …"; not "If …, if …")
_SUBORDINATORS = frozenset("if when although though while since unless whether once until whenever wherever".split())
#: a sentence with at least this many words and fewer English function words than
#: :data:`FOREIGN_STOP_SHARE` of its words is taken for another language
FOREIGN_MIN_WORDS = 8
FOREIGN_STOP_SHARE = 0.1

#: fewer words than this after trimming: nothing left to stand alone
MIN_WORDS = 4


@dataclass(frozen=True, slots=True)
class Assessment:
    """Whether a sentence can be read on its own, and the span worth showing.

    ``start_char``/``end_char``: offsets into ``Document.text`` of the kept span (half-open);
    ``trimmed``: a leading opener was dropped (``start_char`` is after the sentence's start).
    ``problems``: hard reasons it cannot stand alone (codes of :data:`HARD_PROBLEMS`),
    ``weak``: reasons it reads worse (:data:`WEAK_PROBLEMS`); both in a fixed order.
    ``first_token``: index into ``sentence.tokens`` of the first kept token.
    """

    start_char: int
    end_char: int
    trimmed: bool
    problems: tuple[str, ...]
    weak: tuple[str, ...]
    first_token: int

    @property
    def standalone(self) -> bool:
        """No hard problem: the kept span reads as a complete statement on its own."""
        return not self.problems

    @property
    def repairable(self) -> bool:
        """The only hard problem is being a ``max_words`` chunk (show the sentence whole)."""
        return self.problems == (CHUNK,)


def assess(sentence: Sentence, *, trim: bool = True, cased: bool | None = None) -> Assessment:
    """Assess ``sentence`` (see :class:`Assessment`). With ``trim``, a leading opener is
    dropped first (:func:`opener_length`) and the rest is judged. ``cased``: whether the
    transcript uses capital letters (a lower-case start then marks a cut piece); ``None``
    decides from the sentence itself (another word in it is capitalised)."""
    if not sentence.tokens:  # not tokenised (hand-built): nothing to judge by
        return Assessment(sentence.start_char, sentence.end_char, False, (), (), 0)
    words = _word_indices(sentence.tokens)
    if not words:
        return Assessment(sentence.start_char, sentence.start_char, False, (NOISE,), (), 0)
    tokens = sentence.tokens
    cut = opener_length(sentence) if trim else 0
    first = words[cut] if cut < len(words) else words[-1]
    start_char = tokens[first].start_char if cut else sentence.start_char
    problems: list[str] = []
    weak: list[str] = []
    kept = [tokens[i] for i in words[cut:]]
    text = sentence.text
    lows = [tokens[i].text.lower() for i in words]
    if _is_backchannel(lows):
        problems.append(BACKCHANNEL)
    elif _is_noise(sentence, words, lows):
        problems.append(NOISE)
    if _is_question(text, kept):
        problems.append(QUESTION)
    if kept:
        reference = _leading_problem(sentence, kept, words[cut])
        if reference:
            problems.append(reference)
    if sentence.is_chunk:
        problems.append(CHUNK)
    elif _is_cut_piece(sentence, tokens, words, kept, cased):
        problems.append(CUT_PIECE)
    if len(kept) < MIN_WORDS and BACKCHANNEL not in problems and NOISE not in problems:
        problems.append(TOO_SHORT)
    shown = text[max(0, start_char - sentence.start_char) :]
    if _DEICTIC.search(shown):
        problems.append(DEICTIC)
    restarts = _restarts(kept)
    if restarts >= 2:
        problems.append(GARBLED)
    if _is_foreign(kept):
        problems.append(FOREIGN)
    if _inner_reference(kept):
        weak.append(INNER_REFERENCE)
    if _INNER_FILLER.search(shown):
        weak.append(FILLER)
    if text.count('"') % 2 or text.count("\u201c") != text.count("\u201d"):
        weak.append(HALF_QUOTE)  # the segmenter split quoted speech: '"Oh, before we start, I got …'
    if restarts == 1:
        weak.append(DISFLUENT)
    announced = _ANNOUNCEMENT.search(shown)
    if announced and _content_words(kept, start_char + announced.end()) < 3:
        weak.append(ANNOUNCEMENT)  # "I'd like to talk a little bit about this" (not "… about how bees choose a home")
    ordered = tuple(p for p in HARD_PROBLEMS if p in problems)
    return Assessment(start_char, sentence.end_char, bool(cut), ordered, tuple(weak), first)


def opener_length(sentence: Sentence) -> int:
    """How many leading words (non-punctuation tokens) are a droppable spoken opener:
    discourse markers and interjections ("So,", "And", "Well,", "Okay so"), a filler clause
    before a comma ("You know,", "I mean,"), and the commas after them. 0 when nothing can be
    dropped, or when dropping would leave fewer than :data:`MIN_WORDS` words."""
    tokens = sentence.tokens
    words = _word_indices(tokens)
    n = _label_length(tokens, words)
    while n < len(words):
        i = words[n]
        t = tokens[i]
        low = t.text.lower()
        after = _next_token(tokens, i)
        comma_after = after is not None and after.text in (",", "\u2014", "-", "...", "\u2026")
        rest = sentence.text[t.start_char - sentence.start_char :]
        clause = _FILLER_CLAUSE.match(rest)
        if clause:
            # the clause's last word: by offset ("Let's face it" is four tokens)
            end_char = t.start_char + clause.end()
            end_word = next((m + 1 for m in range(n, len(words)) if tokens[words[m]].end_char >= end_char), len(words))
            nxt = _next_token(tokens, words[end_word - 1])
            if end_word < len(words) and nxt is not None and nxt.text in (",", "\u2014", "-"):
                n = end_word
                continue
        if _is_filler(low):
            n += 1
            continue
        if low not in _DISCOURSE and t.pos not in ("CCONJ", "INTJ"):
            break
        if low in ("so", "well") and after is not None and after.text.lower() not in _DISCOURSE and _modifies_next(tokens, i):
            break
        if low in _COMMA_ONLY and not comma_after and t.pos != "INTJ":
            # "Now we …", "Then he …": a time adverb opening a clause is an opener too; a
            # sentence-initial "Now" almost always is ("Now imagine …", "Now in India's case
            # …"), except before a verb ("Now is the time …")
            opens_clause = low in _CLAUSE_OPENERS and after is not None and after.pos in ("PRON", "DET", "PROPN")
            if not opens_clause and not (low == "now" and after is not None and after.pos not in ("AUX", "VERB", "PUNCT")):
                break
        if t.pos == "INTJ" and low not in _DISCOURSE and low not in _REACTIONS and not comma_after:
            break  # an interjection that is a word of the sentence ("Please …")
        n += 1
    if n and len(words) - n < MIN_WORDS:
        return 0
    return n


def _label_length(tokens: Sequence[Token], words: list[int]) -> int:
    """Words of a leading label that are not part of what is said: a speaker label left in
    the text ("PR: …", "Jay Walker: …": at most three capitalised words and a colon) or a
    vocative ("Mr. Chair, …", "Madam Speaker, …": a title, at most two names, a comma).
    0 when there is none, or when fewer than :data:`MIN_WORDS` words would be left."""
    for n in range(1, min(4, len(words))):
        last, nxt = words[n - 1], _next_token(tokens, words[n - 1])
        if nxt is None:
            break
        head = [tokens[i].text for i in words[:n]]
        if not all(w[:1].isupper() and w.replace(".", "").replace("'", "").isalpha() for w in head):
            break
        if nxt.text == ":" and len(words) - n >= MIN_WORDS:
            return n
        if nxt.text == "," and head[0].lower() in _TITLES and n >= 2 and len(words) - n >= MIN_WORDS:
            after = _next_token(tokens, last + 1)
            if after is not None and after.pos in ("PRON", "AUX", "VERB", "SCONJ", "ADV"):
                return n
    return 0


def _modifies_next(tokens: Sequence[Token], i: int) -> bool:
    """ "so"/"well" at ``i`` belongs to what follows ("So far", "so many", "well known",
    "so that we can …") rather than opening the sentence ("So that's the idea")."""
    after = _next_token(tokens, i)
    if after is None:
        return False
    low = after.text.lower()
    if low == "that":  # "So that's …" opens; "So that we can …" is a purpose clause (and
        return False  # with "So" trimmed, "That we can …" is judged as leaning back)
    if low in _NOT_AFTER_SO:
        return True
    if tokens[i].text.lower() == "so" and after.pos != "ADJ":
        return False  # "So let's …", "So given …", "So somehow …": an opener; "So big …" is not
    return _degree(tokens, i)


def shown_text(document_text: str, start_char: int, end_char: int, trimmed: bool) -> str:
    """The text of a kept span as shown: ``document_text[start_char:end_char]``, with its
    first letter upper-cased when an opener was trimmed (the words are the words said)."""
    text = document_text[start_char:end_char]
    if trimmed and text[:1].islower():
        text = text[:1].upper() + text[1:]
    return text


def chunk_group(sentences: Sequence[Sentence], index: int) -> tuple[int, int]:
    """Inclusive ``(first, last)`` positions in ``sentences`` of the spoken sentence that
    ``sentences[index]`` belongs to: itself when it was not cut, else the run of
    consecutive chunks that share its ``chunk_of``."""
    mark = sentences[index].chunk_of
    if mark is None:
        return index, index
    first = last = index
    while first > 0 and sentences[first - 1].chunk_of == mark:
        first -= 1
    while last + 1 < len(sentences) and sentences[last + 1].chunk_of == mark:
        last += 1
    return first, last


# ---- the checks ----------------------------------------------------------------------------------


def _word_indices(tokens: Sequence[Token]) -> list[int]:
    return [i for i, t in enumerate(tokens) if not t.is_punct and not t.text.isspace()]


def _next_token(tokens: Sequence[Token], i: int) -> Token | None:
    return tokens[i + 1] if i + 1 < len(tokens) else None


def _degree(tokens: Sequence[Token], i: int) -> bool:
    """ "so"/"well" at ``i`` modifies the next word ("so big", "well done", "so quickly that"),
    rather than opening the sentence ("So virtual worlds are …")."""
    after = _next_token(tokens, i)
    if after is None or after.pos not in ("ADJ", "ADV", "VERB"):
        return False
    beyond = _next_token(tokens, i + 1)
    return beyond is None or beyond.pos not in ("NOUN", "PROPN", "ADJ")


def _is_noise(sentence: Sentence, words: list[int], lows: Sequence[str]) -> bool:
    """Fillers, restarted words and cut-off words make up a quarter or more of it, or it is
    a microphone / channel check. ``lows``: the lower-cased ``words``."""
    tokens = sentence.tokens
    if len(words) < 40:
        noisy = 0
        previous = ""
        for low in lows:
            if low in _FILLERS or low == previous or (low.endswith("-") and len(low) <= 5):
                noisy += 1
            previous = low
        if noisy and noisy * 4 >= len(words):
            return True
    if len(words) > 15 or _SOUND_CHECK.search(sentence.text) is None:
        return False
    # a sound check says nothing else: at most one content word beyond its own vocabulary
    content = sum(1 for i in words if tokens[i].pos in ("NOUN", "PROPN", "VERB", "ADJ") and tokens[i].lemma.lower() not in _SOUND_WORDS)
    return content <= 1


def _is_filler(low: str) -> bool:
    """A filler word ("uh", "um", "Ehhh", "mmm"): ``low`` is lower-cased."""
    if low in _FILLERS:
        return True
    return low[:1] in _FILLER_INITIALS and _DRAWN_OUT_FILLER.match(low) is not None


def _content_words(kept: Sequence[Token], from_char: int) -> int:
    """Nouns, names and numbers (not stop words) from a character offset on."""
    return sum(1 for t in kept if t.start_char >= from_char and not t.is_stop and t.pos in ("NOUN", "PROPN", "NUM"))


def _restarts(kept: Sequence[Token]) -> int:
    """How many restarts: a word said twice in a row ("the the", "I I"), a cut-off word
    before a restart ("tho", "wh", "b but": a short word that is no word, followed by a
    word it begins), a word said again after a cut-off ("I th I think"), and fillers
    inside ("our um uh remote")."""
    fillers = {k for k, t in enumerate(kept) if t.pos != "NUM" and _is_filler(t.text.lower()) and not (k and kept[k - 1].like_num)}
    count = sum(1 for k in fillers if k > 0)  # "1,600 mm" is a unit, not a filler
    kept = [t for k, t in enumerate(kept) if k not in fillers]  # "what wh uh what": a restart
    for k, (a, b) in enumerate(zip(kept, kept[1:])):
        x = a.text
        if len(x) > 5:
            continue
        # a doubled capitalised word is a name ("Duran Duran", "Bora Bora"), a restart is not
        # capitalised twice ("The the"), except the pronoun ("I I")
        named = a.text[:1].isupper() and b.text[:1].isupper() and x != "I"
        x, y = x.lower(), b.text.lower()
        if x == y and x.isalpha() and not named and x not in ("that", "had", "very", "really", "so", "no", "bye", "ha"):
            count += 1
        elif len(x) <= 3 and len(y) > len(x) and y.startswith(x) and x.isalpha() and not a.is_stop and x not in _COMMON_PREFIX_WORDS:
            count += 1
        elif x.endswith("-"):
            count += 1
    return count



#: short words that begin longer words without being a restart ("a" "an", "in" "into")
_COMMON_PREFIX_WORDS = frozenset("a an i in on to at as or so no we he be by is it of do go up us me my the".split())


def _is_backchannel(lows: Sequence[str]) -> bool:
    """Only reactions, fillers and discourse words: fewer than two words of anything else."""
    if len(lows) >= 12:
        return False
    other = sum(1 for w in lows if w not in _REACTIONS and w not in _FILLERS and w not in _DISCOURSE)
    return other < 2


def _is_question(text: str, kept: Sequence[Token]) -> bool:
    """Ends in a question mark, or opens like one without it ("Is there …", "Do you …")."""
    stripped = text.rstrip(" \"')]\u201d")
    if stripped.endswith("?"):
        return True
    if len(kept) > 1 and kept[0].pos == "AUX" and kept[0].tag != "MD" and kept[1].pos in _AUX_QUESTION_NEXT and kept[1].text.lower() not in ("this", "that"):
        return kept[0].text.lower() not in ("'s", "'re", "'m")
    return False


def _leading_problem(sentence: Sentence, kept: Sequence[Token], first_index: int) -> str:
    """A word near the start that points to something said before, or a hanging connective."""
    first = kept[0]
    low = first.text.lower()
    nxt = kept[1] if len(kept) > 1 else None
    if low in _DANGLING:
        if low != "because" or not _has_later_clause(sentence.tokens[first_index:]):  # "Cuz …", "Which …"
            return DANGLING_CONNECTIVE
    if first.tag in ("WDT",) and nxt is not None and nxt.pos in ("AUX", "VERB"):
        return DANGLING_CONNECTIVE  # "Which means …"
    if low == "it" and not _expletive_it(sentence, kept):
        return LEADING_REFERENCE
    if low in _THIRD_PERSON and low != "it":
        return LEADING_REFERENCE
    if low in _DEMONSTRATIVES:
        if nxt is not None and nxt.pos in _NOUN_POS and nxt.lemma.lower() in _DEICTIC_NOUNS:
            return ""
        if low == "that" and first.tag in ("IN",) and nxt is not None:
            return DANGLING_CONNECTIVE  # "That is why …" read as a conjunction
        if low == "those" and nxt is not None and nxt.text.lower() in ("who", "that", "which", "whose", "of"):
            return ""
        return LEADING_REFERENCE
    if low in _POINTING or (low == "there" and first.tag != "EX"):
        return LEADING_REFERENCE
    if low == "the" and nxt is not None and nxt.text.lower() in _ANAPHORIC_ADJ:
        after = kept[2] if len(kept) > 2 else None
        if after is None or after.pos not in _NOUN_POS or after.text.lower() in _LIST_NOUNS:
            return LEADING_REFERENCE  # "The first was …", "The other is …", "The second thing …"
    if low in _SUBORDINATORS and first.pos == "SCONJ" and not _main_clause_after(sentence.tokens[first_index:]):
        return DANGLING_CONNECTIVE  # "If this means intuitive, if it means the way …"
    # a third-person pronoun before any noun that could be its antecedent ("In 1990, he …")
    for t in kept[:12]:
        if t.pos in _NOUN_POS:
            break
        if t.text.lower() in _THIRD_PERSON and t.text.lower() != "it" and t.tag in ("PRP", "PRP$"):
            return LEADING_REFERENCE
    return ""


def _is_foreign(kept: Sequence[Token]) -> bool:
    """Another language: a long enough sentence with almost no English function words."""
    words = [t for t in kept if t.text[:1].isalpha()]
    if len(words) < FOREIGN_MIN_WORDS:
        return False
    return sum(1 for t in words if t.is_stop) < FOREIGN_STOP_SHARE * len(words)


def _main_clause_after(span: Sequence[Token]) -> bool:
    """For a sentence opening with a subordinator ("If …", "When …"): some later stretch
    after a comma or dash that is not subordinate itself and has a verb (the main clause).
    A sentence with no such break is given the benefit of the doubt ("If you want X you
    have to Y")."""
    breaks = [k for k, t in enumerate(span) if t.text in (",", "\u2014", "-", ";", ":")]
    if not breaks:
        return True
    for start, end in zip(breaks, breaks[1:] + [len(span)]):
        stretch = [t for t in span[start + 1 : end] if not t.is_punct]
        if stretch and stretch[0].text.lower() not in _SUBORDINATORS and stretch[0].pos != "SCONJ":
            if any(t.pos in ("VERB", "AUX") for t in stretch):
                return True
    return False


def _has_later_clause(span: Sequence[Token]) -> bool:
    """For "Because X, Y": a comma followed later by a verb (a main clause after the reason);
    ``span``: the sentence's tokens from the connective on, punctuation included."""
    seen_comma = False
    for t in span[1:]:
        if t.text == ",":
            seen_comma = True
        elif seen_comma and t.pos in ("VERB", "AUX"):
            return True
    return False


def _expletive_it(sentence: Sentence, kept: Sequence[Token]) -> bool:
    """A leading "it" that refers to nothing: the parser's ``expl`` label, else "it" + a
    be-like verb with a clause complement later ("It is hard to …", "It turns out that …")."""
    if kept[0].dep == "expl":
        return True
    if len(kept) < 4:
        return False
    verb = kept[1]
    if verb.lemma.lower() not in _BE_LIKE and verb.text.lower() not in ("'s", "is", "was", "'ll", "will", "would", "can", "could", "might"):
        return False
    later = []
    for t in kept[2:8]:  # the complement comes soon ("It is hard to …", "It turns out that …")
        if t.text in (",", ";", ":", "\u2014"):
            break
        later.append(t.text.lower())
    return any(w in _EXPLETIVE_COMPLEMENT for w in later[1:])


def _is_cut_piece(sentence: Sentence, tokens: Sequence[Token], words: list[int], kept: Sequence[Token], cased: bool | None) -> bool:
    """A lower-case start in cased text, an end in the middle of a clause, or half of a
    quotation (the segmenter split quoted speech)."""
    first = tokens[words[0]]
    letter = first.text[:1]
    if letter.isalpha() and letter.islower():
        if cased is None:
            cased = any(tokens[i].text[:1].isupper() for i in words[1:])
        if cased:
            return True
    last = tokens[words[-1]]
    ending = sentence.text.rstrip()[-1:]
    if ending in (",", "-", "\u2014", ";", ":", "\u2026") or sentence.text.rstrip().endswith(".."):
        return True  # stops mid-clause, or trails off ("once they start burning...")
    if last.text.lower() in _NEEDS_MORE or last.tag == "TO":
        return True  # "… will design two and", "… given to the", "… might want to"
    return last.pos == "ADP" and ending not in (".", "!", "?", "\u2026")


def _inner_reference(kept: Sequence[Token]) -> bool:
    """A demonstrative determiner before a noun ("… those governments", "In this
    experiment …") with no noun before it in the sentence that it could refer to, other than
    the speaking situation ("this year", "this talk")."""
    for k, (a, b) in enumerate(zip(kept, kept[1:])):
        if a.pos in _NOUN_POS:
            return False  # a possible antecedent comes first
        low = a.text.lower()
        if k > 0 and low in ("this", "that", "these", "those") and a.tag == "DT" and b.pos in _NOUN_POS and b.lemma.lower() not in _DEICTIC_NOUNS:
            return True
    return False


__all__ = [
    "Assessment",
    "assess",
    "opener_length",
    "shown_text",
    "chunk_group",
    "HARD_PROBLEMS",
    "WEAK_PROBLEMS",
    "LEADING_REFERENCE",
    "DANGLING_CONNECTIVE",
    "QUESTION",
    "BACKCHANNEL",
    "NOISE",
    "CUT_PIECE",
    "CHUNK",
    "TOO_SHORT",
    "DEICTIC",
    "GARBLED",
    "FOREIGN",
    "INNER_REFERENCE",
    "FILLER",
    "DISFLUENT",
    "ANNOUNCEMENT",
    "HALF_QUOTE",
]
