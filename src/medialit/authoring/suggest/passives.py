"""A verb of labelling, charge or criticism as the words around it use it: passive or not, its 'was' or 'been', the 'by'
that brings in who made the judgement, its subject; or a participle that only describes a noun ('the man accused of
theft')."""

from __future__ import annotations

from .label_words import LabelWords
from .noun_phrases import NounPhrases
from .word_lists import (
    ADVERBS_BEFORE_VERB,
    AUXILIARIES,
    CALLED_FOR_SOMEONE,
    CHARGE_LINKS,
    CRITICISM_LINKS,
    CRITICISM_VERBS,
    DETERMINERS,
    HOW_OFTEN_AFTER_A,
    IRREGULAR_PARTICIPLES,
    JUDGING_VERBS,
    LABEL_ARTICLES,
    LABELLING_VERBS,
    NO_OBJECT_AFTER,
    NOUNS_IN_LY,
    NUMBER_WORDS,
    OBJECT_LINKS,
    OBJECT_PRONOUNS,
    ONLY_CRITICISM,
    PASSIVE_BE,
    POSSESSIVES,
    RELATIVE_WORDS,
    SPEAKER_DETERMINERS,
    SUBJECT_PRONOUNS,
    WHEN_WORDS,
    WHERE_AFTER_CALLED,
    WHOSE,
    WRITTEN_LABEL_VERBS,
)


