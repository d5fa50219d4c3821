"""Words for when and how (`suggest/time_phrases.py`): a time phrase or a word in -ly beside the speaker or the verb
is never part of who speaks, nor of what they said."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from suggest_helpers import BEFORE_THE_STORY, BLANK, _source_of, every_job, found, quotes, unlisted

from medialit.authoring.suggest.word_lists import CRITICISM_VERBS, NOUNS_IN_LY


def test_a_time_set_off_before_a_name_is_not_part_of_the_source():
    text = "The next day, Jo Park said the plan to close the library was a disgrace."
    assert _source_of(text, "the plan to close the library was a disgrace") == "Jo Park"


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["On Monday", "Last week", "At the weekend", "In May", "Earlier this month", "On 4 May"]),
    st.sampled_from(["the", "a", "two", "its"]),
    unlisted,
    st.sampled_from(["said", "told reporters", "warned"]),
)
def test_a_time_phrase_before_a_speaker_with_no_comma_is_not_part_of_it(when, which, noun, verb):
    text = f"{when} {which} {noun} {verb} the ferry would stop running in the winter."
    assert _source_of(text, "the ferry would stop running in the winter") == f"{which} {noun}"


def test_a_year_after_a_time_phrase_is_when_not_how_many():
    text = "In May 2019 residents said the old pool was too cold for swimming lessons."
    assert _source_of(text, "the old pool was too cold for swimming lessons") == "residents"


@settings(max_examples=60, deadline=None)
@given(st.integers(1000, 2099), every_job, st.sampled_from(["", "In "]))
def test_a_year_before_a_speaker_says_when_and_is_no_part_of_who(year, job, opening):
    text = f"{opening}{year} {job} said the pool was too cold for swimming lessons."
    assert _source_of(text, "the pool was too cold for swimming lessons") == job


@given(
    st.sampled_from(["Hale", "Ms Hale", "Maria Hale", "Councillor Maria Hale"]),
    st.sampled_from(["also", "later", "repeatedly", "angrily", "publicly", "has also", "had earlier", "yesterday"]),
    st.sampled_from(["accused the company of bullying residents", "said the quarry would close in May"]),
)
@settings(max_examples=40, deadline=None)
def test_a_word_for_when_or_how_before_the_verb_keeps_the_speaker_and_their_claim(name, adverb, rest):
    """'Hale also accused the company of bullying residents' was drafted as the reporter's claim with no source:
    'also' between the name and a verb of saying hid who says it ('accused' is a verb of saying)."""
    text = f"Plans for a quarry split the village.\n\n{name} {adverb} {rest}.\n"
    sources = quotes(text, "source", BLANK)
    assert name in sources
    claim = next(s for s in found(text, "claim", BLANK) if s.quote.startswith(("the ", "accused ")))
    assert claim.source == (sources[name].start, sources[name].end)


def test_a_noun_after_a_name_is_no_word_for_how_before_the_verb():
    """'family' ends like 'angrily' but is who speaks: 'The Hale' is no speaker."""
    sources = quotes("The Hale family said the quarry would ruin the valley.", "source", BLANK)
    assert not any(q.endswith("Hale") for q in sources)


@given(
    st.sampled_from(["Hale", "Ms Hale", "Maria Hale", "Councillor Maria Hale", "The mayor", "A spokesman"]),
    st.sampled_from(
        ["on Tuesday", "last week", "yesterday", "earlier today", "in 2019", "on Monday morning", "in May"]
    ),
    st.sampled_from(["", " also"]),
    st.sampled_from(["accused the company of bullying residents", "said the quarry would close in the spring"]),
)
@settings(max_examples=60, deadline=None)
def test_a_time_phrase_between_a_speaker_and_the_verb_is_no_part_of_the_speaker(who, when, adverb, rest):
    """'Hale on Tuesday accused the company of …' drafted the source 'Hale on Tuesday', and 'Hale in 2019 said …'
    or 'Jo Hale last week said …' drafted none, and the claim as the reporter's."""
    text = f"Plans for a quarry split the village.\n\n{who} {when}{adverb} {rest}.\n"
    sources = quotes(text, "source", BLANK)
    assert list(sources) == [who], sources
    claim = next(s for s in found(text, "claim", BLANK) if s.quote.startswith(("the ", "accused ")))
    assert claim.source == (sources[who].start, sources[who].end)


