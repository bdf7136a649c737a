"""Canned queries: expected rows on a small hand-written graph, bound parameters, CLI formats."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef

from graphkit.cli import cli
from graphkit.errors import QueryError
from graphkit.query import catalogue, format_result, run_query
from graphkit.rdf.build import add_links
from graphkit.store import oxigraph_graph

ID = "https://w3id.org/graphkit/id/"

# A graph in the contract's shape, with events, quotes and roles that extraction may not yet produce.
FIXTURE = """
@prefix schema: <https://schema.org/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix gk: <https://w3id.org/graphkit/ns#> .
@prefix : <https://w3id.org/graphkit/id/> .

:lavrov a schema:Person ; schema:name "Sergei Lavrov" ; skos:altLabel "Lavrov", "Sergey Lavrov" ;
    schema:jobTitle "Foreign Minister" ; schema:affiliation :russia ; gk:mentionCount 3 .
:ryabkov a schema:Person ; schema:name "Sergei Ryabkov" ; skos:altLabel "Ryabkov" .
:peskov a schema:Person ; schema:name "Dmitry Peskov" ; skos:altLabel "Peskov" ;
    schema:jobTitle "spokesman", "press secretary" ; schema:affiliation :kremlin .
:putin a schema:Person ; schema:name "Vladimir Putin" ; skos:altLabel "Putin" .
:biden a schema:Person ; schema:name "Joe Biden" ; skos:altLabel "Biden" .
:blinken a schema:Person ; schema:name "Antony Blinken" ; skos:altLabel "Blinken" ;
    schema:jobTitle "Secretary of State" .
:price a schema:Person ; schema:name "Ned Price" ; schema:jobTitle "State Department Spokesman" .
:fixer a schema:Person ; schema:name "Odd Title" ; schema:jobTitle "chief \\"fixer\\" } DROP ALL {" .
:kremlin a schema:Organization ; schema:name "Kremlin" .
:russia a schema:Place ; schema:name "Russia" .
:stockholm a schema:Place ; schema:name "Stockholm" .
:geneva a schema:Place ; schema:name "Geneva" .
:moscow a schema:Place ; schema:name "Moscow" .

:doc1 a schema:NewsArticle ; schema:name "Lavrov meets Blinken" ; schema:datePublished "2021-12-03"^^xsd:date ;
    schema:url "https://example.org/1" ; gk:sourcePath "a.txt" ; schema:mentions :lavrov, :blinken, :stockholm .
:doc2 a schema:NewsArticle ; schema:name "Kremlin says" ; schema:datePublished "2022-02-08"^^xsd:date ;
    gk:sourcePath "b.txt" ; schema:mentions :peskov, :putin, :kremlin .
:doc3 a schema:NewsArticle ; schema:name "Geneva summit" ; schema:datePublished "2021-06-17"^^xsd:date ;
    gk:sourcePath "c.txt" ; schema:mentions :putin, :biden, :blinken .

:ev1 a schema:Event ; schema:name "Stockholm meeting" ; gk:eventKind "Meeting" ; schema:startDate "2021-12-02"^^xsd:date ;
    schema:location :stockholm ; schema:attendee :lavrov, :blinken ; prov:wasDerivedFrom :doc1 ;
    gk:evidence "Blinken met Lavrov in Stockholm." .
:ev2 a schema:Event ; schema:name "Geneva summit" ; gk:eventKind "Summit" ; schema:startDate "2021-06-16"^^xsd:date ;
    schema:location :geneva ; schema:attendee :putin, :biden, :blinken ; prov:wasDerivedFrom :doc3 ;
    gk:evidence "Putin and Biden met in Geneva." .
:ev3 a schema:Event ; schema:name "Moscow talks" ; gk:eventKind "Talks" ; schema:startDate "2022-02"^^xsd:gYearMonth ;
    schema:location :moscow ; schema:attendee :putin, :peskov ; prov:wasDerivedFrom :doc2 ;
    gk:evidence "Peskov joined Putin for the talks." .

:role1 a gk:RoleStatement ; gk:holder :peskov ; schema:roleName "spokesman" ; gk:organization :kremlin ;
    prov:wasDerivedFrom :doc2 ; gk:evidence "Kremlin spokesman Dmitry Peskov said." .
