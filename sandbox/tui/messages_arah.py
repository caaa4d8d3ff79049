"""Messages of "what next" and of Textual's own texts (command palette, footer, quit hint,
screenshot), Indonesian first. The Beranda's state line says only where the SKP stands: the step due
next comes from the one step list (sandbox.workflow.langkah.Arah), never from these texts."""

from __future__ import annotations

from sandbox.i18n import add_messages

add_messages({
    # -- where the SKP stands (a fact, no advice: the next step is rendered from the step list) ---
    "tui.arah.status.belum": ("Anda belum membuat SKP {tahun}.",
                              "You have not created your {tahun} SKP yet."),
    "tui.arah.status.draft": ("SKP {tahun} Anda masih draf.", "Your {tahun} SKP is a draft."),
    "tui.arah.status.diajukan": ("SKP {tahun} sudah diajukan; {pejabat} akan menyetujui atau"
                                 " mengembalikannya.",
                                 "Your {tahun} SKP is submitted; {pejabat} will approve or return it."),
    "tui.arah.status.dikembalikan": ("SKP {tahun} dikembalikan {pejabat} dengan catatan: \"{catatan}\".",
                                     "Your {tahun} SKP was returned by {pejabat} with the note:"
                                     " \"{catatan}\"."),
    "tui.arah.status.disetujui": ("{pejabat} sudah menyetujui SKP {tahun} Anda.",
                                  "{pejabat} approved your {tahun} SKP."),
    "tui.arah.status.revisi_diajukan": ("{pejabat} belum memutuskan permintaan revisi SKP {tahun} Anda.",
                                        "{pejabat} has yet to decide your {tahun} SKP revision request."),
    "tui.arah.status.revisi_ditolak": ("Revisi SKP {tahun} ditolak; SKP yang disetujui tetap berlaku.",
                                       "The {tahun} SKP revision was refused; the approved SKP stands."),
    "tui.arah.status.ditutup": ("SKP {tahun} sudah ditutup.", "Your {tahun} SKP is closed."),
    "tui.arah.berikut": ("▶ Berikutnya, langkah {nomor}: {langkah}.", "▶ Next, step {nomor}: {langkah}."),
    "tui.arah.berikut.cara": ("▶ Berikutnya, langkah {nomor}: {langkah} — {cara}.",
                              "▶ Next, step {nomor}: {langkah} — {cara}."),
    # -- Textual's own texts ---------------------------------------------------------------------
    "tui.arah.palette.cari": ("Cari perintah…", "Search for commands…"),
    "tui.arah.palette.kosong": ("Tidak ada perintah yang cocok: buka Bantuan (F1)",
                                "No command matches: open Help (F1)"),
    "tui.arah.palette.kosong.help": ("hapus ketikan untuk melihat semua perintah, atau Esc",
                                     "clear the search to see every command, or Esc"),
    "tui.arah.cmd.keluar": ("Keluar: tutup aplikasi", "Quit: close the app"),
    "tui.arah.cmd.keluar.help": ("Ctrl+Q; yang sudah disimpan tetap tersimpan, ketikan kembali sebagai draf",
                                 "Ctrl+Q; what was saved stays saved, typing comes back as a draft"),
    "tui.arah.cmd.tangkapan": ("Tangkapan layar: simpan gambar layar ini", "Screenshot: save a picture of"
                               " this screen"),
    "tui.arah.cmd.tangkapan.help": ("berkas SVG di folder Unduhan (atau di samping berkas latihan);"
                                    " lampirkan saat bertanya kepada pelatih",
                                    "an SVG file in Downloads (or beside the practice file); attach it"
                                    " when asking the trainer"),
    "tui.arah.tangkapan.judul": ("Tangkapan layar", "Screenshot"),
    "tui.arah.tangkapan.ok": ("Tangkapan layar disimpan: {path}", "Screenshot saved: {path}"),
    "tui.arah.tangkapan.unduh": ("Tangkapan layar dikirim ke peramban Anda",
                                 "Screenshot sent to your browser"),
    "tui.arah.tangkapan.gagal": ("Tangkapan layar gagal disimpan", "The screenshot could not be saved"),
    "tui.arah.keluar.tanya": ("Tekan {tombol} untuk keluar dari aplikasi", "Press {tombol} to quit the app"),
    "tui.arah.keluar.judul": ("Ingin keluar?", "Do you want to quit?"),
    "tui.arah.ikon": ("Buka daftar perintah (Ctrl+P)", "Open the command palette (Ctrl+P)"),
    # Textual's built-in bindings, by action, as the footer names them
    "tui.arah.kunci.dismiss": ("Tutup pilihan", "Close the list"),
    "tui.arah.kunci.escape": ("Tutup", "Close"),
})
