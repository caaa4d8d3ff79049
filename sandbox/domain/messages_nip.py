"""Messages about the NIP PNS and NI PPPK (`sandbox.domain.nip`, `ekinerja nip`), Indonesian first.

Each refusal says which digits are wrong and why; its `.fix` says what to write instead. Dates arrive
as words in both languages (`lahir` / `lahir_en`), since the importer renders these later in its own
language. The catalog's older `nip.length` … `nip.pppk_code` entries are no longer raised.
"""

from __future__ import annotations

from sandbox.i18n import add_messages

_COPY = ("salin ulang NIP dari SK atau MyASN",
         "copy the NIP again from the decree or MyASN")
_LAYOUT = ("18 digit: 8 tanggal lahir, 6 TMT CPNS, 1 jenis kelamin, 3 nomor urut, mis. 19850312 201001 1 002",
           "18 digits: 8 birth date, 6 TMT CPNS, 1 sex, 3 serial, e.g. 19850312 201001 1 002")
_AGE_FIX = ("periksa tahun lahir (digit 1–4) dan tahun TMT (digit 9–12) di SK, lalu " + _COPY[0],
            "check the birth year (digits 1–4) and the TMT year (digits 9–12) on the decree, then "
            + _COPY[1])

add_messages({
    # -- refusals ----------------------------------------------------------------------------------
    "nip.kosong": ("NIP belum ditulis", "No NIP was given"),
    "nip.kosong.fix": (f"tulis {_LAYOUT[0]}", f"type the {_LAYOUT[1]}"),
    "nip.bukan_angka": (
        "Karakter ke-{posisi} yang ditulis, {char}, bukan angka; di situ letak digit {digit} ({bagian})",
        "Character {posisi} as typed, {char}, is not a digit; it stands where digit {digit} goes "
        "({bagian_en})"),
    "nip.bukan_angka.fix": (
        "NIP hanya berisi angka 0–9 (spasi, titik atau tanda hubung di antara kelompok boleh); huruf O "
        "dan l sering tertukar dengan angka 0 dan 1",
        "a NIP holds the digits 0–9 only (spaces, dots or hyphens between groups are fine); the letters "
        "O and l are often typed for the digits 0 and 1"),
    "nip.bukan_angka.lebih": ("Karakter ke-{posisi} yang ditulis, {char}, bukan angka, dan sudah lewat "
                              "digit ke-18",
                              "Character {posisi} as typed, {char}, is not a digit, and comes after the "
                              "18th digit"),
    "nip.bukan_angka.lebih.fix": (f"{_COPY[0]} ({_LAYOUT[0]})", f"{_COPY[1]} ({_LAYOUT[1]})"),
    "nip.kurang": ("NIP harus 18 digit; yang ditulis hanya {panjang} digit, kurang {selisih}",
                   "A NIP has 18 digits; this one has only {panjang}, {selisih} too few"),
    "nip.kurang.fix": (f"{_COPY[0]} lengkap ({_LAYOUT[0]})", f"{_COPY[1]} in full ({_LAYOUT[1]})"),
    "nip.lebih": ("NIP harus 18 digit; yang ditulis {panjang} digit, lebih {selisih}",
                  "A NIP has 18 digits; this one has {panjang}, {selisih} too many"),
    "nip.lebih.fix": (f"{_COPY[0]} ({_LAYOUT[0]})", f"{_COPY[1]} ({_LAYOUT[1]})"),
    "nip.kelompok": ("Kelompok ke-{ke} yang ditulis, {teks}, berisi {panjang} digit; di situ seharusnya "
                     "{harus} digit ({bagian})",
                     "Group {ke} as typed, {teks}, has {panjang} digits; {harus} belong there "
                     "({bagian_en})"),
    "nip.kelompok.fix": (f"{_COPY[0]} ({_LAYOUT[0]})", f"{_COPY[1]} ({_LAYOUT[1]})"),
    "nip.lahir.tahun": ("Digit 1–8 (tanggal lahir): {teks} bukan tanggal lahir, tahun {tahun} (digit 1–4) "
                        "terlalu awal",
                        "Digits 1–8 (birth date): {teks} is no birth date, the year {tahun} (digits 1–4) "
                        "is too early"),
    "nip.lahir.tahun.fix": ("digit 1–4 adalah tahun lahir, sejak {paling_awal}, mis. 1985",
                            "digits 1–4 are the year of birth, {paling_awal} or later, e.g. 1985"),
    "nip.lahir.bulan": ("Digit 1–8 (tanggal lahir): {teks} bukan tanggal, bulan {bulan} (digit 5–6) "
                        "tidak ada",
                        "Digits 1–8 (birth date): {teks} is not a date, there is no month {bulan} "
                        "(digits 5–6)"),
    "nip.lahir.bulan.fix": ("tulis tanggal lahir sebagai TTTTBBHH dengan bulan 01–12, mis. 19850312 untuk "
                            "12 Maret 1985",
                            "write the birth date as YYYYMMDD with a month 01–12, e.g. 19850312 for "
                            "12 March 1985"),
    "nip.lahir.hari": ("Digit 1–8 (tanggal lahir): {teks} bukan tanggal, hari {hari} (digit 7–8) tidak ada "
                       "di {nama_bulan} {tahun}, yang berhari 01–{maks}",
                       "Digits 1–8 (birth date): {teks} is not a date, there is no day {hari} (digits 7–8) "
                       "in {nama_bulan_en} {tahun}, which has days 01–{maks}"),
    "nip.lahir.hari.fix": ("tulis tanggal lahir sebagai TTTTBBHH seperti di SK, mis. 19850312 untuk "
                           "12 Maret 1985",
                           "write the birth date as YYYYMMDD as on the decree, e.g. 19850312 for "
                           "12 March 1985"),
    "nip.tmt.bulan": ("Digit 9–14 (TMT CPNS): {teks} bukan bulan, bulan {bulan} (digit 13–14) tidak ada, "
                      "dan {bulan} juga bukan kode NI PPPK yang dikenal (21, 24)",
                      "Digits 9–14 (TMT CPNS): {teks} is not a month, there is no month {bulan} "
                      "(digits 13–14), and {bulan} is no known NI PPPK code either (21, 24)"),
    "nip.tmt.bulan.fix": ("tulis TMT CPNS sebagai TTTTBB dengan bulan 01–12, mis. 201001 untuk Januari 2010; "
                          "untuk NI PPPK dengan kode lain tambahkan --jenis pppk",
                          "write TMT CPNS as YYYYMM with a month 01–12, e.g. 201001 for January 2010; for an "
                          "NI PPPK with another code add --jenis pppk"),
    "nip.tmt.bulan_pns": ("Digit 9–14 (TMT CPNS): {teks} bukan bulan, bulan {bulan} (digit 13–14) tidak ada",
                          "Digits 9–14 (TMT CPNS): {teks} is not a month, there is no month {bulan} "
                          "(digits 13–14)"),
    "nip.tmt.bulan_pns.fix": ("tulis TMT CPNS sebagai TTTTBB dengan bulan 01–12, mis. 201001 untuk "
                              "Januari 2010",
                              "write TMT CPNS as YYYYMM with a month 01–12, e.g. 201001 for January 2010"),
    "nip.tmt.sebelum_lahir": ("Digit 9–14 (TMT CPNS): {tmt} lebih awal dari tanggal lahir {lahir} "
                              "(digit 1–8)",
                              "Digits 9–14 (TMT CPNS): {tmt_en} comes before the birth date {lahir_en} "
                              "(digits 1–8)"),
    "nip.tmt.sebelum_lahir.fix": _AGE_FIX,
    "nip.tmt.muda": ("Digit 9–14 (TMT CPNS): {tmt} jatuh saat usia {usia} tahun (lahir {lahir}); CPNS "
                     "paling muda berusia {minimal} tahun",
                     "Digits 9–14 (TMT CPNS): {tmt_en} falls at age {usia} (born {lahir_en}); a CPNS is "
                     "at least {minimal} years old"),
    "nip.tmt.muda.fix": _AGE_FIX,
    "nip.pppk.sebelum_lahir": ("Digit 9–12 (tahun pengangkatan PPPK): {tahun} lebih awal dari tanggal lahir "
                               "{lahir} (digit 1–8)",
                               "Digits 9–12 (PPPK appointment year): {tahun} comes before the birth date "
                               "{lahir_en} (digits 1–8)"),
    "nip.pppk.sebelum_lahir.fix": (
        "periksa tahun lahir (digit 1–4) dan tahun pengangkatan (digit 9–12) di SK, lalu " + _COPY[0],
        "check the birth year (digits 1–4) and the appointment year (digits 9–12) on the decree, then "
        + _COPY[1]),
    "nip.pppk.muda": ("Digit 9–12 (tahun pengangkatan PPPK): pada akhir {tahun} usianya baru {usia} tahun "
                      "(lahir {lahir}); PPPK paling muda berusia {minimal} tahun",
                      "Digits 9–12 (PPPK appointment year): by the end of {tahun} the person is only "
                      "{usia} (born {lahir_en}); a PPPK is at least {minimal} years old"),
    "nip.pppk.muda.fix": (
        "periksa tahun lahir (digit 1–4) dan tahun pengangkatan (digit 9–12) di SK, lalu " + _COPY[0],
        "check the birth year (digits 1–4) and the appointment year (digits 9–12) on the decree, then "
        + _COPY[1]),
    "nip.kode": ("Digit 13–14 (kode NI PPPK): {kode} bukan dua angka",
                 "Digits 13–14 (NI PPPK code): {kode} is not two digits"),
    "nip.kode.fix": ("tulis kode dua angka seperti di SK, mis. 21 atau 24",
                     "write the two-digit code as on the decree, e.g. 21 or 24"),
    "nip.kelamin": ("Digit 15 (jenis kelamin): {digit} tidak dipakai, hanya 1 (laki-laki) atau "
                    "2 (perempuan)",
                    "Digit 15 (sex): {digit} is not used, only 1 (male) or 2 (female)"),
    "nip.kelamin.fix": (f"{_COPY[0]}; digit 15 adalah 1 atau 2", f"{_COPY[1]}; digit 15 is 1 or 2"),
    "nip.urut": ("Digit 16–18 (nomor urut): {urut} tidak dipakai, nomor urut mulai dari 001 sampai 999",
                 "Digits 16–18 (serial number): {urut} is not used, serials run from 001 to 999"),
    "nip.urut.fix": (f"{_COPY[0]}; tiga digit terakhir adalah nomor urut, mis. 002",
                     f"{_COPY[1]}; the last three digits are the serial, e.g. 002"),
    # -- `ekinerja nip` ----------------------------------------------------------------------------
    "nip.cli.sah": ("NIP {nip} sah:", "NIP {nip} is valid:"),
    "nip.cli.tidak_sah": ("NIP yang ditulis tidak sah: {ditulis}",
                          "The NIP as typed is not valid: {ditulis}"),
    "nip.cli.jenis": ("Jenis: {jenis}", "Kind: {jenis}"),
    "nip.cli.jenis.pns": ("PNS", "PNS (civil servant)"),
    "nip.cli.jenis.pppk": ("PPPK (nomor: NI PPPK)", "PPPK (contract civil servant; number: NI PPPK)"),
    "nip.cli.lahir": ("Tanggal lahir: {tanggal} (digit 1–8)", "Birth date: {tanggal} (digits 1–8)"),
    "nip.cli.tmt": ("TMT CPNS: {bulan} (digit 9–14)", "TMT CPNS: {bulan} (digits 9–14)"),
    "nip.cli.tahun_pppk": ("Tahun pengangkatan PPPK: {tahun} (digit 9–12)",
                           "PPPK appointment year: {tahun} (digits 9–12)"),
    "nip.cli.kode": ("Kode NI PPPK: {kode} (digit 13–14) — {arti}",
                     "NI PPPK code: {kode} (digits 13–14) — {arti}"),
    "nip.cli.kode.21": ("lazim pada angkatan PPPK penuh waktu", "usual for full-time PPPK cohorts"),
    "nip.cli.kode.24": ("lazim pada PPPK paruh waktu", "usual for part-time (paruh waktu) PPPK"),
    "nip.cli.kode.lain": ("artinya belum pasti: dibaca sebagai jumlah perjanjian kerja atau sebagai kode "
                          "angkatan",
                          "its meaning is uncertain: read as the number of work agreements or as a cohort "
                          "code"),
    "nip.cli.kelamin": ("Jenis kelamin: {kelamin} (digit 15)", "Sex: {kelamin} (digit 15)"),
    "nip.cli.kelamin.1": ("laki-laki", "male"),
    "nip.cli.kelamin.2": ("perempuan", "female"),
    "nip.cli.urut": ("Nomor urut: {urut} (digit 16–18)", "Serial number: {urut} (digits 16–18)"),
    "nip.cli.urut.catatan": ("Nomor urut dihitung dari 001 untuk setiap 15 digit pertama yang sama.",
                             "The serial counts from 001 for each distinct first 15 digits."),
})
