"""The constants Python and JavaScript share, read from one file: `data/contract.json`.

The JavaScript front end imports the same file, so a format name, a size limit or a list of
plain reporting verbs is changed in one place for both languages.
"""

from __future__ import annotations

import json
from importlib import resources

_CONTRACT = json.loads(resources.files("medialit.data").joinpath("contract.json").read_text(encoding="utf-8"))

HANDIN_FORMAT: str = _CONTRACT["formats"]["handin"]
EXERCISE_FORMAT: str = _CONTRACT["formats"]["exercise"]
REPORT_FORMAT: str = _CONTRACT["formats"]["report"]
MESSAGES_FORMAT: str = _CONTRACT["formats"]["messages"]
CLASS_FORMAT: str = _CONTRACT["formats"]["class"]
MAX_HANDIN_BYTES: int = _CONTRACT["max_handin_bytes"]
# how every zip file begins: a hand-in or a class folder given as a zip is told to be unzipped first
ZIP_SIGNATURE: bytes = _CONTRACT["zip_signature"].encode("latin-1")
MAX_JSON_DEPTH: int = _CONTRACT["max_json_depth"]  # a hand-in nested deeper is refused (`too-deep`)
MAX_NUMBER_DIGITS: int = _CONTRACT["max_number_digits"]  # a number written longer is refused (`number-too-long`)
MAX_ANSWER_CHARS: int = _CONTRACT["max_answer_chars"]  # the longest written answer a hand-in keeps
QUOTE_MARKS: frozenset[str] = frozenset(_CONTRACT["quote_marks"])
DIFFICULTIES: tuple[str, ...] = tuple(_CONTRACT["difficulties"])
MODES: tuple[str, ...] = tuple(_CONTRACT["modes"])
ID_PREFIXES: dict[str, str] = _CONTRACT["id_prefixes"]
FREE_TEXT: str = _CONTRACT["free_text"]
KEY_NEEDS: dict[str, str] = _CONTRACT["key_needs"]["attrs"]  # label: the attribute its key items must give
SAME_WORDS: float = _CONTRACT["check"]["same_words"]
PLAIN_REPORTING_VERBS: frozenset[str] = frozenset(_CONTRACT["check"]["plain_reporting_verbs"])
CHIPS_LOOK: tuple[str, ...] = tuple(_CONTRACT["chips"]["look"])  # chips of tags to look at again, in order
CHIPS_FOUND: tuple[str, ...] = tuple(_CONTRACT["chips"]["found"])  # chips of tags that match the key
ID_PATTERN: str = _CONTRACT["id_pattern"]  # an exercise or key item id, matched as the whole text
SHA256_PATTERN: str = _CONTRACT["sha256_pattern"]  # an article's hash as a hand-in gives it
# Characters never shown as they are (controls, bidirectional overrides, line separators, lone surrogates).
UNSAFE_CHARACTERS: str = _CONTRACT["unsafe_characters"]
MISCONCEPTIONS: list[dict] = _CONTRACT["misconceptions"]["kinds"]  # what the class report counts per student
CLASS_TABLES: dict = _CONTRACT["class_tables"]  # the header rows of the class report's CSV tables
# White space where a key writer trims a field or splits a quote into words: one class for both languages.
WHITE_SPACE: str = _CONTRACT["white_space"]
# When a writer of exercise.yml quotes a text: only where YAML would read it as something else (yaml_text.py).
YAML_TEXT: dict = _CONTRACT["yaml_text"]
