"""The `ekinerja api` command: its arguments and its run; the server lives in sandbox.api."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import sandbox.api.messages_api  # noqa: F401 (registers the api.* messages)
from sandbox.i18n import message


def add_api_parser(commands, common) -> None:
    """Add `api` to the CLI's subcommands (argparse subparsers and the shared --lang parent)."""
    api = commands.add_parser("api", parents=[common],
                              help="layani paket aturan lewat HTTP/JSON / serve rule packs over HTTP/JSON")
    api.add_argument("--host", default="127.0.0.1",
                     help="alamat / address (bawaan / default 127.0.0.1; selain loopback butuh "
                          "--allow-remote dan token / other than loopback needs --allow-remote and a token)")
    api.add_argument("--port", type=int, default=8080, help="port (bawaan / default 8080)")
    api.add_argument("--token", default=None,
                     help="token untuk POST /v1/compare (lebih baik EKINERJA_API_TOKEN) / token for "
                          "POST /v1/compare (better: EKINERJA_API_TOKEN)")
    api.add_argument("--allow-remote", action="store_true",
                     help="izinkan --host selain loopback / allow a non-loopback --host")
    api.add_argument("--out", metavar="FOLDER", default=None,
                     help="folder hasil perbandingan / comparison results folder (bawaan / default: temp)")


def run_api(args, lang: str, print_=None) -> int:
    """Check the settings, then serve until Ctrl+C; every refusal is a sentence and exit code 1 or 2."""
    say = print_ or (lambda text: print(text, file=sys.stderr))
    from sandbox.api import available

    if not available():
        say(" / ".join(message("api.not_installed", code) + " — " + message("api.not_installed.fix", code)
                       for code in ("id", "en")))
        return 1
    from sandbox.api.server import refusal, serve

    token = args.token or os.environ.get("EKINERJA_API_TOKEN") or None
    refused = refusal(args.host, args.port, args.allow_remote, token)
    if refused:
        key, params = refused
        say(message(key, lang, **params) + " — " + message(f"{key}.fix", lang, **params))
        return 2
    return serve(args.host, args.port, token, lang, out_dir=Path(args.out) if args.out else None, print_=say)
