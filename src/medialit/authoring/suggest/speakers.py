"""The source rule: runs of names and job words next to a verb of saying, widened to the whole speaker, and the pronouns
that speak for someone named before. It says which verb each source speaks with, for the claims."""

from __future__ import annotations

from spacy.matcher import Matcher

from .any_noun_speakers import AnyNounSpeakers
from .entities import Entities
from .pronouns import Pronouns
from .suggestion import CONFIDENCE
from .word_lists import (
    ASIDE_OPENERS,
    ASIDE_WORDS_MAX,
    AUXILIARIES,
    DESCRIPTION_WORDS_MAX,
    LINKING_WORDS,
    POSSESSIVE_DETERMINERS,
    POSSESSIVES,
    RELATIVE_ASIDE_WORDS_MAX,
    SPEAKER_DETERMINERS,
    SPEAKER_FOLLOWS,
    WHEN_WORDS,
)


class SpeakerRules(AnyNounSpeakers, Pronouns):
    """Drafts the sources and says which verb of saying each one speaks with."""

    def sources(self, agentless: Matcher) -> dict[int, tuple[int, int]]:
        """Suggest sources; returns, per speech-verb token, the source span it belongs to."""
        speakers: dict[int, tuple[int, int]] = {}
        taken = bytearray(len(self.doc))
        for _, i, j in sorted(agentless(self.doc), key=lambda m: (m[1] - m[2], m[1])):
            if any(taken[i:j]):
                continue
            taken[i:j] = b"\x01" * (j - i)
            made = self.add(
                "source",
                i,
                j,
                {"identity": "hidden"},
                f"agentless construction '{self.doc[i:j].text}': it does not say who says so",
                CONFIDENCE["agentless"],
            )
            if made:
                self.agentless_found.append((i, j, (made.start, made.end)))
        entities = self.entities = Entities()
        unsure = []  # a job or group word in a sentence that reports speech, with no verb of saying beside it
        covered = 0  # where the words about the last source end, in it or not: the runs inside them speak for no one
        answered: set[int] = set()  # the "declined to comment" phrases whose source is found
        for i, j, kinds in self.source_runs():
            if i < covered or any(self.quoted(k) for k in range(i, j)) or i and self._time_phrase_end(i - 1) >= j:
                continue  # quoted, or a day or a month in a time phrase ('Hale on Tuesday said'): no speaker
            if "NAME" in kinds or "TITLE" in kinds:
                described = self._described_from(i, j)
                if described == i and kinds[0] in ("TITLE", "MOD"):
                    described = self._compound_from(i)
                i, kinds = described, ["MOD"] * (i - described) + kinds
            near = self._speech_verb_near(i, j)
            if near is None and kinds[-1] == "TITLE":
                j, kinds, near = self._postmodified(j, kinds)
            silent = near is None and self._no_comment_near(j)
            near = near or silent or None
            if near and near[0] >= j:
                subject = self._subject(i, j, kinds, near[0])
                if subject is None:
                    continue
                i, j, kinds, covered = subject
                start = self._with_determiner(i)  # the whole phrase speaks ('A spokesman said', 'The council claims')
                i, kinds = start, [""] * (i - start) + kinds
            if "NAME" in kinds and not all(t.lower_ in WHEN_WORDS for t in self.doc[i:j]):  # 'on Monday': when
                self.person_runs.setdefault(self.tokens[i].para, []).append((i, j, kinds))
            if near and near[0] < i and self.cue_at[near[0]][0] == i - 1:  # "said the mayor": the source is "the mayor"
                i, kinds = i - 1, ["MOD", *kinds]
            if near and near[0] < i and kinds[-1] == "TITLE":  # '…,” said campaigners from the estate'
                j, kinds = self._which_ones_after(j, kinds)
            if near and near[0] < i:  # '…,” said the mayor, Helen Okafor', '…,” said Jo Lee, chair of …'
                j, kinds = self._job_in_apposition(j, kinds) if "NAME" in kinds else self._name_in_apposition(j, kinds)
                covered = max(covered, j)
            titles = [self.doc[k].lower_ for k in range(i, j) if kinds[k - i] == "TITLE"]
            names = self._name_words(i, kinds)
            sentence = range(*self.sents[self.sent_of[i]])
            speech_in_sentence = any(self.speech_cue(k) for k in sentence)
            group_only = not names and all(self.lex.sources[t][1] for t in titles)
            if not near and not (titles and names and speech_in_sentence):
                continue  # a body ("the government") is a source only when it is the one saying something
            attrs = self._source_attrs(kinds, titles, i)
            if self._someone_unnamed(i, j):
                attrs["identity"] = "anonymous"
            if near:
                why = f"next to '{near[1]}'"
                confidence = CONFIDENCE["group-near" if group_only else "named-near"]
            else:
                why = f"job or group word '{titles[-1]}' in a sentence that reports speech"
                confidence = CONFIDENCE["title-in-speech"]
            if near and self._beside_quote(i) and not silent:
                why += "; speaker of a quotation"
                confidence = max(confidence, CONFIDENCE["speaker"])
            if silent:
                why += ": asked, they said nothing, so no claim comes from them"
            entity = entities.of(self.doc, names, titles)
            if not near:
                unsure.append((i, j, attrs, why, confidence, entity))
                continue
            made = self.add("source", i, j, attrs, why, confidence, entity=entity, said_nothing=bool(silent))
            if made and silent:
                answered.add(silent[0])
            if made and not silent:
                inside = speakers.get(near[0])
                if inside and made.start <= inside[0] and inside[1] <= made.end and inside != (made.start, made.end):
                    del self.found[("source", *inside)]  # "said union organiser Gail Ferris": not "union" as well
                speakers[near[0]] = (made.start, made.end)
                also = self._relative_verb(j)  # 'The council, which said the bridge was safe, blamed …': theirs too
                if j < also < near[0] and self.speech_cue(also):
                    speakers[also] = (made.start, made.end)
        self._who_declined(answered)
        self._any_noun_speakers(speakers)
        self._any_noun_speakers_after(speakers)
        self._passive_agents(speakers)
        spoken = {self.sent_of[k] for k in speakers}
        for i, j, attrs, why, confidence, entity in unsure:
            if self._does_something_else(j) or self._labelled_in_aside(i, j):
                continue
            if not (self.sent_of[i] in spoken and self._what_the_speaker_does(i)):
                self.add("source", i, j, attrs, why, confidence, entity=entity)
        for v in sorted(self.cue_at):  # "She told reporters …": the pronoun stands for the person named before
            if v in speakers or not self.speech_cue(v) or not self._pronoun_that_speaks(v):
                continue
            person = self.pronoun_speaker(self._adverbs_before(v) - 1, speakers)  # 'She furiously decried'
            if person:
                speakers[v] = person
        return speakers

    def _described_from(self, i: int, j: int) -> int:
        """Where a speaker's description starts when lower-case words stand between an inverted
        'said' and the name or job ('…,” said retired teacher Ann Mills', '…,” said the project director'), or
        set off by a comma before a full name ('…,” said the county engineer, Jo Park'): they belong to the
        source, whatever the job word is."""
        doc = self.doc
        apposed = i > 0 and doc[i - 1].text == "," and i + 1 < len(doc) and self._kind(doc[i + 1]) == "NAME"
        k = i - 1 if apposed else i
        edge = k
        while (
            k > 0
            and k not in self.cue_ending_at
            and edge - k < DESCRIPTION_WORDS_MAX
            and self.sent_of[k - 1] == self.sent_of[i]
            and (
                doc[k - 1].lower_ in POSSESSIVES
                or (doc[k - 1].is_lower and doc[k - 1].is_alpha and not doc[k - 1].is_stop)
            )
        ):
            k -= 1
        if apposed and not (k < edge and k > 0 and doc[k - 1].lower_ in SPEAKER_DETERMINERS):
            return i  # "said on Friday, Jo Park": a comma alone does not make an aside a description
        ends = (k, k - 1) if k > 0 and doc[k - 1].lower_ in SPEAKER_DETERMINERS else (k,)
        for end in ends if k < edge else ():
            for start in self.cue_ending_at.get(end, []):
                inverted = start > 0 and doc[start - 1].is_punct
                if inverted and self.speech_cue(start) and doc[start:end].text.lower() in SPEAKER_FOLLOWS:
                    return k
        if apposed and k < edge and self._whose_opens_clause(k - 1, edge):
            near = self._speech_verb_near(i, j)
            if near and near[0] >= j:  # "Its founder, Rachel Osei, said", "The group's chair, Jo Lee, says"
                return k - 1
        return i

    def _compound_from(self, i: int) -> int:
        """Where the words start that make the job word at token `i` one kind of job ('One hotel owner said', 'a
        school bus driver, who asked not to be named, said'): lower-case words right before it, which are no small
        word, no word of saying and no word that links two nouns ('hardliners including'), belong to the source."""
        doc, k = self.doc, i
        while (
            k > 0
            and i - k < DESCRIPTION_WORDS_MAX
            and self.sent_of[k - 1] == self.sent_of[i]
            and doc[k - 1].is_lower
            and doc[k - 1].is_alpha
            and not doc[k - 1].is_stop
            and doc[k - 1].lower_ not in LINKING_WORDS | WHEN_WORDS  # 'Last week traders said': when, not which
            and k not in self.cue_ending_at
        ):
            k -= 1
        return k

    def _no_comment_near(self, j: int) -> tuple[int, str] | None:
        """'The council declined to comment', 'The diocese, which owns the land, declined to comment': the words
        after the run ending at token `j` (perhaps after an aside) say it was asked and gave no comment."""
        for k in self._after_run(j):
            if k in self.no_comment_at:
                return k, self.doc[k : self.no_comment_at[k]].text
        return None

    def _after_run(self, j: int) -> tuple[int, int, int, int, int]:
        """Where a verb that the run ending at token `j` is the subject of may stand: right after it, after a
        comma ('Jo Smith, 45, said'), after an aside set off by commas ('The firm, Acme Ltd, said'; a clause with
        "who" may be longer, `RELATIVE_ASIDE_WORDS_MAX`) or after 'has',
        'have', 'had' or a word for when or how ('a spokesman had told her', 'Hale also accused')."""
        perfect = self._past_adverbs(j)
        after = j
        if after < len(self.doc) and self.doc[after].text == ",":
            relative = after + 1 < len(self.doc) and self.doc[after + 1].lower_ in ASIDE_OPENERS
            reach = RELATIVE_ASIDE_WORDS_MAX if relative else ASIDE_WORDS_MAX
            close = next(
                (
                    k
                    for k in range(after + 1, min(after + reach, len(self.doc)))
                    if self.doc[k].text == "," and self.sent_of[k] == self.sent_of[j - 1]
                ),
                None,
            )
            after = self._past_adverbs(close + 1) if close is not None else after
        beside = j + 1 if j + 1 < len(self.doc) and self.doc[j].text == "," else j
        return j, beside, after, perfect, self._relative_verb(j)

    def _whose_opens_clause(self, d: int, edge: int) -> bool:
        """Whether token `d` opens its sentence with whose job follows up to token `edge`: a possessive ('Its
        founder', 'Her daughter') or an 's before the job ('The group's founder'); 'The next day' names no one."""
        first = self.sents[self.sent_of[d]][0]
        whose = self.doc[d].lower_ in POSSESSIVE_DETERMINERS or any(t.lower_ in POSSESSIVES for t in self.doc[d:edge])
        return whose and self._opens_sentence(d, first)

    def _speech_verb_near(self, i: int, j: int) -> tuple[int, str] | None:
        """A speech cue right after the run (perhaps after an appositive), or right before it."""
        for k in self._after_run(j):  # "Jo Smith said" / "The firm, Acme Ltd, said" / "Jo Smith, 45, said"
            if self.speech_cue(k):
                return k, self.doc[k : self.cue_at[k][0]].text
        ends_clause = (
            j >= self.sents[self.sent_of[i]][1]
            or self.doc[j].is_punct
            and not self._opens_quotation(j)  # 'said the council "saves" money': what was said goes on
            or self.doc[j].lower_ == "who"
        )
        # "..., said Jo Smith." / "according to Jo Smith" / '…,” said the mayor, Helen Okafor.'
        ends = (i, i - 1) if i > 0 and self.doc[i - 1].lower_ in SPEAKER_DETERMINERS else (i,)
        for start in (start for end in ends for start in self.cue_ending_at.get(end, [])):
            phrase = self.doc[start : self.cue_at[start][0]].text.lower()
            # '…,” said Dan Fielding of Clean Streets Now.'; not after a ', who' clause, whose noun the verb is of
            inverted = start > 0 and self.doc[start - 1].is_punct and not self._closes_relative_aside(start - 1)
            if (
                self.speech_cue(start)
                and phrase in SPEAKER_FOLLOWS
                and (ends_clause or inverted and not self._opens_what_was_said(j))
                and self.sent_of[start] == self.sent_of[i]
            ):
                return start, self.doc[start : self.cue_at[start][0]].text
        return None

    def _opens_what_was_said(self, j: int) -> bool:
        """Whether the words before token `j`, right after a verb of saying, are the subject of what was said, not
        who said it: an auxiliary follows them ('…, said some families were too frightened')."""
        return j < len(self.doc) and self.sent_of[j] == self.sent_of[j - 1] and self.doc[j].lower_ in AUXILIARIES

    def _does_something_else(self, j: int) -> bool:
        """Whether the body or person ending at token `j` is the subject of a verb of its own ('the government is
        expected to call talks, sources said'): what the claim is about, not who says it. A verb of saying after
        the auxiliary ('Zelensky has denied', 'Medvedev has also said') makes them a speaker all the same, but not a
        passive verb of labelling, charge or criticism ('Councillor Jo Reed was branded a liar'): they are the one
        labelled or charged, what the judgement is about."""
        last = self.sents[self.sent_of[j - 1]][1]
        return (
            j < last
            and self.doc[j].lower_ in AUXILIARIES
            and not any(
                k in self.cue_at
                and self.lex.cues[self.doc[k : self.cue_at[k][0]].text.lower()][1]
                and not self._passive(k, self.cue_at[k][0])
                for k in range(j + 1, min(j + 3, last))
            )
        )

    def _what_the_speaker_does(self, i: int) -> bool:
        """'…, said Fiona MacRae, who chairs the Community Council': the body after 'who' and one verb
        describes the speaker; it is not a second source."""
        k = i - 1 if i > 0 and self.doc[i - 1].lower_ in {"the", "a", "an"} else i
        return k >= 2 and self.doc[k - 2].lower_ == "who" and self.doc[k - 1].is_alpha
