"""`ekinerja serve`: the class in trainees' browsers on the LAN, one app process per browser tab.

textual-serve (by the Textual authors) runs `python -m sandbox seat --db CLASS` for every browser
that opens the page and streams its screen over a websocket; each process opens the class's one
SQLite file like a terminal seat does (WAL, `BEGIN IMMEDIATE`), and asks for its seat number. No
internet is needed: the page, its scripts and fonts are served from the package.
"""

from __future__ import annotations

import shlex
import socket
import sys
from pathlib import Path


def lan_address() -> str:
    """This laptop's address on the LAN (what trainees type), or 127.0.0.1 when there is none.

    Connecting a UDP socket sends nothing; it only asks the OS which interface it would use."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))
        return probe.getsockname()[0]
    except OSError:
        return "127.0.0.1"
    finally:
        probe.close()


def seat_command(db: str | Path, lang: str = "id") -> str:
    """The command each browser session runs: this Python, this package, this class file."""
    path = str(Path(db).expanduser().resolve())
    return " ".join(shlex.quote(part) for part in (sys.executable, "-m", "sandbox", "seat", "--db", path,
                                                   "--lang", lang))


def make_server(db: str | Path, host: str = "0.0.0.0", port: int = 8000, lang: str = "id"):
    from textual_serve.server import Server

    shown = lan_address() if host in ("0.0.0.0", "") else host
    return Server(seat_command(db, lang), host=host, port=port, title="e-Kinerja Sandbox",
                  public_url=f"http://{shown}:{port}")


def serve(db: str | Path, host: str = "0.0.0.0", port: int = 8000, lang: str = "id") -> None:
    """Serve until Ctrl+C; prints the address trainees open."""
    server = make_server(db, host, port, lang)
    print(f"{server.public_url}", flush=True)
    server.serve()
