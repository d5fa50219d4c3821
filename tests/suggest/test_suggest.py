"""Draft suggestions: the rules whose tests have no file of their own yet."""

from __future__ import annotations

import re

import pytest
import spacy
import textstat
from hypothesis import given, settings
from hypothesis import strategies as st
from suggest_helpers import (
    BEFORE_THE_STORY,
    BLANK,
    _source_of,
    criticised_forms,
    found,
    group_words,
    jobs,
    labelled_things,
    labellers,
    names,
    quotes,
    scare_marks,
)

from medialit import Article
from medialit.authoring import suggest as sg
from medialit.authoring.confidence import DEFAULT_MIN_CONFIDENCE
from medialit.authoring.drafts import draft_hints, draft_why, source_name
from medialit.authoring.lexicons import load_lexicon, quality_nouns
from medialit.authoring.loaded import QUOTATION_DISCOUNT
from medialit.authoring.suggest.draft import balanced_quotes
from medialit.authoring.suggest.suggestion import CONFIDENCE
from medialit.authoring.suggest.word_lists import ACCUSATION_WORDS, LABELLING_VERBS, NOUNS_IN_LY


def test_speaker_and_reported_claim_with_reasons():
    text = "Council leader Jo Smith said the plan would cut traffic by half."
    sources = quotes(text, "source")
    assert "Council leader Jo Smith" in sources
    assert sources["Council leader Jo Smith"].attrs == {"identity": "named", "role": "official"}
    assert "said" in sources["Council leader Jo Smith"].reason
    claims = quotes(text, "claim")
    assert "the plan would cut traffic by half" in claims
    claim = claims["the plan would cut traffic by half"]
    assert claim.source == (sources["Council leader Jo Smith"].start, sources["Council leader Jo Smith"].end)
    assert claim.attrs["voice"] == "reporter" and claim.attrs["kind"] == "prediction"


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


def test_cues_hedges_and_scare_quotes():
    text = "Officials insisted the ‘accident’ may have been planned, and critics reportedly agreed."
    cues = quotes(text, "cue")
    assert cues["insisted"].attrs == {"type": "doubting"}
    assert cues["may"].attrs == {"type": "hedge"}
    assert cues["reportedly"].attrs == {"type": "hedge"}
    assert cues["‘accident’"].attrs == {"type": "scare-quotes"}


def test_adjective_alleged_and_names_are_not_speech():
    text = "The alleged strike hit the United States embassy in the morning."
    assert not found(text, "claim")
    assert "States" not in quotes(text, "cue")


def test_quoted_sentences_become_quoted_claims_with_their_speaker():
    text = "‘We will close the road on Monday for the whole week,’ Sam Okafor said."
    claims = quotes(text, "claim")
    claim = next(iter(claims.values()))
    assert claim.quote.startswith("‘We will close the road")
    assert claim.attrs["voice"] == "quoted"
    speaker = quotes(text, "source")["Sam Okafor"]
    assert claim.source == (speaker.start, speaker.end)


def test_sentence_with_a_figure_is_a_claim():
    claims = quotes("Around 40 drones were fired at the city overnight.", "claim")
    assert "a figure ('40')" in claims["Around 40 drones were fired at the city overnight"].reason


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


def test_a_short_quoted_sentence_with_its_speaker_is_a_quotation_not_scare_quotes():
    text = "“That is a deal-breaker,” Schumer told reporters on Monday."
    cues = quotes(text, "cue")
    assert not any(c.attrs.get("type") == "scare-quotes" for c in cues.values())


def test_claims_keep_quotation_marks_only_in_pairs():
    text = "Officials said “the road will close on Monday and stay shut for a whole week."
    for claim in found(text, "claim"):
        assert balanced_quotes(claim.quote), claim.quote


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


def _about_adding(text: str) -> list[sg.Suggestion]:
    """Every draft that treats 'added' or 'adds' as a verb of saying: the cue, or a source or claim beside it."""
    return [s for s in found(text, nlp=BLANK) if s.quote in {"added", "adds"} or re.search("'add(ed|s)'", s.reason)]


def test_added_reports_speech_after_a_quotation_before_that_a_colon_or_a_clause():
    for text in (
        "“We will review it,” she added.",
        "The council said it would act. It added that fares would rise in May.",
        "The mayor added: “Nobody will lose their seat.”",
        "“We were never asked,” added Sam Okafor, who runs the café.",
        "The firm adds, however, that no jobs are at risk.",
        "He added it was too soon to say who had paid for the works.",
    ):
        cues = quotes(text, "cue", BLANK)
        cue = cues.get("added") or cues.get("adds")
        assert cue is not None and cue.attrs == {"type": "neutral"}, text


def test_added_with_an_object_is_no_cue_and_has_no_speaker_or_claim():
    for text in (
        "The new rule added £40 to the average bill.",
        "The council added two buses to the route.",
        "Heavy rain adds to the pressure on the flood team.",
        "The landlord added a clause about pets to every lease.",
    ):
        assert not _about_adding(text), text


amounts = st.builds(
    lambda n, unit: f"{n:,} {unit}", st.integers(1, 10**7), st.sampled_from(["pounds", "buses", "jobs"])
)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["The rule", "Ms Okafor", "The council", "It"]), st.sampled_from(["added", "adds"]), amounts)
def test_added_before_an_amount_is_never_a_verb_of_saying(subject, verb, amount):
    assert not _about_adding(f"{subject} {verb} {amount} to the total this year.")


def test_a_quotation_that_finishes_a_reported_clause_stays_in_its_claim():
    text = (
        "The head teacher said the old hall had become “a danger to every child who walks past it”.\n\n"
        "A parent said the repairs were “years late and far too small”, but the school disagreed.\n\n"
        "She added that “nobody on the board has been inside the building in a decade”."
    )
    claims = quotes(text, "claim")
    assert "the old hall had become “a danger to every child who walks past it”" in claims
    assert not [q for q in claims if q.endswith(" had become") or q.startswith("“a danger")]
    assert claims["the old hall had become “a danger to every child who walks past it”"].attrs["voice"] == "quoted"
    assert "the repairs were “years late and far too small”" in claims  # the writer's words after the comma stay out
    assert "“nobody on the board has been inside the building in a decade”" in claims  # 'added that “…”' introduces it


def test_who_was_told_is_neither_in_the_claim_nor_the_speaker():
    text = (
        "The landlord, Ray Duffy, told the Westbrook Courier that the pub would reopen by Christmas.\n\n"
        "A fire officer told reporters the blaze had started in the kitchen.\n\n"
        "Ray Duffy told them the insurance would cover most of the damage."
    )
    claims = quotes(text, "claim")
    assert "the pub would reopen by Christmas" in claims
    assert "the blaze had started in the kitchen" in claims
    assert "the insurance would cover most of the damage" in claims
    assert not [q for q in claims if "Courier" in q or "reporters" in q or q.startswith("them")]
    speaker = next(s for s in found(text, "source") if s.line == 1)
    assert "Ray Duffy" in speaker.quote and "Courier" not in speaker.quote
    assert claims["the pub would reopen by Christmas"].source == (speaker.start, speaker.end)  # not the paper


def test_what_follows_according_to_is_the_source_and_the_claim_is_the_rest_of_the_sentence():
    text = (
        "According to figures released by the health board, waiting times doubled over the winter.\n\n"
        "Waiting times doubled over the winter, according to figures released by the health board.\n\n"
        "According to Dr Amy Lund, the new ward will open in April."
    )
    claims = quotes(text, "claim")
    assert set(claims) == {
        "waiting times doubled over the winter",
        "Waiting times doubled over the winter",
        "the new ward will open in April",
    }
    figures = next(s for s in found(text, "source") if s.quote == "figures released by the health board")
    assert figures.attrs["identity"] == "anonymous" and "according to" in figures.reason.lower()
    assert claims["waiting times doubled over the winter"].source == (figures.start, figures.end)
    assert claims["Waiting times doubled over the winter"].source is not None
    doctor = next(s for s in found(text, "source") if "Amy Lund" in s.quote)
    assert claims["the new ward will open in April"].source == (doctor.start, doctor.end)


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


def test_a_short_quoted_sentence_after_a_full_stop_is_a_quotation_with_straight_marks_too():
    text = '"The lift has been broken since May," she said. "Nobody ever fixes it."'
    claims = quotes(text, "claim")
    assert "Nobody ever fixes it" in claims and claims["Nobody ever fixes it"].attrs["voice"] == "quoted"
    assert not [c for c in found(text, "cue") if c.attrs["type"] == "scare-quotes"]


def test_what_it_is_understood_passes_on_is_a_claim_from_a_hidden_source():
    text = (
        "It is understood that the head teacher was asked to step down before the summer.\n\n"
        "The cuts are believed to have been drawn up by the finance office."
    )
    assert _source_of(text, "the head teacher was asked to step down before the summer") == "It is understood"
    drawn = next(c for c in found(text, "claim") if "drawn up by the finance office" in c.quote)
    assert text[drawn.source[0] : drawn.source[1]] == "are believed to"


def test_a_hyphen_inside_a_word_does_not_end_a_reported_claim():
    text = "The council said it would cut non-urgent repairs to the town hall this year."
    assert "it would cut non-urgent repairs to the town hall this year" in quotes(text, "claim")


def test_a_verb_of_saying_inside_a_hyphenated_word_is_no_cue():
    text = "Her oft-said words about the old pier were read out at the meeting by the mayor."
    assert not [s for s in found(text) if s.label in ("cue", "claim")]


def test_a_plain_verb_of_saying_used_as_a_noun_is_no_cue_and_no_draft_calls_it_a_hedge():
    text = (
        "Fears are growing that the ferry will stop running next year.\n\n"
        "Their hopes of a new bridge faded after the vote.\n\n"
        "The reported delay angered commuters.\n\n"
        "The council hopes the new bridge will open in spring.\n\n"
        "Flooding was reported in the lower town on Sunday.\n\n"
        "The mayor blamed the alleged leak on a contractor."
    )
    cues = [s for s in found(text) if s.label == "cue"]
    assert [c.start for c in cues if c.quote.lower() in ("fears", "hopes", "reported")] == [
        text.index("hopes the new bridge"),
        text.index("reported in"),
    ]
    reasons = {c.quote: c.reason for c in cues}
    assert reasons["hopes"] == "attribution verb in our list (neutral): 'hopes'"
    assert reasons["reported"] == "word for saying in our list (neutral), perhaps not as a verb here: 'reported'"
    assert reasons["alleged"] == "word for saying in our list (doubting), perhaps not as a verb here: 'alleged'"
    assert not any("hedge" in c.reason for c in cues)


def test_a_service_pictured_as_worn_out_is_loaded_in_the_reporters_words():
    text = (
        "The overstretched fire service is at breaking point after a summer of wildfires.\n\n"
        "The stretch of road near the school will be repaired in the autumn."
    )
    loaded = quotes(text, "loaded")
    assert loaded["overstretched"].attrs["voice"] == "reporter"
    assert loaded["at breaking point"].attrs["neutral"] == "under strain"
    assert not [q for q in loaded if "stretch" in q and q != "overstretched"]


agentless_verbs = st.sampled_from(["is thought to", "are believed to", "was understood to", "are expected to"])


