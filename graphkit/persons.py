"""Person resolution across documents, per surname block, each join logged with its evidence.

Full names cluster within their surname's block; then bare surnames, initials and title +
surname mentions join by corpus evidence that the merge log states.

Rules, in order (each join is logged with its rule and evidence):

1. ``full-name``: names led by a given name join within a surname block when every name of the
   one is compatible with every name of the other (given names equal, transliterated, close,
   an initial or a nickname; middle initials and suffixes agree when both have them).
2. ``surname-spelling``: a one-letter surname slip ("Noland"/"Nuland") with the same given name;
   ``pet-name``: a short given name the nicknames dataset lacks ("Bibi") joins the one person
   of that surname and initial holding the same sole office (president, prime minister …) in
   the same year, when no document names both;
   ``surname-led``: "Trump Has", "Donald J. Trump Declares" (a headline's words after a name)
   join the person they begin with, when alone under their last word and holding a title
   that person holds.
3. ``title-conflict``: a surname its own document gives an office ("Mayor Johnson") joins no one
   the corpus gives only another office near that date (the Senator Ron Johnson); when that leaves
   no one, the mentions of that surname and office are one person of their own
   (``office-and-surname``).
   ``same-document``: a bare, initial-led or titled surname joins the one person of that surname
   its own document names in full, unless a title it carries is held by someone else and not by
   that person; with several named there only a title can choose among them.
4. ``title``: "President Biden" joins the person of that surname who holds that title in the
   corpus's full-name mentions near that date, when one holds at least ``DOMINANT_SHARE`` of it.
5. ``only-person`` / ``dominant``: a bare or initial-led surname its document names no one in
   full under joins the one person the corpus names in full under that surname, or the one
   holding ``DOMINANT_SHARE`` of those mentions; an office or rank it carries ("Mayor Adams")
   rules out a person the corpus never gives one, and so do a short surname only spelt alike
   ("Jon" for "Hugo Yon") and a suffix the person's full names lack ("Homer, Jr.").
6. ``first-name``: "President Xi" joins "Xi Jinping" (family name first), "President Barack"
   joins "Barack Obama", when no one has that surname and the word is the first name of one
   person only and not a given name the nicknames dataset knows ("Mike" never joins anyone).
7. ``surname-only``: bare surnames nobody in the corpus has in full form one node per surname.

A bare given name ("Go ahead, Chris.") never joins anyone across documents: when it is no one's
surname and carries no title it is dropped, and rule 6 takes no given name the nicknames dataset
knows. Anything else is ambiguous and joins no one: it is left out of the graph and logged. Names
the corpus does not treat as a person's are left out too (``not-a-person``, see ``_not_people``),
as are the one-word names of a sentence that lists places (``_place_list_items``).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Callable, Iterable

from .extract.roles import title_heads_of
from .names import (attested_given_name, canonical_person_name, fold, full_names_compatible, given_compatible,
                    given_keys, is_initial, known_given_name, nickname_of, parse_person, plural_title, translit)
from .records import DocRecord, LocalEntity

__all__ = ["DOMINANT_SHARE", "PLACE_LIST", "TITLE_WINDOW_DAYS", "UNTITLED_DOCS", "PersonGroups", "group_persons"]

#: a person holding this share of a surname's full-name mentions (or of a title among its
#: holders) takes that surname's bare mentions; query.py resolves names by the same share
DOMINANT_SHARE = 0.8
#: a title held within this many days of a mention's publication counts as held "at that date"
TITLE_WINDOW_DAYS = 366
#: a bare name this many documents use, never once with a given name, title, role, quote or
#: encounter, is not a person ("Laughter", "Pfizer", "Tdap"). One: a single word NER calls a
#: person with nothing else to say so was a thing or a cut name in most of the cases we read
#: (docs/reading.md), and a real person named so is no node a user can tell from another
UNTITLED_DOCS = 1

Forbids = Callable[[Iterable[str], Iterable[str]], bool]  # also the type of a 'same' test


@dataclass
class PersonGroups:
    """Document-local persons grouped into real people, and the log of every corpus-level join."""

    groups: list[list[tuple[DocRecord, LocalEntity]]]
    log: list[dict]


@dataclass
class _Local:
    rec: DocRecord
    le: LocalEntity
    full: tuple[str, ...]          # forms led by a given name, with a surname
    short: tuple[str, ...]         # bare surnames and initial-led forms
    key: str                       # the surname block
    titles: frozenset[str]         # title keys (head nouns: "president", "secretary")
    day: int | None                # publication date as an ordinal
    evidence: bool | str           # titled, quoted, holding a role or meeting someone in its document;
                                   # "pronoun": only a personal pronoun near the name says so


@dataclass(eq=False)  # identity: a person is hashed and compared as itself
class _Person:
    key: str
    names: Counter = field(default_factory=Counter)       # full-name forms → documents
    members: list[_Local] = field(default_factory=list)
    full_docs: set[str] = field(default_factory=set)     # documents naming the person in full
    full_mentions: int = 0
    titles: dict[str, list[int | None]] = field(default_factory=lambda: defaultdict(list))
    labels: set[str] = field(default_factory=set)
    alive: bool = True
    order: int = 0                                        # creation order: the deterministic tie-break
    merged_into: "_Person | None" = None                 # set when another person absorbs this one
    forms: Counter = field(default_factory=Counter)      # as Entity.forms counts them, for the name
    _name: str | None = None

    def add(self, loc: _Local) -> None:
        self.members.append(loc)
        self.labels |= set(loc.le.forms) | {loc.le.name}
        self.forms.update({f: 1 for f in loc.le.forms})
        self.forms[loc.le.name] += loc.le.mentions
        self._name = None
        if loc.full:
            self.names.update(set(loc.full))
            self.full_docs.add(loc.rec.doc_id)
            self.full_mentions += max(loc.le.mentions, 1)
            for t in loc.titles:
                self.titles[t].append(loc.day)

    def absorb(self, other: "_Person") -> None:
        for loc in other.members:
            self.add(loc)
        other.members, other.alive, other.forms, other.merged_into = [], False, Counter(), self

    def name(self) -> str:
        if self._name is None:
            self._name = canonical_person_name(self.forms)
        return self._name


@lru_cache(maxsize=65536)
def _day(published: str | None) -> int | None:
    try:
        return date.fromisoformat(published[:10]).toordinal() if published else None
    except ValueError:
        return None


#: a title word before the head that makes it another office ("Lieutenant Governor" is not "Governor")
_LESSER_OFFICE = ("lieutenant", "vice", "deputy", "assistant", "under")


@lru_cache(maxsize=65536)
def _title_keys(title: str) -> frozenset[str]:
    heads = title_heads_of(title)
    if heads:
        words = fold(title).split()
        return frozenset(next((f"{w} {h}" for k, w in enumerate(words[:-1]) if w in _LESSER_OFFICE
                               and words[k + 1] == h), h) for h in heads)
    t = fold(title)
    return frozenset({t}) if 0 < len(t.split()) <= 3 else frozenset()


def _local(rec: DocRecord, le: LocalEntity, evidence: bool | str) -> _Local:
    titles: set[str] = set()
    for t in le.titles:
        titles |= _title_keys(t)
    if any(re.match(r"(?i)dr\.?\s", f) for f in le.titled_forms):
        titles.add("dr")  # "Dr. Biden" beside "President Biden": the corpus's Dr. of that surname

    def untitled(f: str) -> str:
        toks = f.split()
        if len(toks) > 1 and plural_title(toks[0]):
            titles.add(plural_title(toks[0]))
            return " ".join(toks[1:])
        return f

    forms = [untitled(f) for f in dict.fromkeys(list(le.forms) + [le.name])]
    primary = untitled(le.name)
    key = translit(parse_person(primary).surname)
    full, short = [], []
    for f in forms:
        p = parse_person(f)
        if translit(p.surname) != key:
            continue
        (full if p.given and not is_initial(p.given) else short).append(f)
    return _Local(rec=rec, le=le, full=tuple(sorted(set(full))), short=tuple(sorted(set(short))), key=key,
                  titles=frozenset(titles), day=_day(rec.published), evidence=evidence)


def _how_given(a: str, b: str) -> str:
    ga, gb = parse_person(a).given, parse_person(b).given
    if fold(ga) == fold(gb):
        return "same given name"
    if is_initial(ga) or is_initial(gb):
        return f"initial {ga} ~ {gb}"
    if nickname_of(ga, gb):
        return f"nickname {ga} ~ {gb} (nicknames dataset)"
    return f"spelling {ga} ~ {gb}"


class _Log:
    """Merge-log entries; the many bare mentions joined by one rule on one evidence are one entry."""

    def __init__(self) -> None:
        self.entries: list[dict] = []
        self._agg: dict[tuple, dict] = {}

    def add(self, rule: str, forms: Iterable[str], into: _Person | None, doc: str, reason: str,
            evidence: dict, agg_key: tuple = ()) -> None:
        forms = sorted(set(forms))
        k = (rule, tuple(forms), id(into), agg_key)
        entry = self._agg.get(k)
        if entry is None:
            entry = {"type": "Person", "rule": rule, "doc": doc, "docs": [], "reason": reason,
                     "evidence": evidence, "_into": into}
            entry["joined" if into is not None else "left_out"] = forms
            self._agg[k] = entry
            self.entries.append(entry)
        entry["docs"].append(doc)

    def finish(self) -> list[dict]:
        out = []
        for e in self.entries:
            into = e.pop("_into")
            if into is not None:
                while into.merged_into is not None:  # merged away later: named by the one it joined
                    into = into.merged_into
                e["into"] = into.name()
            e["docs"] = sorted(set(e["docs"]))
            out.append(e)
        return out


def group_persons(records: list[DocRecord], forbids: Forbids | None = None,
                  joins: Forbids | None = None) -> PersonGroups:
    """Group every document's persons into real people; deterministic for the same records.

    Work is per surname block, so time grows with the corpus and memory with its persons."""
    forbids = forbids or (lambda a, b: False)
    joins = joins or (lambda a, b: False)
    log = _Log()
    locals_ = _collect(records, log)
    blocks: dict[str, list[_Local]] = defaultdict(list)
    for loc in locals_:
        blocks[loc.key].append(loc)
    persons: list[_Person] = []
    block_persons: dict[str, list[_Person]] = {}
    for key in sorted(blocks):
        block_persons[key] = _cluster_full_names(key, [x for x in blocks[key] if x.full], forbids, persons, log)
    _merge_surname_slips(block_persons, forbids, log)
    _join_pet_names(block_persons, forbids, log)
    _join_surname_led(block_persons, forbids, log)
    pooled: dict[str, _Person] = {}

    def pool(loc: _Local, office: str) -> bool:
        """Add ``loc`` to the one person of its surname and office no full name stands for; whether
        that person was already there."""
        p = pooled.get(f"{loc.key}|{office}")
        known = p is not None
        if p is None:
            p = pooled[f"{loc.key}|{office}"] = _Person(key=loc.key, order=len(persons))
            persons.append(p)
        p.add(loc)
        return known

    first_index: dict[str, list[_Person]] | None = None
    shorts = sorted((x for x in locals_ if not x.full), key=lambda x: (x.key, x.rec.doc_id, x.le.first_sent))
    indexed: dict[str, _Block] = {}
    # bare surnames no one has with a given name pool into one person, unless they carry offices
    # no one holds at once ("Senator Murphy", "Governor Murphy"): then one person per office
    pool_offices: dict[str, set[str]] = defaultdict(set)
    for loc in shorts:
        if not block_persons.get(loc.key):
            pool_offices[loc.key] |= _offices(loc.titles)
    for loc in shorts:
        block = indexed.get(loc.key)
        if block is None:
            block = indexed[loc.key] = _Block([p for p in dict.fromkeys(block_persons.get(loc.key, ())) if p.alive])
        if not block.people:
            if first_index is None:
                first_index = _first_name_index(persons)
            fam = [p for p in first_index.get(loc.key, ()) if p.alive]
            if len(fam) == 1 and loc.le.name.count(" ") == 0 and not forbids(fam[0].labels, loc.le.forms):
                p = fam[0]
                if not loc.titles or any(t in p.titles for t in loc.titles):
                    p.add(loc)
                    log.add("first-name", loc.le.forms, p, loc.rec.doc_id,
                            f"no one is named {loc.le.name} as a surname; it is the first name of one "
                            f"person only and not a given name the nicknames dataset knows",
                            {"first_name": loc.le.name})
                    continue
            office = ""
            if len(pool_offices[loc.key]) > 1:
                office = min(_offices(loc.titles), default="")
            if pool(loc, office):
                log.add("surname-only", loc.le.forms, pooled[f"{loc.key}|{office}"], loc.rec.doc_id,
                        "same surname; no one in the corpus has this surname with a given name"
                        + (f", and the same office ({office})" if office else ""), {})
            continue
        if "addressed" in loc.le.evidence and loc.rec.doc_id not in block.by_doc:
            # "Go ahead, George.": a reporter called on by first name, not the George this
            # document never names in full
            log.add("ambiguous", loc.le.forms, None, loc.rec.doc_id,
                    "a given name the document uses only to call on someone; joins no one of that surname", {})
            continue
        office = _join_short(loc, block, forbids, joins, log)
        if office:
            # "Mayor Scott" beside the corpus's Senator Tim Scott: someone the corpus names only by
            # office and surname, one node for all such mentions
            known = pool(loc, office)
            log.add("office-and-surname", loc.le.forms, pooled[f"{loc.key}|{office}"], loc.rec.doc_id,
                    f"same surname and office ({office}), and no one named in full holds it" if known else
                    f"its office ({office}) rules out everyone the corpus names in full under this surname; "
                    "a person of its own", {"office": office})
    not_person = _not_people(records, persons, log)
    groups = [[(loc.rec, loc.le) for loc in p.members] for p in persons
              if p.alive and p.members and id(p) not in not_person]
    return PersonGroups(groups=groups, log=log.finish())


def _collect(records: list[DocRecord], log: _Log) -> list[_Local]:
    evidence: set[tuple[str, str]] = set()
    for r in records:
        evidence |= {(r.doc_id, q.speaker) for q in r.quotes if q.speaker}
        evidence |= {(r.doc_id, x.person) for x in r.roles}
        # meeting someone says a full name is a person's; a lone word in a list of attendees is as
        # often a cut title or a thing ("Advocacy")
        full = {e.key for e in r.entities if " " in e.name}
        evidence |= {(r.doc_id, k) for ev in r.events for k in ev.participants if k in full}
    listed = {(r.doc_id, k) for r in sorted(records, key=lambda r: r.doc_id)
              for k in _place_list_items(r, evidence, log)}
    pairs = [(r, e) for r in records for e in r.entities if e.type == "Person"]
    # a bare given name ("Thanks, Mike"; a first name of the corpus or of the nicknames
    # dataset) that no document resolved names nobody we can tell apart: dropped when it is
    # no one's surname
    given, surnames = set(), set()
    for _, le in pairs:
        for f in le.forms:
            toks = f.split()
            if len(toks) > 1 and not _question_mark(toks[0]):
                given.add(translit(toks[0]))
                surnames.add(translit(toks[-1]))
    out = []
    for r, le in pairs:
        if (r.doc_id, le.key) in listed:
            continue
        # ... unless it is titled ("President Xi": a family name first; "Secretary Austin")
        # "Q Brian" (a transcript's question mark before the name) is a bare "Brian"
        toks = le.name.split()
        core = toks[-1] if len(toks) == 2 and _question_mark(toks[0]) else le.name
        if len(core.split()) == 1 and (translit(core) in given or known_given_name(core)) \
                and translit(core) not in surnames and not (le.titles or le.titled_forms):
            continue
        ev: bool | str = bool(le.titles or le.titled_forms or le.title_refs or set(le.evidence) - _WEAK_MARKS) \
            or (r.doc_id, le.key) in evidence or ("pronoun" if "pronoun" in le.evidence else False)
        out.append(_local(r, le, ev))
    return out


#: what the tagger notes of a name that does not say it is a person's
_WEAK_MARKS = frozenset({"pronoun", "common-word", "word-tail", "addressed", "at-place"})


#: a sentence first naming this many one-word places and this many one-word untitled persons
#: is a list of places ("Smith, Stafford, Stanton ... counties"): its one-word persons are places
PLACE_LIST = 3


def _place_list_items(rec: DocRecord, evidence: set[tuple[str, str]], log: _Log) -> list[str]:
    """Keys of the one-word, once-named persons, with no title, role or quote, of a sentence that
    lists places: the place names the tagger took for surnames ("Smith" among Kansas counties)."""
    places: Counter = Counter()
    bare: dict[int, list[LocalEntity]] = defaultdict(list)
    for e in rec.entities:
        if len(e.name.split()) != 1:
            continue
        if e.type == "Place":
            places[e.first_sent] += 1
        elif e.type == "Person" and e.mentions == 1 and not (e.titles or e.titled_forms or e.title_refs) \
                and (rec.doc_id, e.key) not in evidence:
            bare[e.first_sent].append(e)
    out = []
    for sent, es in sorted(bare.items()):
        if len(es) >= PLACE_LIST and places[sent] >= PLACE_LIST:
            for e in es:
                log.add("not-a-person", [e.name], None, rec.doc_id,
                        "a one-word name in a sentence of its document that lists places",
                        {"places_in_sentence": places[sent], "such_names_in_sentence": len(es)},
                        agg_key=("place-list",))
                out.append(e.key)
    return out


def _question_mark(token: str) -> bool:
    """"Q" in "Q Brian": one capital letter without a dot, a transcript's mark, not an initial."""
    return len(token) == 1 and token.isupper()


