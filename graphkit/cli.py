"""Command line: one thin command per library function; errors become one line and an exit code."""
from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from .config import DEFAULT_MODEL, DEFAULT_OUTPUT, BuildOptions, ServeOptions
from .errors import EXIT_FAILURE, EXIT_PARTIAL, GraphkitError

__all__ = ["main", "cli"]


class _Group(click.Group):
    """Funnels every GraphkitError into one stderr line and its exit status."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except GraphkitError as exc:
            click.echo(f"graphkit: error: {exc}", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("graphkit: interrupted; earlier outputs are intact", err=True)
            sys.exit(130)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="graphkit")
def cli() -> None:
    """graphkit: build knowledge graphs from news, query them in SPARQL, draw them as HTML."""


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_OUTPUT,
              show_default=True, help="Folder for graph.ttl, graph.jsonld, graph.html, merges.json, manifest.json.")
@click.option("--model", default=DEFAULT_MODEL, show_default=True, help="Installed spaCy pipeline to use.")
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes that parse and extract batches in parallel.")
@click.option("--batch-size", default=64, show_default=True, type=click.IntRange(1, 10000))
@click.option("--overrides", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="JSON/YAML file of same/different name pairs that resolution must honour.")
@click.option("--no-cache", is_flag=True, help="Re-parse every document instead of reusing cached records.")
@click.option("--no-html", is_flag=True, help="Do not write graph.html.")
@click.option("--dask", "dask_address", metavar="ADDRESS", help="Parse on a Dask cluster: scheduler address or local[:N].")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal only).")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors and warnings.")
def build(paths, output, model, jobs, batch_size, overrides, no_cache, no_html, dask_address, progress, quiet):
    """Build the graph of files and folders PATHS (.txt .md .html .jsonl .jsonl.gz)."""
    from .pipeline import run_build

    options = BuildOptions(model=model, jobs=jobs, batch_size=batch_size, overrides=overrides,
                           cache=not no_cache, html=not no_html, dask=dask_address, progress=progress)
    bar = _progress_bar(progress)

    def warn(p) -> None:
        click.echo(f"graphkit: {'skipped' if p.skipped else 'note'}: {p}", err=True)

    result = run_build(list(paths), output, options, report=warn, progress=bar)
    if bar is not None:
        bar.close()
    s = result.stats
    if not quiet:
        ents = ", ".join(f"{v} {k.lower()}s" for k, v in s["entities"].items()) or "no entities"
        click.echo(f"{s['documents']} documents ({s['words']:,} words): {ents}; {s['events']} events, "
                   f"{s['quotes']} quotes, {s['roles']} roles; {s['triples']:,} triples in {s['seconds']['total']:.1f}s")
        for kind in ("turtle", "jsonld", "html", "merges"):
            if kind in result.outputs:
                click.echo(f"  wrote {result.outputs[kind]}")
    if result.skipped:
        click.echo(f"graphkit: {_skip_summary(result.skipped)}; see the warnings above", err=True)
        sys.exit(EXIT_PARTIAL)


def _skip_summary(skipped) -> str:
    """'skipped 7 inputs (4 files or folders, 3 parts of JSONL files)': what was left out, counted."""
    lines = sum(1 for p in skipped if p.line)
    files = len(skipped) - lines
    parts = [f"{n} {what}" for n, what in ((files, "files or folders"), (lines, "parts of JSONL files")) if n]
    return f"skipped {len(skipped)} input{'s' if len(skipped) != 1 else ''} ({', '.join(parts)})"


def _progress_bar(flag):
    """A tqdm bar in words (so the ETA weighs long transcripts right) with documents/s beside it;
    by default only on a terminal, so pipes and CI logs stay quiet."""
    if flag is False or (flag is None and not sys.stderr.isatty()):
        return None
    from tqdm import tqdm

    state: dict = {"bar": None, "t0": None}

    class _Bar:
        def __call__(self, docs_done, docs_total, words_done, words_total):
            bar = state["bar"]
            if bar is None:
                bar = state["bar"] = tqdm(total=words_total, unit=" words", unit_scale=True, file=sys.stderr,
                                          dynamic_ncols=True, smoothing=0.05)
                state["t0"] = time.monotonic()
            bar.update(words_done - bar.n)
            rate = docs_done / max(time.monotonic() - state["t0"], 1e-9)
            bar.set_postfix_str(f"{docs_done}/{docs_total} docs, {rate:.1f} docs/s", refresh=False)

        def close(self):
            if state["bar"] is not None:
                state["bar"].close()

    return _Bar()


@cli.command()
@click.argument("query", required=False)
@click.option("-e", "--expr", help="SPARQL text to run instead of a named query.")
@click.option("--graph", "graph_dir", type=click.Path(path_type=Path), default=DEFAULT_OUTPUT, show_default=True,
              help="Built graph folder (or an RDF file).")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="Query parameter (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default=None,
              help="Output format (default: table on a terminal, tsv in a pipe).")
@click.option("--list", "list_", is_flag=True, help="List the canned queries with their parameters.")
@click.option("--timeout", type=float, default=None, help="Give up after this many seconds.")
@click.option("--html", "html_out", type=click.Path(dir_okay=False, path_type=Path),
              help="Also draw the entities in the result as an HTML page.")
@click.option("--limit", type=click.IntRange(min=0), default=None,
              help="Show at most N rows (default: 100 in a terminal table, all for --format or a pipe).")
def query(query, expr, graph_dir, params, fmt, list_, timeout, html_out, limit):
    """Answer QUERY (a canned query name or a .rq file) or -e SPARQL from a built graph."""
    from . import query as q

    if list_:
        for cq in q.catalogue():
            ps = ", ".join(f"{p.name}:{p.type}" + (f" (e.g. {p.example})" if p.example else "") for p in cq.params)
            click.echo(f"{cq.name:24} {cq.description}" + (f"  [{ps}]" if ps else ""))
        return
    if not query and not expr:
        raise click.UsageError("give a query name, a .rq file, -e SPARQL, or --list")
    values = {}
    for p in params:
        if "=" not in p:
            raise click.UsageError(f"--param wants KEY=VALUE, got {p!r}")
        k, v = p.split("=", 1)
        values[k.strip()] = v
    fmt = fmt or ("table" if sys.stdout.isatty() else "tsv")
    if limit is None and fmt == "table":
        limit = q.TABLE_LIMIT  # thousands of rows are unreadable on a terminal, and slow to fetch
    result = q.run(graph_dir, expr if expr else query, values, timeout=timeout, is_text=bool(expr), limit=limit)
    click.echo(q.format_result(result, fmt), nl=False)
    if result.more:
        n = f"{result.more} more rows" if result.more > 0 else "more rows"
        click.echo(f"({n}; use --limit or --format)", err=fmt != "table")
    if html_out:
        path = q.result_to_html(graph_dir, result, html_out)
        click.echo(f"wrote {path}", err=True)


@cli.command()
@click.option("--graph", "graph_dir", type=click.Path(path_type=Path), default=DEFAULT_OUTPUT, show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Page to write (default: viz.html, or viz-NAME.html with --focus, in the graph folder; "
                   "never the build's graph.html).")
@click.option("--focus", help="Draw only the neighbourhood of this entity (any name or alias).")
@click.option("--hops", default=2, show_default=True, type=click.IntRange(1, 6))
def viz(graph_dir, output, focus, hops):
    """Write the interactive, self-contained HTML page of a built graph."""
    from .page import render
    from .store import open_graph

    g = open_graph(graph_dir)
    path = render(g, output or _viz_path(graph_dir, focus), focus=focus, hops=hops)
    click.echo(f"wrote {path}")


def _viz_path(graph_dir: Path, focus: str | None) -> Path:
    """Where ``viz`` writes without -o: beside the build's page, never over it."""
    import re

    from .names import fold

    folder = Path(graph_dir) if Path(graph_dir).is_dir() else Path(".")
    slug = re.sub(r"[^a-z0-9]+", "-", fold(focus or "")).strip("-")[:60]
    return folder / (f"viz-{slug}.html" if slug else "viz.html")


