"""Parse on a Dask cluster: one task per batch of documents, records shipped back as JSON-safe dicts."""
from __future__ import annotations

from collections import deque
from dataclasses import replace
from typing import Iterable, Iterator

from .config import BuildOptions
from .errors import GraphkitError
from .records import DocRecord, Document

__all__ = ["parse_on_dask", "connect"]


def connect(address: str, timeout: str = "30s"):
    """A ``distributed.Client`` for ``address``: a scheduler (``tcp://host:8786``), or ``local`` /
    ``local:N`` for a LocalCluster of N single-threaded worker processes on 127.0.0.1."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise GraphkitError("--dask needs the dask extra: pip install 'graphkit[dask]'") from exc
    if address == "local" or address.startswith("local:"):
        n = int(address.split(":", 1)[1]) if ":" in address else 2
        # processes, not threads: spaCy and extraction hold the GIL
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=None)
        return Client(cluster)
    try:
        return Client(address, timeout=timeout)
    except OSError as exc:
        raise GraphkitError(f"--dask {address}: cannot reach the scheduler ({exc})") from exc


def _parse_batch_dicts(docs: list[Document], options: BuildOptions) -> list:
    # runs on a worker: graphkit and the model must be installed there
    from .pipeline import parse_batch

    # a DocFailure travels as-is (a small frozen dataclass); records travel as plain dicts
    return [rec.to_dict() if isinstance(rec, DocRecord) else rec for rec in parse_batch(docs, options)]


def parse_on_dask(docs: Iterable[Document], options: BuildOptions) -> Iterator[DocRecord | "DocFailure"]:
    """Parse ``docs`` on the cluster named by ``options.dask``; yield records in input order.

    Documents are read lazily and at most a few tasks per worker are in flight, so the client
    holds a bounded number of documents, whatever the corpus size."""
    from .pipeline import task_batches

    client = connect(options.dask)
    own_cluster = options.dask == "local" or options.dask.startswith("local:")
    worker_opts = replace(options, jobs=1, dask=None)
    try:
        inflight: deque = deque()
        for i, batch in enumerate(task_batches(docs, options)):
            workers = max(1, len(client.scheduler_info().get("workers", {})))  # workers may come and go
            # pure=False + a unique key: identical batches (re-runs) are still computed, never mixed up
            inflight.append(client.submit(_parse_batch_dicts, batch, worker_opts, pure=False,
                                          key=f"graphkit-parse-{i}-{id(batch):x}", retries=1))
            while len(inflight) > 2 * workers:
                yield from _records(inflight.popleft())
        while inflight:
            yield from _records(inflight.popleft())
    finally:
        cluster = client.cluster if own_cluster else None
        client.close()
        if cluster is not None:
            cluster.close()


from .pipeline import DocFailure  # noqa: E402 - after connect() so `import graphkit.distributed` stays light


def _records(future) -> Iterator[DocRecord | DocFailure]:
    for d in future.result():
        yield DocRecord.from_dict(d) if isinstance(d, dict) else d
