"""Serves a built site over HTTP as Netlify does: with the headers of netlify.toml (the
Content-Security-Policy and the others) and each language's 404 page.

    python3 bench/static.py DIR [PORT]

PORT 0 (the default) picks a free port. The first line printed is `Serving http://HOST:PORT/`.
Used by bench/lighthouse.sh and tests/etalase/quality.rs, so that the quality checks see the pages with
the headers they are published with.
"""

import fnmatch
import functools
import http.server
import os
import sys
import tomllib

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def netlify_rules():
    """The [[headers]] and 404 [[redirects]] of netlify.toml, in file order."""
    with open(os.path.join(ROOT, "netlify.toml"), "rb") as f:
        config = tomllib.load(f)
    headers = [(h["for"], h.get("values", {})) for h in config.get("headers", [])]
    not_found = [(r["from"], r["to"]) for r in config.get("redirects", []) if r.get("status") == 404]
    return headers, not_found


HEADERS, NOT_FOUND = netlify_rules()


class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass

    def end_headers(self):
        path = self.path.split("?", 1)[0]
        values = {}
        for pattern, rule in HEADERS:
            if fnmatch.fnmatchcase(path, pattern):
                values.update(rule)
        for name, value in values.items():
            self.send_header(name, value)
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        path = self.path.split("?", 1)[0]
        for pattern, target in NOT_FOUND:
            page = os.path.join(self.directory, target.lstrip("/"))
            if fnmatch.fnmatchcase(path, pattern) and os.path.isfile(page):
                with open(page, "rb") as f:
                    body = f.read()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)
                return None
        return super().send_error(code, message, explain)


def main():
    directory = sys.argv[1]
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    handler = functools.partial(Handler, directory=directory)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    print(f"Serving http://127.0.0.1:{server.server_address[1]}/", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