subjects = st.one_of(names, st.builds("the {}".format, jobs), st.sampled_from(["two men", "the hackers", "some staff"]))


@settings(max_examples=25, deadline=None)
@given(subjects, agentless_verbs, st.sampled_from(["", "In March, ", "We know little, but "]))
def test_what_an_agentless_verb_passes_on_keeps_its_subject(subject, verb, before):
    claim = f"{subject if before else subject[0].upper() + subject[1:]} {verb} have closed the old depot on Mill Lane"
    assert _source_of(f"{before}{claim}.", claim) == verb


def test_a_relative_word_is_no_subject_and_an_aside_before_the_verb_is_part_of_it():
    text = (
        "The saboteurs – who were understood to have been sent by the gang – were caught.\n\n"
        "The union's leader, Kevin Boyd, is expected to speak at a rally in Oban."
    )
    claims = quotes(text, "claim")
    assert "have been sent by the gang" in claims
    speech = claims["The union's leader, Kevin Boyd, is expected to speak at a rally in Oban"]
    assert speech.attrs["kind"] == "prediction" and text[speech.source[0] : speech.source[1]] == "is expected to"


no_comment = st.sampled_from(["declined to comment", "refused to comment", "could not be reached for comment"])


@settings(max_examples=25, deadline=None)
@given(
    st.one_of(names, st.builds("The {}".format, jobs), st.just("A spokesman for Acme Ltd")),
    no_comment,
    st.sampled_from([".", " on the plans.", " when asked whether the pool would close next year."]),
)
def test_who_declined_to_comment_is_a_source_that_said_nothing_and_no_claim(who, phrase, after):
    text = f"{who} {phrase}{after}"
    drafts = found(text)
    sources = [s for s in drafts if s.label == "source"]
    assert len(sources) == 1 and sources[0].said_nothing and sources[0].quote in who
    assert "said nothing" in sources[0].reason and "said nothing" in draft_why(sources[0], {})
    assert not any("come from" in hint for hint in draft_hints(sources[0]))
    assert not [s for s in drafts if s.label == "claim" or s.quote == "could"]


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(
        ["diocese", "academy", "landlord", "brewery", "operator", "town's oldest pub", "tenants of the estate"]
    ),
    st.sampled_from(["", ", which owns the land,", ", asked on Monday,"]),
    no_comment,
    st.sampled_from(["The ", "Asked about the plans, the ", "The talks collapsed and the "]),
)
def test_any_noun_phrase_before_declined_to_comment_is_who_said_nothing(who, aside, phrase, before):
    text = f"{before}{who}{aside} {phrase}."
    sources, who = quotes(text, "source", BLANK), f"{before.split()[-1]} {who}"  # with its 'the'
    assert list(sources) == [who] and sources[who].said_nothing and sources[who].attrs["identity"] == "anonymous"
    assert not found(text, "claim", BLANK)
    assert not quotes(f"They {phrase}.", "source", BLANK)  # a pronoun stands for someone named before


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["Two", "Three", "All 12", "Two of the five"]),
    st.sampled_from(["hotels", "councillors", "bus firms", "local landlords"]),
    no_comment,
    st.sampled_from([".", " on the plans."]),
)
def test_a_figure_in_who_said_nothing_drafts_no_claim(count, who, phrase, after):
    assert not found(f"{count} {who} {phrase}{after}", "claim", BLANK)


def test_a_figure_in_an_aside_or_after_no_comment_still_drafts_a_claim():
    for text in (
        "The firm, which lost £3m last year, declined to comment.",
        "The council declined to comment on the 40 job cuts.",
    ):
        assert [s.label for s in found(text, "claim", BLANK)] == ["claim"], text


def test_a_source_that_speaks_is_not_one_that_said_nothing():
    text = "The council declined to comment, but a spokesman for Acme Ltd said the talks had failed."
    sources = quotes(text, "source")
    assert sources["The council"].said_nothing and not sources["a spokesman for Acme Ltd"].said_nothing
    assert "comes from them" in draft_why(sources["a spokesman for Acme Ltd"], {})
    assert _source_of(text, "the talks had failed") == "a spokesman for Acme Ltd"


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["warned", "warns", "warn"]),
    st.sampled_from(["the council", "parents on Monday", "the Harbourside Gazette", "them"]),
)
def test_who_was_warned_is_left_out_of_what_they_were_warned(verb, listener):
    text = f"The doctors {verb} {listener} that the old pool would have to close."
    assert _source_of(text, "the old pool would have to close") == "The doctors"


@settings(max_examples=25, deadline=None)
@given(
    names,
    st.sampled_from(["but ", "and ", "while ", ""]),
    st.sampled_from(["the council", "its owners", "the club's new chairman", "Ms Shah"]),
    st.sampled_from(["said", "says", "claimed", "insisted"]),
)
def test_a_claim_stops_where_another_speaker_says_something_else(name, joined, other, verb):
    text = f"{name} said the stadium would be sold within a year, {joined}{other} {verb} no deal had been agreed."
    claims = quotes(text, "claim", BLANK)
    assert "the stadium would be sold within a year" in claims and "no deal had been agreed" in claims


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["the village's only primary school", "the old swimming pool", "Ashby Fold Primary", "a bank"]),
    st.sampled_from(["the council", "police", "its owners"]),
    st.sampled_from(["says", "said", "say"]),
    st.sampled_from(["is too small to survive", "will have to close next year", "it cannot afford to repair"]),
)
def test_what_a_speaker_says_in_a_relative_clause_is_about_what_which_stands_for(thing, speaker, verb, said):
    text = f"Parents have promised to fight to save {thing}, which {speaker} {verb} {said}."
    claims = quotes(text, "claim", BLANK)
    assert f"{thing}, which {speaker} {verb} {said}" in claims and said not in claims
    opening = f"{thing[0].upper()}{thing[1:]}, which {speaker} {verb} {said}"
    assert opening in quotes(f"{opening}, will shut in the spring.", "claim", BLANK)


def test_the_same_speaker_going_on_after_a_comma_stays_in_the_claim():
    text = "Jo Lee said the pool would close in May, but could not say when the new one would open."
    assert "the pool would close in May, but could not say when the new one would open" in quotes(text, "claim")


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["accused", "accuses", "blamed", "blames"]), names)
def test_what_an_accusing_verb_reports_is_an_accusation(verb, name):
    link = "of letting" if verb.startswith("accus") else "for letting"
    text = f"{name} {verb} the board {link} the old library fall into a sorry state."
    claim = next(c for c in found(text, "claim", BLANK) if "library" in c.quote)
    assert claim.attrs["kind"] == "accusation"


@settings(max_examples=40, deadline=None)
@given(
    names,
    st.sampled_from(["but ", "and ", "while ", ""]),
    st.sampled_from(["the council", "the harbour master", "its owners", "Ms Shah"]),
    no_comment,
)
def test_a_claim_stops_where_someone_else_declines_to_comment(name, joined, other, phrase):
    text = f"{name} said the pool would close within a year, {joined}{other} {phrase} on the plans."
    claims = quotes(text, "claim", BLANK)
    assert "the pool would close within a year" in claims, claims
    assert not [c for c in claims if phrase in c]


def test_a_claim_after_a_time_that_says_nothing_does_not_run_on_past_who_declined_to_comment():
    text = "The next day said little about the ferry, and the harbour master declined to comment on the pier."
    assert not [c for c in quotes(text, "claim", BLANK) if "harbour master" in c]


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["the old swimming pool", "Ashby Fold Primary", "the pier"]),
    st.sampled_from(["the council", "its owner", "Ms Shah"]),
    st.sampled_from(["claims", "fears"]),
    st.sampled_from(["is too old to repair", "will have to close next year", "was never safe for children"]),
)
def test_a_noun_of_saying_after_the_subject_of_a_relative_clause_is_its_verb(thing, speaker, verb, said):
    text = f"Parents want to save {thing}, which {speaker} {verb} {said}."
    claim = quotes(text, "claim", BLANK)[f"{thing}, which {speaker} {verb} {said}"]
    assert text[claim.source[0] : claim.source[1]] == speaker


@st.composite
def no_comment_words(draw) -> str:
    """Any phrase that our no-comment list matches: one of the choices for each word, an optional word or not."""
    words = []
    for word in draw(st.sampled_from(load_lexicon().no_comment)):
        if not (word.endswith("?") and draw(st.booleans())):
            words.append(draw(st.sampled_from(word.rstrip("?").split("|"))))
    return " ".join(words)


@settings(max_examples=60, deadline=None)
@given(names, st.sampled_from([", ", ", but ", ", and ", " but ", " and "]), no_comment_words())
def test_a_claim_stops_where_its_own_speaker_gives_no_comment(name, joined, phrase):
    text = f"{name} said the pool would close within a year{joined}{phrase} on the plans."
    claims = quotes(text, "claim", BLANK)
    assert list(claims) == ["the pool would close within a year"], claims


@pytest.mark.parametrize(
    "text",
    [
        "The council asked residents to stay away from the pool.",
        "Asked about the fares, Jo Lee said they would rise next year.",
        "A driver, who asked not to be named, said the depot would close.",
        "“The pool is shut.” Asked when it would open, the mayor said nothing.",
        "Jo Lee asked whether the pool would open before the summer holidays.",
        "“I would rather not think about it,” Jo Lee said when asked about the pool.",
        "The trader saw “a lot of waste” but was asked by the council to keep quiet.",
    ],
)
def test_asked_that_frames_no_quotation_is_no_verb_of_saying(text):
    assert "asked" not in {s.quote.lower() for s in found(text, "cue", BLANK)}
    assert not [s for s in found(text, nlp=BLANK) if "'asked'" in s.reason.lower()]


def test_who_was_asked_is_no_claim_but_the_question_has_its_speaker():
    text = "“Where will the children swim now?” Jo Lee asked the mayor at the packed meeting on Monday."
    assert not quotes(text, "claim", BLANK)
    assert list(quotes(text, "source", BLANK)) == ["Jo Lee"]


@given(st.sampled_from(sorted(load_lexicon().sources)), st.sampled_from(["", " of the village", " at the depot"]))
@settings(max_examples=60, deadline=None)
def test_a_job_or_group_word_that_opened_its_sentence_loses_its_capital_after_according_to(word, rest):
    """Drafted whys said 'According to Critics' and 'According to Police': the capital was the sentence's, not a
    name's. A name that starts with such a word keeps it ('Police Scotland')."""
    quote = word.capitalize() + rest
    source = sg.Suggestion("source", 0, len(quote), quote, 4, {"identity": "anonymous"})
    claim = sg.Suggestion("claim", 40, 60, "the road would stay open", 4, {"voice": "reporter"}, source=(0, len(quote)))
    assert draft_why(claim, {(0, len(quote)): source_name(source)}).startswith(f"According to {word}{rest}, ")
    name = f"{word.capitalize()} Scotland"
    assert source_name(sg.Suggestion("source", 0, len(name), name, 4, {"identity": "anonymous"})) == name


