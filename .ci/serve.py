#!/usr/bin/env python3
"""Serves a built site the way a plain static host does: files as they are, a folder's
index.html, the `.br`/`.gz` copy beside a file when the browser accepts it, and 404.html (with
status 404) for anything else. No rewrites: the prerendered
article/{slug}/index.html pages make deep links work. `--spa-fallback` instead answers unknown
extensionless paths with index.html, as a host with a rewrite rule would.

    python3 .ci/serve.py ROOT [--port 8080] [--host 127.0.0.1] [--spa-fallback]
"""
import argparse
import email.utils
import functools
import http.server
import os
import posixpath
import urllib.parse


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".json": "application/json",
        ".svg": "image/svg+xml",
    }

    spa_fallback = False

    def send_head(self):
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
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    def copyfile(self, source, outputfile):
        try:
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("root")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--spa-fallback", action="store_true")
    args = parser.parse_args()
    StaticHandler.spa_fallback = args.spa_fallback
    handler = functools.partial(StaticHandler, directory=os.path.abspath(args.root))
    server = http.server.ThreadingHTTPServer((args.host, args.port), handler)
    mode = "SPA fallback" if args.spa_fallback else "static, no rewrites"
    print(f"Serving {args.root} at http://{args.host}:{server.server_port}/ ({mode})", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
