"""What each word before a verb of saying is (`suggest/word_kinds.py`): a month name is a name or a date, a plural
that opens its sentence is a group or a surname."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from suggest_helpers import BEFORE_THE_STORY, BLANK, quotes

from medialit.authoring.lexicons import load_lexicon

months = st.sampled_from(["May", "June", "April", "August"])


@given(
    st.sampled_from(["Theresa {m}", "Brian {m}", "Mrs {m}", "{m} Hale", "Councillor {m} Reid"]),
    months,
    st.sampled_from(["{who} spoke on Monday. She said", "{who} said", "{who} told reporters"]),
)
@settings(max_examples=60, deadline=None)
def test_a_month_name_among_capitalised_names_is_part_of_the_name(who, month, frame):
    """'Theresa May spoke on Monday. She said …' drafted the source 'Theresa': 'May' was read as a month."""
    who = who.format(m=month)
    text = f"Plans for a quarry split the village.\n\n{frame.format(who=who)} the plan would fail within a year.\n"
    sources = quotes(text, "source", BLANK)
    assert list(sources) == [who], sources
    claim = quotes(text, "claim", BLANK)["the plan would fail within a year"]
    assert claim.source == (sources[who].start, sources[who].end)


@given(
    months,
    st.sampled_from(["In {m} {who} said", "On 9 {m} {who} said", "Last {m} {who} said", "In {m} 2019 {who} said"]),
    st.sampled_from(["Jo Lee", "Councillor Ann Reid"]),
)
@settings(max_examples=40, deadline=None)
def test_a_month_name_in_a_date_is_when_not_part_of_who(month, frame, who):
    """'In May Jo Lee said …' drafted the source 'May Jo Lee': after 'in', 'on', 'last' or beside a day or a year,
    the month is when it was said."""
    text = f"Plans for a quarry split the village.\n\n{frame.format(m=month, who=who)} the plan would fail.\n"
    assert list(quotes(text, "source", BLANK)) == [who]


@given(
    months,
    st.sampled_from(["{m} said", "{m} also said", "{m} told reporters", "{m} insisted", "The row grew. {m} said"]),
)
@settings(max_examples=60, deadline=None)
def test_a_month_name_alone_before_a_verb_of_saying_is_who_speaks(month, frame):
    """'May said the plan would fail.' drafted no source, and 'May' as a hedge: a capitalised month right before a
    verb of saying, with no date word near it, is someone's name, and their claim is put to them."""
    text = f"Plans for a quarry split the village.\n\n{frame.format(m=month)} the plan would fail within a year.\n"
    sources = quotes(text, "source", BLANK)
    assert list(sources) == [month]
    claim = quotes(text, "claim", BLANK)["the plan would fail within a year"]
    assert claim.source == (sources[month].start, sources[month].end)
    assert month not in quotes(text, "cue", BLANK)


@given(
    months, st.sampled_from(["On {m} 4 she said", "In {m} said", "Last {m} said", "By {m} 2020 said", "{m} 2020 said"])
)
@settings(max_examples=40, deadline=None)
def test_a_month_name_with_a_date_word_near_it_before_a_verb_of_saying_is_no_speaker(month, frame):
    """A month after 'on', 'in', 'last' or 'by', or beside a day or a year, is when, even right before 'said'."""
    text = f"Plans for a quarry split the village.\n\n{frame.format(m=month)} residents were angry about it.\n"
    assert month not in "".join(quotes(text, "source", BLANK))


@given(
    months,
    st.sampled_from(["Early {m}", "Late {m}", "{m} last year", "{m} this year", "Early {m} last year"]),
    st.sampled_from(["said", "told reporters", "the council said"]),
)
@settings(max_examples=60, deadline=None)
def test_a_month_inside_a_time_expression_before_a_verb_of_saying_is_no_speaker(month, when, verb):
    """'Early June said …' drafted 'Early' as the speaker and 'June last year said …' drafted 'June': a word that opens
    a time phrase and a month that a year follows are when something was said, not who said it."""
    when = when.format(m=month)
    text = f"Plans for a quarry split the village.\n\n{when} {verb} the bridge would close in the autumn.\n"
    assert set(quotes(text, "source", BLANK)) <= {"the council"}
    assert "the bridge would close in the autumn" in quotes(text, "claim", BLANK)


@given(months, st.sampled_from(["Theresa {m}", "Mrs {m}"]), st.sampled_from(["last year", "this year"]))
@settings(max_examples=30, deadline=None)
def test_a_month_name_among_names_before_a_time_phrase_is_still_who_speaks(month, who, when):
    """'Theresa May last year said …': the year that follows does not make a name a date."""
    who = who.format(m=month)
    text = f"Plans for a quarry split the village.\n\n{who} {when} said the bridge would close.\n"
    assert list(quotes(text, "source", BLANK)) == [who]


@given(
    st.sampled_from(["Shoppers", "Local shoppers", "Commuters", "Council tenants", "Families"]),
    st.sampled_from(["said", "told the Gazette", "also said"]),
)
@settings(max_examples=40, deadline=None)
def test_a_plural_noun_opening_its_sentence_is_a_group_the_article_does_not_name(who, verb):
    """'Shoppers said the queues were long.' drafted 'Shoppers' as named: the capital is the sentence's, and a plural
    noun with no word before it that picks out which ones is a group the article does not name. A job or group word
    before the noun ('Council tenants') says which ones; it gives them no role."""
    text = f"{BEFORE_THE_STORY}{who} {verb} the queues were long.\n"
    sources = quotes(text, "source", BLANK)
    assert list(sources) == [who]
    assert sources[who].attrs["identity"] == "anonymous"
    assert "role" not in sources[who].attrs or who.lower() in load_lexicon().sources


