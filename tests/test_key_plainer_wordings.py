"""The "plainer way to say it" of every loaded item, in every key the course ships.

After Check, a loaded word's feedback reads "A plainer way to say it: the key suggests “…”", quoting the
item's `neutral` wording and cutting it after QUOTE_LIMIT characters. So the wording must be words a
student could put in place of the loaded ones, short enough to show whole; where the loaded words are a
quoted speaker's, the advice to keep the quote and name the speaker follows in brackets.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from medialit import load_exercise
from medialit.core.messages import QUOTE_LIMIT
from medialit.core.voices import values

EXERCISES = Path(__file__).resolve().parent.parent / "book" / "exercises"
KEYS = ["kremlin-drone", "kremlin-agency", "practice-council"]
# An instruction alone ("keep the quote, name Ashby") is no way to say it.
INSTRUCTIONS = {"keep", "name", "say", "give"}


@pytest.mark.parametrize("name", KEYS)
def test_a_loaded_words_plainer_wording_is_words_to_use(name):
    loaded = [k for k in load_exercise(EXERCISES / name / "exercise.yml").key if k.label == "loaded"]
    assert loaded
    wrong = []
    for item in loaded:
        for wording in values(item.attrs["neutral"]):
            advice = wording.lower().find("keep the quote")
            if wording.lstrip("(").split()[0].lower() in INSTRUCTIONS:
                wrong.append(f"{item.id}: starts with an instruction, not words to use: {wording}")
            if len(wording) > QUOTE_LIMIT:
                wrong.append(f"{item.id}: the feedback quotes {QUOTE_LIMIT} characters, then cuts: {wording}")
            if advice >= 0 and "(" not in wording[:advice]:
                wrong.append(f"{item.id}: the advice to keep the quote goes in brackets after the words: {wording}")
    assert not wrong, "\n".join(wrong)
