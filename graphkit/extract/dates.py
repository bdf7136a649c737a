"""Date expressions → ISO dates at the precision the text gives, resolved against publication.

"June 16" → "2021-06-16" when the article's year is known (else "--06-16"); "on Saturday" →
the Saturday before publication (after it, for planned events); "in November 1985" → "1985-11".
Absolute dates with a year are parsed by python-dateutil; relative ones need a publication date.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

__all__ = ["resolve_date"]

_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
_MIN_YEAR = 1800
_NUMBER_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten".split())}


def _parse_pub(pub: str | None) -> date | None:
    if not pub:
        return None
    try:
        return date.fromisoformat(pub[:10])
    except ValueError:
        return None


def resolve_date(text: str, published: str | None, planned: bool = False) -> str | None:
    """ISO form of the date in ``text`` ("2021-06-16", "2021-06", "1985", "--06-16"), or None."""
    t = text.lower().replace(",", " ").replace(".", " ")
    t = re.sub(r"\s+", " ", t).strip()
    pub = _parse_pub(published)
    words = t.split()
    if not words:
        return None
    if "today" in words or "tonight" in words or re.fullmatch(r"(?:(?:later|earlier) )?this (?:morning|afternoon|evening)", t):
        return pub.isoformat() if pub else None
    if "yesterday" in words or "last night" in t:
        return (pub - timedelta(days=1)).isoformat() if pub else None
    if "tomorrow" in words:
        return (pub + timedelta(days=1)).isoformat() if pub else None
    ago = re.search(r"\b(\d+|a|one|two|three|four|five|six|seven|eight|nine|ten) (day|week)s? ago\b", t)
    if ago and pub is not None:  # "three days ago": a day; "two weeks ago": its month when the week lies in one
        word = ago.group(1)
        n = 1 if word == "a" else _NUMBER_WORDS[word] if word in _NUMBER_WORDS else int(word)
        if ago.group(2) == "day":
            return (pub - timedelta(days=n)).isoformat()
        mid = pub - timedelta(days=7 * n)
        monday = mid - timedelta(days=mid.weekday())
        sunday = monday + timedelta(days=6)
        return f"{monday.year:04d}-{monday.month:02d}" if monday.month == sunday.month else None
    if pub is not None:  # "earlier this month", "last year", "next month"
        if re.search(r"\bthis month\b", t):
            return f"{pub.year:04d}-{pub.month:02d}"
        if re.search(r"\blast month\b", t):
            y, m = (pub.year, pub.month - 1) if pub.month > 1 else (pub.year - 1, 12)
            return f"{y:04d}-{m:02d}"
        if re.search(r"\bnext month\b", t):
            y, m = (pub.year, pub.month + 1) if pub.month < 12 else (pub.year + 1, 1)
            return f"{y:04d}-{m:02d}"
        week = re.search(r"\b(this|last|next) week\b", t)
        if week and not any(w in _MONTHS or w in _WEEKDAYS for w in words):
            # a week is told at the month's precision when the whole week lies in one month
            mid = pub + timedelta(days={"this": 0, "last": -7, "next": 7}[week.group(1)])
            monday = mid - timedelta(days=mid.weekday())
            sunday = monday + timedelta(days=6)
            return f"{monday.year:04d}-{monday.month:02d}" if (monday.year, monday.month) == (sunday.year, sunday.month) else None
        end = re.search(r"\b(?:(this|last|next|past|coming)\s+)+weekend\b|\bover the weekend\b", t)
        if end and not any(w in _MONTHS or w in _WEEKDAYS for w in words):
            # "this past weekend", "over the weekend", "this weekend" ahead for a plan: the
            # weekend's month when both its days lie in one (which of the two days, the text says not)
            ahead = planned or "next" in words or "coming" in words
            back = "past" in words or "last" in words or "over" in words
            saturday = pub + timedelta(days=(5 - pub.weekday()) % 7) if ahead and not back else \
                pub - timedelta(days=(pub.weekday() - 5) % 7 or (7 if pub.weekday() == 5 else 0))
            if "last" in words and not ahead and (pub - saturday).days < 2:
                saturday -= timedelta(days=7)
            sunday = saturday + timedelta(days=1)
            return f"{saturday.year:04d}-{saturday.month:02d}" if saturday.month == sunday.month else None
        if re.search(r"\bthis year\b", t) and not any(w in _MONTHS for w in words):
            return f"{pub.year:04d}"
        if re.search(r"\blast year\b", t):
            return f"{pub.year - 1:04d}"
        if re.search(r"\bnext year\b", t) and not any(w in _MONTHS for w in words):
            return f"{pub.year + 1:04d}"
    year = next((int(w) for w in words if re.fullmatch(r"\d{4}", w)), None)
    if year is not None and not (_MIN_YEAR <= year <= (pub.year + 10 if pub else 2100)):
        year = None  # "June 1400": not a Gregorian year we can trust
    month = next((_MONTHS[w] for w in words if w in _MONTHS), None)
    day = None
    if month is not None:
        m = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", t)
        if m and 1 <= int(m.group(1)) <= 31:
            day = int(m.group(1))
    weekday = next((_WEEKDAYS[w] for w in words if w in _WEEKDAYS), None)
    if month is not None:
        if year is None and pub is not None:
            year = pub.year
            if day is not None:
                cand = _safe(year, month, day)
                if cand and not planned and cand > pub + timedelta(days=1) and "next" not in words:
                    year -= 1
                elif cand and planned and cand < pub:
                    year += 1
            elif not planned and month > pub.month and "next" not in words:
                year -= 1
            elif planned and month < pub.month:
                year += 1
        if year is None:
            return f"--{month:02d}-{day:02d}" if day else f"--{month:02d}"
        if day is not None and _safe(year, month, day):
            return f"{year:04d}-{month:02d}-{day:02d}"
        return f"{year:04d}-{month:02d}"
    if weekday is not None and pub is not None:
        if re.search(r"\b(?:a|one|every|each|that|any)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)", t):
            return None  # "on a Saturday", "one Sunday": some day the text does not fix
        delta = (pub.weekday() - weekday) % 7
        if "next" in words or planned:
            ahead = (weekday - pub.weekday()) % 7 or (7 if "next" in words else 0)
            return (pub + timedelta(days=ahead)).isoformat()
        if "last" in words and delta == 0:
            delta = 7
        return (pub - timedelta(days=delta)).isoformat()
    if year is not None and len(words) <= 3:
        return f"{year:04d}"
    return None


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None
