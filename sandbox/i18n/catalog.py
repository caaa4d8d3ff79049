"""Every message a user reads, Indonesian first and English second; `X.fix` says what to do."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- files and YAML ------------------------------------------------------------------------
    "file.missing": {"id": "berkas {path} tidak ada",
                     "en": "file {path} does not exist"},
    "file.missing.fix": {"id": "periksa ejaan path, atau jalankan `ekinerja rules list`",
                         "en": "check the path, or run `ekinerja rules list`"},
    "file.is_directory": {"id": "{path} adalah folder, bukan berkas paket",
                          "en": "{path} is a folder, not a pack file"},
    "file.is_directory.fix": {"id": "sebutkan satu berkas .yaml di dalamnya",
                              "en": "name one .yaml file inside it"},
    "file.not_utf8": {"id": "berkas bukan teks UTF-8 ({detail})",
                      "en": "the file is not UTF-8 text ({detail})"},
    "file.not_utf8.fix": {"id": "simpan ulang berkas sebagai UTF-8",
                          "en": "save the file again as UTF-8"},
    "file.unreadable": {"id": "berkas tidak dapat dibaca ({detail})",
                        "en": "the file cannot be read ({detail})"},
    "file.unreadable.fix": {"id": "periksa izin berkas", "en": "check the file's permissions"},
    "yaml.syntax": {"id": "YAML tidak dapat dibaca: {detail}",
                    "en": "the YAML cannot be read: {detail}"},
    "yaml.syntax.fix": {"id": "periksa indentasi (spasi, bukan tab), titik dua dan tanda kutip di "
                               "baris ini dan sebelumnya",
                        "en": "check indentation (spaces, not tabs), colons and quotes on this "
                              "line and the one before"},
    "yaml.tag_refused": {"id": "tag YAML {tag} ditolak: paket tidak boleh membangun objek Python",
                         "en": "YAML tag {tag} refused: a pack may not build Python objects"},
    "yaml.tag_refused.fix": {"id": "hapus tag itu dan tulis nilainya sebagai teks, angka, daftar "
                                    "atau pemetaan biasa",
                             "en": "remove the tag and write the value as plain text, number, "
                                   "list or mapping"},
    "yaml.bad_value": {"id": "nilai YAML tidak dapat dibangun: {detail}",
                       "en": "a YAML value cannot be built: {detail}"},
    "yaml.bad_value.fix": {"id": "tulis nilai biasa (teks, angka, daftar, pemetaan)",
                           "en": "write a plain value (text, number, list, mapping)"},
    "yaml.duplicate_key": {"id": "kunci '{key}' ditulis dua kali (pertama di baris {first}); "
                                  "YAML diam-diam hanya menyimpan yang terakhir",
                           "en": "key '{key}' is written twice (first on line {first}); YAML "
                                 "would silently keep only the last"},
    "yaml.duplicate_key.fix": {"id": "hapus salah satunya atau gabungkan isinya",
                               "en": "delete one of them or merge their contents"},
    "yaml.bad_key": {"id": "kunci '{key}' bukan nama yang sah",
                     "en": "key '{key}' is not a valid name"},
    "yaml.bad_key.fix": {"id": "gunakan teks biasa sebagai kunci",
                         "en": "use plain text as the key"},
    # -- pack level ------------------------------------------------------------------------------
    "pack.not_found": {"id": "paket '{ref}' tidak ditemukan",
                       "en": "pack '{ref}' not found"},
    "pack.not_found.fix": {"id": "jalankan `ekinerja rules list` untuk melihat id paket, atau "
                                  "berikan path berkas .yaml",
                           "en": "run `ekinerja rules list` to see pack ids, or give a .yaml "
                                 "file path"},
    "pack.not_mapping": {"id": "isi berkas bukan pemetaan kunci: nilai",
                         "en": "the file is not a key: value mapping"},
    "pack.not_mapping.fix": {"id": "mulailah dengan `pack: id-paket` lalu `title:` dan seterusnya",
                             "en": "start with `pack: pack-id` then `title:` and so on"},
    "pack.bad_extends": {"id": "`extends` harus berisi id paket dasar atau path berkasnya",
                         "en": "`extends` must hold the base pack's id or file path"},
    "pack.bad_extends.fix": {"id": "tulis mis. `extends: permenpanrb-6-2022`",
                             "en": "write e.g. `extends: permenpanrb-6-2022`"},
    "pack.extends_not_found": {"id": "paket dasar '{ref}' tidak ditemukan",
                               "en": "base pack '{ref}' not found"},
    "pack.extends_not_found.fix": {"id": "gunakan id dari `ekinerja rules list` atau path relatif "
                                          "ke berkas ini",
                                   "en": "use an id from `ekinerja rules list` or a path "
                                         "relative to this file"},
    "pack.extends_cycle": {"id": "`extends: {ref}` membuat lingkaran (paket memperluas dirinya)",
                           "en": "`extends: {ref}` makes a cycle (a pack extends itself)"},
    "pack.extends_cycle.fix": {"id": "reformasi harus memperluas paket dasar, bukan sebaliknya",
                               "en": "a reform must extend a base pack, not the other way"},
    "pack.base_broken": {"id": "paket dasar '{ref}' bermasalah (lihat pesan di bawah)",
                         "en": "base pack '{ref}' has problems (see below)"},
    "pack.base_broken.fix": {"id": "perbaiki paket dasar lebih dulu",
                             "en": "fix the base pack first"},
    # -- schema ---------------------------------------------------------------------------------
    "schema.missing": {"id": "kunci wajib '{key}' tidak ada",
                       "en": "required key '{key}' is missing"},
    "schema.missing.fix": {"id": "tambahkan `{key}:` di sini (lihat docs/rule-packs.md)",
                           "en": "add `{key}:` here (see docs/rule-packs.md)"},
    "schema.unknown_key": {"id": "kunci '{key}' tidak dikenal",
                           "en": "unknown key '{key}'"},
    "schema.unknown_key.fix": {"id": "periksa ejaannya; kunci yang sah: {allowed}",
                               "en": "check the spelling; valid keys: {allowed}"},
    "schema.comma_in_flow": {"id": "'{key}' tidak punya nilai dan bukan kunci yang dikenal; "
                                     "mungkin teks terpotong oleh koma di dalam {{ }}",
                              "en": "'{key}' has no value and is not a known key; perhaps a "
                                    "comma inside {{ }} cut a text"},
    "schema.comma_in_flow.fix": {"id": "beri tanda kutip pada teks yang memuat koma, mis. "
                                        "description: \"a, b\", atau hapus kunci ini",
                                 "en": "quote text that contains a comma, e.g. "
                                       "description: \"a, b\", or remove this key"},
    "schema.scalar_list": {"id": "'{key}' harus berupa daftar nilai biasa",
                           "en": "'{key}' must be a list of plain values"},
    "schema.scalar_list.fix": {"id": "tulis mis. `{key}: [di_atas, sesuai, di_bawah]`",
                               "en": "write e.g. `{key}: [di_atas, sesuai, di_bawah]`"},
    "schema.min_above_max": {"id": "'{name}': min {min} lebih besar dari max {max}",
                             "en": "'{name}': min {min} is greater than max {max}"},
    "schema.min_above_max.fix": {"id": "tukar kedua batas", "en": "swap the two bounds"},
    "pack.empty": {"id": "berkas kosong: tidak ada paket di dalamnya",
                   "en": "the file is empty: it holds no pack"},
    "pack.empty.fix": {"id": "mulailah dengan `pack: id-paket`, `title:`, `legal_basis:` dan "
                              "`effective_from:` (lihat docs/rule-packs.md)",
                       "en": "start with `pack: pack-id`, `title:`, `legal_basis:` and "
                             "`effective_from:` (see docs/rule-packs.md)"},
    "yaml.control_character": {"id": "berkas memuat karakter kendali {code} yang tidak boleh ada "
                                      "di YAML",
                               "en": "the file holds control character {code}, which YAML does "
                                     "not allow"},
    "yaml.control_character.fix": {"id": "hapus karakter itu (sering terbawa dari salin-tempel)",
                                   "en": "delete that character (often left by copy and paste)"},
    "ref.parameter_type": {"id": "parameter '{name}' bertipe {type}, tidak cocok untuk keluaran "
                                  "'{output}'",
                           "en": "parameter '{name}' is of type {type}, which does not fit output "
                                 "'{output}'"},
    "ref.parameter_type.fix": {"id": "pakai parameter bertipe {expected}, atau tulis nilainya "
                                      "langsung",
                               "en": "use a parameter of type {expected}, or write the value "
                                     "directly"},
    "schema.not_text": {"id": "'{key}' harus berupa teks yang tidak kosong",
                        "en": "'{key}' must be non-empty text"},
    "schema.not_text.fix": {"id": "tulis teksnya, mis. `{key}: PermenPANRB 6/2022 Pasal 24`",
                            "en": "write the text, e.g. `{key}: PermenPANRB 6/2022 Pasal 24`"},
    "schema.not_mapping": {"id": "'{key}' harus berupa pemetaan (nama: isi)",
                           "en": "'{key}' must be a mapping (name: contents)"},
    "schema.not_mapping.fix": {"id": "tulis isinya sebagai pasangan `nama: nilai` dengan indentasi",
                               "en": "write its contents as indented `name: value` pairs"},
    "schema.bad_unit": {"id": "'unit' dari '{name}' harus berupa teks dan hanya untuk angka",
                        "en": "the 'unit' of '{name}' must be text, and only a number has one"},
    "schema.bad_unit.fix": {"id": "tulis satuannya sebagai satu kata, mis. `unit: rupiah` atau `unit: hari`",
                            "en": "write the unit as one word, e.g. `unit: rupiah` or `unit: hari`"},
    "schema.not_list": {"id": "'{key}' harus berupa daftar yang tidak kosong",
                        "en": "'{key}' must be a non-empty list"},
    "schema.not_list.fix": {"id": "tulis setiap butir di baris baru yang diawali `- `",
                            "en": "write each item on its own line starting with `- `"},
    "schema.bad_pack_id": {"id": "id paket '{value}' tidak sah",
                           "en": "pack id '{value}' is not valid"},
    "schema.bad_pack_id.fix": {"id": "pakai huruf kecil, angka dan tanda hubung, mis. "
                                      "`permenpanrb-6-2022`",
                               "en": "use lowercase letters, digits and hyphens, e.g. "
                                     "`permenpanrb-6-2022`"},
    "schema.legal_basis": {"id": "`legal_basis` harus berupa daftar teks dasar hukum",
                           "en": "`legal_basis` must be a list of legal-basis texts"},
    "schema.legal_basis.fix": {"id": "tulis mis. `legal_basis: [PermenPANRB 6/2022]`",
                               "en": "write e.g. `legal_basis: [PermenPANRB 6/2022]`"},
    "schema.bad_date": {"id": "'{key}': '{value}' bukan tanggal yang sah",
                        "en": "'{key}': '{value}' is not a valid date"},
    "schema.bad_date.fix": {"id": "tulis tanggal nyata sebagai YYYY-MM-DD, mis. 2023-01-31",
                            "en": "write a real date as YYYY-MM-DD, e.g. 2023-01-31"},
    "schema.dates_reversed": {"id": "`effective_to` ({end}) lebih awal dari `effective_from` "
                                     "({start})",
                              "en": "`effective_to` ({end}) is before `effective_from` ({start})"},
    "schema.dates_reversed.fix": {"id": "tukar kedua tanggal atau hapus `effective_to`",
                                  "en": "swap the dates or remove `effective_to`"},
    "schema.empty_pack": {"id": "paket tidak berisi parameter maupun keputusan",
                          "en": "the pack has neither parameters nor decisions"},
    "schema.empty_pack.fix": {"id": "tambahkan `parameters:` atau `decisions:`",
                              "en": "add `parameters:` or `decisions:`"},
    "schema.bad_name": {"id": "nama '{name}' tidak sah",
                        "en": "name '{name}' is not valid"},
    "schema.bad_name.fix": {"id": "pakai snake_case huruf kecil, mis. `rating_hasil_kerja`",
                            "en": "use lowercase snake_case, e.g. `rating_hasil_kerja`"},
    "schema.name_clash": {"id": "nama '{name}' sudah dipakai oleh parameter atau masukan lain",
                          "en": "name '{name}' is already used by a parameter or another input"},
    "schema.name_clash.fix": {"id": "beri nama lain agar ekspresi tidak rancu",
                              "en": "choose another name so expressions are unambiguous"},
    "schema.bad_choice": {"id": "'{key}: {value}' tidak dikenal",
                          "en": "'{key}: {value}' is not recognised"},
    "schema.bad_choice.fix": {"id": "pilih salah satu: {allowed}",
                              "en": "choose one of: {allowed}"},
    "schema.choice_needs_choices": {"id": "parameter '{name}' bertipe choice tanpa `choices`",
                                    "en": "parameter '{name}' is a choice without `choices`"},
    "schema.choice_needs_choices.fix": {"id": "tambahkan `choices: [floor, ceil, round]` (contoh)",
                                        "en": "add `choices: [floor, ceil, round]` (example)"},
    "schema.table_needs_keys": {"id": "parameter tabel '{name}' tanpa `keys`",
                                "en": "table parameter '{name}' has no `keys`"},
    "schema.table_needs_keys.fix": {"id": "tambahkan `keys: [...]` berisi semua kunci tabel",
                                    "en": "add `keys: [...]` listing every key of the table"},
    "schema.values_needed": {"id": "parameter '{name}' tidak punya `values` bertanggal",
                             "en": "parameter '{name}' has no dated `values`"},
    "schema.values_needed.fix": {"id": "tulis mis. `values: {{2023-01-31: 0.70}}`",
                                 "en": "write e.g. `values: {{2023-01-31: 0.70}}`"},
    "schema.bad_parameter_value": {"id": "nilai '{value}' untuk parameter '{name}' tidak sesuai "
                                          "tipenya",
                                   "en": "value '{value}' for parameter '{name}' does not fit "
                                         "its type"},
    "schema.bad_parameter_value.fix": {"id": "tulis nilai yang sah: {expected}",
                                       "en": "write a valid value: {expected}"},
    "schema.table_keys": {"id": "tabel '{name}' tidak sesuai `keys` (kurang: {missing}; "
                                 "lebih: {extra})",
                          "en": "table '{name}' does not match `keys` (missing: {missing}; "
                                "extra: {extra})"},
    "schema.table_keys.fix": {"id": "isi tepat semua kunci yang ada di `keys`",
                              "en": "fill exactly the keys listed in `keys`"},
    "schema.enum_needs_values": {"id": "'{name}' bertipe enum tanpa `values`",
                                 "en": "'{name}' is an enum without `values`"},
    "schema.enum_needs_values.fix": {"id": "tambahkan `values: [di_atas, sesuai, di_bawah]` "
                                            "(contoh)",
                                     "en": "add `values: [di_atas, sesuai, di_bawah]` (example)"},
    "schema.enum_repeated": {"id": "'{name}' menyebut satu nilai lebih dari sekali",
                             "en": "'{name}' lists a value more than once"},
    "schema.enum_repeated.fix": {"id": "hapus nilai yang berulang",
                                 "en": "remove the repeated value"},
    "schema.bad_bound": {"id": "`{key}` harus berupa angka", "en": "`{key}` must be a number"},
    "schema.bad_bound.fix": {"id": "tulis angka biasa, mis. `{key}: 0`",
                             "en": "write a plain number, e.g. `{key}: 0`"},
    "schema.bad_default": {"id": "nilai bawaan '{value}' untuk '{name}' tidak sah",
                           "en": "default '{value}' for '{name}' is not valid"},
    "schema.bad_default.fix": {"id": "tulis nilai bawaan yang sesuai tipe dan batasnya",
                               "en": "write a default that fits the type and bounds"},
    "schema.bad_range": {"id": "`range` untuk '{name}' harus [min, max] angka",
                         "en": "`range` for '{name}' must be [min, max] numbers"},
    "schema.bad_range.fix": {"id": "tulis mis. `range: [0, 120]`",
                             "en": "write e.g. `range: [0, 120]`"},
    "schema.bad_rule_id": {"id": "aturan tanpa `id` yang sah ('{value}')",
                           "en": "a rule without a valid `id` ('{value}')"},
    "schema.bad_rule_id.fix": {"id": "beri setiap aturan `id:` snake_case yang unik",
                               "en": "give every rule a unique snake_case `id:`"},
    "schema.rule_id_repeated": {"id": "id aturan '{rule}' sudah dipakai di baris {first}",
                                "en": "rule id '{rule}' is already used on line {first}"},
    "schema.rule_id_repeated.fix": {"id": "beri id lain; id dipakai jejak dan reformasi",
                                    "en": "use another id; traces and reforms refer to it"},
    "schema.bad_comparator": {"id": "pembanding '{op}' tidak dikenal",
                              "en": "comparator '{op}' is not recognised"},
    "schema.bad_comparator.fix": {"id": "pakai salah satu: {allowed}",
                                  "en": "use one of: {allowed}"},
    "schema.bad_operand": {"id": "batas '{op}: {value}' bukan angka atau nama parameter",
                           "en": "bound '{op}: {value}' is not a number or a parameter name"},
    "schema.bad_operand.fix": {"id": "tulis angka, mis. `{op}: 90`, atau nama parameter angka",
                               "en": "write a number, e.g. `{op}: 90`, or a numeric parameter"},
    "schema.operand_not_number": {"id": "parameter '{name}' dipakai sebagai batas tetapi bukan "
                                         "angka",
                                  "en": "parameter '{name}' is used as a bound but is not a "
                                        "number"},
    "schema.operand_not_number.fix": {"id": "pakai parameter bertipe number/integer",
                                      "en": "use a number/integer parameter"},
    "schema.field_bound_needs_collect": {"id": "batas '{name}' adalah nilai masukan; tabel "
                                                "unique/first hanya boleh dibatasi angka atau "
                                                "parameter",
                                         "en": "bound '{name}' is an input value; unique/first "
                                               "tables may only use numbers or parameters"},
    "schema.field_bound_needs_collect.fix": {"id": "hitung selisihnya di `derive` lalu bandingkan "
                                                    "dengan angka, atau pakai `hit_policy: "
                                                    "collect`",
                                             "en": "compute the difference in `derive` and compare "
                                                   "with a number, or use `hit_policy: collect`"},
    "schema.bounds_on_enum": {"id": "'{name}' bukan angka, jadi tidak dapat diberi batas",
                              "en": "'{name}' is not a number, so it cannot take bounds"},
    "schema.bounds_on_enum.fix": {"id": "tulis nilainya langsung, mis. `{name}: di_atas`",
                                  "en": "write its value directly, e.g. `{name}: di_atas`"},
    "schema.empty_list": {"id": "daftar nilai untuk '{name}' kosong",
                          "en": "the value list for '{name}' is empty"},
    "schema.empty_list.fix": {"id": "sebutkan minimal satu nilai, atau hapus syarat ini",
                              "en": "name at least one value, or remove this condition"},
    # added by the rule-pack fuzzer (issue #7): numbers the engine cannot carry, oversized formulas
    "yaml.too_deep": {"id": "isi berkas bersarang terlalu dalam (lebih dari {limit} tingkat)",
                      "en": "the file nests too deeply (more than {limit} levels)"},
    "yaml.too_deep.fix": {"id": "periksa tanda kurung [ ] dan {{ }} yang tidak ditutup atau berlebih; "
                                 "isi paket dan skenario cukup beberapa tingkat",
                          "en": "look for [ ] and {{ }} brackets left open or repeated; packs and "
                                "scenarios need only a few levels"},
    "skenario.langkah_gagal": {"id": "langkah persiapan '{langkah}' tidak dapat dijalankan dengan "
                                     "parameter ini ({detail})",
                               "en": "setup step '{langkah}' cannot run with these parameters ({detail})"},
    "skenario.langkah_gagal.fix": {"id": "periksa parameter langkah itu dengan contoh di "
                                         "scenarios/README.md (kolom, peran dan jumlah yang ada di tim)",
                                   "en": "check that step's parameters against the examples in "
                                         "scenarios/README.md (columns, roles and counts the team has)"},
    "skenario.kosong": {"id": "berkas skenario kosong", "en": "the scenario file is empty"},
    "skenario.kosong.fix": {"id": "mulai dengan 'id: T01', 'judul:', 'ringkasan:' dan seterusnya; "
                                   "lihat scenarios/README.md",
                            "en": "start with 'id: T01', 'judul:', 'ringkasan:' and so on; see "
                                  "scenarios/README.md"},
    "schema.number_too_large": {"id": "'{key}': {value} bukan angka terhingga dalam batas ±{limit}",
                                "en": "'{key}': {value} is not a finite number within ±{limit}"},
    "schema.number_too_large.fix": {"id": "tulis angka biasa (bukan .inf/.nan), paling besar {limit}",
                                    "en": "write a plain number (not .inf/.nan), at most {limit}"},
    "expr.too_long": {"id": "ekspresi terlalu panjang ({detail} karakter)",
                      "en": "the expression is too long ({detail} characters)"},
    "expr.too_long.fix": {"id": "pecah rumusnya menjadi beberapa nilai `derive` yang lebih pendek",
                          "en": "split the formula into several shorter `derive` values"},
    "expr.too_deep": {"id": "ekspresi '{expr}' bersarang terlalu dalam ({detail} tingkat)",
                      "en": "the expression '{expr}' is nested too deeply ({detail} levels)"},
    "expr.too_deep.fix": {"id": "kurangi tanda kurung dan pemanggilan bertingkat, atau pecah rumusnya "
                                 "menjadi beberapa nilai `derive`",
                          "en": "use fewer nested brackets and calls, or split the formula into "
                                "several `derive` values"},
    # -- references -----------------------------------------------------------------------------
    "ref.unknown_name": {"id": "nama '{name}' tidak dikenal",
                         "en": "unknown name '{name}'"},
    "ref.unknown_name.fix": {"id": "pakai masukan, turunan atau parameter yang ada (mungkin: "
                                    "{known})",
                             "en": "use an existing input, derived value or parameter (perhaps: "
                                   "{known})"},
    "ref.unknown_field": {"id": "syarat menyebut '{name}', yang bukan masukan atau turunan "
                                 "keputusan ini",
                          "en": "the condition names '{name}', which is not an input or derived "
                                "value of this decision"},
    "ref.unknown_field.fix": {"id": "periksa ejaan atau tambahkan ke `inputs` (mungkin: {known})",
                              "en": "check the spelling or add it to `inputs` (perhaps: {known})"},
    "ref.unknown_output": {"id": "'{name}' bukan keluaran keputusan ini",
                           "en": "'{name}' is not an output of this decision"},
    "ref.unknown_output.fix": {"id": "pakai salah satu keluaran: {known}",
                               "en": "use one of the outputs: {known}"},
    "ref.bad_value": {"id": "nilai '{value}' tidak sah untuk '{name}'",
                      "en": "value '{value}' is not allowed for '{name}'"},
    "ref.bad_value.fix": {"id": "pilih salah satu: {allowed}", "en": "choose one of: {allowed}"},
    "ref.parameter_choices": {"id": "parameter '{name}' dapat bernilai di luar keluaran "
                                     "'{output}'",
                              "en": "parameter '{name}' may hold values outside output "
                                    "'{output}'"},
    "ref.parameter_choices.fix": {"id": "batasi `choices` parameter pada: {allowed}",
                                  "en": "limit the parameter's `choices` to: {allowed}"},
    # -- reforms --------------------------------------------------------------------------------
    "reform.unknown_parameter": {"id": "reformasi mengubah parameter '{name}', yang tidak ada di "
                                        "paket dasar",
                                 "en": "the reform overrides parameter '{name}', which the base "
                                       "pack does not have"},
    "reform.unknown_parameter.fix": {"id": "periksa ejaannya dengan `ekinerja rules list`, atau "
                                            "tulis `new: true` bila memang parameter baru",
                                     "en": "check the spelling, or write `new: true` if it really "
                                           "is a new parameter"},
    "reform.unknown_decision": {"id": "reformasi mengubah keputusan '{name}', yang tidak ada di "
                                       "paket dasar",
                                "en": "the reform overrides decision '{name}', which the base "
                                      "pack does not have"},
    "reform.unknown_decision.fix": {"id": "pakai nama keputusan paket dasar",
                                    "en": "use a decision name of the base pack"},
    "reform.unknown_rule": {"id": "reformasi mengubah aturan '{rule}', yang tidak ada di paket "
                                   "dasar",
                            "en": "the reform overrides rule '{rule}', which the base pack does "
                                  "not have"},
    "reform.unknown_rule.fix": {"id": "periksa id aturan, atau tulis `new: true` untuk aturan "
                                       "baru",
                                "en": "check the rule id, or write `new: true` for a new rule"},
    "reform.rule_needs_id": {"id": "aturan dalam reformasi tanpa `id`",
                             "en": "a rule in the reform has no `id`"},
    "reform.rule_needs_id.fix": {"id": "tulis `id:` aturan paket dasar yang diubah",
                                 "en": "write the `id:` of the base rule it changes"},
    "reform.field_not_overridable": {"id": "reformasi tidak dapat mengubah '{field}' sebuah "
                                            "keputusan",
                                     "en": "a reform cannot override a decision's '{field}'"},
    "reform.field_not_overridable.fix": {"id": "yang dapat diubah: {allowed}; untuk masukan baru "
                                                "buat paket sendiri",
                                         "en": "what can change: {allowed}; for new inputs "
                                               "write a pack of its own"},
    "reform.unknown_name": {"id": "reformasi mengubah '{name}' di `{section}`, yang tidak ada di "
                                   "paket dasar",
                            "en": "the reform overrides '{name}' in `{section}`, which the base "
                                  "pack does not have"},
    "reform.unknown_name.fix": {"id": "periksa ejaan nama itu",
                                "en": "check the spelling of that name"},
    # -- expressions ----------------------------------------------------------------------------
    "expr.empty": {"id": "ekspresi kosong", "en": "empty expression"},
    "expr.empty.fix": {"id": "tulis rumusnya, mis. `nilai_skp * bobot_skp`",
                       "en": "write the formula, e.g. `nilai_skp * bobot_skp`"},
    "expr.syntax": {"id": "ekspresi '{expr}' tidak dapat dibaca ({detail})",
                    "en": "expression '{expr}' cannot be read ({detail})"},
    "expr.syntax.fix": {"id": "periksa tanda kurung dan operator (+ - * /)",
                        "en": "check brackets and operators (+ - * /)"},
    "expr.not_allowed": {"id": "ekspresi '{expr}' memakai sesuatu yang tidak diizinkan "
                                "({detail})",
                         "en": "expression '{expr}' uses something not allowed ({detail})"},
    "expr.not_allowed.fix": {"id": "pakai hanya angka, nama, + - * / //, perbandingan, and/or/not, "
                                    "`x if s else y` dan fungsi yang diizinkan",
                             "en": "use only numbers, names, + - * / //, comparisons, "
                                   "and/or/not, `x if c else y` and the allowed functions"},
    "expr.unknown_function": {"id": "fungsi '{detail}' tidak diizinkan dalam ekspresi",
                              "en": "function '{detail}' is not allowed in expressions"},
    "expr.unknown_function.fix": {"id": "pakai min, max, abs, round, floor, ceil, len atau "
                                         "bulatkan",
                                  "en": "use min, max, abs, round, floor, ceil, len or bulatkan"},
    # -- lint -----------------------------------------------------------------------------------
    "lint.gap": {"id": "keputusan '{decision}' tidak punya aturan untuk {cell}",
                 "en": "decision '{decision}' has no rule for {cell}"},
    "lint.gap.fix": {"id": "tambahkan aturan yang `when`-nya mencakup kombinasi ini",
                     "en": "add a rule whose `when` covers this combination"},
    "lint.more_gaps": {"id": "keputusan '{decision}' punya {count} celah lain",
                       "en": "decision '{decision}' has {count} more gaps"},
    "lint.more_gaps.fix": {"id": "perbaiki celah di atas lalu periksa lagi",
                           "en": "fix the gaps above and check again"},
    "lint.overlap": {"id": "aturan '{rule}' dan '{other}' sama-sama berlaku untuk {cell} "
                            "(hit_policy unique)",
                     "en": "rules '{rule}' and '{other}' both apply to {cell} (hit_policy "
                           "unique)"},
    "lint.overlap.fix": {"id": "persempit `when` salah satunya, atau pakai `hit_policy: first` "
                                "bila urutan memang menentukan",
                         "en": "narrow one of the `when`s, or use `hit_policy: first` if order "
                               "really decides"},
    "lint.unreachable": {"id": "aturan '{rule}' tidak pernah dapat berlaku",
                         "en": "rule '{rule}' can never apply"},
    "lint.unreachable.fix": {"id": "periksa syaratnya (mungkin bertentangan atau di luar rentang "
                                    "masukan) atau hapus aturan itu",
                             "en": "check its conditions (contradictory or outside the input "
                                   "range) or delete the rule"},
    "lint.shadowed": {"id": "aturan '{rule}' tak terjangkau: aturan sebelumnya selalu lebih "
                             "dulu cocok",
                      "en": "rule '{rule}' is unreachable: earlier rules always match first"},
    "lint.shadowed.fix": {"id": "pindahkan ke atas, persempit aturan sebelumnya, atau hapus",
                          "en": "move it up, narrow the earlier rules, or delete it"},
    "lint.too_large": {"id": "keputusan '{decision}' punya {size} kombinasi; terlalu banyak "
                              "untuk diperiksa",
                       "en": "decision '{decision}' has {size} combinations; too many to "
                             "check"},
    "lint.too_large.fix": {"id": "pecah menjadi beberapa keputusan yang lebih kecil",
                           "en": "split it into smaller decisions"},
    # -- evaluation -----------------------------------------------------------------------------
    "eval.unknown_decision": {"id": "paket '{pack}' tidak punya keputusan '{decision}'",
                              "en": "pack '{pack}' has no decision '{decision}'"},
    "eval.unknown_decision.fix": {"id": "pilih salah satu: {known}",
                                  "en": "choose one of: {known}"},
    "eval.unknown_input": {"id": "'{name}' bukan masukan keputusan '{decision}'",
                           "en": "'{name}' is not an input of decision '{decision}'"},
    "eval.unknown_input.fix": {"id": "masukan yang dikenal: {known}",
                               "en": "known inputs: {known}"},
    "eval.missing_input": {"id": "masukan '{name}' wajib diisi untuk '{decision}'",
                           "en": "input '{name}' is required for '{decision}'"},
    "eval.missing_input.fix": {"id": "tambahkan {name}=NILAI ({allowed})",
                               "en": "add {name}=VALUE ({allowed})"},
    "eval.bad_enum": {"id": "'{value}' bukan nilai yang sah untuk '{name}'",
                      "en": "'{value}' is not an allowed value for '{name}'"},
    "eval.bad_enum.fix": {"id": "pilih salah satu: {allowed}", "en": "choose one of: {allowed}"},
    "eval.bad_boolean": {"id": "'{value}' bukan ya/tidak untuk '{name}'",
                         "en": "'{value}' is not a yes/no value for '{name}'"},
    "eval.bad_boolean.fix": {"id": "tulis true/false atau ya/tidak",
                             "en": "write true/false or ya/tidak"},
    "eval.bad_number": {"id": "'{value}' bukan angka untuk '{name}'",
                        "en": "'{value}' is not a number for '{name}'"},
    "eval.bad_number.fix": {"id": "tulis angka biasa dengan titik desimal, mis. 89.99",
                            "en": "write a plain number with a decimal point, e.g. 89.99"},
    "eval.not_integer": {"id": "'{value}' bukan bilangan bulat untuk '{name}'",
                         "en": "'{value}' is not a whole number for '{name}'"},
    "eval.not_integer.fix": {"id": "tulis bilangan bulat, mis. 3",
                             "en": "write a whole number, e.g. 3"},
    "eval.below_minimum": {"id": "'{value}' terlalu kecil untuk '{name}' (paling kecil {min})",
                           "en": "'{value}' is too small for '{name}' (at least {min})"},
    "eval.below_minimum.fix": {"id": "tulis nilai {min} atau lebih",
                               "en": "write {min} or more"},
    "eval.above_maximum": {"id": "'{value}' terlalu besar untuk '{name}' (paling besar {max})",
                           "en": "'{value}' is too large for '{name}' (at most {max})"},
    "eval.above_maximum.fix": {"id": "tulis nilai {max} atau kurang",
                               "en": "write {max} or less"},
    "eval.pack_not_in_force": {"id": "paket '{pack}' tidak berlaku pada {on} (berlaku {start} "
                                      "s.d. {end})",
                               "en": "pack '{pack}' is not in force on {on} (in force {start} to "
                                     "{end})"},
    "eval.pack_not_in_force.fix": {"id": "pilih tanggal dalam masa berlakunya dengan --on, atau "
                                          "pakai paket yang berlaku pada tanggal itu",
                                   "en": "choose a date inside its validity with --on, or use "
                                         "the pack in force on that date"},
    "eval.derived_out_of_range": {"id": "'{name}' = {value} di luar rentang yang dinyatakan paket "
                                         "({min} sampai {max})",
                                  "en": "'{name}' = {value} is outside the range the pack declares "
                                        "({min} to {max})"},
    "eval.derived_out_of_range.fix": {"id": "periksa masukan; bila nilainya memang sah, perbaiki "
                                             "`range` di paket",
                                      "en": "check the inputs; if the value is right, correct the "
                                            "pack's `range`"},
    "cli.repeated_input": {"id": "masukan '{name}' ditulis dua kali",
                           "en": "input '{name}' is given twice"},
    "cli.repeated_input.fix": {"id": "tulis setiap nama=nilai sekali saja",
                               "en": "give each name=value once"},
    "eval.too_large": {"id": "'{name}' = {value} terlalu besar untuk dihitung (batas {limit})",
                       "en": "'{name}' = {value} is too large to evaluate (limit {limit})"},
    "eval.too_large.fix": {"id": "periksa angkanya: tidak ada nilai kinerja sebesar itu",
                           "en": "check the number: no performance figure is that large"},
    "eval.no_rule": {"id": "tidak ada aturan '{decision}' untuk {values}",
                     "en": "no rule of '{decision}' covers {values}"},
    "eval.no_rule.fix": {"id": "paket punya celah: jalankan `ekinerja rules check` dan lengkapi "
                                "tabelnya",
                         "en": "the pack has a gap: run `ekinerja rules check` and complete the "
                               "table"},
    "eval.parameter_not_in_force": {"id": "parameter '{name}' belum berlaku pada {on} (berlaku "
                                           "sejak {first})",
                                    "en": "parameter '{name}' is not in force on {on} (in force "
                                          "from {first})"},
    "eval.parameter_not_in_force.fix": {"id": "pilih tanggal lain dengan --on, atau tambahkan "
                                               "nilai bertanggal lebih awal",
                                        "en": "choose another date with --on, or add an earlier "
                                              "dated value"},
    "eval.division_by_zero": {"id": "pembagian dengan nol saat menghitung '{name}' ({expr})",
                              "en": "division by zero while computing '{name}' ({expr})"},
    "eval.division_by_zero.fix": {"id": "periksa masukan: pembagi (mis. target) tidak boleh 0",
                                  "en": "check the inputs: a divisor (e.g. target) may not be 0"},
    "eval.expression_failed": {"id": "'{name}' tidak dapat dihitung dari {expr}: {detail}",
                               "en": "'{name}' cannot be computed from {expr}: {detail}"},
    "eval.expression_failed.fix": {"id": "periksa masukan dan rumus di paket",
                                   "en": "check the inputs and the formula in the pack"},
    # -- command line ----------------------------------------------------------------------------
    "cli.bad_pair": {"id": "'{arg}' bukan pasangan nama=nilai",
                     "en": "'{arg}' is not a name=value pair"},
    "cli.bad_pair.fix": {"id": "tulis mis. rating_hasil_kerja=di_atas",
                         "en": "write e.g. rating_hasil_kerja=di_atas"},
    "cli.bad_date": {"id": "'{value}' bukan tanggal", "en": "'{value}' is not a date"},
    "cli.bad_date.fix": {"id": "tulis YYYY-MM-DD, mis. 2026-01-31",
                         "en": "write YYYY-MM-DD, e.g. 2026-01-31"},
    "cli.usage": {"id": "perintah tidak lengkap atau tidak dikenal: {detail}",
                  "en": "incomplete or unknown command: {detail}"},
    "cli.usage.fix": {"id": "lihat `ekinerja --help` atau `ekinerja rules --help`",
                      "en": "see `ekinerja --help` or `ekinerja rules --help`"},
    "cli.check_ok": {"id": "{file}: paket '{pack}' sah ({decisions} keputusan, {parameters} "
                            "parameter)",
                     "en": "{file}: pack '{pack}' is valid ({decisions} decisions, {parameters} "
                           "parameters)"},
    "cli.check_failed": {"id": "{count} masalah ditemukan", "en": "{count} problems found"},
    "cli.no_packs": {"id": "tidak ada paket di {dir}", "en": "no packs in {dir}"},
    "cli.interrupted": {"id": "dihentikan", "en": "interrupted"},
    "cli.internal_error": {"id": "kesalahan internal: {detail}. Laporkan bersama perintah yang "
                                  "dijalankan.",
                           "en": "internal error: {detail}. Please report it with the command "
                                 "you ran."},
}

MESSAGES.update({
    "explain.header": {"id": "Paket {pack} — keputusan {decision} (tanggal evaluasi {on})",
                       "en": "Pack {pack} — decision {decision} (evaluated as of {on})"},
    "explain.outputs": {"id": "Hasil:", "en": "Outcome:"},
    "explain.not_applicable": {"id": "— (tidak berlaku)", "en": "— (not applicable)"},
    "explain.why": {"id": "Mengapa:", "en": "Why:"},
    "explain.rule": {"id": "aturan {rule} berlaku karena {reads} → {sets}",
                     "en": "rule {rule} applies because {reads} → {sets}"},
    "explain.not_applied": {"id": "aturan {rule} (didahulukan) tidak berlaku untuk {reads}",
                            "en": "rule {rule} (checked first) does not apply to {reads}"},
    "explain.cite": {"id": "dasar: {cite}", "en": "basis: {cite}"},
    "explain.parameter": {"id": "parameter {name} = {value} (versi berlaku sejak {version})",
                          "en": "parameter {name} = {value} (version in force since {version})"},
    "explain.uncertain": {"id": "TIDAK PASTI: {note}", "en": "UNCERTAIN: {note}"},
    "explain.computed": {"id": "{name} = {expr} = {value}", "en": "{name} = {expr} = {value}"},
    "list.header": {"id": "Paket aturan di {dir}:", "en": "Rule packs in {dir}:"},
    "list.dates": {"id": "berlaku {start} s.d. {end}", "en": "in force {start} to {end}"},
    "list.open_end": {"id": "sekarang", "en": "now"},
    "list.extends": {"id": "reformasi atas {base}", "en": "reform of {base}"},
    "list.broken": {"id": "RUSAK: jalankan `ekinerja rules check {file}`",
                    "en": "BROKEN: run `ekinerja rules check {file}`"},
    "diff.header": {"id": "Perubahan {b} terhadap {a}:", "en": "What {b} changes relative to {a}:"},
    "diff.none": {"id": "Tidak ada perbedaan aturan.", "en": "No difference in the rules."},
    "diff.header_field": {"id": "{field}: {old} → {new}", "en": "{field}: {old} → {new}"},
    "diff.param_changed": {"id": "Parameter {name} ({description}): {old} → {new}",
                           "en": "Parameter {name} ({description}): {old} → {new}"},
    "diff.param_added": {"id": "Parameter baru {name} ({description}): {new}",
                         "en": "New parameter {name} ({description}): {new}"},
    "diff.param_removed": {"id": "Parameter {name} dihapus (sebelumnya {old})",
                           "en": "Parameter {name} removed (was {old})"},
    "diff.since": {"id": "{value} sejak {date}", "en": "{value} from {date}"},
    "diff.decision_added": {"id": "Keputusan baru {name}", "en": "New decision {name}"},
    "diff.decision_removed": {"id": "Keputusan {name} dihapus", "en": "Decision {name} removed"},
    "diff.rule_changed": {"id": "Aturan {decision}/{rule}: bila {when}, hasilnya {old} → {new}",
                          "en": "Rule {decision}/{rule}: when {when}, the outcome {old} → {new}"},
    "diff.rule_when_changed": {"id": "Aturan {decision}/{rule}: syarat {old} → {new}",
                               "en": "Rule {decision}/{rule}: condition {old} → {new}"},
    "diff.rule_added": {"id": "Aturan baru {decision}/{rule}: bila {when} maka {then}",
                        "en": "New rule {decision}/{rule}: when {when} then {then}"},
    "diff.rule_removed": {"id": "Aturan {decision}/{rule} dihapus",
                          "en": "Rule {decision}/{rule} removed"},
    "diff.formula_changed": {"id": "Rumus {decision}/{name}: {old} → {new}",
                             "en": "Formula {decision}/{name}: {old} → {new}"},
    "diff.cite": {"id": "dasar: {cite}", "en": "basis: {cite}"},
    "diff.always": {"id": "selalu", "en": "always"},
    "welcome": {"id": "e-Kinerja Sandbox {version} — latihan e-Kinerja tanpa risiko.\n"
                      "Perintah yang tersedia sekarang:\n"
                      "  ekinerja rules list                 daftar paket aturan\n"
                      "  ekinerja rules check PAKET          periksa paket (berkas:baris)\n"
                      "  ekinerja rules eval PAKET KEPUTUSAN nama=nilai ...   hitung + jejak\n"
                      "  ekinerja rules diff DASAR REFORMASI apa yang diubah reformasi\n"
                      "Contoh: ekinerja rules eval permenpanrb-6-2022 predikat "
                      "rating_hasil_kerja=di_atas rating_perilaku=sesuai",
                "en": "e-Kinerja Sandbox {version} — practise e-Kinerja without risk.\n"
                      "Commands available now:\n"
                      "  ekinerja rules list                 list rule packs\n"
                      "  ekinerja rules check PACK           check a pack (file:line)\n"
                      "  ekinerja rules eval PACK DECISION name=value ...   evaluate + trace\n"
                      "  ekinerja rules diff BASE REFORM     what a reform changes\n"
                      "Example: ekinerja rules eval permenpanrb-6-2022 predikat "
                      "rating_hasil_kerja=di_atas rating_perilaku=sesuai"},
})

MESSAGES.update({
    "tui.quit": {"id": "Keluar", "en": "Quit"},
    "tui.decisions": {"id": "Keputusan", "en": "Decisions"},
    "tui.pick_decision": {"id": "Pilih keputusan di kiri (panah atas/bawah, Enter)",
                          "en": "Pick a decision on the left (arrow keys, Enter)"},
    "tui.result": {"id": "Hasil dan alasannya", "en": "Outcome and why"},
    "tui.subtitle": {"id": "Penjelajah Aturan", "en": "Rule explorer"},
    "tui.basis": {"id": "Dasar", "en": "Basis"},
    "tui.yes": {"id": "ya", "en": "yes"},
    "tui.no": {"id": "tidak", "en": "no"},
    "tui.no_packs": {"id": "Tidak ada paket aturan yang sah di rules/",
                     "en": "No valid rule packs in rules/"},
})

MESSAGES.update({
    "cli.office_saved": {"id": "{nama}: {pegawai} pegawai dalam {units} unit kerja disimpan di {path}",
                         "en": "{nama}: {pegawai} staff in {units} units saved to {path}"},
    "cli.demo_ready": {"id": "siap latihan: {periods} periode penilaian {year}, {approved} SKP pimpinan sudah"
                             " disetujui; staf lain mulai dari 'Tambah SKP'",
                       "en": "ready to practise: {periods} assessment periods in {year}, {approved} leaders'"
                             " SKPs approved; other staff start from 'Tambah SKP'"},
    "cli.office_exists": {"id": "{nama} sudah ada di {path}; tidak ada yang diubah",
                          "en": "{nama} is already in {path}; nothing was changed"},
    "cli.bad_staff": {"id": "jumlah pegawai {value} tidak masuk akal",
                      "en": "a staff count of {value} makes no sense"},
    "cli.bad_staff.fix": {"id": "tulis --staff antara 1 dan {maks}",
                          "en": "give --staff between 1 and {maks}"},
    "cli.bad_arg": {"id": "argumen ke-{n} berisi karakter yang tidak dapat dipakai ({kode})",
                    "en": "argument {n} contains a character that cannot be used ({kode})"},
    "cli.bad_arg.fix": {"id": "ketik ulang argumen itu tanpa karakter kontrol; berkas yang namanya bukan "
                               "UTF-8 ganti dulu namanya",
                        "en": "type that argument again without control characters; rename a file whose "
                              "name is not UTF-8 first"},
    "cli.long_arg": {"id": "argumen ke-{n} terlalu panjang: {panjang} karakter, paling banyak {maks}",
                     "en": "argument {n} is too long: {panjang} characters, at most {maks}"},
    "cli.long_arg.fix": {"id": "periksa perintahnya; untuk path yang panjang, pindah dulu ke foldernya (cd)",
                         "en": "check the command; for a long path, change to its folder first (cd)"},
    "cli.bad_port": {"id": "port {value} di luar 1..65535", "en": "port {value} is outside 1..65535"},
    "cli.bad_port.fix": {"id": "tulis --port antara 1 dan 65535, mis. 8000",
                         "en": "give --port between 1 and 65535, e.g. 8000"},
    "cli.bad_host": {"id": "alamat '{value}' bukan nama host atau alamat IP",
                     "en": "'{value}' is not a host name or an IP address"},
    "cli.bad_host.fix": {"id": "tulis --host 0.0.0.0 (semua jaringan) atau alamat IP laptop ini",
                         "en": "give --host 0.0.0.0 (every network) or this laptop's IP address"},
    "cli.path_unusable": {"id": "path '{path}' tidak dapat dipakai ({detail})",
                          "en": "the path '{path}' cannot be used ({detail})"},
    "cli.path_unusable.fix": {"id": "periksa ejaan dan panjang nama berkas, atau pilih berkas lain",
                              "en": "check the spelling and length of the file name, or choose another file"},
})

# -- the SQLite store ----------------------------------------------------------------------------
MESSAGES.update({
    "store.damaged": {"id": "berkas {path} bukan basis data SQLite atau sudah rusak ({detail})",
                      "en": "{path} is not an SQLite database or is damaged ({detail})"},
    "store.damaged.fix": {"id": "pulihkan dari salinan cadangan, atau pilih berkas lain "
                                "dengan --db / EKINERJA_DB",
                          "en": "restore it from a backup, or choose another file with --db / EKINERJA_DB"},
    "store.foreign": {"id": "berkas {path} adalah basis data SQLite, tetapi bukan milik e-Kinerja Sandbox",
                      "en": "{path} is an SQLite database, but not an e-Kinerja Sandbox one"},
    "store.foreign.fix": {"id": "pilih berkas lain, atau biarkan Sandbox membuat berkas baru",
                          "en": "choose another file, or let the sandbox create a new one"},
    "store.newer": {"id": "berkas {path} dibuat oleh versi e-Kinerja Sandbox yang lebih baru "
                          "(skema v{found}; versi ini hanya mengenal sampai v{known})",
                    "en": "{path} was written by a newer e-Kinerja Sandbox (schema v{found}; "
                          "this version knows up to v{known})"},
    "store.newer.fix": {"id": "perbarui aplikasi e-Kinerja Sandbox; berkas ini tidak diubah",
                        "en": "upgrade e-Kinerja Sandbox; the file was not changed"},
    "store.locked": {"id": "basis data {path} sedang sibuk dipakai proses lain terlalu lama "
                           "({attempts} kali dicoba)",
                     "en": "database {path} stayed busy in another process for too long "
                           "({attempts} attempts)"},
    "store.locked.fix": {"id": "tunggu sebentar lalu ulangi; jangan simpan berkas di folder jaringan",
                         "en": "wait a moment and try again; do not keep the file on a network share"},
    "store.path": {"id": "berkas basis data {path} tidak dapat dibuka ({detail})",
                   "en": "database file {path} cannot be opened ({detail})"},
    "store.path.fix": {"id": "periksa bahwa path itu berkas (bukan folder) dan Anda berhak menulis di sana",
                       "en": "check the path is a file (not a folder) and that you may write there"},
    "store.migration": {"id": "pembaruan skema ke v{version} ({name}) gagal: {detail}",
                        "en": "upgrading the schema to v{version} ({name}) failed: {detail}"},
    "store.migration.fix": {"id": "berkas dibiarkan pada versi lamanya; laporkan pesan ini ke pengembang",
                            "en": "the file kept its old version; report this message to the developers"},
    "store.unavailable": {
        "id": "server tidak dapat menyimpan saat ini (HTTP {kode}); isian TIDAK tersimpan",
        "en": "the server cannot save right now (HTTP {kode}); your entry was NOT saved"},
    "store.unavailable.fix": {
        "id": "periksa daftar entri dulu, lalu simpan lagi hanya jika belum ada (F10: status layanan)",
        "en": "check the list of entries first, then save again only if it is not there"
              " (F10: service status)"},
    "store.unavailable.tanpa_jawaban": {
        "id": "koneksi terputus sebelum server menjawab (HTTP {kode}); isian MUNGKIN sudah tersimpan",
        "en": "the connection dropped before the server answered (HTTP {kode});"
              " your entry MAY have been saved"},
    "store.unavailable.tanpa_jawaban.fix": {
        "id": "lihat daftar entri dulu; simpan lagi hanya jika memang belum ada",
        "en": "look at the list of entries first; save again only if it is not there"},
    "store.unavailable.pemeliharaan": {
        "id": "server sedang pemeliharaan sampai pukul {sampai}; isian TIDAK tersimpan",
        "en": "the server is under maintenance until {sampai}; your entry was NOT saved"},
    "store.unavailable.pemeliharaan.fix": {
        "id": "catat isian Anda, tunggu sampai pemeliharaan selesai, lalu simpan lagi (F10: status layanan)",
        "en": "note your entry, wait until the maintenance ends, then save again (F10: service status)"},
})

# -- backups, restores and damaged files (sandbox/store/backup.py, sandbox/cli_backup.py) --------------
MESSAGES.update({
    "store.damaged.fix_cadangan": {
        "id": "pulihkan salinan cadangan terakhir: ekinerja restore --db {path} --dari {cadangan}",
        "en": "restore the latest backup: ekinerja restore --db {path} --dari {cadangan}"},
    "store.missing": {"id": "berkas basis data {path} tidak ada atau masih kosong",
                      "en": "database file {path} does not exist or is still empty"},
    "store.missing.fix": {"id": "periksa path --db (ejaan dan foldernya); `ekinerja demo` atau "
                                "`ekinerja class create` membuat berkas baru",
                          "en": "check the --db path (spelling and folder); `ekinerja demo` or "
                                "`ekinerja class create` makes a new file"},
    "store.in_use": {"id": "berkas {path} sedang dibuka oleh proses lain (PID {pids}); pemulihan ditolak "
                           "agar pekerjaan yang sedang berjalan tidak tertimpa",
                     "en": "{path} is open in another process (PID {pids}); the restore was refused so "
                           "work in progress is not overwritten"},
    "store.in_use.fix": {"id": "tutup aplikasi kursi, konsol pelatih dan `ekinerja serve` yang memakai "
                               "berkas ini, lalu ulangi",
                         "en": "close the seats, the trainer's console and `ekinerja serve` using this "
                               "file, then try again"},
    "store.restore_refused": {"id": "{path} tidak dapat dipulihkan ke {db}",
                              "en": "{path} cannot be restored into {db}"},
    "store.restore_refused.fix": {"id": "berkas {db} tidak diubah; pilih salinan cadangan lain "
                                        "(folder cadangan/ di sebelahnya)",
                                  "en": "{db} was not changed; choose another backup "
                                        "(the cadangan/ folder beside it)"},
    "store.repaired": {"id": "berkas {path} rusak pada indeks ({detail}); indeks sudah dibangun ulang "
                             "dari data, tidak ada data yang hilang. Salinan berkas rusak: {salinan}",
                       "en": "{path} was damaged in its indexes ({detail}); they were rebuilt from the "
                             "data and nothing was lost. Copy of the damaged file: {salinan}"},
    "cli.cadangan.progres": {"id": "mencadangkan… {persen}%", "en": "backing up… {persen}%"},
    "cli.cadangan.selesai": {"id": "salinan cadangan {db} disimpan di {path} ({ukuran} KB, diperiksa utuh)",
                             "en": "backup of {db} saved to {path} ({ukuran} KB, checked whole)"},
    "cli.pulih.selesai": {"id": "{db} dipulihkan dari {dari}; isi sebelumnya disimpan di {lama}",
                          "en": "{db} restored from {dari}; its previous content is kept in {lama}"},
    "cli.pulih.baru": {"id": "{db} dibuat dari salinan cadangan {dari}",
                       "en": "{db} created from the backup {dari}"},
    "cli.periksa.utuh": {"id": "{path}: utuh (integrity_check, {ms} ms)",
                         "en": "{path}: whole (integrity_check, {ms} ms)"},
})

# -- the workflow service --------------------------------------------------------------------------
MESSAGES.update({
    # -- who ---------------------------------------------------------------------------------------
    "workflow.pegawai_tidak_dikenal": {
        "id": "NIP {nip} tidak terdaftar sebagai pegawai aktif di Sandbox ini",
        "en": "NIP {nip} is not an active pegawai in this sandbox"},
    "workflow.pegawai_tidak_dikenal.fix": {
        "id": "periksa NIP (18 angka); bila memang belum ada, minta admin instansi menambahkannya",
        "en": "check the NIP (18 digits); if it is really missing, ask the admin instansi to add it"},
    "workflow.acting_as": {
        "id": "{actor} mencoba bertindak sebagai {acting_as}; ini dicatat sebagai pelanggaran integritas",
        "en": "{actor} tried to act as {acting_as}; this is recorded as an integrity violation"},
    "workflow.acting_as.fix": {
        "id": "pemilik NIP harus masuk dan mengisi sendiri; operator hanya boleh mendampingi",
        "en": "the NIP's owner must log in and fill it in; an operator may only coach beside them"},
    "workflow.bukan_pemilik": {
        "id": "SKP {skp_id} milik {pemilik}; {actor} tidak boleh mengubah atau mengajukannya",
        "en": "SKP {skp_id} belongs to {pemilik}; {actor} may not edit or submit it"},
    "workflow.bukan_pemilik.fix": {
        "id": "hanya pemilik SKP yang mengisi dan mengajukan SKP-nya sendiri",
        "en": "only the SKP's owner fills in and submits their own SKP"},
    "workflow.baca.bukan_hak": {
        "id": "SKP {skp_id} milik {pemilik}; {actor} tidak berhak melihat isinya",
        "en": "SKP {skp_id} belongs to {pemilik}; {actor} may not see its content"},
    "workflow.baca.bukan_hak.fix": {
        "id": "SKP hanya terbuka bagi pemiliknya, pejabat penilai dan atasannya, serta pengelola kinerja",
        "en": "an SKP is open only to its owner, their pejabat penilai and superiors, and the "
              "performance managers"},
    # -- which -------------------------------------------------------------------------------------
    "workflow.skp_tidak_ada": {
        "id": "SKP dengan nomor {skp_id} tidak ditemukan",
        "en": "there is no SKP number {skp_id}"},
    "workflow.skp_tidak_ada.fix": {
        "id": "pilih SKP dari daftar SKP Anda atau SKP Bawahan",
        "en": "pick the SKP from your SKP list or the SKP Bawahan list"},
    "workflow.rhk_tidak_ada": {
        "id": "RHK dengan nomor {rhk_id} tidak ditemukan",
        "en": "there is no RHK number {rhk_id}"},
    "workflow.rhk_tidak_ada.fix": {
        "id": "pilih RHK dari daftar RHK pada SKP yang benar",
        "en": "pick the RHK from the RHK list of the right SKP"},
    # -- SKP creation ------------------------------------------------------------------------------
    "workflow.skp.periode_bukan_tahunan": {
        "id": "periode SKP {awal} s.d. {akhir} bukan satu tahun penuh; SKP bukan bulanan atau triwulanan",
        "en": "SKP period {awal} to {akhir} is not a whole year; an SKP is not monthly or quarterly"},
    "workflow.skp.periode_bukan_tahunan.fix": {
        "id": "isi Periode Awal 1 Januari dan Periode Akhir 31 Desember tahun yang sama; penilaian "
              "bulanan/triwulanan diatur lewat periode penilaian, bukan lewat SKP",
        "en": "use 1 January to 31 December of one year; monthly or quarterly assessment is set by "
              "the assessment periods, not by the SKP"},
    "workflow.skp.periode_tumpang_tindih": {
        "id": "periode {awal} s.d. {akhir} tumpang tindih dengan SKP {lain} ({status}) "
              "milik pegawai yang sama",
        "en": "period {awal} to {akhir} overlaps SKP {lain} ({status}) of the same pegawai"},
    "workflow.skp.periode_tumpang_tindih.fix": {
        "id": "lanjutkan SKP {lain} yang sudah ada, atau pilih tahun lain",
        "en": "continue the existing SKP {lain}, or choose another year"},
    "workflow.skp.pendekatan": {
        "id": "pendekatan '{pendekatan}' tidak dikenal",
        "en": "approach '{pendekatan}' is unknown"},
    "workflow.skp.pendekatan.fix": {
        "id": "pilih Kuantitatif atau Kualitatif",
        "en": "choose Kuantitatif or Kualitatif"},
    # -- state -------------------------------------------------------------------------------------
    "workflow.skp.terkunci": {
        "id": "SKP ini berstatus {status} sehingga tidak dapat diubah",
        "en": "this SKP is {status}, so it cannot be changed"},
    "workflow.skp.terkunci.fix": {
        "id": "hanya SKP Draft atau Dikembalikan yang dapat diubah; SKP yang sudah disetujui "
              "diubah lewat jalur revisi",
        "en": "only a Draft or returned SKP can be edited; an approved SKP changes through a revision"},
    "workflow.skp.status_salah": {
        "id": "SKP ini berstatus {status}; perintah '{perintah}' hanya untuk SKP yang {boleh}",
        "en": "this SKP is {status}; '{perintah}' is only for an SKP that is {boleh}"},
    "workflow.skp.status_salah.fix": {
        "id": "lihat status dan riwayat SKP; jangan mengajukan atau memutus dua kali",
        "en": "check the SKP's status and history; do not submit or decide twice"},
    # -- RHK / indikator ---------------------------------------------------------------------------
    "workflow.rhk.jenis": {
        "id": "jenis RHK '{jenis}' tidak dikenal",
        "en": "RHK type '{jenis}' is unknown"},
    "workflow.rhk.jenis.fix": {"id": "pilih Utama atau Tambahan", "en": "choose Utama or Tambahan"},
    "workflow.rhk.klasifikasi": {
        "id": "klasifikasi RHK '{klasifikasi}' tidak dikenal",
        "en": "RHK classification '{klasifikasi}' is unknown"},
    "workflow.rhk.klasifikasi.fix": {"id": "pilih Organisasi atau Individu",
                                     "en": "choose Organisasi or Individu"},
    "workflow.rhk.teks_kosong": {
        "id": "teks Rencana Hasil Kerja kosong",
        "en": "the Rencana Hasil Kerja text is empty"},
    "workflow.rhk.teks_kosong.fix": {
        "id": "tulis hasil yang dicapai (mis. 'Tersusunnya ...'), bukan kegiatan",
        "en": "write the result to be reached (e.g. 'Tersusunnya ...'), not an activity"},
    "workflow.rhk.induk_wajib": {
        "id": "RHK pegawai non-JPT harus mengintervensi RHK atasan (RHK atasan yang diintervensi kosong)",
        "en": "a non-JPT pegawai's RHK must intervene a superior's RHK (none chosen)"},
    "workflow.rhk.induk_wajib.fix": {
        "id": "pilih RHK atasan yang diintervensi dari SKP pejabat penilai yang sudah disetujui",
        "en": "choose the superior's RHK to intervene from the pejabat penilai's approved SKP"},
    "workflow.rhk.induk_belum_disetujui": {
        "id": "SKP atasan ({atasan}) belum disetujui, sehingga daftar RHK atasan masih kosong",
        "en": "the superior's SKP ({atasan}) is not approved yet, so the superior's RHK list is empty"},
    "workflow.rhk.induk_belum_disetujui.fix": {
        "id": "SKP induk harus disetujui terlebih dahulu: minta atasan membuat, mengajukan dan "
              "mendapatkan persetujuan SKP-nya, lalu ulangi",
        "en": "the parent SKP must be approved first: ask the superior to create, submit and get "
              "their SKP approved, then try again"},
    "workflow.rhk.induk_bukan_atasan": {
        "id": "RHK {induk_rhk_id} bukan RHK dari SKP pejabat penilai Anda ({atasan}) yang disetujui "
              "untuk periode ini",
        "en": "RHK {induk_rhk_id} is not from the approved SKP of your pejabat penilai ({atasan}) "
              "for this period"},
    "workflow.rhk.induk_bukan_atasan.fix": {
        "id": "pilih RHK dari SKP atasan langsung Anda; bila atasan salah, perbaiki profil (Sinkron SIASN)",
        "en": "pick an RHK from your direct superior's SKP; if the superior is wrong, fix the profile "
              "(Sinkron SIASN)"},
    "workflow.rhk.induk_lain": {
        "id": "SKP ini sudah terhubung ke SKP induk {induk_skp_id}; RHK {induk_rhk_id} berasal dari SKP lain",
        "en": "this SKP is already linked to parent SKP {induk_skp_id}; RHK {induk_rhk_id} is from another"},
    "workflow.rhk.induk_lain.fix": {
        "id": "semua RHK harus mengintervensi RHK dari SKP induk yang sama",
        "en": "every RHK must intervene an RHK of the same parent SKP"},
    "workflow.indikator.aspek": {
        "id": "aspek '{aspek}' tidak dikenal untuk SKP kuantitatif",
        "en": "aspect '{aspek}' is unknown for a kuantitatif SKP"},
    "workflow.indikator.aspek.fix": {
        "id": "pilih Kuantitas, Kualitas, Waktu atau Biaya",
        "en": "choose Kuantitas, Kualitas, Waktu or Biaya"},
    "workflow.indikator.target_wajib": {
        "id": "indikator SKP kuantitatif tanpa target angka dan satuan",
        "en": "a kuantitatif SKP's indicator has no numeric target and unit"},
    "workflow.indikator.target_wajib.fix": {
        "id": "isi target angka dan satuannya, mis. 120 Berkas",
        "en": "fill in a numeric target and its unit, e.g. 120 Berkas"},
    "workflow.indikator.teks_kosong": {
        "id": "teks indikator kosong",
        "en": "the indicator text is empty"},
    "workflow.indikator.teks_kosong.fix": {
        "id": "tulis ukuran keberhasilan, mis. 'Jumlah usul mutasi yang diproses'",
        "en": "write the success measure, e.g. 'Jumlah usul mutasi yang diproses'"},
    "workflow.indikator.perspektif": {
        "id": "perspektif '{perspektif}' tidak dikenal",
        "en": "perspective '{perspektif}' is unknown"},
    "workflow.indikator.perspektif.fix": {
        "id": "pilih Penerima Layanan, Penguatan Internal, Proses Bisnis atau Anggaran",
        "en": "choose Penerima Layanan, Penguatan Internal, Proses Bisnis or Anggaran"},
    # -- ajukan guards (§1.3-B) --------------------------------------------------------------------
    "workflow.ajukan.pejabat_penilai": {
        "id": "pejabat penilai pada SKP ({tercatat}) berbeda dengan atasan di profil ({profil})",
        "en": "the SKP's pejabat penilai ({tercatat}) differs from the superior in the profile ({profil})"},
    "workflow.ajukan.pejabat_penilai.fix": {
        "id": "periksa profil dan Sinkron SIASN; bila perlu buat SKP baru dengan atasan yang benar",
        "en": "check the profile and Sinkron SIASN; if needed create a new SKP with the right superior"},
    "workflow.ajukan.induk": {
        "id": "SKP belum terhubung ke SKP atasan yang disetujui",
        "en": "the SKP is not linked to an approved superior's SKP"},
    "workflow.ajukan.induk.fix": {
        "id": "SKP induk harus disetujui terlebih dahulu, lalu pilih RHK atasan yang diintervensi",
        "en": "the parent SKP must be approved first, then choose the superior's RHK to intervene"},
    "workflow.ajukan.rhk_utama_kosong": {
        "id": "SKP belum memiliki RHK Utama",
        "en": "the SKP has no RHK Utama"},
    "workflow.ajukan.rhk_utama_kosong.fix": {
        "id": "tambahkan paling sedikit satu RHK berjenis Utama",
        "en": "add at least one RHK of type Utama"},
    "workflow.ajukan.rhk_tanpa_induk": {
        "id": "RHK {nomor} belum mengintervensi RHK atasan",
        "en": "RHK {nomor} do not intervene a superior's RHK"},
    "workflow.ajukan.rhk_tanpa_induk.fix": {
        "id": "pilih RHK atasan yang diintervensi untuk setiap RHK",
        "en": "choose the superior's RHK to intervene for every RHK"},
    "workflow.ajukan.rhk_tanpa_indikator": {
        "id": "RHK {nomor} belum memiliki indikator",
        "en": "RHK {nomor} have no indicator"},
    "workflow.ajukan.rhk_tanpa_indikator.fix": {
        "id": "tambahkan paling sedikit satu indikator pada setiap RHK",
        "en": "add at least one indicator to every RHK"},
    "workflow.ajukan.target_kosong": {
        "id": "indikator {nomor} (SKP kuantitatif) belum memiliki aspek, target atau satuan",
        "en": "indicators {nomor} (kuantitatif SKP) lack an aspect, target or unit"},
    "workflow.ajukan.target_kosong.fix": {
        "id": "isi aspek, target angka dan satuan setiap indikator",
        "en": "fill in the aspect, numeric target and unit of every indicator"},
    "workflow.ajukan.perspektif_kosong": {
        "id": "indikator {nomor} (JPT) belum memiliki perspektif",
        "en": "indicators {nomor} (JPT) have no perspective"},
    "workflow.ajukan.perspektif_kosong.fix": {
        "id": "pilih perspektif setiap indikator JPT",
        "en": "choose the perspective of every JPT indicator"},
    "workflow.ajukan.lampiran": {
        "id": "lampiran SKP belum lengkap ({kosong})",
        "en": "the SKP's lampiran is incomplete ({kosong})"},
    "workflow.ajukan.lampiran.fix": {
        "id": "isi Dukungan Sumber Daya, Skema Pertanggungjawaban dan Konsekuensi",
        "en": "fill in resources, accountability scheme and consequences"},
    "workflow.ajukan.ganda": {
        "id": "SKP {lain} milik pegawai yang sama dengan periode tumpang tindih sudah berstatus {status}",
        "en": "SKP {lain} of the same pegawai with an overlapping period is already {status}"},
    "workflow.ajukan.ganda.fix": {
        "id": "lanjutkan SKP {lain}; jangan mengajukan dua SKP untuk periode yang sama",
        "en": "continue SKP {lain}; do not submit two SKPs for the same period"},
    # -- decisions ---------------------------------------------------------------------------------
    "workflow.putus.diri_sendiri": {
        "id": "{actor} tidak boleh menyetujui atau mengembalikan SKP-nya sendiri",
        "en": "{actor} may not approve or return their own SKP"},
    "workflow.putus.diri_sendiri.fix": {
        "id": "SKP diputus oleh pejabat penilai ({pejabat})",
        "en": "the SKP is decided by the pejabat penilai ({pejabat})"},
    "workflow.putus.bukan_pejabat_penilai": {
        "id": "{actor} bukan pejabat penilai SKP {skp_id}",
        "en": "{actor} is not the pejabat penilai of SKP {skp_id}"},
    "workflow.putus.bukan_pejabat_penilai.fix": {
        "id": "SKP ini diputus oleh {pejabat}; buka SKP Bawahan Anda sendiri",
        "en": "this SKP is decided by {pejabat}; open your own SKP Bawahan list"},
    "workflow.kembalikan.catatan_wajib": {
        "id": "SKP dikembalikan tanpa catatan",
        "en": "the SKP is being returned without a note"},
    "workflow.kembalikan.catatan_wajib.fix": {
        "id": "tulis apa yang harus diperbaiki pegawai, mis. 'RHK 2 masih berupa kegiatan'",
        "en": "write what the pegawai must fix, e.g. 'RHK 2 is still an activity'"},
})


def _with_fixes(table: dict[str, tuple[str, str, str, str]]) -> dict[str, dict[str, str]]:
    """code: (what id, what en, fix id, fix en) → the catalog's `code` and `code.fix` entries."""
    out: dict[str, dict[str, str]] = {}
    for code, (what_id, what_en, fix_id, fix_en) in table.items():
        out[code] = {"id": what_id, "en": what_en}
        out[code + ".fix"] = {"id": fix_id, "en": fix_en}
    return out


