"""Who may enter a class (issue #7): the join code, the seats' claims, the trainer's PIN, a throttle on
failed attempts, where each seat was (so a closed tab comes back), and what a seat may read.

- **Join code** (`kelas.kode_gabung`, shown on the trainer's console): `join` refuses a session
  without it. A good code claims the lowest free seat and returns a random token; only the token's
  SHA-256 is stored (`kursi.token_hash`). A browser keeps the token in a cookie, so the same browser
  always gets the same seat back; a terminal seat keeps it in its process (and records the process
  in `kursi.pemegang`, so a user whose terminal died gets their seat back when they join again).
  When every seat is taken the class is full: no 31st seat on a 30-seat class.
- **Trainer's PIN**: a salted scrypt hash in `kelas.pin_hash`; the console asks for it.
- **Throttle**: `MAX_FAILURES` wrong codes or PINs within `WINDOW_SECONDS` → refused for a while.
  In memory (per server, per console): it stops guessing over the network, where the only way in is
  `ekinerja serve`; whoever has a shell on the trainer's laptop can read the class file anyway.
  The door of `ekinerja serve` (`DoorThrottle`) counts wrong join codes twice: per address (an IPv6
  address by its /64, one device's share) and across the whole class, because one machine can speak
  from many addresses (225 loopback addresses, a /64, a LAN's spare IPs). Class-wide:
  `CLASS_MAX_FAILURES` = 60 wrong codes within `CLASS_WINDOW_SECONDS` = 10 minutes shut the door
  (every join, the right code too, hears the same "wait") until the oldest of them is 10 minutes old.
  A room of 30 that each mistype once does not reach it; a guesser gets at most 60 guesses per
  10 minutes = 360 an hour, whatever the number of addresses. The code has 6 digits (10^6 codes,
  `classroom.create_class`): trying them all takes 10^6 / 360 ≈ 2,780 hours ≈ 116 days, half of them
  (the expected time) ≈ 58 days, and a whole 14-hour training day (the cookie's life) gives
  14 × 360 = 5,040 guesses = a 0.5 % chance. Seats already in keep working while the door is shut.
  The door runs the throttle and the code check before anything else, so "the class is full" (and
  "this device already holds a seat") is only ever said to the right code, after the throttle.
- **One device, one seat**: a browser claim records the client's address (the audit row of
  `kelas.masuk`, which is append-only); a device whose address already holds `per_device` claimed
  seats is refused another (`ekinerja serve --kursi-per-perangkat N`, default 1), so one device
  without cookies cannot claim every seat of the class.
- **Place**: `kursi.posisi` remembers the attempt, persona and screen of a seat on every move.
- **Reads**: a seat may read only the people of its own current attempt (`check_read`, `read_skp`);
  the seat app also refuses to become anyone else (`tui.session.Session.allowed`).
"""

from __future__ import annotations

import getpass
import hashlib
import hmac
import ipaddress
import json
import math
import os
import secrets
import socket
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sandbox.store import Store
from sandbox.training import access_messages  # noqa: F401  (registers the door's messages)
from sandbox.training.classroom import AccessRefused, ClassError, class_info, current_attempt
from sandbox.training.pin import PIN_MIN, SCRYPT, hash_pin, new_pin, verify_pin  # noqa: F401 (re-exported)
from sandbox.workflow.actors import PENGELOLA_KINERJA, TRAINER

TOKEN_ENV = "EKINERJA_KURSI_TOKEN"  # how `ekinerja serve` hands a seat process its session token
MAX_FAILURES = 5
WINDOW_SECONDS = 60.0
CLASS_MAX_FAILURES = 60  # wrong join codes across the class (every address together) …
CLASS_WINDOW_SECONDS = 600.0  # … within 10 minutes: see the figure in the docstring
PER_DEVICE = 1  # claimed seats one device (client address) may hold
REGULATOR_KEY = "REGULATOR"  # = sandbox.tui.session.REGULATOR (the workbench persona of T20)


@dataclass(frozen=True)
class Entry:
    seat: int
    token: str
    resumed: bool  # the token already held this seat (a tab reopened, a laptop woken)


def _now_wall() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


# -- the trainer's PIN (hashing in sandbox.training.pin) -----------------------------------------
def set_pin(store: Store, kelas_id: int, pin: str) -> None:
    """Set (or change) the trainer's PIN; only its salted hash is written, never the PIN."""
    pin = (pin or "").strip()
    if len(pin) < PIN_MIN:
        raise AccessRefused("akses.pin_pendek", minimal=PIN_MIN)
    hashed = hash_pin(pin)
    store.apply(TRAINER, None, "kelas.pin", "kelas", kelas_id, {},
                lambda db: db.execute("UPDATE kelas SET pin_hash = ? WHERE id = ?", [hashed, kelas_id]))


