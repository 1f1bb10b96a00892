"""The shipped pair scorer on hand-written reports: an obvious coreferent pair scores above an
obvious non-coreferent one, and a scorer file that is not one gets one clear error."""

from __future__ import annotations

import json

import pytest

from dateline.fuse import EventMention
from dateline.fuse.coreference import DocumentSimilarity, pair_features
from dateline.fuse.scorer import PairScorer, ScorerError, default_scorer

REPORTS = {
    "flood-1": "Floodwaters swept through the river town of Lindau on Monday after the dam upstream burst, "
               "and firefighters evacuated 300 residents from the old quarter.",
    "flood-2": "The dam above Lindau burst on Monday, sending floodwaters into the old quarter; about 300 "
               "residents were evacuated by firefighters overnight.",
    "trial-1": "A court in Porto sentenced the former mayor to six years in prison for fraud on Thursday, "
               "ending a trial that lasted two years.",
}


def mention(mention_id: str, doc_id: str, trigger: str, lemma: str) -> EventMention:
    sentence = REPORTS[doc_id]
    start = sentence.index(trigger)
    return EventMention(mention_id=mention_id, doc_id=doc_id, sentence=sentence, trigger=trigger,
                        trigger_start=start, trigger_end=start + len(trigger), lemma=lemma)


def test_the_fitted_scorer_prefers_two_reports_of_one_burst_dam_over_a_burst_and_a_sentence():
    mentions = [mention("burst-1", "flood-1", "burst", "burst"),
                mention("burst-2", "flood-2", "burst", "burst"),
                mention("sentenced", "trial-1", "sentenced", "sentence")]
    probability = default_scorer().probability(pair_features(mentions, DocumentSimilarity.of(REPORTS)))
    assert probability[0, 1] > default_scorer().threshold  # one dam burst, told twice
    assert probability[0, 2] < default_scorer().threshold  # a court's sentence is another event
    assert probability[0, 1] > probability[0, 2]


def test_evacuations_in_two_reports_of_one_flood_score_above_the_flood_and_the_trial():
    mentions = [mention("evacuated-1", "flood-1", "evacuated", "evacuate"),
                mention("evacuated-2", "flood-2", "evacuated", "evacuate"),
                mention("trial", "trial-1", "trial", "trial")]
    probability = default_scorer().probability(pair_features(mentions, DocumentSimilarity.of(REPORTS)))
    assert probability[0, 1] > probability[0, 2]


def test_the_shipped_scorer_names_every_feature_it_weighs_and_its_threshold_is_a_probability():
    scorer = default_scorer()
    features = pair_features([mention("a", "flood-1", "burst", "burst"), mention("b", "flood-2", "burst", "burst")],
                             DocumentSimilarity.of(REPORTS))
    for term in scorer.terms():
        assert all(name in features for name in term.split("*"))
    assert 0.0 < scorer.threshold < 1.0
    assert "tuning topics" in scorer.about["fitted_on"]


def test_a_file_that_is_not_a_scorer_is_named_in_one_error(tmp_path):
    path = tmp_path / "scorer.json"
    path.write_text(json.dumps({"weights": {"same_lemma": 1.0}}), encoding="utf-8")
    with pytest.raises(ScorerError, match="scorer.json"):
        PairScorer.load(path)


CAPSIZE = {
    "capsize-1": "Two fishermen died when their trawler capsized off the Kerala coast on Sunday, the coast guard said.",
    "capsize-2": "The coast guard confirmed the death of two fishermen whose trawler capsized off Kerala on Sunday.",
}


def _capsize_mention(mention_id: str, doc_id: str, trigger: str, lemma: str) -> EventMention:
    sentence = CAPSIZE[doc_id]
    start = sentence.index(trigger)
    return EventMention(mention_id=mention_id, doc_id=doc_id, sentence=sentence, trigger=trigger,
                        trigger_start=start, trigger_end=start + len(trigger), lemma=lemma)


def test_a_verb_and_the_noun_wordnet_derives_from_it_score_above_an_unrelated_head_beside_them():
    mentions = [_capsize_mention("died", "capsize-1", "died", "die"),
                _capsize_mention("death", "capsize-2", "death", "death"),
                _capsize_mention("confirmed", "capsize-2", "confirmed", "confirm")]
    features = pair_features(mentions, DocumentSimilarity.of(CAPSIZE))
    assert features["wn_derived"][0, 1] == 1.0  # WordNet: die (v) + death (n)
    assert features["wn_derived"][0, 2] == 0.0
    probability = default_scorer().probability(features)
    assert probability[0, 1] > probability[0, 2]  # one drowning, told by a verb and by a noun
