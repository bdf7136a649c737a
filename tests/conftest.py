"""Shared fixtures: the sample corpus, the seeds when ../shared exists, built graphs, a browser."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "sample"
SAMPLE_GOLD = ROOT / "examples" / "sample.gold.json"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
KGSCORE = SHARED / "tools" / "kgscore.py"
WHITEHOUSE = SHARED / "corpus" / "whitehouse" / "briefing-room.jsonl.gz"
ARTIFACTS = ROOT / "tests" / "artifacts"


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is not here")
    return SEEDS


@pytest.fixture(scope="session")
def nlp():
    from graphkit.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory):
    """The sample corpus built once for the session: (output folder, BuildResult)."""
    from graphkit.config import BuildOptions
    from graphkit.pipeline import run_build

    out = tmp_path_factory.mktemp("sample-out")
    result = run_build([SAMPLE], out, BuildOptions(cache=False))
    return out, result


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory, seeds_dir):
    from graphkit.config import BuildOptions
    from graphkit.pipeline import run_build

    out = tmp_path_factory.mktemp("seeds-out")
    result = run_build([seeds_dir], out, BuildOptions(cache=False))
    return out, result


@pytest.fixture(scope="session")
def chromium() -> str:
    """Path of Debian's chromium; CI must have it (scripts/setup.sh installs it)."""
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; scripts/setup.sh should have installed it")
        pytest.skip("chromium is not installed")
    return path


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
