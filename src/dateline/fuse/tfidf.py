"""TF-IDF rows of a few short texts, as scikit-learn's ``TfidfVectorizer.fit_transform`` makes
them, to the bit, without its per-call checks.

Fusion builds a fresh TF-IDF model for every block of mentions (their sentences, their contexts,
their heads' sentences, their documents' heads): hundreds of fits over a handful of texts each.
On texts that small, scikit-learn's input validation (parameter checks, the stop-word check,
dataframe detection on every array) cost ten times the counting itself and made TF-IDF the
largest cost of fusion (200 LGL articles: 12 of 20 CPU seconds of ``Store.fuse``).

Only the bookkeeping is written here; the parts that decide the figures are scikit-learn's own:
its analyzer (tokens, lower-casing, stop words) and its in-place L2 row normalisation. The
matrix is laid out as scikit-learn lays it out (columns in the order of the sorted vocabulary,
each row's entries in the order the words were first met in the corpus), so that the row norms
and the cosine products add their terms in the same order and come out identical, not merely
close: a pair on a clustering threshold goes the same way either way.
(``tests/fuse/test_tfidf.py`` compares both on real and made-up texts.)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

import numpy as np


@lru_cache(maxsize=None)
def analyzer(*, stop_words: str | None, token_pattern: str, lowercase: bool) -> Callable[[str], list[str]]:
    """scikit-learn's analyzer for these settings, built (and its stop words checked) once."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(stop_words=stop_words, token_pattern=token_pattern, lowercase=lowercase).build_analyzer()


def sublinear_tfidf(texts: Sequence[str], analyze: Callable[[str], list[str]]):
    """``TfidfVectorizer(sublinear_tf=True, <the analyzer's settings>).fit_transform(texts)``:
    a CSR matrix of L2-normalised rows, or None when no text has a word (scikit-learn raises
    "empty vocabulary" there)."""
    from scipy.sparse import csr_matrix
    from sklearn.utils.sparsefuncs_fast import inplace_csr_row_normalize_l2

    vocabulary: dict[str, int] = {}  # word -> the order it was first met in
    columns: list[int] = []
    counts: list[int] = []
    row_ends = [0]
    for text in texts:
        counter: dict[int, int] = {}
        for word in analyze(text):
            column = vocabulary.setdefault(word, len(vocabulary))
            counter[column] = counter.get(column, 0) + 1
        for column in sorted(counter):  # scikit-learn sorts each row by first-met order ...
            columns.append(column)
            counts.append(counter[column])
        row_ends.append(len(columns))
    if not vocabulary:
        return None
    rank = np.empty(len(vocabulary), dtype=np.int32)  # ... then renumbers the columns alphabetically
    for new, (_, old) in enumerate(sorted(vocabulary.items())):
        rank[old] = new
    indices = rank.take(np.asarray(columns, dtype=np.int32))
    data = np.asarray(counts, dtype=np.float64)
    # smoothed idf: ln((n + 1) / (df + 1)) + 1, in scikit-learn's order of operations
    document_frequency = np.bincount(indices, minlength=len(vocabulary)).astype(np.float64)
    document_frequency += 1.0
    idf = np.full_like(document_frequency, fill_value=len(texts) + 1, dtype=np.float64)
    idf /= document_frequency
    np.log(idf, out=idf)
    idf += 1.0
    np.log(data, data)  # sublinear tf: 1 + ln(count)
    data += 1.0
    data *= idf[indices]
    matrix = csr_matrix((data, indices, np.asarray(row_ends, dtype=np.int32)), shape=(len(texts), len(vocabulary)))
    inplace_csr_row_normalize_l2(matrix)
    return matrix
