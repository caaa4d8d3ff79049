"""The Dokumen Evaluasi Kinerja as Markdown: the screen's preview and the file a user exports.

Markdown because it reads well as plain text, prints from any editor, and converts to PDF or Word
with the tools an office already has. Headings and labels follow the user's language; the
regulation's own terms (RHK, BerAKHLAK, predikat) stay Indonesian.

Everything a person typed (names, RHK, indikator, satuan, realisasi, bukti dukung, umpan balik,
ekspektasi khusus) goes through `usertext.markdown_literal`: it reads as typed in the preview and in
any Markdown tool, never as emphasis, a link, HTML or a broken table. A bukti dukung's link is a
code span (`usertext.markdown_code`): verbatim in the file too, so it can be copied, never clickable.
"""

from __future__ import annotations

import re
from pathlib import Path

from sandbox.formatting import angka, long_date, state_word
from sandbox.i18n import message
from sandbox.usertext import markdown_code, markdown_literal
from sandbox.workflow.dokumen import DokumenEvaluasi


def _cell(value: object) -> str:
    """One value for a table cell or a line: numbers as numbers, text escaped, "-" when empty."""
    if value is None or value == "":
        return "-"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return angka(value)  # 100.000.000.000 and 92,5, never 1e+11
    return markdown_literal(value) or "-"


def _joined(values) -> str:
    """Several typed texts in one cell (feedback, links), each escaped, then joined."""
    return "; ".join(markdown_literal(v) for v in values) or "-"


def _label(value: str | None) -> str:
    return "-" if not value else value.replace("_", " ").title()


def dokumen_markdown(doc: DokumenEvaluasi, lang: str = "id") -> str:
    def m(key: str, **params) -> str:
        return message(f"dok.{key}", lang, **params)

    people = (doc.pegawai, doc.pejabat_penilai, doc.atasan_pejabat_penilai)
    lines = [
        f"# {m('judul')} — {_cell(doc.periode)}",
        "",
        m("status", state=_cell(state_word(doc.state, lang)),
          terbit=_cell(long_date(doc.diterbitkan, lang) if doc.diterbitkan else None)),
        "",
        f"| | {m('pegawai')} | {m('pejabat')} | {m('atasan')} |",
        "|---|---|---|---|",
        f"| {m('nama')} | " + " | ".join(_cell(p.get("nama")) for p in people) + " |",
        "| NIP | " + " | ".join(_cell(p.get("nip")) for p in people) + " |",
        f"| {m('jabatan')} | " + " | ".join(_cell(p.get("jabatan")) for p in people) + " |",
        "",
        m("capaian", capaian=_label(doc.capaian_organisasi)),
        "",
        f"## {m('hasil_kerja')}",
    ]
    for number, rhk in enumerate(doc.hasil_kerja, start=1):
        heads = " | ".join(m(k) for k in ("indikator", "target", "realisasi", "bukti", "umpan_balik"))
        lines += ["", f"### RHK {number} ({_cell(rhk['jenis'])}): {_cell(rhk['teks'])}", "",
                  f"| {heads} |", "|---|---|---|---|---|"]
        for ind in rhk["indikator"]:
            satuan = markdown_literal(ind["satuan"]) if ind["satuan"] else ""
            target = f"{_cell(ind['target'])} {satuan}".strip()
            realisasi = ind["realisasi"] if ind["realisasi"] is not None else ind["uraian"]
            links = "; ".join(f"{markdown_literal(b['nama'])} {markdown_code(b['url'], in_table=True)}"
                              for b in ind["bukti_dukung"]) or "-"
            lines.append(f"| {_cell(ind['teks'])} | {target} | {_cell(realisasi)} | {links} |"
                         f" {_joined(ind['umpan_balik'])} |")
        if rhk["umpan_balik"]:
            lines += ["", m("ub_rhk", teks=_joined(rhk["umpan_balik"]))]
    lines += ["", f"## {m('perilaku_kerja')}", "",
              f"| {m('perilaku')} | {m('ekspektasi')} | {m('umpan_balik')} |", "|---|---|---|"]
    for p in doc.perilaku_kerja:
        lines.append(f"| {_cell(p['nama'])} | {_cell(p['ekspektasi_khusus'])} | "
                     f"{_joined(p['umpan_balik'])} |")
    lines += ["", f"## {m('hasil')}", "",
              f"- {m('rating_hk')}: **{_label(doc.rating_hasil_kerja)}**",
              f"- {m('rating_pk')}: **{_label(doc.rating_perilaku)}**",
              f"- {m('predikat')}: **{_label(doc.predikat)}**", "",
              f"_{m('catatan_sandbox')}_", ""]
    return "\n".join(lines)


def export_dokumen(doc: DokumenEvaluasi, folder: Path, lang: str = "id") -> Path:
    """Write the document to `folder`, named by NIP and period; returns the file's path."""
    folder.mkdir(parents=True, exist_ok=True)
    period = re.sub(r"[^A-Za-z0-9]+", "-", doc.periode).strip("-").lower() or str(doc.skp_periode_id)
    path = folder / f"dokumen-evaluasi-{doc.pegawai.get('nip') or 'pegawai'}-{period}.md"
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(dokumen_markdown(doc, lang), encoding="utf-8")
    temporary.replace(path)
    return path
