"""Messages of the class's door and of a browser seat's session (issue #16), Indonesian first.

Registered here, next to the catalog, by `define_messages`; `sandbox.training.access` and
`sandbox.training.serve` import this module. What a trainee reads never names a trainer's command:
a trainee cannot run one, so it says what to ask the trainer for.
"""

from sandbox.training.vocab.registry import define_messages

define_messages({
    # the join door (a browser, or a terminal seat typing the code)
    "akses.kelas_penuh": ("kelas penuh ({kursi} kursi)", "the class is full ({kursi} seats)"),
    "akses.kelas_penuh.fix": (
        "beri tahu pelatih: pelatih dapat melepas kursi yang tidak dipakai, lalu coba lagi",
        "tell the trainer: the trainer can release a seat nobody uses, then try again",
    ),
    "akses.perangkat": (
        "perangkat ini sudah memegang kursi {daftar}",
        "this device already holds seat {daftar}",
    ),
    "akses.perangkat.fix": (
        "lanjutkan di peramban yang tadi dipakai (buka lagi alamat kelas di sana); pindah peramban atau"
        " perangkat? minta pelatih melepas kursi itu dulu",
        "carry on in the browser you used before (open the class address there again); changing browser"
        " or device? ask the trainer to release that seat first",
    ),
    "akses.kelas_terkunci": (
        "terlalu banyak kode gabung yang salah di kelas ini; pintu kelas ditutup {detik} detik",
        "too many wrong join codes in this class; the class's door is shut for {detik} seconds",
    ),
    "akses.kelas_terkunci.fix": (
        "tunggu, lalu ketik kode yang ditunjukkan pelatih; kursi yang sudah masuk tetap berjalan."
        " Bila terulang, beri tahu pelatih",
        "wait, then type the code the trainer shows; seats already in keep working. If it happens"
        " again, tell the trainer",
    ),
    # a seat's page in the browser
    "akses.kursi.judul": ("Kursi {kursi} · e-Kinerja Sandbox", "Seat {kursi} · e-Kinerja Sandbox"),
    "akses.kursi.membuka": ("Membuka kursi {kursi}…", "Opening seat {kursi}…"),
    "akses.kursi.buka_lagi": ("Buka lagi", "Reopen"),
    # why a seat's session ended (the page shows the reason; `.fix` says what to do)
    "akses.akhir.dilepas": (
        "Pelatih melepas kursi ini, jadi sesi di tab ini berakhir.",
        "The trainer released this seat, so the session in this tab has ended.",
    ),
    "akses.akhir.dilepas.fix": (
        "Bila Anda masih ikut kelas, klik Buka lagi dan ketik kode gabung yang ditunjukkan pelatih.",
        "If you are still in the class, click Reopen and type the join code the trainer shows.",
    ),
    "akses.akhir.diambil_alih": (
        "Kursi ini dibuka di tab atau jendela lain, jadi sesi di tab ini berakhir.",
        "This seat was opened in another tab or window, so the session in this tab has ended.",
    ),
    "akses.akhir.diambil_alih.fix": (
        "Lanjutkan di tab yang lain. Atau klik Buka lagi untuk memakai kursi di tab ini (tab yang lain"
        " lalu berakhir).",
        "Carry on in the other tab. Or click Reopen to use the seat in this tab (the other tab then"
        " ends).",
    ),
    "akses.akhir.selesai": ("Aplikasi kursi ini sudah berhenti.", "This seat's app has ended."),
    "akses.akhir.selesai.fix": (
        "Klik Buka lagi untuk melanjutkan dari tempat terakhir; pekerjaan yang sudah disimpan tetap ada.",
        "Click Reopen to carry on where you were; saved work is kept.",
    ),
    "akses.akhir.sibuk": (
        "Server kelas sedang penuh, jadi kursi ini tidak dapat dibuka sekarang.",
        "The class server is full, so this seat cannot open now.",
    ),
    "akses.akhir.sibuk.fix": (
        "Tunggu sebentar lalu klik Buka lagi; bila tetap begini, beri tahu pelatih.",
        "Wait a moment, then click Reopen; if it stays like this, tell the trainer.",
    ),
    "akses.akhir.banyak": (
        "Kursi ini sedang dibuka di terlalu banyak tab sekaligus, jadi tab ini tidak dibuka.",
        "This seat is being opened in too many tabs at once, so this tab did not open.",
    ),
    "akses.akhir.banyak.fix": (
        "Tutup tab lain yang membuka kelas ini, tunggu sebentar, lalu klik Buka lagi.",
        "Close the other tabs that open this class, wait a moment, then click Reopen.",
    ),
    "akses.akhir.rusak": (
        "Peramban mengirim pesan yang tidak dikenali server, jadi sesi ini ditutup.",
        "The browser sent a message the server does not understand, so this session was closed.",
    ),
    "akses.akhir.rusak.fix": (
        "Klik Buka lagi; bila terulang, tutup tab lalu buka lagi alamat kelas, atau beri tahu pelatih.",
        "Click Reopen; if it happens again, close the tab and open the class address again, or tell"
        " the trainer.",
    ),
    "akses.akhir.berhenti": (
        "Pelatih menghentikan server kelas.",
        "The trainer stopped the class server.",
    ),
    "akses.akhir.berhenti.fix": (
        "Tunggu pelatih menjalankannya lagi, lalu klik Buka lagi; pekerjaan yang sudah disimpan tetap ada.",
        "Wait for the trainer to start it again, then click Reopen; saved work is kept.",
    ),
    "akses.akhir.terputus": (
        "Sambungan ke server kelas terputus.",
        "The connection to the class server was lost.",
    ),
    "akses.akhir.terputus.fix": (
        "Periksa jaringan (Wi-Fi), lalu klik Buka lagi; pekerjaan yang sudah disimpan tetap ada.",
        "Check the network (Wi-Fi), then click Reopen; saved work is kept.",
    ),
    # the server's terminal (the trainer's); never a token, a join code or a PIN
    "akses.log.mulai": (
        "Kelas disajikan di {url} — peserta membuka alamat ini dan mengetik kode gabung. Ctrl+C untuk"
        " berhenti.",
        "Serving the class at {url} — trainees open this address and type the join code. Ctrl+C to"
        " stop.",
    ),
    "akses.log.kursi_buka": ("kursi {kursi}: sesi dibuka dari {ip}",
                             "seat {kursi}: session opened from {ip}"),
    "akses.log.kursi_tutup": ("kursi {kursi}: sesi berakhir ({alasan})",
                              "seat {kursi}: session ended ({alasan})"),
    # why a session ended, in words for the trainer's terminal (the reasons of `akses.akhir.*`)
    "akses.log.alasan.tutup": ("tab ditutup", "the tab was closed"),
    "akses.log.alasan.dilepas": ("dilepas pelatih", "released by the trainer"),
    "akses.log.alasan.diambil_alih": ("diambil alih tab lain", "taken over by another tab"),
    "akses.log.alasan.selesai": ("aplikasi berhenti", "the app ended"),
    "akses.log.alasan.sibuk": ("server sibuk", "the server was busy"),
    "akses.log.alasan.banyak": ("terlalu banyak sesi", "too many sessions"),
    "akses.log.alasan.rusak": ("pesan rusak", "a malformed message"),
    "akses.log.alasan.berhenti": ("server berhenti", "the server stopped"),
    "akses.log.alasan.terputus": ("koneksi terputus", "the connection was lost"),
    "akses.log.pesan_rusak": (
        "kursi {kursi}: pesan websocket tidak dikenali dari {ip}; sesi ditutup",
        "seat {kursi}: unrecognised websocket message from {ip}; session closed",
    ),
    "akses.log.app_galat": (
        "kursi {kursi}: aplikasi berhenti dengan kode {kode}: {baris}",
        "seat {kursi}: the app stopped with code {kode}: {baris}",
    ),
    "akses.log.dibunuh": (
        "kursi {kursi}: aplikasi tidak berhenti dalam {detik} detik; dihentikan paksa",
        "seat {kursi}: the app did not stop within {detik} seconds; killed",
    ),
    "akses.log.kelas_terkunci": (
        "pintu kelas ditutup {detik} detik: {jumlah} kode gabung salah dalam {menit} menit (dari {alamat}"
        " alamat)",
        "the class's door is shut for {detik} seconds: {jumlah} wrong join codes within {menit} minutes"
        " (from {alamat} addresses)",
    ),
    "akses.log.galat": ("galat di server kelas ({jenis})", "error in the class server ({jenis})"),
    # `ekinerja serve` itself (the trainer's command)
    "akses.port_dipakai": ("port {port} sudah dipakai program lain", "port {port} is already in use"),
    "akses.port_dipakai.fix": ("pilih port lain, misalnya --port 8001, atau hentikan program yang memakainya",
                               "choose another port, e.g. --port 8001, or stop the program using it"),
    "akses.port": ("alamat {host}:{port} tidak dapat dipakai ({detail})",
                   "address {host}:{port} cannot be used ({detail})"),
    "akses.port.fix": ("periksa --host (alamat laptop ini, atau 0.0.0.0 untuk semua jaringannya) dan --port,"
                       " lalu coba lagi",
                       "check --host (an address of this laptop, or 0.0.0.0 for all its networks) and --port,"
                       " then try again"),
    "akses.per_perangkat": ("--kursi-per-perangkat harus 1 atau lebih (diberikan: {nilai})",
                            "--kursi-per-perangkat must be 1 or more (given: {nilai})"),
    "akses.per_perangkat.fix": ("biarkan 1 (satu kursi per perangkat), atau tulis misalnya"
                                " --kursi-per-perangkat 2 bila dua peserta berbagi satu laptop",
                                "leave it at 1 (one seat per device), or write e.g. --kursi-per-perangkat 2"
                                " when two trainees share one laptop"),
})
