"""General-knowledge word lists the extractors share: titles, honorifics, event and speech words,
countries with their demonyms and capitals. No names of particular people or events."""
from __future__ import annotations

from functools import lru_cache

__all__ = [
    "english_words",
    "TITLE_HEADS",
    "RELATION_NOUNS",
    "TITLE_MODIFIERS",
    "HONORIFICS",
    "SPEECH_VERBS",
    "EVENT_NOUNS",
    "EVENT_VERBS",
    "VENUE_WORDS",
    "COUNTRIES",
    "DEMONYMS",
    "CAPITALS",
    "PLACE_ALIASES",
    "ORG_ALIASES",
    "PLATFORMS",
    "PRESS_AUDIENCES",
    "SPOKES_TITLES",
    "country_of",
]

# Head nouns of job titles and positions ("Deputy Foreign Minister", "press secretary").
TITLE_HEADS = frozenset("""
president vice-president premier minister secretary spokesman spokeswoman spokesperson
ambassador envoy adviser advisor director chief head chairman chairwoman chairperson chair
commissioner governor senator congressman congresswoman representative leader assistant aide
chancellor king queen prince princess emperor monarch sheikh emir pope cardinal archbishop bishop taoiseach tanaiste
mayor deputy undersecretary under-secretary general admiral colonel commander officer official
diplomat negotiator professor researcher analyst economist scientist expert fellow investor
consultant editor correspondent journalist reporter columnist anchor attorney lawyer judge justice
prosecutor sheriff ceo cfo coo founder co-founder executive manager administrator coordinator
counselor counsellor attaché attache consul delegate member speaker whip strategist gentleman lady coach
lieutenant captain major sergeant corporal cadet midshipman airman amir marshal commandant dean rector provost lecturer historian
treasurer clerk
""".split())

# Words that may stand inside a title before its head ("Deputy Director General", "Foreign").
TITLE_MODIFIERS = frozenset("""
deputy vice acting interim senior junior first second principal assistant associate executive
foreign defense defence interior finance justice health trade economy energy state security
national press chief special general prime federal top high supreme former incoming outgoing
permanent political military presidential ministerial foreign-affairs affairs under pro tempore
crown royal emeritus emerita distinguished
""".split())

# Courtesy titles and ranks that are never part of a name ("Col. Gen.", "Mr.", "Dr.").
HONORIFICS = frozenset("""
mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady hon hon. rev rev. fr fr.
gen gen. col col. lt lt. maj maj. capt capt. sgt sgt. adm adm. cmdr cmdr. gov gov. sen sen.
rep rep. amb amb. pres pres. sec sec. st. rabbi imam pastor reverend madam madame
majesty highness excellency holiness eminence
""".split())

# Lemmas of verbs that introduce reported speech.
SPEECH_VERBS = frozenset("""
say tell add stress note announce declare state explain warn insist argue claim recall assert
emphasize emphasise comment remark reply respond answer confirm deny acknowledge admit suggest
write tweet post continue conclude urge caution observe point agree describe call
lament vow pledge promise quip joke boast proclaim predict concede complain muse
""".split())

# Nouns naming an event, with the kind each maps to.
EVENT_NOUNS = {
    "meeting": "Meeting", "meetings": "Meeting", "encounter": "Meeting", "sidelines": "Meeting",
    "summit": "Summit", "summits": "Summit",
    "talks": "Talks", "talk": "Talks", "negotiations": "Talks", "consultations": "Talks",
    "conversation": "Call", "call": "Call", "videoconference": "Call",
    "video-conference": "Call",
    "visit": "Visit", "trip": "Visit", "tour": "Visit",
    "conference": "PressConference", "briefing": "PressConference", "gaggle": "PressConference",
    "interview": "PressConference",
    "dialogue": "Talks", "session": "Meeting", "forum": "Meeting", "ceremony": "Other",
    "roundtable": "Meeting", "roundtables": "Meeting", "convening": "Meeting", "bilateral": "Meeting",
}

