"""Experiment: fine-tune the top layers of the mention encoder on the ECB+ tuning topics' pairs.

The shipped ``--embeddings`` scorer uses the cosine of two triggers' frozen all-MiniLM-L6-v2
vectors; a trigger's frozen vector is mostly its word (two "arrested" of unrelated sentences
have a cosine above 0.9), so it links different words for one happening but does not separate
one word said of two happenings. This script asks whether tuning the encoder on coreferent
mention pairs changes that, at a cost this machine can pay (2 shared cores, no GPU):

- every sentence goes once through the frozen lower layers (embeddings and layers
  ``0 .. 5 - TUNED``); their outputs are kept, so training runs only the top ``TUNED`` layers;
- the loss is a weighted logistic loss on ``scale * cosine + shift`` of the tuned trigger
  vectors (mean of the trigger's word pieces, as ``dateline.fuse.embeddings``) over the mention
  pairs inside each of the system's document clusters of the tuning topics (the blocks the
  scorer sees), positive when both mentions are in one gold cluster;
- the CoNLL F1 on the tuning topics is cross-validated with the folds of
  ``coref_train.cross_validated_conll`` (grouped by topic): each fold's encoder is tuned on the
  other folds, each block's trigger cosines come from the encoder that never saw it, and the
  pair scorer (the shipped ``EMBEDDING_TERMS``) is fitted and scored on those out-of-fold cosines
  (the one leak: a fold's scorer is fitted on cosines of encoders that saw the held-out fold);
- ``--check`` then scores the check topics once: the encoder tuned on all tuning topics, the
  scorer fitted on the tuning topics' out-of-fold cosines, its threshold from the
  cross-validation, clustering as ``dateline eval coref`` does (cannot-link rules included).

``python -m dateline.eval.coref_finetune --shared ../shared [--tuned 1] [--epochs 3] [--check]``.
Nothing is written into the package; the figures are in docs/quality.md (ECB+ section).
"""

from __future__ import annotations

import argparse
import copy
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from dateline.eval.coref import (ALL_TOPICS, CHECK_TOPICS, ECBPLUS_DIR, TUNING_TOPICS, Corpus, gold_clusters,
                                 read_ecbplus, score_clusters)
from dateline.eval.coref_train import EMBEDDING_TERMS, FOLDS, THRESHOLDS, _as_scorer, _blocks, _fit, cross_validated_conll
from dateline.fuse import FuseConfig
from dateline.fuse.coreference import cluster_event_mentions
from dateline.fuse.embeddings import MAX_TOKENS, _trigger_pieces, encoder

BATCH = 32  # sentences per forward pass of the frozen layers
MAX_BLOCK = 96  # mentions per training step (a larger block is sampled down)


