"""Can a sentence be asked about on its own? The statement tests of the quiz.

A quiz item shows one sentence without the talk around it, so the sentence must carry its
whole meaning: it is a whole sentence (not a segmenter chunk cut at a comma or dash, not two
sentences run together), it opens with its own subject rather than a link to what came before
("Because …", "For example, …", "Suddenly, …"), it names what it talks about instead of
pointing back ("this visualization", "they", "the judge said"), and it is English prose rather
than spoken noise, a list of words or an aside.

:func:`statement_start` needs only the fast pass (parts of speech, tags, lemmas): it drops
a spoken opener and applies the shared tests of :mod:`pipeline.standalone` (leading
references, connectives, questions, back-channels, noise, cut pieces and ``max_words``
chunks, inner "this experiment" references, fillers), then the stricter ones a quiz needs;
:func:`clause_ok` also needs the dependency parse (run on the few candidates only).
"""

from __future__ import annotations

import re
from typing import Callable, Sequence

from ..standalone import assess
from ..types import Sentence, Token

#: sentence length bounds, in words: shorter has too little context, longer is a chore
MIN_WORDS = 6
MAX_WORDS = 45

#: first words that point back to something the reader of one sentence cannot see
_CONTEXT_STARTERS = frozenset(
    {
        "it", "it's", "its", "this", "that", "that's", "these", "those", "they", "they're",
        "them", "their", "he", "she", "he's", "she's", "his", "her", "him", "such", "there",
        "here", "which", "both", "another", "other", "others", "so", "but", "and", "or",
        "also", "then", "yes", "no", "yeah", "well", "oh", "okay", "ok", "right", "anyway",
        "however", "therefore", "thus", "besides", "meanwhile", "instead", "cuz", "cause", "coz",
        "um", "uh", "erm", "hmm", "anyways", "actually", "basically",
    }
)
#: openings that refer back to the talk so far ("On the other hand, …", "Back on the data thing, …",
#: "As I said, …")
_BACK_REFERENCE = re.compile(
    r"^(on the other hand|back (on|to)|as (i|we) (said|mentioned)|like (i|we) said|going back|"
    r"in (that|this) case|for (that|this) reason|at (that|this) point|because of (that|this))\b",
    re.IGNORECASE,
)
#: spoken-language noise that makes a poor question: fillers ("um"; not "mm", which is also
#: millimetres), a restarted word ("Tw - twelve hours", "did f from"; letters only, so a
#: score such as "1 - 1" is no restart), filler phrases ("I mean", "you know", "I guess",
#: "okay", a leading "Like,")
_DISFLUENCY = re.compile(
    r"\b(um+|uh+|erm+|hmm+)\b|\b([^\W\d_]{1,6}) ?- (?=\2)[^\W\d_]|(?-i:\b([b-hj-z]) (?=\3[a-z]))|\b(i mean|you know|i guess|sort of like|okay|yeah|yep)\b|^like,",
    re.IGNORECASE,
)
#: chit-chat and calls to action: a quiz question about these would be silly
_CHATTER = re.compile(
    r"\b(subscribe|like and share|hit the (like|bell)|click|link in the description|check out|"
    r"let me know|leave a comment|thank(s| you)|welcome (back )?to|good (morning|afternoon|evening)|"
    r"see you|sign up|don't forget|follow (us|me)|patreon|sponsor(ed)?|today'?s video|"
    r"in this video|hey (guys|everyone|folks)|hi (guys|everyone|folks))\b",
    re.IGNORECASE,
)
#: first-person and second-person words: a sentence full of them is talk, not content
_PERSONAL = frozenset({"i", "me", "my", "we", "us", "our", "you", "your", "i'm", "we're", "you're"})
#: the speaker as a person ("I", "my evil twin", "told me") or the listener addressed ("if you
#: look"): such a sentence tells a story, a joke or an aside of this speaker, not the talk's
#: content, and a teacher would not ask about it ("Professor Van Allen told me about _____").
#: "We" stays: in talks it is mostly the speaker's team reporting its work ("In 1981, we
#: published an article in Science …")
_ANECDOTE = frozenset({"i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll", "your", "yours", "yourself", "you're", "you've", "you'd", "you'll"})
#: a guess or a wish rather than a statement of the talk ("X's parents must have been very
#: proud", "it would have been …")
_SPECULATION = re.compile(r"\b(must|might|may|could|would|should)(n't| not)? have\b", re.IGNORECASE)
#: a contrast or sequence marker inside the sentence that points back to what came before
#: ("Ten years ago, however, …", "…, though.", "…, by contrast, …")
_INNER_LINK = re.compile(r",\s*(however|though|therefore|thus|then|instead|nevertheless|by contrast|in turn|in that case|as well)\s*[,.!]", re.IGNORECASE)