@given(
    st.sampled_from(["Who will pay for this", "Why was nobody told about the road", "Will the bridge open again"]),
    st.sampled_from(["“{q}?” asked a resident.", "“{q}?” Jo Lee said.", "A parent asked: “{q}?”"]),
    st.sampled_from(["", "The road has been shut for weeks. "]),
)
@settings(max_examples=40, deadline=None)
def test_a_quoted_question_is_no_claim_but_the_sentence_quoted_before_it_is(question, frame, before):
    """'“Who will pay for this?” asked a resident.' drafted the question as a claim: a question says nothing
    true or false. A quoted sentence before it in the same quotation stays a claim."""
    text = frame.format(q=before + question)
    claims = quotes(text, "claim", BLANK)
    assert not [q for q in claims if question in q], claims
    assert bool(before) == ("The road has been shut for weeks" in claims)


scare_words = st.sampled_from(["reforms", "upgrade", "improvements", "deep clean", "savings"])


@given(
    scare_marks,
    scare_words,
    st.sampled_from(
        [
            "The council defended its {q} at a packed meeting on Monday.",
            "Work on the {q} starts next week and will close the road for a month.",
            "The pool shut for the {q} in March and has not opened since.",
        ]
    ),
)
@settings(max_examples=40, deadline=None)
def test_a_quoted_word_nobody_said_is_drafted_as_the_reporters_doubt(marks, word, sentence):
    """'The council defended its “reforms”' drafted no loaded word (a borrowed word at 0.3, in the quoted voice):
    with no speaker for it, the marks are the paper's way to doubt the word, so it is the reporter's, technique
    doubt, with a why that says so in plain words and cites the line."""
    quoted = marks.format(word)
    text = BEFORE_THE_STORY + sentence.format(q=quoted) + "\n"
    draft = quotes(text, "loaded", BLANK)[quoted]
    assert draft.attrs == {"technique": "doubt", "voice": "reporter"}
    why = draft_why(draft, {})
    assert f"{quoted} in quotation marks" in why and "(L3)" in why and "scare quotes" in why
    assert "person quoted" not in why and textstat.flesch_kincaid_grade(why) <= 10
    assert ("the words" in why) == (" " in word)


@given(
    scare_marks,
    st.sampled_from(["liars", "a disgrace", "savings", "despot"]),
    st.sampled_from(
        [
            "One man sprayed {q} on the wall of the town hall.",
            "Councillor Jo Reed called the plan {q} on Monday.",
            "The council defended its {q} at a packed meeting on Monday.",
        ]
    ),
)
@settings(max_examples=40, deadline=None)
def test_a_drafted_why_never_puts_quoted_words_in_a_second_pair_of_marks(marks, word, sentence):
    """'One man sprayed “liars”' drafted the why '““liars”” (L3) is the words of the person quoted': words that
    keep their own quotation marks are shown in them, as the feedback shows them, not in a second pair (and a
    quoted word 'comes from the person quoted', one word not being 'the words')."""
    text = BEFORE_THE_STORY + sentence.format(q=marks.format(word)) + "\n"
    for draft in found(text, None, BLANK):
        why = draft_why(draft, {})
        assert not re.search(r"[“”‘’\"']{2}", why), (draft.label, draft.quote, why)
        assert "is the words" not in why, why


OWNED_QUOTES = [  # (sentence, what is done to the quoted words)
    ("The council defended its {q} at a packed meeting on Monday, a spokesman said.", str),
    ("Councillor Jo Lee defended the {q} at a packed meeting on Monday.", str),
    ("Campaigners branded the {q} a waste of money and time.", str),
    ("Her verdict on the plan after a long meeting: {q} and little else.", str),
    ("Placards reading {q} were waved outside the town hall.", str),
    ("“We were promised {q} and got nothing at all,” she said.", str),
    ("“We were promised {q} and got nothing at all.”", str),
    ("The council defended its {q} at a packed meeting on Monday.", "new {} plan".format),  # three words or more
    ("Few people went to see {q} at the Corn Exchange on Monday.", str.title),  # a title
]


@given(scare_marks, scare_words, st.sampled_from(OWNED_QUOTES))
@settings(max_examples=60, deadline=None)
def test_quoted_words_a_speaker_owns_or_a_name_are_not_the_reporters_doubt(marks, word, case):
    """Quoted words that a speaker owns (a verb of saying, naming or writing in the sentence, a colon, a name
    before them, a quotation around them) are theirs; so is a title, and three words or more are a borrowed
    phrase: none of them is drafted in the reporter's voice."""
    sentence, change = case
    if sentence.startswith("“"):  # marks inside a quotation are the other kind
        marks = marks.replace("“", "‘").replace("”", "’").replace('"', "'")
    text = BEFORE_THE_STORY + sentence.format(q=marks.format(change(word))) + "\n"
    assert not [s for s in found(text, "loaded", BLANK) if s.attrs["voice"] == "reporter"]


relative_things = st.sampled_from(["two lorries", "the three boats", "the old ferries", "its vans", "Harbour Lights"])


relative_speakers = st.sampled_from(["it", "they", "police", "the council", "its owners"])


@given(
    relative_things,
    st.sampled_from(["that", "which"]),
    relative_speakers,
    st.sampled_from(["said", "says", "claimed"]),
    st.sampled_from(["were part of a smuggling ring", "had been stolen in March", "would be sold"]),
)
@settings(max_examples=60, deadline=None)
def test_what_a_speaker_says_in_a_set_off_relative_clause_stops_at_its_closing_comma(thing, rel, who, verb, said):
    """'…the drones, that it said were part of a plot, over …' drafted 'were part of a plot, over …': the 'said' of
    a relative clause was read as opening a claim to the sentence's end. What was said is about the noun before
    the relative word, and the clause's closing comma ends it, for 'that' as for 'which'."""
    text = f"Coastguards stopped {thing}, {rel} {who} {verb} {said}, off the pier on Sunday night."
    claims = quotes(text, "claim", BLANK)
    assert f"{thing}, {rel} {who} {verb} {said}" in claims
    assert not any(q.startswith(said.split()[0]) or "pier" in q for q in claims)


@given(relative_things, st.sampled_from(["that", "which"]), relative_speakers, st.sampled_from(["said", "says"]))
@settings(max_examples=40, deadline=None)
def test_a_relative_clause_in_the_subject_drafts_no_claim_that_runs_into_the_main_verb(thing, rel, who, verb):
    """'Two drones that police said were armed crashed in a field': where the relative clause ends is not known
    without a parse, so no claim is drafted from its 'said' (a sentence with a figure may still be one claim)."""
    text = f"{thing[0].upper()}{thing[1:]} {rel} {who} {verb} were stolen sank off the pier on Sunday night."
    assert not any(q.startswith("were stolen") for q in quotes(text, "claim", BLANK))


def test_that_after_a_verb_of_saying_still_reports_a_clause_of_its_own():
    text = "Jo Lee warned that officials said the bridge was unsafe for buses."
    assert "the bridge was unsafe for buses" in quotes(text, "claim", BLANK)


@given(
    st.sampled_from(["Jo Hale", "The union", "Critics"]),
    st.sampled_from([("accused", "of"), ("blamed", "for"), ("accuses", "of"), ("blames", "for")]),
    st.sampled_from(["the county", "its owners", "the ferry firm's board", "Westfield Council"]),
    st.sampled_from(["wasting money on the bridge", "the long delays", "ignoring the warnings"]),
    st.sampled_from([".", ", and called a strike.", ", saying residents had been let down."]),
)
@settings(max_examples=60, deadline=None)
def test_a_verb_that_charges_someone_drafts_the_charge_with_the_verb(who, verb_link, charged, charge, after):
    """'Hale accused the county of wasting money' drafted 'the county of wasting money', which reads wrong: what an
    accusing or blaming verb reports is the charge, and it reads as one with its verb, up to the pause after it."""
    verb, link = verb_link
    text = f"{who} {verb} {charged} {link} {charge}{after}"
    claims = quotes(text, "claim", BLANK)
    claim = claims[f"{verb} {charged} {link} {charge}"]
    assert claim.attrs["kind"] == "accusation"
    assert text[claim.source[0] : claim.source[1]] == who
    assert not any(q.startswith(charged) for q in claims)


@pytest.mark.parametrize(
    "text",
    [
        "Residents praised the volunteers for clearing the beach after the storm.",
        "Jo Hale accused the county, saying the bridge had cost far too much.",
    ],
)
def test_no_claim_reads_as_who_was_charged_followed_by_the_charge(text):
    """Praise is no verb of saying in our list, and an accusation with no 'of' or 'for' names no charge: neither
    drafts a claim that starts with whoever was praised or charged."""
    assert not any(q.startswith(("the volunteers", "the county")) for q in quotes(text, "claim", BLANK))


@given(
    st.sampled_from(["a strike on the harbour", "the head of the trust", "a fire at the old depot"]),
    st.sampled_from(["that", "which", ", which"]),
    st.sampled_from(["police", "the council", "it"]),
    st.sampled_from(["said was planned weeks ago", "says had been covered up"]),
)
@settings(max_examples=40, deadline=None)
def test_a_relative_clause_after_a_prepositions_noun_puts_no_noun_in_the_claim(thing, rel, who, said):
    """'a strike on the harbour that police said was planned' may be about the strike or the harbour: the claim is
    what follows the verb, not one that makes the nearer noun its subject ('the harbour that police said …')."""
    verb, rest = said.split(" ", 1)
    text = f"Residents described {thing}{rel if rel.startswith(',') else ' ' + rel} {who} {verb} {rest}."
    claims = quotes(text, "claim", BLANK)
    assert rest in claims and not any(who in q for q in claims)


WRITTEN_QUOTES = [
    "Someone had sprayed {q} across the front door of the town hall.",
    "A sign saying {q} stood at the gate of the pool all week.",
    "The mayor posted {q} on social media after the vote on Monday.",
    "Protesters carried banners bearing {q} along the high street.",
    "Overnight the words {q} were painted on the gate of the pool.",
    "Overnight {q} was painted on the gate of the pool in red letters.",
]


@given(scare_marks, scare_words, st.sampled_from(WRITTEN_QUOTES))
@settings(max_examples=60, deadline=None)
def test_words_a_verb_of_writing_puts_on_a_sign_a_wall_or_a_post_are_not_the_reporters_doubt(marks, word, sentence):
    """'sprayed “liars” across the door', 'a sign saying “keep out”', 'posted “disgraceful” online' drafted the
    reporter's scare quotes: the words are written by whoever sprayed, put up or posted them."""
    text = BEFORE_THE_STORY + sentence.format(q=marks.format(word)) + "\n"
    assert not [s for s in found(text, "loaded", BLANK) if s.attrs["voice"] == "reporter"]


@given(
    scare_marks,
    scare_words,
    st.sampled_from(["While reading the report,", "Having printed the agenda,", "After she posted the letter,"]),
)
@settings(max_examples=40, deadline=None)
def test_a_verb_of_writing_about_something_else_leaves_the_reporters_scare_quotes(marks, word, opening):
    """'While reading the report, councillors found the “savings” had gone': 'reading' is about the report, so no
    one in the sentence wrote the quoted word and the marks stay the reporter's."""
    quoted = marks.format(word)
    text = f"{BEFORE_THE_STORY}{opening} councillors found the {quoted} had gone from the budget.\n"
    assert quotes(text, "loaded", BLANK)[quoted].attrs["voice"] == "reporter"


