"""One entity per person (`suggest/entities.py`), however the article names them."""

from __future__ import annotations

import spacy
from suggest_helpers import found, quotes

from medialit.authoring.suggest.draft import name_shaped


def test_one_person_named_three_ways_is_one_entity():
    text = (
        "Kremlin spokesperson Dmitry Peskov said the drones were shot down. "
        "Mr Peskov said later that the attack had failed. Peskov added that Russia would respond."
    )
    entities = {s.quote: s.entity for s in found(text, "source")}
    assert entities["Kremlin spokesperson Dmitry Peskov"] == "Dmitry Peskov"
    assert {entities[q] for q in entities if "Peskov" in q} == {"Dmitry Peskov"}


def test_names_with_capitals_inside_are_names_and_one_person():
    text = (
        "“We are relieved to have her back,” said Fiona MacRae, who chairs the Kerran Community Council. "
        "Later Ms MacRae said: “We have heard that before.” Jo DeSantis said fares would rise."
    )
    sources = quotes(text, "source")
    assert sources["Fiona MacRae"].attrs["identity"] == "named"
    assert sources["Ms MacRae"].entity == "Fiona MacRae"
    assert "Jo DeSantis" in sources
    assert not any("Council" in q for q in sources)  # her affiliation, not a second speaker
    shaped = [name_shaped(t) for t in spacy.blank("en")("MacRae NATO Reid 40 iPhone")]
    assert shaped == [True, False, True, False, False]
