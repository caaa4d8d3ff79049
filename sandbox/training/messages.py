"""Messages of the scenario checker and the class commands (Indonesian first, English second)."""

from sandbox.training.vocab.registry import define_messages

define_messages(
    {
        "skenario.teks": (
            "'{kolom}' harus berisi teks Indonesia dan Inggris",
            "'{kolom}' must hold an Indonesian and an English text",
        ),
        "skenario.teks.fix": (
            'tulis sebagai peta dengan kunci id dan en, misalnya  judul: {{id: "...", en: "..."}}',
            'write a mapping with keys id and en, e.g.  judul: {{id: "...", en: "..."}}',
        ),
        "skenario.kunci_asing": (
            "kunci '{kunci}' tidak dikenal di bagian {bagian}",
            "unknown key '{kunci}' in section {bagian}",
        ),
        "skenario.kunci_asing.fix": ("gunakan salah satu dari: {boleh}", "use one of: {boleh}"),
        "skenario.kunci_wajib": ("kunci '{kunci}' wajib ada", "key '{kunci}' is required"),
        "skenario.kunci_wajib.fix": (
            "tambahkan '{kunci}'; lihat scenarios/README.md",
            "add '{kunci}'; see scenarios/README.md",
        ),
        "skenario.jam": ("'{kolom}' bukan waktu yang sah: {nilai}", "'{kolom}' is not a valid time: {nilai}"),
        "skenario.jam.fix": (
            'tulis tanggal-waktu ISO, misalnya "2026-04-09T16:30:00+07:00"',
            'write an ISO date-time, e.g. "2026-04-09T16:30:00+07:00"',
        ),
        "skenario.peran": (
            "peran '{nilai}' di {kolom} tidak dikenal",
            "role '{nilai}' in {kolom} is unknown",
        ),
        "skenario.peran.fix": ("gunakan salah satu dari: {boleh}", "use one of: {boleh}"),
        "skenario.daftar": (
            "'{kolom}' harus berupa daftar yang tidak kosong",
            "'{kolom}' must be a non-empty list",
        ),
        "skenario.daftar.fix": (
            "tulis setiap butir di baris sendiri diawali '- '",
            "write each item on its own line starting with '- '",
        ),
        "skenario.satu_kata": (
            "setiap butir '{kolom}' harus satu nama dengan parameternya",
            "each item of '{kolom}' must be one name with its parameters",
        ),
        "skenario.satu_kata.fix": (
            "tulis misalnya  - skp_disetujui: {{untuk: [kepala, kabid, kasi]}}",
            "write e.g.  - skp_disetujui: {{untuk: [kepala, kabid, kasi]}}",
        ),
        "skenario.kata_asing": (
            "'{kata}' tidak dikenal sebagai {kolom}",
            "'{kata}' is not a known {kolom} word",
        ),
        "skenario.kata_asing.fix": ("gunakan salah satu dari: {boleh}", "use one of: {boleh}"),
        "skenario.parameter_peta": (
            "parameter '{kata}' harus berupa peta",
            "the parameters of '{kata}' must be a mapping",
        ),
        "skenario.parameter_peta.fix": (
            "tulis misalnya  {{untuk: pegawai}}",
            "write e.g.  {{untuk: pegawai}}",
        ),
        "skenario.parameter_asing": (
            "'{kata}' tidak mengenal parameter '{parameter}'",
            "'{kata}' has no parameter '{parameter}'",
        ),
        "skenario.parameter_asing.fix": ("parameter yang dikenal: {boleh}", "known parameters: {boleh}"),
        "skenario.parameter_wajib": (
            "'{kata}' memerlukan parameter '{parameter}'",
            "'{kata}' needs parameter '{parameter}'",
        ),
        "skenario.parameter_wajib.fix": ("tambahkan '{parameter}: ...'", "add '{parameter}: ...'"),
        "skenario.nilai": (
            "nilai {nilai!r} untuk {kolom} tidak sah (harus {jenis})",
            "value {nilai!r} for {kolom} is not valid (must be {jenis})",
        ),
        "skenario.nilai.fix": (
            "perbaiki nilainya; lihat scenarios/README.md",
            "fix the value; see scenarios/README.md",
        ),
        "skenario.pilihan": (
            "nilai {nilai!r} untuk {kolom} tidak dikenal",
            "value {nilai!r} for {kolom} is unknown",
        ),
        "skenario.pilihan.fix": ("gunakan salah satu dari: {boleh}", "use one of: {boleh}"),
        "skenario.bukan_peta": (
            "berkas skenario harus berupa peta (kunci: nilai) di tingkat atas",
            "a scenario file must be a mapping (key: value) at the top",
        ),
        "skenario.bukan_peta.fix": (
            "mulai dengan 'id: T01' dan seterusnya; lihat scenarios/README.md",
            "start with 'id: T01' and so on; see scenarios/README.md",
        ),
        "skenario.bagian_peta": (
            "bagian '{bagian}' harus berupa peta",
            "section '{bagian}' must be a mapping",
        ),
        "skenario.bagian_peta.fix": (
            "tulis kunci: nilai di bawahnya, menjorok",
            "write indented key: value lines under it",
        ),
        "skenario.id": ("id {nilai!r} tidak sah", "id {nilai!r} is not valid"),
        "skenario.id.fix": (
            "gunakan huruf, angka, '-' atau '_', misalnya T01",
            "use letters, digits, '-' or '_', e.g. T01",
        ),
        "skenario.anggota": ("tim.anggota {nilai} di luar 1..40", "tim.anggota {nilai} is outside 1..40"),
        "skenario.anggota.fix": ("pilih jumlah staf seksi antara 1 dan 40", "choose between 1 and 40 staff"),
        "skenario.selesai_sebelum_mulai": (
            "gangguan selesai ({selesai}) tidak setelah mulai ({mulai})",
            "the fault ends ({selesai}) no later than it starts ({mulai})",
        ),
        "skenario.selesai_sebelum_mulai.fix": ("tukar atau perbaiki waktunya", "swap or fix the times"),
        "skenario.porsi": (
            "porsi {nilai!r} harus angka lebih dari 0 dan paling besar 1",
            "porsi {nilai!r} must be a number above 0 and at most 1",
        ),
        "skenario.porsi.fix": ("misalnya 0.3 untuk 30% simpan gagal", "e.g. 0.3 for 30% of saves failing"),
        "skenario.tugas_ganda": ("id tugas '{id}' dipakai dua kali", "task id '{id}' is used twice"),
        "skenario.tugas_ganda.fix": ("beri setiap tugas id yang berbeda", "give every task its own id"),
        "skenario.tidak_ada": ("skenario '{ref}' tidak ditemukan", "scenario '{ref}' was not found"),
        "skenario.tidak_ada.fix": (
            "berikan path berkas .yaml atau id skenario di {dir} (lihat 'ekinerja scenario list')",
            "give a .yaml path or a scenario id in {dir} (see 'ekinerja scenario list')",
        ),
        "kelas.kursi": ("jumlah kursi {kursi} di luar 1..{maks}", "seat count {kursi} is outside 1..{maks}"),
        "kelas.kursi.fix": ("pilih jumlah kursi antara 1 dan {maks}", "choose between 1 and {maks} seats"),
        "kelas.nama": ("nama kelas kosong", "the class name is empty"),
        "kelas.nama.fix": (
            'beri nama, misalnya --nama "Sosialisasi BKPSDM Mei"',
            'give a name, e.g. --nama "BKPSDM socialisation May"',
        ),
        "kelas.tidak_ada": ("berkas {path} belum berisi kelas", "{path} holds no class yet"),
        "kelas.tidak_ada.fix": (
            "buat dulu: ekinerja class create --db {path} --kursi 30",
            "create one first: ekinerja class create --db {path} --kursi 30",
        ),
        "kelas.kursi_salah": (
            "kursi {kursi} tidak ada; kelas ini punya {jumlah} kursi",
            "seat {kursi} does not exist; this class has {jumlah} seats",
        ),
        "kelas.kursi_salah.fix": ("pilih nomor kursi 1..{jumlah}", "choose a seat number 1..{jumlah}"),
        "kelas.sudah_ada": (
            "berkas {path} sudah berisi kelas '{nama}'",
            "{path} already holds class '{nama}'",
        ),
        "kelas.sudah_ada.fix": (
            "pakai berkas baru untuk kelas baru (--db kelas-baru.db)",
            "use a new file for a new class (--db new-class.db)",
        ),
        "kelas.belum_mulai": (
            "kursi {kursi} belum punya skenario berjalan",
            "seat {kursi} has no scenario running",
        ),
        "kelas.belum_mulai.fix": (
            "tunggu pelatih memulai putaran (ekinerja class start)",
            "wait for the trainer to start a round (ekinerja class start)",
        ),
    }
)

