"""The whole first year of a pegawai in a real terminal at 80×24, as the README's first command
starts it: tmux runs the installed `ekinerja` on the demo office, keys go in as a person presses
them (typing, Tab, arrows, Enter, F-keys, Esc to switch persona) and the screen is read back.

Draft → submit → returned with a note → the returned RHK edited → resubmitted → approved → a period
filled → rated → "Mengapa?" read → the Dokumen issued and saved for printing. Each decision's
confirmation must name the person and period, its message must show on screen, and the database
(only read, never written by the test) must hold the change on the record the screen showed.
A message the app leaves out of sight fails the test (issue #17: "messages are seen")."""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from pathlib import Path

import pytest

from tests.helpers.tmux_screen import TMUX, TmuxScreen, flat
from tests.test_tui_practice import KASI, PEGAWAI

ADE, WARDAYA = "Ade Haryanti", "Wardaya Wibowo"
RHK = "Terverifikasinya berkas izin trayek"
RHK_FIXED = RHK + " dalam 3 hari kerja"
NOTE = "RHK 1 belum menyebut batas waktu, tambahkan dalam 3 hari kerja"

pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed")


def rows(db: Path, sql: str, params=()) -> list[tuple]:
    """Read the office file (read-only: the test never writes it)."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return conn.execute(sql, params).fetchall()


def skp_status(db: Path) -> str:
    return rows(db, "SELECT status FROM skp WHERE nip = ?", [PEGAWAI])[0][0]


def title(screen: str) -> str:
    return screen.splitlines()[0] if screen else ""


def become(term: TmuxScreen, search: str, name: str) -> str:
    """Esc back to "Siapa Anda hari ini?", type to find the person, Enter; their Beranda."""
    for _ in range(6):
        screen = term.screen()
        if "Siapa Anda hari ini?" in screen:
            break
        term.keys("Escape")
        deadline = time.monotonic() + 15
        while title(term.screen()) == title(screen) and time.monotonic() < deadline:
            time.sleep(0.2)
    term.wait_for("Siapa Anda hari ini?")
    term.type(search)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:  # the list filtered down to them (the trainer row gone)
        screen = term.screen()
        if name in screen and (name == "Pelatih" or "Pelatih BKPSDM" not in screen):
            break
        time.sleep(0.2)
    term.keys("Enter")
    return term.wait_for("Beranda", name)


def _select_line(term: TmuxScreen, shown: str, is_open: bool) -> None:
    """Wait for `shown` as an option of the open list (no ▼) or as the closed Select's value (▼)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        screen = term.screen()
        if any(shown in line and ("▼" in line) != is_open for line in screen.splitlines()):
            return
        time.sleep(0.2)
    where = "in the open list" if is_open else "as the chosen value"
    raise AssertionError(f"the Select does not show {shown!r} {where}:\n{screen}")


def choose(term: TmuxScreen, downs: int, shown: str) -> None:
    """Open the focused Select with Enter, move down to the option `shown`, take it; the Select then
    shows it (its open list covers the Select's own line)."""
    term.keys("Enter")
    _select_line(term, shown, is_open=True)
    term.keys(*(["Down"] * downs), "Enter", pause=0.3)
    _select_line(term, shown, is_open=False)