#: a whole sentence ends with one of these (after closing quotes or brackets)
_TERMINAL = frozenset(".!")
_CLOSERS = "\"'”’)]"
#: a sentence mark inside the text followed by a new capitalised word: two sentences
#: the segmenter ran together ("… won the World Cup. 1991, '92, we found …")
_INNER_STOP = re.compile(r"[.!?][\"'”’)]?\s+(?=[A-Z0-9\"“'‘])")
#: an interruption or aside: "On another subject — I was driving", "We did — well, we tried"
_DASH = re.compile(r"(?<!\d)\s(?:—|–|--|-)\s(?!\d)|—|–(?!\d)")
#: openers that lean on what was said before ("For example, …", "At the same time, …")
_LINK_OPENERS = re.compile(
    r"^(for (example|instance|sure)|in (fact|addition|other words|turn|particular|short|general)|"
    r"at the same time|for some reason|for (this|that|these|those) reasons?|at (the|this|that) (time|moment|point|stage)|for (the moment|now|the time being)|right now|"
    r"in the meantime|after (all|that|this)|"
    r"of course|even so|as (a result|well|such)|by the way|in the end|all (of )?(this|that)|"
    r"to (go back|come back|return|sum up|conclude)|not only|once again|once upon a time|"
    r"turns? out|the (next|last|first|second|other|same|following) (one|thing|area|step|point|example|question|problem|idea|reason|part)\b|"
    r"the (answer|reason|point|problem|question|result|idea|trick|key) is|"
    r"the (second|third|fourth|fifth|next|last|other|latter|former|same|final) \w+|all (two|three|four|five|six|of these|these)\b|"
    r"what (happened|happens|we|i|you|they)\b)",
    re.IGNORECASE,
)
#: first words that lean on what came before (adverbs of sequence or stance)
_LINK_WORDS = frozenset(
    {
        "because", "cause", "'cause", "since", "although", "though", "whereas", "unless", "if",
        "when", "while", "whether", "until", "once", "as", "now", "suddenly", "again", "still",
        "plus", "otherwise", "similarly", "likewise", "finally", "first", "firstly", "second",
        "secondly", "third", "next", "later", "ideally", "maybe", "perhaps", "hence",
        "consequently", "nevertheless", "nonetheless", "furthermore", "moreover", "additionally",
        "alternatively", "anyhow", "indeed", "just", "even", "only", "yet",
        "sure", "sometimes", "eventually", "luckily", "unfortunately", "fortunately",
        "obviously", "clearly", "apparently", "interestingly", "surprisingly", "ironically",
        "today", "tonight", "yesterday", "tomorrow", "remember", "imagine", "look", "see",
        "let", "let's", "please", "what", "who", "why", "how", "where", "whatever", "whoever",
        "definitely", "certainly", "probably", "honestly", "really", "absolutely", "totally",
        "presumably", "hopefully", "personally", "generally", "normally", "usually",
    }
)
#: pronouns that need an antecedent: resolved only by a noun earlier in the same sentence
_ANAPHORS = frozenset(
    {"he", "she", "him", "her", "his", "hers", "they", "them", "their", "theirs", "it", "its",
     "himself", "herself", "themselves", "itself", "one's"}
)
#: determiners and pronouns that point at something outside the sentence
_DEMONSTRATIVES = frozenset({"this", "these", "those", "that", "such"})
#: nouns that, after "the", point at a thing or person introduced earlier in the talk
#: ("the judge", "the guy", "the story"): the sentence tells the reader nothing on its own
_BACK_NOUNS = frozenset(
    {
        "guy", "guys", "man", "woman", "men", "women", "boy", "girl", "kid", "kids", "judge",
        "person", "people", "lady", "gentleman", "fellow", "story", "case", "picture", "image",
        "slide", "video", "photo", "chart", "graph", "visualization", "map", "poster", "example",
        "experiment", "study", "project", "book", "paper", "film", "movie", "thing", "things",
        "stuff", "one", "ones", "same", "former", "latter", "above", "following", "previous",
        "latter", "system", "device", "machine", "model", "number", "numbers", "data", "result",
        "results", "question", "answer", "problem", "idea", "point", "place", "room", "team",
        "group", "company", "patient", "child", "baby", "doctor", "author", "speaker", "audience",
        "city", "village", "town", "country", "house", "building", "car", "animal", "bird",
        "plant", "tree", "game", "show", "program", "programme", "talk", "meeting", "table",
        "left", "right", "top", "bottom", "middle", "end", "beginning", "family", "wife", "husband",
    }
)
#: words that give a sentence over to talk rather than content
_SPOKEN = re.compile(
    r"\b(gonna|wanna|gotta|kinda|sorta|dunno|lemme|y'all|ya know|i think|i don't know|i suppose|"
    r"i believe|i'm sure|i'm not sure|i would say|i'd say|let's see|you see|mmm+|hmm+|mhm|uh-huh|"
    r"whatever|stuff like that|and so on|and so forth|or something|or whatever|et cetera|etc|"
    r"(a )?certain kind of|some kind of|kind of a)\b|"
    # additive words that lean on what was said before ("Hany's home was also destroyed")
    r"\b(also|too|as well|again|either|anymore|instead|otherwise)\W*$|\b(also|again)\b",
    re.IGNORECASE,
)
#: a word cut off by the speaker or a letter standing alone ("n sort of", "hhh", "M - three - L")
_BROKEN_WORD = re.compile(r"(?<![\w'’.])(?![aAI]\b)[A-Za-z](?![\w'’.])|(?i:\b(\w)\1{2,}\b)")


