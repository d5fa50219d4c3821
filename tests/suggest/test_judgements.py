"""Active verbs of charge, criticism and labelling (`suggest/judgements.py`): the charge or the judgement drafted
with the verb, who makes it the source."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from suggest_helpers import BEFORE_THE_STORY, BLANK, criticised_forms, labelled_things, labellers, quotes


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


@given(labellers, criticised_forms, labelled_things, st.sampled_from(["for the delay", "as unfair", "over the cuts"]))
@settings(max_examples=40, deadline=None)
def test_criticised_drafts_its_speaker_and_the_criticism_with_the_verb(who, verb, thing, said):
    text = f"{BEFORE_THE_STORY}{who} {verb} {thing} {said}.\n"
    sources = quotes(text, "source", BLANK)
    assert list(sources) == [who]
    claim = quotes(text, "claim", BLANK)[f"{verb} {thing} {said}"]
    assert claim.source == (sources[who].start, sources[who].end)


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


@pytest.mark.parametrize(
    "text", ["Councillor Jo Reed has also said the plan is fair.", "Councillor Jo Reed branded the plan a disgrace."]
)
def test_who_speaks_or_labels_with_an_active_verb_is_still_a_source(text):
    assert list(quotes(f"{BEFORE_THE_STORY}{text}\n", "source", BLANK)) == ["Councillor Jo Reed"]


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
