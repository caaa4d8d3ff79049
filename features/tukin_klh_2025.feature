# language: id
Fitur: Tunjangan kinerja KLH/BPLH menurut Permen KLH/BPLH 6/2025
  Laporan kinerja harian yang tidak sesuai ekspektasi dalam sebulan menentukan predikat bulanan
  dan bagian kinerja yang dibayar: 1–5 laporan Perlu Perbaikan 90 %, 6–10 Kurang 85 %, lebih dari
  10 Sangat Kurang 80 %. Tidak menyampaikan laporan bulanan memotong 35 %. CPNS menerima 80 %
  tunjangan kinerja kelas jabatan. Bagian kinerja 60 % dan dasar potongan 35 % (seluruh tunjangan
  kinerja) ditandai tidak pasti. Contoh memakai tunjangan kinerja kelas jabatan Rp 10.000.000:
  bagian kinerja Rp 6.000.000.

  Latar Belakang:
    Dengan paket "tukin-klh-2025"
    Dan masukan:
      | masukan                         | nilai    |
      | tunjangan_kinerja_kelas_jabatan | 10000000 |

  Skenario: Tukin KLH: semua laporan sesuai ekspektasi dan laporan bulanan disampaikan
    Ketika keputusan "tpp" dihitung
    Maka TPP yang diterima "Rp 10.000.000"
    Dan keluaran "predikat_bulanan" bernilai "sesuai_ekspektasi"
    Dan rincian potongan kosong
    Dan jejak tidak mencatat aturan yang menyala

  Skenario konsep: Tukin KLH: <laporan> laporan harian tidak sesuai ekspektasi
    Ketika keputusan "tpp" dihitung dengan:
      | masukan                                | nilai     |
      | laporan_harian_tidak_sesuai_ekspektasi | <laporan> |
    Maka keluaran "predikat_bulanan" bernilai "<predikat>"
    Dan keluaran "potongan_predikat_persen" bernilai "<persen>"
    Dan keluaran "potongan_predikat_rupiah" bernilai "<potongan_rupiah>"
    Dan TPP yang diterima "<tpp>"
    Dan rincian potongan hanya aturan "predikat_<predikat>"
    Dan setiap potongan dalam rincian tercatat dalam jejak
    Dan jejak menyebut aturan "predikat_<predikat>" dengan dasar hukum yang memuat "Permen KLH/BPLH 6/2025"
    Dan jejak menyebut aturan "predikat_<predikat>" dengan dasar hukum yang memuat "bagian kinerja dibayar <dibayar> %"

    Contoh:
      | laporan | predikat        | persen | dibayar | potongan_rupiah | tpp          |
      | 1       | perlu_perbaikan | 10     | 90      | Rp 600.000      | Rp 9.400.000 |
      | 5       | perlu_perbaikan | 10     | 90      | Rp 600.000      | Rp 9.400.000 |
      | 6       | kurang          | 15     | 85      | Rp 900.000      | Rp 9.100.000 |
      | 10      | kurang          | 15     | 85      | Rp 900.000      | Rp 9.100.000 |
      | 11      | sangat_kurang   | 20     | 80      | Rp 1.200.000    | Rp 8.800.000 |
      | 31      | sangat_kurang   | 20     | 80      | Rp 1.200.000    | Rp 8.800.000 |

  Skenario: Tukin KLH: pesan rincian menyebut jumlah laporan dan predikatnya
    Ketika keputusan "tpp" dihitung dengan:
      | masukan                                | nilai |
      | laporan_harian_tidak_sesuai_ekspektasi | 6     |
    Maka pesan rincian "predikat_kurang" berbunyi "6 laporan harian tidak sesuai ekspektasi, predikat Kurang: bagian kinerja dibayar 85%"
    Dan jejak mencatat parameter "bobot_kinerja" bernilai "60" sejak "2025-01-01"
    Dan jejak mencatat turunan "bagian_kinerja" bernilai "6000000"

  Skenario: Tukin KLH: CPNS menerima 80 % tunjangan kinerja kelas jabatan
    Ketika keputusan "tpp" dihitung dengan:
      | masukan | nilai |
      | cpns    | ya    |
    Maka TPP yang diterima "Rp 8.000.000"
    Dan keluaran "potongan_cpns_rupiah" bernilai "Rp 2.000.000"
    Dan rincian potongan hanya aturan "cpns"
    Dan jejak menyebut aturan "cpns" dengan dasar hukum yang memuat "CPNS menerima 80 %"

  Skenario: Tukin KLH: tidak menyampaikan laporan bulanan memotong 35 %
    Ketika keputusan "tpp" dihitung dengan:
      | masukan                     | nilai |
      | laporan_bulanan_disampaikan | tidak |
    Maka keluaran "potongan_laporan_bulanan_persen" bernilai "35"
    Dan keluaran "potongan_laporan_bulanan_rupiah" bernilai "Rp 3.500.000"
    Dan TPP yang diterima "Rp 6.500.000"
    Dan rincian potongan hanya aturan "tanpa_laporan_bulanan"
    Dan pesan rincian "tanpa_laporan_bulanan" berbunyi "Tidak menyampaikan laporan bulanan: tunjangan kinerja dipotong 35%"

  Skenario: Tukin KLH: CPNS Sangat Kurang tanpa laporan bulanan, setiap potongan tercatat
    Ketika keputusan "tpp" dihitung dengan:
      | masukan                                | nilai |
      | cpns                                   | ya    |
      | laporan_harian_tidak_sesuai_ekspektasi | 11    |
      | laporan_bulanan_disampaikan            | tidak |
    Maka keluaran "potongan_cpns_rupiah" bernilai "Rp 2.000.000"
    Dan keluaran "potongan_predikat_rupiah" bernilai "Rp 960.000"
    Dan keluaran "potongan_laporan_bulanan_rupiah" bernilai "Rp 2.800.000"
    Dan TPP yang diterima "Rp 4.240.000"
    Dan rincian potongan berisi tepat aturan:
      | aturan                 |
      | cpns                   |
      | predikat_sangat_kurang |
      | tanpa_laporan_bulanan  |
    Dan setiap potongan dalam rincian tercatat dalam jejak

  Skenario: Tukin KLH: jumlah laporan harian lebih dari 31 ditolak
    Ketika keputusan "tpp" dihitung dengan:
      | masukan                                | nilai |
      | laporan_harian_tidak_sesuai_ekspektasi | 32    |
    Maka perhitungan ditolak dengan kode "eval.above_maximum"
