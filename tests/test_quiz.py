"""QuizMaker, gaps, distractors and items (pipeline/quiz)."""

from __future__ import annotations

import dataclasses
import json
import warnings

import pytest

from pipeline.config import QuizConfig, SegmentConfig
from pipeline.errors import PipelineWarning
from pipeline.model import load_model
from pipeline.quiz import QuizMaker
from pipeline.quiz.distractors import Pool, is_variant, perturb_number
from pipeline.quiz.gaps import BLANK, contains_phrase, sentence_gaps
from pipeline.quiz.items import item_id
from pipeline.quiz.select import eligible
from pipeline.result import Keyword
from pipeline.segment import Segmenter
from pipeline.types import Document, Segment, Transcript

TALK = [
    ("The Apollo program was run by NASA between 1961 and 1972.", 0.0, 5.0),
    ("Neil Armstrong became the first person to walk on the Moon in July 1969.", 5.0, 10.0),
    ("It was a huge moment for everyone.", 10.0, 12.0),
    ("The Saturn V rocket stood 110 meters tall and burned 15 tonnes of fuel per second.", 12.0, 18.0),
    ("Buzz Aldrin joined Armstrong on the surface while Michael Collins orbited above.", 18.0, 24.0),
    ("Did you know that?", 24.0, 25.0),
    ("The Soviet Union launched Sputnik in 1957 and sent Yuri Gagarin into orbit in 1961.", 25.0, 31.0),
    ("Please subscribe and hit the bell to see more videos like this one.", 31.0, 35.0),
    ("Apollo 13 suffered an oxygen tank explosion in April 1970, but the crew returned safely.", 35.0, 41.0),
    ("The Apollo missions brought back 382 kilograms of lunar rock to laboratories in Houston.", 41.0, 47.0),
    ("Engineers at the Kennedy Space Center in Florida prepared each launch for months.", 47.0, 53.0),
    ("Gene Cernan was the last astronaut to leave the Moon in December 1972.", 53.0, 59.0),
]


@pytest.fixture(scope="module")
def segmenter() -> Segmenter:
    return Segmenter(SegmentConfig(), load_model("en_core_web_sm").nlp)


def make_doc(segmenter: Segmenter, lines=TALK) -> Document:
    return segmenter(Transcript(segments=tuple(Segment(t, a, b) for t, a, b in lines)))


def make_parsed(segmenter: Segmenter, lines=TALK) -> Document:
    """:func:`make_doc` with every sentence parsed (entities, noun chunks)."""
    doc = make_doc(segmenter, lines)
    return segmenter.parse(doc, range(len(doc.sentences)))


KEYWORDS = (
    Keyword(text="Apollo program", score=0.9, count=1, forms=("Apollo program",)),
    Keyword(text="Moon", score=0.8, count=3, forms=("Moon",)),
    Keyword(text="lunar rock", score=0.5, count=1, forms=("lunar rock",)),
)


def run(segmenter: Segmenter, config: QuizConfig, lines=TALK, keywords=KEYWORDS):
    maker = QuizMaker(config)
    doc = make_doc(segmenter, lines)
    wanted = maker.wanted(doc, (), keywords)
    doc = segmenter.parse(doc, wanted)
    return maker(doc, (), keywords), doc, wanted


def test_items_are_well_formed(segmenter):
    items, doc, wanted = run(segmenter, QuizConfig(questions=6, types=("cloze",)))
    assert 3 <= len(items) <= 6
    assert len(wanted) <= 6 * 6
    assert [i.sentence for i in items] == sorted(i.sentence for i in items)
    for item in items:
        source = doc.sentences[item.sentence]
        assert item.type == "cloze"
        assert item.question.count(BLANK) == 1
        assert item.question.replace(BLANK, item.answer) == source.text
        assert not contains_phrase(item.question, item.answer)
        assert item.options.count(item.answer) == 1 and len(set(item.options)) == 4
        assert not any(is_variant(o, item.answer) for o in item.options if o != item.answer)
        assert item.explanation == source.text and item.start == source.start
        assert item.id == item_id("cloze", item.sentence, item.answer, item.question)
        assert item.id.startswith("q-") and len(item.id) == 14


