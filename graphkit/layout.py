"""Text layout: hard-wrapped lines, Markdown and odd spaces become the text a reader sees.

Most feeds, archives and e-mails wrap prose at about 72 columns; a line break inside a
paragraph is only a space, while blank lines, headings, list items, table rows and transcript
speaker labels keep their breaks. Markdown (``.md`` files and the text of JSONL documents,
which is usually Markdown) is read with markdown-it-py, a CommonMark parser: links become their
text, emphasis loses its marks, entities and escapes are decoded, list items and headings are
paragraphs. A parser gets the edge cases right (nested emphasis, escaped brackets, links that
wrap across lines, list items with indented continuation lines) where regexes do not.

The result is what the rest of graphkit reads, so the evidence quoted in the graph is the
source's own words with only the layout changed.
"""
from __future__ import annotations

import html
import re
from functools import lru_cache

__all__ = ["lay_out", "SPEAKER_LABEL", "STAGE_DIRECTION", "TIME_LINE", "DATE_LINE"]

# spaces that are not U+0020: no-break, thin, figure, narrow no-break, ideographic, and tabs
_ODD_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")

# A transcript speaker label: at the start of a line, one to seven uppercase words (titles and
# names: "PRESIDENT BIDEN", "MR SULLIVAN", "ACTING SECRETARY SU", "THE SECOND GENTLEMAN"), an
# optional parenthesis ("(via interpreter)"), a colon, and the speech on the same line. A line
# that opens with a preposition ("TO THE SENATE …:", "FOR FURTHER INFORMATION …:") addresses
# or instructs; it is not a speaker.
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽȘȚ"  # Latin capitals, with the accented ones of names ("SÁNCHEZ", "ŞAHIN")
_LABEL_WORD = rf"[{_UPPER}][{_UPPER}0-9.'’\-]*"
SPEAKER_LABEL = re.compile(
    rf"^(?P<label>(?!(?:TO|FOR|FROM|IN|ON|AT|BY|WITH|AND|OR|OF|IF|AS|RE|CC|ATTN|SUBJECT|NOTE|"
    rf"WHAT|WHEN|WHERE|WHO|WHY|HOW|DATE|TIME|LOCATION|UPDATE|EMBARGOED|CONTACT)\b)"
    rf"{_LABEL_WORD}(?:[ ]{_LABEL_WORD}){{0,6}})"
    r"(?P<paren>[ ]?\((?:[Vv]ia|[Aa]s|[Tt]hrough|[Ii]n)[^()\n]{0,30}\))?"
    r"[ ]?:(?:[ ]+(?=\S)|[ ]*$)",  # the speech follows on the line, or the label stands alone
    re.MULTILINE,
)
# "(Laughter.)", "(As interpreted.)", "(Applause.)", "(inaudible)", "(Via interpreter)": a short
# parenthesis in a transcript that tells what happened or how it was said, not what was said
STAGE_DIRECTION = re.compile(
    r"[ ]?\((?:[A-Z][a-z]+(?:[ ,-][A-Za-z]+\.?){0,9}\.|(?:[Vv]ia|[Aa]s|[Tt]hrough) (?:an )?interpret[a-z]*\.?|"
    r"[a-z]+(?: [a-z]+){0,3})\)"
)
# "12:06 P.M. EDT", "4:44 P.M.", "END", "END 4:27 P.M. EDT": the times and end marks that frame a transcript
TIME_LINE = re.compile(r"^\s*(?:(?:END\s+)?\d{1,2}:\d{2}\s*[AaPp]\.?\s?[Mm]\.?(?:\s+[A-Z]{2,4})?|END|\*+)\s*$")

_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?")
# "January 10, 2022", "Published: 2022-01-10", "Monday, 10 January 2022 – 14:05": a line of its own
DATE_LINE = re.compile(
    rf"^[ ]*(?:[A-Za-z]+:?,?[ ]+){{0,2}}(?:\d{{4}}-\d{{2}}-\d{{2}}|{_MONTH}[ ]+\d{{1,2}},?[ ]+\d{{4}}|"
    rf"\d{{1,2}}[ ]+{_MONTH},?[ ]+\d{{4}})[^\n]{{0,25}}$")

_LEFT_MARKS = re.compile(r"\*{2,}|(?<!\w)__|__(?!\w)")
_TAG = re.compile(r"<[^>\n]{1,200}>")
_DELETED = re.compile(r"(?is)<(s|del|strike)\b[^>]*>.*?</\1\s*>|~~[^~\n]{1,60}~~")
# a transcript's correction: the struck word, then the right one in brackets ("Byron <s>Daniels</s>
# [Donalds]"): the reader reads the right one, without its brackets (the struck part holds no tag,
# so the match never runs on to a later struck word that a bracket follows)
_CORRECTED = re.compile(r"(?is)(?:<(s|del|strike)\b[^>]*>[^<]*?</\1\s*>|~~[^~\n]{1,60}~~)[ ]*\\?\[([^\]\n]{1,40}?)\\?\]")


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt  # local: only the reader needs it

    # indented code blocks are disabled: in news text an indented line is prose, not code
    return MarkdownIt("commonmark", {"html": True}).enable("table").disable("code")


