"""Passive verbs of labelling, charge and criticism (`suggest/passives.py`): whoever comes after 'by' made the
judgement, who it is about is no source, and a participle that only describes a noun drafts nothing."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from suggest_helpers import (
    BEFORE_THE_STORY,
    BLANK,
    _source_of,
    criticised_forms,
    found,
    labelled_things,
    labellers,
    quotes,
)

from medialit import Article
from medialit.authoring import suggest as sg
from medialit.authoring.suggest.suggestion import CONFIDENCE
from medialit.authoring.suggest.word_lists import ACCUSATION_WORDS, LABELLING_VERBS, NOUNS_IN_LY

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


# --- 'was dubbed' and 'was called' before a label are verbs of labelling ---------------------------


@given(
    st.sampled_from(["was dubbed", "was called", "has been dubbed", "was widely called"]),
    st.sampled_from(["reckless", "unworkable", "a failure", "an expensive mistake", "a waste of money"]),
    st.sampled_from([", critics said.", ", two officials told the Gazette.", "."]),
)
@settings(max_examples=40, deadline=None)
def test_a_passive_dubbed_or_called_before_a_label_is_a_judgement(verb, label, end):
    """'The scheme was dubbed a failure, officials said.' stayed a fact where 'was branded a disgrace' was a
    judgement: after 'was', 'called' and 'dubbed' with a label that names a quality right after them label, as
    'branded' and 'labelled' do."""
    text = f"{BEFORE_THE_STORY}The new scheme {verb} {label}{end}\n"
    found = sg.suggest(Article.from_text(text), BLANK)
    claims = [s for s in found if s.label == "claim"]
    assert [(c.quote, c.attrs["kind"]) for c in claims] == [(f"The new scheme {verb} {label}", "judgement")]
    sources = [s for s in found if s.label == "source"]
    assert claims[0].source == ((sources[0].start, sources[0].end) if sources else None)


@pytest.mark.parametrize(
    "text",
    [
        "Residents called for a new bridge, officials said.",
        "An ambulance was called to the scene, officials said.",
        "The union called on the council to act, officials said.",
        "The strike was called off, officials said.",
        "A man called Tom was arrested, officials said.",
        "The baby was called Tom, officials said.",
        "The tower was dubbed the Gherkin, officials said.",
        "The ambassador was called home, officials said.",
        "The vote was called a day early, officials said.",
        "The nurse was called as a witness, officials said.",
        "The meeting was called by the council, officials said.",
        "The so-called reforms were dropped, officials said.",
        "The helpline was called a number of times, officials said.",
        "The office was called a few times, officials said.",
        "The mayor was called twice, officials said.",
        "The number was called a second time, officials said.",
        "The doctor was called immediately, officials said.",
        "The helpline was called repeatedly, officials said.",
    ],
)
def test_called_or_dubbed_that_asks_names_or_sends_stays_a_fact(text):
    """What the rule must leave: 'called' that asks, sends, calls off or gives a name labels nothing ('called for',
    'was called to the scene', 'called off', 'a man called Tom', 'was dubbed the Gherkin'), nor does one that says
    how often ('was called a number of times', 'twice'); 'so-called' is the writer's own doubt, a loaded word and no
    verb."""
    found = sg.suggest(Article.from_text(f"{BEFORE_THE_STORY}{text}\n"), BLANK)
    assert [s.attrs["kind"] for s in found if s.label == "claim"] == ["fact"]
    assert [s.quote for s in found if s.label == "cue"] == ["said"]


@pytest.mark.parametrize(
    "text", ["Some were called", "It was dubbed", "The plan was called\n\nA failure, critics said."]
)
def test_an_article_or_a_sentence_that_ends_on_a_passive_called_or_dubbed_drafts_what_it_can(text):
    """The label is looked for after the verb, in its sentence: with the article ending on the verb the look read
    past the last word (IndexError), and with the sentence ending there it read the next one's words as the label."""
    drafted = sg.suggest(Article(text), BLANK)
    assert all(0 <= s.start < s.end <= len(text) for s in drafted)
    assert not [s for s in drafted if s.quote in {"called", "dubbed"} or s.attrs.get("kind") == "judgement"]


def test_the_one_noun_a_passive_dubbed_puts_on_what_it_names_is_loaded_as_brandeds_is():
    text = f"{BEFORE_THE_STORY}The scheme was dubbed a failure, officials said.\n"
    assert "failure" in quotes(text, "loaded", BLANK)


