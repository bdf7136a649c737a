"""The public API as the README shows it, and the CLI's answers to mistakes: one line, the right exit code."""
from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic

import graphkit
from graphkit.errors import EXIT_USAGE, InputError, UsageError
from graphkit.query import PREFIXES, QueryResult, catalogue
from graphkit.rdf.vocab import GK

from conftest import SAMPLE


def gk(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "graphkit", *map(str, args)], capture_output=True, text=True, cwd=cwd)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The sample built through graphkit.build, as the README's Python block does."""
    out = tmp_path_factory.mktemp("api-out")
    g = graphkit.build([SAMPLE], output=out)
    return out, g


def _examples(q):
    return {p.name: p.example for p in q.params}


@pytest.mark.parametrize("q", catalogue(), ids=lambda q: q.name)
def test_every_canned_query_runs_on_what_build_and_load_graph_return(built, q):
    out, g = built
    for graph in (g, graphkit.load_graph(out)):
        res = graphkit.run_query(graph, q.name, _examples(q))
        assert isinstance(res, QueryResult)


def test_canned_queries_run_on_a_plain_rdflib_graph(built):
    out, _ = built
    g = Graph().parse(out / "graph.ttl")  # a user's own rdflib graph: copied into Oxigraph to run
    res = graphkit.run_query(g, "meetings-of", {"person": "Sergei Lavrov"})
    assert len(res) > 0
    assert len(graphkit.run_query(g, "timeline")) > 0


def test_query_result_is_rows(built):
    _, g = built
    res = graphkit.run_query(g, "meetings-of", {"person": "Sergei Lavrov"})
    assert len(res) == len(res.rows) > 0
    rows = list(res)
    assert rows[0].eventName == rows[0]["eventName"] == res.rows[0][res.vars.index("eventName")]
    dicts = res.to_dicts()
    assert list(dicts[0]) == res.vars and all(isinstance(d["person"], str) for d in dicts)
    df = res.to_dataframe()
    assert list(df.columns) == res.vars and len(df) == len(res)
    counts = graphkit.run_query(g, "most-connected").to_dicts()
    assert isinstance(counts[0]["partners"], int)


def test_a_defaulted_parameter_is_not_echoed(built):
    _, g = built
    rows = graphkit.run_query(g, "timeline", {"from": "2022-01-01"}).to_dicts()
    assert rows and {r["from"] for r in rows} == {"2022-01-01"} and {r["to"] for r in rows} == {None}
    proc = gk("query", "timeline", "--graph", built[0], "--format", "csv")
    assert proc.returncode == 0 and "9999" not in proc.stdout and "0001" not in proc.stdout


@pytest.mark.parametrize("value", ["2021-13-01", "2021-02-30", "2021-00", "21-01-01"])
def test_impossible_dates_are_refused(built, value):
    with pytest.raises(UsageError, match="wants a date"):
        graphkit.run_query(built[1], "timeline", {"from": value})


def test_mistakes_in_names_are_usage_errors_with_a_suggestion(built):
    out, _ = built
    proc = gk("query", "meetins-of", "-p", "person=Lavrov", "--graph", out)
    assert proc.returncode == EXIT_USAGE and "did you mean 'meetings-of'" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    proc = gk("query", "meetings-of", "-p", "persn=Lavrov", "--graph", out)
    assert proc.returncode == EXIT_USAGE and "did you mean 'person'" in proc.stderr
    proc = gk("query", "timeline", "-p", "from=2021-13-01", "--graph", out)
    assert proc.returncode == EXIT_USAGE and "2021-13-01" in proc.stderr
    proc = gk("query", "meetings-of", "--graph", out)
    assert proc.returncode == EXIT_USAGE and "needs --param person" in proc.stderr


def test_who_met_whom_with_a_person_says_which_query_answers_that(built):
    out, _ = built
    proc = gk("query", "who-met-whom", "-p", "person=Lavrov", "--graph", out)
    assert proc.returncode == EXIT_USAGE and "bound" not in proc.stderr
    assert "co-attendance -p person=" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    proc = gk("query", "co-attendance", "-p", "person=Lavrov", "-p", "hops=1", "--graph", out, "--format", "csv")
    assert proc.returncode == 0 and "Antony Blinken" in proc.stdout


def test_common_prefixes_are_predeclared(built):
    _, g = built
    assert {"rdf", "rdfs", "owl", "xsd", "schema", "prov", "skos", "gk", "gkid"} <= set(PREFIXES)
    res = graphkit.run_query(g, "SELECT ?s WHERE { ?s rdf:type gk:RoleStatement . "
                                "FILTER(STRSTARTS(STR(?s), STR(gkid:))) } LIMIT 1")
    assert len(res) == 1
    assert len(graphkit.run_query(g, "ASK { ?c rdfs:label ?l }")) == 1
    proc = gk("query", "-e", "SELECT ?s WHERE { ?s foaf:name ?n }", "--graph", built[0])
    assert proc.returncode == 1 and "unknown prefix 'foaf:'" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_query_files_errors_name_the_file(built, tmp_path):
    out, _ = built
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT ?x WHERE { ?x ?y }\n", encoding="utf-8")
    for ref, want in ((bad, f"{bad}: SPARQL syntax error"), (tmp_path / "none.rq", "no such query file")):
        proc = gk("query", ref, "--graph", out)
        assert proc.returncode == 1 and want in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    bad.write_bytes(b"\xff\xfe SELECT")
    with pytest.raises(InputError, match="bad.rq: not a UTF-8"):
        graphkit.run_query(built[1], str(bad))


