"""`ekinerja serve`: the class in trainees' browsers on the LAN, one app process per seat.

textual-serve (by the Textual authors) streams an app's screen over a websocket; `ClassServer` puts
the class's door in front of it (`sandbox.training.access`) and replaces textual-serve's handling of
sessions and processes, which trusted the browser (issue #16):

- `GET /` without a seat: a small page (Indonesian first, English second) asking for the join code,
  answered 403. Every join runs the throttle first (`access.DoorThrottle`: five wrong codes from one
  address within a minute, or 60 across the class within ten minutes → 429 for everyone, the right
  code too), then the code check (wrong → 403), and only then, to a right code: "this device already
  holds a seat" or "the class is full" (409). A good code (typed, or in the link `/?kode=123456`)
  claims a seat and sets a cookie (HttpOnly, SameSite=Lax) holding the seat's session token, then the
  app page loads. The same browser gets the same seat back: a closed tab or a slept laptop reopens
  where it was.
- **One seat per device**: a device (the client's IP address: a device without cookies has no other
  identity) may claim `--kursi-per-perangkat` seats (default 1); the trainer can allow more.
- `GET /ws` (the app's websocket): the cookie must hold a seat, and a browser's Origin must be this
  server, else 403 and nothing is started. Then `python -m sandbox seat --db CLASS --kursi N` runs for
  that seat only, without a shell (`sandbox.training.seat_launch.open_process`), the token in its
  environment (`EKINERJA_KURSI_TOKEN`), so the seat process checks it again.
- **One live session per seat: a new tab takes the seat over.** Opening the seat in another tab (or
  again after a laptop slept, while the old connection still looks alive) ends the old tab's session
  with a message saying why ("this seat was opened in another tab"), stops its app (and waits until
  the process is gone), then starts the new one. Refusing the new tab instead would lock a trainee
  out of their own seat behind a dead connection until its heartbeat gave up; the takeover needs the
  seat's cookie, so nobody else can do it. Two seat processes never write for one seat at once. At
  most `MAX_SOCKETS_PER_SEAT` websockets per seat (cookie) are handled at once (the live one and one
  taking over; more are closed at once), at most one new app process a second per seat, and never
  more live seat processes than the class has seats.
- **Sizes are clamped**: the terminal size in the `/ws` URL and in every `resize` message is held to
  `COLUMNS` × `ROWS` (a 50000×50000 resize would make the app allocate gigabytes). A message that is
  not what textual.js sends (bad JSON, an unknown type, a size that is not a number, too big) closes
  that session; it is never echoed into the log.
- **Seat processes end**: stopping a session asks the app to quit, waits `STOP_SECONDS`, then kills
  it (its process group when it leads one). A seat process dies with the server, kill -9 included
  (`PR_SET_PDEATHSIG`, in `seat_launch`). A seat the trainer releases is ended by the server within
  `WATCH_SECONDS`, with the reason.
- **Why a session ended** is told on the page in both languages (the trainer released the seat;
  another tab took it over; the app ended; the server is full or stopping; the connection was lost),
  with what to do; the terminal takes the keyboard focus as soon as the app draws.
- **The log** (the trainer's terminal) has one line per event: never a traceback, never local
  variables, never a session token, a join code or a PIN (`SecretFilter` strips them from every
  record, aiohttp's included; the access log, which would print `?kode=…`, is off).
- The trainer's console is never served: the only command this server starts is a seat.

SameSite=Lax, not Strict: a trainee who opens the class link from a chat app (a cross-site
navigation) must still send the cookie, or every click on the link would take a new seat. Lax still
keeps the cookie off requests other sites' pages make (their scripts, frames and websockets).
No internet is needed: the page's scripts, styles and font are served from the package
(`sandbox/training/web/kursi.html` and textual-serve's static files), and its Content-Security-Policy
allows nothing from another host.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import json
import logging
import os
import re
import signal
import socket
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from sandbox.i18n import message
from sandbox.i18n.catalog import MESSAGES
from sandbox.training import access_messages  # noqa: F401  (registers the door's messages)

COOKIE = "ekinerja_kursi"
COOKIE_MAX_AGE = 14 * 3600  # a training day; after that the trainee types the code again
COLUMNS = (20, 300)  # the terminal sizes a seat's app is ever told (columns, rows)
ROWS = (10, 100)
MAX_MESSAGE = 256 * 1024  # one websocket message (a paste at most); a bigger one closes the session
MAX_PING = 64  # characters of a ping's payload (textual.js sends a timestamp)
MAX_SOCKETS_PER_SEAT = 2  # websockets handled at once per seat: the live one and one taking over
STOP_SECONDS = 5.0  # a seat's app gets this long to quit before it is killed
START_SPACING = 1.0  # seconds between two app processes of one seat (a takeover loop burns no CPU)
WATCH_SECONDS = 2.0  # how often live sessions are checked against released seats
CLOSE_SECONDS = 3.0  # how long a closing websocket waits for the browser's answer
STDERR_KEPT = 16 * 1024  # bytes of a seat app's error output kept for its one log line
END = "ekinerja_akhir"  # the page's message type: why the session ends (textual.js ignores it)
# why a session ends, as the page shows it (`akses.akhir.<reason>`); "tutup" = the tab closed
REASONS = ("dilepas", "diambil_alih", "selesai", "sibuk", "banyak", "rusak", "berhenti", "terputus")
WEB = Path(__file__).with_name("web")
log = logging.getLogger("ekinerja.serve")


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


def seat_argv(db: str | Path, lang: str = "id", seat: int | None = None) -> list[str]:
    """The command a seat's session runs (no shell): this Python, this package, the class, its seat."""
    path = str(Path(db).expanduser().resolve())
    parts = [sys.executable, "-m", "sandbox", "seat", "--db", path, "--lang", lang]
    if seat is not None:
        parts += ["--kursi", str(int(seat))]
    return parts


