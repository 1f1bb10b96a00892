"""The entities stage finds the tokens that carry one of a list of words by their hashes."""

import numpy as np
import spacy

from dateline.entities.mentions import _hashes, _positions


def test_the_tokens_of_the_listed_words_are_found_wherever_they_are():
    doc = spacy.blank("en")("The ministry said the Ministry of Health and a ministry spokesman met Kenyan envoys .")
    lowers = doc.to_array("LOWER")
    found = _positions(lowers, _hashes(["ministry", "kenyan", "health minister"]))  # a phrase is never a token
    assert [doc[i].text for i in found] == ["ministry", "Ministry", "ministry", "Kenyan"]
    assert found == np.flatnonzero(np.isin(lowers, _hashes(["ministry", "kenyan"]))).tolist()


def test_no_words_or_no_tokens_find_nothing():
    doc = spacy.blank("en")("Nothing here .")
    assert _positions(doc.to_array("LOWER"), _hashes(["ministry"])) == []
    assert _positions(doc.to_array("LOWER"), _hashes([])) == []
    assert _positions(np.zeros(0, dtype=np.uint64), _hashes(["ministry"])) == []