# --- 'called' and 'dubbed' that put a label on what follows them are active verbs of labelling -----------


def assert_a_judgement_put_to_who_labels(text: str, who: str, verb: str, opening: str) -> None:
    """What an active verb of labelling drafts: `who` the one source, the verb a cue of speech, and one judgement
    opening with `opening` put to `who`."""
    sources = quotes(text, "source", BLANK)
    assert list(sources) == [who]
    assert quotes(text, "cue", BLANK)[verb].confidence == CONFIDENCE["cue-speech"]
    [claim] = [c for c in found(text, "claim", BLANK) if c.attrs["kind"] == "judgement"]
    assert claim.quote.startswith(opening)
    assert claim.source == (sources[who].start, sources[who].end)


@given(
    labellers,
    st.sampled_from(["called", "dubbed", "branded"]),
    labelled_things,
    st.sampled_from(["a disaster", "an eyesore", "a shambles", "a costly mistake", "“a disgrace”", "“reckless”"]),
    st.sampled_from([".", " on Monday.", ", and the council apologised."]),
)
@settings(max_examples=80, deadline=None)
def test_an_active_called_or_dubbed_before_what_it_labels_and_a_label_is_a_judgement_put_to_its_subject(
    who, verb, thing, label, after
):
    """'Critics called the plan a disaster' drafted nothing where 'Critics branded the plan a disaster' drafts the
    source, the cue and the judgement, and 'The plan was called a disaster, officials said' a judgement: 'called' and
    'dubbed' with what they label and then a label that names a quality label as 'branded' does, put to whoever
    labels."""
    text = f"{BEFORE_THE_STORY}{who} {verb} {thing} {label}{after}\n"
    assert_a_judgement_put_to_who_labels(text, who, verb, f"{verb} {thing} {label}")


@pytest.mark.parametrize("verb", ["called", "dubbed", "branded"])
@pytest.mark.parametrize("label", ["a disaster", "an eyesore"])
@pytest.mark.parametrize("when", ["", " on Monday", " last week"])
def test_the_one_noun_an_active_called_or_dubbed_puts_on_what_it_names_is_loaded_as_the_passive_ones_is(
    verb, label, when
):
    """The label's noun is drafted as loaded after the passive 'was called a disaster'; after the active 'called the
    plan a disaster' too, with the reporter's voice, as after 'branded', and before a time phrase that ends the
    clause ('a disaster on Monday'), which was read as the label's last word."""
    noun = label.split()[-1]
    for text in (f"Residents {verb} the plan {label}{when}.", f"The plan was {verb} {label}{when}, residents said."):
        loaded = quotes(f"{BEFORE_THE_STORY}{text}\n", "loaded", BLANK)
        assert loaded[noun].attrs["voice"] == "reporter", text


@pytest.mark.parametrize("verb", ["was called", "was dubbed"])
@pytest.mark.parametrize("when", [" on Monday", " last week", " in May"])
def test_a_passive_called_or_dubbed_before_a_label_and_a_time_phrase_is_a_judgement(verb, when):
    """'The scheme was called a failure on Monday' stayed a fact: the time phrase was read as part of the label, and
    'Monday' in a capital is no quality. When it was said ends the label, as a pause does."""
    text = f"{BEFORE_THE_STORY}The new scheme {verb} a failure{when}, critics said.\n"
    claims = quotes(text, "claim", BLANK)
    assert claims[f"The new scheme {verb} a failure{when}"].attrs["kind"] == "judgement"


def test_an_active_label_after_what_it_labels_and_a_phrase_that_says_which_one_is_a_judgement():
    """'called the union's claim about the budget “absurd”': what is labelled may go on over 'about', 'of', 'for',
    'from', 'on', 'in', 'at' or 'with' to the noun it belongs to before the label."""
    text = f"{BEFORE_THE_STORY}A council spokesman called the union’s claim about the budget “absurd”.\n"
    claim = quotes(text, "claim", BLANK)["called the union’s claim about the budget “absurd”"]
    assert claim.attrs["kind"] == "judgement"
    assert _source_of(text, claim.quote) == "A council spokesman"