@given(scare_marks, scare_words, st.sampled_from([" and ", " or ", ", "]), st.sampled_from(["written", "painted"]))
@settings(max_examples=40, deadline=None)
def test_quotations_listed_before_a_verb_of_writing_are_all_written_words(marks, word, joined, verb):
    """'some with “no cuts” and “save our pool” written on them': the verb of writing stands by the list, so the
    first quotation is written as the second is, not the reporter's doubt."""
    text = f"{BEFORE_THE_STORY}Two lorries had {marks.format(word)}{joined}{marks.format('jobs')} {verb} on them.\n"
    assert not [s for s in found(text, "loaded", BLANK) if s.attrs["voice"] == "reporter"]


hedges = [w for w, (_, saying) in load_lexicon().cues.items() if not saying and w.isalpha() and w != "may"]


@given(
    st.sampled_from(hedges),
    st.sampled_from(["said to be worth millions, the painting was sold.", "told friends the plan would fail."]),
)
@settings(max_examples=40, deadline=None)
def test_a_hedge_that_opens_a_sentence_before_a_verb_of_saying_stays_a_cue(hedge, rest):
    """Only a month before a verb of saying is read as a name; a hedge there ('Allegedly said to be …') is a cue."""
    word = hedge[0].upper() + hedge[1:]
    assert word in quotes(f"{BEFORE_THE_STORY}{word} {rest}\n", "cue", BLANK)


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(["A local man", "Councillor Jo Reed", "Two residents"]),
    st.sampled_from(["said", "says", "told reporters"]),
    st.sampled_from(["the council", "the mayor", "its owners"]),
    scare_marks,
    st.sampled_from(["saves", "cares about", "listens to"]),
)
def test_a_quotation_opening_after_said_and_a_noun_leaves_the_noun_in_what_was_said(who, verb, noun, marks, word):
    """'A local man said the council "saves" money' drafted "the council" as the source, as if the sentence were
    '…, said the council.', and no claim: a quotation mark that opens words after the noun does not end the
    clause, so the speaker is who comes before the verb and what follows it is the claim."""
    text = f"{who} {verb} {noun} {marks.format(word)} money.\n"
    assert set(quotes(text, "source", BLANK)) == {who}
    assert _source_of(text, f"{noun} {marks.format(word)} money") == who


@given(
    labellers,
    st.sampled_from(["branded", "labelled", "brands"]),
    labelled_things,
    st.sampled_from(["a disgrace", "a waste of money", "an insult to families", "as a waste of time"]),
    st.sampled_from([".", ", and called for a vote.", ", saying it had gone too far."]),
)
@settings(max_examples=60, deadline=None)
def test_a_verb_of_labelling_is_a_cue_with_its_speaker_and_the_judgement_with_the_verb(who, verb, thing, label, after):
    """'Campaigners branded the plan a disgrace' drafted nothing: a verb that labels something reports a judgement
    someone made, so it is a cue, whoever labels is a source, and the judgement is drafted with its verb ('the plan
    a disgrace' alone does not read as a claim), as a judgement put to them."""
    text = f"{BEFORE_THE_STORY}{who} {verb} {thing} {label}{after}\n"
    sources = quotes(text, "source", BLANK)
    assert list(sources) == [who] and verb in quotes(text, "cue", BLANK)
    claims = quotes(text, "claim", BLANK)
    claim = claims[f"{verb} {thing} {label}"]
    assert claim.attrs["kind"] == "judgement" and claim.source == (sources[who].start, sources[who].end)
    assert not any(q.startswith(thing) for q in claims)


@given(labellers, st.sampled_from(["branded", "labelled"]), labelled_things)
@settings(max_examples=30, deadline=None)
def test_a_verb_of_labelling_with_only_what_it_labels_drafts_no_judgement(who, verb, thing):
    """'Critics branded the plan, saying …': no label follows what is labelled, so there is no judgement to draft,
    though the verb is still a cue and whoever labels a source."""
    text = f"{BEFORE_THE_STORY}{who} {verb} {thing}, saying it had gone too far.\n"
    assert list(quotes(text, "source", BLANK)) == [who] and verb in quotes(text, "cue", BLANK)
    assert not any(q.startswith(verb) for q in quotes(text, "claim", BLANK))


@pytest.mark.parametrize("text", ["The branded goods sold well in the town.", "Its branded bottles sold out in May."])
def test_branded_after_a_determiner_is_the_adjective_and_no_cue(text):
    assert "branded" not in quotes(text, "cue", BLANK)


@given(
    st.sampled_from(["Jo Hale", "Local campaigners", "The union"]),
    st.sampled_from(["slammed", "blasted", "decried"]),
    labelled_things,
    st.sampled_from([("as", "a waste of public money"), ("as", "reckless"), ("for", "ignoring the warnings")]),
    st.sampled_from([".", ", saying it had gone too far."]),
)
@settings(max_examples=60, deadline=None)
def test_a_verb_of_criticism_drafts_what_it_says_with_the_verb(who, verb, thing, link_said, after):
    """'slammed the plan as a waste of money' was drafted as an accusation only because 'of' came later, 'slammed
    the plan as reckless' not at all, and 'blasted the plan as …' as 'the plan as …': a verb of criticism says
    something of what it criticises, which reads as a claim only with the verb. After 'as' it is a judgement of the
    plan, after 'for' a charge."""
    link, said = link_said
    text = f"{BEFORE_THE_STORY}{who} {verb} {thing} {link} {said}{after}\n"
    claims = quotes(text, "claim", BLANK)
    claim = claims[f"{verb} {thing} {link} {said}"]
    assert claim.attrs["kind"] == ("judgement" if link == "as" else "accusation")
    assert text[claim.source[0] : claim.source[1]] == who
    assert not any(q.startswith(thing) for q in claims)


@pytest.mark.parametrize(
    "text", ["The striker blasted the ball into the net from close range.", "Jo Hale slammed the door on the talks."]
)
def test_a_verb_of_criticism_with_nothing_said_of_its_object_drafts_no_claim(text):
    """No 'as', 'for' or 'over' after what the verb is about: it criticises nothing we can draft."""
    assert not quotes(text, "claim", BLANK)


@given(
    st.sampled_from(["Jo Lee", "A spokesman", "The mayor"]),
    st.sampled_from(["told", "tells"]),
    st.sampled_from(["the paper", "the local paper", "friends", "the inquiry", "her neighbours"]),
    st.sampled_from(["the council", "it", "they", "Westfield Council", "two buses"]),
    st.sampled_from(["saves money every year", "had ignored the warnings", "would close the road in May"]),
)
@settings(max_examples=60, deadline=None)
def test_who_was_told_is_left_out_of_what_was_told(who, verb, heard, subject, rest):
    """'told the paper the council saves money' drafted 'the paper the council saves money': a few words after 'told'
    that no list names are who heard it when a clause's subject follows them (a word that picks out which one, a
    pronoun, a name or a number), and what was told starts there."""
    text = f"{BEFORE_THE_STORY}{who} {verb} {heard} {subject} {rest}.\n"
    claims = quotes(text, "claim", BLANK)
    assert f"{subject} {rest}" in claims
    assert not any(heard in q for q in claims)


@pytest.mark.parametrize(
    "text",
    [
        "A spokesman told the local paper budget cuts were needed this year.",
        "Jo Lee told friends residents were angry about the plan.",
    ],
)
def test_told_with_no_clear_edge_between_who_heard_and_what_drafts_no_claim(text):
    """Where the words after 'told' run on with no word that opens a clause's subject, where who heard it ends is not
    known without a parse ('the local paper budget cuts were needed'): no claim is drafted rather than a wrong one."""
    assert not quotes(text, "claim", BLANK)


@pytest.mark.parametrize(
    "text, claim",
    [
        ("Jo Lee warned the plan would fail within a year.", "the plan would fail within a year"),
        ("Residents told how the fire spread through the flats.", "how the fire spread through the flats"),
        ("Jo Lee told reporters the plan would fail within a year.", "the plan would fail within a year"),
    ],
)
def test_a_verb_with_no_listener_or_a_listed_one_still_reports_its_clause(text, claim):
    assert claim in quotes(text, "claim", BLANK)


@given(
    scare_marks,
    st.sampled_from(["The firm", "The bakery chain", "The club"]),
    st.sampled_from(["record", "bumper", "healthy"]),
    st.sampled_from(["profits", "sales figures", "gains"]),
)
@settings(max_examples=40, deadline=None)
def test_quoted_words_that_describe_what_was_posted_are_the_reporters_doubt(marks, who, word, what):
    """'The firm posted “record” profits' took “record” as the firm's own written word: 'posted' there reports a
    figure, not writing, and the quoted word describes the profits that follow it, so the marks are the paper's doubt
    ('posted “disgraceful” on social media', where the quotation is what was posted, stays theirs)."""
    quoted = marks.format(word)
    text = f"{BEFORE_THE_STORY}{who} posted {quoted} {what} for the third year running.\n"
    assert quotes(text, "loaded", BLANK)[quoted].attrs == {"technique": "doubt", "voice": "reporter"}


@given(
    scare_marks,
    st.sampled_from(["Harbour Ferries", "Two Sisters Bakery", "Jo Lee’s firm", "The firm, run by Jo Lee,"]),
    st.sampled_from(["record", "bumper", "healthy"]),
    st.sampled_from(["profits", "sales figures", "gains"]),
)
@settings(max_examples=40, deadline=None)
def test_a_name_before_posted_does_not_own_the_quoted_word_that_describes_a_figure(marks, who, word, what):
    """'Harbour Ferries posted “record” profits' took “record” as the firm's words: a name stood before it. Profits
    are posted, not words: the quoted word describes them, so the marks are the reporter's scare quotes."""
    quoted = marks.format(word)
    text = f"{BEFORE_THE_STORY}{who} posted {quoted} {what} for the third year running.\n"
    assert quotes(text, "loaded", BLANK)[quoted].attrs == {"technique": "doubt", "voice": "reporter"}


@given(
    scare_marks,
    scare_words,
    st.sampled_from(["Harbour Ferries", "Jo Lee", "Councillor Ann Mills", "The mayor"]),
    st.sampled_from(
        [
            "posted {q} on social media.",
            "sprayed {q} on the wall.",
            "posted {q} online after the vote.",
            "posted {q} shortly after the vote.",
            "posted {q} last night.",
        ]
    ),
)
@settings(max_examples=40, deadline=None)
def test_a_name_that_posts_or_sprays_a_quotation_still_owns_it(marks, word, who, rest):
    """'Harbour Ferries posted “disgraceful” on social media': the quotation is what was posted, so it stays theirs;
    so it does when where or when follows it ('posted “disgraceful” online', '… shortly after'), not a noun."""
    text = f"{BEFORE_THE_STORY}{who} {rest.format(q=marks.format(word))}\n"
    assert not [s for s in found(text, "loaded", BLANK) if s.attrs["voice"] == "reporter"]


labelled_by = st.sampled_from(
    ["campaigners", "the union", "Councillor Jo Reed", "local residents", "critics", "two councillors", "a spokesman"]
)


