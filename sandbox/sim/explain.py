"""`ekinerja compare … --explain NIP`: one person's path through the year under each pack.

Read from the run's stored rows only (`hasil_pegawai`: ratings or nilai, predikat per period, the
explanatory columns of `results.EXPLAIN_COLUMNS`), then every decision that made the person's result
is asked again of durable-rules, the engine of record (`sandbox.rules.engine.Engine.evaluate`), with
the same inputs, and its trace is printed as `ekinerja rules eval` prints it: the annual predikat
(or nilai kinerja), the TPP of each month (months with the same inputs share one trace; a money pack
cut by the month's own predikat shows each month, its predikat read from `predikat_bulanan`) and
angka kredit. The engine's answers are set against the stored ones, so a reader sees that they agree. With
several reforms (`compare DASAR R1 R2 …`) each pack gets its letter (A the base) and each reform its TPP
change against the base.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import sandbox.sim.messages  # noqa: F401 (registers the messages)
import sandbox.sim.messages_banyak  # noqa: F401 (registers the messages)
from sandbox.i18n import message
from sandbox.rules.engine import Engine
from sandbox.rules.explain import render_evaluation
from sandbox.rules.texts import angka_id
from sandbox.sim.behaviour import ATTENDANCE, PREDIKAT
from sandbox.sim.rulebook import SimRulebook, period_ends

QUARTERS = ("tw1", "tw2", "tw3", "tw4")
BULAN = {"id": ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"),
         "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")}


def _rupiah(value: float) -> str:
    return "Rp " + angka_id(round(value))


def _indent(text: str, prefix: str = "    ") -> str:
    return "\n".join(prefix + line for line in text.splitlines())


def _fired(evaluation) -> str:
    rules = [step["rule"] for step in evaluation.trace if step["kind"] == "rule"]
    return ", ".join(rules) or "—"


def person_rows(database: Path, nip: str) -> list[dict]:
    """The person's rows of the first replication, one per pack, in the order the packs ran."""
    conn = sqlite3.connect(Path(database).resolve().as_uri() + "?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        first = conn.execute("SELECT min(seed) FROM hasil_pegawai").fetchone()[0]
        rows = conn.execute("SELECT * FROM hasil_pegawai WHERE nip = ? AND seed = ? ORDER BY rowid",
                            (nip, first)).fetchall()
    finally:
        conn.close()
    return [dict(row) for row in rows]


def _monthly(database: Path, label: str, nip: str) -> list[str]:
    """The twelve predikat a monthly money pack cut the person's pay by (first replication)."""
    conn = sqlite3.connect(Path(database).resolve().as_uri() + "?mode=ro", uri=True)
    try:
        found = conn.execute("SELECT predikat_bulanan FROM predikat_bulanan WHERE paket = ? AND nip = ? "
                             "ORDER BY seed LIMIT 1", (label, nip)).fetchone()
    finally:
        conn.close()
    return json.loads(found[0])


def explain(database: Path, nip: str, packs: list[tuple[str, str]], year: int,
            lang: str = "id") -> str | None:
    """The explanation of `nip` under each (label, pack reference); None when no row has that NIP."""
    rows = person_rows(database, nip)
    if not rows:
        return None
    by_label = {row["paket"]: row for row in rows}
    first = rows[0]
    t = lambda key, **params: message(key, lang, **params)  # noqa: E731
    lines = [t("sim.explain.title", nip=nip, year=year), ""]
    lines.append(t("sim.explain.person", instansi=first["instansi"], unit=first["unit"] or "—",
                   jabatan=first["jenis_jabatan"], jenjang=first["jenjang"] or "—",
                   golongan=first["golongan"], umur=first["kelompok_umur"], profil=first["profil"]))
    lines.append(t("sim.explain.tpp_inputs", besaran=_rupiah(first["besaran_tpp"]),
                   hukuman=first["hukuman_disiplin"], bulan=first["bulan_hukuman"]))
    lines.append(t("sim.explain.attendance", counts=", ".join(
        f"{kind}={first['hadir_' + kind]}" for kind in ATTENDANCE)))
    summary = []
    engine = Engine()
    for letter, (label, reference) in zip("ABCDEFGHIJ", packs, strict=False):  # report.letters
        row = by_label.get(label)
        if row is None:
            continue
        book = SimRulebook(reference, year)
        ends = period_ends(year)
        lines += ["", "=" * 78, t("sim.explain.pack", letter=letter, pack=label, model=book.model), "=" * 78]
        lines.append(t("sim.explain.periods", **{q: row[f"predikat_{q}"] for q in QUARTERS},
                       tahunan=row["predikat_tahunan"]))
        # the annual predikat
        if book.model == "kuadran":
            pack = book.packs["predikat"]
            inputs = {"rating_hasil_kerja": row["rating_hasil_kerja"],
                      "rating_perilaku": row["rating_perilaku"]}
            result = engine.evaluate(pack, "predikat", inputs, on=ends[4])
            decided = result.outputs.get("predikat")
        else:
            pack = book.packs["nilai_kinerja"]
            inputs = {"nilai_skp": row["nilai_skp"], "nilai_perilaku": row["nilai_perilaku"],
                      "penilaian_360": bool(row["penilaian_360"]), "inovasi": bool(row["inovasi"])}
            result = engine.evaluate(pack, "nilai_kinerja", inputs, on=ends[4])
            decided = result.outputs.get("predikat")
            decided = "butuh_perbaikan" if decided == "cukup" else decided
        lines += ["", t("sim.explain.predikat", decision=result.decision, pack=pack.id,
                         inputs=", ".join(f"{k}={v}" for k, v in inputs.items()), rules=_fired(result))]
        lines.append(_indent(render_evaluation(pack, result, lang)))
        lines.append("  " + t("sim.explain.agrees" if decided == row["predikat_tahunan"] else
                              "sim.explain.differs", stored=row["predikat_tahunan"], engine=decided))
        if row["predikat_tahunan_awal"] != row["predikat_tahunan"] or row["dipindah_kurva"]:
            lines.append("  " + t("sim.explain.curve", awal=row["predikat_tahunan_awal"],
                                  akhir=row["predikat_tahunan"], periods=row["dipindah_kurva"]))
        # TPP, month by month
        total = None
        if book.has("tpp") and row["tpp_setahun"] is not None:
            pack, plan = book.packs["tpp"], book.money
            attendance = json.loads(row["kehadiran_bulanan"])
            served = json.loads(row["hukuman_bulanan"])
            monthly = (_monthly(database, label, nip) if plan.bulan == 1 and plan.predikat
                       and book.model == "kuadran" else None)
            months: dict = {}
            for month in range(12):
                q = month // 3
                if monthly is not None:
                    on, predikat = ends[q], monthly[month]
                elif plan.bulan == 12:
                    on, predikat = ends[4], row["predikat_tahunan"]
                else:
                    on, predikat = ends[q], row[f"predikat_{QUARTERS[q]}"]
                hukuman = served.get(str(month + 1), "tidak_ada")
                inputs = plan.inputs(row["besaran_tpp"], PREDIKAT.index(predikat), hukuman,
                                     plan.counted(attendance[month]), year)
                key = (on, json.dumps(inputs, sort_keys=True))  # decided on its period's last day
                months.setdefault(key, (on, inputs, [], predikat, hukuman))[2].append(month)
            total = 0.0
            if monthly is not None:
                lines += ["", t("sim.explain.tpp_bulanan", pack=pack.id)]
            elif plan.bulan == 12:
                paid = book.paid_year()
                shown_paid = "" if paid is None else (f", dibayar pada tahun {paid}" if lang == "id"
                                                      else f", paid in {paid}")
                lines += ["", t("sim.explain.tpp_tahunan", pack=pack.id, tahun=year, dibayar=shown_paid)]
            else:
                lines += ["", t("sim.explain.tpp", pack=pack.id)]
            for on, inputs, which, predikat, hukuman in months.values():
                result = engine.evaluate(pack, "tpp", inputs, on=on)
                received = float(result.outputs["tpp_diterima"])
                total += received * len(which)
                names = BULAN.get(lang, BULAN["id"])
                lines.append("  " + t("sim.explain.tpp_month", months=", ".join(names[m] for m in which),
                                      amount=_rupiah(received), rules=_fired(result),
                                      predikat=predikat, hukuman=hukuman))
                lines.append(_indent(render_evaluation(pack, result, lang), "      "))
            agrees = abs(total - row["tpp_setahun"]) < 0.01
            lines.append("  " + t("sim.explain.tpp_total" if agrees else "sim.explain.tpp_differs",
                                  engine=_rupiah(total), stored=_rupiah(row["tpp_setahun"])))
        # angka kredit
        if row["angka_kredit"] is not None and book.has("angka_kredit"):
            pack = book.packs["angka_kredit"]
            inputs = {"jenjang": row["jenjang"], "predikat": row["predikat_tahunan"], "bulan": 12}
            result = engine.evaluate(pack, "angka_kredit", inputs, on=ends[4])
            lines += ["", t("sim.explain.angka_kredit", pack=pack.id, jenjang=row["jenjang"],
                            value=result.outputs.get("angka_kredit"), stored=row["angka_kredit"],
                            rules=_fired(result))]
            lines.append(_indent(render_evaluation(pack, result, lang)))
        summary.append((letter, row["predikat_tahunan"], row["tpp_setahun"]))
    lines += ["", "=" * 78]
    for letter, predikat, tpp in summary:
        lines.append(t("sim.explain.summary", letter=letter, predikat=predikat,
                       tpp="—" if tpp is None else _rupiah(tpp)))
    base = summary[0] if summary and summary[0][0] == "A" else None
    for letter, _, tpp in summary[1:] if base else []:
        if None in (base[2], tpp):
            continue
        change = round(tpp - base[2], 2)
        sign = "+" if change > 0 else ("−" if change < 0 else "±")
        if len(packs) == 2:
            lines.append(t("sim.explain.change", change=sign + _rupiah(abs(change))))
        else:
            lines.append(t("sim.banyak.explain_change", letter=letter, change=sign + _rupiah(abs(change))))
    return "\n".join(lines)
