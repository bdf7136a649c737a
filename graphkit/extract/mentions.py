"""Doc → name mentions (cleaned, typed) → entities within one document.

spaCy's statistical NER is the proposal; rules that generalise clean it: titles, honorifics and
possessives are not names; "Putin-Biden" names two people; a country or capital tagged PERSON
is a place; a name with a job title beside it is a person; venues are places.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token

from ..names import (acronym_of, attested_given_name, clean_surface, fold, given_name_gender, known_given_name, person_compatible,
                     plural_title, split_person, translit)
from ..read import is_headline
from ..records import Document, LocalEntity
from .lexicon import (CAPITALS, english_words, EVENT_NOUNS, HOLIDAYS, HONORIFICS, PLATFORMS, country_of, COUNTRIES, DEMONYMS, ORG_ALIASES, PLACE_ALIASES, TITLE_HEADS,
                      TITLE_MODIFIERS, VENUE_WORDS)
from .titles import TitlePhrase, has_title_head, is_honorific, is_title_head, title_after, title_before

__all__ = ["Mention", "find_mentions", "recover_mentions", "headline_mentions", "heading_spans", "not_a_person", "cluster_mentions", "entity_key_of", "split_titled_names"]

_PARTICLES = {"de", "da", "di", "del", "della", "van", "von", "der", "den", "bin", "ibn", "al", "el",
              "la", "le", "du", "des", "dos", "y", "ben", "abu", "st."}
# parts of speech that never start a name ("Regarding Navalny", "1 Dmitry Peskov"); a capitalised
# noun or adjective may be a mis-tagged given name and is kept
_NOT_NAME_POS = {"VERB", "ADP", "DET", "NUM", "PUNCT", "SCONJ", "CCONJ", "PART", "PRON", "AUX", "ADV", "SYM"}
_KEEP_LABELS = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "FAC": "Place"}


@dataclass
class Mention:
    chunk: int                  # which Doc of the document (long texts are parsed in chunks)
    start: int                  # token span in that Doc
    end: int
    text: str                   # the clean name
    label: str                  # Person | Organization | Place
    sent: int                   # sentence index in the whole document
    char: int                   # character offset in the whole document
    title: TitlePhrase | None = None
    raw: str = ""               # surface with its prenominal title
    ner: str = ""               # spaCy's label
    evidence: set[str] = field(default_factory=set)
    entity: str | None = None   # LocalEntity key once clustered


@lru_cache(maxsize=4096)
def _misspelt_title(low: str) -> bool:
    """"Minster" for "Minister", "Secretray": a title word one letter off, which is no given name."""
    from rapidfuzz.distance import Levenshtein

    if len(low) < 6 or low in TITLE_HEADS or known_given_name(low):
        return False
    return any(abs(len(h) - len(low)) <= 1 and Levenshtein.distance(low, h) == 1 for h in TITLE_HEADS if len(h) >= 6)


def _title_leftover(t: Token, nxt: Token) -> bool:
    """"Cabinet" in "… Investing in America Cabinet Heather Boushey", "Commentator Ben Domenech",
    "Poor Donald": a capitalised common noun or adjective that no name table knows as a first name,
    right before a first name the nicknames dataset knows — a title's end or a word NER took in,
    not part of the name (not "Mitt Romney", as the dataset does not know "Romney", nor "Saint
    Paul" or "Tristan Lynn Leavitt", "Saint" and "Tristan" being first names)."""
    return t.is_alpha and len(t.text) > 1 and t.text[0].isupper() and nxt.is_title \
        and t.lower_ in english_words(("noun", "adj")) and not attested_given_name(t.text) \
        and known_given_name(nxt.text)


# two-letter abbreviations of posts and places that come before a surname ("VP Harris", "PM Modi")
_TWO_LETTER_TITLES = frozenset("VP AG DA MP PM GM US UN EU UK HR CJ".split())


def _trim(doc: Doc, start: int, end: int, label: str) -> tuple[int, int]:
    while start < end and (doc[start].pos_ in ("DET", "PUNCT", "ADP", "CCONJ") or doc[start].lower_ == "the"):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "’s")):
        end -= 1
    if label == "Person":
        # "Regarding Navalny", "President Biden", "Col. Gen. Fomin", "US President Biden": the name only
        # (a name in capitals, "JOSEPH R. BIDEN JR." under a memorandum, is a name all the same)
        shouted = all(t.is_upper or not t.is_alpha for t in doc[start:end])
        while start < end - 1:
            t, nxt = doc[start], doc[start + 1]
            initials = t.is_upper and t.is_alpha and len(t.text) == 2 and start + 2 == end and nxt.is_title \
                and t.ent_type_ == "PERSON" and not country_of(t.text) and t.text not in _TWO_LETTER_TITLES \
                and nxt.lower_ not in english_words()  # "JD Vance", "MJ Lee": initials as a given name
            if (t.pos_ in _NOT_NAME_POS or not t.is_title and not initials and not shouted or is_honorific(t) or is_title_head(t) or t.lower_ in TITLE_MODIFIERS
                    or t.text == "Q" and start == t.sent.start  # a reporter's "Q Karine, …": the question mark
                    or t.lower_ in _ORG_TAILS  # "… of Foreign Affairs Ma Zhaoxu"
                    or t.text == "." or (country_of(t.text) and (is_title_head(nxt) or nxt.lower_ in TITLE_MODIFIERS))
                    or _misspelt_title(t.lower_)
                    or t.text.rstrip(".") in ("Inc", "LLC", "LLP", "Corp", "Ltd", "Co")  # "… MAGA Inc. Pfeiffer"
                    or _title_leftover(t, nxt)
                    or plural_title(t.text)):  # (a leftover ends a title: "Tristan Lynn Leavitt, of Idaho" has none)
                start += 1
            else:
                break
    return start, end


_SUFFIX = re.compile(r"(?:Jr|Sr|JR|SR)\.?|II|III|IV")

_JUNK = re.compile(r"://|[/\\+=@_|<>{}\[\]#$%^*~]|^\S+\.\S+\.\S+$|\w\.[a-z]{2,4}$")


def _plausible_name(text: str) -> bool:
    """Not a URL, host name, path, code, table cell or number: what NER mistakes in non-news text."""
    if len(text) > 80 or not any(c.isalpha() for c in text) or _JUNK.search(text):
        return False
    letters = sum(c.isalpha() for c in text)
    digits = sum(c.isdigit() for c in text)
    if digits and not re.fullmatch(r"[A-Z]{1,4}-?\d{1,3}", text) and (digits * 3 > letters or re.search(r"[a-z]\d", text)):
        return False  # "Country22", "0,Item0,134.36" (but "G20", "COVID-19"-like codes pass)
    return True


def _looks_like_person_name(text: str) -> bool:
    toks = text.split()
    if not toks or len(toks) > 5 or any(ch.isdigit() for ch in text):
        return False
    if re.fullmatch(r"(?:[A-Z]\.){1,3}[A-Z]?\.?", text):
        return False  # "M.P", "P.C." after a name: letters of an honour or office, no one
    for t in toks:
        if not t[0].isupper() and t.lower() not in _PARTICLES:
            return False
    if len(toks) == 1 and (len(toks[0]) < 2 or toks[0].lower() in TITLE_HEADS or toks[0].lower() in DEMONYMS
                           or toks[0].lower() in TITLE_MODIFIERS):
        return False
    return not any(t.lower() in TITLE_HEADS for t in toks)


# nouns a person's name may modify and still name the person: events, titles, groups of people
_PERSON_HEADED = frozenset(EVENT_NOUNS) | TITLE_HEADS | frozenset("""
administration administrations campaign team family government presidency era cabinet staff camp allies
aides supporters visit trip remarks speech statement call meeting talks interview letter phone
""".split())


# common nouns that name a thing after a person ("Brown County", "the Chips Act", "Nobel Prize")
_NAMED_THINGS = frozenset("""
county city town street avenue road boulevard bridge park corridor center centre act plan program programme
initiative prize award medal foundation institute university college school hospital library memorial museum
airport station building hall room doctrine rule law bill fund trust scholarship fellowship lecture
compact pact accord treaty agreement charter declaration
atoll island islands isle reef peninsula gulf strait canyon valley creek airfield airbase mountains
beach survey poll index report
""".split())


def _described_as_company(doc: Doc, end: int) -> bool:
    """"Barry Callebaut, a Swiss chocolate company,": an apposition whose head is a company noun
    (not "Ann Lee, the head of the company," nor "the company's founder")."""
    if end + 1 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in ("a", "an", "the"):
        return False
    for t in doc[end + 2:end + 7]:
        if t.is_punct or t.pos_ in ("ADP", "VERB", "AUX"):
            return False
        if t.pos_ == "NOUN" and t.lemma_.lower() in _COMPANY_NOUNS and (
                t.i + 1 >= len(doc) or doc[t.i + 1].pos_ not in ("NOUN", "PART") and doc[t.i + 1].tag_ != "POS"):
            return True
    return False


# ("a pork producer", "a filmmaker" are people)
_COMPANY_NOUNS = frozenset("company firm manufacturer retailer conglomerate startup nonprofit brand chain "
                           "corporation business pipeline utility".split())

_PREFIXES = frozenset("anti pro non post pre counter multi inter trans pan neo".split())

_PLACE_LIST_WORDS = frozenset("counties parishes boroughs townships districts states cities provinces".split())


def _plural_common(low: str) -> bool:
    """"tribes", "families": the plural of a common English noun ("Adams", "Williams" are the
    plurals of given names: surnames)."""
    words = english_words()
    singulars = [low[:-1]] + ([low[:-2]] if low.endswith("es") else []) + ([low[:-3] + "y"] if low.endswith("ies") else [])
    return low.endswith("s") and low not in words and any(s in words and not known_given_name(s) for s in singulars)


#: prefixes of ships' names (navies and coast guards)
_SHIP_PREFIXES = frozenset({"USS", "USNS", "USCGC", "HMS", "HMCS", "HMAS", "HMNZS", "INS", "JS", "ROKS"})
_VESSELS = frozenset("carrier ship vessel destroyer frigate submarine cruiser tanker freighter".split())


# words that aim "at" someone ("looked at X", "angry at X"): no place follows
_AT_SOMEONE = frozenset("""look laugh shoot fire stare aim yell shout point smile glance wink throw hurl swing
lash jab swipe poke snap mad angry upset annoyed frustrated surprised shocked marvel direct target""".split())

_WORSHIP = frozenset("congregation temple synagogue church mosque parish cathedral chapel shrine basilica".split())


_VERSUS = frozenset({"v.", "vs.", "v", "vs", "versus"})


def _case_party(doc: Doc, start: int, end: int) -> bool:
    """"Lawrence v. Texas", "Brown vs. Board": a party of a court case's name, no one in the text."""
    return end + 1 < len(doc) and doc[end].lower_ in _VERSUS and doc[end + 1].is_title \
        or start >= 2 and doc[start - 1].lower_ in _VERSUS and doc[start - 2].is_title


_RANK_ABBREVIATIONS = frozenset("cpl sgt ssgt lt col gen pfc spc maj capt cmdr adm brig".split())


