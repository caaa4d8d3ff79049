"""The Dokumen Evaluasi Kinerja as a printable HTML page, shaped like the official form (§2 S16):
identity blocks of the pegawai, pejabat penilai and atasan pejabat penilai (nama, NIP,
pangkat/golongan, jabatan, unit kerja), the period, capaian organisasi, the Hasil Kerja table, the
Perilaku Kerja table, the ratings and predikat in words, place and date in words, and signature
places. A4 print CSS, so "Ctrl+P" in any browser gives a sheet to sign.

Everything a person typed is data: each text goes through `html.escape`, so a name such as
`<script>` prints as those characters and never runs. Links of bukti dukung are text, not anchors.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from sandbox.export import dokumen_messages  # noqa: F401 - the document's labels
from sandbox.formatting import long_date
from sandbox.i18n import message
from sandbox.workflow.dokumen import DokumenEvaluasi

CSS = """
body { font-family: "Times New Roman", serif; font-size: 11pt; margin: 2em; color: #000; }
h1 { font-size: 13pt; text-align: center; margin: 0 0 .2em; }
h2 { font-size: 11pt; margin: 1.2em 0 .3em; text-transform: uppercase; }
p.periode { text-align: center; margin: 0 0 1em; }
table { border-collapse: collapse; width: 100%; margin-bottom: .6em; page-break-inside: auto; }
th, td { border: 1px solid #000; padding: 3px 5px; vertical-align: top; text-align: left; }
th { background: #eee; }
table.identitas td:first-child { width: 30%; }
tr { page-break-inside: avoid; }
.ttd { display: flex; justify-content: space-between; margin-top: 2em; page-break-inside: avoid; }
.ttd div { width: 45%; text-align: center; }
.ttd .ruang { height: 5em; }
.catatan { font-size: 9pt; color: #444; margin-top: 2em; }
@page { size: A4; margin: 2cm 2cm 2cm 2.5cm; }
@media print {
  body { margin: 0; }
  th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .catatan { color: #000; }
}
"""


def _e(value: object) -> str:
    """A value as HTML text: typed text escaped, numbers with a decimal comma, "-" when empty."""
    if value is None or value == "":
        return "-"
    if isinstance(value, float):
        value = f"{value:g}".replace(".", ",")
    return html.escape(str(value))


def _identitas(doc: DokumenEvaluasi, m) -> list[str]:
    out = []
    for title, person in (("pegawai", doc.pegawai), ("pejabat", doc.pejabat_penilai),
                          ("atasan", doc.atasan_pejabat_penilai)):
        unit = doc.unit if person is doc.pegawai else person.get("unit")
        out += [f"<h2>{m(title)}</h2>", '<table class="identitas">']
        for label, value in (("nama", person.get("nama")), ("nip", person.get("nip")),
                             ("pangkat", person.get("pangkat")), ("jabatan", person.get("jabatan")),
                             ("unit", unit)):
            out.append(f"<tr><td>{m(label)}</td><td>{_e(value)}</td></tr>")
        out.append("</table>")
    return out


def _hasil_kerja(doc: DokumenEvaluasi, m) -> list[str]:
    heads = "".join(f"<th>{m(k)}</th>" for k in ("no", "rhk", "indikator", "target", "realisasi",
                                                  "umpan_balik"))
    out = [f"<h2>{m('hasil_kerja')}</h2>", f"<table><tr>{heads}</tr>"]
    for number, rhk in enumerate(doc.hasil_kerja, start=1):
        jenis = m("utama") if (rhk["jenis"] or "").upper() == "UTAMA" else m("tambahan")
        indikators = rhk["indikator"] or [None]
        span = f'rowspan="{len(indikators)}"'
        head = f'<td {span}>{number}</td><td {span}>{_e(rhk["teks"])} ({jenis})</td>'
        for i, ind in enumerate(indikators):
            first = "" if i else head
            if ind is None:
                out.append(f"<tr>{first}<td>-</td><td>-</td><td>-</td><td>-</td></tr>")
                continue
            target = f"{_e(ind['target'])} {_e(ind['satuan']) if ind['satuan'] else ''}".strip()
            realisasi = ind["realisasi"] if ind["realisasi"] is not None else ind["uraian"]
            bukti = "".join(f"<br>{_e(b['nama'])}: {_e(b['url'])}" for b in ind["bukti_dukung"])
            texts = [*ind["umpan_balik"], *(rhk["umpan_balik"] if not i else [])]  # the RHK's once
            feedback = "; ".join(_e(t) for t in texts)
            out.append(f"<tr>{first}<td>{_e(ind['teks'])}</td><td>{target}</td>"
                       f"<td>{_e(realisasi)}{bukti}</td><td>{feedback or '-'}</td></tr>")
    out.append("</table>")
    return out


def _perilaku(doc: DokumenEvaluasi, m) -> list[str]:
    out = [f"<h2>{m('perilaku_kerja')}</h2>",
           f"<table><tr><th>{m('no')}</th><th>{m('perilaku')}</th><th>{m('ekspektasi')}</th>"
           f"<th>{m('umpan_balik')}</th></tr>"]
    for number, p in enumerate(doc.perilaku_kerja, start=1):
        feedback = "; ".join(_e(t) for t in p["umpan_balik"]) or "-"
        out.append(f"<tr><td>{number}</td><td>{_e(p['nama'])}</td><td>{_e(p['ekspektasi_khusus'])}</td>"
                   f"<td>{feedback}</td></tr>")
    out.append("</table>")
    return out


def _signer(person: dict) -> str:
    """Name under the signature space, and the NIP when there is one (a Kepala Daerah has none)."""
    nip = f"<br>NIP {_e(person.get('nip'))}" if person.get("nip") else ""
    return f"{_e(person.get('nama'))}{nip}"


def dokumen_html(doc: DokumenEvaluasi, lang: str = "id", *, tanggal: str | None = None) -> str:
    """The whole page. `tanggal` (ISO) is the signing date: the issue date when issued, else the
    office's date the caller passes."""
    def m(key: str, **params) -> str:
        return html.escape(message(f"dok.html.{key}", lang, **params))

    def word(value: str | None, prefix: str = "") -> str:
        if not value:
            return "-"
        return _e(doc.kata.get(prefix + value) or value.replace("_", " ").title())

    when = long_date((doc.diterbitkan or tanggal or "")[:10], lang)
    place = message("dok.html.tanggal", lang, tempat=doc.tempat, tanggal=when) if doc.tempat else when
    pegawai, pejabat = doc.pegawai, doc.pejabat_penilai
    parts = [
        "<!DOCTYPE html>", f'<html lang="{"en" if lang == "en" else "id"}"><head><meta charset="utf-8">',
        f"<title>{m('judul')} — {_e(doc.periode)} — {_e(pegawai.get('nama'))}</title>",
        f"<style>{CSS}</style></head><body>",
        f"<h1>{m('judul')}</h1>", f'<p class="periode">{m("periode")}: {_e(doc.periode)}</p>',
        *_identitas(doc, m),
        f"<h2>{m('capaian')}</h2><p>{word(doc.capaian_organisasi, 'org:')}</p>",
        *_hasil_kerja(doc, m), *_perilaku(doc, m),
        f"<h2>{m('predikat')}</h2><table class=\"identitas\">",
        f"<tr><td>{m('rating_hk')}</td><td>{word(doc.rating_hasil_kerja)}</td></tr>",
        f"<tr><td>{m('rating_pk')}</td><td>{word(doc.rating_perilaku)}</td></tr>",
        f"<tr><td>{m('predikat')}</td><td><strong>{word(doc.predikat)}</strong></td></tr></table>",
        '<div class="ttd">',
        f"<div><br>{m('pegawai')}<div class=\"ruang\"></div>{_signer(pegawai)}</div>",
        f"<div>{_e(place)}<br>{m('pejabat')}<div class=\"ruang\"></div>{_signer(pejabat)}</div>",
        "</div>", f'<p class="catatan">{m("latihan")}</p>', "</body></html>",
    ]
    return "\n".join(parts)


def export_html(doc: DokumenEvaluasi, folder: Path, lang: str = "id", *, tanggal: str | None = None) -> Path:
    """Write the printable page to `folder`, named like the Markdown export; returns its path."""
    folder.mkdir(parents=True, exist_ok=True)
    period = re.sub(r"[^A-Za-z0-9]+", "-", doc.periode).strip("-").lower() or str(doc.skp_periode_id)
    nip = re.sub(r"[^0-9A-Za-z]+", "", doc.pegawai.get("nip") or "") or "pegawai"
    path = folder / f"dokumen-evaluasi-{nip}-{period}.html"
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(dokumen_html(doc, lang, tanggal=tanggal), encoding="utf-8")
    temporary.replace(path)
    return path
