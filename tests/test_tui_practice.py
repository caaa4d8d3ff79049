"""The practice app driven like a trainee would, by keys and clicks (Textual Pilot), on a real
SQLite demo office and the real workflow: draft → submit → returned with a note → fixed →
resubmitted → approved. Each journey ends by checking the database."""

from __future__ import annotations

import sqlite3

from textual.widgets import Input, Select, Static

from sandbox.tui.app import SandboxApp
from sandbox.tui.screens.beranda import BerandaScreen
from sandbox.tui.screens.persona import PersonaScreen
from sandbox.tui.screens.skp import SkpScreen
from sandbox.tui.screens.skp_bawahan import SkpBawahanScreen

PEGAWAI = "199704292023112001"  # Ade Haryanti, Operator Layanan Operasional
KASI = "198112092000061001"  # her pejabat penilai, Kepala Seksi


def db_rows(path, sql, params=()):
    with sqlite3.connect(path) as conn:
        return conn.execute(sql, params).fetchall()


async def click(pilot, selector: str) -> None:
    widget = pilot.app.screen.query_one(selector)
    widget.scroll_visible(animate=False)
    await pilot.pause()
    await pilot.click(selector)
    await pilot.pause()


async def type_into(pilot, selector: str, text: str) -> None:
    await click(pilot, selector)
    await pilot.press(*text)


async def choose_first(pilot, selector: str) -> None:
    """Open a Select with Enter and take its first real option, by keys."""
    select = pilot.app.screen.query_one(selector, Select)
    select.scroll_visible(animate=False)
    select.focus()
    await pilot.pause()
    await pilot.press("enter", "down", "enter")
    await pilot.pause()
    assert not select.is_blank()