def has_pin(store: Store, kelas_id: int) -> bool:
    found = store.conn.execute("SELECT pin_hash FROM kelas WHERE id = ?", [kelas_id]).fetchone()
    return bool(found and found[0])


def check_pin(store: Store, kelas_id: int, pin: str) -> bool:
    """Is this the trainer's PIN? A class without a PIN (made before PINs existed) asks none."""
    found = store.conn.execute("SELECT pin_hash FROM kelas WHERE id = ?", [kelas_id]).fetchone()
    if not (found and found[0]):
        return True
    return verify_pin(pin, found[0])


# -- the join code and the seats -----------------------------------------------------------------
def check_code(store: Store, kelas_id: int, code: str | None) -> None:
    given = "".join((code or "").split())
    if not given:
        raise AccessRefused("akses.kode_kosong")
    expected = class_info(store, kelas_id).kode_gabung or ""
    if not hmac.compare_digest(given.encode(), expected.encode()):
        raise AccessRefused("akses.kode_salah")


def holder_id() -> str:
    """Who holds a terminal seat: this machine, this OS user, this process."""
    try:
        user = getpass.getuser()
    except Exception:  # no user name in the environment (a service account): the uid is enough
        user = str(getattr(os, "getuid", lambda: "?")())
    return json.dumps([socket.gethostname(), user, os.getpid()])


def _alive(holder: str) -> bool:
    """Is the terminal process that holds a seat still running? Unknown (another machine,
    Windows, a damaged value) counts as running: a seat is never taken from someone who may be
    in it."""
    try:
        host, _user, pid = json.loads(holder)
    except (ValueError, TypeError):
        return True
    if host != socket.gethostname() or os.name == "nt":  # os.kill(pid, 0) would kill on Windows
        return True
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError, ValueError):
        return True
    return True


def _same_user(holder: str | None, me: str) -> bool:
    try:
        return holder is not None and json.loads(holder)[:2] == json.loads(me)[:2]
    except (ValueError, TypeError):
        return False


class _Taken(Exception):
    """Another join took the seat between reading it and claiming it: roll back, read again."""


def _free_seat(store: Store, kelas_id: int, holder: str | None) -> int | None:
    rows = store.conn.execute(
        "SELECT no, token_hash, pemegang, diklaim_wall_ts FROM kursi WHERE kelas_id = ? ORDER BY no",
        [kelas_id],
    ).fetchall()
    if holder is not None:  # a terminal user whose earlier terminal is gone: their own seat back
        for no, token, held, _ in rows:
            if token is not None and _same_user(held, holder) and not _alive(held):
                return no
    # free seats: a seat the trainer released (someone changing laptops) before a never-used one
    free = [(claimed is None, no) for no, token, _, claimed in rows if token is None]
    return min(free)[1] if free else None


def join(store: Store, kelas_id: int, code: str | None, token: str | None = None, *,
         holder: str | None = None, ip: str | None = None, per_device: int | None = None) -> Entry:
    """Enter the class: a wrong or missing code is refused; a token that holds a seat gets that
    seat again; otherwise the next free seat is claimed with a new token; a full class refuses.

    `ip` is the client's address (a browser's); with `per_device`, a device whose address already
    holds that many claimed seats is refused another (checked in the claim's own transaction)."""
    check_code(store, kelas_id, code)
    if token:
        seat = seat_of_token(store, kelas_id, token)
        if seat is not None:
            seen(store, kelas_id, seat)
            return Entry(seat, token, True)
    device = device_of(ip) if ip else None
    fresh = secrets.token_urlsafe(32)
    for _ in range(20):
        seat = _free_seat(store, kelas_id, holder)
        if seat is None:
            _check_device(store, kelas_id, device, per_device)  # its own seat first, if it has one
            raise AccessRefused("akses.kelas_penuh", kursi=class_info(store, kelas_id).kursi)
        before = store.conn.execute("SELECT token_hash FROM kursi WHERE kelas_id = ? AND no = ?",
                                    [kelas_id, seat]).fetchone()[0]
        now = _now_wall()

        def claim(db, seat: int = seat, before: str | None = before, now: str = now) -> None:
            _check_device(store, kelas_id, device, per_device)
            changed = db.execute(
                "UPDATE kursi SET token_hash = ?, pemegang = ?, diklaim_wall_ts = ?, dilihat_wall_ts = ?"
                " WHERE kelas_id = ? AND no = ? AND token_hash IS ?",
                [_digest(fresh), holder, now, now, kelas_id, seat, before]).rowcount
            if not changed:
                raise _Taken

        try:
            store.apply(None, None, "kelas.masuk", "kursi", seat,
                        {"kursi": seat, "terminal": holder is not None}, claim, ip=ip)
        except _Taken:
            continue
        return Entry(seat, fresh, False)
    raise AccessRefused("akses.kelas_penuh", kursi=class_info(store, kelas_id).kursi)