class SentenceCache:
    """Each distinct sentence's hidden states at the input of the tuned layers, its mask, and
    where each mention's trigger pieces are; also the frozen model's own vectors."""

    def __init__(self, mentions, tuned: int):
        import torch

        model = encoder(1)
        self.bert = model[0].auto_model
        self.tuned = tuned
        layers = self.bert.encoder.layer
        self.top = layers[len(layers) - tuned:]
        distinct = list(dict.fromkeys(m.sentence for m in mentions))
        self.row_of = {sentence: n for n, sentence in enumerate(distinct)}
        self.states: list[torch.Tensor] = [None] * len(distinct)
        self.frozen_sentence = np.zeros((len(distinct), 384), dtype=np.float32)
        frozen_tokens: list[np.ndarray] = [None] * len(distinct)
        offsets_of: list[list] = [None] * len(distinct)
        tokenizer = model.tokenizer
        order = sorted(range(len(distinct)), key=lambda n: len(distinct[n]))
        with torch.inference_mode():
            for first in range(0, len(order), BATCH):
                rows = order[first:first + BATCH]
                inputs = tokenizer([distinct[n] for n in rows], padding=True, truncation=True,
                                   max_length=MAX_TOKENS, return_offsets_mapping=True, return_tensors="pt")
                offsets = inputs.pop("offset_mapping").tolist()
                output = self.bert(**inputs, output_hidden_states=True)
                hidden = output.hidden_states[len(layers) - tuned]
                last = output.last_hidden_state
                mask = inputs["attention_mask"]
                for k, n in enumerate(rows):
                    length = int(mask[k].sum())
                    self.states[n] = hidden[k, :length].clone()
                    frozen_tokens[n] = last[k, :length].numpy()
                    offsets_of[n] = offsets[k][:length]
                    pooled = frozen_tokens[n].mean(axis=0)
                    self.frozen_sentence[n] = pooled / np.linalg.norm(pooled)
        self.pieces = {}
        self.frozen_trigger = {}
        for m in mentions:
            n = self.row_of[m.sentence]
            pieces = _trigger_pieces(offsets_of[n], m.trigger_start, m.trigger_end) or list(range(len(offsets_of[n])))
            self.pieces[m.mention_id] = pieces
            vector = frozen_tokens[n][pieces].mean(axis=0)
            self.frozen_trigger[m.mention_id] = vector / np.linalg.norm(vector)

    def frozen_vectors(self, mentions) -> dict:
        return {m.mention_id: (self.frozen_trigger[m.mention_id], self.frozen_sentence[self.row_of[m.sentence]])
                for m in mentions}

    def trigger_vectors(self, layers, mentions, grad: bool = False):
        """The mentions' trigger vectors (unit, a torch tensor) through ``layers`` (the tuned copy)."""
        import torch

        sentences = list(dict.fromkeys(self.row_of[m.sentence] for m in mentions))
        slot = {n: k for k, n in enumerate(sentences)}
        length = max(self.states[n].shape[0] for n in sentences)
        hidden = torch.zeros(len(sentences), length, 384)
        mask = torch.zeros(len(sentences), length, dtype=torch.long)
        for k, n in enumerate(sentences):
            hidden[k, :self.states[n].shape[0]] = self.states[n]
            mask[k, :self.states[n].shape[0]] = 1
        # additive mask over the keys: padding gets the most negative float (as BERT's own mask)
        extended = (1.0 - mask[:, None, None, :].float()) * torch.finfo(torch.float32).min
        with torch.set_grad_enabled(grad):
            for layer in layers:
                hidden = layer(hidden, extended)
                hidden = hidden[0] if isinstance(hidden, tuple) else hidden
            vectors = torch.stack([hidden[slot[self.row_of[m.sentence]], self.pieces[m.mention_id]].mean(dim=0)
                                   for m in mentions])
        return torch.nn.functional.normalize(vectors, dim=1)


def base_logits(blocks) -> list:
    """Per block, the logit of a scorer fitted on ``blocks`` over every term but the trigger
    cosine: what the other pair features already say about each pair."""
    terms = [term for term in EMBEDDING_TERMS if "trigger_embedding" not in term]
    scorer = _as_scorer(_fit(blocks, terms), terms, 0.5, {})
    result = []
    for block, features, _, _ in blocks:
        if features is None:
            result.append(None)
            continue
        probability = np.clip(scorer.probability(features), 1e-6, 1 - 1e-6)
        result.append(np.log(probability / (1 - probability)))
    return result


