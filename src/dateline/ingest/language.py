"""A cheap guess at an article's language from its function words (languages.yaml), for
articles whose metadata does not say. Unknown stays unknown (None)."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import yaml

WORDS_PATH = Path(__file__).with_name("languages.yaml")
SAMPLE_WORDS = 300
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _table() -> tuple[float, dict[str, frozenset[str]]]:
    data = yaml.safe_load(WORDS_PATH.read_text(encoding="utf-8"))
    return float(data["min_share"]), {lang: frozenset(words) for lang, words in data["words"].items()}


def guess_language(text: str) -> str | None:
    words = [w.lower() for w in _WORD.findall(text[:5000])][:SAMPLE_WORDS]
    if len(words) < 3:
        return None
    min_share, table = _table()
    counts = Counter(words)
    shares = {lang: sum(counts[w] for w in vocab if w in counts) / len(words) for lang, vocab in table.items()}
    best = max(shares, key=shares.get)
    return best if shares[best] >= min_share else None
