"""The HTML stage without a browser: one offline file, escaped data, deterministic bytes, CLI paths."""
from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest

from graphkit.page import (LAYOUT_THRESHOLD, OVERVIEW_ABOVE, OVERVIEW_SIZE, GraphView, display, graph_data, render,
                           render_html, vis_network_js)

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
    return decoded(json.loads(m.group(1)))


def decoded(data: dict) -> dict:
    """The compact rows as dicts (what the page's node() and edge() make of them)."""
    S = data["strings"]

    def pairs(xs):
        return [[S[xs[k]], S[xs[k + 1]]] for k in range(0, len(xs), 2)]

    nodes = [{"id": data["prefix"] + r[0], "label": r[1], "short": r[2], "type": data["types"][r[3]], "date": r[4],
              "kind": S[r[5]], "status": S[r[6]], "aliases": [S[k] for k in r[7]], "roles": [S[k] for k in r[8]],
              "docs": [S[k] for k in r[9]], "evidence": pairs(r[10]), "quotes": pairs(r[11]), "degree": r[12],
              "value": r[13], "reported": r[14]} for r in data["nodes"]]
    edges = [{"id": f"e{k}", "from": nodes[r[0]]["id"], "to": nodes[r[1]]["id"], "relation": S[r[2]], "label": S[r[3]],
              "labels": [S[x] for x in r[4]], "weight": r[5], "docs": [S[x] for x in r[6]], "evidence": pairs(r[7])}
             for k, r in enumerate(data["edges"])]
    return dict(data, nodes=nodes, edges=edges)


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


def test_large_graph_without_people_gets_positions_and_no_physics():
    G = nx.path_graph(LAYOUT_THRESHOLD + 1)
    nx.set_node_attributes(G, "Organization", "type")
    data = graph_data(G)
    assert data["physics"] is False and "overview" not in data
    assert len(data["pos"]) == 2 * G.number_of_nodes()
    small = graph_data(nx.path_graph(10))
    assert small["physics"] is True and "pos" not in small and "overview" not in small


def test_sizes_follow_centrality_and_weights_follow_documents():
    G = nx.star_graph(4)
    nx.set_node_attributes(G, "Person", "type")
    G.add_edge(1, 2, docs=["a", "b", "c", "d"], weight=4, label="met at X")
    data = page_data(render_html(G))
    val = {n["id"]: n["value"] for n in data["nodes"]}
    assert val["0"] == max(val.values())
    weights = {(e["from"], e["to"]): e["weight"] for e in data["edges"]}
    assert weights[("1", "2")] == 4 and weights[("0", "1")] == 1


def news(n: int) -> nx.Graph:
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_html", Path(__file__).parent.parent / "benchmarks" / "bench_html.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.news_graph(n)


def test_a_large_graph_opens_on_its_best_connected_people_laid_out_without_overlap():
    from graphkit.page import label_box  # the box model the layout promises to respect
    from graphkit.projection import who_met_whom

    G = news(2000)
    data = graph_data(G)
    ov = data["overview"]
    assert len(ov["nodes"]) == OVERVIEW_SIZE
    assert {data["types"][data["nodes"][i][3]] for i in ov["nodes"]} == {"Person"}
    keys = sorted(G, key=str)
    P = who_met_whom(G)
    ranks = dict(P.degree(weight="weight"))
    # the people drawn are the best ranked ones: nobody left out ranks above anybody drawn
    drawn = {keys[i] for i in ov["nodes"]}
    assert min(ranks[v] for v in drawn) >= max(r for v, r in ranks.items() if v not in drawn)
    boxes = []
    for k, i in enumerate(ov["nodes"]):
        w, up, down = label_box(data["nodes"][i][1], ov["size"][k], ov["font"][k])
        boxes.append((ov["x"][k] - w / 2, ov["y"][k] - up, ov["x"][k] + w / 2, ov["y"][k] + down))
    for a in range(len(boxes)):
        for b in range(a + 1, len(boxes)):
            A, B = boxes[a], boxes[b]
            assert min(A[2], B[2]) <= max(A[0], B[0]) or min(A[3], B[3]) <= max(A[1], B[1]), "labels overlap"
    assert len(set(ov["group"])) > 1  # Louvain found more than one community
    assert all(keys[e[0]] in drawn and keys[e[1]] in drawn for e in ov["edges"])
    assert ov["extras"] and {data["types"][data["nodes"][i][3]] for i in ov["extras"]} <= {"Event", "Organization", "Place"}


def test_small_graphs_are_drawn_whole():
    G = news(OVERVIEW_ABOVE)
    assert "overview" not in graph_data(G)


