"""recognize._standalone finds a name where the pattern it replaced did: as written, not inside a
longer word (a letter, a digit, "_", a hyphen either side, an apostrophe before)."""

import re

from dateline.geo.recognize import _standalone

SENTENCES = [
    "Hikers left Orvale at dawn; by noon the Orvale-bound bus was full and Orvale's mayor waved.",
    "North Orvale, Orvale2 and Orvales lie near O'Orvale, while _Orvale is no town at all.",
    "Orvale Orvale Orvale.",
    "Snow fell on Ben Torr and on the Ben Torrs near Ben Torr-West, then on Ben Torr again.",
    "The ferry to Lund’Ness and to Ness left late; Ness-bound crews waited in Ness.",
]


def _by_pattern(name: str, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"(?<![\w’'-])" + re.escape(name) + r"(?![\w-])", text)]


def test_same_spans_as_the_pattern():
    for text in SENTENCES:
        for name in ("Orvale", "Ben Torr", "Ness", "Torr", "O", "-", "'"):
            assert list(_standalone(name, text)) == _by_pattern(name, text), (name, text)


def test_a_name_inside_a_longer_word_is_not_found():
    text = "Orvales and Orvale-bound buses passed through Orvale."
    assert list(_standalone("Orvale", text)) == [(text.rindex("Orvale"), text.rindex("Orvale") + 6)]


def test_an_empty_name_is_nowhere():
    assert list(_standalone("", "Orvale")) == []