def lay_out(text: str, markdown: bool = True) -> str:
    """The text of ``text`` as a reader sees it: one line per paragraph, blocks separated by a
    blank line. With ``markdown`` false, only wrapped lines are joined and spaces normalised."""
    text = _ZERO_WIDTH.sub("", _ODD_SPACES.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n")))
    # a speaker label or a reporter's "Q" always starts a paragraph, even without a blank line
    # (not the last words of a wrapped heading in capitals: "**… CAPITAL OF THE\nWORLD: **President …")
    text = re.sub(rf"(?m)(?<=\S)\n(?={SPEAKER_LABEL.pattern[1:]}|Q[ ]+[A-Z])",
                  lambda m: "\n" if _capital_heading(text, m.start()) or _sentence_goes_on(text, m.start()) else "\n\n",
                  text)
    # a date or time line under a headline is a line of its own, not the headline's last words
    text = "\n".join(f"\n{ln}\n" if len(ln) <= 60 and (DATE_LINE.match(ln) or TIME_LINE.match(ln)) else ln
                     for ln in text.split("\n"))
    blocks = _markdown_blocks(text) if markdown else _plain_blocks(text)
    out = []
    for block in blocks:
        # emphasis marks the parser left as text ("**LABEL: **Text": CommonMark does not close
        # bold after a space) are markup all the same; a line of asterisks is a section break
        lines = [" ".join(STAGE_DIRECTION.sub("", ln if TIME_LINE.match(ln) else _LEFT_MARKS.sub("", ln)).split())
                 for ln in block.split("\n")]
        lines = [ln for ln in lines if ln]
        if lines:
            out.append("\n".join(lines))
    return "\n\n".join(out)


def _sentence_goes_on(text: str, end: int) -> bool:
    """The line ending at ``end`` stops mid-sentence ("… in our fight against") and the next is a
    capitalised word and a colon alone ("COVID:"): the sentence's last word, wrapped, not a label."""
    line = text[text.rfind("\n", 0, end) + 1:end].rstrip()
    stop = text.find("\n", end + 1)
    nxt = text[end + 1:stop if stop >= 0 else len(text)].strip()
    return bool(line) and line[-1].isalpha() and line[-1].islower() and nxt.endswith(":") and len(nxt.split()) <= 2


def _capital_heading(text: str, end: int) -> bool:
    """The line ending at ``end`` is a run of capitals that goes on (a wrapped heading), not a
    label, a time line or a closed sentence."""
    line = text[text.rfind("\n", 0, end) + 1:end].strip(" *_#")
    letters = [c for c in line if c.isalpha()]
    return len(letters) > 8 and all(c.isupper() for c in letters) and not line.endswith((":", ".", "?", "!")) \
        and not TIME_LINE.match(line) and not SPEAKER_LABEL.match(line)


def _plain_blocks(text: str) -> list[str]:
    blocks = []
    for para in re.split(r"\n[ ]*\n", text):
        lines = para.split("\n")
        joined: list[str] = []
        for ln in lines:
            # list items, headings and table rows keep their own line
            if joined and not re.match(r"\s*(?:[-*+•]\s|\d+[.)]\s|#|\|)", ln) and not TIME_LINE.match(ln):
                joined[-1] += " " + ln
            else:
                joined.append(ln)
        blocks.append("\n".join(joined))
    return blocks


def _markdown_blocks(text: str) -> list[str]:
    tokens = _parser().parse(_DELETED.sub("", _CORRECTED.sub(lambda m: m.group(2), text)))
    blocks: list[str] = []
    row: list[str] | None = None
    for tok in tokens:
        if tok.type == "tr_open":
            row = []
        elif tok.type == "tr_close" and row is not None:
            blocks.append(" | ".join(c for c in row if c))
            row = None
        elif tok.type == "inline":
            content = _inline_text(tok.children or [])
            if row is not None:
                row.append(content.replace("\n", " "))
            else:
                blocks.append(content)
        elif tok.type in ("html_block", "fence", "code_block"):
            blocks.append(html.unescape(_TAG.sub("", tok.content)) if tok.type == "html_block" else tok.content)
    return blocks


def _inline_text(children) -> str:
    parts: list[str] = []
    for c in children:
        if c.type == "text" or c.type == "code_inline":
            parts.append(c.content)
        elif c.type == "softbreak":
            parts.append(" ")
        elif c.type == "hardbreak":
            parts.append("\n")
        # an image's alt text describes a picture; nobody said it
        elif c.type == "html_inline" and c.content.lower().startswith("<br"):
            parts.append("\n")
        # link, emphasis and other inline HTML marks carry no words of their own
    return "".join(parts)
