"""The contextual vectors of event mentions (dateline.fuse.embeddings) on hand-written sentences.

The encoder is the real model from the installed package, loaded offline (about 12 s of CPU the
first time in a process), so the tests that run it are marked slow.
"""

from __future__ import annotations

import os

import numpy as np
import pytest

from dateline.fuse import EventMention
from dateline.fuse.coreference import DocumentSimilarity, mention_vectors, pair_features
from dateline.fuse.embeddings import _trigger_pieces, embed_mentions
from dateline.fuse.scorer import EMBEDDING_FEATURES, default_scorer


def test_the_trigger_takes_the_word_pieces_its_characters_overlap_and_never_a_special_token():
    # "[CLS] gun ##men stormed a post [SEP]": special tokens have empty offsets
    offsets = [(0, 0), (0, 3), (3, 6), (7, 14), (15, 16), (17, 21), (0, 0)]
    assert _trigger_pieces(offsets, 7, 14) == [3]  # "stormed"
    assert _trigger_pieces(offsets, 0, 6) == [1, 2]  # "gunmen", in two pieces
    assert _trigger_pieces(offsets, 30, 35) == []  # cut off by the token limit: none


def _span(sentence: str, word: str) -> tuple[int, int]:
    start = sentence.index(word)
    return start, start + len(word)


STRIKES = [
    "Dockers at the port of Varna went on strike on Monday over unpaid wages.",
    "An air strike on the village of Orlik killed six civilians, medics said.",
    "Port workers in Varna walked out in a strike over pay, their union said.",
]


@pytest.mark.slow
def test_one_word_said_of_two_happenings_gets_vectors_from_its_sentence():
    vectors = embed_mentions(STRIKES, [_span(sentence, "strike") for sentence in STRIKES])
    triggers, sentences = vectors.cosines()
    # the dockers' strike and the port workers' strike are one kind of thing; the air strike another
    assert triggers[0, 2] > triggers[0, 1]
    assert sentences[0, 2] > sentences[0, 1]
    assert np.allclose(np.linalg.norm(vectors.trigger, axis=1), 1.0, atol=1e-5)


@pytest.mark.slow
def test_a_sentence_embedded_alone_or_in_a_batch_gets_the_same_vectors():
    spans = [_span(sentence, "strike") for sentence in STRIKES]
    together = embed_mentions(STRIKES, spans)
    alone = embed_mentions(STRIKES[1:2], spans[1:2])
    assert float(alone.trigger[0] @ together.trigger[1]) == pytest.approx(1.0, abs=1e-4)
    assert float(alone.sentence[0] @ together.sentence[1]) == pytest.approx(1.0, abs=1e-4)


@pytest.mark.slow
def test_the_encoder_is_loaded_with_the_hub_switched_off():
    embed_mentions(STRIKES[:1], [_span(STRIKES[0], "strike")])
    assert os.environ.get("HF_HUB_OFFLINE") == "1"
    assert os.environ.get("TRANSFORMERS_OFFLINE") == "1"


REPORTS = {
    "raid-1": "Gunmen stormed a police post in the hill town of Kelvar late on Sunday, killing four officers, "
              "a district official said.",
    "raid-2": "Four policemen were killed when militants raided a checkpoint in Kelvar on Sunday night, "
              "officials said.",
    "rates-1": "The central bank of Norland raised its main interest rate by half a point on Thursday.",
}


def _mention(mention_id: str, doc_id: str, trigger: str, lemma: str) -> EventMention:
    sentence = REPORTS[doc_id]
    start, end = _span(sentence, trigger)
    return EventMention(mention_id=mention_id, doc_id=doc_id, sentence=sentence, trigger=trigger,
                        trigger_start=start, trigger_end=end, lemma=lemma)


@pytest.mark.slow
def test_the_embedding_scorer_weighs_its_features_and_links_two_words_for_one_killing_more_than_a_rate_rise():
    mentions = [_mention("killing", "raid-1", "killing", "kill"), _mention("killed", "raid-2", "killed", "kill"),
                _mention("raised", "rates-1", "raised", "raise")]
    features = pair_features(mentions, DocumentSimilarity.of(REPORTS), vectors=mention_vectors(mentions))
    scorer = default_scorer(embeddings=True)
    assert scorer.needs_embeddings and not default_scorer().needs_embeddings
    for term in scorer.terms():
        assert all(name in features for name in term.split("*"))
    assert set(EMBEDDING_FEATURES) <= set(features)
    probability = scorer.probability(features)
    assert probability[0, 1] > probability[0, 2]
    assert probability[0, 2] < scorer.threshold


@pytest.mark.slow
def test_with_the_embedding_setting_the_hand_made_goals_still_hold(handmade):
    from dateline.fuse.config import EventFusionConfig, FuseConfig
    from dateline.fuse.events import fuse_events

    config = EventFusionConfig(core=FuseConfig(embeddings=True))
    fused = fuse_events(handmade.kirkuk_events(), handmade.kirkuk_articles(), config)
    assert len(fused) == 1 and fused[0].sources == 3  # three outlets, one bombing
    apart = fuse_events(handmade.two_towns_events(), {}, config)
    assert sorted(f.place.name for f in apart) == ["Basra", "Mosul"]  # one day, two towns: two events
