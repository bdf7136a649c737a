"""Direct quotations and their speakers: '"…," said X', 'X said: "…"', '"…," the Kremlin spokesman
said' (a title resolved to its holder), quotes split by their attribution, multi-paragraph
quotes, curly and straight marks, a closing mark whose opening is missing, and transcript turns."""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..records import QuoteRec
from .context import Context
from .events import resolve_pronoun
from .lexicon import SPEECH_VERBS
from .titles import bare_office, is_title_head
from .transcript import Turn, speaker_of_role, venue_lines

__all__ = ["find_quotes", "quote_spans", "turn_speakers", "statement_speakers", "whole_quotation"]

_OPEN = {"“": "”", "«": "»", "„": "“"}
_CLOSE = {"”", "»"}


@dataclass
class _Q:
    start: int      # character offsets of the quoted text (marks excluded)
    end: int
    open_mark: bool
    close_mark: bool
    para: int


def quote_spans(text: str) -> list[_Q]:
    """Quoted stretches of ``text``, paragraph by paragraph; unbalanced marks are repaired the way
    news copy uses them (a paragraph left open continues into the next one that opens again)."""
    out: list[_Q] = []
    paras = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    carry: _Q | None = None
    for pi, (ps, pe) in enumerate(paras):
        para = text[ps:pe]
        opened: int | None = None
        opened_by = ""
        first_event = True
        for k, ch in enumerate(para):
            pos = ps + k
            straight = ch == '"'
            if straight:
                is_open = opened is None
            elif ch in _OPEN and not (ch == "“" and opened is not None and opened_by == "„"):
                is_open = True
            elif ch in _CLOSE or (ch == "“" and opened_by == "„"):
                is_open = False
            elif ch == "‘" and (k == 0 or not para[k - 1].isalnum()) and opened is None:
                is_open, opened_by = True, "‘"
            elif ch == "’" and opened_by == "‘" and (k + 1 == len(para) or not para[k + 1].isalnum()):
                is_open = False
            else:
                continue
            if is_open:
                if carry is not None and first_event and k <= 1:
                    # a multi-paragraph quote: this paragraph re-opens the one left open
                    opened = pos + 1
                    opened_by = ch
                    first_event = False
                    continue
                if carry is not None:
                    out.append(carry)
                    carry = None
                opened, opened_by = pos + 1, ch
            else:
                if opened is not None:
                    start = carry.start if carry is not None else opened
                    out.append(_Q(start, pos, True, True, pi))
                    carry = None
                elif carry is not None:
                    out.append(_Q(carry.start, pos, True, True, pi))
                    carry = None
                elif not out or out[-1].para != pi:
                    # a closing mark whose opening mark is missing: the quote starts the paragraph
                    out.append(_Q(ps, pos, False, True, pi))
                opened, opened_by = None, ""
            first_event = False
        if opened is not None:
            if carry is not None and carry.start < opened:
                carry = _Q(carry.start, pe, True, False, pi)
            else:
                carry = _Q(opened, pe, True, False, pi)
        elif carry is not None:
            out.append(carry)
            carry = None
    if carry is not None:
        out.append(carry)
    return out


def _speaker_of_verb(ctx: Context, chunk: int, verb: Token, sent_idx: int) -> str | None:
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            key = ctx.entity_at(chunk, c, "Person")
            if key:
                return key
            for t in c.subtree:  # "Russia's ambassador to Washington, Anatoly Antonov"
                key = ctx.entity_at(chunk, t, "Person")
                if key:
                    return key
            if c.lower_ in ("he", "she"):
                return resolve_pronoun(ctx, chunk, c, sent_idx)
            if is_title_head(c) and any(d.dep_ == "det" and d.lower_ == "the" for d in c.children):
                # "And the Attorney General said, “…”": the one person the document gives that title
                role = " ".join(t.text for t in c.subtree if t.dep_ != "det" and t.i <= c.i)
                holders = [(e.key, [*e.titles, *e.titled_forms]) for e in ctx.entities if e.type == "Person" and e.mentions]
                key = speaker_of_role(role, holders, set(), [])
                if key:
                    return key
    if verb.dep_ in ("advcl", "conj", "xcomp") and verb.head is not verb:  # ", adding: …"
        return _speaker_of_verb(ctx, chunk, verb.head, sent_idx)
    return None