def test_skips_sentences_that_need_context(segmenter):
    items, doc, _ = run(segmenter, QuizConfig(questions=12))
    used = {doc.sentences[i.sentence].text for i in items}
    assert not any(t.startswith(("It ", "Did you", "Please")) for t in used)


def test_spread_over_the_transcript(segmenter):
    items, doc, _ = run(segmenter, QuizConfig(questions=3, types=("cloze",)))
    assert len(items) == 3
    times = [i.start for i in items]
    assert times[0] < 20 and times[-1] > 35


def test_types_alternate_and_true_false_shape(segmenter):
    items, doc, _ = run(segmenter, QuizConfig(questions=6))
    # types alternate, but an item whose answer has no fact of the recording to swap in
    # stays a cloze and the true/false turn passes on: never two true/false items in a row
    types = [i.type for i in items]
    assert types[0] == "cloze" and "true_false" in types
    assert all(not (a == b == "true_false") for a, b in zip(types, types[1:]))
    for item in items:
        if item.type != "true_false":
            continue
        assert item.options == ("True", "False")
        source = doc.sentences[item.sentence].text
        assert (item.answer == "True") == (item.question == source)


def test_deterministic_and_json_ready(segmenter):
    first, _, _ = run(segmenter, QuizConfig(questions=5))
    second, _, _ = run(segmenter, QuizConfig(questions=5))
    assert first == second
    json.dumps([dataclasses.asdict(i) for i in first])


def test_distractors_same_kind(segmenter):
    items, doc, _ = run(segmenter, QuizConfig(questions=8, types=("cloze",)))
    full = segmenter.parse(doc, range(len(doc.sentences)))
    pool = Pool(full, KEYWORDS)
    same = sum(pool.kind_of(o) == pool.kind_of(i.answer) for i in items for o in i.options if o != i.answer)
    assert same / (3 * len(items)) >= 0.6


def test_empty_and_uninformative_input_warns(segmenter):
    maker = QuizMaker(QuizConfig())
    empty = Document(text="", sentences=())
    assert maker.wanted(empty, (), ()) == ()
    with pytest.warns(PipelineWarning, match="too short"):
        assert maker(empty, (), ()) == ()
    with pytest.warns(PipelineWarning):
        items, _, _ = run(segmenter, QuizConfig(), lines=[("Yeah, thanks.", 0.0, 1.0), ("It is what it is.", 1.0, 2.0)], keywords=())
    assert items == ()


def test_zero_questions_is_silent(segmenter):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        items, _, wanted = run(segmenter, QuizConfig(questions=0))
    assert items == () and wanted == ()


def test_does_not_mutate_document(segmenter):
    maker = QuizMaker(QuizConfig())
    doc = make_parsed(segmenter)
    before = doc
    maker(doc, (), KEYWORDS)
    assert doc == before


def test_is_variant():
    assert is_variant("DeepSeek", "DeepSeq")
    assert is_variant("the Denver Broncos", "Denver Broncos")
    assert is_variant("Broncos", "Denver Broncos")
    assert is_variant("rockets", "rocket")
    assert not is_variant("1995", "1996")
    assert not is_variant("$5 million", "$6 million")
    assert not is_variant("Neil Armstrong", "Michael Collins")


def test_perturb_number_keeps_format():
    years = perturb_number("1969", seed=1)
    assert years and all(len(y) == 4 and y.isdigit() and y != "1969" for y in years)
    assert all(v.startswith("$") and v.endswith(" million") for v in perturb_number("$5 million", seed=2))
    assert all("," in v for v in perturb_number("12,500", seed=3))
    assert perturb_number("eight", seed=4) and all(v.isalpha() for v in perturb_number("eight", seed=4))
    assert perturb_number("Moon", seed=5) == []


