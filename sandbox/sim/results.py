"""What a simulation keeps: per-person and per-unit results in SQLite, and the running totals.

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

from sandbox.sim.behaviour import CAPAIAN, PREDIKAT
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
            "profil": str, **{f"predikat_{p}": str for p in PERIODS}, "tpp_setahun": float,
            "angka_kredit": float, "terlambat": int, "bukti_lemah": int, "dikerjakan_operator": int})
        self.db["hasil_kurva"].create({
            "paket": str, "kantor": int, "unor_id": str, "unit": str, "periode": str, "capaian": str,
            "jumlah_pegawai": int, "sesuai": int, "aturan_dilanggar": str})

    def add(self, office: OfficeOutcome) -> None:
        from sandbox.sim.behaviour import PROFILES

        people = office.people
        unit_ids = office.unit_ids
        person_rows, curve_rows = [], []
        for label, outcome in office.outcomes.items():
            names = np.array(PREDIKAT, dtype=object)[outcome.predikat]
            for i, nip in enumerate(people.nip):
                ak = outcome.angka_kredit[i]
                person_rows.append((
                    label, office.index, office.instansi_id, nip,
                    unit_ids[people.unit[i]] if people.unit[i] >= 0 else None,
                    people.jenis_jabatan[i], people.golongan[i], people.age_band[i], people.gender[i],
                    PROFILES[people.profile[i]], *names[i], round(float(outcome.tpp[i]), 2),
                    None if np.isnan(ak) else round(float(ak), 3), int(office.draws.late[i]),
                    int(office.draws.weak[i]), int(office.draws.delegated[i])))
            for k, q, c, size, sesuai, rules in outcome.curves:
                curve_rows.append((label, office.index, unit_ids[k], office.unit_names[k], PERIODS[q],
                                   CAPAIAN[c], size, int(sesuai), ",".join(rules)))
        with self.db.conn:
            self.db.conn.executemany(f"INSERT INTO hasil_pegawai VALUES ({','.join('?' * 20)})",
                                     person_rows)
            self.db.conn.executemany(f"INSERT INTO hasil_kurva VALUES ({','.join('?' * 9)})", curve_rows)

    def finish(self, summary_json: dict) -> None:
        self.db["run"].update(1, {"ringkasan": json.dumps(summary_json, ensure_ascii=False)})
        self.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.db.conn.close()
