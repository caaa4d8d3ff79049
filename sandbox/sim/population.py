"""Where a simulated population comes from, cut into units of work of one office each.

A unit of work is one office (instansi) for one year. It is described by a small, picklable
`WorkUnit` and loaded where it runs, so a run can be spread over processes today (`compare.run`)
and over a cluster later without changing anything here: a Dask or Ray task would take a WorkUnit
and return the same `OfficeOutcome`.

Synthetic: `--staff N --seed S` is one office `synth.generate_office(S, N)` while N fits a large
kabupaten (OFFICE_MAX); a bigger population is several offices with seeds derived from S. So the
population of `compare --staff 10000 --seed 1` is exactly the office `ekinerja seed --staff 10000
--seed 1` stores. Stored: `--db PATH` reads each instansi of a sandbox database as it is. Both
sources list units by id and people by NIP, because the simulator's draws go by position: the same
office and seed give every person the same results whichever way it arrived. An office imported
from an office's own data (`ekinerja import`) also carries what the data gave of the year (`Given`):
the simulator uses each value given and draws only the rest.
"""

from __future__ import annotations

import json
import math
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from sandbox.sim.behaviour import ATTENDANCE

OFFICE_MAX = 20_000  # staff of one synthetic office (a large kabupaten)


@dataclass(frozen=True)
class WorkUnit:
    index: int
    kind: str  # "synthetic" or "database"
    seed: int = 0
    staff: int = 0
    path: str = ""
    instansi_id: str = ""


@dataclass
class Given:
    """What an import gave of one office's year, in `OfficeRows` order; -1 is a value not given (drawn).
    A part the data did not give at all is None."""

    hasil: np.ndarray | None = None  # (people, 4) RATINGS codes per quarter, as first rated
    perilaku: np.ndarray | None = None  # (people, 4)
    capaian: np.ndarray | None = None  # (units, 4) CAPAIAN codes
    attendance: np.ndarray | None = None  # (people, 12, len(ATTENDANCE)) events per month
    besaran: np.ndarray | None = None  # (people,) monthly TPP base in rupiah


@dataclass
class OfficeRows:
    """One office as its `unor` and `pegawai` rows (the shape `synth.persist.office_rows` gives)."""

    instansi_id: str
    nama: str
    units: list
    people: list
    given: Given | None = None  # None: everything about the year is drawn


def synthetic_units(staff: int, seed: int) -> list[WorkUnit]:
    """Split N staff into offices of at most OFFICE_MAX; the first office keeps the seed as given."""
    count = max(1, math.ceil(staff / OFFICE_MAX))
    base, extra = divmod(staff, count)
    return [WorkUnit(index=k, kind="synthetic", seed=seed if k == 0 else seed * 100_003 + k,
                     staff=base + (1 if k < extra else 0)) for k in range(count)]


def database_units(path: str | Path) -> list[WorkUnit]:
    """One unit of work per instansi stored in a sandbox database (opened read-only)."""
    with _read_only(path) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM instansi ORDER BY id")]
    return [WorkUnit(index=k, kind="database", path=str(path), instansi_id=i) for k, i in enumerate(ids)]


def load(work: WorkUnit) -> OfficeRows:
    """The rows of a unit of work, generated or read where the work runs."""
    if work.kind == "synthetic":
        from sandbox.synth.office import generate_office
        from sandbox.synth.persist import office_rows

        office = generate_office(work.seed, work.staff)
        units, people = office_rows(office)
        # the order a stored office is read in, so --db and --staff/--seed draw alike per person
        units.sort(key=lambda u: u["id"])
        people.sort(key=lambda p: p["nip"])
        return OfficeRows(office.instansi.id, office.instansi.nama, units, people)
    with _read_only(work.path) as conn:
        conn.row_factory = sqlite3.Row
        nama = conn.execute("SELECT nama FROM instansi WHERE id = ?", [work.instansi_id]).fetchone()[0]
        units = [dict(r) for r in conn.execute(
            "SELECT * FROM unor WHERE instansi_id = ? AND aktif = 1 ORDER BY id", [work.instansi_id])]
        ids = [u["id"] for u in units]
        people = [dict(r) for r in conn.execute(
            f"SELECT * FROM pegawai WHERE aktif = 1 AND unor_id IN ({','.join('?' * len(ids))})"
            " ORDER BY nip", ids)] if ids else []
        try:
            stored = conn.execute("SELECT nilai FROM pengaturan WHERE kunci = ?",
                                  ["impor." + work.instansi_id]).fetchone()
        except sqlite3.OperationalError:  # a file from before `pengaturan` existed: nothing imported
            stored = None
    given = given_of(json.loads(stored[0]), units, people) if stored else None
    return OfficeRows(work.instansi_id, nama, units, people, given)


def given_of(data: dict, units: list, people: list) -> Given:
    """The JSON `sandbox.sim.importer` stores (values by NIP / unit id, null = not given) as arrays."""
    def table(part: str, keys: list, shape: tuple, reshape: tuple):
        values = data.get(part)
        if not values:
            return None
        out = np.full((len(keys), *shape), -1, dtype=np.int64)
        for k, key in enumerate(keys):
            row = values.get(key)
            if row is not None:
                flat = [-1 if v is None else v for v in (row if isinstance(row, list) else [row])]
                out[k] = np.array(flat).reshape(shape)
        return out.reshape(len(keys), *reshape)

    nips, unit_ids = [p["nip"] for p in people], [u["id"] for u in units]
    kinds = len(ATTENDANCE)
    attendance = table("kehadiran", nips, (kinds, 12), (kinds, 12))  # stored kind by kind, month by month
    return Given(hasil=table("hasil", nips, (4,), (4,)), perilaku=table("perilaku", nips, (4,), (4,)),
                 capaian=table("capaian", unit_ids, (4,), (4,)),
                 attendance=None if attendance is None else attendance.transpose(0, 2, 1),
                 besaran=table("besaran", nips, (1,), ()))


class _read_only:
    """A read-only SQLite connection as a context manager (a simulation never writes the office)."""

    def __init__(self, path):
        self.path = Path(path)

    def __enter__(self) -> sqlite3.Connection:
        from sandbox.sim.rulebook import SimError

        try:
            self.conn = sqlite3.connect(self.path.resolve().as_uri() + "?mode=ro", uri=True)
            self.conn.execute("SELECT id FROM instansi LIMIT 1").fetchall()
            self.conn.execute("SELECT nip, unor_id, tanggal_lahir, behaviour_profile FROM pegawai LIMIT 1")
        except sqlite3.DatabaseError as error:
            raise SimError("sim.db_unusable", path=str(self.path), detail=str(error)) from None
        return self.conn

    def __exit__(self, *exc) -> None:
        self.conn.close()
