"""Dask backend and process pool: the graph is isomorphic to the one-process build."""
from __future__ import annotations

import pytest
from rdflib.compare import isomorphic

from graphkit.config import BuildOptions
from graphkit.pipeline import run_build

pytest.importorskip("distributed")

NO_FILES = dict(cache=False, html=False, jsonld=False)


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as c:
        yield c


@pytest.fixture(scope="module")
def local_graph(tmp_path_factory, sample_dir):
    return run_build([sample_dir], tmp_path_factory.mktemp("local"), BuildOptions(**NO_FILES)).graph


@pytest.mark.timeout(120)
def test_dask_build_is_isomorphic_to_local(cluster, local_graph, sample_dir, tmp_path):
    # batch_size=2: several tasks, so that gathering in submission order is exercised
    opts = BuildOptions(dask=cluster.scheduler_address, batch_size=2, **NO_FILES)
    result = run_build([sample_dir], tmp_path / "dask", opts)
    assert result.stats["documents_parsed"] == len(result.records) > 2
    assert isomorphic(local_graph, result.graph)
    assert len(cluster.scheduler_info["workers"]) == 2  # the cluster outlives the build that used it


@pytest.mark.timeout(120)
def test_dask_cache_then_local_rebuild(cluster, local_graph, sample_dir, tmp_path):
    out = tmp_path / "out"
    first = run_build([sample_dir], out, BuildOptions(dask=cluster.scheduler_address, html=False, jsonld=False))
    again = run_build([sample_dir], out, BuildOptions(html=False, jsonld=False))
    assert again.stats["documents_parsed"] == 0
    assert isomorphic(first.graph, again.graph) and isomorphic(local_graph, again.graph)


@pytest.mark.parametrize("parallel", ["workers", "spacy"])
def test_jobs_2_is_isomorphic_to_local(parallel, local_graph, sample_dir, tmp_path):
    opts = BuildOptions(jobs=2, parallel=parallel, batch_size=2, **NO_FILES)
    result = run_build([sample_dir], tmp_path / parallel, opts)
    assert isomorphic(local_graph, result.graph)


def test_unreachable_scheduler_is_one_error():
    from graphkit.distributed import connect
    from graphkit.errors import GraphkitError

    with pytest.raises(GraphkitError, match="cannot reach"):
        connect("tcp://127.0.0.1:9", timeout="2s")
