"""What a simulation keeps: per-person and per-unit results in SQLite, and the running totals.

A person's row keeps the annual ratings (or, in a numeric model, the nilai) the predikat was
decided from, after the curve adjustment re-rated them, so any single result can be asked again of
the engine of record with its explanation (`ekinerja rules eval PACK predikat rating_hasil_kerja=…
rating_perilaku=…`); `predikat_tahunan_awal` is the predikat before the adjustment and
`dipindah_kurva` the number of periods (of five) in which the curve changed it.

Per-person rows (`hasil_pegawai`) and per-unit curve checks (`hasil_kurva`: the first check with its
counts, the check after the adjustment step and the people it moved; `predikat_bulanan`: the twelve
predikat of a money pack cut by the month's own predikat) go to the run's own
SQLite file as each office finishes, so memory stays bounded whatever the population, and an
analyst can recount any figure of the report from the rows (every pack's rows, keyed by `paket`).
`Summary` keeps only counts and sums; what sets a reform against the base (transitions, who wins and
who loses TPP) is kept per reform in a `Pair`, so `compare DASAR R1 R2 …` folds each reform's pair
from the same draws.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import sqlite_utils

from sandbox.sim.behaviour import ATTENDANCE, CAPAIAN, HUKUMAN, PREDIKAT, RATINGS
from sandbox.sim.year import ANNUAL, PERIODS, OfficeOutcome

GROUPS = ("jenis_jabatan", "golongan", "kelompok_umur", "jenis_kelamin")
# who wins and who loses TPP (paired runs): by office (OPD / instansi), unit and the groups above
CHANGE_GROUPS = ("instansi", "unit", *GROUPS)
TOP_CHANGES = 10  # the largest gains and losses kept for the report
# a person's explanatory columns: what the TPP and predikat decisions read besides the ratings
EXPLAIN_COLUMNS = {"instansi": str, "unit": str, "jenjang": str, "besaran_tpp": int,
                   "hukuman_disiplin": str, "bulan_hukuman": int,
                   **{f"hadir_{kind}": int for kind in ATTENDANCE},
                   "kehadiran_bulanan": str, "hukuman_bulanan": str, "inovasi": int, "penilaian_360": int}


def tpp_change(tpp_a: np.ndarray, tpp_b: np.ndarray) -> np.ndarray:
    """B − A per person, on the stored (cent-rounded) amounts, so SQL recounts it exactly."""
    return np.round(np.round(tpp_b, 2) - np.round(tpp_a, 2), 2)


@dataclass
class PackTotals:
    pegawai: int = 0
    predikat: np.ndarray = field(default_factory=lambda: np.zeros((5, 5), dtype=np.int64))  # period, predikat
    tpp: float = 0.0
    angka_kredit: float = 0.0
    pegawai_jf: int = 0
    simulated: frozenset = frozenset()  # decisions simulated (TPP and angka kredit may not be)
    nilai: np.ndarray = field(default_factory=lambda: np.zeros(3))  # sums of annual nilai SKP, perilaku,
    # kinerja
    pegawai_nilai: int = 0
    units_checked: np.ndarray = field(default_factory=lambda: np.zeros(5, dtype=np.int64))
    units_broken: np.ndarray = field(default_factory=lambda: np.zeros(5, dtype=np.int64))  # first check
    units_broken_final: np.ndarray = field(default_factory=lambda: np.zeros(5, dtype=np.int64))  # after it
    units_adjusted: np.ndarray = field(default_factory=lambda: np.zeros(5, dtype=np.int64))
    moved: np.ndarray = field(default_factory=lambda: np.zeros(5, dtype=np.int64))  # net, per person
    moved_up: np.ndarray = field(default_factory=lambda: np.zeros(5, dtype=np.int64))
    moved_down: np.ndarray = field(default_factory=lambda: np.zeros(5, dtype=np.int64))
    curve_transition: np.ndarray = field(default_factory=lambda: np.zeros((5, 5), dtype=np.int64))  # annual
    rules: Counter = field(default_factory=Counter)  # annual curve, first check: rule id -> units
    rules_final: Counter = field(default_factory=Counter)  # annual curve after the adjustment
    bulan_pegawai: int = 0  # staff-months with a monthly predikat (money pack monthly)
    bulan_berbeda: int = 0  # of which the month's predikat differs from its quarter's
    groups: dict = field(default_factory=lambda: defaultdict(lambda: {
        "pegawai": 0, "predikat": np.zeros(5, dtype=np.int64), "tpp": 0.0, "angka_kredit": 0.0}))


@dataclass
class Pair:
    """One reform against the base on the same draws: predikat transitions and, with TPP under both,
    who gains or loses it."""

    transition: np.ndarray = field(default_factory=lambda: np.zeros((5, 5), dtype=np.int64))  # base, reform
    # (group, value cells) -> counts and sums of the change
    change: dict = field(default_factory=lambda: defaultdict(lambda: {
        "pegawai": 0, "naik": 0, "turun": 0, "tetap": 0, "tpp_a": 0.0, "tpp_b": 0.0}))
    deltas: list = field(default_factory=list)  # per office: each person's TPP change reform − base
    top: list = field(default_factory=list)  # the largest gains and losses: row tuples (see _add_change)


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
    seconds: dict = field(default_factory=dict)  # summed over offices: load, run, store (bench/)
    seed: int = 0
    pairs: dict = field(default_factory=dict)  # reform label -> Pair (each reform against the base)

    def __post_init__(self) -> None:
        self.totals = {label: PackTotals() for label in self.labels}
        self.pairs = {label: Pair() for label in self.labels[1:]}

    def _first(self) -> Pair:
        return next(iter(self.pairs.values()), None) or Pair()

    # two packs: the one reform's pair, as the report and its tests have always read it
    transition = property(lambda self: self._first().transition)
    change = property(lambda self: self._first().change)
    deltas = property(lambda self: self._first().deltas)
    top = property(lambda self: self._first().top)

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
            total.simulated = outcome.simulated
            for q in range(5):
                total.predikat[q] += np.bincount(outcome.predikat[:, q], minlength=5)
                changed = outcome.predikat[:, q] != outcome.awal[:, q]
                total.moved[q] += int(changed.sum())
                total.moved_up[q] += int((outcome.predikat[:, q] < outcome.awal[:, q]).sum())
                total.moved_down[q] += int((outcome.predikat[:, q] > outcome.awal[:, q]).sum())
            np.add.at(total.curve_transition, (outcome.awal[:, ANNUAL], outcome.predikat[:, ANNUAL]), 1)
            total.tpp += float(np.nansum(outcome.tpp))
            if outcome.bulanan is not None:
                total.bulan_pegawai += outcome.bulanan.size
                total.bulan_berbeda += int((outcome.bulanan != np.repeat(outcome.predikat[:, :ANNUAL], 3,
                                                                         axis=1)).sum())
            jf = ~np.isnan(outcome.angka_kredit)
            total.angka_kredit += float(outcome.angka_kredit[jf].sum())
            total.pegawai_jf += int(jf.sum())
            if outcome.nilai is not None:
                total.nilai += outcome.nilai.sum(axis=0)
                total.pegawai_nilai += n
            for check in outcome.curves:
                q = check.period
                total.units_checked[q] += 1
                total.units_adjusted[q] += int(check.moved > 0)
                if not check.sesuai:
                    total.units_broken[q] += 1
                    if q == ANNUAL:
                        total.rules.update(check.rules)
                if not check.sesuai_akhir:
                    total.units_broken_final[q] += 1
                    if q == ANNUAL:
                        total.rules_final.update(check.rules_akhir)
            annual = outcome.predikat[:, ANNUAL]
            tpp = np.nan_to_num(outcome.tpp)
            ak = np.nan_to_num(outcome.angka_kredit)
            for group, (names, codes) in keys.items():
                size = len(names)
                counts = np.bincount(codes, minlength=size)
                group_tpp = np.bincount(codes, weights=tpp, minlength=size)
                credit = np.bincount(codes, weights=ak, minlength=size)
                spread = np.zeros((size, 5), dtype=np.int64)
                np.add.at(spread, (codes, annual), 1)
                for j, value in enumerate(names):
                    cell = total.groups[(group, value)]
                    cell["pegawai"] += int(counts[j])
                    cell["predikat"] += spread[j]
                    cell["tpp"] += float(group_tpp[j])
                    cell["angka_kredit"] += float(credit[j])
        base = office.outcomes[self.labels[0]]
        for label, pair in self.pairs.items():
            reform = office.outcomes[label]
            np.add.at(pair.transition, (base.predikat[:, ANNUAL], reform.predikat[:, ANNUAL]), 1)
            if "tpp" in base.simulated and "tpp" in reform.simulated:
                self._add_change(office, keys, pair, base, reform)

    def _add_change(self, office: OfficeOutcome, keys: dict, pair: Pair, base, reform) -> None:
        """Who gains, loses or keeps their TPP under the reform, by office, unit and group; deciles;
        the largest."""
        people = office.people
        tpp_a, tpp_b = (np.round(np.nan_to_num(outcome.tpp), 2) for outcome in (base, reform))
        delta = tpp_change(tpp_a, tpp_b)
        pair.deltas.append(delta)
        unit_ids = [*office.unit_ids, None]
        unit_names = [*office.unit_names, "(tanpa unit / no unit)"]
        units = np.where(people.unit >= 0, people.unit, len(office.unit_ids))
        names, codes = np.unique(units, return_inverse=True)
        groups = {"instansi": ([(office.instansi_id, office.nama)], np.zeros(len(delta), dtype=np.int64)),
                  "unit": ([(office.instansi_id, unit_ids[u], unit_names[u]) for u in names.tolist()],
                           codes.reshape(-1)),
                  **{g: ([(v,) for v in values], c) for g, (values, c) in keys.items()}}
        sign = np.sign(delta).astype(np.int64)
        for group, (values, codes) in groups.items():
            size = len(values)
            counts = np.bincount(codes, minlength=size)
            up = np.bincount(codes, weights=sign > 0, minlength=size)
            down = np.bincount(codes, weights=sign < 0, minlength=size)
            sum_a = np.bincount(codes, weights=tpp_a, minlength=size)
            sum_b = np.bincount(codes, weights=tpp_b, minlength=size)
            for j, value in enumerate(values):
                cell = pair.change[(group, value)]
                cell["pegawai"] += int(counts[j])
                cell["naik"] += int(up[j])
                cell["turun"] += int(down[j])
                cell["tetap"] += int(counts[j] - up[j] - down[j])
                cell["tpp_a"] += float(sum_a[j])
                cell["tpp_b"] += float(sum_b[j])
        order = np.argsort(delta, kind="stable")
        picked = [*order[:TOP_CHANGES].tolist(), *order[-TOP_CHANGES:].tolist()]
        for i in dict.fromkeys(picked):
            if delta[i] == 0:
                continue
            u = int(people.unit[i])
            pair.top.append((float(delta[i]), people.nip[i], office.nama,
                             office.unit_names[u] if u >= 0 else "", people.jenis_jabatan[i],
                             float(tpp_a[i]), float(tpp_b[i])))
        gains = sorted((t for t in pair.top if t[0] > 0), key=lambda t: (-t[0], t[1]))[:TOP_CHANGES]
        losses = sorted((t for t in pair.top if t[0] < 0), key=lambda t: (t[0], t[1]))[:TOP_CHANGES]
        pair.top = gains + losses

    def headline(self) -> list:
        """(key, label, value per pack) of the figures a regulator reads first (and --seeds bounds)."""
        rows = []
        totals = [self.totals[label] for label in self.labels]
        for k, name in enumerate(PREDIKAT):
            rows.append((f"predikat_{name}", name, [int(t.predikat[ANNUAL][k]) for t in totals]))
        rows.append(("tpp", "tpp", [round(t.tpp) if "tpp" in t.simulated else None for t in totals]))
        rows.append(("angka_kredit", "angka_kredit",
                     [round(t.angka_kredit, 3) if "angka_kredit" in t.simulated else None for t in totals]))
        rows.append(("nilai_kinerja", "nilai_kinerja",
                     [round(float(t.nilai[2]) / t.pegawai_nilai, 3) if t.pegawai_nilai else None
                      for t in totals]))
        rows.append(("kurva_melanggar_awal", "kurva_melanggar_awal",
                     [int(t.units_broken[ANNUAL]) for t in totals]))
        rows.append(("kurva_melanggar_akhir", "kurva_melanggar_akhir",
                     [int(t.units_broken_final[ANNUAL]) for t in totals]))
        rows.append(("dipindah_kurva", "dipindah_kurva", [int(t.moved[ANNUAL]) for t in totals]))
        moved = [int(p.transition.sum() - p.transition.trace()) for p in self.pairs.values()]
        if len(moved) == 1:
            rows.append(("berpindah", "berpindah", [moved[0], moved[0]]))
        elif moved:  # several reforms: each one's count against the base (the base has none)
            rows.append(("berpindah", "berpindah", [None, *moved]))
        return rows


class ResultStore:
    """The run's SQLite file: one `run` row, then rows per person and per unit check (and seed)."""

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
            "angka_kredit": float, "terlambat": int, "bukti_lemah": int, "dikerjakan_operator": int,
            "predikat_tahunan_awal": str, "dipindah_kurva": int, "nilai_skp": float, "nilai_perilaku": float,
            "nilai_kinerja": float, "seed": int, **EXPLAIN_COLUMNS})
        self.db["hasil_kurva"].create({
            "paket": str, "kantor": int, "unor_id": str, "unit": str, "periode": str, "capaian": str,
            "jumlah_pegawai": int, "sesuai": int, "aturan_dilanggar": str, "sesuai_akhir": int,
            "aturan_dilanggar_akhir": str, "dipindah": int, "seed": int,
            **{f"awal_{p}": int for p in PREDIKAT}})
        self.db["replikasi"].create({"seed": int, "angka_utama": str})
        # a money pack cut by the month's own predikat: the twelve predikat (JSON list), per person
        self.db["predikat_bulanan"].create({"paket": str, "kantor": int, "nip": str, "seed": int,
                                            "predikat_bulanan": str})

    def add(self, office: OfficeOutcome, seed: int = 0) -> None:
        """Write one office's rows in one transaction (columns built as arrays, then zipped)."""
        from sandbox.sim.behaviour import PROFILES

        people = office.people
        n = len(people.nip)
        unit_ids = np.array([*office.unit_ids, None], dtype=object)  # index -1 reads None
        shared = [
            [office.instansi_id] * n, people.nip, unit_ids[people.unit].tolist(), people.jenis_jabatan,
            people.golongan, people.age_band, people.gender,
            np.array(PROFILES, dtype=object)[people.profile].tolist()]
        habits = [office.draws.late.tolist(), office.draws.weak.tolist(), office.draws.delegated.tolist()]
        explained = _explanatory(office)
        ratings = np.array(RATINGS, dtype=object)
        curve_rows = []
        with self.db.conn:
            for label, outcome in office.outcomes.items():
                names = np.array(PREDIKAT, dtype=object)[outcome.predikat]
                credit = _nullable(np.round(outcome.angka_kredit, 3))
                tpp = _nullable(np.round(outcome.tpp, 2))
                if outcome.nilai is None:
                    nilai = [[None] * n] * 3
                else:
                    nilai = [np.round(outcome.nilai[:, k], 2).tolist() for k in range(3)]
                moved = (outcome.predikat != outcome.awal).sum(axis=1)
                columns = [[label] * n, [office.index] * n, *shared,
                           ratings[outcome.hasil[:, ANNUAL]].tolist(),
                           ratings[outcome.perilaku[:, ANNUAL]].tolist(),
                           *(names[:, q].tolist() for q in range(len(PERIODS))),
                           tpp, credit, *habits,
                           np.array(PREDIKAT, dtype=object)[outcome.awal[:, ANNUAL]].tolist(), moved.tolist(),
                           *nilai, [seed] * n, *explained]
                width = 28 + len(EXPLAIN_COLUMNS)
                self.db.conn.executemany(f"INSERT INTO hasil_pegawai VALUES ({','.join('?' * width)})",
                                         zip(*columns, strict=True))
                if outcome.bulanan is not None:
                    months = np.array(PREDIKAT, dtype=object)[outcome.bulanan]
                    self.db.conn.executemany("INSERT INTO predikat_bulanan VALUES (?, ?, ?, ?, ?)", (
                        (label, office.index, nip, seed, json.dumps(row.tolist()))
                        for nip, row in zip(people.nip, months, strict=True)))
                for c in outcome.curves:
                    curve_rows.append((label, office.index, office.unit_ids[c.unit],
                                       office.unit_names[c.unit],
                                       PERIODS[c.period], CAPAIAN[c.capaian], c.size, int(c.sesuai),
                                       ",".join(c.rules), int(c.sesuai_akhir), ",".join(c.rules_akhir),
                                       c.moved, seed, *c.counts))
            self.db.conn.executemany(f"INSERT INTO hasil_kurva VALUES ({','.join('?' * 18)})", curve_rows)

    def add_replication(self, seed: int, figures: dict) -> None:
        with self.db.conn:
            self.db.conn.execute("INSERT INTO replikasi VALUES (?, ?)",
                                 [seed, json.dumps(figures, ensure_ascii=False)])

    def finish(self, summary_json: dict) -> None:
        self.db["run"].update(1, {"ringkasan": json.dumps(summary_json, ensure_ascii=False)})
        self.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.db.conn.close()