def tune(cache: SentenceCache, blocks, epochs: int, seed: int = 0, rate: float = 5e-5, residual: bool = False):
    """A copy of the top layers tuned on the pairs of ``blocks`` (those of training topics).
    ``residual``: the loss adds the cosine's term to the logit of the other pair features
    (``base_logits``), so the encoder learns what they miss rather than what they already say."""
    import torch

    torch.manual_seed(seed)
    generator = np.random.default_rng(seed)
    layers = copy.deepcopy(cache.top)
    layers.train()
    scale = torch.nn.Parameter(torch.tensor(10.0 if not residual else 3.0))
    shift = torch.nn.Parameter(torch.tensor(-5.0 if not residual else -2.0))
    optimiser = torch.optim.AdamW([*layers.parameters(), scale, shift], lr=rate, weight_decay=0.01)
    offsets = base_logits(blocks) if residual else [np.zeros((len(b), len(b))) for b, _, _, _ in blocks]
    steps = [(b, s, o) for (b, f, s, _), o in zip(blocks, offsets, strict=True) if len(b) > 1]
    for _ in range(epochs):
        for index in generator.permutation(len(steps)):
            block, same, offset = steps[index]
            # a large block is cut into random pieces of at most MAX_BLOCK mentions, so each step stays small
            order = generator.permutation(len(block))
            for first in range(0, len(block), MAX_BLOCK):
                chosen = order[first:first + MAX_BLOCK]
                if len(chosen) < 2:
                    continue
                vectors = cache.trigger_vectors(layers, [block[i] for i in chosen], grad=True)
                upper = torch.triu_indices(len(chosen), len(chosen), 1)
                cosine = (vectors @ vectors.T)[upper[0], upper[1]]
                label = torch.tensor(same[np.ix_(chosen, chosen)][upper[0].numpy(), upper[1].numpy()], dtype=torch.float32)
                positives = max(float(label.sum()), 1.0)
                weight = torch.where(label > 0, len(label) / (2 * positives),
                                     len(label) / (2 * max(len(label) - positives, 1.0)))
                base = torch.tensor(offset[np.ix_(chosen, chosen)][upper[0].numpy(), upper[1].numpy()], dtype=torch.float32)
                loss = torch.nn.functional.binary_cross_entropy_with_logits(base + scale * cosine + shift, label,
                                                                            weight=None if residual else weight)
                optimiser.zero_grad()
                loss.backward()
                optimiser.step()
    layers.eval()
    return layers


def with_triggers(blocks, vectors: dict) -> list:
    """The blocks with their trigger cosine replaced by one of ``vectors`` (mention id -> unit vector)."""
    result = []
    for block, features, same, topic in blocks:
        if features is not None:
            matrix = np.stack([vectors[m.mention_id] for m in block]).astype(float)
            features = {**features, "trigger_embedding": matrix @ matrix.T}
        result.append((block, features, same, topic))
    return result


def as_dict(cache, layers, mentions) -> dict:
    import torch

    out = {}
    with torch.inference_mode():
        for first in range(0, len(mentions), 256):
            part = mentions[first:first + 256]
            for m, v in zip(part, cache.trigger_vectors(layers, part).numpy(), strict=True):
                out[m.mention_id] = v
    return out


