"""Guidance for a first-timer, Indonesian first: the §1.4 step list, a hint per form field with the
common mistakes of WORKFLOW.md §4, and one help page per screen answering the FAQ topics.

Kept apart from the short messages of `catalog.py` because these are long texts a trainer may want
to edit; `catalog.py` merges them into the one catalog.
"""

from __future__ import annotations

GUIDANCE: dict[str, tuple[str, str]] = {
    # -- the step list (WORKFLOW.md §1.4), name and how ---------------------------------------------
    "tui.step.buat_skp": ("Buat SKP tahun ini", "Create this year's SKP"),
    "tui.step.buat_skp.cara": ("buka SKP Saya (F2), pilih pendekatan, tekan Buat SKP",
                               "open My SKP (F2), choose the approach, press Create SKP"),
    "tui.step.rhk": ("Tambah RHK", "Add an RHK"),
    "tui.step.rhk.cara": ("di SKP Saya pilih RHK atasan yang diintervensi, lalu tulis hasil kerja Anda",
                          "in My SKP choose the superior's RHK you intervene, then write your result"),
    "tui.step.indikator": ("Beri setiap RHK indikator dan target", "Give every RHK an indicator and target"),
    "tui.step.indikator.cara": ("di SKP Saya: pilih RHK, tulis indikator yang terukur, isi target dan satuan",
                                "in My SKP: choose the RHK, write a measurable indicator, fill target"
                                " and unit"),
    "tui.step.lampiran": ("Isi lampiran", "Fill in the lampiran"),
    "tui.step.lampiran.cara": ("di bagian bawah SKP Saya: dukungan sumber daya, skema, konsekuensi",
                               "at the bottom of My SKP: resources, accountability scheme, consequences"),
    "tui.step.ajukan": ("Ajukan SKP", "Submit the SKP"),
    "tui.step.ajukan.cara": ("di SKP Saya tekan Ajukan (F8) bila tidak ada lagi tanda ✗ di daftar periksa",
                             "in My SKP press Submit (F8) once no ✗ is left in the checklist"),
    "tui.step.disetujui": ("SKP disetujui pejabat penilai", "SKP approved by the appraiser"),
    "tui.step.disetujui.cara": ("tunggu keputusan; bila dikembalikan, baca catatannya dan perbaiki",
                                "wait for the decision; if returned, read the note and fix it"),
    "tui.step.rencana_aksi": ("Isi rencana aksi periode ini", "Fill in this period's action plan"),
    "tui.step.rencana_aksi.cara": ("Evaluasi (F7): pilih periode, pilih RHK, tulis rencana aksi",
                                   "Evaluation (F7): choose the period and RHK, write the action plan"),
    "tui.step.realisasi": ("Isi realisasi dan bukti dukung", "Enter realisation and evidence"),
    "tui.step.realisasi.cara": ("Evaluasi (F7): untuk setiap indikator isi realisasi dan tautan bukti",
                                "Evaluation (F7): for every indicator enter the realisation and a link"),
    "tui.step.dinilai": ("Dinilai pejabat penilai", "Rated by the appraiser"),
    "tui.step.dinilai.cara": ("tunggu penilaian; hasil dan alasannya tampil di Evaluasi (F7)",
                              "wait for the rating; the result and why show in Evaluation (F7)"),
    "tui.step.dokumen": ("Dokumen evaluasi terbit", "Evaluation document issued"),
    "tui.step.dokumen.cara": ("setelah periode terkunci: Evaluasi (F7) → Dokumen (F8) → Terbitkan",
                              "once the period is locked: Evaluation (F7) → Document (F8) → Issue"),
    "tui.step.final": ("Hasil final (TPP dapat dihitung)", "Final result (TPP can be computed)"),
    "tui.step.final.cara": ("setelah masa keberatan lewat; lihat TPP di Dokumen (F8)",
                            "after the objection window; see TPP in the Document (F8)"),
    "tui.step.putuskan_bawahan": ("Putuskan SKP bawahan", "Decide your staff's SKPs"),
    "tui.step.putuskan_bawahan.cara": ("SKP Bawahan (F3): setujui, atau kembalikan dengan catatan",
                                       "Subordinates (F3): approve, or return with a note"),
    "tui.step.matriks": ("Periksa Matriks Peran Hasil", "Check the role–result matrix"),
    "tui.step.matriks.cara": ("Matriks (F8): setiap bawahan memikul hasil Anda, bebannya merata",
                              "Matrix (F8): every subordinate carries your results, evenly"),
    "tui.step.nilai_bawahan": ("Nilai bawahan periode ini", "Rate your staff this period"),
    "tui.step.nilai_bawahan.cara": ("Penilaian (F9): umpan balik, rating hasil kerja dan perilaku",
                                    "Rating (F9): feedback, work-result and behaviour ratings"),

    # -- a hint per field: what good looks like, and the usual mistake ---------------------------------
    "tui.hint.cari": ("Ketik sebagian nama atau NIP, lalu Enter. Pelatih ada di baris paling atas.",
                      "Type part of a name or NIP, then Enter. The trainer is on the top row."),
    "tui.hint.pendekatan": (
        "Kuantitatif: hasil diukur dengan angka. Kualitatif: dinilai dari mutu, bila angka tidak bermakna."
        " SKP dibuat untuk SATU TAHUN, bukan per bulan.",
        "Quantitative: results measured by numbers. Qualitative: judged on quality, where numbers mean"
        " little. The SKP covers ONE YEAR, not a month."),
    "tui.hint.induk": (
        "Pilih RHK atasan yang hasil kerja Anda dukung. Daftar kosong? Atasan belum punya SKP yang disetujui:"
        " minta beliau menyelesaikannya dulu.",
        "Choose the superior's RHK your work supports. Empty list? Your superior has no approved SKP yet:"
        " ask them to finish it first."),
    "tui.hint.jenis": ("Utama: hasil pokok jabatan Anda. Tambahan: tugas di luar jabatan (penugasan).",
                       "Main: the core result of your position. Additional: duties outside it"
                       " (assignments)."),
    "tui.hint.rhk-teks": (
        "Tulis HASIL, bukan kegiatan. Baik: \"Tersusunnya laporan keuangan triwulan yang tepat waktu\"."
        " Keliru: \"Menyusun laporan\" (itu kegiatan).",
        "Write a RESULT, not an activity. Good: \"Quarterly financial reports delivered on time\"."
        " Wrong: \"Write reports\" (that is an activity)."),
    "tui.hint.ind-rhk": ("Pilih RHK yang akan diberi indikator.", "Choose the RHK this indicator measures."),
    "tui.hint.aspek": ("Aspek: kuantitas (berapa), kualitas (seberapa baik), waktu (kapan), biaya.",
                       "Aspect: quantity (how many), quality (how well), time (when), cost."),
    "tui.hint.ind-teks": (
        "Indikator harus terukur. Baik: \"Jumlah laporan triwulan yang diserahkan\". Keliru: \"Laporan"
        " baik\" (tidak terukur) atau tanpa target.",
        "An indicator must be measurable. Good: \"Number of quarterly reports delivered\". Wrong:"
        " \"Good reports\" (not measurable) or no target."),
    "tui.hint.perspektif": (
        "Untuk pimpinan tinggi (JPT): penerima layanan, penguatan internal, proses bisnis, atau anggaran.",
        "For senior executives (JPT): service users, internal strengthening, business process, or budget."),
    "tui.hint.target": ("Target tahunan berupa angka, mis. 4. Jangan dikosongkan.",
                        "A yearly target as a number, e.g. 4. Do not leave it empty."),
    "tui.hint.satuan": ("Satuan target, mis. laporan, dokumen, persen, hari.",
                        "The target's unit, e.g. reports, documents, percent, days."),
    "tui.hint.lamp-sd": ("Dukungan sumber daya: anggaran, orang, alat yang Anda perlukan.",
                         "Resources: the budget, people and tools you need."),
    "tui.hint.lamp-pj": ("Skema pertanggungjawaban: bagaimana hasil dilaporkan, kepada siapa.",
                         "Accountability scheme: how results are reported, and to whom."),
    "tui.hint.lamp-kon": ("Konsekuensi: apa akibatnya bila target tercapai atau tidak.",
                          "Consequences: what follows if the targets are met or not."),
    "tui.hint.periode": ("Pilih periode penilaian yang sedang dibuka. Periode terkunci hanya bisa dibaca.",
                         "Choose the assessment period that is open. Locked periods are read only."),
    "tui.hint.ra-rhk": ("Rencana aksi dibuat per RHK, untuk periode ini.",
                        "Action plans are per RHK, per period."),
    "tui.hint.ra-teks": (
        "Langkah nyata periode ini. Baik: \"Menyusun draf laporan Q1 paling lambat 20 Maret\".",
        "A concrete step this period. Good: \"Draft the Q1 report by 20 March\"."),
    "tui.hint.ind": ("Pilih indikator yang realisasinya akan Anda isi.",
                     "Choose the indicator whose realisation you enter."),
    "tui.hint.real-nilai": (
        "Angka capaian periode ini (pakai koma atau titik untuk desimal). SKP kualitatif: uraian singkat.",
        "This period's achievement as a number (comma or point for decimals). Qualitative SKP: a short"
        " text."),
    "tui.hint.bukti-nama": ("Nama bukti, mis. \"Laporan Q1 (PDF)\".",
                            "The evidence's name, e.g. \"Q1 report (PDF)\"."),
    "tui.hint.bukti-url": (
        "Tautan yang dapat dibuka atasan (https://…). Pastikan berbagi diatur \"siapa saja yang punya"
        " tautan\"; tautan pribadi tidak dapat diperiksa.",
        "A link your appraiser can open (https://…). Make sure sharing is \"anyone with the link\";"
        " a private link cannot be checked."),
    "tui.hint.sasaran": ("Umpan balik diberikan per indikator, per RHK, atau per nilai BerAKHLAK.",
                         "Feedback goes on an indicator, an RHK, or a BerAKHLAK value."),
    "tui.hint.pilihan": ("Pilih kalimat standar, lalu tambahkan catatan sendiri bila perlu.",
                         "Choose a standard sentence, then add your own words if needed."),
    "tui.hint.tambahan": ("Catatan khusus untuk pegawai ini; spesifik dan dapat ditindaklanjuti.",
                          "A note for this person; specific and actionable."),
    "tui.hint.hk": ("Rating hasil kerja: bandingkan realisasi dengan target dan ekspektasi.",
                    "Work-result rating: compare realisation with target and expectations."),
    "tui.hint.pk": ("Rating perilaku: tujuh nilai BerAKHLAK dan ekspektasi khusus Anda.",
                    "Behaviour rating: the seven BerAKHLAK values and your special expectations."),
    "tui.hint.ek-kode": ("Pilih nilai BerAKHLAK yang diberi ekspektasi khusus.",
                         "Choose the BerAKHLAK value that gets a special expectation."),
    "tui.hint.ek-teks": ("Perilaku yang dapat diamati, mis. \"Membalas surat paling lambat 3 hari\".",
                         "An observable behaviour, e.g. \"Answers letters within 3 days\"."),
    "tui.hint.catatan": ("Tulis alasan yang jelas dan apa yang harus diperbaiki.",
                         "Write a clear reason and what must be fixed."),
    "tui.hint.tpp-besaran": ("Besaran TPP menurut kelas jabatan Anda, dalam rupiah per bulan.",
                             "Your TPP amount for your position class, in rupiah per month."),
    "tui.hint.tpp-tk": ("Hari tidak masuk tanpa keterangan bulan itu; memotong porsi disiplin TPP.",
                        "Days absent without leave that month; they cut the discipline share of TPP."),

    # -- F1 help per screen (Markdown) -----------------------------------------------------------------
    "tui.help.profil": (
        "# Profil dan Sinkron SIASN\n\n"
        "Periksa profil **sebelum** membuat SKP: pejabat penilai SKP diambil dari atasan di profil.\n\n"
        "1. Bila atasan, jabatan atau unit salah, tekan **Sinkron SIASN**.\n"
        "2. Bila sinkron gagal, jangan diulang terus: kirim **laporan** ke admin instansi dengan kode"
        " galatnya (terisi otomatis) dan waktunya.\n3. Coba sinkron lagi setelah layanan pulih.",
        "# Profile and SIASN sync\n\n"
        "Check your profile **before** creating the SKP: the SKP's rater is the superior in your"
        " profile.\n\n1. If the superior, position or unit is wrong, press **Sync SIASN**.\n"
        "2. If the sync fails, do not keep retrying: send a **report** to the admin instansi with its"
        " error code (filled in) and the time.\n3. Try the sync again once the service is back."),
    "tui.help.keberatan": (
        "# Memutus keberatan\n\n"
        "Sebagai atasan pejabat penilai, Anda memutus keberatan pegawai atas predikatnya (PP 30/2019"
        " Pasal 59). Baca alasan pegawai dan rating pejabat penilai, lalu:\n\n"
        "- **Terima**: pilih Rating Hasil Kerja dan Rating Perilaku yang baru; predikat dihitung dari"
        " paket aturan.\n- **Tolak**: predikat tetap.\n\nTulis catatan pertimbangan kedua pihak."
        " Keputusan Anda final.",
        "# Deciding an objection\n\n"
        "As the rater's superior you decide an employee's objection to their predikat (PP 30/2019"
        " Article 59). Read the employee's reason and the rater's ratings, then:\n\n"
        "- **Accept**: choose the new work and behaviour ratings; the predikat comes from the rule"
        " pack.\n- **Reject**: the predikat stands.\n\nWrite a note weighing both sides."
        " Your decision is final."),
    "tui.help.kursi": (
        "# Kursi latihan\n\n"
        "Anda berada di satu kursi kelas. Pelatih memilih skenario; Anda hanya melihat orang-orang dalam"
        " skenario Anda.\n\n"
        "1. Baca situasinya, lalu pilih peran Anda (Enter).\n"
        "2. Kerjakan seperti di e-Kinerja. **F12** membuka panel Latihan: tugas, **Periksa** (F5),"
        " **Petunjuk** (F6; dicatat), pembahasan.\n"
        "3. **F10**: Status Layanan (server sedang pemeliharaan? sampai kapan? lapor ke mana?).\n"
        "4. Esc di Beranda (Ganti peran): kembali ke sini untuk berganti peran. Putaran baru dan jam yang"
        " dipindah pelatih sampai ke kursi ini sendiri, dengan pemberitahuan.\n"
        "5. Percobaan tidak dapat diselamatkan (misalnya SKP terlanjur diajukan)? Di layar kursi ini tekan"
        " **Ulangi skenario** (F5): pekerjaan percobaan ini disisihkan (tetap tercatat) dan Anda mulai lagi"
        " dari awal.",
        "# Training seat\n\n"
        "You sit at one seat of a class. The trainer picks the scenario; you see only the people of your"
        " scenario.\n\n"
        "1. Read the situation, then choose your role (Enter).\n"
        "2. Work as in e-Kinerja. **F12** opens the Training panel: tasks, **Check** (F5), **Hint**"
        " (F6; recorded), debrief.\n"
        "3. **F10**: Service Status (is the server down? until when? whom to tell?).\n"
        "4. Esc on the Beranda (Change role): back here to switch roles. A new round, or a clock the"
        " trainer moved, reaches this seat by itself, with a notice.\n"
        "5. An attempt you cannot save (an SKP submitted too early, say)? On this seat screen press"
        " **Restart scenario** (F5): the work of this attempt is set aside (still recorded) and you start"
        " again from the beginning."),
    "tui.help.kelas": (
        "# Konsol pelatih\n\n"
        "Papan menunjukkan setiap kursi: skenario, tugas lulus, petunjuk, galat, bantuan, simpan yang ditolak"
        " server, tanda integritas, dan hasil sementara (⚠ = tidak ada kegiatan lima menit).\n\n"
        "- **Mulai putaran** (F5): setiap kursi mendapat situasi baru; jam kelas pindah ke awal skenario.\n"
        "- **Majukan jam**: ketik waktu (mis. 2026-04-09T20:30) lalu Enter; peristiwa skenario terjadi.\n"
        "- **Tutup putaran** (F7) lalu **Ekspor** (F8): CSV, Markdown dan HTML dengan tingkat selesai"
        " mandiri per skenario, sebelum dan sesudah.\n\n"
        "Peserta bergabung dengan `ekinerja seat --db BERKAS` atau lewat peramban (`ekinerja serve`).",
        "# Trainer's console\n\n"
        "The board shows every seat: scenario, tasks passed, hints, errors, help, saves refused by the"
        " server, integrity flags, and the outcome so far (⚠ = nothing done for five minutes).\n\n"
        "- **Start round** (F5): every seat gets a fresh situation; the class clock moves to the"
        " scenario's start.\n"
        "- **Move clock**: type a time (e.g. 2026-04-09T20:30) and Enter; scenario events fire.\n"
        "- **Close round** (F7) then **Export** (F8): CSV, Markdown and HTML with the unaided-completion"
        " rate per scenario, before and after.\n\n"
        "Trainees join with `ekinerja seat --db FILE` or from a browser (`ekinerja serve`)."),
    "tui.help.persona": (
        "# Memilih peran\n\n"
        "Sandbox ini adalah kantor latihan: semua orang di daftar adalah pegawai sintetis. Pilih siapa"
        " Anda hari ini. Kesalahan di sini tidak berakibat apa pun.\n\n"
        "- **Pegawai**: membuat SKP, mengisi realisasi dan bukti dukung, membaca hasil.\n"
        "- **Pegawai dan pejabat penilai**: juga menyetujui SKP bawahan dan menilai mereka.\n"
        "- **Pelatih**: memindahkan jam virtual agar periode dibuka dan batas waktu lewat.\n\n"
        "## Tombol\n\nKetik untuk mencari, **Enter** untuk memilih, **Ctrl+B** English,"
        " **Ctrl+T** tampilan kontras tinggi, **Ctrl+P** daftar perintah, **Ctrl+Q** keluar.\n\n"
        "## Lupa kata sandi atau email salah?\n\nDi e-Kinerja sungguhan: atur ulang lewat MyASN;"
        " bila email salah, minta admin instansi mengubahnya. Di sandbox tidak ada kata sandi.",
        "# Choosing a role\n\n"
        "This sandbox is a practice office: everyone on the list is a synthetic employee. Choose who you"
        " are today. Mistakes here cost nothing.\n\n"
        "- **Pegawai**: writes an SKP, enters realisation and evidence, reads the result.\n"
        "- **Pegawai and appraiser**: also approves subordinates' SKPs and rates them.\n"
        "- **Trainer**: moves the virtual clock so periods open and deadlines pass.\n\n"
        "## Keys\n\nType to search, **Enter** to choose, **Ctrl+B** Bahasa Indonesia,"
        " **Ctrl+T** high-contrast display, **Ctrl+P** the list of commands, **Ctrl+Q** quit.\n\n"
        "## Forgot your password, or wrong email?\n\nIn the real e-Kinerja: reset it through MyASN;"
        " a wrong email is changed by the agency admin. The sandbox has no passwords."),
    "tui.help.beranda": (
        "# Beranda\n\n"
        "Beranda menunjukkan siapa Anda, tanggal virtual, langkah berikutnya, dan daftar langkah tahun ini"
        " (✓ selesai, ▶ berikutnya).\n\n"
        "## Urutan kerja setahun\n\n1. Atasan membuat SKP-nya dulu dan disetujui.\n2. Anda menulis SKP"
        " di SKP Saya (F2), mengintervensi RHK atasan, memberi indikator dan target, mengisi lampiran, lalu"
        " mengajukan.\n3. Pejabat penilai menyetujui atau mengembalikan di SKP Bawahan (F3).\n4. Setiap"
        " periode: rencana aksi, realisasi, bukti dukung di Evaluasi (F7).\n5. Pejabat penilai memberi umpan"
        " balik dan rating di Penilaian (F9); predikat dihitung aturan.\n6. Dokumen evaluasi terbit;"
        " keberatan bisa diajukan; hasil final masuk ke TPP.\n\n"
        "## Data profil atau atasan salah?\n\nSKP tidak dapat maju bila atasan di profil salah. Di"
        " e-Kinerja sungguhan: Edit profil lalu *Sinkron SIASN*, atau minta admin instansi.\n\n"
        "## Mode terpandu\n\n**Ctrl+G** (Panduan) menyalakan atau mematikan baris langkah berikutnya di atas"
        " setiap layar.",
        "# Home\n\n"
        "Home shows who you are, the virtual date, the next step and the year's step list (✓ done,"
        " ▶ next).\n\n"
        "## The year's order of work\n\n1. Your superior writes their SKP first and gets it approved.\n"
        "2. You write your SKP in My SKP (F2): intervene the superior's RHK, give indicators and targets,"
        " fill the lampiran, submit.\n3. The appraiser approves or returns it in Subordinates (F3).\n4. Each"
        " period: action plan, realisation, evidence in Evaluation (F7).\n5. The appraiser gives feedback"
        " and ratings (F9); the rules compute"
        " the predikat.\n6. The evaluation document is issued; an objection may be filed; the final result"
        " feeds TPP.\n\n## Wrong profile data or superior?\n\nAn SKP cannot move on while the profile"
        " names the wrong superior. In the real e-Kinerja: Edit the profile then *Sinkron SIASN*, or ask"
        " the agency admin.\n\n## Guided mode\n\n**Ctrl+G** (Guide) turns the next-step line at the top of"
        " every screen on or off."),
    "tui.help.skp": (
        "# SKP Saya\n\n"
        "SKP (Sasaran Kinerja Pegawai) adalah rencana kinerja **satu tahun**. Jangan membuat SKP bulanan"
        " atau triwulanan: periode penilaian yang dibagi, SKP tetap tahunan.\n\n"
        "## Kuantitatif atau kualitatif?\n\nKuantitatif bila hasil dapat dihitung (jumlah, persen, hari)."
        " Kualitatif bila yang penting mutunya dan angka tidak bermakna.\n\n"
        "## Apa arti \"RHK atasan yang diintervensi\"?\n\nSetiap hasil kerja Anda harus mendukung satu"
        " hasil kerja (RHK) atasan. Anda memilih RHK atasan itu, lalu menulis RHK Anda sendiri.\n\n"
        "## Mengapa daftar RHK atasan kosong?\n\nAtasan Anda belum punya SKP yang disetujui, atau profil"
        " Anda menunjuk atasan yang salah. Minta atasan menyelesaikan SKP-nya dulu.\n\n"
        "## RHK dan indikator yang baik\n\n- RHK adalah **hasil**, bukan kegiatan: \"Tersusunnya laporan"
        " keuangan yang tepat waktu\", bukan \"Menyusun laporan\".\n- Indikator **terukur** dan punya"
        " **target**: \"Jumlah laporan triwulan\" target 4 laporan.\n\n"
        "## Lampiran\n\nIsi dukungan sumber daya, skema pertanggungjawaban dan konsekuensi di bagian"
        " bawah, lalu Simpan.\n\n## Ajukan (F8)\n\nDaftar periksa menunjukkan setiap syarat: ✗ wajib"
        " dipenuhi, ! hanya saran (kecuali latihan Anda mewajibkannya; tandanya lalu ✗). Bila tidak ada lagi"
        " ✗, tekan Ajukan (F8). Bila SKP dikembalikan, catatan pejabat penilai tampil di atas: perbaiki lalu"
        " ajukan lagi.",
        "# My SKP\n\n"
        "The SKP (Sasaran Kinerja Pegawai) is a plan for **one year**. Do not make a monthly or quarterly"
        " SKP: the assessment periods are split, the SKP stays yearly.\n\n"
        "## Quantitative or qualitative?\n\nQuantitative when results can be counted (number, percent,"
        " days). Qualitative when quality matters and numbers mean little.\n\n"
        "## What does \"the superior's RHK you intervene\" mean?\n\nEach of your results must support one"
        " of your superior's results (RHK). You choose that RHK, then write your own.\n\n"
        "## Why is the superior's RHK list empty?\n\nYour superior has no approved SKP yet, or your"
        " profile names the wrong superior. Ask your superior to finish their SKP first.\n\n"
        "## A good RHK and indicator\n\n- An RHK is a **result**, not an activity: \"Financial reports"
        " delivered on time\", not \"Write reports\".\n- An indicator is **measurable** with a **target**:"
        " \"Number of quarterly reports\", target 4 reports.\n\n"
        "## Lampiran\n\nFill in resources, accountability scheme and consequences at the bottom, then"
        " Save.\n\n## Submit (F8)\n\nThe checklist shows every condition: ✗ is required, ! only advised"
        " (unless your exercise requires it; then it shows ✗). Once no ✗ is left, press Submit (F8). If the"
        " SKP is returned, the appraiser's note shows at the top: fix it and submit again."),
    "tui.help.skp_bawahan": (
        "# SKP Bawahan\n\n"
        "Daftar SKP yang Anda putuskan sebagai pejabat penilai; yang menunggu tampil di atas.\n\n"
        "- **Setujui** bila RHK mendukung RHK Anda dan indikatornya terukur dengan target.\n"
        "- **Kembalikan** dengan catatan yang jelas: apa yang salah dan bagaimana memperbaikinya. Catatan"
        " wajib diisi dan terbaca oleh pegawai.\n"
        "- **Ekspektasi khusus**: harapan Anda atas perilaku tertentu (per nilai BerAKHLAK); dipakai saat"
        " menilai perilaku.\n\nSetelah semua disetujui, periksa Matriks Peran Hasil (F8 di Beranda).",
        "# Subordinates' SKP\n\n"
        "The SKPs you decide as appraiser; those waiting come first.\n\n"
        "- **Approve** when the RHK support yours and the indicators are measurable with targets.\n"
        "- **Return** with a clear note: what is wrong and how to fix it. The note is required and the"
        " pegawai reads it.\n- **Special expectations**: what you expect of a behaviour (per BerAKHLAK"
        " value); used when rating behaviour.\n\nOnce all are approved, check the role–result matrix"
        " (F8 on Home)."),
    "tui.help.evaluasi": (
        "# Evaluasi periodik\n\n"
        "Setiap periode (mis. triwulan) Anda mengisi:\n\n1. **Rencana aksi** per RHK: langkah nyata"
        " periode ini.\n2. **Realisasi** per indikator: angka capaian (atau uraian untuk SKP kualitatif).\n"
        "3. **Bukti dukung**: tautan yang dapat dibuka atasan (https://…). Tautan pribadi atau rusak"
        " tidak dihitung.\n\nSetelah batas pengisian lewat, periode terkunci dan hanya bisa dibaca.\n\n"
        "## Bagaimana rating menjadi predikat?\n\nPejabat penilai memberi rating hasil kerja dan rating"
        " perilaku (di atas / sesuai / di bawah ekspektasi). Predikat dihitung dari keduanya oleh aturan"
        " (matriks PermenPANRB 6/2022). Bagian **Hasil** menunjukkan *Mengapa?*: aturan, nilai, pasal.\n\n"
        "## Siapa menetapkan capaian organisasi?\n\nPimpinan di atas unit; capaian itu menjadi rating"
        " hasil kerja kepala unit.\n\n## Dokumen (F8)\n\nPratinjau, terbitkan, ekspor ke berkas,"
        " keberatan, dan TPP.",
        "# Periodic evaluation\n\n"
        "Each period (e.g. a quarter) you enter:\n\n1. **Action plan** per RHK: concrete steps this"
        " period.\n2. **Realisation** per indicator: the figure achieved (or a text for a qualitative"
        " SKP).\n3. **Evidence**: a link your appraiser can open (https://…). Private or broken links do"
        " not count.\n\nOnce the entry deadline passes the period locks and is read only.\n\n"
        "## How do ratings become a predikat?\n\nThe appraiser rates work results and behaviour (above /"
        " as / below expectation). The rules compute the predikat from both (the PermenPANRB 6/2022"
        " matrix). The **Result** part shows *Why?*: the rule, the values, the article.\n\n"
        "## Who sets the organisation's performance?\n\nThe leadership above the unit; it becomes the"
        " unit head's work-result rating.\n\n## Document (F8)\n\nPreview, issue, export to a file,"
        " objection, and TPP."),
    "tui.help.penilaian": (
        "# Penilaian Bawahan\n\n"
        "Pilih periode seorang bawahan di tabel. Baca realisasi dan bukti dukungnya, lalu:\n\n"
        "1. **Umpan balik** per indikator, RHK atau nilai BerAKHLAK: pilih kalimat standar dan tambahkan"
        " catatan.\n2. **Rating hasil kerja** dan **rating perilaku**; predikat dihitung aturan.\n"
        "3. **Finalkan** setelah kurva unit diperiksa; kurva yang melanggar mengembalikan penilaian.\n\n"
        "Menilai semua orang \"di atas ekspektasi\" biasanya melanggar kurva distribusi.",
        "# Rate subordinates\n\n"
        "Choose a subordinate's period in the table. Read their realisation and evidence, then:\n\n"
        "1. **Feedback** per indicator, RHK or BerAKHLAK value: choose a standard sentence and add a"
        " note.\n2. **Work-result** and **behaviour ratings**; the rules compute the predikat.\n"
        "3. **Finalise** once the unit's curve is checked; a curve that breaks the rules sends ratings"
        " back.\n\nRating everybody \"above expectation\" usually breaks the distribution curve."),
    "tui.help.matriks": (
        "# Matriks Peran Hasil\n\n"
        "Baris: bawahan langsung Anda. Kolom: RHK Anda (R1, R2, …). Angka di sel: berapa RHK bawahan"
        " itu yang mengintervensi RHK Anda tersebut.\n\n**Keterlibatan** = jumlah kolom yang dipikul"
        " seseorang (0, 1, 2 atau lebih). Bila ada yang 0 sementara yang lain 2 atau lebih, beban kerja"
        " tidak merata (⚠): bagi ulang saat revisi SKP.",
        "# Role–result matrix\n\n"
        "Rows: your direct subordinates. Columns: your RHK (R1, R2, …). A number in a cell: how many of"
        " that person's RHK intervene that RHK of yours.\n\n**Involvement** = how many columns a person"
        " carries (0, 1, 2 or more). When some carry 0 while others carry 2 or more, the workload is"
        " uneven (⚠): redistribute when SKPs are revised."),
    "tui.help.monitoring": (
        "# Monitoring Kurva\n\n"
        "Pilih periode; tabel menunjukkan setiap unit: berapa pegawai sudah dinilai, capaian organisasi,"
        " dan hasil cek kurva terakhir.\n\n**Cek kurva** (F8 atau Enter pada baris) membandingkan sebaran"
        " predikat unit dengan pola yang diwajibkan untuk capaian organisasinya. Syaratnya: capaian"
        " organisasi sudah ditetapkan pimpinan di atas unit, dan semua pegawai unit sudah dinilai."
        " Bila kurva dilanggar, penilaian dikembalikan ke pejabat penilai untuk dinilai ulang.",
        "# Curve monitoring\n\n"
        "Choose a period; the table shows each unit: how many are rated, the organisation's result, and"
        " the latest curve check.\n\n**Check curve** (F8 or Enter on a row) compares the unit's spread of"
        " predikat with the pattern required for its organisation result. It needs the organisation result"
        " set by the leadership above the unit, and everyone in the unit rated. When the curve is broken"
        " the ratings go back to the appraisers for re-rating."),
    "tui.help.dokumen": (
        "# Dokumen Evaluasi Kinerja\n\n"
        "Pratinjau dokumen periode ini: identitas, hasil kerja, perilaku kerja, rating dan predikat.\n\n"
        "- **Terbitkan** setelah periode terkunci: hasil dianggap diterima dan masa keberatan dimulai.\n"
        "- **Ekspor ke berkas**: menyimpan dokumen (Markdown) di folder *dokumen-evaluasi* di samping"
        " berkas sandbox; buka dengan penyunting teks atau ubah ke PDF untuk dicetak.\n"
        "- **Keberatan**: bila tidak setuju, ajukan dengan alasan dalam batas hari aturan (14 hari di"
        " aturan yang berlaku); atasan pejabat penilai memutuskan.\n"
        "- **TPP dan angka kredit**: hanya untuk hasil yang sudah final. Masukkan besaran TPP; potongan dan"
        " alasannya tampil dari aturan TPP.\n\n## Sync error?\n\nDi e-Kinerja sungguhan, hasil dikirim"
        " ke SIASN; bila gagal, simpan tangkapan layar dan laporkan ke admin instansi. Jangan mengisi"
        " ulang berkali-kali.",
        "# Performance evaluation document\n\n"
        "A preview of this period's document: identities, work results, behaviour, ratings and"
        " predikat.\n\n- **Issue** once the period is locked: the result counts as received and the"
        " objection window starts.\n- **Export to a file**: saves the document (Markdown) in the"
        " *dokumen-evaluasi* folder beside the sandbox file; open it in a text editor or convert to PDF"
        " to print.\n- **Objection**: if you disagree, file it with a reason within the rules' days (14"
        " in the rules in force); the appraiser's superior decides.\n- **TPP and credit points**: final"
        " results only. Enter the TPP amount; cuts and why come from the TPP rules.\n\n## Sync error?\n\n"
        "In the real e-Kinerja the result goes to SIASN; if that fails, keep a screenshot and report it"
        " to the agency admin. Do not enter it again and again."),
    "tui.help.workbench": (
        "# Meja Kerja Regulator\n\n"
        "Uji dampak perubahan aturan sebelum ditandatangani, pada populasi sintetis yang sama.\n\n"
        "1. **Paket dasar**: aturan yang berlaku. **Reformasi**: paket yang dibandingkan.\n"
        "2. **Ubah satu parameter** (opsional): pilih parameter paket dasar, tulis nilai baru dan nama"
        " reformasi, lalu **Simpan reformasi** (F6). Berkas ditulis di *rules/reforms/*, diperiksa seperti"
        " `ekinerja rules check`, dan langsung dipilih sebagai reformasi.\n"
        "3. **Jalankan** (F5): pegawai dan seed menentukan populasi; kedua paket memakai populasi dan"
        " perilaku yang sama, jadi selisihnya hanya karena aturan.\n"
        "4. Baca sebaran predikat (A dan B), perpindahan predikat, unit yang melanggar kurva, TPP dan angka"
        " kredit. **Ekspor** (F8) menulis ringkasan Markdown/HTML dan CSV di folder *hasil-simulasi*.\n\n"
        "Perilaku pegawai (terlambat, bukti lemah, penilai longgar) adalah asumsi simulator, bukan data"
        " nyata. Untuk populasi besar pakai `ekinerja compare` di terminal.",
        "# Regulator's workbench\n\n"
        "Test what a rule change does before it is signed, on the same synthetic population.\n\n"
        "1. **Base pack**: the rules in force. **Reform**: the pack compared with it.\n"
        "2. **Change one parameter** (optional): pick a parameter of the base pack, type the new value and"
        " a reform name, then **Save reform** (F6). The file goes to *rules/reforms/*, is checked like"
        " `ekinerja rules check`, and is chosen as the reform.\n"
        "3. **Run** (F5): staff and seed decide the population; both packs see the same people and"
        " behaviour, so the differences come from the rules alone.\n"
        "4. Read the predikat spread (A and B), the transitions, the units breaking the curve, TPP and"
        " credit points. **Export** (F8) writes a Markdown/HTML summary and CSV files to *hasil-simulasi*."
        "\n\nStaff behaviour (late filing, weak evidence, lenient raters) is the simulator's assumption,"
        " not real data. For large populations use `ekinerja compare` in a terminal."),
    "tui.hint.wb-nilai": (
        "Nilai baru parameter. Bagian ditulis sebagai pecahan: 0,6 berarti 60 %.",
        "The parameter's new value. Shares are fractions: 0.6 means 60 %."),
    "tui.hint.wb-nama": (
        "Nama berkas reformasi: huruf kecil, angka dan tanda hubung, mis. kuota-baik-60.",
        "The reform file's name: lower-case letters, digits and hyphens, e.g. kuota-baik-60."),

}
