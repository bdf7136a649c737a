"""Name keys and comparisons shared by within- and across-document resolution.

Transliteration variants ("Sergei"/"Sergey", "Yury"/"Yuriy", "Aleksandr"/"Alexander",
"Gorbatchev"/"Gorbachev") fold to close keys; given names are compared with rapidfuzz, and
nicknames ("Joe"/"Joseph", "Chuck"/"Charles") through the maintained ``nicknames`` dataset.
Generational suffixes and middle initials are parts of one name: "Joseph R. Biden, Jr." is
(given "Joseph", middle "R", surname "Biden", suffix "jr").
"""
from __future__ import annotations

import importlib.metadata
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from rapidfuzz.distance import Levenshtein
from rapidfuzz.fuzz import ratio
from unidecode import unidecode

__all__ = ["fold", "translit", "split_person", "given_name_gender", "given_compatible", "person_compatible", "slug",
           "acronym_of", "clean_surface", "PersonName", "parse_person", "is_initial", "nickname_of",
           "given_keys", "full_names_compatible", "canonical_person_name", "known_given_name",
           "attested_given_name", "plural_title"]

_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "v"}
_FEMININE = {"a", "ia", "ina", "ine", "ette", "elle"}  # endings that make another given name of one


@lru_cache(maxsize=262144)
def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form: "the Kremlin’s" → "kremlin"."""
    t = unicodedata.normalize("NFKC", text).replace("’", "'")
    t = re.sub(r"'s\b|'$", "", t)
    t = unidecode(t).lower()
    t = re.sub(r"[^\w\s]", " ", t)
    t = re.sub(r"\s+", " ", t).strip()
    return re.sub(r"^the ", "", t)


@lru_cache(maxsize=65536)
def translit(word: str) -> str:
    """A key under which common Latin spellings of one Cyrillic (or other) name agree."""
    w = fold(word).replace(" ", "")
    for a, b in (("ks", "x"), ("tch", "ch"), ("ph", "f"), ("th", "t"), ("ck", "k"), ("y", "i"),
                 ("j", "i"), ("w", "v")):
        w = w.replace(a, b)
    w = re.sub(r"(.)\1+", r"\1", w)
    return w


@lru_cache(maxsize=65536)
def split_person(name: str) -> tuple[tuple[str, ...], str]:
    """(given names, surname) of a person name; initials keep their letter ("J.")."""
    toks = [t for t in re.split(r"\s+", name.strip()) if t]
    toks = [t for t in toks if fold(t) not in _SUFFIXES] or toks
    if not toks:
        return (), ""
    return tuple(toks[:-1]), toks[-1]


def is_initial(token: str) -> bool:
    """"R." or "J" (one letter), "J.R." (letters with dots): an initial, not a given name."""
    t = token.strip(",")
    return bool(re.fullmatch(r"(?:[A-Za-z]\.)+|[A-Za-z]", t))


class PersonName(tuple):
    """(given, middles, surname, suffix) of a person name, every part as written (suffix folded)."""

    __slots__ = ()

    def __new__(cls, given: str, middles: tuple[str, ...], surname: str, suffix: str):
        return super().__new__(cls, (given, middles, surname, suffix))

    given = property(lambda self: self[0])
    middles = property(lambda self: self[1])
    surname = property(lambda self: self[2])
    suffix = property(lambda self: self[3])


def plural_title(token: str) -> str | None:
    """"Presidents" in "Presidents Biden" (two people named with one plural title): the title."""
    from .extract.lexicon import TITLE_HEADS  # a word list with no imports of its own

    w = fold(token)
    if w in ("doctors", "drs"):
        return "dr"  # "Doctors Fauci and Walensky": the honorific, plural
    if w.endswith("ies") and w[:-3] + "y" in TITLE_HEADS:
        return w[:-3] + "y"  # "Secretaries Wright, McMahon and Rollins"
    return w[:-1] if w.endswith("s") and w[:-1] in TITLE_HEADS else None


def _regnal(token: str) -> bool:
    """"XIII" in "Alfonso XIII": an upper-case Roman numeral, never a surname."""
    return len(token) > 1 and token.isupper() and bool(re.fullmatch(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})", token))


@lru_cache(maxsize=262144)
def parse_person(name: str) -> PersonName:
    """"Joseph R. Biden, Jr." → ("Joseph", ("R.",), "Biden", "jr"); "Biden" → ("", (), "Biden", "")."""
    toks = [t.strip(",") for t in re.split(r"\s+", name.strip()) if t.strip(",")]
    suffix = ""
    while len(toks) > 1 and (fold(toks[-1]) in _SUFFIXES or _regnal(toks[-1])):
        suffix = suffix or fold(toks[-1])
        toks.pop()
    if not toks:
        return PersonName("", (), "", suffix)
    if len(toks) == 1:
        return PersonName("", (), toks[0], suffix)
    return PersonName(toks[0], tuple(toks[1:-1]), toks[-1], suffix)


@lru_cache(maxsize=1)
def _nicknamer():
    from nicknames import NickNamer

    return NickNamer()


@lru_cache(maxsize=65536)
def _nick_keys(given: str) -> frozenset[str]:
    """The given name and every name the dataset relates it to (canonical or nickname), as keys."""
    g = fold(given)
    nn = _nicknamer()
    return frozenset(translit(x) for x in {g} | nn.canonicals_of(g) | nn.nicknames_of(g))


def nickname_of(a: str, b: str) -> bool:
    """One given name is a nickname of the other in the dataset ("Joe"/"Joseph", "Chuck"/"Charles")."""
    return translit(b) in _nick_keys(a) or translit(a) in _nick_keys(b)


def given_keys(given: str) -> frozenset[str]:
    """Index keys under which any compatible given name is found: the first letter (initials,
    close spellings) and the names related by the nickname dataset ("Bill" finds "William")."""
    g = fold(given).rstrip(".")
    return frozenset({g[:1]} | {k[:1] for k in _nick_keys(g)}) if g else frozenset()


@lru_cache(maxsize=65536)
def known_given_name(word: str) -> bool:
    """The nickname dataset lists ``word`` as an (English) given name."""
    nn = _nicknamer()
    w = fold(word)
    return bool(nn.canonicals_of(w) or nn.nicknames_of(w))


#: a name ``nomquamgender``'s table has seen this many times as a first name is one; below it are
#: the table's stray words ("empire": 2 observations, "health": 3, "prime": 41)
GIVEN_NAME_OBSERVATIONS = 100


@lru_cache(maxsize=1)
def _given_name_table() -> dict[str, float]:
    # nomquamgender (MIT) holds first names of many countries with how often each was observed,
    # compiled from some thirty name-gender sources: it knows "Fareed", "Girish" and "Atticus",
    # which the English nicknames dataset does not. Its module loads all 720,000 rows and pandas
    # on import, so the data file is scanned directly and only the common names are kept, each
    # with the share of its bearers who are women.
    try:
        path = importlib.metadata.distribution("nomquamgender").locate_file("nomquamgender/name_data.json")
        text = Path(str(path)).read_text(encoding="utf-8")
    except (importlib.metadata.PackageNotFoundError, OSError):
        return {}
    return {m[1]: float(m[3]) for m in re.finditer(r'"([^"\\]+)": \[\d+, (\d+), ([\d.]+)', text)
            if int(m[2]) >= GIVEN_NAME_OBSERVATIONS}


def given_name_gender(word: str) -> str | None:
    """"f" or "m" when nine in ten of those the name table has seen with first name ``word`` are
    women or men ("Nancy", "Mitch"); None for names borne by both ("Taylor") or unknown."""
    share = _given_name_table().get(fold(word))
    if share is None:
        return None
    return "f" if share >= 0.9 else "m" if share <= 0.1 else None


@lru_cache(maxsize=65536)
def attested_given_name(word: str) -> bool:
    """``word`` is a first name somewhere: the nicknames dataset, or a name-gender table of many
    countries, lists it."""
    return known_given_name(word) or fold(word) in _given_name_table()


def _given_match(a: str, b: str) -> bool:
    fa, fb = fold(a).rstrip("."), fold(b).rstrip(".")
    if not fa or not fb:
        return True
    if len(fa) == 1 or len(fb) == 1:  # an initial
        return fa[0] == fb[0]
    ta, tb = translit(fa), translit(fb)
    if ta == tb:
        return True
    short, long_ = sorted((fa, fb), key=len)
    if (long_.startswith(short) and long_[len(short):] in _FEMININE) or \
            (len(fa) == len(fb) and fa[:-1] == fb[:-1] and {fa[-1], fb[-1]} == {"a", "o"}):
        return False  # "Victor"/"Victoria", "Paul"/"Paula", "Mario"/"Maria": close spellings, two names
    if long_.startswith(short) and len(short) >= 4:
        return True  # "Amit" for "Amitabha", "Alex" for "Alexander": the short form of the name
    return nickname_of(fa, fb) or (ta[0] == tb[0] and ratio(ta, tb) >= 80)


def given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Given names agree: one side missing, equal up to transliteration, or an initial."""
    if not a or not b:
        return True
    if _given_match(a[0], b[0]):
        return True
    # "Surya Alexander Lavrentiev" vs "Alexander Lavrentiev": a given name of one is the other's first
    # (a spelt-out one: the "A." of "Michael A. Brown" is not the "Amos" of "Amos C. Brown")
    return any(_given_match(x, b[0]) for x in a[1:] if not is_initial(x)) \
        or any(_given_match(a[0], y) for y in b[1:] if not is_initial(y))


