"""The class's results: one CSV row per attempt, and a Markdown/HTML summary with the unaided-
completion rate per scenario before (first attempt) and after (each seat's latest later attempt).

Attempts staged for a seat nobody ever sat at (never joined, opened or named, nothing done) are
nobody's: they are left out of the CSV and of every rate, and the summary names those seats. Every
cell a person typed (a trainee's name) goes through `usertext.csv_cell`, so a name written as a
formula is shown, never run; the CSV starts with a UTF-8 BOM so an Indonesian Excel opens it with
its accents intact."""

from __future__ import annotations

import csv
import html
import json
from dataclasses import dataclass
from pathlib import Path

from sandbox.i18n import message
from sandbox.store import Store
from sandbox.training.attempt import OUTCOMES
from sandbox.training.classroom import (
    ClassError,
    attempt_had_someone,
    class_info,
    restarts,
    seats_with_someone,
)
from sandbox.usertext import csv_cell, markdown_literal

CSV_COLUMNS = (
    "kursi",
    "peserta",
    "skenario",
    "ke",
    "hasil",
    "petunjuk",
    "galat",
    "bantuan",
    "ditolak",
    "integritas",
    "tugas_lulus",
    "tugas_total",
    "diulang",
    "mulai_wall_ts",
    "selesai_wall_ts",
)


@dataclass(frozen=True)
class ScenarioSummary:
    skenario: str
    sebelum_n: int
    sebelum_mandiri: int
    sesudah_n: int
    sesudah_mandiri: int
    hasil: dict  # outcome → count over every finished attempt
    diulang: int = 0  # attempts the seats set aside themselves (started again from the seat)

    @staticmethod
    def rate(part: int, whole: int) -> float | None:
        return None if whole == 0 else part / whole


def attempt_rows(store: Store, kelas_id: int) -> list[dict]:
    """Every finished attempt of a seat someone sat at, with its counts (from the audit log), in
    seat and scenario order."""
    cursor = store.conn.execute(
        "SELECT p.id, p.kursi_no, k.nama_peserta, p.skenario_id, p.ke, p.hasil, p.tugas, p.audit_mulai,"
        " p.pemeran, p.mulai_wall_ts, p.selesai_wall_ts FROM percobaan p"
        " JOIN kursi k ON k.kelas_id = p.kelas_id AND k.no = p.kursi_no"
        " WHERE p.kelas_id = ? AND p.selesai_wall_ts IS NOT NULL AND p.audit_mulai IS NOT NULL"
        " ORDER BY p.skenario_id, p.kursi_no, p.ke",
        [kelas_id],
    )
    present = seats_with_someone(store, kelas_id)
    set_aside = {a for ids in restarts(store, kelas_id).values() for a in ids}
    out = []
    for aid, seat, nama, sid, ke, hasil, tugas, start, pemeran, mulai, selesai in cursor.fetchall():
        attempt = {"id": aid, "kelas_id": kelas_id, "kursi_no": seat, "audit_mulai": start,
                   "pemeran": pemeran}
        if not attempt_had_someone(store, attempt, present):
            continue
        counts = dict(
            store.conn.execute(
                "SELECT action, count(*) FROM audit_log WHERE entity = 'percobaan'"
                " AND entity_id = ? GROUP BY action",
                [str(aid)],
            ).fetchall()
        )
        nips = list(json.loads(pemeran or "{}").get("roles", {}).values()) or [""]
        marks = ",".join("?" * len(nips))

        def count(action: str, where: str | None = None, extra: list | None = None,
                  _start: int = start or 0, _nips: list = nips, _marks: str = marks) -> int:
            clause = where or f"session_nip IN ({_marks})"
            return store.conn.execute(
                f"SELECT count(*) FROM audit_log WHERE id > ? AND action = ? AND {clause}",
                [_start, action, *(extra if extra is not None else _nips)],
            ).fetchone()[0]

        tasks = json.loads(tugas or "{}")
        out.append(
            {
                "kursi": seat,
                "peserta": nama or "",
                "skenario": sid,
                "ke": ke,
                "hasil": hasil,
                "petunjuk": counts.get("latihan.petunjuk", 0),
                "galat": counts.get("latihan.galat", 0),
                "bantuan": count("bantuan.dibuka"),
                "ditolak": count("gangguan.ditolak"),
                "integritas": count(
                    "integrity.acting_as",
                    f"(session_nip IN ({marks}) OR acting_as_nip IN ({marks}))",
                    nips + nips,
                ),
                "tugas_lulus": sum(bool(v) for v in tasks.values()),
                "tugas_total": len(tasks),
                "diulang": int(aid in set_aside),
                "mulai_wall_ts": mulai,
                "selesai_wall_ts": selesai,
            }
        )
    return out


