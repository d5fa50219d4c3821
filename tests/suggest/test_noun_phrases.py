"""Where the words of someone who speaks begin and end (`suggest/noun_phrases.py`): the word that picks them out,
their job and name in apposition, a place or body after a preposition, a possessive, an aside."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from suggest_helpers import BEFORE_THE_STORY, BLANK, _source_of, every_job, found, group_words, jobs, names, quotes

from medialit.authoring.suggest.word_lists import SPEAKER_DETERMINERS


def test_a_speaker_described_in_lower_case_words_after_said_is_the_source_of_the_quote():
    text = "“We were never asked about the closure,” said retired teacher Ann Mills, who lives nearby."
    speaker = quotes(text, "source")["retired teacher Ann Mills"]
    assert speaker.entity == "Ann Mills" and speaker.attrs["identity"] == "named"
    claim = next(iter(quotes(text, "claim").values()))
    assert claim.source == (speaker.start, speaker.end)
    # the description is not what was said, and a name that only follows 'said' in a clause is not a speaker
    assert not any("teacher" in q for q in quotes(text, "claim"))
    assert "Ann Mills" not in quotes("He said the vote was close and Ann Mills agreed.", "source")


def test_the_name_beside_said_in_an_appositive_is_the_source_of_what_follows():
    text = "The ferry operator, Westcoast Sailings, said the delay was caused by a shortage of parts."
    source = quotes(text, "source")["Westcoast Sailings"]
    claim = quotes(text, "claim")["the delay was caused by a shortage of parts"]
    assert claim.source == (source.start, source.end)


def test_a_place_after_a_preposition_is_part_of_the_speaker_not_a_speaker_of_its_own():
    text = "“It is a disgrace,” a trader on High Street said."
    sources = quotes(text, "source", BLANK)
    assert "High Street" not in sources
    speaker = sources["a trader on High Street"]
    assert speaker.attrs == {"identity": "anonymous"} and speaker.entity is None
    claim = next(iter(quotes(text, "claim", BLANK).values()))
    assert claim.source == (speaker.start, speaker.end)
    sources = quotes("Jo Lee from Station Road said the bridge had been unsafe for years.", "source", BLANK)
    assert set(sources) == {"Jo Lee from Station Road"} and sources["Jo Lee from Station Road"].entity == "Jo Lee"
    sources = quotes("Traders on Market Square said the fair was cancelled.", "source", BLANK)
    assert set(sources) == {"Traders on Market Square"}
    assert sources["Traders on Market Square"].attrs == {"identity": "anonymous", "role": "interested-party"}


def test_a_place_at_the_end_of_an_aside_is_no_speaker():
    sources = quotes("The mayor, speaking at Market Square, said the fair would go ahead.", "source", BLANK)
    assert "The mayor" in sources and not any("Market Square" in q for q in sources)
    sources = quotes("Shops on High Street will close early, the council said.", "source", BLANK)
    assert set(sources) == {"the council"}


speakers = st.sampled_from(["a trader", "the baker", "one driver", "Jo Lee", "shopkeepers", "a man"])


places = st.builds(
    "{} {}".format,
    st.sampled_from(["High", "Market", "Station", "Mill", "Westmoor", "Church"]),
    st.sampled_from(["Street", "Square", "Road", "Lane", "Avenue", "Park", "Hall"]),
)


@settings(max_examples=60, deadline=None)
@given(speakers, st.sampled_from(["on", "in", "at", "from", "near", "of"]), places, st.sampled_from(["said", "says"]))
def test_a_name_after_a_preposition_before_said_is_never_the_speaker_on_its_own(speaker, by, place, verb):
    text = f"“The rent has doubled again,” {speaker} {by} {place} {verb}."
    sources = quotes(text, "source", BLANK)
    assert place not in sources
    assert sources and all(speaker.split()[-1] in q for q in sources), sources


def test_an_appositive_between_the_speaker_and_said_is_one_source():
    text = "Its chair, Priya Shah, said the plan was “rushed”."
    sources = quotes(text, "source", BLANK)
    assert list(sources) == ["Its chair, Priya Shah"]
    source = sources["Its chair, Priya Shah"]
    assert source.attrs == {"identity": "named", "role": "official"} and source.entity == "Priya Shah"
    assert quotes(text, "claim", BLANK)["the plan was “rushed”"].source == (source.start, source.end)
    sources = quotes("Jo Lee, a trader on High Street, said the rent had doubled.", "source", BLANK)
    assert set(sources) == {"Jo Lee, a trader on High Street"}
    assert sources["Jo Lee, a trader on High Street"].entity == "Jo Lee"


def test_an_aside_that_describes_no_one_stays_out_of_the_source():
    for text, speaker in (
        ("Mr Okafor, however, said the plan was fine.", "Mr Okafor"),
        ("Jo Lee, 45, said the rent had doubled.", "Jo Lee"),
        ("The mayor, in a statement, said the fair would go ahead.", "The mayor"),
    ):
        assert set(quotes(text, "source", BLANK)) == {speaker}, text


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["Its", "The", "Their", "The group's"]), jobs, names)
def test_a_job_and_a_name_in_apposition_are_always_one_source(owner, job, name):
    text = f"{owner} {job}, {name}, said the plan would cost more than promised."
    touching = [q for q in quotes(text, "source", BLANK) if job in q or name in q]
    assert len(touching) == 1 and touching[0].endswith(f"{job}, {name}"), touching


@settings(max_examples=80, deadline=None)
@given(
    st.sampled_from(["a", "an", "one", "another", "some", "the", "its", "their"]),
    st.sampled_from(["", "local ", "hotel "]),
    every_job,
)
def test_said_after_a_quotation_takes_the_speaker_whatever_word_picks_them_out(determiner, describing, job):
    who = f"{determiner} {describing}{job}"
    text = f"“The road has been shut for a week,” said {who}."
    sources = quotes(text, "source", BLANK)
    assert list(sources) == [who], sources
    claim = next(iter(quotes(text, "claim", BLANK).values()))
    assert claim.source == (sources[who].start, sources[who].end)


def test_a_full_name_after_the_job_of_a_speaker_who_follows_said_names_them():
    text = (
        "“The tunnel will open on time,” said the project director, Lena Voss, at the site.\n\n"
        "“We were never consulted,” said the chairman, Omar Farid.\n\n"
        "“The line is safe,” said the director, on Friday."
    )
    sources = {s.quote: s for s in found(text, "source")}
    assert sources["the project director, Lena Voss"].attrs["identity"] == "named"
    assert sources["the project director, Lena Voss"].entity == "Lena Voss"
    assert sources["the chairman, Omar Farid"].attrs["identity"] == "named"
    assert sources["the director"].attrs["identity"] == "anonymous"  # a day is no name
    assert "Lena Voss" not in sources and "Omar Farid" not in sources  # one source, not two


def test_a_capitalised_small_word_inside_a_campaign_name_stays_in_the_name():
    text = (
        "Pupils from Hill Road School joined the march.\n\n"
        "The campaign group Keep Our Library said the closure was a mistake that the town would regret."
    )
    (source,) = found(text, "source")
    assert source.quote.endswith("Keep Our Library") and source.entity == "Keep Our Library"


def test_the_words_that_say_which_sources_belong_to_the_source():
    text = (
        "Sources close to the planning committee said the vote would be delayed until the spring.\n\n"
        "Officials at the main depot say the new buses will arrive in June."
    )
    sources, claims = quotes(text, "source"), quotes(text, "claim")
    assert sources["Sources close to the planning committee"].attrs == {"identity": "anonymous", "role": "other"}
    delayed = claims["the vote would be delayed until the spring"]
    assert delayed.source == (sources["Sources close to the planning committee"].start, delayed.source[1])
    assert "Officials at the main depot" in sources


unlisted_jobs = st.sampled_from(["engineer", "lifeguard", "county engineer", "site foreman", "head librarian"])


@settings(max_examples=30, deadline=None)
@given(unlisted_jobs, names, st.sampled_from(["said", "says", "added"]), st.sampled_from([".", ", on Monday."]))
def test_a_full_name_set_off_after_the_job_of_an_inverted_speaker_is_the_source_whatever_the_job(
    job, name, verb, after
):
    text = f"“The bridge must close for a month,” {verb} the {job}, {name}{after}"
    assert set(quotes(text, "source", BLANK)) == {f"the {job}, {name}"}
    assert not [c for c in quotes(text, "claim", BLANK) if name in c]


def test_a_possessive_in_the_job_of_an_inverted_speaker_stays_in_the_source():
    text = "“We will not give up the fight,” said the charity's director, Ruth Obi."
    assert set(quotes(text, "source")) == {"the charity's director, Ruth Obi"}
    assert not [c for c in quotes(text, "claim") if "Ruth Obi" in c]


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["its", "his", "her", "their", "our"]),
    jobs,
    st.one_of(st.none(), names),
    st.sampled_from(["said", "added"]),
)
def test_a_speaker_after_said_and_a_possessive_is_the_source_with_the_possessive(whose, job, name, verb):
    who = f"{whose} {job}" + (f", {name}" if name else "")
    text = f"“The club will not be sold to anyone who cannot pay its debts,” {verb} {who}."
    assert set(quotes(text, "source", BLANK)) == {who}
    assert not [c for c in quotes(text, "claim", BLANK) if job in c]


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(["spokesman", "spokeswoman", "spokesperson"]),
    st.sampled_from(["the union", "the local bus company", "the Harbourside Trust", "Acme Ltd"]),
)
def test_a_spokesperson_for_a_body_is_one_source_whatever_the_body(job, body):
    text = f"A {job} for {body} said the route would close in the spring."
    assert _source_of(text, "the route would close in the spring") == f"A {job} for {body}"


@settings(max_examples=30, deadline=None)
@given(group_words, names)
def test_a_group_word_before_an_unlisted_job_and_a_name_is_part_of_one_source(group, name):
    text = f"“We will not give up on the ferry,” said {group} organiser {name}."
    assert set(quotes(text, "source", BLANK)) == {f"{group} organiser {name}"}


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["Its founder", "Her daughter", "Their lawyer", "The group's founder", "The charity's treasurer"]),
    names,
    st.sampled_from(["said", "says", "told the Courier"]),
)
def test_whose_job_set_off_before_a_name_at_the_start_is_part_of_the_source(whose, name, verb):
    text = f"{whose}, {name}, {verb} the plan to close the library was a disgrace."
    assert _source_of(text, "the plan to close the library was a disgrace") == f"{whose}, {name}"


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(["One", "A", "Another"]),
    st.sampled_from(["hotel", "school bus", "village shop", "ferry"]),
    st.one_of(jobs, group_words),
    st.sampled_from(["", ", who asked not to be named,", ", who has worked there for ten years,"]),
)
def test_words_that_make_a_job_one_kind_of_job_are_part_of_the_source(one, kind, job, aside):
    text = f"{one} {kind} {job}{aside} said bookings for May had already fallen by a third."
    who = _source_of(text, "bookings for May had already fallen by a third")
    assert who == f"{one} {kind} {job}", who  # an aside with 'who' is about them, not part of the source


def test_a_speaker_before_said_keeps_the_word_that_picks_them_out():
    text = "A spokesman said the pool would close in June for repairs."
    assert _source_of(text, "the pool would close in June for repairs") == "A spokesman"
    text = "The pier is shut and two officials said the ferry would not sail until spring."
    assert _source_of(text, "the ferry would not sail until spring") == "two officials"
    text = "In 2019 residents said the old pool was too cold for swimming lessons."  # the year is not how many
    assert _source_of(text, "the old pool was too cold for swimming lessons") == "residents"
    text = "Parents said the Westmoor claims were false and the school was safe."  # 'the' goes with 'claims'
    assert not [q for q in quotes(text, "source", BLANK) if q.lower().startswith("the")]


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(sorted(SPEAKER_DETERMINERS | {"two", "three", "12"})),
    every_job,
    st.sampled_from(["said", "says", "told reporters", "warned", "has said", "had told them"]),
    st.sampled_from(["", "Asked about the fares, "]),
)
def test_any_word_that_picks_out_a_listed_speaker_before_the_verb_is_part_of_the_source(which, job, verb, before):
    who = f"{which} {job}" if before else f"{which.title()} {job}"
    text = f"{before}{who} {verb} the ferry would stop running in the winter."
    assert _source_of(text, "the ferry would stop running in the winter") == who


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(["council", "mayor", "police"]),
    st.sampled_from(["claims", "claimed", "denied", "alleged"]),
    st.sampled_from(["the pool is unsafe for swimmers", "that the pool is unsafe for swimmers"]),
)
def test_the_word_that_picks_out_a_speaker_stays_before_a_verb_that_is_also_a_noun(who, verb, said):
    text = f"The {who} {verb} {said}."
    assert _source_of(text, "the pool is unsafe for swimmers") == f"The {who}"


@given(
    st.sampled_from(["two officials", "a worker", "officials", "the manager", "three drivers"]),
    st.sampled_from(["at the depot", "at the depot on Monday", "at a briefing"]),
)
@settings(max_examples=40, deadline=None)
def test_who_speaks_after_said_stops_before_where_they_said_it(who, where):
    """'…,” said two officials at the depot' drafted 'two officials at the depot': after a verb of saying, as after a
    passive verb's 'by', 'at' most often says where they spoke ('at a briefing'), so it is left out."""
    text = f"{BEFORE_THE_STORY}“The depot will shut for good,” said {who} {where}.\n"
    assert list(quotes(text, "source", BLANK)) == [who]


