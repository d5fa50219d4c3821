"""Loaded-language candidates: our curated list first, then the open sentiment lexicons, with rules
for the shape of the span (a degree adverb before a loaded word joins it; a hyphenated word is
never cut) and for where a word stops being loaded (a name, a plain news term).

Every candidate has a confidence between 0 and 1 and a reason an instructor can judge in a glance.
The confidence is a prior per kind of evidence, raised when two pieces of evidence agree; it ranks
suggestions, and `suggest(min_confidence=...)` cuts the list.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from .lexicons import Lexicon

# How much one piece of evidence says on its own (our list first: each entry was chosen for news).
KIND_CONFIDENCE = {
    "epithet": 0.8,
    "framing": 0.4,
    "feeling": 0.4,
    "attack-verb": 0.75,
    "emotion": 0.75,
    "judgement": 0.65,
    "metaphor": 0.6,
    "fear": 0.6,
    "manner": 0.55,
    "hyperbole": 0.55,
    "intensifier": 0.45,
    "puffery": 0.45,
    "doubt": 0.45,
    "sneer": 0.45,
    "comment": 0.4,
    "stance-verb": 0.35,
}
KIND_REASON = {
    "epithet": "a label for people or a government (name-calling)",
    "framing": "the slanted name one side gives a group, a policy or a law",
    "feeling": "a word for a feeling: plain when people say it of themselves, loaded when the writer puts it on them",
    "attack-verb": "a verb that attacks or sneers where 'said' or 'criticised' would do",
    "stance-verb": "a verb of saying that takes a side (it hints at doubt, guilt or feeling) where 'said' would do",
    "emotion": "a word that tells the reader how someone felt",
    "judgement": "a word that grades what it describes",
    "manner": "a word for how someone spoke or acted that carries a feeling",
    "comment": "the writer's own verdict on what the sentence says",
    "puffery": "praise in the writer's words",
    "sneer": "a word that names an action or a statement with a sneer",
    "doubt": "a word that casts doubt without giving a reason",
    "metaphor": "a dramatic picture (a battle, a storm, a crash, a circus) for something plainer",
    "fear": "a word that makes a danger sound close or certain",
    "hyperbole": "a word that makes a size or amount sound bigger than a figure would",
    "intensifier": "a word that turns up the force of the next one",
}
STRONG_LEXICON = 0.45  # a strongly rated word in VADER or pattern, not in our list
BORROWED_WORDS = 0.3  # a few quoted words a speaker in the sentence owns: their word, perhaps loaded
SCARE_QUOTES = 0.55  # a word or two in quotation marks that nobody is said to have said: the writer keeps a distance
BORROWED_REASON = "a few words in quotation marks inside a longer sentence (a borrowed word)"
SCARE_REASON = "scare quotes: words in quotation marks that no one in the sentence is said to have said"
DEGREE_BONUS = 0.1  # "very", "deeply" before a loaded word
# A verb of saying only takes a side ("claim", "argue"); one that a sentiment lexicon also rates at least this
# strongly names a feeling too ("complain", "lament", "praise"): two pieces of evidence that agree.
FEELING_VALENCE = 1.5
AGREEMENT_BONUS = 0.15
# A loaded word inside a whole quotation is the speaker's choice, not the writer's: people talk in big words and
# pictures ("a huge mistake", "they slashed it"), so the same word says less about the article's own slant there.
QUOTATION_DISCOUNT = 0.1
HEADLINE_SHARE = 0.6  # a line whose words are mostly Capitalised is a headline


@dataclass(frozen=True)
class Candidate:
    """A loaded-language span in tokens [i, j), with its evidence."""

    i: int
    j: int
    technique: str
    plainer: str
    reason: str
    confidence: float


def headline_tokens(doc: Doc, paragraph_of: list[int]) -> set[int]:
    """Tokens of paragraphs written in Title Case (headlines): their capitals say nothing about names."""
    words: dict[int, list[int]] = {}
    for tok in doc:
        if tok.is_alpha and len(tok) > 3:
            words.setdefault(paragraph_of[tok.i], []).append(tok.i)
    headlines = {
        para
        for para, ids in words.items()
        if len(ids) >= 2 and sum(doc[i].is_title or doc[i].is_upper for i in ids) >= HEADLINE_SHARE * len(ids)
    }
    return {i for i, para in enumerate(paragraph_of) if para in headlines}


def _proper_name(tok, headline: set[int]) -> bool:
    """A capitalised word inside a sentence is a name ("Hope", "Grace"), unless the line is a headline."""
    return tok.is_title and not tok.is_sent_start and tok.i not in headline


def _hyphen_joined(doc: Doc, i: int, j: int) -> tuple[int, int]:
    """Grow [i, j) over hyphens that join it to the words next to it ("deal" -> "deal-breaker")."""
    while i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_:
        i -= 2
    while j + 1 < len(doc) and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_:
        j += 2
    return i, j


def loaded_candidates(
    doc: Doc,
    lex: Lexicon,
    matcher: PhraseMatcher,
    paragraph_of: list[int],
    borrowed: list[tuple[int, int]] = (),
    scare_quotes: list[tuple[int, int]] = (),
) -> list[Candidate]:
    """Every loaded-language candidate in the Doc, one per place (the longest where two overlap).

    Both lists hold token ranges of a few quoted words inside a longer sentence, marks included: `borrowed` may
    be someone's (a speaker frames them, or they are a title or a longer phrase), `scare_quotes` are a word or two
    that nobody is said to have said, so the marks are the writer's way to doubt them."""
    headline = headline_tokens(doc, paragraph_of)
    found = [Candidate(i, j, "doubt", "", BORROWED_REASON, BORROWED_WORDS) for i, j in borrowed]
    found += [Candidate(i, j, "doubt", "", SCARE_REASON, SCARE_QUOTES) for i, j in scare_quotes]
    for match_id, i, j in matcher(doc):
        phrase = doc.vocab.strings[match_id]
        entry = lex.loaded[phrase]
        if _proper_name(doc[i], headline) and not doc[i].is_upper and entry.phrase.islower():
            continue
        a, b = _hyphen_joined(doc, i, j)
        if (a, b) != (i, j) and doc[a:b].text.lower() not in lex.loaded:
            continue  # part of a longer compound ("Cave-in" is listed, "cave-dwelling" is not)
        if entry.before_noun and (j >= len(doc) or not doc[j].is_alpha or doc[j].is_stop):
            continue  # 'in shock.', 'the shock of it', 'shock and anger': a feeling someone had, said plainly
        if entry.kind == "intensifier":
            if j >= len(doc) or not doc[j].is_alpha or doc[j].is_stop or doc[i].whitespace_ == "":
                continue  # "utterly." raises nothing; the span is the intensifier and the word it raises
            j += 1
        reason, confidence = f"in our list: {KIND_REASON[entry.kind]}", KIND_CONFIDENCE[entry.kind]
        valence = _feeling_valence(lex, doc[i].lower_, entry.phrase.split()[0]) if entry.kind == "stance-verb" else None
        if valence is not None:
            reason += f"; VADER rates it {valence:+.1f}, so it names a feeling as well"
            confidence += AGREEMENT_BONUS
        found.append(Candidate(i, j, entry.technique, entry.plainer, reason, confidence))
    for tok in doc:
        word = tok.lower_
        if word in lex.neutral or word in lex.loaded or _proper_name(tok, headline) or not tok.is_alpha:
            continue
        a, b = _hyphen_joined(doc, tok.i, tok.i + 1)
        if (a, b) != (tok.i, tok.i + 1):
            continue  # a piece of a compound ("President-elect") says nothing on its own
        if word in lex.vader:
            value = lex.vader[word]
            reason = f"in lexicon: strongly {'negative' if value < 0 else 'positive'} (VADER {value:+.1f})"
        elif word in lex.subjective:
            reason = f"in lexicon: strongly subjective (pattern, polarity {lex.subjective[word]:+.2f})"
        else:
            continue
        found.append(Candidate(tok.i, tok.i + 1, "emotional", "", reason, STRONG_LEXICON))
    return _one_per_place([_with_degree(doc, c, lex) for c in found], len(doc))


