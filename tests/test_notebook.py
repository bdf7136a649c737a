"""A notebook that builds, queries into a DataFrame and displays the graph, executed headlessly by nbclient;
its outputs are then drawn in chromium as one document, the way JupyterLab and VS Code hold them."""
from __future__ import annotations

import json

import pytest

from conftest import SAMPLE

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

CELLS = [
    "import graphkit\n"
    f"g = graphkit.build([{str(SAMPLE)!r}], output=None)",
    'df = graphkit.run_query(g, "meetings-of", {"person": "Sergei Lavrov"}).to_dataframe()\ndf',
    "graphkit.display(g)",
    'graphkit.display(g, focus="Lavrov", hops=1)',
]
#: the drawing library's banner: it must be stored once in a notebook, not once per view
LIBRARY_MARK = "@version 9.1.2"


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(src) for src in CELLS]
    tmp = tmp_path_factory.mktemp("nb")
    client = nbclient.NotebookClient(nb, timeout=180, kernel_name="python3",
                                     resources={"metadata": {"path": str(tmp)}})
    client.execute()
    path = tmp / "graphkit.ipynb"
    nbformat.write(nb, str(path))
    return nb, path


def _html(cell) -> str:
    return "".join(o.get("data", {}).get("text/html", "") for o in cell.outputs)


def test_notebook_runs_and_shows_a_dataframe(executed):
    nb, _ = executed
    errors = [o for c in nb.cells for o in c.outputs if o.output_type == "error"]
    assert not errors, errors[0]["evalue"] if errors else ""
    table = _html(nb.cells[1])
    assert "<table" in table and "eventName" in table and "Antony Blinken" in table


def test_views_store_the_library_once_and_their_data_each(executed):
    nb, path = executed
    first, second = _html(nb.cells[2]), _html(nb.cells[3])
    assert first.count(LIBRARY_MARK) == 1 and LIBRARY_MARK not in second
    assert "Sergei Lavrov" in first and "Sergei Lavrov" in second
    assert len(second) < 100_000  # the data only: the sample's ego graph is a few kilobytes
    assert path.stat().st_size < 1_000_000  # was 819k characters per view
    plain = [o["data"]["text/plain"] for o in nb.cells[2].outputs if "data" in o]
    assert plain and "nodes" in plain[0] and "object at 0x" not in plain[0]


@pytest.mark.browser
def test_views_draw_in_a_browser(executed, chromium):
    sync_api = pytest.importorskip("playwright.sync_api")
    nb, _ = executed
    doc = "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>" + \
        "".join(_html(c) for c in nb.cells[2:]) + "</body></html>"
    errors: list[str] = []

    def draw() -> list[int]:
        with sync_api.sync_playwright() as pw:
            b = pw.chromium.launch(executable_path=chromium, args=["--headless", "--no-sandbox", "--disable-gpu"])
            try:
                page = b.new_page()
                page.route("**/*", lambda route: route.abort())  # nothing may be fetched
                page.on("pageerror", lambda e: errors.append(str(e)))
                page.set_content(doc)
                page.wait_for_function("document.querySelectorAll('.graphkit-view canvas').length === 2",
                                       timeout=15000)
                return page.evaluate("""() => [...document.querySelectorAll('.graphkit-view > div')]
                    .map(d => d.gkNetwork ? d.gkNetwork.body.data.nodes.length : -1)""")
            finally:
                b.close()

    # a thread of its own: the page tests' session browser keeps an event loop in this one
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        counts = pool.submit(draw).result(timeout=120)
    assert not errors, errors
    data = [json.loads(s) for s in _data_blocks(doc)]
    assert counts == [len(d["nodes"]) for d in data] and counts[0] > counts[1] > 1


def _data_blocks(doc: str) -> list[str]:
    import re

    return re.findall(r'<script type="application/json" id="[^"]+">(.*?)</script>', doc, re.S)


def test_a_view_can_send_the_library_again_and_says_what_it_is_before_drawing():
    import networkx as nx

    from graphkit.notebook import display

    G = nx.Graph()
    G.add_node("a", label="<b>A</b>", type="Person")
    G.add_edge("a", "b")
    again = display(G, title="t<i>", library=True)._repr_html_()
    assert again.count(LIBRARY_MARK) == 1
    assert "t&lt;i&gt;: 2 nodes, 1 edges" in again and "<b>A</b>" not in again  # escaped, before scripts run
    assert LIBRARY_MARK not in display(G, library=False)._repr_html_()
