# language: id
Fitur: Tunjangan kinerja Badan Gizi Nasional menurut Perban BGN 4/2025 Pasal 15
  Terlambat masuk kerja memotong tunjangan kinerja per kejadian: lebih 1 menit sampai dengan
  60 menit 0,5 %; lebih dari 60 menit 1 %. "Lebih 1 (satu) menit" dibaca sebagai lebih dari satu
  menit (ditandai tidak pasti). Keputusan "keterlambatan" menempatkan satu hari pada tingkatnya;
  keputusan "tpp" menjumlahkan kejadian sebulan. Contoh memakai tunjangan kinerja Rp 6.000.000.

  Skenario konsep: Tukin BGN: terlambat <menit> menit pada satu hari
    Dengan paket "tukin-bgn-2025"
    Ketika keputusan "keterlambatan" dihitung dengan:
      | masukan         | nilai   |
      | menit_terlambat | <menit> |
    Maka keluaran "potongan_persen" bernilai "<persen>"

    Contoh:
      | menit | persen |
      | 0     | 0      |
      | 1     | 0      |
      | 2     | 0.5    |
      | 30    | 0.5    |
      | 59    | 0.5    |
      | 60    | 0.5    |
      | 61    | 1      |
      | 1440  | 1      |

  Skenario: Tukin BGN: terlambat tepat satu menit belum dipotong
    Dengan paket "tukin-bgn-2025"
    Ketika keputusan "keterlambatan" dihitung dengan:
      | masukan         | nilai |
      | menit_terlambat | 1     |
    Maka jejak tidak mencatat aturan yang menyala
    Dan jejak mencatat parameter "batas_terlambat_menit" bernilai "1" sejak "2025-01-01"

  Skenario konsep: Tukin BGN: terlambat <menit> menit masuk tingkat <aturan>
    Dengan paket "tukin-bgn-2025"
    Ketika keputusan "keterlambatan" dihitung dengan:
      | masukan         | nilai   |
      | menit_terlambat | <menit> |
    Maka jejak menyebut aturan "<aturan>" dengan dasar hukum yang memuat "Perban BGN 4/2025 Pasal 15 huruf <huruf>"
    Dan pesan rincian "<aturan>" berbunyi "<pesan>"

    Contoh:
      | menit | aturan                    | huruf | pesan                                                          |
      | 2     | terlambat_sampai_60_menit | a     | Terlambat 2 menit (lebih dari 1 s.d. 60 menit): dipotong 0.5% |
      | 60    | terlambat_sampai_60_menit | a     | Terlambat 60 menit (lebih dari 1 s.d. 60 menit): dipotong 0.5% |
      | 61    | terlambat_lebih_60_menit  | b     | Terlambat 61 menit (lebih dari 60 menit): dipotong 1%          |

  Skenario: Tukin BGN: menit terlambat lebih dari sehari ditolak
    Dengan paket "tukin-bgn-2025"
    Ketika keputusan "keterlambatan" dihitung dengan:
      | masukan         | nilai |
      | menit_terlambat | 1441  |
    Maka perhitungan ditolak dengan kode "eval.above_maximum"

  Skenario: Tukin BGN: bulan tanpa keterlambatan menerima tunjangan kinerja penuh
    Dengan paket "tukin-bgn-2025"
    Ketika keputusan "tpp" dihitung dengan:
      | masukan                         | nilai   |
      | tunjangan_kinerja_kelas_jabatan | 6000000 |
    Maka TPP yang diterima "Rp 6.000.000"
    Dan keluaran "potongan_keterlambatan_persen" bernilai "0"
    Dan rincian potongan kosong
    Dan jejak tidak mencatat aturan yang menyala

  Skenario konsep: Tukin BGN: <jumlah> kali <masukan> dalam sebulan
    Dengan paket "tukin-bgn-2025"
    Ketika keputusan "tpp" dihitung dengan:
      | masukan                         | nilai    |
      | tunjangan_kinerja_kelas_jabatan | 6000000  |
      | <masukan>                       | <jumlah> |
    Maka keluaran "potongan_keterlambatan_persen" bernilai "<persen>"
    Dan keluaran "potongan_keterlambatan_rupiah" bernilai "<potongan_rupiah>"
    Dan TPP yang diterima "<tpp>"
    Dan rincian potongan hanya aturan "<masukan>"
    Dan setiap potongan dalam rincian tercatat dalam jejak

    Contoh:
      | masukan                   | jumlah | persen | potongan_rupiah | tpp          |
      | terlambat_sampai_60_menit | 1      | 0.5    | Rp 30.000       | Rp 5.970.000 |
      | terlambat_sampai_60_menit | 4      | 2      | Rp 120.000      | Rp 5.880.000 |
      | terlambat_sampai_60_menit | 31     | 15.5   | Rp 930.000      | Rp 5.070.000 |
      | terlambat_lebih_60_menit  | 1      | 1      | Rp 60.000       | Rp 5.940.000 |
      | terlambat_lebih_60_menit  | 31     | 31     | Rp 1.860.000    | Rp 4.140.000 |

  Skenario: Tukin BGN: kedua tingkat keterlambatan dalam satu bulan dijumlahkan
    Dengan paket "tukin-bgn-2025"
    Ketika keputusan "tpp" dihitung dengan:
      | masukan                         | nilai   |
      | tunjangan_kinerja_kelas_jabatan | 6000000 |
      | terlambat_sampai_60_menit       | 3       |
      | terlambat_lebih_60_menit        | 1       |
    Maka keluaran "potongan_keterlambatan_persen" bernilai "2.5"
    Dan keluaran "potongan_keterlambatan_rupiah" bernilai "Rp 150.000"
    Dan TPP yang diterima "Rp 5.850.000"
    Dan rincian potongan berisi tepat aturan:
      | aturan                    |
      | terlambat_sampai_60_menit |
      | terlambat_lebih_60_menit  |
    Dan pesan rincian "terlambat_sampai_60_menit" berbunyi "Terlambat masuk kerja lebih dari 1 s.d. 60 menit: 3 kali × 0.5%"
    Dan pesan rincian "terlambat_lebih_60_menit" berbunyi "Terlambat masuk kerja lebih dari 60 menit: 1 kali × 1%"

  Skenario: Tukin BGN: lebih dari 31 kejadian sebulan ditolak
    Dengan paket "tukin-bgn-2025"
    Ketika keputusan "tpp" dihitung dengan:
      | masukan                         | nilai   |
      | tunjangan_kinerja_kelas_jabatan | 6000000 |
      | terlambat_lebih_60_menit        | 32      |
    Maka perhitungan ditolak dengan kode "eval.above_maximum"
