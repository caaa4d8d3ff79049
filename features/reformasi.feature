# language: id
Fitur: Reformasi dibandingkan dengan paket dasarnya, berdampingan dalam satu proses
  Sebuah reformasi menulis hanya yang berubah dari paket dasar. Paket dasar dan reformasinya
  dihitung berdampingan dengan masukan yang sama pada tanggal yang sama, sehingga regulator
  melihat persis apa yang berubah dan apa yang tetap.

  Latar Belakang:
    Dengan tanggal evaluasi "2027-01-01"
    Dan paket dasar "permenpanrb-6-2022"

  Skenario: Kuota Sangat Baik 60 %: unit Istimewa 10 orang dengan 7 Sangat Baik tidak lagi sesuai
    Dengan paket reformasi "rules/reforms/kuota-sangat-baik-60.yaml"
    Ketika unit berpredikat "istimewa" berisi 7 Sangat Baik, 3 Baik, 0 Butuh Perbaikan, 0 Kurang dan 0 Sangat Kurang menurut paket dasar dan paket reformasi
    Maka pada paket dasar kurva sesuai
    Dan pada paket reformasi kurva tidak sesuai
    Dan pada paket reformasi pelanggaran hanya aturan "istimewa_sangat_baik_melebihi_batas"
    Dan pada paket reformasi pesan pelanggaran "istimewa_sangat_baik_melebihi_batas" berbunyi "Organisasi Istimewa: 7 pegawai Sangat Baik, paling banyak 6 dari 10"
    Dan pada paket dasar jejak mencatat parameter "kurva_istimewa_maks_sangat_baik" bernilai "0.7" sejak "2023-01-31"
    Dan pada paket reformasi jejak mencatat parameter "kurva_istimewa_maks_sangat_baik" bernilai "0.6" sejak "2027-01-01"
    Dan perhitungan ulang pada paket dasar memberi hasil yang sama

  Skenario konsep: Kuota Sangat Baik 60 %: <organisasi> <sb> Sangat Baik dari <pegawai> orang
    Dengan paket reformasi "rules/reforms/kuota-sangat-baik-60.yaml"
    Ketika unit berpredikat "<organisasi>" berisi <sb> Sangat Baik, <b> Baik, <bp> Butuh Perbaikan, 0 Kurang dan 0 Sangat Kurang menurut paket dasar dan paket reformasi
    Maka pada paket dasar kurva <dasar>
    Dan pada paket reformasi kurva <reformasi>

    Contoh:
      | organisasi      | pegawai | sb | b | bp | dasar        | reformasi    |
      | istimewa        | 10      | 6  | 4 | 0  | sesuai       | sesuai       |
      | istimewa        | 10      | 7  | 3 | 0  | sesuai       | tidak sesuai |
      | istimewa        | 10      | 8  | 2 | 0  | tidak sesuai | tidak sesuai |
      | istimewa        | 5       | 3  | 2 | 0  | sesuai       | sesuai       |
      | istimewa        | 5       | 4  | 1 | 0  | tidak sesuai | tidak sesuai |
      | istimewa        | 3       | 2  | 1 | 0  | sesuai       | tidak sesuai |
      | istimewa        | 3       | 1  | 1 | 1  | sesuai       | sesuai       |
      | baik            | 10      | 2  | 7 | 1  | sesuai       | sesuai       |
      | butuh_perbaikan | 10      | 1  | 3 | 6  | sesuai       | sesuai       |

  Skenario konsep: Sel kuadran <hasil_kerja> × <perilaku>: dasar <dasar>, reformasi <reformasi>
    Dengan paket reformasi "reformasi-sel-hasil-di-atas"
    Ketika rating hasil kerja "<hasil_kerja>" dan rating perilaku "<perilaku>" menurut paket dasar dan paket reformasi
    Maka pada paket dasar predikatnya "<dasar>"
    Dan pada paket reformasi predikatnya "<reformasi>"
    Dan pada paket reformasi jejak menyebut aturan "hk_<hasil_kerja>_pk_<perilaku>" dengan dasar hukum yang memuat "<dasar_hukum_reformasi>"
    Dan dasar hukum aturan "hk_<hasil_kerja>_pk_<perilaku>" pada paket reformasi <perbandingan> paket dasar

    Contoh: sel yang berubah
      | hasil_kerja | perilaku | dasar | reformasi   | dasar_hukum_reformasi                           | perbandingan |
      | di_atas     | sesuai   | baik  | sangat_baik | Rancangan perubahan Lampiran PermenPANRB 6/2022 | berbeda dari |

    Contoh: delapan sel lain tidak berubah
      | hasil_kerja | perilaku | dasar           | reformasi       | dasar_hukum_reformasi         | perbandingan |
      | di_atas     | di_atas  | sangat_baik     | sangat_baik     | PermenPANRB 6/2022 Lampiran   | sama dengan  |
      | di_atas     | di_bawah | kurang          | kurang          | PermenPANRB 6/2022 Lampiran   | sama dengan  |
      | sesuai      | di_atas  | baik            | baik            | PermenPANRB 6/2022 Lampiran   | sama dengan  |
      | sesuai      | sesuai   | baik            | baik            | PermenPANRB 6/2022 Lampiran   | sama dengan  |
      | sesuai      | di_bawah | kurang          | kurang          | PermenPANRB 6/2022 Lampiran   | sama dengan  |
      | di_bawah    | di_atas  | butuh_perbaikan | butuh_perbaikan | PermenPANRB 6/2022 Lampiran   | sama dengan  |
      | di_bawah    | sesuai   | butuh_perbaikan | butuh_perbaikan | PermenPANRB 6/2022 Lampiran   | sama dengan  |
      | di_bawah    | di_bawah | sangat_kurang   | sangat_kurang   | PermenPANRB 6/2022 Lampiran   | sama dengan  |

  Skenario: Reformasi sel kuadran tidak mengubah hasil paket dasar yang dihitung sesudahnya
    Dengan paket reformasi "rules/reforms/sel-hasil-di-atas-perilaku-sesuai.yaml"
    Ketika rating hasil kerja "di_atas" dan rating perilaku "sesuai" menurut paket dasar dan paket reformasi
    Maka pada paket dasar predikatnya "baik"
    Dan pada paket reformasi predikatnya "sangat_baik"
    Dan pada paket dasar jejak menyebut aturan "hk_di_atas_pk_sesuai" dengan dasar hukum yang memuat "PermenPANRB 6/2022 Lampiran"
    Dan perhitungan ulang pada paket dasar memberi hasil yang sama

  Skenario: Penjelasan reformasi menyebut angkanya sendiri dan dasarnya sendiri
    Angka dalam dasar hukum diambil dari parameter ({param:…}), jadi penjelasan reformasi tidak
    mengutip angka paket dasar. Catatan "tidak pasti" paket dasar menyangkut angka paket dasar:
    nilai baru reformasi tidak mewarisinya.
    Dengan paket reformasi "rules/reforms/kuota-sangat-baik-60.yaml"
    Ketika unit berpredikat "istimewa" berisi 8 Sangat Baik, 2 Baik, 0 Butuh Perbaikan, 0 Kurang dan 0 Sangat Kurang menurut paket dasar dan paket reformasi
    Maka pada paket dasar jejak menyebut aturan "istimewa_sangat_baik_melebihi_batas" dengan dasar hukum yang memuat "SE MenPANRB 3/2023, pola distribusi organisasi Istimewa — Sangat Baik paling banyak 70 %"
    Dan pada paket reformasi jejak menyebut aturan "istimewa_sangat_baik_melebihi_batas" dengan dasar hukum yang memuat "Rancangan perubahan SE MenPANRB 3/2023, pola distribusi organisasi Istimewa (contoh) — Sangat Baik paling banyak 60 %"
    Dan pada paket dasar parameter "kurva_istimewa_maks_sangat_baik" bertanda tidak pasti
    Dan pada paket reformasi parameter "kurva_istimewa_maks_sangat_baik" tidak bertanda tidak pasti