# Verb lemmas naming an event, with its kind.
EVENT_VERBS = {
    "meet": "Meeting", "encounter": "Meeting", "confer": "Meeting", "host": "Meeting",
    "receive": "Meeting", "welcome": "Meeting", "greet": "Meeting",
    "talk": "Talks", "negotiate": "Talks", "discuss": "Talks",
    "call": "Call", "phone": "Call", "telephone": "Call",
    "visit": "Visit", "travel": "Visit", "tour": "Visit",
    "speak": "Call", "consult": "Talks", "debrief": "Talks", "brief": "PressConference",
}

# Audiences that make "told/briefed/spoke to X" a press event of the speaker.
PRESS_AUDIENCES = frozenset("reporters journalists press media correspondents newsmen".split())

# Words that make a named thing a venue (a Place), not an organisation.
VENUE_WORDS = frozenset("""
villa palace hotel castle chateau château mansion manor stadium arena airport cathedral abbey
square fortress residence lodge embassy-compound
""".split())

# Head words of buildings and grounds an organisation's name may also name ("the White House",
# "the Oval Office", "Northern Arizona University"): after "in", "at" or "to" they are places.
BUILDING_WORDS = VENUE_WORDS | frozenset("""
house office room hall center centre university college school hospital library museum capitol
lawn garden base academy institute
""".split())

# Titles that mean "speaks for": a bare "the spokesman" resolves to whoever holds one.
SPOKES_TITLES = frozenset("spokesman spokeswoman spokesperson press-secretary secretary".split())

# Country, other names, demonyms, capital. General knowledge, kept short and common.
_COUNTRY_TABLE = """
United States|US;U.S.;USA;U.S.A.;America;United States of America|American;US;U.S.|Washington
Russia|Russian Federation|Russian|Moscow
China|People's Republic of China;PRC|Chinese|Beijing
United Kingdom|UK;U.K.;Britain;Great Britain|British|London
France|French Republic|French|Paris
Germany|Federal Republic of Germany|German|Berlin
Italy||Italian|Rome
Spain||Spanish|Madrid
Portugal||Portuguese|Lisbon
Netherlands|Holland|Dutch|Amsterdam
Belgium||Belgian|Brussels
Switzerland||Swiss|Bern
Austria||Austrian|Vienna
Poland||Polish|Warsaw
Ukraine||Ukrainian|Kyiv;Kiev
Belarus||Belarusian;Belarussian|Minsk
Moldova||Moldovan|Chisinau
Georgia||Georgian|Tbilisi
Armenia||Armenian|Yerevan
Azerbaijan||Azerbaijani|Baku
Kazakhstan||Kazakh|Astana;Nur-Sultan
Uzbekistan||Uzbek|Tashkent
Turkey|Türkiye|Turkish|Ankara
Greece||Greek|Athens
Sweden||Swedish|Stockholm
Norway||Norwegian|Oslo
Denmark||Danish|Copenhagen
Finland||Finnish|Helsinki
Iceland||Icelandic|Reykjavik
Estonia||Estonian|Tallinn
Latvia||Latvian|Riga
Lithuania||Lithuanian|Vilnius
Czech Republic|Czechia|Czech|Prague
Slovakia||Slovak|Bratislava
Hungary||Hungarian|Budapest
Romania||Romanian|Bucharest
Bulgaria||Bulgarian|Sofia
Serbia||Serbian|Belgrade
Croatia||Croatian|Zagreb
Ireland||Irish|Dublin
Canada||Canadian|Ottawa
Mexico||Mexican|Mexico City
Brazil||Brazilian|Brasilia
Argentina||Argentine;Argentinian|Buenos Aires
Venezuela||Venezuelan|Caracas
Cuba||Cuban|Havana
Colombia||Colombian|Bogota
Chile||Chilean|Santiago
Japan||Japanese|Tokyo
South Korea|Republic of Korea;Korea|South Korean;Korean|Seoul
North Korea|DPRK|North Korean|Pyongyang
India||Indian|New Delhi
Pakistan||Pakistani|Islamabad
Afghanistan||Afghan|Kabul
Iran||Iranian|Tehran
Iraq||Iraqi|Baghdad
Syria||Syrian|Damascus
Israel||Israeli|Jerusalem
Palestine||Palestinian|Ramallah
Lebanon||Lebanese|Beirut
Jordan||Jordanian|Amman
Saudi Arabia||Saudi|Riyadh
United Arab Emirates|UAE|Emirati|Abu Dhabi
Qatar||Qatari|Doha
Egypt||Egyptian|Cairo
Libya||Libyan|Tripoli
Tunisia||Tunisian|Tunis
Algeria||Algerian|Algiers
Morocco||Moroccan|Rabat
Nigeria||Nigerian|Abuja
Senegal||Senegalese|Dakar
Kenya||Kenyan|Nairobi
Ethiopia||Ethiopian|Addis Ababa
South Africa||South African|Pretoria
Australia||Australian|Canberra
New Zealand||New Zealander|Wellington
Indonesia||Indonesian|Jakarta
Vietnam|Viet Nam|Vietnamese|Hanoi
Thailand||Thai|Bangkok
Philippines||Filipino;Philippine|Manila
Malaysia||Malaysian|Kuala Lumpur
Singapore||Singaporean|Singapore
Taiwan||Taiwanese|Taipei
Mongolia||Mongolian|Ulaanbaatar
Soviet Union|USSR;U.S.S.R.|Soviet|Moscow
"""


