"""Check a built graph against the contract's SHACL shapes (graphkit/shapes/contract.ttl) with pySHACL."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import SH

__all__ = ["Violation", "ValidationReport", "validate", "shapes_graph"]


@dataclass(frozen=True, order=True)
class Violation:
    node: str
    path: str
    message: str
    severity: str = "Violation"


@dataclass
class ValidationReport:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)

    def by_node(self) -> dict[str, list[Violation]]:
        out: dict[str, list[Violation]] = {}
        for v in self.violations:
            out.setdefault(v.node, []).append(v)
        return out


def shapes_graph(path: str | os.PathLike | None = None) -> Graph:
    """The shapes shipped with graphkit, or those in ``path``."""
    p = Path(path) if path else Path(str(resources.files("graphkit") / "shapes" / "contract.ttl"))
    return Graph().parse(p, format="turtle")


def validate(source: str | os.PathLike | Graph = "output", shapes: str | os.PathLike | None = None) -> ValidationReport:
    """Validate the built graph; violations sorted by node, then path, then message."""
    from pyshacl import validate as _shacl

    from .export import _graph, _plain_graph

    data = _plain_graph(_graph(source))  # pySHACL walks the graph triple by triple: in-memory is fastest
    conforms, report, _ = _shacl(data, shacl_graph=shapes_graph(shapes), inference="none", advanced=False)
    found = set()
    for r in report.subjects(SH.resultSeverity, None):
        found.add(Violation(node=str(report.value(r, SH.focusNode)), path=str(report.value(r, SH.resultPath) or ""),
                            message=str(report.value(r, SH.resultMessage) or ""),
                            severity=str(report.value(r, SH.resultSeverity)).rsplit("#", 1)[-1]))
    return ValidationReport(conforms=bool(conforms), violations=sorted(found))