@pytest.mark.parametrize(
    "text",
    [
        "Residents called for a new bridge.",
        "The union called on the council to act.",
        "The council called off the vote.",
        "A neighbour called the police.",
        "A neighbour called the police immediately.",
        "Jo Lee called him on Tuesday.",
        "A man called Tom was arrested.",
        "The panel named the winner.",
        "Jo Lee called the baby Tom.",
        "Locals dubbed the tower the Gherkin.",
        "A passer-by called him an ambulance.",
        "The driver called her a taxi.",
        "A neighbour called the police a day after the fire.",
        "Jo Lee called the office a second time.",
        "Jo Lee called the helpline a number of times.",
        "Jo Lee called the police on a Tuesday.",
        "Jo Lee called the police in a panic.",
        "Jo Lee called the police after she saw a fire.",
        "The chair called the meeting to order.",
        "The club called it a day.",
        "The band called it quits.",
        "Jo Lee called her immediately.",
        "The plan that critics called “a shambles” was dropped.",
    ],
)
def test_called_or_dubbed_that_asks_names_or_sends_after_an_object_labels_nothing(text):
    """What the active rule must leave: 'called' that asks, calls off, rings or sends for someone, or gives a second
    name ('called the baby Tom', 'dubbed the tower the Gherkin'), or fetches something for someone ('called him an
    ambulance'), or says when or how often ('a day after', 'a second time', 'a number of times') labels nothing;
    nor does an 'a' after a word that opens a phrase or a clause ('on a Tuesday', 'after she saw a fire'), or one
    word after a pronoun ('called it quits'). A relative clause with no comma says which one ('The plan that critics
    called “a shambles” was dropped'), and reports no judgement."""
    text = f"{BEFORE_THE_STORY}{text}\n"
    assert not [s.quote for s in found(text, "cue", BLANK) if s.quote in {"called", "dubbed"}]
    assert not [s.quote for s in found(text, "claim", BLANK) if s.attrs["kind"] == "judgement"]
    assert not quotes(text, "source", BLANK)


@pytest.mark.parametrize("text", ["Critics called the plan", "Critics called it", "Residents dubbed the new tower"])
def test_an_article_that_ends_on_what_an_active_called_or_dubbed_labels_drafts_what_it_can(text):
    """The label is looked for right after what the verb labels: with the article ending there the look read past the
    last word (IndexError, as on 'Critics called it'). No label follows, so 'called' drafts nothing."""
    drafted = sg.suggest(Article(text), BLANK)
    assert all(0 <= s.start < s.end <= len(text) for s in drafted)
    assert not [s for s in drafted if s.quote in {"called", "dubbed"} or s.attrs.get("kind") == "judgement"]


# --- a label with no 'a', 'an' or quotation mark: one word with an adjective's ending that ends the clause ---------

adjective_labels = st.sampled_from(["reckless", "unaffordable", "irresponsible", "childish", "unwise", "unethical"])


@given(
    labellers,
    st.sampled_from(["called", "dubbed", "branded"]),
    st.sampled_from(["the plan", "the new car park", "its budget", "the county's offer", "it", "them"]),
    adjective_labels,
    st.sampled_from([".", ", and the council apologised.", " on Monday.", "; the vote is next week."]),
)
@settings(max_examples=80, deadline=None)
def test_an_active_verb_of_labelling_before_what_it_labels_and_one_adjective_is_a_judgement(
    who, verb, thing, label, after
):
    """'Critics called the plan reckless.' drafted nothing, and 'The mayor branded the scheme unfair.' only the cue:
    with no 'a' nothing showed where what is labelled ends. A word that ends as only adjectives do ('-less', '-ible',
    'un-' …) and ends the clause is the label; it is put to whoever labels, and drafted as loaded, listed or not."""
    text = f"{BEFORE_THE_STORY}{who} {verb} {thing} {label}{after}\n"
    assert_a_judgement_put_to_who_labels(text, who, verb, f"{verb} {thing} {label}")
    assert quotes(text, "loaded", BLANK)[label].attrs["voice"] == "reporter"


