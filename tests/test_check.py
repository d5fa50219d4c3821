"""Check's rules on the small Kremlin fixture: verdicts, findings and scores as data (no sentences)."""

import json
import random

import pytest
from helpers import handin_of, key_tags
from hypothesis import given, settings
from hypothesis import strategies as st

from medialit import InputError, Tag, check, load_exercise
from medialit.core import check as check_rules
from medialit.core.check import Meeting, assign, jaccard, meetings, meetings_of
from medialit.core.messages import Message, Renderer, chip_of, tag_codes


def tag_at(ex, quote, label, tid="x", occurrence=1, **kw):
    start = ex.article.find_all(quote)[occurrence - 1]
    return Tag(tid, label, start, start + len(quote), quote, **kw)


def tag_after(ex, quote, after, label, tid):
    start = ex.article.text.index(quote, ex.article.text.index(after) + len(after))
    return Tag(tid, label, start, start + len(quote), quote)


def by_id(results, field="key_id"):
    return {getattr(r, field): r for r in results}


def codes(tag_result):
    return [f.code for f in tag_result.findings]


def test_key_scores_one_everywhere(mini):
    report = check(handin_of(mini, key_tags(mini)), mini)
    for label in ("claim", "source", "loaded", "all"):
        assert report.scores[label].f1 == 1.0
        assert report.scores[label].found == report.scores[label].required
    assert {i.verdict for i in report.items if not i.optional} == {"hit"}
    assert {t.verdict for t in report.tags} == {"matched"} and not any(t.findings for t in report.tags)


def test_empty_handin_recall_zero(mini):
    report = check(handin_of(mini, []), mini)
    assert report.scores["all"].recall == 0.0 and report.scores["all"].found == 0
    assert all(i.verdict == "missed" and i.tag_id is None for i in report.items)


def test_boundary_wrong_label_distractor_extra_defensible(mini):
    tags = [
        tag_at(mini, "the despot’s furious officials", "loaded", "t1"),  # boundary for despot
        tag_at(mini, "ranted", "claim", "t2"),  # wrong label
        tag_after(mini, "said", "a furious Peskov", "loaded", "t3"),  # a planned trap
        tag_at(mini, "Moscow", "loaded", "t4"),  # extra
        tag_at(mini, "bizarre", "loaded", "t5"),  # optional item
    ]
    report = check(handin_of(mini, tags), mini)
    items, results = by_id(report.items), by_id(report.tags, "tag_id")
    assert items["ld-despot-l10"].verdict == "boundary" and items["ld-despot-l10"].tag_quote == tags[0].quote
    assert items["ld-ranted-l28"].verdict == "wrong-label" and items["ld-ranted-l28"].tag_label == "claim"
    assert {k: t.verdict for k, t in results.items()} == {
        "t1": "close",
        "t2": "wrong-label",
        "t3": "distractor",
        "t4": "extra",
        "t5": "defensible",
    }
    assert results["t3"].key_id.startswith("dis-") and "plain verb" in results["t3"].why
    loaded = report.scores["loaded"]
    assert 0 < loaded.precision < 1 and loaded.tags == 3  # the defensible tag counts on neither side
    assert (loaded.tagged, loaded.tagged_in_key) == (4, 2)


def test_a_close_tag_says_which_words_are_extra(mini):
    report = check(handin_of(mini, [tag_at(mini, "the despot’s furious officials", "loaded", "t1")]), mini)
    close = report.tags[0]
    assert close.verdict == "close"
    extra = next(f for f in close.findings if f.code == "covers-more")
    assert extra.args == {"key_quote": "despot", "extra": "the … ’s furious officials"}


def test_a_tag_inside_an_item_says_which_words_it_leaves_out(mini):
    report = check(handin_of(mini, [tag_at(mini, "Kremlin spokesperson", "source", "s1")]), mini)
    short = report.tags[0]
    assert short.verdict == "close"
    assert [f.args for f in short.findings if f.code == "covers-less"] == [
        {"key_quote": "Kremlin spokesperson Dmitry Peskov", "missing": "Dmitry Peskov"}
    ]


