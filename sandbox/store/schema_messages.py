"""Messages of the schema and text check of a class file (`sandbox.store.schema_check`), Indonesian
first, English second.

Added with `sandbox.i18n.add_messages`, the one way an area adds its messages (the training
vocabulary's `define_messages` calls it too).
"""

from __future__ import annotations

from sandbox.i18n import add_messages

SCHEMA_MESSAGES: dict[str, tuple[str, str]] = {
    # the refusal as a whole
    "store.skema": (
        "isi berkas {path} tidak sesuai dengan yang dibuat e-Kinerja Sandbox (skema v{versi}): {perbedaan}",
        "{path} does not match what e-Kinerja Sandbox makes (schema v{versi}): {perbedaan}",
    ),
    "store.skema.fix": (
        "jangan pakai berkas ini untuk kelas: pulihkan salinan cadangan yang lolos "
        "pemeriksaan (ekinerja restore --db {path} --dari <salinan>), atau laporkan ke pengembang bila "
        "berkas ini tidak pernah diubah di luar aplikasi",
        "do not use this file for a class: restore a backup that passes the check "
        "(ekinerja restore --db {path} --dari <backup>), or report it to the developers if the file "
        "was never changed outside the app",
    ),
    "store.skema.fix_cadangan": (
        "jangan pakai berkas ini untuk kelas: pulihkan salinan cadangan terakhir "
        "(diperiksa dulu sebelum dipakai): ekinerja restore --db {path} --dari {cadangan}",
        "do not use this file for a class: restore the latest backup "
        "(it is checked before use): ekinerja restore --db {path} --dari {cadangan}",
    ),
    "store.skema.lainnya": ("dan {jumlah} perbedaan lain", "and {jumlah} more differences"),
    # kinds of schema objects and small words
    "store.skema.jenis.table": ("tabel", "table"),
    "store.skema.jenis.view": ("view", "view"),
    "store.skema.jenis.index": ("indeks", "index"),
    "store.skema.jenis.trigger": ("pemicu", "trigger"),
    "store.skema.jenis.lain": ("objek", "object"),
    "store.skema.tanpa": ("(tidak ada)", "(none)"),
    "store.skema.biasa": ("tabel biasa", "an ordinary table"),
    # one difference each
    "store.skema.kosong": (
        "skema kosong: tidak ada satu pun dari {jumlah} tabel e-Kinerja",
        "empty schema: none of the {jumlah} e-Kinerja tables is there",
    ),
    "store.skema.jenis_beda": (
        "'{nama}' seharusnya {harus}, tetapi berupa {ada}",
        "'{nama}' should be a {harus}, but is a {ada}",
    ),
    "store.skema.tabel_hilang": ("tabel '{nama}' tidak ada", "table '{nama}' is missing"),
    "store.skema.tabel_tambahan": ("tabel tambahan '{nama}' tidak dikenal", "unknown extra table '{nama}'"),
    "store.skema.tabel_bentuk": (
        "tabel {tabel} berupa {ada}, seharusnya {harus}",
        "table {tabel} is {ada}, expected {harus}",
    ),
    "store.skema.kolom_hilang": (
        "kolom '{kolom}' pada tabel {tabel} tidak ada",
        "column '{kolom}' of table {tabel} is missing",
    ),
    "store.skema.kolom_tambahan": (
        "kolom tambahan '{kolom}' pada tabel {tabel} tidak dikenal",
        "unknown extra column '{kolom}' in table {tabel}",
    ),
    "store.skema.kolom_tipe": (
        "kolom '{kolom}' pada tabel {tabel} bertipe {ada}, seharusnya {harus}",
        "column '{kolom}' of table {tabel} has type {ada}, expected {harus}",
    ),
    "store.skema.kolom_wajib": (
        "kolom '{kolom}' pada tabel {tabel} wajib diisi (NOT NULL), seharusnya boleh kosong",
        "column '{kolom}' of table {tabel} is NOT NULL, expected to allow NULL",
    ),
    "store.skema.kolom_boleh_kosong": (
        "kolom '{kolom}' pada tabel {tabel} boleh kosong, seharusnya wajib diisi (NOT NULL)",
        "column '{kolom}' of table {tabel} allows NULL, expected NOT NULL",
    ),
    "store.skema.kolom_bawaan": (
        "nilai bawaan kolom '{kolom}' pada tabel {tabel} adalah {ada}, seharusnya {harus}",
        "the default of column '{kolom}' of table {tabel} is {ada}, expected {harus}",
    ),
    "store.skema.kolom_terhitung": (
        "kolom '{kolom}' pada tabel {tabel} berupa kolom terhitung atau tersembunyi, seharusnya kolom biasa",
        "column '{kolom}' of table {tabel} is a generated or hidden column, expected an ordinary one",
    ),
    "store.skema.kolom_urutan": (
        "urutan kolom tabel {tabel} adalah ({ada}), seharusnya ({harus})",
        "the columns of table {tabel} are in the order ({ada}), expected ({harus})",
    ),
    "store.skema.kunci_utama": (
        "kunci utama tabel {tabel} adalah ({ada}), seharusnya ({harus})",
        "the primary key of table {tabel} is ({ada}), expected ({harus})",
    ),
    "store.skema.kunci_asing_tambahan": (
        "kunci asing tambahan pada tabel {tabel} tidak dikenal: {kunci}",
        "unknown extra foreign key in table {tabel}: {kunci}",
    ),
    "store.skema.kunci_asing_hilang": (
        "kunci asing pada tabel {tabel} tidak ada: {kunci}",
        "foreign key of table {tabel} is missing: {kunci}",
    ),
    "store.skema.unik_tambahan": (
        "batasan UNIQUE tambahan pada tabel {tabel} tidak dikenal: ({kolom})",
        "unknown extra UNIQUE constraint in table {tabel}: ({kolom})",
    ),
    "store.skema.unik_hilang": (
        "batasan UNIQUE pada tabel {tabel} tidak ada: ({kolom})",
        "UNIQUE constraint of table {tabel} is missing: ({kolom})",
    ),
    "store.skema.klausa_tambahan": (
        "tabel {tabel} memuat klausa {klausa} yang tidak dikenal",
        "table {tabel} has an unknown {klausa} clause",
    ),
    "store.skema.klausa_hilang": (
        "klausa {klausa} pada tabel {tabel} tidak ada",
        "the {klausa} clause of table {tabel} is missing",
    ),
    "store.skema.indeks_hilang": (
        "indeks '{nama}' pada tabel {tabel} tidak ada",
        "index '{nama}' on table {tabel} is missing",
    ),
    "store.skema.indeks_tambahan": (
        "indeks tambahan '{nama}' pada tabel {tabel} tidak dikenal",
        "unknown extra index '{nama}' on table {tabel}",
    ),
    "store.skema.indeks_beda": (
        "indeks '{nama}' berupa {ada}, seharusnya {harus}",
        "index '{nama}' is {ada}, expected {harus}",
    ),
    "store.skema.pemicu_hilang": (
        "pemicu '{nama}' pada tabel {tabel} tidak ada",
        "trigger '{nama}' on table {tabel} is missing",
    ),
    "store.skema.pemicu_tambahan": (
        "pemicu tambahan '{nama}' pada tabel {tabel} tidak dikenal",
        "unknown extra trigger '{nama}' on table {tabel}",
    ),
    "store.skema.pemicu_beda": (
        "pemicu '{nama}' pada tabel {tabel} berbeda dari yang dikenal",
        "trigger '{nama}' on table {tabel} differs from the known one",
    ),
    "store.skema.view_hilang": ("view '{nama}' tidak ada", "view '{nama}' is missing"),
    "store.skema.view_tambahan": ("view tambahan '{nama}' tidak dikenal", "unknown extra view '{nama}'"),
    "store.skema.view_beda": (
        "view '{nama}' berbeda dari yang dikenal",
        "view '{nama}' differs from the known one",
    ),
    "store.skema.objek_tambahan": (
        "{jenis} tambahan '{nama}' tidak dikenal",
        "unknown extra {jenis} '{nama}'",
    ),
    "store.skema.teks_rusak": (
        "teks yang bukan UTF-8 sah pada tabel {tabel}, kolom {kolom}, baris (rowid) {baris}",
        "text that is not valid UTF-8 in table {tabel}, column {kolom}, row (rowid) {baris}",
    ),
}


add_messages(SCHEMA_MESSAGES)