@given(
    st.sampled_from(["A local", "The", "Two", "One"]),
    unlisted,
    st.sampled_from(["also", "later", "has since", "had also", "on Tuesday", "last week"]),
    st.sampled_from(["said", "told reporters", "warned"]),
)
@settings(max_examples=60, deadline=None)
def test_an_unnamed_speaker_keeps_their_claim_past_also_or_a_time_before_the_verb(which, noun, between, verb):
    """'A local trader also said the road had been closed for weeks' drafted no source and the claim as the
    reporter's, though 'Hale also said' drafted Hale: what stands between a speaker and the verb is one rule."""
    who = f"{which} {noun}"
    text = f"Work on the bypass began in March.\n\n{who} {between} {verb} the road had been closed for weeks.\n"
    sources = quotes(text, "source", BLANK)
    assert list(sources) == [who], sources
    claim = quotes(text, "claim", BLANK)["the road had been closed for weeks"]
    assert claim.source == (sources[who].start, sources[who].end)


when_said = st.sampled_from(["on Tuesday", "last week", "yesterday", "in May", "on Monday morning", "earlier today"])


who_said = st.sampled_from(["The council", "Jo Lee", "A spokesman", "Councillor Ann Reid"])


@given(who_said, st.sampled_from(["said", "told reporters", "warned"]), when_said, st.sampled_from(["", " that"]))
@settings(max_examples=60, deadline=None)
def test_a_time_phrase_right_after_the_verb_is_stepped_over_to_what_was_said(who, verb, when, that):
    """'The council said on Tuesday the bridge was unsafe.' drafted no claim: the time phrase stopped the reported
    clause, as a place does ('wrote on Facebook'). It is stepped over as one before the verb is."""
    text = f"Plans for a quarry split the village.\n\n{who} {verb} {when}{that} the bridge was unsafe for buses.\n"
    source = quotes(text, "source", BLANK)[who]
    claim = quotes(text, "claim", BLANK)["the bridge was unsafe for buses"]
    assert claim.source == (source.start, source.end)


@given(who_said, st.sampled_from(["said", "told reporters", "warned"]), when_said)
@settings(max_examples=40, deadline=None)
def test_a_time_phrase_that_ends_the_sentence_leaves_the_claim_before_the_speaker(who, verb, when):
    """'The bridge was unsafe for buses, the council said on Tuesday.' drafted no claim at all."""
    who = who if who.split()[0] in {"Jo", "Councillor"} else who[0].lower() + who[1:]
    text = f"Plans for a quarry split the village.\n\nThe bridge was unsafe for buses, {who} {verb} {when}.\n"
    claim = quotes(text, "claim", BLANK)["The bridge was unsafe for buses"]
    source = quotes(text, "source", BLANK)[who]
    assert claim.source == (source.start, source.end)


@pytest.mark.parametrize(
    "text, claim",
    [
        ("The mayor said last year had been the worst for the town.", "last year had been the worst for the town"),
        ("The mayor said the day had gone well for the whole town.", "the day had gone well for the whole town"),
    ],
)
def test_a_time_phrase_that_is_the_subject_of_what_was_said_stays_in_the_claim(text, claim):
    assert claim in quotes(text, "claim", BLANK)


critics = st.sampled_from(["Moscow", "Jo Hale", "The council", "Local campaigners", "Harbour Ferries", "The union"])


@given(
    critics,
    st.from_regex(r"[a-z]{3,9}ly", fullmatch=True).filter(lambda w: w not in NOUNS_IN_LY),
    st.sampled_from(sorted(CRITICISM_VERBS)),
    st.sampled_from([("the plan", "as", "reckless"), ("the decision", "for", "ignoring the warnings")]),
)
@settings(max_examples=80, deadline=None)
def test_an_adverb_in_ly_between_the_critic_and_a_verb_of_criticism_leaves_the_critic_the_source(
    who, adverb, verb, rest
):
    """'Moscow furiously decried the plan as reckless' and 'The council swiftly slammed …' drafted no source: a
    word in -ly right before a verb of criticism says how it was done, so whoever stands before it criticises, and
    the judgement or the charge is put to them."""
    thing, link, said = rest
    text = f"{BEFORE_THE_STORY}{who} {adverb} {verb} {thing} {link} {said}.\n"
    assert list(quotes(text, "source", BLANK)) == [who]
    assert _source_of(text, f"{verb} {thing} {link} {said}") == who


