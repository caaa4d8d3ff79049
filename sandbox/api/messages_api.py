"""The HTTP API's own words (Indonesian, English); the rules and simulator keep theirs."""

from __future__ import annotations

from sandbox.i18n import add_messages

MESSAGES = {
    "api.not_installed": ("API belum terpasang (butuh fastapi dan uvicorn)",
                          "the API is not installed (it needs fastapi and uvicorn)"),
    "api.not_installed.fix": ("pasang dengan pip install -e '.[api]'",
                              "install with pip install -e '.[api]'"),
    # request shape (FastAPI's validation, told in our words)
    "api.field.missing": ("'{field}' belum diisi", "'{field}' is missing"),
    "api.field.missing.fix": ("tulis '{field}' ({expected})", "write '{field}' ({expected})"),
    "api.field.extra": ("'{field}' tidak dikenal di sini", "'{field}' is not known here"),
    "api.field.extra.fix": ("hapus '{field}'; yang dikenal: {known}", "remove '{field}'; known: {known}"),
    "api.field.type": ("nilai '{field}' ({value}) bukan {expected}", "'{field}' ({value}) is not {expected}"),
    "api.field.type.fix": ("tulis {expected} di '{field}'", "write {expected} in '{field}'"),
    "api.field.range": ("nilai '{field}' ({value}) di luar batas", "'{field}' ({value}) is out of range"),
    "api.field.range.fix": ("tulis '{field}' antara {low} dan {high}",
                            "give '{field}' between {low} and {high}"),
    "api.workers_one": ("'workers' {value}: lewat API perbandingan berjalan dalam satu proses",
                        "'workers' {value}: over the API a comparison runs in one process"),
    "api.workers_one.fix": ("hapus 'workers' atau tulis 1; untuk beberapa proses pakai "
                            "`ekinerja compare --workers N` di terminal",
                            "leave 'workers' out or give 1; for several processes use "
                            "`ekinerja compare --workers N` in a terminal"),
    "api.field.length": ("'{field}' terlalu panjang atau terlalu pendek",
                         "'{field}' is too long or too short"),
    "api.field.length.fix": ("'{field}' berisi {low} sampai {high} butir/karakter",
                             "'{field}' holds {low} to {high} items/characters"),
    "api.body.json": ("isi permintaan bukan JSON yang sah", "the request body is not valid JSON"),
    "api.body.json.fix": ("kirim objek JSON dengan Content-Type: application/json, mis. {example}",
                          "send a JSON object with Content-Type: application/json, e.g. {example}"),
    "api.expected.text": ("teks", "text"),
    "api.expected.integer": ("bilangan bulat", "a whole number"),
    "api.expected.number": ("angka", "a number"),
    "api.expected.boolean": ("true/false", "true/false"),
    "api.expected.object": ("objek JSON {{…}}", "a JSON object {{…}}"),
    "api.expected.list": ("daftar JSON […]", "a JSON list […]"),
    "api.expected.value": ("nilai yang sah", "an allowed value"),
    "api.expected.scalar": ("teks, angka atau true/false", "text, a number or true/false"),
    # packs
    "api.pack_unknown.fix": ("GET /v1/packs memberi id paket; pilih salah satu: {known}",
                             "GET /v1/packs gives the pack ids; choose one of: {known}"),
    "api.path_not_allowed": ("'{ref}' bukan id paket: API tidak membuka berkas",
                             "'{ref}' is not a pack id: the API opens no files"),
    "api.path_not_allowed.fix": ("tulis id paket dari GET /v1/packs, mis. {example}",
                                 "write a pack id from GET /v1/packs, e.g. {example}"),
    # limits
    "api.body_too_large": ("isi permintaan {size} bita, lebih dari batas {limit} bita",
                           "the request body is {size} bytes, over the limit of {limit} bytes"),
    "api.body_too_large.fix": ("bagi kasus ke beberapa permintaan POST /v1/eval/batch",
                               "split the cases over several POST /v1/eval/batch requests"),
    "api.batch_too_big": ("{count} kasus dalam satu permintaan; paling banyak {limit}",
                          "{count} cases in one request; at most {limit}"),
    "api.batch_too_big.fix": ("bagi kasus ke beberapa permintaan, masing-masing paling banyak {limit}",
                              "split the cases over several requests of at most {limit} each"),
    "api.staff_limit": ("{value} pegawai terlalu banyak untuk API (paling banyak {limit})",
                        "{value} staff is too many for the API (at most {limit})"),
    "api.staff_limit.fix": ("tulis staff antara 1 dan {limit}; populasi lebih besar dengan "
                            "`ekinerja compare` di terminal",
                            "give staff between 1 and {limit}; larger populations with "
                            "`ekinerja compare` in a terminal"),
    "api.jobs_busy": ("sudah {running} perbandingan berjalan (paling banyak {limit} sekaligus)",
                      "{running} comparisons are already running (at most {limit} at once)"),
    "api.jobs_busy.fix": ("tunggu sampai satu selesai (GET /v1/jobs/{{id}}), lalu kirim lagi",
                          "wait until one finishes (GET /v1/jobs/{{id}}), then send it again"),
    "api.job_unknown": ("tidak ada pekerjaan dengan id ini", "there is no job with this id"),
    "api.job_unknown.fix": ("pakai id yang diberikan POST /v1/compare; pekerjaan hilang saat server "
                            "dimulai ulang", "use the id POST /v1/compare gave; jobs are gone when the "
                            "server restarts"),
    "api.file_unknown": ("berkas '{name}' tidak ada pada pekerjaan ini",
                         "file '{name}' does not belong to this job"),
    "api.file_unknown.fix": ("pakai tautan di 'files' dari GET /v1/jobs/{{id}}",
                             "use a link under 'files' from GET /v1/jobs/{{id}}"),
    "api.job_failed": ("perbandingan berhenti karena kesalahan di dalam program",
                       "the comparison stopped on an error inside the program"),
    "api.job_failed.fix": ("laporkan ke pengelola sandbox; catatan server memuat rinciannya",
                           "report it to the sandbox's maintainers; the server log has the details"),
    "api.unauthorized": ("permintaan ini butuh token", "this request needs a token"),
    "api.unauthorized.fix": ("kirim header Authorization: Bearer <token> dengan token server",
                             "send the header Authorization: Bearer <token> with the server's token"),
    "api.not_found": ("alamat {path} tidak ada di API ini", "there is no {path} in this API"),
    "api.not_found.fix": ("lihat /openapi.json untuk alamat yang ada", "see /openapi.json for the paths"),
    "api.method": ("{method} tidak dipakai untuk {path}", "{method} is not used for {path}"),
    "api.method.fix": ("lihat /openapi.json untuk metode yang dipakai", "see /openapi.json for the methods"),
    "api.internal": ("kesalahan di dalam server; permintaan tidak diproses",
                     "an error inside the server; the request was not processed"),
    "api.internal.fix": ("coba lagi; bila berulang, laporkan ke pengelola (catatan server memuat rinciannya)",
                         "try again; if it repeats, report it to the maintainers (the server log has the "
                         "details)"),
    # the server command
    "api.host_remote": ("--host {host} membuka API ke jaringan",
                        "--host {host} opens the API to the network"),
    "api.host_remote.fix": ("pakai --host 127.0.0.1, atau tambahkan --allow-remote dan --token "
                            "(atau EKINERJA_API_TOKEN)",
                            "use --host 127.0.0.1, or add --allow-remote and --token "
                            "(or EKINERJA_API_TOKEN)"),
    "api.remote_needs_token": ("--allow-remote tanpa token", "--allow-remote without a token"),
    "api.remote_needs_token.fix": ("beri --token atau EKINERJA_API_TOKEN; setiap pekerjaan lalu butuh "
                                   "Authorization: Bearer", "give --token or EKINERJA_API_TOKEN; every job "
                                   "then needs Authorization: Bearer"),
    "api.bad_port": ("port {port} tidak dapat dipakai", "port {port} cannot be used"),
    "api.bad_port.fix": ("tulis --port antara 1 dan 65535", "give --port between 1 and 65535"),
    "api.port_busy": ("{host}:{port} tidak dapat dibuka ({detail})",
                       "{host}:{port} cannot be opened ({detail})"),
    "api.port_busy.fix": ("pilih port lain dengan --port, atau hentikan program yang memakainya",
                          "choose another port with --port, or stop the program using it"),
    "api.no_packs": ("tidak ada paket yang dapat dipakai di {dir}", "no usable pack in {dir}"),
    "api.no_packs.fix": ("jalankan `ekinerja rules check` dan perbaiki paketnya",
                         "run `ekinerja rules check` and fix the packs"),
    "api.listening": ("API e-Kinerja Sandbox di http://{host}:{port} (deskripsi: /openapi.json); "
                      "hentikan dengan Ctrl+C",
                      "e-Kinerja Sandbox API at http://{host}:{port} (description: /openapi.json); "
                      "stop with Ctrl+C"),
}

add_messages(MESSAGES)