@cli.command()
@click.option("--graph", "graph_dir", type=click.Path(path_type=Path), default=DEFAULT_OUTPUT, show_default=True,
              help="Built graph folder (its store, else graph.ttl) to serve; it is never written.")
@click.option("--empty", is_flag=True, help="Serve no triples at first (e.g. as a target for push).")
@click.option("--host", default=ServeOptions.host, show_default=True,
              help="Address to listen on. Anything but loopback lets every machine that can reach it read the "
                   "whole graph (and change it, with --writable): no password, no TLS. Put a proxy with both in front.")
@click.option("--port", default=ServeOptions.port, show_default=True, type=click.IntRange(0, 65535))
@click.option("--writable", is_flag=True, help="Accept SPARQL Update and Graph Store PUT/POST/DELETE, on a copy "
              "of the build (temporary unless --data).")
@click.option("--data", type=click.Path(file_okay=False, path_type=Path),
              help="With --writable: keep the store here (made from the build when new) so changes survive.")
@click.option("--timeout", default=ServeOptions.timeout, show_default=True, type=click.FloatRange(min=0, min_open=True),
              help="Seconds a request may run; then its worker process is killed and the client gets 503.")
@click.option("--max-queries", default=ServeOptions.max_queries, show_default=True, type=click.IntRange(1, 256),
              help="Requests evaluated at once (1 with --writable); others wait, then get 503.")
