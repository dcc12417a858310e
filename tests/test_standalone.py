"""pipeline.standalone: can a sentence be read on its own, and the opener trim (one-sentence cases)."""

from __future__ import annotations

import pytest

from pipeline.config import SegmentConfig
from pipeline.segment import Segmenter
from pipeline.standalone import (
    BACKCHANNEL,
    CHUNK,
    CUT_PIECE,
    DANGLING_CONNECTIVE,
    INNER_REFERENCE,
    LEADING_REFERENCE,
    NOISE,
    QUESTION,
    TOO_SHORT,
    assess,
    opener_length,
    shown_text,
)
from pipeline.types import Segment, Transcript


@pytest.fixture(scope="module")
def segmenter(spacy_model):
    return Segmenter(SegmentConfig(), spacy_model.nlp)


def _one(segmenter, text):
    doc = segmenter(Transcript(segments=(Segment(text),)))
    assert len(doc.sentences) == 1, [s.text for s in doc.sentences]
    return doc, doc.sentences[0]


# (sentence, the problem expected or "" for none, the text shown)
CASES = [
    # stands alone as it is
    ("The brain uses a fifth of the body's energy.", "", "The brain uses a fifth of the body's energy."),
    ("It is hard to believe how quickly the ice is melting.", "", None),  # expletive "it"
    ("This year, solar power became the cheapest energy source.", "", None),  # deictic "this year"
    ("So far nobody has solved the problem of dark matter.", "", None),  # "So far" is no opener
    ("Those who fail learn the most about their craft.", "", None),
    # a light trim makes it stand alone
    ("So, the brain uses a lot of energy every day.", "", "The brain uses a lot of energy every day."),
    ("And the ocean is warming faster than we thought.", "", "The ocean is warming faster than we thought."),
    ("Well, you know, climate change is a real problem for farmers.", "", "Climate change is a real problem for farmers."),
    ("Okay so we should discuss the remote control design today.", "", "We should discuss the remote control design today."),
    # leans on context
    ("His theory states that time is relative to the observer.", LEADING_REFERENCE, None),
    ("This is why we need better schools in every town.", LEADING_REFERENCE, None),
    ("The first was a disaster for everyone involved.", LEADING_REFERENCE, None),
    ("It was amazing and we loved every minute of the trip.", LEADING_REFERENCE, None),
    ("In 1990, he founded a company that builds robots.", LEADING_REFERENCE, None),
    ("Because they are cheap and easy to make at home.", DANGLING_CONNECTIVE, None),
    ("Which means the cost of solar power will keep falling.", DANGLING_CONNECTIVE, None),
    # questions, back-channels, noise, pieces
    ("But really, was this a game?", QUESTION, "Really, was this a game?"),
    ("Is there a way to predict earthquakes from space", QUESTION, None),
    ("Yeah, yeah, okay, right.", BACKCHANNEL, None),
    ("Testing, testing, one two three.", NOISE, None),
    ("Um so uh the the thing is uh we we.", NOISE, None),
    ("Those governments failed.", TOO_SHORT, None),
    ("the students were given to a high school and", CUT_PIECE, None),
]


@pytest.mark.parametrize("text,problem,shown", CASES)
def test_assess(segmenter, text, problem, shown):
    doc, sentence = _one(segmenter, text)
    a = assess(sentence)
    if problem:
        assert problem in a.problems, a
        assert not a.standalone
    else:
        assert a.standalone, a
    out = shown_text(doc.text, a.start_char, a.end_char, a.trimmed)
    if shown or not problem:
        assert out == (shown or text)
    # extractive: the shown words are the sentence's last words, in order
    assert sentence.text.lower().endswith(out.lower())
    assert a.trimmed == (out != text)


def test_inner_demonstrative_is_a_weak_problem(segmenter):
    _, sentence = _one(segmenter, "In this experiment we measured the heat of the engine.")
    a = assess(sentence)
    assert a.standalone and INNER_REFERENCE in a.weak


def test_half_a_quotation_is_a_weak_problem(segmenter):
    from pipeline.standalone import HALF_QUOTE

    _, sentence = _one(segmenter, 'You say, "Oh, before we start, I got this box of candy and I never eat candy.')
    assert HALF_QUOTE in assess(sentence).weak


def test_words_that_begin_the_next_are_no_restart(segmenter):
    from pipeline.standalone import DISFLUENT

    _, sentence = _one(segmenter, "Lawyers for former Worldcom chief executive Mr Ebbers asked in court.")
    assert DISFLUENT not in assess(sentence).weak
    _, sentence = _one(segmenter, "We want the the budget to stay the same next year.")
    assert DISFLUENT in assess(sentence).weak


def test_two_restarts_make_a_sentence_garbled(segmenter):
    from pipeline.standalone import GARBLED

    for text in ("We we want the the budget to stay the same next year.", "What wh uh what I was thinking is that the channels are numbered."):
        _, sentence = _one(segmenter, text)
        assert GARBLED in assess(sentence).problems, text
    _, sentence = _one(segmenter, "I th I think that we are going to have more data.")
    assert GARBLED not in assess(sentence).problems


