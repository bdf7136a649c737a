"""The README runs as written: every shell line and every Python block, in order, against the sample corpus.

After sqlite-utils' tests/test_docs.py, with one difference: the examples are executed, not only
looked for, so an example that drifts from the code fails here. The README runs in a scratch
folder holding what it names (``examples/``; ``corpus/`` and ``briefing-room.jsonl.gz`` made
from the sample; ``overrides.yaml`` is the README's own YAML block). ``graphkit serve`` lines run in
the background until the end, on free ports instead of the documented ones (another program may
hold those). ``bash scripts/*.sh`` are the setup and this very suite: only their existence is checked.
"""
from __future__ import annotations

import gzip
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLE

README = ROOT / "README.md"
FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```", re.M | re.S)


@dataclass(frozen=True)
class Example:
    kind: str    # "shell", "python" or "yaml"
    code: str
    line: int    # where it starts in the file

    def __str__(self) -> str:
        return f"line {self.line}: {self.code.splitlines()[0][:70]}"


def examples(text: str) -> list[Example]:
    """Each shell command line, each Python block and each YAML block of a Markdown text, in order."""
    out = []
    for m in FENCE.finditer(text):
        lang, body = m[1].lower(), m[2]
        first = text.count("\n", 0, m.start()) + 2
        if lang in ("bash", "sh", "shell", "console"):
            for k, ln in enumerate(body.splitlines()):
                if shlex.split(ln, comments=True):
                    out.append(Example("shell", ln, first + k))
        elif lang in ("python", "py"):
            out.append(Example("python", body, first))
        elif lang in ("yaml", "yml"):
            out.append(Example("yaml", body, first))
    return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Runner:
    """Runs a document's examples one after another in ``work``; state (built graphs) carries over."""

    def __init__(self, work: Path):
        self.work = work
        self.ports: dict[str, str] = {}
        self.servers: list[subprocess.Popen] = []
        shutil.copytree(ROOT / "examples", work / "examples")  # the sample and its gold annotation
        shutil.copytree(SAMPLE, work / "corpus")
        with gzip.open(work / "briefing-room.jsonl.gz", "wb") as fh:
            fh.write((SAMPLE / "2022-articles.jsonl").read_bytes())
        self.env = {**os.environ, "PYTHONHASHSEED": "0", "COLUMNS": "120"}

    def _ports(self, text: str) -> str:
        """Documented ports (``--port N``, ``127.0.0.1:N``) become free ones, the same one each time."""
        def sub(m):
            port = self.ports.setdefault(m[2], str(_free_port()))
            return m[1] + port
        return re.sub(r"(--port[ =]|127\.0\.0\.1:|localhost:)(\d{2,5})", sub, text)

    def run(self, ex: Example) -> str | None:
        """None when the example worked as shown, else what went wrong (one paragraph)."""
        if ex.kind == "yaml":
            (self.work / "overrides.yaml").write_text(ex.code, encoding="utf-8")
            return None
        if ex.kind == "python":
            return self._python(ex)
        args = shlex.split(self._ports(ex.code), comments=True)
        if args[0] == "bash":
            return None if (ROOT / args[1]).is_file() else f"{ex}: {args[1]} does not exist"
        if args[0] == "graphkit":
            cmd = [sys.executable, "-m", "graphkit", *args[1:]]
        elif args[:3] == ["python", "-m", "graphkit"]:
            cmd = [sys.executable, *args[1:]]
        else:
            return f"{ex}: not a graphkit command; the README's shell examples are graphkit commands"
        if args[1:2] == ["serve"]:
            return self._serve(ex, cmd)
        proc = subprocess.run(cmd, cwd=self.work, capture_output=True, text=True, env=self.env, timeout=300)
        if proc.returncode != 0:
            return f"{ex}: exit {proc.returncode}: {proc.stderr.strip()[-600:]}"
        if args[1:2] == ["query"] and not proc.stdout.strip():
            return f"{ex}: printed nothing"
        return None

    def _serve(self, ex: Example, cmd: list[str]) -> str | None:
        port = int(cmd[cmd.index("--port") + 1])
        proc = subprocess.Popen(cmd, cwd=self.work, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                text=True, env=self.env)
        self.servers.append(proc)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                return f"{ex}: exit {proc.returncode}: {proc.stderr.read().strip()[-600:]}"
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                return None
            except OSError:
                time.sleep(0.1)
        return f"{ex}: not listening on {port} after 30 s"

    def _python(self, ex: Example) -> str | None:
        code = self._ports(ex.code)
        script = self.work / f"readme_{ex.line}.py"
        script.write_text(code, encoding="utf-8")
        proc = subprocess.run([sys.executable, str(script)], cwd=self.work, capture_output=True, text=True,
                              env=self.env, timeout=300)
        if proc.returncode != 0:
            return f"line {ex.line}: the Python block failed: {proc.stderr.strip()[-800:]}"
        return None

    def close(self) -> None:
        for proc in self.servers:  # only the servers this runner started, by their own handle
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()


def run_document(text: str, work: Path) -> list[str]:
    """Every example of ``text`` in order; the problems found, one per failing example."""
    runner = Runner(work)
    try:
        return [p for p in (runner.run(ex) for ex in examples(text)) if p]
    finally:
        runner.close()


README_EXAMPLES = examples(README.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def readme_run(tmp_path_factory):
    """Runs the README's examples in order, each when its test asks (and those before it first)."""
    runner = Runner(tmp_path_factory.mktemp("readme"))
    results: dict[int, str | None] = {}

    def result(i: int) -> str | None:
        for k in range(len(results), i + 1):
            results[k] = runner.run(README_EXAMPLES[k])
        return results[i]

    yield result
    runner.close()


def test_the_readme_has_examples_of_every_kind():
    kinds = {ex.kind for ex in README_EXAMPLES}
    assert kinds == {"shell", "python", "yaml"}
    commands = {shlex.split(ex.code, comments=True)[1] for ex in README_EXAMPLES
                if ex.kind == "shell" and ex.code.startswith("graphkit ")}
    from graphkit.cli import cli

    assert set(cli.commands) <= commands, f"commands the README never shows: {set(cli.commands) - commands}"


@pytest.mark.parametrize("i", range(len(README_EXAMPLES)), ids=[str(ex) for ex in README_EXAMPLES])
def test_readme_example(readme_run, i):
    problem = readme_run(i)
    assert problem is None, problem


def test_a_wrong_example_fails(tmp_path):
    """A scratch copy of the README with one wrong shell line and one wrong Python line is caught.

    The copy ends after the first Python block: that is enough README to show it, and cheap."""
    text = README.read_text(encoding="utf-8")
    end = text.index("```", text.index("```python") + 3) + 3
    scratch = text[:end]
    assert "graphkit query meetings-of --param person=Lavrov" in scratch
    assert '{"person": "Sergei Lavrov"}' in scratch
    wrong = scratch.replace("graphkit query meetings-of --param person=Lavrov",
                            "graphkit query meetings-off --param person=Lavrov")
    wrong = wrong.replace('{"person": "Sergei Lavrov"}', '{"persn": "Sergei Lavrov"}')
    (tmp_path / "README.md").write_text(wrong, encoding="utf-8")
    problems = run_document((tmp_path / "README.md").read_text(encoding="utf-8"), tmp_path / "work")
    assert len(problems) == 2, problems
    assert "meetings-off" in problems[0] and "exit 2" in problems[0] and "did you mean 'meetings-of'" in problems[0]
    assert "the Python block failed" in problems[1] and "did you mean 'person'" in problems[1]
    assert run_document(scratch, tmp_path / "work2") == []  # the unaltered copy passes


def test_the_command_reference_is_current(capsys):
    """docs/cli.md holds every command's --help, generated by cog: stale text fails here."""
    from cogapp import Cog

    status = Cog().main(["cog", "--check", "--diff", str(ROOT / "docs" / "cli.md")])
    assert status == 0, f"docs/cli.md is out of date; run: cog -r docs/cli.md\n{capsys.readouterr().out[-2000:]}"