def clamp_size(width: object, height: object) -> tuple[int, int]:
    """A terminal size held to `COLUMNS` × `ROWS`; anything but an int counts as the default."""
    def held(value: object, bounds: tuple[int, int], default: int) -> int:
        number = value if isinstance(value, int) and not isinstance(value, bool) else default
        return max(bounds[0], min(bounds[1], number))

    return held(width, COLUMNS, 80), held(height, ROWS, 24)


def _query_int(text: str | None) -> int | None:
    text = (text or "").strip()
    if not text or len(text) > 9 or not text.lstrip("-").isdigit():
        return None
    return int(text)


class Malformed(ValueError):
    """A websocket message that textual.js would never send."""


def parse_message(text: str) -> tuple[str, object]:
    """One message from the browser → (kind, data): ("stdin", bytes), ("resize", (w, h)) clamped,
    ("ping", str), ("focus", None), ("blur", None). Anything else raises `Malformed`."""
    try:
        envelope = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise Malformed("json") from error
    if not isinstance(envelope, list) or not envelope or not isinstance(envelope[0], str):
        raise Malformed("envelope")
    kind, rest = envelope[0], envelope[1:]
    if kind == "stdin" and len(rest) == 1 and isinstance(rest[0], str):
        try:
            return kind, rest[0].encode("utf-8")
        except UnicodeEncodeError as error:  # a lone surrogate
            raise Malformed("stdin") from error
    if kind == "resize" and len(rest) == 1 and isinstance(rest[0], dict):
        width, height = rest[0].get("width"), rest[0].get("height")
        for value in (width, height):
            if not isinstance(value, int) or isinstance(value, bool):
                raise Malformed("resize")
        return kind, clamp_size(width, height)
    if kind == "ping" and len(rest) == 1 and isinstance(rest[0], str) and len(rest[0]) <= MAX_PING:
        return kind, rest[0]
    if kind in ("focus", "blur") and not rest:
        return kind, None
    raise Malformed("type")


# -- the log: one line per event, no secret -------------------------------------------------------
_SECRET_PATTERNS = (
    re.compile(r"(kode=)[^&\s\"']*", re.IGNORECASE),
    re.compile(rf"({COOKIE}=)[^;\s\"']*"),
    re.compile(r"(EKINERJA_KURSI_TOKEN[\"']?\s*[:=]\s*[\"']?)[^\s\"',}]*"),
)


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """`text` without the given secrets (tokens, the join code) and without anything that looks
    like a join code in a URL, a seat cookie or a token in an environment dump."""
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, "***")
    for pattern in _SECRET_PATTERNS:
        text = pattern.sub(r"\1***", text)
    return text