@given(
    st.sampled_from(["campaigners", "a spokesman", "residents"]),
    st.sampled_from(["Save Our Pool", "Greenway Buses", "Keep Ashford Moving"]),
    st.booleans(),
)
@settings(max_examples=40, deadline=None)
def test_a_named_group_after_from_belongs_to_the_source_and_names_none_of_them(who, body, before_the_verb):
    """'…,” said campaigners from Save Our Pool' stopped at 'campaigners': a name after 'from' says which group they
    belong to, as one after 'of' does; it does not name them, so they stay unnamed."""
    if before_the_verb:
        text = f"{BEFORE_THE_STORY}{who.capitalize()} from {body} said the pool would close.\n"
    else:
        text = f"{BEFORE_THE_STORY}“The pool will close,” said {who} from {body}.\n"
    source = f"{who.capitalize() if before_the_verb else who} from {body}"
    sources = quotes(text, "source", BLANK)
    assert list(sources) == [source]
    assert sources[source].attrs["identity"] == "anonymous"


@given(
    st.sampled_from(["Tom Whitfield", "Ann Mills"]),
    st.sampled_from(
        [
            "chair of the Friends of Ashford Library",
            "a campaigner from Save Our Pool",
            "the group's chair",
            "a retired teacher",
            "spokesperson for the Ashford Traders",
        ]
    ),
    st.sampled_from([".", ", on Monday."]),
)
@settings(max_examples=40, deadline=None)
def test_a_job_set_off_after_the_name_of_who_speaks_describes_them_in_one_source(name, job, end):
    """'…,” said Tom Whitfield, chair of the Friends of Ashford Library.' drafted the name and 'chair of …' as two
    sources: the aside describes the named speaker, so they are one source, named after the person, not the body."""
    text = f"{BEFORE_THE_STORY}“We will fight this all the way,” said {name}, {job}{end}\n"
    sources = quotes(text, "source", BLANK)
    assert list(sources) == [f"{name}, {job}"]
    assert sources[f"{name}, {job}"].entity == name
    assert sources[f"{name}, {job}"].attrs["identity"] == "named"


