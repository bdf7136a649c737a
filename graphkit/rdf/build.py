"""Records + resolution → RDF triples following the contract (schema.org, PROV-O, SKOS) plus gk:."""
from __future__ import annotations

import hashlib

from rdflib import Graph, Literal, URIRef

from ..names import fold, slug
from ..records import DocRecord
from ..resolve import Resolution
from .vocab import GK, ID, PROV, RDF, SDO, SKOS, XSD, bind_namespaces

__all__ = ["build_graph", "add_links", "doc_iri", "date_literal"]

_TYPES = {"Person": SDO.Person, "Organization": SDO.Organization, "Place": SDO.Place}


def doc_iri(doc_id: str) -> URIRef:
    stem = doc_id.rsplit("/", 1)[-1].split("#")[-1]
    return ID[f"doc/{slug(stem, 40)}-{hashlib.sha1(doc_id.encode()).hexdigest()[:8]}"]


def date_literal(value: str) -> Literal:
    """An ISO date at its precision as the matching XSD type ("2021-06" → xsd:gYearMonth)."""
    if value.startswith("--"):
        return Literal(value, datatype=XSD.gMonthDay if len(value) == 7 else XSD.gMonth)
    if len(value) == 4:
        return Literal(value, datatype=XSD.gYear)
    if len(value) == 7:
        return Literal(value, datatype=XSD.gYearMonth)
    return Literal(value, datatype=XSD.date)


def _precision(value: str) -> str:
    if value.startswith("--"):
        return "month-day" if len(value) == 7 else "month"
    return {4: "year", 7: "month"}.get(len(value), "day")


def build_graph(records: list[DocRecord], res: Resolution) -> Graph:
    """The RDF graph of a resolved corpus; the same input gives an isomorphic graph."""
    g = Graph()
    bind_namespaces(g)
    ent_iri = {i: ID[e.iri] for i, e in enumerate(res.entities) if e.members}
    country_iri: dict[str, URIRef] = {}
    for i, e in enumerate(res.entities):
        if not e.members:
            continue
        s = ent_iri[i]
        g.add((s, RDF.type, _TYPES[e.type]))
        g.add((s, SDO.name, Literal(e.name)))
        for f in sorted(e.labels() - {e.name}):
            g.add((s, SKOS.altLabel, Literal(f)))
        for t in sorted(e.title_refs):
            g.add((s, GK.titleReference, Literal(t)))
        g.add((s, GK.mentionCount, Literal(e.mentions)))
        if e.type == "Place":
            country_iri.setdefault(fold(e.name), s)
    for rec in sorted(records, key=lambda r: r.doc_id):
        d = doc_iri(rec.doc_id)
        g.add((d, RDF.type, SDO.NewsArticle))
        g.add((d, SDO.name, Literal(rec.title or rec.doc_id)))
        if rec.published:
            g.add((d, SDO.datePublished, Literal(rec.published, datatype=XSD.date)))
        if rec.url:
            g.add((d, SDO.url, Literal(rec.url)))
        g.add((d, SDO.identifier, Literal(rec.doc_id)))
        g.add((d, GK.sourcePath, Literal(rec.path)))
        g.add((d, GK.contentHash, Literal(rec.content_hash)))
        g.add((d, SDO.wordCount, Literal(rec.words)))
        for le in rec.entities:
            gi = res.of(rec.doc_id, le.key)
            if gi is not None and gi in ent_iri:
                g.add((d, SDO.mentions, ent_iri[gi]))
        _add_roles(g, rec, res, ent_iri, country_iri, d)
        _add_quotes(g, rec, res, ent_iri, d)
    sentences = {(r.doc_id, k): v for r in records for k, v in r.sentences.items()}
    told_in = {src: ev.iri for ev in res.events for src in ev.sources}
    for ev in res.events:
        for src in sorted(ev.within):  # the trip it was on: "led a delegation to …" → "met with …"
            if src in told_in and told_in[src] != ev.iri:
                g.add((ID[told_in[src]], SDO.subEvent, ID[ev.iri]))
        s = ID[ev.iri]
        g.add((s, RDF.type, SDO.Event))
        g.add((s, SDO.name, Literal(ev.name)))
        g.add((s, GK.eventKind, Literal(ev.kind)))
        for pattern in sorted(ev.patterns):
            g.add((s, GK.pattern, Literal(pattern)))
        g.add((s, GK.status, GK.Planned if ev.planned else GK.Held))
        if ev.date:
            g.add((s, SDO.startDate, date_literal(ev.date)))
            g.add((s, GK.datePrecision, Literal(_precision(ev.date))))
        if ev.date_text:
            g.add((s, GK.dateText, Literal(ev.date_text)))
        for p in ev.participants:
            g.add((s, SDO.attendee, ent_iri[p]))
        for p in ev.locations:
            g.add((s, SDO.location, ent_iri[p]))
        for p in ev.orgs:
            g.add((s, SDO.about, ent_iri[p]))  # the organisation the event is of (G20)
        for doc_id, k in ev.sources:
            g.add((s, PROV.wasDerivedFrom, doc_iri(doc_id)))
            if (doc_id, k) in sentences:
                g.add((s, GK.evidence, Literal(sentences[(doc_id, k)])))
    add_links(g)
    return g


