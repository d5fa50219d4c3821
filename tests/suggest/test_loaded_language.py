"""Loaded words (`suggest/loaded_language.py`, `authoring/loaded.py`): which words are drafted, in whose voice, with
which rating and reason."""

from __future__ import annotations

import re

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from suggest_helpers import BEFORE_THE_STORY, BLANK, found, labelled_things, labellers, quotes

from medialit import Article
from medialit.authoring import suggest as sg
from medialit.authoring.confidence import DEFAULT_MIN_CONFIDENCE
from medialit.authoring.drafts import draft_why
from medialit.authoring.lexicons import load_lexicon, quality_nouns
from medialit.authoring.loaded import QUOTATION_DISCOUNT


def test_loaded_voice_follows_quotation_marks():
    text = "The furious mayor spoke. ‘This is an absolutely ridiculous plan,’ she said."
    loaded = quotes(text, "loaded")
    assert loaded["furious"].attrs["voice"] == "reporter"
    assert loaded["absolutely ridiculous"].attrs["voice"] == "quoted"
    assert "ridiculous" not in loaded  # the longer phrase wins
    assert "in our list" in loaded["furious"].reason


def test_a_loaded_metaphor_is_explained_as_a_picture_whatever_it_pictures():
    """The metaphors in our list picture battles, storms, crashes and circuses: a reason that spoke of
    war alone was wrong for "soared" and "fiasco"."""
    text = "Shop rents soared again. The new bus timetable was a fiasco. Critics launched an onslaught."
    loaded = quotes(text, "loaded")
    for word in ("soared", "fiasco", "onslaught"):
        assert "dramatic picture" in loaded[word].reason
        assert "war" not in loaded[word].reason


def test_vader_words_carry_their_rating_and_news_words_are_left_out():
    text = "The horrendous plan was announced after the attack killed two people."
    every = {s.quote: s for s in sg.suggest(Article.from_text(text), spacy.blank("en"), min_confidence=0)}
    assert re.search(r"VADER -\d\.\d", every["horrendous"].reason)
    assert every["horrendous"].confidence < DEFAULT_MIN_CONFIDENCE  # one lexicon alone: shown only on request
    assert "horrendous" not in quotes(text, "loaded")
    assert "attack" not in every and "killed" not in every


def test_false_friends_of_politics_are_not_loaded():
    text = (
        "President-elect Jo Smith spoke to the Republican base. The court said the ban was illegal, "
        "and the party will elect a new leader."
    )
    assert not quotes(text, "loaded")


def test_headline_case_is_read_like_body_text():
    text = "Minister Caves To Pressure After Furious Row\n\nThe minister changed his plan on Monday."
    loaded = quotes(text, "loaded")
    assert "Caves" in loaded and "Furious" in loaded
    # in body text a capital inside a sentence is a name
    assert "Hope" not in quotes("The charity Hope said it would help.", "loaded")


def test_degree_adverbs_join_the_loaded_word_and_intensifiers_take_the_word_they_raise():
    loaded = quotes("It was a deeply shameful episode and an utterly pointless vote.", "loaded")
    assert "deeply shameful" in loaded and "raised by 'deeply'" in loaded["deeply shameful"].reason
    assert "utterly pointless" in loaded or "utterly" not in {s.quote for s in found("x", "loaded")}


def test_a_listed_word_in_scare_quotes_keeps_its_marks():
    loaded = quotes("The mayor called the new lane a “disgraceful” waste of money on Monday.", "loaded")
    assert "“disgraceful”" in loaded


def test_listed_adjectives_match_their_comparative_and_superlative():
    from medialit.authoring.lexicons import degree_forms

    assert [degree_forms(a) for a in ("harsh", "grim", "angry", "fierce")] == [
        ["harsher", "harshest"],
        ["grimmer", "grimmest"],
        ["angrier", "angriest"],
        ["fiercer", "fiercest"],
    ]
    loaded = quotes("It was the bleakest week for the council and the harshest words in years.", "loaded")
    assert {"bleakest", "harshest"} <= set(loaded)


def test_framing_labels_and_milder_feelings_are_drafted_only_below_the_default_confidence():
    text = "Critics call it a death tax. Residents were angry about Obamacare, and the illegals debate went on."
    article = Article.from_text(text)
    shown = {s.quote: s for s in sg.suggest(article, spacy.blank("en"), labels=["loaded"])}
    every = {s.quote: s for s in sg.suggest(article, spacy.blank("en"), labels=["loaded"], min_confidence=0)}
    assert not {"death tax", "angry", "Obamacare", "illegals"} & set(shown)
    assert {"death tax", "angry", "Obamacare", "illegals"} <= set(every)
    assert "slanted name one side gives" in every["Obamacare"].reason
    assert every["death tax"].attrs["neutral"].startswith("estate tax")


