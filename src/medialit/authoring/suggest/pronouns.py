"""Who a 'he', 'she' or 'they' who speaks stands for, and who speaks a quotation (`QuoteFrames`): the person named
before, or a speaker already found. Apart because sources and claims both ask it."""

from __future__ import annotations

from ..quotes import QuoteRegion
from .draft import name_shaped
from .identities import SourceIdentity
from .suggestion import CONFIDENCE
from .word_lists import AFFILIATION_BEFORE, DETERMINERS, LISTENER_VERBS, PERSON_PRONOUNS, SUBJECT_PRONOUNS


class Pronouns(SourceIdentity):
    """Finds whom a 'he', 'she' or 'they' who speaks stands for."""

    def pronoun_speaker(self, i: int, speakers: dict[int, tuple[int, int]]) -> tuple[int, int] | None:
        """Who the 'he', 'she' or 'they' before token `i` stands for: the person named before it, or a speaker
        already found who is nearer ('A company spokesman said …. He added that …'), in its paragraph or the one
        before; 'he' and 'she' only for one person ('a spokesman', not 'Police'), 'they' for any speaker."""
        para, word = self.tokens[i].para, self.doc[i].lower_
        unnamed = [
            (v, span)
            for v, span in speakers.items()
            if v < i and self.tokens[v].para in (para, para - 1) and (word == "they" or self._one_person(span))
        ]
        run = self._named_run_before(i)
        if unnamed and (run is None or self.article.token_at(max(unnamed)[1][0]) > run[0]):
            return max(unnamed)[1]
        return self.named_before(i)

    def _one_person(self, span: tuple[int, int]) -> bool:
        """Whether the source at characters `span` is one person by its job word ('a company spokesman')."""
        jobs = [t.lower_ for t in self.doc[self.article.token_at(span[0]) : self.article.token_at(span[1] - 1) + 1]]
        return any(job in self.lex.sources and not self.lex.sources[job][1] for job in jobs)

    def named_before(self, i: int) -> tuple[int, int] | None:
        """Who 'he' or 'she' is before token `i`: the nearest run with a name before it in its paragraph (or, when
        there is none, a person in the paragraph before: news gives a sentence a paragraph) that is not someone's
        affiliation ('Jo Lee, of the group Safe Streets, said …. “…,” she said'), and that reads as a person
        where one does: a job word or a full name ('reporter Ann Kots called for action against Ukraine’s
        leaders. “…,” he said' is Ann Kots, not Ukraine); else the first name in its sentence, which is most
        often who the sentence is about ('Lind asked whether Oslo would talk. He said …')."""
        run = self._named_run_before(i)
        if run is None:
            return None
        a, b, kinds = run
        titles = [self.doc[k].lower_ for k in range(a, b) if kinds[k - a] == "TITLE"]
        names = self._name_words(a, kinds)
        made = self.add(
            "source",
            a,
            b,
            self._source_attrs(kinds, titles, a),
            "the person named before the 'he', 'she' or 'they' who speaks",
            CONFIDENCE["speaker"] - 0.1,
            entity=self.entities.of(self.doc, names, titles),
        )
        return (made.start, made.end) if made else None

    def _named_run_before(self, i: int) -> tuple[int, int, list[str]] | None:
        """The run with a name that `named_before` drafts for the pronoun before token `i`, or None."""
        para = self.tokens[i].para
        runs = [run for run in self.person_runs.get(para, []) if run[1] <= i] or [
            run for run in self.person_runs.get(para - 1, []) if self._reads_as_person(run)
        ]
        people = [run for run in runs if not self._affiliation(run[0]) and not self._listener(run[0])]
        if not runs:
            return None
        persons = [run for run in people if self._reads_as_person(run)]
        sentences = [self.sent_of[run[0]] for run in people]
        subjects = [
            run
            for n, run in enumerate(people)
            if (n == 0 or sentences[n - 1] != sentences[n])
            and not any(t.lower_ in SUBJECT_PRONOUNS for t in self.doc[self.sents[sentences[n]][0] : run[0]])
        ]
        return (persons or subjects or runs)[-1]

    def _reads_as_person(self, run: tuple[int, int, list[str]]) -> bool:
        """A job word for one person or two name words in a row ('reporter Ann Kots', 'Jo Lee'); one capitalised
        word alone may be a country or a body as well as a surname, and 'Norway’s government' is a body."""
        a, _, kinds = run
        jobs = [self.doc[a + n].lower_ for n, kind in enumerate(kinds) if kind == "TITLE"]
        return any(not self.lex.sources[job][1] for job in jobs) or any(
            x == y == "NAME" for x, y in zip(kinds, kinds[1:])
        )

    def _listener(self, a: int) -> bool:
        """Whether the name starting at token `a` is who was told ('told the Eastvale Star'): they heard it."""
        k = a - 1 if a > 0 and self.doc[a - 1].lower_ == "the" else a
        return k > 0 and self.doc[k - 1].lower_ in LISTENER_VERBS

    def _affiliation(self, a: int) -> bool:
        """Whether the name starting at token `a` follows 'of', 'the group' and the like (over capitalised
        words the run left out, "of the group Keep Westmoor Moving")."""
        k = a - 1
        while k >= 0 and name_shaped(self.doc[k]) and self.sent_of[k] == self.sent_of[a]:
            k -= 1
        return k >= 0 and self.doc[k].lower_ in AFFILIATION_BEFORE

    def _pronoun_that_speaks(self, v: int) -> str:
        """The 'he', 'she' or 'they' that is the subject of the verb of saying at token `v` ('He said', 'She has
        since told'), as the text writes it, or ''; a claim it says is someone's, whom the rules could not find."""
        k = self._adverbs_before(v) - 1
        same = k >= 0 and self.sent_of[k] == self.sent_of[v]
        return self.doc[k].text if same and self.doc[k].lower_ in PERSON_PRONOUNS else ""