def run(shared: Path, tuned: int, epochs: int, check: bool, rate: float, residual: bool = False) -> dict:
    import torch
    from sklearn.model_selection import GroupKFold

    torch.set_num_threads(1)
    config = FuseConfig(embeddings=True)
    started = time.process_time()
    everything = read_ecbplus(shared / ECBPLUS_DIR, ALL_TOPICS, arguments=False)
    tuning = everything.restricted(TUNING_TOPICS)
    cache = SentenceCache(everything.mentions, tuned)
    frozen = cache.frozen_vectors(everything.mentions)
    print(f"read and cached {len(everything.mentions)} mentions, {len(cache.states)} sentences: "
          f"{time.process_time() - started:.0f} s CPU", flush=True)
    blocks = _blocks(tuning, config, embeddings=False)
    # the frozen vectors' features (as coref_train --embeddings computes them)
    from dateline.fuse.coreference import DocumentSimilarity, lemma_rarity, pair_features

    similarity = DocumentSimilarity.of(tuning.documents)
    rarity = lemma_rarity(tuning.mentions)
    blocks = [(b, pair_features(b, similarity, rarity, frozen) if f is not None else None, s, t)
              for b, f, s, t in blocks]
    key = gold_clusters(tuning)
    result = {"tuned_layers": tuned, "epochs": epochs, "rate": rate, "residual": residual}
    result["frozen_cv"] = cross_validated_conll(blocks, key, EMBEDDING_TERMS)
    print("frozen", result["frozen_cv"], flush=True)
    groups = np.array([topic for _, _, _, topic in blocks])
    out_of_fold: dict = {}
    training_seconds = []
    for fold, (train, held_out) in enumerate(GroupKFold(n_splits=FOLDS).split(np.zeros(len(blocks)), groups=groups)):
        clock = time.process_time()
        layers = tune(cache, [blocks[i] for i in train], epochs, seed=fold, rate=rate, residual=residual)
        training_seconds.append(time.process_time() - clock)
        out_of_fold.update(as_dict(cache, layers, [m for i in held_out for m in blocks[i][0]]))
        print(f"fold {fold}: {training_seconds[-1]:.0f} s CPU", flush=True)
    tuned_blocks = with_triggers(blocks, out_of_fold)
    result["tuned_cv"] = cross_validated_conll(tuned_blocks, key, EMBEDDING_TERMS)
    result["training_cpu_seconds_per_fold"] = round(float(np.mean(training_seconds)), 1)
    print("tuned", result["tuned_cv"], flush=True)
    # how the tuned cosine separates one head said of two happenings (same-head pairs)
    for name, chosen in (("frozen", blocks), ("tuned", tuned_blocks)):
        same_head = [(f["trigger_embedding"][np.triu_indices(len(b), 1)], s[np.triu_indices(len(b), 1)],
                      np.array([m.lemma for m in b])[:, None] == np.array([m.lemma for m in b])[None, :])
                     for b, f, s, _ in chosen if f is not None]
        cosine = np.concatenate([c for c, _, _ in same_head])
        label = np.concatenate([s for _, s, _ in same_head])
        head = np.concatenate([h[np.triu_indices(len(h), 1)] for _, _, h in same_head])
        result[f"{name}_mean_cosine"] = {
            "same_head_coreferent": round(float(cosine[head & label].mean()), 3),
            "same_head_not": round(float(cosine[head & ~label].mean()), 3),
            "other_head_coreferent": round(float(cosine[~head & label].mean()), 3),
            "other_head_not": round(float(cosine[~head & ~label].mean()), 3)}
    if check:
        by_threshold = result["tuned_cv"]
        threshold = max(by_threshold, key=lambda t: (by_threshold[t], -abs(t - 0.5)))
        scorer = _as_scorer(_fit(tuned_blocks, EMBEDDING_TERMS), EMBEDDING_TERMS, threshold, {})
        clock = time.process_time()
        layers = tune(cache, blocks, epochs, seed=FOLDS, rate=rate, residual=residual)
        result["training_cpu_seconds_all_tuning"] = round(time.process_time() - clock, 1)
        part = everything.restricted(CHECK_TOPICS)
        clock = time.process_time()
        tuned_triggers = as_dict(cache, layers, part.mentions)
        result["tuned_layers_cpu_ms_per_mention"] = round(1000 * (time.process_time() - clock) / len(part.mentions), 2)
        vectors = {mid: (tuned_triggers[mid], frozen[mid][1]) for mid in tuned_triggers}
        result["check_conll_f1"] = score_clusters(gold_clusters(part), cluster_event_mentions(
            part.mentions, part.documents, config, vectors=vectors, scorer=scorer))["conll_f1"]
        result["check_conll_f1_frozen"] = score_clusters(gold_clusters(part), cluster_event_mentions(
            part.mentions, part.documents, config, vectors={m: frozen[m] for m in tuned_triggers}))["conll_f1"]
        result["check_threshold"] = threshold
        result["weights_bytes_float16"] = sum(p.numel() for p in layers.parameters()) * 2
    result["cpu_seconds"] = round(time.process_time() - started, 1)
    return result


def main(argv: Sequence[str] | None = None) -> None:
    import json

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", required=True, help="the shared folder (with eval/fusion/ecbplus)")
    parser.add_argument("--tuned", type=int, default=1, help="how many top layers of the encoder to tune")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--rate", type=float, default=5e-5, help="AdamW learning rate")
    parser.add_argument("--residual", action="store_true",
                        help="tune the cosine as a term added to the other pair features' fitted logit")
    parser.add_argument("--check", action="store_true", help="also score the check topics (once, at the end)")
    args = parser.parse_args(argv)
    print(json.dumps(run(Path(args.shared), args.tuned, args.epochs, args.check, args.rate, args.residual), indent=1))


if __name__ == "__main__":
    main()
