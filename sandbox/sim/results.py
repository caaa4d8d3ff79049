"""What a simulation keeps: per-person and per-unit results in SQLite, and the running totals.

A person's row keeps the annual ratings the predikat was decided from, so any single result can be
asked again of the engine of record with its explanation (`ekinerja rules eval PACK predikat
rating_hasil_kerja=… rating_perilaku=…`).

Per-person rows (`hasil_pegawai`) and per-unit curve checks (`hasil_kurva`) go to the run's own
SQLite file as each office finishes, so memory stays bounded whatever the population, and an
analyst can recount any figure of the report from the rows. `Summary` keeps only counts and sums.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import sqlite_utils

from sandbox.sim.behaviour import CAPAIAN, PREDIKAT, RATINGS
from sandbox.sim.year import ANNUAL, PERIODS, OfficeOutcome

GROUPS = ("jenis_jabatan", "golongan", "kelompok_umur", "jenis_kelamin")


@dataclass
class PackTotals:
    pegawai: int = 0
    predikat: np.ndarray = field(default_factory=lambda: np.zeros((5, 5), dtype=np.int64))  # period, predikat
    tpp: float = 0.0
    angka_kredit: float = 0.0
    pegawai_jf: int = 0
    units_checked: np.ndarray = field(default_factory=lambda: np.zeros(5, dtype=np.int64))
    units_broken: np.ndarray = field(default_factory=lambda: np.zeros(5, dtype=np.int64))
    rules: Counter = field(default_factory=Counter)  # annual curve: rule id -> units breaking it
    groups: dict = field(default_factory=lambda: defaultdict(lambda: {
        "pegawai": 0, "predikat": np.zeros(5, dtype=np.int64), "tpp": 0.0, "angka_kredit": 0.0}))


@dataclass
class Summary:
    """Counts and sums over every office so far; enough for the whole report."""

    labels: list
    offices: int = 0
    pegawai: int = 0
    units: int = 0
    late: int = 0
    weak: int = 0
    delegated: int = 0
    totals: dict = field(default_factory=dict)
    transition: np.ndarray = field(default_factory=lambda: np.zeros((5, 5), dtype=np.int64))
    seconds: dict = field(default_factory=dict)  # summed over offices: load, run, store (bench/)

    def __post_init__(self) -> None:
        self.totals = {label: PackTotals() for label in self.labels}

    def add(self, office: OfficeOutcome) -> None:
        people = office.people
        n = len(people.nip)
        self.offices += 1
        self.pegawai += n
        self.units += len(office.unit_ids)
        self.late += int(office.draws.late.sum())
        self.weak += int(office.draws.weak.sum())
        self.delegated += int(office.draws.delegated.sum())
        keys = {}
        for group, values in (("jenis_jabatan", people.jenis_jabatan), ("golongan", people.golongan),
                              ("kelompok_umur", people.age_band), ("jenis_kelamin", people.gender)):
            names, codes = np.unique(np.array(values, dtype=str), return_inverse=True)
            keys[group] = (names.tolist(), codes.reshape(-1))
        for label, outcome in office.outcomes.items():
            total = self.totals[label]
            total.pegawai += n
            for q in range(5):
                total.predikat[q] += np.bincount(outcome.predikat[:, q], minlength=5)
            total.tpp += float(outcome.tpp.sum())
            jf = ~np.isnan(outcome.angka_kredit)
            total.angka_kredit += float(outcome.angka_kredit[jf].sum())
            total.pegawai_jf += int(jf.sum())
            for _k, q, _c, _size, sesuai, rules in outcome.curves:
                total.units_checked[q] += 1
                if not sesuai:
                    total.units_broken[q] += 1
                    if q == ANNUAL:
                        total.rules.update(rules)
            annual = outcome.predikat[:, ANNUAL]
            ak = np.nan_to_num(outcome.angka_kredit)
            for group, (names, codes) in keys.items():
                size = len(names)
                counts = np.bincount(codes, minlength=size)
                tpp = np.bincount(codes, weights=outcome.tpp, minlength=size)
                credit = np.bincount(codes, weights=ak, minlength=size)
                spread = np.zeros((size, 5), dtype=np.int64)
                np.add.at(spread, (codes, annual), 1)
                for j, value in enumerate(names):
                    cell = total.groups[(group, value)]
                    cell["pegawai"] += int(counts[j])
                    cell["predikat"] += spread[j]
                    cell["tpp"] += float(tpp[j])
                    cell["angka_kredit"] += float(credit[j])
        if len(self.labels) == 2:
            base, reform = (office.outcomes[label].predikat[:, ANNUAL] for label in self.labels)
            np.add.at(self.transition, (base, reform), 1)


class ResultStore:
    """The run's SQLite file: one `run` row, then rows per person and per unit check."""

    def __init__(self, path: Path, meta: dict):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.path.exists():
            self.path.unlink()
        self.db = sqlite_utils.Database(self.path)
        self.db.conn.execute("PRAGMA journal_mode = WAL")
        self.db["run"].insert({"dibuat": dt.datetime.now().isoformat(timespec="seconds"),
                               **{k: json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else v
                                  for k, v in meta.items()}, "ringkasan": ""})
        self.db["hasil_pegawai"].create({
            "paket": str, "kantor": int, "instansi_id": str, "nip": str, "unor_id": str,
            "jenis_jabatan": str, "golongan": str, "kelompok_umur": str, "jenis_kelamin": str,
            "profil": str, "rating_hasil_kerja": str, "rating_perilaku": str,
            **{f"predikat_{p}": str for p in PERIODS}, "tpp_setahun": float,
            "angka_kredit": float, "terlambat": int, "bukti_lemah": int, "dikerjakan_operator": int})
        self.db["hasil_kurva"].create({
            "paket": str, "kantor": int, "unor_id": str, "unit": str, "periode": str, "capaian": str,
            "jumlah_pegawai": int, "sesuai": int, "aturan_dilanggar": str})

    def add(self, office: OfficeOutcome) -> None:
        """Write one office's rows in one transaction (columns built as arrays, then zipped)."""
        from sandbox.sim.behaviour import PROFILES

        people = office.people
        n = len(people.nip)
        unit_ids = np.array([*office.unit_ids, None], dtype=object)  # index -1 reads None
        shared = [
            [office.instansi_id] * n, people.nip, unit_ids[people.unit].tolist(), people.jenis_jabatan,
            people.golongan, people.age_band, people.gender,
            np.array(PROFILES, dtype=object)[people.profile].tolist()]
        perilaku = np.array(RATINGS, dtype=object)[office.draws.perilaku[:, ANNUAL]].tolist()
        habits = [office.draws.late.tolist(), office.draws.weak.tolist(), office.draws.delegated.tolist()]
        curve_rows = []
        with self.db.conn:
            for label, outcome in office.outcomes.items():
                names = np.array(PREDIKAT, dtype=object)[outcome.predikat]
                credit = np.round(outcome.angka_kredit, 3).astype(object)
                credit[np.isnan(outcome.angka_kredit)] = None
                columns = [[label] * n, [office.index] * n, *shared,
                           np.array(RATINGS, dtype=object)[outcome.hasil[:, ANNUAL]].tolist(), perilaku,
                           *(names[:, q].tolist() for q in range(len(PERIODS))),
                           np.round(outcome.tpp, 2).tolist(), credit.tolist(), *habits]
                self.db.conn.executemany(f"INSERT INTO hasil_pegawai VALUES ({','.join('?' * 22)})",
                                         zip(*columns, strict=True))
                for k, q, c, size, sesuai, rules in outcome.curves:
                    curve_rows.append((label, office.index, office.unit_ids[k], office.unit_names[k],
                                       PERIODS[q], CAPAIAN[c], size, int(sesuai), ",".join(rules)))
            self.db.conn.executemany(f"INSERT INTO hasil_kurva VALUES ({','.join('?' * 9)})", curve_rows)

    def finish(self, summary_json: dict) -> None:
        self.db["run"].update(1, {"ringkasan": json.dumps(summary_json, ensure_ascii=False)})
        self.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.db.conn.close()