def device_of(ip: str) -> str:
    """The device an address stands for: an IPv4 address itself; an IPv6 address by its /64 (one
    host can take any address of its network's /64, so that is one device's share)."""
    try:
        address = ipaddress.ip_address(ip.split("%", 1)[0])
    except ValueError:
        return ip[:64]
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


def device_seats(store: Store, kelas_id: int, device: str) -> list[int]:
    """The claimed seats this device (an address, see `device_of`) holds: the address of each claimed
    seat's latest `kelas.masuk` (the audit log is append-only, so it cannot be rewritten)."""
    rows = store.conn.execute(
        "SELECT k.no, (SELECT a.ip FROM audit_log a WHERE a.entity = 'kursi'"
        " AND a.entity_id = CAST(k.no AS TEXT) AND a.action = 'kelas.masuk' ORDER BY a.id DESC LIMIT 1)"
        " FROM kursi k WHERE k.kelas_id = ? AND k.token_hash IS NOT NULL ORDER BY k.no", [kelas_id])
    return [no for no, ip in rows if ip and device_of(ip) == device]


def _check_device(store: Store, kelas_id: int, device: str | None, per_device: int | None) -> None:
    if device is None or per_device is None:
        return
    held = device_seats(store, kelas_id, device)
    if len(held) >= per_device:
        raise AccessRefused("akses.perangkat", daftar=", ".join(str(no) for no in held))


def seat_of_token(store: Store, kelas_id: int, token: str | None) -> int | None:
    """The seat this session token holds, or None (no token, a forged one, a released seat)."""
    if not token:
        return None
    found = store.conn.execute("SELECT no FROM kursi WHERE kelas_id = ? AND token_hash = ?",
                               [kelas_id, _digest(token)]).fetchone()
    return found[0] if found else None


def seen(store: Store, kelas_id: int, seat: int) -> None:
    """The seat was entered again just now (for the trainer: who is still here)."""
    def body() -> None:
        with store.write():
            store.conn.execute("UPDATE kursi SET dilihat_wall_ts = ? WHERE kelas_id = ? AND no = ?",
                               [_now_wall(), kelas_id, seat])

    store.retrying(body)


def release(store: Store, kelas_id: int, seats: list[int] | None = None) -> list[int]:
    """The trainer frees seats (all when `seats` is None): their tokens stop working at once and the
    next join takes a released seat first, with its work and its place kept. Returns those freed."""
    info = class_info(store, kelas_id)
    chosen = list(range(1, info.kursi + 1)) if seats is None else seats
    for seat in chosen:
        if not 1 <= seat <= info.kursi:
            raise ClassError("kelas.kursi_salah", kursi=seat, jumlah=info.kursi)
    held = [no for (no,) in store.conn.execute(
        "SELECT no FROM kursi WHERE kelas_id = ? AND token_hash IS NOT NULL ORDER BY no", [kelas_id])
        if no in chosen]
    if not held:
        return []
    marks = ",".join("?" * len(held))
    store.apply(TRAINER, None, "kelas.lepas", "kelas", kelas_id, {"kursi": held},
                lambda db: db.execute(f"UPDATE kursi SET token_hash = NULL, pemegang = NULL"
                                      f" WHERE kelas_id = ? AND no IN ({marks})", [kelas_id, *held]))
    return held


def claimed_seats(store: Store, kelas_id: int) -> set[int]:
    return {no for (no,) in store.conn.execute(
        "SELECT no FROM kursi WHERE kelas_id = ? AND token_hash IS NOT NULL", [kelas_id])}


# -- where a seat was -----------------------------------------------------------------------------
def remember_place(store: Store, kelas_id: int, seat: int, place: dict) -> None:
    """Keep where the trainee is now (attempt, persona, screen); no audit row, like a draft."""
    text = json.dumps(place, sort_keys=True)

    def body() -> None:
        with store.write():
            store.conn.execute("UPDATE kursi SET posisi = ? WHERE kelas_id = ? AND no = ?",
                               [text, kelas_id, seat])

    store.retrying(body)


def place_of(store: Store, kelas_id: int, seat: int) -> dict | None:
    found = store.conn.execute("SELECT posisi FROM kursi WHERE kelas_id = ? AND no = ?",
                               [kelas_id, seat]).fetchone()
    try:
        return json.loads(found[0]) if found and found[0] else None
    except ValueError:
        return None