def statement_start(sentence: Sentence) -> int | None:
    """Index (into ``sentence.tokens``) of the first token of the statement a quiz may show,
    after a spoken opener ("So,", "And", "Well,") is dropped (:func:`pipeline.standalone.assess`);
    ``None`` when the sentence cannot be a quiz statement."""
    assessment = assess(sentence)
    if not assessment.standalone or assessment.weak:
        return None  # a leading reference, a connective, a chunk, a filler, "this experiment" …
    first = assessment.first_token if assessment.trimmed else 0
    text = sentence.text[assessment.start_char - sentence.start_char :].strip()
    if assessment.trimmed:
        text = text[:1].upper() + text[1:]  # as shown: "So, the hall …" -> "The hall …"
    return first if statement_ok(text, sentence.tokens[first:]) else None


def statement_text(sentence: Sentence, first: int) -> str:
    """The statement shown for ``sentence`` from token ``first`` on (see
    :func:`statement_start`), its first letter upper-cased when an opener was dropped."""
    if not 0 < first < len(sentence.tokens):
        return sentence.text
    shown = sentence.text[sentence.tokens[first].start_char - sentence.start_char :]
    return shown[:1].upper() + shown[1:]


def statement_ok(text: str, tokens: Sequence[Token]) -> bool:
    """Is ``text`` (with its ``tokens``) a whole, self-contained English statement of quiz
    length (fast pass only)?"""
    words = [t for t in tokens if not t.is_punct and not t.text.isspace()]
    if not (MIN_WORDS <= len(words) <= MAX_WORDS) or not _whole(text):
        return False
    if text[:1].islower():
        return False  # the tail of a long sentence cut by the segmenter
    first = words[0]
    if first.text.lower() in _CONTEXT_STARTERS or first.text.lower() in _LINK_WORDS or first.pos in ("PRON", "SCONJ", "CCONJ", "INTJ"):
        return False
    if first.tag.startswith("VB") and first.tag != "VBN" or first.pos == "AUX":
        return False  # no subject: "Moved around a bunch", "Turns out that …", "Go to …"
    if first.pos == "NUM" and len(words) > 1 and words[1].pos in ("AUX", "VERB"):
        return False  # "One is …", "Two are …": an item of a list given before
    if _CHATTER.search(text) or _BACK_REFERENCE.search(text) or _DISFLUENCY.search(text):
        return False
    if _DASH.search(text) or _LINK_OPENERS.match(text) or _SPOKEN.search(text) or _BROKEN_WORD.search(text):
        return False
    if text.count('"') % 2 or text.count("“") != text.count("”") or text.count("(") != text.count(")"):
        return False  # half a quotation or an open bracket: cut from a longer passage
    if _repeats_a_word(words) or _opener_points_back(tokens) or _dislocated(tokens):
        return False
    if any(t.pos == "INTJ" for t in words):
        return False  # "semantic, like, highlight", "wow", "oh": spoken, not a statement
    if words[-1].pos in ("CCONJ", "DET", "ADP", "SCONJ"):
        return False  # cut off mid-clause: "… or different fruits, and"
    content = [t for t in words if not t.is_stop and (t.text.isalpha() or t.like_num)]
    if len(content) < 3 or len(content) / len(words) < 0.3:
        return False
    if sum(1 for t in words if t.text.lower() in _PERSONAL) / len(words) >= 0.15:
        return False  # talk about the speaker and the audience, not content
    if _anecdote(words) or _INNER_LINK.search(text) or _SPECULATION.search(text):
        return False
    if not english(words) or not any(t.tag in _FINITE for t in words):
        return False  # a foreign quotation, a list of words or a heading
    return not _unresolved(words)