def not_a_person(doc: Doc, start: int, end: int) -> bool:
    """A span NER tags PERSON that its context shows is not a person: "the Houthis", "the Bataan"
    (a determiner before a bare name), "Jim Crow laws", "the Lobito Corridor" (a name modifying a
    common noun that is no event, title or group), "Johnson & Johnson", "Wegovy®"."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    if after is not None and after.text in ("®", "™", "&") or before is not None and before.text == "&":
        return True
    if before is not None and before.text in ("-", "‐") and not before.whitespace_ and start >= 2 \
            and not doc[start - 2].whitespace_ and doc[start - 2].lower_ in _PREFIXES:
        return True  # "High Anti-Corruption Court": the rest of a prefixed word, no name
    if _described_as_company(doc, end):
        return True
    if _case_party(doc, start, end):
        return True
    if before is not None and before.lower_ in _COMPANY_NOUNS and before.pos_ == "NOUN":
        return True  # "the law firm Greene Espel", "the company Moderna": a firm's name
    if before is not None and before.is_title and before.lower_ in _WORSHIP:
        return True  # "Congregation Beth Israel", "Temple Emanu-El": a house of worship named for someone or something
    if before is not None and before.lower_ == "en" and doc[start].lower_ == "route":
        return True  # "En Route Bali": on the way, no one
    if before is not None and (before.text.upper() in _SHIP_PREFIXES or before.lower_ in _VESSELS):
        return True  # "USS Gerald R. Ford", "the aircraft carrier Gerald R. Ford": a ship named after a person
    k = end
    while k < len(doc) and k - end < 12 and (doc[k].text in (",", "and") or doc[k].pos_ == "PROPN" and doc[k].is_title
                                             and doc[k].lower_ not in _PLACE_LIST_WORDS):
        k += 1
    if k < len(doc) and k > end and doc[k].lower_ in _PLACE_LIST_WORDS and not country_of(doc[k - 1:k + 1].text):
        # (not "Katherine Roe, United States Trade Representative")
        return True  # "Calhoun, Wayne, and Cavalier Counties": names in a list of places
    if (doc[end - 1].lower_ in _NAMED_THINGS or doc[end - 1].lower_ in _ORG_TAILS) and not (
            end - start == 2 and known_given_name(doc[start].text) and title_after(doc, end) is not None):
        # (but "Susan Park, Director of …": a first name, and a post after the comma)
        return True  # "Infrastructure Law", "Hemisphere Affairs", "… Congress": a thing's name
    if doc[end - 1].lower_.rstrip(".") in _RANK_ABBREVIATIONS:
        return True  # "Marine Corps Cpl" + "Hunter Roe": a service and a rank, before the name
    if end - start == 1 and doc[start].lower_ in HOLIDAYS:
        return True  # "out of this by Easter": a feast, no one
    if end - start == 1 and (is_honorific(doc[start]) or plural_title(doc[start].text) == "dr"):
        return True  # "Drs." cut from "Drs. Walensky and Fauci" by the sentence splitter: a title, no one
    if end - start == 1 and (doc[start].tag_ in ("NNPS", "NNS") or _plural_common(doc[start].lower_)):
        return True  # "Governors", "Tribes": a plural common noun, capitalised
    if end - start > 1 and plural_title(doc[end - 1].text):
        return True  # "Chief Science Officers": a plural title names a class of officials
    if after is not None and after.text in ("-", "‐") and not doc[end - 1].whitespace_ and (
            after.whitespace_ or end + 1 < len(doc) and doc[end + 1].text in ("—", "–", "-")):
        return True  # "Julie Sh- —", "Erdoğa- —": a spoken false start, cut before the name was finished
    if doc[end - 1].text.endswith(("-", "‐")) and (end == len(doc) or doc[end - 1].whitespace_ or doc[end].text in ("—", "–")):
        return True  # (the same, with the hyphen inside NER's span)
    if any(t.pos_ == "PRON" or "’" in t.text[1:] or "'" in t.text[1:-1] for t in doc[start:end]):
        return True  # "Corvette I’m": a pronoun or a contraction is in no one's name
    if end - start == 1 and before is not None and before.lower_ == "of" and start >= 2 and is_title_head(doc[start - 2]) \
            and not (after is not None and after.is_title and after.pos_ == "PROPN"):
        return True  # "Archbishop of Bologna", "Duke of Sussex": the office's see or seat, not its holder
    j = start - 1
    while j > 0 and (doc[j].text in (",", "and") or doc[j].pos_ == "PROPN" and doc[j].is_title):
        j -= 1
    if j >= 1 and doc[j].lower_ == "of" and doc[j - 1].lower_ in _PLACE_LIST_WORDS:
        return True  # "the counties of A, B and C"
    if before is not None and before.lower_ == "the" and not (after is not None and after.tag_ == "POS") \
            and not (after is not None and after.text in ("-", "–")) and doc[end - 1].head.lower_ not in EVENT_NOUNS:
        return True  # (but "the Putin-Biden meeting" names two people who met)
    last = doc[end - 1]
    head = last.head
    if after is not None and after.text in ("-", "‐") and not doc[end - 1].whitespace_ and not after.whitespace_ \
            and end + 1 < len(doc) and doc[end + 1].text[:1].isupper() and doc[end + 1].is_alpha \
            and doc[end + 1].dep_ in ("compound", "nmod", "amod") and doc[end + 1].head.pos_ == "NOUN" \
            and doc[end + 1].head.i > end + 1 and doc[end + 1].head.lower_ not in EVENT_NOUNS:
        return True  # "the Dole-McGovern nutrition program": two names naming a programme, no one there
    if after is not None and last.dep_ == "compound" and after.pos_ == "NOUN" and after.dep_ == "compound" \
            and after.head.i == head.i and after.lower_ not in _PERSON_HEADED and after.lemma_.lower() not in _PERSON_HEADED:
        return True  # "Tren de Aragua gang members": the name of the gang the members are of
    if last.dep_ == "compound" and head.i >= end and head.pos_ == "NOUN" and head.lemma_.lower() not in _PERSON_HEADED \
            and head.lower_ not in _PERSON_HEADED:
        return True
    if last.dep_ == "compound" and head.i >= end and head.pos_ == "NOUN" and re.fullmatch(
            r"[A-Z][\w’']+[-–][A-Z][\w’']+", doc[start:end].text) and head.lower_ not in EVENT_NOUNS:
        return True  # "the Obama-Biden administration", "the Biden-Harris plan": a label, not a person
    if last.dep_ == "compound" and head.i >= end and head.lower_ in _NAMED_THINGS:
        return True  # "Brown County", "the Lobito Corridor Act": a place or a law named after someone
    return False


# ("go to Weijia with CBS", "came to President Biden": a question or an invitation goes to people)
_MOTION = frozenset("travel fly return head trip visit journey travels".split())


def _destination(doc: Doc, start: int, end: int) -> bool:
    """A one-word name NER calls a person that is where someone travels to ("traveled to
    Normandy", "a trip to Mosul"), and no given name."""
    t = doc[end - 1]
    while t.dep_ == "conj" and t.head.i < t.i:  # "traveled to Kyiv and Normandy"
        t = t.head
    if end - start > 3 or t.dep_ != "pobj" or t.head.lower_ != "to" \
            or end - start == 1 and known_given_name(doc[start].text) \
            or start > 0 and (is_title_head(doc[start - 1]) or is_honorific(doc[start - 1])):
        return False
    # a longer name is where one goes only after a word of going ("a trip to Walter Reed", the
    # hospital), not of visiting, which people receive too
    return t.head.head.lemma_.lower() in (_MOTION if end - start == 1 else _MOTION - {"visit"} | {"move"})


def _placed_in_country(doc: Doc, start: int, end: int) -> bool:
    """"near Moc Hoa, Republic of Vietnam", "in Tam Ky, Vietnam": a name after a preposition of
    place with its country after a comma is a town."""
    if start == 0 or end + 1 >= len(doc) or doc[start - 1].lower_ not in ("near", "in", "outside") \
            or doc[end].text != "," or known_given_name(doc[start].text):
        return False  # (not "because, in Joe Biden, Kenya has a friend")
    for t in doc[end + 1:end + 5]:  # ("…, Republic of Vietnam", "…, the Philippines")
        if t.is_punct:
            break
        if country_of(t.text):
            return True
    return False


def _listed_with_places(doc: Doc, start: int, end: int) -> bool:
    """"Aguas Buenas, Aibonito, Corozal, and Las Piedras": a name NER calls a person and no first
    name leads, coordinated with two places or more and fewer people, is one of the places."""
    if start > 0 and (is_title_head(doc[start - 1]) or is_honorific(doc[start - 1])) \
            or attested_given_name(doc[start].text) or start > 0 and title_before(doc, start) is not None:
        return False  # ("their two daughters, Libby and Nina": a first name is a person's; so is a
        # titled name, "Secretary of Transportation Roe")
    root = doc[end - 1]
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    group = [root]
    for x in group:  # the conjuncts of the conjuncts: "A, B, C and D"
        group.extend(c for c in x.children if c.dep_ == "conj")
    if len(group) < 2:
        return False
    others = [x for x in group if not start <= x.i < end]
    people = [x for x in others if x.ent_type_ in ("PERSON", "ORG", "NORP")]
    if any(x.i > 0 and (is_title_head(doc[x.i - 1]) or is_honorific(doc[x.i - 1])) for x in people):
        return False  # ("Governor Ortiz and Ponce")
    # two places at least: "Russia and Putin" names a country and its president
    places = sum(x.ent_type_ in ("GPE", "LOC", "FAC") for x in others)
    return places >= 2 and places > len(people)


def _is_venue(text: str) -> bool:
    return any(w.lower() in VENUE_WORDS for w in text.split())


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    label_: str


_ORG_WORDS = frozenset("""
council office department agency institute committee foundation association commission bureau administration
center centre university college corporation company group inc ltd llc party union bank fund network news
times post board service ministry authority house senate congress court coalition alliance initiative government
collective resources holdings industries technologies systems solutions laboratories enterprises ventures
pharmaceuticals therapeutics construction engineering logistics labs pbc
""".split())

#: the last word of an organisation's or a ministry title's name ("… of Foreign Affairs"), which
#: begins no person's name and ends none
_ORG_TAILS = _ORG_WORDS | {"affairs"}


def _common_words_only(name: str) -> bool:
    """Every word of a name of two or more is a common English word, and the first is no first
    name any name table knows ("Gender Policy", "Vineyard Wind"; not "Todd Young", "Walter Reed")."""
    toks = re.split(r"[\s-]+", name.strip())
    if len(toks) < 2 or not all(t.isalpha() and len(t) > 1 for t in toks):
        return False
    return all(_english_word(t.lower()) for t in toks) and not attested_given_name(toks[0])


def _quoted_nickname(doc: Doc, end: int) -> int | None:
    """The surname's token after a nickname in quotation marks that follows a given name
    ("Kathleen “KC” Becker", "Robert 'Bobby' Scott"), if any."""
    if end >= len(doc) or doc[end].text not in ("“", '"', "‘", "'") or doc[end - 1].whitespace_ == "" \
            or not attested_given_name(doc[end - 1].text):
        return None  # (an opening mark after a first name: not "“President Musk” or “…”")
    close = next((k for k in range(end + 1, min(end + 4, len(doc))) if doc[k].text in ("”", '"', "’", "'")), None)
    if close is None or close == end + 1 or close + 1 >= len(doc):
        return None
    sur = doc[close + 1]
    return sur.i if sur.is_title and sur.pos_ == "PROPN" and not is_title_head(sur) else None


def _inverted_entry(doc: Doc, start: int, end: int) -> bool:
    """Given names that follow their surname and a comma in a list whose entries semicolons part
    ("…; Knell, Henry Crockett; Lawler, Vernon; …")."""
    if start < 2 or doc[start - 1].text != "," or not (doc[start - 2].is_title and doc[start - 2].is_alpha) \
            or start >= 3 and doc[start - 3].text not in (";", ":") or end < len(doc) and doc[end].text not in (";", "."):
        return False
    sur = doc[start - 2]
    if is_title_head(sur) or sur.lower_ in TITLE_MODIFIERS or country_of(sur.text) or not attested_given_name(doc[start].text):
        return False  # ("Chair, Ann Lee; Vice Chair, …": a title before its holder)
    sent = doc[start].sent
    return sum(1 for t in sent if t.text == ";") >= 3


def _english_word(low: str) -> bool:
    """A common English word, or a regular inflection of one ("orders", "concerning", "renamed")."""
    words = english_words()
    return low in words or any(low.endswith(suf) and (low[:-len(suf)] + add) in words
                               for suf, add in (("s", ""), ("es", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e")))


def _word_tail(name: str) -> bool:
    """A name of two or more words, without initials or a suffix, whose first word is no first name
    a name table knows and whose last is a common English word ("Shoalwater Bay")."""
    toks = name.split()
    if len(toks) < 2 or not all(t.isalpha() and len(t) > 1 for t in toks):
        return False
    return _english_word(toks[-1].lower()) and not attested_given_name(toks[0].split("-")[0])


def _untagged_name_word(t: Token) -> bool:
    """A capitalised proper noun NER left out of any entity that is no title, honorific, title
    modifier or country: a word a name may begin with."""
    return t.pos_ == "PROPN" and t.is_title and t.is_alpha and t.ent_type_ == "" and not is_title_head(t) \
        and not is_honorific(t) and t.lower_ not in TITLE_MODIFIERS and not country_of(t.text)


def _dangling_name_word(doc: Doc, i: int) -> bool:
    """Whether token ``i``, right after a two-word name, is the name's own last word NER left out
    ("President Yoon Suk Yeol of Korea"): a capitalised proper noun no entity holds that is no
    English word, title, first name, country or capital, and ends the run of capitalised words."""
    if i >= len(doc):
        return False
    t = doc[i]
    if not (t.is_title and t.is_alpha and len(t) > 2 and t.pos_ == "PROPN" and t.ent_type_ == ""):
        return False
    if _english_word(t.lower_) or known_given_name(t.text) or is_title_head(t) or is_honorific(t) \
            or country_of(t.text) or fold(t.text) in CAPITALS or t.lower_ in _ORG_WORDS:
        return False
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return nxt is None or not (nxt.is_title and nxt.pos_ == "PROPN") and nxt.text not in ("-", "‐")


@lru_cache(maxsize=4096)
def looks_like_given_name(word: str, lemma: str = "") -> bool:
    """A first name: one the ``nicknames`` dataset of English given names knows ("Cecilia",
    "Daniel"), or a capitalised word that is no common English word ("Zalmay", "Josep"; not
    "Rescue", nor "Jobs" whose ``lemma`` is "job")."""
    if known_given_name(word):
        return True
    low = word.lower()
    words = english_words()
    plural = low.endswith("s") and (low[:-1] in words or low.endswith("es") and low[:-2] in words
                                    or low.endswith("ies") and low[:-3] + "y" in words)
    return low not in words and lemma.lower() not in words and not plural


def split_titled_names(doc: Doc) -> list[_Span]:
    """NER's spans, with a person's name split off the organisation or title NER ran it into:
    "Council of Economic Advisors Chair Jane Roe" (ORG), "Bloomberg's Jane Roe", "Uzbekistan Jane
    Roe", "Congresswoman Jane Roe Doe" tagged ORG: the last two or three title-case words after a
    title word, a possessive or a country are a PERSON."""
    out: list[_Span] = []
    for ent in doc.ents:
        # "Secretary of the Treasury Janet Yellen", "Secretary of Homeland Security Alejandro
        # Mayorkas": NER ran the department after "of" into the name (or the name into it)
        of_office = ent.start >= 2 and doc[ent.start - 1].lower_ in ("of", "the") and \
            any(is_title_head(t) for t in doc[max(0, ent.start - 3):ent.start])
        if ent.label_ == "PERSON" and of_office and ent.end - ent.start >= 3:
            k = next((k for k in range(ent.start + 1, ent.end - 1) if known_given_name(doc[k].text)
                      and not any(known_given_name(t.text) for t in doc[ent.start:k])), None)
            if k is not None:
                out += [_Span(ent.start, k, "ORG"), _Span(k, ent.end, "PERSON")]
                continue
        last = doc[ent.end - 1]
        if ent.label_ == "ORG" and of_office and 2 <= ent.end - ent.start <= 3 and doc[ent.start].lower_ != "the" \
                and last.is_title and last.is_alpha \
                and last.pos_ == "PROPN" and not _english_word(last.lower_) and last.lower_ not in _ORG_WORDS \
                and not is_title_head(last) and not country_of(last.text) and fold(last.text) not in CAPITALS \
                and not known_given_name(last.text) and (ent.end == len(doc) or not doc[ent.end].is_title) \
                and _english_word(doc[ent.end - 2].lower_) and not attested_given_name(doc[ent.end - 2].text):
            # (not "… Transportation Pete Buttigieg", "… Agriculture Brooke Rollins": split below)
            # "Secretary of Transportation Buttigieg": a surname NER ran into the department after "of"
            out += [_Span(ent.start, ent.end - 1, "ORG"), _Span(ent.end - 1, ent.end, "PERSON")]
            continue
        if ent.label_ == "ORG" and ent.end - ent.start >= 3 and ent.end < len(doc) and known_given_name(last.text) \
                and is_title_head(doc[ent.end - 2]) and doc[ent.end].is_title and doc[ent.end].pos_ == "PROPN" \
                and doc[ent.end].ent_type_ == "" and not is_title_head(doc[ent.end]) and doc[ent.end].lower_ not in _ORG_WORDS:
            # "the Council of Economic Advisors Cecilia" + "Rouse": NER ran the first name into the
            # body and left the surname out
            out += [_Span(ent.start, ent.end - 1, "ORG"), _Span(ent.end - 1, ent.end + 1, "PERSON")]
            continue
        if ent.label_ not in ("ORG", "GPE", "FAC", "LOC", "NORP", "WORK_OF_ART") or ent.end - ent.start < 2:
            out.append(_Span(ent.start, ent.end, ent.label_))
            continue
        split = None
        for n in (3, 2, 1):
            k = ent.end - n
            if k < ent.start:
                continue
            toks = doc[k:ent.end]
            # (a middle initial may sit inside: "Sean P. Duffy")
            if not all(re.fullmatch(r"[A-Z]\.", t.text) and 0 < x < len(toks) - 1 or
                       t.is_title and t.is_alpha and t.pos_ == "PROPN" and not is_title_head(t)
                       and t.lower_ not in _ORG_WORDS and not country_of(t.text) and fold(t.text) not in CAPITALS
                       for x, t in enumerate(toks)):
                continue
            prev = doc[k - 1] if k > 0 else None
            if prev is None:
                continue
            if n == 1 and not (is_title_head(prev) and k > ent.start and not _english_word(toks[0].lower_)
                               and not known_given_name(toks[0].text)
                               and (ent.end == len(doc) or not (doc[ent.end].is_title and doc[ent.end].pos_ == "PROPN"))):
                continue  # a lone surname only right after a title: "…, FEMA Administrator Criswell" (not a first name)
            titled = is_title_head(prev) or is_honorific(prev) and prev.lower_ not in ("st", "st.") or \
                (known_given_name(toks[0].text) and any(is_title_head(t) for t in doc[ent.start:k - 1])
                 and any(t.lower_ == "of" for t in doc[ent.start:k - 1])) or \
                (of_office and k > ent.start) or \
                (country_of(prev.text) and any(is_title_head(t) for t in doc[max(ent.start, k - 6):k - 1])) or (k == ent.start and title_before(doc, k) is not None)
            # after a title any word that is no common English word may be a first name; after a
            # possessive or a country only a known given name is ("Bloomberg's Ann Lee", not
            # "the American Families Plan")
            if titled and looks_like_given_name(toks[0].text, toks[0].lemma_) or \
                    (prev.tag_ == "POS" or prev.lower_ in ("’s", "'s") or country_of(prev.text)) and known_given_name(toks[0].text):
                split = k
                break
        if split is None:
            out.append(_Span(ent.start, ent.end, ent.label_))
            continue
        head_end = split
        while head_end > ent.start and (is_title_head(doc[head_end - 1]) or doc[head_end - 1].tag_ == "POS"
                                        or doc[head_end - 1].lower_ in TITLE_MODIFIERS):
            head_end -= 1  # the title between the organisation and the name belongs to the name
        if head_end - ent.start >= 1 and ent.label_ in ("ORG", "GPE", "FAC", "LOC"):
            out.append(_Span(ent.start, head_end, ent.label_))
        out.append(_Span(split, ent.end, "PERSON"))
    return out


def find_mentions(doc: Doc, chunk: int, char_offset: int, sent_offset: int) -> list[Mention]:
    """Candidate name mentions of one Doc, cleaned and typed (before document-level voting)."""
    sent_index = {}
    for k, s in enumerate(doc.sents):
        for t in range(s.start, s.end):
            sent_index[t] = sent_offset + k
    out: list[Mention] = []
    title_ranges: list[tuple[int, int, int]] = []  # (start, aff_end, end) of prenominal titles
    absorbed = -1  # the end of a name that took in the next entity ("Haitham bin" + "Tariq Al Said")
    ents = split_titled_names(doc)
    starts = {e.start: e for e in ents if e.label_ == "PERSON"}
    for ent in ents:
        label = _KEEP_LABELS.get(ent.label_)
        if label is None or ent.start < absorbed:
            continue
        start0 = ent.start
        if label == "Person" and ent.end - ent.start == 1 and start0 > 0:
            # "November 1 Dmitry Peskov" tagged as just "Peskov": one given name right before, itself
            # not preceded by another capitalised word (that would be a title: "Administration Ushakov")
            g = doc[start0 - 1]
            before = doc[start0 - 2] if start0 > 1 else None
            if g.pos_ == "PROPN" and g.is_title and g.ent_type_ == "" and not is_title_head(g) \
                    and not is_honorific(g) and g.lower_ not in TITLE_MODIFIERS and not country_of(g.text) \
                    and (before is None or not before.is_title or before.is_sent_start):
                start0 -= 1
        if label == "Person" and start0 > 0 and doc[start0].lower_ in _PARTICLES and doc[start0].is_lower:
            g = doc[start0 - 1]  # "Sheikh Tahnoon" + "bin Zayed Al Nahyan": NER began at the particle
            if g.is_title and g.pos_ == "PROPN" and not is_title_head(g) and not is_honorific(g) \
                    and g.lower_ not in TITLE_MODIFIERS and not country_of(g.text):
                start0 -= 1
        start, end = _trim(doc, start0, ent.end, label)
        # "Fleur d’Eau", "Villa Lagrange": absorb a following capitalised particle token
        while end < len(doc) and re.match(r"^[dl]['’][A-Z]", doc[end].text) and doc[end - 1].whitespace_:
            end += 1
        if start >= end:
            continue
        if label == "Place" and end - start == 1 and 0 < start and end < len(doc) and doc[end].lower_ == "of" \
                and doc[start - 1].lower_ in ("in", "on", "for") and _english_word(doc[start].lower_) \
                and not country_of(doc[start].text) and fold(doc[start].text) not in CAPITALS:
            continue  # a headline's "in Advance of", "in Support of": a phrase, no place
        if label == "Person":
            # "Ursula von der Leyen", "Charles de Gaulle": NER stops at the particle; the name goes on
            k = end
            while k < len(doc) and doc[k].lower_ in _PARTICLES and doc[k].is_lower:
                k += 1
            particle = k > end or (doc[end - 1].lower_ in _PARTICLES and doc[end - 1].is_lower and end - start > 1)
            nxt = next((starts[j] for j in range(end, k + 1) if j in starts), None)
            if particle and nxt is not None:
                # NER began a new name at or after the particle ("Prince Salman" + "bin Hamad Al
                # Khalifa", "Haitham bin" + "Tariq Al Said"): it is the same one
                end = absorbed = nxt.end
            elif particle and k < len(doc) and doc[k].is_title and doc[k].pos_ == "PROPN":
                end = k + 1
            elif end - start == 1 and doc[end - 1].lower_ in _PARTICLES:
                continue
            p = doc[start - 1] if start > 1 else None
            if p is not None and end - start == 2 and known_given_name(doc[start].text) and _untagged_name_word(p) \
                    and attested_given_name(p.text) and not _english_word(p.lower_) \
                    and (is_title_head(doc[start - 2]) or is_honorific(doc[start - 2])):
                start -= 1  # "Cardinal Matteo" + "Maria Zuppi": a first given name NER left between a title and the name
            if end - start == 2 and _dangling_name_word(doc, end):
                end += 1  # "Yoon Suk" + "Yeol": NER cut a three-word name before its last word
            # "Salvador Mendoza, Jr.": a generational suffix after a comma NER left out is the name's
            if end + 1 < len(doc) and doc[end].text == "," and _SUFFIX.fullmatch(doc[end + 1].text):
                end += 2
                absorbed = max(absorbed, end)  # (NER may have made the suffix a name of its own)
            # "Tristan Lynn Leavitt, of Idaho, …" at the head of a line: NER left out a first given name
            # that is also a rare English word; the name it starts is a given name and a surname
            p = doc[start - 1] if start > 0 else None
            if p is not None and end - start == 2 and known_given_name(doc[start].text) and _untagged_name_word(p) \
                    and (p.i == p.sent.start or doc[p.i - 1].is_space) \
                    and p.lower_ not in english_words(("adj", "verb")) and not _title_leftover(p, doc[start]):
                start -= 1  # (not "Commentator Ben Domenech")
            # "Karine Jean" + "-Pierre": a double-barrelled surname NER cut at its hyphen
            if end + 1 < len(doc) and doc[end].text in ("-", "‐") and not doc[end - 1].whitespace_ \
                    and not doc[end].whitespace_ and doc[end + 1].is_title:
                end += 2
        if label == "Organization" and end + 1 < len(doc) and doc[end].lower_ == "press" \
                and doc[end + 1].lower_ in ("service", "office"):
            end += 2  # "the Kremlin press service" is the office that speaks, not the Kremlin
        if label == "Person":
            # "Trump's America": the name ends at the possessive
            cut = next((k for k in range(start + 1, end) if doc[k].tag_ == "POS" or doc[k].lower_ in ("'s", "’s")), None)
            if cut is not None:
                end = cut
        text = clean_surface(doc[start:end].text)
        nick = _quoted_nickname(doc, end) if label == "Person" and end - start <= 2 else None
        if nick is not None:
            # "Kathleen “KC” Becker": the given name and the surname around the name she goes by,
            # which a later "KC Becker" is
            nickname = clean_surface(doc[end + 1:nick - 1].text)
            text, end = clean_surface(f"{doc[start:end].text} {doc[nick].text}"), nick + 1
            absorbed = max(absorbed, end)
        if label == "Person" and _inverted_entry(doc, start, end):
            # "Kepoo, Joseph; Knell, Henry Crockett; Lee, Francis": a list of "Surname, Given names"
            given = doc[start:end].text
            suffix = re.search(r",?\s*(?:Jr|Sr|II|III|IV)\.?$", given)
            # ("Kamakaiwi, James C., Jr.": the suffix ends the name)
            text = clean_surface(f"{given[:suffix.start()]} {doc[start - 2].text}{given[suffix.start():]}" if suffix
                                 else f"{given} {doc[start - 2].text}")
            start -= 2
        if not text or not _plausible_name(text):
            continue
        if label == "Person" and not _looks_like_person_name(text) and re.fullmatch(r"[A-Z.]+", text):
            continue  # ("M.P", "P.C.")
        if label == "Person" and not_a_person(doc, start, end):
            continue
        if label == "Person" and (_destination(doc, start, end) or _placed_in_country(doc, start, end)
                                  or _listed_with_places(doc, start, end)
                                  or start >= 2 and doc[start - 1].lower_ == "route" and doc[start - 2].lower_ == "en"):
            label = "Place"  # "Jill and I traveled to Normandy", "… En Route Tel Aviv": where one goes is a place
        elif label == "Place" and end - start > 1 and doc[end - 1].lower_ in ("summit", "conference", "forum", "meeting", "talks"):
            label = "Organization"  # "the Hiroshima Summit" tagged a place: a gathering, held somewhere
        elif label == "Place" and end - start == 1 and start > 0 and is_title_head(doc[start - 1]) \
                and doc[start - 1].is_title and doc[start].is_title and not country_of(doc[start].text) \
                and fold(doc[start].text) not in CAPITALS and fold(doc[start].text) not in PLACE_ALIASES:
            label = "Person"  # "Chancellor Scholz" tagged a place: a title names a person
        if label == "Person":
            if text.isupper() and len(text) > 3:
                text = text.title()  # "LEAVITT" from a transcript label or a shouted headline
            if re.fullmatch(r"(?:\S+\s+)+[A-Z]\.?", text):
                continue  # "Donald J" without its surname: a fragment, not a name
        m = Mention(chunk=chunk, start=start, end=end, text=text, label=label, sent=sent_index[start],
                    char=char_offset + doc[start].idx, ner=ent.label_, raw=text)
        if _case_party(doc, start, end):
            m.evidence.add("case-party")  # (no person however the document names one: "Lawrence v. Texas")
        if nick is not None and nickname:
            m.evidence.add(f"nick:{nickname}")
        if label == "Person":
            tp = title_before(doc, start)
            if tp is not None:
                m.title = tp
                m.raw = clean_surface(doc[tp.start:end].text)
                m.evidence.add("title")
                aff_end = tp.affiliation_span[1] if tp.affiliation_span and tp.affiliation_span[0] == tp.start else tp.start
                title_ranges.append((tp.start, aff_end, tp.end))
            # hyphenated pair of names ("Putin-Biden talks") is split below, at document level
            if start > 0 and is_honorific(doc[start - 1]):
                m.evidence.add("honorific")  # "Ms. Amini"
                if tp is None and doc[start - 1].lower_.rstrip(".") == "dr":
                    m.raw = clean_surface(doc[start - 1:end].text)  # "Dr. Biden": a title of its own
            if _pronoun_follows(doc, end):
                m.evidence.add("pronoun")
            if start > 0 and doc[start - 1].lower_ in ("in", "at", "near", "outside"):
                m.evidence.add("place-prep")  # "In Madison, the Vice President …": where, if the text also names it a place
                if doc[start - 1].lower_ != "in" and doc[start - 1].head.lemma_.lower() not in _AT_SOMEONE:
                    m.evidence.add("at-place")  # "spent Christmas at Walter Reed", "the attack at Abbey Gate"
            if title_after(doc, end) is not None:
                m.evidence.add("appos")  # "Fawn Sharp, President of the National Congress …"
        if label == "Place" and re.fullmatch(r"[A-Z]+-?\d+", text):
            label = m.label = "Organization"  # "G7", "G20" are groups, not places
        if label != "Person" and _is_venue(text):
            label = m.label = "Place"
        if label != "Person" and len(text.split()) <= 4 and _looks_like_person_name(text) \
                and not _is_venue(text) and fold(text) not in COUNTRIES and fold(text) not in CAPITALS \
                and doc[end - 1].lower_ not in _ORG_TAILS and doc[end - 1].lower_ not in _NAMED_THINGS \
                and not country_of(doc[start].text) \
                and not (" " not in text and (text.isupper() or _english_word(text.lower()) and not attested_given_name(text))):
            # (not "the United States Congress, Chair of the House … Committee, X": a body, then its
            # member; nor "CIA, …" or "Education, the Director of …": an acronym or a word, no name;
            # nor "U.S. Navy (Ret.), Former Chairman of …": a country's service)
            tp = title_after(doc, end)
            if tp is not None and tp.start - end <= 3:
                m.label = "Person"
                m.evidence.add("appos")
                m.title = tp
        out.append(m)
    # NER sometimes splits a name: "Yury" (ORG) + "Ushakov" (PERSON) with nothing between
    joined: list[Mention] = []
    for m in out:
        prev = joined[-1] if joined else None
        if prev is not None and m.label == "Person" and prev.end == m.start and prev.ner in ("ORG", "FAC") \
                and prev.end - prev.start == 1 and _looks_like_person_name(prev.text) \
                and fold(prev.text) not in COUNTRIES and fold(prev.text) not in DEMONYMS and not prev.text.isupper() \
                and prev.text.lower() not in TITLE_MODIFIERS and not is_title_head(doc[prev.start]) \
                and not (prev.start > 0 and doc[prev.start - 1].lower_ in ("of", "for", "to", "the")) \
                and not known_given_name(m.text.split()[0]):  # "the Treasury" + "Janet Yellen"
            m.start, m.char = prev.start, prev.char
            m.text = clean_surface(doc[m.start:m.end].text)
            m.raw = m.text if m.title is None else m.raw
            joined[-1] = m
            continue
        joined.append(m)
    out = joined
    # "NATO–Russia Council": NER stops at the dash; the council is one organisation
    merged: list[Mention] = []
    for m in out:
        prev = merged[-1] if merged else None
        if prev is not None and m.label == "Organization" and prev.label in ("Organization", "Place") \
                and m.start == prev.end + 1 and doc[prev.end].text in ("-", "–", "—") \
                and not doc[prev.end - 1].whitespace_ and not doc[prev.end].whitespace_ and len(m.text.split()) > 1:
            m.start, m.char = prev.start, prev.char
            m.text = m.raw = clean_surface(doc[m.start:m.end].text)
            merged[-1] = m
            continue
        merged.append(m)
    out = merged
    # an organisation or place word inside a person's title ("Secretary of State", "Defense") is
    # part of the title, not a mention; the leading affiliation ("Kremlin spokesman") stays
    kept = []
    for m in out:
        if m.label != "Person" and any(aff_end <= m.start and m.end <= tend for _, aff_end, tend in title_ranges):
            continue
        kept.append(m)
    for start, end in _venue_spans(doc):
        inside = [m for m in kept if start <= m.start and m.end <= end]
        if any(m.end > start and m.start < end and m not in inside for m in kept) \
                or any(m.label == "Place" and (m.start, m.end) == (start, end) for m in inside):
            continue  # crosses another name, or is already this place
        text = clean_surface(doc[start:end].text)
        if not text or not _plausible_name(text):
            continue
        # "Hotel President Wilson", "NATO headquarters": the names inside are part of the place's
        kept = [m for m in kept if m not in inside]
        kept.append(Mention(chunk=chunk, start=start, end=end, text=text, label="Place", sent=sent_index[start],
                            char=char_offset + doc[start].idx, ner="RULE", raw=text))
    covered = {t for m in kept for t in range(m.start, m.end)}
    for start, end in _media_spans(doc) + _ministry_spans(doc):
        text = clean_surface(doc[start:end].text)
        if covered.isdisjoint(range(start, end)) and text and _plausible_name(text):
            kept.append(Mention(chunk=chunk, start=start, end=end, text=text, label="Organization",
                                sent=sent_index[start], char=char_offset + doc[start].idx, ner="RULE", raw=text))
            covered.update(range(start, end))
    kept.sort(key=lambda m: m.start)
    return kept


_PERSONAL = frozenset("he him his himself she her hers herself".split())


def _pronoun_follows(doc: Doc, end: int) -> bool:
    """A personal pronoun after the name in its sentence, or opening the next one ("... hold Putin
    accountable for his war"; "Navalny died. He was ..."): weak evidence that the name is a
    person's, which things and cut words rarely have. No coreference is claimed."""
    sent = doc[end - 1].sent if end > 0 else None
    if sent is None:
        return False
    if any(t.lower_ in _PERSONAL and t.tag_ in ("PRP", "PRP$") for t in doc[end:sent.end]):
        return True
    nxt = doc[sent.end:sent.end + 2]
    return any(t.lower_ in ("he", "she") for t in nxt)


# Venues the small English model misses or reads as a person ("Hotel President Wilson")
_ROOM_WORDS = VENUE_WORDS | frozenset("room hall building".split())
_MISSIONS = frozenset("mission embassy consulate".split())
_VENUE_FIRST = frozenset("hotel villa palace castle chateau château manor mansion fort camp".split())  # come before the name


def _venue_spans(doc: Doc) -> list[tuple[int, int]]:
    """Token spans naming a venue: 'the U.S. mission in Geneva', 'the Russian embassy', 'NATO
    headquarters', 'the Situation Room', 'Hotel President Wilson'."""
    spans: list[tuple[int, int]] = []
    n = len(doc)

    def caps_before(i: int, most: int = 6) -> int:
        k = i
        while k > 0 and i - k < most and not doc[k].is_sent_start and (  # may take a sentence's first word
                doc[k - 1].is_title or doc[k - 1].is_upper or is_honorific(doc[k - 1])
                or re.fullmatch(r"[A-Z]\.", doc[k - 1].text)) and doc[k - 1].pos_ in ("PROPN", "NOUN", "ADJ"):
            k -= 1
        return k

    for i, t in enumerate(doc):
        low = t.lower_
        if low in _MISSIONS and t.is_lower:
            # "the U.S. mission in Geneva", "the Russian embassy": whose mission, and where
            k = i
            while k > 0 and (country_of(doc[k - 1].text) or fold(doc[k - 1].text) in DEMONYMS):
                k -= 1
            if k < i:
                e = i + 1
                if e + 1 < n and doc[e].lower_ in ("in", "to") and doc[e + 1].ent_type_ == "GPE":
                    e += 2
                    while e < n and doc[e].ent_iob_ == "I":
                        e += 1
                spans.append((k, e))
        elif low == "headquarters" and t.is_lower and i > 0 and doc[i - 1].ent_type_ in ("ORG", "GPE"):
            k = i - 1
            while k > 0 and doc[k].ent_iob_ == "I":
                k -= 1
            spans.append((k, i + 1))
        elif low in _ROOM_WORDS and t.is_title:
            k = caps_before(i)
            if k < i:
                spans.append((k, i + 1))  # "the Situation Room", "the Hall of Columns" stops at "of"
            elif low in _VENUE_FIRST and i + 1 < n and doc[i + 1].is_title and doc[i + 1].pos_ == "PROPN":
                e = i + 1
                while e < n and e - i <= 3 and (doc[e].is_title or is_honorific(doc[e])) and doc[e].pos_ == "PROPN":
                    e += 1
                spans.append((i, e))  # "Hotel President Wilson", "Villa La Grange"
    return spans


_MINISTRY_WORDS = frozenset("foreign defence defense interior finance justice health trade economy energy "
                            "emergencies emergency culture education agriculture".split())


def _ministry_spans(doc: Doc) -> list[tuple[int, int]]:
    """'the Russian defence ministry', 'Ukraine's foreign ministry': lowercase, so NER skips them."""
    spans = []
    for i, t in enumerate(doc):
        if t.lower_ != "ministry" or not t.is_lower:
            continue
        k = i
        while k > 0 and doc[k - 1].lower_ in _MINISTRY_WORDS and doc[k - 1].is_lower:
            k -= 1
        if k > 0 and doc[k - 1].tag_ == "POS":
            k -= 1
        c = k
        while c > 0 and (country_of(doc[c - 1].text) or fold(doc[c - 1].text) in DEMONYMS):
            c -= 1
        if c < k:
            spans.append((c, i + 1))
    return spans


# News outlets the small English model rarely tags: named next to a media word or in a photo credit
_MEDIA_NOUNS = frozenset("channel newspaper agency broadcaster daily outlet radio television network media "
                         "magazine weekly station tabloid".split())
_MEDIA_MODIFIERS = frozenset("tv news radio state-run state television satellite".split())
_CREDIT_WORDS = frozenset("photo photos photograph image images source credit video".split())
_OPEN_QUOTES, _CLOSE_QUOTES = ("“", '"', "«", "„"), ("”", '"', "»", "“")


def _media_spans(doc: Doc) -> list[tuple[int, int]]:
    """Token spans naming a news outlet or agency: 'the TV channel “Russia 1”', 'the Russia-1 TV
    channel', 'the newspaper “Kommersant”', 'Fox Business Network', 'Photo: AFP/VNA'."""
    spans: list[tuple[int, int]] = []
    n = len(doc)
    for i, t in enumerate(doc):
        low = t.lower_
        if low in _CREDIT_WORDS and i + 2 < n and doc[i + 1].text == ":":
            j = i + 2
            while j < n and doc[j].text.isalpha() and doc[j].text.isupper() and 2 <= len(doc[j].text) <= 8:
                spans.append((j, j + 1))
                if j + 2 < n and doc[j + 1].text in ("/", ",", "-", "&"):
                    j += 2
                else:
                    break
        if low not in _MEDIA_NOUNS or t.is_upper:
            continue
        if t.is_title:
            # capitalised, the noun is part of the name: "Fox Business Network", "Environment Agency"
            k = e = i
            while k > 0 and e - k < 5 and (doc[k - 1].is_space or doc[k - 1].is_title and doc[k - 1].pos_ == "PROPN"):
                k -= 1  # a line break inside the name is not its end
            while k < e and doc[k].is_space:
                k += 1
            if k < e and not all(x.lower_ in TITLE_MODIFIERS or country_of(x.text) for x in doc[k:e]):
                spans.append((k, i + 1))
            continue
        if i + 2 < n and doc[i + 1].text in _OPEN_QUOTES:
            j = k = i + 2
            while k < n and k - j < 6 and doc[k].text not in _CLOSE_QUOTES and not doc[k].is_sent_start:
                k += 1
            if j < k < n and doc[k].text in _CLOSE_QUOTES and (doc[j].is_title or doc[j].is_upper):
                spans.append((j, k))
            continue
        k = i
        while k > 0 and doc[k - 1].lower_ in _MEDIA_MODIFIERS:
            k -= 1
        e = k
        while k > 0 and e - k < 4 and (doc[k - 1].is_title or doc[k - 1].is_upper or doc[k - 1].like_num
                                         or (doc[k - 1].text == "-" and not doc[k - 1].whitespace_)) \
                and doc[k - 1].pos_ in ("PROPN", "NUM", "PUNCT") and not doc[k - 1].is_sent_start:
            k -= 1
        # a country or demonym alone is whose outlet it is ("Russian state TV"), not its name
        if k < e and doc[k].text[:1].isupper() and not all(
                country_of(x.text) or fold(x.text) in DEMONYMS or x.lower_ in TITLE_MODIFIERS for x in doc[k:e]):
            spans.append((k, e))
    return spans


def recover_mentions(chunks: list[tuple[int, Doc]], mentions: list[Mention], sent_offsets: list[int],
                     speakers: set[str] = frozenset()) -> list[Mention]:
    """Names NER missed: a proper noun equal to the surname of a person the document names in full,
    a capitalised name right after a job title ("Deputy Head of ... Dmitry Kozak"), and a given
    name and surname whose surname labels a speaker's turns ("… Dawn O’Connell will cover …" above
    "MS. O’CONNELL:"), and the whole name after "The Honorable"."""
    _honorable_names(chunks, mentions, sent_offsets)
    covered = {(m.chunk, t) for m in mentions for t in range(m.start, m.end)}
    person_tokens = {(m.chunk, t) for m in mentions if m.label == "Person" for t in range(m.start, m.end)}
    surnames = {translit(split_person(m.text)[1]) for m in mentions if m.label == "Person" and " " in m.text}
    # (a label's last word that is a title or a common word, "SENIOR ADMINISTRATION OFFICIAL", no surname)
    label_surnames = {translit(s.split()[-1]) for s in speakers if s and s.split()[-1].lower() not in TITLE_HEADS
                      and s.split()[-1].lower() not in english_words(("adj", "verb"))
                      and not s.split()[-1].lower().startswith("official")}
    for m in mentions:
        # "Response Dawn" + "O’Connell" (tagged a noun): a person NER cut before the surname that
        # labels a speaker's turns
        if m.label != "Person" or m.start < 0 or not label_surnames:
            continue
        off, doc = chunks[m.chunk]
        e = m.end
        if e < len(doc) and doc[e].is_title and translit(doc[e].text) in label_surnames \
                and translit(doc[e - 1].text) not in label_surnames and (m.chunk, e) not in covered:
            k = m.start  # less a title's last word NER ran in ("Response Dawn"); "Maria Theresa" stays
            while k < e - 1 and doc[k].lower_ in english_words() and not known_given_name(doc[k].text):
                k += 1
            m.start, m.end, m.char = k, e + 1, off + doc[k].idx
            m.text = m.raw = clean_surface(doc[k:e + 1].text)
            m.evidence.add("known-surname")
            covered.add((m.chunk, e))
    found: list[Mention] = []
    for ci, (off, doc) in enumerate(chunks):
        sent_of = {}
        for k, sent in enumerate(doc.sents):
            for t in range(sent.start, sent.end):
                sent_of[t] = sent_offsets[ci] + k
        lines = _line_starts(doc)
        order = list(lines)
        entries = {_entry_start(doc, m.start, lines) for m in mentions if m.label == "Person" and m.chunk == ci
                   and m.end < len(doc) and doc[m.end].text == ","} - {None}
        i = 0
        n = len(doc)
        while i < n:
            tok = doc[i]
            if (ci, i) in covered or tok.pos_ != "PROPN" or not tok.is_title or tok.lower_ == "honorable" \
                    or i > 0 and doc[i - 1].text in ("-", "‐") and not doc[i - 1].whitespace_:
                i += 1  # (nor the rest of a hyphenated word: "Anti-Corruption Court")
                continue
            j = i
            while j < n and j - i < 3 and doc[j].pos_ == "PROPN" and doc[j].is_title and (ci, j) not in covered \
                    and not is_title_head(doc[j]) and doc[j].ent_type_ in ("", "PERSON"):
                j += 1
            if j == i:
                i += 1
                continue
            if j - i == 1 and j + 1 < n and doc[j].is_title and doc[j].is_alpha and (ci, j) not in covered \
                    and _speaks_next(doc, j + 1):
                j += 1  # a surname the tagger took for a common noun ("Caleb Silver: “…”")
            elif j < n and doc[j].is_title and (ci, j) not in covered and translit(doc[j].text) in label_surnames:
                j += 1  # "… Dawn O’Connell will cover …" above "MS. O’CONNELL:", the surname tagged a noun
            text = doc[i:j].text
            key = translit(doc[j - 1].text)
            ok = False
            evidence = set()
            if j - i >= 2 and key in label_surnames and translit(doc[j - 2].text) not in label_surnames \
                    and not is_title_head(doc[j - 2]) and not is_honorific(doc[j - 2]):
                k = j - 2
                while k > max(0, j - 5) and doc[k - 1].is_title and doc[k - 1].pos_ == "PROPN" \
                        and (known_given_name(doc[k - 1].text) or doc[k - 1].lower_ not in english_words()) \
                        and not is_title_head(doc[k - 1]) and not is_honorific(doc[k - 1]) \
                        and ((ci, k - 1) not in covered or (ci, k - 1) in person_tokens):
                    k -= 1  # "Maria Theresa Kumar", "Tracee Ellis Ross": every given name, no title word
                ok, evidence, i, text = True, {"known-surname"}, k, doc[k:j].text
            elif j - i == 1 and key in surnames and doc[i].ent_type_ == "" and not _case_party(doc, i, j):
                ok, evidence = True, {"known-surname"}
            elif j - i == 1 and doc[i].ent_type_ == "" and _titled_surname(doc, i, ci, person_tokens):
                ok, evidence = True, {"title"}  # "will call Chancellor Roe, President …": a surname after a title
            elif j - i == 2 and doc[i].lower_ in _ORG_TAILS and doc[j - 1].ent_type_ == "" \
                    and _titled_surname(doc, j - 1, ci, person_tokens):
                ok, evidence, i, text = True, {"title"}, j - 1, doc[j - 1].text  # "… of Foreign Affairs Ma"
            elif j - i == 2 and _speaks_next(doc, j) and known_given_name(doc[i].text) \
                    and _looks_like_person_name(text) and not _named_thing(text) \
                    and not (i > 0 and doc[i - 1].text == ",") \
                    and not all(w.lower() in english_words() for w in text.split()):
                # (not "Jane Roe, Director, Day One: “…”", nor two common words: "Link Health")
                # "Fox Business Network's Jane Roe: “…”": a given name and surname introducing a quotation
                # (exactly two words: "Jane Roe Foundation: “…”" is the foundation)
                ok, evidence = True, {"speaker-label"}
            elif 2 <= j - i <= 3 and _list_entry(doc, i, j, lines, order, entries):
                ok, evidence = True, {"list-entry"}
            elif 2 <= j - i <= 3 and _looks_like_person_name(text) and doc[j - 1].lower_ not in _ORG_TAILS:
                # (not "… for Western Hemisphere Affairs": the end of an office, no surname)
                # the run may begin with the title's last word: "... Administration Dmitry Kozak"
                for k in range(i, j):
                    if doc[k].lower_ in _ORG_TAILS:
                        continue  # "Minister of Foreign Affairs Ma": the title's last word begins no name
                    j2 = j
                    while j2 < n and j2 - k < 3 and doc[j2].pos_ == "PROPN" and doc[j2].is_title and doc[j2].is_alpha \
                            and (ci, j2) not in covered and not is_title_head(doc[j2]):
                        j2 += 1  # (the run stopped at three words: "… Hemisphere Juan" + "Roe")
                    if j2 - k < 2:
                        continue
                    tp = title_before(doc, k)
                    if tp is not None and tp.end == k and not any((ci, t) in person_tokens for t in range(tp.start, k)) \
                            and (looks_like_given_name(doc[k].text, doc[k].lemma_) or not (
                                _english_word(doc[j2 - 1].lower_) or any(attested_given_name(t.text) for t in doc[k + 1:j2 - 1]))):
                        # (a common word begins no name that ends in one or has a first name after it: not
                        # the "Climate Policy" of "Advisor for International Climate Policy", a "Freedom
                        # Project", the "Hemisphere Juan" of "Director for the Western Hemisphere Juan Roe";
                        # but "Wei Xiaojun")
                        j = j2
                        # (a "title" that holds another person's name is that person's title, not this one's)
                        if j - k > 2 and _title_leftover(doc[k], doc[k + 1]):
                            k += 1
                        ok, evidence, i, text = True, {"title"}, k, doc[k:j].text
                        break
            if ok and j + 1 < n and doc[j].text == "," and _SUFFIX.fullmatch(doc[j + 1].text):
                j += 2  # "First Sergeant Leonard A. Funk, Jr.": the suffix after the comma is the name's
                text = doc[i:j].text
            if ok:
                m = Mention(chunk=ci, start=i, end=j, text=clean_surface(text), label="Person", sent=sent_of[i],
                            char=off + tok.idx, raw=text, ner="RULE", evidence=evidence)
                if "title" in evidence:
                    m.title = title_before(doc, i)
                    m.raw = clean_surface(doc[m.title.start:j].text)
                found.append(m)
            i = j
    return found


def _honorable_names(chunks: list[tuple[int, Doc]], mentions: list[Mention], sent_offsets: list[int]) -> None:
    """"The Honorable Lloyd J. Austin III, …", "The Honorable Karen Hideko Roe, …": the style
    confuses NER, which keeps part of the name ("J. Austin III") or calls it a place. The
    capitalised words and initials between the style and the comma or line end are one person's
    name: the mention NER made inside them becomes that name (a new one when there is none)."""
    for ci, (off, doc) in enumerate(chunks):
        sents = None
        for i in range(len(doc) - 2):
            if doc[i].lower_ != "honorable" or not doc[i].is_title:
                continue
            j = i + 1
            while j < len(doc) and j - i <= 5 and (doc[j].is_title and doc[j].pos_ == "PROPN" and not is_title_head(doc[j])
                                                   or re.fullmatch(r"[A-Z]\.", doc[j].text) or _SUFFIX.fullmatch(doc[j].text)):
                j += 1
            if j - i < 3 or j < len(doc) and not (doc[j].text == "," or doc[j].is_space and "\n" in doc[j].text) \
                    or doc[j - 1].lower_ in _ORG_TAILS or country_of(doc[j - 1].text):
                continue
            inside = [m for m in mentions if m.chunk == ci and m.start >= i + 1 and m.end <= j]
            if any(m.start < j and m.end > i + 1 and m not in inside for m in mentions if m.chunk == ci):
                continue  # (a mention running past the name: not this rule's to cut)
            text = clean_surface(doc[i + 1:j].text)
            if inside:
                m = inside[0]
                for other in inside[1:]:
                    mentions.remove(other)
                m.start, m.end, m.char, m.text, m.raw, m.label = i + 1, j, off + doc[i + 1].idx, text, text, "Person"
            else:
                if sents is None:
                    sents = [sent.start for sent in doc.sents]
                k = max(n for n, start in enumerate(sents) if start <= i + 1)
                m = Mention(chunk=ci, start=i + 1, end=j, text=text, label="Person", sent=sent_offsets[ci] + k,
                            char=off + doc[i + 1].idx, raw=text, ner="RULE")
                mentions.append(m)
            m.evidence.add("honorific")


def _line_starts(doc: Doc) -> dict[int, int]:
    """The first token of each line of ``doc`` (a line break the reader kept: a list item, a
    heading), with the line's number."""
    starts = [i for i in range(len(doc)) if not doc[i].is_space
              and (i == 0 or doc[i - 1].is_space and "\n" in doc[i - 1].text or doc[i - 1].text.endswith("\n"))]
    return {t: n for n, t in enumerate(starts)}


def _list_entry(doc: Doc, i: int, j: int, lines: dict[int, int], order: list[int], entries: set[int]) -> bool:
    """"Shalanda Young, Director of the Office of …" on a line of its own, in a run of such lines
    of which one at least begins with a name NER found ("Pete Buttigieg, Secretary of …"): one
    more attendee of the list, a first name and surname NER missed."""
    at = _entry_start(doc, i, lines)
    if at is None or at in entries or not _entry_line(doc, at, i, j, lines) \
            or not looks_like_given_name(doc[i].text, doc[i].lemma_) or not _looks_like_person_name(doc[i:j].text) \
            or any(is_title_head(doc[k]) or is_honorific(doc[k]) or doc[k].lower_ in _ORG_TAILS
                   or country_of(doc[k].text) for k in range(i, j)):
        return False
    at = lines[at]
    for step in (-1, 1):  # the run of "Name, Post" lines this one is in
        n = at + step
        while 0 <= n < len(order):
            start = order[n]
            if start in entries:
                return True
            b = start
            while b < len(doc) and (doc[b].lower_ in ("the", "honorable") or is_honorific(doc[b]) or is_title_head(doc[b])):
                b += 1
            e = b
            while e < len(doc) and e - b < 3 and doc[e].is_title and doc[e].pos_ == "PROPN":
                e += 1
            if e == b or not _entry_line(doc, start, b, e, lines):
                break
            n += step
    return False


def _entry_start(doc: Doc, i: int, lines: dict[int, int]) -> int | None:
    """The start of the line a name at token ``i`` begins, after at most an honorific or a title
    ("The Honorable X", "Admiral X"), or None when the name is inside the line."""
    k = i
    while k > 0 and k not in lines and i - k < 4 and (doc[k - 1].lower_ in ("the", "honorable") or is_honorific(doc[k - 1])
                                                       or is_title_head(doc[k - 1])):
        k -= 1
    return k if k in lines else None


def _entry_line(doc: Doc, line: int, i: int, j: int, lines: dict[int, int]) -> bool:
    """The line at token ``line`` is a name (tokens ``i``–``j``, after a title if any), a comma and a
    short post: a title or an organisation, no verb."""
    if j >= len(doc) or doc[j].text != ",":
        return False
    end = next((t for t in range(j + 1, min(len(doc), j + 23)) if t in lines), min(len(doc), j + 23))
    rest = doc[j + 1:end]
    return len(rest) <= 20 and not any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN" for t in rest) \
        and (has_title_head(rest) or any(t.ent_type_ == "ORG" for t in rest))


def _titled_surname(doc: Doc, i: int, chunk: int, person_tokens: set[tuple[int, int]]) -> bool:
    """Token ``i`` is one capitalised word right after a person's title that is no common word,
    given name, title, place or people's word: a surname NER missed."""
    tok = doc[i]
    low = tok.lower_
    if not tok.is_alpha or len(tok) < 3 or low in english_words() or known_given_name(tok.text) \
            or tok.tag_ == "NNPS" or _plural_thing(tok.text) or low.endswith("s") and low[:-1] in english_words() \
            or low in TITLE_HEADS or low in DEMONYMS or low in COUNTRIES or low in TITLE_MODIFIERS:
        return False
    tp = title_before(doc, i)
    return tp is not None and tp.end == i and not any((chunk, t) in person_tokens for t in range(tp.start, i))


def _speaks_next(doc: Doc, j: int) -> bool:
    """Token ``j`` is a colon followed by an opening quotation mark."""
    k = j + 1
    while k < len(doc) and doc[k].is_space:
        k += 1
    return j < len(doc) and doc[j].text == ":" and k < len(doc) and doc[k].text in ("“", '"', "«")


_DOCUMENT_WORDS = frozenset("joint statement statements remarks readout proclamation memorandum letter message "
                            "fact sheet press briefing gaggle executive order".split())
_ISSUED_BY = re.compile(r"^(?:Joint\s+)?(?:Statement|Remarks|Readout|Press\s+Briefing|Press\s+Gaggle|Message|Letter|"
                        r"Proclamation|Op-Ed)\s+(?:from|by|of)\b", re.IGNORECASE)


def heading_spans(document: Document) -> list[tuple[int, int]]:
    """Character spans of the headline and of Title-Case headings inside the body
    ("Unleashing American Energy", "Critical Minerals and Rare Earths")."""
    spans = [(0, document.headline_end)] if document.headline_end else []
    in_list = False  # after "Participants included:", lines "Name, what they are" are its items
    for m in re.finditer(r"[^\n]+", document.text):
        if m.start() < document.headline_end:
            continue
        raw = m.group(0).strip()
        line = raw.strip(" *:")
        words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", line)]
        head, _, rest = line.partition(",")
        item = bool(rest) and len(head.split()) <= 6
        if item and (in_list or any(w.lower() in TITLE_HEADS for w in re.findall(r"[A-Za-z]+", rest))):
            in_list = True
            continue  # "Curt Decker, Executive Director of …": a list of attendees, one a line, not a heading
        if in_list and 1 < len(words) <= 20 and not raw.endswith((":", ".", "?", "!")) and ": " not in line:
            # "The following individuals have been appointed:" then a name a line ("New York Lt. Gov. Ann
            # Roe", "Chair of the Surface Transportation Board Ann Roe"), until a sentence or another
            # heading (a press clip, "Outlet: Its Headline", is a heading)
            continue
        in_list = raw.endswith(":")
        if 1 < len(words) <= 18 and is_headline(line) and \
                sum(w[0].isupper() for w in words) >= 0.7 * len(words):
            spans.append((m.start(), m.end()))
    return spans


def headline_mentions(mentions: list[Mention], document: Document,
                      chunks: list[tuple[int, Doc]] | None = None) -> list[Mention]:
    """Names in a Title-Case headline or heading that NER tags as people ("Ensures Efficient
    Funding", "Four-Year Low") are kept only with a person's evidence: a title before the name
    ("President Andrzej Duda"), a byline's "By", or the same surname named again in the body. A
    name that runs on into the headline's words ("Donald J. Trump Declares") is cut where the
    words the body also names end."""
    spans = heading_spans(document)
    if not spans:
        return mentions
    text = document.text
    # "Statement from Governor X on …", "Remarks by President X and …": the headline's grammar
    # says a titled name there is a person, named or not in the body
    issued = bool(_ISSUED_BY.match(text[:document.headline_end]))
    outside = "\n".join(text[a:b] for a, b in zip([0] + [e for _, e in spans], [s for s, _ in spans] + [len(text)]))
    kept = []
    for m in mentions:
        inside = any(s <= m.char < e for s, e in spans)
        if inside and m.label == "Person" and m.text.split()[0].lower() in _DOCUMENT_WORDS:
            continue  # "Joint Statement", "Fact Sheet": the headline's kind of document
        if inside and m.label != "Person" and issued and m.char < document.headline_end:
            _headline_titled_name(m, text, chunks)
        if not inside or m.label != "Person" or "speaker-label" in m.evidence:
            kept.append(m)
            continue
        words = m.text.split()
        # a Title-Case headline writes its short function words in lower case and its long ones
        # capitalised: the name ends before either ("Joe Roe on Passage of …", "Ann Lee Before Departure")
        low = next((k for k, w in enumerate(words) if k and (w.islower() or w.lower() in STOP_WORDS
                                                             or w.lower() in _HEADLINE_PREPS or _gerund_led(w + " x"))
                    and w.lower() not in _PARTICLES), None)
        # (or at a verb's -ing form: "President Roe Highlighting State and Local Leaders")
        if low is not None:
            words = words[:low]
            _cut_mention(m, words, chunks)
        # the last word of the span that the rest of the text uses as a name ("Psaki", "PSAKI"), and
        # never as a common word in lower case ("funding")
        def name_word(w: str) -> bool:
            seen = [o.group(0) for o in re.finditer(rf"(?<![\w-]){re.escape(w)}(?![\w-])", outside, re.IGNORECASE)]
            return bool(seen) and not any(o.islower() for o in seen)
        # ("Joseph R. Biden, Jr. Call with …": the comma is no part of the word, and an initial
        # or a suffix goes with the name around it)
        base = [w[:1].isupper() and name_word(w.rstrip(",")) for w in words]
        named = [base[k] or bool(re.fullmatch(r"[A-Z]\.", w) or k and _SUFFIX.fullmatch(w.rstrip(","))) and (
            k > 0 and base[k - 1] or k + 1 < len(words) and base[k + 1]) for k, w in enumerate(words)]
        # the first run of such words ends the name ("Jean-Pierre" in "… Jean-Pierre En Route Vail")
        first = next((k for k, ok in enumerate(named) if ok), None)
        if first and m.ner != "PERSON":
            continue  # a rule's guess that starts with headline words ("En Route Vail")
        cut = None
        if first is not None:
            cut = first
            while cut + 1 < len(words) and named[cut + 1]:
                cut += 1
        before = text[max(0, m.char - 5):m.char].lower()
        if cut is None:
            clean_title = not re.search(r"\b(?:on|to|in|at|with|after|before|from|by)\b", m.raw)
            in_head = m.char < document.headline_end
            if m.title is not None and (m.ner == "PERSON" or issued and clean_title and in_head) \
                    or issued and in_head and m.ner == "PERSON" and len(words) > 1 \
                    or before.endswith(("by ", "from ")):
                kept.append(m)
            continue
        if cut + 1 < len(words):
            _cut_mention(m, words[:cut + 1], chunks)
        kept.append(m)
    return kept


# long prepositions a Title-Case headline capitalises; no organisation's or place's name holds one
_HEADLINE_PREPS = frozenset("before after during following upon amid ahead aboard onboard".split())


def _headline_titled_name(m: Mention, text: str, chunks: list[tuple[int, Doc]] | None) -> None:
    """"Remarks by President Biden Before Air Force One Departure": NER ran the titled name into
    the headline's words as one organisation; the name is cut at the preposition and is a person."""
    words = m.text.split()
    k = next((i for i, w in enumerate(words) if i and w.lower() in _HEADLINE_PREPS and w[:1].isupper()), None)
    before = text[max(0, m.char - 40):m.char].split()
    if k is None or not before or before[-1].lower() not in TITLE_HEADS or chunks is None or m.start < 0:
        return
    _cut_mention(m, words[:k], chunks)
    m.label = "Person"
    m.evidence.add("title")
    m.title = title_before(chunks[m.chunk][1], m.start)


def _cut_mention(m: Mention, words: list[str], chunks: list[tuple[int, Doc]] | None) -> None:
    """Shorten ``m`` to its first ``words`` (its token span too, when it has one)."""
    if not words or chunks is None or m.start < 0:
        return
    doc = chunks[m.chunk][1]
    toks = list(doc[m.start:m.end])
    last = words[-1]
    k = max((i for i, t in enumerate(toks) if t.text == last or last.endswith(t.text) and t.text.isalpha()),
            default=None)
    if k is None:
        return
    m.end = m.start + k + 1
    new = clean_surface(doc[m.start:m.end].text)
    m.raw = m.raw[: len(m.raw) - len(m.text)] + new if m.raw.endswith(m.text) else new
    m.text = new


def _split_hyphen_pairs(mentions: list[Mention]) -> list[Mention]:
    surnames = {translit(split_person(m.text)[1]) for m in mentions if m.label == "Person" and " " in m.text}
    out = []
    for m in mentions:
        parts = re.split(r"\s*[-–]\s*", m.text)
        if m.label == "Person" and len(parts) == 2 and " " not in m.text and all(translit(p) in surnames for p in parts):
            for p in parts:
                out.append(Mention(chunk=m.chunk, start=m.start, end=m.end, text=p, label="Person", sent=m.sent,
                                   char=m.char, raw=p, ner=m.ner, evidence={"hyphen-pair"}))
        else:
            out.append(m)
    return out


def _relabel(mentions: list[Mention], lower_words: frozenset[str] = frozenset()) -> list[Mention]:
    """Document-level type voting: a name that is a person elsewhere in the document is a person;
    a one-word name tagged PERSON once but a place or organisation more often is not."""
    full = [m for m in mentions if m.label == "Person" and len(m.text.split()) > 1]
    person_keys = {translit(m.text) for m in full} | {translit(split_person(m.text)[1]) for m in full}
    person_tokens = {translit(t) for m in full for t in m.text.split()}
    votes: dict[str, Counter] = {}
    for m in mentions:
        votes.setdefault(translit(m.text), Counter())[m.label] += 1
    for m in full:  # "Sergei Lavrov" votes for a later bare "Lavrov" being a person
        votes.setdefault(translit(split_person(m.text)[1]), Counter())["Person"] += 1
    # a name titled, labelled or in apposition once in the document has that evidence everywhere
    evidenced = {translit(m.text) for m in mentions if m.title or m.evidence & PERSON_EVIDENCE}
    # surnames of the transcript's speakers ("DR. ROE:"): "My name is Ann Roe", tagged an
    # organisation, is that speaker's full name
    label_surnames = {translit(m.text.split()[-1]) for m in mentions if "speaker-label" in m.evidence and m.label == "Person"}
    out = []
    for m in mentions:
        key = translit(m.text)
        low = fold(m.text)
        evidence = bool(m.title) or bool(m.evidence & {"appos", "speaker-label", "title"})
        words = m.text.split()
        if low in PLATFORMS:
            m.label = "Organization"
        elif m.label != "Person" and 2 <= len(words) <= 3 and translit(words[-1]) in label_surnames \
                and (known_given_name(words[0]) or words[0].lower() not in english_words()) \
                and _looks_like_person_name(m.text):
            m.label = "Person"
        elif m.label != "Person" and key in person_keys and _looks_like_person_name(m.text) and "case-party" not in m.evidence \
                and low not in COUNTRIES and low not in CAPITALS and low not in PLACE_ALIASES:
            m.label = "Person"
        elif m.label == "Person" and len(m.text.split()) == 1 and key not in person_tokens and not evidence:
            if low in COUNTRIES or low in CAPITALS or low in PLACE_ALIASES:
                m.label = "Place"
            else:
                other = votes[key].most_common()
                n_person = votes[key]["Person"]
                best = next((lab for lab, n in other if lab != "Person" and (
                    n > n_person or lab == "Place" and n == n_person and "place-prep" in m.evidence)), None)
                if best:
                    m.label = best
        elif m.label == "Organization" and len(m.text.split()) == 1 and (low in CAPITALS or low in COUNTRIES):
            m.label = "Place"
        if m.label == "Person" and (not _looks_like_person_name(m.text)
                                    or all(_SUFFIX.fullmatch(w) for w in m.text.replace(",", " ").split())):
            continue  # (a lone "Jr." split off its name by NER or a rule is no one)
        if m.label == "Person" and " " not in m.text and (m.text.lower() in HONORIFICS or m.text.lower() + "." in HONORIFICS):
            continue  # "Madam", "Gov": a form of address or a title cut from its name
        if m.label == "Person" and " " not in m.text and not evidence and key not in person_tokens \
                and m.text.lower() in english_words(("adj", "verb")) and not known_given_name(m.text):
            # one capitalised adjective or verb NER calls a person, with no title, no label and no
            # full name in the document ("Honorary"): a word, not a name
            continue
        if m.label == "Person" and " " not in m.text and not evidence and key not in person_tokens \
                and m.text.lower() in lower_words:
            continue  # "Order", "Medal": the document also uses the word in lower case, as a noun
        first = m.text.split()[0]
        if m.label == "Person" and " " in m.text and not evidence and first.lower() in lower_words \
                and not known_given_name(first) and first.isalpha():
            continue  # "Tax Cuts", "Porter Novelli": the first word is a common word of this document
        # (a name recovered after a title, not NER's, has that title as its only evidence)
        if m.label == "Person" and " " in m.text and ((key not in evidenced or m.ner == "RULE") and _named_thing(m.text)
                                                      or _gerund_led(m.text)
                                                      or _plural_thing(m.text.split()[-1])
                                                      or fold(m.text.split()[-1]).rstrip(".") in _CORPORATE
                                                      or fold(m.text.split()[-1]) in _PLACE_HEADS
                                                      or fold(m.text.split()[-1]) in _BODY_HEADS):
            continue
        out.append(m)
    return out


#: head nouns of the names of organisations, buildings, awards, laws and peoples: a name without
#: any person's evidence that ends in one is a thing (general English, no names from any text)
_THING_HEADS = (_ORG_WORDS - {"house", "post", "times", "news", "court", "union", "bank"}
                | VENUE_WORDS - {"lodge", "castle", "square", "manor"}) | frozenset("""
school hospital award prize act program programme scouts tribe nation museum library clinic academy
cathedral mosque synagogue
""".split())  # (not "park", "street", "church", "law", "lake", "bridge": surnames too — Rosa Parks, Frank Church)


#: the last word of a company's name, never of a person's: "Ford Motor Company" is a company
#: even beside a title or in apposition
_CORPORATE = frozenset("company corporation corp inc incorporated llc ltd plc gmbh holdings industries management "
                       "capital partners ventures associates".split())


#: the last word of a place's name, never of a person's ("Kansas City", "Brown County")
_PLACE_HEADS = frozenset("city county township parish province island islands".split())

#: last words of the names of bodies, observances and posts, never of a person's, whatever a title
#: or an apposition beside them says ("Oklahoma Farm Bureau", "National Foster Care Month",
#: "Assistant Corporation Counsel")
_BODY_HEADS = frozenset("bureau council committee commission agency department ministry association federation "
                        "month counsel children families people women men americans veterans students workers "
                        "communities".split())


def _plural_thing(word: str) -> bool:
    """"Groups", "Awards", "Nations": the plural of a thing's head noun, which no surname is."""
    low = word.lower()
    return low in _PLURAL_THINGS or low.endswith("s") and (
        low[:-1] in _THING_HEADS or low.endswith("ies") and low[:-3] + "y" in _THING_HEADS)


#: plurals that end names of programmes and benefits, though their singulars may be names ("Grant")
_PLURAL_THINGS = frozenset("grants loans credits benefits services rights funds bonds scholarships".split())


def _gerund_led(text: str) -> bool:
    """"Unleashing American Energy", "PROTECTING OUR CHILDREN:", "Strengthens Medicare": led by a
    verb's -ing or -s form, the title of an order, a plan or a fact sheet's section, whatever label
    or title it carries."""
    first = text.split()[0].strip(".,:'’")
    f = first.lower()
    verbs = english_words(("verb",))
    if " " not in text or known_given_name(first):
        return False
    if f.endswith("ing") and len(f) > 5:
        return f[:-3] in verbs or f[:-3] + "e" in verbs or f[:-4] in verbs
    # (a verb's third person, which no given name is: "Strengthens", "Protects")
    return f.endswith("s") and len(f) > 6 and f[:-1] in verbs and f[:-1] not in english_words(("noun",))


#: what a mention's context says of a person (kept on LocalEntity.evidence for resolution)
PERSON_EVIDENCE = frozenset({"title", "appos", "speaker-label", "honorific", "pronoun"})


def _named_thing(text: str) -> bool:
    """A name of several words whose words say it is a thing (the caller checks that nothing in
    the document makes it a person's): led by an -ing form ("Unleashing American Energy") or a
    people's word ("Americans Advancing …"), ended by a thing's head noun ("Tony Awards"), or led
    by a common adjective or verb that is no given name and ended by a common word ("Scenic
    Trail", "Bronze Star"; "Rocky Bleier" ends in a name)."""
    toks = [t.strip(".,'’") for t in text.split()]
    first, last = toks[0], toks[-1]
    low = last.lower()
    if _gerund_led(text):
        return True
    if low in _THING_HEADS or _plural_thing(last):
        return True  # "Tony Awards", "Ebenezer Baptist Church": the head noun names a thing
    f = first.lower()
    if f in DEMONYMS or f.endswith("s") and f[:-1] in DEMONYMS:
        return True  # "Americans Advancing Justice", "Russian Energy": a people's word leads no one's name
    return (len(first) > 2 and first.isalpha() and first.lower() in english_words(("adj", "verb"))
            and not known_given_name(first) and last.isalpha() and not looks_like_given_name(last))


def entity_key_of(label: str, text: str) -> str:
    """Within-document key for organisations and places (aliases folded: "U.S." = "United States")."""
    low = fold(text)
    if label == "Place":
        canon = PLACE_ALIASES.get(text.lower().strip()) or PLACE_ALIASES.get(low)
        return "place:" + fold(canon) if canon else "place:" + low
    canon = ORG_ALIASES.get(low) or ORG_ALIASES.get(text.lower().strip())
    return "org:" + fold(canon) if canon else "org:" + low


def cluster_mentions(mentions: list[Mention], doc_text: str, headline_end: int = 0) -> list[LocalEntity]:
    """Group mentions into the document's entities; sets ``Mention.entity``.

    Persons: full names first (variants that agree join); then a bare surname joins the one full
    name it fits, a bare given name the one person it fits; an ambiguous bare name joins nothing.
    """
    lower_words = frozenset(re.findall(r"\b[a-z][a-z'-]+\b", doc_text))
    mentions = _relabel(_split_hyphen_pairs(mentions), lower_words)
    mentions.sort(key=lambda m: (m.char, m.start))
    entities: list[LocalEntity] = []
    by_key: dict[str, LocalEntity] = {}
    persons: list[tuple[LocalEntity, str]] = []  # (entity, best full name)

    def new_entity(label: str, name: str, sent: int) -> LocalEntity:
        e = LocalEntity(key=f"e{len(entities)}", type=label, name=name, first_sent=sent)
        entities.append(e)
        return e

    heads_of: dict[str, set[str]] = {}  # entity → the title heads of its mentions so far

    def attach(m: Mention, e: LocalEntity) -> None:
        m.entity = e.key
        e.mentions += 1
        if m.title is not None and m.title.title:
            heads_of.setdefault(e.key, set()).update(_title_heads(m.title.title))
        if m.text not in e.forms:
            e.forms.append(m.text)
        if m.raw != m.text and m.raw not in e.titled_forms:
            e.titled_forms.append(m.raw)

    # "KC Becker" after "Kathleen “KC” Becker": the name she goes by
    nicknamed = {f"{ev[5:]} {m.text.split()[-1]}": m.text for m in mentions if m.label == "Person"
                 for ev in m.evidence if ev.startswith("nick:")}
    # persons with two or more name tokens
    for m in (m for m in mentions if m.label == "Person" and len(m.text.split()) > 1):
        match = next((e for e, full in persons if person_compatible(full, m.text)), None)
        if match is None and m.text in nicknamed:
            match = next((e for e, full in persons if full == nicknamed[m.text]), None)
        if match is None:
            match = new_entity("Person", m.text, m.sent)
            persons.append((match, m.text))
        elif len(m.text.split()) > len(match.name.split()) and "." not in m.text:
            match.name = m.text
        attach(m, match)
    # bare names
    for m in (m for m in mentions if m.label == "Person" and len(m.text.split()) == 1):
        key = translit(m.text)
        # ("King Salman" is not "Khalid bin Salman": the word after "bin" names the father)
        cands = [e for e, full in persons if translit(split_person(full)[1]) == key
                 and not re.search(r"\S\s+(?:bin|bint|ibn|Bin|Ibn|ben)\s+\S+$", full)]  # (not "Ben Cardin")
        if not cands and (not _addressed(m, doc_text) or m.title is not None and m.title.title):
            # (a bare given name that calls on someone, "Go ahead, Chris.", names a reporter, not
            # the senator of that first name the briefing also mentions; a titled one, "good to see
            # you, Sheikh Mohamed", greets the guest)
            cands = [e for e, full in persons if split_person(full)[0] and translit(split_person(full)[0][0]) == key]
        mine = _title_heads(m.title.title) if m.title is not None and m.title.title else (
            _title_heads(m.raw) if m.ner == "TURN" or m.raw != m.text else set())  # a speaker label's words are its title
        if len(cands) > 1 and mine:
            # "VICE PRESIDENT HARRIS:" after "Vice President Harris" and an untitled "Kamala Harris":
            # the one whose mentions share the title
            fitting = [e for e in cands if mine & heads_of.get(e.key, set())]
            if not fitting and mine == {"dr"}:
                # "will host President Biden and Dr. Biden" after "President Joe Biden and First Lady
                # Jill Biden": the doctor is the one of them who holds no head of government's office
                fitting = [e for e in cands if not heads_of.get(e.key, set()) & _SPOUSE_OFFICES]
            cands = fitting if len(fitting) == 1 else cands
        if len(cands) > 1:
            # "Dr. Biden and Mrs. Ruto" beside President William Ruto and Rachel Ruto: the courtesy
            # title's sex picks the one whose first name nearly always has it
            before = doc_text[max(0, m.char - 8):m.char].lower()
            want = "f" if re.search(r"\b(?:mrs|ms|miss|madam|madame)\.?\s*$", before) else \
                "m" if re.search(r"\bmr\.?\s*$", before) else None
            if want:
                fitting = [e for e in cands if any(given_name_gender(full.split()[0]) == want
                                                   for x, full in persons if x is e and " " in full)]
                cands = fitting if len(fitting) == 1 else cands
        if len(cands) == 1 and mine and m.ner != "TURN" and _title_conflict(m, cands[0], mentions, headline_end, mine):
            # "President Biden" in a speech that names only "Dr. Jill Biden" in full is not her (nor
            # is "First Lady Biden" the "President Biden" the headline named first)
            e = next((e for e, full in persons if full == m.text and e is not cands[0]), None) \
                or new_entity("Person", m.text, m.sent)
            cands = []
            if (e, m.text) not in persons:
                persons.append((e, m.text))
            attach(m, e)
            continue
        if len(cands) == 1:
            attach(m, cands[0])
        elif not cands:
            e = next((e for e, full in persons if translit(full) == key), None)
            if e is None:
                e = new_entity("Person", m.text, m.sent)
                persons.append((e, m.text))
            attach(m, e)
        elif mine and m.title is not None:
            # "President Biden" in a text naming Joe and Hunter Biden, neither titled there: a titled
            # person of its own here, whom resolution reads by the title across the corpus
            e = next((e for e, full in persons if full == m.text), None)
            if e is None:
                e = new_entity("Person", m.text, m.sent)
                persons.append((e, m.text))
            attach(m, e)
        # else: ambiguous bare name ("Sullivan" with two Sullivans): attached to nobody
    # organisations and places
    for m in (m for m in mentions if m.label != "Person"):
        key = entity_key_of(m.label, m.text)
        e = by_key.get(key)
        if e is None:
            e = new_entity(m.label, m.text, m.sent)
            by_key[key] = e
        attach(m, e)
    _link_acronyms(entities, doc_text, mentions)
    for e in entities:  # "Paul, Weiss, Rifkind, Wharton & Garrison LLP (Paul Weiss)": the firm, not a person
        if e.type == "Person" and (" " in e.name or not any(
                m.title or m.evidence & PERSON_EVIDENCE - {"pronoun"} for m in mentions if m.entity == e.key)) \
                and _firm_named(e.name, doc_text):
            # (a lone surname only when nothing but a pronoun near it says it is a person's: "Jeffers,
            # Danielson, Sonn & Aylward, P.S." names no Danielson, but "Senator Smith" stays beside
            # "Smith & Jones LLC")
            e.type = "Organization"
            for m in mentions:
                if m.entity == e.key:
                    m.label = "Organization"
    person_names = {m.text for m in mentions if m.label == "Person" and " " in m.text}
    for e in entities:
        if e.type == "Person":
            # a "title" holding another person's name is a list the parse ran together
            e.titles = sorted({m.title.title for m in mentions if m.entity == e.key and m.title and m.title.title
                               and not any(n in m.title.title for n in person_names)})
            e.evidence = sorted({x for m in mentions if m.entity == e.key for x in m.evidence & PERSON_EVIDENCE})
            if " " not in e.name and e.name.isalpha() and e.name.lower() in english_words(("adj", "verb")) \
                    and not known_given_name(e.name):
                # "Ambassador Extraordinary": a common word as a whole name; resolution keeps it only
                # when the corpus gives someone that surname with a given name ("Todd Young")
                e.evidence.append("common-word")
            elif _common_words_only(e.name) and "honorific" not in e.evidence:
                # "Director of White House Gender Policy", "Empire Wind", "Homeland Security": a name
                # made of common words and led by no one's first name is a thing's; resolution keeps it
                # only beside a real name
                e.evidence.append("common-word")
            elif _word_tail(e.name) and not set(e.evidence) & PERSON_EVIDENCE:
                # "Bagram Airfield", "Xcel Energy": led by no first name and ending in a common word;
                # resolution decides, by whether the corpus gives anyone that word as a surname
                e.evidence.append("word-tail")
            mine = [m for m in mentions if m.entity == e.key]
            if mine and all("at-place" in m.evidence for m in mine) and not set(e.evidence) & PERSON_EVIDENCE:
                # only ever where something happens ("at Walter Reed"): resolution decides, with the corpus
                e.evidence.append("at-place")
            if " " not in e.name and mine and all(_addressed(m, doc_text) for m in mine) and known_given_name(e.name):
                # "Go ahead, George.": a given name calling on someone, which resolution joins to no
                # one of that surname elsewhere
                e.evidence.append("addressed")
    return [e for e in entities if e.mentions > 0]


_ADDRESS_BEFORE = re.compile(r"(?i)(?:go ahead|thanks|thank you|yes|okay|ok|sure|please|hi|hello|and)[,.]?\s*$")


_FIRM_SUFFIX = r"(?:LLP|LLC|PLLC|L\.L\.P\.|Inc\.?|Corp\.?|Corporation|Ltd\.?|P\.C\.|P\.A\.|P\.S\.|S\.C\.|L\.P\.A\.|& Co\.?)"


def _firm_named(name: str, text: str) -> bool:
    """Whether the text names a firm whose name starts with these surnames ("Paul, Weiss, …
    LLP", "Smith & Jones LLC"): a law or accounting firm named after its partners."""
    words = [re.escape(w) for w in name.split()]
    # the partners' names run together by commas ("Paul, Weiss, Rifkind, … LLP"), or the name is
    # the whole firm's ("Burr Forman, LLP", "Calfee Halter & Griswold LLP"); not "Ann Lee, Acme Inc."
    if re.search(rf"\s{_FIRM_SUFFIX}$", name):
        return True  # "Zehnder LLP": NER took the suffix in
    listed = r",\s+".join(words) + rf"(?:,\s+(?:&\s+)?[A-Z][\w'’.-]*|\s+(?:&|and)\s+[A-Z][\w'’.-]*){{0,5}},?\s+{_FIRM_SUFFIX}"
    # (more partners may follow: "Boyd Hollander Goldberg Urias & Ward, P.A.", "Scheer and Zehnder LLP")
    whole = r"\s+".join(words) + rf"(?:\s+[A-Z][\w'’-]*){{0,4}}(?:\s+(?:&|and)\s+[A-Z][\w'’.-]*)?,?\s+{_FIRM_SUFFIX}"
    return re.search(rf"\b(?:{listed}|{whole})", text) is not None


def _addressed(m: Mention, text: str) -> bool:
    """Whether a bare first name is a form of address: "Go ahead, Chris.", "Thanks, Chris", "Chris, go ahead",
    "Well, Chris, you know"."""
    before = text[max(0, m.char - 20):m.char]
    after = text[m.char + len(m.text):m.char + len(m.text) + 14]
    # ("Go ahead, Kelly O.": a reporter told from another by the initial of her surname; "Well,
    # Kelly, you know …": a name set off by commas in the middle of a turn)
    return bool(_ADDRESS_BEFORE.search(before)) and bool(re.match(r"^(?:\s+[A-Z]\.|\s*[.?!,])", after)) or \
        bool(re.match(r"(?i)^\s*,\s*go ahead", after)) or \
        bool(re.search(r"\w[,]\s+$", before)) and bool(re.match(r"^,\s+(?!(?:a|an|the|who|whose)\b)[a-z]", after))


def _title_heads(title: str) -> set[str]:
    return {w for w in fold(title).replace(".", "").split() if w in TITLE_HEADS or w in ("dr", "lady", "gentleman")}


_SPOUSE_OFFICES = frozenset("president governor mayor minister senator".split())


_STYLES = frozenset("sheikh sheikha sir dame prince princess".split())  # (not "lady": the First Lady)


def _title_conflict(m: Mention, e: LocalEntity, mentions: list[Mention], headline_end: int,
                    mine: set[str]) -> bool:
    """Whether a titled bare surname cannot be this full-name person of the document: the titles
    the document gives that person share no head with the mention's ("President" vs "First Lady",
    "Dr." vs "President")."""
    theirs = set()
    own = set()  # the offices themselves, not whose they serve ("Advisor to the Vice President")
    first = None
    for o in mentions:
        if o.entity == e.key:
            first = o.char if first is None else min(first, o.char)
            if o.title and o.title.title:
                theirs |= _title_heads(o.title.title)
                own |= _title_heads(re.split(r"\s(?:to|for|of)\s", o.title.title)[0])
    if mine and mine <= _STYLES:
        return False  # "Sheikh Mohamed", "Prince Mohammed": a style of address that any office-holder may carry
    if mine == {"dr"}:
        # a doctor may hold any post ("Surgeon General Murthy" is "Dr. Murthy"), but "Dr. Roe" beside
        # "President Roe" is the spouse: a head of government or state is not called Dr. there
        return bool(own & _SPOUSE_OFFICES)
    if theirs:
        return not mine & theirs
    # the full name comes later and untitled: "Remarks by President Roe …" then "… Ann Roe, my wife":
    # a titled surname in the headline is the headline's person, not a namesake the body names
    return first is not None and m.char < min(first, headline_end)


def _link_acronyms(entities: list[LocalEntity], doc_text: str, mentions: list[Mention]) -> None:
    """"Commonwealth of Independent States (CIS)" and a later "CIS" are one organisation."""
    orgs = [e for e in entities if e.type == "Organization"]
    by_acr: dict[str, LocalEntity] = {}
    for e in orgs:
        if len(e.name.split()) > 1:
            acr = acronym_of(e.name)
            if len(acr) >= 2:
                by_acr.setdefault(acr, e)
    for e in orgs:
        if e.name.isupper() and e.name in by_acr and by_acr[e.name] is not e:
            target = by_acr[e.name]
            for m in mentions:
                if m.entity == e.key:
                    m.entity = target.key
            target.forms += [f for f in e.forms if f not in target.forms]
            target.mentions += e.mentions
            e.mentions = 0
