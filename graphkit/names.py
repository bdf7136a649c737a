"""Name keys and comparisons shared by within- and across-document resolution.

Transliteration variants ("Sergei"/"Sergey", "Yury"/"Yuriy", "Aleksandr"/"Alexander",
"Gorbatchev"/"Gorbachev") fold to close keys; given names are compared with rapidfuzz.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz.distance import Levenshtein
from rapidfuzz.fuzz import ratio
from unidecode import unidecode

__all__ = ["fold", "translit", "split_person", "given_compatible", "person_compatible", "slug",
           "acronym_of", "clean_surface"]

_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


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


def _given_match(a: str, b: str) -> bool:
    fa, fb = fold(a).rstrip("."), fold(b).rstrip(".")
    if not fa or not fb:
        return True
    if len(fa) == 1 or len(fb) == 1:  # an initial
        return fa[0] == fb[0]
    ta, tb = translit(fa), translit(fb)
    return ta == tb or (ta[0] == tb[0] and ratio(ta, tb) >= 80)


def given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Given names agree: one side missing, equal up to transliteration, or an initial."""
    if not a or not b:
        return True
    if _given_match(a[0], b[0]):
        return True
    # "Surya Alexander Lavrentiev" vs "Alexander Lavrentiev": a given name of one is the other's first
    return any(_given_match(x, b[0]) for x in a[1:]) or any(_given_match(a[0], y) for y in b[1:])


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
    return surname_compatible(sa, sb, same_given) and given_compatible(ga, gb)


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
    return t.strip(" ,.;:-–—\"“”‘’'()")
