"""The contract's SHACL shapes accept a good graph and name the nodes of a bad one."""
from __future__ import annotations

from click.testing import CliRunner
from rdflib import Graph

from graphkit.cli import cli
from graphkit.validate import validate

from test_query import FIXTURE, ID

BAD = FIXTURE + """
:ev9 a schema:Event ; schema:name "Orphan" ; schema:attendee :kremlin ; schema:startDate "soon" .
:ghost a schema:Person .
"""


def test_fixture_conforms():
    assert validate(Graph().parse(data=FIXTURE, format="turtle")).conforms


def test_violations_by_node():
    r = validate(Graph().parse(data=BAD, format="turtle"))
    assert not r.conforms
    nodes = r.by_node()
    assert set(nodes) == {ID + "ev9", ID + "ghost"}
    msgs = " | ".join(v.message for v in nodes[ID + "ev9"])
    assert "attendee is a person" in msgs and "derived from a document" in msgs and "xsd date" in msgs


def test_cli_exit_status(tmp_path):
    Graph().parse(data=BAD, format="turtle").serialize(tmp_path / "graph.ttl", format="turtle")
    r = CliRunner().invoke(cli, ["validate", "--graph", str(tmp_path)])
    assert r.exit_code == 1 and ID + "ghost" in r.output and "violation(s)" in r.output


def test_sample_build_conforms(sample_build):
    out, _ = sample_build
    assert validate(out).violations == []
