"""Migration 1: the tables of WORKFLOW.md §3.3, created through sqlite-utils.

Conventions (so later migrations and `content_hash` can rely on them):

- Every table has a primary key; surrogate ids are INTEGER (rowid aliases), natural keys stay TEXT
  (NIP is 18 digits with leading zeros, unor ids are SIASN-style codes).
- Lists and objects (lampiran blocks, umpan balik choices, curve violations, traces) are JSON in
  TEXT columns; SQLite's JSON functions can still read them.
- States (`skp.status`, `skp_periode.state`, ...) are plain TEXT without CHECK constraints: which
  values and moves are allowed is a workflow rule, and the store must not hold business rules.
- Business time is virtual (the `clock` row) and lives in columns named `virtual_ts`, `filed_at`,
  `dinilai_at`, ...; real time is only ever in columns named `wall_ts` / `*_wall_ts`, which
  `content_hash` leaves out.

Deviations from §3.3, and why:

- `skp_status_log.from`/`to` are `from_status`/`to_status`: FROM and TO are SQL keywords.
- `unor` gains `instansi_id` (a sandbox may hold more than one instansi); `unor.pimpinan_nip` has
  no foreign key because `pegawai.unor_id` already points the other way and a cycle would force a
  fixed insert order on every seeder.
- `realisasi`, `perilaku_skp`, `capaian_organisasi` use their natural compound keys; §3.3 gives none.
- `distribusi_check` keeps every check (id + index on unit and period), not only the last, so the
  MELANGGAR → SESUAI history of §1.3-F is visible.
- `keberatan` gains `decided_at`; `skp_status_log`, `umpan_balik`, `distribusi_check`, `sync_job`
  call their time `virtual_ts`.
- `rule_pack` stores the pack's YAML text and its hash instead of one column per parameter: the
  YAML schema belongs to `sandbox.rules` and changes there must not need a migration here.
- `clock` has a fixed `id = 1` key so "the one row" is enforced by the primary key.
- New `evaluation_trace`: one engine decision with its trace (JSON), linked to the audit row of
  the command that produced it, so an explanation can be replayed later.
- `audit_log` adds `id` (append order), `virtual_ts`, `wall_ts` and `payload` to §3.3's columns.
"""

from __future__ import annotations

from sqlite_utils import Database

DEFAULT_VIRTUAL_NOW = "2026-01-02T08:00:00+07:00"

TEXT, INT, REAL = str, int, float