def _office_speaker(ctx: Context, q: _Q, text: str) -> str | None:
    """The office ("president") that a verb of saying right before the quotation has as its subject
    ("The President has long said — … — “…”", "as the Vice President put it: “…”"), if any."""
    sent_idx = ctx.sent_of_char(q.start)
    ci, sent = ctx.sents[sent_idx]
    off = ctx.chunks[ci][0]
    verbs = [t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in SPEECH_VERBS and off + t.idx < q.start
             and not re.search(r"[”»]", text[off + t.idx:q.start])]
    for verb in reversed(verbs):  # the nearest verb of saying whose subject names someone
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects:
            continue
        c = subjects[0]
        if c.lower_ in ("he", "she", "i", "me", "you", "we"):
            continue  # "… — and he said this many times — “…”": the one named before
        if ctx.entity_at(ci, c, "Person") is None:
            return bare_office(c)
        return None
    return None


def _you_said(ctx: Context, q: _Q) -> bool:
    """The quotation follows "you said to me" / "you told us" in its sentence: words the speaker
    heard from the one addressed (a generic "you" says nothing to anyone in particular)."""
    sent_idx = ctx.sent_of_char(q.start)
    ci, sent = ctx.sents[sent_idx]
    off = ctx.chunks[ci][0]
    for t in sent:
        if t.pos_ != "VERB" or t.lemma_.lower() not in ("say", "tell") or off + t.idx >= q.start:
            continue
        if not any(c.dep_ == "nsubj" and c.lower_ == "you" for c in t.children):
            continue
        hearers = [c for c in t.children if c.dep_ in ("dobj", "dative", "iobj")]
        hearers += [g for c in t.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children]
        if any(h.lower_ in ("me", "us") for h in hearers):
            return True
    return False


def _according_to(ctx: Context, chunk: int, sent: Span) -> str | None:
    for t in sent:
        if t.lower_ == "according":
            for c in t.subtree:
                key = ctx.entity_at(chunk, c, "Person")
                if key:
                    return key
    return None


def _attribute(ctx: Context, q: _Q, text: str) -> tuple[str | None, str]:
    """The speaker of a quote, and which construction named it."""
    inside = range(q.start, q.end)
    for ci, (off, doc) in enumerate(ctx.chunks):
        if not (off <= q.start <= off + ctx.chunk_len[ci]):
            continue
        sent_idx = ctx.sent_of_char(q.start)
        end_sent = ctx.sent_of_char(max(q.start, q.end - 1))
        candidates: list[tuple[int, Token, str]] = []
        for si in range(max(0, sent_idx - 1), min(len(ctx.sents), end_sent + 2)):
            c2, sent = ctx.sents[si]
            if c2 != ci:
                continue
            for t in sent:
                cpos = off + t.idx
                if cpos in inside or t.pos_ != "VERB" or t.lemma_.lower() not in SPEECH_VERBS:
                    continue
                if cpos >= q.end:
                    dist, where = cpos - q.end, "after"
                    between = text[q.end:cpos]
                    if si > end_sent + 0 and not re.match(r"^[\s”\"’,.»]*$", between[:3]):
                        continue
                    if re.search(r"[“\"«]", between):
                        continue
                else:
                    dist, where = q.start - cpos, "before"
                    between = text[cpos:q.start]
                    lead = between.rstrip(" \n“\"«‘")
                    if re.search(r"[”»]", between) or (si < sent_idx and not lead.endswith((":", ",", "that"))):
                        continue
                candidates.append((dist, t, where))
        for _, verb, where in sorted(candidates, key=lambda c: c[0]):
            spk = _speaker_of_verb(ctx, ci, verb, ctx.sent_of_char(off + verb.idx))
            if spk:
                return spk, f"speech-verb-{where}"
        _, sent = ctx.sents[sent_idx]
        spk = _according_to(ctx, ci, sent)
        if spk:
            return spk, "according-to"
        spk = _colon_speaker(ctx, q, text)
        if spk:
            return spk, "name-colon"
        spk = _epigraph_speaker(ctx, q, text)
        if spk:
            return spk, "attribution-line"
        return None, ""
    return None, ""