# -- the workflow service: periods, assessment, curve, keberatan, allowances ----------------------
MESSAGES.update(_with_fixes({
    "workflow.hak.trainer": (
        "hanya pelatih yang boleh memindahkan jam virtual; {actor} bukan pelatih",
        "only the trainer may move the virtual clock; {actor} is not the trainer",
        "minta pelatih memajukan jam (menu Pelatih → Jam)",
        "ask the trainer to move the clock (Trainer menu → Clock)"),
    "workflow.hak.trainer_admin": (
        "{actor} tidak berhak menjalankan '{perintah}'; ini tugas admin instansi atau pelatih",
        "{actor} may not run '{perintah}'; it is the admin instansi's or the trainer's task",
        "minta admin instansi (BKPSDM) atau pelatih melakukannya",
        "ask the admin instansi (BKPSDM) or the trainer to do it"),
    "workflow.jam.format": (
        "waktu '{nilai}' tidak dapat dibaca",
        "cannot read the time '{nilai}'",
        "tulis tanggal lengkap dengan tahunnya, mis. 1 April 2026",
        "write a whole date with its year, e.g. 1 April 2026"),
    "workflow.jam.mundur": (
        "jam virtual hanya boleh maju: sekarang {sekarang}, diminta {diminta}",
        "the virtual clock only moves forward: now {sekarang}, asked {diminta}",
        "untuk mengulang dari tanggal lebih awal, buat Sandbox baru dari skenario",
        "to start again from an earlier date, create a new sandbox from the scenario"),
    "workflow.paket.rusak": (
        "paket aturan {paket} tidak dapat dipakai (masalah pertama di {lokasi})",
        "rule pack {paket} cannot be used (first problem at {lokasi})",
        "jalankan 'ekinerja rules check {paket}' dan perbaiki yang dilaporkan",
        "run 'ekinerja rules check {paket}' and fix what it reports"),
    "workflow.paket.gagal": (
        "paket {paket} tidak dapat memutuskan '{keputusan}': {detail}",
        "pack {paket} cannot decide '{keputusan}': {detail}",
        "periksa tanggal jam virtual dan masa berlaku paket, atau laporkan ke regulator",
        "check the virtual date and the pack's validity, or report it to the regulator"),
    "workflow.paket.keputusan_tidak_dikenal": (
        "keputusan '{keputusan}' tidak dikenal alur kerja",
        "the workflow does not know the decision '{keputusan}'",
        "pilih salah satu: {dikenal}", "choose one of: {dikenal}"),
    "workflow.paket.tanpa_keputusan": (
        "paket {paket} tidak memuat keputusan '{keputusan}'",
        "pack {paket} has no decision '{keputusan}'",
        "pilih paket yang memuatnya; lihat 'ekinerja rules list'",
        "choose a pack that has it; see 'ekinerja rules list'"),
    # -- periods -----------------------------------------------------------------------------------
    "workflow.periode.tanggal": (
        "{kolom} '{nilai}' bukan tanggal", "{kolom} '{nilai}' is not a date",
        "tulis tanggal TTTT-BB-HH, mis. 2026-03-31", "write the date as YYYY-MM-DD, e.g. 2026-03-31"),
    "workflow.periode.nama_kosong": (
        "nama periode kosong", "the period has no name",
        "beri nama, mis. 'Triwulan I 2026'", "give it a name, e.g. 'Triwulan I 2026'"),
    "workflow.periode.jenis": (
        "jenis periode '{jenis}' tidak dikenal", "unknown period type '{jenis}'",
        "pilih salah satu: {boleh}", "choose one of: {boleh}"),
    "workflow.periode.terbalik": (
        "periode berakhir ({akhir}) sebelum dimulai ({awal})",
        "the period ends ({akhir}) before it starts ({awal})",
        "tukar tanggal awal dan akhir", "swap the start and end dates"),
    "workflow.periode.batas_sebelum_akhir": (
        "batas pengisian {batas} jatuh sebelum periode berakhir ({akhir})",
        "the filling deadline {batas} falls before the period ends ({akhir})",
        "pilih batas pengisian pada atau sesudah {akhir}", "choose a deadline on or after {akhir}"),
    "workflow.periode.batas_lampau": (
        "batas pengisian {batas} sudah lewat (hari ini {hari_ini})",
        "the deadline {batas} is already past (today is {hari_ini})",
        "pilih batas pengisian mulai hari ini", "choose a deadline from today on"),
    "workflow.periode.beda_tahun": (
        "periode {awal} s.d. {akhir} tidak berada di tahun {tahun}",
        "the period {awal} to {akhir} is not within year {tahun}",
        "samakan tahun periode dengan isian Tahun, atau kosongkan Tahun",
        "match the dates to the Year field, or leave Year empty"),
    "workflow.periode.jenis_campur": (
        "tahun ini sudah memakai periode {lain} ('{nama_lain}'); {jenis} tidak boleh dicampur",
        "this year already uses {lain} periods ('{nama_lain}'); {jenis} may not be mixed in",
        "pakai satu jenis periode berkala saja (bulanan atau triwulanan) ditambah satu periode Final",
        "use one periodic type only (monthly or quarterly) plus one Final period"),
    "workflow.periode.nama_ganda": (
        "sudah ada periode bernama '{nama}'", "a period named '{nama}' already exists",
        "beri nama lain; nomor periode tidak boleh berulang", "choose another name; periods must not repeat"),
    "workflow.periode.tumpang_tindih": (
        "periode '{nama}' tumpang tindih dengan '{lain}' yang sejenis",
        "period '{nama}' overlaps '{lain}' of the same type",
        "geser tanggalnya agar tidak beririsan", "move its dates so they do not overlap"),
    "workflow.periode.tidak_ada": (
        "periode penilaian {master_id} tidak ada", "assessment period {master_id} does not exist",
        "pilih periode dari daftar periode penilaian", "pick a period from the list of assessment periods"),
    "workflow.periode_skp_tidak_ada": (
        "periode SKP {skp_periode_id} tidak ada", "SKP period {skp_periode_id} does not exist",
        "buka SKP yang sudah disetujui lalu pilih periodenya",
        "open an approved SKP and pick one of its periods"),
    "workflow.periode.belum_dibuka": (
        "periode {periode} belum dibuka (mulai {awal})",
        "period {periode} is not open yet (starts {awal})",
        "tunggu sampai periode dibuka; di kelas, pelatih yang memajukan jam",
        "wait until the period opens; in class the trainer moves the clock"),
    "workflow.periode.lewat_batas": (
        "batas pengisian periode {periode} ({batas}) sudah lewat; isian terkunci",
        "the deadline of period {periode} ({batas}) has passed; entries are locked",
        "minta admin instansi memperpanjang batas pengisian bila ada alasan sah",
        "ask the admin instansi to extend the deadline if there is a valid reason"),
    "workflow.periode.bukan_pemilik": (
        "periode SKP {skp_periode_id} milik {pemilik}, bukan {actor}",
        "SKP period {skp_periode_id} belongs to {pemilik}, not {actor}",
        "isi periode SKP Anda sendiri; pendamping hanya boleh membimbing",
        "fill in your own SKP period; a helper may only coach"),
    "workflow.periode.skp_tidak_aktif": (
        "SKP berstatus {status}; isian periode hanya untuk SKP yang disetujui",
        "the SKP is {status}; period entries need an approved SKP",
        "ajukan SKP dan tunggu persetujuan pejabat penilai", "submit the SKP and wait for approval"),
    "workflow.periode.sudah_dinilai": (
        "periode {periode} sudah berstatus {state}; isian tidak dapat diubah lagi",
        "period {periode} is already {state}; entries can no longer change",
        "bicarakan dengan pejabat penilai; setelah dokumen terbit tersedia keberatan",
        "talk to the pejabat penilai; once the document is issued you may file a keberatan"),
    "workflow.periode.status_salah": (
        "periode {periode} berstatus {state}; '{perintah}' hanya untuk status {boleh}",
        "period {periode} is {state}; '{perintah}' needs status {boleh}",
        "selesaikan langkah sebelumnya lebih dulu", "finish the earlier step first"),
    # -- the pegawai's entries ---------------------------------------------------------------------
    "workflow.indikator.bukan_skp_ini": (
        "indikator {indikator_id} bukan bagian dari SKP {skp_id}",
        "indikator {indikator_id} is not part of SKP {skp_id}",
        "pilih indikator dari daftar SKP ini", "pick an indikator from this SKP's list"),
    "workflow.rhk.bukan_skp_ini": (
        "RHK {rhk_id} bukan bagian dari SKP {skp_id}", "RHK {rhk_id} is not part of SKP {skp_id}",
        "pilih RHK dari daftar SKP ini", "pick an RHK from this SKP's list"),
    "workflow.rencana_aksi.kosong": (
        "rencana aksi kosong", "the action plan is empty",
        "tulis langkah kerja periode ini, mis. 'Verifikasi 30 berkas izin trayek'",
        "write this period's step, e.g. 'Verify 30 route-permit files'"),
    "workflow.angka_salah": (
        "{kolom} “{nilai}” bukan angka yang sah", "{kolom} “{nilai}” is not a valid number",
        "tulis angka dari 0 sampai 1.000.000.000.000, mis. 32",
        "write a number from 0 to 1,000,000,000,000, e.g. 32"),
    # -- what any text, number, year or date field may hold (sandbox.workflow.support) -------------
    "workflow.teks.terlalu_panjang": (
        "{kolom} terlalu panjang: {panjang} karakter, paling banyak {maks}",
        "{kolom} is too long: {panjang} characters, at most {maks}",
        "ringkas isinya; rincian yang panjang simpan sebagai bukti dukung (tautan)",
        "shorten it; keep long details as bukti dukung (a link)"),
    "workflow.teks.karakter": (
        "{kolom} berisi karakter kontrol yang tidak dapat disimpan ({kode}, karakter ke-{posisi})",
        "{kolom} contains a control character that cannot be stored ({kode}, character {posisi})",
        "hapus karakter itu: ketik ulang teksnya, atau tempel sebagai teks biasa (mis. lewat Notepad)",
        "remove it: type the text again, or paste it as plain text (e.g. through Notepad)"),
    "workflow.teks.bukan_teks": (
        "{kolom} harus berupa teks, bukan {nilai}", "{kolom} must be text, not {nilai}",
        "ketik isinya sebagai teks", "type it as text"),
    "workflow.tahun_salah": (
        "{kolom} '{nilai}' bukan tahun yang dapat dipakai", "{kolom} '{nilai}' is not a usable year",
        "tulis tahun Masehi empat angka antara {min} dan {maks}, mis. 2026 (bukan tahun Hijriah atau "
        "Buddha)",
        "write a four-digit Gregorian (Masehi) year between {min} and {maks}, e.g. 2026 (not a Hijri or "
        "Buddhist year)"),
    "workflow.tanggal.rentang": (
        "{kolom} '{nilai}' berada di luar tahun {min}–{maks}",
        "{kolom} '{nilai}' is outside the years {min}–{maks}",
        "tulis tanggal Masehi TTTT-BB-HH, mis. 2026-03-31 (bukan tahun Hijriah atau Buddha)",
        "write a Gregorian (Masehi) date YYYY-MM-DD, e.g. 2026-03-31 (not a Hijri or Buddhist year)"),
    "workflow.realisasi.angka_wajib": (
        "SKP kuantitatif memerlukan realisasi berupa angka", "a kuantitatif SKP needs a numeric realisasi",
        "isi angka capaian, mis. 32 (berkas)", "enter the achieved number, e.g. 32 (files)"),
    "workflow.realisasi.kosong": (
        "realisasi kosong", "the realisasi is empty",
        "isi angka capaian atau uraian capaian", "enter a number or a description of what was achieved"),
    "workflow.bukti.nama_kosong": (
        "bukti dukung tanpa nama", "the evidence has no name",
        "beri nama, mis. 'Rekap verifikasi Triwulan I'", "name it, e.g. 'Q1 verification summary'"),
    "workflow.bukti.url": (
        "tautan '{url}' bukan alamat web yang sah", "the link '{url}' is not a valid web address",
        "salin tautan lengkap yang diawali https://, mis. dari Google Drive, dan pastikan dapat dibuka",
        "copy the full link starting with https://, e.g. from Google Drive, and make sure it opens"),
    # -- the pejabat penilai -----------------------------------------------------------------------
    "workflow.perilaku.tidak_dikenal": (
        "'{kode}' bukan salah satu nilai BerAKHLAK", "'{kode}' is not one of the BerAKHLAK values",
        "pilih: berorientasi_pelayanan, akuntabel, kompeten, harmonis, loyal, adaptif, kolaboratif",
        "choose: berorientasi_pelayanan, akuntabel, kompeten, harmonis, loyal, adaptif, kolaboratif"),
    "workflow.perilaku.ekspektasi_kosong": (
        "ekspektasi khusus kosong", "the specific expectation is empty",
        "tulis perilaku yang diharapkan, mis. 'Menyerahkan laporan tepat waktu'",
        "write the expected behaviour, e.g. 'Hands in reports on time'"),
    "workflow.umpan_balik.jenis": (
        "sasaran umpan balik '{jenis}' tidak dikenal", "unknown feedback target '{jenis}'",
        "pilih indikator, rhk atau perilaku", "choose indikator, rhk or perilaku"),
    "workflow.umpan_balik.pilihan": (
        "pilihan umpan balik {pilihan} tidak ada di daftar standar",
        "feedback choice {pilihan} is not in the standard list",
        "pilih dari daftar umpan balik standar", "choose from the standard feedback list"),
    "workflow.umpan_balik.kosong": (
        "umpan balik kosong", "the feedback is empty",
        "pilih umpan balik standar atau tulis umpan balik tambahan",
        "choose a standard item or write additional feedback"),
    "workflow.nilai.diri_sendiri": (
        "{actor} tidak boleh menilai atau memberi umpan balik pada SKP-nya sendiri",
        "{actor} may not rate or give feedback on their own SKP",
        "penilaian dilakukan oleh pejabat penilai ({pejabat})",
        "the rating is done by the pejabat penilai ({pejabat})"),
    "workflow.nilai.bukan_pejabat_penilai": (
        "{actor} bukan pejabat penilai {nip}", "{actor} is not the pejabat penilai of {nip}",
        "pegawai ini dinilai oleh {pejabat}; buka daftar Penilaian Bawahan Anda sendiri",
        "this pegawai is rated by {pejabat}; open your own Penilaian Bawahan list"),
    "workflow.nilai.rating_salah": (
        "{jenis} '{nilai}' tidak dikenal", "{jenis} '{nilai}' is not known",
        "pilih Di Atas Ekspektasi, Sesuai Ekspektasi atau Di Bawah Ekspektasi",
        "choose Di Atas, Sesuai or Di Bawah Ekspektasi (above, meets, below)"),
    "workflow.nilai.hk_wajib": (
        "Rating Hasil Kerja belum dipilih", "no Rating Hasil Kerja chosen",
        "pilih Di Atas, Sesuai atau Di Bawah Ekspektasi setelah membaca realisasi dan bukti dukung",
        "choose above, meets or below expectation after reading the realisasi and evidence"),
    "workflow.nilai.capaian_belum_ada": (
        "capaian kinerja organisasi {unit} untuk {periode} belum ditetapkan",
        "the organisation result of {unit} for {periode} is not set yet",
        "pimpinan unit dinilai dari capaian organisasi; minta atasannya menetapkannya dulu",
        "a unit head is rated from the organisation result; ask their superior to set it first"),
    "workflow.nilai.hk_pimpinan": (
        "Rating Hasil Kerja pimpinan {unit} mengikuti capaian organisasi '{capaian}' = {turunan},"
        " bukan {diberikan}",
        "the Rating Hasil Kerja of the head of {unit} follows the organisation result '{capaian}' ="
        " {turunan}, not {diberikan}",
        "kosongkan Rating Hasil Kerja; sistem mengisinya dari capaian organisasi",
        "leave Rating Hasil Kerja empty; it is filled from the organisation result"),
    "workflow.unor_tidak_ada": (
        "unit kerja {unor_id} tidak ada", "work unit {unor_id} does not exist",
        "pilih unit dari struktur organisasi", "pick a unit from the organisation chart"),
    "workflow.capaian.bukan_atasan": (
        "{actor} tidak berhak menetapkan capaian organisasi {unit}",
        "{actor} may not set the organisation result of {unit}",
        "capaian {unit} ditetapkan oleh organisasi di atasnya ({penetap})",
        "the result of {unit} is set by the organisation above it ({penetap})"),
    "workflow.capaian.nilai": (
        "capaian organisasi '{nilai}' tidak dikenal", "unknown organisation result '{nilai}'",
        "pilih salah satu: {boleh}", "choose one of: {boleh}"),
    "workflow.capaian.terkunci": (
        "penilaian pimpinan {unit} sudah {state}; capaian organisasi tidak dapat diubah",
        "the head of {unit} is already {state}; the organisation result can no longer change",
        "capaian organisasi ditetapkan sebelum pimpinan unit dinilai",
        "the organisation result is set before the unit head is rated"),
    "workflow.finalkan.kurva_melanggar": (
        "pemeriksaan kurva terakhir unit {unor_id} masih MELANGGAR",
        "the latest curve check of unit {unor_id} still shows a violation",
        "nilai ulang pegawai yang dikembalikan, lalu minta pemeriksaan kurva lagi",
        "re-rate the returned staff, then have the curve checked again"),
    "workflow.kurva.hak": (
        "{actor} tidak berhak memeriksa kurva {unit}", "{actor} may not check the curve of {unit}",
        "kurva diperiksa oleh pengelola kinerja atau pimpinan unit ({pimpinan})",
        "the curve is checked by the pengelola kinerja or the unit head ({pimpinan})"),
    "workflow.kurva.capaian_belum_ada": (
        "capaian organisasi {unit} belum ditetapkan; kurva bergantung padanya",
        "the organisation result of {unit} is not set; the curve depends on it",
        "minta atasan unit menetapkan capaian organisasi lebih dulu",
        "ask the unit's superior to set the organisation result first"),
    "workflow.kurva.kosong": (
        "tidak ada pegawai {unit} yang dinilai pada periode ini",
        "nobody in {unit} is assessed in this period",
        "periksa periode dan unit yang dipilih", "check the chosen period and unit"),
    "workflow.kurva.belum_semua_dinilai": (
        "{jumlah} dari {total} pegawai belum (ulang) dinilai, mis. {contoh}",
        "{jumlah} of {total} staff are not (re-)rated yet, e.g. {contoh}",
        "kurva diperiksa setelah semua bawahan dinilai",
        "the curve is checked once every subordinate is rated"),
    # -- document, keberatan, allowances -----------------------------------------------------------
    "workflow.dokumen.belum_dinilai": (
        "periode {periode} berstatus {state}; dokumen evaluasi ada setelah dinilai",
        "period {periode} is {state}; the evaluation document exists once it is rated",
        "tunggu penilaian pejabat penilai", "wait for the pejabat penilai's rating"),
    "workflow.dokumen.hak": (
        "{actor} tidak berhak menerbitkan dokumen evaluasi {nip}",
        "{actor} may not issue the evaluation document of {nip}",
        "dokumen diterbitkan oleh pegawai itu sendiri atau pejabat penilainya ({pejabat})",
        "the document is issued by the pegawai or their pejabat penilai ({pejabat})"),
    "workflow.keberatan.alasan_wajib": (
        "keberatan tanpa alasan", "the keberatan has no reason",
        "tulis alasan dan bukti yang mendukung, mis. 'Realisasi Q1 32 berkas belum dihitung'",
        "write the reason and supporting evidence, e.g. 'Q1 realisasi of 32 files was not counted'"),
    "workflow.keberatan.lewat": (
        "masa keberatan {batas} hari sudah lewat ({hari} hari sejak dokumen evaluasi diterima)",
        "the {batas}-day keberatan window has passed ({hari} days since the evaluation document)",
        "hasil ini sudah final", "this result is final"),
    "workflow.keberatan.tidak_ada": (
        "keberatan {keberatan_id} tidak ada", "keberatan {keberatan_id} does not exist",
        "pilih keberatan dari daftar yang menunggu keputusan", "pick one from the list awaiting a decision"),
    "workflow.keberatan.diri_sendiri": (
        "pegawai tidak boleh memutus keberatannya sendiri", "a pegawai may not decide their own keberatan",
        "keberatan diputus oleh atasan pejabat penilai", "the atasan pejabat penilai decides it"),
    "workflow.keberatan.bukan_atasan_pp": (
        "{actor} bukan atasan pejabat penilai; keberatan ini diputus oleh {pemutus}",
        "{actor} is not the atasan pejabat penilai; {pemutus} decides this keberatan",
        "teruskan kepada {pemutus}", "forward it to {pemutus}"),
    "workflow.keberatan.sudah_diputus": (
        "keberatan {keberatan_id} sudah diputus; keputusan bersifat final",
        "keberatan {keberatan_id} is already decided; the decision is final",
        "tidak ada langkah lanjutan di e-Kinerja", "there is no further step in e-Kinerja"),
    "workflow.keberatan.rating_wajib": (
        "keberatan diterima tetapi rating baru belum lengkap",
        "the keberatan is accepted but the new ratings are incomplete",
        "isi Rating Hasil Kerja dan Rating Perilaku yang baru",
        "enter the new Rating Hasil Kerja and Rating Perilaku"),
    "workflow.tunjangan.hak": (
        "{actor} tidak berhak menghitung tunjangan {nip}", "{actor} may not compute the allowances of {nip}",
        "perhitungan dilakukan pegawai itu, pejabat penilainya, admin instansi atau pelatih",
        "the pegawai, their pejabat penilai, the admin instansi or the trainer computes it"),
    "workflow.tpp.kolom": (
        "data kehadiran '{kolom}' tidak dikenal", "unknown attendance field '{kolom}'",
        "pakai: {boleh}", "use: {boleh}"),
    "workflow.angka_kredit.bukan_fungsional": (
        "{nip} bukan pejabat fungsional berjenjang; angka kredit tidak berlaku",
        "{nip} holds no graded functional position; credit points do not apply",
        "angka kredit hanya untuk jabatan fungsional", "credit points are for functional positions only"),
    "workflow.indikator_tidak_ada": (
        "indikator {indikator_id} tidak ada", "indikator {indikator_id} does not exist",
        "pilih indikator dari daftar SKP Anda", "pick an indikator from your SKP"),
    "workflow.rhk.diintervensi": (
        "RHK {rhk_id} sudah diintervensi RHK bawahan ({anak}); tidak dapat dihapus",
        "RHK {rhk_id} is already intervened by a subordinate's RHK ({anak}); it cannot be deleted",
        "ubah teksnya saja, atau minta bawahan memindahkan RHK-nya dulu",
        "edit its text instead, or ask the subordinate to re-link their RHK first"),
    "workflow.hapus.sudah_dipakai": (
        "{apa} {nomor} sudah dipakai dalam rencana aksi, realisasi atau bukti dukung; tidak dapat dihapus",
        "{apa} {nomor} is already used by an action plan, realisasi or evidence; it cannot be deleted",
        "ubah teksnya saja; riwayat penilaian harus tetap utuh",
        "edit its text instead; the assessment history must stay intact"),
    "workflow.revisi.alasan_wajib": (
        "permintaan revisi tanpa alasan", "the revision request has no reason",
        "tulis RHK mana yang berubah dan mengapa, mis. 'penugasan baru dari Kepala Dinas'",
        "write which RHK changes and why, e.g. 'new assignment from the head of office'"),
    "workflow.revisi.catatan_wajib": (
        "revisi ditolak tanpa catatan", "the revision is refused without a note",
        "tulis mengapa SKP lama tetap berlaku", "write why the old SKP stays in force"),
}))