define_messages(
    {
        "kelas.ringkasan.judul": (
            "Hasil kelas {nama} ({kursi} kursi)",
            "Results of class {nama} ({kursi} seats)",
        ),
        "kelas.ringkasan.catatan": (
            "Tingkat selesai mandiri = percobaan yang lulus tanpa petunjuk dan tanpa dikerjakan orang lain,"
            " dibagi semua percobaan. Sebelum = percobaan pertama tiap kursi; sesudah = percobaan terakhir"
            " (ke-2 atau lebih) tiap kursi.",
            "Unaided-completion rate = attempts passed without hints and not done by someone else, over all"
            " attempts. Before = each seat's first attempt; after = each seat's latest attempt"
            " (2nd or later).",
        ),
        "kelas.ringkasan.skenario": ("Skenario", "Scenario"),
        "kelas.ringkasan.sebelum": ("Mandiri sebelum", "Unaided before"),
        "kelas.ringkasan.sesudah": ("Mandiri sesudah", "Unaided after"),
        "hasil.mandiri": ("Mandiri", "Unaided"),
        "hasil.dengan_petunjuk": ("Dengan petunjuk", "With hints"),
        "hasil.dikerjakan_orang_lain": ("Dikerjakan orang lain", "Done by someone else"),
        "hasil.belum_selesai": ("Belum selesai", "Not done"),
    }
)