async def become(pilot, nip: str) -> None:
    """From wherever we are, back to the persona list, then log in as `nip` by typing it."""
    while not isinstance(pilot.app.screen, PersonaScreen):
        await pilot.press("escape")
        await pilot.pause()
    await pilot.press(*nip, "enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, BerandaScreen)


def text(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_draft_return_fix_resubmit_approve(tmp_path):
    db = tmp_path / "kelas.db"
    app = SandboxApp("id", db_path=str(db))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PersonaScreen)
        await become(pilot, PEGAWAI)
        assert "buat SKP 2026" in text(app, "#langkah")

        # -- the pegawai drafts ----------------------------------------------------------------------
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, SkpScreen)
        await click(pilot, "#buat")
        assert db_rows(db, "SELECT status FROM skp WHERE nip = ?", [PEGAWAI]) == [("DRAFT",)]

        # a mistake first: an RHK without the atasan's RHK is refused beside the form, text kept
        await type_into(pilot, "#rhk-teks", "Terverifikasinya berkas izin trayek")
        await click(pilot, "#tambah-rhk")
        assert "intervensi" in text(app, "#rhk-error").lower() or "atasan" in text(app, "#rhk-error")
        assert app.screen.query_one("#rhk-teks", Input).value == "Terverifikasinya berkas izin trayek"
        await choose_first(pilot, "#induk")
        await click(pilot, "#tambah-rhk")
        assert text(app, "#rhk-error") == ""
        assert app.screen.query_one("#rhk-teks", Input).value == ""
        assert "Terverifikasinya berkas izin trayek" in text(app, "#daftar")

        # an indikator with a target that is not a number: explained, everything kept
        await type_into(pilot, "#ind-teks", "Jumlah berkas terverifikasi")
        await type_into(pilot, "#target", "seratus")
        await type_into(pilot, "#satuan", "berkas")
        await click(pilot, "#tambah-ind")
        assert "bukan angka" in text(app, "#ind-error")
        assert app.screen.query_one("#ind-teks", Input).value == "Jumlah berkas terverifikasi"
        app.screen.query_one("#target", Input).value = ""
        await type_into(pilot, "#target", "120")
        await click(pilot, "#tambah-ind")
        assert text(app, "#ind-error") == ""
        assert "target 120 berkas" in text(app, "#daftar")

        checklist = text(app, "#checklist")
        assert "✓ Setiap RHK punya indikator" in checklist and "! Lampiran terisi" in checklist
        await type_into(pilot, "#lamp-sd", "Satu komputer")
        await type_into(pilot, "#lamp-pj", "Laporan bulanan")
        await type_into(pilot, "#lamp-kon", "Teguran")
        await click(pilot, "#simpan-lampiran")
        assert "✓ Lampiran terisi" in text(app, "#checklist")
        await pilot.press("f8")
        await pilot.pause()
        assert db_rows(db, "SELECT status FROM skp WHERE nip = ?", [PEGAWAI]) == [("DIAJUKAN",)]

        # -- the pejabat penilai returns it with a note ----------------------------------------------
        await become(pilot, KASI)
        assert "menunggu keputusan Anda: 1" in text(app, "#langkah")
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, SkpBawahanScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert "Terverifikasinya berkas izin trayek" in text(app, "#detail")
        await click(pilot, "#kembalikan")
        await pilot.press("enter")  # an empty note is refused inside the dialog, which stays open
        await pilot.pause()
        assert "Catatan wajib diisi" in text(app, "#catatan-error")
        await pilot.press(*"Target terlalu rendah, naikkan", "enter")
        await pilot.pause()
        assert "Ade Haryanti" in text(app, "#konfirmasi-tanya")  # asked first, naming her
        assert db_rows(db, "SELECT status FROM skp WHERE nip = ?", [PEGAWAI]) == [("DIAJUKAN",)]
        await click(pilot, "#ya")
        assert db_rows(db, "SELECT status FROM skp WHERE nip = ?", [PEGAWAI]) == [("DIKEMBALIKAN",)]

        # -- the pegawai reads the note, fixes and resubmits -----------------------------------------
        await become(pilot, PEGAWAI)
        assert "Target terlalu rendah" in text(app, "#langkah")
        await pilot.press("f2")
        await pilot.pause()
        assert "Target terlalu rendah, naikkan" in text(app, "#ringkasan")
        await type_into(pilot, "#ind-teks", "Persentase berkas selesai tepat waktu")
        await type_into(pilot, "#target", "95")
        await type_into(pilot, "#satuan", "persen")
        await click(pilot, "#tambah-ind")
        await click(pilot, "#ajukan")
        assert db_rows(db, "SELECT status FROM skp WHERE nip = ?", [PEGAWAI]) == [("DIAJUKAN",)]

        # -- approved --------------------------------------------------------------------------------
        await become(pilot, KASI)
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await click(pilot, "#setujui")
        assert "Ade Haryanti" in text(app, "#konfirmasi-tanya")
        await click(pilot, "#ya")
        await pilot.press("escape")
        await pilot.pause()

    skp_id, status = db_rows(db, "SELECT id, status FROM skp WHERE nip = ?", [PEGAWAI])[0]
    assert status == "DISETUJUI"
    assert db_rows(
        db, "SELECT to_status, actor_nip FROM skp_status_log WHERE skp_id = ? ORDER BY id", [skp_id]
    ) == [
        ("DRAFT", PEGAWAI),
        ("DIAJUKAN", PEGAWAI),
        ("DIKEMBALIKAN", KASI),
        ("DRAFT", PEGAWAI),
        ("DIAJUKAN", PEGAWAI),
        ("DISETUJUI", KASI),
    ]
    assert db_rows(
        db, "SELECT count(*) FROM indikator i JOIN rhk r ON r.id = i.rhk_id WHERE r.skp_id = ?", [skp_id]
    ) == [(2,)]
    assert db_rows(db, "SELECT count(*) FROM skp_periode WHERE skp_id = ?", [skp_id]) == [(5,)]


async def test_english_and_the_trainer_clock(tmp_path):
    db = tmp_path / "kelas.db"
    app = SandboxApp("en", db_path=str(db))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Who are you today?" in str(app.screen.query_one(".title").render())
        await pilot.press(*"Trainer", "enter")
        await pilot.pause()
        assert isinstance(app.screen, BerandaScreen)
        assert not app.screen.query_one("#ke-skp").display
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press(*"2026-04-01", "enter")
        await pilot.pause()
        assert "Virtual date: 1 April 2026" in text(app, "#jam")
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press(*"2026-02-01", "enter")  # backwards: refused inside the dialog, clock unchanged
        await pilot.pause()
        assert text(app, "#catatan-error")  # the dialog stays open and says why
        await pilot.press("escape")
        await pilot.pause()
        assert "Virtual date: 1 April 2026" in text(app, "#jam")
    assert db_rows(db, "SELECT virtual_now FROM clock") == [("2026-04-01T08:00:00+07:00",)]
    assert db_rows(
        db, "SELECT count(*) FROM audit_log WHERE action = 'clock.set' AND session_nip = 'TRAINER'"
    ) == [(1,)]


