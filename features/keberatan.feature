# language: id
Fitur: Batas waktu keberatan atas hasil penilaian kinerja
  PP 30/2019 Pasal 59: pegawai dapat mengajukan keberatan kepada atasan pejabat penilai kinerja
  paling lama 14 hari setelah hasil penilaian diterima; keputusan atasan bersifat final.

  Latar Belakang:
    Dengan paket "pp-30-2019"

  Skenario konsep: Keberatan <hari> hari setelah hasil diterima
    Ketika keberatan diajukan <hari> hari setelah hasil penilaian diterima
    Maka keluaran "keberatan_dapat_diajukan" bernilai "<dapat>"
    Dan keluaran "keterangan" memuat "14 hari"
    Dan jejak menyebut aturan "<aturan>" dengan dasar hukum yang memuat "PP 30/2019 Pasal 59"

    Contoh:
      | hari | dapat | aturan            |
      | 0    | ya    | dalam_batas_waktu |
      | 1    | ya    | dalam_batas_waktu |
      | 14   | ya    | dalam_batas_waktu |
      | 15   | tidak | lewat_batas_waktu |
      | 30   | tidak | lewat_batas_waktu |

  Skenario: Keterangan menyebut berapa hari sudah lewat
    Ketika keberatan diajukan 15 hari setelah hasil penilaian diterima
    Maka keluaran "keterangan" bernilai "Batas 14 hari sudah lewat (15 hari); keberatan tidak dapat diajukan lagi."

  Skenario: Jumlah hari tidak boleh negatif
    Ketika keberatan diajukan -1 hari setelah hasil penilaian diterima
    Maka perhitungan ditolak dengan kode "eval.below_minimum"