def _pairs(table: dict[str, tuple[str, str]]) -> dict[str, dict[str, str]]:
    return {key: {"id": id_text, "en": en_text} for key, (id_text, en_text) in table.items()}


# -- the practice app ------------------------------------------------------------------------------
MESSAGES.update(_pairs({
    "tui.kirim": ("Kirim", "Send"),
    "tui.batal": ("Batal", "Cancel"),
    "tui.catatan.placeholder": ("Tulis di sini, lalu Enter", "Type here, then Enter"),
    "tui.kepala_daerah": ("Kepala Daerah", "Head of region"),
    "tui.persona.title": ("Siapa Anda hari ini? Pilih satu orang di kantor ini (ketik untuk mencari, Enter)",
                          "Who are you today? Pick one person in this office (type to search, Enter)"),
    "tui.persona.search": ("Cari nama, NIP, jabatan atau unit", "Search name, NIP, position or unit"),
    "tui.persona.subtitle": ("Pilih peran", "Choose a role"),
    "tui.persona.col.nama": ("Nama", "Name"),
    "tui.persona.col.jabatan": ("Jabatan", "Position"),
    "tui.persona.col.unit": ("Unit kerja", "Unit"),
    "tui.persona.col.peran": ("Peran", "Role"),
    "tui.persona.trainer": ("Pelatih", "Trainer"),
    "tui.persona.trainer_job": (
        "Pelatih BKPSDM (memegang jam virtual)",
        "BKPSDM trainer (holds the virtual clock)"),
    "tui.role.trainer": ("pelatih", "trainer"),
    "tui.role.pejabat": ("pegawai dan pejabat penilai", "pegawai and appraiser"),
    "tui.role.pegawai": ("pegawai", "pegawai"),
    "tui.menu.skp": ("SKP Saya (F2)", "My SKP (F2)"),
    "tui.menu.bawahan": ("SKP Bawahan (F3)", "Subordinates' SKP (F3)"),
    "tui.menu.jam": ("Jam virtual (F4)", "Virtual clock (F4)"),
    "tui.menu.aturan": ("Penjelajah Aturan (F6)", "Rule explorer (F6)"),
    "tui.menu.ganti": ("Ganti peran (Esc)", "Change role (Esc)"),
    "tui.beranda.subtitle": ("Beranda", "Home"),
    "tui.beranda.siapa": ("{nama}\n{jabatan} — {unit}", "{nama}\n{jabatan} — {unit}"),
    "tui.beranda.jam": ("Tanggal virtual: {tanggal}", "Virtual date: {tanggal}"),
    "tui.bukan_pejabat": (
        "Anda tidak memiliki bawahan di kantor ini",
        "You have no subordinates in this office"),
    "tui.langkah.trainer": (
        "Sebagai pelatih Anda memindahkan jam virtual (F4): periode dibuka dan batas pengisian lewat.",
        "As trainer you move the virtual clock (F4): periods open and deadlines pass."),
    "tui.langkah.buat": ("Langkah berikutnya: buat SKP {tahun} Anda (F2).",
                         "Next step: create your {tahun} SKP (F2)."),
    "tui.langkah.draft": (
        "SKP {tahun} masih draf: buka SKP Saya (F2), lengkapi RHK, indikator dan lampiran, lalu Ajukan (F8).",
        "Your {tahun} SKP is a draft: open SKP Saya (F2), complete RHK, indikator and lampiran, then submit"
        " (F8)."),
    "tui.langkah.diajukan": ("SKP {tahun} sudah diajukan; menunggu persetujuan {pejabat}.",
                             "Your {tahun} SKP is submitted; waiting for {pejabat} to approve."),
    "tui.langkah.dikembalikan": (
        "SKP {tahun} dikembalikan: \"{catatan}\". Buka SKP Saya (F2), perbaiki, lalu Ajukan lagi (F8).",
        "Your {tahun} SKP was returned: \"{catatan}\". Open SKP Saya (F2), fix it, then submit again (F8)."),
    "tui.langkah.disetujui": ("SKP {tahun} sudah disetujui {pejabat}. Berikutnya: rencana aksi dan realisasi"
                              " per periode.",
                              "Your {tahun} SKP is approved by {pejabat}. Next: action plans and realisation"
                              " per period."),
    "tui.langkah.revisi_diajukan": ("Permintaan revisi SKP {tahun} menunggu {pejabat}.",
                                    "Your {tahun} SKP revision request is waiting for {pejabat}."),
    "tui.langkah.revisi_ditolak": (
        "Revisi ditolak; SKP lama tetap berlaku.",
        "Revision refused; the old SKP stands."),
    "tui.langkah.ditutup": ("SKP {tahun} sudah ditutup.", "Your {tahun} SKP is closed."),
    "tui.langkah.bawahan": ("SKP bawahan menunggu keputusan Anda: {jumlah} (F3).",
                            "Subordinates' SKPs waiting for your decision: {jumlah} (F3)."),
    "tui.jam.tanya": ("Tanggal virtual baru, mis. 1 April 2026", "New virtual date, e.g. 1 April 2026"),
    "tui.jam.dipindah": ("Jam kini {tanggal}: {dibuka} periode dibuka, {dikunci} dikunci, {final} final",
                         "Clock now {tanggal}: {dibuka} periods opened, {dikunci} locked, {final} final"),
    # SKP Saya
    "tui.skp.subtitle": ("SKP Saya", "My SKP"),
    "tui.skp.belum": ("Anda belum punya SKP {tahun}.", "You have no {tahun} SKP yet."),
    "tui.skp.buat_judul": ("Tambah SKP {tahun} (periode 1 Januari s.d. 31 Desember)",
                           "Add the {tahun} SKP (period 1 January to 31 December)"),
    "tui.skp.pendekatan": ("Pendekatan: kuantitatif (target angka) atau kualitatif (uraian)",
                           "Approach: quantitative (numeric targets) or qualitative (narrative)"),
    "tui.skp.kuantitatif": ("Kuantitatif", "Quantitative"),
    "tui.skp.kualitatif": ("Kualitatif", "Qualitative"),
    "tui.skp.buat": ("Buat SKP {tahun}", "Create the {tahun} SKP"),
    "tui.skp.ringkasan": ("SKP {tahun} · status {status} · {pendekatan} · versi {versi}",
                          "SKP {tahun} · status {status} · {pendekatan} · version {versi}"),
    "tui.skp.catatan_atasan": ("Catatan pejabat penilai: \"{catatan}\"", "Appraiser's note: \"{catatan}\""),
    "tui.skp.terkunci": ("SKP berstatus {status}: tidak dapat diubah di sini.",
                         "The SKP is {status}: it cannot be changed here."),
    "tui.skp.rhk_kosong": ("Belum ada RHK. Mulai dengan RHK Utama di bawah.",
                           "No RHK yet. Start with an RHK Utama below."),
    "tui.skp.intervensi": ("mengintervensi RHK atasan: {teks}", "supports the superior's RHK: {teks}"),
    "tui.skp.ind_kosong": ("belum ada indikator", "no indikator yet"),
    "tui.skp.rhk_judul": ("Tambah RHK", "Add an RHK"),
    "tui.skp.induk": ("RHK atasan yang diintervensi", "Superior's RHK you support"),
    "tui.skp.induk_prompt": ("Pilih RHK atasan", "Choose the superior's RHK"),
    "tui.skp.jenis": ("Jenis RHK", "RHK type"),
    "tui.skp.rhk_teks": (
        "Rencana hasil kerja (hasil, bukan kegiatan)",
        "Planned result (a result, not an activity)"),
    "tui.skp.rhk_contoh": ("mis. Terverifikasinya berkas izin trayek tepat waktu",
                           "e.g. Route-permit files verified on time"),
    "tui.skp.tambah_rhk": ("Tambah RHK", "Add RHK"),
    "tui.skp.ind_judul": ("Tambah Indikator", "Add an indikator"),
    "tui.skp.ind_rhk": ("Untuk RHK", "For RHK"),
    "tui.skp.ind_rhk_prompt": ("Pilih RHK", "Choose an RHK"),
    "tui.skp.ind_teks": ("Indikator (ukuran keberhasilan)", "Indicator (measure of success)"),
    "tui.skp.ind_contoh": ("mis. Jumlah berkas terverifikasi", "e.g. Number of files verified"),
    "tui.skp.aspek": ("Aspek", "Aspect"),
    "tui.skp.target": ("Target (angka), mis. 120", "Target (number), e.g. 120"),
    "tui.skp.satuan": ("Satuan, mis. berkas", "Unit, e.g. files"),
    "tui.skp.tambah_ind": ("Tambah Indikator", "Add indikator"),
    "tui.skp.pilih_rhk_dulu": ("Pilih RHK untuk indikator ini — tambahkan RHK dulu bila belum ada",
                               "Choose the RHK for this indikator — add an RHK first if there is none"),
    "tui.skp.target_angka": ("Target '{nilai}' bukan angka — tulis angka saja, mis. 120",
                             "Target '{nilai}' is not a number — write a number only, e.g. 120"),
    "tui.skp.lampiran_judul": ("Lampiran SKP", "SKP annex"),
    "tui.skp.lamp_sd": ("Dukungan sumber daya, mis. 1 komputer dan akses SIMPEL",
                        "Resources, e.g. one computer and system access"),
    "tui.skp.lamp_pj": ("Skema pertanggungjawaban, mis. laporan bulanan ke Kepala Seksi",
                        "Accountability, e.g. monthly report to the head of section"),
    "tui.skp.lamp_kon": ("Konsekuensi, mis. teguran bila target tidak tercapai",
                         "Consequences, e.g. a warning if targets are missed"),
    "tui.skp.simpan_lampiran": ("Simpan Lampiran", "Save annex"),
    "tui.skp.lampiran_tersimpan": ("Lampiran tersimpan", "Annex saved"),
    "tui.skp.checklist_judul": ("Sebelum Ajukan: daftar periksa", "Before submitting: checklist"),
    "tui.skp.ajukan": ("Ajukan SKP (F8)", "Submit SKP (F8)"),
    "tui.skp.diajukan": ("SKP diajukan kepada pejabat penilai", "SKP submitted to the appraiser"),
    "tui.guard.pejabat_penilai": ("Pejabat penilai sesuai profil", "Appraiser matches the profile"),
    "tui.guard.induk": (
        "Terhubung ke SKP atasan yang sudah disetujui",
        "Linked to the superior's approved SKP"),
    "tui.guard.rhk_utama_kosong": ("Ada sedikitnya satu RHK Utama", "At least one RHK Utama"),
    "tui.guard.rhk_tanpa_induk": (
        "Setiap RHK mengintervensi RHK atasan",
        "Every RHK supports a superior's RHK"),
    "tui.guard.rhk_tanpa_indikator": ("Setiap RHK punya indikator", "Every RHK has an indikator"),
    "tui.guard.target_kosong": ("Setiap indikator punya aspek, target dan satuan",
                                "Every indikator has an aspect, target and unit"),
    "tui.guard.perspektif_kosong": (
        "Setiap indikator JPT punya perspektif",
        "Every JPT indikator has a perspective"),
    "tui.guard.lampiran": ("Lampiran terisi", "Annex filled in"),
    "tui.guard.ganda": ("Tidak ada SKP lain yang tumpang tindih", "No other overlapping SKP"),
    # SKP Bawahan
    "tui.bawahan.subtitle": ("SKP Bawahan", "Subordinates' SKP"),
    "tui.bawahan.col.nama": ("Nama", "Name"),
    "tui.bawahan.col.jabatan": ("Jabatan", "Position"),
    "tui.bawahan.col.status": ("Status", "Status"),
    "tui.bawahan.kosong": ("Belum ada SKP bawahan", "No subordinate SKP yet"),
    "tui.bawahan.judul": ("SKP {tahun} {nama} · {status} · {pendekatan}",
                          "SKP {tahun} of {nama} · {status} · {pendekatan}"),
    # an SKP's state as a person reads it (the workflow's states are codes: DRAFT, DIAJUKAN, …)
    # an assessment period's state as words (skp_periode.state)
    "periode.state.BELUM_DIBUKA": ("belum dibuka", "not open yet"),
    "periode.state.TERBUKA": ("terbuka, rencana aksi belum ada", "open, no action plan yet"),
    "periode.state.RENCANA_AKSI_ADA": ("rencana aksi sudah ada, bukti dukung belum lengkap",
                                       "action plan entered, evidence incomplete"),
    "periode.state.EVIDEN_LENGKAP": ("bukti dukung lengkap, menunggu penilaian",
                                     "evidence complete, waiting to be rated"),
    "periode.state.DINILAI": ("sudah dinilai", "rated"),
    "periode.state.DIKEMBALIKAN_KURVA": ("dikembalikan: kurva unit belum sesuai",
                                         "returned: the unit's curve does not fit yet"),
    "periode.state.TERKUNCI": ("terkunci, menunggu dokumen evaluasi",
                               "locked, waiting for the evaluation document"),
    "periode.state.DOKUMEN_TERBIT": ("dokumen evaluasi sudah terbit", "evaluation document issued"),
    "periode.state.KEBERATAN": ("sedang dalam keberatan", "under appeal"),
    "periode.state.FINAL": ("final", "final"),
    "tui.eval.ra_ok": ("Rencana aksi disimpan.", "Action plan saved."),
    "tui.eval.real_ok": ("Realisasi disimpan: {nilai}.", "Realisation saved: {nilai}."),
    "tui.eval.bukti_ok": ("Bukti dukung ditambahkan: {nama}.", "Supporting evidence added: {nama}."),
    "tui.nilai.ub_ok": ("Umpan balik terkirim kepada {nama}.", "Feedback sent to {nama}."),
    "skp.status.BELUM_DIBUAT": ("belum dibuat", "not yet made"),
    "skp.status.DRAFT": ("draf", "draft"),
    "skp.status.DIAJUKAN": ("diajukan, menunggu persetujuan", "submitted, awaiting approval"),
    "skp.status.DIKEMBALIKAN": ("dikembalikan untuk diperbaiki", "returned for correction"),
    "skp.status.DISETUJUI": ("disetujui", "approved"),
    "skp.status.REVISI_DIAJUKAN": ("permintaan revisi diajukan", "revision requested"),
    "skp.status.REVISI_DITOLAK": ("permintaan revisi ditolak", "revision request refused"),
    "skp.status.DITUTUP": ("ditutup", "closed"),
    "tui.bawahan.setujui": ("Setujui", "Approve"),
    "tui.bawahan.kembalikan": ("Kembalikan dengan catatan", "Return with a note"),
    "tui.bawahan.tanya_catatan": (
        "Apa yang harus diperbaiki pegawai? (wajib)",
        "What must the pegawai fix? (required)"),
    "tui.bawahan.tersimpan": ("Keputusan tersimpan", "Decision saved"),
}))


