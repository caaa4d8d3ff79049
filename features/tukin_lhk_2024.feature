# language: id
Fitur: Tunjangan kinerja Kementerian LHK menurut Permen LHK 6/2024 Pasal 19
  Capaian kinerja yang tidak mencapai target menentukan tunjangan kinerja TAHUN BERIKUTNYA:
  predikat Cukup/Butuh Perbaikan 90 %, Kurang 85 %, Sangat Kurang 80 % dari tunjangan kinerja
  kelas jabatan; Baik dan Sangat Baik tidak mengurangi. Keputusan menyebut tahun yang dibayar.
  Contoh memakai tunjangan kinerja kelas jabatan 9 Kementerian LHK, Rp 5.079.200.

  Latar Belakang:
    Dengan paket "tukin-lhk-2024"
    Dan masukan:
      | masukan                         | nilai   |
      | tunjangan_kinerja_kelas_jabatan | 5079200 |
      | tahun_penilaian                 | 2024    |

  Skenario konsep: Tukin LHK: predikat <predikat> tidak mengurangi tunjangan kinerja tahun berikutnya
    Ketika keputusan "tpp" dihitung dengan:
      | masukan  | nilai      |
      | predikat | <predikat> |
    Maka TPP yang diterima "Rp 5.079.200"
    Dan keluaran "dibayar_persen" bernilai "100"
    Dan keluaran "tahun_dibayar" bernilai "2025"
    Dan rincian potongan kosong
    Dan jejak tidak mencatat aturan yang menyala

    Contoh:
      | predikat    |
      | sangat_baik |
      | baik        |

  Skenario konsep: Tukin LHK: predikat <predikat> pada 2024 membayar <dibayar> % pada 2025
    Ketika keputusan "tpp" dihitung dengan:
      | masukan  | nilai      |
      | predikat | <predikat> |
    Maka keluaran "tahun_dibayar" bernilai "2025"
    Dan keluaran "dibayar_persen" bernilai "<dibayar>"
    Dan keluaran "potongan_predikat_persen" bernilai "<potongan>"
    Dan keluaran "potongan_predikat_rupiah" bernilai "<potongan_rupiah>"
    Dan TPP yang diterima "<tpp>"
    Dan rincian potongan hanya aturan "predikat_<predikat>"
    Dan setiap potongan dalam rincian tercatat dalam jejak
    Dan jejak menyebut aturan "predikat_<predikat>" dengan dasar hukum yang memuat "Permen LHK 6/2024 Pasal 19 huruf <huruf>"
    Dan jejak menyebut aturan "predikat_<predikat>" dengan dasar hukum yang memuat "tahun berikutnya <dibayar> %"

    Contoh:
      | predikat        | dibayar | potongan | potongan_rupiah | tpp          | huruf |
      | butuh_perbaikan | 90      | 10       | Rp 507.920      | Rp 4.571.280 | a     |
      | kurang          | 85      | 15       | Rp 761.880      | Rp 4.317.320 | b     |
      | sangat_kurang   | 80      | 20       | Rp 1.015.840    | Rp 4.063.360 | c     |

  Skenario: Tukin LHK: rincian menyebut tahun penilaian dan tahun yang dibayar
    Ketika keputusan "tpp" dihitung dengan:
      | masukan         | nilai  |
      | predikat        | kurang |
      | tahun_penilaian | 2025   |
    Maka keluaran "tahun_dibayar" bernilai "2026"
    Dan pesan rincian "predikat_kurang" berbunyi "Predikat Kurang pada 2025: tunjangan kinerja tahun 2026 dibayar 85% dari kelas jabatan"
    Dan jejak mencatat parameter "selisih_tahun_pembayaran" bernilai "1" sejak "2024-01-01"

  Skenario konsep: Tukin LHK: tahun penilaian <tahun> di batas berlakunya
    Ketika keputusan "tpp" dihitung dengan:
      | masukan         | nilai   |
      | predikat        | baik    |
      | tahun_penilaian | <tahun> |
    Maka keluaran "tahun_dibayar" bernilai "<dibayar>"

    Contoh:
      | tahun | dibayar |
      | 2024  | 2025    |
      | 2100  | 2101    |

  Skenario: Tukin LHK: tahun penilaian sebelum Permen LHK 6/2024 ditolak
    Ketika keputusan "tpp" dihitung dengan:
      | masukan         | nilai |
      | predikat        | baik  |
      | tahun_penilaian | 2023  |
    Maka perhitungan ditolak dengan kode "eval.below_minimum"

  Skenario: Tukin LHK: predikat di luar daftar ditolak
    Ketika keputusan "tpp" dihitung dengan:
      | masukan  | nilai |
      | predikat | cukup |
    Maka perhitungan ditolak dengan kode "eval.bad_enum"
