#!/usr/bin/env python3
"""Serves a built site the way a plain static host does: files as they are, a folder's
index.html, the `.br`/`.gz` copy beside a file when the browser accepts it, and 404.html (with
status 404) for anything else. No rewrites: the prerendered
article/{slug}/index.html pages make deep links work. `--spa-fallback` instead answers unknown
extensionless paths with index.html, as a host with a rewrite rule would.

`--scenarios` (for the engines suite, tests/e2e/engines/) lets a test fake answers on the server,
for its own browser alone: `POST /__scenario__/ID` with `{"/path": {"status", "body",
"contentType"}}` sets what a request for that path gets from a browser whose `e2e-scenario`
cookie is ID (`{}` takes it back); `{"drop": true}` closes the connection without an answer, as a
lost network does; `{"held": true}` keeps the request waiting until the path's answer is set
otherwise (a script held back, as a slow network would). Such a browser's HTML pages load `/__scenario__/watch.js`
first, which reports uncaught errors and panics to `/__scenario__/ID/errors` (GET reads them).
Without the cookie, or without the flag, nothing changes.

`--throttle` (for the benchmark's repeat visits, tests/bench/repeat.mjs) is a slow network on the
server's side, like Lighthouse's slow 4G: each new connection and each answer waits a round trip
of 150 ms, and the answers' bytes go at 1.6 Mbit/s over one link that all connections share. It
slows a service worker's own fetches exactly as it slows the page's, which the browser's
throttling does not reliably do.

    python3 .ci/serve.py ROOT [--port 8080] [--host 127.0.0.1] [--spa-fallback] [--scenarios] [--throttle]
"""
import argparse
import email.utils
import functools
import http.server
import json
import os
import threading
import posixpath
import time
import urllib.parse