def _feeling_valence(lex: Lexicon, word: str, base: str) -> float | None:
    """VADER's rating of a word (or of its listed base form when VADER lacks that form), if it is strong
    enough to say the word carries a feeling."""
    for form in (word, base):
        value = lex.vader.get(form, lex.vader_moderate.get(form))
        if value is not None:
            return value if abs(value) >= FEELING_VALENCE else None
    return None


def _with_degree(doc: Doc, cand: Candidate, lex: Lexicon) -> Candidate:
    """'deeply disturbing', 'so very angry': degree adverbs before a loaded word belong to its span."""
    i = cand.i
    while i > 0 and doc[i - 1].lower_ in lex.degree and not doc[i - 1].is_sent_end:
        i -= 1
    if i == cand.i:
        return cand
    return Candidate(
        i,
        cand.j,
        cand.technique,
        cand.plainer,
        f"{cand.reason}; raised by '{doc[i : cand.i].text}'",
        min(0.95, cand.confidence + DEGREE_BONUS),
    )


def _one_per_place(found: list[Candidate], size: int) -> list[Candidate]:
    """Keep the longest candidate where candidates overlap; it takes the reason and confidence of the
    strongest one it covers ("“disgrace”": a listed word in scare quotes)."""
    owner = [-1] * size
    kept: list[Candidate] = []
    for cand in sorted(found, key=lambda c: (c.i - c.j, -c.confidence, c.i)):
        covering = {owner[k] for k in range(cand.i, cand.j)}
        if covering == {-1}:
            for k in range(cand.i, cand.j):
                owner[k] = len(kept)
            kept.append(cand)
        elif len(covering) == 1 and cand.confidence > kept[min(covering)].confidence:
            n = min(covering)
            big = kept[n]
            kept[n] = Candidate(
                big.i, big.j, cand.technique, cand.plainer, f"{cand.reason}; {big.reason}", cand.confidence
            )
    return sorted(kept, key=lambda c: c.i)