def _other_person_between(ctx: Context, start: int, end: int, speaker: str) -> bool:
    """Whether a person other than ``speaker`` is named between two quotations."""
    return any(m.entity and m.entity != speaker and start <= m.char < end and ctx.entity(m.entity).type == "Person"
               for m in ctx.mentions)


def _colon_lead(text: str, start: int) -> str:
    """The words that open a quotation's paragraph and end in a colon ("Acme Trust: “…”"), or ""."""
    para_start = text.rfind("\n", 0, start) + 1
    lead = text[para_start:start].rstrip(" “\"«")
    if not lead.endswith(":") or len(lead) > 160 or re.search(r"[.!?]\s", lead):
        return ""
    return lead


def _colon_speaker(ctx: Context, q: _Q, text: str) -> str | None:
    """"Fox Business Network's Jane Roe: “…”": a paragraph or list item that opens with a person
    (and their title) and a colon, then the quotation."""
    para_start = text.rfind("\n", 0, q.start) + 1
    if not _colon_lead(text, q.start):
        # "Jane Roe, Director of Navigation, Acme Cancer Center:" a heading line of its own, then
        # the quotation as the next paragraph
        if text[para_start:q.start].strip(" “\"«"):
            return None
        head_end = text[:para_start].rstrip().rfind("\n") + 1
        heading = text[head_end:para_start].strip()
        if not heading.rstrip(" *_").endswith(":") or len(heading) > 200 or re.search(r"[.!?][\s*_]", heading):
            return None
        first = min((m for m in ctx.mentions if m.entity and head_end <= m.char < para_start
                     and ctx.entity(m.entity).type == "Person"), key=lambda m: m.char, default=None)
        return first.entity if first is not None and first.char - head_end <= 4 else None
    for m in ctx.mentions:
        if m.entity and para_start <= m.char < q.start and ctx.entity(m.entity).type == "Person":
            tail = text[m.char + len(m.text):q.start]
            if re.fullmatch(r"[\s*’'s]*:\s*[“\"«]?", tail):
                return m.entity
    return None


def _epigraph_speaker(ctx: Context, q: _Q, text: str) -> str | None:
    """A quotation that is a paragraph of its own, attributed on the next line: “…” / "— Jane
    Roe, Governor of Utah, May 2023" (a dash, or a short line that opens with the name)."""
    para_start = text.rfind("\n", 0, q.start) + 1
    para_end = text.find("\n", q.end)
    para_end = len(text) if para_end < 0 else para_end
    if text[para_start:q.start].strip(" “\"«") or text[q.end:para_end].strip(" ”\"»,.") :
        return None
    nxt = re.match(r"\n+([^\n]{1,160})", text[para_end:])
    if not nxt:
        return None
    line_start = para_end + nxt.start(1)
    line = nxt.group(1)
    dashed = re.match(r"^\s*[—–-]+\s*", line)
    if not dashed and len(line.split()) > 12:
        return None
    offset = line_start + (dashed.end() if dashed else 0)
    for m in ctx.mentions:
        if m.entity and ctx.entity(m.entity).type == "Person" and offset <= m.char <= offset + 40 \
                and m.char < line_start + len(line):
            return m.entity
    return None


