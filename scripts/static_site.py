"""A built site as a static host serves it: the pages in nav order, a local server, Chromium.

Shared by the browser tests, the screenshots, the audit and the PDF.
"""

import functools
import os
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NO_CHROMIUM = ("Chromium not found; install it (Debian: apt-get install chromium) "
               "or set HANDBOOK_CHROMIUM to a Chromium binary")


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder: Path) -> ThreadingHTTPServer:
    """Serve ``folder`` on a free local port, in a background thread, until ``shutdown()``."""
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def find_chromium() -> str | None:
    return (os.environ.get("HANDBOOK_CHROMIUM") or shutil.which("chromium")
            or shutil.which("chromium-browser"))


def nav_urls() -> list[str]:
    """Every page in the navigation, as a URL path relative to the site root."""
    from mkdocs.config import load_config

    urls = []

    def walk(items):
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                walk(value)
            else:
                stem = value.rsplit(".", 1)[0]
                urls.append("" if stem == "index" else stem.removesuffix("/index") + "/")

    walk(load_config(str(REPO / "mkdocs.yml"))["nav"])
    return urls