:q1 a schema:Quotation ; schema:creator :peskov ; schema:text "No decisions have been taken." ;
    prov:wasDerivedFrom :doc2 ; gk:evidence "\\"No decisions have been taken,\\" Peskov said." .
:q2 a schema:Quotation ; schema:creator :lavrov ; schema:text "We are ready." ; prov:wasDerivedFrom :doc1 .
"""


def _memory() -> Graph:
    # the build adds the derived co-attendance terms to every graph; the fixture gets them the same way
    return add_links(Graph().parse(data=FIXTURE, format="turtle"))


def _oxigraph() -> Graph:
    return add_links(oxigraph_graph().parse(data=FIXTURE, format="turtle"))


@pytest.fixture(params=["oxigraph", "memory"])
def kg(request) -> Graph:
    """The fixture graph in both stores: canned queries must give the same rows on either."""
    return _oxigraph() if request.param == "oxigraph" else _memory()


def rows(g, name, **params):
    res = run_query(g, name, {k: str(v) for k, v in params.items()})
    return [[None if v is None else (v.toPython() if isinstance(v, Literal) else str(v)) for v in r] for r in res.rows]


def iri(x):
    return ID + x


def test_who_met_whom(kg):
    got = [(r[1], r[3], r[5]) for r in rows(kg, "who-met-whom")]
    assert got == [("Antony Blinken", "Joe Biden", "Geneva summit"),
                   ("Antony Blinken", "Sergei Lavrov", "Stockholm meeting"),
                   ("Antony Blinken", "Vladimir Putin", "Geneva summit"),
                   ("Dmitry Peskov", "Vladimir Putin", "Moscow talks"),
                   ("Joe Biden", "Vladimir Putin", "Geneva summit")]
    first = rows(kg, "who-met-whom")[1]
    assert first[6:] == [__import__("datetime").date(2021, 12, 2), "Stockholm", "Blinken met Lavrov in Stockholm."]


def test_meetings_of_resolves_alias(kg):
    got = rows(kg, "meetings-of", person="Blinken")
    assert [(r[0], r[2], r[5]) for r in got] == [(iri("blinken"), "Geneva summit", "Geneva"),
                                                 (iri("blinken"), "Stockholm meeting", "Stockholm")]
    assert sorted(got[0][6].split("; ")) == ["Joe Biden", "Vladimir Putin"]
    # accents and case fold; a full alias works as well as the canonical name
    assert rows(kg, "meetings-of", person="sergey LAVROV")[0][2] == "Stockholm meeting"


def test_roles_of(kg):
    got = rows(kg, "roles-of", person="Peskov")
    assert [r[1:5] for r in got] == [
        ["press secretary", None, None, None],
        ["spokesman", iri("kremlin"), "Kremlin", iri("doc2")],
    ]
    assert got[1][5] == "Kremlin spokesman Dmitry Peskov said."
    assert [r[1:4] for r in rows(kg, "roles-of", person="Lavrov")] == [
        [None, iri("russia"), "Russia"], ["Foreign Minister", None, None]]  # unbound sorts first


def test_holders_of_title(kg):
    got = rows(kg, "holders-of-title", title="Spokesman")
    assert [(r[2], r[3], r[4], r[5]) for r in got] == [("Dmitry Peskov", "spokesman", "Kremlin", 1),
                                                       ("Ned Price", "State Department Spokesman", "", 0)]


def test_quotes_by(kg):
    got = rows(kg, "quotes-by", person="Peskov")
    assert [(r[2], str(r[3]), r[5]) for r in got] == [("No decisions have been taken.", "2022-02-08", "Kremlin says")]
    assert rows(kg, "quotes-by", person="Putin") == []


def test_timeline(kg):
    assert [(str(r[2]), r[4]) for r in rows(kg, "timeline")] == [
        ("2021-06-16", "Geneva summit"), ("2021-12-02", "Stockholm meeting"), ("2022-02", "Moscow talks")]
    # "to" counts at its own precision: 2022-02 includes a month-precise February event
    got = rows(kg, "timeline", **{"from": "2021-12", "to": "2022-02"})
    assert [r[4] for r in got] == ["Stockholm meeting", "Moscow talks"]
    assert sorted(got[1][7].split("; ")) == ["Dmitry Peskov", "Vladimir Putin"]
    assert rows(kg, "timeline", **{"from": "2021-07-01", "to": "2021-11-30"}) == []


def test_co_attendance_hops(kg):
    one = rows(kg, "co-attendance", person="Lavrov", hops=1)
    assert [(r[0], r[2], r[5]) for r in one] == [(1, "Antony Blinken", "Stockholm meeting")]
    three = rows(kg, "co-attendance", person="Lavrov", hops=3)
    assert [(r[0], r[2], r[3]) for r in three] == [
        (1, "Antony Blinken", iri("lavrov")),
        (2, "Joe Biden", iri("blinken")), (2, "Vladimir Putin", iri("blinken")),
        (3, "Dmitry Peskov", iri("putin"))]


def test_shortest_connection(kg):
    got = rows(kg, "shortest-connection", **{"from": "Lavrov", "to": "Peskov"})
    assert [(r[0], r[2], r[4]) for r in got] == [
        (0, "Sergei Lavrov", "Stockholm meeting"), (1, "Antony Blinken", "Geneva summit"),
        (2, "Vladimir Putin", "Moscow talks"), (3, "Dmitry Peskov", None)]
    assert rows(kg, "shortest-connection", **{"from": "Lavrov", "to": "Ryabkov"}) == []
    assert len(rows(kg, "shortest-connection", **{"from": "Lavrov", "to": "Peskov", "maxHops": 2})) == 0


def test_most_connected(kg):
    got = rows(kg, "most-connected")
    assert [(r[1], r[2], r[3]) for r in got] == [
        ("Antony Blinken", 3, 2), ("Vladimir Putin", 3, 2), ("Joe Biden", 2, 1),
        ("Dmitry Peskov", 1, 1), ("Sergei Lavrov", 1, 1)]


def test_profile(kg):
    got = rows(kg, "profile", entity="Peskov")
    fields = [(r[1], r[2]) for r in got]
    assert fields == [
        ("1 type", "schema.org/Person"), ("2 name", "Dmitry Peskov"), ("3 alias", "Peskov"),
        ("4 title", "press secretary"), ("4 title", "spokesman"), ("5 affiliation", "Kremlin"),
        ("6 event", "Moscow talks"), ("7 quote", "No decisions have been taken."),
        ("8 document", "Kremlin says")]


def test_documents_mentioning(kg):
    got = rows(kg, "documents-mentioning", entity="Putin")
    assert [(r[2], str(r[3]), r[5]) for r in got] == [("Kremlin says", "2022-02-08", "b.txt"),
                                                      ("Geneva summit", "2021-06-17", "c.txt")]
    # an organisation or a place works too
    assert [r[2] for r in rows(kg, "documents-mentioning", entity="stockholm")] == ["Lavrov meets Blinken"]


def test_unknown_and_ambiguous_names_list_candidates(kg):
    with pytest.raises(QueryError, match="no person is named 'Nobody'"):
        rows(kg, "meetings-of", person="Nobody")
    # most often named first, with mention counts and titles
    with pytest.raises(QueryError, match=r"ambiguous: Sergei Lavrov \(3 mentions; Foreign Minister\), Sergei Ryabkov;"):
        rows(kg, "meetings-of", person="Sergei")
    with pytest.raises(QueryError, match="needs --param person"):
        rows(kg, "meetings-of")
    with pytest.raises(QueryError, match="has no parameter who"):
        rows(kg, "meetings-of", person="Lavrov", who="x")


HOSTILE = ['x" } DROP ALL ; SELECT * WHERE { ?s ?p ?o', "'; DELETE WHERE { ?s ?p ?o } #",
           "a\nb } UNION { ?s ?p ?o", "}}}", "\\u0022 ) } #", '"""']


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_are_data(kg, value):
    before = len(kg)
    assert rows(kg, "holders-of-title", title=value) == []
    with pytest.raises(QueryError, match="no (person|entity) is named"):
        rows(kg, "meetings-of", person=value)
    with pytest.raises(QueryError):
        rows(kg, "timeline", **{"from": value})
    assert len(kg) == before


