"""Messages of the checks that keep packs true (placeholders in prose, cited files, declared
constraints, reachable outcomes, the curve in small units), Indonesian first, English second.

Added with `sandbox.i18n.add_messages`, so importing them never pulls in more than the catalog.
Placeholders in the words are `str.format` fields: a literal brace is written twice.
"""

from __future__ import annotations

from sandbox.i18n import add_messages

TRUE_MESSAGES: dict[str, tuple[str, str]] = {
    # -- how a finding is introduced --------------------------------------------------------
    "check.severity.warning": ("peringatan", "warning"),
    "check.severity.note": ("catatan", "note"),
    # -- placeholders and cited files (errors: the pack is refused) -------------------------
    "text.bad_placeholder": (
        "'{text}' di `{key}` bukan placeholder yang sah",
        "'{text}' in `{key}` is not a valid placeholder",
    ),
    "text.bad_placeholder.fix": (
        "tulis `{{param:nama}}`, `{{param:nama[kunci]}}`, `{{param:nama:angka}}` atau "
        "`{{param:nama:cite}}` (lihat docs/rule-packs.md)",
        "write `{{param:name}}`, `{{param:name[key]}}`, `{{param:name:angka}}` or "
        "`{{param:name:cite}}` (see docs/rule-packs.md)",
    ),
    "text.unknown_placeholder": (
        "`{key}` menyebut {text}, tetapi paket tidak punya parameter '{name}'",
        "`{key}` quotes {text}, but the pack has no parameter '{name}'",
    ),
    "text.unknown_placeholder.fix": (
        "pakai nama parameter yang ada (mungkin: {known})",
        "use the name of an existing parameter (perhaps: {known})",
    ),
    "text.placeholder_key": (
        "{text} di `{key}`: kunci tidak sesuai dengan parameter '{name}'",
        "{text} in `{key}`: the key does not fit parameter '{name}'",
    ),
    "text.placeholder_key.fix": (
        "parameter tabel butuh satu kuncinya dalam [ ] (kunci: {keys}); parameter lain ditulis "
        "tanpa [ ]",
        "a table parameter needs one of its keys in [ ] (keys: {keys}); other parameters take "
        "no [ ]",
    ),
    "text.file_cited": (
        "`{key}` merujuk berkas '{file}', yang tidak dimiliki pengguna",
        "`{key}` refers to the file '{file}', which users do not have",
    ),
    "text.file_cited.fix": (
        "sebut peraturannya sendiri dengan pasal atau angkanya (mis. `SE MenPANRB 3/2023, pola "
        "distribusi organisasi Istimewa`) dan hapus rujukan berkas",
        "name the regulation itself with its article or item (e.g. `SE MenPANRB 3/2023, pola "
        "distribusi organisasi Istimewa`) and drop the file reference",
    ),
    # -- declared constraints ---------------------------------------------------------------
    "constraint.bad_id": (
        "batasan tanpa `id` yang sah ('{value}')",
        "a constraint without a valid `id` ('{value}')",
    ),
    "constraint.bad_id.fix": (
        "beri setiap batasan `id:` snake_case yang unik",
        "give every constraint a unique snake_case `id:`",
    ),
    "constraint.repeated": (
        "id batasan '{name}' sudah dipakai di baris {first}",
        "constraint id '{name}' is already used on line {first}",
    ),
    "constraint.repeated.fix": ("beri id lain", "choose another id"),
    "reform.unknown_constraint": (
        "reformasi mengubah batasan '{name}', yang tidak ada di paket dasar",
        "the reform changes constraint '{name}', which the base pack does not have",
    ),
    "reform.unknown_constraint.fix": (
        "periksa id batasan, atau tulis `new: true` untuk batasan baru",
        "check the constraint id, or write `new: true` for a new constraint",
    ),
    "lint.constraint_failed": (
        "batasan '{constraint}' tidak terpenuhi pada {on}: {description} ({expr}, padahal {values})",
        "constraint '{constraint}' does not hold on {on}: {description} ({expr}, but {values})",
    ),
    "lint.constraint_failed.fix": (
        "ubah nilai ini agar batasan terpenuhi, atau ubah batasan `{constraint}` bila perubahan ini "
        "memang disengaja",
        "change this value so the constraint holds, or change constraint `{constraint}` if the "
        "change is intended",
    ),
    "lint.constraint_error": (
        "batasan '{constraint}' tidak dapat dihitung pada {on}: {detail} ({expr}; {values})",
        "constraint '{constraint}' cannot be computed on {on}: {detail} ({expr}; {values})",
    ),
    "lint.constraint_error.fix": (
        "periksa rumus batasan dan nilai parameter yang dibacanya",
        "check the constraint's formula and the parameter values it reads",
    ),
    "lint.constraint_not_boolean": (
        "batasan '{constraint}' menghasilkan {value}, bukan benar/salah ({expr})",
        "constraint '{constraint}' gives {value}, not true/false ({expr})",
    ),
    "lint.constraint_not_boolean.fix": (
        "tulis perbandingan, mis. `bobot_skp + bobot_perilaku == 1`",
        "write a comparison, e.g. `bobot_skp + bobot_perilaku == 1`",
    ),
    # -- warnings of `rules check` ----------------------------------------------------------
    "note.typed_number": (
        "`{key}` mengetik {typed}, yaitu nilai parameter sekarang: bila parameter diubah "
        "(reformasi), teks ini tetap menyebut angka lama",
        "`{key}` types {typed}, the parameter's current value: when the parameter changes "
        "(a reform), this text would still quote the old number",
    ),
    "note.typed_number.fix": (
        "tulis {placeholder} sebagai ganti angka itu",
        "write {placeholder} instead of the number",
    ),
    "note.cite_inherited": (
        "reformasi mengubah nilai '{name}' tetapi memakai dasar paket dasar ('{cite}')",
        "the reform changes the value of '{name}' but keeps the base pack's basis ('{cite}')",
    ),
    "note.cite_inherited.fix": (
        "tulis `cite:` yang menyebut dasar nilai baru (mis. rancangan perubahan peraturan itu)",
        "write a `cite:` naming the basis of the new value (e.g. the draft amendment)",
    ),
    "note.output_unreachable": (
        "keputusan '{decision}': {output} = {value} tidak tercapai oleh masukan mana pun pada {on} "
        "(diuji: {tried} kombinasi masukan pada batas-batas aturan)",
        "decision '{decision}': {output} = {value} is reached by no input on {on} "
        "(tried: {tried} input combinations at the rules' boundaries)",
    ),
    "note.output_unreachable.fix": (
        "periksa nilai yang diubah (bobot, batas, pemetaan); bila memang disengaja, peringatan "
        "ini boleh diabaikan",
        "check the changed values (weights, bounds, mappings); if intended, this warning may be "
        "ignored",
    ),
    "note.output_unreachable_when": (
        "keputusan '{decision}': {output} = {value} tidak tercapai lagi bila {when} pada {on}, "
        "padahal paket dasar mencapainya (diuji: {tried} kombinasi masukan)",
        "decision '{decision}': {output} = {value} is no longer reached when {when} on {on}, "
        "though the base pack reaches it (tried: {tried} input combinations)",
    ),
    "note.output_unreachable_when.fix": (
        "periksa nilai yang diubah (bobot, batas, pemetaan); bila memang disengaja, peringatan "
        "ini boleh diabaikan",
        "check the changed values (weights, bounds, mappings); if intended, this warning may be "
        "ignored",
    ),
    "note.proof_failed": (
        "pemeriksaan tambahan '{check}' tidak dapat dijalankan pada paket ini ({detail})",
        "the extra check '{check}' cannot run on this pack ({detail})",
    ),
    "note.proof_failed.fix": (
        "perbaiki masalah lain paket ini lebih dulu; bila tetap muncul, laporkan ke pengembang",
        "fix the pack's other problems first; if this remains, report it to the developers",
    ),
    "note.kurva": (
        "kurva '{decision}' pada unit kecil ({sizes} orang, tanggal {on}): {summary}",
        "curve '{decision}' in small units ({sizes} people, on {on}): {summary}",
    ),
    "note.kurva.fix": (
        "tabel 1–20 orang: `ekinerja rules kurva {pack}`; bila tidak dikehendaki, ubah pembulatan "
        "atau kuotanya",
        "table for 1–20 people: `ekinerja rules kurva {pack}`; if unwanted, change the rounding "
        "or the quotas",
    ),
    "kurva.org": ("organisasi {org}: {items}", "{org} organisation: {items}"),
    "kurva.item": ("{rating} tidak mungkin pada unit {sizes} orang",
                   "{rating} impossible in units of {sizes}"),
    "kurva.none_fits": ("tidak ada sebaran yang sesuai pada unit {sizes} orang",
                        "no spread fits in units of {sizes}"),
    "kurva.all_possible": ("semua predikat mungkin", "every rating possible"),
    # -- `rules diff` -----------------------------------------------------------------------
    "diff.constraint_added": ("Batasan {name} ditambahkan: {expr}", "Constraint {name} added: {expr}"),
    "diff.constraint_changed": ("Batasan {name}: {old} → {new}", "Constraint {name}: {old} → {new}"),
    "diff.constraint_removed": ("Batasan {name} dihapus", "Constraint {name} removed"),
    # -- the command line -------------------------------------------------------------------
    "cli.check_warnings": (
        "{count} peringatan (tidak menggagalkan pemeriksaan; `--strict` menggagalkannya)",
        "{count} warning(s) (not a failure; `--strict` makes them one)",
    ),
    "cli.kurva.header": (
        "Predikat pegawai yang tidak mungkin menurut kurva '{decision}' paket {pack} (tanggal {on}), "
        "unit 1–{most} orang:",
        "Employee ratings the curve '{decision}' of pack {pack} makes impossible (on {on}), units of "
        "1–{most} people:",
    ),
    "cli.kurva.basis": (
        "Dihitung dari aturan paket itu sendiri: setiap sebaran jumlah pegawai diuji; sebuah predikat "
        "tidak mungkin bila tidak ada sebaran yang sesuai kurva yang memuatnya.",
        "Computed from the pack's own rules: every spread of staff counts is tried; a rating is "
        "impossible when no spread that fits the curve contains it.",
    ),
    "cli.kurva.org": ("Organisasi {org}:", "{org} organisation:"),
    "cli.kurva.row": ("  unit {sizes} orang: {text}", "  units of {sizes}: {text}"),
    "cli.kurva.impossible": ("{ratings} tidak mungkin", "{ratings} impossible"),
    "cli.kurva.none_fits": ("tidak ada sebaran yang memenuhi kurva", "no spread fits the curve"),
    "cli.kurva.not_curve": (
        "paket {pack} tidak punya keputusan kurva '{decision}'",
        "pack {pack} has no curve decision '{decision}'",
    ),
    "cli.kurva.not_curve.fix": (
        "keputusan kurva punya satu masukan enum (predikat organisasi), masukan bilangan bulat "
        "`jumlah_<predikat>` dan satu keluaran boolean; sebut namanya dengan --keputusan",
        "a curve decision has one enum input (the organisation's predikat), whole-number inputs "
        "`jumlah_<predikat>` and one boolean output; name it with --keputusan",
    ),
    "cli.kurva.bad_size": (
        "ukuran unit terbesar harus 1–{limit}, bukan {value}",
        "the largest unit size must be 1–{limit}, not {value}",
    ),
    "cli.kurva.bad_size.fix": ("tulis mis. `--sampai 20`", "write e.g. `--sampai 20`"),
}


add_messages(TRUE_MESSAGES)