class QuoteFrames:
    """Who speaks a quotation: the speaker named in its frame ('…,” Jo Smith said'), or for a pronoun
    ('…,” he said') the nearest named person before it in the same paragraph. A quotation with no
    frame continues the last one only in the same paragraph, or when the last one was left open."""

    def __init__(self, draft: Pronouns, speakers: dict[int, tuple[int, int]]):
        self.draft, self.speakers = draft, speakers
        self.starting = {span[0]: span for span in speakers.values()}  # a speaker by where it starts
        self.last: tuple[tuple[int, int] | None, int, bool] = (None, -1, False)  # speaker, paragraph, open

    def speaker(self, region: QuoteRegion, i: int, j: int) -> tuple[int, int] | None:
        para = self.draft.tokens[i].para
        found = self._framed(i, j)
        last_speaker, last_para, last_open = self.last
        if found is None and (last_open or last_para == para):
            found = last_speaker
        self.last = (found, para, not region.closed)
        return found

    def _framed(self, i: int, j: int) -> tuple[int, int] | None:
        draft, doc = self.draft, self.draft.doc
        k = j
        while k < len(doc) and doc[k].text in {",", "—", "–"}:
            k += 1
        opening = (k, k + 1) if k < len(doc) and doc[k].lower_ in DETERMINERS else (k,)  # '…,” a senior nurse told'
        for at in opening:
            if at < len(doc) and draft.sent_of[at] == draft.sent_of[j - 1] and draft.tokens[at].start in self.starting:
                return self.starting[draft.tokens[at].start]  # '…,” a trader on High Street said'
        for at in (k, k + 1, k + 2):  # '…,” he said' / '…,” said Smith' / '…,” Jo Smith said'
            if at >= len(doc) or draft.sent_of[at] != draft.sent_of[j - 1]:
                break
            if draft.speech_cue(at) and at in self.speakers:
                return self.speakers[at]
            if (
                draft.speech_cue(at)
                and doc[at - 1].lower_ in PERSON_PRONOUNS | {"said", "says"}
                or doc[at].lower_ in PERSON_PRONOUNS
                and draft.speech_cue(at - 1)
            ):
                return draft.pronoun_speaker(i, self.speakers)
        k = i - 1
        while k >= 0 and doc[k].text in {":", ","}:
            k -= 1
        for start in draft.cue_ending_at.get(k + 1, []):  # 'Smith said: “…”'
            if start in self.speakers:
                return self.speakers[start]
        return None
