"""A real HTTP server on 127.0.0.1 for fetch tests and benchmarks, misbehaving on request.

Routes map a path (query ignored) to a function that writes the answer; `hits` counts requests
per full path (query included, so a test can give a stateful route a fresh key) and `log`
records every request in order: the proof that a robots-disallowed path was never asked for.
"""

from __future__ import annotations

import gzip
import socket
import struct
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Route = Callable[["Handler"], None]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as real servers do
    server: Server

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        self.server.record(self.path)
        route = self.server.routes.get(path)
        if route is None:
            self.reply(404, b"not found", "text/plain")
        else:
            route(self)

    def reply(self, status: int, body: bytes, ctype: str, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    @property
    def hit(self) -> int:
        """How many times this exact path (with query) was requested, this one included."""
        return self.server.hits[self.path]

    def log_message(self, format: str, *args: object) -> None:
        return None  # the request log is `server.log`


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, host: str, routes: dict[str, Route]) -> None:
        super().__init__((host, 0), Handler)
        self.routes = routes
        self.log: list[str] = []
        self.times: dict[str, float] = {}  # path -> monotonic time of its last request
        self.hits: Counter[str] = Counter()
        self._lock = threading.Lock()

    def record(self, path: str) -> None:
        with self._lock:
            self.log.append(path)
            self.times[path] = time.monotonic()
            self.hits[path] += 1

    def handle_error(self, request: object, client_address: object) -> None:
        return None  # clients hanging up on slow routes on purpose is not an error here

    @property
    def base(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"

    def url(self, path: str) -> str:
        return self.base + path


@contextmanager
def serve(routes: dict[str, Route], host: str = "127.0.0.1") -> Iterator[Server]:
    server = Server(host, routes)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


# Route builders: each returns a Route.


def page(body: bytes, ctype: str = "text/html; charset=utf-8", **headers: str) -> Route:
    return lambda h: h.reply(200, body, ctype, **headers)


def gzipped(body: bytes, ctype: str = "text/html; charset=utf-8") -> Route:
    return lambda h: h.reply(200, gzip.compress(body), ctype, Content_Encoding="gzip")


def status(code: int, **headers: str) -> Route:
    return lambda h: h.reply(code, b"error page", "text/html", **headers)


def redirect(location: str, code: int = 302) -> Route:
    return lambda h: h.reply(code, b"", "text/html", Location=location)


def fail_first(times: int, code: int, then: Route, **headers: str) -> Route:
    """`code` for the first `times` requests of a path, then `then` (a flaky server)."""

    def route(h: Handler) -> None:
        if h.hit <= times:
            h.reply(code, b"busy", "text/html", **headers)
        else:
            then(h)

    return route


def slow(seconds: float) -> Route:
    def route(h: Handler) -> None:
        time.sleep(seconds)
        h.reply(200, b"<p>too late</p>", "text/html")

    return route


def drip(chunks: int, every: float) -> Route:
    """Headers at once, then a byte every `every` seconds: each read is quick, the whole slow."""

    def route(h: Handler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", str(chunks))
        h.end_headers()
        for _ in range(chunks):
            h.wfile.write(b" ")
            h.wfile.flush()
            time.sleep(every)

    return route


def reset(h: Handler) -> None:
    """Close with a TCP reset before answering (SO_LINGER 0)."""
    h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    h.connection.close()
    h.close_connection = True


def chunked(total: int, chunk: int = 64 * 1024) -> Route:
    """A body of `total` bytes sent chunked, with no Content-Length to check up front."""

    def route(h: Handler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Transfer-Encoding", "chunked")
        h.end_headers()
        sent = 0
        while sent < total:
            size = min(chunk, total - sent)
            h.wfile.write(b"%x\r\n" % size + b"<" * size + b"\r\n")
            sent += size
        h.wfile.write(b"0\r\n\r\n")

    return route
