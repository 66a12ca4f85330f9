#!/usr/bin/env python3
"""`make serve`: the handbook at http://HOST:PORT, rebuilt on every change (mkdocs serve).

A port already in use is reported in one line, with the way to choose another, before the
site is built.
"""

import argparse
import errno
import os
import socket
import sys


def port_problem(host: str, port: int) -> str | None:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as mkdocs's server does
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                return (f"port {port} is already in use (another server?); choose another "
                        f"with `make serve PORT={port + 1}`")
            return f"cannot serve on {host}:{port}: {error.strerror}"
    return None


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    problem = port_problem(args.host, args.port)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    os.execv(sys.executable, [sys.executable, "-m", "mkdocs", "serve",
                              "-a", f"{args.host}:{args.port}"])


if __name__ == "__main__":
    sys.exit(main())