# (name, columns, pk, foreign keys, not null, defaults, indexes); an index is (columns, unique).
TABLES: list[tuple] = [
    ("instansi", {"id": TEXT, "nama": TEXT}, "id", [], ["nama"], {}, []),
    ("unor",
     {"id": TEXT, "instansi_id": TEXT, "nama": TEXT, "parent_id": TEXT, "aktif": INT,
      "pimpinan_nip": TEXT, "capaian_org_default": TEXT},
     "id", [("instansi_id", "instansi", "id"), ("parent_id", "unor", "id")], ["nama"], {"aktif": 1},
     [(["instansi_id"], False), (["parent_id"], False)]),
    ("pegawai",
     {"nip": TEXT, "nama": TEXT, "jenis_asn": TEXT, "golru": TEXT, "jabatan": TEXT,
      "jenis_jabatan": TEXT, "unor_id": TEXT, "atasan_nip": TEXT, "aktif": INT,
      "digital_literacy": REAL, "age": INT},
     "nip", [("unor_id", "unor", "id"), ("atasan_nip", "pegawai", "nip")], ["nama"], {"aktif": 1},
     [(["unor_id"], False), (["atasan_nip"], False)]),
    ("akun",
     {"nip": TEXT, "password_hash": TEXT, "email": TEXT, "mfa_enabled": INT, "sync_state": TEXT},
     "nip", [("nip", "pegawai", "nip")], ["sync_state"], {"mfa_enabled": 0, "sync_state": "UNSYNCED"},
     []),
    ("plt_plh",
     {"id": INT, "nip": TEXT, "unor_id": TEXT, "jabatan": TEXT, "mulai": TEXT, "selesai": TEXT,
      "jenis": TEXT},
     "id", [("nip", "pegawai", "nip"), ("unor_id", "unor", "id")], ["nip", "jenis"], {},
     [(["nip"], False)]),
    ("periode_penilaian_master",
     {"id": INT, "nama": TEXT, "awal": TEXT, "akhir": TEXT, "batas_pengisian": TEXT, "jenis": TEXT,
      "tahun": INT},
     "id", [], ["nama"], {}, []),
    ("skp",
     {"id": INT, "nip": TEXT, "induk_skp_id": INT, "pejabat_nip": TEXT, "atasan_pp_nip": TEXT,
      "unor_snapshot": TEXT, "jabatan_snapshot": TEXT, "periode_awal": TEXT, "periode_akhir": TEXT,
      "pendekatan": TEXT, "status": TEXT, "is_plt_plh": INT, "version": INT},
     "id",
     [("nip", "pegawai", "nip"), ("induk_skp_id", "skp", "id"), ("pejabat_nip", "pegawai", "nip"),
      ("atasan_pp_nip", "pegawai", "nip")],
     ["nip", "status"], {"status": "DRAFT", "is_plt_plh": 0, "version": 1},
     [(["nip", "periode_awal"], False), (["status"], False), (["induk_skp_id"], False),
      (["pejabat_nip"], False)]),
    ("skp_status_log",
     {"id": INT, "skp_id": INT, "from_status": TEXT, "to_status": TEXT, "actor_nip": TEXT,
      "catatan": TEXT, "virtual_ts": TEXT},
     "id", [("skp_id", "skp", "id")], ["skp_id", "to_status"], {}, [(["skp_id"], False)]),
    ("rhk",
     {"id": INT, "skp_id": INT, "induk_rhk_id": INT, "jenis": TEXT, "klasifikasi": TEXT, "teks": TEXT,
      "penugasan_dari": TEXT},
     "id", [("skp_id", "skp", "id"), ("induk_rhk_id", "rhk", "id")], ["skp_id", "jenis"], {},
     [(["skp_id"], False), (["induk_rhk_id"], False)]),
    ("indikator",
     {"id": INT, "rhk_id": INT, "aspek": TEXT, "teks": TEXT, "target_nilai": REAL,
      "target_satuan": TEXT, "perspektif": TEXT},
     "id", [("rhk_id", "rhk", "id")], ["rhk_id"], {}, [(["rhk_id"], False)]),
    ("lampiran",
     {"skp_id": INT, "dukungan_sd": TEXT, "skema_pj": TEXT, "konsekuensi": TEXT},
     "skp_id", [("skp_id", "skp", "id")], [], {}, []),
    ("perilaku_master", {"kode": TEXT, "nama": TEXT, "uraian": TEXT}, "kode", [], ["nama"], {}, []),
    ("perilaku_skp",
     {"skp_id": INT, "kode": TEXT, "ekspektasi_khusus": TEXT},
     ("skp_id", "kode"), [("skp_id", "skp", "id"), ("kode", "perilaku_master", "kode")], [], {}, []),
    ("skp_periode",
     {"id": INT, "skp_id": INT, "master_id": INT, "state": TEXT, "rating_hk": TEXT, "rating_pk": TEXT,
      "predikat": TEXT, "capaian_org": TEXT, "dinilai_oleh": TEXT, "dinilai_at": TEXT,
      "locked_at": TEXT},
     "id",
     [("skp_id", "skp", "id"), ("master_id", "periode_penilaian_master", "id"),
      ("dinilai_oleh", "pegawai", "nip")],
     ["skp_id", "master_id", "state"], {"state": "BELUM_DIBUKA"},
     [(["skp_id", "master_id"], True), (["master_id", "state"], False)]),
    ("rencana_aksi",
     {"id": INT, "skp_periode_id": INT, "rhk_id": INT, "deskripsi": TEXT, "target_nilai": REAL,
      "target_satuan": TEXT},
     "id", [("skp_periode_id", "skp_periode", "id"), ("rhk_id", "rhk", "id")],
     ["skp_periode_id", "rhk_id"], {}, [(["skp_periode_id"], False), (["rhk_id"], False)]),
    ("progres_harian",
     {"id": INT, "rencana_aksi_id": INT, "tanggal": TEXT, "jam_mulai": TEXT, "jam_selesai": TEXT,
      "kegiatan": TEXT, "realisasi": INT, "satuan": TEXT, "bukti_url": TEXT, "entered_by_nip": TEXT,
      "verif": TEXT},
     "id", [("rencana_aksi_id", "rencana_aksi", "id"), ("entered_by_nip", "pegawai", "nip")],
     ["rencana_aksi_id", "tanggal"], {}, [(["rencana_aksi_id", "tanggal"], False)]),
    ("realisasi",
     {"indikator_id": INT, "skp_periode_id": INT, "nilai": REAL, "sumber": TEXT},
     ("indikator_id", "skp_periode_id"),
     [("indikator_id", "indikator", "id"), ("skp_periode_id", "skp_periode", "id")], [], {},
     [(["skp_periode_id"], False)]),
    ("bukti_dukung",
     {"id": INT, "indikator_id": INT, "skp_periode_id": INT, "nama": TEXT, "url": TEXT,
      "link_status": TEXT},
     "id", [("indikator_id", "indikator", "id"), ("skp_periode_id", "skp_periode", "id")],
     ["indikator_id", "skp_periode_id"], {"link_status": "OK"},
     [(["skp_periode_id", "indikator_id"], False)]),
    ("umpan_balik_master", {"id": INT, "teks": TEXT, "polaritas": TEXT}, "id", [], ["teks"], {}, []),
    ("umpan_balik",
     {"id": INT, "skp_periode_id": INT, "target_type": TEXT, "target_id": INT, "pilihan": TEXT,
      "tambahan": TEXT, "by_nip": TEXT, "virtual_ts": TEXT},
     "id", [("skp_periode_id", "skp_periode", "id"), ("by_nip", "pegawai", "nip")],
     ["skp_periode_id", "target_type"], {}, [(["skp_periode_id", "target_type", "target_id"], False)]),
    ("capaian_organisasi",
     {"unor_id": TEXT, "periode_master_id": INT, "predikat_org": TEXT, "ditetapkan_oleh": TEXT},
     ("unor_id", "periode_master_id"),
     [("unor_id", "unor", "id"), ("periode_master_id", "periode_penilaian_master", "id")], [], {}, []),
    ("distribusi_check",
     {"id": INT, "unor_id": TEXT, "periode_master_id": INT, "result": TEXT, "violations": TEXT,
      "checked_by": TEXT, "virtual_ts": TEXT},
     "id", [("unor_id", "unor", "id"), ("periode_master_id", "periode_penilaian_master", "id")],
     ["unor_id", "periode_master_id", "result"], {}, [(["unor_id", "periode_master_id"], False)]),
    ("keberatan",
     {"id": INT, "skp_periode_id": INT, "alasan": TEXT, "filed_at": TEXT, "decided_by": TEXT,
      "decided_at": TEXT, "decision": TEXT, "new_predikat": TEXT},
     "id", [("skp_periode_id", "skp_periode", "id"), ("decided_by", "pegawai", "nip")],
     ["skp_periode_id", "filed_at"], {}, [(["skp_periode_id"], False)]),
    ("sync_job",
     {"id": INT, "nip": TEXT, "target": TEXT, "state": TEXT, "error_code": TEXT, "virtual_ts": TEXT},
     "id", [("nip", "pegawai", "nip")], ["nip", "target", "state"], {}, [(["nip"], False)]),
    ("rule_pack",
     {"version": TEXT, "nama": TEXT, "source_yaml": TEXT, "source_sha256": TEXT, "loaded_at": TEXT},
     "version", [], ["source_yaml"], {}, []),
    ("audit_log",
     {"id": INT, "virtual_ts": TEXT, "wall_ts": TEXT, "session_nip": TEXT, "acting_as_nip": TEXT,
      "action": TEXT, "entity": TEXT, "entity_id": TEXT, "payload": TEXT, "device_id": TEXT, "ip": TEXT},
     "id", [], ["virtual_ts", "wall_ts", "action"], {},
     [(["session_nip"], False), (["acting_as_nip"], False), (["entity", "entity_id"], False),
      (["action"], False)]),
    ("evaluation_trace",
     {"id": INT, "audit_id": INT, "skp_periode_id": INT, "rule_pack_version": TEXT, "decision": TEXT,
      "trace": TEXT, "virtual_ts": TEXT},
     "id", [("audit_id", "audit_log", "id"), ("skp_periode_id", "skp_periode", "id")],
     ["decision", "trace"], {}, [(["skp_periode_id"], False), (["audit_id"], False)]),
    ("clock", {"id": INT, "virtual_now": TEXT}, "id", [], ["virtual_now"], {}, []),
]

