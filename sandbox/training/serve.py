"""`ekinerja serve`: the class in trainees' browsers on the LAN, one app process per browser tab.

textual-serve (by the Textual authors) streams an app's screen over a websocket; `ClassServer` puts
the class's door in front of it (`sandbox.training.access`):

- `GET /` without a seat: a small page (Indonesian first, English second) asking for the join code,
  answered 403; a wrong code → 403, five wrong codes from one address within a minute → 429 for a
  minute; a full class → 409. A good code (typed, or in the link `/?kode=123456`) claims a seat and
  sets a cookie (HttpOnly, SameSite=Lax) holding the seat's session token, then the app page loads.
  The same browser gets the same seat back: a closed tab or a slept laptop reopens where it was.
- `GET /ws` (the app's websocket): the cookie must hold a seat, and a browser's Origin must be this
  server, else 403 and nothing is started. Then `python -m sandbox seat --db CLASS --kursi N` runs for
  that seat only, the token in its environment (`EKINERJA_KURSI_TOKEN`), so the seat process checks
  it again and the app is locked to that seat's people.
- The trainer's console is never served: the only command this server starts is a seat.

SameSite=Lax, not Strict: a trainee who opens the class link from a chat app (a cross-site
navigation) must still send the cookie, or every click on the link would take a new seat. Lax still
keeps the cookie off requests other sites' pages make (their scripts, frames and websockets).
No internet is needed: the page's scripts and fonts are served from the package.
"""

from __future__ import annotations

import asyncio
import html
import logging
import shlex
import socket
import sys
from pathlib import Path
from urllib.parse import urlsplit

from sandbox.i18n import message

COOKIE = "ekinerja_kursi"
COOKIE_MAX_AGE = 14 * 3600  # a training day; after that the trainee types the code again
log = logging.getLogger("textual-serve")


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


def seat_command(db: str | Path, lang: str = "id", seat: int | None = None) -> str:
    """The command a browser session runs: this Python, this package, this class file, its seat."""
    path = str(Path(db).expanduser().resolve())
    parts = [sys.executable, "-m", "sandbox", "seat", "--db", path, "--lang", lang]
    if seat is not None:
        parts += ["--kursi", str(int(seat))]
    return " ".join(shlex.quote(part) for part in parts)


def _join_page(problem: str | None) -> str:
    """The door: the join-code form, in both languages, with the reason of a refusal if any."""
    def both(key: str, **params) -> tuple[str, str]:
        return html.escape(message(key, "id", **params)), html.escape(message(key, "en", **params))

    title = both("akses.halaman.judul")
    invite = both("akses.halaman.ajak")
    label = both("akses.halaman.kode")
    button = both("akses.halaman.masuk")
    said = f'<p class="galat" role="alert">{problem}</p>' if problem else ""
    return f"""<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title[0]} / {title[1]}</title>
<style>
body {{ background: #0c181f; color: #f0f0f0; font-family: sans-serif; display: flex; justify-content: center;
       padding-top: 10vh; font-size: 18px; }}
main {{ background: #12232d; padding: 2em; border-radius: 8px; max-width: 32em; }}
.en {{ color: #9ab; font-size: 0.85em; }} .galat {{ color: #ff8080; font-weight: bold; }}
input {{ font-size: 1.6em; width: 7em; letter-spacing: 0.2em; }}
button {{ font-size: 1.2em; margin-left: 0.5em; }}
</style></head>
<body><main>
<h1>{title[0]}<br><span class="en">{title[1]}</span></h1>
<p>{invite[0]}<br><span class="en">{invite[1]}</span></p>
{said}
<form method="get" action="/">
<label for="kode">{label[0]} <span class="en">/ {label[1]}</span></label><br>
<input id="kode" name="kode" inputmode="numeric" autocomplete="off" autofocus required maxlength="12">
<button type="submit">{button[0]} / {button[1]}</button>
</form></main></body></html>"""


def _problem(code: str, **params) -> str:
    """A refusal in both languages, each with what to do."""
    parts = []
    for lang in ("id", "en"):
        text = f"{message(code, lang, **params)} — {message(code + '.fix', lang, **params)}"
        parts.append(html.escape(text))
    return f'{parts[0]}<br><span class="en">{parts[1]}</span>'