def test_every_unplanned_wrong_tag_gets_a_reason(mini):
    peskov = tag_at(mini, "Kremlin spokesperson Dmitry Peskov", "source", "s1")
    tags = [
        peskov,
        tag_at(mini, "Kremlin spokesperson Dmitry Peskov", "claim", "c1"),  # the speaker, as a claim
        tag_after(mini, "said", "ranted", "claim", "c2"),  # a plain reporting verb
        tag_at(mini, "despot", "loaded", "l0"),
        tag_at(mini, "despot", "claim", "c3"),  # a loaded word, as a claim
        tag_at(mini, "Moscow", "loaded", "l1"),  # inside no item at all
        tag_at(mini, "Dmitry Peskov", "source", "s2"),  # a second tag on one item
    ]
    report = check(handin_of(mini, tags), mini)
    results = by_id(report.tags, "tag_id")
    assert all(results[t].verdict == "extra" for t in ("c1", "c2", "c3", "l1", "s2"))
    assert results["c1"].findings[-1].code == "is-speaker"
    assert results["c1"].findings[-1].args == {"key_quote": "Kremlin spokesperson Dmitry Peskov", "asked": True}
    assert codes(results["c2"]) == ["reporting-verb"]
    assert results["c3"].findings[-1].code == "other-label" and results["c3"].findings[-1].args["key_label"] == "loaded"
    assert codes(results["l1"]) == ["label-test"]
    assert codes(results["s2"]) == ["item-taken"]


def test_a_word_inside_a_claim_gets_its_own_labels_test_not_the_whole_claim(mini):
    tags = [
        tag_after(mini, "strike", "‘undoubtedly’ behind the ", "loaded", "l1"),  # one word of a claim
        tag_after(mini, "Russia", "operation by ", "source", "s1"),  # the last word of a claim
        tag_at(mini, "Dmitry Peskov", "claim", "c1"),  # inside a source: still the speaker
        tag_at(mini, "the US was ‘undoubtedly’ behind", "loaded", "l2"),  # most of a claim: still its words
    ]
    results = by_id(check(handin_of(mini, tags), mini).tags, "tag_id")
    assert codes(results["l1"]) == ["label-test"]
    assert codes(results["s1"]) == ["label-test"]
    assert [(f.code, f.args) for f in results["c1"].findings] == [
        ("is-speaker", {"key_quote": "Kremlin spokesperson Dmitry Peskov"})
    ]
    assert codes(results["l2"])[-2:] == ["other-label", "covers-less"]
    assert results["l2"].findings[-2].args["key_label"] == "claim"


def test_a_tag_on_part_of_another_labels_item_shows_other_label_and_the_edges(mini):
    """Too little of a source to count as it ("Kremlin spokesperson" of "Kremlin spokesperson Dmitry Peskov",
    "UK" of "UK spooks"): the chip says another label, not "not in the key" above a sentence saying the key
    has the words, and the student hears which words the key's item has besides. It stays an extra tag, so
    the class report counts it as before."""
    tags = [tag_at(mini, "Kremlin spokesperson", "loaded", "l1"), tag_at(mini, "UK", "loaded", "l2")]
    words = Renderer(mini.labels, "student")
    results = by_id(check(handin_of(mini, tags), mini).tags, "tag_id")
    for tid, key_quote, missing in (
        ("l1", "Kremlin spokesperson Dmitry Peskov", "Dmitry Peskov"),
        ("l2", "UK spooks", "spooks"),
    ):
        tag = results[tid]
        assert tag.verdict == "extra" and chip_of(tag) == "other-label"
        assert [(f.code, f.args) for f in tag.findings] == [
            ("other-label", {"key_label": "source", "key_quote": key_quote}),
            ("covers-less", {"key_quote": key_quote, "missing": missing}),
        ]
        said = " ".join(words.sentences(tag_codes(tag)))
        assert "is not a loaded word in the key" in said and f"The key has “{key_quote}” as a source" in said
    assert words.render(Message("chip-other-label", {})) == "Other label"