def add_links(g: Graph) -> Graph:
    """Add the derived co-attendance terms (gk:coAttendee, counts, ranks, sort keys) to ``g``; returns ``g``.

    Who-met-whom, co-attendance, shortest-connection and most-connected would otherwise join
    every event's attendees with each other at query time (seconds at 1M triples); with these
    they are index lookups. Derived only from the contract's triples, so any graph in the
    contract's shape can be given them, and the same graph always gets the same triples.
    """
    people = set(g.subjects(RDF.type, SDO.Person))
    events: dict = {}
    for ev, p in g.subject_objects(SDO.attendee):
        if p in people:
            events.setdefault(ev, set()).add(p)
    met: dict = {}
    count: dict = {}
    for attendees in events.values():
        for p in attendees:
            count[p] = count.get(p, 0) + 1
            met.setdefault(p, set()).update(attendees - {p})
    name = {p: str(g.value(p, SDO.name) or "") for p in people}
    for p, others in met.items():
        for o in others:
            g.add((p, GK.coAttendee, o))
        g.add((p, GK.eventCount, Literal(count[p])))
        g.add((p, GK.coAttendeeCount, Literal(len(others))))
    by_links = sorted(count, key=lambda p: (-len(met[p]), -count[p], name[p], str(p)))
    for i, p in enumerate(by_links, 1):
        g.add((p, GK.connectionRank, Literal(i)))
    rank = {p: i for i, p in enumerate(sorted(people, key=lambda p: (name[p], str(p))), 1)}
    for p, i in rank.items():
        g.add((p, GK.nameRank, Literal(i)))
        # who-met-whom pages over the people who come first in a pair: a plain lookup, where
        # FILTER EXISTS over every person's links was seconds at 1M triples
        if any(rank[o] > i for o in met.get(p, ())):
            g.add((p, GK.pairRank, Literal(i)))
    # One integer per event, document, quotation and role statement, in reading order, so a
    # query sorts a hub's thousands of rows on one cheap value: Oxigraph compares IRIs and long
    # strings by fetching their text, and ties of date broken by IRI took most of a query's time.
    for i, s in enumerate(sorted(_keyed(g), key=lambda s: _reading_order(g, s)), 1):
        g.add((s, GK.sortKey, Literal(i)))
    return g


def _keyed(g: Graph) -> set[URIRef]:
    """Events, documents, quotations and role statements: the rows of the canned queries."""
    keyed = {s for t in (SDO.Event, SDO.Quotation, GK.RoleStatement) for s in g.subjects(RDF.type, t)}
    keyed.update(g.subjects(SDO.mentions, None))
    keyed.update(g.objects(None, PROV.wasDerivedFrom))
    return {k for k in keyed if isinstance(k, URIRef)}