@given(st.sampled_from(sorted(NOUNS_IN_LY)), st.sampled_from(sorted(CRITICISM_VERBS)))
@settings(max_examples=30, deadline=None)
def test_a_noun_in_ly_before_a_verb_of_criticism_is_not_stepped_over(noun, verb):
    """'The Hale family slammed …': 'family' is the noun that speaks, not how; 'Hale' alone is no source."""
    text = f"{BEFORE_THE_STORY}The Hale {noun} {verb} the plan as reckless.\n"
    assert not {"Hale", "The Hale"} & set(quotes(text, "source", BLANK))


how_words = st.from_regex(r"[a-z]{3,9}ly", fullmatch=True).filter(lambda w: w not in NOUNS_IN_LY)


speakers_and_what = st.sampled_from(
    [
        ("Jo Hale", "said the bridge was safe for lorries."),
        ("The minister", "said the bridge was safe for lorries."),
        ("A local trader", "told reporters the market would close in May."),
        ("Residents", "blamed the council for the delay."),
        ("The man", "accused the council of lying."),
        ("Jo Hale", "accused the council of lying."),
        ("The union", "slammed the plan as reckless."),
        ("Jo Hale, who chairs the pool trust, spoke at the meeting. She", "decried the plan as reckless."),
        ("Jo Hale, who chairs the pool trust, spoke at the meeting. She", "accused the council of lying."),
        ("Jo Hale, who chairs the pool trust, spoke at the meeting. She", "said the bridge was safe for lorries."),
        ("Jo Hale, who chairs the pool trust, spoke at the meeting. He", "blamed the council for the delay."),
    ]
)


def _sources_and_claims(text: str) -> tuple[set, set]:
    made = found(text, None, BLANK)
    sources = {s.quote for s in made if s.label == "source"}
    claims = {
        (s.quote, text[s.source[0] : s.source[1]] if s.source else s.speaker_word) for s in made if s.label == "claim"
    }
    return sources, claims


@given(speakers_and_what, how_words)
@settings(max_examples=120, deadline=None)
def test_a_word_in_ly_before_the_verb_drafts_the_same_sources_and_claims_as_the_verb_alone(who_what, adverb):
    """'She furiously decried the plan' drafted no source where 'She decried the plan' drafts the person named
    before her, 'the minister wrongly said' drafted 'The minister wrongly' and 'Jo Hale wrongly said' nobody: a word
    in -ly right before a verb of saying, charge or criticism says how it was done, so the sources and claims are
    those of the sentence without it."""
    who, what = who_what
    plain = f"{BEFORE_THE_STORY}{who} {what}\n"
    text = f"{BEFORE_THE_STORY}{who} {adverb} {what}\n"
    assert _sources_and_claims(text) == _sources_and_claims(plain)


@given(
    st.sampled_from(sorted(NOUNS_IN_LY)),
    st.sampled_from(["said the bridge was safe", "accused the council of lying", "blamed the council for it"]),
)
@settings(max_examples=40, deadline=None)
def test_a_noun_in_ly_before_said_accused_or_blamed_is_not_stepped_over(noun, what):
    """'The Hale family said …': 'family' is the noun that speaks, not how; 'Hale' alone is no source."""
    text = f"{BEFORE_THE_STORY}The Hale {noun} {what}.\n"
    assert not {"Hale", "The Hale"} & set(quotes(text, "source", BLANK))


@given(
    st.sampled_from(["Last week", "Yesterday", "On Monday", "In May", "Earlier this year"]),
    st.sampled_from(["traders", "market traders", "Tom Jones", "the council"]),
)
@settings(max_examples=40, deadline=None)
def test_a_time_phrase_that_opens_the_sentence_is_not_part_of_who_speaks(when, who):
    """'Last week traders said the market was quiet.' drafted the source 'week traders', 'On Monday traders said'
    'Monday traders': when it was said is not who said it."""
    text = f"{BEFORE_THE_STORY}{when} {who} said the market was quiet.\n"
    assert list(quotes(text, "source", BLANK)) == [who]


@given(
    st.sampled_from(["Last week", "The next week", "Every week"]),
    st.sampled_from(["swimmers", "local swimmers", "two swimmers"]),
)
@settings(max_examples=30, deadline=None)
def test_a_time_phrase_before_a_speaker_in_no_list_is_not_part_of_who_speaks(when, who):
    """'Last week swimmers said …' drafted no source: the words before the verb were read as 'week swimmers', which a
    word for when makes no speaker; when it was said is left out, as for a job word ('Last week traders said')."""
    text = f"{BEFORE_THE_STORY}{when} {who} said the water was cold.\n"
    assert list(quotes(text, "source", BLANK)) == [who]