async def test_a_pegawai_cannot_reach_the_clock_or_subordinates(tmp_path):
    app = SandboxApp("id", db_path=str(tmp_path / "kelas.db"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await become(pilot, PEGAWAI)
        assert not app.screen.query_one("#ke-bawahan").display
        assert not app.screen.query_one("#ke-jam").display
        await pilot.press("f3")
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, BerandaScreen)


async def choose_option(pilot, selector: str, downs: int) -> None:
    """Open a Select with Enter, move down `downs` times from the prompt, and take it (by keys)."""
    select = pilot.app.screen.query_one(selector, Select)
    select.scroll_visible(animate=False)
    select.focus()
    await pilot.pause()
    await pilot.press("enter", *(["down"] * downs), "enter")
    await pilot.pause()


async def test_a_period_filled_rated_and_explained(tmp_path):
    """Ade fills Triwulan I; her Kepala Seksi gives feedback and rates; both read the predikat and the
    "Mengapa?" built from the stored trace, which matches the engine evaluated apart."""
    import datetime as dt

    from sandbox.rules.engine import Engine
    from sandbox.rules.loader import load_pack
    from sandbox.tui.office import open_office
    from sandbox.tui.screens.evaluasi import EvaluasiScreen
    from sandbox.tui.screens.penilaian import PenilaianScreen
    from sandbox.workflow import ajukan, buat_skp, isi_lampiran, setujui, tambah_indikator, tambah_rhk

    db = tmp_path / "kelas.db"
    store = open_office(db)
    parent = store.conn.execute(
        "SELECT r.id FROM rhk r JOIN skp s ON s.id = r.skp_id WHERE s.nip = ? ORDER BY r.id", [KASI]
    ).fetchone()[0]
    skp_id = buat_skp(store, PEGAWAI, 2026)
    rhk = tambah_rhk(store, PEGAWAI, skp_id, "Terverifikasinya berkas izin trayek", induk_rhk_id=parent)
    tambah_indikator(
        store,
        PEGAWAI,
        rhk,
        "Jumlah berkas terverifikasi",
        aspek="kuantitas",
        target_nilai=30,
        target_satuan="berkas",
    )
    isi_lampiran(store, PEGAWAI, skp_id, dukungan_sd="PC", skema_pj="Laporan", konsekuensi="Teguran")
    ajukan(store, PEGAWAI, skp_id)
    setujui(store, KASI, skp_id)
    store.close()

    app = SandboxApp("id", db_path=str(db))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await become(pilot, PEGAWAI)
        await pilot.press("f7")
        await pilot.pause()
        assert isinstance(app.screen, EvaluasiScreen)
        assert "Triwulan I 2026" in text(app, "#periode-info")
        await type_into(pilot, "#ra-teks", "Memverifikasi 10 berkas per bulan")
        await pilot.press("enter")
        await type_into(pilot, "#real-nilai", "32")
        await click(pilot, "#simpan-real")
        await type_into(pilot, "#bukti-nama", "Rekap verifikasi Triwulan I")
        await type_into(pilot, "#bukti-url", "drive.google.com/rekap")  # no https://: refused, kept
        await click(pilot, "#tambah-bukti")
        assert "https://" in text(app, "#real-error")
        assert app.screen.query_one("#bukti-url", Input).value == "drive.google.com/rekap"
        app.screen.query_one("#bukti-url", Input).value = ""
        await type_into(pilot, "#bukti-url", "https://drive.google.com/rekap")
        await click(pilot, "#tambah-bukti")
        assert "bukti dukung lengkap" in text(app, "#periode-info")
        assert "✓ Jumlah berkas terverifikasi: realisasi 32 dari target 30" in text(app, "#isian")

        await become(pilot, KASI)
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, PenilaianScreen)
        await pilot.press("enter")  # the first row: Ade's Triwulan I
        await pilot.pause()
        await choose_option(pilot, "#sasaran", 1)  # the indikator
        await choose_option(pilot, "#pilihan", 2)  # "Capaian kinerja sudah baik, tingkatkan"
        await click(pilot, "#kirim-ub")
        await choose_option(pilot, "#hk", 2)  # Sesuai Ekspektasi
        await choose_option(pilot, "#pk", 1)  # Di Atas Ekspektasi
        await click(pilot, "#nilai")
        assert "Ade Haryanti" in text(app, "#konfirmasi-tanya")
        await click(pilot, "#ya")
        hasil = text(app, "#hasil")

        await become(pilot, PEGAWAI)
        await pilot.press("f7")
        await pilot.pause()
        # the same result and reasons; the pegawai is spoken to ("Anda"), the pejabat reads the name
        assert text(app, "#hasil") == hasil.replace("Predikat Ade Haryanti: Baik,", "Predikat Anda Baik")
        assert "Capaian kinerja sudah baik, tingkatkan" in text(app, "#isian")

    expected = Engine().evaluate(
        load_pack("permenpanrb-6-2022"),
        "predikat",
        {"rating_hasil_kerja": "sesuai", "rating_perilaku": "di_atas"},
        on=dt.date(2026, 1, 2),
    )
    fired = next(step for step in expected.trace if step["kind"] == "rule")
    assert "Predikat Ade Haryanti: Baik" in hasil and expected.outputs["predikat"] == "baik"
    assert fired["rule"] not in hasil and fired["cite"] in hasil  # the citation, never the rule's code
    assert db_rows(
        db,
        "SELECT sp.state, sp.predikat, sp.rating_hk, sp.rating_pk FROM skp_periode sp"
        " JOIN periode_penilaian_master m ON m.id = sp.master_id"
        " WHERE sp.skp_id = ? AND m.nama = 'Triwulan I 2026'",
        [skp_id],
    ) == [("DINILAI", "baik", "sesuai", "di_atas")]
    assert db_rows(db, "SELECT target_type, pilihan FROM umpan_balik") == [("indikator", "[2]")]


