"""Every canned query runs on the built sample corpus, from the store the build wrote, and finds
the rows its gold annotation (examples/sample.gold.json) says it must."""
from __future__ import annotations

import pytest

from graphkit.query import catalogue, format_result, run
from graphkit.store import open_graph


@pytest.fixture(scope="module")
def sample_graph(sample_build):
    out, _ = sample_build
    assert (out / "store" / "CURRENT").exists(), "the build must write the query store"
    return open_graph(out)


@pytest.mark.parametrize("q", catalogue(), ids=lambda q: q.name)
def test_every_query_runs_on_the_sample(sample_graph, q):
    # the examples in each header must resolve on the sample: they are what --list shows users
    res = run(sample_graph, q.name, {p.name: p.example for p in q.params}, timeout=30)
    for fmt in ("table", "csv", "tsv", "json"):
        assert format_result(res, fmt)


def test_store_matches_turtle(sample_build):
    from rdflib import Graph
    from rdflib.compare import isomorphic

    from graphkit.query import plain_value

    out, result = sample_build
    # Oxigraph spells xsd:string on plain literals; RDF 1.1 says they are the same term
    g = Graph()
    for s, p, o in open_graph(out):
        g.add((s, p, plain_value(o)))
    assert isomorphic(g, result.graph)


def _cells(res, *cols) -> list[tuple]:
    idx = [res.vars.index(c) for c in cols]
    return [tuple(None if r[i] is None else str(r[i]) for i in idx) for r in res.rows]


def _q(g, name, **params):
    return run(g, name, params, timeout=30)


def test_who_met_whom_on_the_sample(sample_graph):
    got = _cells(_q(sample_graph, "who-met-whom"), "nameA", "nameB", "date", "placeName")
    assert ("Antony Blinken", "Sergei Lavrov", "2022-01-21", "Geneva") in got
    assert ("Emmanuel Macron", "Vladimir Putin", "2022-02-07", "Moscow") in got
    assert ("Sergei Lavrov", "Vladimir Putin", "2022-02-14") in [r[:3] for r in got]
    assert all(a < b for a, b, *_ in got)  # each pair once, in name order
    assert [r[:2] for r in got] == sorted(r[:2] for r in got)


def test_meetings_of_on_the_sample(sample_graph):
    got = _cells(_q(sample_graph, "meetings-of", person="Sergei Lavrov"), "date", "with")
    assert ("2021-12", "Antony Blinken") in got and ("2022-01-21", "Antony Blinken") in got
    assert ("2022-02-14", "Vladimir Putin") in got
    dated = [d for d, _ in got if d]
    assert dated == sorted(dated)


def test_roles_of_on_the_sample(sample_graph):
    res = _q(sample_graph, "roles-of", person="Jake Sullivan")
    got = _cells(res, "title", "document", "evidence")
    assert any("national security advis" in t.lower() and doc and ev for t, doc, ev in got)
    assert not any(t == "President" for t, *_ in got)


def test_holders_of_title_on_the_sample(sample_graph):
    got = _cells(_q(sample_graph, "holders-of-title", title="press secretary"), "name", "jobTitle")
    assert "Jen Psaki" in {n for n, _ in got}
    assert all("press secretary" in t.lower() for _, t in got)


def test_quotes_by_on_the_sample(sample_graph):
    got = _cells(_q(sample_graph, "quotes-by", person="Peskov"), "text", "published")
    assert any(t.startswith("The situation is too complex to expect decisive breakthroughs") and p == "2022-02-07"
               for t, p in got)


def test_timeline_on_the_sample(sample_graph):
    got = _cells(_q(sample_graph, "timeline", **{"from": "2022-01", "to": "2022-01"}), "date", "attendees", "placeName")
    assert ("2022-01-21", "Antony Blinken; Sergei Lavrov", "Geneva") in got
    dates = [d for d, *_ in got]
    assert dates and all(d.startswith("2022-01") for d in dates) and dates == sorted(dates)


def test_co_attendance_on_the_sample(sample_graph):
    one = _cells(_q(sample_graph, "co-attendance", person="Lavrov", hops=1), "hops", "name", "date")
    assert {n for _, n, _ in one} == {"Antony Blinken", "Vladimir Putin"}
    # the link shown is their earliest dated shared event
    assert ("1", "Antony Blinken", "2021-12") in one and ("1", "Vladimir Putin", "2022-02-14") in one
    two = _cells(_q(sample_graph, "co-attendance", person="Lavrov", hops=2), "hops", "name")
    assert ("2", "Emmanuel Macron") in two and ("2", "Volodymyr Zelensky") in two


def test_shortest_connection_on_the_sample(sample_graph):
    got = _cells(_q(sample_graph, "shortest-connection", **{"from": "Lavrov", "to": "Macron"}), "step", "name")
    assert got == [("0", "Sergei Lavrov"), ("1", "Vladimir Putin"), ("2", "Emmanuel Macron")]


def test_most_connected_on_the_sample(sample_graph):
    got = _cells(_q(sample_graph, "most-connected"), "name", "partners")
    assert {"Emmanuel Macron", "Vladimir Putin"} <= {n for n, _ in got[:5]}
    partners = [int(p) for _, p in got]
    assert partners == sorted(partners, reverse=True)


def test_profile_on_the_sample(sample_graph):
    got = _cells(_q(sample_graph, "profile", entity="Peskov"), "field", "value")
    assert got[:2] == [("1 type", "schema.org/Person"), ("2 name", "Dmitry Peskov")]
    assert any(f == "7 quote" and v.startswith("The situation is too complex") for f, v in got)


def test_documents_mentioning_on_the_sample(sample_graph):
    got = _cells(_q(sample_graph, "documents-mentioning", entity="Peskov"), "published", "source")
    assert ("2022-02-07", "2022-02-07-macron-moscow.md") in [(p, s.rsplit("/", 1)[-1]) for p, s in got]
