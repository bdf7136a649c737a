"""Extraction stage: parsed Docs of one document → a DocRecord (entities, roles, events, quotes)."""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from ..read import content_hash, is_headline
from ..records import DocRecord, Document
from .context import Context
from .events import find_dateline, find_events
from .mentions import Mention, cluster_mentions, find_mentions, headline_mentions, recover_mentions
from .quotes import find_quotes, statement_speakers, turn_speakers
from .roles import find_roles, resolve_title_references
from .transcript import find_turns, venue_lines

__all__ = ["extract_document"]


def extract_document(document: Document, chunks: list[tuple[int, Doc]]) -> DocRecord:
    """Everything graphkit reads from one document; ``chunks`` are (char offset, Doc) in order.

    The passes, in this order: mentions (NER cleaned, names NER missed, headline evidence) →
    transcript turns, venue lines and speaker labels → entities of the document → titles and
    roles → title references ("the Kremlin spokesman") → who speaks where (turns, a statement's
    signers) → events → quotations. Each reads what the ones before it made.
    """
    first = document.text.split("\n\n", 1)
    if not document.headline_end and len(first) == 2 and is_headline(first[0]):
        document = replace(document, headline_end=len(first[0]))  # a Document not made by the reader
    words = sum(1 for _, doc in chunks for t in doc if not t.is_punct and not t.is_space)
    alpha = [t for _, doc in chunks for t in doc if t.is_alpha]
    if len(alpha) >= 40 and sum(t.is_stop for t in alpha) < 0.12 * len(alpha):
        # English prose is ~40% stopwords; a table, a log, code or another language is not, and
        # NER on it yields nonsense names en masse: keep the document, extract nothing
        return _empty_record(document, words, "not English prose (few English function words): nothing extracted")
    mentions: list[Mention] = []
    sent_offset = 0
    offsets = []
    for ci, (off, doc) in enumerate(chunks):
        offsets.append(sent_offset)
        mentions += find_mentions(doc, ci, off, sent_offset)
        sent_offset += sum(1 for _ in doc.sents)
    turns = find_turns(document.text, document.headline_end)
    mentions += recover_mentions(chunks, mentions, offsets, {t.name for t in turns if t.name})
    mentions = headline_mentions(mentions, document, chunks)
    ctx_probe = Context(document, chunks, [], [])
    # a transcript's venue lines; and a prepared speech's ("Remarks as Prepared for Delivery by …"
    # above "Greensboro, NC"): where it was given
    remarks = bool(re.match(r"(?i)(?:joint\s+)?remarks\b", document.text[:document.headline_end]))
    lines = venue_lines(document.text, document.headline_end + 1 if document.headline_end else 0) \
        if turns or remarks else []
    mentions, venue_chars = _venue_mentions(document, chunks, mentions, lines, ctx_probe)
    mentions = _label_mentions(document, chunks, mentions, turns, ctx_probe)
    entities = cluster_mentions(mentions, document.text, document.headline_end)
    ctx = Context(document, chunks, mentions, entities)
    ctx.venue = next((m.entity for c in venue_chars for m in mentions if m.char == c and m.entity), None)
    aboard = any(a for _, _, a in lines)
    roles = find_roles(ctx)
    resolve_title_references(ctx, roles)
    speakers = turn_speakers(ctx, turns)
    ctx.voices = [(t.start, t.end, [k]) for t, k in zip(turns, speakers) if k]
    ctx.voice_roles = {k: t.role for t, k in zip(turns, speakers) if k and t.role}
    if not turns and (signers := statement_speakers(ctx)):
        ctx.voices = [(document.headline_end, len(document.text), signers)]
        ctx.signed = True
    # from the label on: a reporter's first sentence starts at its "Q"
    ctx.questions = [(document.text.rfind(t.label, 0, t.start), t.end) for t in turns if t.question]
    # a leader's "we" in remarks is the leader (and guest); a briefer's "we" is the administration
    ctx.signed = ctx.signed or remarks
    events = find_events(ctx)
    quotes = find_quotes(ctx, turns)
    # a leader's remarks happen where the venue line says, and so does what they did there that
    # day; a briefing room or an aircraft is only where the briefing was, not what it tells of
    dateline = find_dateline(ctx)
    venue = ctx.venue if ctx.signed and (turns or remarks) and not aboard else None
    return DocRecord(
        doc_id=document.id,
        title=document.title,
        published=document.published,
        url=document.url,
        path=document.path,
        content_hash=content_hash(document.text),
        words=words,
        entities=[e for e in ctx.entities if e.mentions > 0],
        roles=roles,
        events=events,
        quotes=quotes,
        sentences={i: ctx.sent_text(i) for i in sorted(ctx.used_sents)},
        notes=list(document.notes),
        dateline=dateline or venue,
        dateline_is_venue=dateline is None and venue is not None,
    )


def _venue_mentions(document: Document, chunks, mentions: list[Mention], lines, probe: Context
                    ) -> tuple[list[Mention], list[int]]:
    """Places the venue lines under a transcript's headline name ("Oval Office", "Aboard Air Force
    One"), added where NER found none; with the offsets of each line's place."""
    text = document.text
    venue_chars: list[int] = []
    for s, e, _ in lines:
        name = re.sub(r"^(?:Aboard|On board|Onboard)\s+", "", text[s:e].strip(" *"), flags=re.I).strip(" *")
        start = e - len(name) - (len(text[s:e]) - len(text[s:e].rstrip(" *")))
        inside = [m for m in mentions if s <= m.char < e]
        if any(m.label == "Place" for m in inside):
            venue_chars.append(min(m.char for m in inside if m.label == "Place"))
            continue
        if any(m.label == "Organization" for m in inside):
            continue  # "State Department": the host, not the room; the next line may name the place
        mentions = [m for m in mentions if m not in inside]
        ci = max(k for k, (off, _) in enumerate(chunks) if off <= start)
        mentions.append(Mention(chunk=ci, start=-1, end=-1, text=name, label="Place", sent=probe.sent_of_char(start),
                                char=start, raw=name, ner="VENUE", evidence={"venue-line"}))
        venue_chars.append(start)
    return mentions, venue_chars


def _label_mentions(document: Document, chunks, mentions: list[Mention], turns, probe: Context) -> list[Mention]:
    """A speaker label names a person even where NER missed it; a mixed-case label ("Ivan Petrov:",
    "Fox News:") is a person only where NER says so."""
    for t in turns:
        if t.name and not t.label.isupper():
            label_start = document.text.rfind(t.label, 0, t.start)
            inside = [m for m in mentions if label_start <= m.char < t.start and m.label == "Person"]
            if inside:
                inside[-1].evidence.add("speaker-label")
                inside[-1].raw = t.label
        elif t.name:
            ci = max(k for k, (off, _) in enumerate(chunks) if off <= t.start)
            mentions.append(Mention(chunk=ci, start=-1, end=-1, text=t.name, label="Person",
                                    sent=probe.sent_of_char(t.start), char=t.start - 1,
                                    raw=t.label, ner="TURN", evidence={"speaker-label"}))
    return mentions


def _empty_record(document: Document, words: int, note: str) -> DocRecord:
    return DocRecord(doc_id=document.id, title=document.title, published=document.published, url=document.url,
                     path=document.path, content_hash=content_hash(document.text), words=words,
                     notes=[*document.notes, note])
