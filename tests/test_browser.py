"""The page in a real browser (Debian chromium, all network refused): counts, search, panel, XSS, speed."""
from __future__ import annotations

import importlib.util
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
HOSTILE_NAME = "<img src=x onerror=alert(1)>"
SCRIPT = "<script>alert(1)</script>"

# DOM position of a node, to click it like a person would
NODE_XY = """id => { const p = gkNetwork.canvasToDOM(gkNetwork.getPosition(id));
  const r = document.getElementById('net').getBoundingClientRect(); return [p.x + r.left, p.y + r.top]; }"""
INJECTED = "document.querySelectorAll('img, svg, iframe, object, embed, a, form').length"


@pytest.fixture(scope="session")
def browser(chromium):
    """One headless chromium for the whole session (launching costs more than a test)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    pw = sync_api.sync_playwright().start()
    b = pw.chromium.launch(executable_path=chromium, args=ARGS)
    yield b
    b.close()
    pw.stop()


@dataclass
class Opened:
    page: object
    requests: list = field(default_factory=list)  # anything not file:/data:/about: (all refused)
    errors: list = field(default_factory=list)
    dialogs: list = field(default_factory=list)
    seconds: float = 0.0


@contextmanager
def opened(browser, path: Path, timeout: float = 20.0, size: tuple[int, int] = (1400, 900)):
    """The page loaded with every network request refused, waited until window.gkReady."""
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    o = Opened(page)

    def route(r):
        if r.request.url.startswith(("file:", "data:", "about:")):
            r.continue_()
        else:
            o.requests.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: o.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: o.errors.append(str(e)))
    page.on("dialog", lambda d: (o.dialogs.append(d.message), d.dismiss()))
    try:
        page.goto(Path(path).as_uri())
        t0 = time.perf_counter()
        # polled from outside: the page's CSP forbids the eval that wait_for_function uses
        while not page.evaluate("window.gkReady === true"):
            assert time.perf_counter() - t0 < timeout, "page never became ready"
            time.sleep(0.02)
        o.seconds = page.evaluate("performance.now()") / 1000
        yield o
    finally:
        page.close()


def click_node(page, node_id: str) -> None:
    x, y = page.evaluate(NODE_XY, node_id)
    page.mouse.click(x, y)


def panel_text(page) -> str:
    return page.evaluate("document.getElementById('panel').textContent")


def test_sample_page_offline_counts_search_and_panel(browser, sample_build):
    from graphkit.projection import project

    out, result = sample_build
    G = project(result.graph)
    with opened(browser, out / "graph.html") as o:
        p = o.page
        assert p.evaluate("gk.nodes") == G.number_of_nodes() and p.evaluate("gk.edges") == G.number_of_edges()
        lavrov = next(n for n, d in G.nodes(data=True) if d["label"].endswith("Lavrov"))
        # the real input: type a surname, press Enter
        p.fill("#search", "lavrov")
        p.press("#search", "Enter")
        assert p.evaluate("gkNetwork.getSelectedNodes()") == [lavrov]
        assert "Lavrov" in p.evaluate("document.querySelector('#panel h2').textContent")
        # a click on a person with a role shows the sentence it comes from, with its document
        who = max((n for n, d in G.nodes(data=True) if d["type"] == "Person" and G.degree(n)),
                  key=lambda n: (G.degree(n), n))
        assert p.evaluate("q => gkSearch(q)", G.nodes[who]["label"]) == [who]
        p.evaluate("document.getElementById('panel').textContent = ''")
        click_node(p, who)
        assert p.evaluate("gkNetwork.getSelectedNodes()") == [who]
        text = panel_text(p)
        a, b, d = next(iter(G.edges(who, data=True)))
        assert G.nodes[who]["label"] in text and d["evidence"][0][0].split("\n")[0] in text
        assert d["docs"][0] in text
        assert o.requests == [] and o.errors == [] and o.dialogs == []


def test_filters_never_leave_a_silent_blank(browser, sample_build):
    out, _ = sample_build
    with opened(browser, out / "graph.html") as o:
        p = o.page
        for cb in p.query_selector_all("#legend input"):
            cb.uncheck()
        assert p.evaluate("gkNetwork.body.data.nodes.get({filter: n => !n.hidden}).length") == 0
        assert "No node matches" in p.inner_text("#empty")
        p.click("#reset")
        assert p.evaluate("gkNetwork.body.data.nodes.get({filter: n => !n.hidden}).length") > 0
        assert not p.is_visible("#empty")
        assert o.errors == []


def hostile_nx() -> nx.Graph:
    G = nx.Graph()
    G.add_node("p", type="Person", label=f"John {HOSTILE_NAME} Smith", aliases=["javascript:alert(1)"],
               roles=[SCRIPT], docs=[f"Title {SCRIPT}"], evidence=[(f"He said {SCRIPT} and {HOSTILE_NAME}", "</script>")],
               quotes=[("<svg onload=alert(1)>", "javascript:alert(1)")], date="")
    G.add_node("o", type="Organization", label="<b>Org</b>", aliases=[], roles=[], docs=[], evidence=[], date="")
    G.add_edge("p", "o", relation="role", label=f"role at {SCRIPT}", labels=[f"role at {SCRIPT}"], weight=1,
               docs=["javascript:alert(1)"], evidence=[(HOSTILE_NAME, "x")])
    return G


def test_hostile_labels_and_evidence_show_as_text(browser, tmp_path):
    from graphkit.page import render

    path = render(hostile_nx(), tmp_path / "x.html", title=f"T {SCRIPT}")
    with opened(browser, path) as o:
        p = o.page
        assert p.evaluate("q => gkSearch(q)", "John") == ["p"]
        text = panel_text(p)
        for s in (f"John {HOSTILE_NAME} Smith", SCRIPT, "javascript:alert(1)", "<svg onload=alert(1)>", "</script>"):
            assert s in text
        click_node(p, "p")
        p.evaluate("gkShowEdge('e0')")
        assert f"role at {SCRIPT}" in panel_text(p)
        p.hover("#search")
        time.sleep(0.3)
        assert p.evaluate(INJECTED) == 0 and p.evaluate("document.scripts.length") == 3
        assert p.title() == f"T {SCRIPT}"
        assert o.dialogs == [] and o.requests == [] and o.errors == []


def test_hostile_corpus_end_to_end(browser, tmp_path):
    from graphkit.config import BuildOptions
    from graphkit.pipeline import run_build

    src = tmp_path / "corpus"
    src.mkdir()
    (src / f"news {HOSTILE_NAME}.md").write_text(
        f"---\ntitle: Talks {SCRIPT} <a href=\"javascript:alert(1)\">x</a>\ndate: 2022-01-10\n---\n\n"
        f"Minister John {HOSTILE_NAME} Smith met Foreign Minister Sergei Lavrov in Geneva on Monday.\n\n"
        f"Prime Minister Jane {SCRIPT} Doe of France said the talks were useful [link](javascript:alert(1)).\n"
        f"President Boris Johnson said {HOSTILE_NAME} in London.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_build([src], out, BuildOptions(cache=False))
    with opened(browser, out / "graph.html") as o:
        p = o.page
        assert p.evaluate("gkNetwork.body.data.nodes.length") > 0
        for q in ("Smith", "Lavrov", "Doe", "Johnson"):
            if p.evaluate("q => gkSearch(q)", q):
                click_node(p, p.evaluate("gkNetwork.getSelectedNodes()[0]"))
        assert p.evaluate(INJECTED) == 0 and p.evaluate("document.scripts.length") == 3
        assert o.dialogs == [] and o.requests == [] and o.errors == []
        # the hostile document title reaches the page: shown literally in the panel and the menu
        # (as the reader gives it: since Markdown is read as text, its tags may be gone)
        from graphkit.projection import project

        title = next(d for _, x in project(result.graph).nodes(data=True) for d in x["docs"] if d.startswith("Talks"))
        assert "alert(1)" in title
        node = p.evaluate("t => gk.all().find(n => n.docs.includes(t)).id", title)
        p.evaluate("id => gkShowNode(id)", node)
        assert title in panel_text(p)
        assert title in p.evaluate("Array.from(document.querySelectorAll('#docfilter option')).map(o => o.textContent)")
        p.select_option("#docfilter", title)
        assert p.evaluate(INJECTED) == 0 and o.dialogs == []
        # whatever hostile text reached the names is shown literally too
        labels = p.evaluate("gk.all().map(n => n.label)")
        for lab in labels:
            if "<" in lab:
                node = p.evaluate("l => gk.all().find(n => n.label === l).id", lab)
                p.evaluate("id => gkShowNode(id)", node)
                assert lab in panel_text(p)
    assert result.graph is not None


def test_screenshot_of_the_seed_graph(browser, request, artifacts):
    """A picture for a person to look at: tests/artifacts/seed-graph.png."""
    build = request.getfixturevalue("seeds_build" if SEEDS.is_dir() else "sample_build")
    out, _ = build
    with opened(browser, out / "graph.html") as o:
        p = o.page
        top = p.evaluate("gk.all().filter(n => n.type === 'Person').sort((a, b) => b.degree - a.degree)[0].id")
        p.evaluate("id => gkShowNode(id)", top)
        p.evaluate("id => gkNetwork.selectNodes([id])", top)
        p.screenshot(path=str(artifacts / "seed-graph.png"))
        assert o.errors == [] and o.requests == []
    assert (artifacts / "seed-graph.png").stat().st_size > 10_000


def _bench():
    spec = importlib.util.spec_from_file_location("bench_html", ROOT / "benchmarks" / "bench_html.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_5000_nodes_interactive_within_5s(browser, tmp_path):
    from graphkit.page import render

    G = _bench().news_graph(5000)
    path = render(G, tmp_path / "big.html")
    with opened(browser, path) as o:
        assert o.seconds < 5.0, f"interactive after {o.seconds:.1f}s"
        p = o.page
        assert p.evaluate("gk.nodes") == 5000 and p.evaluate("gk.mode") == "overview"
        t = time.perf_counter()
        assert len(p.evaluate("q => gkSearch(q)", G.nodes[sorted(G)[10]]["label"])) == 1
        assert time.perf_counter() - t < 1.0
        assert o.errors == [] and o.requests == []


def test_jupyter_iframe_runs_the_page(browser):
    from graphkit.page import display

    page = browser.new_page()
    refused = []  # like every page here: the network refused, and nothing may try it
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:", "about:"))
               else (refused.append(r.request.url), r.abort()))
    try:
        page.set_content(display(hostile_nx(), height=500)._repr_html_())
        frame = None
        t0 = time.perf_counter()
        while time.perf_counter() - t0 < 10:
            frame = next((f for f in page.frames if f != page.main_frame), None)
            if frame is not None and frame.evaluate("window.gkReady === true"):
                break
            time.sleep(0.05)
        assert frame is not None and frame.evaluate("gkNetwork.body.data.nodes.length") == 2
        assert refused == []
    finally:
        page.close()


def test_date_and_document_filters(browser, tmp_path):
    from graphkit.page import render

    G = nx.Graph()
    G.add_node("p", type="Person", label="Ann Lee", docs=["d1", "d2"])
    for key, date, doc in (("e1", "2021-12-07", "d1"), ("e2", "2022-01-10", "d2"), ("e3", "--03-01", "d2")):
        G.add_node(key, type="Event", label=f"talks {key}", date=date, docs=[doc])
        G.add_edge("p", key, relation="attended", label=f"attended talks {key}", docs=[doc], weight=1)
    visible = "gkNetwork.body.data.nodes.get({filter: n => !n.hidden}).map(n => n.id).sort()"
    with opened(browser, render(G, tmp_path / "d.html")) as o:
        p = o.page
        p.fill("#to", "2021")
        p.dispatch_event("#to", "change")
        assert p.evaluate(visible) == ["e1", "e3", "p"]
        p.fill("#to", "")
        p.fill("#from", "2022-01")
        p.dispatch_event("#from", "change")
        assert p.evaluate(visible) == ["e2", "e3", "p"]
        p.click("#reset")
        p.select_option("#docfilter", "d1")
        assert p.evaluate(visible) == ["e1", "p"]
        assert o.errors == []


# --- the people-first overview of a large graph ------------------------------------------------

def _bench_page():
    spec = importlib.util.spec_from_file_location("bench_page", ROOT / "benchmarks" / "bench_page.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


VIEW_TYPES = "gkView().nodes.map(id => gk.node(id).type)"


@pytest.fixture(scope="module")
def big_page(tmp_path_factory):
    """A 3,000-node news-shaped graph and its page."""
    from graphkit.page import render

    G = _bench().news_graph(3000)
    return G, render(G, tmp_path_factory.mktemp("big") / "big.html", title="3,000 nodes")


def test_overview_first_view_is_readable(browser, big_page):
    bp = _bench_page()
    G, path = big_page
    with opened(browser, path) as o:
        p = o.page
        assert p.evaluate("gkView().kind") == "overview"
        fig = bp.label_figures(p.evaluate(bp.LABELS))
        assert fig["people"] >= 40 and fig["readable"] >= 40 and fig["overlap"] < 0.05, fig
        assert set(p.evaluate(VIEW_TYPES)) == {"Person"}
        # the panel ranks them, each a link to their neighbourhood
        ranked = p.evaluate("Array.from(document.querySelectorAll('#panel ol li button')).map(b => b.textContent)")
        assert ranked == [G.nodes[v]["label"] for v in p.evaluate("gkView().nodes")]
        p.click("#panel ol li:nth-child(2) button")
        assert p.evaluate("gkView().center") == p.evaluate("gkData.prefix + gkData.nodes[gkData.overview.nodes[1]][0]")
        assert o.errors == [] and o.requests == []


def test_a_small_window_keeps_labels_readable_by_dropping_some(browser, big_page):
    bp = _bench_page()
    G, path = big_page
    with opened(browser, path, size=(1024, 680)) as o:
        fig = bp.label_figures(o.page.evaluate(bp.LABELS))
        assert fig["min_px"] >= 11 and fig["overlap"] < 0.02 and fig["people"] >= 30, fig
        # zoom in: every label is back, bigger; zoom out: fewer, still readable
        o.page.evaluate("gkNetwork.moveTo({scale: 1.5}); gkNetwork.emit('zoom', {}); gkNetwork.redraw()")
        time.sleep(0.2)
        near = bp.label_figures(o.page.evaluate(bp.LABELS))
        assert near["min_px"] > fig["min_px"] and near["overlap"] < 0.02
        assert o.page.evaluate("gkNetwork.body.data.nodes.get().filter(n => n.label).length") == 50
        o.page.evaluate("gkNetwork.moveTo({scale: 0.3}); gkNetwork.emit('zoom', {}); gkNetwork.redraw()")
        time.sleep(0.2)
        far = bp.label_figures(o.page.evaluate(bp.LABELS))
        assert far["min_px"] >= 11 and far["overlap"] < 0.02 and 0 < far["people"] < fig["people"], far
        assert o.errors == []


def test_click_expands_a_person_in_place_and_back_undoes_it(browser, big_page):
    bp = _bench_page()
    G, path = big_page
    with opened(browser, path) as o:
        p = o.page
        first = p.evaluate("gkView().nodes")
        who = first[0]
        click_node(p, who)
        view = p.evaluate("gkView()")
        assert view["kind"] == "around" and view["center"] == who
        events = {v for v in G[who] if G.nodes[v]["type"] == "Event"}
        drawn_events = {v for v in view["nodes"] if G.nodes[v]["type"] == "Event"}
        assert drawn_events <= events and len(drawn_events) == min(12, len(events))
        met = {u for e in events for u in G[e] if G.nodes[u]["type"] == "Person"} - {who}
        drawn_people = {v for v in view["nodes"] if G.nodes[v]["type"] == "Person"} - {who}
        assert drawn_people and drawn_people <= met | set(G[who])
        fig = bp.label_figures(p.evaluate(bp.LABELS))
        assert fig["min_px"] >= 11 and fig["overlap"] < 0.05, fig
        # in place: the rest of the overview is still there, greyed and unlabelled
        assert p.evaluate("gkNetwork.body.data.nodes.get().filter(n => n.label === '').length") > 0
        assert G.nodes[who]["label"] in panel_text(p)
        p.click("#back")
        assert p.evaluate("gkView()") == {"kind": "overview", "center": None, "nodes": first}
        assert p.is_hidden("#back")
        click_node(p, first[1])
        p.keyboard.press("Escape")  # Escape steps back too
        assert p.evaluate("gkView().kind") == "overview"
        # an overview line: the two people, the events they shared
        a, b = p.evaluate("[0].map(k => gkData.overview.edges[k].slice(0, 2).map(i => gkData.prefix + gkData.nodes[i][0]))")[0]
        p.evaluate("gkShowEdge('o0')")
        text = panel_text(p)
        assert G.nodes[a]["label"] in text and G.nodes[b]["label"] in text
        shared = {e for e in G[a] if e in G[b] and G.nodes[e]["type"] == "Event"}
        assert all(G.nodes[e]["label"] in text for e in shared)
        assert o.errors == [] and o.requests == []


def test_search_by_alias_goes_to_the_person(browser, tmp_path):
    from graphkit.page import render

    G = _bench().news_graph(1500)
    who = sorted(v for v, d in G.nodes(data=True) if d["type"] == "Person")[-1]  # a minor figure
    G.nodes[who]["aliases"] = ["Zed Q. Unusual-Alias"]
    with opened(browser, render(G, tmp_path / "s.html")) as o:
        p = o.page
        assert who not in p.evaluate("gkView().nodes")
        p.fill("#search", "zed q unusual alias")
        p.press("#search", "Enter")
        assert p.evaluate("gkView().center") == who and p.evaluate("gkNetwork.getSelectedNodes()") == [who]
        assert G.nodes[who]["label"] in p.evaluate("document.querySelector('#panel h2').textContent")
        assert o.errors == []


def test_histogram_brush_draws_the_period_and_back_clears_it(browser, big_page):
    G, path = big_page
    with opened(browser, path) as o:
        p = o.page
        box = p.locator("#hist").bounding_box()
        y = box["y"] + box["height"] / 2
        p.mouse.move(box["x"] + box["width"] * 0.30, y)
        p.mouse.down()
        p.mouse.move(box["x"] + box["width"] * 0.45, y, steps=4)
        p.mouse.up()
        start, end = p.input_value("#from"), p.input_value("#to")
        assert start and end and start <= end
        assert p.evaluate("gkView().kind") == "period"
        dates = [G.nodes[v]["date"][:7] for v in p.evaluate("gkView().nodes") if G.nodes[v]["type"] == "Event"]
        assert dates and all(start <= d <= end for d in dates)
        p.click("#back")
        assert p.evaluate("gkView().kind") == "overview" and p.input_value("#from") == ""
        assert o.errors == []


def test_context_toggle_brings_events_organisations_and_places(browser, big_page):
    G, path = big_page
    with opened(browser, path) as o:
        p = o.page
        p.check("#ctx")
        assert {"Person", "Event", "Organization", "Place"} <= set(p.evaluate(VIEW_TYPES))
        p.uncheck("#ctx")
        assert set(p.evaluate(VIEW_TYPES)) == {"Person"}
        assert o.errors == []


def test_choosing_a_document_draws_what_it_names(browser, big_page):
    G, path = big_page
    with opened(browser, path) as o:
        p = o.page
        doc = p.evaluate("Array.from(document.querySelectorAll('#docfilter option')).map(o => o.value)[3]")
        p.select_option("#docfilter", doc)
        view = p.evaluate("gkView()")
        assert view["kind"] == "doc" and view["nodes"]
        assert all(doc in G.nodes[v]["docs"] for v in view["nodes"])
        p.select_option("#docfilter", "")
        assert p.evaluate("gkView().kind") == "overview"
        assert o.errors == []


def test_focus_page_marks_its_person(browser, sample_build, tmp_path):
    from graphkit.page import render
    from graphkit.projection import find_nodes, project

    out, result = sample_build
    lavrov = find_nodes(project(result.graph), "Lavrov")[0]
    with opened(browser, render(result.graph, tmp_path / "f.html", focus="Lavrov", hops=1)) as o:
        p = o.page
        assert p.evaluate("gkNetwork.getSelectedNodes()") == [lavrov]
        assert p.evaluate("id => gkNetwork.body.nodes[id].options.borderWidth", lavrov) == 5
        assert p.inner_text("#status").startswith("focus: ")
        assert "Lavrov" in p.evaluate("document.querySelector('#panel h2').textContent")
    G = _bench().news_graph(3000)
    who = sorted(v for v, d in G.nodes(data=True) if d["type"] == "Person")[3]
    with opened(browser, render(G, tmp_path / "g.html", focus=G.nodes[who]["label"], hops=3)) as o:
        p = o.page  # a focus graph too big to draw whole opens on its person's neighbourhood
        assert p.evaluate("gk.mode") == "overview" and p.evaluate("gkView().center") == who
        assert p.evaluate("id => gkNetwork.body.nodes[id].options.borderWidth", who) == 5
        assert o.errors == []


def test_nodes_without_links_start_hidden(browser, tmp_path):
    from graphkit.page import render

    G = nx.Graph()
    for k in "abc":
        G.add_node(k, type="Person", label=f"Person {k}")
    G.add_node("lone", type="Person", label="Dmitry Alone")
    G.add_edge("a", "b", relation="met", label="met at X", docs=["d"], weight=1)
    G.add_edge("b", "c", relation="met", label="met at X", docs=["d"], weight=1)
    visible = "gkNetwork.body.data.nodes.get({filter: n => !n.hidden}).map(n => n.id).sort()"
    with opened(browser, render(G, tmp_path / "l.html")) as o:
        p = o.page
        assert p.is_checked("#linked") and p.evaluate(visible) == ["a", "b", "c"]
        p.uncheck("#linked")
        assert p.evaluate(visible) == ["a", "b", "c", "lone"]
        assert o.errors == []


def test_hostile_names_in_the_overview_show_as_text(browser, tmp_path):
    from graphkit.page import render

    G = _bench().news_graph(1200)
    people = sorted(v for v, d in G.nodes(data=True) if d["type"] == "Person")
    for k, v in enumerate(people[:40]):
        G.nodes[v]["label"] = f"Hostile {k} {HOSTILE_NAME} {SCRIPT}"
        G.nodes[v]["roles"] = [SCRIPT]
    with opened(browser, render(G, tmp_path / "h.html", title=SCRIPT)) as o:
        p = o.page
        drawn = p.evaluate("gkView().nodes")
        bad = next(v for v in drawn if "Hostile" in G.nodes[v]["label"])
        click_node(p, bad)
        assert G.nodes[bad]["label"] in panel_text(p)
        p.check("#ctx")
        p.fill("#search", "hostile 3")
        p.press("#search", "Enter")
        p.hover("#search")
        time.sleep(0.2)
        assert p.evaluate(INJECTED) == 0 and p.evaluate("document.scripts.length") == 3
        assert o.dialogs == [] and o.requests == [] and o.errors == []
