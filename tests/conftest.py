"""Shared test fixtures: where the seeds and evaluation corpora are."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DATELINE_SHARED", REPO.parent / "shared"))
SEEDS = SHARED / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# CI sets this when the shared folder is there, so that no test of the seeds can skip quietly.
REQUIRE_SHARED = os.environ.get("DATELINE_REQUIRE_SHARED") == "1"


def _missing(what: str, path: Path):
    message = f"{what} not found at {path} (set DATELINE_SHARED)"
    if REQUIRE_SHARED:
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        _missing("seed articles", SEEDS)
    return SEEDS


@pytest.fixture(scope="session")
def seed_gold(seeds_dir: Path) -> dict:
    return json.loads((seeds_dir / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        _missing("shared folder", SHARED)
    return SHARED


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES
