"""Which capitalised words are names: the everyday words that are also names, and the words
that open a diary sentence without being anyone.

Shared by redact.py (the export preview's possible names) and feelings.py (whose feelings a
sentence names). Only word lists and a few small regexes: feelings.py needs these for a
sentence like "Priya felt anxious" and importing redact.py for them cost every such report
~20 ms (its case folding tables are built at import). The English word list of the label
rules (`english_word`) is read from the package's data only when one first asks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# English words that are also common first names or surnames: matched only when capitalised.
# A first name here is also one of the NAME_WORDS that the export preview flags opening a
# sentence as a person ("Frank was upset"), unless it is one of `_OPENS_AS_WORD`.
_FIRST_NAME_WORDS = word_set(
    """
    al amber april art ash august autumn basil bill bob brook bud buddy candy carol cat chance
    chase cherry chip chuck cliff crystal dale dash dawn destiny don dot drew duke earl eve
    faith fern frank gene ginger glen grace guy harmony hazel heather holly honey hope hunter
    iris ivy jack jade jay jean jewel joy june king kit lane lily major mark marsh max may
    melody mercy miles misty olive pat patience pearl penny pepper pip poppy precious
    prince ray reg rich river rob robin rocky rod rose rosemary rosy ruby rusty
    sage sandy skip sky sonny star storm summer sunny sue tiger violet wade ward will
    win winter worth
    """
)
_SURNAME_WORDS = word_set(
    """
    baker black bell bird bishop bond bright brown burns carter church clay cole cook cooper
    cross day dean field fields finch fisher ford fox frost gates gold good gray green grey hall
    hart hawk hay heath hill house hunt key lake lamb law little long love mason miller mills moon
    moss page park parker pike pond pool pope potter price reed rice rock rush salt sharp short
    snow spring steel stone street strong swift tanner thorn tower turner vine walker wall waters
    webb wells west white wise wolf wood woods wren young
    """
)
COMMON_WORDS = _FIRST_NAME_WORDS | _SURNAME_WORDS
# Everyday words that name parts of other languages are with their accents off (Văn, Bär,
# Ángel, Hồ, Sơn, Hưng, Bảy, Noël): such a part, listed with or without its accents, is
# matched in lower case only where a person stands, as a part in COMMON_WORDS is ("the van
# broke down" keeps the van); written with its accents it is always the name.
FOLDED_WORDS = word_set("angel bar bay dong ho ha hung noel pan sol son tan tin van")
# Given names that are no everyday word: a word in lower case that is one of these is that
# person, never a listed name spelt otherwise ("jane" is no Jana, "maria" no Marko; see
# redact.py's `Redactor._misspelt_people`). Other spellings of one name (Zoey of Zoë, Keri of
# Kerry) are left out on purpose: those are the misspellings.
OTHER_GIVEN_NAMES = word_set(
    """
    adam adele aidan alan alex alice alison amanda amy andrea andrew angela anna anne annie
    anton ben beth brian bruno carla carlo carmen carol caroline chris claire clara colin
    connor craig dan dana daniel dave david dean deana debbie diana diane dina donna
    edward elena eli elise ella ellen emily emma eric erin eva fiona gary gemma gina greg
    hannah harry helen ian irene isla jack jackie james jamie jane janet janice jason jean
    jenny jess jill joan joanna joe john jon josh julia julie karen karl kate katie keith
    kelly kevin kieran laura lauren leah lena leo lisa liz louise lucy luke lydia maria
    marie marion martin mary matt megan mia michael mike molly nadia natalie neil nick nina
    nora olivia owen paul paula peter phil rachel rebecca rita robert rosa ryan sally sam
    sara sarah sean simon sophie stella steve susan tara tina tom tony vera wendy zara
    """
)


ALWAYS_CAPITALISED = word_set(
    """
    i i'm i'll i've i'd monday tuesday wednesday thursday friday saturday sunday january
    february march april may june july august september october november december english
    ok okay tv gp a&e nhs ed er aa na
    """
)
# Abbreviations written in capitals that are also a name or short form in title case (ED,
# the emergency department, and Ed; DI, a detective inspector, and Di): in capitals, the
# abbreviation. Redaction leaves "ED" alone for a name listed as "Ed" (see `redact.py`), and
# the export preview flags "Ed", not "ED".
ABBREVIATIONS = {"ed": "the emergency department", "di": "a detective inspector"}
# Titles and forms of address: never a name on their own ("Mrs" of "Mrs O'Neill" is not
# replaced in "Mrs Patel said hello"), nor flagged as one ("Dr Okafor": Okafor is).
TITLES = word_set("mr mrs ms miss mx mstr dr prof sr jr rev fr sir dame cllr")


# First names among COMMON_WORDS that open sentences in shift notes as words more often than
# as names ("Art helped", "Ward was busy", "Summer came", "Guy named Tommy called"): mostly
# months and seasons, titles, forms of address, verbs, and things of a day on the ward.
_OPENS_AS_WORD = word_set(
    """
    al april art ash august autumn brook bud buddy candy cat chance chase cherry chip chuck
    dash destiny don dot duke fern ginger guy harmony honey hunter jewel june king kit lane lily
    major marsh may melody pepper pip poppy prince river rod sage skip sky sonny star storm
    summer tiger ward win winter worth
    """
)
# Given names that are also everyday words: opening a sentence, one is taken for the word
# (`common_opener`) unless what follows makes it a person (`used_as_name`). Derived, so that
# a first name added to COMMON_WORDS is also flagged as a person, unless listed just above.
NAME_WORDS = _FIRST_NAME_WORDS - _OPENS_AS_WORD
# What a person opening a sentence does next: a verb in the past tense ("-ed", not "need" or
# "feed"; or one of the usual irregular ones), a reporting verb ("says"), or "and I".
_PERSON_NEXT = re.compile(
    r"\s+(?:[a-z]+(?<!e)ed|agreed|was|wasn't|had|hadn't|did|didn't|said|says|told|tells|"
    r"came|went|got|left|rang|felt|thought|knew|saw|sat|stood|ran|took|gave|made|kept|spoke|"
    r"wrote|heard|met|sent|brought|broke|fell|began|became|wants|thinks|feels|asks|and\s+(?:I|me))"
    r"(?![\w'’])"
)


# What only a person does next: speak, ring, write, smile… ("April rang", "June said hi"),
# where "was", "came" or "and I" may follow a month or a season ("Summer came", "It was
# August and I was tired").
_SPEAKER_NEXT = re.compile(
    r"\s+(?:said|says|told|tells|rang|rings|texted|texts|phoned|emailed|messaged|called|"
    r"asked|asks|replied|answered|cried|smiled|laughed|shouted)(?![\w'’])"
)


def used_as_name(word: str, after: str) -> bool:
    """Whether `word`, opening a sentence, is one of the first names of COMMON_WORDS used as
    a name: one of the NAME_WORDS that is possessive ("Frank's mum"), or after which `after`
    (the text after it) goes on as a person would ("Will was upset", "Grace rang me", "Mark
    and I walked"), where the word would not ("Will you…", "Hope this helps", "Mark the
    date"); or any of them, the months (April, May, June, August) too, followed by what only
    a person does (`speaks`: "Summer said", "April rang")."""
    key = POSSESSIVE.sub("", word).casefold()
    if key in NAME_WORDS:
        return as_person(word, after)
    return key in _FIRST_NAME_WORDS and speaks(after)


def speaks(after: str) -> bool:
    """Whether `after` (the text after a word) goes on as only a person does: "said",
    "rang"."""
    return _SPEAKER_NEXT.match(after) is not None


def as_person(word: str, after: str) -> bool:
    """Whether `word`, opening a sentence, reads as a person: it is possessive ("Frank's
    mum"), or `after` goes on as a person would ("Will was upset", "Mark and I walked")."""
    return POSSESSIVE.search(word) is not None or _PERSON_NEXT.match(after) is not None


# The endings of a word joined to "will", "would", "are"… or a possessive ("That'll",
# "Kerry's"): what is left before them is looked up (see `common_opener`).
_CONTRACTION = re.compile(r"'(?:s|ll|d|re|ve|m)$")
_DOUBLED = re.compile(r"([b-df-hj-np-tv-z])\1$")  # "stopp" of "stopped": "stop"
_STEM_MIN = 5  # letters a word needs before its ending is taken off ("Fred" stays whole)
# Endings of English verbs, adverbs and adjectives that few names have ("Accompanied",
# "Furious", "Totally", "Massive"), on a word long enough that it is not a name such as Fred,
# Clive or Kelly. Left out: "-med", "-eed", "-aled" and "-shed" (Mohammed, Rasheed, Khaled,
# Rashed), "-erly" (Beverly), "-ing" (Jing, Xiaoming), "-ity" (Charity, Felicity). A given
# name with such an ending that is the word too (Precious) is one of `_FIRST_NAME_WORDS`: it
# is taken for a name where a person's verb follows it (`used_as_name`: "Precious rang").
_WORD_ENDING = re.compile(
    r"^(?=\w{6})\w*(?:(?<![em])(?<!sh)(?<!al)ed|ful|less|ous|ness|ment|[ts]ion)$"
    r"|^(?=\w{7})\w*(?:(?<!er)ly|ive|[ai]ble)$"
)


def opener_key(word: str) -> str:
    return _CONTRACTION.sub("", word.casefold().replace("’", "'"))


def stems(key: str) -> set[str]:
    """`key`, and what it may be an inflection of: "walked", "walking" and "walks" may be
    "walk", "happily" "happy", "stopped" "stop". A guess that only tells a common word
    opening a sentence from a name, so a word of fewer than five letters is kept whole."""
    stems = {key}
    if len(key) < _STEM_MIN:
        return stems
    for ending, instead in (("ied", "y"), ("ies", "y"), ("ily", "y"), ("ed", ""), ("ed", "e"),
                            ("ing", ""), ("ing", "e"), ("ly", ""), ("ly", "le"), ("es", ""),
                            ("s", "")):
        if key.endswith(ending):
            base = key[: -len(ending)]
            stems |= {base + instead, _DOUBLED.sub(r"\1", base)}
    if key.endswith("es") and not key[:-2].endswith(("s", "x", "z", "ch", "sh")):
        stems.discard(key[:-2])  # "James" is no "jam"
    if key.endswith("ss"):
        stems.discard(key[:-1])  # "Ross" is no "ros"
    return stems


def common_opener(word: str, lower: frozenset[str] = frozenset()) -> bool:
    """Whether `word`, opening a sentence, is taken for a common word rather than a name:
    it, or what it may be an inflection of ("Walked": walk), is one of `SENTENCE_OPENERS`
    or of `lower` (see `lower_case_words`); so is each part of a hyphenated word
    ("Half-asleep"); or it is a "not" form ("Couldn't": names take none)."""
    key = opener_key(word)
    if key.endswith("n't") or _WORD_ENDING.search(key):
        return True
    return all(
        any(stem in SENTENCE_OPENERS or stem in lower for stem in stems(part))
        for part in key.split("-") if part
    )


# Words that open English sentences and share their first three letters with a name ("The"
# with Theo, "She" with Sheila, "And" with Andrew, "Was" with Wasim): never a nickname.
SENTENCE_WORDS = word_set(
    """
    about after again all also although always and another any anyway are around as ask
    asked because been before being both but came can could did does doing done during each
    even ever every first from had has have having her here him his how however if into its
    just last later let like made make many maybe more most much must never next not now
    once one only other our over perhaps really same she should since some something soon
    still such than thanks that the their them then there these they this those though
    through today told tomorrow too under until very was wasn't were what when where which
    while who why will with without would yes yesterday yet you your
    """
)
# Words that open sentences in these notes and are not names: opening a sentence, one of
# these is not flagged as a possible name (see `common_opener`). English function words, the
# verbs, feelings and times a shift note starts with, and the words that open the summary's
# own alerts ("Drift markers rose…", "“Tired” feelings came up…"). Words that are names too
# ("Hope", "Park", "Bob": `COMMON_WORDS`) are left out: they count as words opening a
# sentence only when the text being exported has them in lower case too.
SENTENCE_OPENERS = SENTENCE_WORDS | word_set(
    """
    a above across actually afterward afterwards against ah ahead almost alone along already
    altogether am among an anything apparently are aren't arrived as at away back bad barely
    basically be became become before began behind being below beside besides better between
    beyond both brief briefly but by can can't cannot certainly clearly did didn't do don't
    down each earlier either else elsewhere enough especially eventually everybody everyone
    everything exactly except far few fewer finally fine first five for four further generally
    given go got great half happily hard hardly he he'd he'll he's hello hey hi honestly
    hopefully i'd i'll i'm i've if in inside instead is isn't it it'd it'll it's lately least
    less luckily mainly me meanwhile mine more morning mostly my myself nearly neither no
    nobody none nor normally nothing obviously of off oh ok often on onto or others otherwise
    ours out outside overall part partly past plus possibly probably quite rather recently
    right sadly second several shall she'd she'll she's shortly sometimes somewhere so somebody
    someone sorry suddenly sure that's thankfully thank there's they'd they'll they're they've
    third three throughout thus till to together tonight toward towards twice two um
    unfortunately unless up upon us usually various via we we'd we'll we're we've well went
    what's whatever whenever wherever whether whilst whoever whole whose wow yeah yep six seven
    eight nine ten twenty hundred once whoa hmm afternoon evening night midday midnight lunch
    lunchtime dinner breakfast tea coffee week weekend days month year shift shifts session
    sessions group groups meeting meetings visit visits call calls phone text email message
    letter notes note handover supervision training work home time times things people person
    staff team nurse nurses doctor doctors wards family friends mum dad parents community
    inpatient crisis emergency department forensic housing line outreach drop-in hostel
    hospital clinic office unit service services car bus train bit lots lot most much many
    other another some any every all feeling feelings felt feel feels thought think thinking
    thoughts knew know known saw see seeing seen said say saying says told tell telling asked
    ask asking came come comes coming sat sit sitting stood stand standing walked walk walking
    talked talk talking listened listen listening spoke speak speaking spent spend tried try
    trying made make making took take taking gave give giving left leave leaving found find met
    meet called helped help helping started start starting stayed stay staying worked working
    noticed notice noticing realised realized realising realizing remembered remember wanted
    want needed need keep kept let put brought bring heard hear hearing looked look looking
    read reading wrote write writing shared share sharing offered suggested agreed decided
    explained mentioned managed ended finished turned checked returned moved stopped waited
    learned learnt laughed cried smiled seemed seems get getting having doing going gone goes
    thanks spending reflecting supporting supported support encouraged reminded admitted ran
    rang texted messaged tired exhausted drained calm calmer anxious worried sad happy glad
    proud relieved frustrated angry upset annoyed nervous scared afraid grateful hopeful
    hopeless guilty ashamed lonely content okay worse worst best difficult easy tough quiet
    busy heavy light flat low steady mixed weird strange odd interesting lovely nice awful
    terrible horrible amazing brilliant wonderful emotional overwhelmed stressed shaky numb raw
    warm cold slow quick full empty new old big small drift identity advice focus voice
    mutuality self-worth clinical connection worldview moving advocacy recovery co-optation
    fear shame anger sadness powerless pride connected entries entry markers which self care dr
    mr mrs ms mx miss prof man woman men women lad lads girl girls boy boys kid kids child
    children baby lady brother sister mother father son daughter wife husband partner uncle
    aunt auntie cousin gran grandad grandma granddad nan client clients patient patients carer
    carers peer peers manager officer student students youth caller callers consultant
    psychiatrist room bed garden kitchen library cafe shop school college uni university gym
    pub court police prison food plan case site end break progress couple paperwork referral
    drove caught sent fed taught held lost cut set turns used pushed might reckon watch fair
    poor proper rough funny older younger early late real decent simple honest solid main sweet
    awesome mental social online mobile according near nope cheers present asleep awake
    colleague colleagues coworker coworkers co-worker workmate workmates mentor mentee
    supervisor volunteer volunteers worker workers therapist counsellor shaken taken broken
    given spoken stolen woken forgotten written hidden eaten beaten fallen frozen chosen
    driven ridden risen swollen torn worn drawn thrown grown shown blown flown
    """
)
# Words that make the next one stronger or softer, opening a sentence in a shift note ("Pretty
# tired.", "Bloody hard day.", "Kinda flat."): opening a sentence, not flagged as a possible
# name (see `unlisted_capitalised`) unless listed, or reading as a person ("Pretty rang").
# Kept out of `SENTENCE_OPENERS`, which the drift engine reads too.
INTENSIFIERS = word_set(
    """
    pretty super kinda sorta bloody dead totally absolutely completely utterly fairly
    somewhat incredibly extremely seriously massively hugely ridiculously insanely properly
    slightly literally genuinely truly bit
    """
)
# Words that open the one-line answers to the self-care and evaluation questions ("Long walk
# by the canal.", "Bath.", "Run.", "Mutual learning."), some of them names too (Long, Short,
# Cook, Park). With the feelings vocabulary and the prompt sets' questions, the tool's own
# words: see `unlisted_capitalised`'s `vocabulary`.
ANSWER_WORDS = word_set(
    """
    bath baths shower run runs jog jogging swim swimming stretch stretching nap naps sleep
    slept rest rested long short cycle cycling bike ride music podcast book books telly film
    movie gardening cook cooking cooked baking bake meditation meditated breathing
    mindfulness journaling prayer dog cat takeaway snack hug chat catch sauna massage
    nature park beach fresh hot chocolate cake soup mutual learning teamwork
    """
)
# Verbs a to-do line opens with ("Check on Margaret.", "Ring the GP.", "Chase the referral."):
# opening a sentence, one is taken for the verb unless it reads as a person ("Chase rang
# me": `as_person`), as the tool's own words are (see `unlisted_capitalised`). Two are names
# too (Chase, Mark): the same test tells "Mark the date" from "Mark rang".
IMPERATIVES = word_set(
    """
    add agree apply arrange ask avoid book bring buy call cancel catch chase check collect
    confirm contact drop email fill find fix flag follow get give go hand keep let log look
    make mark meet mention note order organise organize pass pay phone pick plan post prepare
    print raise read refer register remember remind renew reply request reschedule respond
    return review ring say schedule see send share sign sort speak start stop submit suggest
    take talk tell text tidy try update visit wait write
    advocate attend celebrate consider discuss document encourage escalate explore hold offer
    pause practise practice prioritise prioritize reach record reflect rest slow support thank
    """
)
POSSESSIVE = re.compile(r"['’][sS]$")
# Short everyday words that are also parts of names ("An" of Nguyễn Văn An, "Do", "Ha", "Oh"):
# such a part is matched alone only when capitalised, as one that is a word is ("I had an
# idea" keeps "an"), and in lower case only where the sentence makes it a person.
FUNCTION_WORDS = word_set(
    """
    a an the and or but if of in on at to by for from with as is it be do so no go up us we
    he me my am oh ok ah eh ha hi
    """
)
# Verbs whose past is their bare form ("let", "read": "Will read it" may be Will who did), or
# that open a phrase after a month too ("May last year"): the verb after a modal only where a
# subject is before it ("I will read it", "it may cost more": see `AFTER_A_SUBJECT`).
SAME_PAST = word_set(
    """
    let read put set cut hit cost shut hurt quit spread bet burst cast split upset bid last
    end
    """
)
# Verbs a writer's own "[I] will" or "[it] may" goes before, opening a sentence with its
# subject left out ("Will follow up.", "Will do.", "May need a lift"): the to-do verbs, less
# those of `SAME_PAST`, and more. Not what is an adjective too ("Will calm today", "May close
# to tears") nor what a person does more than a writer plans ("Will lose his flat", "Will play
# pool"): opening a sentence, "Will" or "May" before those is the person (see `BARE_VERBS`).
ELIDED_MODAL_VERBS = (IMPERATIVES - SAME_PAST) | word_set(
    """
    be do have come keep need want think feel hope stay leave work listen explain carry
    continue attend join sit stand walk drive pop become finish miss change support help
    encourage share try see know learn bring use struggle manage cope happen rain snow
    matter seem decide deal chat handle deliver answer push
    """
)
# Verbs in their bare form, as after "will" or "may" ("I will follow up", "it may rain"): a
# person named Will or May would be followed by "follows", "needed"…
BARE_VERBS = ELIDED_MODAL_VERBS | word_set(
    """
    run eat sleep drink lose win fall move open close worry cry laugh smile wake
    breathe grow show turn play depend improve mean understand believe forget notice allow
    relax settle spend save pull hear lead choose pick
    ease calm cover fit apologise apologize admit accept fight freeze
    """
)
# After a modal that follows its subject ("I will let her lead", "we may cut back"), the
# verbs of `SAME_PAST` are the verb too: no person is named between a subject and a verb.
AFTER_A_SUBJECT = BARE_VERBS | SAME_PAST
# Given names that are also verbs, each with the words that, after it opening a sentence, may
# make it the verb: "Hope he is safe", "Hope this helps", "Hope so", "Hope to do better", "Rose
# early", "Mark the date", "Sue them". Only words that follow the verb, never a person: not
# "the", "as", "every", "for", "on", "from" ("Rob the porter helped", "Mark as usual was late",
# "Drew on the ward was rude", "Rose from the team rang"). After a pronoun that is a subject
# ("Hope he is safe") it is the verb; after any other of these, only if no person's verb
# (`PERSON_VERBS`) follows in the clause ("Mark the date", but "Mark the nurse rang", "Hope so
# much wanted to come"). Redaction leaves the verb (the preview flags it) for a part or short
# form of a listed name, never for a name listed alone (but a modal verb: `MODALS`). "Will"
# and "May" are told by what follows a modal (see `BARE_VERBS`), and by a question.
SUBJECTS = word_set("i you he she it we they")
# Modal verbs that are given names too ("Will", "May", "Can"); in lower case right after one
# of `MODAL_SUBJECTS` ("I will try", "it may rain", "there will be") they are the verb. Not
# "that" or "who": "I heard that will was sick" is the person.
MODALS = word_set("will may might can must")
MODAL_SUBJECTS = SUBJECTS | word_set("this there")
_OBJECTS = "me you him her it us them"
VERB_NEXT = {
    verb: word_set(following)
    for verb, following in {
        "hope": "i you he she it we they this that so to all everyone everybody everything",
        "rose": "early up again above slowly quickly sharply steadily",
        "mark": f"{_OBJECTS} this that these those the down off your my his our their",
        "pat": f"{_OBJECTS} yourself myself down dry",
        "rob": f"{_OBJECTS} a",
        "sue": _OBJECTS,
        "bill": _OBJECTS,
        "chase": f"{_OBJECTS} up this that",
        "win": f"{_OBJECTS} some back over",
        "drew": "a an up attention breath",
        "will": "not so",
        "may": "not so",
    }.items()
}
# What a person does, as a regular expression: a verb in the past tense ("-ed", not "need" or
# "feed"; or one of the usual irregular ones) or a reporting verb ("says", "calls").
PERSON_VERBS = (
    r"[a-z]{2,}(?<!e)ed|agreed|was|wasn't|had|hadn't|did|didn't|said|says|told|tells|"
    r"came|went|got|left|rang|rings|felt|thought|knew|saw|sat|stood|ran|took|gave|made|kept|"
    r"spoke|wrote|heard|met|sent|brought|broke|fell|began|became|wants|thinks|feels|asks|"
    r"calls|texts|phones|emails|cried|smiled|laughed|shouted|arrived|stayed"
)
# A person's verb later in the clause ("Mark the nurse rang", "Hope for once was on time"):
# before a comma, a full stop or "and", "but", "then"
PERSON_VERB_IN_CLAUSE = re.compile(
    rf"(?:(?!\s(?:and|but|then)\s)[^.!?;:,\n])*?\s(?:{PERSON_VERBS})(?![\w'’])",
    re.IGNORECASE,
)
# Feelings, as a Feelings answer lists them ("Joy, relief. Hope."): a given name that is one
# of these (`FEELING_NAMES`), listed beside another, is the feeling (see `redact.py`).
FEELINGS = word_set(
    """
    joy hope relief fear anger sadness shame pride guilt grief calm peace gratitude worry dread
    excitement frustration happiness anxiety stress panic loneliness tiredness exhaustion
    comfort warmth love faith trust sorrow despair envy jealousy regret hurt pain confusion
    doubt boredom disappointment satisfaction contentment surprise shock disgust embarrassment
    resentment irritation annoyance nervousness tension unease hopelessness helplessness
    powerlessness numbness patience mercy harmony tired exhausted drained anxious worried sad
    happy glad proud relieved frustrated angry upset annoyed nervous scared afraid grateful
    hopeful hopeless guilty ashamed lonely content okay overwhelmed stressed shaky numb
    emotional hurt lost
    """
)
FEELING_NAMES = FEELINGS & _FIRST_NAME_WORDS
# Before a given name that is also a word, written in lower case, the words after which it
# is that word ("I felt joy", "at dawn", "a sunny day", "I hope"): a determiner or
# possessive, a preposition, a verb of feeling or being, or a degree adverb. Not "with", "to"
# or "and", after which the word may be the person as well ("with joy", "spoke to hope"), nor
# `EITHER_CUES`.
COMMON_WORD_CUES = word_set(
    """
    a an the these those my your his her its our their some no any much more less
    such what felt feel feels feeling at in without full pure sheer great new little real
    was were be been being so very too quite really bit
    """
)
# The words after which a given name that is a word, in lower case, is as often the person
# ("I think of grace", "the new mentee is grace", "I knew that grace struggles"): there it is
# the word only as an adjective ("he is frank") or in a set phrase ("a ray of hope", "a leap
# of faith", "there is hope"): see redact.py's `_the_word`.
EITHER_CUES = word_set("of is that")
# Before a given name that is also a verb ("hope"), in lower case, the words after which it
# is the verb when what follows it is what follows the verb (`VERB_NEXT`: "I hope he is safe",
# "we hope so", "can hope to"); "I hope HOPE is well" keeps the name.
VERB_CUES = word_set("i we you they he she it who will would can could might must did do does")


# English words of three letters: a listed part of three letters typed with two of its
# letters swapped may make one ("Oil" of Oli, "Air" of Ari, "Aim" of Ami); opening a sentence
# that is the word, kept and listed for the writer to check (see redact.py's
# `_slips_of_the_keys`). Without names, abbreviations or slang; one that is also a given
# name is no slip anyway (`OTHER_GIVEN_NAMES`, `COMMON_WORDS`).
THREE_LETTER_WORDS = word_set(
    """
    ace act add ado aft age ago aid ail aim air ale all amp and ant any ape apt arc are ark arm
    art ash ask asp ate awe awl axe aye bad bag ban bar bat bay bed bee beg bet bib bid big bin
    bit boa bob bog boo bow box boy bra bud bug bum bun bus but buy bye cab cad can cap car cat
    cob cod cog con coo cop cot cow coy cry cub cud cue cup cur cut dab dad dam day den dew did
    die dig dim din dip doe dog don dot dry dub dud due dug dun duo dye ear eat ebb eel egg ego
    eke elf elk elm emu end eon era ere err eve ewe eye fab fad fan far fat fax fed fee fen few
    fib fig fin fir fit fix flu fly foe fog for fox fry fun fur gab gag gal gap gas gay gel gem
    get gig gin gnu gob god got gum gun gut guy gym had hag ham has hat hay hem hen her hew hex
    hey hid him hip his hit hob hoe hog hop hot how hub hue hug hum hut ice icy ill imp ink inn
    ion ire irk its ivy jab jam jar jaw jet jig job jog jot joy jug jut keg ken key kid kin kit
    lab lad lag lap law lax lay lea led leg let lid lie lip lit lob log loo lot low lug mad man
    map mar mat maw may men met mid mix mob mod mop mow mud mug mum nab nag nap nay net new nib
    nil nip nit nod nor not now nub nun nut oaf oak oar oat odd ode off oft oil old one opt orb
    ore our out owe owl own pad pal pan pap par pat paw pay pea peg pen pep per pet pew pie pig
    pin pit ply pod pop pot pow pro pry pub pug pun pup pus put rag ram ran rap rat raw ray red
    rib rid rig rim rip rob rod roe rot row rub rue rug rum run rut rye sad sag sap sat saw say
    sea see set sew sex she shy sin sip sir sit six ski sky sly sob sod son sop sot sow soy spa
    spy sty sub sue sum sun sup tab tad tag tan tap tar tat tax tea tee ten the thy tic tie tin
    tip tit toe tog ton too top tot tow toy try tub tug tun two urn use van vat vet vex via vie
    vow wad wag wan war was wax way web wed wee wet who why wig win wit woe wok won woo wow yak
    yam yap yaw yea yes yet yew you zap zip zoo
    """
)
# Everyday words that are a given name with two letters after its first swapped ("brain" of
# Brian, "lean" of Lena): in a tag, the word, never a slip of the name (see redact.py's
# `Redactor._pet_forms_in_label`). Only those `english_word` does not know: a proper noun
# too ("Brain", "Lean", "Tory", "Lima"), or a given name ("christian" of Christina, "angle"
# of Angel: the census lists Angle and Christian).
SWAPPED_WORDS = word_set("angle brain christian lean lima tory")
# Everyday words that read as a listed name spelt otherwise (`redact._spelt_otherwise`:
# "nana" of Nan, "para" of Paru, "pole" of Pola): in a tag or setting, alone or joined
# ("nana-visit"), the word, kept; the preview lists it. Only those `english_word` does not
# know ("money" of Mona and "free" of Fred are in its list): a proper noun too, or a given
# name too that is far more often the word ("tiny" of Tina; not "bonny" of Bonnie, "abbey" of
# Abbie, "belle" of Bella: those are her name).
PET_FORM_WORDS = word_set("colon frau nana para pole poly tiny ware")
# The everyday English words of the label rules (benchmarks/make_wordlist.py builds it from
# SCOWL's british-english, less proper nouns, the names redaction knows, the census given
# names and their pet forms; its licence is beside it)
_ENGLISH_WORDS = Path(__file__).parent / "data" / "english_words.txt.gz"


@cache
def _english_words() -> frozenset[str]:
    import gzip  # (here: only a label rule about to replace a word reads the list)

    with gzip.open(_ENGLISH_WORDS, "rt", encoding="utf-8") as words:
        return frozenset(words.read().split())


# Endings of a name's pet forms and spellings ("Bonnie", "Bonny", "Abbey", "Abbi", "Renee",
# "Snowy"). Not "a" ("money" is no Mona, "tiny" no Tina) nor "o": an "o" form cuts the name
# first ("Davo", "Robbo"), and one added would take "bingo" of Bing, "motto" of Mott.
PET_ENDINGS = ("ie", "ey", "ee", "y", "i")
_PET_STEM = 3  # letters a name keeps before a pet ending: "joy" is no pet form of Jo


def pet_form_of(word: str, names: Iterable[str]) -> bool:
    """Whether `word` is one of `names` (plain) with a pet ending added ("snowy" of Snow,
    "woody" of Wood, "mossy" of Moss) or its ending changed for another ("posy" of Posie,
    "ferry" of Ferrie, "nanny" of Nannie): the same name to a reader, whatever a dictionary
    says of the word."""
    forms = {
        stem + other for ending in PET_ENDINGS
        if word.endswith(ending) and len(stem := word[: -len(ending)]) >= _PET_STEM
        for other in ("", *PET_ENDINGS) if other != ending
    }
    return not forms.isdisjoint(names)


def english_word(key: str) -> bool:
    """Whether `key` (plain: lower case, no accents) is an everyday English word: in a tag or
    setting, a slip of a listed name that is one ("gain" of Gian, "bard" of Brad, "sale" of
    Sal) is the word, kept, and the preview lists it (see redact.py's `_pet_forms_in_label`).
    The list (some 62,000 words) is read the first time a label rule asks."""
    return key in _english_words()


# Everyday words the English list leaves out, as given names or surnames too ("alley",
# "moody") or as loanwords ("halal"), that a tag holds: a listed name inside one is none
# (redact.py's `_a_word_or_name`: "halal", "alley" with Al Hart listed)
EVERYDAY_NAME_WORDS = word_set("alley alleys alleyway halal haram moody delusional")


# Brands, services and titles written joined up that hold an everyday name or a name-word
# ("NatWest", "HopeLine", "JohnLewis", "AlAnon"), as their letters in lower case: such a word
# keeps a part of a listed full name or a short form inside it ("West" of Sarah West in
# "NatWest"), never a listed name as written ("Nat" listed: "NatWest" is replaced). See
# redact.py's `_kept_joined`. Only those that hold a name: any other joined-up word holds
# none to keep.
JOINED_BRANDS = word_set(
    """
    natwest powerpoint youtube easyjet marksandspencer stepchange hopeline hopelineuk
    amazinggrace silverline johnlewis mariecurie macmillan tedtalk tedtalks benandjerrys
    lloydsbank barclaysbank timhortons jackdaniels jimbeam captainmorgan johnniewalker
    alanon alateen sallyarmy rayban raybans kitkat draftkings skybet betfred paddypower
    williamhill jackpotjoy mrgreen
    """
)


# Two-letter acronyms of a peer supporter's tags, settings and file names (a CV, a GP, the
# OT, A&E, mental health, a social worker, a DV or DA service, a learning disability…): a
# listed name glued to one is no word ("jocv", "gpsam"; redact.py's `_name_at_an_edge`).
# Not one that ends or opens everyday words often ("bs", "ly", "er", "ck").
TWO_LETTER_ACRONYMS = word_set(
    "ae bp cv da dv dx gp hr hx iv ld md mh ot pa pt px rx sw tx uc"
)
# Three-letter acronyms and words of labels that are a three-letter name with its last two
# letters swapped ("dna" of Dan, "aed" of Ade, "eal" of Ela, "tai" of Tia): kept in a tag.
LABEL_ACRONYMS = word_set(
    "aed bae cta dna eal eil hla kia lai mai mea nai nde oed ppi pta rai rya sma tai"
)
# Verbs of `PERSON_VERBS` a thing does too ("Oil went everywhere", "Air came in", "Aim was to
# help"): after a three-letter word that is a slip of a listed name opening a sentence, not
# enough to make it the person (see redact.py's `_a_short_word`).
THING_VERBS = word_set(
    """
    was wasn't had hadn't did didn't came went got left ran took made kept fell broke began
    became sat stood spilled spilt leaked dripped poured burned burnt splashed spread stained
    smelled smelt dried cooled heated melted boiled started ended changed worked helped failed
    """
)