def _sentence_subject(ctx: Context, sent_idx: int) -> str | None:
    ci, sent = ctx.sents[sent_idx]
    root = sent.root
    for c in root.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            for t in c.subtree:
                key = ctx.entity_at(ci, t, "Person")
                if key:
                    return key
    return None


def find_quotes(ctx: Context, turns: list[Turn]) -> list[QuoteRec]:
    """Quotations with speakers; in transcripts every speaker's turn is a quotation too, and a
    statement issued in a person's name and written in the first person is theirs."""
    text = ctx.document.text
    out: list[QuoteRec] = []
    in_turn = [(t.start, t.end) for t in turns if not t.question]
    last_speaker: tuple[int, str, int] | None = None  # (paragraph, speaker, end) of the previous quote
    cited: list[tuple[int, str]] = []  # (start, words) of quotations a speaker cites in a turn
    speakers = turn_speakers(ctx, turns)
    conversation = not any(t.question for t in turns)
    for q in quote_spans(text):
        if q.start < ctx.document.headline_end:
            continue  # a headline's quoted words are the headline writer's summary
        body = " ".join(text[q.start:q.end].split()).strip(" ,")
        words = re.findall(r"\w+", body)
        if len(words) < 2 or not any(c.islower() for c in body):
            continue
        speaker, how = _attribute(ctx, q, text)
        turn = any(s <= q.start < e for s, e in in_turn)
        if turn and speaker is None and conversation and len(words) >= 4 and _you_said(ctx, q):
            # "you said to me, “…”" between two speakers: the one addressed said it (where
            # reporters ask questions, "you" is the reporter)
            own = next((sp for t, sp in zip(turns, speakers) if t.start <= q.start < t.end), None)
            others = {sp for sp in speakers if sp and sp != own}
            if own and len(others) == 1:
                speaker, how = others.pop(), "speech-verb-addressee"
        office = _office_speaker(ctx, q, text) if not all(w[:1].isupper() or w.isdigit() for w in words) else None
        if office:  # (not a title in quotation marks: "told “60 Minutes”")
            # "The President has long said — … — “…”": whoever holds the office that day, which
            # resolution reads from the corpus
            if turn:
                cited.append((q.start, body))
            out.append(QuoteRec(speaker=None, office=office, text=body, sent=ctx.use(ctx.sent_of_char(q.start)),
                                pattern=f"{'cited-in-turn-' if turn else ''}office-holder"))
            continue
        if turn:
            # inside a turn the speaker's own words are the turn; only a quotation the speaker
            # attributes to someone else by a speech verb ("as the President said, …") is kept
            if speaker is None or not how.startswith(("speech-verb", "according")):
                continue
            out.append(QuoteRec(speaker=speaker, text=body, sent=ctx.use(ctx.sent_of_char(q.start)),
                                pattern=f"cited-in-turn-{how}"))
            cited.append((q.start, body))
            continue
        sent_idx = ctx.sent_of_char(q.start)
        if speaker is None and last_speaker and last_speaker[0] in (q.para, q.para - 1) \
                and not _other_person_between(ctx, last_speaker[2], q.start, last_speaker[1]) \
                and not _colon_lead(text, q.start):
            # (someone else named since the last quotation, "Rep. Jane Roe: “…”", is a new voice)
            speaker, how = last_speaker[1], "continues-previous-quote"
        if speaker is None and 3 <= len(words) <= 12 and not _named_phrase(text, q, words):
            # the subject of the sentence that quotes a short phrase ("X called it “a disgrace”");
            # a longer quotation with no verb of saying has no speaker the text states
            speaker = _sentence_subject(ctx, sent_idx)
            if speaker is None and sent_idx > 0:
                prev = ctx.sents[sent_idx - 1][1].text
                if "\n\n" not in prev:
                    speaker = _sentence_subject(ctx, sent_idx - 1)
            how = "sentence-subject" if speaker else ""
        if speaker is None or len(words) < 3 and how.startswith("sentence"):
            continue
        last_speaker = (q.para, speaker, q.end)
        out.append(QuoteRec(speaker=speaker, text=body, sent=ctx.use(sent_idx), pattern=how))
    out += _turn_quotes(ctx, turns, speakers, cited)
    if not turns:
        out += _statement_quotes(ctx)
    return out