def _anecdote(words: Sequence[Token]) -> bool:
    """The speaker as a person ("I", "me", "my") or the listener as the subject ("you can
    see", "if you look", "your brain"): see :data:`_ANECDOTE`. A generic object "you" ("gives
    you the general pattern") is not counted."""
    for i, t in enumerate(words):
        low = t.text.lower()
        if low in _ANECDOTE:
            return True
        if low == "you" and i + 1 < len(words) and words[i + 1].pos in ("VERB", "AUX"):
            return True
    return False


def _dislocated(tokens: Sequence[Token]) -> bool:
    """A short phrase without a verb, a comma, then a pronoun subject: spoken left
    dislocation ("The chip, we're going for …", "Material, we want to stick to titanium")."""
    for i, t in enumerate(tokens[:6]):
        if t.text == ",":
            before = [x for x in tokens[:i] if not x.is_punct]
            after = tokens[i + 1] if i + 1 < len(tokens) else None
            return (
                bool(before) and after is not None and after.pos == "PRON"
                and not any(x.pos in ("VERB", "AUX", "ADP", "SCONJ", "ADV") for x in before)
            )
    return False


def broken_word(text: str) -> bool:
    """A letter standing alone or a run of one letter ("n sort of", "f frame", "hhh")."""
    return _BROKEN_WORD.search(text) is not None


def _repeats_a_word(words: Sequence[Token]) -> bool:
    """A word said twice in a row, the second time in lower case ("that that we have",
    "Moreover, moreover it covers"), or begun and said again ("grammat grammar"): a spoken
    restart. Names that double ("Duran Duran", "The Late Late Show") keep their capitals and
    are not counted."""
    for a, b in zip(words, words[1:]):
        if len(b.text) >= 2 and b.text.isalpha() and b.text.islower() and a.text.lower() == b.text:
            return True
        if 3 <= len(a.text) < len(b.text) and a.text.isalpha() and a.text.islower() and b.text.startswith(a.text) and not a.is_stop:
            return True
    for i, a in enumerate(words):  # a verb said again a few words on: "looked at the dem the looked"
        if a.pos == "VERB" and any(b.pos == "VERB" and b.text.lower() == a.text.lower() for b in words[i + 1 : i + 7]):
            return True
    return False


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _whole(text: str) -> bool:
    """Ends as a sentence does and holds only one (a mark after an abbreviation such as
    "Dr." or "U.S." does not end a sentence)."""
    core = text.rstrip(_CLOSERS)
    if not core or core[-1] not in _TERMINAL or core.endswith(("..", "…")):
        return False
    for m in _INNER_STOP.finditer(core[:-1]):
        before = core[: m.start() + 1].split()
        last = before[-1] if before else ""
        if not (last[:1].isupper() and len(last.rstrip(".")) <= 3 or 2 <= last.count(".")):
            return False
    return True


def _opener_points_back(tokens: Sequence[Token]) -> bool:
    """A leading phrase before the first comma that refers to what came before ("With this
    experience, …", "On another subject, …", "In that year, …")."""
    for i, t in enumerate(tokens[:8]):
        if t.text == ",":
            return any(x.text.lower() in _DEMONSTRATIVES | {"another", "same", "then", "there", "here"} for x in tokens[:i])
    return False


def english(words: Sequence[Token]) -> bool:
    """(Words of a sentence, no punctuation.) English prose has function words; a German quotation or a word list has few."""
    stops = sum(1 for t in words if t.is_stop)
    if len(words) >= 6 and stops / len(words) < 0.2:
        return False
    letters = [c for t in words for c in t.text if c.isalpha()]
    return not letters or sum(1 for c in letters if c.isascii()) / len(letters) >= 0.97


def _unresolved(words: Sequence[Token]) -> bool:
    """A pronoun with no noun before it in the sentence, or a demonstrative ("this
    visualization", "these people", "that is why"), or "the judge" kinds of back-reference."""
    seen_noun = False
    for i, t in enumerate(words):
        low = t.text.lower()
        if low in _DEMONSTRATIVES and t.tag in ("DT", "PDT", "JJ"):
            return True  # "that" as a conjunction or relative pronoun is tagged IN or WDT
        if low in _ANAPHORS and not seen_noun:
            if low == "it" and i + 1 < len(words) and words[i + 1].lemma in ("be", "take", "seem") and _expletive(words, i):
                continue  # "it is hard to …", "it takes ten years to …"
            return True
        if low == "the" and i + 1 < len(words) and words[i + 1].text.lower() in _BACK_NOUNS and not _restricted(words, i + 1):
            if i + 2 >= len(words) or words[i + 2].pos not in ("NOUN", "PROPN"):
                return True  # "the judge said", but not "the meeting corpus"
        if t.pos in ("NOUN", "PROPN"):
            seen_noun = True
    return False


