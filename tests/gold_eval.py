"""A small, independent check of a built graph against a gold file in the seeds' format.

Used where ../shared/tools/kgscore.py is not available (a fresh clone); it reads the graph only
through the contract's terms and matches entities by normalised alias, like the seed README says.
"""
from __future__ import annotations

import itertools
import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import RDF, SDO, SKOS


def norm(text: str) -> str:
    t = unicodedata.normalize("NFKD", str(text))
    t = "".join(c for c in t if not unicodedata.combining(c)).lower().replace("\u2019", "'")
    t = re.sub(r"'s\b", "", t)
    t = re.sub(r"[^\w\s]", " ", t)
    return re.sub(r"^the ", "", re.sub(r"\s+", " ", t).strip())


def evaluate(graph: Graph, gold_path: Path) -> dict:
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    ents = {e["id"]: e for e in gold["entities"]}
    alias = defaultdict(set)
    for e in gold["entities"]:
        for a in set(e["aliases"]) | {e["name"]}:
            alias[norm(a)].add(e["id"])
    node_gold = {}
    for s in graph.subjects(RDF.type, SDO.Person):
        labels = {norm(x) for x in [*graph.objects(s, SDO.name), *graph.objects(s, SKOS.altLabel)]}
        node_gold[s] = {g for lab in labels for g in alias.get(lab, ()) if ents[g]["type"] == "Person"}
    persons = [i for i, e in ents.items() if e["type"] == "Person"]
    found = {g for ids in node_gold.values() for g in ids}
    out = {
        "person_recall": len(found & set(persons)) / len(persons),
        "person_precision": sum(1 for ids in node_gold.values() if ids) / max(1, len(node_gold)),
        "person_merged": sum(1 for ids in node_gold.values() if len(ids) > 1),
    }
    for kind, key in ((SDO.Organization, "org_recall"), (SDO.Place, "place_recall")):
        ids = [i for i, e in ents.items() if e["type"] == str(kind).rsplit("/", 1)[-1]]
        labels = {norm(x) for s in graph.subjects(RDF.type, kind)
                  for x in [*graph.objects(s, SDO.name), *graph.objects(s, SKOS.altLabel)]}
        hit = [i for i in ids if any(norm(a) in labels for a in {*ents[i]["aliases"], ents[i]["name"]})]
        out[key] = len(hit) / max(1, len(ids))
    pred_pairs = set()
    for ev in graph.subjects(RDF.type, SDO.Event):
        people = sorted({g for a in graph.objects(ev, SDO.attendee) for g in node_gold.get(a, ())})
        pred_pairs |= {frozenset(p) for p in itertools.combinations(people, 2)}
    gold_pairs = {frozenset(p) for ev in gold["events"] for p in itertools.combinations(sorted(ev["participants"]), 2)}
    out["pair_recall"] = len(gold_pairs & pred_pairs) / max(1, len(gold_pairs))
    titles = defaultdict(set)
    for node, ids in node_gold.items():
        for g in ids:
            titles[g] |= {norm(t) for t in graph.objects(node, SDO.jobTitle)}
    roles = gold.get("roles", [])
    out["role_recall"] = sum(any(norm(k) in t for k in r["title_keywords"] for t in titles[r["person"]]) for r in roles) / max(1, len(roles))
    quotes = []
    for q in graph.subjects(RDF.type, SDO.Quotation):
        speakers = {g for c in graph.objects(q, SDO.creator) for g in node_gold.get(c, ())}
        quotes.append((speakers, " ".join(norm(t) for t in graph.objects(q, SDO.text))))
    gq = gold.get("quotes", [])
    out["quote_recall"] = sum(any(q["speaker"] in sp and " ".join(norm(q["evidence"]).split()[:5]) in tx for sp, tx in quotes)
                              for q in gq) / max(1, len(gq))
    return out