@pytest.mark.parametrize(
    "text, claim",
    [
        ("The plan was called reckless by critics.", "The plan was called reckless"),
        ("The move was branded irresponsible, officials said.", "The move was branded irresponsible"),
        ("The scheme was dubbed unaffordable by residents.", "The scheme was dubbed unaffordable"),
        ("The plan was branded childish.", "The plan was branded childish"),
    ],
)
def test_a_passive_verb_of_labelling_before_one_adjective_drafts_it_as_loaded(text, claim):
    """After a passive verb the one word was already the label, and its claim a judgement; the word itself, as the one
    noun after 'a' is, is drafted as loaded whether our list holds it or not ('unaffordable', 'childish')."""
    text = f"{BEFORE_THE_STORY}{text}\n"
    assert quotes(text, "claim", BLANK)[claim].attrs["kind"] == "judgement"
    label = claim.split()[-1]
    assert quotes(text, "loaded", BLANK)[label].attrs["voice"] == "reporter"


@pytest.mark.parametrize(
    "text, word",
    [
        ("The firm labelled the bottles recyclable.", "recyclable"),
        ("Staff labelled the jackets washable.", "washable"),
        ("The bottles were labelled recyclable.", "recyclable"),
        ("The tins are labelled perishable, the shop said.", "perishable"),
    ],
)
def test_labelled_before_one_adjective_may_say_what_is_written_and_drafts_it_as_no_loaded_word(text, word):
    """'labelled' also puts a written label on things: one adjective after it may say what is written there
    ('labelled the bottles recyclable'), not judge, so it is drafted as no loaded word, and the active verb drafts no
    judgement from it. After 'branded', 'called' or 'dubbed' it judges."""
    text = f"{BEFORE_THE_STORY}{text}\n"
    assert word not in quotes(text, "loaded", BLANK)
    assert not [c for c in found(text, "claim", BLANK) if c.quote.startswith("labelled")]


@pytest.mark.parametrize(
    "text",
    [
        "A neighbour called the police.",
        "Jo Lee called him yesterday.",
        "The council called the plan off.",
        "The band called it quits.",
        "The farmer branded the cattle.",
        "A neighbour called the local hospital.",
        "Jo Lee called the chief executive.",
        "Jo Lee called her uncle.",
        "Jo Lee called her relative.",
        "Police called the man responsible.",
        "Jo Lee called the only number available.",
        "Jo Lee called the police constable.",
        "Jo Lee called the local parish.",
        "Jo Lee called the union's representative.",
        "Jo Lee called the family's anguish.",
        "Jo Lee called the plan absurd.",
        "Jo Lee called the plan silly.",
        "Jo Lee called the plan reckless and unfair.",
    ],
)
def test_an_active_called_before_a_word_with_no_adjectives_ending_labels_nothing(text):
    """What the rule for one adjective must leave: a noun ('the police', 'the local hospital', 'the chief executive',
    'her uncle': '-al', '-ive' and '-ic' end nouns too, so only 'un-', 'ir-' or 'il-' before them makes an adjective),
    a word that says which one ('the man responsible'), one after a possessive ('the family's anguish'), a word that
    is no adjective ('off', 'quits') or has no ending that shows one ('absurd', 'silly': missed), and a label that
    does not end the clause ('reckless and unfair'): no judgement, and no cue for 'called'."""
    text = f"{BEFORE_THE_STORY}{text}\n"
    assert not [s.quote for s in found(text, "cue", BLANK) if s.quote == "called"]
    assert not [s.quote for s in found(text, "claim", BLANK) if s.attrs["kind"] == "judgement"]


@given(
    st.sampled_from(["called", "dubbed", "branded"]),
    st.sampled_from(["the", "its", "a local", "the new"]),
    st.sampled_from(["hospital", "clinic", "detective", "representative", "tenant", "student", "relative", "medic"]),
)
@settings(max_examples=60, deadline=None)
def test_a_noun_whose_ending_adjectives_share_ends_what_is_labelled_and_no_label(verb, which, noun):
    """'-al', '-ic', '-ive', '-ant' and '-ent' end nouns as often as adjectives: after any words that pick one out, such
    a noun alone ending the clause is what the verb is about, never its label."""
    text = f"{BEFORE_THE_STORY}Jo Lee {verb} {which} {noun}.\n"
    assert not [s.quote for s in found(text, "claim", BLANK) if s.attrs["kind"] == "judgement"]
    assert noun not in quotes(text, "loaded", BLANK)


# --- a label that runs across a comma between two words before its noun ------------------------------------------

describing_pairs = st.sampled_from(
    ["a cockamamie, xenophobic scheme", "a cruel, heartless plan", "an expensive, pointless gesture"]
    + ["a costly, unworkable, cynical scheme", "a lazy, unethical ploy"]
)


