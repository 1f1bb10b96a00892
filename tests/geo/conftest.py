"""The embedded gazetteer is built once per machine (about 25 s) and then loads from the
user cache in about 3 s; the tests share one."""

from __future__ import annotations

import pytest

from dateline.geo import default_gazetteer
from dateline.geo.gazetteer import Gazetteer


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return default_gazetteer()
