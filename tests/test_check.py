import random

from hypothesis import given, settings, strategies as st

from helpers import handin_of, key_tags
from medialit import Tag, check, load_exercise
from medialit.core.check import _neighbourhoods, assign, jaccard


def tag_at(ex, quote, label, tid="x", occurrence=1, **kw):
    start = ex.article.find_all(quote)[occurrence - 1]
    return Tag(tid, label, start, start + len(quote), quote, **kw)


def test_key_scores_one_everywhere(mini):
    report = check(handin_of(mini, key_tags(mini)), mini)
    for label in ("claim", "source", "loaded", "all"):
        assert report.scores[label]["f1"] == 1.0
    assert {i["verdict"] for i in report.items if not i["optional"]} == {"hit"}


def test_empty_handin_recall_zero(mini):
    report = check(handin_of(mini, []), mini)
    assert report.scores["all"]["recall"] == 0.0
    assert all(i["verdict"] == "missed" for i in report.items)
    missed = next(i for i in report.items if i["key_id"] == "ld-despot-l10")
    assert "Hint:" in missed["message"] and "despot" not in missed["message"].lower().replace("hint", "")[:40]


def test_boundary_wrong_label_distractor_extra_defensible(mini):
    tags = [
        tag_at(mini, "the despot’s furious officials", "loaded", "t1"),     # boundary for despot
        tag_at(mini, "ranted", "claim", "t2"),                               # wrong label
        tag_at(mini, "said", "loaded", "t3", occurrence=mini.article.find_all("said").index(
            mini.article.text.index("said", mini.article.text.index("a furious Peskov"))) + 1),
        tag_at(mini, "Moscow", "loaded", "t4"),                              # extra
        tag_at(mini, "bizarre", "loaded", "t5"),                             # optional item
    ]
    report = check(handin_of(mini, tags), mini)
    items = {i["key_id"]: i for i in report.items}
    verdicts = {t["tag_id"]: t["verdict"] for t in report.tags}
    assert items["ld-despot-l10"]["verdict"] == "boundary"
    assert "longer" in items["ld-despot-l10"]["message"]
    assert items["ld-ranted-l28"]["verdict"] == "wrong-label"
    assert verdicts == {"t1": "matched", "t2": "wrong-label", "t3": "distractor", "t4": "extra", "t5": "defensible"}
    assert "plain verb" in next(t for t in report.tags if t["tag_id"] == "t3")["message"]
    loaded = report.scores["loaded"]
    assert 0 < loaded["precision"] < 1 and loaded["tags"] == 3  # the defensible tag counts on neither side


def test_optimal_not_greedy_assignment():
    # tag 0 overlaps items A and B; tag 1 overlaps only A. Greedy-by-order would give A to tag 0.
    from medialit.core.exercise import KeyItem

    items = [KeyItem("A", "x", 0, 10, "q", 1), KeyItem("B", "x", 10, 20, "q", 1)]
    tags = [Tag("a", "x", 5, 15, "q"), Tag("b", "x", 0, 8, "q")]

    near = {t.id: {k.id: jaccard(t.start, t.end, k.start, k.end) for k in items
                   if t.start < k.end and k.start < t.end} for t in tags}
    assert assign(tags, items, near) == {0: 1, 1: 0}


def test_accept_alternative_counts_as_hit(mini):
    tags = [tag_at(mini, "A seething Peskov", "loaded", "t1")]
    item = next(i for i in check(handin_of(mini, tags), mini).items if i["key_id"] == "ld-seething-l28")
    assert item["verdict"] == "hit"


def test_attribute_and_attribution_verdicts_in_challenge(mini):
    peskov = tag_at(mini, "Kremlin spokesperson Dmitry Peskov", "source", "s1",
                    attrs={"identity": "anonymous", "role": "official"})
    claim = tag_at(mini, "the US was ‘undoubtedly’ behind the strike", "claim", "c1", source_ids=["s1"],
                   attrs={"kind": "accusation"})
    other = tag_at(mini, "the attack was ‘false flag’ operation by Russia", "claim", "c2", source_ids=["s1"])
    report = check(handin_of(mini, [peskov, claim, other]), mini, difficulty="challenge")
    items = {i["key_id"]: i for i in report.items}
    assert items["src-peskov-l12"]["attrs"]["identity"]["verdict"] == "wrong"
    assert "Identity: you chose anonymous" in items["src-peskov-l12"]["message"]
    assert items["clm-us-behind-l12"]["attribution"]["verdict"] == "right"
    assert items["clm-us-behind-l12"]["attrs"]["evidence"]["verdict"] == "unset"
    assert items["clm-false-flag-l6"]["attribution"]["verdict"] == "wrong"
    assert "UK security officials" in items["clm-false-flag-l6"]["message"]


def test_over_tagging_is_named(mini):
    start = mini.article.text.index("A seething Peskov")
    end = mini.article.text.index("without providing any evidence.", start) + len("without providing any evidence")
    whole = Tag("t1", "loaded", start, end, mini.article.text[start:end])
    report = check(handin_of(mini, [whole]), mini)
    assert any(n["kind"] == "over-tagging" for n in report.to_json()["notices"])
    assert any(n["kind"] == "one-tag-many-items" for n in report.to_json()["notices"])
    assert report.scores["loaded"]["precision"] < 0.5


def test_report_frame_and_json(mini):
    report = check(handin_of(mini, key_tags(mini)[:3]), mini)
    frame = report.to_frame()
    assert len(frame) == len(mini.key) and set(frame["verdict"]) >= {"hit", "missed"}
    assert report.to_json()["format"] == "medialit.report/1"
    assert len(report.to_frame("tags")) == 3


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
    more = chosen + [t for t in all_tags[extra:extra + 1] if t not in chosen]
    before = check(handin_of(ex, chosen), ex).scores
    after = check(handin_of(ex, more), ex).scores
    for label in before:
        assert after[label]["recall"] >= before[label]["recall"]


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
    expected = {t.id: {k.id: best for k in ex.key
                       if (best := max(jaccard(t.start, t.end, s.start, s.end) for s in k.spans)) > 0}
                for t in tags}
    assert _neighbourhoods(tags, ex) == expected