def test_viz_without_o_leaves_the_builds_page_alone(built, tmp_path):
    out = tmp_path / "o"
    shutil.copytree(built[0], out)
    page = (out / "graph.html").read_bytes()
    proc = gk("viz", "--focus", "Lavrov", "--graph", out)
    assert proc.returncode == 0, proc.stderr
    assert (out / "graph.html").read_bytes() == page
    assert (out / "viz-lavrov.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert gk("viz", "--graph", out).returncode == 0 and (out / "graph.html").read_bytes() == page


def test_broken_overrides_are_one_line(tmp_path):
    doc = SAMPLE / "2022-01-10-geneva-strategic-stability.txt"
    for name, text in (("o.yaml", 'same:\n  - ["a", "b"\ndifferent: [\n'), ("o.json", '{"same": [["a", "b"]'),
                       ("p.yaml", "same: [[a, b, c]]\n"), ("q.yaml", "- just\n- a list\n")):
        f = tmp_path / name
        f.write_text(text, encoding="utf-8")
        proc = gk("build", doc, "-o", tmp_path / "out", "--overrides", f, "--no-html")
        assert proc.returncode == 1, (name, proc.stderr)
        assert proc.stderr.startswith(f"graphkit: error: {f}: ") and len(proc.stderr.strip().splitlines()) == 1, name


def test_an_override_naming_nobody_is_reported(tmp_path):
    f = tmp_path / "o.yaml"
    f.write_text('same:\n  - ["Sergei Ryabkov", "Sergey Ryabkof"]\ndifferent:\n  - ["Wendy Sherman", "Nobody Known"]\n',
                 encoding="utf-8")
    doc = SAMPLE / "2022-01-10-geneva-strategic-stability.txt"
    proc = gk("build", doc, "-o", tmp_path / "out", "--overrides", f, "--no-html")
    assert proc.returncode == 0, proc.stderr
    notes = [ln for ln in proc.stderr.splitlines() if "names nobody" in ln]
    assert len(notes) == 2 and "'Sergey Ryabkof'" in notes[0] and "'Nobody Known'" in notes[1]
    assert all(ln.startswith(f"graphkit: note: {f}: ") for ln in notes)


def test_broken_shapes_are_one_line(built, tmp_path):
    f = tmp_path / "shapes.ttl"
    f.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> \n<x> a sh:NodeShape ;; sh:targetClass", encoding="utf-8")
    proc = gk("validate", "--graph", built[0], "--shapes", f)
    assert proc.returncode == 1 and proc.stderr.startswith(f"graphkit: error: {f}: cannot parse the SHACL shapes")
    assert len(proc.stderr.strip().splitlines()) == 1
    f.write_text("<a> <b> <c> .\n", encoding="utf-8")  # Turtle, but no shapes: every graph would conform
    proc = gk("validate", "--graph", built[0], "--shapes", f)
    assert proc.returncode == 1 and "no SHACL shapes" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def _plain(g: Graph) -> Graph:
    from graphkit.query import plain_value as plain_literal

    out = Graph()
    for s, p, o in g:
        out.add((s, p, plain_literal(o)))
    return out


def test_source_paths_are_relative_to_the_path_given(tmp_path):
    docs = [SAMPLE / "2022-01-10-geneva-strategic-stability.txt", SAMPLE / "2022-articles.jsonl"]
    for where in ("a", "b/deeper"):
        (tmp_path / where / "corpus").mkdir(parents=True)
        for d in docs:
            shutil.copy(d, tmp_path / where / "corpus")
    # one by absolute path, one relative to the working folder
    ga = graphkit.build([tmp_path / "a" / "corpus"])
    proc = gk("build", "corpus", "-o", tmp_path / "out-b", "--no-html", cwd=tmp_path / "b" / "deeper")
    assert proc.returncode == 0, proc.stderr
    gb = graphkit.load_graph(tmp_path / "out-b")
    paths = sorted(str(o) for o in ga.objects(None, GK.sourcePath))
    assert paths == ["corpus/2022-01-10-geneva-strategic-stability.txt",
                     "corpus/2022-articles.jsonl#geneva-blinken-lavrov-2022-01-21",
                     "corpus/2022-articles.jsonl#scholz-moscow-2022-02-15"]
    a, b = _plain(ga), _plain(gb)
    if not isomorphic(a, b):
        _, only_a, only_b = graph_diff(a, b)
        pytest.fail(f"{len(only_a)} triples only in a, {len(only_b)} only in b: {sorted(only_a)[:3]}")
    assert str(tmp_path) not in (tmp_path / "out-b" / "graph.ttl").read_text(encoding="utf-8")
    gf = graphkit.build([tmp_path / "a" / "corpus" / "2022-articles.jsonl"])
    assert sorted(str(o) for o in gf.objects(None, GK.sourcePath))[0] == "2022-articles.jsonl#geneva-blinken-lavrov-2022-01-21"


def test_query_result_shows_itself_briefly(built):
    res = graphkit.run_query(built[1], "meetings-of", {"person": "Sergei Lavrov"})
    assert repr(res).startswith(f"<QueryResult: {len(res)} rows of person, event")
    html = res._repr_html_()
    assert html.count("<tr>") == len(res) + 1 and "<th>eventName</th>" in html
