import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medialit.core.article import Article, normalize_text
from medialit.core.errors import InputError

ARTICLE = "book/exercises/kremlin-drone/article.txt"


def test_bom_crlf_and_nfc_are_normalised(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeffCafe\u0301 one.\r\nTwo.\rThree.".encode("utf-8"))
    article = Article.from_file(path)
    assert article.text == "Café one.\nTwo.\nThree."
    assert article.line_of(article.text.index("Three")) == 3


def test_hash_is_of_normalised_text(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes("Cafe\u0301\r\n".encode())
    b.write_bytes("Café\n".encode())
    assert Article.from_file(a).sha256 == Article.from_file(b).sha256


def test_paragraphs_and_lines_of_the_real_article():
    article = Article.from_file(ARTICLE)
    first = article.paragraphs[0]
    assert first.line == 1 and article.text[first.start : first.end].startswith("Russia accuses US")
    despot = article.text.index("despot")
    assert article.line_of(despot) == 10
    assert all(article.text[p.start : p.end].strip() == article.text[p.start : p.end] for p in article.paragraphs)


def test_curly_quotes_and_apostrophes_split_sensibly():
    article = Article.from_text("Peskov’s ‘for Moscow’ and don’t 'assassination attempt'")
    words = [t.text for t in article.tokens]
    assert words[:2] == ["Peskov", "’s"]
    assert "‘" in words and "for" in words and "Moscow" in words
    assert "assassination" in words


def test_snap_grows_to_tokens_and_trims_punctuation():
    article = Article.from_text("He said: ‘We know this well.’ Then left.")
    start = article.text.index("aid")
    assert article.snap(start, start + 2) == (article.text.index("said"), article.text.index("said") + 4)
    quote_start = article.text.index("‘")
    end = article.text.index("’") + 1
    s, e = article.snap(quote_start, end)
    assert article.text[s:e] == "We know this well"
    s, e = article.snap(quote_start, end, keep_quotes=True)
    assert article.text[s:e] == "‘We know this well.’"
    s, e = article.snap(article.text.index("this"), end, keep_quotes=True)
    assert article.text[s:e] == "this well"  # the closing mark's partner is outside the span
    assert article.snap(quote_start, quote_start + 1, keep_quotes=True) is None
    assert article.snap(article.text.index(":"), article.text.index(":") + 1) is None


def test_missing_and_non_utf8_files_give_one_clear_message(tmp_path):
    import pytest

    from medialit.core.errors import InputError

    with pytest.raises(InputError, match="does not exist"):
        Article.from_file(tmp_path / "nope.txt")
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("ok\nnaïve".encode("latin-1"))
    with pytest.raises(InputError, match=r"line 2.*not UTF-8.*Fix"):
        Article.from_file(bad)


PIECES = list("ab c.\n\r‘’“–") + ["é", "e\u0301", "👍🏽", "\u200d", "🇺🇦", "don’t", "Kyiv"]
TEXT = st.lists(st.sampled_from(PIECES), min_size=1, max_size=40).map("".join)


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_tokens_round_trip_offsets_on_any_text(raw):
    article = Article.from_text(raw)
    text = article.text
    assert text == unicodedata.normalize("NFC", text)
    assert "\r" not in text
    for tok in article.tokens:
        assert text[tok.start : tok.end] == tok.text
        assert tok.text.strip() == tok.text and tok.text
        assert article.line_of(tok.start) == text.count("\n", 0, tok.start) + 1
    if article.tokens:
        lead = text[: article.tokens[0].start]
        assert lead.strip() == ""
        assert lead + "".join(t.text + t.ws for t in article.tokens) == text


@settings(max_examples=100, deadline=None)
@given(TEXT, st.integers(0, 100), st.integers(0, 100))
def test_snap_always_lands_on_token_edges_inside_the_text(raw, a, b):
    article = Article.from_text(raw)
    start, end = sorted((min(a, len(article.text)), min(b, len(article.text))))
    snapped = article.snap(start, end)
    if snapped is not None:
        s, e = snapped
        assert s in {t.start for t in article.tokens} and e in {t.end for t in article.tokens}
        assert 0 <= s < e <= len(article.text)


@settings(max_examples=60, deadline=None)
@given(TEXT, st.lists(st.tuples(st.integers(0, 100), st.integers(0, 100)), min_size=1, max_size=12))
def test_the_words_of_a_stretch_do_not_depend_on_what_was_asked_before(raw, pairs):
    """The article remembers the words of the stretches it was asked for (a class report asks for the
    same ones again and again): asked in any order, each stretch has the same words."""
    forwards, backwards = Article.from_text(raw), Article.from_text(raw)
    n = len(forwards.text)
    stretches = [tuple(sorted((min(a, n), min(b, n)))) for a, b in pairs]
    first = [forwards.quote_of_tokens(*s) for s in stretches]
    assert [backwards.quote_of_tokens(*s) for s in reversed(stretches)] == first[::-1]
    assert [forwards.quote_of_tokens(*s) for s in stretches] == first
    for (start, end), words in zip(stretches, first):
        inside = [t for t in forwards.tokens if start <= t.start and t.end <= end]
        snapped = forwards.snap(inside[0].start, inside[-1].end, keep_quotes=True) if inside else None
        assert words == (forwards.text[snapped[0] : snapped[1]] if snapped else "")


def test_normalize_is_idempotent():
    once = normalize_text("\ufeffa\r\nb\u0301")
    assert normalize_text(once) == once


@settings(max_examples=150, deadline=None)
@given(TEXT, st.sampled_from(["", "\n", "\n\n", " \n", "\n \n"]))
def test_the_last_line_is_the_last_the_tagger_numbers(raw, end):
    """The Tagger numbers the lines its words are on: an article saved with a final line break has no empty line 36
    after its 35 lines of text, so the last line is that of the last word, whatever follows it."""
    article = Article.from_text(raw + end)
    if article.tokens:
        assert article.last_line == max(t.line for t in article.tokens)
    assert article.last_line <= article.line_count


def test_a_final_line_break_is_not_a_line():
    article = Article.from_text("One.\nTwo.\n")
    assert (article.line_count, article.last_line) == (3, 2)


@pytest.mark.parametrize(
    ("start", "said"),
    [
        ("{\\rtf1\\ansi\\cocoartf2761\n", "rich-text document (RTF)"),
        ("\ufeff  <!DOCTYPE html>\n<html>", "web page (HTML)"),
        ("<html lang='en'>", "web page (HTML)"),
    ],
)
def test_a_document_saved_as_rich_text_or_a_web_page_is_refused_with_how_to_save_plain_text(tmp_path, start, said):
    """TextEdit and WordPad save RTF unless told otherwise, and a browser saves the whole page: the article
    students read was its formatting codes or tags."""
    path = tmp_path / "article.txt"
    path.write_text(start + "The Old Mill bridge will close.\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        Article.from_file(path)
    assert said in err.value.problem and "plain" in err.value.fix and err.value.file == str(path)


def test_an_article_that_only_mentions_markup_is_an_article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text("Hackers hid <html> tags and {\\rtf codes in the council's site.\n", encoding="utf-8")
    assert Article.from_file(path).text.startswith("Hackers")
