"""Draft key suggestions for a new article: spaCy rules over curated word lists.

The rules need nothing but `spacy.blank("en")` (Matcher and PhraseMatcher over our lexicons in
`medialit/authoring/lexicon/`). When a trained English pipeline is installed, its named entities mark names
and its dependency parse finds who said what; both paths produce the same kind of `Suggestion`.
Every suggestion carries the reason it was made and a confidence, so an instructor can judge it
quickly. Every step is linear in the article's length: lookups go through per-token tables.

This face hands on what callers use; each job of the rules has a module of its own (`assembly.py` runs them).
"""

from .assembly import suggest
from .pipeline import load_pipeline
from .suggestion import LABELS, Suggestion

__all__ = ["LABELS", "Suggestion", "load_pipeline", "suggest"]
