"""ECB+ reader and scoring glue for cross-document event coreference, on a hand-made topic."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from scorch import scores

from dateline.eval.coref import (CHECK_TOPICS, TUNING_TOPICS, gold_clusters, lemma_baseline, read_ecbplus,
                                 score_clusters)

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "ecbplus"


@pytest.fixture(scope="module")
def corpus():
    return read_ecbplus(FIXTURE, topics=[1])


def test_reader_keeps_event_mentions_of_listed_sentences_only(corpus):
    # 1_1ecb: "arrested", "charged" (its third sentence, "The weather was fine", is not listed);
    # 1_2ecb: "arrest", "shocked", "said", "arrest", "shocked"; "mayor" is a person, not an event,
    # and the instance markable (no tokens) is not a mention.
    triggers = sorted((m.doc_id, m.trigger) for m in corpus.mentions)
    assert triggers == sorted([("1_1ecb", "arrested"), ("1_1ecb", "charged"), ("1_2ecb", "arrest"),
                               ("1_2ecb", "shocked"), ("1_2ecb", "said"), ("1_2ecb", "arrest"),
                               ("1_2ecb", "shocked")])
    assert set(corpus.documents) == {"1_1ecb", "1_2ecb"}
    assert corpus.documents["1_1ecb"].startswith("Police arrested the mayor on Monday .")


def test_reader_builds_gold_clusters_across_and_within_documents(corpus):
    clusters = sorted(sorted(group) for group in gold_clusters(corpus))
    assert clusters == sorted([
        ["1_1ecb:1", "1_2ecb:1", "1_2ecb:3"],  # the arrest, in both reports (CROSS_DOC_COREF)
        ["1_2ecb:2", "1_2ecb:5"],              # "shocked" twice in one report (INTRA_DOC_COREF)
        ["1_1ecb:2"],                          # "charged": a singleton
        ["1_2ecb:4"],                          # "said": a singleton
    ])


def test_reader_gives_the_trigger_span_and_head_lemma(corpus):
    arrested = next(m for m in corpus.mentions if m.trigger == "arrested")
    assert arrested.sentence[arrested.trigger_start:arrested.trigger_end] == "arrested"
    assert arrested.lemma == "arrest"
    assert "Monday" in arrested.entities


def test_lemma_baseline_puts_same_heads_together(corpus):
    groups = [sorted(group) for group in lemma_baseline(corpus.mentions)]
    assert ["1_1ecb:1", "1_2ecb:1", "1_2ecb:3"] in groups


def test_scoring_by_components_equals_one_scorch_call():
    key = [{1, 2, 3}, {4, 5}, {6}, {7, 8, 9, 10}, {11}]
    response = [{1, 2}, {3, 4, 5}, {6, 11}, {7, 8}, {9}, {10}]
    ours = score_clusters(key, response)
    for name, measure in (("muc", scores.muc), ("b3", scores.b_cubed), ("ceafe", scores.ceaf_e)):
        recall, precision, f1 = measure(key, response)
        assert ours[name]["r"] == pytest.approx(recall, abs=1e-4)
        assert ours[name]["p"] == pytest.approx(precision, abs=1e-4)
        assert ours[name]["f1"] == pytest.approx(f1, abs=1e-4)
    assert ours["conll_f1"] == pytest.approx(scores.conll2012(key, response), abs=1e-4)


def test_perfect_response_scores_one():
    key = [{"a", "b"}, {"c"}]
    assert score_clusters(key, [{"b", "a"}, {"c"}])["conll_f1"] == 1.0


def test_tuning_and_check_topics_split_1_to_35_once():
    assert CHECK_TOPICS == {2, 5, 12, 18, 21, 23, 34, 35}
    assert not TUNING_TOPICS & CHECK_TOPICS
    assert TUNING_TOPICS | CHECK_TOPICS == set(range(1, 36))


@pytest.mark.slow
def test_corpus_evaluation_prints_the_figures_and_beats_the_lemma_baseline(shared_dir):
    from typer.testing import CliRunner

    from dateline.cli import app

    folder = shared_dir / "eval" / "fusion" / "ecbplus"
    result = CliRunner().invoke(app, ["eval", "coref", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    for key in ("documents", "mentions", "conll_f1", "lemma_baseline_conll_f1", "tuning", "check", "setting"):
        assert key in figures
    for measure in ("muc", "b3", "ceafe"):
        assert 0.0 <= figures[measure]["f1"] <= 1.0
    assert figures["documents"] == 772  # the ECB+ files of topics 1-35 in the shared folder
    assert figures["conll_f1"] > figures["lemma_baseline_conll_f1"]
    assert figures["check"]["conll_f1"] > figures["check"]["lemma_baseline_conll_f1"]
    # the shipped default (no embeddings) is the figure quoted; the other setting measured beside it
    assert figures["embeddings"] is False
    other = figures["embeddings_on"]
    assert other["documents"] == 772 and other["check"]["conll_f1"] > other["check"]["lemma_baseline_conll_f1"]


@pytest.mark.slow
def test_rebuilding_the_pair_scorer_from_the_tuning_topics_gives_the_shipped_file(shared_dir, tmp_path):
    from dateline.eval.coref_train import main
    from dateline.fuse.scorer import SCORER_FILE

    out = tmp_path / "pair_scorer.json"
    main(["--shared", str(shared_dir), "--out", str(out)])
    rebuilt, shipped = json.loads(out.read_text(encoding="utf-8")), json.loads(SCORER_FILE.read_text(encoding="utf-8"))
    assert rebuilt == shipped
    assert set(rebuilt["about"]["tuning_topics"]) <= TUNING_TOPICS  # never a check topic


@pytest.mark.slow
def test_rebuilding_the_embedding_pair_scorer_gives_the_shipped_file(shared_dir, tmp_path):
    from dateline.eval.coref_train import main
    from dateline.fuse.scorer import EMBEDDING_SCORER_FILE

    out = tmp_path / "pair_scorer_embeddings.json"
    main(["--shared", str(shared_dir), "--embeddings", "--out", str(out)])
    rebuilt = json.loads(out.read_text(encoding="utf-8"))
    assert rebuilt == json.loads(EMBEDDING_SCORER_FILE.read_text(encoding="utf-8"))
    assert "trigger_embedding" in rebuilt["weights"] and set(rebuilt["about"]["tuning_topics"]) <= TUNING_TOPICS
