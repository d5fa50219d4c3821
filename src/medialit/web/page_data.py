"""The exercise data a book page carries: the compiled exercise with its tokens and sentences packed.

`Exercise.compile()` gives every token as an object (`{i, start, end, text, ws, line, para}`), most
of a chapter page's bytes. The text is on the page anyway, so a token needs only where it starts
and how long it is; lines come from the text and paragraphs change rarely. The book page's script
(src/js/hosts/page_data.js) unpacks this into exactly the objects `compile()` made, so the Tagger
and the checker read the usual shape; a test holds the two sides to that.
"""

from __future__ import annotations

PACKED_FORMAT = "medialit.packed/1"


def pack_exercise(compiled: dict) -> dict:
    """The compiled exercise with `article.tokens` and `article.sentences` replaced by `article.packed`."""
    article = dict(compiled["article"])
    tokens = article.pop("tokens")
    sentences = article.pop("sentences", [])
    gaps, lengths, paras = [], [], []
    end = 0
    for n, token in enumerate(tokens):
        gaps.append(token["start"] - end)
        lengths.append(token["end"] - token["start"])
        end = token["end"]
        if n == 0 or token["para"] != tokens[n - 1]["para"]:
            paras += [n, token["para"]]
    flat, at = [], 0
    for sentence in sentences:
        flat += [sentence["start"] - at, sentence["end"] - sentence["start"]]
        at = sentence["end"]
    article["packed"] = {
        "format": PACKED_FORMAT,
        "first": tokens[0]["i"] if tokens else 0,
        "gaps": gaps,
        "lengths": lengths,
        "tail": len(tokens[-1]["ws"]) if tokens else 0,
        "paras": paras,
        "sentences": flat,
    }
    return {**compiled, "article": article}
