"""The bench's load generator (``dateline.bench.load``) against a real HTTP/1.1 server of the
standard library: every answer is read to its end on a kept connection (by length and by
chunks), and an answer that is not 200 counts as an error of its question."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from dateline.bench.load import run_load


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: every client sends all its requests on one connection
    connections: set = set()

    def do_GET(self):  # noqa: N802 (the standard library's name)
        _Handler.connections.add(self.client_address)
        if self.path.startswith("/chunked"):
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for piece in (b'{"items": ', b"[1, 2, 3]", b"}"):
                self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            self.wfile.write(b"0\r\n\r\n")
            return
        status = 404 if self.path.startswith("/missing") else 200
        body = b'{"error": "no such thing"}' if status == 404 else b'{"total": 7}'
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture()
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_address[1]
    httpd.shutdown()
    httpd.server_close()


def test_each_question_counts_its_answers_and_its_errors(server):
    plan = [("sized", "/sized?a=1"), ("chunked", "/chunked"), ("missing", "/missing/x"), ("sized", "/sized?a=2")]
    _Handler.connections.clear()
    figures = run_load("127.0.0.1", server, [plan, plan, plan], timeout=10)
    assert figures["requests"] == 12
    assert {name: len(times) for name, times in figures["samples"].items()} == {"sized": 6, "chunked": 3, "missing": 3}
    # a chunked 200 read to its last chunk is no error (the next request on the connection answers);
    # a 404 is one, each time it is asked
    assert figures["errors"] == {"sized": 0, "chunked": 0, "missing": 3}
    assert len(_Handler.connections) == 3  # one kept connection per client, each reused for all four requests
    assert figures["cpu_s"] > 0 and all(ms > 0 for times in figures["samples"].values() for ms in times)
