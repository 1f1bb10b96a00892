"""A lean closed-loop HTTP load generator, run in a process of its own: each client is one
keep-alive connection that sends a request, reads the whole answer, and only then sends its
next one (20 clients: at most 20 requests in flight). The requests are drawn beforehand by
the caller (as ``wrk`` or ``vegeta`` read theirs from a script or a targets file), so what this
process spends per request is the HTTP exchange alone: a hand-written GET over asyncio streams,
a status line, headers and a body read to its length (or its chunks). No HTTP library: httpx
in 20 threads of the bench's own process cost more CPU per request than some of the answers it
timed, on the same two cores as the server.

    from dateline.bench.load import run_load
    figures = run_load("127.0.0.1", 8000, [[("q", "/api/events?limit=5")] * 10] * 20)
    figures["samples"]["q"]    # milliseconds of each answer, in the order they came
    figures["cpu_s"]           # this process's CPU seconds while the clients ran

The process reads its plan as JSON on stdin and writes its figures as JSON on stdout
(``python src/dateline/bench/load.py``; it imports nothing of dateline, so it starts at once).
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time

CONNECT_TIMEOUT = 10.0  # seconds


class BadResponse(Exception):
    """An answer that is not HTTP/1.1 as a server writes it (counted as an error)."""


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head[:-4].split(b"\r\n")
    parts = lines[0].split(b" ", 2)
    if len(parts) < 2 or not parts[0].startswith(b"HTTP/") or not parts[1].isdigit():
        raise BadResponse(lines[0][:80])
    length, chunked = None, False
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        if name == b"content-length":
            length = int(value)
        elif name == b"transfer-encoding" and b"chunked" in value.lower():
            chunked = True
    if chunked:
        body = bytearray()
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            if size == 0:
                await reader.readuntil(b"\r\n")  # the last chunk's blank line (no trailers are sent)
                return int(parts[1]), bytes(body)
            body += await reader.readexactly(size + 2)
            del body[-2:]
    if length is None:
        raise BadResponse("no Content-Length and not chunked: the answer's end cannot be found on a kept connection")
    return int(parts[1]), await reader.readexactly(length)


async def _client(host: str, port: int, plan: list[tuple[str, str]], timeout: float, out: list) -> None:
    """Send each (name, target) of ``plan`` in turn on one kept connection; append (name,
    milliseconds, failed) to ``out``. A timeout or a broken answer is an error at the time it
    took, and the next request opens a new connection."""
    connection = None
    request_head = f"Host: {host}:{port}\r\nAccept: application/json\r\n\r\n"
    for name, target in plan:
        began = time.perf_counter()
        try:
            if connection is None:
                connection = await asyncio.wait_for(asyncio.open_connection(host, port), CONNECT_TIMEOUT)
            reader, writer = connection
            writer.write(f"GET {target} HTTP/1.1\r\n{request_head}".encode())
            status, body = await asyncio.wait_for(_read_response(reader), timeout)
            failed = status != 200 or not body
        except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, asyncio.LimitOverrunError,
                BadResponse, ValueError):
            failed = True
            if connection is not None:
                connection[1].close()
            connection = None
        out.append((name, (time.perf_counter() - began) * 1000, failed))
    if connection is not None:
        connection[1].close()


async def _run(host: str, port: int, plans: list[list[tuple[str, str]]], timeout: float) -> dict:
    out: list = []
    cpu, wall = time.process_time(), time.perf_counter()
    await asyncio.gather(*(_client(host, port, plan, timeout, out) for plan in plans))
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    samples: dict[str, list[float]] = {}
    errors: dict[str, int] = {}
    for name, ms, failed in out:
        samples.setdefault(name, []).append(round(ms, 2))
        errors[name] = errors.get(name, 0) + failed
    return {"samples": samples, "errors": errors, "requests": len(out), "cpu_s": cpu, "wall_s": wall}


def run_load(host: str, port: int, plans: list[list[tuple[str, str]]], *, timeout: float = 60.0) -> dict:
    """Run one client per plan (a list of (question name, request target)) at once, closed loop,
    in a new process; its figures: ``samples`` (ms per question), ``errors`` per question,
    ``requests``, ``cpu_s`` (the load process's CPU while the clients ran, its start-up aside)
    and ``wall_s``."""
    plan = json.dumps({"host": host, "port": port, "plans": plans, "timeout": timeout})
    # the file itself, not ``-m dateline.bench.load``: the load process imports no part of dateline
    done = subprocess.run([sys.executable, __file__], input=plan, capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        raise RuntimeError(f"the load process failed: {done.stderr.strip().splitlines()[-1:]}")
    return json.loads(done.stdout)


def main() -> None:
    plan = json.load(sys.stdin)
    plans = [[(name, target) for name, target in client] for client in plan["plans"]]
    import uvloop  # the event loop uvicorn runs on: less CPU per request than asyncio's own

    figures = uvloop.run(_run(plan["host"], int(plan["port"]), plans, float(plan["timeout"])))
    json.dump(figures, sys.stdout)


if __name__ == "__main__":
    main()