def test_hostile_value_matches_literally(kg):
    # the title really contains quotes and braces: bound as a literal it matches, nothing is parsed
    got = rows(kg, "holders-of-title", title='"fixer" } DROP ALL {')
    assert [r[2] for r in got] == ["Odd Title"] and len(kg) == len(_memory())


def test_text_query_with_bound_param(kg):
    res = run_query(kg, "SELECT ?n ?e WHERE { ?e <https://schema.org/name> ?n }", {"n": 'Joe Biden'})
    assert [str(r[1]) for r in res.rows] == [iri("biden")]


def test_syntax_error_names_line_and_column(kg):
    with pytest.raises(QueryError, match=r"syntax error at line 2, column \d+"):
        run_query(kg, "SELECT * WHERE {\n ?s ?p }", is_text=True)


def test_formats(kg):
    res = run_query(kg, "meetings-of", {"person": "Lavrov"})
    j = json.loads(format_result(res, "json"))
    assert j["head"]["vars"][:3] == ["person", "event", "eventName"]
    b = j["results"]["bindings"][0]
    assert b["person"] == {"type": "uri", "value": iri("lavrov")}
    assert b["date"]["datatype"] == "http://www.w3.org/2001/XMLSchema#date"
    csv_lines = format_result(res, "csv").splitlines()
    assert csv_lines[0].startswith("person,event,eventName") and len(csv_lines) == 2
    assert format_result(res, "tsv").splitlines()[1].split("\t")[2] == "Stockholm meeting"
    table = format_result(res, "table")
    assert "lavrov  " in table and ID not in table and table.rstrip().endswith("(1 row)")