class SlowLink:
    """The `--throttle` network: a round trip, and one link's bandwidth shared by every answer."""

    ROUND_TRIP_S = 0.150
    BITS_PER_S = 1.6e6
    CHUNK = 8 * 1024
    lock = threading.Lock()
    free_at = 0.0

    @classmethod
    def send(cls, wfile, data):
        for start in range(0, len(data), cls.CHUNK):
            chunk = data[start:start + cls.CHUNK]
            with cls.lock:
                begins = max(time.monotonic(), cls.free_at)
                cls.free_at = begins + len(chunk) * 8 / cls.BITS_PER_S
                done = cls.free_at
            time.sleep(max(0.0, done - time.monotonic()))
            wfile.write(chunk)


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".json": "application/json",
        ".svg": "image/svg+xml",
        ".webmanifest": "application/manifest+json",
    }

    spa_fallback = False
    throttle = False

    def handle(self):
        if self.throttle:
            time.sleep(SlowLink.ROUND_TRIP_S)  # The connection's handshake.
        super().handle()

    def send_head(self):
        if self.throttle:
            time.sleep(SlowLink.ROUND_TRIP_S)  # The request's way there and the answer's back.
        path = urllib.parse.urlsplit(self.path).path
        local = self.translate_path(path)
        has_extension = "." in posixpath.basename(path)
        if self.spa_fallback and not os.path.exists(local) and not has_extension:
            self.path = "/index.html"
            local = self.translate_path("/index.html")
        if os.path.isdir(local) and path.endswith("/"):
            local = os.path.join(local, "index.html")
        precompressed = self.precompressed(local)
        if precompressed is None:
            return super().send_head()
        compressed_path, encoding = precompressed
        # Like nginx: the original file's date, and 304 to a conditional request it meets.
        modified = email.utils.formatdate(os.stat(local).st_mtime, usegmt=True)
        if self.headers.get("If-Modified-Since") == modified:
            self.send_response(304)
            self.send_header("Last-Modified", modified)
            self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            return None
        body = open(compressed_path, "rb")
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(local))
        self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(os.fstat(body.fileno()).st_size))
        self.send_header("Last-Modified", modified)
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return body

    def precompressed(self, local):
        """The `.br` (or `.gz`) copy `news-blog build` wrote beside `local`, when the browser
        accepts that encoding: what nginx's brotli_static/gzip_static and most CDNs send."""
        if not os.path.isfile(local):
            return None
        accepted = {
            part.split(";")[0].strip() for part in self.headers.get("Accept-Encoding", "").split(",")
        }
        for encoding, extension in (("br", ".br"), ("gzip", ".gz")):
            if encoding in accepted and os.path.isfile(local + extension):
                return local + extension, encoding
        return None

    def nearest_404(self):
        """The 404.html of the site the path belongs to: the nearest one up the path, as a host
        serving a site under a sub-path (e.g. a project's pages at /news/) finds it."""
        folder = posixpath.dirname(urllib.parse.urlsplit(self.path).path)
        while True:
            candidate = os.path.join(self.directory, folder.strip("/"), "404.html")
            if os.path.exists(candidate):
                return candidate
            if folder in ("", "/"):
                return None
            folder = posixpath.dirname(folder.rstrip("/"))

    def send_error(self, code, message=None, explain=None):
        # Like common static hosts: the site's own 404.html, with status 404.
        not_found = self.nearest_404() if code == 404 else None
        if not_found is None:
            return super().send_error(code, message, explain)
        with open(not_found, "rb") as page:
            body = page.read()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            try:
                self.write_body(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    def write_body(self, body):
        if self.throttle:
            SlowLink.send(self.wfile, body)
        else:
            self.wfile.write(body)

    def copyfile(self, source, outputfile):
        try:
            if self.throttle:
                SlowLink.send(outputfile, source.read())
            else:
                super().copyfile(source, outputfile)
        except (BrokenPipeError, ConnectionResetError):
            pass  # The browser stopped reading: an aborted request, which the app does on purpose.

    def end_headers(self):
        # Always revalidate: tests and local previews must see the latest build.
        self.send_header("Cache-Control", "no-cache")
        # The JSON Feed is for other sites' pages too (as `_headers` says for Netlify).
        if urllib.parse.urlsplit(self.path).path.endswith("/feed.json"):
            self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()

    def log_message(self, format, *args):
        if os.environ.get("SERVE_QUIET") != "1":
            super().log_message(format, *args)


# Loaded first by each HTML page a scenario's browser gets: every uncaught error, unhandled
# rejection and Rust panic is kept in the page and sent to the server, so a test sees those of
# pages it has left or reloaded too.
WATCH_JS = b"""(() => {
  const id = (document.cookie.match(/(?:^|; )e2e-scenario=([^;]*)/) || [])[1];
  const errors = (window.__e2eErrors = window.__e2eErrors || []);
  const report = (text) => {
    errors.push(text);
    if (id) navigator.sendBeacon(`/__scenario__/${id}/errors`, `${location.href}: ${text}`);
  };
  addEventListener('error', (event) => {
    if (event instanceof ErrorEvent) report(`uncaught: ${event.message}`);
  });
  addEventListener('unhandledrejection', (event) => report(`unhandled rejection: ${event.reason}`));
  const consoleError = console.error;
  console.error = function (...args) {
    const text = args.map(String).join(' ');
    if (text.includes('panicked at')) report(text);
    return consoleError.apply(this, args);
  };
})();
"""

SCENARIO_COOKIE = "e2e-scenario"


class ScenarioHandler(StaticHandler):
    """StaticHandler plus the `--scenarios` routes and per-browser answers (see the top)."""

    overrides = {}  # scenario id -> {path: {"status", "body", "contentType"}}
    errors = {}  # scenario id -> [text]
    lock = threading.Lock()

    def scenario(self):
        for part in self.headers.get("Cookie", "").split(";"):
            name, _, value = part.strip().partition("=")
            if name == SCENARIO_COOKIE and value:
                return value
        return None

    def route(self):
        """(id, rest) of a /__scenario__/ID[/rest] address, else None."""
        path = urllib.parse.urlsplit(self.path).path
        if not path.startswith("/__scenario__/"):
            return None
        scenario_id, _, rest = path[len("/__scenario__/"):].partition("/")
        return scenario_id, rest

    def answer(self, status, body, content_type):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    def do_POST(self):
        route = self.route()
        if route is None:
            return self.send_error(405)
        scenario_id, rest = route
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        with self.lock:
            if rest == "errors":
                self.errors.setdefault(scenario_id, []).append(body.decode("utf-8", "replace"))
            elif rest == "":
                self.overrides[scenario_id] = json.loads(body or b"{}")
            else:
                return self.send_error(404)
        self.answer(204, b"", "text/plain")

    def send_head(self):
        route = self.route()
        if route is not None:
            scenario_id, rest = route
            if scenario_id == "watch.js":
                return self.answer(200, WATCH_JS, "text/javascript")
            if scenario_id == "start":
                # A page of this origin to set the cookie on.
                return self.answer(200, b"<!doctype html><title>start</title>", "text/html; charset=utf-8")
            if rest == "errors":
                with self.lock:
                    found = list(self.errors.get(scenario_id, []))
                return self.answer(200, json.dumps(found).encode(), "application/json")
            return self.send_error(404)
        scenario_id = self.scenario()
        if scenario_id is None:
            return super().send_head()
        path = urllib.parse.urlsplit(self.path).path
        with self.lock:
            fake = self.overrides.get(scenario_id, {}).get(path)
        if fake is not None and fake.get("drop"):
            self.close_connection = True
            return None
        if fake is not None and fake.get("held"):
            # Asked again once the test has answered otherwise; after a minute, dropped.
            for _ in range(1200):
                time.sleep(0.05)
                with self.lock:
                    released = not self.overrides.get(scenario_id, {}).get(path, {}).get("held")
                if released:
                    return self.send_head()
            self.close_connection = True
            return None
        if fake is not None:
            body = fake.get("body", "").encode("utf-8", "surrogateescape")
            return self.answer(fake.get("status", 200), body, fake.get("contentType", "application/json"))
        local = self.translate_path(path)
        if os.path.isdir(local) and path.endswith("/"):
            local = os.path.join(local, "index.html")
        if local.endswith(".html") and os.path.isfile(local):
            with open(local, "rb") as page:
                return self.answer(200, self.watched(page.read()), "text/html; charset=utf-8")
        return super().send_head()

    def send_error(self, code, message=None, explain=None):
        not_found = self.nearest_404() if code == 404 and self.scenario() else None
        if not_found is None:
            return super().send_error(code, message, explain)
        with open(not_found, "rb") as page:
            self.answer(404, self.watched(page.read()), "text/html; charset=utf-8")

    @staticmethod
    def watched(html):
        """The page with watch.js as the first script of its head."""
        return html.replace(b"<head>", b'<head><script src="/__scenario__/watch.js"></script>', 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("root")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--spa-fallback", action="store_true")
    parser.add_argument("--scenarios", action="store_true")
    parser.add_argument("--throttle", action="store_true")
    args = parser.parse_args()
    StaticHandler.spa_fallback = args.spa_fallback
    StaticHandler.throttle = args.throttle
    handler_class = ScenarioHandler if args.scenarios else StaticHandler
    handler = functools.partial(handler_class, directory=os.path.abspath(args.root))
    server = http.server.ThreadingHTTPServer((args.host, args.port), handler)
    mode = "SPA fallback" if args.spa_fallback else "static, no rewrites"
    if args.throttle:
        mode += "; slow 4G: 150 ms round trips, 1.6 Mbit/s"
    print(f"Serving {args.root} at http://{args.host}:{server.server_port}/ ({mode})", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
