"""What a source is: named or anonymous, its role, and the words of it that make up a name. Apart from finding sources,
since every rule that drafts one asks the same."""

from __future__ import annotations

from .draft import name_shaped
from .word_kinds import WordKinds
from .word_lists import SPEAKS_FOR, WHICH_ONES


class SourceIdentity(WordKinds):
    """Gives a source its identity and role, and the words of it that make up a name."""

    def _someone_unnamed(self, i: int, j: int) -> bool:
        """Whether the source at tokens i..j is brought in by 'a' or 'an' ('a spokeswoman for Greenway Buses',
        'a Westfield Council spokesperson'): it stands for one person the article does not name, and the names
        in it are the body they speak for. An aside that gives the name ('a spokeswoman, Jo Lee,') names them."""
        k = i if self.doc[i].lower_ in {"a", "an"} else i - 1
        return (
            k >= 0
            and self.doc[k].lower_ in {"a", "an"}
            and self.sent_of[k] == self.sent_of[i]
            and not any(t.text == "," for t in self.doc[i:j])
        )

    def _source_attrs(self, kinds: list[str], titles: list[str], i: int) -> dict:
        """Identity and role of the source whose tokens start at `i` and have these `kinds`."""
        own = kinds[: self._own_words(i, kinds)]
        longest_name, run = 0, 0
        for n, kind in enumerate(own):
            run = run + 1 if self._written_as_name(i + n, kind) else 0
            longest_name = max(longest_name, run)
        group = any(self.lex.sources[t][1] for t in titles)
        # one name word before a group word says whose they are ('Russian officials', 'the Harbourside residents');
        # right after it, it is the body's own name ('Energy firm Northgrid', 'the union Unite')
        body_named = any(
            kind == "TITLE" and following == "NAME" and self.lex.sources[self.doc[i + n].lower_][1]
            for n, (kind, following) in enumerate(zip(own, own[1:]))
        )
        identity = "anonymous" if longest_name == 0 or (group and longest_name < 2 and not body_named) else "named"
        attrs = {"identity": identity}
        if titles:  # the head word: the last job word before "of" or "for" ("a spokesperson for the agency")
            jobs = [i + n for n, kind in enumerate(kinds) if kind == "TITLE"]
            before_link = kinds[: kinds.index("LINK")].count("TITLE") if "LINK" in kinds else 0
            head = jobs[before_link - 1] if before_link else jobs[-1]
            attrs["role"] = self._role(self._body_spoken_for(head, jobs) or head)
        return attrs

    def _body_spoken_for(self, head: int, jobs: list[int]) -> int | None:
        """The group or body word after 'of' or 'for' that the job at token `head` speaks for ('chair of the Friends
        of Ashford Library', 'a spokesperson for the campaign'), when the job is an office any body has
        (SPEAKS_FOR): its source has the body's role, a stake or an office, not the office's own."""
        if self.doc[head].lower_ not in SPEAKS_FOR or head + 1 >= len(self.doc):
            return None
        if self.doc[head + 1].lower_ not in {"of", "for"}:
            return None
        return next((k for k in jobs if k > head), None)

    def _role(self, k: int) -> str:
        """The role the job or group word at token `k` gives its source. An agency is a public body ('The
        Environment Agency') unless it is a news or press agency."""
        word = self.doc[k].lower_
        if word == "agency" and k and self.doc[k - 1].lower_ in {"news", "press"}:
            return "media"
        return self.lex.sources[word][0]

    def _own_words(self, i: int, kinds: list[str]) -> int:
        """How many of the source's tokens, from `i`, can name it: all, but for a group word and 'of', 'for' or 'from'
        ('Residents of Lower Ashcombe', 'officials of the Ministry') those before that word; a name after it
        is the place or body the group belongs to and names none of them."""
        at = kinds.index("LINK") if "LINK" in kinds else len(kinds)
        head = next((n for n in reversed(range(at)) if kinds[n] == "TITLE"), None)
        if head is None or at == len(kinds) or self.doc[i + at].lower_ not in WHICH_ONES:
            return len(kinds)
        return at if self.lex.sources[self.doc[i + head].lower_][1] else len(kinds)

    def _written_as_name(self, k: int, kind: str) -> bool:
        """Whether token `k` of a source is part of a name: a name word, or a job, group or describing word written
        with a capital inside its sentence, as a body's name has it ('Westfield Council', 'Transport Union'), or
        a group word that opens the sentence right before a name word ('Police Scotland declined to comment')."""
        if kind == "NAME":
            return True
        return (
            kind in ("TITLE", "MOD")
            and name_shaped(self.doc[k])
            and (not self._opens_sentence(k, self.sents[self.sent_of[k]][0]) or self._opens_body_name(k))
        )

    def _opens_body_name(self, k: int) -> bool:
        """Whether the group word at token `k` is the first word of a body's name ('Police Scotland'): a name word
        follows it in the same sentence, so its capital is the name's and not only the sentence's."""
        doc, word = self.doc, self.doc[k].lower_
        return (
            word in self.lex.sources
            and self.lex.sources[word][1]
            and k + 1 < len(doc)
            and bool(doc[k].whitespace_)
            and self.sent_of[k + 1] == self.sent_of[k]
            and self._kind(doc[k + 1]) == "NAME"
        )

    def _name_words(self, i: int, kinds: list[str]) -> list[int]:
        """The tokens of the source starting at `i` that make up names: the name words, and the group words written
        as part of a body's name with the describing words written so right before them ('Transport Union',
        'Police Scotland'); a job word for one person is not part of the name ('Mayor Jo Lee')."""
        names, body = [], False
        own = self._own_words(i, kinds)
        aside = next((n for n in range(own) if self.doc[i + n].text == ","), own)
        if "NAME" in kinds[:aside]:
            own = aside  # 'Tom Whitfield, chair of the Friends of …': the aside describes the named person
        for n in reversed(range(own)):
            k, kind = i + n, kinds[n]
            written = self._written_as_name(k, kind)
            if kind == "TITLE":
                body = written and self.lex.sources[self.doc[k].lower_][1]
            elif kind != "MOD" or not written:
                body = False
            if kind == "NAME" or body:
                names.append(k)
        return names[::-1]
