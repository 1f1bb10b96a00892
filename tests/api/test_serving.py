"""`dateline serve --workers 2`: a real server of two worker processes over the hand-made store
(tests/fixtures/api/articles.jsonl: Taliban fighters attack a police checkpoint in Kandahar;
floods in Mombasa; talks in Doha), on SQLite and PostgreSQL, answering from both processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import psutil
import pytest

from dateline.web.browser import free_port


def _workers(server: psutil.Process) -> list[psutil.Process]:
    """The server's worker processes (uvicorn starts each with multiprocessing's spawn)."""
    found = []
    for child in server.children(recursive=True):
        try:
            if "spawn_main" in " ".join(child.cmdline()):
                found.append(child)
        except psutil.Error:
            continue
    return found


@pytest.mark.slow  # two processes that each import the library: 10 s on a calm machine, 30 s at load 9
def test_two_worker_processes_answer_from_the_store(hand_made_store_url):
    port = free_port()
    env = {**os.environ, "DATELINE_TOKEN": ""}
    server = subprocess.Popen([sys.executable, "-m", "dateline.cli", "serve", "--db", hand_made_store_url,
                               "--port", str(port), "--workers", "2"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, server.stderr.read()
            try:
                if httpx.get(base + "/api/events", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "the server did not answer within 60 s"
            time.sleep(0.2)
        workers = _workers(psutil.Process(server.pid))
        assert len(workers) == 2
        with ThreadPoolExecutor(8) as pool:  # requests at once, so both processes take some
            pages = list(pool.map(lambda _: httpx.get(base + "/api/events", params={"country": "AF"}, timeout=30),
                                  range(16)))
        assert all(page.status_code == 200 for page in pages)
        bodies = [page.json() for page in pages]
        assert all(body == bodies[0] for body in bodies)
        assert {p["name"] for e in bodies[0]["items"] for p in e["places"]} == {"Kandahar"}
        assert any(e["source_actor"] and e["source_actor"]["text"] == "Taliban fighters" for e in bodies[0]["items"])
        assert httpx.get(base + "/", timeout=30).status_code == 200  # the web UI too
        assert httpx.post(base + "/api/entities", json={"name": "X"}, timeout=30).status_code == 403  # read-only
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        finally:
            if server.poll() is None:
                server.kill()
    assert not any(worker.is_running() and worker.status() != psutil.STATUS_ZOMBIE for worker in workers)


def test_a_store_that_cannot_be_opened_is_one_line_before_any_worker_starts(tmp_path):
    missing = tmp_path / "nothing-here.db"
    run = subprocess.run([sys.executable, "-m", "dateline.cli", "serve", "--db", str(missing), "--port",
                          str(free_port()), "--workers", "2"], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "DATELINE_TOKEN": ""})
    assert run.returncode == 2
    assert f"no store at {missing}" in run.stderr
    assert "Traceback" not in run.stderr


def test_a_process_answers_at_most_its_request_threads_at_once(hand_made_store_url):
    # the limit is the thread limiter of the server's event loop, set when the app starts
    from anyio import to_thread
    from fastapi.testclient import TestClient

    from dateline.api import create_app

    with TestClient(create_app(hand_made_store_url, request_threads=3)) as client:
        limit = client.portal.call(lambda: to_thread.current_default_thread_limiter().total_tokens)
    assert limit == 3  # anyio's own default is 40


def test_the_cli_default_of_request_threads_is_the_library_default():
    # the CLI writes the number out to start without the web framework; the two must not drift apart
    import inspect

    from dateline.api import DEFAULT_REQUEST_THREADS
    from dateline.cli import serve_command

    option = inspect.signature(serve_command).parameters["threads"].default
    assert option.default == DEFAULT_REQUEST_THREADS