def test_gaps_never_stop_words_and_cover_whole_tokens(segmenter):
    doc = make_parsed(segmenter)
    for sentence in doc.sentences:
        for gap in sentence_gaps(sentence, doc.text, KEYWORDS):
            inner = sentence.tokens[gap.start : gap.end]
            assert not all(t.is_stop or t.pos == "PRON" for t in inner)
            assert gap.start_char == inner[0].start_char and gap.end_char == inner[-1].end_char


def test_eligibility(segmenter):
    doc = make_doc(segmenter)
    flags = {s.text: eligible(s) for s in doc.sentences}
    assert flags[TALK[0][0]] and not flags[TALK[2][0]] and not flags[TALK[5][0]] and not flags[TALK[7][0]]


def test_gap_model_ships_as_json():
    from pipeline.paths import resource_path
    from pipeline.quiz.gaps import MODEL_FILE

    data = json.loads(resource_path(*MODEL_FILE).read_text(encoding="utf-8"))
    assert isinstance(data["intercept"], float) and len(data["weights"]) > 20
    assert all(isinstance(w, float) for w in data["weights"].values())


def test_gaps_prefer_facts_and_never_cut_names(segmenter):
    from pipeline.quiz.gaps import candidate_spans

    doc = make_parsed(segmenter)
    sentence = doc.sentences[1]  # Neil Armstrong ... in July 1969.
    spans = candidate_spans(sentence, doc.text, KEYWORDS)
    texts = {doc.text[sentence.tokens[a].start_char : sentence.tokens[b - 1].end_char] for a, b in spans}
    assert "Neil Armstrong" in texts and "Armstrong" not in texts and "Neil" not in texts
    gaps = sentence_gaps(sentence, doc.text, KEYWORDS)
    assert gaps == sorted(gaps, key=lambda g: (-g.score, g.start, g.end))
    assert gaps[0].kind in ("PERSON", "DATE")  # a name or a date, not "person" or "Moon"


def test_leading_adjectives_give_a_core_candidate(segmenter):
    from pipeline.quiz.gaps import candidate_spans

    line = "The old bridge was built by the famous engineer Robert Stephenson in 1850."
    doc = make_parsed(segmenter, [(line, 0.0, 5.0)])
    sentence = doc.sentences[0]
    found = {doc.text[sentence.tokens[a].start_char : sentence.tokens[b - 1].end_char]: sources
             for (a, b), (_kind, sources) in candidate_spans(sentence, doc.text, ()).items()}
    assert "core" in found["bridge"] and "chunk" in found["old bridge"]
    assert "entity" in found["Robert Stephenson"] and "entity" in found["1850"]
    assert not any(text.lower().startswith("the ") for text in found)


def test_number_answers_get_number_distractors(segmenter):
    items, _doc, _ = run(segmenter, QuizConfig(questions=12, types=("cloze",)))
    from pipeline.quiz.distractors import _has_number

    numeric = [i for i in items if _has_number(i.answer)]
    assert numeric
    for item in numeric:
        assert all(_has_number(o) for o in item.options)


def test_short_texts_keep_only_sure_gaps_long_ones_fill_up(segmenter):
    from pipeline.quiz import maker as quiz_maker

    short = TALK[:4]
    items, _doc, _ = run(segmenter, QuizConfig(questions=5, types=("cloze",)), lines=short)
    assert all(len(i.options) == 4 for i in items)
    # a short text: every item's gap is above the floor, at most one item per sentence
    assert len({i.sentence for i in items}) == len(items)
    assert quiz_maker.FILL_GAP_SCORE < quiz_maker.MIN_GAP_SCORE
    # a long text (many candidate sentences per question) fills every question
    long_items, _doc, _ = run(segmenter, QuizConfig(questions=2, types=("cloze",)))
    assert len(long_items) == 2