@given(
    st.sampled_from(["campaigners", "residents", "a spokesman", "two officials"]),
    st.sampled_from(["from the estate", "of the old quay", "for the bus company"]),
    st.sampled_from([".", " on Monday.", ", who met on Monday."]),
    st.booleans(),
)
@settings(max_examples=60, deadline=None)
def test_of_from_or_for_and_a_noun_in_small_letters_after_who_speaks_say_which_ones(who, which, end, before_the_verb):
    """'…,” said campaigners from the estate.' stopped the source at 'campaigners', and 'Residents of the estate said'
    drafted no source: the group after 'from', 'of' or 'for' says which campaigners, as a name there does. It names
    none of them."""
    source = f"{who.capitalize() if before_the_verb else who} {which}"
    if before_the_verb:
        text = f"{BEFORE_THE_STORY}{source} said the pool would close{end}\n"
    else:
        text = f"{BEFORE_THE_STORY}“The pool will close,” said {source}{end}\n"
    sources = quotes(text, "source", BLANK)
    assert list(sources) == [source]
    assert sources[source].attrs["identity"] == "anonymous"


# --- ', which said' after a body is that body's verb of saying, as ', who said' is a person's ------


@given(
    st.sampled_from(
        [
            ("The council", "The council"),
            ("Acme Ltd", "Acme Ltd"),
            ("The Harbourside Gazette", "The Harbourside Gazette"),
            ("The parish council", "The parish council"),
        ]
    ),
    st.sampled_from(["which said", "which later said", "which has said", "which told the Gazette"]),
    st.sampled_from([", reopened it.", "."]),
)
@settings(max_examples=40, deadline=None)
def test_a_body_that_which_said_follows_is_the_source(body, said, end):
    """'The council, which said the bridge was safe, reopened it' drafted the claim with no source, and its why said
    the reporter says it is true, where ', who said' after a name gives that name: 'which' stands for the body
    before the comma, a name or a group word, and the body speaks."""
    front, who = body
    text = f"{BEFORE_THE_STORY}{front}, {said} the old bridge was safe{end}\n"
    assert _source_of(text, "the old bridge was safe") == who