_PHRASE_DETS = frozenset("the a an this these those our their its his her my your".split())
_NAMING = frozenset("terms termed dubbed so-called nicknamed branded labeled labelled".split())


def _named_phrase(text: str, q: _Q, words: list[str]) -> bool:
    """Quoted words that name something rather than quote someone: after a determiner ("during
    the “Miracle on the Hudson”"), or a title-case name ("“We the People” can accomplish")."""
    before = re.findall(r"[\w’'-]+", text[max(0, q.start - 30):q.start])
    if before and before[-1].lower() in _PHRASE_DETS:
        return True
    if before and (before[-1].lower() in _NAMING or " ".join(before[-2:]).lower() in ("known as", "referred to", "to as")):
        return True  # "what the agency terms “worst-case housing needs”", "the so-called “X”": a term
    content = [w for w in words if len(w) > 3 or w[:1].isupper()]
    return bool(content) and all(w[:1].isupper() for w in content) and not words[0].isupper()


def turn_speakers(ctx: Context, turns: list[Turn]) -> list[str | None]:
    """The document's person each turn's label stands for: by the name in it, else by its title
    ("THE PRESIDENT" in a readout of President Biden's remarks is Joe Biden); None for reporters."""
    by_label = {}
    for m in ctx.mentions:
        if "speaker-label" in m.evidence and m.entity:
            by_label[m.raw] = m.entity
    named = {by_label[t.label] for t in turns if t.name and t.label in by_label}
    holders = [(e.key, [*e.titles, *e.titled_forms]) for e in ctx.entities if e.type == "Person" and e.mentions]
    head = ctx.document.headline_end
    order = [m.entity for m in sorted(ctx.mentions, key=lambda m: m.char)
             if m.char < head and m.entity and ctx.entity(m.entity).type == "Person"]
    out: list[str | None] = []
    for t in turns:
        if t.question:
            out.append(None)
        elif t.name:
            out.append(by_label.get(t.label))
        else:
            out.append(speaker_of_role(t.role, holders, named, order) if t.role else None)
    return out


def _turn_quotes(ctx: Context, turns: list[Turn], speakers: list[str | None],
                 cited: list[tuple[int, str]]) -> list[QuoteRec]:
    """Each turn as its speaker's quotation; words the speaker quotes from someone else ("as the
    President said, “…”") are that person's quotation, so the turn shows them elided as "…"."""
    out: list[QuoteRec] = []
    broken: dict[str, tuple[QuoteRec, int]] = {}  # speaker → (their turn that broke off, its index)
    for k, (t, speaker) in enumerate(zip(turns, speakers)):
        if t.question:
            continue
        body = " ".join(ctx.document.text[t.start:t.end].split())
        if not speaker or not re.search(r"\w", re.sub(r"\([^()]*\)", "", body)):
            continue  # (no words but a transcriber's note: "(Inaudible) —")
        theirs = [words for at, words in cited if t.start <= at < t.end]
        found = whole_quotation(ctx.document.text, t.start, t.end)
        if found is None:
            continue
        start, text = found
        for words in theirs:
            text = text.replace(words, "…")
        before = broken.pop(speaker, None)
        if before is not None and text.startswith(_DASHES) and all(
                len(" ".join(ctx.document.text[u.start:u.end].split()).split()) <= 4 for u in turns[before[1] + 1:k]):
            # "… on a college tour —" / "Yeah." / "— going to over 12 campuses": one sentence,
            # broken by the other's interjection
            before[0].text = before[0].text + " " + text.lstrip("".join(_DASHES) + " ")
            continue
        rec = QuoteRec(speaker=speaker, text=text, sent=ctx.use(ctx.sent_of_char(start)),
                       pattern="transcript-turn" if t.name else "transcript-turn-title")
        out.append(rec)
        if text.endswith(_DASHES):
            broken[speaker] = (rec, k)
    # a turn cut off after a few words ("So, let's be —") and never taken up says nothing
    return [q for q in out if not (q.text.endswith(_DASHES) and len(q.text.split()) < 6)]


