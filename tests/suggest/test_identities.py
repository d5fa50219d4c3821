"""What a source is (`suggest/identities.py`): named, unnamed or hidden, its role, and which words of it are a name."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from suggest_helpers import BEFORE_THE_STORY, BLANK, _source_of, found, group_words, quotes

from medialit.authoring.drafts import source_name


def test_anonymous_group_and_agentless_source():
    text = "Security officials believe the fire was set on purpose. It is understood that the mayor knew."
    sources = quotes(text, "source")
    assert sources["Security officials"].attrs["identity"] == "anonymous"
    assert sources["It is understood"].attrs == {"identity": "hidden"}
    assert "agentless" in sources["It is understood"].reason


def test_unnamed_groups_are_anonymous_sources_and_a_government_only_when_it_speaks():
    sources = quotes("Democratic lawmakers say the bill is dead. The government has a new plan for schools.", "source")
    assert sources["Democratic lawmakers"].attrs["identity"] == "anonymous"
    assert not any("government" in q.lower() for q in sources)


def test_a_job_word_without_a_name_is_an_anonymous_source():
    text = "The bus company said it had not been told. A spokesperson said: “We will keep running every service.”"
    assert quotes(text, "source")["A spokesperson"].attrs["identity"] == "anonymous"


def test_a_job_words_role_comes_from_its_head_not_the_body_after_for():
    sources = quotes("A spokesperson for the regional transport agency said a plan would follow.", "source")
    assert sources["A spokesperson for the regional transport agency"].attrs["role"] == "official"
    assert quotes("Experts warn that breakdowns may become more frequent.", "source")["Experts"].attrs == {
        "identity": "anonymous",
        "role": "expert",
    }


def test_an_agency_is_a_public_body_unless_it_is_a_news_agency_and_a_group_of_a_place_is_unnamed():
    """'The Environment Agency' was drafted as a news outlet (its why told students so) under the entity
    'Environment'; 'Residents of Lower Ashcombe' as named, their claim put 'According to Lower Ashcombe'."""
    text = (
        "The Environment Agency declined to comment.\n\n"
        "The state news agency said the talks had failed.\n\n"
        "Residents of Lower Ashcombe say they were never asked.\n"
    )
    sources = quotes(text, "source")
    agency = sources["The Environment Agency"]
    assert agency.attrs == {"identity": "named", "role": "official"} and agency.entity == "Environment Agency"
    assert sources["The state news agency"].attrs["role"] == "media"
    residents = sources["Residents of Lower Ashcombe"]
    assert residents.attrs["identity"] == "anonymous" and residents.entity == "residents"
    assert source_name(residents) == "residents of Lower Ashcombe"  # not the place: "According to Lower Ashcombe"
    named = quotes("Westfield Council's leader Jo Lee said the pool would close.", "source")
    assert named["Westfield Council's leader Jo Lee"].attrs["identity"] == "named"  # a possessive is no 'of'


def test_one_person_brought_in_by_a_is_unnamed_whatever_body_they_speak_for():
    text = (
        "A spokesman for Harlow Water said the pipes would be replaced next year.\n\n"
        "A Harlow Water spokeswoman said the supply was safe to drink.\n\n"
        "Opponents say the bills will rise for every household.\n\n"
        "A Harlow Water engineer, Tom Reyes, said the work would take a month.\n\n"
        "Water Minister Ana Ruiz said the company would be fined."
    )
    identity = {s.quote: s.attrs["identity"] for s in found(text, "source")}
    assert identity["A spokesman for Harlow Water"] == "anonymous"
    assert identity["A Harlow Water spokeswoman"] == "anonymous"
    assert identity["Opponents"] == "anonymous"
    assert [v for q, v in identity.items() if "Tom Reyes" in q] == ["named"]  # the aside names him
    assert identity["Water Minister Ana Ruiz"] == "named"


def test_everyday_jobs_and_people_affected_name_unnamed_sources():
    text = (
        "One teacher, who asked not to be named, said the roof had leaked all term.\n\n"
        "“We have no heating in two classrooms,” a senior teacher told the Valley Post.\n\n"
        "Parents and staff said the school should close until the repairs were done."
    )
    sources = {s.quote: s for s in found(text, "source")}
    assert sources["One teacher"].attrs["identity"] == "anonymous"
    assert sources["a senior teacher"].attrs == {"identity": "anonymous", "role": "interested-party"}
    quoted = next(c for c in found(text, "claim") if c.quote.startswith("“We have no heating"))
    assert quoted.source == (sources["a senior teacher"].start, sources["a senior teacher"].end)


def test_one_driver_who_is_not_named_is_an_unnamed_source():
    text = "One driver, who did not want to be named, said the timetable could not work."
    assert quotes(text, "source")["One driver"].attrs["identity"] == "anonymous"


def test_a_union_is_a_source_and_a_union_spokesman_speaks_a_quotation():
    text = "“We have been kept in the dark,” a union spokesman said.\n\nThe union said talks would resume on Monday."
    assert _source_of(text, "“We have been kept in the dark,”") == "a union spokesman"
    assert _source_of(text, "talks would resume on Monday") == "The union"


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["Westmoor", "Harbourside", "Maritime"]), group_words)
def test_a_group_word_written_with_a_capital_after_a_name_is_a_named_body(place, group):
    body = f"{place} {group.title()}"
    text = f"On Monday the {body} said the ferry would stop running in May."
    source = quotes(text, "source", BLANK)[f"the {body}"]
    assert source.attrs["identity"] == "named" and source.entity == body
    lower = f"On Monday the {place} {group} said the ferry would stop running in May."
    assert quotes(lower, "source", BLANK)[f"the {place} {group}"].attrs["identity"] == "anonymous"


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["Northgrid", "Unite", "Harbourside"]), group_words)
def test_a_name_right_after_a_group_word_names_the_body(name, group):
    """'Energy firm Northgrid said …' was drafted as an unnamed source ("is not named, only described"): one name
    word with a group word was read as whose members they are, as in 'the Harbourside residents'. After the group
    word it is the body's own name."""
    text = f"On Monday the {group} {name} said the ferry would stop running in May."
    source = quotes(text, "source", BLANK)[f"the {group} {name}"]
    assert source.attrs["identity"] == "named" and source.entity == name
    before = quotes(f"On Monday the {name} {group} said the ferry would stop running in May.", "source", BLANK)
    assert before[f"the {name} {group}"].attrs["identity"] == "anonymous"