class SecretFilter(logging.Filter):
    """Every record becomes one redacted line: its exception is reduced to its type's name (no
    traceback, no local variables), the secrets the server knows are replaced by ***."""

    def __init__(self, secrets: Callable[[], Iterable[str]] = tuple) -> None:
        super().__init__()
        self.secrets = secrets

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            text = record.getMessage()
        except Exception:  # a record whose arguments do not fit its format
            text = str(record.msg)
        if record.exc_info and record.exc_info[0] is not None:
            text = f"{text} ({record.exc_info[0].__name__})"
        text = " ".join(redact(text, self.secrets()).split())[:500]
        record.msg, record.args = text, None
        record.exc_info, record.exc_text, record.stack_info = None, None, None
        return True


def _said(key: str, **params) -> str:
    """A log line for the trainer's terminal: Indonesian, then English."""
    return f"{message(key, 'id', **params)} / {message(key, 'en', **params)}"


def _said_ended(seat: int, reason: str | None) -> str:
    """'seat N: session ended (why)', the reason in words in each language."""
    def why(lang: str) -> str:
        key = f"akses.log.alasan.{reason}"
        return message(key, lang) if key in MESSAGES else message("akses.log.alasan.tutup", lang)

    return " / ".join(message("akses.log.kursi_tutup", lang, kursi=seat, alasan=why(lang))
                      for lang in ("id", "en"))


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
<link rel="icon" href="data:,">
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


