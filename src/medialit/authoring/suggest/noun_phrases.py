"""Where the words of someone who speaks begin and end: the content words before or after a verb, the word that picks
out which one, a phrase after a job word ('officials at the depot'), an aside that names or describes them ('the
mayor, Helen Okafor')."""

from __future__ import annotations

from .clauses import Clauses
from .word_kinds import WordKinds
from .word_lists import (
    ASIDE_OPENERS,
    ASIDE_WORDS_MAX,
    DESCRIPTION_WORDS_MAX,
    DETERMINERS,
    NUMBER_WORDS,
    PLACE_PREPOSITIONS,
    POSSESSIVES,
    POSTMODIFIER_WORDS_MAX,
    POSTMODIFIERS,
    PREPOSITIONS,
    RELATIVE_ASIDE_WORDS_MAX,
    SPEAKER_DETERMINERS,
    WHEN_LEADS,
    WHEN_WORDS,
    WHICH_ONES,
    YEAR,
)


class NounPhrases(Clauses, WordKinds):
    """Finds where the words of someone who speaks begin and end, before or after the verb."""

    def _speaker_words_after(self, n: int, last: int) -> int:
        """Where the content words of a speaker starting at token `n` end ('local trader', 'hotel's owner'), on over
        'of', 'from' or 'for' to the noun they belong to ('bakeries of the old quay'), up to token `last`; not over
        'at', which most often says where they spoke ('said two officials at the depot')."""
        doc = self.doc
        j = self._content_words_after(n, last)
        if j > n and j + 1 < last and doc[j].lower_ in WHICH_ONES:
            m = j + 2 if doc[j + 1].lower_ in DETERMINERS else j + 1
            after = self._content_words_after(m, last)
            if after > m and self._ends_speaker(after):
                return after
        return j

    def _content_words_after(self, n: int, last: int) -> int:
        """Where the run of content words and joined possessives starting at token `n` ends, before a word for when."""
        doc = self.doc
        while (
            n < last
            and doc[n].lower_ not in WHEN_WORDS
            and (
                (doc[n].is_alpha and not doc[n].is_stop)
                or (doc[n].lower_ in POSSESSIVES and not doc[n - 1].whitespace_)
            )
        ):
            n += 1
        return n

    def _ends_speaker(self, j: int) -> bool:
        """Whether a speaker after the verb may end at token `j`: at the sentence's end, a pause, a preposition, a
        word for when or 'who' ('said a trader, who …', 'said a trader last week'); a verb there ('…, said the pool
        was shut') makes the words before it what was said."""
        doc = self.doc
        if j >= len(doc) or self.sent_of[j] != self.sent_of[j - 1]:
            return True
        word = doc[j].lower_
        return doc[j].is_punct or word in PREPOSITIONS | WHEN_WORDS | WHEN_LEADS - {"the", "that"} | {"who", "whose"}

    def _noun_phrase_before(self, k: int) -> tuple[int, int] | None:
        """The words of the noun phrase that ends right before token `k`, past an aside set off by commas ('The
        diocese, which owns the land, declined'): content words and possessives back to a small word or a pause,
        and on over 'of', 'at' or 'from' to the noun they belong to ('residents of the estate'), without the word
        that picks out which one, which `_with_determiner` adds ('diocese', 'hotel's owners'); None when no such
        word stands there."""
        doc, first = self.doc, self.sents[self.sent_of[k]][0]
        end = k
        if end > first and doc[end - 1].text == ",":
            reach = range(end - 2, max(first, end - 2 - RELATIVE_ASIDE_WORDS_MAX), -1)
            commas = [n for n in reach if doc[n].text == ","]
            # the nearest comma, or a far one that opens a clause with "who" ('A librarian, who asked not to be named
            # because she fears losing her job, said')
            near = commas[0] if commas and end - commas[0] <= ASIDE_WORDS_MAX else None
            if near is None and commas and doc[commas[0] + 1].lower_ in ASIDE_OPENERS:
                near = commas[0]
            end = first if near is None else near
        start = self._content_words_before(end, first)
        while start < end and end - start <= POSTMODIFIER_WORDS_MAX:
            link = start - 1 if start > first and doc[start - 1].lower_ in DETERMINERS else start
            if not (link > first and doc[link - 1].lower_ in {"of", "at", "from"}):
                break
            before = self._content_words_before(link - 1, first)
            if before == link - 1:
                break
            start = before
        while start < end and doc[start].lower_ in POSSESSIVES:
            start += 1
        return (start, end) if start < end and start < k else None

    def _content_words_before(self, end: int, first: int) -> int:
        """Where the run of content words and joined possessives ending at token `end` starts ('hotel's owners')."""
        doc, start = self.doc, end
        while start > first and (
            (doc[start - 1].is_alpha and not doc[start - 1].is_stop)
            or (doc[start - 1].lower_ in POSSESSIVES and start - 1 > first and not doc[start - 2].whitespace_)
        ):
            start -= 1
        return start

    def _with_determiner(self, i: int) -> int:
        """Where the noun phrase of a speaker whose words start at token `i` begins: at the word before them that
        picks out which one ('a spokesman', 'the council', 'its chair'), or at a number that opens the clause
        ('Two hotels'; not a year: 'In 2019 residents', '2019 residents'), since the whole phrase says who speaks;
        else at `i`."""
        k = i - 1
        if k < 0 or self.sent_of[k] != self.sent_of[i]:
            return i
        word = self.doc[k]
        if word.lower_ in SPEAKER_DETERMINERS:
            return k
        number = word.lower_ in NUMBER_WORDS or (word.like_num and not word.is_alpha and not YEAR.fullmatch(word.text))
        first = self.sents[self.sent_of[k]][0]  # 'In May 2019 residents said': the year is part of when, not how many
        return k if number and self._opens_clause(k) and not self._after_time(first, k + 1) else i

    def _relative_verb(self, j: int) -> int:
        """Where the verb of a relative clause set off by a comma at token `j` stands, or `j` when no such clause
        follows: the words before the comma are its subject where its relative word may stand for someone who speaks
        (`_relative_speaks`): 'Dan Ellery, who said', 'Jo Lee, who later said', 'The council, which said'."""
        doc = self.doc
        if j + 2 < len(doc) and doc[j].text == "," and self._relative_speaks(j):
            return self._past_adverbs(j + 2)
        return j

    def _relative_speaks(self, j: int) -> bool:
        """Whether the relative word after the comma at token `j` stands for words before it that may speak: 'who' for
        a name ('Jo Lee, who'), 'which' for a body, a name or a group word ('Acme Ltd, which', 'the charity Oxfam,
        which', 'The council, which'), not a place ('homes in Leeds, which') nor a thing ('the bridge, which').
        Not 'who' after a group word, which a verb before it may wrongly join ('Nobody asked residents, who …')."""
        doc, relative, kind = self.doc, self.doc[j + 1].lower_, self._kind(self.doc[j - 1])
        if relative == "who":
            return kind == "NAME"
        if relative != "which" or kind not in ("NAME", "TITLE"):
            return False
        run = next(n for n in range(j - 1, -1, -1) if n == 0 or self._kind(doc[n - 1]) not in ("NAME", "TITLE"))
        owner = self._owner(run)
        return owner is None or doc[owner[1]].lower_ not in PLACE_PREPOSITIONS

    def _postmodified(self, j: int, kinds: list[str]) -> tuple[int, list[str], tuple[int, str] | None]:
        """'Sources close to the trust board said', 'officials at the depot said': the phrase after the job or
        group word up to the verb of saying says which ones, so it belongs to the source."""
        doc, last = self.doc, self.sents[self.sent_of[j - 1]][1]
        if j >= last or doc[j].lower_ not in POSTMODIFIERS:
            return j, kinds, None
        for m in range(j + 1, min(j + POSTMODIFIER_WORDS_MAX + 1, last)):
            if self.speech_cue(m):
                return m, kinds + ["LINK"] * (m - j), (m, doc[m : self.cue_at[m][0]].text)
            if not doc[m].is_alpha and doc[m].lower_ not in {"’s", "'s"}:
                break
        return j, kinds, None

    def _subject(self, i: int, j: int, kinds: list[str], v: int) -> tuple[int, int, list[str], int] | None:
        """The whole subject of the verb of saying at `v` that the run i..j stands in, and where the words about the
        speaker end (`_about_speaker_end`), or None when the run is not the speaker: a name after a preposition
        belongs to the noun before it ('a trader on High Street said'), and so does ', who said' after a job or group
        word or a place ('a trader on High Street, who said'), but not after another name, who may be the person
        ('backed by Jo Lee, who said'), and at the end of an aside to no speaker ('The mayor, speaking at Market
        Square, said'); an aside that says who the speaker is is part of the one source ('Its chair, Priya Shah,
        said', 'Jo Lee, a teacher at the school, said'), as after 'said' (`_job_in_apposition`), but not a relative
        clause, which says something about them ('Helen Brooks, who leads the group, said', 'The council, which runs
        the library, said'; 'Jo Lee, who said the road was unsafe, warned …': what she said): a key wants the name."""
        doc, owner = self.doc, self._owner(i)
        if owner is not None:
            start, at = owner
            if v == j + 1 and doc[j].text == ",":
                return None
            person = any(self._kind(t) == "TITLE" for t in doc[start:at])
            place = doc[at].lower_ in PLACE_PREPOSITIONS  # 'a trader on High Street, who said': a place is never 'who'
            relative = v != j and v == self._relative_verb(j)  # 'who' is a person: 'a tweet by Jo Lee, who said'
            # not when it opens the sentence: "From Leeds Jo Smith said"
            if start < at and (person or place or not relative):
                i, kinds = start, [self._kind(t) for t in doc[start:at]] + ["LINK"] * (j - at)
        about = self._about_speaker_end(j, v)
        if about > j and doc[j + 1].lower_ not in ASIDE_OPENERS:
            named = "NAME" in kinds  # then the aside's names describe the speaker; they do not name them
            kinds = kinds + ["MOD" if named and self._kind(t) == "NAME" else self._kind(t) for t in doc[j:about]]
            j = about
        return i, j, kinds, about

    def _about_speaker_end(self, j: int, v: int) -> int:
        """Where an aside set off by a comma at token `j` before the verb of saying at `v` ends, at its closing comma
        before any 'has' or 'also', when it is about the speaker: it says who they are ('Its chair, Priya Shah,
        said'), or it is a relative clause with no verb of saying of its own ('Helen Brooks, who leads the group,
        said'), whose names speak for no one; else `j`. A clause that says something holds what was said, where
        others may speak ('Jo Lee, who said Tom Reid had warned her, backed it')."""
        if not (v > j + 1 and self.doc[j].text == "," and self._describes(j + 1)):
            return j
        clause_verb = self._relative_verb(j)
        return self._adverbs_before(v) - 1 if v != clause_verb and not self.speech_cue(clause_verb) else j

    def _owner(self, i: int) -> tuple[int, int] | None:
        """For a name after a preposition ('a trader on High Street', 'Jo Lee from Acme'): where the noun
        phrase before the preposition starts, and the preposition (the same token when no noun stands there)."""
        doc, at = self.doc, i - 1
        if at > 0 and doc[at].lower_ == "the":
            at -= 1
        in_sentence = lambda k: k >= 0 and self.sent_of[k] == self.sent_of[i]
        if not in_sentence(at) or doc[at].lower_ not in PREPOSITIONS | {"of", "near"}:
            return None
        start = at
        while at - start < DESCRIPTION_WORDS_MAX and in_sentence(start - 1):
            word = doc[start - 1]
            if not word.is_alpha or (word.is_stop and not self._kind(word)):
                break
            start -= 1
        return start, at

    def _describes(self, k: int) -> bool:
        """Whether the aside opening at token `k` is about the speaker ('a trader', 'its chair', 'Priya Shah', 'who
        chairs the group', 'which runs the library'), not when or how they spoke ('however', 'in a statement', '45')."""
        tok = self.doc[k]
        return tok.lower_ in DETERMINERS | ASIDE_OPENERS or self._kind(tok) in ("NAME", "TITLE", "MOD")

    def _which_ones_after(self, j: int, kinds: list[str]) -> tuple[int, list[str]]:
        """'…,” said campaigners from the estate', '…,” said residents of the old quay': after the job or group word of
        a speaker who follows the verb, 'of', 'from' or 'for' and the noun they bring in, in small letters, say which
        ones, as a name after them does (`_from_a_named_body`): the source runs to that noun's end, where a pause or
        the sentence's end follows (`_speaker_words_after`); it names none of them."""
        end = self._speaker_words_after(j - 1, self.sents[self.sent_of[j - 1]][1])
        return (end, [*kinds] + ["LINK"] * (end - j)) if end > j else (j, kinds)

    def _name_in_apposition(self, j: int, kinds: list[str]) -> tuple[int, list[str]]:
        """'…,” said the mayor, Helen Okafor, after the vote': a full name set off by a comma right after the job
        words of a speaker who follows the verb names that speaker ('the head librarian, Priya Shah' too, with
        job words we do not list); the source runs to the name's end."""
        doc, last = self.doc, self.sents[self.sent_of[j - 1]][1]
        comma = j
        while (
            comma < last
            and comma - j < DESCRIPTION_WORDS_MAX
            and (doc[comma].lower_ in POSSESSIVES or (doc[comma].is_lower and not doc[comma].is_stop))
        ):
            comma += 1  # "the head librarian, Priya Shah", "the group's founder, Nadia Webb"
        if comma >= last or doc[comma].text != ",":
            return j, kinds
        n = comma + 1
        while n < last and self._kind(doc[n]) == "NAME":
            n += 1
        if n - comma - 1 < 2 or (n < last and not doc[n].is_punct):
            return j, kinds
        return n, [*kinds] + ["MOD"] * (comma - j) + [""] + ["NAME"] * (n - comma - 1)

    def _job_in_apposition(self, j: int, kinds: list[str]) -> tuple[int, list[str]]:
        """'…,” said Tom Whitfield, chair of the Friends of Ashford Library.': an aside set off by a comma right after
        the name of a speaker who follows the verb, that opens with their job or group word (perhaps after 'a', 'the'
        or 'its' and a few describing words) and runs to the sentence's end or a pause, describes that speaker; the
        source runs to its end, and the names in it describe the speaker without naming them, as in an aside before
        the verb (`_subject`)."""
        doc, last = self.doc, self.sents[self.sent_of[j - 1]][1]
        if j + 1 >= last or doc[j].text != ",":
            return j, kinds
        n = j + 1 + (doc[j + 1].lower_ in SPEAKER_DETERMINERS)
        while n < last and n - j <= DESCRIPTION_WORDS_MAX and doc[n].is_lower and not doc[n].is_stop:
            if self._kind(doc[n]) == "TITLE":
                break
            n += 1  # 'a retired primary school teacher'
        if n >= last or self._kind(doc[n]) != "TITLE":
            return j, kinds
        end = n
        while end < last and self._kind(doc[end]):
            end += 1
        while end > n and self._kind(doc[end - 1]) == "LINK":
            end -= 1
        if end < last and not doc[end].is_punct:
            return j, kinds  # '…, said Jo Lee, chair of the group on Monday': where the aside ends is not known
        aside = ["MOD" if self._kind(t) == "NAME" else self._kind(t) for t in doc[j + 1 : end]]
        return end, [*kinds, "", *aside]