MESSAGES.update(_pairs({
    "tui.menu.evaluasi": ("Evaluasi Periodik (F7)", "Periodic evaluation (F7)"),
    "tui.menu.penilaian": ("Penilaian Bawahan (F9)", "Rate subordinates (F9)"),
    "tui.eval.subtitle": ("Evaluasi Periodik", "Periodic evaluation"),
    "tui.eval.skp_belum_disetujui": (
        "Evaluasi periodik dibuka setelah SKP Anda disetujui pejabat penilai",
        "Periodic evaluation opens once your SKP is approved by your appraiser"),
    "tui.eval.periode": ("Periode penilaian", "Assessment period"),
    "tui.eval.pilih_periode": ("Pilih periode", "Choose a period"),
    "tui.eval.tanpa_periode": ("Belum ada periode yang dibuka", "No period is open yet"),
    "tui.eval.info": ("{periode} · status {state} · batas pengisian {batas}",
                      "{periode} · status {state} · filling deadline {batas}"),
    "tui.eval.ra_judul": ("Rencana Aksi", "Action plan"),
    "tui.eval.pilih_rhk": ("Pilih RHK", "Choose an RHK"),
    "tui.eval.ra_contoh": (
        "mis. Memverifikasi 30 berkas izin per bulan",
        "e.g. Verify 30 permit files a month"),
    "tui.eval.tambah_ra": ("Tambah Rencana Aksi", "Add action plan"),
    "tui.eval.real_judul": ("Realisasi dan Bukti Dukung", "Realisation and evidence"),
    "tui.eval.pilih_ind": ("Pilih indikator", "Choose an indikator"),
    "tui.eval.real_nilai": ("Realisasi, mis. 32", "Realisation, e.g. 32"),
    "tui.eval.simpan_real": ("Simpan Realisasi", "Save realisation"),
    "tui.eval.bukti_nama": ("Nama bukti dukung, mis. Rekap verifikasi Triwulan I",
                            "Evidence name, e.g. Q1 verification summary"),
    "tui.eval.tambah_bukti": ("Tambah Bukti Dukung", "Add evidence"),
    "tui.eval.hasil_judul": ("Hasil dan Mengapa?", "Result and why"),
    "tui.eval.ra_ada": ("Rencana aksi: {jumlah}", "Action plans: {jumlah}"),
    "tui.eval.ind_baris": ("{tanda} {teks}: realisasi {realisasi} dari target {target}, {bukti} bukti dukung",
                           "{tanda} {teks}: realised {realisasi} of target {target}, {bukti} evidence links"),
    "tui.eval.umpan_balik": ("Umpan balik ({sasaran}): {teks}", "Feedback ({sasaran}): {teks}"),
    "tui.hasil.belum": ("Belum dinilai.", "Not rated yet."),
    "tui.hasil.predikat": ("Predikat: {predikat} (Rating Hasil Kerja {hk}, Rating Perilaku {pk})",
                           "Predikat: {predikat} (work-result rating {hk}, behaviour rating {pk})"),
    "tui.rating.di_atas": ("Di Atas Ekspektasi", "Above expectation"),
    "tui.rating.sesuai": ("Sesuai Ekspektasi", "Meets expectation"),
    "tui.rating.di_bawah": ("Di Bawah Ekspektasi", "Below expectation"),
    "tui.nilai.subtitle": ("Penilaian Bawahan", "Rate subordinates"),
    "tui.nilai.col.nama": ("Nama", "Name"),
    "tui.nilai.col.periode": ("Periode", "Period"),
    "tui.nilai.col.status": ("Status", "Status"),
    "tui.nilai.kosong": (
        "Pilih periode bawahan di atas (Enter)",
        "Pick a subordinate's period above (Enter)"),
    "tui.nilai.ub_judul": ("Umpan Balik Berkelanjutan", "Continuous feedback"),
    "tui.nilai.sasaran": ("Untuk indikator atau perilaku", "For an indikator or a behaviour"),
    "tui.nilai.pilihan": ("Umpan balik standar (boleh kosong)", "Standard feedback (optional)"),
    "tui.nilai.tambahan": ("Umpan balik tambahan, mis. Lampirkan rekap bulanan",
                           "Additional feedback, e.g. Attach the monthly summary"),
    "tui.nilai.kirim_ub": ("Kirim Umpan Balik", "Send feedback"),
    "tui.nilai.pilih_sasaran": ("Pilih dulu indikator atau perilaku yang diberi umpan balik",
                                "First choose the indikator or behaviour the feedback is about"),
    "tui.nilai.indikator": ("Indikator", "Indikator"),
    "tui.nilai.perilaku": ("Perilaku", "Behaviour"),
    "tui.nilai.rating_judul": ("Rating dan Predikat", "Ratings and predikat"),
    "tui.nilai.hk": ("Rating Hasil Kerja", "Work-result rating"),
    "tui.nilai.pk": ("Rating Perilaku", "Behaviour rating"),
    "tui.nilai.nilai": ("Simpan Penilaian", "Save rating"),
    "tui.nilai.finalkan": ("Finalkan", "Finalise"),
    "tui.nilai.predikat": ("Predikat tersimpan: {predikat}", "Predikat saved: {predikat}"),
}))