def test_number_distractors_keep_form_and_unit():
    from pipeline.quiz.distractors import _compatible, _is_year
    from pipeline.quiz.gaps import Gap

    def gap(text, kind):
        return Gap(0, 0, 1, 0, len(text), text, kind, "", 0.0, "entity")

    assert not is_variant("eleven thousand bees", "ten thousand bees")
    assert _is_year("nineteen ninety two") and _is_year("1992") and not _is_year("last twenty years")
    year = gap("nineteen ninety two", "DATE")
    assert _compatible("two thousand and six", year) and not _compatible("last twenty years", year)
    degrees = gap("35 degrees", "QUANTITY")
    assert _compatible("40 degrees", degrees) and not _compatible("five nest boxes", degrees)
    assert not _compatible("almost no natural cavities", gap("about thirty five degrees", "QUANTITY"))


def test_gap_features_describe_role_list_brackets_and_place(segmenter):
    """The structural features of the gap model: kind in its role, the word before, list
    membership, brackets, sentence end and the governing verb."""
    from pipeline.quiz.gaps import candidate_spans, gap_features

    line = "The bridge, known as Ironbridge (built of cast iron), was opened in 1781 by Abraham Darby, Thomas Pritchard and John Wilkinson."
    doc = make_parsed(segmenter, [(line, 0.0, 5.0)])
    sentence = doc.sentences[0]
    feats = {}
    for (a, b), (kind, sources) in candidate_spans(sentence, doc.text, ()).items():
        text = doc.text[sentence.tokens[a].start_char : sentence.tokens[b - 1].end_char]
        feats[text] = gap_features(sentence, a, b, text, kind, sources, 1, None)
    assert feats["1781"]["kd_DATE_pobj"] == 1.0 and feats["1781"]["prev_in"] == 1.0
    assert feats["1781"]["verb_before"] == 1.0 and "at_end" not in feats["1781"]
    assert feats["Ironbridge"]["prev_as"] == 1.0
    assert feats["cast iron"]["in_brackets"] == 1.0 and "in_brackets" not in feats["1781"]
    assert feats["John Wilkinson"]["at_end"] == 1.0 and feats["John Wilkinson"]["list_member"] == 1.0
    assert "list_member" not in feats["1781"]


def test_a_recording_gets_one_item_in_each_stretch(sample_result, podcast_result):
    """The quiz covers the recording: with 5 questions, items from at least four of its
    fifths (by time for the captions, by sentence position for the plain-text podcast); a
    fifth with no statement worth asking about is passed over."""
    talk = sample_result
    end = max(s.end for s in talk.sentences if s.end is not None)
    fifths = sorted(min(4, int(5 * item.start / end)) for item in talk.quiz)
    assert len(talk.quiz) == 5 and len(set(fifths)) >= 4
    # a stretch without a statement worth asking about is passed over (the podcast's middle
    # fifths are mostly questions, ranges, back-references and the hosts' own stories, and its
    # nouns seldom have three wrong options that are terms of the recording), and another
    # stretch gives its second item instead
    n = len(podcast_result.sentences)
    positions = sorted(min(4, int(5 * item.sentence / n)) for item in podcast_result.quiz)
    assert len(podcast_result.quiz) >= 3 and len(set(positions)) >= 2


def test_noun_distractors_agree_in_number_with_the_answer(segmenter):
    lines = [
        ("Busy scouts inspect dark cavities, and the colonies follow loud dancers to a new site.", 0.0, 5.0),
        ("Researchers found wild colonies that survive the mite without any treatment.", 5.0, 10.0),
        ("The swarm left the hive, and a beekeeper watched the cluster from the garden.", 10.0, 15.0),
        ("Bees need warm muscles, and each forager carries pollen back to the nest.", 15.0, 20.0),
    ]
    doc = make_parsed(segmenter, lines)
    sentence = doc.sentences[1]
    gap = next(g for g in sentence_gaps(sentence, doc.text, ()) if g.text == "wild colonies" or g.text == "colonies")
    pool = Pool(doc, ())
    question = sentence.text.replace(gap.text, BLANK)
    chosen = pool.choose(gap, question, sentence, seed=1)
    assert len(chosen) == 3
    plural = {p.text.lower(): p.plural for entries in pool.entries.values() for p in entries}
    # plural phrases of the answer's shape exist, so they come before "new site", "hive", "garden"
    assert all(plural[c.lower()] for c in chosen), chosen