@given(
    st.sampled_from(["The plan", "The new car park", "She", "Its budget"]),
    st.sampled_from(["was", "has been", "had been"]),
    st.sampled_from(["branded", "labelled", "labeled"]),
    st.sampled_from(["a waste", "“reckless”", "a disgrace", "unfair", "as a waste of time"]),
    labelled_by,
    st.sampled_from([".", " on Tuesday.", ", and the council apologised."]),
)
@settings(max_examples=80, deadline=None)
def test_a_passive_verb_of_labelling_drafts_who_labels_after_by_the_cue_and_the_judgement(
    thing, be, verb, label, who, after
):
    """'The plan was branded a waste by campaigners' drafted no source, cue or claim, where 'Campaigners branded the
    plan a waste' drafts all three: whoever comes after 'by' made the judgement, the verb is a cue, and what was
    labelled with the verb and the label is the judgement, put to them."""
    text = f"{BEFORE_THE_STORY}{thing} {be} {verb} {label} by {who}{after}\n"
    sources = quotes(text, "source", BLANK)
    assert list(sources) == [who]
    cue = quotes(text, "cue", BLANK)[verb]
    assert cue.confidence == CONFIDENCE["cue-speech"]
    claim = quotes(text, "claim", BLANK)[f"{thing} {be} {verb} {label}"]
    assert claim.attrs["kind"] == "judgement" and claim.source == (sources[who].start, sources[who].end)
    assert not any(who in q for q in quotes(text, "claim", BLANK))


@pytest.mark.parametrize(
    "text",
    [
        "The cattle were branded by hand on the farm.",
        "The parcels were labelled by volunteers at the depot.",
        "The road was labelled unsafe by Friday.",
        "The road was labelled unsafe by the end of May.",
    ],
)
def test_a_passive_verb_of_labelling_with_no_label_or_no_one_after_by_drafts_no_source_or_judgement(text):
    """'branded by hand', 'labelled by volunteers': with no label before 'by' the verb marks things, it judges nothing;
    'by Friday' is when, not who."""
    assert not quotes(text, "source", BLANK)
    assert not quotes(text, "claim", BLANK)


def test_a_by_inside_the_quoted_label_is_not_who_labels():
    """'labelled “run by cowboys” by the union': the first 'by' is in the label's own words."""
    text = f"{BEFORE_THE_STORY}The firm was labelled “run by cowboys” by the union.\n"
    assert list(quotes(text, "source", BLANK)) == ["the union"]
    assert "The firm was labelled “run by cowboys”" in quotes(text, "claim", BLANK)


charged_by = st.sampled_from(["residents", "the opposition", "unions", "Councillor Jo Reed", "two councillors"])


passive_charges = st.sampled_from(
    [
        ("The delay", "blamed", "on the contractor"),
        ("The council", "blamed", "for the delay"),
        ("He", "accused", "of lying"),
        ("The mayor", "accused", "of ignoring the warnings"),
        ("The plan", "slammed", "as reckless"),
        ("The new car park", "blasted", "as a waste of money"),
        ("Its budget", "decried", "as unfair"),
        ("The firm", "slammed", "over the delays"),
    ]
)


@given(
    passive_charges,
    st.sampled_from(["was", "has been", "had been"]),
    charged_by,
    st.sampled_from([".", " on Tuesday.", ", and the council apologised."]),
)
@settings(max_examples=80, deadline=None)
def test_a_passive_verb_of_charge_or_criticism_drafts_who_comes_after_by_and_the_claim_without_them(
    charge, be, who, after
):
    """'The delay was blamed on the contractor by residents' drafted no source, and 'was blamed for the delay by
    residents' drafted its claim with 'by residents' inside it: whoever comes after 'by' charges or criticises, as
    the subject of 'Residents blamed the council for the delay' does, so they are the source, the verb is a cue, and
    the claim is what was charged, the verb and the charge, without them."""
    thing, verb, said = charge
    text = f"{BEFORE_THE_STORY}{thing} {be} {verb} {said} by {who}{after}\n"
    sources = quotes(text, "source", BLANK)
    assert list(sources) == [who]
    assert quotes(text, "cue", BLANK)[verb].confidence == CONFIDENCE["cue-speech"]
    claims = quotes(text, "claim", BLANK)
    claim = claims[f"{thing} {be} {verb} {said}"]
    assert claim.attrs["kind"] == ("judgement" if said.startswith("as ") else "accusation")
    assert claim.source == (sources[who].start, sources[who].end)
    assert not any(f"by {who}" in q for q in claims)


@pytest.mark.parametrize(
    "text",
    [
        "He was accused of being paid by developers.",
        "The council was blamed for damage caused by the storm.",
        "The plan was slammed as a scheme driven by greed.",
        "The council was blamed for the delay by Friday.",
        "The coast was blasted by storms overnight.",
    ],
)
def test_a_passive_verb_of_charge_whose_by_may_belong_to_the_charge_drafts_no_source_and_no_claim_with_it(text):
    """'accused of being paid by developers', 'damage caused by the storm': a word that may be a passive verb stands
    right before 'by', so who comes after it may be part of the charge rather than who made it; 'by Friday' is when,
    'blasted by storms' judges nothing. Where the edge is not clear, neither a source nor a claim that ends past 'by'
    is drafted from the verb: a wrong draft is worse than none. The sentence as a whole may still be drafted, with no
    source, as any sentence with a word of accusation is."""
    assert not quotes(text, "source", BLANK)
    assert set(quotes(text, "claim", BLANK)) <= {text.rstrip(".")}


@given(passive_charges, charged_by)
@settings(max_examples=40, deadline=None)
def test_who_charges_right_after_a_passive_verb_is_the_source_and_no_claim_holds_them(charge, who):
    """'The council was blamed by residents for the delay': whoever comes after 'by' charges; the charge cannot be
    drafted without them in the middle of it, so no claim is drafted from the verb rather than one that holds its own
    source (the sentence as a whole may be, as any sentence with a word of accusation is)."""
    thing, verb, said = charge
    sentence = f"{thing} was {verb} by {who} {said}"
    text = f"{BEFORE_THE_STORY}{sentence}.\n"
    assert list(quotes(text, "source", BLANK)) == [who]
    assert set(quotes(text, "claim", BLANK)) <= {sentence}


@pytest.mark.parametrize(
    "text, claim, who",
    [
        ("The report was labelled biased by critics.", "The report was labelled biased", "critics"),
        ("The plan was branded as rushed by the union.", "The plan was branded as rushed", "the union"),
        ("The plan was slammed as flawed by unions.", "The plan was slammed as flawed", "unions"),
    ],
)
def test_a_label_in_ed_right_before_by_is_the_label_and_who_comes_after_by_the_source(text, claim, who):
    """'labelled biased by critics': a word in -ed that is the whole label is no passive verb of its own, so 'by'
    still brings in who labels (where 'a scheme driven by greed' does not)."""
    assert list(quotes(text, "source", BLANK)) == [who]
    assert _source_of(text, claim) == who


subjects_of_speech = st.sampled_from(
    [
        "The landlord",
        "A landlord",
        "Two shoppers",
        "One hotel owner",
        "Its owner",
        "Jo Hale",
        "The man accused of theft",
        "Some residents",
    ]
)


active_charges = st.sampled_from(
    [
        "accused the council of lying",
        "blamed the council for the delay",
        "slammed the plan as reckless",
        "blasted the council over the delays",
        "decried the plan as unfair",
    ]
)


@given(subjects_of_speech, active_charges)
@settings(max_examples=80, deadline=None)
def test_who_stands_before_a_verb_of_charge_or_criticism_is_drafted_as_before_said(subject, charge):
    """'The landlord accused the council of lying' drafted no source where 'The landlord said …' drafts 'The landlord':
    whoever can speak before 'said' can charge or criticise before 'accused', 'blamed' or 'slammed', whatever the
    noun, so the same words are drafted as the source, and the charge is put to them."""
    said = f"{BEFORE_THE_STORY}{subject} said the council had lied.\n"
    text = f"{BEFORE_THE_STORY}{subject} {charge}.\n"
    sources = quotes(text, "source", BLANK)
    assert set(sources) == set(quotes(said, "source", BLANK))
    (who,) = sources.values()
    verb = charge.split()[0]
    claim = next(c for q, c in quotes(text, "claim", BLANK).items() if q.startswith(verb))
    assert claim.source == (who.start, who.end)


@pytest.mark.parametrize(
    "text",
    [
        "The man accused of theft was jailed for a year.",
        "The fire blamed on arson destroyed the hall.",
        "The plan slammed as reckless was dropped in May.",
        "A driver blamed for the crash was fined.",
        "The man accused in the case said the council had lied.",
        "The men accused were released on bail.",
        "The woman accused, who cannot be named, denied the charge.",
    ],
)
def test_a_verb_of_charge_with_no_one_charged_after_it_describes_its_noun_and_drafts_no_source(text):
    """'The man accused of theft was jailed', 'The men accused were released': a verb of charge or criticism with
    the charge, a preposition, a verb or a pause right after it describes the noun before it; that noun charges no
    one, and no charge is drafted from the verb."""
    assert not quotes(text, "source", BLANK)
    assert not any(q.startswith(("accused", "blamed", "slammed")) for q in quotes(text, "claim", BLANK))


how_before_the_verb = st.from_regex(r"[a-z]{3,9}ly", fullmatch=True).filter(lambda w: w not in NOUNS_IN_LY)
how_before_the_verb |= st.sampled_from(["also", "later", "repeatedly"])


@given(passive_charges, how_before_the_verb, charged_by)
@settings(max_examples=80, deadline=None)
def test_a_word_in_ly_between_was_and_a_passive_verb_of_charge_keeps_who_comes_after_by_the_source(charge, adverb, who):
    """'The plan was widely blamed for the delay by residents' drafted 'blamed for the delay by residents' as its
    claim and no source: 'widely' (or 'also') says how or when, so whoever comes after 'by' charges, as without it,
    and the claim runs from what was charged to 'by'."""
    thing, verb, said = charge
    text = f"{BEFORE_THE_STORY}{thing} was {adverb} {verb} {said} by {who}.\n"
    sources = quotes(text, "source", BLANK)
    assert list(sources) == [who]
    claims = quotes(text, "claim", BLANK)
    assert claims[f"{thing} was {adverb} {verb} {said}"].source == (sources[who].start, sources[who].end)
    assert not any(f"by {who}" in q for q in claims)


@given(
    st.sampled_from(["The plan", "The report", "She", "Its budget"]),
    st.sampled_from(["was", "has been", "was widely"]),
    st.sampled_from(["branded", "labelled"]),
    labelled_by,
    st.sampled_from(["as a waste of money", "as biased", "as “reckless”"]),
)
@settings(max_examples=60, deadline=None)
def test_who_labels_right_after_a_passive_verb_of_labelling_and_before_as_is_the_source(thing, be, verb, who, label):
    """'The plan was branded by critics as a waste of money' drafted no source: whoever comes between the verb and
    'as' labels. The label cannot be drafted without them in the middle of it, so no claim holds them."""
    text = f"{BEFORE_THE_STORY}{thing} {be} {verb} by {who} {label}.\n"
    assert list(quotes(text, "source", BLANK)) == [who]
    assert quotes(text, "cue", BLANK)[verb].confidence == CONFIDENCE["cue-speech"]
    assert not any(who in q for q in quotes(text, "claim", BLANK))


