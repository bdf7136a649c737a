"""The HTML stage without a browser: one offline file, escaped data, deterministic bytes, CLI paths."""
from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest

from graphkit.page import LAYOUT_THRESHOLD, GraphView, display, graph_data, render, render_html, vis_network_js

HOSTILE = "</script><script>alert(1)</script><img src=x onerror=alert(1)>"


def hostile_graph() -> nx.Graph:
    G = nx.Graph()
    G.add_node("p1", type="Person", label=f"John {HOSTILE} Smith", aliases=["javascript:alert(1)"],
               roles=["<b>Minister</b>"], docs=["<i>doc</i> & co"], evidence=[(f"He said {HOSTILE}.", "</script>")],
               date="", quotes=[("<svg onload=alert(1)>", "d")])
    G.add_node("o1", type="Organization", label="Org & <Co>", aliases=[], roles=[], docs=[], evidence=[], date="")
    G.add_edge("p1", "o1", relation="role", label=f"role at {HOSTILE}", labels=[f"role at {HOSTILE}"],
               docs=["javascript:alert(1)"], weight=1, evidence=[(HOSTILE, "x")])
    return G


def page_data(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="gk-data">(.*?)</script>', page, re.S)
    assert m, "data block missing"
    return json.loads(m.group(1))


def without_vis(page: str) -> str:
    return page.replace(vis_network_js().replace("</script", "<\\/script"), "")


def test_script_end_and_markup_in_data_are_escaped():
    page = render_html(hostile_graph(), title=f"t {HOSTILE}")
    rest = without_vis(page)
    assert "alert(1)</script>" not in rest
    assert "<img" not in rest and "<svg" not in rest and "<b>" not in rest
    assert rest.count("<script") == 3  # data, vis-network, ours
    data = page_data(page)  # the text survives intact as data
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    assert labels["p1"] == f"John {HOSTILE} Smith"
    assert data["edges"][0]["evidence"][0][0] == HOSTILE
    assert "&lt;/script&gt;" in rest.split("<body>")[1].split("<script")[0]  # title, escaped by Jinja2


def test_one_file_and_no_lib_in_cwd(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = render(hostile_graph(), tmp_path / "out" / "page.html")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["page.html"]
    assert out.stat().st_size > 100_000  # vis-network is inlined


def test_page_loads_nothing_from_anywhere():
    page = render_html(hostile_graph())
    rest = without_vis(page)
    assert not re.search(r"https?://", rest), "URL outside the inlined library"
    markup = re.sub(r'(<script type="application/json" id="gk-data">).*?(</script>)', r"\1\2", rest, flags=re.S)
    assert not re.search(r"\s(src|href)\s*=", markup), "an attribute that would load something"
    assert "default-src 'none'" in page  # CSP: even a stray URL could not be fetched
    assert "vis.Network" in page


def test_same_graph_same_bytes():
    G = nx.gnm_random_graph(LAYOUT_THRESHOLD + 50, 600, seed=3)
    nx.set_node_attributes(G, "Person", "type")
    a, b = render_html(G), render_html(G.copy())
    assert a == b
    assert render_html(hostile_graph()) == render_html(hostile_graph())


def test_large_graph_gets_positions_and_no_physics():
    G = nx.path_graph(LAYOUT_THRESHOLD + 1)
    data = graph_data(G)
    assert data["physics"] is False
    assert all("x" in n and "y" in n for n in data["nodes"])
    small = graph_data(nx.path_graph(10))
    assert small["physics"] is True and "x" not in small["nodes"][0]


def test_sizes_follow_centrality_and_widths_follow_documents():
    G = nx.star_graph(4)
    nx.set_node_attributes(G, "Person", "type")
    G.add_edge(1, 2, docs=["a", "b", "c", "d"], weight=4, label="met at X")
    data = graph_data(G)
    val = {n["id"]: n["value"] for n in data["nodes"]}
    assert val["0"] == max(val.values())
    widths = {(e["from"], e["to"]): e["width"] for e in data["edges"]}
    assert widths[("1", "2")] > widths[("0", "1")]


def test_empty_graph_renders():
    data = page_data(render_html(nx.Graph()))
    assert data["nodes"] == [] and data["edges"] == []


def test_rdf_graph_is_projected(sample_build, tmp_path):
    from graphkit.projection import project

    out, result = sample_build
    G = project(result.graph)
    data = page_data(render(result.graph, tmp_path / "g.html").read_text(encoding="utf-8"))
    assert len(data["nodes"]) == G.number_of_nodes() and len(data["edges"]) == G.number_of_edges()


def test_focus_writes_the_ego_graph(sample_build, tmp_path):
    from graphkit.errors import QueryError
    from graphkit.projection import ego, find_nodes, project

    _, result = sample_build
    G = project(result.graph)
    center = find_nodes(G, "Lavrov")[0]
    page = render(result.graph, tmp_path / "f.html", focus="Lavrov", hops=2).read_text(encoding="utf-8")
    assert {n["id"] for n in page_data(page)["nodes"]} == set(ego(G, center, 2))
    assert "Lavrov" in page.split("<title>")[1].split("</title>")[0]
    with pytest.raises(QueryError):
        render(result.graph, tmp_path / "x.html", focus="Nobody Atall")


def test_viz_cli_focus(sample_build, tmp_path):
    from click.testing import CliRunner

    from graphkit.cli import cli

    out, _ = sample_build
    r = CliRunner().invoke(cli, ["viz", "--graph", str(out), "-o", str(tmp_path / "v.html"),
                                 "--focus", "Lavrov", "--hops", "1"])
    assert r.exit_code == 0, r.output
    assert page_data((tmp_path / "v.html").read_text(encoding="utf-8"))["nodes"]


def test_query_html_draws_the_entities_of_a_result(sample_build, tmp_path):
    from click.testing import CliRunner

    from graphkit.cli import cli

    out, _ = sample_build
    sparql = "PREFIX schema: <https://schema.org/> SELECT ?p ?n WHERE { ?p a schema:Person ; schema:name ?n }"
    r = CliRunner().invoke(cli, ["query", "-e", sparql, "--graph", str(out), "--format", "tsv",
                                 "--html", str(tmp_path / "q.html")])
    assert r.exit_code == 0, r.output
    data = page_data((tmp_path / "q.html").read_text(encoding="utf-8"))
    assert data["nodes"] and {n["type"] for n in data["nodes"]} == {"Person"}
    # a result without entities is an error with a message, not an empty page
    r = CliRunner().invoke(cli, ["query", "-e", "SELECT (1 AS ?x) WHERE {}", "--graph", str(out),
                                 "--html", str(tmp_path / "none.html")])
    assert r.exit_code != 0 and "no entity" in r.output
    assert not (tmp_path / "none.html").exists()


def test_public_api_render_and_jupyter_view(tmp_path):
    import graphkit
    import graphkit.page  # noqa: F401 - importing the stage module must not shadow the API
    import graphkit.projection  # noqa: F401

    p = graphkit.render(hostile_graph(), tmp_path / "api.html")
    assert Path(p).is_file() and callable(graphkit.project) and not hasattr(graphkit.render, "__path__")
    from graphkit.notebook import NotebookView

    assert isinstance(graphkit.display(hostile_graph()), NotebookView)  # the notebook's view, see test_notebook
    view = display(hostile_graph(), height=400)
    assert isinstance(view, GraphView)
    h = view._repr_html_()
    assert h.startswith("<iframe srcdoc=\"") and 'sandbox="allow-scripts"' in h and "height:400px" in h
    srcdoc = h.split('srcdoc="', 1)[1].split('" sandbox=', 1)[0]
    assert "<" not in srcdoc and '"' not in srcdoc  # the whole page is one escaped attribute
    import html as _html

    assert _html.unescape(srcdoc) == view.page