def test_an_energy_firm_named_after_its_group_word_is_a_named_source():
    text = "Energy firm Northgrid said its prices had risen in line with the wider market."
    source = quotes(text, "source", BLANK)["Energy firm Northgrid"]
    assert source.attrs == {"identity": "named", "role": "interested-party"} and source.entity == "Northgrid"


@settings(max_examples=30, deadline=None)
@given(
    group_words,
    st.sampled_from(["Scotland", "Westmoor", "Harbourside"]),
    st.sampled_from(["declined to comment.", "said the ferry would stop running in May."]),
)
def test_a_group_word_opening_a_sentence_before_a_name_is_the_start_of_a_named_body(group, place, rest):
    body = f"{group.title()} {place}"
    source = quotes(f"{body} {rest}", "source", BLANK)[body]
    assert source.attrs["identity"] == "named" and source.entity == body
    alone = quotes(f"{group.title()} {rest}", "source", BLANK)[group.title()]
    assert alone.attrs["identity"] == "anonymous"


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["businesses", "firms", "passengers", "commuters", "fans", "families", "villagers", "inspectors"]),
    st.sampled_from(["say", "fear", "warn"]),
)
def test_people_a_story_affects_who_say_something_are_an_unnamed_source(group, verb):
    text = f"{group.title()} {verb} the new timetable will make every trip to the mainland longer."
    source = quotes(text, "source", BLANK)[group.title()]
    assert source.attrs["identity"] == "anonymous"
    assert _source_of(text, "the new timetable will make every trip to the mainland longer") == group.title()


@given(
    st.sampled_from(["chair", "chairman", "spokesperson", "spokeswoman", "head", "director", "secretary"]),
    st.sampled_from(["of", "for"]),
    st.sampled_from(
        [
            ("the Friends of Ashford Library", "interested-party"),
            ("the campaign group Save Our Library", "interested-party"),
            ("the Ashford Traders' Association", "interested-party"),
            ("the local residents' association", "interested-party"),
            ("the charity", "interested-party"),
            ("the council", "official"),
            ("the Ministry of Culture", "official"),
        ]
    ),
)
@settings(max_examples=80, deadline=None)
def test_a_job_of_or_for_a_body_takes_the_bodys_role(job, link, body):
    """'Tom Whitfield, chair of the Friends of Ashford Library, said' drafted an official: a chair, a spokesperson
    or a head speaks for the body named after 'of' or 'for', so the source has that body's role (a campaign group,
    a charity or an association has a stake; a council or a ministry is official)."""
    name, role = body
    text = f"{BEFORE_THE_STORY}Tom Whitfield, {job} {link} {name}, said the library would fight on.\n"
    sources = found(text, "source", BLANK)
    assert [s.attrs.get("role") for s in sources] == [role]


@pytest.mark.parametrize(
    "text, role",
    [
        ("A campaigner said the plan was unfair.\n", "interested-party"),
        ("The shop owner said trade would suffer.\n", "interested-party"),
        ("A resident said the plan was unfair.\n", "interested-party"),
        ("Residents said the library was always full.\n", "interested-party"),
    ],
)
def test_campaigners_owners_and_residents_have_a_stake(text, role):
    """A resident of the town a decision is about has a stake in it; whether they saw something is said by
    'witness' or 'eyewitness'."""
    assert [s.attrs.get("role") for s in found(text, "source", BLANK)] == [role]