def _parse_countries():
    countries: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for line in _COUNTRY_TABLE.strip().splitlines():
        name, aliases, dems, caps = line.split("|")
        countries[name.lower()] = name
        for a in filter(None, aliases.split(";")):
            countries[a.lower()] = name
        for d in filter(None, dems.split(";")):
            demonyms[d.lower()] = name
        for c in filter(None, caps.split(";")):
            capitals[c.lower()] = name
    return countries, demonyms, capitals


#: lower-cased country name or alias → canonical country name
COUNTRIES, DEMONYMS, CAPITALS = _parse_countries()

#: place surface forms that name the same place (lower-cased) → canonical form
PLACE_ALIASES = {k: v for k, v in COUNTRIES.items()}
PLACE_ALIASES.update({"kiev": "Kyiv", "kyiv": "Kyiv", "st. petersburg": "Saint Petersburg",
                      "st petersburg": "Saint Petersburg", "saint-petersburg": "Saint Petersburg"})

#: organisation surface forms with a common other name (lower-cased) → canonical form
#: services and platforms that NER sometimes takes for people ("said on Twitter")
PLATFORMS = frozenset("twitter facebook instagram telegram youtube tiktok linkedin whatsapp weibo wechat vkontakte".split())

ORG_ALIASES = {
    "kremlin": "Kremlin",
    "u.n.": "UN", "united nations": "United Nations",
    "e.u.": "EU", "european union": "European Union",
    "nato": "NATO", "north atlantic treaty organization": "NATO",
    "state department": "State Department", "department of state": "State Department",
    "u.s. state department": "State Department", "us state department": "State Department",
}


def country_of(word: str) -> str | None:
    """The country a name, alias or demonym refers to ("Russian" → "Russia"), else None."""
    w = word.lower().strip().removesuffix("'s").removesuffix("’s")
    return COUNTRIES.get(w) or DEMONYMS.get(w)

# kin and friends: "Tom Roe's daughter", "the wife of X" name someone by another person
RELATION_NOUNS = frozenset("son sons daughter daughters wife husband spouse brother sister father mother parents "
                           "grandson granddaughter grandfather grandmother uncle aunt nephew niece cousin friend "
                           "friends colleague colleagues buddy pal widow widower mom mum dad family families "
                           "relatives".split())


@lru_cache(maxsize=8)  # one entry per word-class tuple asked for: a handful
def english_words(parts: tuple[str, ...] = ("noun", "adj", "verb")) -> frozenset[str]:
    """English nouns, adjectives and verbs: the word lists of the pipeline's own lemmatizer. (Its
    nouns include famous people, "putin"; its adjectives and verbs are common words only.)"""
    from ..nlp import load_nlp

    try:
        index = load_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (KeyError, ValueError):
        return frozenset()
    return frozenset(w for pos in parts if pos in index for w in index[pos])

# feasts and observances NER now and then takes for a person ("by Easter")
HOLIDAYS = frozenset("easter christmas thanksgiving hanukkah chanukah passover ramadan eid diwali kwanzaa halloween "
                     "juneteenth lent advent purim navruz nowruz".split())
