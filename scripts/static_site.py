"""A built site as a static host serves it: the pages in nav order, a local server, Chromium.

Shared by the browser tests, the screenshots, the audit and the PDF.
"""

import functools
import gzip
import os
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NO_CHROMIUM = ("Chromium not found; install it (Debian: apt-get install chromium) "
               "or set HANDBOOK_CHROMIUM to a Chromium binary")
# What GitHub Pages (and every common host) sends gzipped: text, scripts, data, SVG.
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json",
                    "application/xml", "image/svg+xml")


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class GzipHandler(QuietHandler):
    """Text types gzipped for a client that accepts it, as GitHub Pages serves them."""

    _cache: dict[tuple[str, float], bytes] = {}

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if ("gzip" not in self.headers.get("Accept-Encoding", "")
                or not os.path.isfile(path)
                or not self.guess_type(path).startswith(COMPRESSED_TYPES)
                or (os.path.isdir(self.translate_path(self.path))
                    and not self.path.split("?", 1)[0].endswith("/"))):
            return super().send_head()  # as is: binary, missing, or a folder's redirect
        key = (path, os.path.getmtime(path))
        body = self._cache.get(key)
        if body is None:
            body = self._cache[key] = gzip.compress(Path(path).read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return _Body(body)


class _Body:
    """The file-like object ``send_head`` returns: ``do_GET`` copies it, ``do_HEAD`` closes it."""

    def __init__(self, data: bytes):
        self.data = data

    def read(self, *args):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def serve(folder: Path, *, compress: bool = False) -> ThreadingHTTPServer:
    """Serve ``folder`` on a free local port, in a background thread, until ``shutdown()``;
    with ``compress``, text types are gzipped as GitHub Pages sends them."""
    handler = GzipHandler if compress else QuietHandler
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def find_chromium() -> str | None:
    return (os.environ.get("HANDBOOK_CHROMIUM") or shutil.which("chromium")
            or shutil.which("chromium-browser"))


def nav_urls() -> list[str]:
    """Every page in the navigation, as a URL path relative to the site root, the notebooks
    the Notebooks section lists at build time included."""
    from mkdocs.config import load_config

    from scripts.hooks import notebook_nav

    urls = []

    def walk(items):
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                walk(value)
            else:
                stem = value.rsplit(".", 1)[0]
                urls.append("" if stem == "index" else stem.removesuffix("/index") + "/")

    walk(notebook_nav.on_config(load_config(str(REPO / "mkdocs.yml")))["nav"])
    return urls