def _reading_order(g: Graph, s: URIRef) -> tuple:
    """Undated first (as SPARQL sorts unbound), then by ISO date: an event's start, a document's
    publication; a quotation or role statement by its document's date, document and sentence.
    The IRI comes last so the order is total."""
    doc = date = None
    if (s, RDF.type, SDO.Event) in g:
        date = g.value(s, SDO.startDate)
    elif (s, RDF.type, SDO.Quotation) in g or (s, RDF.type, GK.RoleStatement) in g:
        doc = min(g.objects(s, PROV.wasDerivedFrom), default=None)
        date = g.value(doc, SDO.datePublished) if doc is not None else None
    else:
        date = g.value(s, SDO.datePublished)
    sent = g.value(s, GK.sentenceIndex)
    return (date is not None, str(date or ""), str(doc or ""), int(sent) if sent is not None else -1, str(s))


def _add_roles(g: Graph, rec: DocRecord, res: Resolution, ent_iri, country_iri, d: URIRef) -> None:
    for n, r in enumerate(rec.roles):
        pi = res.of(rec.doc_id, r.person)
        if pi is None or pi not in ent_iri:
            continue
        person = ent_iri[pi]
        g.add((person, SDO.jobTitle, Literal(r.title)))
        org = None
        oi = res.of(rec.doc_id, r.org)
        if oi is not None and oi in ent_iri:
            org = ent_iri[oi]
        elif r.org_name:
            org = country_iri.get(fold(r.org_name))
            if org is None:
                org = ID[f"place/{slug(r.org_name)}"]
                country_iri[fold(r.org_name)] = org
                g.add((org, RDF.type, SDO.Place))
                g.add((org, SDO.name, Literal(r.org_name)))
            g.add((d, SDO.mentions, org))
        key = hashlib.sha1(f"{rec.doc_id}|{r.sent}|{r.title}|{person}".encode()).hexdigest()[:12]
        s = ID[f"role/{key}"]
        g.add((s, RDF.type, GK.RoleStatement))
        g.add((s, GK.holder, person))
        g.add((s, SDO.roleName, Literal(r.title)))
        if r.pattern:
            g.add((s, GK.pattern, Literal(r.pattern)))
        if org is not None:
            g.add((person, SDO.affiliation, org))
            g.add((s, GK.organization, org))
        g.add((s, PROV.wasDerivedFrom, d))
        g.add((s, GK.sentenceIndex, Literal(r.sent)))
        if r.sent in rec.sentences:
            g.add((s, GK.evidence, Literal(rec.sentences[r.sent])))


def _add_quotes(g: Graph, rec: DocRecord, res: Resolution, ent_iri, d: URIRef) -> None:
    for n, q in enumerate(rec.quotes):
        creators = [ent_iri[si] for who in [q.speaker, *q.co_speakers]
                    for si in [res.of(rec.doc_id, who)] if si is not None and si in ent_iri]
        holder = res.quote_speakers.get((rec.doc_id, n)) if q.speaker is None else None
        if holder is not None and holder in ent_iri:  # "the President said": that day's President
            creators.append(ent_iri[holder])
        if q.speaker is None and not creators:
            continue  # an office no one in the corpus clearly held that day: no one to credit
        key = hashlib.sha1(f"{rec.doc_id}|{n}|{q.text}".encode()).hexdigest()[:12]
        s = ID[f"quote/{key}"]
        g.add((s, RDF.type, SDO.Quotation))
        g.add((s, SDO.text, Literal(q.text)))
        g.add((s, PROV.wasDerivedFrom, d))
        g.add((s, GK.sentenceIndex, Literal(q.sent)))
        if q.sent in rec.sentences:
            g.add((s, GK.evidence, Literal(rec.sentences[q.sent])))
        if q.pattern:
            g.add((s, GK.pattern, Literal(q.pattern)))
        for c in creators:
            g.add((s, SDO.creator, c))
