"""Quality against gold: the sample corpus (always) and the seed corpus (when ../shared is here).

The seed floors are the extraction issue's thresholds; the sample's are today's level (it is
harder: briefings, transcripts, datelines), so a regression fails the build. The sample is
scored by graphkit.evaluate, whose figures tests/test_evaluate.py holds equal to the shared
scorer's, so a fresh clone without ../shared measures what the README's table reports.
"""
import json
import subprocess
import sys

import pytest
from conftest import KGSCORE, SAMPLE_GOLD, SEEDS, SHARED

from graphkit.evaluate import evaluate

SAMPLE_FLOORS = {"person_recall": 0.95, "person_precision": 0.90, "pair_recall": 0.6, "role_recall": 0.85,
                 "quote_recall": 0.85, "place_recall": 0.9, "org_recall": 0.75}
# the extraction issue's thresholds (event_recall varies by ±0.04 with the scorer's tie-breaking,
# which follows Python's string-hash seed; the graph itself is the same every run)
SEED_FLOORS = {"person_recall": 0.97, "person_precision": 0.95, "place_recall": 0.9, "event_recall": 0.75,
               "event_date_acc": 0.8, "event_location_acc": 0.75, "pair_recall": 0.75, "pair_precision": 0.8,
               "role_recall": 0.8, "quote_recall": 0.75, "org_recall": 0.8}


def test_sample_against_its_gold(sample_build):
    out, _ = sample_build
    scores = evaluate(out, SAMPLE_GOLD)
    assert scores["person_merged"] == 0
    low = {k: scores[k] for k, v in SAMPLE_FLOORS.items() if scores[k] < v}
    assert not low, f"below floor: {low} (all: {scores})"


@pytest.mark.seeds
def test_seeds_with_the_clients_scorer(seeds_build, tmp_path):
    if not KGSCORE.exists():
        pytest.skip("../shared/tools/kgscore.py is not here")
    out, _ = seeds_build
    report = tmp_path / "scores.json"
    proc = subprocess.run([sys.executable, str(KGSCORE), "--gold", str(SEEDS / "gold.json"), str(out),
                           "--json", str(report)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    scores = json.loads(report.read_text())
    assert scores["person_split"] == 0 and scores["person_merged"] == 0, scores
    low = {k: scores[k] for k, v in SEED_FLOORS.items() if scores[k] < v}
    assert not low, f"below floor: {low}\n{proc.stdout}"


BRIEFING_DEV = SHARED / "corpus" / "briefing-dev"
# today's level on the 33 briefing-room documents (the issues' targets are higher for some):
# a rule that loses ground on real text as it arrives fails here, per genre in the eval report
BRIEFING_FLOORS = {"person_recall": 0.95, "person_precision": 0.95, "role_recall": 0.85, "quote_recall": 0.95,
                   "quote_speaker_precision": 0.70,
                   "event_recall": 0.59, "event_precision": 0.79, "event_date_acc": 0.90, "event_location_acc": 0.65,
                   "pair_recall": 0.67, "pair_precision": 0.95}


@pytest.mark.seeds
def test_briefing_dev_as_it_arrives(tmp_path_factory):
    if not (BRIEFING_DEV / "corpus.jsonl").exists():
        pytest.skip("../shared/corpus/briefing-dev is not here")
    from graphkit.config import BuildOptions
    from graphkit.pipeline import run_build

    out = tmp_path_factory.mktemp("briefing-dev")
    run_build([BRIEFING_DEV / "corpus.jsonl"], out, BuildOptions(html=False, cache=False))
    scores = evaluate(out, BRIEFING_DEV / "gold.json")
    assert scores["person_merged"] == 0
    low = {k: scores[k] for k, v in BRIEFING_FLOORS.items() if scores[k] < v}
    assert not low, f"below floor: {low} (all: {scores})"