define_messages(
    {
        "cli.kelas.rusak": (
            "(berkas bermasalah: {n} masalah; jalankan ekinerja scenario check)",
            "(file has {n} problems; run ekinerja scenario check)",
        ),
        "cli.kelas.tanpa_skenario": ("tidak ada berkas skenario di {dir}", "no scenario files in {dir}"),
        "cli.skenario_ok": (
            "{file}: skenario {id} baik ({tugas} tugas, {langkah} langkah persiapan)",
            "{file}: scenario {id} is fine ({tugas} tasks, {langkah} setup steps)",
        ),
        "cli.skenario_gagal": (
            "{n} masalah ditemukan; perbaiki baris yang disebut lalu periksa lagi",
            "{n} problems found; fix the lines named and check again",
        ),
        "cli.kelas.dibuat": (
            'kelas "{nama}" dibuat di {db}: {kursi} kursi, kode gabung {kode}',
            'class "{nama}" created in {db}: {kursi} seats, join code {kode}',
        ),
        "cli.kelas.ditugaskan": ("skenario kelas: {daftar}", "class scenarios: {daftar}"),
        "cli.kelas.menyiapkan": ("menyiapkan kursi {n}/{total}…", "preparing seat {n}/{total}…"),
        "cli.kelas.dimulai": (
            "putaran {id} dimulai untuk {n} kursi; jam kelas {jam}",
            "round {id} started for {n} seats; class clock {jam}",
        ),
        "cli.kelas.jam": (
            "jam kelas sekarang {jam}; {n} peristiwa skenario terjadi",
            "class clock is now {jam}; {n} scenario events fired",
        ),
        "cli.kelas.ditutup": (
            "{n} percobaan ditutup dengan hasilnya",
            "{n} attempts closed with their outcome",
        ),
        "cli.kelas.papan_kepala": (
            "kursi peserta            skn  ke tugas ptj glt bnt tlk int  hasil",
            "seat trainee             scn  # tasks hnt err hlp ref int  outcome",
        ),
    }
)

define_messages({
    "kelas.ekspor_gagal": ("hasil kelas tidak dapat ditulis ke {folder} ({detail})",
                           "the class results cannot be written to {folder} ({detail})"),
    "kelas.ekspor_gagal.fix": ("pilih folder lain yang dapat ditulisi, mis. --out hasil-kelas",
                               "choose another folder you can write to, e.g. --out class-results"),
})

define_messages({
    "cli.kelas.peserta": ("kursi {kursi}: {nama}", "seat {kursi}: {nama}"),
})

