"""What a setup step or a check sees: the store, the seat's cast, and the attempt it belongs to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sandbox.store import Store
from sandbox.synth.ready import YEAR
from sandbox.training.cast import Cast
from sandbox.workflow.support import row, rows


@dataclass
class World:
    store: Store
    cast: Cast
    attempt_id: int
    audit_start: int  # audit rows after this id are the trainee's (setup is before it)
    workdir: str | None = None  # a folder of the seat's own (reform files, reports)

    def nip(self, role: str) -> str:
        return self.cast.nip(role)

    def one(self, sql: str, params: list[Any]) -> dict[str, Any] | None:
        return row(self.store.conn, sql, params)

    def all(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        return rows(self.store.conn, sql, params)

    def skp(self, role: str) -> dict[str, Any] | None:
        """The role's live SKP of the year (the newest not cancelled), or None."""
        return self.one(
            "SELECT * FROM skp WHERE nip = ? AND periode_awal <= ? AND periode_akhir >= ?"
            " AND status NOT IN ('DIBATALKAN') ORDER BY id DESC LIMIT 1",
            [self.nip(role), f"{YEAR}-12-31", f"{YEAR}-01-01"],
        )

    def period(self, role: str, triwulan: int | str) -> dict[str, Any] | None:
        """The role's skp_periode for Triwulan 1-4 or the Final period, with its master's dates."""
        skp = self.skp(role)
        if skp is None:
            return None
        if triwulan == "final":
            where, args = "m.jenis = 'tahunan'", []
        else:
            where, args = (
                "m.jenis = 'triwulanan' AND substr(m.awal, 6, 2) = ?",
                [f"{3 * int(triwulan) - 2:02d}"],
            )
        return self.one(
            "SELECT sp.*, m.awal, m.akhir, m.batas_pengisian, m.nama AS periode_nama"
            " FROM skp_periode sp JOIN periode_penilaian_master m ON m.id = sp.master_id"
            f" WHERE sp.skp_id = ? AND {where} ORDER BY m.tahun DESC, m.id LIMIT 1",
            [skp["id"], *args],
        )

    def master_id(self, triwulan: int | str) -> int | None:
        if triwulan == "final":
            found = self.one(
                "SELECT id FROM periode_penilaian_master WHERE jenis = 'tahunan' AND tahun = ?", [YEAR]
            )
        else:
            found = self.one(
                "SELECT id FROM periode_penilaian_master WHERE jenis = 'triwulanan' AND awal = ?",
                [f"{YEAR}-{3 * int(triwulan) - 2:02d}-01"],
            )
        return found["id"] if found else None

    def actions(
        self, action: str, *, session: str | None = None, acting_as: str | None = None
    ) -> list[dict[str, Any]]:
        """Audit rows of this attempt (after setup) with this action, optionally by whom."""
        sql = "SELECT * FROM audit_log WHERE id > ? AND action = ?"
        args: list[Any] = [self.audit_start, action]
        if session is not None:
            sql += " AND session_nip = ?"
            args.append(session)
        if acting_as is not None:
            sql += " AND acting_as_nip = ?"
            args.append(acting_as)
        return self.all(sql + " ORDER BY id", args)
