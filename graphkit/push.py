"""Send a built graph to a SPARQL 1.1 Graph Store Protocol or Update endpoint, one named graph per document."""
from __future__ import annotations

import os
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

from rdflib import Graph, URIRef

from .errors import OutputError

__all__ = ["PushResult", "push"]


@dataclass
class PushResult:
    graphs: list[str] = field(default_factory=list)
    triples: int = 0


def _send(req: urllib.request.Request, timeout: float) -> None:
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            resp.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace").strip().splitlines()[:1]
        raise OutputError(f"{req.full_url}: {exc.code} {exc.reason}{': ' + detail[0] if detail else ''}") from exc
    except (urllib.error.URLError, OSError) as exc:
        raise OutputError(f"{req.full_url}: cannot reach the endpoint ({getattr(exc, 'reason', exc)})") from exc


def push(source: str | os.PathLike | Graph = "output", endpoint: str = "http://127.0.0.1:7878/store",
         graph_iri: str | None = None, protocol: str = "gsp", timeout: float = 60.0) -> PushResult:
    """Replace, on ``endpoint``, one named graph per document (or the single graph ``graph_iri``).

    ``protocol="gsp"``: HTTP PUT of N-Triples to ``endpoint?graph=IRI`` (Graph Store Protocol), so
    pushing again replaces rather than duplicates. ``protocol="update"``: POST to a SPARQL Update
    endpoint of ``DROP SILENT GRAPH`` + ``INSERT DATA``, the data serialised by rdflib.
    """
    from .export import read_source, plain_graph, dataset_by_document

    if protocol not in ("gsp", "update"):
        raise OutputError(f"unknown protocol {protocol!r}; use gsp or update")
    if urllib.parse.urlparse(endpoint).path in ("", "/"):
        raise OutputError(f"{endpoint}: give the endpoint's path too, e.g. {endpoint.rstrip('/')}/"
                          f"{'store' if protocol == 'gsp' else 'update'} (graphkit serve --writable, Oxigraph)")
    g = plain_graph(read_source(source))
    if graph_iri:
        parts = [(URIRef(graph_iri), g)]
    else:
        ds = dataset_by_document(g)
        parts = sorted(((c.identifier, c) for c in ds.graphs() if len(c)), key=lambda x: str(x[0]))
    result = PushResult()
    for name, part in parts:
        body = part.serialize(format="nt", encoding="utf-8")
        if protocol == "gsp":
            url = endpoint + ("&" if "?" in endpoint else "?") + urllib.parse.urlencode({"graph": str(name)})
            req = urllib.request.Request(url, data=body, method="PUT",
                                         headers={"Content-Type": "application/n-triples"})
        else:
            gname = URIRef(str(name)).n3()
            text = f"DROP SILENT GRAPH {gname} ;\nINSERT DATA {{ GRAPH {gname} {{\n{body.decode('utf-8')}}} }}"
            req = urllib.request.Request(endpoint, data=text.encode("utf-8"), method="POST",
                                         headers={"Content-Type": "application/sparql-update"})
        _send(req, timeout)
        result.graphs.append(str(name))
        result.triples += len(part)
    return result
