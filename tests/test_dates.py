"""Date expressions resolved against publication, at the text's precision."""
import pytest

from graphkit.extract.dates import resolve_date


@pytest.mark.parametrize("text,pub,planned,want", [
    ("on Saturday", "2021-11-01", False, "2021-10-30"),
    ("June 16", "2021-11-01", False, "2021-06-16"),
    ("June 16", None, False, "--06-16"),
    ("in November 1985", None, False, "1985-11"),
    ("today", "2022-01-10", False, "2022-01-10"),
    ("yesterday", "2022-01-10", False, "2022-01-09"),
    ("Later this evening", "2024-07-24", True, "2024-07-24"),
    ("earlier this morning", "2024-07-24", False, "2024-07-24"),
    ("January 10", "2021-12-30", True, "2022-01-10"),
    ("next Monday", "2022-02-03", True, "2022-02-07"),
    ("Wednesday", None, False, None),
    ("June 1400", None, False, "--06"),
])
def test_resolve(text, pub, planned, want):
    assert resolve_date(text, pub, planned) == want


def test_a_week_is_told_at_the_months_precision_and_an_indefinite_weekday_not_at_all():
    assert resolve_date("this week", "2026-07-08") == "2026-07"
    assert resolve_date("next week", "2026-07-08", planned=True) == "2026-07"
    assert resolve_date("last week", "2026-07-08") is None  # June 29 to July 5: no one month
    assert resolve_date("on a Saturday", "2023-09-20") is None
    assert resolve_date("one Sunday", "2023-09-20") is None
    assert resolve_date("on Saturday", "2023-09-20") == "2023-09-16"


def test_days_and_weeks_ago():
    assert resolve_date("three days ago", "2023-09-07") == "2023-09-04"
    assert resolve_date("a day ago", "2023-09-07") == "2023-09-06"
    assert resolve_date("two weeks ago", "2023-09-20") == "2023-09"


def test_a_weekend_is_its_month_when_both_days_lie_in_it():
    assert resolve_date("this past weekend", "2023-06-06") == "2023-06"
    assert resolve_date("over the weekend", "2022-02-28") == "2022-02"
    assert resolve_date("this weekend", "2024-06-28", planned=True) == "2024-06"
    assert resolve_date("this weekend", "2024-08-30", planned=True) is None  # Saturday the 31st, Sunday September 1st
