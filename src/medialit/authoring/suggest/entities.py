"""One entity name per person or body, however the article names them, so that 'Mr Peskov' and 'Dmitry Peskov' are one
speaker. Apart because each `Draft` holds one `Entities` that several rules ask."""

from __future__ import annotations

from spacy.tokens import Doc

from ..lexicons import load_lexicon
from .word_lists import NAME_TITLES


class Entities:
    """One entity name per person or body, however the article names them: 'Dmitry Peskov',
    'Mr Peskov' and 'Peskov' are one entity; unnamed groups are named by their job words."""

    def __init__(self):
        self.by_surname: dict[str, str] = {}

    def of(self, doc: Doc, names: list[int], titles: list[str]) -> str | None:
        jobs = load_lexicon().sources
        last_title = (
            max((k for k in range(names[0], names[-1] + 1) if k not in names and doc[k].lower_ in jobs), default=-1)
            if names
            else -1
        )
        words = [doc[k].text for k in names if k > last_title and doc[k].lower_ not in NAME_TITLES]
        if words:
            full = " ".join(words)
            surname = words[-1].lower()
            if len(words) == 1 and surname in self.by_surname:
                return self.by_surname[surname]
            if len(words) > 1:
                self.by_surname.setdefault(surname, full)
            return self.by_surname.get(surname, full) if len(words) == 1 else full
        return " ".join(titles) or None