# The audit log is evidence in the integrity scenarios (T04 and friends): no code path, not even a
# buggy one, may rewrite it. Triggers make SQLite itself refuse.
AUDIT_TRIGGERS = [
    """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'audit_log hanya boleh ditambah, tidak boleh diubah'); END""",
    """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'audit_log hanya boleh ditambah, tidak boleh dihapus'); END""",
    # One clock row only: a second row would make "virtual now" ambiguous.
    """CREATE TRIGGER clock_single_row BEFORE INSERT ON clock WHEN NEW.id <> 1
       BEGIN SELECT RAISE(ABORT, 'clock hanya boleh punya satu baris (id = 1)'); END""",
]


def migration_1_initial_schema(db: Database) -> None:
    """Create every §3.3 table, its indexes, the audit-log guards and the clock row."""
    for name, columns, pk, fks, not_null, defaults, indexes in TABLES:
        db[name].create(columns, pk=pk, foreign_keys=fks, not_null=not_null, defaults=defaults)
        for index_columns, unique in indexes:
            db[name].create_index(index_columns, unique=unique)
    for sql in AUDIT_TRIGGERS:
        db.execute(sql)
    db["clock"].insert({"id": 1, "virtual_now": DEFAULT_VIRTUAL_NOW})


def migration_2_pegawai_details(db: Database) -> None:
    """Columns the synthetic office carries and NIP parsing needs: jenjang, birth date, TMT, sex,
    and the simulation's behaviour profile (read by the simulator only, never by workflow rules)."""
    for column in ("jenjang", "jenis_kelamin", "tanggal_lahir", "tmt", "behaviour_profile"):
        db["pegawai"].add_column(column, str)