# Who may enter a class (issue #7): join code, seats, the trainer's PIN (sandbox.training.access).
define_messages({
    "akses.kode_kosong": ("kode gabung belum diisi", "no join code given"),
    "akses.kode_kosong.fix": ("ketik kode gabung yang ditunjukkan pelatih di layarnya",
                              "type the join code the trainer shows on their screen"),
    "akses.kode_salah": ("kode gabung salah", "wrong join code"),
    "akses.kode_salah.fix": ("periksa lagi kode di layar pelatih lalu coba lagi",
                             "check the code on the trainer's screen and try again"),
    "akses.terlalu_sering": ("terlalu banyak percobaan yang salah; tunggu {detik} detik",
                             "too many wrong attempts; wait {detik} seconds"),
    "akses.terlalu_sering.fix": ("tanyakan kode atau PIN yang benar kepada pelatih, lalu coba lagi",
                                 "ask the trainer for the right code or PIN, then try again"),
    "akses.sesi": ("sesi kursi ini tidak berlaku (kursi sudah dilepas pelatih atau sesi dari kursi lain)",
                   "this seat session is not valid (the trainer released the seat, or it is another seat's)"),
    "akses.sesi.fix": ("buka lagi alamat kelas dan ketik kode gabung",
                       "open the class address again and type the join code"),
    "akses.pin_salah": ("PIN pelatih salah", "wrong trainer PIN"),
    "akses.pin_salah.fix": ("ketik PIN yang dicetak saat kelas dibuat; lupa? buat yang baru:"
                            " ekinerja class pin",
                            "type the PIN printed when the class was created; forgot it? set a new one:"
                            " ekinerja class pin"),
    "akses.pin_pendek": ("PIN terlalu pendek", "the PIN is too short"),
    "akses.pin_pendek.fix": ("pakai paling sedikit {minimal} karakter", "use at least {minimal} characters"),
    "akses.bukan_kursi_ini": ("data ini bukan milik orang di kursi {kursi}",
                              "this is not the work of a person at seat {kursi}"),
    "akses.bukan_kursi_ini.fix": ("setiap kursi hanya melihat orang dalam skenarionya sendiri",
                                  "each seat sees only the people of its own scenario"),
    "akses.halaman.judul": ("Masuk kelas e-Kinerja", "Join the e-Kinerja class"),
    "akses.halaman.ajak": ("Ketik kode gabung yang ditunjukkan pelatih.",
                           "Type the join code the trainer shows."),
    "akses.halaman.kode": ("Kode gabung", "Join code"),
    "akses.halaman.masuk": ("Masuk", "Join"),
    "akses.halaman.ditolak_ws": ("Buka halaman kelas dan ketik kode gabung dulu.",
                                 "Open the class page and type the join code first."),
    "tui.akses.kode": ("Kode gabung dari pelatih, lalu Enter", "Join code from the trainer, then Enter"),
    "tui.akses.menunggu": ("Menunggu pelatih memulai putaran… layar ini terbuka sendiri saat putaran"
                           " dimulai.",
                           "Waiting for the trainer to start a round… this screen opens by itself when it"
                           " starts."),
    "tui.akses.dilepas": ("Pelatih melepas kursi ini; aplikasi ditutup.",
                          "The trainer released this seat; the app closes."),
    "tui.akses.pin_judul": ("Konsol pelatih — ketik PIN pelatih",
                            "Trainer's console — type the trainer's PIN"),
    "tui.akses.pin": ("PIN pelatih, lalu Enter", "Trainer's PIN, then Enter"),
    "tui.akses.tanpa_pin": ("Kelas ini belum punya PIN pelatih; pasang: ekinerja class pin --db {db}",
                            "This class has no trainer PIN yet; set one: ekinerja class pin --db {db}"),
    "tui.kelas.kol.masuk": ("Masuk", "Joined"),
    "tui.kelas.dilepas": ("kursi {kursi} dilepas: sesinya tidak berlaku lagi; orang berikut yang masuk"
                          " mendapat kursi ini",
                          "seat {kursi} released: its session no longer works; the next person to join gets"
                          " this seat"),
    "tui.kelas.tidak_dipakai": ("kursi {kursi} tidak sedang dipakai", "seat {kursi} is not taken"),
    "tui.key.kelas.lepas": ("Lepas kursi", "Release seat"),
    "cli.kelas.pin": ("PIN pelatih: {pin} — catat sekarang; PIN ini tidak ditampilkan lagi",
                      "trainer's PIN: {pin} — write it down now; it is not shown again"),
    "cli.kelas.pin_diganti": ("PIN pelatih diganti", "trainer's PIN changed"),
    "cli.kelas.dilepas": ("kursi dilepas: {daftar}", "seats released: {daftar}"),
    "cli.kelas.tidak_ada_dilepas": ("tidak ada kursi yang sedang dipakai di antara yang disebut",
                                    "none of the seats named is taken"),
})