def test_ordinals_are_perturbed_with_the_right_suffix():
    from pipeline.quiz.distractors import _has_number, ordinal_suffix

    assert [ordinal_suffix(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111)] == [
        "st", "nd", "rd", "th", "th", "th", "th", "st", "nd", "rd", "st", "th"]
    for answer in ("21st century", "the 3rd day", "17th century"):
        out = perturb_number(answer, seed=7)
        assert len(out) >= 3 and answer not in out
        for text in out:
            number = int("".join(c for c in text if c.isdigit()))
            assert number >= 1 and text.split()[-1] == answer.split()[-1]
            assert f"{number}{ordinal_suffix(number)}" in text
            assert not is_variant(text, answer)
    loaves = perturb_number("the fifth loaf", seed=7)
    assert len(loaves) >= 3 and all(t.startswith("the ") and t.endswith(" loaf") for t in loaves)
    assert not any(is_variant(t, "the fifth loaf") for t in loaves)
    assert perturb_number("The Fifth Amendment", seed=1)[0].split()[1][0].isupper()
    assert _has_number("the fifth loaf") and not _has_number("tonnes per second")


def test_false_statement_opening_with_a_distractor_is_capitalised(segmenter):
    from pipeline.quiz.gaps import Gap
    from pipeline.quiz.items import true_false

    sentence = make_doc(segmenter, [("Far-field microphones pick up the whole room.", 0.0, 3.0)]).sentences[0]
    answers = set()
    for k in range(12):  # true or false comes from a hash of the question: try a few
        gap = Gap(0, 0, 1, 0, 9, "Far-field", "NP", "", 0.0, "chunk")
        item = true_false(sentence, gap, f"{BLANK} microphones pick up the whole room {k}.", "close-talking")
        answers.add(item.answer)
        assert item.question[0].isupper(), item.question
    assert answers == {"True", "False"}


def test_a_verb_tagged_as_plural_noun_is_no_answer_or_distractor(segmenter):
    """"A healthy starter doubles in volume": the tagger reads "doubles" as a plural noun, so
    "healthy starter doubles" comes out as a noun chunk; it is neither a gap nor a distractor."""
    from pipeline.quiz.gaps import candidate_spans

    lines = [
        ("A healthy starter doubles in volume within four to eight hours after a feed.", 0.0, 4.0),
        ("The bakers keep their starter in a clean jar on the kitchen counter.", 4.0, 8.0),
    ]
    doc = make_parsed(segmenter, lines)
    sentence = doc.sentences[0]
    texts = {doc.text[sentence.tokens[a].start_char : sentence.tokens[b - 1].end_char] for a, b in candidate_spans(sentence, doc.text, ())}
    assert not any(t.endswith("doubles") for t in texts), texts
    pool = {p.text for entries in Pool(doc, ()).entries.values() for p in entries}
    assert "clean jar" in pool and not any(t.endswith("doubles") for t in pool), pool