# The seven BerAKHLAK core values (SE MenPANRB 20/2021, adopted by PermenPANRB 6/2022; REGULATIONS.md
# "Perilaku Kerja"). Meanings are VERIFIED there; the panduan perilaku are partly uncertain, so only
# the short meaning is stored.
BERAKHLAK = (
    ("berorientasi_pelayanan", "Berorientasi Pelayanan",
     "Komitmen memberikan pelayanan prima demi kepuasan masyarakat"),
    ("akuntabel", "Akuntabel", "Bertanggung jawab atas kepercayaan yang diberikan"),
    ("kompeten", "Kompeten", "Terus belajar dan mengembangkan kapabilitas"),
    ("harmonis", "Harmonis", "Saling peduli dan menghargai perbedaan"),
    ("loyal", "Loyal", "Berdedikasi dan mengutamakan kepentingan bangsa dan negara"),
    ("adaptif", "Adaptif", "Terus berinovasi dan antusias dalam menggerakkan serta menghadapi perubahan"),
    ("kolaboratif", "Kolaboratif", "Membangun kerja sama yang sinergis"),
)

# A standard feedback list in the manner of C1's master list (WORKFLOW.md S14). The real list is not
# in the sources; these are the sandbox's, marked by polarity so scenario T21 can spot generic praise.
UMPAN_BALIK_STANDAR = (
    (1, "Capaian kinerja sudah maksimal, pertahankan", "pujian_umum"),
    (2, "Capaian kinerja sudah baik, tingkatkan", "pujian_umum"),
    (3, "Realisasi belum sesuai target, perlu percepatan", "perbaikan"),
    (4, "Bukti dukung belum lengkap atau tidak dapat dibuka", "perbaikan"),
    (5, "Bukti dukung belum sesuai dengan indikator", "perbaikan"),
    (6, "Perlu koordinasi lebih erat dengan tim", "perbaikan"),
    (7, "Perilaku sesuai ekspektasi, pertahankan", "pujian_umum"),
    (8, "Perilaku belum sesuai ekspektasi khusus pimpinan", "perbaikan"),
)