def test_which_said_after_a_body_named_after_its_group_word_gives_that_body():
    text = f"{BEFORE_THE_STORY}The road was shut by the charity Oxfam, which said the old bridge was unsafe.\n"
    assert _source_of(text, "the old bridge was unsafe") == "the charity Oxfam"


@pytest.mark.parametrize(
    "text",
    [
        "The road was shut near the bridge, which said the rain was too heavy.",  # a thing cannot speak
        "Floods hit homes in Leeds, which said the rain was too heavy.",  # nor a place
        "Nobody asked residents, who said the rain was too heavy.",  # 'who' after a group word stays off
    ],
)
def test_which_said_after_a_thing_or_a_place_gives_no_source(text):
    assert _source_of(f"{BEFORE_THE_STORY}{text}\n", "the rain was too heavy") == ""
    assert quotes(f"{BEFORE_THE_STORY}{text}\n", "source", BLANK) == {}


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("The plan was backed by Jo Lee, who said the rain was too heavy.", "Jo Lee"),
        ("A trader on High Street, who said the rain was too heavy, closed early.", "A trader on High Street"),
    ],
)
def test_who_said_after_a_name_or_a_place_is_as_it_was(text, who):
    assert _source_of(f"{BEFORE_THE_STORY}{text}\n", "the rain was too heavy") == who


