"""How people's names are compared: transliterations match, different given names do not."""

from __future__ import annotations

import pytest

from dateline.entities.lexicon import default_lexicon
from dateline.entities.names import person_name, same_person_name


def same(a: str, b: str) -> bool:
    lexicon = default_lexicon()
    return same_person_name(person_name(a, lexicon), person_name(b, lexicon))


@pytest.mark.parametrize("a, b", [
    ("Al Qahtani", "Mutlaq bin Majed Al Qahtani"),
    ("Kahtani", "Mutlaq bin Majed Al Qahtani"),
    ("Mutlaq al-Kahtani", "Mutlaq bin Majed Al Qahtani"),
    ("Muhammad Hanif Atmar", "Mohammad Haneef Atmar"),
    ("Amrullah Salih", "Amrullah Saleh"),
    ("Mr. Atmar", "Mohammad Haneef Atmar"),
    ("Gulbuddin Hikmatyar", "Gulbuddin Hekmatyar"),
])
def test_ways_of_writing_one_name(a, b):
    assert same(a, b)


@pytest.mark.parametrize("a, b", [
    ("Hamid Karzai", "Ahmed Wali Karzai"),
    ("Imran Khan", "Harry Kane"),
    ("Khan", "Kane"),
    ("Ashraf Ghani", "Abdullah Abdullah"),
])
def test_different_people(a, b):
    assert not same(a, b)