def test_a_claim_on_part_of_a_source_says_what_the_key_has_there(mini):
    """A claim tag on some of a source's words ("UK" of "UK spooks") is told that those words are a source, under
    the chip "Other label" with the words the source has besides, where sources are asked for; where they are
    not, under "Not asked here" (it comes off). It stays an extra tag with the finding is-speaker, so the class
    report counts it as before."""
    tags = [tag_at(mini, "UK", "claim", "c1"), tag_at(mini, "Kremlin spokesperson", "claim", "c2")]
    words = Renderer(mini.labels, "student")
    results = by_id(check(handin_of(mini, tags), mini).tags, "tag_id")
    for tid, key_quote, missing in (
        ("c1", "UK spooks", "spooks"),
        ("c2", "Kremlin spokesperson Dmitry Peskov", "Dmitry Peskov"),
    ):
        tag = results[tid]
        assert tag.verdict == "extra" and chip_of(tag) == "other-label"
        assert [(f.code, f.args) for f in tag.findings] == [
            ("is-speaker", {"key_quote": key_quote, "asked": True}),
            ("covers-less", {"key_quote": key_quote, "missing": missing}),
        ]
        said = " ".join(words.sentences(tag_codes(tag)))
        assert (
            "overlaps something the key tags with another label" in said
            and "is who or what the information comes from" in said
        )
        assert "Remove this tag" not in said  # it can be made that source here
    for tag in check(handin_of(mini, tags), mini, labels=["claim"]).tags:
        assert tag.verdict == "extra" and chip_of(tag) == "not-asked"
        assert codes(tag) == ["is-speaker"] and tag.findings[0].args["asked"] is False
        # its sentences end with what to do, as its chip and every other "Not asked here" do
        said = words.sentences(tag_codes(tag))
        assert "is who or what the information comes from: that is a source" in said[-1] and said[-1].endswith(
            " Remove this tag."
        )


def test_a_claim_on_a_source_that_is_not_a_person_is_not_told_it_speaks():
    """Footage, a report or a document is a source that does not speak: "“footage shared on social media” is who
    is speaking" was wrong about it. The words are the book's own: who or what the information comes from."""
    ex = load_exercise("book/exercises/kremlin-drone/exercise.yml")
    tag = tag_at(ex, "footage shared on social media", "claim", "c1")
    words = Renderer(ex.labels, "student")
    (result,) = check(handin_of(ex, [tag]), ex, labels=["claim", "source"], lines=(66, 76)).tags
    assert codes(result)[0] == "is-speaker"
    said = " ".join(words.sentences(tag_codes(result)))
    assert "speaking" not in said and "“footage shared on social media” is who or what the information comes" in said


def test_a_tag_holding_a_key_item_and_more_says_first_which_words_to_keep(mini):
    """A tag over a whole sentence, round a key item: its first sentence says which words to keep (the key's
    own, though the tag also holds a longer form the key accepts), not only that its edges differ; the words
    it adds are not listed a second time. A tag that leaves some of the item out still hears both edges."""
    tags = [
        tag_at(
            mini,
            "Kremlin spokesperson Dmitry Peskov insisted – without providing evidence – the US was ‘undoubtedly’"
            " behind the strike that he said was carried out by Ukraine",
            "claim",
            "c1",
        ),
        tag_at(
            mini, "But UK security officials believe the attack was ‘false flag’ operation by Russia", "claim", "c2"
        ),
    ]
    words = Renderer(mini.labels, "student")
    results = by_id(check(handin_of(mini, tags), mini).tags, "tag_id")
    said = {tid: words.sentences(tag_codes(tag)) for tid, tag in results.items()}
    assert [chip_of(tag) for tag in results.values()] == ["close"] * 2
    assert said["c1"][0] == (
        "Close: your tag has the key's claim (L12) in it, and more. Keep only “the US was ‘undoubtedly’ behind"
        " the strike”: take the other words out of this tag."
    )
    assert said["c2"] == [
        "Close: your tag has the key's claim (L6) in it, and more. Keep only “the attack was ‘false flag’ operation"
        " by Russia”: take the other words out of this tag."
    ]
    assert not any("also covers" in sentence for sentence in said["c1"] + said["c2"])
    shifted = check(handin_of(mini, [tag_at(mini, "believe the attack was ‘false flag’", "claim", "c3")]), mini).tags[0]
    assert chip_of(shifted) == "close"
    # words too many and too few against the same key words: one sentence, naming them once
    assert [m.code for m in tag_codes(shifted)] == ["tag-close", "finding-covers-other"]