# --- a relative clause between who speaks and the verb: about them, not part of the source ---------------------------
people = st.sampled_from(["Helen Brooks", "Councillor Ann Mills", "A driver", "One teacher", "Residents", "Its chair"])
bodies = st.sampled_from(["The council", "The charity Oxfam", "Holt's Bakery", "The firm", "Acme Ltd"])
about_people = st.sampled_from(
    [
        "who leads the Save Millbrook Library group",
        "who has lived on the Harbourside estate for more than twenty years",
        "who asked not to be named",
        "whose shop faces the library",
    ]
)
about_bodies = st.sampled_from(
    ["which runs the library", "which backs the Save Millbrook Library group", "which was fined by Ofwat last year"]
)


@settings(max_examples=80, deadline=None)
@given(
    st.one_of(st.tuples(people, about_people), st.tuples(bodies, about_bodies)),
    st.sampled_from(["said", "has said", "later said", "told the paper", "warned"]),
)
def test_a_relative_clause_before_the_verb_says_something_about_who_speaks_and_stays_out_of_the_source(who, said):
    """'Helen Brooks, who leads the Save Millbrook Library group, said the closure was a disgrace' drafted the name
    with its clause, so a student who tagged 'Helen Brooks', what a key wants, was told 'Close'; and in 'The council,
    which backs the Save Millbrook Library group, said …' the group inside the clause took the claim. Such a clause
    says something about who speaks, as ', who said' does (`_relative_speaks`): the source is the words before it,
    and nothing inside it speaks."""
    speaker, clause = who
    what = "the closure of the library was a disgrace"
    text = f"{BEFORE_THE_STORY}{speaker}, {clause}, {said} {what}.\n"
    assert list(quotes(text, "source", BLANK)) == [speaker]
    assert _source_of(text, what) == speaker


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("The firm, Acme Ltd, said the closure of the library was needed.", "The firm, Acme Ltd"),
        ("Jo Smith, 45, said the closure of the library was a disgrace.", "Jo Smith"),
        (
            "Jo Lee, a teacher at the school, said the closure of the library was a disgrace.",
            "Jo Lee, a teacher at the school",
        ),
        (
            "Jo Lee, chair of the Friends of Millbrook Library, said the closure was a disgrace.",
            "Jo Lee, chair of the Friends of Millbrook Library",
        ),
        ("Its chair, Priya Shah, said the closure of the library was a disgrace.", "Its chair, Priya Shah"),
    ],
)
def test_an_aside_that_says_who_speaks_stays_in_the_source_as_after_said(text, who):
    """What the relative clause rule must leave: a name, a job or a description set off by commas says who speaks
    ('Jo Lee, a teacher at the school, said'), as a job set off after the name does after 'said' ('…,” said Tom
    Whitfield, chair of …'), and stays in the one source; an age is not part of it ('Jo Smith, 45, said')."""
    assert list(quotes(text, "source", BLANK)) == [who]
