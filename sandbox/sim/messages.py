"""Messages of the workbench's levers (assumptions file, --seeds, curve adjustment, numeric models),
Indonesian first, English second.

Added with `sandbox.i18n.add_messages` (importing only the catalog: no cycle). Imported by every
sim module that uses one of these keys.
"""

from __future__ import annotations

from sandbox.i18n import add_messages

SIM_MESSAGES: dict[str, tuple[str, str]] = {
    # -- the assumptions file (`--asumsi FILE`) --------------------------------------------------
    "sim.asumsi.berkas_tidak_ada": (
        "berkas asumsi {path} tidak ada",
        "assumptions file {path} does not exist",
    ),
    "sim.asumsi.berkas_tidak_ada.fix": (
        "periksa path, atau salin sandbox/sim/asumsi.yaml lalu ubah salinannya",
        "check the path, or copy sandbox/sim/asumsi.yaml and edit the copy",
    ),
    "sim.asumsi.berkas_folder": (
        "{path} adalah folder, bukan berkas asumsi",
        "{path} is a folder, not an assumptions file",
    ),
    "sim.asumsi.berkas_folder.fix": ("sebutkan satu berkas .yaml", "name one .yaml file"),
    "sim.asumsi.kunci_asing": ("kunci '{kunci}' tidak dikenal", "unknown key '{kunci}'"),
    "sim.asumsi.kunci_asing.fix": (
        "hapus atau perbaiki ejaannya; yang dikenal di sini: {boleh}",
        "remove it or fix its spelling; known here: {boleh}",
    ),
    "sim.asumsi.kunci_hilang": ("'{kunci}' tidak ada", "'{kunci}' is missing"),
    "sim.asumsi.kunci_hilang.fix": (
        "tambahkan {kunci} dengan nilai dan sumbernya, seperti di sandbox/sim/asumsi.yaml",
        "add {kunci} with its value and source, as in sandbox/sim/asumsi.yaml",
    ),
    "sim.asumsi.bukan_pemetaan": (
        "{kunci} harus berupa pemetaan (kunci: isi)",
        "{kunci} must be a mapping (key: content)",
    ),
    "sim.asumsi.bukan_pemetaan.fix": ("tulis di bawahnya kunci: {nama}", "write under it the keys: {nama}"),
    "sim.asumsi.bukan_pemetaan_nama": (
        "{kunci} = {nilai} bukan pemetaan per nama",
        "{kunci} = {nilai} is not a mapping by name",
    ),
    "sim.asumsi.bukan_pemetaan_nama.fix": (
        "tulis {{nama: nilai}} untuk setiap nama: {nama}",
        "write {{name: value}} for each of: {nama}",
    ),
    "sim.asumsi.bukan_nilai": (
        "{kunci} tidak ditulis sebagai {{nilai: …, sumber: …}}",
        "{kunci} is not written as {{nilai: …, sumber: …}}",
    ),
    "sim.asumsi.bukan_nilai.fix": (
        "tulis mis. {kunci}: {{nilai: {contoh}, sumber: asumsi}}",
        "write e.g. {kunci}: {{nilai: {contoh}, sumber: asumsi}}",
    ),
    "sim.asumsi.tanpa_sumber": ("{kunci} tidak menyebut sumbernya", "{kunci} does not name its source"),
    "sim.asumsi.tanpa_sumber.fix": (
        "tambahkan `sumber: asumsi` atau rujukan asal angka itu",
        "add `sumber: asumsi` or where the number comes from",
    ),
    "sim.asumsi.bukan_angka": ("{kunci} = {nilai} bukan angka", "{kunci} = {nilai} is not a number"),
    "sim.asumsi.bukan_angka.fix": (
        "tulis angka antara {bawah} dan {atas} (titik desimal, mis. 0.25)",
        "write a number between {bawah} and {atas} (decimal point, e.g. 0.25)",
    ),
    "sim.asumsi.bukan_bulat": (
        "{kunci} = {nilai} bukan bilangan bulat",
        "{kunci} = {nilai} is not a whole number",
    ),
    "sim.asumsi.bukan_bulat.fix": (
        "tulis bilangan bulat antara {bawah} dan {atas}",
        "write a whole number between {bawah} and {atas}",
    ),
    "sim.asumsi.bukan_ya_tidak": (
        "{kunci} = {nilai} bukan true/false",
        "{kunci} = {nilai} is not true/false",
    ),
    "sim.asumsi.bukan_ya_tidak.fix": ("tulis true atau false", "write true or false"),
    "sim.asumsi.bukan_teks": ("{kunci} = {nilai} bukan teks", "{kunci} = {nilai} is not text"),
    "sim.asumsi.bukan_teks.fix": ("tulis teks biasa", "write plain text"),
    "sim.asumsi.rentang": (
        "{kunci} = {nilai} di luar batas {bawah}–{atas}",
        "{kunci} = {nilai} is outside {bawah}–{atas}",
    ),
    "sim.asumsi.rentang.fix": (
        "tulis nilai antara {bawah} dan {atas}",
        "write a value between {bawah} and {atas}",
    ),
    "sim.asumsi.panjang": (
        "{kunci} harus berisi {jumlah} angka ({nama})",
        "{kunci} must hold {jumlah} numbers ({nama})",
    ),
    "sim.asumsi.panjang.fix": (
        "tulis daftar {jumlah} peluang yang berjumlah 1, mis. [0.15, 0.70, 0.15]",
        "write a list of {jumlah} shares adding up to 1, e.g. [0.15, 0.70, 0.15]",
    ),
    "sim.asumsi.jumlah": (
        "peluang {kunci} berjumlah {jumlah}, bukan 1",
        "the shares of {kunci} add up to {jumlah}, not 1",
    ),
    "sim.asumsi.jumlah.fix": (
        "ubah nilainya agar berjumlah tepat 1",
        "change them so they add up to exactly 1",
    ),
    "sim.asumsi.bukan_rentang": (
        "{kunci} = {nilai} bukan rentang [bawah, atas]",
        "{kunci} = {nilai} is not a range [low, high]",
    ),
    "sim.asumsi.bukan_rentang.fix": (
        "tulis dua angka antara {bawah} dan {atas}, mis. [85, 105]",
        "write two numbers between {bawah} and {atas}, e.g. [85, 105]",
    ),
    "sim.asumsi.rentang_urut": (
        "rentang {kunci} = {nilai} terbalik atau di luar {bawah}–{atas}",
        "range {kunci} = {nilai} is reversed or outside {bawah}–{atas}",
    ),
    "sim.asumsi.rentang_urut.fix": (
        "tulis [bawah, atas] dengan bawah ≤ atas, keduanya antara {bawah} dan {atas}",
        "write [low, high] with low ≤ high, both between {bawah} and {atas}",
    ),
    "sim.asumsi.longgar_ketat": (
        "penilai longgar dan ketat bersama {jumlah}, lebih dari semua penilai",
        "lenient and strict raters together are {jumlah}, more than all raters",
    ),
    "sim.asumsi.longgar_ketat.fix": (
        "turunkan penilai_longgar atau penilai_ketat agar jumlahnya ≤ 1",
        "lower penilai_longgar or penilai_ketat so they add up to ≤ 1",
    ),
    "sim.asumsi.shipped": ("berkas asumsi bawaan rusak", "the shipped assumptions file is broken"),
    "sim.asumsi.shipped.fix": (
        "laporkan ke pengembang; sementara pakai --asumsi dengan berkas yang lolos",
        "report it to the developers; meanwhile use --asumsi with a file that passes",
    ),
    # -- a pack no longer in force in the simulated year ------------------------------------------
    "sim.expired": (
        "paket {pack} (keputusan {decision}) tidak berlaku lagi pada tahun {year}; berlaku sampai {end}",
        "pack {pack} (decision {decision}) is no longer in force in {year}; it applied until {end}",
    ),
    "sim.expired.fix": (
        "tulis --year dengan tahun ketika paket berlaku, atau biarkan kosong",
        "give --year a year in which the pack applied, or leave it out",
    ),
    # -- `ekinerja compare … --explain NIP` --------------------------------------------------------
    "sim.explain.unknown_nip": (
        "NIP {nip} tidak ada dalam populasi yang disimulasikan ({pegawai} pegawai); hasil tetap "
        "tersimpan di {path}",
        "NIP {nip} is not in the simulated population ({pegawai} staff); the results are still saved "
        "in {path}",
    ),
    "sim.explain.bad_nip": (
        "--explain {nip}: NIP ditulis dengan 18 angka tanpa spasi atau tanda baca",
        "--explain {nip}: a NIP is written as 18 digits, without spaces or punctuation",
    ),
    "sim.explain.bad_nip.fix": (
        "salin NIP 18 angka dari kolom nip tabel hasil_pegawai di hasil.sqlite atau dari tpp_terbesar.csv",
        "copy an 18-digit NIP from column nip of table hasil_pegawai in hasil.sqlite or from"
        " tpp_terbesar.csv",
    ),
    "sim.explain.unknown_nip.fix": (
        "salin satu NIP dari kolom nip tabel hasil_pegawai di hasil.sqlite atau dari "
        "tpp_terbesar.csv, dengan --staff, --seed dan --db yang sama",
        "copy a NIP from column nip of table hasil_pegawai in hasil.sqlite or from tpp_terbesar.csv, "
        "with the same --staff, --seed and --db",
    ),
    "sim.explain.title": (
        "# Jalur pegawai NIP {nip} sepanjang tahun {year} / One person's path through {year}",
        "# Path of NIP {nip} through the year {year}",
    ),
    "sim.explain.person": (
        "Pegawai: {instansi} — unit {unit}; jabatan {jabatan}, jenjang {jenjang}, golongan {golongan}, umur "
        "{umur}, profil perilaku {profil}",
        "Person: {instansi} — unit {unit}; position {jabatan}, jenjang {jenjang}, golongan {golongan}, age "
        "{umur}, behaviour profile {profil}",
    ),
    "sim.explain.tpp_inputs": (
        "Masukan TPP (sama untuk kedua paket): besaran TPP {besaran} per bulan; hukuman disiplin {hukuman} "
        "({bulan} bulan)",
        "TPP inputs (the same under both packs): TPP base {besaran} a month; hukuman disiplin {hukuman} "
        "({bulan} months)",
    ),
    "sim.explain.attendance": (
        "Kehadiran setahun (kejadian): {counts}",
        "Attendance over the year (events): {counts}",
    ),
    "sim.explain.pack": ("Paket {letter} = {pack} (model {model})", "Pack {letter} = {pack} (model {model})"),
    "sim.explain.periods": (
        "Predikat per periode: TW I {tw1}, TW II {tw2}, TW III {tw3}, TW IV {tw4}; tahunan {tahunan}",
        "Predikat per period: Q1 {tw1}, Q2 {tw2}, Q3 {tw3}, Q4 {tw4}; annual {tahunan}",
    ),
    "sim.explain.predikat": (
        "Keputusan {decision} ({pack}) dengan {inputs}; aturan yang berlaku: {rules}",
        "Decision {decision} ({pack}) on {inputs}; rules fired: {rules}",
    ),
    "sim.explain.agrees": (
        "mesin aturan: {engine} = tersimpan: {stored}",
        "rules engine: {engine} = stored: {stored}",
    ),
    "sim.explain.differs": (
        "PERHATIAN: mesin aturan memberi {engine}, baris tersimpan {stored}",
        "WARNING: the rules engine gives {engine}, the stored row {stored}",
    ),
    "sim.explain.curve": (
        "penyesuaian kurva: predikat tahunan pertama {awal}, setelah penyesuaian {akhir} (kurva mengubah "
        "{periods} dari 5 periode)",
        "curve adjustment: annual predikat first {awal}, after the adjustment {akhir} (the curve changed "
        "{periods} of 5 periods)",
    ),
    "sim.explain.tpp": (
        "TPP per bulan ({pack}; predikat bulan itu = predikat triwulannya):",
        "TPP per month ({pack}; a month's predikat = its quarter's):",
    ),
    "sim.explain.tpp_month": (
        "{months}: {amount} per bulan (predikat {predikat}, hukuman {hukuman}); aturan: {rules}",
        "{months}: {amount} a month (predikat {predikat}, hukuman {hukuman}); rules: {rules}",
    ),
    "sim.explain.tpp_total": (
        "TPP setahun menurut mesin aturan {engine} = tersimpan {stored}",
        "TPP for the year by the rules engine {engine} = stored {stored}",
    ),
    "sim.explain.tpp_differs": (
        "PERHATIAN: TPP setahun menurut mesin aturan {engine}, tersimpan {stored}",
        "WARNING: TPP for the year by the rules engine {engine}, stored {stored}",
    ),
    "sim.explain.angka_kredit": (
        "Angka kredit ({pack}, jenjang {jenjang}): {value} (tersimpan {stored}); aturan: {rules}",
        "Angka kredit ({pack}, jenjang {jenjang}): {value} (stored {stored}); rules: {rules}",
    ),
    "sim.explain.summary": (
        "Paket {letter}: predikat tahunan {predikat}, TPP setahun {tpp}",
        "Pack {letter}: annual predikat {predikat}, TPP for the year {tpp}",
    ),
    "sim.explain.change": ("Selisih TPP B − A: {change}", "TPP change B − A: {change}"),
    "sim.excel_saved": (
        "juga: ringkasan.xlsx (satu lembar per tabel) dan <tabel>-excel.csv untuk Excel berbahasa Indonesia "
        "(; dan koma desimal)",
        "also: ringkasan.xlsx (one sheet per table) and <table>-excel.csv for an Excel set to Indonesian "
        "(; and decimal commas)",
    ),
    # -- money packs: the period of the predikat that cuts pay, inputs by name ---------------------
    "sim.bulan.periode_tidak_dikenal": (
        "paket {pack}: bulan_per_periode = {nilai}; simulator hanya mengenal {boleh}",
        "pack {pack}: bulan_per_periode = {nilai}; the simulator knows only {boleh}",
    ),
    "sim.bulan.periode_tidak_dikenal.fix": (
        "tulis 1 (predikat bulanan), 3 (triwulanan) atau 12 (tahunan), atau hapus parameter itu (= 3)",
        "write 1 (monthly predikat), 3 (quarterly) or 12 (yearly), or remove the parameter (= 3)",
    ),
    "sim.bulan.masukan_tidak_dikenal": (
        "paket {pack} memerlukan masukan {masukan} untuk keputusan tpp, yang tidak diketahui simulator; "
        "simulator mengetahui: {dikenal}",
        "pack {pack} requires input {masukan} for decision tpp, which the simulator does not know; "
        "the simulator knows: {dikenal}",
    ),
    "sim.bulan.masukan_tidak_dikenal.fix": (
        "beri masukan itu nilai bawaan (default:) di paket atau reformasinya, atau bandingkan paket lain",
        "give that input a default (default:) in the pack or a reform of it, or compare another pack",
    ),
    "sim.bulan.pilihan_tidak_dikenal": (
        "paket {pack}: masukan {masukan} keputusan tpp tidak memuat pilihan {pilihan}, padahal simulator "
        "memberikan {diberikan}",
        "pack {pack}: input {masukan} of decision tpp lacks the choice {pilihan}, while the simulator gives "
        "{diberikan}",
    ),
    "sim.bulan.pilihan_tidak_dikenal.fix": (
        "tambahkan pilihan itu ke values masukan tersebut di paket atau reformasinya",
        "add that choice to the input's values in the pack or a reform of it",
    ),
    "sim.explain.tpp_bulanan": (
        "TPP per bulan ({pack}; predikat bulan itu sendiri, ditetapkan pada akhir triwulannya):",
        "TPP per month ({pack}; the month's own predikat, decided on its quarter's last day):",
    ),
    "sim.explain.tpp_tahunan": (
        "TPP per bulan ({pack}; predikat tahunan {tahun}{dibayar}):",
        "TPP per month ({pack}; the annual predikat of {tahun}{dibayar}):",
    ),
}


add_messages(SIM_MESSAGES)
