"""Check a built graph against the contract's SHACL shapes (graphkit/shapes/contract.ttl) with pySHACL."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import SH

from .errors import InputError

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
    try:
        g = Graph().parse(p, format="turtle")
    except Exception as exc:  # noqa: BLE001 - any parser failure is the same user problem
        raise InputError(f"{p}: cannot parse the SHACL shapes as Turtle ({_first_line(exc)})") from exc
    if not any(str(pred).startswith(str(SH)) for pred in g.predicates()) and \
            not any(str(o).startswith(str(SH)) for o in g.objects()):
        # a graph that says nothing in SHACL would make every graph "conform"
        raise InputError(f"{p}: no SHACL shapes in this file (no sh: terms); give a shapes graph")
    return g


def _first_line(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return f"{exc.__class__.__name__}: {text[:160]}" if text else exc.__class__.__name__


def validate(source: str | os.PathLike | Graph = "output", shapes: str | os.PathLike | None = None) -> ValidationReport:
    """Validate the built graph; violations sorted by node, then path, then message."""
    from pyshacl import validate as _shacl

    from .export import read_source, plain_graph

    data = plain_graph(read_source(source))  # pySHACL walks the graph triple by triple: in-memory is fastest
    from pyshacl.errors import ReportableRuntimeError, ShapeLoadError, ConstraintLoadError

    sg = shapes_graph(shapes)
    try:
        conforms, report, _ = _shacl(data, shacl_graph=sg, inference="none", advanced=False)
    except (ReportableRuntimeError, ShapeLoadError, ConstraintLoadError) as exc:
        raise InputError(f"{shapes or 'contract shapes'}: not usable SHACL shapes ({_first_line(exc)})") from exc
    found = set()
    for r in report.subjects(SH.resultSeverity, None):
        found.add(Violation(node=str(report.value(r, SH.focusNode)), path=str(report.value(r, SH.resultPath) or ""),
                            message=str(report.value(r, SH.resultMessage) or ""),
                            severity=str(report.value(r, SH.resultSeverity)).rsplit("#", 1)[-1]))
    return ValidationReport(conforms=bool(conforms), violations=sorted(found))