@given(
    passive_charges,
    st.sampled_from(["residents", "officials", "the opposition", "two councillors"]),
    st.sampled_from(
        ["at the town hall", "at the town hall on Monday", "on Monday", "in the chamber", "at a packed meeting in May"]
    ),
)
@settings(max_examples=80, deadline=None)
def test_who_comes_after_by_stops_before_where_or_when_it_was_said(charge, who, where):
    """'was slammed as reckless by officials at the town hall on Monday' drafted 'officials at the town hall': after a
    passive verb a place or a time after who did it most often says where or when it was done, so it is left out."""
    thing, verb, said = charge
    text = f"{BEFORE_THE_STORY}{thing} was {verb} {said} by {who} {where}.\n"
    sources = quotes(text, "source", BLANK)
    assert list(sources) == [who]
    assert _source_of(text, f"{thing} was {verb} {said}") == who


@pytest.mark.parametrize(
    "text, who",
    [
        ("The council was blamed for the delay by residents of the estate.", "residents of the estate"),
        ("The plan was slammed as reckless by a spokesman for the union.", "a spokesman for the union"),
        ("The plan was slammed as reckless by campaigners from the estate.", "campaigners from the estate"),
    ],
)
def test_who_comes_after_by_keeps_of_for_or_from_that_say_which_ones(text, who):
    """'by residents of the estate', 'by a spokesman for the union': these say who, not where."""
    assert list(quotes(text, "source", BLANK)) == [who]


@given(
    passive_charges,
    charged_by,
    st.sampled_from(["near the park", "who live near the park", "and its owners", "with 300 signatures"]),
)
@settings(max_examples=80, deadline=None)
def test_a_whole_sentence_claim_never_holds_who_comes_after_by_a_passive_verb_of_charge(charge, who, tail):
    """'The council was blamed for the delay by residents near the park' fell back on the whole sentence, 'by
    residents near the park' and all, as its claim: where the rules cannot say where who charges ends, the sentence is
    drafted up to 'by' ('The council was blamed for the delay'), what was charged, and never with who charged."""
    thing, verb, said = charge
    text = f"{BEFORE_THE_STORY}{thing} was {verb} {said} by {who} {tail}.\n"
    claims = quotes(text, "claim", BLANK)
    assert set(claims) <= {f"{thing} was {verb} {said}"}
    assert claims or verb not in ACCUSATION_WORDS  # 'slammed' alone makes no sentence a claim


@given(passive_charges, charged_by, st.sampled_from(["near the park", "of the estate", "at the meeting"]))
@settings(max_examples=60, deadline=None)
def test_a_sentence_with_who_charges_right_after_a_passive_verb_drafts_no_whole_sentence_claim(charge, who, place):
    """'The mayor was accused by residents of the estate of ignoring warnings': who charges stands inside the charge,
    so no claim can leave them out; the whole sentence is not drafted as one either."""
    thing, verb, said = charge
    text = f"{BEFORE_THE_STORY}{thing} was {verb} by {who} {place} {said}.\n"
    assert not quotes(text, "claim", BLANK)


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


modal_futures = st.sampled_from(["may", "might", "could", "will", "would", "is set to", "is expected to"])


@given(
    modal_futures,
    st.sampled_from(["review the decision next year", "reopen the branch on Saturdays", "close in June"]),
    st.sampled_from([", a spokesman said.", ", the council said.", ", Jo Reed said."]),
)
@settings(max_examples=60, deadline=None)
def test_a_claim_about_what_a_modal_verb_says_will_happen_is_a_prediction(modal, what, said):
    """'The council may review the decision next year, a spokesman said' drafted a fact: a modal of the future
    (may, might, could, will, would) or 'is set to', 'is expected to' before a verb makes the claim a
    prediction."""
    subject = "The library" if modal.startswith("is") else "The council"
    text = f"{BEFORE_THE_STORY}{subject} {modal} {what}{said}\n"
    assert quotes(text, "claim", BLANK)[f"{subject} {modal} {what}"].attrs["kind"] == "prediction"


@pytest.mark.parametrize(
    "claim",
    [
        "The fire may have started in the kitchen",  # 'may have': what perhaps happened
        "The council could not explain the figures",  # 'could not': what it was unable to do
        "The decision was taken in May",  # the month
        "The library set up a new reading group",  # 'set up', no 'to'
    ],
)
def test_a_modal_about_the_past_a_month_or_set_up_make_no_prediction(claim):
    text = f"{BEFORE_THE_STORY}{claim}, a spokesman said.\n"
    assert quotes(text, "claim", BLANK)[claim].attrs["kind"] == "fact"


@given(
    st.sampled_from(["The decision", "The plan", "The council"]),
    criticised_forms,
    st.sampled_from(["officials", "residents", "the opposition", "two councillors"]),
    st.sampled_from(["", " for the delay", " as unfair"]),
)
@settings(max_examples=60, deadline=None)
def test_criticised_is_a_cue_and_who_criticises_after_by_is_the_source(thing, verb, who, said):
    """'The decision was criticised by officials' drafted nothing: 'criticised' is a verb of criticism like
    'slammed', plainer, so it is a cue and whoever comes after 'by' is the source."""
    text = f"{BEFORE_THE_STORY}{thing} was {verb}{said} by {who}.\n"
    assert verb in quotes(text, "cue", BLANK)
    assert list(quotes(text, "source", BLANK)) == [who]
    if said:
        assert _source_of(text, f"{thing} was {verb}{said}") == who


@given(labellers, criticised_forms, labelled_things, st.sampled_from(["for the delay", "as unfair", "over the cuts"]))
@settings(max_examples=40, deadline=None)
def test_criticised_drafts_its_speaker_and_the_criticism_with_the_verb(who, verb, thing, said):
    text = f"{BEFORE_THE_STORY}{who} {verb} {thing} {said}.\n"
    sources = quotes(text, "source", BLANK)
    assert list(sources) == [who]
    claim = quotes(text, "claim", BLANK)[f"{verb} {thing} {said}"]
    assert claim.source == (sources[who].start, sources[who].end)


def test_criticised_is_not_loaded():
    """'criticised' is the plain word that loaded verbs of attack are measured against."""
    assert not quotes(f"{BEFORE_THE_STORY}Residents criticised the plan for the delay.\n", "loaded", BLANK)


@given(passive_charges, st.sampled_from(["was", "has been", "had since been", "was widely", "will be"]))
@settings(max_examples=60, deadline=None)
def test_a_passive_verb_of_charge_with_no_one_after_it_drafts_the_charge_with_what_it_is_about(charge, be):
    """'The council was blamed for the delay.' drafted 'blamed for the delay': with no one after 'by', what the
    charge is about stands before the verb, and the claim needs it to say anything."""
    thing, verb, said = charge
    text = f"{BEFORE_THE_STORY}{thing} {be} {verb} {said}.\n"
    assert list(quotes(text, "claim", BLANK)) == [f"{thing} {be} {verb} {said}"]


def test_a_passive_charge_that_someone_is_said_to_make_keeps_who_said_it():
    """The charge drafted from 'blamed' and the words before '…, residents said' are the same: the draft that
    says whose they are stands."""
    text = f"{BEFORE_THE_STORY}The council was blamed for the delay, residents said.\n"
    assert _source_of(text, "The council was blamed for the delay") == "residents"


@given(passive_charges, charged_by, st.sampled_from(["has since been", "has also been", "had since been"]))
@settings(max_examples=60, deadline=None)
def test_a_word_for_when_between_has_and_been_leaves_the_subject_in_the_charge(charge, who, be):
    """'The plan has since been slammed as reckless by unions.' drafted the source and no claim: 'since' between
    'has' and 'been' says when; it opens no clause, so the subject before it is what the charge is about."""
    thing, verb, said = charge
    text = f"{BEFORE_THE_STORY}{thing} {be} {verb} {said} by {who}.\n"
    assert _source_of(text, f"{thing} {be} {verb} {said}") == who


@given(
    st.sampled_from(["The council", "The library", "Its owner"]),
    st.sampled_from(["may", "might", "will", "is set to", "is expected to"]),
    st.sampled_from(["review the decision next year", "reopen the branch on Saturdays"]),
)
@settings(max_examples=40, deadline=None)
def test_a_sentence_that_says_what_will_or_may_happen_is_a_prediction_of_its_own(subject, modal, what):
    """'The council may review the decision next year.' drafted no claim: said by no one, it is the reporter's
    prediction, which a reader may check as much as a figure."""
    text = f"{BEFORE_THE_STORY}{subject} {modal} {what}.\n"
    claims = quotes(text, "claim", BLANK)
    assert list(claims) == [f"{subject} {modal} {what}"]
    assert claims[f"{subject} {modal} {what}"].attrs == {"kind": "prediction", "voice": "reporter"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Smoke could be seen for miles around.",  # 'could': what someone was able to see
        "The old pier would fill with tourists each summer.",  # 'would': what used to happen
        "Will the library close its doors next year?",  # a question
        "The fire may have started in the kitchen.",  # 'may have': what perhaps happened
        "The council could not explain the figures.",
    ],
)
def test_a_sentence_with_would_could_or_a_question_alone_is_no_prediction(sentence):
    assert not quotes(f"{BEFORE_THE_STORY}{sentence}\n", "claim", BLANK)


@pytest.mark.parametrize(
    "headline",
    [
        "Library to close in spring",
        "Town library to close two days a week",
        "Council To Review Library Opening Hours",
        "Ashford pool to be sold to developer",
    ],
)
def test_a_headlines_to_before_a_verb_is_what_is_planned_a_prediction(headline):
    """'Library to close in spring' was drafted as a fact (with a figure) or not at all: a headline leaves out 'is',
    and 'to close' says what is planned."""
    text = f"{headline}\n\nThe library has served the town since 1904, its owners said.\n"
    claims = quotes(text, "claim", BLANK)
    assert claims[headline].attrs["kind"] == "prediction"


@pytest.mark.parametrize(
    "text",
    [
        "Flights to Paris cancelled after storm\n\nNo flights left Paris on Monday, officials said.\n",
        "Mayor urged to resign over 40 delays\n\nThe mayor has not replied to letters, his office said.\n",
        "Plans for the pool split the town.\n\nResidents fought plans to close the library in 2019.\n",
        "Pictured: what appears to be a drone is seen over 40 homes\n\nThe picture was taken on Monday, police said.\n",
        "Two drones hit an oil depot close to key bridge\n\nThe depot burned for hours, officials said.\n",
    ],
)
def test_to_after_a_verb_before_a_name_or_outside_a_headline_is_no_plan(text):
    """'Flights to Paris': a place; 'urged to resign': what someone was asked; 'plans to close the library in 2019'
    in a sentence with its full stop: the sentence's own verb says what happened; a caption with 'is' has its verb;
    'close to' many words in is no headline's subject before its 'to'."""
    assert all(c.attrs["kind"] != "prediction" for c in found(text, "claim", BLANK))


