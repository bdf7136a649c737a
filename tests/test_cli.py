"""The CLI through its real entry point (python -m graphkit), checked via the Python API."""
import subprocess
import sys

import pytest
from conftest import SAMPLE

import graphkit
from graphkit.cli import cli


def gk(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "graphkit", *map(str, args)], capture_output=True, text=True, cwd=cwd)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("cli-out")
    proc = gk("build", SAMPLE, "-o", out)
    return out, proc


def test_build_writes_outputs_and_prints_a_summary(built):
    out, proc = built
    assert proc.returncode == 0, proc.stderr
    for name in ("graph.ttl", "graph.jsonld", "graph.html", "merges.json", "manifest.json"):
        assert (out / name).exists(), name
    assert "documents" in proc.stdout and "triples" in proc.stdout and "persons" in proc.stdout
    g = graphkit.load_graph(out)
    assert len(g) > 100


def test_query_canned_and_free(built):
    out, _ = built
    proc = gk("query", "who-met-whom", "--graph", out, "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    header, *rows = proc.stdout.strip().splitlines()
    assert header.startswith("personA,nameA,personB,nameB") and rows
    proc = gk("query", "-e", "SELECT (COUNT(*) AS ?n) WHERE { ?p a schema:Person }", "--graph", out, "--format", "tsv")
    assert proc.returncode == 0 and int(proc.stdout.splitlines()[1]) > 10
    proc = gk("query", "meetings-of", "--param", "person=Lavrov", "--graph", out, "--format", "tsv")
    assert proc.returncode == 0, proc.stderr
    assert len(proc.stdout.strip().splitlines()) > 1


def test_query_errors_are_one_line_with_exit_code(built):
    out, _ = built
    proc = gk("query", "-e", "SELECT ?x WHERE { ?x ?y }", "--graph", out)
    assert proc.returncode == 1 and "syntax error at line" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    proc = gk("query", "meetings-of", "--param", "person=Nobody Atall", "--graph", out)
    assert proc.returncode == 1 and "no person is named" in proc.stderr


def test_viz_writes_a_page(built, tmp_path):
    out, _ = built
    proc = gk("viz", "--graph", out, "-o", tmp_path / "p.html")
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "p.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_missing_model_is_a_one_line_error(tmp_path):
    proc = gk("build", SAMPLE, "-o", tmp_path, "--model", "en_core_web_nonexistent")
    assert proc.returncode == 1
    assert "pip install" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_every_command_has_help():
    for name in [None, *cli.commands]:
        args = ([name] if name else []) + ["--help"]
        proc = gk(*args)
        assert proc.returncode == 0 and "Usage:" in proc.stdout, name


def test_python_api_build_returns_the_graph(tmp_path):
    g = graphkit.build(SAMPLE / "2022-01-10-geneva-strategic-stability.txt")
    assert len(g) > 20


def test_progress_bar_when_asked(tmp_path):
    proc = gk("build", SAMPLE / "2022-01-10-geneva-strategic-stability.txt", "-o", tmp_path, "--progress", "--no-html")
    assert proc.returncode == 0, proc.stderr
    assert "doc" in proc.stderr and "100%" in proc.stderr
