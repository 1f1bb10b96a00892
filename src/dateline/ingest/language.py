"""The language of an article, detected at ingest.

py3langid (a Naive Bayes model over byte n-grams of 97 languages, shipped inside the package,
nothing fetched) reads the first SAMPLE_CHARS characters. Its answer is taken when it is sure
(probability at least MIN_PROBABILITY), or when most letters are of a non-Latin script: then
the text is certainly not in a Latin-script language, even where the model hesitates between
neighbours (Russian or Bulgarian in a short Cyrillic text). An unsure answer on Latin letters
falls back to the function words of languages.yaml; unknown stays unknown (None).

The language a source declares (feed, page or JSON field) is kept unless the text is detected,
surely, as another one: a feed that says "en" for every entry does not make Arabic English.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

WORDS_PATH = Path(__file__).with_name("languages.yaml")
SAMPLE_WORDS = 300
SAMPLE_CHARS = 5000
MIN_PROBABILITY = 0.9  # py3langid's normalised probability from which its answer is taken
MIN_NON_LATIN_SHARE = 0.5  # of the letters, from which the script alone rules out Latin languages
MIN_LETTERS = 3
# The languages the extraction pipeline reads (its models and word tables are English); the
# ingest counts the articles in any other language so that nobody takes 0 events for "nothing
# happened".
EXTRACTED_LANGUAGES = frozenset({"en"})
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Language:
    code: str | None  # ISO 639 code ("en", "ar", "zh"), None when unknown
    source: str  # "detected", "metadata", "words" (function words) or "none"


@lru_cache(maxsize=1)
def _table() -> tuple[float, dict[str, frozenset[str]]]:
    data = yaml.safe_load(WORDS_PATH.read_text(encoding="utf-8"))
    return float(data["min_share"]), {lang: frozenset(words) for lang, words in data["words"].items()}


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def guess_language(text: str) -> str | None:
    """The language of the function words that make up the largest share of the first words."""
    words = [w.lower() for w in _WORD.findall(text[:SAMPLE_CHARS])][:SAMPLE_WORDS]
    if len(words) < 3:
        return None
    min_share, table = _table()
    counts = Counter(words)
    shares = {lang: sum(counts[w] for w in vocab if w in counts) / len(words) for lang, vocab in table.items()}
    best = max(shares, key=shares.get)
    return best if shares[best] >= min_share else None


def non_latin_share(text: str) -> tuple[float, int]:
    """(share of the letters that are not Latin, number of letters)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0, 0
    latin = sum(1 for c in letters if c.isascii() or unicodedata.name(c, "").startswith("LATIN"))
    return 1 - latin / len(letters), len(letters)


def _declared_code(declared: str | None) -> str | None:
    if not isinstance(declared, str):
        return None
    code = re.split(r"[-_]", declared.strip().lower(), maxsplit=1)[0]
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


def detect_language(text: str, declared: str | None = None) -> Language:
    sample = text[:SAMPLE_CHARS]
    declared_code = _declared_code(declared)
    share, letters = non_latin_share(sample)
    if letters < MIN_LETTERS:
        return Language(declared_code, "metadata") if declared_code else Language(None, "none")
    code, probability = _identifier().classify(sample)
    sure = probability >= MIN_PROBABILITY or share >= MIN_NON_LATIN_SHARE
    if sure and code not in ("und", "zxx"):
        return Language(code, "detected")
    if declared_code:
        return Language(declared_code, "metadata")
    words = guess_language(sample)
    return Language(words, "words") if words else Language(None, "none")
