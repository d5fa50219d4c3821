"""What quotation marks say (`suggest/quotations.py`): a quoted sentence is its speaker's claim, and a word or two in
quotation marks that nobody is said to have said, written or posted is the paper's scare quotes."""

from __future__ import annotations

import pytest
import textstat
from hypothesis import given, settings
from hypothesis import strategies as st
from suggest_helpers import BEFORE_THE_STORY, BLANK, _source_of, found, quotes, scare_marks

from medialit import Article
from medialit.authoring import suggest as sg
from medialit.authoring.drafts import draft_why
from medialit.authoring.suggest.draft import balanced_quotes


def test_quoted_sentences_become_quoted_claims_with_their_speaker():
    text = "‘We will close the road on Monday for the whole week,’ Sam Okafor said."
    claims = quotes(text, "claim")
    claim = next(iter(claims.values()))
    assert claim.quote.startswith("‘We will close the road")
    assert claim.attrs["voice"] == "quoted"
    speaker = quotes(text, "source")["Sam Okafor"]
    assert claim.source == (speaker.start, speaker.end)


def test_a_short_quoted_sentence_with_its_speaker_is_a_quotation_not_scare_quotes():
    text = "“That is a deal-breaker,” Schumer told reporters on Monday."
    cues = quotes(text, "cue")
    assert not any(c.attrs.get("type") == "scare-quotes" for c in cues.values())


def test_claims_keep_quotation_marks_only_in_pairs():
    text = "Officials said “the road will close on Monday and stay shut for a whole week."
    for claim in found(text, "claim"):
        assert balanced_quotes(claim.quote), claim.quote


def test_a_short_quoted_sentence_after_a_full_stop_is_a_quotation_with_straight_marks_too():
    text = '"The lift has been broken since May," she said. "Nobody ever fixes it."'
    claims = quotes(text, "claim")
    assert "Nobody ever fixes it" in claims and claims["Nobody ever fixes it"].attrs["voice"] == "quoted"
    assert not [c for c in found(text, "cue") if c.attrs["type"] == "scare-quotes"]


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
