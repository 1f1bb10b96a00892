"""Fusion's TF-IDF (dateline.fuse.tfidf) is scikit-learn's TfidfVectorizer to the bit: the same
rows, laid out the same way, so the cosines that decide clusters are identical."""

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from dateline.fuse.coreference import HEAD_WORDS, SENTENCE_WORDS
from dateline.fuse.tfidf import analyzer, sublinear_tfidf

REPORTS = [
    "Flood waters swept away two bridges near Dunmore on Sunday, and 40 families left their homes.",
    "Two bridges near Dunmore were swept away by the flood; forty families fled, the mayor's office said.",
    "Police in Harlow arrested a man after a knife attack outside a bakery.",
    "A man was arrested in Harlow after he attacked two customers with a knife, police said.",
    "The the the of and",  # stop words only
    "",
    "Rebels shelled the market again; the market's stalls burned, and burned again at dawn.",
    "al-Nur brigade fighters didn't withdraw from the hill-top village, a spokesman said.",
]
HEADS = ["flood sweep flee", "arrest attack", "attack arrest arrest", "shell burn burn", "withdraw say", "Flood"]


def _reference(texts, settings):
    try:
        return TfidfVectorizer(sublinear_tf=True, **settings).fit_transform(texts)
    except ValueError:  # scikit-learn: empty vocabulary
        return None


@pytest.mark.parametrize("settings", [SENTENCE_WORDS, HEAD_WORDS], ids=["sentences", "heads"])
@pytest.mark.parametrize("texts", [REPORTS, REPORTS[:2], REPORTS[2:4] + REPORTS[:1], REPORTS[6:], HEADS, HEADS[:1]])
def test_rows_and_cosines_are_scikit_learns_to_the_bit(texts, settings):
    reference = _reference(texts, settings)
    ours = sublinear_tfidf(texts, analyzer(**settings))
    assert reference is not None and ours is not None
    assert ours.shape == reference.shape
    assert np.array_equal(ours.indptr, reference.indptr) and np.array_equal(ours.indices, reference.indices)
    assert np.array_equal(ours.data, reference.data)
    assert np.array_equal((ours @ ours.T).toarray(), (reference @ reference.T).toarray())


def test_texts_without_a_word_give_none_where_scikit_learn_finds_no_vocabulary():
    texts = ["the of and", "", "it was"]
    assert _reference(texts, SENTENCE_WORDS) is None
    assert sublinear_tfidf(texts, analyzer(**SENTENCE_WORDS)) is None


def test_reports_of_one_flood_are_nearer_each_other_than_an_arrest():
    rows = sublinear_tfidf(REPORTS[:4], analyzer(**SENTENCE_WORDS))
    cosine = (rows @ rows.T).toarray()
    assert np.allclose(np.diag(cosine), 1.0)
    assert cosine[0, 1] > cosine[0, 2] and cosine[2, 3] > cosine[1, 3]