def make_server(db: str | Path, host: str = "0.0.0.0", port: int = 8000, lang: str = "id"):
    """The class's web server (not yet running); `serve` runs it until Ctrl+C."""
    from aiohttp import web
    from textual_serve.app_service import AppService
    from textual_serve.server import Server, to_int

    from sandbox.store import open_store
    from sandbox.training import access
    from sandbox.training.classroom import class_info

    class SeatService(AppService):
        """One seat's app process; its session token goes in the environment, never on the command
        line (where `ps` would show it to every user of the laptop)."""

        def __init__(self, command: str, token: str, **kwargs) -> None:
            super().__init__(command, **kwargs)
            self.token = token

        def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
            environment = super()._build_environment(width, height)
            environment[access.TOKEN_ENV] = self.token
            return environment

        async def stop(self) -> None:
            """Stop the app, then wait for its process to end (no zombie per closed tab)."""
            await super().stop()
            process = self._process
            if process is not None and process.returncode is None:
                try:
                    await asyncio.wait_for(process.wait(), 10)
                except TimeoutError:
                    process.kill()
                    await process.wait()

    class ClassServer(Server):
        def __init__(self) -> None:
            shown = lan_address() if host in ("0.0.0.0", "") else host
            super().__init__(seat_command(db, lang), host=host, port=port, title="e-Kinerja Sandbox",
                             public_url=f"http://{shown}:{port}")
            self.db = Path(db).expanduser().resolve()
            self.lang = lang
            self.throttle = access.Throttle()
            self.spawned = 0  # seat processes started (the tests read it)
            self._store = None
            self._kelas_id: int | None = None

        # -- the class file, opened in the server's own thread on first use --------------------------
        @property
        def store(self):
            if self._store is None:
                self._store = open_store(self.db)
                self._kelas_id = class_info(self._store).id
            return self._store

        @property
        def kelas_id(self) -> int:
            self.store  # noqa: B018  (opens the file, reads the class)
            return self._kelas_id

        async def on_shutdown(self, app) -> None:
            if self._store is not None:
                self._store.close()
                self._store = None

        def _seat_of(self, token: str | None) -> int | None:
            return access.seat_of_token(self.store, self.kelas_id, token) if token else None

        def _door(self, status: int, problem: str | None = None):
            return web.Response(status=status, text=_join_page(problem), content_type="text/html",
                                headers={"Cache-Control": "no-store"})

        # -- the page --------------------------------------------------------------------------------
        async def handle_index(self, request):
            ip = request.remote or "?"
            token = request.cookies.get(COOKIE)
            if "kode" in request.query:
                wait = self.throttle.wait(ip)
                if wait:
                    return self._door(429, _problem("akses.terlalu_sering", detik=wait))
                try:
                    entry = access.join(self.store, self.kelas_id, request.query.get("kode"), token, ip=ip)
                except access.AccessRefused as refused:
                    if refused.code == "akses.penuh":
                        return self._door(409, _problem(refused.code, **refused.params))
                    wait = self.throttle.fail(ip)
                    if wait:
                        return self._door(429, _problem("akses.terlalu_sering", detik=wait))
                    return self._door(403, _problem(refused.code, **refused.params))
                self.throttle.clear(ip)
                # the code leaves the address bar (and the history) at once; the cookie carries the seat
                response = web.Response(status=303, headers={"Location": "/", "Cache-Control": "no-store"})
                response.set_cookie(COOKIE, entry.token, max_age=COOKIE_MAX_AGE, path="/", httponly=True,
                                    samesite="Lax")
                return response
            seat = self._seat_of(token)
            if seat is None:
                return self._door(403)
            access.seen(self.store, self.kelas_id, seat)
            return self._app_page(request)

        def _app_page(self, request):
            """textual-serve's page, with the websocket and static addresses of the host the browser
            used (not a guessed LAN address), so the seat cookie goes along with the websocket."""
            import aiohttp_jinja2

            base = f"http://{request.host}"
            context = {
                "font_size": to_int(request.query.get("fontsize", "16"), 16),
                "app_websocket_url": f"ws://{request.host}/ws",
                "config": {"static": {"url": f"{base}/static/"}},
                "application": {"name": self.title},
            }
            response = aiohttp_jinja2.render_template("app_index.html", request, context)
            response.headers["Cache-Control"] = "no-store"
            return response

        # -- the seat's app ---------------------------------------------------------------------------
        async def handle_websocket(self, request):
            origin = request.headers.get("Origin")
            if origin and urlsplit(origin).netloc != request.host:  # another site's page
                return web.Response(status=403, text=message("akses.halaman.ditolak_ws", self.lang))
            token = request.cookies.get(COOKIE)
            seat = self._seat_of(token)
            if seat is None:
                return web.Response(status=403, text=message("akses.halaman.ditolak_ws", self.lang))
            websocket = web.WebSocketResponse(heartbeat=15)
            width = to_int(request.query.get("width", "80"), 80)
            height = to_int(request.query.get("height", "24"), 24)
            app_service = None
            try:
                await websocket.prepare(request)
                app_service = SeatService(
                    seat_command(self.db, self.lang, seat),
                    token,
                    write_bytes=websocket.send_bytes,
                    write_str=websocket.send_str,
                    close=websocket.close,
                    download_manager=self.download_manager,
                    debug=self.debug,
                )
                self.spawned += 1
                await app_service.start(width, height)
                try:
                    await self._process_messages(websocket, app_service)
                finally:
                    await app_service.stop()
            except asyncio.CancelledError:
                await websocket.close()
            except Exception as error:
                log.exception(error)
            finally:
                if app_service is not None:
                    await app_service.stop()
            return websocket

    return ClassServer()


def serve(db: str | Path, host: str = "0.0.0.0", port: int = 8000, lang: str = "id") -> None:
    """Serve until Ctrl+C; prints the address trainees open."""
    server = make_server(db, host, port, lang)
    print(f"{server.public_url}", flush=True)
    server.serve()
