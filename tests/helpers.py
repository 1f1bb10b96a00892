"""Helpers more than one test module needs (tests are not a package: import as
``from tests.helpers import ...``, which the rootdir on sys.path allows)."""

from __future__ import annotations

import psutil


def pool_worker_processes() -> list[psutil.Process]:
    """This process's worker processes: children started by multiprocessing's spawn, not its
    resource tracker."""
    found = []
    for child in psutil.Process().children(recursive=True):
        try:
            command = " ".join(child.cmdline())
        except psutil.NoSuchProcess:
            continue
        if "spawn_main" in command and "resource_tracker" not in command:
            found.append(child)
    return found
