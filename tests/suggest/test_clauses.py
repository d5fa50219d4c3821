"""Relative clauses (`suggest/clauses.py`): where a claim in a clause set off by commas ends, what 'which' or 'that'
stands for, and who speaks in ', who said' after a name."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from suggest_helpers import BEFORE_THE_STORY, BLANK, _source_of, quotes


def test_a_relative_word_is_no_subject_and_an_aside_before_the_verb_is_part_of_it():
    text = (
        "The saboteurs – who were understood to have been sent by the gang – were caught.\n\n"
        "The union's leader, Kevin Boyd, is expected to speak at a rally in Oban."
    )
    claims = quotes(text, "claim")
    assert "have been sent by the gang" in claims
    speech = claims["The union's leader, Kevin Boyd, is expected to speak at a rally in Oban"]
    assert speech.attrs["kind"] == "prediction" and text[speech.source[0] : speech.source[1]] == "is expected to"


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
        (
            "Jo Lee, a teacher at the school, said the road was unsafe.",
            "the road was unsafe",
            "Jo Lee, a teacher at the school",
        ),
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


@given(
    st.sampled_from(["A librarian", "Jo Lee", "One stallholder"]),
    st.sampled_from(
        [
            "who asked not to be named because she fears losing her job",
            "who asked not to be named because she fears the council will sack her",
            "who has run the stall for years and says the rent has doubled",
        ]
    ),
)
@settings(max_examples=20, deadline=None)
def test_what_a_verb_of_saying_inside_a_set_off_relative_clause_reports_ends_at_its_closing_comma(who, aside):
    """'A librarian, who asked not to be named because she fears losing her job, said the numbers …' drafted
    'losing her job, said the numbers …' from 'fears', and no claim from 'said': what a verb of saying deep inside a
    ', who' clause reports ends at the clause's closing comma, as it does right after 'who'; the speaker's own verb
    of saying follows."""
    said = "the visit numbers ignored the people who use the computers"
    text = f"{BEFORE_THE_STORY}{who}, {aside}, said {said}.\n"
    claims = quotes(text, "claim", BLANK)
    assert said in claims and not any(", said" in q for q in claims), claims
    assert _source_of(text, said).startswith(who)  # a name or a job word keeps its aside, as `speakers.py` drafts it


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
        assert _source_of(text, what) == who  # the clause is about them, not part of the source


def test_a_relative_clause_in_what_was_said_before_its_speaker_stays_in_the_claim():
    text = f"{BEFORE_THE_STORY}The pool, which opened in 1990, will close next spring, officials said.\n"
    assert _source_of(text, "The pool, which opened in 1990, will close next spring") == "officials"
