"""Roles: job titles stated for persons (prenominal, apposition, copula, relative clause, "as"),
and bare titles used as names ("the Kremlin spokesman said") resolved to their holder."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..names import fold
from ..records import RoleRec
from .context import Context
from .lexicon import TITLE_HEADS as _HEAD_WORDS
from .lexicon import country_of
from .mentions import Mention
from .titles import TitlePhrase, is_title_head, title_after, title_before, title_from_tokens

__all__ = ["find_roles", "resolve_title_references", "title_heads_of"]

_SPOKES = ("spokesman", "spokeswoman", "spokesperson", "press secretary", "spokespeople")


def _aff_key(ctx: Context, chunk: int, tp: TitlePhrase) -> tuple[str | None, str | None]:
    if tp.affiliation_span:
        for t in range(*tp.affiliation_span):
            key = ctx.entity_at(chunk, t)
            if key and ctx.entity(key).type != "Person":
                return key, None
    if tp.affiliation:
        c = country_of(tp.affiliation.split()[0]) or country_of(tp.affiliation)
        if c:
            return None, c
    return None, None


def _subtree_title(doc: Doc, head: Token, exclude: range) -> TitlePhrase | None:
    skip: set[int] = set()
    for c in head.children:
        if c.dep_ in ("relcl", "acl", "punct"):
            skip |= {t.i for t in c.subtree}
    toks = [t for t in head.subtree if t.i not in exclude and t.i not in skip]
    if not toks:
        return None
    start, end = toks[0].i, toks[-1].i + 1
    while start < end and (doc[start].pos_ in ("DET", "PRON") or doc[start].tag_ == "PRP$"):
        start += 1
    # stop at a comma or relative pronoun inside the range
    for k in range(start, end):
        if doc[k].text in (",", ";", "(") or doc[k].tag_ in ("WP", "WDT"):
            end = k
            break
    if start >= end or not any(is_title_head(doc[k]) for k in range(start, end)):
        return None
    return title_from_tokens(doc, start, end)


def _clause_titles(doc: Doc, m: Mention) -> list[tuple[TitlePhrase, str]]:
    """Copular, relative-clause, reverse-apposition and "as" titles of one name mention."""
    out: list[tuple[TitlePhrase, str]] = []
    root = doc[m.end - 1]
    name_range = range(m.start, m.end)
    def titles_below(parent: Token, dep: str, pattern: str) -> None:
        for a in parent.children:
            if a.dep_ == dep and is_title_head(a):
                tp = _subtree_title(doc, a, name_range)
                if tp:
                    out.append((tp, pattern))

    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ == "be":
        titles_below(root.head, "attr", "copula")                  # "X is the secretary of Y"
    for c in root.children:
        if c.dep_ == "relcl" and c.lemma_ == "be":
            titles_below(c, "attr", "relative-clause")             # "X, who is deputy foreign minister,"
        if c.dep_ == "prep" and c.lower_ == "as":
            titles_below(c, "pobj", "as")                          # "Joe Biden as the US Vice President"
    # "the Italian Prime Minister, Mario Draghi": the name is in apposition to a title
    if m.start >= 2 and doc[m.start - 1].text == "," and (
            (root.dep_ == "appos" and is_title_head(root.head)) or is_title_head(doc[m.start - 2])):
        tp = title_before(doc, m.start - 1)
        if tp:
            out.append((tp, "apposition-before"))
    return out


def find_roles(ctx: Context) -> list[RoleRec]:
    """Every stated (person, title[, organisation]) in the document, one record per statement."""
    roles: list[RoleRec] = []
    seen: set[tuple[str, str, int]] = set()

    def add(m: Mention, tp: TitlePhrase, pattern: str) -> None:
        title = tp.title.strip()
        if not title or len(title) > 120 or not any(c.isalpha() for c in title):
            return
        if any(n.label == "Person" and " " in n.text and n.text in title for n in ctx.mentions):
            return  # "Secretary of Commerce Ann Lee and Secretary of …": a list run together, no title
        key = (m.entity, fold(title), m.sent)
        if key in seen:
            return
        seen.add(key)
        org, org_name = _aff_key(ctx, m.chunk, tp)
        roles.append(RoleRec(person=m.entity, title=title, org=org, org_name=org_name,
                             sent=ctx.use(m.sent), pattern=pattern))
        ent = ctx.entity(m.entity)
        if title not in ent.titles:
            ent.titles.append(title)

    for m in ctx.mentions:
        if m.entity is None or m.start < 0 or ctx.entity(m.entity).type != "Person":
            continue
        doc = ctx.chunks[m.chunk][1]
        if m.title is not None:
            add(m, m.title, "prenominal" if m.title.end <= m.start else "apposition")
        tp = title_after(doc, m.end)
        if tp is not None:
            add(m, tp, "apposition")
        for tp, pattern in _clause_titles(doc, m):
            add(m, tp, pattern)
    return roles


#: words that make a title another office than its head alone
_LESSER = frozenset("vice deputy assistant under associate principal acting former".split())


def title_heads_of(title: str) -> set[str]:
    """The head noun(s) of a title: "press secretary of the President" → {"secretary", "spokes"}."""
    low = fold(title)
    main = re.split(r"\b(?:of|for|to|at|in|on|with)\b", low)[0].split()
    words = [w for w in main if w in _HEAD_WORDS]
    heads = {words[-1]} if words else set()
    if any(s in " ".join(main) for s in _SPOKES):
        heads.add("spokes")
    return heads



def resolve_title_references(ctx: Context, roles: list[RoleRec]) -> None:
    """Turn "the Kremlin spokesman", "the Russian President" into mentions of the person who was
    introduced with that title earlier in this document (only when one person fits)."""
    holders: dict[str, list[tuple[str, RoleRec]]] = {}
    for r in roles:
        for h in title_heads_of(r.title):
            holders.setdefault(h, []).append((r.person, r))
    if not holders:
        return
    taken = {(m.chunk, t) for m in ctx.mentions for t in range(m.start, m.end)}
    for m in ctx.mentions:
        if m.title is not None and m.start >= 0:
            taken |= {(m.chunk, t) for t in range(m.title.start, m.title.end)}
    new: list[Mention] = []
    found: list[tuple] = []  # bare titles and the persons that may be meant, in document order
    others: dict[tuple, set[str]] = {}
    for ci, (off, doc) in enumerate(ctx.chunks):
        for tok in doc:
            if not is_title_head(tok) or (ci, tok.i) in taken or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            # a bare title: determiner-led noun phrase whose head is the title and no name follows
            if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN" and doc[tok.i + 1].text[0].isupper():
                continue
            left = tok.left_edge.i
            if doc[left].lower_ not in ("the", "this") or tok.dep_ in ("compound", "amod"):
                continue
            if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children) and tok.lower_ != "spokesman":
                continue  # "the president of X" names a role, rarely a back-reference
            heads = title_heads_of(tok.text) | ({"spokes"} if tok.lower_ in ("spokesman", "spokeswoman", "spokesperson") else set())
            if tok.lower_ == "secretary" and tok.i > 0 and doc[tok.i - 1].lower_ == "press":
                heads.add("spokes")
            # "the President" is not the Vice President, "the Secretary" not a Deputy Secretary
            mods = {t.lower_ for t in doc[left:tok.i]} & _LESSER
            cands = {p for h in heads for p, r in holders.get(h, []) if set(fold(r.title).split()) & _LESSER == mods}
            words = [t for t in doc[left:tok.i] if t.pos_ in ("PROPN", "ADJ", "NOUN")]
            if len(cands) > 1 and words:
                aff = {country_of(w.text) or fold(w.text) for w in words}
                cands = {p for p in cands if any(
                    (r.org_name and r.org_name in aff) or (r.org and (country_of(ctx.entity(r.org).name) or fold(ctx.entity(r.org).name)) in aff)
                    for h in heads for q, r in holders.get(h, []) if q == p)}
            sent_idx = ctx.sent_of_char(off + tok.idx)
            cands = {p for p in cands if ctx.entity(p).first_sent <= sent_idx}
            # "the President spoke with President Putin": whom a sentence names beside the bare
            # title is someone else, there and in the rest of the document
            beside = {m.entity for m in ctx.mentions_in_sent(sent_idx, "Person") if m.chunk == ci
                      and not (m.start <= tok.i < m.end)}
            key = (frozenset(heads), frozenset(mods), frozenset(fold(w.text) for w in words))  # ("the US President" is not "the Russian President")
            others.setdefault(key, set()).update(beside)
            found.append((ci, off, tok, left, sent_idx, key, cands))
    for ci, off, tok, left, sent_idx, key, cands in found:
        doc = ctx.chunks[ci][1]
        cands = cands - others.get(key, set())
        if len(cands) != 1:
            continue
        person = cands.pop()
        phrase = doc[left:tok.i + 1].text
        ent = ctx.entity(person)
        ref = " ".join(phrase.split())
        if ref not in ent.title_refs:
            ent.title_refs.append(ref)
        new.append(Mention(chunk=ci, start=left, end=tok.i + 1, text=ent.name, label="Person",
                           sent=sent_idx, char=off + doc[left].idx, raw=ref, ner="TITLE",
                           evidence={"title-ref"}, entity=person))
    for m in new:
        ctx.mentions.append(m)
        for t in range(m.start, m.end):
            ctx._by_token.setdefault((m.chunk, t), m)
