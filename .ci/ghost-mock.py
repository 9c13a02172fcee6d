#!/usr/bin/env python3
"""Answers like a Ghost site's Content API, from the answers recorded in
tests/fixtures/sources/ghost-posts-page-*.json (shaped exactly as Ghost documents them):
the posts list with `meta.pagination`, `posts/slug/{slug}/`, `settings/`, 401 for a wrong
key, 404 for an unknown slug, and CORS for any origin, as Ghost sends. The recorded
`https://ghost.example` addresses are answered by this server, which serves a placeholder
picture for any `/content/images/` path.

    python3 .ci/ghost-mock.py [--port 8099] [--key KEY]
"""
import argparse
import http.server
import json
import re
import pathlib
import urllib.parse

FIXTURES = pathlib.Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "sources"
RECORDED_ORIGIN = "https://ghost.example"
PICTURE = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1000" viewBox="0 0 16 10">'
    '<rect width="16" height="10" fill="#2b5d7a"/><circle cx="11" cy="4" r="2" fill="#f2c14e"/></svg>'
)


def make_handler(key: str, origin: str):
    pages = sorted(FIXTURES.glob("ghost-posts-page-*.json"))
    text = {page: page.read_text().replace(RECORDED_ORIGIN, origin) for page in pages}

    class GhostHandler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            url = urllib.parse.urlsplit(self.path)
            query = urllib.parse.parse_qs(url.query)
            if url.path.startswith("/content/images/"):
                return self.answer(200, PICTURE, "image/svg+xml")
            if not url.path.startswith("/ghost/api/content/"):
                return self.answer(404, "<h1>Not found</h1>", "text/html")
            if query.get("key") != [key]:
                return self.error(401, "UnauthorizedError", "Unknown Content API Key")
            route = url.path[len("/ghost/api/content/"):]
            if route == "settings/":
                return self.json({"settings": {"title": "Harbour Ghost", "description": "Recorded answers"}})
            if route == "posts/" and "filter" in query:
                return self.filtered(query)
            if route == "posts/":
                page = int(query.get("page", ["1"])[0])
                if 1 <= page <= len(pages):
                    return self.answer(200, text[pages[page - 1]], "application/json")
                return self.json({"posts": [], "meta": {"pagination": {"page": page, "pages": len(pages), "next": None}}})
            if route.startswith("posts/slug/"):
                slug = route[len("posts/slug/"):].strip("/")
                for page in pages:
                    for post in json.loads(text[page])["posts"]:
                        if post["slug"] == slug:
                            return self.json({"posts": [post]})
                return self.error(404, "NotFoundError", "Post not found.")
            return self.error(404, "NotFoundError", "Resource not found")

        def filtered(self, query):
            # The NQL filters the app sends: title:~'text' (title contains, case-insensitive,
            # with \' and \\ escaped), tag:'slug' and primary_tag:'slug'.
            nql = query["filter"][0]
            title = re.fullmatch(r"title:~'((?:[^'\\]|\\.)*)'", nql)
            tag = re.fullmatch(r"(primary_tag|tag):'([a-z0-9-]+)'", nql)
            if title:
                wanted = re.sub(r"\\(.)", r"\1", title.group(1)).lower()
                keep = lambda post: wanted in post["title"].lower()
            elif tag and tag.group(1) == "tag":
                keep = lambda post: any(t["slug"] == tag.group(2) for t in post.get("tags", []))
            elif tag:
                keep = lambda post: (post.get("primary_tag") or {}).get("slug") == tag.group(2)
            else:
                return self.error(400, "BadRequestError", "Unsupported filter")
            posts = [post for page in pages for post in json.loads(text[page])["posts"] if keep(post)]
            limit = int(query.get("limit", ["15"])[0])
            page = int(query.get("page", ["1"])[0])
            n_pages = max(1, -(-len(posts) // limit))
            shown = posts[(page - 1) * limit:page * limit]
            pagination = {"page": page, "limit": limit, "pages": n_pages, "total": len(posts),
                          "next": page + 1 if page < n_pages else None}
            return self.json({"posts": shown, "meta": {"pagination": pagination}})

        def error(self, status, kind, message):
            self.json({"errors": [{"message": message, "type": kind}]}, status)

        def json(self, value, status=200):
            self.answer(status, json.dumps(value), "application/json")

        def answer(self, status, body, content_type):
            data = body.encode()
            self.send_response(status)
            self.send_header("Content-Type", f"{content_type}; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Access-Control-Allow-Origin", "*")
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format, *args):
            pass

    return GhostHandler


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=8099)
    parser.add_argument("--key", default="22444f78447824223cefc48062")
    args = parser.parse_args()
    origin = f"http://127.0.0.1:{args.port}"
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), make_handler(args.key, origin))
    server.serve_forever()


if __name__ == "__main__":
    main()