# -- the practice app: matriks, dokumen, preferences, palette, footer labels --------------------------
MESSAGES.update(_pairs({
    "tui.tutup": ("Tutup", "Close"),
    "tui.menu.matriks": ("Matriks Peran Hasil (F8)", "Role–result matrix (F8)"),
    "tui.key.app.bahasa": ("English", "Bahasa Indonesia"),
    "tui.key.app.tema": ("Kontras", "Contrast"),
    "tui.key.app.panduan": ("Panduan", "Guide"),
    "tui.key.app.quit": ("Keluar", "Quit"),
    "tui.key.palette": ("Perintah", "Commands"),
    "tui.key.beranda.monitoring": ("Monitoring", "Monitoring"),
    "tui.key.rules.back": ("Kembali", "Back"),
    "tui.key.beranda.capaian": ("Capaian organisasi", "Organisation result"),
    "tui.key.monitoring.cek": ("Cek kurva", "Check curve"),
    "tui.menu.monitoring": ("Monitoring Kurva (F5)", "Curve monitoring (F5)"),
    "tui.menu.capaian": ("Capaian Organisasi (C)", "Organisation Result (C)"),
    "tui.persona.operator": ("Operator (Pengelola Kinerja)", "Operator (performance manager)"),
    "tui.persona.operator_job": ("Memantau pengisian dan kurva distribusi setiap unit",
                                 "Watches each unit's progress and distribution curve"),
    "tui.role.operator": ("operator", "operator"),
    "tui.persona.regulator": ("Regulator (Meja Kerja)", "Regulator (workbench)"),
    "tui.persona.regulator_job": ("Menguji perubahan aturan pada populasi sintetis",
                                  "Tests rule changes on a synthetic population"),
    "tui.role.regulator": ("regulator", "regulator"),
    "tui.key.workbench.jalankan": ("Jalankan", "Run"),
    "tui.key.workbench.simpan": ("Simpan reformasi", "Save reform"),
    "tui.key.workbench.ekspor": ("Ekspor", "Export"),
    "tui.wb.subtitle": ("Meja Kerja Regulator — bandingkan aturan", "Regulator's workbench — compare rules"),
    "tui.wb.dasar": ("Paket dasar (A)", "Base pack (A)"),
    "tui.wb.reformasi": ("Reformasi (B)", "Reform (B)"),
    "tui.wb.ubah": ("Ubah satu parameter menjadi reformasi baru", "Change one parameter into a new reform"),
    "tui.wb.parameter": ("Parameter paket dasar", "Base pack parameter"),
    "tui.wb.pilih_parameter": ("Pilih parameter", "Choose a parameter"),
    "tui.wb.nilai": ("Nilai baru", "New value"),
    "tui.wb.nama": ("Nama reformasi", "Reform name"),
    "tui.wb.info": ("{deskripsi}. Sekarang: {nilai}{pilihan}. Sumber: {sumber}",
                    "{deskripsi}. Now: {nilai}{pilihan}. Source: {sumber}"),
    "tui.wb.tombol_simpan": ("Simpan reformasi (F6)", "Save reform (F6)"),
    "tui.wb.populasi": ("Populasi sintetis", "Synthetic population"),
    "tui.wb.pegawai": ("Jumlah pegawai", "Staff"),
    "tui.wb.seed": ("Seed", "Seed"),
    "tui.wb.tombol_jalankan": ("Jalankan (F5)", "Run (F5)"),
    "tui.wb.pilih_dulu": ("Pilih paket dan parameter dulu.", "Choose the packs and a parameter first."),
    "tui.wb.angka": ("Jumlah pegawai dan seed harus bilangan bulat.",
                     "Staff and seed must be whole numbers."),
    "tui.wb.batas_pegawai": ("Di aplikasi: 1 sampai {maks} pegawai; lebih besar pakai `ekinerja compare`.",
                             "In the app: 1 to {maks} staff; for more use `ekinerja compare`."),
    "tui.wb.berjalan": ("Menjalankan {staff} pegawai di bawah kedua paket…",
                        "Running {staff} staff under both packs…"),
    "tui.wb.selesai": ("Selesai: {staff} pegawai dalam {detik} s. A = {a}, B = {b}. Ekspor: F8.",
                       "Done: {staff} staff in {detik} s. A = {a}, B = {b}. Export: F8."),
    "tui.wb.tersimpan": ("Reformasi {pack} disimpan di {path} dan lolos pemeriksaan ({masalah} masalah); "
                         "sudah dipilih sebagai B.",
                         "Reform {pack} saved to {path} and passed the check ({masalah} problems); "
                         "chosen as B."),
    "tui.wb.gagal": ("Simulasi gagal: {detail}", "The simulation failed: {detail}"),
    "tui.wb.belum": ("Belum ada hasil: jalankan dulu (F5).", "No results yet: run first (F5)."),
    "tui.wb.diekspor": ("{jumlah} berkas ditulis di {path}.", "{jumlah} files written to {path}."),
    "tui.langkah.operator": (
        "Sebagai operator Anda memantau unit dan memeriksa kurva distribusi (F5) setelah semua dinilai.",
        "As operator you watch the units and check their distribution curve (F5) once all are rated."),
    "tui.cmd.monitoring": ("Monitoring: kurva dan pengisian per unit",
                           "Monitoring: curve and progress per unit"),
    "tui.cmd.monitoring.help": ("F5; hanya operator", "F5; operator only"),
    "tui.mon.subtitle": ("Monitoring Kurva dan Pengisian", "Curve and progress monitoring"),
    "tui.mon.periode": ("Periode penilaian", "Assessment period"),
    "tui.mon.col.unit": ("Unit", "Unit"),
    "tui.mon.col.dinilai": ("Dinilai", "Rated"),
    "tui.mon.col.capaian": ("Capaian organisasi", "Organisation result"),
    "tui.mon.col.kurva": ("Kurva", "Curve"),
    "tui.mon.sesuai": ("✓ Kurva SESUAI untuk capaian {capaian} ({jumlah}).",
                       "✓ Curve SESUAI for capaian {capaian} ({jumlah})."),
    "tui.mon.melanggar": (
        "✗ Kurva MELANGGAR untuk capaian {capaian} ({jumlah}). Penilaian yang sudah dinilai dikembalikan"
        " untuk dinilai ulang:",
        "✗ Curve MELANGGAR for capaian {capaian} ({jumlah}). Rated periods go back for re-rating:"),
    "tui.eval.terlambat": ("⚠ lewat batas {batas}, belum dinilai", "⚠ past the {batas} deadline, not rated"),
    "tui.skp.perspektif": ("Perspektif (wajib untuk JPT)", "Perspective (required for JPT)"),
    "tui.skp.perspektif_prompt": ("Pilih perspektif", "Choose a perspective"),
    "tui.key.app.bantuan": ("Bantuan", "Help"),
    "tui.key.menu.back": ("Kembali", "Back"),
    "tui.key.beranda.skp": ("SKP Saya", "My SKP"),
    "tui.key.beranda.bawahan": ("SKP Bawahan", "Subordinates"),
    "tui.key.beranda.jam": ("Jam", "Clock"),
    "tui.key.beranda.evaluasi": ("Evaluasi", "Evaluation"),
    "tui.key.beranda.matriks": ("Matriks", "Matrix"),
    "tui.key.beranda.penilaian": ("Penilaian", "Rating"),
    "tui.key.beranda.aturan": ("Aturan", "Rules"),
    "tui.key.beranda.ganti": ("Ganti peran", "Change role"),
    "tui.key.skp.ajukan": ("Ajukan", "Submit"),
    "tui.key.evaluasi.dokumen": ("Dokumen", "Document"),
    "tui.key.penilaian.dokumen": ("Dokumen", "Document"),
    "tui.prefs.gagal": (
        "Pilihan ini berlaku sekarang tetapi tidak dapat disimpan (folder pengaturan tidak dapat ditulis)",
        "This choice applies now but could not be saved (the settings folder cannot be written)"),
    "tui.bahasa.diganti": ("Bahasa: Indonesia (Ctrl+B untuk English)",
                           "Language: English (Ctrl+B for Indonesian)"),
    "tui.tema.kontras": ("Tema kontras tinggi aktif (Ctrl+T untuk kembali)",
                         "High-contrast theme on (Ctrl+T to switch back)"),
    "tui.tema.standar": ("Tema standar aktif", "Standard theme on"),
    "tui.panduan.nyala": ("Mode terpandu menyala: langkah berikutnya tampil di atas setiap layar",
                          "Guided mode on: the next step shows at the top of every screen"),
    "tui.panduan.mati": ("Mode terpandu dimatikan (Ctrl+G untuk menyalakan lagi)",
                         "Guided mode off (Ctrl+G to turn it back on)"),
    "tui.guide.banner": ("▶ Langkah {nomor} ({selesai}/{total} selesai): {langkah} — {cara}",
                         "▶ Step {nomor} ({selesai}/{total} done): {langkah} — {cara}"),
    "tui.guide.selesai": ("✓ Semua langkah tahun ini selesai. Lihat Hasil dan Dokumen di Evaluasi (F7).",
                          "✓ Every step of the year is done. See the result and document in"
                          " Evaluation (F7)."),
    "tui.langkah.judul": ("Langkah Anda dalam alur e-Kinerja:", "Your steps (the e-Kinerja workflow):"),
    # the command palette: "area: action"
    "tui.cmd.bahasa": ("Bahasa: ganti ke English", "Language: switch to Bahasa Indonesia"),
    "tui.cmd.bahasa.help": ("Ctrl+B; pilihan diingat", "Ctrl+B; the choice is remembered"),
    "tui.cmd.tema": ("Tampilan: kontras tinggi / standar", "Display: high contrast / standard"),
    "tui.cmd.tema.help": ("Ctrl+T; untuk teks besar, perbesar huruf terminal (Ctrl +)",
                          "Ctrl+T; for large text, enlarge the terminal's font (Ctrl +)"),
    "tui.cmd.panduan": ("Panduan: mode terpandu nyala / mati", "Guide: guided mode on / off"),
    "tui.cmd.panduan.help": ("Ctrl+G; langkah berikutnya di atas setiap layar",
                             "Ctrl+G; the next step at the top of every screen"),
    "tui.cmd.bantuan": ("Bantuan: layar ini", "Help: this screen"),
    "tui.cmd.bantuan.help": ("F1; jawaban atas pertanyaan yang sering muncul",
                             "F1; answers to the questions people often ask"),
    "tui.cmd.skp": ("SKP: SKP Saya", "SKP: my SKP"),
    "tui.cmd.skp.help": ("F2 di Beranda; buat, isi, ajukan", "F2 on Home; create, fill in, submit"),
    "tui.cmd.evaluasi": ("Penilaian: Evaluasi periodik saya", "Assessment: my periodic evaluation"),
    "tui.cmd.evaluasi.help": ("F7; rencana aksi, realisasi, bukti dukung, hasil",
                              "F7; action plan, realisation, evidence, result"),
    "tui.cmd.bawahan": ("SKP: SKP Bawahan", "SKP: subordinates' SKP"),
    "tui.cmd.bawahan.help": ("F3; setujui atau kembalikan, ekspektasi khusus",
                             "F3; approve or return, special expectations"),
    "tui.cmd.matriks": ("SKP: Matriks Peran Hasil", "SKP: role–result matrix"),
    "tui.cmd.matriks.help": ("F8; siapa memikul hasil kerja yang mana", "F8; who carries which result"),
    "tui.cmd.penilaian": ("Penilaian: Penilaian Bawahan", "Assessment: rate subordinates"),
    "tui.cmd.penilaian.help": ("F9; umpan balik, rating, predikat", "F9; feedback, ratings, predikat"),
    "tui.cmd.jam": ("Jam: pindahkan jam virtual", "Clock: move the virtual clock"),
    "tui.cmd.jam.help": ("F4; hanya pelatih", "F4; trainer only"),
    "tui.cmd.aturan": ("Aturan: Penjelajah Aturan", "Rules: rule explorer"),
    "tui.cmd.aturan.help": ("F6; coba aturan dan lihat alasannya", "F6; try the rules and see why"),
    "tui.cmd.ganti": ("Peran: ganti peran", "Role: change role"),
    "tui.cmd.ganti.help": ("Esc di Beranda", "Esc on Home"),
    # Matriks Peran Hasil
    "tui.matriks.subtitle": ("Matriks Peran Hasil", "Role–result matrix"),
    "tui.matriks.col.nama": ("Bawahan", "Subordinate"),
    "tui.matriks.col.keterlibatan": ("Keterlibatan", "Involvement"),
    "tui.matriks.sebaran": (
        "Matriks {state}: {nol} orang tanpa peran, {satu} orang memikul 1 hasil, {banyak} orang memikul"
        " 2 atau lebih.",
        "Matrix {state}: {nol} without a role, {satu} carrying 1 result, {banyak} carrying 2 or more."),
    "tui.matriks.tidak_merata": (
        "⚠ Beban kerja tidak merata: {nol} orang tidak memikul hasil Anda sementara {banyak} orang memikul"
        " dua atau lebih. Bagi ulang RHK saat revisi SKP.",
        "⚠ Uneven workload: {nol} people carry none of your results while {banyak} carry two or more."
        " Redistribute the RHK when SKPs are revised."),
    "tui.matriks.tanpa_rhk": (
        "Anda belum punya RHK tahun ini: buat SKP Anda dulu (F2), lalu bawahan mengintervensinya.",
        "You have no RHK this year yet: write your SKP first (F2), then your staff intervene it."),
    "tui.matriks.legenda": ("Kolom = RHK Anda:", "Columns = your RHK:"),
    "tui.matriks.detail": ("{nama} — {jabatan} (SKP: {status})", "{nama} — {jabatan} (SKP: {status})"),
    "tui.matriks.tanpa_skp": ("belum dibuat", "not written yet"),
    "tui.matriks.tanpa_peran": (
        "Belum mengintervensi RHK Anda mana pun.", "Does not intervene any of your RHK yet."),
    # SKP Bawahan: ekspektasi khusus
    "tui.bawahan.ek_judul": ("Ekspektasi khusus pimpinan (per nilai BerAKHLAK)",
                             "The leader's special expectations (per BerAKHLAK value)"),
    "tui.bawahan.ek_contoh": ("contoh: Menjawab surat masyarakat paling lambat 3 hari kerja",
                              "e.g. Answers citizens' letters within 3 working days"),
    "tui.bawahan.ek_simpan": ("Simpan ekspektasi", "Save expectation"),
    "tui.bawahan.ek_baris": ("Ekspektasi khusus — {nilai}: {teks}", "Special expectation — {nilai}: {teks}"),
    # Dokumen evaluasi
    "tui.dok.subtitle": ("Dokumen Evaluasi Kinerja", "Performance evaluation document"),
    "tui.dok.pilih_periode": ("Pilih periode dulu", "Choose a period first"),
    "tui.dok.terbitkan": ("Terbitkan dokumen", "Issue the document"),
    "tui.dok.ekspor": ("Ekspor ke berkas", "Export to a file"),
    "tui.dok.keberatan": ("Ajukan keberatan", "File an objection"),
    "tui.dok.keberatan_tanya": ("Mengapa Anda keberatan atas hasil ini? (wajib)",
                                "Why do you object to this result? (required)"),
    "tui.dok.keberatan_ok": ("Keberatan terkirim ke atasan pejabat penilai.",
                             "Objection sent to the appraiser's superior."),
    "tui.dok.terbit_ok": ("Dokumen diterbitkan. Masa keberatan mulai dihitung hari ini.",
                          "Document issued. The objection window counts from today."),
    "tui.dok.ekspor_ok": ("Dokumen disimpan: {path}", "Document saved: {path}"),
    "tui.dok.ekspor_gagal": ("Tidak dapat menulis ke {folder} ({detail}). Periksa izin folder itu.",
                             "Cannot write to {folder} ({detail}). Check that folder's permissions."),
    "tui.dok.tpp_judul": ("Akibat hasil ini: TPP dan angka kredit",
                          "What this result is worth: TPP and credit"),
    "tui.dok.tpp_besaran": ("Besaran TPP bulanan (Rp), mis. 5.000.000",
                            "Monthly TPP amount (Rp), e.g. 5.000.000"),
    "tui.dok.tpp_tk": ("Hari tanpa keterangan (0 bila tidak ada)", "Days absent without leave (0 if none)"),
    "tui.dok.hitung_tpp": ("Hitung TPP", "Compute TPP"),
    "tui.dok.hitung_ak": ("Hitung angka kredit", "Compute credit points"),
    "tui.dok.angka_salah": ("Isi angka saja, mis. 5.000.000 dan 0", "Numbers only, e.g. 5.000.000 and 0"),
    "tui.dok.besaran_wajib": ("Isi besaran TPP bulanan Anda dulu", "Enter your monthly TPP amount first"),
    "tui.dok.state.dinilai": (
        "Pratinjau: periode sudah dinilai; dokumen dapat diterbitkan setelah periode terkunci.",
        "Preview: the period is rated; the document can be issued once the period is locked."),
    "tui.dok.state.dikembalikan_kurva": (
        "Pratinjau: penilaian dikembalikan karena kurva unit belum sesuai; tunggu penilaian ulang.",
        "Preview: the rating was sent back because the unit's curve breaks the rules; wait for a re-rating."),
    "tui.dok.state.terkunci": (
        "Periode terkunci: terbitkan dokumen agar hasil diterima dan masa keberatan dimulai.",
        "Period locked: issue the document so the result is received and the objection window starts."),
    "tui.dok.state.dokumen_terbit": (
        "Dokumen terbit. Anda dapat mengajukan keberatan dalam batas hari yang ditetapkan aturan.",
        "Document issued. You may object within the days the rules allow."),
    "tui.dok.state.keberatan": ("Keberatan sedang diputuskan oleh atasan pejabat penilai.",
                                "An objection is being decided by the appraiser's superior."),
    "tui.dok.state.final": ("Hasil sudah final: kini dapat dihitung TPP dan angka kredit.",
                            "The result is final: TPP and credit points can now be computed."),
    # the exported document
    "dok.judul": ("Dokumen Evaluasi Kinerja", "Performance Evaluation Document"),
    "dok.status": ("Status: {state} · diterbitkan: {terbit}", "State: {state} · issued: {terbit}"),
    "dok.pegawai": ("Pegawai yang dinilai", "Pegawai rated"),
    "dok.pejabat": ("Pejabat penilai", "Appraiser"),
    "dok.atasan": ("Atasan pejabat penilai", "Appraiser's superior"),
    "dok.nama": ("Nama", "Name"),
    "dok.jabatan": ("Jabatan", "Position"),
    "dok.capaian": ("Capaian kinerja organisasi: **{capaian}**", "Organisation's performance: **{capaian}**"),
    "dok.hasil_kerja": ("Hasil Kerja", "Hasil Kerja (work results)"),
    "dok.indikator": ("Indikator", "Indicator"),
    "dok.target": ("Target", "Target"),
    "dok.realisasi": ("Realisasi", "Realisation"),
    "dok.bukti": ("Bukti dukung", "Evidence"),
    "dok.umpan_balik": ("Umpan balik", "Feedback"),
    "dok.ub_rhk": ("Umpan balik atas RHK: {teks}", "Feedback on the RHK: {teks}"),
    "dok.perilaku_kerja": ("Perilaku Kerja (BerAKHLAK)", "Perilaku Kerja (BerAKHLAK behaviour)"),
    "dok.perilaku": ("Perilaku", "Behaviour"),
    "dok.ekspektasi": ("Ekspektasi khusus pimpinan", "Leader's special expectation"),
    "dok.hasil": ("Hasil", "Result"),
    "dok.rating_hk": ("Rating hasil kerja", "Work-result rating"),
    "dok.rating_pk": ("Rating perilaku kerja", "Behaviour rating"),
    "dok.predikat": ("Predikat kinerja", "Predikat"),
    "dok.catatan_sandbox": (
        "Dibuat di e-Kinerja Sandbox untuk latihan; bukan dokumen resmi. Susunan kolom mengikuti sumber"
        " yang ada; format resmi tahunan belum pasti.",
        "Made in the e-Kinerja Sandbox for practice; not an official document. The columns follow the"
        " available sources; the official annual format is uncertain."),
}))