@given(
    labellers,
    st.sampled_from(["called", "dubbed", "branded", "labelled"]),
    st.sampled_from(["the plan", "it", "the county's offer"]),
    describing_pairs,
    st.sampled_from([".", ", and the council apologised.", " on Monday."]),
)
@settings(max_examples=60, deadline=None)
def test_an_active_label_runs_across_a_comma_between_two_describing_words(who, verb, thing, label, after):
    """'branded it a cockamamie, xenophobic scheme' drafted the judgement 'branded it a cockamamie': the label stopped
    at the first comma. A comma between two words that describe the label's noun is inside the label."""
    text = f"{BEFORE_THE_STORY}{who} {verb} {thing} {label}{after}\n"
    [claim] = [c for c in found(text, "claim", BLANK) if c.attrs["kind"] == "judgement"]
    assert claim.quote.startswith(f"{verb} {thing} {label}")
    assert _source_of(text, claim.quote) == who


@given(
    st.sampled_from(["was branded", "has been labelled", "was dubbed", "was called"]),
    describing_pairs,
    st.sampled_from([" by critics", ""]),
)
@settings(max_examples=40, deadline=None)
def test_a_passive_label_runs_across_a_comma_between_two_describing_words(verb, label, by):
    """'The plan was branded a cruel, heartless plan by critics.' stopped at the comma: no 'by' was seen, and no one
    was drafted as who labels. The label runs on to its noun, and who comes after 'by' is its source."""
    text = f"{BEFORE_THE_STORY}The new scheme {verb} {label}{by}.\n"
    claim = quotes(text, "claim", BLANK)[f"The new scheme {verb} {label}"]
    assert claim.attrs["kind"] == "judgement"
    assert _source_of(text, claim.quote) == by.removeprefix(" by ")


@pytest.mark.parametrize(
    "tail, claim",
    [
        ("a disgrace, officials said.", "branded the plan a disgrace"),
        ("a failure, local residents said.", "branded the plan a failure"),
        ("a waste, parent groups said.", "branded the plan a waste"),
        ("a shambles, unelected officials said.", "branded the plan a shambles"),
        ("a disgrace, and the council apologised.", "branded the plan a disgrace"),
        ("a disgrace, racist and cruel.", "branded the plan a disgrace"),
        ("a costly mistake, critical of its cost.", "branded the plan a costly mistake"),
        ("a disgrace, a waste of money.", "branded the plan a disgrace"),
    ],
)
def test_a_label_stops_at_a_comma_that_no_describing_word_and_noun_follow(tail, claim):
    """What must not change: after the comma come who said it ('officials said', 'local residents said': a word with
    an adjective's ending is not then before the noun that ends the clause), another clause, or a second label."""
    text = f"{BEFORE_THE_STORY}Jo Lee branded the plan {tail}\n"
    assert quotes(text, "claim", BLANK)[claim].attrs["kind"] == "judgement"


@given(
    st.sampled_from(["a disgrace", "a failure", "an eyesore"]),
    st.sampled_from(["", "local ", "unelected ", "critical ", "two "]),
    st.sampled_from(["officials", "residents", "campaigners", "parent groups"]),
    st.sampled_from(["said", "say", "claimed", "told the Gazette", "have said"]),
)
@settings(max_examples=60, deadline=None)
def test_a_label_stops_at_the_comma_before_who_said_it(label, describing, who, said):
    """For whoever says it after the comma, with a word before them that an adjective's ending would fit ('critical
    officials'), the label stops at the comma: a verb of saying, not a pause, comes after their noun."""
    text = f"{BEFORE_THE_STORY}Jo Lee branded the plan {label}, {describing}{who} {said}.\n"
    assert quotes(text, "claim", BLANK)[f"branded the plan {label}"].attrs["kind"] == "judgement"


@pytest.mark.parametrize(
    "text, claim",
    [
        ("Critics slammed the plan as a cruel, heartless scheme.", "slammed the plan as a cruel, heartless scheme"),
        (
            "The plan was slammed as a lazy, unethical ploy by critics.",
            "The plan was slammed as a lazy, unethical ploy",
        ),
    ],
)
def test_a_judgement_after_as_runs_across_a_comma_between_two_describing_words(text, claim):
    """'slammed … as' brings in a label too, and the comma inside it is no pause, before 'by' or not."""
    text = f"{BEFORE_THE_STORY}{text}\n"
    assert quotes(text, "claim", BLANK)[claim].attrs["kind"] == "judgement"
    assert _source_of(text, claim).lower() == "critics"