def _reason_texts() -> str:
    """The page's texts for each end reason, as JSON safe inside a <script> element."""
    texts = {}
    for reason in REASONS:
        key = f"akses.akhir.{reason}"
        texts[reason] = {"id": message(key, "id"), "id_fix": message(key + ".fix", "id"),
                         "en": message(key, "en"), "en_fix": message(key + ".fix", "en")}
    text = json.dumps(texts, ensure_ascii=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@dataclass(eq=False)
class Session:
    """One browser tab's hold on its seat."""

    seat: int
    token: str
    ip: str
    websocket: object
    service: object | None = None
    reason: str | None = None  # why it ends, set by whoever ends it first
    said: bool = False  # the reason was sent and the websocket closed


def make_server(db: str | Path, host: str = "0.0.0.0", port: int = 8000, lang: str = "id",
                per_device: int | None = None):
    """The class's web server (not yet running); `serve` runs it until Ctrl+C."""
    import jinja2
    from aiohttp import WSMsgType, web
    from textual_serve.app_service import AppService
    from textual_serve.server import Server

    from sandbox.store import open_store
    from sandbox.training import access, seat_launch
    from sandbox.training.classroom import class_info

    pages = jinja2.Environment(loader=jinja2.FileSystemLoader(str(WEB)), autoescape=True)

    class SeatService(AppService):
        """One seat's app process, started by `seat_launch.open_process` (no shell); its session
        token goes in the environment, never on the command line (where `ps` would show it)."""

        def __init__(self, argv: list[str], token: str, seat: int, **kwargs) -> None:
            super().__init__(" ".join(argv[:3]), **kwargs)
            self.argv, self.token, self.seat = argv, token, seat
            self._stop_lock = asyncio.Lock()
            self._stopped = False

        def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
            width, height = clamp_size(width, height)
            environment = super()._build_environment(width, height)
            environment[access.TOKEN_ENV] = self.token
            return environment

        async def _open_app_process(self, width: int = 80, height: int = 24):
            environment = self._build_environment(width=width, height=height)
            self._process = process = await seat_launch.open_process(self.argv, environment)
            self._stdin = process.stdin
            return process

        async def start(self, width: int, height: int) -> None:
            """Start the app, unless the session was stopped first (a stop waits for a start)."""
            async with self._stop_lock:
                if not self._stopped:
                    await super().start(*clamp_size(width, height))

        async def set_terminal_size(self, width: int, height: int) -> None:
            await super().set_terminal_size(*clamp_size(width, height))

        async def on_meta(self, data: bytes) -> None:
            """The app's meta packets: only "exit" means anything here (no downloads, no URLs)."""
            try:
                kind = json.loads(data).get("type")
            except (ValueError, AttributeError):
                return
            if kind == "exit":
                await self.remote_close()

        async def run(self) -> None:
            """textual-serve's reading loop, with the app's error output kept small (the last
            `STDERR_KEPT` bytes) and told as one redacted log line, never copied to the terminal."""
            process = self._process
            stdout, stderr = process.stdout, process.stderr
            kept = bytearray()

            async def read_stderr() -> None:
                with contextlib.suppress(asyncio.CancelledError, ConnectionError, OSError):
                    while data := await stderr.read(4096):
                        kept.extend(data)
                        del kept[:-STDERR_KEPT]

            reader = asyncio.create_task(read_stderr())
            try:
                for _ in range(10):  # the prelude: a Textual app says so first
                    line = await stdout.readline()
                    if not line or line == b"__GANGLION__\n":
                        break
                while True:
                    kind = await stdout.readexactly(1)
                    size = int.from_bytes(await stdout.readexactly(4), "big")
                    payload = await stdout.readexactly(size)
                    if kind == b"D":
                        await self.on_data(payload)
                    elif kind == b"M":
                        await self.on_meta(payload)
            except (asyncio.IncompleteReadError, ConnectionError, asyncio.CancelledError):
                pass
            except Exception as error:  # the browser went away while writing to it
                log.warning(_said("akses.log.galat", jenis=type(error).__name__))
            finally:
                with contextlib.suppress(TimeoutError, asyncio.CancelledError):
                    await asyncio.wait_for(asyncio.shield(reader), 2)
                reader.cancel()
            if process.returncode is None and not self._stopped:  # stdout closed: it is ending
                with contextlib.suppress(TimeoutError, asyncio.CancelledError):
                    await asyncio.wait_for(process.wait(), 1)
            lines = [line for line in kept.decode("utf-8", "replace").splitlines() if line.strip()]
            code = process.returncode
            if lines and code not in (None, 0):
                log.warning(_said("akses.log.app_galat", kursi=self.seat, kode=code,
                                  baris=redact(lines[-1], [self.token])[:300]))

        def _kill(self) -> None:
            """SIGKILL the app: its whole process group when it leads one, else the process."""
            process = self._process
            try:
                group = os.getpgid(process.pid) if hasattr(os, "getpgid") else None
                if group is not None and group == process.pid and group != os.getpgrp():
                    os.killpg(group, signal.SIGKILL)
                else:
                    process.kill()
            except (ProcessLookupError, PermissionError, OSError):
                pass

        async def stop(self) -> None:
            """Ask the app to quit; after `STOP_SECONDS` kill it; return when its process is gone.
            Safe to call more than once and from more than one task."""
            async with self._stop_lock:
                if self._stopped:
                    return
                self._stopped = True
                process = self._process
                if process is not None and process.returncode is None:
                    with contextlib.suppress(Exception):
                        await asyncio.wait_for(self.send_meta({"type": "quit"}), 1)
                    try:
                        await asyncio.wait_for(process.wait(), STOP_SECONDS)
                    except TimeoutError:
                        log.warning(_said("akses.log.dibunuh", kursi=self.seat, detik=int(STOP_SECONDS)))
                        self._kill()
                        with contextlib.suppress(TimeoutError):
                            await asyncio.wait_for(process.wait(), STOP_SECONDS)
                task, self._task = self._task, None
                if task is not None:
                    done, _ = await asyncio.wait({task}, timeout=CLOSE_SECONDS + 1)
                    if not done:
                        task.cancel()

    class ClassServer(Server):
        def __init__(self) -> None:
            shown = lan_address() if host in ("0.0.0.0", "") else host
            super().__init__("ekinerja seat", host=host, port=port, title="e-Kinerja Sandbox",
                             public_url=f"http://{shown}:{port}")
            self.SeatService = SeatService  # one seat's app (the tests start one directly)
            self.db = Path(db).expanduser().resolve()
            self.lang = lang
            self.per_device = access.PER_DEVICE if per_device is None else per_device
            self.throttle = access.DoorThrottle()
            self.spawned = 0  # seat processes started (the tests read it)
            self.live: dict[int, Session] = {}  # seat → its one live session
            self._sockets: dict[int, int] = {}  # seat → websockets being handled
            self._locks: dict[int, asyncio.Lock] = {}
            self._last_start: dict[int, float] = {}
            self._tasks: set[asyncio.Task] = set()
            self._watcher: asyncio.Task | None = None
            self._door_shut = False
            self._store = None
            self._kelas_id: int | None = None
            self._seats = 0
            self._code = ""

        # -- the class file, opened in the server's own thread on first use --------------------------
        @property
        def store(self):
            if self._store is None:
                self._store = open_store(self.db)
                self._read_class()
            return self._store

        def _read_class(self) -> None:
            info = class_info(self._store)
            self._kelas_id, self._seats, self._code = info.id, info.kursi, info.kode_gabung or ""

        @property
        def kelas_id(self) -> int:
            self.store  # noqa: B018  (opens the file, reads the class)
            return self._kelas_id

        @property
        def capacity(self) -> int:
            """Live seat processes at most: the class's seats."""
            self.store  # noqa: B018
            return self._seats

        def secrets(self) -> list[str]:
            """What no log line may show: the join code and every live session's token."""
            return [self._code, *(session.token for session in list(self.live.values()))]

        def initialize_logging(self) -> None:
            """One plain line per record on stderr, through `SecretFilter` (no Rich traceback with
            local variables, which printed a seat's token)."""
            handler = logging.StreamHandler(sys.stderr)
            handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", datefmt="%H:%M:%S"))
            handler.addFilter(SecretFilter(self.secrets))
            root = logging.getLogger()
            for old in list(root.handlers):
                root.removeHandler(old)
            root.addHandler(handler)
            root.setLevel(logging.INFO)
            logging.getLogger("aiohttp.access").disabled = True

        def serve(self, debug: bool = False) -> None:
            """Serve until Ctrl+C (or SIGTERM); no access log (its lines held `?kode=…`)."""
            import errno

            from sandbox.training.classroom import ClassError

            self.initialize_logging()
            try:
                web.run_app(self._make_app(), host=self.host, port=self.port, print=self._announce,
                            access_log=None, handle_signals=True, shutdown_timeout=STOP_SECONDS + 5)
            except OSError as error:  # the port is taken, the address is not this laptop's
                if error.errno == errno.EADDRINUSE:
                    raise ClassError("akses.port_dipakai", port=self.port) from None
                detail = os.strerror(error.errno) if error.errno else type(error).__name__
                raise ClassError("akses.port", host=self.host, port=self.port, detail=detail) from None

        def _announce(self, *_said: object) -> None:
            """Called by aiohttp once the port is open: the address trainees open, both languages."""
            for lang_ in ("id", "en"):
                print(message("akses.log.mulai", lang_, url=self.public_url), flush=True)

        async def _make_app(self):
            app = web.Application(client_max_size=64 * 1024)
            app.add_routes([
                web.get("/", self.handle_index, name="index"),
                web.get("/ws", self.handle_websocket, name="websocket"),
                web.static("/static", self.statics_path, show_index=False, follow_symlinks=False,
                           name="static"),
            ])
            app.on_response_prepare.append(self._headers)
            app.on_startup.append(self.on_startup)
            app.on_shutdown.append(self.on_shutdown)
            return app

        async def _headers(self, request, response) -> None:
            """Pages take nothing from another host and run in no other site's frame."""
            if response.status == 101:
                return
            response.headers.setdefault("X-Content-Type-Options", "nosniff")
            response.headers.setdefault("Referrer-Policy", "no-referrer")
            if (response.content_type or "").startswith("text/html"):
                here = re.sub(r"[^A-Za-z0-9.:\[\]-]", "", request.host)[:300]
                response.headers["Content-Security-Policy"] = (
                    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline';"
                    f" img-src 'self' data:; font-src 'self'; connect-src 'self' ws://{here} wss://{here};"
                    " frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'")
                response.headers["X-Frame-Options"] = "DENY"

        async def on_startup(self, app) -> None:
            starter = getattr(seat_launch, "start", None)  # the seat fork server, if seat_launch has one
            if starter is not None:
                try:
                    starter()
                except Exception as error:  # seats then start the plain way
                    log.warning(_said("akses.log.galat", jenis=type(error).__name__))
            self._watcher = asyncio.create_task(self._watch())

        async def on_shutdown(self, app) -> None:
            if self._watcher is not None:
                self._watcher.cancel()
            sessions = list(self.live.values())
            if sessions:
                await asyncio.gather(*(self._end(s, "berhenti") for s in sessions), return_exceptions=True)
            if self._store is not None:
                self._store.close()
                self._store = None

        def _seat_of(self, token: str | None) -> int | None:
            return access.seat_of_token(self.store, self.kelas_id, token) if token else None

        def _door(self, status: int, problem: str | None = None):
            return web.Response(status=status, text=_join_page(problem), content_type="text/html",
                                headers={"Cache-Control": "no-store"})

        def _shut(self, wait: int, which: str | None):
            if which == "kelas":
                return self._door(429, _problem("akses.kelas_terkunci", detik=wait))
            return self._door(429, _problem("akses.terlalu_sering", detik=wait))

        # -- the page --------------------------------------------------------------------------------
        async def handle_index(self, request):
            ip = request.remote or "?"
            token = request.cookies.get(COOKIE)
            if "kode" in request.query:
                wait, which = self.throttle.wait(ip)  # first, for every join: the right code too
                if which != "kelas":
                    self._door_shut = False  # the next shutting is told again
                if wait:
                    return self._shut(wait, which)
                try:
                    entry = access.join(self.store, self.kelas_id, request.query.get("kode"), token, ip=ip,
                                        per_device=self.per_device)
                except access.AccessRefused as refused:
                    if refused.code == "akses.kode_salah":
                        wait, which = self.throttle.fail(ip)
                        if which == "kelas" and not self._door_shut:
                            self._door_shut = True
                            log.warning(_said("akses.log.kelas_terkunci", detik=wait,
                                              jumlah=access.CLASS_MAX_FAILURES,
                                              menit=int(access.CLASS_WINDOW_SECONDS // 60),
                                              alamat=self.throttle.addresses()))
                        if wait:
                            return self._shut(wait, which)
                    if refused.code in ("akses.kode_salah", "akses.kode_kosong"):
                        return self._door(403, _problem(refused.code, **refused.params))
                    return self._door(409, _problem(refused.code, **refused.params))  # a right code only
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
            return self._app_page(seat, request)

        def _app_page(self, seat: int, request):
            """The seat's page: textual-serve's terminal, everything from this server (no font or
            script from the internet), the websocket address taken from the page's own location."""
            def both(key: str, **params) -> dict[str, str]:
                return {"id": message(key, "id", **params), "en": message(key, "en", **params)}

            size = _query_int(request.query.get("fontsize"))
            text = pages.get_template("kursi.html").render(
                judul=message("akses.kursi.judul", self.lang, kursi=seat),
                membuka=both("akses.kursi.membuka", kursi=seat),
                buka_lagi=both("akses.kursi.buka_lagi"),
                font_size=max(8, min(40, size if size is not None else 16)),
                static="/static/",
                alasan=_reason_texts(),
            )
            return web.Response(text=text, content_type="text/html", headers={"Cache-Control": "no-store"})

        # -- the seat's app ---------------------------------------------------------------------------
        async def handle_websocket(self, request):
            origin = request.headers.get("Origin")
            if origin and urlsplit(origin).netloc != request.host:  # another site's page
                return web.Response(status=403, text=message("akses.halaman.ditolak_ws", self.lang))
            token = request.cookies.get(COOKIE)
            seat = self._seat_of(token)
            if seat is None:
                return web.Response(status=403, text=message("akses.halaman.ditolak_ws", self.lang))
            ip = request.remote or "?"
            width, height = clamp_size(_query_int(request.query.get("width")),
                                       _query_int(request.query.get("height")))
            websocket = web.WebSocketResponse(heartbeat=15, max_msg_size=MAX_MESSAGE, compress=False,
                                              timeout=CLOSE_SECONDS)
            await websocket.prepare(request)
            session = Session(seat, token, ip, websocket)
            if self._sockets.get(seat, 0) >= MAX_SOCKETS_PER_SEAT:
                await self._say(session, "banyak")
                return websocket
            self._sockets[seat] = self._sockets.get(seat, 0) + 1
            try:
                await self._run(session, width, height)
            except asyncio.CancelledError:
                session.reason = session.reason or "berhenti"
                raise
            except Exception as error:
                log.error(_said("akses.log.galat", jenis=type(error).__name__))
            finally:
                self._sockets[seat] -= 1
                if not self._sockets[seat]:
                    del self._sockets[seat]
                await asyncio.shield(self._finish(session))
            return websocket

        async def _run(self, session: Session, width: int, height: int) -> None:
            seat = session.seat
            async with self._locks.setdefault(seat, asyncio.Lock()):
                old = self.live.get(seat)
                if old is not None:  # this tab takes the seat over: the old one ends first, app and all
                    await self._end(old, "diambil_alih" if self._seat_of(old.token) == seat else "dilepas")
                    if self.live.get(seat) is old:
                        del self.live[seat]
                if self._seat_of(session.token) != seat:
                    await self._say(session, "dilepas")
                    return
                if len(self.live) >= self.capacity:
                    await self._say(session, "sibuk")
                    return
                pause = self._last_start.get(seat, -START_SPACING) + START_SPACING - time.monotonic()
                if pause > 0:
                    await asyncio.sleep(pause)
                if session.websocket.closed:  # the tab went away while it waited
                    return
                websocket = session.websocket
                service = SeatService(
                    seat_argv(self.db, self.lang, seat), session.token, seat,
                    write_bytes=websocket.send_bytes, write_str=websocket.send_str,
                    close=lambda: self._app_ended(session), download_manager=self.download_manager,
                )
                session.service = service
                self.live[seat] = session
                self._last_start[seat] = time.monotonic()
                self.spawned += 1
                await service.start(width, height)
                log.info(_said("akses.log.kursi_buka", kursi=seat, ip=session.ip))
            await self._messages(session)

        async def _messages(self, session: Session) -> None:
            """The browser's messages to the app; the first malformed one ends the session."""
            service = session.service
            websocket = session.websocket
            async for envelope in websocket:
                if session.reason is not None:
                    return
                if envelope.type != WSMsgType.TEXT:
                    if envelope.type == WSMsgType.ERROR and isinstance(envelope.data, ConnectionError):
                        return  # the connection broke: nobody to tell
                    kind = None
                else:
                    try:
                        kind, data = parse_message(envelope.data)
                    except Malformed:
                        kind = None
                if kind is None:
                    log.warning(_said("akses.log.pesan_rusak", kursi=session.seat, ip=session.ip))
                    await self._end(session, "rusak")
                    return
                if kind == "stdin":
                    await service.send_bytes(data)
                elif kind == "resize":
                    await service.set_terminal_size(*data)
                elif kind == "ping":
                    await websocket.send_json(["pong", data])
                elif kind == "blur":
                    await service.blur()
                elif kind == "focus":
                    await service.focus()

        async def _app_ended(self, session: Session) -> None:
            """The app said it exits (the trainee quit, or the app saw its seat released)."""
            await self._say(session, session.reason or self._reason_after(session))

        def _reason_after(self, session: Session) -> str:
            try:
                held = self._seat_of(session.token) == session.seat
            except Exception:  # a busy class file: the plainer reason
                held = True
            return "selesai" if held else "dilepas"

        async def _say(self, session: Session, reason: str) -> None:
            """Tell the page why the session ends (once), then close the websocket."""
            if session.reason is None:
                session.reason = reason
            if session.said:
                return
            session.said = True
            websocket = session.websocket
            if websocket.closed:
                return
            with contextlib.suppress(Exception):
                await asyncio.wait_for(websocket.send_str(json.dumps([END, session.reason])), CLOSE_SECONDS)
            with contextlib.suppress(Exception):
                await asyncio.wait_for(websocket.close(code=4000, message=session.reason.encode()),
                                       CLOSE_SECONDS + 1)

        async def _end(self, session: Session, reason: str) -> None:
            """End a session: the reason to its page, its app stopped (gone when this returns)."""
            if session.reason is None:
                session.reason = reason
            await self._say(session, session.reason)
            if session.service is not None:
                await session.service.stop()

        async def _finish(self, session: Session) -> None:
            """A session's handler is done: whatever happened, its app is stopped."""
            if session.reason is None:
                session.reason = "tutup" if session.websocket.closed else self._reason_after(session)
            try:
                await self._end(session, session.reason)
            finally:
                if self.live.get(session.seat) is session:
                    del self.live[session.seat]
            if session.service is not None:
                log.info(_said_ended(session.seat, session.reason))

        async def _watch(self) -> None:
            """End the sessions of seats the trainer released (within `WATCH_SECONDS`)."""
            while True:
                await asyncio.sleep(WATCH_SECONDS)
                try:
                    if self._store is not None:
                        self._read_class()  # a new join code is a secret too
                    for seat, session in list(self.live.items()):
                        if session.reason is None and self._seat_of(session.token) != seat:
                            task = asyncio.create_task(self._end(session, "dilepas"))
                            self._tasks.add(task)
                            task.add_done_callback(self._tasks.discard)
                except Exception as error:  # a busy file: look again next time
                    log.warning(_said("akses.log.galat", jenis=type(error).__name__))

    return ClassServer()


def serve(db: str | Path, host: str = "0.0.0.0", port: int = 8000, lang: str = "id",
          per_device: int | None = None) -> None:
    """Serve until Ctrl+C; prints the address trainees open."""
    server = make_server(db, host, port, lang, per_device)
    server.serve()