def test_an_over_long_tag_on_an_optional_item_is_close_as_on_a_required_one(mini):
    """ "the bizarre claim" round the optional "bizarre" is Close and says what to keep, as an over-long tag
    on a required item does, not a plain match; "bizarre" alone stays a fair choice. The verdict stays
    defensible, so scores and the class report count both as before."""
    tags = [tag_at(mini, "the bizarre claim", "loaded", "l1"), tag_at(mini, "bizarre", "loaded", "l2", occurrence=1)]
    words = Renderer(mini.labels, "student")
    for tag, chip in zip(
        check(handin_of(mini, [tags[0]]), mini).tags + check(handin_of(mini, [tags[1]]), mini).tags,
        ("close", "defensible"),
    ):
        assert tag.verdict == "defensible" and chip_of(tag) == chip
    longer = check(handin_of(mini, [tags[0]]), mini).tags[0]
    assert words.sentences(tag_codes(longer))[0].startswith(
        "Close: your tag has the key's loaded word (L8) in it, and more. Keep only “bizarre”"
    )


def test_a_tag_on_too_little_of_an_optional_item_is_close_as_on_a_required_one(mini):
    """ "understood" holds 10 of the 16 characters of the optional "It is understood", under the exercise's
    tolerance (0.75): on a required item that would be Close, so it is Close here too, not a fair choice
    however little it covers. "is understood" (0.81) stays a fair choice. The verdict stays defensible."""
    words = Renderer(mini.labels, "student")
    little, most = (
        check(handin_of(mini, [tag_at(mini, quote, "source", "s1")]), mini).tags[0]
        for quote in ("understood", "is understood")
    )
    assert little.verdict == most.verdict == "defensible"
    assert little.overlap < mini.tolerance <= most.overlap
    assert (chip_of(little), chip_of(most)) == ("close", "defensible")
    assert words.sentences(tag_codes(little)) == [
        "Close: the key has an optional source here (L24), but the edges of your tag differ.",
        "Compared with “It is understood” in the key, your tag leaves out “It is”.",
    ]
    assert words.sentences(tag_codes(most))[0].startswith("Fair choice: the key lists “It is understood”")


def test_a_tag_on_words_of_a_label_the_page_does_not_ask_for_comes_off_and_says_so(mini):
    """On a page that asks for claims and sources only, "despot" tagged as a claim cannot be relabelled a
    loaded word there: its chip and its sentences say the key has it under a label not asked for, and
    what to do (it stays an extra tag for the class report). With loaded words on the page it is a wrong label."""
    tags = [tag_at(mini, "despot", "claim", "c1")]
    words = Renderer(mini.labels, "student")
    page = check(handin_of(mini, tags), mini, labels=["claim", "source"]).tags[0]
    assert page.verdict == "extra" and chip_of(page) == "not-asked"
    assert [(f.code, f.args) for f in page.findings] == [
        ("label-not-asked", {"key_label": "loaded", "key_quote": "despot"})
    ]
    said = " ".join(words.sentences(tag_codes(page)))
    assert words.render(Message("chip-not-asked", {})) == "Not asked here"
    assert "loaded words are not asked for here. Remove this tag." in said
    whole = check(handin_of(mini, tags), mini).tags[0]
    assert whole.verdict == chip_of(whole) == "wrong-label"


def test_the_words_a_close_tag_adds_or_leaves_out_are_trimmed_as_a_tag_is(mini):
    # a tag is trimmed of edge punctuation, so a student is never told of a full stop or a dash at the edge
    tags = [
        tag_at(mini, "no casualties", "claim", "c1"),  # the key's quote ends with its full stop
        tag_at(
            mini, "insisted – without providing evidence – the US was ‘undoubtedly’ behind the strike", "claim", "c2"
        ),
    ]
    results = by_id(check(handin_of(mini, tags), mini).tags, "tag_id")
    assert results["c1"].verdict == "close"
    assert [(f.code, f.args) for f in results["c1"].findings] == [
        ("covers-less", {"key_quote": "There were no casualties.", "missing": "There were"})
    ]
    assert results["c2"].verdict == "close"
    assert [f.args["extra"] for f in results["c2"].findings if f.code == "covers-more"] == [
        "insisted – without providing evidence"
    ]


