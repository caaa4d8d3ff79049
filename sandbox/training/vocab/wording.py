"""How the classroom's checks read a trainee's free text in Indonesian: its words, their roots (a
light stemmer: one suffix, one prefix, enough to match `melaporkan` with `laporan`), and whether two
texts share a content word once filler and generic praise are left out. Used where a check asks
"is this feedback about the behaviour asked?" (T21) or "does this justification say something?".
"""

from __future__ import annotations

import re

# Words that carry no specific content in a feedback: function words and the vocabulary of generic
# praise ("sudah baik, pertahankan, tingkatkan"). Compared after `root`.
_FILLER = """yang dan atau dengan untuk dalam pada dari kepada oleh agar serta secara setiap sudah belum
telah akan juga lebih paling sangat sekali terus tetap selalu masih saja hanya tidak bukan saudara
anda kamu bapak sdr mohon tolong harap semoga sebagai adalah yaitu bahwa karena jika maka ini itu
tersebut sini situ hal umum sangat baik bagus mantap hebat keren luar biasa oke sip top good nice
great job pertahankan tingkatkan lanjutkan semangat sesuai ekspektasi perilaku kinerja capaian
maksimal kerja terima kasih apresiasi prestasi optimal""".split()


def root(word: str) -> str:
    """A light Indonesian stem (one suffix, one prefix), enough to match `melaporkan` with
    `laporan`; not a linguistic stemmer."""
    for suffix in ("nya", "kan", "an", "i"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    for prefix in (
        "meng",
        "meny",
        "mem",
        "men",
        "me",
        "peng",
        "peny",
        "pem",
        "pen",
        "per",
        "pe",
        "ber",
        "ter",
        "di",
        "ke",
        "se",
    ):
        if word.startswith(prefix) and len(word) - len(prefix) >= 4:
            return word[len(prefix) :]
    return word


_FILLER_ROOTS = {root(w) for w in _FILLER} | set(_FILLER)


def words(text: str | None) -> list[str]:
    """The lower-case words of a text (letters and digits)."""
    return re.findall(r"[a-z0-9]+", (text or "").lower())


def content_roots(text: str | None) -> set[str]:
    """The roots of a text's content words (at least four letters, not filler or generic praise)."""
    roots = {root(w) for w in words(text) if len(w) >= 4}
    return {r for r in roots if r not in _FILLER_ROOTS and len(r) >= 4}


def share_a_word(a: set[str], b: set[str]) -> bool:
    """Two sets of roots share a word (equal, or one a prefix of the other of at least 5 letters)."""
    for x in a:
        for y in b:
            short, long_ = sorted((x, y), key=len)
            if x == y or (len(short) >= 5 and long_.startswith(short)):
                return True
    return False
