"""The one place where namespaces and graphkit's own `gk:` terms are defined.

`GK` is a closed namespace: a typo such as ``GK.evidnce`` raises at import time instead of
silently minting a new term. Every term is documented in docs/vocabulary.md.
"""
from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import PROV, RDF, RDFS, SDO, SKOS, XSD, DefinedNamespace
from rdflib.term import URIRef

__all__ = ["GK", "ID", "SDO", "PROV", "SKOS", "XSD", "RDF", "RDFS", "BASE", "bind_namespaces"]

BASE = "https://w3id.org/graphkit/"
#: IRIs of things in a built graph (documents, entities, events, quotes, roles).
ID = Namespace(BASE + "id/")


class GK(DefinedNamespace):
    """graphkit's vocabulary; what each term means is in docs/vocabulary.md."""

    _NS = Namespace(BASE + "ns#")
    _fail = True

    # classes
    RoleStatement: URIRef   # one stated role: holder, title, organisation, evidence
    Held: URIRef            # event status: the text says it happened
    Planned: URIRef         # event status: the text says it is planned or expected

    # event detail
    eventKind: URIRef       # "Meeting" | "Summit" | "Visit" | "Call" | "PressConference" | "Talks" | "Other"
    status: URIRef          # gk:Held or gk:Planned
    dateText: URIRef        # the words the date was resolved from ("on Saturday")
    datePrecision: URIRef   # "day" | "month" | "year" | "month-day"

    # provenance
    evidence: URIRef        # the sentence a fact was read from (literal)
    sentenceIndex: URIRef   # 0-based index of that sentence in its document
    pattern: URIRef         # the named extraction rule that stated the fact ("transcript-turn")
    sourcePath: URIRef      # file path (or JSONL path#id) the document was read from
    contentHash: URIRef     # sha256 of the document text

    # roles
    holder: URIRef          # RoleStatement → person
    organization: URIRef    # RoleStatement → organisation or country the title is tied to

    # entities
    mentionCount: URIRef    # how many times the entity is named across the corpus
    titleReference: URIRef  # a bare title used as a name for this person ("the Kremlin spokesman")

    # derived at build time (graphkit.rdf.build.add_links) so queries look up instead of recompute
    coAttendee: URIRef        # person → person: attended at least one event together (both directions)
    eventCount: URIRef        # person → integer: events attended
    coAttendeeCount: URIRef   # person → integer: distinct people met at those events
    connectionRank: URIRef    # person → integer: 1 = most co-attendees (then events, name, IRI)
    nameRank: URIRef          # person → integer: position by (name, IRI) among all people
    pairRank: URIRef          # person → integer: its nameRank, only for people who met someone named later
    sortKey: URIRef           # event, document, quotation, role statement → integer: reading order (date, document, sentence, IRI)


def bind_namespaces(graph) -> None:
    """Bind the prefixes a reader expects (schema, prov, skos, xsd, gk, id)."""
    graph.bind("schema", SDO, override=True, replace=True)
    graph.bind("prov", PROV)
    graph.bind("skos", SKOS)
    graph.bind("xsd", XSD)
    graph.bind("gk", GK._NS)
    graph.bind("gkid", ID)