def migration_3_assessment(db: Database) -> None:
    """What the assessment half of the workflow needs beyond §3.3:

    - `skp_periode.dokumen_terbit_at`: the virtual time the pegawai received the result; the
      keberatan window counts from it (PP 30/2019 Pasal 59).
    - `realisasi.uraian`: a kualitatif SKP's realisation is a narrative, not a number.
    - `periode_status_log`: the history of every assessment-period state, like `skp_status_log`,
      so a trainer can see who did what when.
    - `pengaturan`: per-sandbox settings (which rule pack decides what), key → JSON value.
    - the BerAKHLAK master and a standard feedback list as reference rows.
    """
    db["skp_periode"].add_column("dokumen_terbit_at", str)
    db["realisasi"].add_column("uraian", str)
    db["periode_status_log"].create(
        {"id": int, "skp_periode_id": int, "from_state": str, "to_state": str, "actor_nip": str,
         "catatan": str, "virtual_ts": str},
        pk="id", foreign_keys=[("skp_periode_id", "skp_periode", "id")],
        not_null=["skp_periode_id", "to_state"])
    db["periode_status_log"].create_index(["skp_periode_id"])
    db["pengaturan"].create({"kunci": str, "nilai": str}, pk="kunci", not_null=["nilai"])
    db["perilaku_master"].insert_all(
        [{"kode": kode, "nama": nama, "uraian": uraian} for kode, nama, uraian in BERAKHLAK])
    db["umpan_balik_master"].insert_all(
        [{"id": i, "teks": teks, "polaritas": pol} for i, teks, pol in UMPAN_BALIK_STANDAR])


def migration_4_drafts(db: Database) -> None:
    """`draf_isian`: what a user has typed in a form but not yet saved, kept per person, screen and
    field, so closing the window mid-entry loses nothing (issue #4). Not a workflow record: no audit
    row, and the content hash leaves it out."""
    db["draf_isian"].create(
        {"actor": str, "layar": str, "kolom": str, "nilai": str, "diubah_at": str},
        pk=("actor", "layar", "kolom"), not_null=["nilai"])