def test_found_and_close_tags_still_get_the_reason_that_fits(mini):
    tags = [
        tag_after(mini, "said", "strike that he", "claim", "c1"),  # inside a claim: close, but only "said"
        tag_at(mini, "Kremlin spokesperson Dmitry Peskov", "claim", "c2"),  # the key's source, and no source tag
        tag_at(mini, "A seething Peskov", "loaded", "l1"),  # accepted, longer than the key's word
        tag_at(mini, "despot", "loaded", "l2"),  # exactly the key's word
    ]
    results = by_id(check(handin_of(mini, tags), mini).tags, "tag_id")
    assert results["c1"].verdict == "close" and codes(results["c1"]) == ["covers-less", "reporting-verb"]
    assert results["c2"].verdict == "wrong-label" and codes(results["c2"]) == ["is-speaker"]
    assert results["c2"].findings[0].args == {"key_quote": "Kremlin spokesperson Dmitry Peskov"}
    assert results["l1"].verdict == "matched"
    assert [(f.code, f.args) for f in results["l1"].findings] == [
        ("covers-more", {"key_quote": "seething", "extra": "A … Peskov"})
    ]
    assert results["l2"].verdict == "matched" and codes(results["l2"]) == []


def test_optimal_not_greedy_assignment():
    # tag 0 overlaps items 0 and 1; tag 1 overlaps only item 0. Greedy-by-order would give item 0 to tag 0.
    met = [
        {0: Meeting(jaccard(5, 15, 0, 10), 0, 10), 1: Meeting(jaccard(5, 15, 10, 20), 10, 20)},
        {0: Meeting(jaccard(0, 8, 0, 10), 0, 10)},
    ]
    assert assign([0, 1], [0, 1], met) == {0: 1, 1: 0}


def test_accept_alternative_counts_as_hit(mini):
    tags = [tag_at(mini, "A seething Peskov", "loaded", "t1")]
    assert by_id(check(handin_of(mini, tags), mini).items)["ld-seething-l28"].verdict == "hit"


def test_attribute_and_attribution_verdicts_in_challenge(mini):
    peskov = tag_at(
        mini, "Kremlin spokesperson Dmitry Peskov", "source", "s1", attrs={"identity": "anonymous", "role": "official"}
    )
    claim = tag_at(
        mini,
        "the US was ‘undoubtedly’ behind the strike",
        "claim",
        "c1",
        source_ids=["s1"],
        attrs={"kind": "accusation"},
    )
    other = tag_at(mini, "the attack was ‘false flag’ operation by Russia", "claim", "c2", source_ids=["s1"])
    report = check(handin_of(mini, [peskov, claim, other]), mini, difficulty="challenge")
    items = by_id(report.items)
    assert items["src-peskov-l12"].attrs["identity"].verdict == "wrong"
    assert items["src-peskov-l12"].attrs["identity"].given == "anonymous"
    assert items["clm-us-behind-l12"].attribution.verdict == "right"
    assert items["clm-us-behind-l12"].attrs["evidence"].verdict == "unset"
    assert items["clm-false-flag-l6"].attribution.verdict == "wrong"
    assert items["clm-false-flag-l6"].attribution.expected_quotes == ("UK security officials",)


def test_over_tagging_is_named(mini):
    start = mini.article.text.index("A seething Peskov")
    end = mini.article.text.index("without providing any evidence.", start) + len("without providing any evidence")
    whole = Tag("t1", "loaded", start, end, mini.article.text[start:end])
    report = check(handin_of(mini, [whole]), mini)
    assert {"covers-items", "covers-more"} <= set(codes(report.tags[0]))
    assert report.scores["loaded"].precision < 0.5


def test_report_frame_and_json(mini):
    report = check(handin_of(mini, key_tags(mini)[:3]), mini)
    frame = report.to_frame()
    assert len(frame) == len(mini.key) and set(frame["verdict"]) >= {"hit", "missed"}
    assert report.to_json()["format"] == "medialit.report/2"
    assert len(report.to_frame("tags")) == 3
    assert report.to_frame("scores").loc["all", "required"] == report.scores["all"].required