def test_texts_are_stored_once_and_rows_hold_numbers():
    G = nx.Graph()
    title = "A document title long enough to notice when it is repeated"
    for i in range(40):
        G.add_node(f"p{i}", type="Person", label=f"Person {i}", docs=[title], evidence=[("One sentence.", title)])
    for i in range(39):
        G.add_edge(f"p{i}", f"p{i + 1}", relation="met", label="met at Talks", labels=["met at Talks"],
                   docs=[title], weight=1, evidence=[("One sentence.", title)])
    page = render_html(G)
    assert page.count(title) == 1 and page.count("met at Talks") == 1
    assert page_data(page)["edges"][5]["docs"] == [title]


def test_undated_events_are_labelled_with_their_place_or_document():
    G = nx.Graph()
    G.add_node("e1", type="Event", label="talks", short="Talks", date="", reported="2022-01-10",
               docs=["Readout of the call with the\xa0Prime Minister of Nowhere"])
    G.add_node("e2", type="Event", label="summit", short="Summit · Geneva", date="", docs=["d"])
    G.add_node("g", type="Place", label="Geneva")
    G.add_edge("e2", "g", relation="held in")
    short = {n["id"]: n["short"] for n in page_data(render_html(G))["nodes"]}
    assert short["e1"] == "Talks · “Readout of the call with the…”, 2022-01-10"
    assert short["e2"] == "Summit · Geneva"


def test_same_page_whatever_the_hash_seed(tmp_path):
    import os
    import subprocess
    import sys

    code = ("import importlib.util, sys; from graphkit.page import render_html; "
            "spec = importlib.util.spec_from_file_location('b', sys.argv[1]); m = importlib.util.module_from_spec(spec); "
            "spec.loader.exec_module(m); sys.stdout.write(render_html(m.news_graph(600)))")
    bench = str(Path(__file__).parent.parent / "benchmarks" / "bench_html.py")
    pages = [subprocess.run([sys.executable, "-c", code, bench], capture_output=True, text=True, check=True,
                            env=dict(os.environ, PYTHONHASHSEED=seed)).stdout for seed in ("1", "2")]
    assert pages[0] == pages[1] and "overview" in page_data(pages[0])


def test_empty_graph_renders():
    data = page_data(render_html(nx.Graph()))
    assert data["nodes"] == [] and data["edges"] == []


def test_rdf_graph_is_projected(sample_build, tmp_path):
    from graphkit.projection import project

    out, result = sample_build
    G = project(result.graph)
    data = page_data(render(result.graph, tmp_path / "g.html").read_text(encoding="utf-8"))
    assert len(data["nodes"]) == G.number_of_nodes() and len(data["edges"]) == G.number_of_edges()
    # the sample is big enough to open on its people: every one drawn has met or spoken of another
    assert G.number_of_nodes() > OVERVIEW_ABOVE and data["overview"]["nodes"]
    assert all(data["nodes"][i]["type"] == "Person" and data["nodes"][i]["degree"] for i in data["overview"]["nodes"])


def test_focus_writes_the_ego_graph(sample_build, tmp_path):
    from graphkit.errors import QueryError
    from graphkit.projection import ego, find_nodes, project

    _, result = sample_build
    G = project(result.graph)
    center = find_nodes(G, "Lavrov")[0]
    page = render(result.graph, tmp_path / "f.html", focus="Lavrov", hops=2).read_text(encoding="utf-8")
    data = page_data(page)
    assert {n["id"] for n in data["nodes"]} == set(ego(G, center, 2))
    assert data["nodes"][data["focus"]]["id"] == center  # the page marks the person it is about
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


def test_the_benchmarks_whole_corpus_stand_in_grows_hubs_and_copies_the_rest():
    import importlib.util
    import sys

    root = Path(__file__).parent.parent
    sys.path.insert(0, str(root / "benchmarks"))
    try:
        spec = importlib.util.spec_from_file_location("bench_page", root / "benchmarks" / "bench_page.py")
        bp = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(bp)
    finally:
        sys.path.remove(str(root / "benchmarks"))
    G = news(300)
    shared = [v for v, d in G.nodes(data=True) if d["type"] != "Event" and len(d["docs"]) >= 3]
    H = bp.tiled(G, 3)
    assert H.number_of_nodes() == 3 * G.number_of_nodes() - 2 * len(shared)
    hub = shared[0]
    assert len(H.nodes[hub]["docs"]) == 3 * len(G.nodes[hub]["docs"])  # its documents, in every copy
    assert H.degree(hub) >= G.degree(hub)
