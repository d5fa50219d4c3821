"""The fixed word lists and limits the rules read, each with the comment that says why it holds what it holds (the
curated lexicons in `authoring/lexicon/` are loaded by `lexicons.py`). Kept in one place so that no two rules keep
two copies of one list."""

from __future__ import annotations

import re

NAME_ENTITIES = {"PERSON", "ORG", "NORP", "GPE", "FAC"}
ACCUSATION_WORDS = {
    "accuse",
    "accuses",
    "accused",
    "accusing",
    "accusation",
    "blame",
    "blamed",
    "blames",
    "behind",
    "orchestrating",
    "orchestrated",
    "masterminded",
    "responsible",
    "lies",
    "lied",
    "ordered",
    "guilty",
    "fault",
    "plot",
}
EVIDENCE_MISSING = re.compile(
    r"\b(without (providing |giving |offering )?(any )?evidence|no evidence)\b", re.IGNORECASE
)
# four digits from 1000 to 2099 with no comma: a year, since news writes a count that big with one ('2,019 residents')
YEAR = re.compile(r"1[0-9]{3}|20[0-9]{2}")
# "is expected to open", "is set to close": what is planned or foreseen
FORECAST = re.compile(r"\b(is|was|are|were)( also| widely)? (expected|set) to\b", re.IGNORECASE)
# a modal verb that may say what will happen ('may review', 'could close'), unless 'have' ('may have started': what
# perhaps happened) or 'not' ('could not explain': what someone was unable to do) follows it
MODALS_OF_THE_FUTURE = {"may", "might", "could"}
NOT_THE_FUTURE_AFTER = {"have", "not", "n't", "never"}
PAST_MODALS = {"would", "could"}  # also the past: what used to happen, what someone was able to do
HEADLINE_SUBJECT_WORDS_MAX = 5  # 'Plans for the town's pool to be dropped': the subject before a headline's 'to'
DASHES = {"–", "—", "-", "--"}
POSSESSIVE_DETERMINERS = {"its", "his", "her", "their", "our"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "such"} | POSSESSIVE_DETERMINERS
WHOSE = {"the"} | POSSESSIVE_DETERMINERS  # '…,” said its chair': the word before a speaker's job
# '…,” said a spokesman', '…,” said one hotel owner': any word that picks out which one may stand before the job
SPEAKER_DETERMINERS = WHOSE | {"a", "an", "one", "another", "some", "each", "every", "my", "your"}
SUBJECT_PRONOUNS = {"he", "she", "they", "it", "we", "i", "who"}
PERSON_PRONOUNS = {"he", "she", "they"}
NOUNS_OF_SAYING = {"claims", "claim", "fear", "fears", "hope", "hopes"}  # 'the Russian claims', 'fears of a strike'
AMBIGUOUS_CUES = NOUNS_OF_SAYING | {"alleged", "reported", "denied", "branded"}  # 'the alleged strike', 'branded goods'
OBJECT_CUES = {"added", "adds"}  # also a plain verb with an object: "added £40 to the bill"
QUESTION_CUES = {"asked", "asks"}  # more often a request: 'asked the council to act', 'Asked about it, she said'
AUXILIARIES = {"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may", "might"}
AUXILIARIES |= {"must", "should"}
# after one of AMBIGUOUS_CUES, a word that follows the noun ('the Russian claims were false', 'fears of a strike'); the
# verb goes on with what is said ('claims the pool is unsafe', 'claims that', 'denied it', 'hopes to')
AFTER_THE_NOUN = AUXILIARIES | {"of", "about", "by", "from", "against", "over", "and", "or", "which"}
PERFECT_AUXILIARIES = {"has", "have", "had"}  # 'a spokesman had told her': the speaker stands before the auxiliary
# 'Hale also accused', 'the mayor later said': a word that says when or how often stands between a speaker and the verb
ADVERBS_BEFORE_VERB = {"also", "later", "then", "again", "once", "too", "now", "since", "earlier", "previously"}
ADVERBS_BEFORE_VERB |= {"recently", "repeatedly", "publicly", "separately", "angrily"}  # a time: `_time_phrase_end`
ADVERBS_BEFORE_VERB |= {"privately", "previously", "subsequently", "herself", "himself", "themselves"}  # not 'family'
# whose subject speaks whatever noun it is ('A local trader said', 'Two hotels told …'); not 'announced' or 'confirmed',
# which follow a noun as often to say what was announced ('the cuts announced in May')
SPEAKING_VERBS = {"said", "says", "told", "tells", "warned", "warns", "wrote", "writes", "added", "adds", "replied"}
SPEAKING_VERBS |= {"explained", "insisted", "insists"} | QUESTION_CUES  # 'asked' only where it frames a quotation
SPEAKING_VERBS |= {"say", "warn"}  # the present tense for more than one: 'Shoppers say', 'Doctors warn'
# a verb in the present tense agrees with its subject: '-s' with one ('Williams says', 'Peters has said'), none with
# more than one ('Shoppers say', 'Locals have said'); the past tense ('said') agrees with either and says nothing
AGREES_WITH_ONE = {"says", "tells", "warns", "writes", "adds", "claims", "insists", "admits", "is", "has", "does"}
AGREES_WITH_MANY = {"say", "tell", "warn", "write", "add", "claim", "insist", "admit", "are", "have", "do"}
PASSIVE_AFTER = {"to", "by"}  # 'A man said to be in his 40s', 'the sum said by the council to be owed'
TIME_WORDS = {"day", "days", "week", "weeks", "weekend", "month", "months", "year", "years", "decade", "season"}
TIME_WORDS |= {"morning", "afternoon", "evening", "night", "hour", "hours", "minute", "moment", "time"}
TIME_WORDS |= {"later", "earlier", "ago"}  # 'The day after said', 'A week later said': when, not who
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october"}
MONTHS |= {"november", "december"}
WHEN_WORDS = TIME_WORDS | WEEKDAYS | MONTHS | {"yesterday", "today", "tonight", "overnight", "weekend"}
# a word before a month name that makes it a date ('in May', 'last June', 'the 9th of May'), as a number beside it does
DATE_LEADS = {"in", "on", "last", "next", "since", "until", "till", "from", "by", "of", "during"}
DATE_LEADS |= {"early", "late", "mid"}
WHEN_LEADS = {"on", "in", "at", "during", "by", "early", "late", "last", "this", "next", "the", "that", "every"}
PREPOSITION_OPENERS = {"after", "before", "since", "as"}  # a clause or a phrase: 'The morning after the storm said'
BE_FORMS = {"is", "was", "are", "were"}
RELATIVE_WORDS = {"who", "which", "that", "whom"}
LINKING_WORDS = {"including", "excluding", "like", "unlike", "versus", "via", "plus"}  # 'critics including …'
DESCRIBING_STOP_WORDS = {"only", "own", "other", "same", "first", "last", "next", "former", "many", "several", "few"}
CLAUSE_OPENERS = RELATIVE_WORDS | {"and", "but", "or", "while", "as", "because", "although", "though", "if", "since"}
CLAUSE_OPENERS |= {"after", "before", "when", "where", "whereas", "so"}  # a finite verb that opens a reported clause
CLAUSE_VERB_WITHIN = 4  # "added it was too soon": the reported clause's verb comes within a few words
LISTENER_VERBS = {"told", "tells", "warned", "warns", "warn"}  # whose object heard it: "told the Gazette that …"
TELLING_VERBS = {"told", "tells"}  # who heard it always comes first ('warned the plan would fail' has no one)
OBJECT_PRONOUNS = {"me", "us", "him", "her", "them", "you"}
LISTENER_WORDS_MAX = 6  # "told the Harbourside Gazette on Tuesday that …"
SPEAKER_FOLLOWS = {"said", "says", "according to", "added", "wrote", "asked", "replied"}
POSSESSIVES = {"'s", "’s", "'", "’"}
PREPOSITIONS = {"on", "in", "at", "to", "from", "with", "by", "for", "about", "during"}
PLACE_PREPOSITIONS = {"on", "in", "at", "near"}  # "a trader on High Street": the name after them is where, never who
NUMBER_WORDS = {
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "dozen",
    "dozens",
    "half",
    "per",
    "percent",
    "scores",
}
AFFILIATION_BEFORE = {
    "of",
    "from",
    "at",
    "group",
    "charity",
    "campaign",
    "company",
    "firm",
    "party",
    "union",
    "organisation",
    "organization",
}  # "Jo Lee, of the group Safe Streets": Safe Streets is not "she"
NAME_TITLES = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof"}
ACCORDING_TO_WORDS_MAX = 10  # "according to a report by the council's own transport officers"
POSTMODIFIERS = {"close", "familiar", "in", "at", "from", "inside", "near", "within", "with"}  # "sources close to …"
POSTMODIFIERS |= {"for", "of"}  # "a spokesman for the local bus company said", "residents of the estate said"
POSTMODIFIER_WORDS_MAX = 6  # "officials at the county's main bus depot said"
DESCRIPTION_WORDS_MAX = 4  # "said retired primary school teacher Ann Mills"
# How far the comma that closes an aside after a speaker (or opens one before the verb) may stand, in words: an
# appositive or an age is short ('The firm, Acme Ltd, said'); a clause opened by one of ASIDE_OPENERS may be long ('A
# driver, who asked not to be named because he fears for his job, said'), and its commas are the clause's ends
ASIDE_WORDS_MAX = 12
RELATIVE_ASIDE_WORDS_MAX = 30
ASIDE_OPENERS = frozenset(["who", "whose", "which"])
QUOTE_WORDS_MAX = 4  # a quoted stretch this short inside a longer sentence is a partial quote
SCARE_QUOTE_WORDS_MAX = 2  # a longer partial quote with no speaker is more often a phrase borrowed from someone
# a verb by which a speaker gives something a name ('branded the plan “madness”'): the quoted name is theirs
NAMING_VERBS = {"call", "calls", "called", "brand", "brands", "branded", "dub", "dubs", "dubbed", "term", "termed"}
NAMING_VERBS |= {"label", "labels", "labelled", "labeled", "describe", "describes", "described"}
# a verb that says where quoted words are written ('placards reading “no cuts”', '“keep out” painted on the gate')
WRITING_VERBS = {"written", "scrawled", "painted", "printed", "inscribed", "emblazoned", "stamped", "reading"}
WRITING_VERBS |= {"read", "reads", "saying", "bearing", "sprayed", "daubed", "carved", "etched", "chalked", "scribbled"}
WRITING_VERBS |= {"posted", "tweeted"}  # 'posted “disgraceful” on social media'
FIGURE_VERBS = {"posted"}  # a firm 'posted record profits': it reports a figure, and writes nothing
POSTED_HOW = {"online", "twice", "overnight"}  # 'posted “disgraceful” online': where or when, no noun that was posted
WRITING_GAP_MAX = 2  # 'daubed on the wall “…”', '“…” was painted': the few words a verb of writing may stand from them
# a verb that charges someone with something ('accused the county of wasting money', 'blamed it on the storm'):
# what it reports is the charge, which reads as one only with the verb ('the county of wasting money' does not)
CHARGE_VERBS = {"accuses", "accused", "blames", "blamed"}  # the forms in cues.tsv: only a cue reaches this rule
CHARGE_LINKS = {"of", "for", "on", "over"}  # the word that brings in the charge after whoever is charged
# a verb of criticism ('slammed the plan as a waste', 'blasted the council for the delays'): what it says of what it
# criticises reads as a claim only with the verb, as a charge does; 'as' brings in a judgement of it, 'for' or 'over'
# a charge ('of' in 'as a waste of money' brings in nothing)
CRITICISM_VERBS = {"slammed", "blasted", "decried", "criticised", "criticized", "criticises", "criticizes"}  # cues.tsv
CRITICISM_LINKS = {"as", "for", "over"}
JUDGING_VERBS = CHARGE_VERBS | CRITICISM_VERBS
# verbs with no sense but criticism: 'was criticised by officials' names who criticised with nothing after them, where
# 'was blasted by storms' or 'was slammed by a door' may not
ONLY_CRITICISM = {"criticised", "criticized"}
# past forms that may make a passive with no -ed or -en ('accused of being paid by developers'): then a 'by' after
# them may bring in who paid, not who accuses
IRREGULAR_PARTICIPLES = {"paid", "made", "run", "hit", "led", "held", "built", "sold", "bought", "brought", "caught"}
IRREGULAR_PARTICIPLES |= {"taught", "told", "set", "put", "cut", "hurt", "kept", "left", "sent", "spent", "lost", "won"}
IRREGULAR_PARTICIPLES |= {"done", "shot", "struck", "bound", "found", "fed", "said", "thought", "meant", "read"}
# before a verb of saying, charge or criticism any word in -ly is how it was done ('Moscow furiously decried', 'the
# minister wrongly said'), but for these nouns, which may be who speaks ('the Hale family slammed', 'its ally said')
NOUNS_IN_LY = {"family", "ally", "assembly", "rally", "supply", "monopoly", "elderly", "bully", "daily", "weekly"}
NOUNS_IN_LY |= {"monthly", "quarterly", "anomaly", "reply", "italy", "sicily", "panoply", "homily", "folly", "belly"}
# a verb of labelling ('Campaigners branded the plan a disgrace'): it reports the judgement its subject made, which
# reads as one only with the verb ('the plan a disgrace' does not), with or without 'as' before the label
LABELLING_VERBS = {"branded", "brands", "labelled", "labeled"}
# verbs that label only before a label that names a quality: right after them as a passive ('The scheme was dubbed a
# failure', 'The move was called reckless'), or after what they label, opened by 'a', 'an' or a quotation mark
# ('Critics called the plan a disaster') or one word with an adjective's ending ('called the plan reckless');
# elsewhere they ask, ring or name ('called for', 'called off', 'called the police', 'was called to the scene', 'a man
# called Tom', 'so-called'), and the cue rule drops them (`_quality_label`)
LABELLING_WITH_A_QUALITY_ONLY = {"dubbed", "called"}
LABELLING_VERBS |= LABELLING_WITH_A_QUALITY_ONLY
# between what an active verb of labelling labels and the label, a word that joins a phrase to its noun ('called the
# union's claim about the budget “absurd”', 'the cuts in the budget', 'the plan for the pool')
OBJECT_LINKS = {"of", "about", "for", "from", "on", "in", "at", "with"}
# what 'called' fetches for someone ('called him an ambulance', 'called her a taxi'): no label
CALLED_FOR_SOMEONE = {"ambulance", "taxi", "cab"}
# after 'was called' a word that says where or when the one called went, not what they are ('was called home')
WHERE_AFTER_CALLED = {"home", "away", "abroad", "forward", "aside", "ahead", "inside", "outside", "early", "late"}
WHERE_AFTER_CALLED |= {"twice", "often"}
# after 'was called a' a word that counts how often, not a label ('was called a number of times', 'a few times')
HOW_OFTEN_AFTER_A = {"number", "few", "couple", "handful", "lot", "dozen"}
# an office any body has, a council or a campaign group: who holds it has the role of the body they speak for
SPEAKS_FOR = {"spokesperson", "spokesman", "spokeswoman", "chair", "chairman", "chairwoman", "head", "director"}
SPEAKS_FOR |= {"secretary", "president", "leader", "manager", "executive", "officer"}
LABEL_ARTICLES = {"a", "an"}  # 'branded the plan a disgrace': the one noun after them that ends the clause judges
# the endings English gives only adjectives, each after a stem of at least so many letters ('reckless', 'dangerous',
# 'awful', 'irresponsible', 'unworkable', 'childish'; 'bless', 'table', 'parish' and 'fish' are too short for theirs):
# no parser tells an adjective, so a label with no 'a' or quotation mark ('Critics called the plan reckless') is known
# by its ending alone
ADJECTIVE_ENDINGS = {"less": 3, "ous": 3, "ful": 2, "ible": 3, "able": 3, "ish": 4}
# verbs of labelling that also put a written label on things: one adjective after them may say what is written there
# ('labelled the bottles recyclable'), not judge, so it makes no label alone (`_adjective_label`)
WRITTEN_LABEL_VERBS = {"labelled", "labeled", "labels"}
# nouns with one of those endings and a stem as long ('called the police constable')
NOUNS_WITH_ADJECTIVE_ENDINGS = {"constable", "vegetable", "timetable", "syllable", "anguish", "blemish"}
# adjectives that go after a noun to say which one, not what it is ('called the man responsible', 'the only seat
# available', 'the earliest date possible')
AFTER_A_NOUN = {"responsible", "available", "possible", "imaginable", "eligible", "applicable"}
# endings that nouns share with adjectives ('hospital', 'clinic', 'detective', 'tenant', 'student'): an adjective's
# only after a prefix that negates it ('unethical', 'unrealistic', 'irrational', 'illegal', 'irrelevant'); 'in-',
# 'im-' and 'dis-' open nouns as well ('individual', 'initiative', 'immigrant', 'dissident')
NEGATED_ENDINGS = ("al", "ic", "ive", "ant", "ent")
NEGATING_PREFIXES = ("un", "ir", "il")
# after 'un' the letters that open no negated word ('under', 'union', 'unit', 'universe', 'uniform'); 'un' before a
# word of four letters or more negates it ('unfair', 'unwise', 'unclear'), before fewer it may not ('uncle')
NOT_NEGATED_AFTER_UN = ("der", "i")
# the endings of plural nouns for people by what they do, study, hold to or are ('shoppers', 'donors', 'economists',
# 'historians', 'students', 'tenants', 'employees', 'authorities'), after a stem of a few letters ('Rees' is a name)
PEOPLE_PLURALS = ("ers", "ors", "ists", "ians", "ents", "ants", "ees", "ties")
PEOPLE_PLURAL_STEM_MIN = 3
PASSIVE_BE = BE_FORMS | {"been", "be"}  # 'was branded', 'has been labelled': whoever labels may follow, after 'by'
# after who speaks, labels or charges, 'at' most often says where it was done ('slammed by officials at the town hall',
# '…,” said two officials at a briefing'), where 'of', 'from' and 'for' say which ones ('residents of the estate')
WHICH_ONES = {"of", "from", "for"}
# right after a verb of charge or criticism, a word that opens no one charged: the verb describes the noun before it
# ('the man accused of theft', 'the men accused were freed', 'the woman accused in the case')
NO_OBJECT_AFTER = CHARGE_LINKS | CRITICISM_LINKS | PREPOSITIONS | AUXILIARIES | PASSIVE_BE | {"who", "which", "whom"}
NO_OBJECT_AFTER |= {"by", "and", "or", "but", "not"}
KINDS_FROM_VERBS = {"judgement", "accusation"}  # what a verb of labelling or charge makes of the words it reports
MENTION_NOUNS = {"word", "words", "term", "terms", "phrase", "slogan"}  # 'the word “consultation”' talks about a word
