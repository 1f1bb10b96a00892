"""Runs of words that a file of the code shares with the seed articles.

The seed gold is only an out-of-sample check if no rule table, example sentence, cue list or
training sentence was written from the seed articles' own sentences. This finds every run of
``n`` or more consecutive words (lower case, punctuation and apostrophes as word breaks) that a
source file shares with a seed article, merged into maximal runs so that a 12-word copy shows
once, not as eight overlapping 5-word hits.

    python -m dateline.eval.seed_overlap --seeds ../shared/seeds --words 5 src

The hand annotations of the seeds (``seed_event_words.yaml``, ``seed_event_judgements.yaml``)
quote the seeds by design; they are reported like any file, and the test of this module holds
them to a looser length (short quoted phrases) than the rule tables.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

SOURCE_SUFFIXES = {".py", ".yaml", ".yml", ".tsv", ".txt", ".json", ".csv"}


def words_of(text: str) -> list[str]:
    # Curly apostrophes are word breaks as straight ones are, so "capital’s" in a seed and
    # "capital's" in a table are the same two words.
    return re.findall(r"[a-z0-9]+", text.lower())


@dataclass(frozen=True)
class SharedRun:
    path: Path
    words: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.words)


def seed_grams(seed_texts: list[str], n: int) -> set[tuple[str, ...]]:
    grams: set[tuple[str, ...]] = set()
    for text in seed_texts:
        w = words_of(text)
        grams |= {tuple(w[i : i + n]) for i in range(len(w) - n + 1)}
    return grams


def shared_runs_in(text: str, grams: set[tuple[str, ...]], n: int) -> list[tuple[str, ...]]:
    """Maximal runs of at least ``n`` words of ``text`` whose every ``n``-word window is a seed gram."""
    w = words_of(text)
    hits = [i for i in range(len(w) - n + 1) if tuple(w[i : i + n]) in grams]
    runs: list[tuple[str, ...]] = []
    start = end = None
    for i in hits:
        if end is not None and i <= end - n + 1:
            end = i + n
            continue
        if start is not None:
            runs.append(tuple(w[start:end]))
        start, end = i, i + n
    if start is not None:
        runs.append(tuple(w[start:end]))
    return runs


def source_files(roots: list[Path]) -> list[Path]:
    files = []
    for root in roots:
        candidates = [root] if root.is_file() else sorted(root.rglob("*"))
        files += [f for f in candidates if f.is_file() and f.suffix in SOURCE_SUFFIXES and "__pycache__" not in f.parts]
    return files


def find_shared_runs(seeds_dir: Path, roots: list[Path], n: int = 5) -> list[SharedRun]:
    seed_texts = [p.read_text(encoding="utf-8", errors="ignore") for p in sorted(Path(seeds_dir).glob("*.txt"))]
    grams = seed_grams(seed_texts, n)
    found = []
    for path in source_files(roots):
        text = path.read_text(encoding="utf-8", errors="ignore")
        found += [SharedRun(path, run) for run in shared_runs_in(text, grams, n)]
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("roots", nargs="+", type=Path)
    parser.add_argument("--seeds", type=Path, required=True, help="folder of the seed articles (*.txt)")
    parser.add_argument("--words", type=int, default=5, help="shortest run reported (default 5)")
    args = parser.parse_args(argv)
    runs = find_shared_runs(args.seeds, args.roots, args.words)
    for run in sorted(runs, key=lambda r: (str(r.path), -len(r.words))):
        print(f"{run.path}\t{len(run.words)}\t{run.text}")
    return 1 if runs else 0


if __name__ == "__main__":
    sys.exit(main())
