"""The first-timer's step list (WORKFLOW.md §1.4), each step ticked from what the database holds.

Nothing here is stored: a step is done when its result exists, so the list can never disagree with
the workflow. Steps are numbered as in §1.4; the period steps read the period a pegawai is working
on now: the latest opened periodic one (a quarter), else the annual Final period.
"""

from __future__ import annotations

from dataclasses import dataclass

from sandbox.domain.status import SKP_WITH_PERIODS, SkpStatus
from sandbox.store import Store
from sandbox.workflow.actions import period_opened
from sandbox.workflow.periode import DOKUMEN_TERBIT, FINAL, KEBERATAN
from sandbox.workflow.support import row, rows
from sandbox.workflow.views import current_skp, periods_of

SUBMITTED = (SkpStatus.DIAJUKAN, *SKP_WITH_PERIODS)


@dataclass(frozen=True)
class Langkah:
    nomor: str  # the §1.4 step number
    kunci: str  # the catalog key: tui.step.<kunci> names it, tui.step.<kunci>.cara says how
    selesai: bool
    periode: str = ""  # the period a period step is about (its name, e.g. "Triwulan II 2026")


def current_period(store: Store, skp_id: int, reader: str) -> dict | None:
    opened = [p for p in periods_of(store, skp_id, reader=reader) if period_opened(p["state"])]
    periodic = [p for p in opened if p["jenis"] != "tahunan"]
    if periodic:
        return periodic[-1]
    return opened[-1] if opened else None


def langkah_pegawai(store: Store, nip: str, year: int) -> list[Langkah]:
    skp = current_skp(store, nip, year)
    status = skp["status"] if skp else None
    rhk = rows(store.db, "SELECT r.id, (SELECT count(*) FROM indikator i WHERE i.rhk_id = r.id) AS n"
                         " FROM rhk r WHERE r.skp_id = ?", [skp["id"]]) if skp else []
    lampiran = row(store.db, "SELECT * FROM lampiran WHERE skp_id = ?", [skp["id"]]) if skp else None
    has_lampiran = bool(lampiran) and any(
        str(v or "").strip() for k, v in lampiran.items() if k not in ("id", "skp_id"))
    steps = [
        Langkah("4", "buat_skp", skp is not None),
        Langkah("5", "rhk", bool(rhk)),
        Langkah("6", "indikator", bool(rhk) and all(r["n"] for r in rhk)),
        Langkah("7", "lampiran", has_lampiran),
        Langkah("8", "ajukan", status in SUBMITTED),
        Langkah("9", "disetujui", status in SKP_WITH_PERIODS),
    ]
    period = current_period(store, skp["id"], nip) if status in SKP_WITH_PERIODS else None
    if period:
        ra = row(store.db, "SELECT count(*) AS n FROM rencana_aksi WHERE skp_periode_id = ?", [period["id"]])
        gaps = row(store.db, """
            SELECT count(*) AS n FROM indikator i JOIN rhk r ON r.id = i.rhk_id WHERE r.skp_id = ?
              AND (NOT EXISTS (SELECT 1 FROM realisasi x WHERE x.indikator_id = i.id AND x.skp_periode_id = ?)
                OR NOT EXISTS (SELECT 1 FROM bukti_dukung b WHERE b.indikator_id = i.id
                               AND b.skp_periode_id = ? AND b.link_status = 'OK'))""",
                   [skp["id"], period["id"], period["id"]])
        state = period["state"]
    else:
        ra = gaps = None
        state = None
    nama = period["nama"] if period else ""
    steps += [
        Langkah("11", "rencana_aksi", bool(ra and ra["n"]), nama),
        Langkah("13", "realisasi", bool(gaps is not None and rhk and gaps["n"] == 0), nama),
        Langkah("15", "dinilai", bool(period and period["predikat"]), nama),
        Langkah("17", "dokumen", state in (DOKUMEN_TERBIT, KEBERATAN, FINAL), nama),
        Langkah("20", "final", state == FINAL, nama),
    ]
    return steps


def langkah_pejabat(store: Store, nip: str, year: int) -> list[Langkah]:
    """What a leader does for their people (§1.4 steps 9, 10, 14–15)."""
    subs = rows(store.db, "SELECT nip FROM pegawai WHERE atasan_nip = ? AND aktif = 1", [nip])
    skps = [current_skp(store, s["nip"], year) for s in subs]
    waiting = [s for s in skps if s and s["status"] in (SkpStatus.DIAJUKAN, SkpStatus.REVISI_DIAJUKAN)]
    approved = [s for s in skps if s and s["status"] in SKP_WITH_PERIODS]
    unrated = 0
    for skp in approved:
        period = current_period(store, skp["id"], nip)
        if period and not period["predikat"]:
            unrated += 1
    return [
        Langkah("9", "putuskan_bawahan", bool(skps) and not waiting and any(s is not None for s in skps)),
        Langkah("10", "matriks", bool(subs) and len(approved) == len(subs)),
        Langkah("15", "nilai_bawahan", bool(approved) and unrated == 0),
    ]


def langkah_untuk(store: Store, nip: str, year: int, memimpin: bool) -> list[Langkah]:
    """A persona's whole list: their own steps, then, for a leader, what they do for their people."""
    steps = langkah_pegawai(store, nip, year)
    return steps + langkah_pejabat(store, nip, year) if memimpin else steps


def next_step(steps: list[Langkah]) -> Langkah | None:
    return next((s for s in steps if not s.selesai), None)


@dataclass(frozen=True)
class Arah:
    """Where a persona stands: every step, and the one due next (None once all are done).

    The guided banner, the Beranda's "what next" line and its step list all render one `Arah`,
    so they cannot name different steps."""

    langkah: list[Langkah]
    berikut: Langkah | None

    @property
    def selesai(self) -> int:
        return sum(s.selesai for s in self.langkah)


def arah_untuk(store: Store, nip: str, year: int, memimpin: bool) -> Arah:
    steps = langkah_untuk(store, nip, year, memimpin)
    return Arah(steps, next_step(steps))