def test_a_verb_of_saying_that_names_a_feeling_is_drafted_and_one_that_only_takes_a_side_is_not():
    text = (
        "The mayor complained that the buses were late. The mayor claimed that the buses were late. "
        "The mayor argued that the buses were late."
    )
    drafted = quotes(text, "loaded")
    assert drafted["complained"].confidence >= DEFAULT_MIN_CONFIDENCE
    assert "VADER rates it -1.7" in drafted["complained"].reason and "names a feeling" in drafted["complained"].reason
    assert "claimed" not in drafted and "argued" not in drafted  # side-taking only; "argue" gives reasons in news
    article = Article.from_text(text)
    everything = {s.quote: s for s in sg.suggest(article, spacy.blank("en"), labels=["loaded"], min_confidence=0)}
    assert everything["claimed"].confidence < DEFAULT_MIN_CONFIDENCE
    assert "VADER" not in everything["claimed"].reason


def test_a_verb_of_saying_takes_the_rating_of_its_listed_form_when_the_lexicon_lacks_its_own():
    lex = load_lexicon()
    assert "lamented" not in lex.vader_moderate and "lament" in lex.vader_moderate
    drafted = quotes("The coach lamented the lost season on the radio.", "loaded")
    assert "VADER rates it -2.0" in drafted["lamented"].reason


def test_the_noun_of_a_listed_adjectives_quality_is_loaded_too():
    lex = load_lexicon()
    assert quality_nouns("reckless") == ["recklessness"]
    assert quality_nouns("shady") == ["shadiness"]
    assert quality_nouns("arrogant") == ["arrogantness", "arrogance", "arrogancy"]  # forms English lacks never match
    assert quality_nouns("monstrous") == ["monstrousness", "monstrosity"]
    text = (
        "The recklessness of the plan worried the board. Its arrogance was plain. "
        "Critics mocked the brutality of the raids and the cynicism of the advert."
    )
    drafted = quotes(text, "loaded")
    for noun, adjective in (
        ("recklessness", "reckless"),
        ("arrogance", "arrogant"),
        ("brutality", "brutal"),
        ("cynicism", "cynical"),
    ):
        assert lex.loaded[noun].phrase == adjective
        assert drafted[noun].reason.startswith("in our list")
        assert "neutral" not in drafted[noun].attrs  # the adjective's plainer word is no noun
    assert lex.loaded["bitterness"].kind == "feeling"  # a listed word keeps its own entry


def test_verbs_that_belittle_and_adjectives_that_grade_are_drafted_with_their_quality_nouns():
    text = (
        "The councillor belittled the survey and called its methods sloppy. "
        "Residents were tired of the pettiness of a vindictive feud over parking."
    )
    drafted = quotes(text, "loaded")
    assert drafted["belittled"].attrs.get("neutral") == "criticise"
    assert "attacks or sneers" in drafted["belittled"].reason
    for word in ("sloppy", "pettiness", "vindictive"):
        assert drafted[word].confidence >= DEFAULT_MIN_CONFIDENCE
        assert "grades what it describes" in drafted[word].reason


def test_a_loaded_word_inside_a_whole_quotation_is_rated_lower_than_in_the_writers_words():
    text = (
        "The minister announced a massive rise in fees on Monday. "
        "“This is a massive rise and families will pay for it,” one parent said at the school gates."
    )
    every = [
        s
        for s in sg.suggest(Article.from_text(text), spacy.blank("en"), labels=["loaded"], min_confidence=0)
        if s.quote == "massive"
    ]
    writer, speaker = sorted(every, key=lambda s: s.start)
    assert writer.attrs["voice"] == "reporter" and speaker.attrs["voice"] == "quoted"
    assert speaker.confidence == pytest.approx(writer.confidence - QUOTATION_DISCOUNT)
    assert "the speaker's word, not the writer's" in speaker.reason
    assert [s.start for s in found(text, "loaded") if s.quote == "massive"] == [writer.start]  # below the default cut


def test_a_few_loaded_words_the_writer_chose_to_quote_keep_their_rating():
    text = "The mayor called the new lane a “disgraceful” waste of money on Monday. It was a disgraceful waste."
    loaded = [s for s in found(text, "loaded") if "disgraceful" in s.quote]
    assert len(loaded) == 2 and loaded[0].confidence == loaded[1].confidence
    assert "chose to quote" in loaded[0].reason


def test_new_kinds_of_loaded_words_are_drafted():
    text = (
        "The senator lit into the scandal-plagued agency and dismissively waved off its report. "
        "Bad blood between the two camps turned the hearing into a sideshow. "
        "Critics called the rule a cockamamie, xenophobic scheme, and the governor clung to it."
    )
    loaded = quotes(text, "loaded")
    for phrase in (
        "lit into",
        "scandal-plagued",
        "dismissively",
        "waved off",
        "Bad blood",
        "sideshow",
        "cockamamie",
        "xenophobic",
        "scheme",
        "clung to",
    ):
        assert phrase in loaded, phrase
        assert loaded[phrase].attrs["voice"] == "reporter"


