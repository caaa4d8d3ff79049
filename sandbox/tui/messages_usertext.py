"""Messages of the trainer's console added with issue #16 (Indonesian first, English second): the
confirmation before a seat is released, and the scenario picker's "T01 — title" options."""

from sandbox.training.vocab.registry import define_messages

define_messages(
    {
        "tui.kelas.lepas_tanya": (
            "Lepas kursi {kursi} ({nama})? Sesi yang memakai kursi ini berhenti, dan orang berikut yang"
            " bergabung mendapat kursi ini.",
            "Release seat {kursi} ({nama})? The session using this seat stops, and the next person to"
            " join gets this seat.",
        ),
        "tui.kelas.lepas_tanya_tanpa_nama": (
            "Lepas kursi {kursi} (belum bernama)? Sesi yang memakai kursi ini berhenti, dan orang berikut"
            " yang bergabung mendapat kursi ini.",
            "Release seat {kursi} (no name yet)? The session using this seat stops, and the next person"
            " to join gets this seat.",
        ),
        "tui.kelas.lepas_ya": ("Ya, lepas kursi", "Yes, release the seat"),
        "tui.kelas.lepas_batal": ("kursi {kursi} tidak dilepas", "seat {kursi} was not released"),
        "tui.kelas.skenario_pilihan": ("{id} — {judul}", "{id} — {judul}"),
    }
)
