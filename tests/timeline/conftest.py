"""The hand-made fusion reports (tests/fuse/conftest.py) for the timeline tests."""

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location("fuse_conftest", Path(__file__).parents[1] / "fuse" / "conftest.py")
_module = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_module)
handmade = _module.handmade