def _cluster_full_names(key: str, fulls: list[_Local], forbids: Forbids, persons: list[_Person],
                        log: _Log) -> list[_Person]:
    """Rule 1 within one surname block: complete linkage over distinct sets of full names, the
    most frequent first, so that "Joe Biden" anchors before rarer variants arrive."""
    units: dict[tuple[str, ...], list[_Local]] = defaultdict(list)
    for loc in fulls:
        units[loc.full].append(loc)
    block: list[_Person] = []
    by_given: dict[str, list[_Person]] = defaultdict(list)
    for names, members in sorted(units.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        labels = set().union(*(set(m.le.forms) | {m.le.name} for m in members))
        near = dict.fromkeys(p for n in names for k in given_keys(parse_person(n).given) for p in by_given[k])
        fits = [p for p in near if all(full_names_compatible(a, b) for a in names for b in p.names)
                and not forbids(p.labels, labels)]
        if len(fits) == 1:
            p = fits[0]
            anchor = max(p.names, key=lambda n: (p.names[n], n))
            log.add("full-name", names, p, members[0].rec.doc_id,
                    "same surname; given names agree (" + _how_given(names[0], anchor) + ")",
                    {"with": anchor, "documents": len(members)})
        else:
            p = _Person(key=key, order=len(persons))
            persons.append(p)
            block.append(p)
            if len(fits) > 1:
                # its own node ("into" names it), not left out: a full name is someone
                log.add("ambiguous-full-name", names, p, members[0].rec.doc_id,
                        "fits several people of this surname; kept apart as a person of its own",
                        {"candidates": sorted(q.name() for q in fits)})
        for m in members:
            p.add(m)
        for n in names:
            for k in given_keys(parse_person(n).given):
                if p not in by_given[k]:
                    by_given[k].append(p)
    return block


def _merge_surname_slips(block_persons: dict[str, list[_Person]], forbids: Forbids, log: _Log) -> None:
    """Rule 2: surnames one edit apart ("Noland"/"Nuland") join when the full given names agree.
    Blocks are paired through their one-deletion variants, so this stays linear in the blocks."""
    variants: dict[str, list[str]] = defaultdict(list)
    for k in sorted(block_persons):
        if len(k) >= 5 and block_persons[k]:
            for v in {k} | {k[:i] + k[i + 1:] for i in range(len(k))}:
                variants[v].append(k)
    pairs = sorted({(a, b) for ks in variants.values() for a in ks for b in ks if a < b})
    weight = {k: sum(p.full_mentions for p in block_persons[k]) for pair in pairs for k in pair}
    for a, b in pairs:
        big, small = sorted((a, b), key=lambda k: (-weight[k], k))
        for q in list(block_persons[small]):
            if not q.alive:
                continue
            fits = [p for p in block_persons[big] if p.alive and p is not q and _same_given(p, q)
                    and not forbids(p.labels, q.labels)]
            if len(fits) == 1:
                p = fits[0]
                log.add("surname-spelling", q.names, p, sorted(q.full_docs)[0],
                        "surnames one letter apart and the same full given name",
                        {"surnames": sorted({parse_person(n).surname for n in list(p.names)[:1] + list(q.names)[:1]})})
                p.absorb(q)
                block_persons[small] = [p if x is q else x for x in block_persons[small]]


#: offices one person holds at a time in a country: two names of one surname holding one of
#: them in the same year are one holder
_SOLE_OFFICES = frozenset("president minister chancellor king queen emperor pope".split())


def _join_pet_names(block_persons: dict[str, list[_Person]], forbids: Forbids, log: _Log) -> None:
    """Rule 2a: a short pet name the nicknames dataset does not know ("Bibi" for Benjamin) joins
    the one person of that surname whose given name begins with the same letter, when both
    hold the same sole office (president, prime minister …) within a year of each other and no
    document names both. (Not Theodore and Franklin, nor George H. W. and George W.: their
    letters or middle initials differ.)"""
    for key in sorted(block_persons):
        people = [p for p in dict.fromkeys(block_persons[key]) if p.alive and p.names]
        if len(people) < 2:
            continue
        for q in sorted(people, key=lambda p: (p.full_mentions, p.order)):
            given = {parse_person(n).given for n in q.names}
            if not q.alive or len(given) != 1:
                continue
            pet = given.pop()
            if not (2 <= len(pet) <= 4 and pet.isalpha() and pet[0].isupper()) or any(
                    parse_person(n).middles or parse_person(n).suffix for n in q.names):
                continue

            def same_office(p: _Person) -> set[str]:
                return {t for t in set(p.titles) & set(q.titles) & _SOLE_OFFICES
                        if any(a is None or b is None or abs(a - b) <= TITLE_WINDOW_DAYS
                               for a in p.titles[t] for b in q.titles[t])}

            fits = [(p, offices) for p in people if p is not q and p.alive and p.full_mentions >= q.full_mentions
                    and all(parse_person(n).given[:1] == pet[:1] and len(parse_person(n).given) > len(pet)
                            and not parse_person(n).suffix for n in p.names)
                    and not p.full_docs & q.full_docs and not forbids(p.labels, q.labels)
                    for offices in [same_office(p)] if offices]
            if len(fits) == 1:
                p, offices = fits[0]
                anchor = max(p.names, key=lambda n: (p.names[n], n))
                log.add("pet-name", q.names, p, sorted(q.full_docs)[0],
                        f"{pet} is a short form of {parse_person(anchor).given}: same surname and initial, the same "
                        f"office in the same year, and no document names both",
                        {"with": anchor, "office": sorted(offices)})
                p.absorb(q)


def _join_surname_led(block_persons: dict[str, list[_Person]], forbids: Forbids, log: _Log) -> None:
    """Rule 2b: "Trump Has", "Donald J. Trump Declares" (a headline's "President Trump Has ...")
    are a name and a word: a person alone under their last word, whose names all begin with the
    surname or the full name of people the corpus names in full (a surname no given name of the
    dataset is), with a title one of those people holds, joins that person."""
    by_full: dict[str, list[_Person]] = defaultdict(list)
    for ps in block_persons.values():
        for p in ps:
            for n in p.names:
                by_full[fold(n)].append(p)
    for key in sorted(block_persons):
        block = [p for p in block_persons[key] if p.alive]
        if len(block) != 1 or not block[0].titles:
            continue
        q = block[0]
        heads = set()
        for n in q.names:
            toks = n.split()
            head = " ".join(toks[:-1])
            if len(toks) == 2 and not known_given_name(head):
                heads.add(("surname", head))
            elif len(toks) > 2 and fold(head) in by_full:
                heads.add(("name", head))
        if len(heads) != 1 or len(heads) < len({" ".join(n.split()[:-1]) for n in q.names}):
            continue
        kind, head = heads.pop()
        people = {p for p in (block_persons.get(translit(head), ()) if kind == "surname" else by_full[fold(head)])
                  if p.alive and p is not q}
        held = {p: sum(len(p.titles.get(t, ())) for t in q.titles) for p in people}
        total = sum(held.values())
        if not total:
            continue
        top = max(sorted(people, key=lambda p: p.order), key=lambda p: held[p])
        if held[top] / total < DOMINANT_SHARE or forbids(top.labels, q.labels):
            continue
        title = sorted(t for t in q.titles if t in top.titles)
        word = parse_person(sorted(q.names)[0]).surname
        log.add("surname-led", q.names, top, sorted(q.full_docs)[0],
                f"{head} and a word: {head} names the person the corpus names in full as "
                f"{', '.join(title)}, and no one else is named {word}",
                {"title": title, "share_of_title": round(held[top] / total, 2)})
        top.absorb(q)
        block_persons[key] = [top]


def _same_given(p: _Person, q: _Person) -> bool:
    for a in p.names:
        for b in q.names:
            ga, gb = parse_person(a).given, parse_person(b).given
            if len(fold(ga)) > 2 and translit(ga) == translit(gb):
                return True
    return False


def _first_name_index(persons: list[_Person]) -> dict[str, list[_Person]]:
    idx: dict[str, list[_Person]] = defaultdict(list)
    for p in persons:
        firsts = {parse_person(n).given for n in p.names}
        for g in firsts:
            if g and not is_initial(g) and not known_given_name(g) and p not in idx[translit(g)]:
                idx[translit(g)].append(p)
    return idx


class _Block:
    """The people of one surname after rules 1 and 2, indexed for rules 3 to 5: their ranking by
    full-name mentions, who holds which title, who each document names in full. Rules 3 to 5
    add no full names, so all of this stays fixed while the block's short mentions are decided."""

    def __init__(self, people: list[_Person]) -> None:
        self.people = people
        self.ranked = sorted(people, key=lambda p: (-p.full_mentions, p.order))
        self.by_title: dict[str, list[_Person]] = defaultdict(list)
        self.by_doc: dict[str, list[_Person]] = defaultdict(list)
        for p in self.ranked:
            for t in p.titles:
                self.by_title[t].append(p)
            for d in p.full_docs:
                self.by_doc[d].append(p)


def _join_short(loc: _Local, block: _Block, forbids: Forbids, joins: Forbids, log: _Log) -> str:
    """Rules 3 to 5 for one bare, initial-led or title + surname mention; a user's 'same'
    pair naming it and one of the block's people comes first. Returns the mention's office when
    that office rules out everyone of its surname (the caller gives such mentions a node of their
    own), else ""."""
    forms = set(loc.le.forms) | {loc.le.name}
    chosen = [p for p in block.ranked if joins(p.labels, forms) and not forbids(p.labels, forms)]
    if len(chosen) == 1:
        log.add("override", forms, chosen[0], loc.rec.doc_id, "override: same", {})
        chosen[0].add(loc)
        return ""
    initials = {parse_person(f).given for f in loc.short if parse_person(f).given}
    ranked = block.ranked
    if initials:  # "J. Biden" fits only a Biden whose given name starts with J
        ranked = [p for p in ranked if any(given_compatible((i,), (parse_person(n).given,))
                                           for i in initials for n in p.names)]
    if forbids(set().union(*(p.labels for p in ranked)) if ranked else (), forms):
        ranked = [p for p in ranked if not forbids(p.labels, forms)]
    cands = set(ranked)
    surname = parse_person(loc.le.name).surname
    if not cands:
        log.add("ambiguous", forms, None, loc.rec.doc_id,
                f"fits no one the corpus names in full as {surname}; joins no one", {})
        return ""
    total = sum(p.full_mentions for p in ranked)
    # "Mayor Johnson" is not the Senator Ron Johnson: an office the corpus gives the person near
    # that date, other than the one this mention's document gives it, rules the person out
    clash = [p for p in ranked if _office_clash(loc, p)]
    if clash:
        ranked = [p for p in ranked if p not in clash]
        cands -= set(clash)
        if not ranked:
            log.add("title-conflict", forms, None, loc.rec.doc_id,
                    f"its document gives it a title no {surname} the corpus names in full holds at that "
                    "date, and another office; joins no one",
                    {"offices": sorted(_offices(loc.titles) | (loc.titles & _RANKS)),
                     "candidates": {p.name(): sorted(_offices_near(p, loc.day)) for p in clash}})
            return min(_offices(loc.titles), default="")
        total = sum(p.full_mentions for p in ranked)
    # a surname joins, first, the person its own document names in full
    in_doc = [p for p in block.by_doc.get(loc.rec.doc_id, ()) if p in cands]
    if in_doc and loc.titles and not any(t in p.titles for p in in_doc for t in loc.titles) \
            and any(t in p.titles for p in cands for t in loc.titles):
        in_doc = []  # "President Biden" in a readout naming Jill Biden: the title decides
    if len(in_doc) == 1:
        log.add("same-document", forms, in_doc[0], loc.rec.doc_id,
                f"the one {surname} its own document names in full", {})
        in_doc[0].add(loc)
        return ""
    if in_doc:  # several: only a title can tell them apart
        cands = set(in_doc)
    if loc.titles:
        held = {}
        for t in sorted(loc.titles):
            for p in block.by_title.get(t, ()):
                if p in cands:
                    held.setdefault(id(p), (p, []))[1].extend(p.titles[t])
        if held:
            near = {k: v for k, v in held.items()
                    if loc.day is None or any(d is None or abs(d - loc.day) <= TITLE_WINDOW_DAYS for d in v[1])}
            pool = sorted((near or held).values(), key=lambda v: (-len(v[1]), v[0].order))
            n = sum(len(v[1]) for v in pool)
            p, days = pool[0]
            share = len(days) / n
            title = sorted(t for t in loc.titles if t in p.titles)
            if share >= DOMINANT_SHARE:
                dated = sorted(d for d in days if d is not None)
                log.add("title", forms, p, loc.rec.doc_id,
                        f"the {surname} the corpus names in full as {', '.join(title)}"
                        + (" at that date" if near else ""),
                        {"title": title, "share_of_title": round(share, 2), "near_date": bool(near),
                         "held": [date.fromordinal(dated[0]).isoformat(), date.fromordinal(dated[-1]).isoformat()]
                         if dated else None}, agg_key=(tuple(title), bool(near)))
                p.add(loc)
            else:
                log.add("ambiguous", forms, None, loc.rec.doc_id,
                        f"the title {', '.join(title)} is held by several people named {surname}",
                        {"candidates": {v[0].name(): len(v[1]) for v in pool}}, agg_key=tuple(title))
            return ""
    top = ranked[0]
    share = top.full_mentions / total if total else 0.0
    mine = parse_person(loc.le.name)
    theirs = {fold(parse_person(n).surname) for n in top.names}
    if not in_doc and (len(fold(mine.surname)) <= 4 and fold(mine.surname) not in theirs
                       or mine.suffix and not any(parse_person(n).suffix == mine.suffix for n in top.names)):
        # a short surname only spelt alike ("Jon", "Yoon" beside "Hugo Yon": the spellings
        # transliteration equates are too many at that length), or a suffix the one person named in
        # full does not have ("Homer, Jr." is not the painter Winslow Homer)
        log.add("ambiguous", forms, None, loc.rec.doc_id,
                f"the {surname} the corpus names in full is not spelt or suffixed as this mention; joins no one",
                {"candidate": top.name()})
        return ""
    rank_only = loc.titles & _MILITARY and not _offices(loc.titles)
    if not in_doc and ((_offices(loc.titles) or loc.titles & _MILITARY) and not _offices_near(top, None)
                       and not set(top.titles) & _MILITARY or loc.titles and not top.titles
                       or rank_only and not set(top.titles) & _MILITARY):
        # ("Sergeant Major Garcia" is not the ambassador Alexandre Garcia: a rank wants someone the
        # corpus gives a rank)
        # (nor is "President Johnson", a former president, the one Johnson the corpus names, never titled)
        # "Mayor Adams" is not the one Adams the corpus names in full and never in any office (a
        # founding father in a list; "Senator Graham" is not a weather service's director Ken
        # Graham); someone once in another office may hold this one later (see title-conflict)
        log.add("ambiguous", forms, None, loc.rec.doc_id,
                f"its document gives it an office, and the {surname} the corpus names in full is never "
                "given one; joins no one", {"offices": sorted(_offices(loc.titles)), "candidate": top.name()})
        return ""  # (not a node of its own: "Senator Roe" may well be the Ann Roe the corpus never titles)
    if in_doc:
        log.add("ambiguous", forms, None, loc.rec.doc_id,
                f"the document itself names several people {surname} in full",
                {"named_in_document": sorted(p.name() for p in in_doc)})
    elif len(cands) == 1:
        log.add("only-person", forms, top, loc.rec.doc_id,
                f"the only person the corpus names in full as {surname}", {"full_name_mentions": total})
        top.add(loc)
    elif share >= DOMINANT_SHARE:
        log.add("dominant", forms, top, loc.rec.doc_id,
                f"holds {share:.0%} of the corpus's full-name mentions of {surname}",
                {"share": round(share, 2), "full_name_mentions": total,
                 "others": sorted(p.name() for p in ranked[1:4])})
        top.add(loc)
    else:
        log.add("ambiguous", forms, None, loc.rec.doc_id,
                f"no person holds most full-name mentions of {surname}",
                {"candidates": {p.name(): p.full_mentions for p in ranked[:5]}})


#: offices a person holds one of at a time: a mention titled with one is not a person the corpus
#: gives another near that date ("Mayor Johnson", "Senator Johnson"). Titles a person combines
#: ("President", "Leader", "Secretary", "Chairman") are not in it.
_OFFICES = {"mayor": "mayor", "senator": "senator", "governor": "governor", "representative": "representative",
            "congressman": "representative", "congresswoman": "representative", "sheriff": "sheriff"}


#: posts no holder of one of the offices above holds at the same time ("Congressman Ryan" is not
#: the cabinet secretary the corpus names in full as Evan Ryan)
_POSTS = frozenset("secretary ambassador administrator minister judge justice king queen president".split())

#: a rank a person has in every document that names them: "King Abdullah" is no one the corpus
#: never calls king
_RANKS = frozenset("king queen prince princess emir sultan pope sheikh".split())


#: military ranks, which like offices want someone the corpus gives one ("Major Homer")
_MILITARY = frozenset("major colonel captain lieutenant sergeant admiral corporal commander".split())


def _offices(titles: Iterable[str]) -> set[str]:
    return {_OFFICES[t] for t in titles if t in _OFFICES}


def _offices_near(p: _Person, day: int | None) -> set[str]:
    return {_OFFICES.get(t, t) for t, days in p.titles.items() if (t in _OFFICES or t in _POSTS)
            and (day is None or any(d is None or abs(d - day) <= TITLE_WINDOW_DAYS for d in days))}


def _office_clash(loc: _Local, p: _Person) -> bool:
    """The mention's document gives it an office, and the corpus gives ``p`` only other ones then;
    a post (secretary, ambassador …) another document's ``p`` has titles, none of them this one;
    or a rank the corpus never gives ``p``."""
    ranks = loc.titles & _RANKS
    if ranks and not ranks & set(p.titles):
        return True
    # (a lesser office's head is the post: "Deputy Secretary Sherman" is no Representative Sherman;
    # "Deputy Secretary X" may be the Secretary X the corpus names, promoted or not)
    heads = {t.split()[-1] for t in loc.titles}
    posts = heads & _POSTS
    if posts and p.titles and not heads & {t.split()[-1] for t in p.titles} and loc.rec.doc_id not in p.full_docs:
        return True  # "Labor Secretary Walsh" is not the Walsh the corpus gives only a director's title
    mine = _offices(loc.titles)
    theirs = _offices_near(p, loc.day) if mine else set()
    return bool(theirs) and not (mine & theirs)


def _not_people(records: list[DocRecord], persons: list[_Person], log: _Log) -> set[int]:
    """Names the corpus does not treat as a person's: not people. A given name the nicknames
    dataset knows keeps a person. Otherwise, with no title, role or quote anywhere: a name the
    corpus gives to an organisation or place more often ("Nord Stream", "Baltimore"), or a bare
    name many documents use ("Laughter"). Titles and quotes are weak evidence for a name no
    given name leads (organisations speak, and a stray title attaches to a heading), so such a
    name used twice as often as an organisation or place is not a person either ("Human
    Rights Watch"). Whatever its first word, a name only ever after "at" is a place ("Walter
    Reed"); a name of common words led by no first name is a thing's ("Empire Wind"), and so is
    one ending in a common word that is nobody's surname in the corpus ("Bagram Airfield")."""
    out: set[int] = set()
    suspects: list[tuple[_Person, set[str], set[str], bool]] = []
    for p in persons:
        if not p.alive or not p.members:
            continue
        docs = {m.rec.doc_id for m in p.members}
        if not any(m.evidence for m in p.members) and all("at-place" in m.le.evidence for m in p.members):
            # (whatever its first word: "Walter Reed" is the hospital one spends Christmas at)
            out.add(id(p))
            log.add("not-a-person", sorted(p.labels), None, sorted(docs)[0],
                    "named only after 'at', 'near' or 'outside' in every document, never titled, quoted or "
                    "with a pronoun: a place", {"documents_as_person": len(docs)})
            continue
        if any(known_given_name(parse_person(n).given) for n in p.names):
            continue
        if all("common-word" in m.le.evidence for m in p.members):
            out.add(id(p))
            log.add("not-a-person", sorted(p.labels), None, sorted(docs)[0],
                    "common English words as a whole name, led by no first name a name table knows"
                    if p.names else "a common English word as a whole name, and no one in the corpus has "
                    "it as a surname with a given name", {"documents_as_person": len(docs)})
            continue
        # a pronoun near the name is weak evidence ("Covid … his"): it counts when half or more of the
        # documents have it
        evidence = any(m.evidence for m in p.members if m.evidence != "pronoun") or \
            2 * sum(m.evidence == "pronoun" for m in p.members) >= len(p.members)
        if not evidence and not p.names and len(docs) >= UNTITLED_DOCS:
            out.add(id(p))
            log.add("not-a-person", sorted(p.labels), None, sorted(docs)[0],
                    f"named in {len(docs)} documents and never with a given name, a title, a role or "
                    "as a speaker", {"documents_as_person": len(docs)})
            continue
        # a full name is what is compared when there is one: "Washington" alone is a place,
        # "George Washington" is not
        names = {fold(n) for n in p.names} or {fold(f) for m in p.members for f in m.le.forms}
        suspects.append((p, docs, names, evidence))
    # "Shoalwater Bay": no first name leads it and a common word ends it; a person only when the
    # corpus gives that word as a surname to someone a first name leads ("Minyon Moore": Moore)
    tails = {p for p, _, _, evidence in suspects if not evidence and p.names
             and all("word-tail" in m.le.evidence for m in p.members)}
    if tails:
        surnames = {q.key for q in persons if q.alive and q.members and q not in tails and any(
            attested_given_name(parse_person(n).given.split()[0]) for n in q.names if parse_person(n).given)}
        for p in sorted(tails, key=lambda p: p.order):
            if p.key not in surnames:
                out.add(id(p))
                log.add("not-a-person", sorted(p.labels), None, sorted({m.rec.doc_id for m in p.members})[0],
                        "led by no first name a name table knows, ending in a common English word no one in "
                        "the corpus has as a surname, and never titled, quoted or holding a role",
                        {"documents_as_person": len({m.rec.doc_id for m in p.members})})
        suspects = [s for s in suspects if id(s[0]) not in out]
    # only the suspects' names are counted, so memory follows them, not the corpus's vocabulary
    wanted = set().union(*(s[2] for s in suspects)) if suspects else set()
    other: Counter = Counter()
    for r in records:
        other.update({k for e in r.entities if e.type != "Person"
                      for k in map(fold, list(e.forms) + [e.name]) if k in wanted})
    for p, docs, names, evidence in suspects:
        elsewhere = max(other[n] for n in names)
        if elsewhere > len(docs) * (2 if evidence else 1):
            out.add(id(p))
            log.add("not-a-person", sorted(p.labels), None, sorted(docs)[0],
                    ("titled or quoted, but led by no given name and named as an organisation or place "
                     "more than twice as often" if evidence else
                     "never titled, quoted or holding a role, and the corpus names it as an "
                     "organisation or place more often"),
                    {"documents_as_person": len(docs), "documents_as_organisation_or_place": elsewhere})
    return out
