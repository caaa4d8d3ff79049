# language: id
Fitur: Kurva distribusi predikat pegawai menurut capaian kinerja organisasi
  SE MenPANRB 3/2023 menetapkan pola distribusi predikat pegawai di satu unit menurut predikat
  kinerja organisasinya (Istimewa, Baik, Butuh Perbaikan, Kurang, Sangat Kurang). Setiap kuota
  yang dilanggar dilaporkan sebagai satu pelanggaran dengan pesannya; kurva sesuai bila tidak
  ada pelanggaran. Kuota dalam persen diubah menjadi jumlah orang: batas "paling banyak"
  dibulatkan ke bawah dan batas "paling sedikit" dibulatkan ke atas.

  Latar Belakang:
    Dengan paket "permenpanrb-6-2022"

  Skenario konsep: Distribusi yang memenuhi kurva organisasi <organisasi>
    Ketika unit berpredikat "<organisasi>" berisi <sb> Sangat Baik, <b> Baik, <bp> Butuh Perbaikan, <k> Kurang dan <sk> Sangat Kurang
    Maka kurva sesuai
    Dan tidak ada pelanggaran
    Dan jejak tidak mencatat aturan yang menyala

    Contoh:
      | organisasi      | sb | b | bp | k | sk |
      | istimewa        | 7  | 3 | 0  | 0 | 0  |
      | baik            | 2  | 7 | 1  | 0 | 0  |
      | butuh_perbaikan | 1  | 3 | 6  | 0 | 0  |
      | kurang          | 1  | 2 | 1  | 6 | 0  |
      | sangat_kurang   | 0  | 3 | 0  | 1 | 6  |

  Skenario konsep: Kuota <aturan> dilanggar sendirian
    Ketika unit berpredikat "<organisasi>" berisi <sb> Sangat Baik, <b> Baik, <bp> Butuh Perbaikan, <k> Kurang dan <sk> Sangat Kurang
    Maka kurva tidak sesuai
    Dan pelanggaran hanya aturan "<aturan>"
    Dan jejak menyebut aturan "<aturan>" dengan dasar hukum yang memuat "SE MenPANRB 3/2023"

    Contoh:
      | organisasi      | sb | b | bp | k | sk | aturan                                   |
      | istimewa        | 8  | 2 | 0  | 0 | 0  | istimewa_sangat_baik_melebihi_batas      |
      | baik            | 1  | 8 | 1  | 0 | 0  | baik_baik_melebihi_batas                 |
      | baik            | 3  | 7 | 0  | 0 | 0  | baik_tanpa_butuh_perbaikan_atau_kurang   |
      | istimewa        | 3  | 4 | 0  | 0 | 0  | istimewa_sangat_baik_bukan_kelompok_terbesar |
      | baik            | 9  | 0 | 1  | 0 | 0  | baik_bukan_kelompok_terbesar             |
      | baik            | 3  | 2 | 4  | 1 | 0  | baik_bukan_kelompok_terbesar             |
      | butuh_perbaikan | 1  | 4 | 5  | 0 | 0  | bp_butuh_perbaikan_kurang_dari_batas     |
      | butuh_perbaikan | 2  | 2 | 6  | 0 | 0  | bp_sangat_baik_melebihi_batas            |
      | kurang          | 1  | 3 | 1  | 5 | 0  | kurang_kurang_kurang_dari_batas          |
      | kurang          | 1  | 2 | 0  | 7 | 0  | kurang_butuh_perbaikan_kurang_dari_batas |
      | kurang          | 2  | 1 | 1  | 6 | 0  | kurang_sangat_baik_melebihi_batas        |
      | sangat_kurang   | 0  | 4 | 0  | 1 | 5  | sk_sangat_kurang_kurang_dari_batas       |
      | sangat_kurang   | 0  | 3 | 0  | 0 | 7  | sk_kurang_atau_bp_kurang_dari_batas      |
      | sangat_kurang   | 1  | 2 | 1  | 0 | 6  | sk_ada_sangat_baik                       |

  Skenario: Beberapa kuota yang dilanggar sekaligus dilaporkan semuanya
    Ketika unit berpredikat "baik" berisi 0 Sangat Baik, 10 Baik, 0 Butuh Perbaikan, 0 Kurang dan 0 Sangat Kurang
    Maka kurva tidak sesuai
    Dan pelanggaran memuat aturan "baik_baik_melebihi_batas"
    Dan pelanggaran memuat aturan "baik_tanpa_butuh_perbaikan_atau_kurang"
    Dan pesan pelanggaran "baik_baik_melebihi_batas" berbunyi "Organisasi Baik: 10 pegawai Baik, paling banyak 7 dari 10"
    Dan pesan pelanggaran "baik_tanpa_butuh_perbaikan_atau_kurang" berbunyi "Organisasi Baik: 0 pegawai Butuh Perbaikan/Kurang, paling sedikit 1"

  Skenario konsep: Unit kecil tepat di batas kuota (<organisasi>, <pegawai> pegawai)
    Ketika unit berpredikat "<organisasi>" berisi <sb> Sangat Baik, <b> Baik, <bp> Butuh Perbaikan, <k> Kurang dan <sk> Sangat Kurang
    Maka kurva sesuai
    Dan tidak ada pelanggaran
    Dan jejak mencatat turunan "jumlah_pegawai" bernilai "<pegawai>"

    Contoh: batas paling banyak dibulatkan ke bawah, paling sedikit dibulatkan ke atas
      | organisasi      | pegawai | sb | b | bp | k | sk |
      | istimewa        | 1       | 0  | 1 | 0  | 0 | 0  |
      | istimewa        | 2       | 1  | 1 | 0  | 0 | 0  |
      | istimewa        | 3       | 2  | 1 | 0  | 0 | 0  |
      | istimewa        | 5       | 3  | 2 | 0  | 0 | 0  |
      | baik            | 1       | 0  | 0 | 1  | 0 | 0  |
      | baik            | 2       | 0  | 1 | 1  | 0 | 0  |
      | baik            | 3       | 0  | 2 | 1  | 0 | 0  |
      | butuh_perbaikan | 1       | 0  | 0 | 1  | 0 | 0  |
      | butuh_perbaikan | 2       | 0  | 0 | 2  | 0 | 0  |
      | butuh_perbaikan | 3       | 0  | 1 | 2  | 0 | 0  |
      | butuh_perbaikan | 5       | 0  | 2 | 3  | 0 | 0  |
      | kurang          | 3       | 0  | 0 | 1  | 2 | 0  |
      | sangat_kurang   | 3       | 0  | 0 | 0  | 1 | 2  |

  Skenario konsep: Unit kecil yang melewati satu batas kuota (<organisasi>, <pegawai> pegawai)
    Ketika unit berpredikat "<organisasi>" berisi <sb> Sangat Baik, <b> Baik, <bp> Butuh Perbaikan, <k> Kurang dan <sk> Sangat Kurang
    Maka kurva tidak sesuai
    Dan pelanggaran hanya aturan "<aturan>"
    Dan pesan pelanggaran "<aturan>" berbunyi "<pesan>"
    Dan jejak mencatat turunan "jumlah_pegawai" bernilai "<pegawai>"

    Contoh: batas paling banyak dibulatkan ke bawah (floor)
      | organisasi      | pegawai | sb | b | bp | k | sk | aturan                              | pesan                                                                      |
      | istimewa        | 1       | 1  | 0 | 0  | 0 | 0  | istimewa_sangat_baik_melebihi_batas | Organisasi Istimewa: 1 pegawai Sangat Baik, paling banyak 0 dari 1         |
      | istimewa        | 2       | 2  | 0 | 0  | 0 | 0  | istimewa_sangat_baik_melebihi_batas | Organisasi Istimewa: 2 pegawai Sangat Baik, paling banyak 1 dari 2         |
      | istimewa        | 3       | 3  | 0 | 0  | 0 | 0  | istimewa_sangat_baik_melebihi_batas | Organisasi Istimewa: 3 pegawai Sangat Baik, paling banyak 2 dari 3         |
      | istimewa        | 5       | 4  | 1 | 0  | 0 | 0  | istimewa_sangat_baik_melebihi_batas | Organisasi Istimewa: 4 pegawai Sangat Baik, paling banyak 3 dari 5         |
      | baik            | 4       | 0  | 3 | 1  | 0 | 0  | baik_baik_melebihi_batas            | Organisasi Baik: 3 pegawai Baik, paling banyak 2 dari 4                    |
      | butuh_perbaikan | 5       | 1  | 1 | 3  | 0 | 0  | bp_sangat_baik_melebihi_batas       | Organisasi Butuh Perbaikan: 1 pegawai Sangat Baik, paling banyak 0 dari 5  |

    Contoh: batas paling sedikit dibulatkan ke atas (ceil)
      | organisasi      | pegawai | sb | b | bp | k | sk | aturan                               | pesan                                                                                |
      | butuh_perbaikan | 1       | 0  | 1 | 0  | 0 | 0  | bp_butuh_perbaikan_kurang_dari_batas | Organisasi Butuh Perbaikan: 0 pegawai Butuh Perbaikan, paling sedikit 1 dari 1       |
      | butuh_perbaikan | 2       | 0  | 1 | 1  | 0 | 0  | bp_butuh_perbaikan_kurang_dari_batas | Organisasi Butuh Perbaikan: 1 pegawai Butuh Perbaikan, paling sedikit 2 dari 2       |
      | butuh_perbaikan | 3       | 0  | 2 | 1  | 0 | 0  | bp_butuh_perbaikan_kurang_dari_batas | Organisasi Butuh Perbaikan: 1 pegawai Butuh Perbaikan, paling sedikit 2 dari 3       |
      | butuh_perbaikan | 5       | 0  | 3 | 2  | 0 | 0  | bp_butuh_perbaikan_kurang_dari_batas | Organisasi Butuh Perbaikan: 2 pegawai Butuh Perbaikan, paling sedikit 3 dari 5       |
      | kurang          | 3       | 0  | 1 | 1  | 1 | 0  | kurang_kurang_kurang_dari_batas      | Organisasi Kurang: 1 pegawai Kurang/Misconduct, paling sedikit 2 dari 3              |
      | sangat_kurang   | 3       | 0  | 1 | 0  | 0 | 2  | sk_kurang_atau_bp_kurang_dari_batas  | Organisasi Sangat Kurang: 0 pegawai Kurang/Butuh Perbaikan, paling sedikit 1 dari 3  |

  Skenario: Tanpa angka dari regulator, "sebagian besar" Sangat Baik berarti kelompok terbesar, bukan bagian tertentu
    Ketika unit berpredikat "istimewa" berisi 2 Sangat Baik, 1 Baik, 1 Butuh Perbaikan, 1 Kurang dan 0 Sangat Kurang
    Maka kurva sesuai
    Dan jejak mencatat parameter "kurva_istimewa_min_sangat_baik" bernilai "0" sejak "2023-01-31"
    Dan jejak mencatat parameter "kurva_istimewa_kelompok_terbesar" bernilai "1" sejak "2023-01-31"

  Skenario: Unit Baik yang semua pegawainya Sangat Baik melanggar BAIK-1 dan BAIK-2 (skenario latihan T05)
    Ketika unit berpredikat "baik" berisi 10 Sangat Baik, 0 Baik, 0 Butuh Perbaikan, 0 Kurang dan 0 Sangat Kurang
    Maka kurva tidak sesuai
    Dan pelanggaran memuat aturan "baik_bukan_kelompok_terbesar"
    Dan pelanggaran memuat aturan "baik_tanpa_butuh_perbaikan_atau_kurang"
    Dan pesan pelanggaran "baik_bukan_kelompok_terbesar" berbunyi "Organisasi Baik: 0 pegawai Baik, padahal Baik harus kelompok terbesar (kelompok lain: 10)"

  Skenario: Pada unit kecil batas 70 % didahulukan atas "kelompok terbesar"
    Ketika unit berpredikat "baik" berisi 0 Sangat Baik, 0 Baik, 1 Butuh Perbaikan, 0 Kurang dan 0 Sangat Kurang
    Maka kurva sesuai
    Dan jejak mencatat turunan "batas_baik_terbesar" bernilai "0"

  Skenario: Bila regulator mematikan "kelompok terbesar", 9 Sangat Baik dan 1 Butuh Perbaikan di unit Baik sesuai
    Dengan paket sementara berikut:
      """yaml
      pack: uji-baik-tanpa-kelompok-terbesar
      title: Uji — organisasi Baik tanpa syarat kelompok terbesar
      extends: permenpanrb-6-2022
      effective_from: 2023-01-31
      parameters:
        kurva_baik_kelompok_terbesar:
          cite: Uji pilihan terbuka SE MenPANRB 3/2023 ("sebagian besar" tidak diperiksa)
          values: {2023-01-31: 0}
      """
    Ketika unit berpredikat "baik" berisi 9 Sangat Baik, 0 Baik, 1 Butuh Perbaikan, 0 Kurang dan 0 Sangat Kurang
    Maka kurva sesuai
    Dan jejak mencatat parameter "kurva_baik_kelompok_terbesar" bernilai "0" sejak "2023-01-31"

  Skenario: Bila regulator mengisi batas bawah 50 %, 3 dari 5 pegawai Sangat Baik memenuhi kurva
    Dengan paket sementara berikut:
      """yaml
      pack: uji-istimewa-paling-sedikit-50
      title: Uji — organisasi Istimewa paling sedikit 50 % pegawai Sangat Baik
      extends: permenpanrb-6-2022
      effective_from: 2023-01-31
      parameters:
        kurva_istimewa_min_sangat_baik:
          cite: Uji pilihan terbuka SE MenPANRB 3/2023 ("sebagian besar" = paling sedikit 50 %)
          values: {2023-01-31: 0.5}
      """
    Ketika unit berpredikat "istimewa" berisi 3 Sangat Baik, 2 Baik, 0 Butuh Perbaikan, 0 Kurang dan 0 Sangat Kurang
    Maka kurva sesuai
    Dan jejak mencatat parameter "kurva_istimewa_min_sangat_baik" bernilai "0.5" sejak "2023-01-31"

  Skenario: Bila regulator mengisi batas bawah 50 %, 2 dari 5 pegawai Sangat Baik melanggarnya
    Dengan paket sementara berikut:
      """yaml
      pack: uji-istimewa-paling-sedikit-50
      title: Uji — organisasi Istimewa paling sedikit 50 % pegawai Sangat Baik
      extends: permenpanrb-6-2022
      effective_from: 2023-01-31
      parameters:
        kurva_istimewa_min_sangat_baik:
          cite: Uji pilihan terbuka SE MenPANRB 3/2023 ("sebagian besar" = paling sedikit 50 %)
          values: {2023-01-31: 0.5}
      """
    Ketika unit berpredikat "istimewa" berisi 2 Sangat Baik, 1 Baik, 1 Butuh Perbaikan, 1 Kurang dan 0 Sangat Kurang
    Maka kurva tidak sesuai
    Dan pelanggaran hanya aturan "istimewa_sangat_baik_kurang_dari_sebagian_besar"
    Dan pesan pelanggaran "istimewa_sangat_baik_kurang_dari_sebagian_besar" berbunyi "Organisasi Istimewa: 2 pegawai Sangat Baik, paling sedikit 3 dari 5"
    Dan jejak menyebut aturan "istimewa_sangat_baik_kurang_dari_sebagian_besar" dengan dasar hukum yang memuat "SE MenPANRB 3/2023"

  Skenario: Jumlah pegawai harus bilangan bulat
    Ketika keputusan "kurva" dihitung dengan:
      | masukan                | nilai    |
      | predikat_organisasi    | istimewa |
      | jumlah_sangat_baik     | 2.5      |
      | jumlah_baik            | 1        |
      | jumlah_butuh_perbaikan | 0        |
      | jumlah_kurang          | 0        |
      | jumlah_sangat_kurang   | 0        |
    Maka perhitungan ditolak dengan kode "eval.not_integer"

  Skenario konsep: Unit satu orang dengan pembulatan bawaan: organisasi <organisasi> tidak dapat memberi <predikat>
    Satu-satunya sebaran satu orang yang memuat predikat itu melanggar kurva, jadi predikat itu
    tidak mungkin. `ekinerja rules check` mencatatnya dan `ekinerja rules kurva` menampilkan
    tabelnya untuk unit 1–20 orang.
    Ketika unit berpredikat "<organisasi>" berisi <sb> Sangat Baik, <b> Baik, 0 Butuh Perbaikan, 0 Kurang dan 0 Sangat Kurang
    Maka kurva tidak sesuai
    Dan pelanggaran memuat aturan "<aturan>"

    Contoh:
      | organisasi | predikat    | sb | b | aturan                              |
      | istimewa   | Sangat Baik | 1  | 0 | istimewa_sangat_baik_melebihi_batas |
      | baik       | Baik        | 0  | 1 | baik_baik_melebihi_batas            |