def test_reports_share_nothing(mini):
    """Changing one Report in place (as a notebook might) changes nothing in the next check."""
    tags = [tag_at(mini, "Kremlin spokesperson Dmitry Peskov", "source", "s1", attrs={"identity": "named"})]
    tags.append(tag_at(mini, "Kremlin", "loaded", "l1"))  # an extra tag, with a finding saying why
    first = check(handin_of(mini, tags), mini, difficulty="challenge")
    before = first.to_json()
    for item in first.items:
        item.attrs.clear()
    for tag in first.tags:
        for finding in tag.findings:
            finding.args["changed"] = True
    assert any(tag.findings for tag in first.tags)
    first.scores.clear()
    assert check(handin_of(mini, tags), mini, difficulty="challenge").to_json() == before


def test_check_refuses_a_handin_for_another_article_and_leaves_a_bad_tag_out(mini):
    from medialit import HandIn

    with pytest.raises(InputError, match="not “kremlin-mini”"):
        check(HandIn("kremlin-mini-v2", "0" * 64, []), mini)
    bad = Tag("t1", "loaded", 10, 5, "x")
    report = check(handin_of(mini, [bad, *key_tags(mini)[:1]]), mini)
    assert [o.place for o in report.orphans] == ["tag 1 (t1)"] and report.orphans[0].code == "outside-article"
    assert [t.tag_id for t in report.tags] == [key_tags(mini)[0].id]


SUBSETS = st.lists(st.booleans(), min_size=12, max_size=12)


@settings(max_examples=60, deadline=None)
@given(SUBSETS, st.integers(0, 2**32 - 1))
def test_score_does_not_depend_on_tag_order(mask, seed):
    ex = load_exercise("tests/fixtures/kremlin-mini.yml")
    tags = [t for t, keep in zip(key_tags(ex, include_optional=True), mask) if keep]
    shuffled = tags[:]
    random.Random(seed).shuffle(shuffled)
    assert check(handin_of(ex, tags), ex).scores == check(handin_of(ex, shuffled), ex).scores


@settings(max_examples=60, deadline=None)
@given(SUBSETS, st.integers(0, 11))
def test_adding_a_correct_tag_never_lowers_recall(mask, extra):
    ex = load_exercise("tests/fixtures/kremlin-mini.yml")
    all_tags = key_tags(ex, include_optional=True)
    chosen = [t for t, keep in zip(all_tags, mask) if keep]
    more = chosen + [t for t in all_tags[extra : extra + 1] if t not in chosen]
    before = check(handin_of(ex, chosen), ex).scores
    after = check(handin_of(ex, more), ex).scores
    for label in before:
        assert after[label].recall >= before[label].recall
        assert after[label].found >= before[label].found


@given(st.integers(0, 50), st.integers(1, 20), st.integers(0, 50), st.integers(1, 20))
def test_jaccard_is_symmetric_and_bounded(a, la, b, lb):
    j = jaccard(a, a + la, b, b + lb)
    assert j == jaccard(b, b + lb, a, a + la)
    assert 0 <= j <= 1
    assert (j == 1) == (a == b and la == lb)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 2400), st.integers(1, 400)), max_size=40), st.sampled_from([None, ["loaded"]]))
def test_each_tag_meets_every_key_item_it_touches_with_its_best_overlap(spans, labels):
    ex = load_exercise("tests/fixtures/kremlin-mini.yml").restricted(labels)
    tags = [Tag(f"t{n}", "claim", a, a + n_chars, "q") for n, (a, n_chars) in enumerate(spans)]
    expected = [
        {
            k: best
            for k, item in enumerate(ex.key)
            if (best := max(jaccard(t.start, t.end, s.start, s.end) for s in item.spans)) > 0
        }
        for t in tags
    ]
    assert [{k: m.overlap for k, m in met.items()} for met in meetings(tags, ex)] == expected