from sandbox.i18n.guidance import GUIDANCE  # noqa: E402  (help, hints and steps: long texts apart)

MESSAGES.update(_pairs(GUIDANCE))

# -- the regulator's workbench: simulate and compare (sandbox/sim) ----------------------------------
MESSAGES.update({
    "sim.no_decision": {"id": "paket {pack} tidak memuat keputusan yang disimulasikan ({decisions})",
                        "en": "pack {pack} has none of the simulated decisions ({decisions})"},
    "sim.no_decision.fix": {"id": "pilih paket atau reformasi yang mengubah salah satu keputusan itu",
                            "en": "choose a pack or reform that changes one of those decisions"},
    "sim.not_in_force": {"id": "paket {pack} (keputusan {decision}) belum berlaku sepanjang tahun {year};"
                               " berlaku sejak {start}",
                         "en": "pack {pack} (decision {decision}) is not in force all through {year};"
                               " it applies from {start}"},
    "sim.not_in_force.fix": {"id": "tulis --year dengan tahun sejak paket berlaku, atau biarkan kosong",
                             "en": "give --year a year from which the pack applies, or leave it out"},
    "sim.evaluation_failed": {"id": "paket {pack} tidak dapat menghitung {decision}",
                              "en": "pack {pack} cannot compute {decision}"},
    "sim.evaluation_failed.fix": {"id": "periksa paket dengan `ekinerja rules check`",
                                  "en": "check the pack with `ekinerja rules check`"},
    "sim.pack_not_found": {"id": "paket {pack} tidak ditemukan",
                           "en": "pack {pack} was not found"},
    "sim.pack_not_found.fix": {"id": "lihat id paket dengan `ekinerja rules list`, atau tulis path berkasnya",
                               "en": "see pack ids with `ekinerja rules list`, or give the file's path"},
    "sim.db_not_found": {"id": "basis data {path} tidak ada",
                         "en": "database {path} does not exist"},
    "sim.db_not_found.fix": {"id": "buat dengan `ekinerja seed --staff N --db {path}` atau periksa path",
                             "en": "create it with `ekinerja seed --staff N --db {path}` or check the path"},
    "sim.empty_population": {"id": "tidak ada pegawai untuk disimulasikan",
                             "en": "there are no staff to simulate"},
    "sim.empty_population.fix": {"id": "tulis --staff N (N ≥ 1) atau --db dengan kantor berisi pegawai",
                                 "en": "give --staff N (N ≥ 1) or a --db with staff in it"},
    "cli.sim_progress": {"id": "simulasi: {done} dari {total} pegawai ({percent} %)",
                         "en": "simulating: {done} of {total} staff ({percent} %)"},
    "cli.sim_saved": {"id": "hasil tersimpan di {path}: hasil.sqlite (per pegawai dan unit), ringkasan.md,"
                            " ringkasan.html, {csv} berkas CSV",
                      "en": "results saved in {path}: hasil.sqlite (per person and unit), ringkasan.md,"
                            " ringkasan.html, {csv} CSV files"},
    "cli.sim_range": {"id": "{option} {value} di luar batas", "en": "{option} {value} is out of range"},
    "cli.sim_range.fix": {"id": "tulis {option} antara {low} dan {high}",
                          "en": "give {option} between {low} and {high}"},
    "cli.sim_out": {"id": "folder hasil {path} tidak dapat ditulis ({detail})",
                    "en": "results folder {path} cannot be written ({detail})"},
    "cli.sim_out.fix": {"id": "pilih folder lain dengan --out", "en": "choose another folder with --out"},
    "sim.db_unusable": {"id": "{path} bukan basis data sandbox yang dapat dibaca ({detail})",
                        "en": "{path} is not a readable sandbox database ({detail})"},
    "sim.db_unusable.fix": {"id": "pakai berkas dari `ekinerja seed` atau `ekinerja demo`",
                            "en": "use a file made by `ekinerja seed` or `ekinerja demo`"},
    "sim.output_missing": {"id": "paket {pack} tidak memberi keluaran {output} pada keputusan {decision}",
                           "en": "pack {pack} gives no output {output} for decision {decision}"},
    "sim.output_missing.fix": {"id": "keputusan yang disimulasikan harus memberi keluaran itu",
                               "en": "a simulated decision must give that output"},
    "sim.unexpected_value": {"id": "paket {pack} memberi {output} = {value} pada {decision}; simulator"
                                   " mengenal: {allowed}",
                             "en": "pack {pack} gives {output} = {value} for {decision}; the simulator"
                                   " knows: {allowed}"},
    "sim.unexpected_value.fix": {"id": "pakai nilai yang sama dengan paket yang berlaku",
                                 "en": "use the values of the pack in force"},
    "cli.sim_staff_or_db": {"id": "pilih salah satu: --staff N atau --db PATH, tidak keduanya",
                            "en": "choose one: --staff N or --db PATH, not both"},
    "cli.sim_staff_or_db.fix": {"id": "hapus salah satu pilihan",
                                "en": "remove one of the two options"},
})