def test_names_used_with_the_keep_it_in_a_distractor(segmenter):
    """"Europe and _____" with the distractor "United States" must read "the United States",
    or a false statement gives itself away by its grammar."""
    from pipeline.quiz.distractors import PoolEntry, _with_article

    lines = [
        ("Honeybee colonies in Europe and North America have suffered heavy losses.", 0.0, 4.0),
        ("Beekeepers in the United States lost a third of their hives last winter.", 4.0, 8.0),
        ("Farmers in the United States rent hives to pollinate almond trees.", 8.0, 12.0),
        ("The mite arrived in Britain and in Japan many years ago.", 12.0, 16.0),
    ]
    doc = make_parsed(segmenter, lines)
    pool = Pool(doc, ())
    takes_the = {e.text: e.takes_the for entries in pool.entries.values() for e in entries}
    assert takes_the["United States"] and not takes_the["Britain"]
    entry = next(e for entries in pool.entries.values() for e in entries if e.text == "United States")
    assert _with_article("United States", entry, "Colonies in Europe and _____ suffered.") == "the United States"
    assert _with_article("United States", entry, "Colonies in the _____ suffered.") == "United States"
    assert _with_article("United States", entry, "_____ lost hives.") == "The United States"
    assert _with_article("United States", entry, "Its _____ lost hives.") == "United States"
    assert _with_article("Britain", PoolEntry("Britain", "GPE", "", 1, 0, ("britain",), False, False), "Europe and _____.") == "Britain"


def test_perturbed_counts_stay_plural():
    for seed in range(20):
        for text in perturb_number("three months to September", seed) + perturb_number("2 weeks", seed):
            assert not text.startswith(("one ", "1 ", "zero ", "0 ")), text


def test_a_misread_verb_key_phrase_is_no_gap_or_distractor(segmenter):
    from pipeline.quiz.gaps import candidate_spans

    lines = [
        ("A scout who found a mediocre site dances only a few circuits and then stops.", 0.0, 4.0),
        ("The scouts inspect every cavity before the swarm flies to its new home.", 4.0, 8.0),
    ]
    doc = make_parsed(segmenter, lines)
    key_phrase = Keyword(text="site dances", score=0.9, count=2, forms=("site dances",))
    sentence = doc.sentences[0]
    texts = {doc.text[sentence.tokens[a].start_char : sentence.tokens[b - 1].end_char] for a, b in candidate_spans(sentence, doc.text, (key_phrase,))}
    assert "site dances" not in texts and "mediocre site dances" not in texts
    assert key_phrase not in Pool(doc, (key_phrase,)).keywords


@pytest.mark.parametrize(
    ("line", "ok"),
    [
        # spoken noise: fillers, restarted or doubled words, filler phrases
        ("Tw - twelve hours of work went into labelling the meeting recordings.", False),
        ("Um, the far-field microphones were placed on the table in the room.", False),
        ("Moreover, moreover it covers all the end goals of the remote control.", False),
        ("Might be closer I guess if we did a soft target training on the features.", False),
        # a spoken opener is dropped from what is shown: "The jog wheel replaces …"
        ("Like, the jog wheel replaces the four buttons on the old remote control.", True),
        ("The price of the remote control is twenty five euros, okay.", False),
        # back-references, unmarked questions, sentences cut off mid-clause
        ("On the other hand, the headsets recorded each speaker very clearly.", False),
        ("Cuz the transcribers in Boston will need the timing files next month.", False),
        ("Is there a cheaper way to build the remote control for the market.", False),
        ("Even we can provide many different colours or different fruits, and", False),
        # look-alikes that are fine
        ("The meeting corpus holds seventy hours of speech from four research groups.", True),
        ("Like the Lombardi Trophy, the medal was designed by Tiffany in New York.", True),
        ("The rails use a 1,600 mm broad gauge across the whole state of Victoria.", True),
        ("The derby at the new stadium ended 1 - 1 after a late goal by the visitors.", True),
        ("Andy Taylor, former lead guitarist of Duran Duran, was born here in 1961.", True),
        ("The remote control costs twenty five euros to build in the factory.", True),
    ],
)
def test_eligibility_of_spoken_sentences(segmenter, line, ok):
    sentences = make_doc(segmenter, [(line, 0.0, 3.0)]).sentences
    assert len(sentences) == 1 and eligible(sentences[0]) is ok