def _expletive(words: Sequence[Token], i: int) -> bool:
    """"it" opening an extraposed clause: a "to" or "that" follows within a few words."""
    return any(w.text.lower() in ("to", "that") for w in words[i + 2 : i + 7])


def _restricted(words: Sequence[Token], i: int) -> bool:
    """Is the noun at ``i`` defined right after it ("the guy who …", "the city of Paris",
    "the same as")? Then "the" does not point back."""
    nxt = words[i + 1].text.lower() if i + 1 < len(words) else ""
    return nxt in ("who", "that", "which", "of", "whose", "where", "called", "named", "as")


def clause_ok(sentence: Sentence) -> bool:
    """With the parse: the sentence's root is a verb with its own subject (not a subordinate
    clause, a noun phrase or a heading), and no pronoun subject points outside it."""
    toks = sentence.tokens
    if not sentence.parsed or not toks or toks[0].head < 0:
        return True  # nothing to check without a parse
    roots = [i for i, t in enumerate(toks) if t.head == i and not t.is_punct]
    if len(roots) != 1:
        return False  # two sentences in one
    root = toks[roots[0]]
    if root.pos not in ("VERB", "AUX"):
        return False
    if any(t.head == roots[0] and t.dep == "mark" for t in toks):
        return False  # the only verb is in a subordinate clause: "At 2.3 billion dollars before the first ball was bowled."
    subjects = [i for i, t in enumerate(toks) if t.head == roots[0] and t.dep in ("nsubj", "nsubjpass", "expl", "csubj", "csubjpass")]
    if not subjects:  # a name before the verb the parser did not take for the subject ("Iijima discovered …")
        subjects = [i for i, t in enumerate(toks[: roots[0]]) if t.head == roots[0] and t.dep in ("npadvmod", "nmod") and t.pos == "PROPN"]
    if not subjects:
        return False  # "Turns out that …", "Within ten years, a majority …" misparsed
    words = [t for t in toks if not t.is_punct]
    for i in subjects:
        low = toks[i].text.lower()
        expletive = low == "it" and (toks[i].dep == "expl" or _expletive(words, words.index(toks[i])) and _frame_after_it(words, words.index(toks[i])))
        if low in _SUBJECT_PRONOUNS and not expletive:
            return False  # "For the moment it's the TIMIT network", "Two years ago, she graduated"
    return True


_SUBJECT_PRONOUNS = frozenset({"he", "she", "it", "they"})


def _frame_after_it(words: Sequence[Token], i: int) -> bool:  # noqa: N802 - reads as a condition
    """"it" + a form of be, seem, take, turn, make or appear (perhaps after a modal): the frame
    of an extraposed clause ("it is hard to …", "it takes years to …"), not "it could mean …"."""
    for w in words[i + 1 : i + 3]:
        if w.tag == "MD" or w.lemma in ("not", "n't", "also", "still"):
            continue
        return w.lemma in ("be", "seem", "take", "turn", "make", "appear", "become")
    return False


def leans_on_subject(sentence: Sentence, is_term: Callable[[str], bool]) -> bool:
    """With the parse: is the subject of the main verb "the" + a bare common noun that is not
    one of the recording's terms (``is_term`` of its lemma)? "The rate has accelerated since
    …" (the rate of what?) points back to a thing named earlier; "The fly should learn …" in
    a talk about flies does not."""
    toks = sentence.tokens
    if not sentence.parsed or not toks or toks[0].head < 0:
        return False
    roots = [i for i, t in enumerate(toks) if t.head == i]
    for i, t in enumerate(toks):
        if t.dep not in ("nsubj", "nsubjpass") or t.head not in roots or t.pos != "NOUN":
            continue
        children = [c for c in toks if c.head == i and c is not t]
        if not any(c.dep == "det" and c.text.lower() == "the" for c in children):
            continue
        if any(c.dep in _DEFINING_DEPS for c in children):
            continue  # "the rate of warming", "the global rate", "the rate that …"
        return not is_term(t.lemma)
    return False


#: dependents that say which thing a "the" noun is
_DEFINING_DEPS = frozenset({"amod", "compound", "prep", "relcl", "acl", "nummod", "poss", "appos", "nmod"})
