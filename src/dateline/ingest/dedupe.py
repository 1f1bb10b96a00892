"""Exact and near duplicates.

Exact: two articles are the same when their *normalised* texts are equal (Unicode NFKC,
typographic quotes and dashes folded, case folded, runs of whitespace collapsed). The article
id is the sha256 of that normalised text, so the same story stored twice is one row.

Near: a wire story republished with a new headline, one paragraph cut or a typo fixed. Each
article gets a MinHash signature (datasketch, 128 permutations) over its word 3-shingles; the
first 64 values are cut into 16 bands of 4 (locality-sensitive hashing) and two articles become
candidates when any band is equal, which costs one indexed look-up per band and never a
comparison with every stored article. Candidates are confirmed when their Jaccard similarity,
estimated on all 128 values (standard error about 0.04), reaches the threshold (default 0.7:
one sentence cut, added or reworded in a six-sentence story stays above it). 16 bands of 4 make
a pair at similarity 0.7 a candidate with probability 0.99, at 0.5 with 0.65, at 0.3 with 0.12.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import MinHash

NUM_PERM = 128
BANDS = 16
ROWS = 4  # the bands cover the first BANDS * ROWS values; similarity is estimated on all NUM_PERM
SHINGLE_WORDS = 3
DEFAULT_NEAR_THRESHOLD = 0.7
_SEED = 7  # fixed: signatures stored in a database must stay comparable across runs

_FOLD = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00a0": " ", "\u200b": "", "\ufeff": "",
}
# one regex pass over the few characters to fold is much faster than str.translate on long texts
_FOLD_PATTERN = re.compile("[" + "".join(_FOLD) + "]")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1024)  # the id and the signature of one article normalise the same text
def normalise_for_hash(text: str) -> str:
    """The form of a text two copies of one story share, whatever their typography."""
    text = _FOLD_PATTERN.sub(lambda m: _FOLD[m.group()], unicodedata.normalize("NFKC", text)).casefold()
    return _SPACES.sub(" ", text).strip()


def content_id(text: str) -> str:
    """Article id: hex sha256 of the normalised text."""
    return hashlib.sha256(normalise_for_hash(text).encode("utf-8")).hexdigest()


# A MinHash template made once: its permutations are reused by every signature. Shingles are
# hashed with CRC-32 (stable across processes, and 3x faster than datasketch's SHA-1 default);
# the random affine permutations on top make the MinHash values independent.
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=_SEED, hashfunc=zlib.crc32)


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(normalise_for_hash(text))
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8") for i in range(len(words) - SHINGLE_WORDS + 1)}


def signature(text: str) -> np.ndarray:
    """The MinHash signature of a text: NUM_PERM unsigned 32-bit values."""
    minhash = MinHash(num_perm=NUM_PERM, seed=_SEED, hashfunc=zlib.crc32, permutations=_TEMPLATE.permutations,
                      scheme=_TEMPLATE.scheme)
    grams = shingles(text)
    if grams:
        minhash.update_batch(list(grams))
    return minhash.hashvalues.astype(np.uint32)


def signature_bytes(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def signature_from_bytes(raw: bytes) -> np.ndarray:
    return np.frombuffer(raw, dtype="<u4").astype(np.uint32)


def band_keys(sig: np.ndarray) -> list[int]:
    """One signed 64-bit key per band (stable across processes, fits a BIGINT column)."""
    keys = []
    for band in range(BANDS):
        chunk = sig[band * ROWS : (band + 1) * ROWS].astype("<u4").tobytes()
        digest = hashlib.blake2b(bytes([band]) + chunk, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


@dataclass(frozen=True)
class NearDuplicate:
    article_id: str
    duplicate_of: str
    similarity: float


@dataclass
class Candidate:
    article_id: str
    text: str
    sig: np.ndarray | None = None


def find_near_duplicates(
    batch: list[Candidate],
    lookup_stored: Callable[[list[int]], dict[int, list[str]]],
    stored_signatures: Callable[[Iterable[str]], dict[str, np.ndarray]],
    threshold: float = DEFAULT_NEAR_THRESHOLD,
) -> tuple[list[NearDuplicate], dict[str, list[int]]]:
    """Decide which articles of a batch (in order) nearly repeat a stored one or an earlier one
    of the same batch.

    ``lookup_stored(keys)`` gives, for band keys, the ids of stored originals with that key;
    ``stored_signatures(ids)`` their signatures. Returns the near duplicates and, for every
    article that is an original, its band keys (to be stored with it).
    """
    for item in batch:
        if item.sig is None:
            item.sig = signature(item.text)
    keys_of = {item.article_id: band_keys(item.sig) for item in batch}
    stored_hits = lookup_stored(sorted({k for keys in keys_of.values() for k in keys}))
    wanted = {aid for ids in stored_hits.values() for aid in ids}
    signatures = dict(stored_signatures(wanted)) if wanted else {}

    local: dict[int, list[str]] = {}
    found: list[NearDuplicate] = []
    originals: dict[str, list[int]] = {}
    for item in batch:
        keys = keys_of[item.article_id]
        candidates = dict.fromkeys(aid for k in keys for aid in (*stored_hits.get(k, ()), *local.get(k, ())))
        best: tuple[float, str] | None = None
        for other in candidates:
            if other == item.article_id or other not in signatures:
                continue
            score = similarity(item.sig, signatures[other])
            if score >= threshold and (best is None or score > best[0]):
                best = (score, other)
        if best is not None:
            found.append(NearDuplicate(item.article_id, best[1], best[0]))
            continue
        originals[item.article_id] = keys
        signatures[item.article_id] = item.sig
        for k in keys:
            local.setdefault(k, []).append(item.article_id)
    return found, originals