def said(term: TmuxScreen, result: str | None = None, seconds: float = 4.0) -> bool:
    """Whether the app said something after the last keys, within a few seconds: a new
    notification (holding `result` when one is given), or `result` itself in sight."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        fresh = " ".join(flat(t) for t in term.new_toasts()).lower()
        if (result is None and fresh) or (result and result.lower() in fresh + flat(term.screen()).lower()):
            return True
        time.sleep(0.2)
    return False


def saved_path(toast: str) -> Path:
    """The file a notification names: the lines between "disimpan di:" and the advice after it
    (a long path wraps mid-word, so its lines are joined as they are)."""
    lines = toast.splitlines()
    start = next(i for i, line in enumerate(lines) if "disimpan di:" in line) + 1
    parts = []
    for line in lines[start:]:
        line = flat(line).strip()  # without a scrollbar's marks beside the notification
        if " " in line:  # the advice ("Buka dengan peramban, …"), not the path
            break
        parts.append(line)
    return Path("".join(parts))


class Journey:
    """What the phases share: the terminal, the office file, the ids read from it."""

    def __init__(self, term: TmuxScreen, db: Path) -> None:
        self.term, self.db = term, db
        self.skp_id = self.period_id = None


def test_a_pegawai_year_from_draft_to_printed_dokumen_in_tmux(tmp_path):
    exe = Path(sys.executable).parent / "ekinerja"
    assert exe.exists(), "the package must be installed (pip install -e .) so `ekinerja` exists"
    db = tmp_path / "ekinerja-sandbox" / "sandbox.db"
    command = (f"env -u EKINERJA_DB XDG_DATA_HOME={tmp_path} EKINERJA_PREFS={tmp_path}/prefs.json"
               f" EKINERJA_LANG=id TERM=xterm-256color {exe}")
    term = TmuxScreen(f"ekinerja-journey-{os.getpid()}", command)
    j = Journey(term, db)
    try:
        term.wait_for("Pilih peran", "Siapa Anda hari ini?", timeout=60)  # the demo office is made first
        for phase in (draft_and_submit, return_with_a_note, edit_and_resubmit, approve, fill_the_period,
                      rate, read_mengapa, lock_the_period, issue_and_print):
            phase(j)
        term.keys("C-q")
    finally:
        term.close()


def draft_and_submit(j: Journey) -> None:
    """Ade drafts her SKP."""
    term, db = j.term, j.db
    become(term, PEGAWAI, ADE)
    term.keys("F2")
    term.wait_for("SKP Saya", "Anda belum punya SKP 2026")
    term.keys("Enter")  # the focused "Buat SKP 2026"
    term.wait_for("status draf", "Tambah RHK", "Pilih RHK atasan yang hasil kerja Anda dukung")
    parents = rows(db, "SELECT r.id, r.teks FROM rhk r JOIN skp s ON s.id = r.skp_id WHERE s.nip = ?"
                       " AND s.status = 'DISETUJUI' ORDER BY r.id", [KASI])
    parent_id, parent_teks = parents[0]
    choose(term, 1, parent_teks[:40])  # the atasan's RHK she intervenes, as listed
    term.keys("Tab", "Tab")
    term.wait_for("Tulis HASIL, bukan kegiatan")  # the RHK text field has the focus
    term.type(RHK)
    term.keys("Enter")
    term.wait_for(f"RHK 1: {RHK}", "Langkah 6")
    j.skp_id = rows(db, "SELECT id FROM skp WHERE nip = ?", [PEGAWAI])[0][0]
    assert rows(db, "SELECT teks, induk_rhk_id FROM rhk WHERE skp_id = ?", [j.skp_id]) == [(RHK, parent_id)]

    term.keys("Tab", "Tab", "Tab")
    term.wait_for("Indikator harus terukur")
    term.type("Jumlah berkas terverifikasi")
    term.keys("Tab", "Tab")
    term.wait_for("Target tahunan berupa angka")
    term.type("30")
    term.keys("Tab")
    term.type("berkas")
    term.keys("Tab", "Enter")  # "Tambah Indikator"
    term.wait_for("Langkah 7", "Isi lampiran")
    assert rows(db, "SELECT i.teks, i.target_nilai, i.target_satuan FROM indikator i JOIN rhk r"
                    " ON r.id = i.rhk_id WHERE r.skp_id = ?", [j.skp_id]) == [
        ("Jumlah berkas terverifikasi", 30.0, "berkas")]

    term.keys("Tab")
    term.wait_for("Dukungan sumber daya: anggaran")
    term.type("Satu komputer")
    term.keys("Tab")
    term.type("Laporan bulanan")
    term.keys("Tab")
    term.type("Teguran")
    term.keys("Tab", "Enter")  # "Simpan Lampiran"
    term.wait_toast("Lampiran tersimpan")
    term.keys("F8")
    term.wait_toast("SKP diajukan kepada pejabat penilai")
    term.wait_for("status diajukan, menunggu persetujuan")
    assert skp_status(db) == "DIAJUKAN"


def return_with_a_note(j: Journey) -> None:
    """Her Kepala Seksi returns it with a note: an empty note is refused, then asked, Ya."""
    term, db = j.term, j.db
    become(term, KASI, WARDAYA)
    term.keys("F3")
    screen = term.wait_for("SKP Bawahan", ADE, "diajukan, menunggu persetujuan")
    assert [line for line in screen.splitlines() if ADE in line and "diajukan" in line]
    term.keys("Enter")  # her row; the detail is hers, the focus on "Setujui"
    term.wait_for(f"SKP 2026 {ADE}", RHK)
    term.keys("Tab", "Enter")  # "Kembalikan dengan catatan"
    term.wait_for("Apa yang harus diperbaiki pegawai?")
    term.keys("Enter")  # nothing written: refused inside the dialog, which stays open
    term.wait_for("Catatan wajib diisi", "Apa yang harus diperbaiki pegawai?")
    term.wait_toast("Catatan wajib diisi")
    term.type(NOTE)
    term.keys("Enter")
    term.wait_for(f"Kembalikan SKP {ADE}", "1 Januari 2026 – 31 Desember 2026", NOTE, "Ya, kembalikan")
    assert skp_status(db) == "DIAJUKAN"  # asked first: nothing changed yet
    term.keys("Tab", "Enter")  # from the focused Batal to "Ya, kembalikan"
    term.wait_toast("Keputusan tersimpan")
    term.wait_for("dikembalikan untuk diperbaiki")
    assert skp_status(db) == "DIKEMBALIKAN"
    assert rows(db, "SELECT to_status, actor_nip, catatan FROM skp_status_log WHERE skp_id = ?"
                    " ORDER BY id DESC LIMIT 1", [j.skp_id]) == [("DIKEMBALIKAN", KASI, NOTE)]


def edit_and_resubmit(j: Journey) -> None:
    """Ade reads the note, edits the returned RHK, resubmits."""
    term, db = j.term, j.db
    become(term, PEGAWAI, ADE)
    term.keys("F2")
    term.wait_for("status dikembalikan untuk diperbaiki", "Catatan pejabat penilai", NOTE,
                  "Perbaiki RHK atau indikator")
    choose(term, 1, f"RHK 1: {RHK}")  # the focused correction list: RHK 1
    term.keys("Tab", "Enter")  # "Ubah"
    term.wait_for("Ubah RHK 1", RHK)
    term.keys("End")
    term.type(RHK_FIXED[len(RHK):])
    term.keys("Enter")
    term.wait_toast("RHK 1 diperbarui")
    assert rows(db, "SELECT teks FROM rhk WHERE skp_id = ?", [j.skp_id]) == [(RHK_FIXED,)]
    term.keys("F8")
    term.wait_toast("SKP diajukan kepada pejabat penilai")
    term.wait_for("status diajukan, menunggu persetujuan", f"RHK 1 (Utama): {RHK_FIXED}")
    assert skp_status(db) == "DIAJUKAN"


def approve(j: Journey) -> None:
    """Approved: Enter, Enter only asks (Batal has the focus); Tab to "Ya, setujui"."""
    term, db = j.term, j.db
    become(term, KASI, WARDAYA)
    term.keys("F3")
    term.wait_for("SKP Bawahan", ADE, "diajukan, menunggu persetujuan")
    term.keys("Enter")
    term.wait_for(f"SKP 2026 {ADE}", RHK_FIXED)
    term.keys("Enter")  # "Setujui"
    term.wait_for(f"Setujui SKP {ADE}", "1 Januari 2026 – 31 Desember 2026", "Ya, setujui")
    term.keys("Enter")  # a habitual Enter: the focused Batal
    term.wait_toast("tidak ada yang diubah")
    term.wait_gone("Ya, setujui")
    assert skp_status(db) == "DIAJUKAN"
    term.keys("Enter", "Enter")  # the focus went back to the list: her row again, then "Setujui"
    term.wait_for(f"Setujui SKP {ADE}", "Ya, setujui")
    term.keys("Tab", "Enter")
    term.wait_toast("Keputusan tersimpan")
    screen = term.wait_for(f"SKP 2026 {ADE} · disetujui")
    assert [line for line in screen.splitlines() if ADE in line and "disetujui" in line]
    assert skp_status(db) == "DISETUJUI"
    assert rows(db, "SELECT to_status, actor_nip FROM skp_status_log WHERE skp_id = ? ORDER BY id",
                [j.skp_id]) == [("DRAFT", PEGAWAI), ("DIAJUKAN", PEGAWAI), ("DIKEMBALIKAN", KASI),
                              ("DRAFT", PEGAWAI), ("DIAJUKAN", PEGAWAI), ("DISETUJUI", KASI)]


def fill_the_period(j: Journey) -> None:
    """Ade fills Triwulan I (open from 1 January; the virtual date is 2 January)."""
    term, db = j.term, j.db
    j.period_id = rows(db, "SELECT sp.id FROM skp_periode sp JOIN periode_penilaian_master m"
                         " ON m.id = sp.master_id WHERE sp.skp_id = ? AND m.nama = 'Triwulan I 2026'",
                       [j.skp_id])[0][0]
    become(term, PEGAWAI, ADE)
    term.keys("F7")
    term.wait_for("Evaluasi Periodik", "Triwulan I 2026", "batas pengisian 10 April 2026")
    term.keys("Tab", "Tab")
    term.wait_for("Langkah nyata periode ini")
    term.type("Memverifikasi 10 berkas per bulan")
    term.keys("Enter")
    term.wait_for("Rencana aksi: 1", "• Memverifikasi 10 berkas per bulan")
    # the period list follows the state the entry moved it to
    assert "rencana aksi belum ada" not in flat(term.screen()), term.screen()
    term.keys("Tab", "Tab", "Tab")
    term.wait_for("Angka capaian periode ini")
    term.type("32")
    term.keys("Enter")
    assert said(term, "Realisasi disimpan: 32"), term.screen()  # the saved line may be below the fold
    term.keys("Tab", "Tab")
    term.type("Rekap verifikasi Triwulan I")
    term.keys("Tab")
    term.type("https://drive.google.com/rekap")
    term.keys("Tab", "Enter")  # "Tambah Bukti Dukung"
    term.wait_for("Langkah 15")
    assert said(term, "Bukti dukung ditambahkan: Rekap verifikasi Triwulan I"), term.screen()
    assert rows(db, "SELECT nilai FROM realisasi WHERE skp_periode_id = ?", [j.period_id]) == [(32.0,)]
    assert rows(db, "SELECT nama, url FROM bukti_dukung WHERE skp_periode_id = ?", [j.period_id]) == [
        ("Rekap verifikasi Triwulan I", "https://drive.google.com/rekap")]
    assert rows(db, "SELECT state FROM skp_periode WHERE id = ?", [j.period_id]) == [("EVIDEN_LENGKAP",)]


def rate(j: Journey) -> None:
    """Wardaya gives feedback and rates her Triwulan I."""
    term, db = j.term, j.db
    become(term, KASI, WARDAYA)
    term.keys("F9")
    screen = term.wait_for("Penilaian Bawahan", "bukti dukung lengkap, menunggu penilaian",
                           "Realisasi 32 dari target 30 berkas", "Rekap verifikasi Triwulan I")
    first_row = next(line for line in screen.splitlines() if ADE in line)
    assert "Triwulan I 2026" in first_row and "menunggu penilaian" in first_row
    term.keys("Enter")  # the first row, read above: Ade's Triwulan I; the focus goes to the feedback
    term.wait_for("Umpan Balik Berkelanjutan", "Umpan balik diberikan per indikator")
    choose(term, 1, "Jumlah berkas terverifikasi")  # umpan balik on the indikator
    term.keys("Tab")
    choose(term, 2, "Capaian kinerja sudah baik, tingkatkan")
    term.keys("Tab", "Tab", "Enter")  # "Kirim Umpan Balik"
    assert said(term, f"Umpan balik terkirim kepada {ADE}"), term.screen()
    assert rows(db, "SELECT skp_periode_id, target_type, pilihan FROM umpan_balik") == [
        (j.period_id, "indikator", "[2]")]
    term.keys("Tab")
    choose(term, 2, "Sesuai Ekspektasi")  # Rating Hasil Kerja
    term.keys("Tab")
    choose(term, 1, "Di Atas Ekspektasi")  # Rating Perilaku
    term.keys("Tab", "Enter")  # "Simpan Penilaian"
    term.wait_for(f"Simpan penilaian {ADE}, Triwulan I 2026", "Rating Hasil Kerja Sesuai Ekspektasi",
                  "Rating Perilaku Di Atas Ekspektasi", "Ya, simpan penilaian")
    assert rows(db, "SELECT state FROM skp_periode WHERE id = ?", [j.period_id]) == [("EVIDEN_LENGKAP",)]
    term.keys("Tab", "Enter")
    term.wait_toast("Predikat tersimpan: Baik")
    screen = term.wait_for("sudah dinilai · predikat Baik")
    rated = next(line for line in screen.splitlines() if "predikat Baik" in line)
    assert ADE in rated and "Triwulan I 2026" in rated
    assert rows(db, "SELECT state, predikat, rating_hk, rating_pk FROM skp_periode WHERE id = ?",
                [j.period_id]) == [("DINILAI", "baik", "sesuai", "di_atas")]
    assert rows(db, "SELECT count(*) FROM skp_periode WHERE rating_pk IS NOT NULL") == [(1,)]


def read_mengapa(j: Journey) -> None:
    """Ade reads the result and "Mengapa?"."""
    term = j.term
    become(term, PEGAWAI, ADE)
    term.keys("F7")
    term.wait_for("Triwulan I 2026 · sudah dinilai", "Hasil dan Mengapa?", "Predikat Anda Baik",
                  "Hasil Kerja sesuai ekspektasi", "Perilaku di atas ekspektasi", "PermenPANRB 6/2022",
                  "Capaian kinerja sudah baik, tingkatkan")


def lock_the_period(j: Journey) -> None:
    """The trainer moves the clock past the batas pengisian: her rated period locks."""
    term, db = j.term, j.db
    become(term, "Pelatih", "Pelatih")
    term.keys("F4")
    term.wait_for("Tanggal virtual baru")
    term.type("2026-04-11")
    term.keys("Enter")
    term.wait_toast("Jam kini 11 April 2026", "1 dikunci")
    term.wait_for("Tanggal virtual: 11 April 2026")
    assert rows(db, "SELECT virtual_now FROM clock") == [("2026-04-11T08:00:00+07:00",)]
    assert rows(db, "SELECT state FROM skp_periode WHERE id = ?", [j.period_id]) == [("TERKUNCI",)]


def issue_and_print(j: Journey) -> None:
    """Ade issues the Dokumen Evaluasi and saves it for printing."""
    term, db = j.term, j.db
    become(term, PEGAWAI, ADE)
    term.keys("F7")
    term.wait_for("Evaluasi Periodik", "Triwulan I 2026")
    term.keys("F8")
    term.wait_for("Dokumen Evaluasi Kinerja — Triwulan I 2026", "Periode terkunci", "Terbitkan dokumen")
    term.keys("Tab", "Enter")  # "Terbitkan dokumen", the first button
    term.wait_for(f"Terbitkan Dokumen Evaluasi {ADE}, Triwulan I 2026", "Ya, terbitkan")
    assert rows(db, "SELECT state FROM skp_periode WHERE id = ?", [j.period_id]) == [("TERKUNCI",)]
    term.keys("Tab", "Enter")
    term.wait_toast("Dokumen diterbitkan")
    screen = term.wait_for("Dokumen terbit", "keberatan sampai 25 April 2026")
    assert "DOKUMEN_TERBIT" not in screen and "2026-04-11" not in screen, screen  # words and a date
    assert rows(db, "SELECT state, dokumen_terbit_at FROM skp_periode WHERE id = ?", [j.period_id]) == [
        ("DOKUMEN_TERBIT", "2026-04-11T08:00:00+07:00")]
    term.keys("Enter")  # "Simpan HTML untuk cetak" took the focus when "Terbitkan" went away
    toast = term.wait_toast("Dokumen siap cetak disimpan di:", "Ctrl+P")
    html = saved_path(toast)
    folder = (db.parent / "dokumen-evaluasi").resolve()  # beside the office file, as the screen says
    assert html.suffix == ".html" and html.parent.resolve() == folder, toast
    page = html.read_text(encoding="utf-8")
    assert ADE in page and PEGAWAI in page and "Triwulan I 2026" in page
