# language: id
Fitur: Tunjangan kinerja Kementerian Agama menurut PMA 29/2016
  Nilai prestasi kerja tahun sebelumnya (sebutan PP 46/2011) memotong tunjangan kinerja tahun
  berjalan: Cukup 25 %, Kurang 50 %, Buruk 75 %; Baik dan Sangat Baik tidak memotong. Keputusan
  menyebut tahun yang dibayar. Contoh memakai tunjangan kinerja kelas jabatan Rp 4.000.000.

  Latar Belakang:
    Dengan paket "tukin-kemenag-2016"
    Dan masukan:
      | masukan                         | nilai   |
      | tunjangan_kinerja_kelas_jabatan | 4000000 |
      | tahun_penilaian                 | 2016    |

  Skenario konsep: Tukin Kemenag: nilai prestasi kerja <nilai> tidak memotong tunjangan kinerja
    Ketika keputusan "tpp" dihitung dengan:
      | masukan              | nilai   |
      | nilai_prestasi_kerja | <nilai> |
    Maka TPP yang diterima "Rp 4.000.000"
    Dan keluaran "potongan_prestasi_kerja_persen" bernilai "0"
    Dan keluaran "tahun_dibayar" bernilai "2017"
    Dan rincian potongan kosong
    Dan jejak tidak mencatat aturan yang menyala

    Contoh:
      | nilai       |
      | sangat_baik |
      | baik        |

  Skenario konsep: Tukin Kemenag: nilai prestasi kerja <nilai> pada 2016 memotong tunjangan kinerja 2017 <persen> %
    Ketika keputusan "tpp" dihitung dengan:
      | masukan              | nilai   |
      | nilai_prestasi_kerja | <nilai> |
    Maka keluaran "tahun_dibayar" bernilai "2017"
    Dan keluaran "potongan_prestasi_kerja_persen" bernilai "<persen>"
    Dan keluaran "potongan_prestasi_kerja_rupiah" bernilai "<potongan_rupiah>"
    Dan TPP yang diterima "<tpp>"
    Dan rincian potongan hanya aturan "prestasi_<nilai>"
    Dan setiap potongan dalam rincian tercatat dalam jejak
    Dan jejak menyebut aturan "prestasi_<nilai>" dengan dasar hukum yang memuat "PMA 29/2016"
    Dan jejak menyebut aturan "prestasi_<nilai>" dengan dasar hukum yang memuat "dipotong <persen> %"

    Contoh:
      | nilai  | persen | potongan_rupiah | tpp          |
      | cukup  | 25     | Rp 1.000.000    | Rp 3.000.000 |
      | kurang | 50     | Rp 2.000.000    | Rp 2.000.000 |
      | buruk  | 75     | Rp 3.000.000    | Rp 1.000.000 |

  Skenario: Tukin Kemenag: rincian menyebut tahun penilaian dan tahun yang dipotong
    Ketika keputusan "tpp" dihitung dengan:
      | masukan              | nilai |
      | nilai_prestasi_kerja | buruk |
      | tahun_penilaian      | 2018  |
    Maka keluaran "tahun_dibayar" bernilai "2019"
    Dan pesan rincian "prestasi_buruk" berbunyi "Nilai prestasi kerja 2018 Buruk: tunjangan kinerja tahun 2019 dipotong 75%"
    Dan jejak mencatat parameter "selisih_tahun_pembayaran" bernilai "1" sejak "2016-01-01"

  Skenario konsep: Tukin Kemenag: tahun penilaian <tahun> di batas yang diterima
    Ketika keputusan "tpp" dihitung dengan:
      | masukan              | nilai   |
      | nilai_prestasi_kerja | baik    |
      | tahun_penilaian      | <tahun> |
    Maka keluaran "tahun_dibayar" bernilai "<dibayar>"

    Contoh:
      | tahun | dibayar |
      | 2015  | 2016    |
      | 2100  | 2101    |

  Skenario: Tukin Kemenag: tahun penilaian sebelum 2015 ditolak
    Ketika keputusan "tpp" dihitung dengan:
      | masukan              | nilai |
      | nilai_prestasi_kerja | baik  |
      | tahun_penilaian      | 2014  |
    Maka perhitungan ditolak dengan kode "eval.below_minimum"

  Skenario: Tukin Kemenag: predikat PermenPANRB 6/2022 bukan sebutan PP 46/2011 dan ditolak
    Ketika keputusan "tpp" dihitung dengan:
      | masukan              | nilai           |
      | nilai_prestasi_kerja | butuh_perbaikan |
    Maka perhitungan ditolak dengan kode "eval.bad_enum"