def summarise(rows: list[dict]) -> list[ScenarioSummary]:
    by_scenario: dict[str, list[dict]] = {}
    for row in rows:
        by_scenario.setdefault(row["skenario"], []).append(row)
    out = []
    for sid in sorted(by_scenario):
        attempts = by_scenario[sid]
        by_seat: dict[int, list[dict]] = {}
        for r in sorted(attempts, key=lambda r: r["ke"]):
            by_seat.setdefault(r["kursi"], []).append(r)
        # before = each seat's first finished attempt; after = its latest, when it tried again
        first = [tries[0] for tries in by_seat.values()]
        after = [tries[-1] for tries in by_seat.values() if len(tries) > 1]
        counts = {o: sum(r["hasil"] == o for r in attempts) for o in OUTCOMES}
        out.append(
            ScenarioSummary(
                sid,
                len(first),
                sum(r["hasil"] == "mandiri" for r in first),
                len(after),
                sum(r["hasil"] == "mandiri" for r in after),
                counts,
                sum(int(r.get("diulang", 0)) for r in attempts),
            )
        )
    return out


def _pct(part: int, whole: int) -> str:
    return "–" if whole == 0 else f"{100 * part / whole:.0f}% ({part}/{whole})"


def _table(summaries: list[ScenarioSummary], lang: str) -> tuple[list[str], list[list[str]]]:
    head = [
        message("kelas.ringkasan.skenario", lang),
        message("kelas.ringkasan.sebelum", lang),
        message("kelas.ringkasan.sesudah", lang),
    ] + [message(f"hasil.{o}", lang) for o in OUTCOMES]
    body = [
        [s.skenario, _pct(s.sebelum_mandiri, s.sebelum_n), _pct(s.sesudah_mandiri, s.sesudah_n)]
        + [str(s.hasil[o]) for o in OUTCOMES]
        for s in summaries
    ]
    return head, body


def export(store: Store, kelas_id: int, out_dir: str | Path, lang: str = "id") -> list[Path]:
    """Write hasil-kelas.csv, ringkasan.md and ringkasan.html; returns the paths written."""
    with store.snapshot():  # one state of the class, while seats go on saving
        info = class_info(store, kelas_id)
        rows = attempt_rows(store, kelas_id)
        staged = {seat for (seat,) in store.conn.execute(
            "SELECT DISTINCT kursi_no FROM percobaan WHERE kelas_id = ? AND selesai_wall_ts IS NOT NULL"
            " AND audit_mulai IS NOT NULL", [kelas_id])}
    empty = sorted(staged - {r["kursi"] for r in rows})
    summaries = summarise(rows)
    folder = Path(out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return _write(folder, info, rows, summaries, lang, empty)
    except OSError as error:  # a file in the way, no permission, a full disk: a sentence, not a traceback
        raise ClassError("kelas.ekspor_gagal", folder=folder, detail=error.strerror or error) from error


def _notes(summaries: list[ScenarioSummary], lang: str, empty: list[int]) -> list[str]:
    """Lines under the table: the seats left out, and the attempts seats started again themselves."""
    notes = []
    if empty:
        notes.append(message("kelas.ringkasan.kosong", lang, daftar=", ".join(map(str, empty)), n=len(empty)))
    again = [f"{s.skenario} {s.diulang}" for s in summaries if s.diulang]
    if again:
        notes.append(message("kelas.ringkasan.diulang", lang, daftar=", ".join(again)))
    return notes


def _write(folder: Path, info, rows: list[dict], summaries: list[ScenarioSummary], lang: str,
           empty: list[int] | None = None) -> list[Path]:
    csv_path = folder / "hasil-kelas.csv"
    # utf-8-sig: the BOM tells Excel the file is UTF-8 (names with accents stay readable)
    with csv_path.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        # every text cell, not only the names typed (a trainer's own scenario id too): never a formula
        writer.writerows({k: csv_cell(v) for k, v in r.items()} for r in rows)
    head, body = _table(summaries, lang)
    # the class name was typed by the trainer: shown as typed in Markdown and HTML alike
    title = message("kelas.ringkasan.judul", lang, nama=info.nama, kursi=info.kursi)
    md_title = message("kelas.ringkasan.judul", lang, nama=markdown_literal(info.nama), kursi=info.kursi)
    note = message("kelas.ringkasan.catatan", lang)
    notes = _notes(summaries, lang, empty or [])
    md = [f"# {md_title}", "", note, "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    md += ["| " + " | ".join(r) + " |" for r in body]
    md += [line for n in notes for line in ("", n)]
    md_path = folder / "ringkasan.md"
    md_path.write_text("\n".join(md) + "\n", encoding="utf-8")
    cells = "".join(f"<th>{html.escape(h)}</th>" for h in head)
    trs = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in body)
    extra = "".join(f"<p>{html.escape(n)}</p>" for n in notes)
    html_path = folder / "ringkasan.html"
    html_path.write_text(
        f'<!doctype html><html lang="{lang}"><meta charset="utf-8"><title>{html.escape(title)}</title>'
        "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
        "td,th{border:1px solid #999;padding:.3em .6em;text-align:left}</style>"
        f"<h1>{html.escape(title)}</h1><p>{html.escape(note)}</p><table><tr>{cells}</tr>{trs}</table>"
        f"{extra}</html>\n",
        encoding="utf-8",
    )
    return [csv_path, md_path, html_path]