@given(
    st.sampled_from(
        [
            ("The man", "who was blamed for the fire"),
            ("The fire", "that was blamed on arson"),
            ("The driver", "who was accused of speeding"),
            ("The man", "who blamed the council for the fire"),
            ("The plan", "which was slammed as reckless"),
        ]
    ),
    st.sampled_from(["has left the town", "was seen again on Monday"]),
)
@settings(max_examples=40, deadline=None)
def test_a_relative_clause_that_says_which_one_is_no_charge_the_reporter_reports(who, news):
    """'The man who was blamed for the fire has left.' drafted 'blamed for the fire has left' as a claim: the relative
    clause says which man the sentence is about; its news is that he left, and no charge is reported."""
    thing, clause = who
    text = f"{BEFORE_THE_STORY}{thing} {clause} {news}.\n"
    assert not quotes(text, "claim", BLANK)


def test_a_charge_in_an_aside_or_after_and_is_still_drafted():
    text = f"{BEFORE_THE_STORY}Residents, who blamed the council for the fire, marched.\n"
    assert list(quotes(text, "claim", BLANK)) == ["blamed the council for the fire"]
    text = f"{BEFORE_THE_STORY}The council promised to act and was blamed for the delay.\n"
    assert list(quotes(text, "claim", BLANK)) == ["blamed for the delay"]


@given(
    st.sampled_from(["The plan", "The new car park", "Its budget"]),
    st.sampled_from(["was branded", "has been labelled", "was widely branded", "has since been branded"]),
    st.sampled_from(["a disgrace", "as a waste of money", "“unfair”"]),
)
@settings(max_examples=60, deadline=None)
def test_a_passive_label_with_no_one_after_by_drafts_the_judgement_with_what_it_is_about(thing, verb, label):
    """'The plan was branded a disgrace.' drafted no claim: 'branded' after 'was' is the verb, not the adjective of
    'branded goods', and it reports a judgement someone the article does not name made, as 'was blamed for' does."""
    text = f"{BEFORE_THE_STORY}{thing} {verb} {label}.\n"
    claims = quotes(text, "claim", BLANK)
    assert list(claims) == [f"{thing} {verb} {label}"]
    assert claims[f"{thing} {verb} {label}"].attrs["kind"] == "judgement"


@pytest.mark.parametrize(
    "text",
    [
        "The shop sells branded goods.",
        "The cattle were branded on Monday.",
        "The plan that was branded a waste has gone.",
    ],
)
def test_branded_as_an_adjective_with_no_label_or_saying_which_one_drafts_no_judgement(text):
    assert not quotes(f"{BEFORE_THE_STORY}{text}\n", "claim", BLANK)


@given(
    st.sampled_from(
        [
            ("Library to close in spring\n\nThe library opened in 1904.\n", "Library to close in spring"),
            (f"{BEFORE_THE_STORY}The council may review the decision next year.\n", "The council may review"),
            (f"{BEFORE_THE_STORY}Jo Lee said the pool would close for good.\n", "the pool would close"),
            (f"{BEFORE_THE_STORY}He said the pool will close for good.\n", "the pool will close"),
            (f"{BEFORE_THE_STORY}“The pool will close for good,” said Jo Lee.\n", "“The pool will close"),
        ]
    )
)
@settings(max_examples=20, deadline=None)
def test_the_drafted_why_of_a_prediction_says_it_is_about_the_future(case):
    """A may/will sentence or a headline's 'to close' was explained as '… says this is true': a prediction says what
    will or may happen, which no one can know yet, so the why says so in words a student understands."""
    text, start = case
    found = sg.suggest(Article.from_text(text), BLANK)
    names = {(s.start, s.end): source_name(s) for s in found if s.label == "source"}
    claim = next(s for s in found if s.label == "claim" and s.quote.startswith(start))
    assert claim.attrs["kind"] == "prediction"
    why = draft_why(claim, names)
    assert "is true" not in why and "will or may happen" in why and f"(L{claim.line})" in why
    assert "no one can know yet if it will come true" in why
    assert textstat.flesch_kincaid_grade(why) <= 9
    assert draft_hints(claim)[0] == f"What does L{claim.line} say will or may happen?"


def test_the_drafted_why_of_a_claim_about_what_happened_still_says_it_is_true():
    found = sg.suggest(Article.from_text(f"{BEFORE_THE_STORY}Jo Lee said the pool had closed in May.\n"), BLANK)
    claim = next(s for s in found if s.label == "claim")
    assert draft_why(claim, {claim.source: "Jo Lee"}).startswith("According to Jo Lee, this is true")


@given(
    st.sampled_from(
        [
            ("Officials criticised the plan as a waste of money.", "This is the opinion of officials"),
            ("Campaigners branded the plan a disgrace.", "This is the opinion of campaigners"),
            ("The plan was branded a disgrace by residents.", "This is the opinion of residents"),
            ("The plan was branded a disgrace.", "The text does not say whose opinion this is"),
            ("She branded the plan a disgrace.", "This is someone's opinion, but the text only says “she”"),
        ]
    )
)
@settings(max_examples=10, deadline=None)
def test_the_drafted_why_of_a_judgement_says_it_is_an_opinion_not_true_or_false(case):
    """'Officials criticised the plan as a waste of money' was explained as 'According to officials, this is true': a
    judgement says how good or bad something is, which is not simply true or false (as the Claims page teaches), so
    the why says whose opinion it is, and no one's when no one is named, since a verb of labelling drafted it."""
    text, opens = case
    found = sg.suggest(Article.from_text(f"{BEFORE_THE_STORY}{text}\n"), BLANK)
    names = {(s.start, s.end): source_name(s) for s in found if s.label == "source"}
    claim = next(s for s in found if s.label == "claim")
    assert claim.attrs["kind"] == "judgement"
    why = draft_why(claim, names)
    assert why.startswith(opens) and f"(L{claim.line})" in why
    assert "is true" not in why and "not simply true or false" in why and "reporter" not in why
    assert textstat.flesch_kincaid_grade(why) <= 9
    assert draft_hints(claim)[0] == f"What opinion does L{claim.line} give?"


def test_the_drafted_why_of_an_accusation_still_says_it_is_true():
    """An accusation can be checked (the Claims page): its why keeps 'this is true', unlike a judgement's."""
    found = sg.suggest(Article.from_text(f"{BEFORE_THE_STORY}Residents blamed the council for the delay.\n"), BLANK)
    claim = next(s for s in found if s.label == "claim")
    assert claim.attrs["kind"] == "accusation"
    assert draft_why(claim, {claim.source: "residents"}).startswith("According to residents, this is true")


@pytest.mark.parametrize("who", ["Shoppers", "Local shoppers", "Swimmers"])
def test_a_group_in_words_of_no_list_is_named_in_small_letters_mid_sentence(who):
    """'Shoppers said the high street would suffer.' was explained 'According to Shoppers, …': the capital was the
    sentence's, and mid-sentence a group the article does not name is written small."""
    found = sg.suggest(Article.from_text(f"{BEFORE_THE_STORY}{who} said the high street would suffer.\n"), BLANK)
    source = next(s for s in found if s.label == "source")
    claim = next(s for s in found if s.label == "claim")
    assert draft_why(claim, {claim.source: source_name(source)}).startswith(f"According to {who.lower()}, ")


@given(
    st.sampled_from(["Councillor Jo Reed", "Council leader Jo Reed", "The mayor", "A council spokesman"]),
    st.sampled_from(
        ["was branded a liar", "was also labelled a coward", "has been accused of lying", "was blamed for the delay"]
    ),
)
@settings(max_examples=40, deadline=None)
def test_who_a_passive_label_or_charge_is_about_is_no_source(who, passive):
    """'Councillor Jo Reed was branded a liar.' drafted her as a source, her job word standing in a sentence with a verb
    of saying: she is the one labelled, what the judgement is about, and says nothing here."""
    text = f"{BEFORE_THE_STORY}{who} {passive}.\n"
    assert quotes(text, "source", BLANK) == {}
    assert list(quotes(f"{BEFORE_THE_STORY}{who} {passive} by residents.\n", "source", BLANK)) == ["residents"]


@pytest.mark.parametrize(
    "text", ["Councillor Jo Reed has also said the plan is fair.", "Councillor Jo Reed branded the plan a disgrace."]
)
def test_who_speaks_or_labels_with_an_active_verb_is_still_a_source(text):
    assert list(quotes(f"{BEFORE_THE_STORY}{text}\n", "source", BLANK)) == ["Councillor Jo Reed"]


@given(
    st.sampled_from(["was branded a disgrace", "has been labelled a failure", "was branded as a waste"]),
    st.sampled_from(["officials said", "two officials told the Gazette", "residents say"]),
)
@settings(max_examples=40, deadline=None)
def test_a_passive_label_with_its_speaker_after_the_comma_is_a_judgement_put_to_them(label, said):
    """'The plan was branded a disgrace, officials said.' drafted a fact: the words before '…, said' were drafted
    again for whose they are, and lost the kind that 'branded' made of them."""
    text = f"{BEFORE_THE_STORY}The plan {label}, {said}.\n"
    found = sg.suggest(Article.from_text(text), BLANK)
    claims = [s for s in found if s.label == "claim"]
    assert [c.quote for c in claims] == [f"The plan {label}"]
    assert claims[0].attrs["kind"] == "judgement"
    source = next(s for s in found if s.label == "source")
    assert claims[0].source == (source.start, source.end)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The plan was a disgrace, officials said.", "fact"),
        ("The plan will cost more, officials said.", "prediction"),
        ("The council was accused of lying, residents said.", "accusation"),
    ],
)
def test_the_words_before_a_comma_and_who_said_them_keep_their_own_kind(text, kind):
    claims = list(quotes(f"{BEFORE_THE_STORY}{text}\n", "claim", BLANK).values())
    assert [c.attrs["kind"] for c in claims] == [kind]


@given(
    st.sampled_from(["the council", "Ashby Fold Primary", "the two hospitals"]),
    st.sampled_from(["which has since been", "which was", "which was widely"]),
    st.sampled_from([("criticised", "for the delay"), ("blamed", "for the delay"), ("branded", "a disgrace")]),
    st.sampled_from(["", " by residents"]),
)
@settings(max_examples=60, deadline=None)
def test_a_passive_charge_in_a_clause_set_off_by_a_comma_is_drafted_with_what_it_is_about(what, be, charge, by):
    """'… the council, which has since been criticised for the delay by residents.' drafted no claim: a relative clause
    that a comma sets off tells more of the noun before it, so it reports the charge about that noun, and who comes
    after 'by' is its source, as in 'The council was criticised for the delay by residents'."""
    verb, link = charge
    text = f"{BEFORE_THE_STORY}Nobody asked {what}, {be} {verb} {link}{by}.\n"
    found = sg.suggest(Article.from_text(text), BLANK)
    claims = [s for s in found if s.label == "claim"]
    assert [c.quote for c in claims] == [f"{what}, {be} {verb} {link}"]
    assert claims[0].attrs["kind"] == ("judgement" if verb == "branded" else "accusation")
    sources = [s for s in found if s.label == "source"]
    assert [s.quote for s in sources] == (["residents"] if by else [])
    assert claims[0].source == ((sources[0].start, sources[0].end) if by else None)


@pytest.mark.parametrize(
    ("text", "claims", "sources"),
    [
        ("The man who was blamed for the fire has left.", [], []),  # which man: no charge is reported
        ("Nobody asked the council, which has since been criticised by residents.", [], ["residents"]),
        ("The council was criticised by residents.", [], ["residents"]),  # criticised, and for nothing said
        ("Nobody asked residents, who blamed the council for the fire.", ["blamed the council for the fire"], []),
    ],
)
def test_a_charge_that_says_which_one_or_says_nothing_of_what_drafts_no_new_claim(text, claims, sources):
    assert list(quotes(f"{BEFORE_THE_STORY}{text}\n", "claim", BLANK)) == claims
    assert list(quotes(f"{BEFORE_THE_STORY}{text}\n", "source", BLANK)) == sources


