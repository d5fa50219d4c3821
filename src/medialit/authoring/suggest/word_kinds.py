"""What each word is in a description of who speaks: a name, a job or group word, a describing word, a link, or none of
them (a date, a plural noun that only opens its sentence); and the runs of such words that may be a source."""

from __future__ import annotations

from .draft import name_shaped
from .time_phrases import TimePhrases
from .word_lists import (
    ADVERBS_BEFORE_VERB,
    AGREES_WITH_MANY,
    AGREES_WITH_ONE,
    DATE_LEADS,
    MONTHS,
    NAME_ENTITIES,
    NAME_TITLES,
    PEOPLE_PLURAL_STEM_MIN,
    PEOPLE_PLURALS,
    POSSESSIVES,
    SPEAKING_VERBS,
    WHEN_LEADS,
    WHEN_WORDS,
)


class WordKinds(TimePhrases):
    """Tells each word's part in a description of who speaks, and finds the runs of them."""

    def _kind(self, tok) -> str:
        """NAME, TITLE, MOD, LINK or '' for one token, as a part of a source description."""
        word = tok.lower_
        if word in self.lex.sources:
            return "TITLE"
        if tok.ent_type_ in NAME_ENTITIES:
            return "NAME"
        if word in self.lex.modifiers:
            return "MOD"
        if word in {"of", "for"} or word == "from" and self._from_a_named_body(tok.i):
            return "LINK"
        if word in POSSESSIVES and tok.i > 0 and not self.doc[tok.i - 1].whitespace_:
            return "LINK"  # "Patients' groups", "the trust's chief executive"
        if word == "the" and tok.i > 0 and self.doc[tok.i - 1].lower_ in {"of", "for"}:
            return "LINK"
        if word in MONTHS and tok.is_title and self._in_date(tok.i):
            return ""  # 'in May', '9 May': when
        if word in MONTHS and tok.is_title and (self._in_names(tok.i) or self._month_speaks(tok.i)):
            return "NAME"  # 'Theresa May', 'Mrs May', 'May said': who
        if word in MONTHS and tok.is_title and self._year_follows(tok.i):
            return ""  # 'June last year': when
        if word in WHEN_LEADS and tok.is_title and self._time_phrase_end(tok.i) > tok.i:
            return ""  # 'Early June', 'Late May': when
        proper = name_shaped(tok) or (tok.is_upper and len(tok) > 1 and tok.is_alpha)
        if proper and self._plural_noun_opening(tok.i):
            return ""  # 'Shoppers said': a group, whose capital is the sentence's
        if proper and not tok.is_stop and word not in self.lex.cues and not tok.like_num:
            return "NAME"
        if proper and self._inside_name(tok.i):
            return "NAME"
        return ""

    def _from_a_named_body(self, i: int) -> bool:
        """Whether the 'from' at token `i` joins a job or group word to the name of the body it belongs to
        ('campaigners from Save Our Pool', 'a spokesman from Greenway Buses'): the name says which ones, as one after
        'of' does; after anything else 'from' may say where something came from ('drones from Ukraine')."""
        doc = self.doc
        return (
            0 < i < len(doc) - 1
            and doc[i - 1].lower_ in self.lex.sources
            and self.sent_of[i + 1] == self.sent_of[i]
            and name_shaped(doc[i + 1])
        )

    def _plural_noun_opening(self, i: int) -> bool:
        """Whether the word at token `i` is a plural noun written with a capital only because it opens its sentence
        ('Shoppers said the queues were long'), not a name in '-s' ('Williams said', 'Reuters said'): spelt as a plural
        is ('-s', not '-ss', '-us' or '-is'), with no name word after it and never written with a capital inside a
        sentence (news names a person in full before it uses the surname alone: 'Tom Jones'), and either written in
        small letters elsewhere in the article, as no name is ('Many shoppers'), or, with nothing else to go on, ending
        as plural nouns for people by what they do or are end (PEOPLE_PLURALS: 'Shoppers', 'Economists', 'Tenants'),
        which no name in '-s' as common as 'Williams', 'Jones' or 'Evans' does. A name on that side ('Reuters',
        'Rogers') is drafted as a group only where the article never writes it inside a sentence."""
        doc, word = self.doc, self.doc[i].lower_
        if not (self._plural_spelling(word) and self._opens_sentence(i, self.sents[self.sent_of[i]][0])):
            return False
        name_after = i + 1 < len(doc) and self.sent_of[i + 1] == self.sent_of[i] and name_shaped(doc[i + 1])
        if name_after or word in self.capital_inside:
            return False
        verb = self._verb_after_opener(i)
        if verb in AGREES_WITH_ONE | AGREES_WITH_MANY:
            return verb in AGREES_WITH_MANY
        singular = word[:-3] + "y" if word.endswith("ies") else word[:-1]
        written_small = word in self.small_words or singular in self.small_words
        people = any(word.endswith(end) and len(word) - len(end) >= PEOPLE_PLURAL_STEM_MIN for end in PEOPLE_PLURALS)
        return written_small or people

    def _verb_after_opener(self, i: int) -> str:
        """The word, in small letters, that stands after the one opening its sentence at token `i`, past words for
        when or how ('Shoppers also say'), or '': where it is a verb in the present tense, it says whether the opener is
        one ('Williams says') or more than one ('Shoppers say')."""
        doc, n = self.doc, i + 1
        while n < len(doc) and self.sent_of[n] == self.sent_of[i] and doc[n].lower_ in ADVERBS_BEFORE_VERB:
            n += 1
        return doc[n].lower_ if n < len(doc) and self.sent_of[n] == self.sent_of[i] else ""

    @staticmethod
    def _plural_spelling(word: str) -> bool:
        """Whether `word`, in small letters, is spelt as an English plural noun is: 'shoppers', 'families'."""
        return word.isalpha() and len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))

    def _beside(self, i: int) -> tuple:
        """The tokens right before and after token `i` in its sentence (None where the sentence ends)."""
        doc, n = self.doc, self.sent_of[i]
        before = doc[i - 1] if i > 0 and self.sent_of[i - 1] == n else None
        after = doc[i + 1] if i + 1 < len(doc) and self.sent_of[i + 1] == n else None
        return before, after

    def _in_date(self, i: int) -> bool:
        """Whether the month name at token `i` is a month: a date or time phrase calls for it, after 'in', 'on', 'last'
        or 'next' and the like, or with a day or a year beside it ('9 May', 'May 9', 'May 2019')."""
        before, after = self._beside(i)
        return bool(before and (before.lower_ in DATE_LEADS or before.like_num) or after and after.like_num)

    def _year_follows(self, i: int) -> bool:
        """Whether a time phrase that says which year follows the month name at token `i` ('June last year', 'May
        this year'): together they are a date. One that says which week ('May last week said') leaves May a name."""
        end = self._time_phrase_end(i + 1) if i + 1 < self.sents[self.sent_of[i]][1] else i + 1
        return end > i + 1 and self.doc[end - 1].lower_ == "year"

    def _in_names(self, i: int) -> bool:
        """Whether the month name at token `i` stands in a run of capitalised names ('Theresa May', 'Mrs May',
        'June Hale'): then it is a name, as the words beside it are; a day ('Monday May') or 'I' is no name."""
        return any(
            tok is not None and len(tok) > 1 and name_shaped(tok) and tok.lower_ not in WHEN_WORDS
            for tok in self._beside(i)
        )

    def _month_speaks(self, i: int) -> bool:
        """Whether the month name at token `i` is someone who speaks ('May said the plan would fail', '…, June told
        us'): written with a capital, right before a verb of saying in a form that no 'may' as a helping verb takes
        ('said', 'says', 'insisted'), and no date calls for it, with no number or other word for when among the two
        words before it or between it and the verb ('In May said', 'On May 4 she said' are dates)."""
        doc, (first, last) = self.doc, self.sents[self.sent_of[i]]
        if doc[i].lower_ not in MONTHS or not doc[i].is_title or self._in_date(i) or i + 1 >= last:
            return False
        v = self._past_adverbs(i + 1)
        near = [t for t in doc[max(first, i - 2) : v] if t.i != i]
        if v >= last or any(t.like_num or t.lower_ in WHEN_WORDS for t in near):
            return False
        word = doc[v].lower_
        cue = self.lex.cues.get(word)
        return bool(cue and cue[1]) and (word in SPEAKING_VERBS or word.endswith(("ed", "s")))

    def _inside_name(self, i: int) -> bool:
        """A capitalised small word that leads on to a name word, not opening a sentence ('Save Our Hospital',
        'Keep Our Library'): part of the name, as a campaign or a title writes it."""
        doc, k = self.doc, i
        if doc[i].is_sent_start or self._opens_sentence(i, self.sents[self.sent_of[i]][0]):
            return False
        while k + 1 < len(doc) and doc[k].whitespace_ and self.sent_of[k + 1] == self.sent_of[i]:
            k += 1
            if not name_shaped(doc[k]):
                return False
            if not doc[k].is_stop:
                return True
        return False

    def source_runs(self) -> list[tuple[int, int, list[str]]]:
        """Maximal runs of name/title/modifier tokens inside one sentence, linking words allowed inside."""
        kinds = [self._kind(t) for t in self.doc]
        runs, i = [], 0
        while i < len(kinds):
            if kinds[i] in ("NAME", "TITLE", "MOD"):
                j = i
                while j < len(kinds) and kinds[j] and self.sent_of[j] == self.sent_of[i]:
                    j += 1
                while j > i and kinds[j - 1] in ("LINK", "MOD"):
                    j -= 1
                i = self._past_time_phrase(self._honorific_start(i, j, kinds), j)
                if j > i and any(k in ("NAME", "TITLE") for k in kinds[i:j]):
                    runs.append((i, j, kinds[i:j]))
                i = max(j, i + 1)
            else:
                i += 1
        return runs

    def _honorific_start(self, i: int, j: int, kinds: list[str]) -> int:
        """A name starts at its honorific: the capital of "Later Ms MacRae" at a sentence's start is no name."""
        title = next((k for k in range(i + 1, j) if self.doc[k].lower_ in NAME_TITLES), None)
        if title is not None and self.doc[i].is_sent_start and all(kind == "NAME" for kind in kinds[i:title]):
            return title
        return i

    def _past_time_phrase(self, i: int, j: int) -> int:
        """Where the run of name and job words at tokens i..j starts once a time phrase at its head is left out ('On
        Monday traders said', 'Yesterday Tom Jones said'): when it was said is not who said it. A month in a run of
        names is a name ('May Hale said'), and a run that is all time phrase ('Hale on Tuesday') is left as it is."""
        first = self.sents[self.sent_of[i]][0]
        for k in (i - 1, i) if i > first else (i,):
            end = self._time_phrase_end(k)
            if i < end < j and not (self.doc[i].lower_ in MONTHS and self._in_names(i)):
                return end
        return i
