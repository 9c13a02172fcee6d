#!/usr/bin/env python3
"""Serves a built site with SPA fallback: a path that names no file and has no extension gets
index.html, so deep links such as /article/some-slug work. Used by the serve command and by
the end-to-end tests; nothing else is needed on the machine.

    python3 .ci/serve.py DIST_DIR [--port 8080] [--host 127.0.0.1]
"""
import argparse
import functools
import http.server
import os
import posixpath
import urllib.parse


class SpaHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".json": "application/json",
        ".svg": "image/svg+xml",
    }

    def send_head(self):
        path = urllib.parse.urlsplit(self.path).path
        local = self.translate_path(path)
        has_extension = "." in posixpath.basename(path)
        if not os.path.exists(local) and not has_extension:
            self.path = "/index.html"
        return super().send_head()

    def end_headers(self):
        # Always revalidate: tests and local previews must see the latest build.
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format, *args):
        if os.environ.get("SERVE_QUIET") != "1":
            super().log_message(format, *args)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("root")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args()
    handler = functools.partial(SpaHandler, directory=os.path.abspath(args.root))
    server = http.server.ThreadingHTTPServer((args.host, args.port), handler)
    print(f"Serving {args.root} at http://{args.host}:{server.server_port}/ (SPA fallback on)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