@given(
    st.sampled_from(["It was", "The new pool is", "The council's plan was"]),
    st.sampled_from([("'", "'"), ("“", "”")]),
    st.sampled_from(["a disaster", "a total shambles", "truly shameful"]),
    st.sampled_from(["she said", "Jo Reed said", "residents told the Gazette"]),
)
@settings(max_examples=60, deadline=None)
def test_a_claim_before_who_said_it_keeps_the_quotation_marks_of_the_words_it_quotes(before, marks, words, said):
    """'It was “a disaster”, she said.' drafted 'It was “a disaster' as a claim in the reporter's voice: the closing
    mark was cut off, and the quoted words are the speaker's. A quotation of a few words makes no claim of its own:
    it is part of the sentence's claim, and stays a cue for the teacher to review as a partial quote."""
    opening, closing = marks
    text = f"{BEFORE_THE_STORY}{before} {opening}{words}{closing}, {said}.\n"
    found = sg.suggest(Article.from_text(text), BLANK)
    claims = [s for s in found if s.label == "claim"]
    assert [c.quote for c in claims] == [f"{before} {opening}{words}{closing}"]
    assert claims[0].attrs["voice"] == "quoted"
    assert [s.quote for s in found if s.label == "cue" and s.attrs["type"] == "scare-quotes"] == [
        f"{opening}{words}{closing}"
    ]


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        ("'A disaster,' she said.", []),  # a few words quoted alone: no subject, no claim
        ("“Shameful,” said Jo Reed.", []),
        ("The scheme was a disaster, she said.", ["The scheme was a disaster"]),  # no quotation: the reporter's words
    ],
)
def test_a_short_quotation_alone_makes_no_claim_and_words_not_quoted_stay_the_reporters(text, claims):
    found = quotes(f"{BEFORE_THE_STORY}{text}\n", "claim", BLANK)
    assert list(found) == claims
    assert all(c.attrs["voice"] == "reporter" for c in found.values())


@given(
    st.sampled_from(
        [
            ("The petition was started by regular customer Dan Ellery", "Dan Ellery"),
            ("The letter was written by the mayor, Helen Okafor", "Helen Okafor"),
            ("The plan was backed by Jo Lee", "Jo Lee"),
            ("The stall is run by Priya Shah", "Priya Shah"),
            ("The paper quoted a post by Sam Ode", "Sam Ode"),
        ]
    ),
    st.sampled_from(["said", "later said", "has said", "told the Gazette"]),
)
@settings(max_examples=30, deadline=None)
def test_whoever_a_relative_clause_with_a_verb_of_saying_follows_is_the_source(before, said):
    """'… started by regular customer Dan Ellery, who said he could not believe it' drafted no source, and the claim's
    why said the reporter says it is true. ', who said' is the verb of the name it follows, and that name alone
    speaks: not 'backed by Jo Lee' or 'a post by Sam Ode', as 'who' is a person: a name after a preposition belongs
    to the words before it there only when they hold a job or group word ('a shopkeeper on High Street, who said')."""
    front, who = before
    text = f"{BEFORE_THE_STORY}{front}, who {said} the road was unsafe.\n"
    assert _source_of(text, "the road was unsafe") == who
    assert quotes(text, "source", BLANK)[who].attrs["identity"] == "named"


@pytest.mark.parametrize(
    ("text", "claim", "who"),
    [
        ("Jo Lee, who chairs it, said the road was unsafe.", "the road was unsafe", "Jo Lee, who chairs it"),
        ("A shopkeeper on High Street, who said the road was unsafe, backed it.", None, "A shopkeeper on High Street"),
        ("A report by Acme said the road was unsafe.", "the road was unsafe", "A report by Acme"),
    ],
)
def test_an_aside_or_a_noun_before_a_preposition_stays_part_of_the_speaker(text, claim, who):
    """What the relative clause rule must leave: an aside that says who the speaker is stays part of them, and a name
    after a preposition belongs to the noun before it ('A report by Acme said'), and before ', who said' to a job or
    group word ('A shopkeeper on High Street, who said')."""
    assert who in quotes(f"{BEFORE_THE_STORY}{text}\n", "source", BLANK)
    if claim:
        assert _source_of(f"{BEFORE_THE_STORY}{text}\n", claim) == who


@given(
    st.sampled_from(["Energy firm {name}", "The union {name}", "On Monday the {group} {name}", "The {group} {name}"]),
    st.sampled_from(["Northgrid", "Unite", "Harbourside"]),
    group_words,
)
@settings(max_examples=40, deadline=None)
def test_the_drafted_why_names_a_body_after_its_group_word_with_no_capital_mid_sentence(front, name, group):
    """The drafted why wrote 'According to Energy firm Northgrid', with the sentence's capital mid-sentence: a name
    after a group word is the body's own, so the why gives that name, with its capital, and no group word."""
    text = f"{BEFORE_THE_STORY}{front.format(name=name, group=group)} said the pool had closed in May.\n"
    found = sg.suggest(Article.from_text(text), BLANK)
    names = {(s.start, s.end): source_name(s) for s in found if s.label == "source"}
    claim = next(s for s in found if s.label == "claim")
    assert draft_why(claim, names).startswith(f"According to {name}, this is true")


@given(
    st.sampled_from(["A trader", "One baker", "A cab driver", "Two stallholders"]),
    st.sampled_from(["on High Street", "in Mill Lane", "at Kings Cross", "near Fenwick Park"]),
)
@settings(max_examples=30, deadline=None)
def test_who_after_a_place_phrase_is_the_noun_before_it_whatever_the_noun(person, place):
    """'A trader on High Street, who said prices had doubled, …' drafted 'High Street' as the source, since 'trader'
    is no job word of our lists. A place is never 'who': the noun before 'on', 'in', 'at' or 'near' is whom ', who
    said' follows, as a job word there already was."""
    text = f"{BEFORE_THE_STORY}{person} {place}, who said prices had doubled since May, closed for good.\n"
    assert _source_of(text, "prices had doubled since May") == f"{person} {place}"


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("The plan was backed by Jo Lee, who said prices had doubled since May.", "Jo Lee"),
        ("The paper quoted a letter from Sam Ode, who said prices had doubled since May.", "Sam Ode"),
        ("A cousin of Ann Mills, who said prices had doubled since May, was at the meeting.", "Ann Mills"),
    ],
)
def test_who_after_by_from_or_of_a_name_is_still_that_name(text, who):
    """What the place rule must leave: after 'by', 'from' or 'of' a name may be the person who speaks."""
    assert _source_of(f"{BEFORE_THE_STORY}{text}\n", "prices had doubled since May") == who


@given(
    st.sampled_from(["Jo Lee", "The mayor", "A trader on High Street", "Its chair, Priya Shah"]),
    st.sampled_from(["who said", "who later said", "who has said"]),
    st.sampled_from(["backed the plan", "voted against it", "left early"]),
)
@settings(max_examples=30, deadline=None)
def test_a_claim_in_a_relative_clause_set_off_by_commas_ends_at_its_closing_comma(who, said, rest):
    """'Jo Lee, who said the road was unsafe, backed the plan' drafted 'the road was unsafe, backed the plan': what
    a ', who said' clause reports ends where the clause does, at its closing comma; the rest is the writer's."""
    text = f"{BEFORE_THE_STORY}{who}, {said} the road was unsafe, {rest}.\n"
    claims = quotes(text, "claim", BLANK)
    assert "the road was unsafe" in claims and not any(rest in q for q in claims)


def test_a_relative_clause_that_runs_to_the_sentence_end_keeps_its_whole_claim():
    text = f"{BEFORE_THE_STORY}The plan was backed by Jo Lee, who said the road was unsafe for buses and lorries.\n"
    assert "the road was unsafe for buses and lorries" in quotes(text, "claim", BLANK)


@given(
    st.sampled_from(["Holt's Bakery", "Acme Ltd", "The bakery", "Jo Lee"]),
    st.sampled_from(["which has sold bread for 40 years", "which opened in May", "who runs it"]),
    st.sampled_from(["had warned", "has warned", "warned", "had also told", "has since told"]),
    st.sampled_from(["prices would rise in the spring", "prices would rise"]),
)
@settings(max_examples=60, deadline=None)
def test_a_relative_clause_between_a_speaker_and_the_verb_of_saying_leaves_both(who, aside, said, what):
    """'Holt's Bakery, which has sold bread for 40 years, had warned customers that …' drafted no source and the
    claim 'Holt's Bakery, which has sold bread for 40 years': 'had' after the aside hid the verb of saying, and
    the words before the aside's closing comma were read as what someone said. They are who speaks."""
    text = f"{BEFORE_THE_STORY}{who}, {aside}, {said} customers that {what}.\n"
    assert f"{who}, {aside}" not in quotes(text, "claim", BLANK)
    if len(what.split()) >= 4:  # a shorter one is too short for a claim of its own
        assert _source_of(text, what) in {who, f"{who}, {aside}"}


def test_a_relative_clause_in_what_was_said_before_its_speaker_stays_in_the_claim():
    text = f"{BEFORE_THE_STORY}The pool, which opened in 1990, will close next spring, officials said.\n"
    assert _source_of(text, "The pool, which opened in 1990, will close next spring") == "officials"


@given(
    st.sampled_from(sorted(v for v in LABELLING_VERBS if v.endswith("ed"))),
    st.sampled_from(["unfair", "reckless", "pointless"]),
    st.sampled_from([", officials said.", "."]),
)
@settings(max_examples=30, deadline=None)
def test_a_passive_verb_of_labelling_with_a_bare_label_is_a_judgement(verb, label, end):
    """'The plan was labelled unfair, officials said.' stayed a fact where 'was branded a disgrace' was a judgement:
    after a passive verb of labelling, the word right after it is the label, with 'a' or without."""
    text = f"{BEFORE_THE_STORY}The new plan was {verb} {label}{end}\n"
    assert quotes(text, "claim", BLANK)[f"The new plan was {verb} {label}"].attrs["kind"] == "judgement"


@pytest.mark.parametrize("after", ["with names", "last week", "yesterday", "in May"])
def test_a_passive_verb_of_labelling_before_how_or_when_labels_nothing(after):
    text = f"{BEFORE_THE_STORY}The old crates were labelled {after}, officials said.\n"
    claim = quotes(text, "claim", BLANK)[f"The old crates were labelled {after}"]
    assert claim.attrs["kind"] == "fact"


@pytest.mark.parametrize("text", ["The old crates were labelled", "–said ", "Some were branded"])
def test_an_article_that_ends_on_a_passive_verb_of_labelling_drafts_what_it_can(text):
    """A bare label is looked for in the word after the verb: with the article ending on the verb there is none, and
    the search read past the last word (IndexError, found by the property test on '–said ')."""
    drafted = sg.suggest(Article(text), BLANK)
    assert all(0 <= s.start < s.end <= len(text) for s in drafted)