# Issue #16: a seat follows the trainer, restarts its own attempt; names and the class export.
define_messages({
    "kelas.nama_karakter": ("nama peserta memuat karakter tak terlihat atau pembalik arah tulisan di posisi"
                            " ke-{posisi}",
                            "the trainee's name holds an invisible or text-direction character at position"
                            " {posisi}"),
    "kelas.nama_karakter.fix": ("ketik ulang nama itu dengan papan ketik, jangan menempelnya dari dokumen"
                                " atau pesan",
                                "type the name again on the keyboard instead of pasting it from a document or"
                                " a message"),
    "kelas.ulang_ditutup": ("percobaan \"{judul}\" di kursi {kursi} sudah selesai dan tercatat; kursi tidak"
                            " dapat membukanya lagi sendiri",
                            "the attempt at \"{judul_en}\" on seat {kursi} is finished and recorded; a seat"
                            " cannot reopen it by itself"),
    "kelas.ulang_ditutup.fix": ("bila ingin berlatih lagi, minta pelatih memulai putaran untuk kursi Anda",
                                "to practise again, ask the trainer to start the round for your seat"),
    "kelas.ringkasan.kosong": ("Kursi tanpa peserta (tidak pernah dimasuki) tidak dihitung: {daftar}.",
                               "Seats nobody joined are not counted: {daftar}."),
    "kelas.ringkasan.diulang": ("Percobaan yang diulang sendiri dari kursi (disisihkan, tetap tercatat):"
                                " {daftar}.",
                                "Attempts a seat started again by itself (set aside, still recorded):"
                                " {daftar}."),
    "tui.key.kursi.ulang": ("Ulangi skenario", "Restart scenario"),
    "tui.kursi.ulang_judul": ("Ulangi skenario \"{judul}\" dari awal?", "Restart the scenario \"{judul}\"?"),
    "tui.kursi.ulang_isi": ("Pekerjaan percobaan ke-{ke} ini disisihkan: pelatih tetap melihatnya, tetapi"
                            " Anda mulai lagi dengan situasi baru dan orang-orang baru. Jam kelas tidak"
                            " berubah.",
                            "The work of this attempt (number {ke}) is set aside: the trainer still sees it,"
                            " but you start again with a fresh situation and new people. The class clock"
                            " stays as it is."),
    "tui.kursi.ulang_ya": ("Ya, ulangi", "Yes, restart"),
    "tui.kursi.ulang_mulai": ("Skenario \"{judul}\" dimulai lagi (percobaan ke-{ke}).",
                              "The scenario \"{judul}\" started again (attempt {ke})."),
    "tui.kursi.putaran_baru": ("Putaran baru dari pelatih: \"{judul}\". Tanggal kelas {tanggal}.",
                               "A new round from the trainer: \"{judul}\". Class date {tanggal}."),
    "tui.kursi.jam_maju": ("Pelatih memindah jam kelas: sekarang {tanggal}.",
                           "The trainer moved the class clock: it is now {tanggal}."),
})

from sandbox.formatting import MONTHS, long_date, long_datetime  # noqa: E402,F401 - formerly here

define_messages({
    "tui.kursi.tanggal": ("Tanggal kelas: {tanggal}", "Class date: {tanggal}"),
    "tui.kursi.di_papan": ("Di papan pelatih: ", "On the trainer's board: "),
})

# The level of a submit guard, as the SKP screen may show it beside its label (workflow.skp.SYARAT_AJUKAN).
define_messages({
    "tui.syarat.wajib": ("wajib", "required"),
    "tui.syarat.disarankan": ("disarankan", "recommended"),
})