@pytest.mark.parametrize(
    "before",
    [
        "The shop is run by Tom Jones.",
        "The shop's owner, Tom Jones, was there.",
        "Long queues formed outside the shops in Brussels.",
    ],
)
def test_a_word_in_s_written_with_a_capital_inside_a_sentence_stays_a_name(before):
    """'Jones said' is the surname of someone the article named in full before; 'Brussels' is a place."""
    word = "Brussels" if "Brussels" in before else "Jones"
    text = f"{BEFORE_THE_STORY}{before}\n\n{word} said the queues were long.\n"
    assert quotes(text, "source", BLANK)[word].attrs["identity"] == "named"


def test_a_month_in_a_run_of_names_stays_part_of_the_name():
    text = f"{BEFORE_THE_STORY}May Hale said the market was quiet.\n"
    assert list(quotes(text, "source", BLANK)) == ["May Hale"]


@given(
    st.sampled_from(["Williams", "Jones", "Evans", "Roberts", "Rees", "Davies"]),
    st.sampled_from(["said the pool was popular", "told the Gazette the pool was popular"]),
)
@settings(max_examples=40, deadline=None)
def test_a_surname_in_s_that_opens_its_sentence_is_a_name_even_when_written_nowhere_else(name, said):
    """'Williams said the pool was popular.' in an article that never writes the word inside a sentence was drafted
    as a group the article does not name: its spelling is no plural noun's for people ('-ers', '-ists' …)."""
    text = f"{BEFORE_THE_STORY}{name} {said}.\n"
    sources = quotes(text, "source", BLANK)
    assert sources[name].attrs["identity"] == "named"


@given(
    st.sampled_from(
        ["Shoppers", "Economists", "Historians", "Students", "Tenants", "Donors", "Charities", "Employees"]
    ),
    st.sampled_from(["", "Some {} were angry.\n"]),
)
@settings(max_examples=40, deadline=None)
def test_a_plural_for_people_by_what_they_do_that_opens_its_sentence_is_a_group(who, after):
    """With nothing else to go on, a plural ending as nouns for people end ('-ers', '-ists', '-ians', '-ents',
    '-ants', '-ors', '-ties', '-ees') is a group; written in small letters elsewhere it is one too."""
    text = f"{BEFORE_THE_STORY}{who} said the queues were long.\n{after.format(who.lower())}"
    assert quotes(text, "source", BLANK)[who].attrs["identity"] == "anonymous"


@pytest.mark.parametrize(
    ("name", "elsewhere"),
    [
        ("Regulars", "Some regulars swam every day."),
        ("Regulars", "One regular swam every day."),
        ("Reuters", "The news was first reported by Reuters."),
    ],
)
def test_how_the_article_writes_the_word_elsewhere_says_whether_it_is_a_group(name, elsewhere):
    """Written in small letters elsewhere ('regulars', 'regular'), the word is a plural noun whatever its ending; with
    a capital inside a sentence it is a name ('Reuters' ends as 'shoppers' does)."""
    text = f"{BEFORE_THE_STORY}{elsewhere}\n\n{name} said the pool was popular.\n"
    identity = quotes(text, "source", BLANK)[name].attrs["identity"]
    assert identity == ("named" if name == "Reuters" else "anonymous")


@given(
    st.sampled_from(["Shoppers", "Local shoppers", "Neighbours", "Regulars", "Rogers"]),
    st.sampled_from(["say", "also say", "warn", "have said", "have told the Gazette"]),
)
@settings(max_examples=40, deadline=None)
def test_a_verb_that_agrees_with_more_than_one_makes_the_opener_a_group(who, verb):
    """'Shoppers say the queues are long.' drafted no source ('say' was no verb whose subject speaks whatever the
    noun), and 'Neighbours have said' read as a name: a present-tense verb without '-s' agrees only with more than one,
    so the word that opens the sentence is a group the article does not name, whatever its ending."""
    text = f"{BEFORE_THE_STORY}{who} {verb} the queues are long.\n"
    sources = quotes(text, "source", BLANK)
    assert list(sources) == [who]
    assert sources[who].attrs["identity"] == "anonymous"


@given(
    st.sampled_from(["Peters", "Waters", "Sanders", "Masters", "Williams"]),
    st.sampled_from(["says", "also says", "warns", "has said", "has told the Gazette"]),
)
@settings(max_examples=40, deadline=None)
def test_a_verb_in_s_that_agrees_with_one_makes_the_opener_a_name(name, verb):
    """'Peters says the queues are long.' drafted an unnamed group, as 'Peters' ends as 'shoppers' does: a
    present-tense verb in '-s' agrees with one only, so the word is a surname."""
    text = f"{BEFORE_THE_STORY}{name} {verb} the queues are long.\n"
    assert quotes(text, "source", BLANK)[name].attrs["identity"] == "named"


@pytest.mark.parametrize(
    ("text", "who", "identity"),
    [
        ("Shoppers said the queues were long.", "Shoppers", "anonymous"),  # the past tense agrees with either
        ("Williams said the queues were long.", "Williams", "named"),
        ("The shop is run by Tom Rogers.\n\nRogers say the queues are long.", "Rogers", "named"),  # named before
        ("Some say the queues are long.", None, None),  # no noun: no one drafted
        ("Shoppers will have their say on the plan.", None, None),  # 'say' a noun
    ],
)
def test_a_verb_that_does_not_agree_with_one_alone_changes_nothing(text, who, identity):
    sources = quotes(f"{BEFORE_THE_STORY}{text}\n", "source", BLANK)
    assert (sources[who].attrs["identity"] if who else sources) == (identity if who else {})
