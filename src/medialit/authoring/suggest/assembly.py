"""`suggest`: the rules in their order (cues, loaded words, sources, the parse, claims) over one `ArticleDraft`, the
class that joins them all, keeping the drafts asked for."""

from __future__ import annotations

from spacy.language import Language

from ...core.article import Article
from ...core.errors import InputError
from ..confidence import DEFAULT_MIN_CONFIDENCE
from .claims import ClaimRules
from .cues import CueRules
from .loaded_language import LoadedRules
from .parsed import ParsedSources
from .pipeline import lexicon_matchers, load_pipeline, make_doc
from .speakers import SpeakerRules
from .suggestion import LABELS, Suggestion


class ArticleDraft(CueRules, LoadedRules, SpeakerRules, ParsedSources, ClaimRules):
    """Every rule over one article, joined in one class: each rule calls the others through `self`."""


def suggest(
    article: Article,
    nlp: Language | None = None,
    labels: list[str] | None = None,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
) -> list[Suggestion]:
    """Drafted key spans for `article`, in text order; `labels` keeps only some of them and
    `min_confidence` leaves out the least certain ones (0 keeps everything)."""
    nlp = nlp if nlp is not None else load_pipeline()
    wanted = set(labels or LABELS)
    unknown = wanted - set(LABELS)
    if unknown:
        raise InputError(
            "labels", "", f"there is no label {min(unknown)!r} to suggest.", f"use some of: {', '.join(LABELS)}."
        )
    doc = make_doc(nlp, article)
    loaded_matcher, cue_matcher, agentless, no_comment = lexicon_matchers(nlp)
    draft = ArticleDraft(article, doc)
    draft.no_comment_at = {i: j for _, i, j in no_comment(doc)}
    draft.cues(cue_matcher)
    if "loaded" in wanted:
        draft.loaded(loaded_matcher)
    speakers = draft.sources(agentless)
    if doc.has_annotation("DEP"):
        draft.parsed_sources(speakers)
    draft.claims(speakers)
    chosen = [s for s in draft.found.values() if s.label in wanted and s.confidence >= min_confidence]
    return sorted(chosen, key=lambda s: (s.start, LABELS.index(s.label), s.end))
