# language: id
Fitur: Tunjangan kinerja Bakamla menurut Perban Bakamla 1/2023 Pasal 11
  Predikat capaian kinerja satu bulan memotong tunjangan kinerja bulan itu: Sangat Kurang 2 %,
  Kurang 1 % dari besaran tunjangan kinerja sesuai tugas atau jabatannya; Butuh Perbaikan, Baik
  dan Sangat Baik tidak dipotong (Pasal 11 huruf a–e). Contoh memakai tunjangan kinerja
  Rp 8.000.000.

  Latar Belakang:
    Dengan paket "tukin-bakamla-2023"
    Dan masukan:
      | masukan                         | nilai   |
      | tunjangan_kinerja_kelas_jabatan | 8000000 |

  Skenario konsep: Tukin Bakamla: predikat <predikat> tidak dipotong
    Ketika keputusan "tpp" dihitung dengan:
      | masukan  | nilai      |
      | predikat | <predikat> |
    Maka TPP yang diterima "Rp 8.000.000"
    Dan keluaran "potongan_predikat_persen" bernilai "0"
    Dan keluaran "potongan_predikat_rupiah" bernilai "Rp 0"
    Dan rincian potongan kosong
    Dan jejak tidak mencatat aturan yang menyala

    Contoh:
      | predikat        |
      | sangat_baik     |
      | baik            |
      | butuh_perbaikan |

  Skenario konsep: Tukin Bakamla: predikat <predikat> memotong tunjangan kinerja <persen> %
    Ketika keputusan "tpp" dihitung dengan:
      | masukan  | nilai      |
      | predikat | <predikat> |
    Maka keluaran "potongan_predikat_persen" bernilai "<persen>"
    Dan keluaran "potongan_predikat_rupiah" bernilai "<potongan_rupiah>"
    Dan TPP yang diterima "<tpp>"
    Dan rincian potongan hanya aturan "predikat_<predikat>"
    Dan setiap potongan dalam rincian tercatat dalam jejak
    Dan jejak menyebut aturan "predikat_<predikat>" dengan dasar hukum yang memuat "Perban Bakamla 1/2023 Pasal 11 huruf <huruf>"
    Dan jejak menyebut aturan "predikat_<predikat>" dengan dasar hukum yang memuat "dipotong <persen> %"

    Contoh:
      | predikat      | persen | potongan_rupiah | tpp          | huruf |
      | kurang        | 1      | Rp 80.000       | Rp 7.920.000 | b     |
      | sangat_kurang | 2      | Rp 160.000      | Rp 7.840.000 | a     |

  Skenario: Tukin Bakamla: pesan rincian menyebut predikat dan potongannya
    Ketika keputusan "tpp" dihitung dengan:
      | masukan  | nilai         |
      | predikat | sangat_kurang |
    Maka pesan rincian "predikat_sangat_kurang" berbunyi "Predikat Sangat Kurang bulan ini: tunjangan kinerja dipotong 2%"
    Dan jejak mencatat parameter "potongan_sangat_kurang" bernilai "2" sejak "2023-01-01"

  Skenario: Tukin Bakamla: tunjangan kinerja nol tetap nol
    Ketika keputusan "tpp" dihitung dengan:
      | masukan                         | nilai  |
      | tunjangan_kinerja_kelas_jabatan | 0      |
      | predikat                        | kurang |
    Maka TPP yang diterima "Rp 0"
    Dan keluaran "potongan_predikat_rupiah" bernilai "Rp 0"

  Skenario: Tukin Bakamla: tunjangan kinerja negatif ditolak
    Ketika keputusan "tpp" dihitung dengan:
      | masukan                         | nilai |
      | tunjangan_kinerja_kelas_jabatan | -1    |
      | predikat                        | baik  |
    Maka perhitungan ditolak dengan kode "eval.below_minimum"

  Skenario: Tukin Bakamla: predikat wajib diisi
    Ketika keputusan "tpp" dihitung
    Maka perhitungan ditolak dengan kode "eval.missing_input"