def test_the_first_describing_word_of_a_label_that_runs_across_a_comma_is_not_its_one_noun():
    """'branded it a costly, unworkable scheme' drafted 'costly' as the one noun the label puts on what it names: the
    label stopped at the comma. It is a longer label, which names no one noun."""
    text = f"{BEFORE_THE_STORY}Campaigners branded it a costly, unworkable scheme.\n"
    assert "costly" not in quotes(text, "loaded", BLANK)


# --- a label whose verb comes after what it labels: a relative clause that a comma sets off --------------------------


@given(
    st.sampled_from([("The plan", "which"), ("The new car park", "which"), ("Councillor Jo Reed", "whom")]),
    st.sampled_from(["critics", "the union", "its owners", "Jo Lee"]),
    st.sampled_from(["called", "dubbed", "branded", "labelled"]),
    st.sampled_from(["“a shambles”", "a disgrace", "an eyesore", "unworkable"]),
    st.sampled_from([", was dropped.", ", has gone."]),
)
@settings(max_examples=80, deadline=None)
def test_a_label_in_a_relative_clause_set_off_by_a_comma_is_a_judgement_of_the_noun_before_it(
    thing, who, verb, label, tail
):
    """'The plan, which critics called “a shambles”, was dropped.' drafted no judgement, and with 'branded' one of
    'branded “a shambles”', which does not say what it judges: the relative word stands for the noun before the
    comma, which is what is labelled, and the label comes right after the verb. The claim runs from that noun to the
    clause's closing comma, as 'The pool, which the council says is unsafe' does, put to whoever labels; the noun
    is what the judgement is about, no source ('Councillor Jo Reed' was drafted as one, a job word in a sentence
    that reports speech)."""
    noun, relative = thing
    text = f"{BEFORE_THE_STORY}{noun}, {relative} {who} {verb} {label}{tail}\n"
    claim = quotes(text, "claim", BLANK)[f"{noun}, {relative} {who} {verb} {label}"]
    assert claim.attrs["kind"] == "judgement"
    assert _source_of(text, claim.quote) == who
    assert quotes(text, "cue", BLANK)[verb].confidence == CONFIDENCE["cue-speech"]
    assert list(quotes(text, "source", BLANK)) == [who]  # 'Councillor Jo Reed' is the one labelled


@pytest.mark.parametrize(
    "text",
    [
        "The strike, which the union called off, ended.",
        "The meeting, which the mayor called last week, was short.",
        "The ambulance, which a neighbour called an hour ago, arrived.",
        "The doctor, whom the family called immediately, came.",
        "The helpline, which Jo Lee called twice, was busy.",
        "The dog, which they called Rex, ran off.",
        "The inquiry, which critics called for, will open.",
        "The police, whom a neighbour called, came quickly.",
        "The tower, which locals dubbed the Gherkin, was sold.",
        "The office, which Jo Lee called back, was shut.",
    ],
)
def test_called_in_a_relative_clause_that_asks_rings_or_names_labels_nothing(text):
    """What the rule for a label after the verb must leave, as the passive rule does: 'called' that calls off, rings,
    asks for or names, or says when or how often, before the closing comma."""
    text = f"{BEFORE_THE_STORY}{text}\n"
    assert not [s.quote for s in found(text, "cue", BLANK) if s.quote in {"called", "dubbed"}]
    assert not [s.quote for s in found(text, "claim", BLANK) if s.attrs["kind"] == "judgement"]


@pytest.mark.parametrize(
    "text", ["Critics called the plan unaffordable.", "The plan was branded unaffordable.", "Jo Lee called it a flop."]
)
def test_why_a_label_word_our_list_lacks_is_loaded_calls_it_a_word(text):
    """The why of a label's one word that our list lacks said 'the one noun' for 'unaffordable' as well: it names
    the word, noun or adjective, and the verb that puts it on what it names."""
    text = f"{BEFORE_THE_STORY}{text}\n"
    [loaded] = [s for s in found(text, "loaded", BLANK) if s.quote in {"unaffordable", "flop"}]
    assert loaded.reason.startswith("the one word that '")