def surname_compatible(a: str, b: str, same_given: bool) -> bool:
    ka, kb = translit(a), translit(b)
    if ka == kb:
        return True
    # a one-letter slip ("Noland"/"Nuland") only when the full given names agree too
    return same_given and min(len(ka), len(kb)) >= 5 and Levenshtein.distance(ka, kb) <= 1


def person_compatible(a: str, b: str) -> bool:
    """Could names ``a`` and ``b`` denote the same person?"""
    ga, sa = split_person(a)
    gb, sb = split_person(b)
    same_given = bool(ga and gb) and len(fold(ga[0])) > 2 and translit(ga[0]) == translit(gb[0])
    if surname_compatible(sa, sb, same_given) and given_compatible(ga, gb):
        return True
    # "Mohamed bin Zayed" and "Mohamed bin Zayed Al Nahyan": a name of patronymics is the start of
    # the same name with its family name
    ta, tb = [translit(w) for w in a.split()], [translit(w) for w in b.split()]
    short, long_ = sorted((ta, tb), key=len)
    return len(short) >= 3 and long_[:len(short)] == short and any(w in _PATRONYMIC for w in short[1:-1])


_PATRONYMIC = frozenset({"bin", "ibn", "bint", "ben", "ould"})


def _initials(middles: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(fold(m)[:1] for m in middles if fold(m))


@lru_cache(maxsize=262144)
def full_names_compatible(a: str, b: str) -> bool:
    """Could full names ``a`` and ``b`` of one surname be one person? Given names agree (equal,
    transliterated, close, an initial, or nicknames); middle initials and suffixes, when both
    names have them, are the same ("George W. Bush" is not "George H. W. Bush", "Jr." not "Sr.")."""
    pa, pb = parse_person(a), parse_person(b)
    if pa.suffix and pb.suffix and pa.suffix != pb.suffix:
        return False
    ga = (pa.given,) + pa.middles if pa.given else ()
    gb = (pb.given,) + pb.middles if pb.given else ()
    if not given_compatible(ga, gb):
        return False
    if not (ga and gb) or not _given_match(pa.given, pb.given):
        return True  # "Surya Alexander Lavrentiev" / "Alexander Lavrentiev": middles are not comparable
    ia, ib = _initials(pa.middles), _initials(pb.middles)
    return not (ia and ib) or ia == ib


def canonical_person_name(forms: dict[str, int]) -> str:
    """The fullest common form of a person's names: among forms led by a given name (never an
    initial-led fragment like "R. Biden Jr", nor a plural title like "Senators Collins"), those
    named at least half as often as the most frequent, the one with the most parts, then
    letters; bare surnames only when nothing fuller exists."""
    def parts(f: str) -> int:
        p = parse_person(f)
        return (1 if p.given else 0) + len(p.middles) + 1 + (1 if p.suffix else 0)

    # (an initial before a spelt-out first name leads a whole name: "C. Kirabo Jackson")
    full = [f for f in forms if len(f.split()) > 1 and (not is_initial(f.split()[0]) or _initial_then_name(f))
            and not plural_title(f.split()[0])]
    # a form that is another full form with words before it is that name after a title's
    # leftovers ("Education Miguel Cardona"): a fuller name adds middle names, not a first word
    # (only when the shorter form is led by a given name: "López Obrador" and "Razdan Duggal" are the
    # ends of "Andrés Manuel López Obrador" and "Shefali Razdan Duggal", not names of their own)
    names = {f for f in full if known_given_name(f.split()[0])}
    full = [f for f in full if attested_given_name(f.split()[0]) or is_initial(f.split()[0])
            or not any(" ".join(f.split()[k:]) in names for k in range(1, len(f.split()) - 1))] or full
    # ("Howard A. Van Vranken" keeps its first name: "Van Vranken" is the surname, not a name in it)
    # nor one led by the person's own surname ("Trump Has", "Abinader Corona" beside "Luis Abinader")
    surnames = {translit(parse_person(f).surname) for f in full}
    full = [f for f in full if translit(parse_person(f).given) not in surnames] or full
    pool = full or [f for f in forms if not is_initial(f.split()[0])] or list(forms)
    top = max(forms[f] for f in pool)
    common = [f for f in pool if forms[f] * 2 >= top]
    # the formal given name of a nickname the texts use more ("Antony Blinken" beside "Tony Blinken",
    # the way a President addresses him), when it is named at least a quarter as often
    def formal_of(f: str, g: str) -> bool:
        pf, pg = parse_person(f), parse_person(g)
        a, b = fold(pf.given), fold(pg.given)
        return bool(a and b) and a != b and len(a) > len(b) and parts(f) == parts(g) \
            and translit(pf.surname) == translit(pg.surname) and (nickname_of(a, b) or a.endswith(b))
    # and the middle name an initial stands for ("Clara Lee Pratte" beside "Clara L. Pratte")
    def spelled_of(f: str, g: str) -> bool:
        pf, pg = parse_person(f), parse_person(g)
        return fold(pf.given) == fold(pg.given) != "" and translit(pf.surname) == translit(pg.surname) \
            and len(pf.middles) == len(pg.middles) > 0 and all(is_initial(b) and not is_initial(a) and
                                                               fold(a)[:1] == fold(b)[:1]
                                                               for a, b in zip(pf.middles, pg.middles))
    # and the first names before a name ("Howard A. Van Vranken" beside "Van Vranken"), or a middle
    # name within it ("Naomi King Biden" beside "Naomi Biden")
    def led_to(f: str, g: str) -> bool:
        fw, gw = f.split(), g.split()
        if len(fw) <= len(gw):
            return False
        return fw[-len(gw):] == gw and len(fw[0]) > 1 and not is_initial(fw[0]) and attested_given_name(fw[0]) or \
            len(gw) == 2 and fw[0] == gw[0] and fw[-1] == gw[-1] and not any(is_initial(w) for w in fw[1:-1])
    # and the middle initials the same name has ("John F. Roe, Ph.D., is …" atop a biography that
    # then says "John Roe")
    def initialed_of(f: str, g: str) -> bool:
        pf, pg = parse_person(f), parse_person(g)
        return fold(pf.given) == fold(pg.given) != "" and translit(pf.surname) == translit(pg.surname) \
            and pf.suffix == pg.suffix and not pg.middles and bool(pf.middles) and all(is_initial(m) for m in pf.middles)
    common += [f for f in pool if f not in common and forms[f] * 4 >= top
               and any(formal_of(f, g) or spelled_of(f, g) or led_to(f, g) or initialed_of(f, g) for g in common)]
    # then the longer spelling ("Antony" over "Tony", "Joseph" over "Joe"), then the more frequent
    return sorted(common, key=lambda f: (-parts(f), -len(f), -forms[f], f))[0]


def _initial_then_name(form: str) -> bool:
    """"C. Kirabo Jackson": an initial, then a first name and a surname (not "R. Biden Jr")."""
    p = parse_person(form)
    # (with its dot: a bare "Q" before a name is a transcript's question mark)
    return is_initial(p.given) and p.given.endswith(".") and bool(p.middles) and not is_initial(p.middles[0]) \
        and bool(p.surname)


def slug(text: str, limit: int = 60) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", unidecode(text).lower()).strip("-")
    return s[:limit].rstrip("-") or "x"


def acronym_of(name: str) -> str:
    """Initials of the capitalised words: "Commonwealth of Independent States" → "CIS"."""
    words = re.findall(r"[A-Za-z][\w'’-]*", name)
    return "".join(w[0] for w in words if w[0].isupper())


def clean_surface(text: str) -> str:
    """Whitespace-collapsed surface form with a trailing possessive removed."""
    t = re.sub(r"\s+", " ", text).strip()
    t = re.sub(r"\s*['’]s?$", "", t)
    out = t.strip(" ,.;:-–—\"“”‘’'()")
    if re.search(r"\b(?:Jr|Sr)\.[\s,;:)]*$", t) and out.endswith(("Jr", "Sr")):
        out += "."  # "Jr." keeps its full stop
    return out