def test_every_query_has_a_header_and_projects_its_params():
    names = [q.name for q in catalogue()]
    assert {"who-met-whom", "meetings-of", "roles-of", "holders-of-title", "quotes-by", "timeline",
            "co-attendance", "shortest-connection", "most-connected", "profile", "documents-mentioning"} <= set(names)
    for q in catalogue():
        assert q.description and q.path.endswith(f"{q.name}.rq"), q.name
        head = q.text[q.text.index("SELECT"):q.text.index("WHERE")]
        for p in q.params:
            if not q.post:  # Oxigraph binds only projected variables
                assert f"?{p.name}" in head, (q.name, p.name)
            assert p.example and p.doc, (q.name, p.name)


@pytest.mark.parametrize("q", catalogue(), ids=lambda q: q.name)
def test_every_query_runs_on_the_fixture(q):
    g = _oxigraph()
    res = run_query(g, q.name, {p.name: p.example for p in q.params if p.type not in ("date", "int")})
    assert res.rows, q.name


def test_cli_list_and_run(tmp_path):
    f = tmp_path / "g.ttl"
    _memory().serialize(f, format="turtle")
    r = CliRunner().invoke(cli, ["query", "--list"])
    assert r.exit_code == 0
    for q in catalogue():
        assert q.name in r.output
    r = CliRunner().invoke(cli, ["query", "meetings-of", "--graph", str(f), "--param", "person=Lavrov", "--format", "csv"])
    assert r.exit_code == 0, r.output
    assert "Stockholm meeting" in r.output
    r = CliRunner().invoke(cli, ["query", "-e", "SELECT * WHERE { ?s ?p }", "--graph", str(f)])
    assert r.exit_code == 1 and "line 1, column" in r.output and len(r.output.strip().splitlines()) == 1


def test_cli_timeout(tmp_path):
    f = tmp_path / "g.ttl"
    _memory().serialize(f, format="turtle")
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
    p = subprocess.run([sys.executable, "-m", "graphkit", "query", "-e", slow, "--graph", str(f), "--timeout", "0.3"],
                       capture_output=True, text=True, timeout=60)
    assert p.returncode == 1 and "longer than 0.3s" in p.stderr