def migration_5_classroom(db: Database) -> None:
    """What a classroom needs (issue #5): classes and seats, the scenario attempts with the cast each
    seat plays, outage windows the store honours, timed scenario events, and assisted sessions.

    - `gangguan`: one row per (person, window) in which the "server" refuses that person's saves,
      or a share of them; the store checks it on every write (`Store.apply`), so faults are real for
      every entry path. Trainer and admin pseudo-actors are never in it.
    - `peristiwa_terjadwal`: a scenario event (deadline moved, SKP returned) that fires when the
      class clock passes `pada`.
    - `pendampingan`: an assisted session — the pegawai types, an operator coaches (scenario T04).
    - `siasn_profil` and `tiket`: the national record a profile syncs from, and reports to the
      admin instansi (scenario T08).
    Progress itself (hints, help, errors, flags) is audit rows on `percobaan`, not a table: the audit
    log is already the append-only evidence a grader reads.
    """
    db["kelas"].create({"id": int, "nama": str, "kursi": int, "kode_gabung": str, "instansi_id": str,
                        "dibuat_wall_ts": str}, pk="id", not_null=["nama", "kursi"])
    db["kursi"].create({"kelas_id": int, "no": int, "nama_peserta": str}, pk=("kelas_id", "no"),
                       foreign_keys=[("kelas_id", "kelas", "id")])
    db["penugasan"].create({"kelas_id": int, "urutan": int, "skenario_id": str},
                           pk=("kelas_id", "urutan"), foreign_keys=[("kelas_id", "kelas", "id")],
                           not_null=["skenario_id"])
    db["percobaan"].create(
        {"id": int, "kelas_id": int, "kursi_no": int, "skenario_id": str, "skenario_file": str, "ke": int,
         "pemeran": str,
         "unor_id": str, "folder": str, "audit_mulai": int, "mulai_virtual": str, "mulai_wall_ts": str,
         "selesai_wall_ts": str, "hasil": str, "tugas": str},
        pk="id", foreign_keys=[("kelas_id", "kelas", "id")],
        not_null=["kelas_id", "kursi_no", "skenario_id", "ke", "pemeran"])
    db["percobaan"].create_index(["kelas_id", "kursi_no", "skenario_id", "ke"], unique=True)
    db["gangguan"].create({"id": int, "nip": str, "jenis": str, "mulai": str, "selesai": str,
                           "porsi": float, "kode": str, "percobaan_id": int},
                          pk="id", not_null=["nip", "jenis", "mulai", "selesai"])
    db["gangguan"].create_index(["nip"])
    db["peristiwa_terjadwal"].create(
        {"id": int, "percobaan_id": int, "pada": str, "jenis": str, "params": str, "terjadi_at": str},
        pk="id", foreign_keys=[("percobaan_id", "percobaan", "id")], not_null=["pada", "jenis"])
    # The SIASN twin (the national record a profile syncs from) and tickets to the admin instansi
    # (scenario T08: a profile with the wrong atasan, a sync error to report).
    db["siasn_profil"].create({"nip": str, "atasan_nip": str, "unor_id": str, "jabatan": str}, pk="nip")
    db["tiket"].create({"id": int, "dari_nip": str, "kepada": str, "kode_galat": str, "pesan": str,
                        "virtual_ts": str, "status": str}, pk="id", not_null=["dari_nip", "kepada", "pesan"])
    db["pendampingan"].create({"id": int, "pendamping_nip": str, "pegawai_nip": str, "mulai": str,
                               "selesai": str}, pk="id", not_null=["pendamping_nip", "pegawai_nip"])


def migration_6_class_access(db: Database) -> None:
    """Who may enter a class (issue #7): the trainer's PIN and the seats' claims.

    - `kelas.pin_hash`: the trainer's PIN as a salted scrypt hash (`scrypt$n$r$p$salt$hash`, hex);
      the PIN itself is never stored. NULL: a class made before PINs, or through the Python API.
    - `kursi.token_hash`: SHA-256 of the random session token that holds the seat (a browser keeps
      the token in a cookie; a terminal seat keeps it in memory); NULL = the seat is free.
      `pemegang`: for a terminal seat, `host:uid:pid` of the process that holds it (a dead
      process's seat goes back to the same user when they join again); NULL for a browser.
      `diklaim_wall_ts` / `dilihat_wall_ts`: when it was taken and last entered (real time).
    - `kursi.posisi`: where the trainee was (JSON: attempt, persona, screen), rewritten on every
      move, so a closed tab or a slept laptop comes back to the same place. Like drafts, not a
      record of anything done: no audit row.
    All on the existing classroom tables, which the T20 data check already leaves out.
    """
    db["kelas"].add_column("pin_hash", str)
    for column in ("token_hash", "pemegang", "diklaim_wall_ts", "dilihat_wall_ts", "posisi"):
        db["kursi"].add_column(column, str)
    db["kursi"].create_index(["token_hash"])