def _explanatory(office: OfficeOutcome) -> list:
    """The EXPLAIN_COLUMNS of every person (the same under every pack: they are the draws).

    `kehadiran_bulanan` is the month-by-month attendance as JSON (12 lists in ATTENDANCE order) and
    `hukuman_bulanan` the months under a hukuman disiplin ({"1": kind, …}, months 1–12), so each
    month's TPP decision can be asked again of the engine from the row alone (`--explain NIP`);
    `hukuman_disiplin` is the heaviest kind served in the year and `hadir_*` the year's totals."""
    people, draws = office.people, office.draws
    n = len(people.nip)
    unit_names = np.array([*office.unit_names, None], dtype=object)
    attendance = draws.attendance
    totals = attendance.sum(axis=1)
    hukuman = draws.hukuman
    heaviest = np.array(HUKUMAN, dtype=object)[hukuman.max(axis=1)].tolist()
    months = (hukuman > 0).sum(axis=1).tolist()
    # each distinct month written once (a population repeats the same few hundred months)
    radix = int(attendance.max(initial=0)) + 1
    keys = np.zeros(attendance.shape[:2], dtype=np.int64)
    for k in range(len(ATTENDANCE)):
        keys = keys * radix + attendance[:, :, k]
    distinct, first, inverse = np.unique(keys.reshape(-1), return_index=True, return_inverse=True)
    flat = attendance.reshape(-1, len(ATTENDANCE))
    texts = np.array(["[" + ",".join(map(str, flat[i].tolist())) + "]" for i in first.tolist()], dtype=object)
    monthly = ["[" + ",".join(row) + "]" for row in texts[inverse.reshape(keys.shape)].tolist()]
    served = ["{}"] * n
    for i in np.flatnonzero(hukuman.any(axis=1)).tolist():
        served[i] = json.dumps({str(m + 1): HUKUMAN[k] for m, k in enumerate(hukuman[i].tolist()) if k},
                               separators=(",", ":"))
    return [[office.nama] * n, unit_names[people.unit].tolist(), list(people.jenjang),
            people.besaran.tolist(), heaviest, months,
            *(totals[:, k].tolist() for k in range(len(ATTENDANCE))),
            monthly, served, draws.inovasi.astype(int).tolist(), [int(draws.penilaian_360)] * n]


def _nullable(values: np.ndarray) -> list:
    out = values.astype(object)
    out[np.isnan(values)] = None
    return out.tolist()
