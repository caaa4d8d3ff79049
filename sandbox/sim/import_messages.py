"""Messages of `ekinerja import` (an office's own data from the template), Indonesian first, English
second; `.fix` says what to write instead. Added with `sandbox.i18n.add_messages`; imported by
`sandbox.sim.importer`, the one module that uses them."""

from __future__ import annotations

from sandbox.i18n import add_messages

_WRITE = ("lalu impor lagi", "then import again")

IMPORT_MESSAGES: dict[str, tuple[str, str]] = {
    "sim.impor.di_sel": ("{berkas} baris {baris}, kolom {kolom} ({nama})",
                         "{berkas} row {baris}, column {kolom} ({nama})"),
    "sim.impor.di_baris": ("{berkas} baris {baris}", "{berkas} row {baris}"),
    "sim.impor.lainnya": ("… dan {jumlah} masalah lain", "… and {jumlah} more problems"),
    "sim.impor.tidak_ditulis": (
        "{jumlah} masalah: tidak ada yang ditulis ke basis data. Perbaiki yang disebut lalu impor lagi.",
        "{jumlah} problems: nothing was written to the database. Fix what is named and import again."),
    # -- the file ---------------------------------------------------------------------------------
    "sim.impor.berkas_tidak_ada": ("berkas {path} tidak ada", "file {path} does not exist"),
    "sim.impor.berkas_tidak_ada.fix": (
        "periksa path; templat kosong ada di sandbox/sim/templates/templat-impor.xlsx",
        "check the path; the empty template is sandbox/sim/templates/templat-impor.xlsx"),
    "sim.impor.jenis_berkas": ("{path} bukan berkas .xlsx atau .csv", "{path} is not an .xlsx or .csv file"),
    "sim.impor.jenis_berkas.fix": (
        "simpan lembar Pegawai dari templat sebagai Excel Workbook (.xlsx) atau CSV",
        "save the template's Pegawai sheet as an Excel Workbook (.xlsx) or as CSV"),
    "sim.impor.xlsx_rusak": ("{path} tidak dapat dibaca sebagai .xlsx ({detail})",
                             "{path} cannot be read as an .xlsx ({detail})"),
    "sim.impor.xlsx_rusak.fix": (
        "buka di Excel atau LibreOffice lalu simpan lagi sebagai Excel Workbook (.xlsx)",
        "open it in Excel or LibreOffice and save it again as an Excel Workbook (.xlsx)"),
    "sim.impor.bukan_utf8": ("{path} bukan teks UTF-8", "{path} is not UTF-8 text"),
    "sim.impor.bukan_utf8.fix": (
        "di Excel pilih Simpan Sebagai → CSV UTF-8 (dipisahkan koma/titik koma), " + _WRITE[0],
        "in Excel choose Save As → CSV UTF-8 (comma/semicolon delimited), " + _WRITE[1]),
    "sim.impor.kosong": ("berkas tidak berisi satu baris pegawai pun", "the file holds no staff row"),
    "sim.impor.kosong.fix": ("isi satu baris per pegawai di bawah baris judul kolom",
                             "fill in one row per person below the header row"),
    "sim.impor.kolom_hilang": ("kolom wajib tidak ada: {kolom}", "required columns are missing: {kolom}"),
    "sim.impor.kolom_hilang.fix": (
        "salin baris judul dari templat (baris 1) tanpa mengubah nama kolom",
        "copy the header row (row 1) from the template without renaming columns"),
    "sim.impor.kolom_asing": ("kolom '{nilai}' tidak dikenal", "unknown column '{nilai}'"),
    "sim.impor.kolom_asing.fix": (
        "hapus kolom itu atau perbaiki namanya; nama kolom ada di lembar Petunjuk templat",
        "remove that column or fix its name; the column names are in the template's Petunjuk sheet"),
    "sim.impor.kolom_ganda": ("kolom ini sudah ada di kolom {pertama}",
                              "this column is already column {pertama}"),
    "sim.impor.kolom_ganda.fix": ("hapus salah satunya", "remove one of them"),
    "sim.impor.kolom_tanpa_nama": ("kolom berisi data tanpa judul", "a column with data but no header"),
    "sim.impor.kolom_tanpa_nama.fix": ("beri judul dari templat atau hapus kolom itu",
                                       "give it a header from the template or remove the column"),
    # -- a cell -------------------------------------------------------------------------------------
    "sim.impor.wajib": ("kosong, padahal wajib diisi", "empty, but required"),
    "sim.impor.wajib.fix": ("isi sel ini; contohnya ada di lembar Petunjuk templat",
                            "fill in this cell; the template's Petunjuk sheet has an example"),
    "sim.impor.teks": ("'{nilai}' memuat karakter tak terlihat atau lebih dari {maks} karakter",
                       "'{nilai}' holds invisible characters or is over {maks} characters long"),
    "sim.impor.teks.fix": ("ketik ulang teksnya tanpa karakter khusus, paling banyak {maks} karakter",
                           "type the text again without special characters, {maks} characters at most"),
    "sim.impor.kata": ("'{nilai}' tidak dikenal di kolom ini", "'{nilai}' is not known in this column"),
    "sim.impor.kata.fix": ("tulis salah satu dari: {boleh}", "write one of: {boleh}"),
    "sim.impor.bilangan": ("'{nilai}' bukan bilangan bulat {rendah} sampai {tinggi}",
                           "'{nilai}' is not a whole number from {rendah} to {tinggi}"),
    "sim.impor.bilangan.fix": ("tulis bilangan bulat, mis. 4840000 atau 4.840.000; kosongkan bila tidak ada",
                               "write a whole number, e.g. 4840000 or 4.840.000; leave it empty if unknown"),
    "sim.impor.desimal": ("'{nilai}' bukan angka 0 sampai 1", "'{nilai}' is not a number from 0 to 1"),
    "sim.impor.desimal.fix": ("tulis mis. 0,5 atau 0.5; kosongkan bila tidak ada",
                              "write e.g. 0,5 or 0.5; leave it empty if unknown"),
    "sim.impor.tanggal": ("'{nilai}' bukan tanggal", "'{nilai}' is not a date"),
    "sim.impor.tanggal.fix": ("tulis mis. 01/03/2015 atau 2015-03-01; kosongkan agar diambil dari NIP",
                              "write e.g. 01/03/2015 or 2015-03-01; leave it empty to take it from the NIP"),
    "sim.impor.nip_kosong": ("NIP kosong, padahal baris ini mengisi {kolom}",
                             "the NIP is empty but this row fills in {kolom}"),
    "sim.impor.nip_kosong.fix": (
        "isi NIP pegawai itu; baris tanpa NIP hanya untuk unit tanpa pegawai (kolom unit_… saja)",
        "fill in the person's NIP; a row without a NIP only names a unit without staff "
        "(unit_… columns only)"),
    "sim.impor.nip_angka": ("NIP tersimpan sebagai angka, sehingga Excel membulatkan digit terakhirnya",
                            "the NIP is stored as a number, so Excel rounded its last digits"),
    "sim.impor.nip_angka.fix": (
        "format kolom nip sebagai Teks lalu ketik ulang NIP-nya (kolom templat sudah berformat Teks)",
        "format the nip column as Text and type the NIPs again (the template's columns already are)"),
    "sim.impor.golongan": ("'{nilai}' bukan golongan {jenis}", "'{nilai}' is not a {jenis} golongan"),
    "sim.impor.golongan.fix": ("PNS: I/a sampai IV/e (mis. III/a); PPPK: I sampai XVII (mis. IX)",
                               "PNS: I/a to IV/e (e.g. III/a); PPPK: I to XVII (e.g. IX)"),
    "sim.impor.jenjang_perlu": ("jabatan {jenis} memerlukan jenjang yang sesuai",
                                "a {jenis} position needs a matching jenjang"),
    "sim.impor.jenjang_perlu.fix": (
        "JPT: Utama, Madya atau Pratama; Fungsional: mis. Ahli Pertama, Terampil",
        "JPT: Utama, Madya or Pratama; Fungsional: e.g. Ahli Pertama, Terampil"),
    "sim.impor.jenjang_tidak": ("jabatan {jenis} tidak berjenjang", "a {jenis} position has no jenjang"),
    "sim.impor.jenjang_tidak.fix": ("kosongkan kolom jenjang", "leave the jenjang column empty"),
    "sim.impor.atasan_bentuk": ("'{nilai}' bukan NIP 18 digit", "'{nilai}' is not an 18-digit NIP"),
    "sim.impor.atasan_bentuk.fix": (
        "tulis NIP atasan (18 digit); kosongkan bila atasan di luar kantor ini (mis. Bupati)",
        "write the rater's NIP (18 digits); leave it empty if the rater is outside this office "
        "(e.g. the Bupati)"),
    "sim.impor.atasan_asing": ("atasan {nilai} bukan pegawai lain di berkas ini",
                               "rater {nilai} is not another person in this file"),
    "sim.impor.atasan_asing.fix": (
        "tulis NIP pegawai lain dari kolom nip; kosongkan bila atasan di luar kantor ini",
        "write another person's NIP from the nip column; leave it empty if the rater is outside this office"),
    "sim.impor.pimpinan_asing": ("unit '{nilai}' tidak ada di kolom unit_id",
                                 "unit '{nilai}' is not in the unit_id column"),
    "sim.impor.pimpinan_asing.fix": (
        "tulis ya (memimpin unitnya sendiri), id unit yang dipimpin, atau kosongkan",
        "write ya (heads their own unit), the id of the unit they head, or leave it empty"),
    "sim.impor.pimpinan_ganda": ("unit ini sudah dipimpin pegawai di baris {pertama}",
                                 "this unit is already headed by the person in row {pertama}"),
    "sim.impor.pimpinan_ganda.fix": ("satu unit satu pimpinan: kosongkan salah satunya",
                                     "one head per unit: leave one of them empty"),
    "sim.impor.unit_beda": ("berbeda dari baris {pertama} untuk unit yang sama ('{ada}')",
                            "differs from row {pertama} for the same unit ('{ada}')"),
    "sim.impor.unit_beda.fix": ("tulis sama di setiap baris unit itu, atau kosongkan",
                                "write the same on every row of that unit, or leave it empty"),
    "sim.impor.capaian_beda": ("berbeda dari baris {pertama} untuk unit yang sama ({ada})",
                               "differs from row {pertama} for the same unit ({ada})"),
    "sim.impor.capaian_beda.fix": (
        "capaian organisasi milik unit: tulis sama di setiap barisnya, atau kosongkan",
        "the capaian organisasi belongs to the unit: write the same on each of its rows, or leave it empty"),
    "sim.impor.unit_tanpa_nama": ("unit '{unit}' tidak punya nama di baris mana pun",
                                  "unit '{unit}' has no name on any row"),
    "sim.impor.unit_tanpa_nama.fix": ("tulis nama unit di kolom unit_nama (cukup di satu baris)",
                                      "write the unit's name in unit_nama (one row is enough)"),
    "sim.impor.induk_asing": ("unit induk '{nilai}' tidak ada di kolom unit_id",
                              "parent unit '{nilai}' is not in the unit_id column"),
    "sim.impor.induk_asing.fix": (
        "tambahkan baris untuk unit induk itu (tanpa NIP bila tidak berpegawai), atau kosongkan",
        "add a row for that parent unit (without a NIP if it has no staff), or leave it empty"),
    "sim.impor.induk_lingkar": ("unit '{unit}' berada di bawah dirinya sendiri",
                                "unit '{unit}' is placed under itself"),
    "sim.impor.induk_lingkar.fix": ("periksa kolom unit_induk_id: unit teratas kosong",
                                    "check unit_induk_id: the top unit has it empty"),
    "sim.impor.nip_ganda": ("NIP ini sudah ada di baris {pertama}", "this NIP is already in row {pertama}"),
    "sim.impor.nip_ganda.fix": ("satu baris per pegawai: hapus salah satunya",
                                "one row per person: remove one"),
    # -- the database ------------------------------------------------------------------------------
    "sim.impor.instansi_ada": ("basis data sudah berisi instansi {id}",
                               "the database already holds instansi {id}"),
    "sim.impor.instansi_ada.fix": ("pilih --id lain atau --db baru", "choose another --id or a new --db"),
    "sim.impor.unit_ada": ("{jumlah} id unit sudah dipakai di basis data (mis. {contoh})",
                           "{jumlah} unit ids are already used in the database (e.g. {contoh})"),
    "sim.impor.unit_ada.fix": ("impor ke --db baru", "import into a new --db"),
    "sim.impor.nip_ada": ("{jumlah} NIP sudah ada di basis data (mis. {contoh})",
                          "{jumlah} NIPs are already in the database (e.g. {contoh})"),
    "sim.impor.nip_ada.fix": ("impor ke --db baru", "import into a new --db"),
    "sim.impor.selesai": ("Kantor {nama} ({id}) diimpor ke {path}: {unit} unit, {pegawai} pegawai.",
                          "Office {nama} ({id}) imported into {path}: {unit} units, {pegawai} staff."),
    "sim.impor.lanjut": ("Bandingkan paket pada data ini: ekinerja compare DASAR REFORMASI --db {path}",
                         "Compare packs on this data: ekinerja compare BASE REFORM --db {path}"),
    # -- given and drawn, in every report -----------------------------------------------------------
    "sim.impor.sumber": ("Data diberikan: {diberi}. Diambil acak oleh simulator: {diambil}.",
                         "Data given: {diberi}. Drawn by the simulator: {diambil}."),
    "sim.impor.sumber_sintetis": (
        "Data diberikan: tidak ada (kantor sintetis). Diambil acak oleh simulator: semuanya.",
        "Data given: none (a synthetic office). Drawn by the simulator: everything."),
    "sim.impor.sebagian": ("{bagian} ({ada} dari {dari} nilai)", "{bagian} ({ada} of {dari} values)"),
    "sim.impor.sisanya": ("{bagian} yang kosong", "{bagian} left empty"),
    "sim.impor.profil_diambil": ("profil perilaku {jumlah} pegawai (saat impor)",
                                 "the behaviour profile of {jumlah} staff (at import)"),
    "sim.impor.bagian.pegawai": ("pegawai dan unit", "staff and units"),
    "sim.impor.bagian.hasil": ("rating hasil kerja per triwulan", "quarterly ratings of results"),
    "sim.impor.bagian.perilaku": ("rating perilaku per triwulan", "quarterly ratings of behaviour"),
    "sim.impor.bagian.capaian": ("capaian organisasi", "capaian organisasi"),
    "sim.impor.bagian.kehadiran": ("kehadiran per bulan", "monthly attendance"),
    "sim.impor.bagian.besaran": ("besaran TPP", "TPP bases"),
    "sim.impor.bagian.lain": ("hukuman disiplin, kebiasaan mengisi, kecenderungan penilai dan nilai dalam "
                              "rentang (tabel Asumsi)",
                              "hukuman disiplin, filing habits, rater tendencies and values within bands "
                              "(table Assumptions)"),
}

add_messages(IMPORT_MESSAGES)