# -- what a seat may read --------------------------------------------------------------------------
def seat_people(store: Store, kelas_id: int, seat: int) -> frozenset[str]:
    """Whom this seat may play now: its current attempt's roles (NIPs, or the workbench and the
    pengelola kinerja's pseudo-actors). Nobody before the first round."""
    from sandbox.training.attempt import scenario_of, world_of

    attempt = current_attempt(store, kelas_id, seat)
    if attempt is None:
        return frozenset()
    cast = world_of(store, attempt["id"]).cast
    keys = set()
    for role in scenario_of(attempt).peran:
        if role == "regulator":
            keys.add(REGULATOR_KEY)
        elif role == "pengelola":
            keys.add(PENGELOLA_KINERJA)
        elif role in cast.roles:
            keys.add(cast.roles[role])
    return frozenset(keys)


def seat_nips(store: Store, kelas_id: int, seat: int) -> frozenset[str]:
    """Every person of this seat's current attempt (the people it plays and those around them)."""
    from sandbox.training.attempt import world_of

    attempt = current_attempt(store, kelas_id, seat)
    return frozenset(world_of(store, attempt["id"]).cast.roles.values()) if attempt else frozenset()


def check_read(store: Store, kelas_id: int, seat: int, nip: str | None) -> None:
    """Refuse reading the work of anyone outside this seat's own attempt (another seat's people,
    the demo office)."""
    if nip is None or nip not in seat_nips(store, kelas_id, seat):
        raise AccessRefused("akses.bukan_kursi_ini", kursi=seat)


def read_skp(store: Store, kelas_id: int, seat: int, skp_id: int) -> dict:
    """An SKP with its RHK, indicators and lampiran, for this seat only (see `check_read`)."""
    from sandbox.workflow.views import skp_detail

    owner = store.conn.execute("SELECT nip FROM skp WHERE id = ?", [skp_id]).fetchone()
    check_read(store, kelas_id, seat, owner[0] if owner else None)
    return skp_detail(store, skp_id, reader=TRAINER)  # the seat check above is the narrower one


# -- failed attempts --------------------------------------------------------------------------------
class Throttle:
    """At most `limit` failures per key (an IP address, a console) within `window` seconds; after
    that, `wait` says how long to wait. In memory: a restart forgets it."""

    def __init__(self, limit: int = MAX_FAILURES, window: float = WINDOW_SECONDS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.limit, self.window, self.clock = limit, window, clock
        self._failures: dict[str, deque[float]] = {}

    def _recent(self, key: str) -> deque[float]:
        now = self.clock()
        for k in list(self._failures):  # forget old failures of every key (a LAN is small)
            times = self._failures[k]
            while times and times[0] <= now - self.window:
                times.popleft()
            if not times:
                del self._failures[k]
        return self._failures.get(key, deque())

    def wait(self, key: str) -> int:
        """Seconds (rounded up) before this key may try again; 0 = may try now."""
        recent = self._recent(key)
        if len(recent) < self.limit:
            return 0
        return max(1, math.ceil(recent[-self.limit] + self.window - self.clock()))

    def fail(self, key: str) -> int:
        self._recent(key)
        self._failures.setdefault(key, deque()).append(self.clock())
        return self.wait(key)

    def clear(self, key: str) -> None:
        self._failures.pop(key, None)


class DoorThrottle:
    """The join door's throttle: wrong codes per address (`MAX_FAILURES` a minute) and across the
    whole class (`CLASS_MAX_FAILURES` within `CLASS_WINDOW_SECONDS`, every address together); see the
    module's docstring for why and for the brute-force figure. `wait` before checking any code;
    `fail` after a wrong one. In memory: a restart of the server forgets it."""

    CLASS = "\0kelas"  # the class-wide key (never an address)

    def __init__(self, per_address: Throttle | None = None, class_wide: Throttle | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.per_address = per_address or Throttle(MAX_FAILURES, WINDOW_SECONDS, clock)
        self.class_wide = class_wide or Throttle(CLASS_MAX_FAILURES, CLASS_WINDOW_SECONDS, clock)
        self._addresses: dict[str, float] = {}  # the addresses of the class-wide failures (the log line)

    def wait(self, ip: str) -> tuple[int, str | None]:
        """(seconds to wait, which: "alamat" / "kelas"), or (0, None): may try now."""
        shut = self.class_wide.wait(self.CLASS)
        if shut:
            return shut, "kelas"
        own = self.per_address.wait(device_of(ip))
        return (own, "alamat") if own else (0, None)

    def fail(self, ip: str) -> tuple[int, str | None]:
        """Count a wrong code from this address; returns what `wait` says now."""
        now = self.class_wide.clock()
        self._addresses = {a: t for a, t in self._addresses.items() if t > now - self.class_wide.window}
        self._addresses[device_of(ip)] = now
        self.class_wide.fail(self.CLASS)
        self.per_address.fail(device_of(ip))
        return self.wait(ip)

    def addresses(self) -> int:
        """How many addresses failed within the class-wide window (for the trainer's log)."""
        return len(self._addresses)

    def clear(self, ip: str) -> None:
        """A right code from this address forgets its own failures; the class-wide count stays."""
        self.per_address.clear(device_of(ip))