async def test_footer_keys_are_clickable_and_offer_only_the_roles_menus(tmp_path):
    """The key bar lists the menus this persona may use, and a click on a key presses it."""
    from sandbox.tui.keybar import KeyBar

    app = SandboxApp("id", db_path=str(tmp_path / "kelas.db"))
    async with app.run_test(size=(120, 40)) as pilot:
        await become(pilot, PEGAWAI)
        bar = str(app.screen.query_one(KeyBar).render())
        assert "F2 SKP Saya" in bar and "Ctrl+B English" in bar
        assert "F3" not in bar and "F9" not in bar  # Ade leads nobody: no subordinates' menus
        await pilot.click(KeyBar, offset=(bar.index("F2") + 1, 0))
        await pilot.pause()
        assert isinstance(app.screen, SkpScreen)
        await become(pilot, KASI)
        bar = str(app.screen.query_one(KeyBar).render())
        assert "F3 SKP Bawahan" in bar and "F9 Penilaian" in bar


async def test_skp_bawahan_after_the_draft_moved_to_another_pejabat(tmp_path):
    """Ade's draft moves to a new atasan (Sinkron SIASN in her own terminal) while her old Kepala
    Seksi has it highlighted; back on SKP Bawahan he no longer sees it, and the app does not crash
    (found by review: the read rights refused the stale selection with a traceback)."""
    from textual.widgets import DataTable

    from sandbox.store import open_store
    from sandbox.tui.office import open_office
    from sandbox.workflow import buat_skp
    from sandbox.workflow.profil import sinkron_siasn
    from sandbox.workflow.views import people

    db = tmp_path / "kantor.db"
    with open_office(db) as store:
        skp_id = buat_skp(store, PEGAWAI, 2026, "kuantitatif")
        staff = {p["nip"]: p for p in people(store)}
        chain, nip = set(), PEGAWAI
        while nip:
            chain.add(nip)
            nip = staff[nip]["atasan_nip"]
        new = next(p["nip"] for p in staff.values() if p["memimpin"] and p["nip"] not in chain)
        store.conn.execute("INSERT INTO siasn_profil (nip, atasan_nip, unor_id, jabatan)"
                           " SELECT nip, ?, unor_id, jabatan FROM pegawai WHERE nip = ?", [new, PEGAWAI])
    app = SandboxApp("id", db_path=str(db))
    async with app.run_test(size=(110, 40)) as pilot:
        await become(pilot, KASI)
        await pilot.press("f3")
        await pilot.pause()
        table = app.screen.query_one("#bawahan", DataTable)
        table.focus()
        table.move_cursor(row=[str(k.value) for k in table.rows].index(str(skp_id)))
        await pilot.pause()
        assert app.screen.selected == skp_id
        with open_store(db) as other:
            assert sinkron_siasn(other, PEGAWAI)["atasan_nip"] == new
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, SkpBawahanScreen) and app.return_code is None
        assert app.screen.selected != skp_id
        assert str(skp_id) not in [str(k.value) for k in app.screen.query_one("#bawahan", DataTable).rows]
