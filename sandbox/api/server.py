"""`ekinerja api`: serve the app with uvicorn, on the loopback interface unless told otherwise."""

from __future__ import annotations

import ipaddress
import socket
from pathlib import Path

import sandbox.api.messages_api  # noqa: F401 (registers the api.* messages)
from sandbox.i18n import message


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name may resolve anywhere: treated as remote


def refusal(host: str, port: int, allow_remote: bool, token: str | None) -> tuple[str, dict] | None:
    """The message key and params refusing these settings, or None: a network-facing API needs both
    --allow-remote and a token (whoever can reach it could start jobs otherwise)."""
    if not 1 <= port <= 65535:
        return "api.bad_port", {"port": port}
    if not is_loopback(host):
        if not allow_remote:
            return "api.host_remote", {"host": host}
        if not token:
            return "api.remote_needs_token", {}
    return None


def port_problem(host: str, port: int) -> str | None:
    """Why the address cannot be bound (in use, no such interface), checked before uvicorn logs it."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host.strip("[]"), port))
    except OSError as error:
        return error.strerror or type(error).__name__
    return None


def serve(host: str, port: int, token: str | None, lang: str, rules_dir: Path | None = None,
          out_dir: Path | None = None, print_=print) -> int:
    import uvicorn

    from sandbox.api.app import create_app

    detail = port_problem(host, port)
    if detail:
        print_(message("api.port_busy", lang, host=host, port=port, detail=detail) + " — "
               + message("api.port_busy.fix", lang))
        return 1
    app = create_app(rules_dir, token=token, out_dir=out_dir)
    if not app.state.catalog.packs:
        root = app.state.catalog.root
        print_(message("api.no_packs", lang, dir=root) + " — " + message("api.no_packs.fix", lang))
        return 1
    print_(message("api.listening", lang, host=host, port=port))
    uvicorn.run(app, host=host, port=port, log_level="warning", limit_concurrency=64,
                timeout_keep_alive=5, server_header=False)
    return 0