@click.option("--allow-service", is_flag=True, help="Let SERVICE (and LOAD) make the server fetch other URLs. "
              "Off by default: a query could reach any host this machine can, internal ones included.")
@click.option("--cors", is_flag=True, help="Send CORS headers so browser tools on other sites (YASGUI...) can query.")
def serve(graph_dir, empty, host, port, writable, data, timeout, max_queries, allow_service, cors):
    """Serve the graph: SPARQL 1.1 Protocol at /query (/update), Graph Store Protocol at /store, help at /."""
    from .serve import is_loopback, serve as _serve

    if data is not None and not writable:
        raise click.UsageError("--data needs --writable")
    options = ServeOptions(host=host, port=port, writable=writable, data=data, empty=empty, timeout=timeout,
                           max_queries=max_queries, allow_service=allow_service, cors=cors)

    def announce(srv) -> None:
        mode = "read-write" if writable else "read-only"
        where = f"in {data}" if data else "on a temporary copy, dropped at exit" if writable else ""
        click.echo(f"SPARQL endpoint {srv.url}/query ({mode}{', ' + where if where else ''}); "
                   f"graph store {srv.url}/store; Ctrl-C stops", err=True)
        if not is_loopback(host):
            click.echo(f"graphkit: warning: listening on {host}: anyone who can reach it can "
                       f"{'read and change' if writable else 'read'} the graph", err=True)
        if not srv.pool.isolated and not allow_service:
            click.echo("graphkit: note: no network namespace for the workers here; SERVICE and LOAD are refused "
                       "by reading the query text only", err=True)

    try:
        _serve(graph_dir, options, announce=announce)
    except KeyboardInterrupt:
        pass


@cli.command()
@click.option("--graph", "graph_dir", type=click.Path(path_type=Path), default=DEFAULT_OUTPUT, show_default=True)
@click.option("--endpoint", required=True, help="Graph Store endpoint (e.g. http://127.0.0.1:7878/store), "
              "or an Update endpoint with --protocol update.")
