"""graphkit eval: the shared scorer's figures, the breakdown by genre, bad input, the command line."""
import json
import subprocess
import sys

import pytest
from conftest import KGSCORE, SAMPLE_GOLD, SEEDS, SHARED

from graphkit.errors import EvalInputError
from graphkit.evaluate import METRICS, by_genre, check_minimums, evaluate, read_gold


def gk(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "graphkit", *map(str, args)], capture_output=True, text=True, cwd=cwd)


def kgscore(gold, graph_dir, tmp_path) -> dict:
    report = tmp_path / "kgscore.json"
    proc = subprocess.run([sys.executable, str(KGSCORE), "--gold", str(gold), str(graph_dir), "--json", str(report)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return json.loads(report.read_text())


def assert_same_figures(ours: dict, theirs: dict) -> None:
    """Every figure, count and name list of the shared scorer, as graphkit computes it."""
    for key, value in theirs.items():
        if key == "counts":
            assert {k: ours["counts"][k] for k in value} == value
        elif key == "unmatched_pred_persons":
            # the shared scorer names a node by whichever longest label a set yields first
            assert len(ours[key]) == len(value)
        else:
            assert ours[key] == value, key


def test_cli_figures_equal_the_shared_scorer_on_the_sample(sample_build, tmp_path):
    if not KGSCORE.exists():
        pytest.skip("../shared/tools/kgscore.py is not here")
    out, _ = sample_build
    proc = gk("eval", "--gold", SAMPLE_GOLD, "--graph", out, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    ours = json.loads(proc.stdout)
    assert_same_figures(ours, kgscore(SAMPLE_GOLD, out, tmp_path))
    assert set(METRICS) <= set(ours) and ours["missing_documents"] == []  # every gold document found


@pytest.mark.seeds
def test_figures_equal_the_shared_scorer_on_the_seeds(seeds_build, tmp_path):
    if not KGSCORE.exists():
        pytest.skip("../shared/tools/kgscore.py is not here")
    out, result = seeds_build
    theirs = kgscore(SEEDS / "gold.json", out, tmp_path)
    assert_same_figures(evaluate(out, SEEDS / "gold.json"), theirs)
    assert_same_figures(evaluate(result.graph, SEEDS / "gold.json"), theirs)  # an in-memory graph too


def test_figures_equal_the_shared_scorer_on_briefing_dev_with_every_genre_found(tmp_path):
    # real text with optional persons, venues part_of cities, and JSONL ids for the gold's .txt files
    dev = SHARED / "corpus" / "briefing-dev"
    if not KGSCORE.exists() or not (dev / "corpus.jsonl").exists():
        pytest.skip("../shared/corpus/briefing-dev or its scorer is not here")
    from graphkit.config import BuildOptions
    from graphkit.pipeline import run_build

    out = tmp_path / "bdev"
    run_build([dev / "corpus.jsonl"], out, BuildOptions(cache=False, html=False))
    assert_same_figures(evaluate(out, dev / "gold.json"), kgscore(dev / "gold.json", out, tmp_path))
    genres = by_genre(out, dev / "gold.json")
    assert len(genres) == 8 and all(g["missing_documents"] == [] for g in genres.values())
    assert sum(g["counts"]["gold_documents"] for g in genres.values()) == 33


def test_one_genre_for_every_document_gives_the_overall_figures(sample_build):
    out, _ = sample_build
    gold = json.loads(SAMPLE_GOLD.read_text(encoding="utf-8"))
    for d in gold["documents"]:
        d["genre"] = "news"
    overall = evaluate(out, gold)
    news = by_genre(out, gold)["news"]
    assert {k: news[k] for k in METRICS} == {k: overall[k] for k in METRICS}
    assert news["missing_documents"] == [] and news["counts"]["gold_documents"] == len(gold["documents"])


# A hand-made graph and gold with two genres: a readout (a.txt) and remarks (a JSONL line whose
# gold file is b.txt). Every figure below is counted by hand.
TWO_GENRES_TTL = """
@prefix schema: <https://schema.org/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix : <https://example.org/> .

:docA a schema:NewsArticle ; schema:identifier "a.txt" ; schema:mentions :alice, :bob, :town, :hall .
:docB a schema:NewsArticle ; schema:identifier "corpus.jsonl#b" ; schema:mentions :bob, :carol, :applause .
:alice a schema:Person ; schema:name "Alice Archer" ; schema:jobTitle "Secretary of State" .
:bob a schema:Person ; schema:name "Bob Baker" ; skos:altLabel "Baker" .
:carol a schema:Person ; schema:name "Carol Cole" .
:applause a schema:Person ; schema:name "Applause" .
:town a schema:Place ; schema:name "Springfield" .
:hall a schema:Place ; schema:name "Town Hall" .
:meeting a schema:Event ; schema:attendee :alice, :bob ; schema:startDate "2022-01-05"^^xsd:date ;
    schema:location :hall ; prov:wasDerivedFrom :docA .
:talk a schema:Event ; schema:attendee :bob, :carol, :applause ; prov:wasDerivedFrom :docB .
:q1 a schema:Quotation ; schema:creator :carol ; schema:text "We will keep working together on this." ;
    prov:wasDerivedFrom :docB .
:q2 a schema:Quotation ; schema:creator :bob ; schema:text "Thank you all for coming today." ;
    prov:wasDerivedFrom :docB .
"""

TWO_GENRES_GOLD = {
    "documents": [{"file": "a.txt", "genre": "readout"}, {"file": "b.txt", "genre": "remarks"}],
    "entities": [
        {"id": "alice", "type": "Person", "name": "Alice Archer", "aliases": ["Alice Archer"], "docs": ["a.txt"]},
        {"id": "bob", "type": "Person", "name": "Bob Baker", "aliases": ["Bob Baker"], "docs": ["a.txt", "b.txt"]},
        {"id": "carol", "type": "Person", "name": "Carol Cole", "aliases": ["Carol Cole"], "docs": ["b.txt"]},
        {"id": "dave", "type": "Person", "name": "Dave Dunn", "aliases": ["Dave Dunn"], "docs": ["b.txt"]},
        {"id": "springfield", "type": "Place", "name": "Springfield", "aliases": ["Springfield"], "docs": ["a.txt"]},
        {"id": "town-hall", "type": "Place", "name": "Town Hall", "aliases": ["Town Hall"], "docs": ["a.txt"],
         "part_of": "springfield"},
    ],
    "events": [{"participants": ["alice", "bob"], "date": "2022-01-05", "location": "springfield",
                "docs": ["a.txt"]}],
    "roles": [{"person": "alice", "title": "secretary of state", "doc": "a.txt"},
              {"person": "carol", "title": "governor", "doc": "b.txt"}],
    "quotes": [{"speaker": "carol", "evidence": "We will keep working together", "doc": "b.txt"},
               {"speaker": "carol", "evidence": "Thank you all for coming", "doc": "b.txt"}],
}


@pytest.fixture()
def two_genres(tmp_path):
    graph_dir = tmp_path / "build"
    graph_dir.mkdir()
    (graph_dir / "graph.ttl").write_text(TWO_GENRES_TTL, encoding="utf-8")
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps(TWO_GENRES_GOLD), encoding="utf-8")
    return graph_dir, gold


def test_by_genre_restricts_gold_and_predictions_to_each_genres_documents(two_genres):
    graph_dir, gold = two_genres
    genres = by_genre(graph_dir, gold)
    assert list(genres) == ["readout", "remarks"]
    readout, remarks = genres["readout"], genres["remarks"]
    # readout: Alice and Bob met on the day at the Town Hall, which is in Springfield; Alice's title is found
    assert (readout["person_recall"], readout["person_precision"]) == (1.0, 1.0)
    assert (readout["event_recall"], readout["pair_recall"], readout["event_location_acc"]) == (1.0, 1.0, 1.0)
    assert readout["role_recall"] == 1.0
    assert "quote_recall" in readout["not_measured"] and readout["counts"]["gold_quotes"] == 0
    # remarks: Dave is missed, "Applause" is no person, the second quote goes to the wrong speaker
    assert (remarks["person_recall"], remarks["person_precision"]) == (0.667, 0.667)
    assert remarks["missed_persons"] == ["Dave Dunn"] and remarks["unmatched_pred_persons"] == ["applause"]
    assert remarks["role_recall"] == 0.0
    assert (remarks["quote_recall"], remarks["quote_speaker_precision"]) == (0.5, 0.5)
    assert {"event_recall", "pair_recall"} <= set(remarks["not_measured"])
    # the talk matches no gold event; its pairs are Bob-Carol and two with "Applause", all wrong
    assert "event_recall" in remarks["not_measured"] and remarks["event_precision"] == 0.0
    assert (remarks["pairs_predicted"], remarks["pair_precision"]) == (3, 0.0)
    assert remarks["missing_documents"] == []
    # over both documents
    overall = evaluate(graph_dir, gold)
    assert (overall["person_recall"], overall["person_precision"], overall["quote_recall"]) == (0.75, 0.75, 0.5)
    assert (overall["role_recall"], overall["event_precision"], overall["pair_precision"]) == (0.5, 0.5, 0.25)


# Ties in the one-to-one event matching: the gold event listed first wins, then the predicted
# event first by IRI. Two predicted events of equal weight (three shared participants, or two
# plus the date and the place) for one gold event: which one is taken shows in the figures.
TIE_TTL = """
@prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix : <https://example.org/> .
:a a schema:Person ; schema:name "Ann Ames" .
:b a schema:Person ; schema:name "Ben Bole" .
:c a schema:Person ; schema:name "Cy Cato" .
:town a schema:Place ; schema:name "Springfield" .
:FIRST a schema:Event ; schema:attendee :a, :b, :c .
:SECOND a schema:Event ; schema:attendee :a, :b ; schema:startDate "2022-03-01"^^xsd:date ; schema:location :town .
"""


def tie_gold(*events):
    ents = [{"id": i, "type": "Person", "name": n, "aliases": [n]} for i, n in
            (("a", "Ann Ames"), ("b", "Ben Bole"), ("c", "Cy Cato"))]
    ents += [{"id": "town", "type": "Place", "name": "Springfield", "aliases": ["Springfield"]},
             {"id": "city", "type": "Place", "name": "Shelbyville", "aliases": ["Shelbyville"]}]
    return {"entities": ents, "events": list(events)}


@pytest.mark.parametrize("first, second, expected", [
    ("e1", "e2", {"event_participant_recall": 1.0, "event_date_acc": 0.0}),   # the three-person event
    ("e2", "e1", {"event_participant_recall": 0.667, "event_date_acc": 1.0}),  # the dated one, now first
])
def test_event_ties_break_by_predicted_iri(tmp_path, first, second, expected):
    graph = tmp_path / "g.ttl"
    graph.write_text(TIE_TTL.replace(":FIRST", f":{first}").replace(":SECOND", f":{second}"), encoding="utf-8")
    gold = tie_gold({"participants": ["a", "b", "c"], "date": "2022-03-01", "location": "town"})
    figures = evaluate(graph, gold)
    assert {k: figures[k] for k in expected} == expected and figures["event_precision"] == 0.5
    if KGSCORE.exists():
        (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
        assert_same_figures(figures, kgscore(tmp_path / "gold.json", graph, tmp_path))


@pytest.mark.parametrize("order, location_acc", [((0, 1), 0.0), ((1, 0), 1.0)])
def test_event_ties_break_by_gold_order(tmp_path, order, location_acc):
    graph = tmp_path / "g.ttl"
    graph.write_text(TIE_TTL.replace(":FIRST a schema:Event ; schema:attendee :a, :b, :c .", "")
                     .replace(":SECOND", ":e"), encoding="utf-8")
    # equal weight for the one predicted event: the date agrees with one, the place with the other
    events = [{"participants": ["a", "b"], "date": "2022-03-01", "location": "city"},
              {"participants": ["a", "b"], "date": None, "location": "town"}]
    gold = tie_gold(*(events[i] for i in order))
    figures = evaluate(graph, gold)
    assert figures["event_location_acc"] == location_acc and figures["event_recall"] == 0.5
    if KGSCORE.exists():
        (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
        assert_same_figures(figures, kgscore(tmp_path / "gold.json", graph, tmp_path))


def test_cli_by_genre_table_and_json(two_genres):
    graph_dir, gold = two_genres
    proc = gk("eval", "--gold", gold, "--graph", graph_dir, "--by", "genre")
    assert proc.returncode == 0, proc.stderr
    header, rule, *rows = proc.stdout.splitlines()
    assert header.split() == ["metric", "all", "readout", "remarks"]
    person_recall = next(r for r in rows if r.startswith("person_recall"))
    assert person_recall.split() == ["person_recall", "0.750", "1.000", "0.667"]
    quote_recall = next(r for r in rows if r.startswith("quote_recall"))
    assert quote_recall.split() == ["quote_recall", "0.500", "-", "0.500"]  # nothing to count in the readout
    assert "gold persons not found (1): Dave Dunn" in proc.stdout
    proc = gk("eval", "--gold", gold, "--graph", graph_dir, "--by", "genre", "--format", "json")
    data = json.loads(proc.stdout)
    assert data["person_recall"] == 0.75 and data["by_genre"]["remarks"]["quote_speaker_precision"] == 0.5


def test_cli_min_fails_with_exit_1_and_passes_with_0(two_genres):
    graph_dir, gold = two_genres
    proc = gk("eval", "--gold", gold, "--graph", graph_dir, "--min", "person_recall=0.9", "--min", "person_split=0")
    assert proc.returncode == 1
    assert proc.stderr.strip() == "graphkit: below the minimum: person_recall=0.75 < 0.9"
    proc = gk("eval", "--gold", gold, "--graph", graph_dir, "--min", "person_recall=0.7", "--format", "json")
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("content, problem", [
    ("{\"entities\": [", "gold file is not JSON"),
    ("[1, 2]", "gold must be a JSON object"),
    ("{\"documents\": []}", "gold has no 'entities' list"),
    ("{\"entities\": [{\"id\": \"x\", \"type\": \"Person\"}]}", "entities[0] has no 'name' string"),
    ("{\"entities\": [], \"quotes\": [{\"speaker\": \"x\"}]}", "quotes[0] has no 'evidence' string"),
    (b"\xff\xfe\x00bad", "gold file is not UTF-8 text"),
])
def test_bad_gold_is_one_line_naming_the_file_with_exit_2(two_genres, tmp_path, content, problem):
    graph_dir, _ = two_genres
    bad = tmp_path / "bad.gold.json"
    bad.write_bytes(content if isinstance(content, bytes) else content.encode())
    proc = gk("eval", "--gold", bad, "--graph", graph_dir)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and str(bad) in lines[0] and problem in lines[0], proc.stderr
    with pytest.raises(EvalInputError, match="bad.gold.json"):
        read_gold(bad)


def test_bad_graph_or_breakdown_is_exit_2(two_genres, tmp_path):
    graph_dir, gold = two_genres
    proc = gk("eval", "--gold", gold, "--graph", tmp_path / "no-build")
    assert proc.returncode == 2 and "no-build" in proc.stderr and "graphkit build" in proc.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    proc = gk("eval", "--gold", gold, "--graph", empty)
    assert proc.returncode == 2 and "no built graph here" in proc.stderr
    no_genre = tmp_path / "no-genre.json"
    no_genre.write_text(json.dumps({**TWO_GENRES_GOLD, "documents": [{"file": "a.txt"}]}), encoding="utf-8")
    proc = gk("eval", "--gold", no_genre, "--graph", graph_dir, "--by", "genre")
    assert proc.returncode == 2 and "no document has a 'genre'" in proc.stderr
    assert gk("eval", "--gold", no_genre, "--graph", graph_dir).returncode == 0  # fine without --by


def test_a_genre_needs_every_item_tied_to_a_document():
    gold = json.loads(json.dumps(TWO_GENRES_GOLD))
    del gold["quotes"][1]["doc"]
    with pytest.raises(EvalInputError, match=r"quotes\[1\] has no 'doc'"):
        by_genre(__import__("rdflib").Graph(), gold)


def test_dangling_ids_are_noted_not_fatal(two_genres, tmp_path):
    graph_dir, _ = two_genres
    gold = json.loads(json.dumps(TWO_GENRES_GOLD))
    gold["events"][0]["participants"].append("zed")
    path = tmp_path / "g.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    proc = gk("eval", "--gold", path, "--graph", graph_dir)
    assert proc.returncode == 0
    assert "graphkit: note:" in proc.stderr and "participant 'zed' is not an entity id" in proc.stderr


def test_check_minimums_bounds_counts_from_above():
    figures = {"person_recall": 0.8, "person_split": 2}
    assert check_minimums(figures, ["person_recall=0.8", "person_split=2"]) == []
    assert check_minimums(figures, ["person_split=1"]) == ["person_split=2 > 1"]
    with pytest.raises(EvalInputError, match="unknown metric"):
        check_minimums(figures, ["recall=1"])


def test_http_schema_org_is_read_like_https(tmp_path):
    graph = tmp_path / "g.ttl"
    graph.write_text(TWO_GENRES_TTL.replace("https://schema.org/", "http://schema.org/"), encoding="utf-8")
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps(TWO_GENRES_GOLD), encoding="utf-8")
    assert evaluate(graph, gold)["person_recall"] == 0.75
    assert by_genre(graph, gold)["readout"]["event_recall"] == 1.0