MESSAGES.update({
    "sim.reform.bad_choice": {"id": "nilai '{value}' bukan salah satu pilihan",
                          "en": "'{value}' is not one of the choices"},
    "sim.reform.bad_choice.fix": {"id": "tulis salah satu: {allowed}", "en": "write one of: {allowed}"},
    "sim.reform.bad_boolean": {"id": "nilai '{value}' bukan ya/tidak", "en": "'{value}' is not yes/no"},
    "sim.reform.bad_boolean.fix": {"id": "tulis ya atau tidak", "en": "write yes or no"},
    "sim.reform.bad_number": {"id": "'{value}' bukan angka", "en": "'{value}' is not a number"},
    "sim.reform.bad_number.fix": {"id": "tulis angka, mis. 0,6 atau 0.6", "en": "write a number, e.g. 0.6"},
    "sim.reform.not_integer": {"id": "'{value}' bukan bilangan bulat",
                               "en": "'{value}' is not a whole number"},
    "sim.reform.not_integer.fix": {"id": "tulis bilangan bulat, mis. 2",
                                   "en": "write a whole number, e.g. 2"},
    "sim.reform.bad_id": {"id": "nama reformasi '{id}' tidak dapat dipakai",
                      "en": "reform name '{id}' cannot be used"},
    "sim.reform.bad_id.fix": {"id": "pakai 3–60 huruf kecil, angka dan tanda hubung, mis. kuota-baik-60",
                          "en": "use 3–60 lower-case letters, digits and hyphens, e.g. kuota-baik-60"},
    "sim.reform.unknown_parameter": {"id": "paket {pack} tidak punya parameter {name}",
                                 "en": "pack {pack} has no parameter {name}"},
    "sim.reform.unknown_parameter.fix": {"id": "pilih parameter dari daftar",
                                     "en": "pick a parameter from the list"},
    "sim.reform.id_taken": {"id": "nama {id} sudah dipakai paket lain ({path})",
                             "en": "the name {id} is already used by another pack ({path})"},
    "sim.reform.id_taken.fix": {"id": "pilih nama reformasi yang baru", "en": "choose a new reform name"},
    "sim.reform.unwritable": {"id": "{path} tidak dapat ditulis ({detail})",
                              "en": "{path} cannot be written ({detail})"},
    "sim.reform.unwritable.fix": {"id": "periksa izin folder rules/reforms",
                                  "en": "check the permissions of rules/reforms"},
    "sim.reform.exists": {"id": "berkas {path} sudah ada", "en": "file {path} already exists"},
    "sim.reform.exists.fix": {"id": "pilih nama reformasi lain", "en": "choose another reform name"},
    "sim.reform.check_failed": {"id": "reformasi tidak lolos pemeriksaan dan tidak disimpan",
                            "en": "the reform did not pass the check and was not kept"},
    "sim.reform.check_failed.fix": {"id": "perbaiki nilai sesuai pesan di bawah",
                                "en": "fix the value as the messages below say"},
})


