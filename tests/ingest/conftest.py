"""How many inputs the fuzzing tests (test_fuzz.py) fed each reader: counted here, printed at
the end of the run (`make fuzz` records them in docs/reliability.md)."""

from __future__ import annotations

from collections import Counter

import pytest

FUZZ_COUNTS = pytest.StashKey[Counter]()


def pytest_configure(config):
    config.stash[FUZZ_COUNTS] = Counter()


@pytest.fixture(scope="session")
def fuzz_counts(request) -> Counter:
    return request.config.stash[FUZZ_COUNTS]


def pytest_terminal_summary(terminalreporter, config):
    counts = config.stash.get(FUZZ_COUNTS, None)
    if counts:
        terminalreporter.write_sep("-", "fuzzed inputs")
        for name, count in sorted(counts.items()):
            terminalreporter.write_line(f"{name}: {count:,}")
