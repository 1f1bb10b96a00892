"""The fine-tuning experiment's shortcut (dateline.eval.coref_finetune) on hand-written sentences:
keeping the frozen lower layers' outputs and running only the top layers must give the very
vectors the whole encoder gives, or the experiment would measure its own error."""

from __future__ import annotations

import numpy as np
import pytest

from dateline.fuse import EventMention


def _mention(number: int, sentence: str, word: str) -> EventMention:
    start = sentence.index(word)
    return EventMention(mention_id=f"m{number}", doc_id=f"d{number}", sentence=sentence, trigger=word,
                        trigger_start=start, trigger_end=start + len(word), lemma=word)


MENTIONS = [
    _mention(1, "Police arrested two men after the raid on the warehouse in Tilbury.", "arrested"),
    _mention(2, "Two men were arrested in Tilbury when officers raided a warehouse.", "raided"),
    _mention(3, "A short sentence about a fire.", "fire"),  # shorter: padded in its batch
]


@pytest.mark.slow
def test_the_top_layer_over_the_kept_lower_layers_gives_the_whole_encoders_vectors():
    from dateline.eval.coref_finetune import SentenceCache, as_dict
    from dateline.fuse.coreference import mention_vectors

    whole = mention_vectors(MENTIONS)
    cache = SentenceCache(MENTIONS, tuned=1)
    kept = cache.frozen_vectors(MENTIONS)
    through_top = as_dict(cache, cache.top, MENTIONS)  # the untuned top layer, padded as in training
    for mention in MENTIONS:
        trigger, sentence = whole[mention.mention_id]
        assert np.allclose(kept[mention.mention_id][0], trigger, atol=1e-4)
        assert np.allclose(kept[mention.mention_id][1], sentence, atol=1e-4)
        assert np.allclose(through_top[mention.mention_id], trigger, atol=1e-4)


def test_a_tuned_trigger_cosine_replaces_the_frozen_one_and_nothing_else():
    from dateline.eval.coref_finetune import with_triggers

    block = MENTIONS[:2]
    features = {"trigger_embedding": np.zeros((2, 2)), "same_lemma": np.eye(2)}
    tuned = {"m1": np.array([1.0, 0.0]), "m2": np.array([0.6, 0.8])}
    [(_, replaced, _, _)] = with_triggers([(block, features, np.eye(2, dtype=bool), 1)], tuned)
    assert replaced["trigger_embedding"][0, 1] == pytest.approx(0.6)  # the cosine of the two unit vectors
    assert replaced["same_lemma"] is features["same_lemma"]
    assert features["trigger_embedding"][0, 1] == 0  # the caller's features are left as they were