@pytest.mark.parametrize(
    "text",
    [
        "The simplest heat engine of all time would be this \u2014 take a box with a piston.",
        "In 1858 India was here, China was here and the United States was richer over there.",
        "When the sun comes out, the engine will start and you get power right here.",
        "As you can see, the number of deaths rises every single year.",
        "The fruit fly on the left has two cells that express the pore.",
        "Now let's look at another part of the world, the Republics of Central Asia.",
        "Let's see what happens if we do two symmetries with the triangle.",
        "Very good, let's have a look at the remote control designs today.",
    ],
)
def test_pointing_at_what_the_audience_sees_is_deictic(segmenter, text):
    from pipeline.standalone import DEICTIC

    _, sentence = _one(segmenter, text)
    assert DEICTIC in assess(sentence).problems


@pytest.mark.parametrize(
    "text",
    [
        "There are new viruses every year, and the ones out there keep changing.",
        "The left wing of the party voted against the budget this year.",
        "Africa is here to stay as the fastest growing market in the world.",
        "Now is the time to look at how our cities use their water.",
    ],
)
def test_ordinary_here_and_there_are_not_deictic(segmenter, text):
    from pipeline.standalone import DEICTIC

    _, sentence = _one(segmenter, text)
    assert DEICTIC not in assess(sentence).problems


def test_a_sentence_in_another_language_is_foreign(segmenter):
    from pipeline.standalone import FOREIGN

    _, sentence = _one(segmenter, "Laut den Kunstprufer wird die Verfahrensweise rechtlich geschutzt welche die Kunst neue Wirkungen erzielt.")
    assert FOREIGN in assess(sentence).problems
    _, sentence = _one(segmenter, "Seventy five percent of users find most remote controls ugly.")
    assert FOREIGN not in assess(sentence).problems


@pytest.mark.parametrize(
    "text, shown",
    [
        ("Mr. Chair, we need to work with the provinces on national standards.", "We need to work"),
        ("Jay Walker: The average lottery buyer buys about 150 tickets a year.", "The average lottery"),
        ("So that's the idea behind the whole virtual world project.", "That's the idea"),
        ("So so by saying that, we mean the formal part of the construction.", "By saying that"),
        ("So now I have been able to tidy up the pictures I wanted.", "I have been able"),
        ("Now in India's case I believe there are six ideas behind its growth.", "In India's case"),
        ("So somehow we are not making the connection between farming and food.", "Somehow we are"),
        ("So let's start thinking about doing good business in every country.", "Let's start thinking"),
        ("Let's face it, the contract from a big brand has more value than the law.", "The contract from"),
        ("Finally, the sugar palm forest takes over and provides a permanent income.", "The sugar palm"),
        ("Now imagine trying to count every product on sale in a major economy.", "Imagine trying"),
        ("Then once you're on the ground, you fold up the wings and drive it home.", "Once you're on"),
    ],
)
def test_labels_vocatives_and_stacked_openers_are_trimmed(segmenter, text, shown):
    from pipeline.standalone import shown_text

    document, sentence = _one(segmenter, text)
    a = assess(sentence)
    assert a.trimmed
    assert shown_text(document.text, a.start_char, a.end_char, a.trimmed).startswith(shown)


@pytest.mark.parametrize(
    "text, problem",
    [
        ("The second thing is that the experience of creating is social.", "leading_reference"),
        ("If this means intuitive, if it means the way people are used to finding things.", "dangling_connective"),
        ("We might want to flag it for management, they might want to", "cut_piece"),
    ],
)
def test_list_references_clause_fragments_and_dangling_ends(segmenter, text, problem):
    _, sentence = _one(segmenter, text)
    assert problem in assess(sentence).problems


def test_a_doubled_name_is_no_restart(segmenter):
    from pipeline.standalone import DISFLUENT

    _, sentence = _one(segmenter, "Andy Taylor of Duran Duran flew to Bora Bora in 1961.")
    assert DISFLUENT not in assess(sentence).weak
    _, sentence = _one(segmenter, "I I think the plan works for the whole team.")
    assert DISFLUENT in assess(sentence).weak


def test_trim_never_leaves_too_little(segmenter):
    _, sentence = _one(segmenter, "And so, well, that works.")
    assert opener_length(sentence) == 0


def test_chunk_is_repairable(segmenter):
    long = " ".join(["the model reads the text and writes a summary for the user"] * 6) + "."
    doc = segmenter(Transcript(segments=(Segment("The Model reads text. " + long),)))
    chunk = next(s for s in doc.sentences if s.is_chunk)
    a = assess(chunk)
    assert CHUNK in a.problems


def test_without_trim_the_span_is_the_sentence(segmenter):
    _, sentence = _one(segmenter, "So, the brain uses a lot of energy every day.")
    a = assess(sentence, trim=False)
    assert (a.start_char, a.end_char, a.trimmed) == (sentence.start_char, sentence.end_char, False)


def test_a_leading_it_is_expletive_only_with_a_complement_soon_after_the_verb(segmenter):
    _, sentence = _one(segmenter, "It became the end of the seriousness of the play, and it started to become solemn.")
    assert LEADING_REFERENCE in assess(sentence).problems
    _, sentence = _one(segmenter, "It is hard to say how many people live in the city today.")
    assert LEADING_REFERENCE not in assess(sentence).problems


def test_a_title_inside_is_no_restart(segmenter):
    from pipeline.standalone import DISFLUENT, GARBLED

    _, sentence = _one(segmenter, "The culture of this country makes Americans want to bring Never Again to life.")
    a = assess(sentence)
    assert DISFLUENT not in a.weak and GARBLED not in a.problems