_DASHES = ("—", "–", "--")


def whole_quotation(text: str, start: int, end: int) -> tuple[int, str] | None:
    """``text[start:end]`` as one quotation, however long: a turn or statement is its speaker's
    words whole (read at scale, turns cut into runs of paragraphs read as cut quotations)."""
    # a release's end mark ("###", escaped "\###") closes the text; it is nobody's words
    mark = re.search(r"\n\s*\\?#{3}\s*(?:\n|$)", text[start:end])
    if mark:
        end = start + mark.start()
    whole = " ".join(text[start:end].split())
    return (start, whole) if whole else None


# ("Remarks as Prepared for Delivery by First Lady X at …": the text of a speech in her voice)
_STATEMENT = re.compile(r"^(?:Joint\s+)?(?:Statement|Remarks|Message|Letter|Op-Ed|Op-ed|Proclamation)\s+"
                        r"(?:as\s+(?:Prepared(?:\s+for\s+Delivery)?|Delivered)\s+)?(?:from|by|of)\s", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:I|I’m|I'm|I’ve|I've|my|me|We|we|our|us)\b")


def statement_speakers(ctx: Context) -> list[str]:
    """The persons a "Statement from X on …" / "Joint Statement by X, Y …" headline names: the
    voice of its first-person body."""
    head = ctx.document.headline_end
    if not head or not _STATEMENT.match(ctx.document.text[:head]):
        return []
    # the signers stand between "from/by" and what the statement is on: "Statement from President
    # Roe on the Passing of Ann Lee" is Roe's, not Lee's
    about = re.search(r"\s(?:on|regarding|concerning|about|in honor of|marking|after|following|at)\s",
                      ctx.document.text[:head], re.IGNORECASE)
    end = about.start() if about else head
    speakers: list[str] = []
    for m in sorted(ctx.mentions, key=lambda m: m.char):
        if m.char >= end:
            break
        if m.entity and ctx.entity(m.entity).type == "Person" and m.entity not in speakers:
            speakers.append(m.entity)
    return speakers


def _statement_quotes(ctx: Context) -> list[QuoteRec]:
    """A document headed "Statement from X on …" whose body speaks in the first person: the body
    is X's quotation (one per signatory of a joint statement)."""
    doc = ctx.document
    head = doc.headline_end
    if not head or not _STATEMENT.match(doc.text[:head]):
        return []
    body_start = head + 2
    lines = venue_lines(doc.text, body_start, most=6)
    if lines:  # ("Allentown, Pennsylvania" above a prepared speech: where, not what she said)
        body_start = lines[-1][1]
    # (nor a rule of asterisks under it)
    body_start += len(re.match(r"(?:\s*[^\w\s]+[ \t]*(?:\n|$))*", doc.text[body_start:]).group(0))
    paras = [p for p in doc.text[body_start:].split("\n\n") if p.strip()]
    if not paras or not _FIRST_PERSON.search(" ".join(paras[:3])):
        return []
    speakers = statement_speakers(ctx)
    if not speakers:
        return []
    found = whole_quotation(doc.text, body_start, len(doc.text))
    if found is None:
        return []
    at, text = found
    return [QuoteRec(speaker=speakers[0], text=text, sent=ctx.use(ctx.sent_of_char(at)), pattern="statement-in-name",
                     co_speakers=speakers[1:])]