class Passives(NounPhrases, LabelWords):
    """Reads a verb of labelling, charge or criticism: passive or not, its 'by' and who follows it, its subject."""

    def _participle_after_noun(self, v: int) -> bool:
        """Whether the verb of charge or criticism at token `v`, with no 'was' or 'been' before it, describes the noun
        before it rather than says what that noun did ('The man accused of theft was jailed', 'the fire blamed on
        arson', 'The men accused were freed', 'The woman accused, who …', 'the man accused in the case'): no word
        that may open who or what is charged follows it, but the word that brings in the charge, a preposition, a
        verb, a pause or nothing. That noun charges no one."""
        doc = self.doc
        if doc[v].lower_ not in JUDGING_VERBS or self._be_before(v) is not None:
            return False
        if v + 1 >= len(doc) or self.sent_of[v + 1] != self.sent_of[v] or doc[v + 1].is_punct:
            return True
        after = doc[v + 1].lower_
        return after in NO_OBJECT_AFTER or after in WHEN_WORDS

    def _passive(self, v: int, k: int) -> bool:
        """Whether the verb of labelling, charge or criticism at tokens v..k is passive ('was branded', 'has been
        blamed', 'was widely blamed'): whoever labels or charges may then follow, after 'by'."""
        said = self.doc[v:k].text.lower()
        return said in LABELLING_VERBS | JUDGING_VERBS and self._be_before(v) is not None

    def _be_before(self, v: int) -> int | None:
        """The 'was', 'been' or 'be' right before the verb at token `v`, or before one word between them that says how
        or when ('was widely blamed', 'was roundly slammed', 'was also branded'), as a word in -ly before an active
        verb of charge does (`_how_said`); None where there is none."""
        doc, first = self.doc, self.sents[self.sent_of[v]][0]
        k = v - 1
        how = k > first and doc[k].is_lower and doc[k].is_alpha and doc[k].lower_ not in NOUNS_IN_LY
        if how and (doc[k].lower_.endswith("ly") or doc[k].lower_ in ADVERBS_BEFORE_VERB):
            k -= 1
        return k if k >= first and doc[k].lower_ in PASSIVE_BE else None

    def _passive_by(self, v: int, k: int) -> int | None:
        """The 'by' after the passive verb at tokens v..k, before any pause or the end of the clause, or None; a 'by'
        inside quoted words is theirs ('labelled “run by cowboys” by the union'), and a comma inside the label is
        no pause ('branded a cruel, heartless scheme by critics')."""
        last = self.sents[self.sent_of[v]][1]
        if not self._passive(v, k):
            return None
        stops = (
            n
            for n in range(k, last)
            if self.doc[n].lower_ in {"by", ","}
            and not (self.quoted(n) or self._comma_in_label(n))
            or self._ends_reported(n)
        )
        by = next(stops, last)
        return by if by < last and self.doc[by].lower_ == "by" else None

    def _passive_agent(self, v: int, k: int) -> tuple[int, int, int] | None:
        """Who labels or charges after a passive verb at tokens v..k ('was branded a waste by campaigners', 'was blamed
        for the delay by residents'): where the words after 'by' start, where their nouns start (past 'the', 'a' …)
        and where they end, when `_after_by` finds them and they end where a speaker may: with 'by' right after the
        verb, at the word that brings in the charge or the label ('was blamed by residents for the delay', 'was
        branded by critics as a waste'), else at a pause, a preposition or the end ('by officials at the town hall'
        stops before 'at': after a passive a place or a time most often says where or when it was done)."""
        found = self._after_by(v, k)
        if found is None:
            return None
        by, start, nouns, end = found
        last = self.sents[self.sent_of[v]][1]
        charge_follows = end < last and self.doc[end].lower_ in self._passive_links(v, k, by)
        if by == k:
            ends = charge_follows or self.doc[v:k].text.lower() in ONLY_CRITICISM and self._ends_speaker(end)
        else:
            ends = self._ends_speaker(end)
        return (start, nouns, end) if ends else None

    def _after_by(self, v: int, k: int) -> tuple[int, int, int, int] | None:
        """The 'by' after a passive verb at tokens v..k that brings in who labels or charges, and where the words after
        it start, where their nouns start and where their content words end (on over 'of', 'from' or 'for' to the
        noun they belong to: 'by residents of the estate'). Only with a label, or the word that brings in the charge,
        between the verb and 'by' ('branded by hand' labels nothing, 'blasted by storms' criticises nothing), or with
        'by' right after the verb and that word right after who comes after it ('was blamed by residents for the
        delay', 'was branded by critics as a waste'); not where the word before 'by' may be a passive verb of the
        charge's own ('accused of being paid by developers', 'blamed for damage caused by the storm') but is the
        label itself ('labelled biased by critics', 'slammed as flawed by unions'), nor where the words after it
        cannot be someone ('labelled unsafe by Friday' says when, 'accused of cheating by lying' how)."""
        doc, last, said = self.doc, self.sents[self.sent_of[v]][1], self.doc[v:k].text.lower()
        by = self._passive_by(v, k)
        if by is None or by > k and self._may_be_passive_verb(by - 1) and not self._sole_label(v, k, by):
            return None
        links = self._passive_links(v, k, by)
        no_label = said in LABELLING_VERBS and self.words(k, by) == 0
        if by > k and (no_label or links and doc[k].lower_ not in links):
            return None
        start = by + 1
        which = start < last and (doc[start].lower_ in SPEAKER_DETERMINERS | NUMBER_WORDS or doc[start].like_num)
        nouns = start + 1 if which else start  # 'by the union', 'by two councillors'
        # 'by residents for the delay': the charge follows who charges, so 'for' ends them ('by residents of the
        # estate' goes on only where the clause ends after them)
        if by == k:
            end = self._content_words_after(nouns, last)
        else:
            end = self._speaker_words_after(nouns, last)
        if end == nouns or any(t.lower_ in WHEN_WORDS for t in doc[start:end]) or doc[nouns].lower_.endswith("ing"):
            return None
        return by, start, nouns, end

    def _passive_links(self, v: int, k: int, by: int) -> set[str]:
        """The words that bring in what a passive verb at tokens v..k says of what it is about: the charge after a verb
        of charge ('of', 'for' …) or criticism ('as', 'for', 'over'), the label after a verb of labelling, which is
        any word between it and 'by', or 'as' when 'by' comes first ('was branded by critics as a waste')."""
        said = self.doc[v:k].text.lower()
        if said in LABELLING_VERBS:
            return {"as"} if by == k else set()
        return CRITICISM_LINKS if said in CRITICISM_VERBS else CHARGE_LINKS

    def _sole_label(self, v: int, k: int, by: int) -> bool:
        """Whether one word stands between the verb of labelling or 'as' after a verb at tokens v..k and the 'by' at
        token `by` ('labelled biased by', 'slammed as flawed by'): the label or the judgement itself, not a passive
        verb inside a longer one ('as a scheme driven by greed')."""
        label = k + 1 if self.doc[k].lower_ == "as" else k
        return by == label + 1 and (label > k or self.doc[v:k].text.lower() in LABELLING_VERBS)

    def _bare_label(self, k: int, end: int) -> bool:
        """Whether the words from token `k` to the pause at `end`, right after a passive verb of labelling, are a label
        with no 'a' or 'as' ('The plan was labelled unfair'): a word that is no small word or word for when opens them
        ('was labelled with names', 'was branded last week' say how or when, not what)."""
        if k >= end:  # the verb ends the sentence, or the article ('It was labelled.')
            return False
        word = self.doc[k]
        return word.is_alpha and not word.is_stop and self._time_phrase_end(k) == k

    def _quality_label(self, k: int) -> bool:
        """Whether the words right after a verb of labelling that ends at token `k`, past an opening quotation mark,
        name a quality, as a label after 'called' or 'dubbed' must ('was dubbed a failure', 'was called reckless'):
        words in small letters up to a pause, 'by', 'of', a time phrase that ends the clause ('a failure on Monday')
        or the end, after 'a' or 'an', or one word alone. Not a name ('was called Tom', 'was dubbed the Gherkin'), a
        small word ('called off', 'called to the scene', 'called as a witness'), where or when ('was called home', 'was
        called a day early'), how often ('was called a number of times'), nor a lone word in -ly, which says how or
        when ('was called immediately'; 'was called silly' is missed). The verb may end the article."""
        doc, last = self.doc, self.sents[self.sent_of[k - 1]][1]
        n = k + 1 if k < last and self._opens_quotation(k) else k
        article = n < last and doc[n].lower_ in LABEL_ARTICLES
        n += article
        end = next((m for m in range(n, last) if doc[m].is_punct or doc[m].lower_ in {"by", "of"}), last)
        words = doc[n : self._before_time_phrase(n, end)]
        if not words or not (article or len(words) == 1 and not words[0].is_stop):
            return False
        if article and words[0].lower_ in HOW_OFTEN_AFTER_A:
            return False
        if not article and words[0].lower_.endswith("ly") and words[0].lower_ not in NOUNS_IN_LY:
            return False  # as before a verb of saying, a word in -ly is how it was done
        not_labels = WHEN_WORDS | WHERE_AFTER_CALLED | ADVERBS_BEFORE_VERB
        return all(t.is_lower and t.is_alpha and t.lower_ not in not_labels for t in words)

    def _labels_a_quality(self, v: int, k: int) -> bool:
        """Whether the verb of labelling at tokens v..k puts a label that names a quality (`_quality_label`) on
        something, as 'called' and 'dubbed' must to label: right after it as a passive ('The scheme was dubbed a
        failure') or where what it labels comes before it (`_labelled_before`: 'the plan, which critics called “a
        shambles”'), or, active, after what it labels, opened by 'a', 'an' or a quotation mark ('Critics called the plan
        a disaster', 'called its budget “reckless”'), or one word with an adjective's ending that ends the clause
        (`_adjective_label`: 'Critics called the plan reckless'). Not what 'called' fetches for someone ('called him
        an ambulance'). With no parser only those words show where what is labelled ends: 'called the plan absurd'
        drafts nothing."""
        if self._passive(v, k) or self._labelled_before(v) is not None:
            return self._quality_label(k)  # 'was dubbed a failure', 'the plan, which critics called “a shambles”'
        doc, label, last = self.doc, self._labelled_end(k), self.sents[self.sent_of[k - 1]][1]
        if label is None or label >= last:
            return False  # 'Critics called the plan' ends the sentence, or the article
        if not (doc[label].lower_ in LABEL_ARTICLES or self._opens_quotation(label) or self._adjective_label(label)):
            return False
        fetched = label + 1 < len(doc) and doc[label + 1].lower_ in CALLED_FOR_SOMEONE
        return self._quality_label(label) and not fetched

    def _adjective_label_after(self, v: int, k: int) -> bool:
        """Whether the active verb of labelling at tokens v..k puts one word with an adjective's ending that ends the
        clause on what it labels (`_adjective_label`: 'called the plan reckless', 'branded it unfair'); not 'labelled',
        whose one adjective may say what is written on a thing ('labelled the bottles recyclable')."""
        label = self._labelled_end(k)
        if label is None or label >= self.sents[self.sent_of[v]][1]:
            return False
        return self.doc[v:k].text.lower() not in WRITTEN_LABEL_VERBS and self._adjective_label(label)

    def _labelled_before(self, v: int) -> int | None:
        """Where what the active verb of labelling at token `v` labels starts when it comes before the verb: the noun
        phrase that a relative word set off by a comma stands for, with the verb's subject between them ('the plan,
        which critics called “a shambles”', 'Jo Reed, whom neighbours dubbed a hero', 'the scheme, which he branded
        unworkable'); the label then comes right after the verb. None elsewhere: with no comma the clause says which
        one ('the plan that critics called …', `_says_which_one`)."""
        doc, first = self.doc, self.sents[self.sent_of[v]][0]
        subject = self._adverbs_before(v)  # 'which critics later called'
        if subject - 1 > first and doc[subject - 1].lower_ in SUBJECT_PRONOUNS - {"who"}:
            r = subject - 2  # 'which he called'
        else:
            r = self._content_words_before(subject, first) - 1
            if r == subject - 1:
                return None
            if r > first and doc[r].lower_ in WHOSE | LABEL_ARTICLES:  # 'which the union called', 'which a judge …'
                r -= 1
        if r <= first or doc[r].lower_ not in {"which", "who", "whom"} or doc[r - 1].text != ",":
            return None
        return self._noun_before_relative(r)

    def _labelled_in_aside(self, i: int, j: int) -> bool:
        """Whether the words at tokens i..j, before the comma that sets off a relative clause, are what a verb of
        labelling in that clause labels (`_labelled_before`: 'Councillor Jo Reed, whom critics dubbed a hero, retired'):
        the one labelled, what the judgement is about, not who speaks."""
        doc, last = self.doc, self.sents[self.sent_of[i]][1]
        if not (j + 1 < last and doc[j].text == "," and doc[j + 1].lower_ in {"which", "who", "whom"}):
            return False
        verbs = (v for v in range(j + 2, last) if v in self.cue_at)
        labelling = (v for v in verbs if doc[v : self.cue_at[v][0]].text.lower() in LABELLING_VERBS)
        return any(start is not None and start <= i for start in map(self._labelled_before, labelling))

    def _labelled_end(self, k: int) -> int | None:
        """Where what an active verb of labelling that ends at token `k` labels ends: a pronoun ('called it'), or
        content words and joined possessives after a word that picks out which one or none ('the plan', 'its budget',
        'Jo Lee', 'the county's offer'), perhaps with a phrase after a word that joins it to them ('the union's claim
        about the budget'), and before their last word where it has an adjective's ending and ends the clause
        (`_adjective_label`: 'the plan' of 'called the plan reckless'). None where a small word opens it ('called
        for', 'called on the council', 'called off'): the verb asks or calls off, and labels nothing."""
        doc, last = self.doc, self.sents[self.sent_of[k - 1]][1]
        if k >= last:
            return None
        if doc[k].lower_ in OBJECT_PRONOUNS | {"it"}:
            return k + 1
        n = k + 1 if doc[k].lower_ in DETERMINERS else k
        end = self._content_words_after(n, last)
        if end == n:
            return None
        if end < last and doc[end].lower_ in OBJECT_LINKS:  # 'about the budget', 'of the council'
            m = end + 2 if end + 1 < last and doc[end + 1].lower_ in DETERMINERS else end + 1
            after = self._content_words_after(m, last)
            n, end = (m, after) if after > m else (n, end)
        # 'the plan' of 'called the plan reckless', but all of "the family's anguish"
        alone = end - 1 > n and doc[end - 2].lower_ not in POSSESSIVES
        return end - 1 if alone and self._adjective_label(end - 1) else end

    def _may_be_passive_verb(self, n: int) -> bool:
        """Whether the word at token `n` may be a passive verb ('paid', 'caused', 'driven'): a 'by' after it may bring
        in whoever did that, not whoever labels or charges."""
        word = self.doc[n].lower_
        return self.doc[n].is_alpha and (word.endswith(("ed", "en")) or word in IRREGULAR_PARTICIPLES)

    def _passive_subject(self, v: int) -> int | None:
        """Where the subject of the passive verb at token `v` starts ('The council was blamed', 'The plan has since
        been slammed'): back over 'was' or 'been' and the auxiliaries before them ('has been', 'will be'), and over a
        word for when or how between two of them ('has since been', 'has also been'), to the start of its clause.
        A relative word that a comma sets off stands for the noun phrase before the comma, where the subject starts
        ('the council, which has since been blamed'). None when no 'was' or 'been' stands before the verb or another
        relative word is the subject ('The man who was blamed')."""
        if self._be_before(v) is None:
            return None
        group = self._verb_group_start(v)
        if self._set_off_relative(group - 1):
            return self._noun_before_relative(group - 1)
        return self._clause_subject(group)

    def _verb_group_start(self, v: int) -> int:
        """Where the words that go with the verb at token `v` start: its auxiliaries ('was', 'has been', 'will be'),
        with a word for when or how between two of them ('has since been', 'has also been'), or the words for when or
        how right before an active verb ('also blamed')."""
        doc, first = self.doc, self.sents[self.sent_of[v]][0]
        aux = self._be_before(v)
        if aux is None:
            return self._adverbs_before(v)
        while aux > first:
            k = aux - 1
            if k > first and doc[k].lower_ in ADVERBS_BEFORE_VERB and doc[k - 1].lower_ in AUXILIARIES:
                k -= 1  # 'has since been': 'since' says when, it opens no clause here
            if doc[k].lower_ not in AUXILIARIES | PASSIVE_BE:
                break
            aux = k
        return aux

    def _says_which_one(self, v: int) -> bool:
        """Whether the verb of charge or labelling at token `v` is in a relative clause that says which person or thing
        the sentence is about: passive with a relative word for its subject ('The man who was blamed for the fire has
        left', 'the fire that was blamed on arson'), or active with one and no comma before it ('The man who blamed
        the council for the fire has left'), where the clause's end is not known. The reporter reports no charge
        there: the sentence's news is what it goes on to say of them. A clause a comma sets off is an aside that
        reports the charge, passive or active ('the council, which was blamed for the delay')."""
        doc, first = self.doc, self.sents[self.sent_of[v]][0]
        k = self._verb_group_start(v) - 1
        if k < first or doc[k].lower_ not in RELATIVE_WORDS:
            return False
        return not (k > first and doc[k - 1].text == ",")