def test_meetings_are_kept_per_exercise_view_and_their_memory_is_bounded(monkeypatch):
    """A span's meetings are kept with the exercise they were worked out on: a view restricted to one
    label numbers its key items apart, and the memory is emptied when full, not grown."""
    monkeypatch.setattr(check_rules, "REMEMBERED", 4)
    whole = load_exercise("tests/fixtures/kremlin-mini.yml")
    loaded = whole.restricted(["loaded"])
    tags = [Tag(f"t{n}", "claim", item.start, item.end + n, "q") for n, item in enumerate(whole.key)]
    for ex in (whole, loaded, whole, loaded):
        assert meetings(tags, ex) == [meetings_of(t.start, t.end, ex) for t in tags]
        assert len(ex.remembered["meetings"]) <= 4
    assert meetings(tags[:1], whole) != meetings(tags[:1], loaded)


MINI = load_exercise("tests/fixtures/kremlin-mini.yml")
# spans near the key's items, traps and quotations: on them, just off their edges, and reaching on
NEAR_KEY = sorted(
    {
        (start + d_start, end + d_end)
        for start, end in [
            *((s.start, s.end) for k in MINI.key for s in k.spans),
            *((d.start, d.end) for d in MINI.distractors),
            *((start + 1, min(end - 1, start + 30)) for start, end, _ in MINI.voice_runs),
        ]
        for d_start in (0, -3, 2)
        for d_end in (0, 4, -2)
        if 0 <= start + d_start < end + d_end <= len(MINI.article.text)
    }
)
TAGS_NEAR_KEY = st.lists(
    st.tuples(
        st.sampled_from(NEAR_KEY), st.sampled_from(list(MINI.labels)), st.sampled_from([None, "reporter", "quoted"])
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=80, deadline=None)
@given(st.lists(TAGS_NEAR_KEY, min_size=2, max_size=4), st.sampled_from([None, ["claim", "source"]]))
def test_results_kept_from_other_handins_are_those_worked_out_afresh(handins, labels):
    """Check keeps the tag results a class repeats with the exercise: a hand-in checked after others
    gets the very Report it gets on an exercise that has kept nothing."""
    text = MINI.article.text

    def handin(tags):
        made = []
        for n, ((start, end), label, voice) in enumerate(tags):
            attrs = {"voice": voice} if voice and "voice" in MINI.labels[label].attrs else {}
            made.append(Tag(f"t{n}", label, start, end, text[start:end], attrs))
        return handin_of(MINI, made)

    view = MINI.restricted(labels)
    for tags in handins[1:]:
        check(handin(tags), view)  # the others first, each leaving its results with the exercise
    last = check(handin(handins[0]), view).to_json()
    view.remembered.clear()
    assert check(handin(handins[0]), view).to_json() == last


def test_check_validates_a_handin_loaded_without_its_exercise(mini, tmp_path):
    """load_handin(path) without the exercise skips the article checks; check() does them."""
    from medialit import load_handin

    tags = [t.to_json() for t in key_tags(mini)]
    data = {
        **handin_of(mini, []).to_json(),
        "tags": tags + [{**tags[0], "id": "far", "start": 10**7, "end": 10**7 - 5}],
    }
    path = tmp_path / "h.json"
    path.write_text(json.dumps(data))
    report = check(load_handin(path), mini)
    assert [o.place for o in report.orphans] == [f"tag {len(tags) + 1} (far)"]
    assert report.scores["all"].recall == 1.0
    path.write_text(json.dumps({**data, "article_sha256": "1" * 64}))
    with pytest.raises(InputError, match="another version of the article"):
        check(load_handin(path), mini)


def test_a_part_of_the_exercise_does_not_turn_other_labels_into_orphans(mini):
    handin = handin_of(mini, key_tags(mini))
    report = check(handin, mini.restricted(labels=["claim"]))
    assert report.orphans == () and {i.label for i in report.items} == {"claim"}


def test_a_tag_added_after_reading_is_held_to_the_rules_again(mini, tmp_path):
    """Check trusts what was read against the exercise, but not a list of tags changed since."""
    from medialit import load_handin

    path = tmp_path / "h.json"
    handin_of(mini, key_tags(mini)).save(path)
    handin = load_handin(path, mini)
    assert check(handin, mini).orphans == ()
    handin.tags.append(Tag("late", "loaded", 10, 5, "x"))
    report = check(handin, mini)
    assert [(o.place, o.code) for o in report.orphans] == [(f"tag {len(handin.tags)} (late)", "outside-article")]