def test_derived_co_attendance_terms():
    from graphkit.rdf.vocab import GK

    g = _memory()
    u = lambda x: __import__("rdflib").URIRef(iri(x))  # noqa: E731
    assert set(g.objects(u("blinken"), GK.coAttendee)) == {u("lavrov"), u("putin"), u("biden")}
    assert (u("lavrov"), GK.coAttendee, u("blinken")) in g  # both directions
    assert g.value(u("blinken"), GK.eventCount).toPython() == 2
    assert g.value(u("blinken"), GK.coAttendeeCount).toPython() == 3
    assert g.value(u("blinken"), GK.connectionRank).toPython() == 1
    assert g.value(u("biden"), GK.nameRank).toPython() == 3  # Blinken, Peskov, Biden (Joe), Lavrov, Putin
    assert g.value(u("ryabkov"), GK.eventCount) is None  # attends nothing: no derived terms
    assert len(add_links(_memory())) == len(g)  # deterministic and idempotent


@pytest.mark.parametrize("name", ["who-met-whom", "most-connected", "meetings-of", "co-attendance"])
def test_limit_keeps_the_first_rows(kg, name):
    params = {"person": "Blinken"} if name in ("meetings-of", "co-attendance") else {}
    full = run_query(kg, name, params)
    for n in (0, 1, 2):
        cut = run_query(kg, name, params, limit=n)
        assert cut.rows == full.rows[:n], (name, n)
        assert bool(cut.more) == (len(full.rows) > n)


@pytest.fixture(scope="module")
def news_shaped(tmp_path_factory):
    """A generated graph where the example people are hubs with hundreds of rows per query."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from bench_store import generate

    nt = tmp_path_factory.mktemp("gen") / "g.nt"
    generate(60_000, nt)
    g = oxigraph_graph()
    g.parse(nt, format="nt")
    return add_links(g)


@pytest.mark.parametrize("q", catalogue(), ids=lambda q: q.name)
def test_every_page_is_the_start_of_the_whole_answer(news_shaped, q):
    # the page sub-selects (#PAGE) and pinned values must not change which rows come first
    params = {p.name: p.example for p in q.params}
    full = run_query(news_shaped, q.name, params)
    assert len(full.rows) > 40 or q.post == "path", (q.name, len(full.rows))
    for n in (1, 7, 40):
        cut = run_query(news_shaped, q.name, params, limit=n)
        assert cut.rows == full.rows[:n], (q.name, n)
        assert bool(cut.more) == (len(full.rows) > n), (q.name, n)


def test_only_checked_values_are_written_into_the_query():
    from graphkit.query import pin

    text = "SELECT * WHERE {\n  # VALUES ?person\n  # VALUES ?title\n  # VALUES ?n\n  # VALUES ?day\n}"
    got = pin(text, {"person": URIRef(iri("lavrov")), "title": Literal('x" } DROP ALL {'),
                     "n": Literal(3), "day": Literal("2021-12")})
    assert f"VALUES ?person {{ <{iri('lavrov')}> }}" in got
    assert "# VALUES ?title" in got and "DROP" not in got  # a string stays a substitution
    assert "VALUES ?n { 3 }" in got and 'VALUES ?day { "2021-12" }' in got
    assert pin(text, {"person": URIRef("http://x/a> } DROP ALL { <b")}).count("VALUES ?person {") == 0


def test_sort_keys_follow_reading_order():
    from graphkit.rdf.vocab import GK

    g = _memory()
    key = lambda x: g.value(URIRef(iri(x)), GK.sortKey).toPython()  # noqa: E731
    # events by start date; documents by publication date; quotations by their document's date
    assert key("ev2") < key("ev1") < key("ev3")  # 2021-06-16, 2021-12-02, 2022-02
    assert key("q2") < key("q1")  # doc1 (2021-12) before doc2 (2022-02)
    keys = [o.toPython() for o in g.objects(None, GK.sortKey)]
    assert len(keys) == len(set(keys))


def test_cli_table_says_when_rows_are_cut(tmp_path):
    f = tmp_path / "g.ttl"
    _memory().serialize(f, format="turtle")
    r = CliRunner().invoke(cli, ["query", "most-connected", "--graph", str(f), "--format", "table", "--limit", "2"])
    assert r.exit_code == 0, r.output
    assert "(2 rows)" in r.output and "more rows; use --limit or --format)" in r.output