# -- the classroom in the app: seats, the training panel, service status, the trainer's console -----
MESSAGES.update(_pairs({
    "tui.key.app.status": ("Status layanan", "Service status"),
    "tui.key.app.latihan": ("Latihan", "Training"),
    "tui.key.latihan.periksa": ("Periksa", "Check"),
    "tui.key.latihan.petunjuk": ("Petunjuk", "Hint"),
    "tui.key.kelas.mulai": ("Mulai putaran", "Start round"),
    "tui.key.kelas.tutup": ("Tutup putaran", "Close round"),
    "tui.key.kelas.ekspor": ("Ekspor", "Export"),
    "tui.status.judul": ("## Status Layanan e-Kinerja\n\nWaktu server: {jam}",
                         "## e-Kinerja Service Status\n\nServer time: {jam}"),
    "tui.status.normal": ("✅ Semua layanan berjalan normal.", "✅ All services are running normally."),
    "tui.status.aktif": ("⛔ **{jenis}** sedang berlangsung: {mulai} s.d. {selesai}.",
                         "⛔ **{jenis}** in progress: {mulai} to {selesai}."),
    "tui.status.terjadwal": ("🕒 Terjadwal: **{jenis}** {mulai} s.d. {selesai}.",
                             "🕒 Scheduled: **{jenis}** {mulai} to {selesai}."),
    "tui.status.jenis.pemeliharaan": ("Pemeliharaan server (semua penyimpanan ditolak)",
                                      "Server maintenance (every save refused)"),
    "tui.status.jenis.gagal_simpan": ("Gangguan: sebagian penyimpanan gagal (HTTP 503)",
                                      "Disruption: some saves fail (HTTP 503)"),
    "tui.status.jenis.sinkron_gagal": ("Gangguan layanan SIASN: Sinkron SIASN gagal",
                                       "SIASN service disruption: Sync SIASN fails"),
    "tui.status.jenis.tanpa_jawaban": ("Gangguan jaringan: sebagian jawaban server terputus",
                                       "Network disruption: some server answers are lost"),
    "tui.status.jalur": (
        "Saat server bermasalah: catat isian Anda, tunggu, lalu periksa daftar entri sebelum menyimpan lagi."
        " Jika tetap gagal menjelang batas, laporkan ke admin BKPSDM (sertakan jam dan pesan galat).",
        "When the server misbehaves: note your entries, wait, then check the list before saving again."
        " If it still fails near the deadline, report to the BKPSDM admin (with the time and the error)."),
    "tui.latihan.periksa": ("Periksa (F5)", "Check (F5)"),
    "tui.latihan.petunjuk": ("Petunjuk (F6)", "Hint (F6)"),
    "tui.latihan.hitung": ("Petunjuk dipakai: {petunjuk} · galat: {galat} · bantuan dibuka: {bantuan}"
                           " · hasil sementara: **{hasil}**",
                           "Hints used: {petunjuk} · errors: {galat} · help opened: {bantuan}"
                           " · outcome so far: **{hasil}**"),
    "tui.latihan.pembahasan": ("Pembahasan", "Debrief"),
    "tui.latihan.selesai": ("Semua tugas lulus. Skenario selesai.", "Every task passed. Scenario done."),
    "tui.latihan.belum": ("Belum semua tugas lulus; lihat tanda ⬜.",
                          "Not every task has passed yet; see ⬜."),
    "tui.latihan.tanpa_petunjuk": ("Semua tugas sudah lulus; tidak perlu petunjuk.",
                                   "Every task has passed; no hint needed."),
    "tui.latihan.petunjuk_habis": ("Petunjuk untuk tugas ini sudah habis; tanya pelatih.",
                                   "No hints left for this task; ask the trainer."),
    "tui.kursi.judul": ("Kelas latihan e-Kinerja", "e-Kinerja training class"),
    "tui.kursi.nomor": ("Nomor kursi Anda (lihat kartu di meja), lalu Enter",
                        "Your seat number (see the card on your desk), then Enter"),
    "tui.kursi.nama": ("Nama Anda untuk papan pelatih (boleh dikosongkan), lalu Enter",
                       "Your name for the trainer's board (optional), then Enter"),
    "tui.kursi.nama_disimpan": ("Nama disimpan.", "Name saved."),
    "tui.kursi.anda": ("Kursi {kursi}", "Seat {kursi}"),
    "tui.kursi.pilih": ("Pilih peran Anda di bawah (Enter). F12: panel Latihan · F10: Status Layanan.",
                        "Choose your role below (Enter). F12: Training panel · F10: Service Status."),
    "tui.kursi.selesai": ("✅ Putaran ini sudah selesai untuk kursi Anda. ",
                          "✅ This round is done for your seat. "),
    "tui.kelas.skenario": ("Skenario", "Scenario"),
    "tui.kelas.mulai": ("Mulai putaran", "Start round"),
    "tui.kelas.jam": ("Jam kelas baru, mis. 2026-04-09T20:30", "New class time, e.g. 2026-04-09T20:30"),
    "tui.kelas.majukan": ("Majukan jam", "Move clock"),
    "tui.kelas.info": ("Kelas {nama} · {kursi} kursi · kode gabung {kode} · jam kelas {jam}",
                       "Class {nama} · {kursi} seats · join code {kode} · class clock {jam}"),
    "tui.kelas.pilih_dulu": ("Pilih skenario dulu.", "Choose a scenario first."),
    "tui.kelas.diekspor": ("{n} berkas ditulis ke {folder}", "{n} files written to {folder}"),
    "tui.kelas.kol.kursi": ("Kursi", "Seat"),
    "tui.kelas.kol.peserta": ("Peserta", "Trainee"),
    "tui.kelas.kol.skenario": ("Skenario", "Scenario"),
    "tui.kelas.kol.tugas": ("Tugas", "Tasks"),
    "tui.kelas.kol.petunjuk": ("Petunjuk", "Hints"),
    "tui.kelas.kol.galat": ("Galat", "Errors"),
    "tui.kelas.kol.bantuan": ("Bantuan", "Help"),
    "tui.kelas.kol.ditolak": ("Ditolak", "Refused"),
    "tui.kelas.kol.integritas": ("Integritas", "Integrity"),
    "tui.kelas.kol.hasil": ("Hasil", "Outcome"),
    # the profile and Sinkron SIASN
    "tui.menu.profil": ("⚠ Profil perlu sinkron (P)", "⚠ Profile needs a sync (P)"),
    "tui.key.beranda.profil": ("Profil", "Profile"),
    "tui.profil.subtitle": ("Profil dan Sinkron SIASN", "Profile and SIASN sync"),
    "tui.profil.isi": ("{nama} · NIP {nip}\nJabatan: {jabatan}\nUnit: {unit}\n"
                       "Atasan langsung (pejabat penilai): {atasan}\nStatus profil: {state}",
                       "{nama} · NIP {nip}\nPosition: {jabatan}\nUnit: {unit}\n"
                       "Direct superior (rater): {atasan}\nProfile state: {state}"),
    "tui.profil.state.READY": ("sinkron dengan SIASN", "in sync with SIASN"),
    "tui.profil.state.NEEDS_SYNC": ("PERLU SINKRON: data mungkin berbeda dengan SIASN",
                                    "NEEDS A SYNC: the data may differ from SIASN"),
    "tui.profil.state.ESCALATED_TO_ADMIN": ("dilaporkan ke admin instansi; coba sinkron lagi nanti",
                                            "reported to the admin instansi; try the sync again later"),
    "tui.profil.state.UNSYNCED": ("belum pernah disinkronkan", "never synced"),
    "tui.profil.sinkron": ("Sinkron SIASN", "Sync SIASN"),
    "tui.profil.lapor_judul": ("Laporkan ke admin instansi (BKPSDM)",
                               "Report to the admin instansi (BKPSDM)"),
    "tui.profil.kode": ("Kode galat (diisi otomatis dari galat terakhir)",
                        "Error code (filled in from the last error)"),
    "tui.profil.pesan": ("Apa yang terjadi dan kapan", "What happened and when"),
    "tui.profil.kirim": ("Kirim laporan", "Send report"),
    "tui.profil.tersinkron": ("Profil disinkronkan dengan SIASN.", "Profile synced with SIASN."),
    "tui.profil.terkirim": ("Laporan terkirim ke admin instansi.", "Report sent to the admin instansi."),
    "tui.dampingi.judul": ("Pendampingan (Anda mengetik, rekan mendampingi)",
                           "Assisted session (you type, a colleague coaches)"),
    "tui.dampingi.pilih": ("Pendamping", "Coach"),
    "tui.dampingi.mulai": ("Mulai didampingi", "Start coaching"),
    "tui.dampingi.akhiri": ("Akhiri", "End"),
    "tui.dampingi.tidak": ("Tidak ada sesi pendampingan.", "No assisted session."),
    "tui.dampingi.aktif": ("Didampingi {nama} sejak {mulai}.", "Coached by {nama} since {mulai}."),
    "tui.dampingi.pilih_dulu": ("Pilih pendamping dulu.", "Choose a coach first."),
    # the atasan pejabat penilai's keberatan screen
    "tui.menu.keberatan": ("Keberatan (K)", "Objections (K)"),
    "tui.key.beranda.keberatan": ("Keberatan", "Objections"),
    "tui.kbr.subtitle": ("Keberatan yang menunggu keputusan Anda", "Objections waiting for your decision"),
    "tui.kbr.col.nama": ("Pegawai", "Employee"),
    "tui.kbr.col.periode": ("Periode", "Period"),
    "tui.kbr.col.predikat": ("Predikat", "Predikat"),
    "tui.kbr.col.diajukan": ("Diajukan", "Filed"),
    "tui.kbr.kosong": ("Tidak ada keberatan yang menunggu.", "No objection is waiting."),
    "tui.kbr.isi": ("{nama} · {periode}\nPredikat sekarang: {predikat} (Rating HK {hk}, Rating PK {pk})\n"
                    "Alasan keberatan: {alasan}",
                    "{nama} · {periode}\nCurrent predikat: {predikat}"
                    " (work rating {hk}, behaviour rating {pk})\nReason given: {alasan}"),
    "tui.kbr.keputusan": ("Keputusan", "Decision"),
    "tui.kbr.terima": ("Terima (ubah rating)", "Accept (change the ratings)"),
    "tui.kbr.tolak": ("Tolak (predikat tetap)", "Reject (predikat stands)"),
    "tui.kbr.catatan": ("Catatan keputusan: pertimbangan kedua pihak (wajib diisi)",
                        "Decision note: both sides considered (please write it)"),
    "tui.kbr.putuskan": ("Putuskan", "Decide"),
    "tui.kbr.pilih_dulu": ("Pilih keberatan dan keputusannya dulu.",
                           "Choose an objection and a decision first."),
    "tui.kbr.diputus": ("Diputus. Predikat yang berlaku: {predikat} (final).",
                        "Decided. The predikat that stands: {predikat} (final)."),
}))


# -- the profile: Sinkron SIASN and tickets to the admin instansi (WORKFLOW.md §1.3-A, scenario T08) ---
MESSAGES.update(_with_fixes({
    "workflow.profil.belum_sinkron": (
        "profil Anda belum sinkron dengan SIASN ({state}); atasan di profil mungkin salah",
        "your profile is not in sync with SIASN ({state}); the superior in it may be wrong",
        "buka Profil (P di Beranda), tekan Sinkron SIASN; bila gagal, laporkan kode galatnya ke admin",
        "open Profile (P on the Beranda), press Sync SIASN; if it fails, report its error code to the admin"),
    "workflow.profil.sinkron_gagal": (
        "Sinkron SIASN gagal: {kode}",
        "SIASN sync failed: {kode}",
        "jangan ulangi terus-menerus: laporkan ke admin instansi dengan kode {kode}, lalu coba lagi nanti",
        "do not keep retrying: report it to the admin instansi with code {kode}, then try again later"),
    "workflow.profil.tidak_di_siasn": (
        "NIP {nip} tidak ditemukan di SIASN",
        "NIP {nip} is not in SIASN",
        "laporkan ke admin instansi (BKPSDM) agar data SIASN Anda diperbaiki",
        "report it to the admin instansi (BKPSDM) so your SIASN record is fixed"),
    "workflow.tiket.pesan_pendek": (
        "pesan laporan terlalu pendek",
        "the report is too short",
        "tulis apa yang terjadi, kapan, dan kode galatnya (minimal 10 huruf)",
        "write what happened, when, and the error code (at least 10 characters)"),
}))


# -- assisted sessions (pendampingan, scenario T04) ---------------------------------------------------
MESSAGES.update(_pairs({
    "workflow.pendampingan.diri_sendiri": (
        "{nip} tidak dapat mendampingi dirinya sendiri",
        "{nip} cannot coach themselves"),
    "workflow.pendampingan.diri_sendiri.fix": (
        "isi NIP pendamping (misalnya operator unit) yang duduk di samping Anda",
        "enter the NIP of the coach (e.g. the unit operator) sitting beside you"),
    "workflow.pendampingan.pendamping_tidak_dikenal": (
        "NIP pendamping {nip} tidak terdaftar sebagai pegawai aktif",
        "the coach's NIP {nip} is not an active pegawai"),
    "workflow.pendampingan.pendamping_tidak_dikenal.fix": (
        "periksa NIP pendamping (18 angka); pendamping harus pegawai aktif di instansi ini",
        "check the coach's NIP (18 digits); the coach must be an active pegawai of this office"),
    "workflow.pendampingan.masih_terbuka": (
        "sesi pendampingan {id} dengan {pendamping} masih berjalan",
        "assisted session {id} with {pendamping} is still open"),
    "workflow.pendampingan.masih_terbuka.fix": (
        "lanjutkan sesi itu, atau akhiri dulu sebelum memulai sesi baru",
        "carry on in that session, or end it before starting a new one"),
    "workflow.pendampingan.tidak_ada": (
        "sesi pendampingan {id} tidak ada",
        "assisted session {id} does not exist"),
    "workflow.pendampingan.tidak_ada.fix": (
        "pilih sesi dari daftar pendampingan Anda",
        "choose a session from your list of assisted sessions"),
    "workflow.pendampingan.bukan_peserta": (
        "{actor} bukan pegawai maupun pendamping dalam sesi {id}",
        "{actor} is neither the pegawai nor the coach of session {id}"),
    "workflow.pendampingan.bukan_peserta.fix": (
        "sesi hanya dapat diakhiri oleh pegawai atau pendampingnya",
        "only the pegawai or their coach can end the session"),
    "workflow.pendampingan.sudah_selesai": (
        "sesi pendampingan {id} sudah berakhir pada {selesai}",
        "assisted session {id} already ended at {selesai}"),
    "workflow.pendampingan.sudah_selesai.fix": (
        "mulai sesi baru bila masih perlu didampingi",
        "start a new session if coaching is still needed"),
}))