def test_a_quarrel_told_as_a_storm_or_a_fight_is_loaded_and_prices_that_rose_are_not():
    text = (
        "After a stormy hearing, the row over the new bypass dragged on for another year.\n\n"
        "Bus fares rose by 3 per cent, and the ticket office stayed open three days in a row."
    )
    loaded = quotes(text, "loaded")
    assert {"stormy", "row over", "dragged on"} <= set(loaded)
    assert loaded["row over"].attrs["neutral"] == "dispute over"
    every = {s.quote for s in sg.suggest(Article.from_text(text), spacy.blank("en"), min_confidence=0)}
    assert "rose" not in every and "row" not in every  # a rise in fares, and days in a row, are plain news
    wisdom = "Ministers promised common sense rules for landlords."
    framing = {s.quote: s for s in sg.suggest(Article.from_text(wisdom), spacy.blank("en"), min_confidence=0)}
    assert framing["common sense"].confidence < DEFAULT_MIN_CONFIDENCE  # a framing label: drafted only on request


def test_a_service_pictured_as_worn_out_is_loaded_in_the_reporters_words():
    text = (
        "The overstretched fire service is at breaking point after a summer of wildfires.\n\n"
        "The stretch of road near the school will be repaired in the autumn."
    )
    loaded = quotes(text, "loaded")
    assert loaded["overstretched"].attrs["voice"] == "reporter"
    assert loaded["at breaking point"].attrs["neutral"] == "under strain"
    assert not [q for q in loaded if "stretch" in q and q != "overstretched"]


@given(
    st.sampled_from(["in shock", "in a shock", "after a shock", "in another shock"]),
    st.sampled_from(["cost-cutting move", "U-turn", "decision", "vote"]),
    st.booleans(),
)
@settings(max_examples=40, deadline=None)
def test_shock_before_a_noun_is_loaded_and_a_shock_that_someone_feels_is_not(before, noun, headline):
    """'Town library to close in shock cost-cutting move' drafted nothing: 'shock' before a noun is the news
    writer's word that tells the reader how to feel about the news, in a headline or in a sentence; 'She was in
    shock', 'the shock of it', 'shock and anger' name what someone felt, which is plain."""
    opening = "Town Library To Close Two Days A Week" if headline else "The library will close two days a week"
    text = f"{opening} {before} {noun}\n\nReaders were in shock. The shock of it was felt by all.\n"
    loaded = quotes(text, "loaded", BLANK)
    assert loaded["shock"].start == text.index(f"{before} {noun}") + len(before) - len("shock")
    assert loaded["shock"].attrs["technique"] == "emotional"
    assert not [s for s in loaded.values() if s.start > text.index("\n\n")]


@given(
    labellers,
    st.sampled_from(["branded", "labelled", "brands"]),
    labelled_things,
    st.sampled_from(["disgrace", "joke", "insult", "farce", "shambles"]),
    st.sampled_from([".", ", and called for a vote.", ", saying it had gone too far."]),
)
@settings(max_examples=60, deadline=None)
def test_the_noun_a_verb_of_labelling_puts_on_something_is_loaded_in_the_reporters_voice(who, verb, thing, noun, after):
    """'Campaigners branded the plan a disgrace' drafted 'disgrace' as nothing: the one noun a verb of labelling puts
    on what it labels is a judging word, loaded whether or not our list holds it. It stands outside quotation marks,
    so its voice is the reporter's, as the book defines voice, though it passes on the labellers' judgement."""
    article = "an" if noun[0] in "aeiou" else "a"
    text = f"{BEFORE_THE_STORY}{who} {verb} {thing} {article} {noun}{after}\n"
    loaded = quotes(text, "loaded", BLANK)
    assert loaded[noun].attrs["voice"] == "reporter"
    assert "is in the reporter's words" in draft_why(loaded[noun], {})


@pytest.mark.parametrize(
    "text",
    [
        "Volunteers labelled the boxes a second time.\n",  # 'a second time': no label, a time
        "Campaigners branded the plan a waste of money.\n",  # the label is more than one noun
    ],
)
def test_only_a_one_noun_label_that_ends_the_clause_is_drafted_as_the_labellers_loaded_word(text):
    assert not {"second", "time", "money"} & set(quotes(text, "loaded", BLANK))


def test_criticised_is_not_loaded():
    """'criticised' is the plain word that loaded verbs of attack are measured against."""
    assert not quotes(f"{BEFORE_THE_STORY}Residents criticised the plan for the delay.\n", "loaded", BLANK)