@click.option("--graph-iri", help="Put everything in this one named graph instead of one graph per document.")
@click.option("--protocol", type=click.Choice(["gsp", "update"]), default="gsp", show_default=True)
@click.option("--timeout", type=float, default=60.0, show_default=True, help="Seconds per HTTP request.")
def push(graph_dir, endpoint, graph_iri, protocol, timeout):
    """Send the graph to a SPARQL server; pushing again replaces each document's named graph."""
    from .push import push as _push

    r = _push(graph_dir, endpoint=endpoint, graph_iri=graph_iri, protocol=protocol, timeout=timeout)
    click.echo(f"pushed {r.triples:,} triples in {len(r.graphs)} named graph(s) to {endpoint}", err=True)


@cli.command()
@click.option("--graph", "graph_dir", type=click.Path(path_type=Path), default=DEFAULT_OUTPUT, show_default=True)
@click.option("--format", "format", metavar="FORMAT", default=None,
              help="turtle (ttl), ntriples (nt), trig, nquads (nq), jsonld, graphml, gexf, csv (edges) or "
                   "nodes-csv; any case. Default: from the -o extension, else turtle.")
@click.option("--view", type=click.Choice(["full", "people"]), default="full", show_default=True,
              help="For graphml, gexf and the CSVs: entities and events, or people only (who met whom).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File to write (default: stdout).")
def export(graph_dir, format, view, output):
    """Write the graph as RDF (TriG/N-Quads: a named graph per document), GraphML/GEXF for Gephi, or CSV tables."""
    from .export import export as _export

    data = _export(graph_dir, format=format, output=output, view=view)
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        click.echo(f"wrote {data}", err=True)


@cli.command()
@click.option("--graph", "graph_dir", type=click.Path(path_type=Path), default=DEFAULT_OUTPUT, show_default=True)
@click.option("--shapes", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="SHACL shapes to use instead of the contract's.")
def validate(graph_dir, shapes):
    """Check the graph against the contract's SHACL shapes; violations are listed by node."""
    from .validate import validate as _validate

    report = _validate(graph_dir, shapes=shapes)
    for node, vs in report.by_node().items():
        click.echo(node)
        for v in vs:
            click.echo(f"  {v.severity}: {v.path or '(node)'}: {v.message}")
    if not report.conforms:
        click.echo(f"graphkit: {len(report.violations)} violation(s) in {len(report.by_node())} node(s)", err=True)
        sys.exit(EXIT_FAILURE)
    click.echo("conforms to the contract", err=True)


@cli.command("eval")
@click.option("--gold", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Gold annotation (JSON, see docs/evaluation.md).")
@click.option("--graph", "graph_dir", type=click.Path(path_type=Path), default=DEFAULT_OUTPUT, show_default=True,
              help="Built graph folder (its store, else graph.ttl) or an RDF file.")
@click.option("--by", type=click.Choice(["genre"]), help="Also break the figures down by documents[].genre.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--min", "minimums", multiple=True, metavar="METRIC=VALUE",
              help="Exit 1 unless METRIC >= VALUE over all documents (person_split, person_merged: <=); repeatable.")
def eval_(gold, graph_dir, by, fmt, minimums):
    """Score a built graph against a gold annotation: persons, events, pairs, roles, quotes."""
    import json

    from . import evaluate as ev

    gold_data = ev.read_gold(gold, need_genres=by == "genre")
    for warning in ev.gold_warnings(gold_data):
        click.echo(f"graphkit: note: {gold}: {warning}", err=True)
    graph = ev.read_graph(graph_dir)
    figures = ev.evaluate(graph, gold_data)
    genres = ev.by_genre(graph, gold_data) if by == "genre" else None
    failed = ev.check_minimums(figures, minimums)
    if fmt == "json":
        click.echo(json.dumps({**figures, "by_genre": genres} if genres else figures, indent=2, ensure_ascii=False))
    else:
        click.echo(ev.format_table(figures, genres), nl=False)
    if failed:
        click.echo(f"graphkit: below the minimum: {'; '.join(failed)}", err=True)
        sys.exit(EXIT_FAILURE)


def main() -> None:
    cli(prog_name="graphkit")


if __name__ == "__main__":
    main()
