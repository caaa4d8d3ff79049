# language: id
Fitur: Predikat kinerja pegawai dari kuadran hasil kerja × perilaku kerja
  PermenPANRB 6/2022 Lampiran menetapkan predikat kinerja pegawai dari dua rating, masing-masing
  Di Atas, Sesuai atau Di Bawah Ekspektasi. Setiap sel kuadran 3×3 menghasilkan tepat satu
  predikat, dan jejak perhitungannya menyebut sel yang dipakai beserta dasar hukumnya.
  Perilaku di bawah ekspektasi berarti Kurang/Misconduct; hasil di bawah ekspektasi berarti
  Butuh Perbaikan; keduanya di bawah berarti Sangat Kurang; Sangat Baik hanya bila keduanya di atas.

  Latar Belakang:
    Dengan paket "permenpanrb-6-2022"

  Skenario konsep: Hasil kerja <hasil_kerja> dan perilaku <perilaku> menghasilkan predikat <predikat>
    Ketika rating hasil kerja "<hasil_kerja>" dan rating perilaku "<perilaku>"
    Maka predikatnya "<predikat>"
    Dan jejak menyebut aturan "<aturan>" dengan dasar hukum yang memuat "PermenPANRB 6/2022"

    Contoh:
      | hasil_kerja | perilaku | predikat        | aturan                 |
      | di_atas     | di_atas  | sangat_baik     | hk_di_atas_pk_di_atas  |
      | di_atas     | sesuai   | baik            | hk_di_atas_pk_sesuai   |
      | di_atas     | di_bawah | kurang          | hk_di_atas_pk_di_bawah |
      | sesuai      | di_atas  | baik            | hk_sesuai_pk_di_atas   |
      | sesuai      | sesuai   | baik            | hk_sesuai_pk_sesuai    |
      | sesuai      | di_bawah | kurang          | hk_sesuai_pk_di_bawah  |
      | di_bawah    | di_atas  | butuh_perbaikan | hk_di_bawah_pk_di_atas |
      | di_bawah    | sesuai   | butuh_perbaikan | hk_di_bawah_pk_sesuai  |
      | di_bawah    | di_bawah | sangat_kurang   | hk_di_bawah_pk_di_bawah |

  Skenario: Rating di luar tiga pilihan ekspektasi ditolak
    Ketika rating hasil kerja "luar_biasa" dan rating perilaku "sesuai"
    Maka perhitungan ditolak dengan kode "eval.bad_enum"

  Skenario: Rating perilaku yang tidak diisi ditolak
    Ketika keputusan "predikat" dihitung dengan:
      | masukan            | nilai   |
      | rating_hasil_kerja | di_atas |
    Maka perhitungan ditolak dengan kode "eval.missing_input"

  Skenario konsep: Pimpinan unit memperoleh rating hasil kerja dari capaian organisasinya
    Ketika keputusan "rating_hasil_kerja_pimpinan" dihitung dengan:
      | masukan             | nilai        |
      | predikat_organisasi | <organisasi> |
    Maka keluaran "rating_hasil_kerja" bernilai "<rating>"
    Dan jejak menyebut aturan "organisasi_<organisasi>" dengan dasar hukum yang memuat "SE MenPANRB 3/2023"
    Dan jejak mencatat parameter "rating_pimpinan_<organisasi>" bernilai "<rating>" sejak "2023-01-31"

    Contoh:
      | organisasi      | rating   |
      | istimewa        | di_atas  |
      | baik            | sesuai   |
      | butuh_perbaikan | di_bawah |
      | kurang          | di_bawah |
      | sangat_kurang   | di_bawah |
