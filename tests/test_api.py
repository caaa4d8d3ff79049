"""The HTTP API through FastAPI's test client: every endpoint, refusals in both languages, limits,
the token, and the `ekinerja api` command's checks."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import socket
import time

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient  # noqa: E402

from sandbox import cli  # noqa: E402
from sandbox.api import schemas  # noqa: E402
from sandbox.api.app import create_app, request_lang  # noqa: E402
from sandbox.rules.engine import Engine  # noqa: E402
from sandbox.rules.loader import load_pack  # noqa: E402
from sandbox.rules.problems import EvaluationError  # noqa: E402

TOKEN = "rahasia-uji-123"
PREDIKAT = {"pack": "permenpanrb-6-2022", "decision": "predikat",
            "inputs": {"rating_hasil_kerja": "di_atas", "rating_perilaku": "sesuai"}}
TPP = {"besaran_tpp": 5_000_000, "predikat": "baik", "hari_tanpa_keterangan": 2}
EN = {"Accept-Language": "en-GB,en;q=0.9"}
ID = {"Accept-Language": "id"}


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    return create_app(token=TOKEN, out_dir=tmp_path_factory.mktemp("api-jobs"))


@pytest.fixture(scope="module")
def client(app):
    with TestClient(app) as test_client:
        yield test_client


def _cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(argv))
    return code, out.getvalue(), err.getvalue()


def _assert_words(body: dict, lang: str) -> None:
    """A refusal a person can read: the project's shape, words in the language asked, no traceback."""
    assert set(body) == {"code", "message", "lang", "problems"}
    assert body["lang"] == lang and body["problems"]
    for problem in body["problems"]:
        assert problem["problem"] and problem["fix"]
    assert "Traceback" not in json.dumps(body) and "detail" not in body


# -- packs ---------------------------------------------------------------------------------------


def test_packs_are_those_rules_list_shows(client):
    code, out, _ = _cli("rules", "list", "--json")
    assert code == 0
    listed = [row for row in json.loads(out) if not row.get("broken")]
    answer = client.get("/v1/packs")
    assert answer.status_code == 200
    served = answer.json()["packs"]
    assert [p["id"] for p in served] == [row["id"] for row in listed]
    for mine, theirs in zip(served, listed, strict=True):
        for key in ("title", "legal_basis", "effective_from", "effective_to", "extends", "decisions"):
            assert mine[key] == theirs[key], (mine["id"], key)


def test_pack_detail_has_inputs_and_parameters_by_date(client):
    pack = load_pack("tpp-contoh")
    body = client.get("/v1/packs/tpp-contoh").json()
    assert body["effective_from"] == pack.effective_from.isoformat()
    inputs = body["decisions"]["tpp"]["inputs"]
    assert list(inputs) == list(pack.decisions["tpp"].inputs)
    assert inputs["predikat"]["values"] == list(pack.decisions["tpp"].inputs["predikat"].values)
    weight = body["parameters"]["bobot_produktivitas"]
    assert weight["unit"] == "persen" and weight["values"] == [{"since": "2024-01-01", "value": 60}]
    assert weight["cite"] and weight["uncertain"]
    reform = client.get("/v1/packs/reformasi-kuota-baik-60").json()
    assert reform["extends"] == "permenpanrb-6-2022"
    assert {"since": "2027-01-01", "value": 0.6} in reform["parameters"]["kurva_baik_maks_baik"]["values"]


def test_packs_are_read_once_at_startup(client, monkeypatch):
    import sandbox.api.packs
    import sandbox.rules.loader

    def no_reading(*_args, **_kwargs):
        raise AssertionError("a request re-read a pack file")

    monkeypatch.setattr(sandbox.rules.loader, "check_pack", no_reading)
    monkeypatch.setattr(sandbox.api.packs, "check_pack", no_reading)
    assert client.get("/v1/packs").status_code == 200
    assert client.get("/v1/packs/pp-30-2019").status_code == 200
    assert client.post("/v1/eval", json=PREDIKAT).status_code == 200


@pytest.mark.parametrize(("headers", "lang", "words"),
                         [(ID, "id", "tidak ditemukan"), (EN, "en", "not found")])
def test_unknown_pack_answers_404_in_the_language_asked(client, headers, lang, words):
    answer = client.get("/v1/packs/tidak-ada", headers=headers)
    assert answer.status_code == 404
    body = answer.json()
    _assert_words(body, lang)
    assert words in body["problems"][0]["problem"] and "permenpanrb-6-2022" in body["problems"][0]["fix"]


@pytest.mark.parametrize("reference", ["../rules/tpp-contoh.yaml", "/etc/passwd", "rules/tpp-contoh.yaml"])
def test_a_path_is_never_a_pack(client, reference):
    answer = client.post("/v1/eval", json={**PREDIKAT, "pack": reference}, headers=EN)
    assert answer.status_code == 422
    assert answer.json()["problems"][0]["field"] == "pack"
    assert "opens no files" in answer.json()["message"]


# -- eval ----------------------------------------------------------------------------------------


def test_eval_is_what_rules_eval_json_prints(client):
    pairs = [f"{k}={v}" for k, v in TPP.items()]
    code, out, _ = _cli("rules", "eval", "tpp-contoh", "tpp", *pairs, "--json")
    assert code == 0
    answer = client.post("/v1/eval", json={"pack": "tpp-contoh", "decision": "tpp", "inputs": TPP})
    assert answer.status_code == 200
    assert answer.json() == json.loads(out)
    assert answer.json()["outputs"]["tpp_diterima"] > 0


def test_eval_explanation_follows_lang(client):
    body = {**PREDIKAT, "explain": True}
    english = client.post("/v1/eval", json={**body, "lang": "en"}, headers=ID).json()
    indonesian = client.post("/v1/eval", json=body, headers=ID).json()
    assert "Why:" in english["explanation"] and "Why:" not in indonesian["explanation"]
    assert english["outputs"] == indonesian["outputs"]
    assert "explanation" not in client.post("/v1/eval", json=PREDIKAT).json()


def test_eval_on_a_date(client):
    on = client.post("/v1/eval", json={**PREDIKAT, "pack": "reformasi-kuota-baik-60", "on": "2027-06-30"})
    assert on.status_code == 200
    early = client.post("/v1/eval", json={**PREDIKAT, "pack": "reformasi-kuota-baik-60", "on": "2020-01-01"},
                        headers=EN)
    assert early.status_code == 422 and early.json()["code"] == "eval.pack_not_in_force"
    assert early.json()["problems"][0]["field"] == "on"
    bad = client.post("/v1/eval", json={**PREDIKAT, "on": "31-12-2026"}, headers=EN)
    assert bad.status_code == 422 and bad.json()["code"] == "cli.bad_date"
    assert "YYYY-MM-DD" in bad.json()["problems"][0]["fix"]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_an_engine_refusal_says_what_the_cli_says(client, lang):
    pack = load_pack("permenpanrb-6-2022")
    inputs = {"rating_hasil_kerja": "luar_biasa", "rating_perilaku": "sesuai"}
    with pytest.raises(EvaluationError) as refused:
        Engine().evaluate(pack, "predikat", inputs)
    answer = client.post("/v1/eval", json={**PREDIKAT, "inputs": inputs}, headers={"Accept-Language": lang})
    assert answer.status_code == 422
    body = answer.json()
    _assert_words(body, lang)
    assert body["code"] == refused.value.code == "eval.bad_enum"
    assert body["message"] == refused.value.render(lang)
    assert body["problems"][0]["field"] == "inputs.rating_hasil_kerja"
    code, _, err = _cli("rules", "eval", "permenpanrb-6-2022", "predikat", "rating_hasil_kerja=luar_biasa",
                        "rating_perilaku=sesuai", "--lang", lang)
    assert code == 1 and err.strip() == body["message"]


def test_lang_in_the_body_beats_accept_language(client):
    body = {**PREDIKAT, "decision": "tidak_ada", "lang": "en"}
    answer = client.post("/v1/eval", json=body, headers=ID)
    assert answer.status_code == 422 and answer.json()["lang"] == "en"
    assert answer.json()["problems"][0]["field"] == "decision"
    assert "has no decision" in answer.json()["message"]


@pytest.mark.parametrize(("lang", "words"), [("id", "belum diisi"), ("en", "is missing")])
def test_request_shape_errors_in_our_words(client, lang, words):
    headers = {"Accept-Language": lang}
    missing = client.post("/v1/eval", json={"pack": "pp-30-2019"}, headers=headers)
    assert missing.status_code == 422
    _assert_words(missing.json(), lang)
    assert missing.json()["problems"][0]["field"] == "decision"
    assert words in missing.json()["problems"][0]["problem"]
    wrong = client.post("/v1/eval", json={**PREDIKAT, "inputs": {"rating_perilaku": [1, 2]}, "extra": 1},
                        headers=headers)
    fields = {p["field"] for p in wrong.json()["problems"]}
    assert wrong.status_code == 422 and fields == {"inputs.rating_perilaku", "extra"}
    _assert_words(wrong.json(), lang)
    for raw in (b"{not json", b"\xff\xfe", b"[1, 2]"):
        answer = client.post("/v1/eval", content=raw, headers={**headers, "content-type": "application/json"})
        assert answer.status_code == 422, raw
        _assert_words(answer.json(), lang)


def test_accept_language_by_quality():
    class Fake:
        def __init__(self, value):
            self.headers = {"accept-language": value}

    assert request_lang(Fake("fr, en;q=0.5, id;q=0.8")) == "id"
    assert request_lang(Fake("en-US,en;q=0.9,id;q=0.8")) == "en"
    assert request_lang(Fake("de")) == "id"
    assert request_lang(Fake("en"), "id") == "id"


# -- batch ---------------------------------------------------------------------------------------


def test_batch_gives_the_engine_outputs_and_traces_on_request(client):
    pack = load_pack("tpp-contoh")
    cases = [{**TPP, "predikat": value} for value in pack.decisions["tpp"].inputs["predikat"].values]
    cases.append({**TPP, "tl1": -3})
    engine = Engine()
    fast = client.post("/v1/eval/batch", json={"pack": "tpp-contoh", "decision": "tpp", "cases": cases},
                       headers=EN).json()
    traced = client.post("/v1/eval/batch", json={"pack": "tpp-contoh", "decision": "tpp", "cases": cases,
                                                  "trace": True}).json()
    assert fast["count"] == len(cases) and fast["failed"] == traced["failed"] == 1
    for inputs, quick, slow in zip(cases[:-1], fast["results"], traced["results"], strict=False):
        expected = engine.evaluate(pack, "tpp", inputs)
        assert quick == {"outputs": expected.outputs}
        assert slow == {"outputs": expected.outputs, "trace": expected.trace}
    error = fast["results"][-1]["error"]
    assert error["code"] == "eval.below_minimum" and error["lang"] == "en"
    assert error["problems"][0]["field"] == f"cases[{len(cases) - 1}].tl1"


def test_batch_limit(client):
    cases = [{"rating_hasil_kerja": "sesuai", "rating_perilaku": "sesuai"}] * (schemas.MAX_BATCH + 1)
    body = {"pack": "permenpanrb-6-2022", "decision": "predikat", "cases": cases}
    answer = client.post("/v1/eval/batch", json=body, headers=ID)
    assert answer.status_code == 422 and answer.json()["code"] == "api.batch_too_big"
    assert "10.001" in answer.json()["message"] and "10.000" in answer.json()["message"]
    full = client.post("/v1/eval/batch", json={**body, "cases": cases[:-1]})
    assert full.status_code == 200 and full.json()["count"] == schemas.MAX_BATCH
    assert {r["outputs"]["predikat"] for r in full.json()["results"]} == {"baik"}


def test_body_size_limit_with_and_without_content_length(client):
    big = b'{"pack": "' + b"x" * 6_000_000 + b'"}'
    answer = client.post("/v1/eval", content=big, headers={**EN, "content-type": "application/json"})
    assert answer.status_code == 413
    _assert_words(answer.json(), "en")

    def chunks():
        for start in range(0, len(big), 1_000_000):
            yield big[start:start + 1_000_000]

    streamed = client.post("/v1/eval", content=chunks(), headers={"content-type": "application/json"})
    assert streamed.status_code == 413 and "5.000.000" in streamed.json()["message"]
    small = json.dumps(PREDIKAT).encode()
    ok = client.post("/v1/eval", content=iter([small[:10], small[10:]]),
                     headers={"content-type": "application/json"})
    assert ok.status_code == 200 and ok.json()["outputs"]["predikat"]


# -- compare and jobs ----------------------------------------------------------------------------


COMPARE = {"base": "permenpanrb-6-2022", "reforms": ["reformasi-kuota-baik-60"], "staff": 30, "workers": 1}


@pytest.mark.parametrize("authorization", [None, "Bearer salah", "Basic " + TOKEN, "Bearer " + TOKEN + "x"])
def test_compare_needs_the_token(client, app, authorization):
    headers = {**EN, **({"Authorization": authorization} if authorization else {})}
    answer = client.post("/v1/compare", json=COMPARE, headers=headers)
    assert answer.status_code == 401 and answer.headers["www-authenticate"] == "Bearer"
    _assert_words(answer.json(), "en")
    assert app.state.runner.running() == 0


def test_compare_refusals(client):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    staff = client.post("/v1/compare", json={**COMPARE, "staff": 200_001}, headers={**auth, **ID})
    assert staff.status_code == 422 and "200.000" in staff.json()["message"]
    assert "ekinerja compare" in staff.json()["problems"][0]["fix"]
    unknown = client.post("/v1/compare", json={**COMPARE, "reforms": ["tidak-ada"]}, headers=auth)
    assert unknown.status_code == 404 and unknown.json()["problems"][0]["field"] == "reforms[0]"
    seeds = client.post("/v1/compare", json={**COMPARE, "seeds": 0}, headers={**auth, **EN})
    assert seeds.status_code == 422 and "between 1 and 100" in seeds.json()["message"]
    forked = client.post("/v1/compare", json={**COMPARE, "workers": 2}, headers={**auth, **EN})
    assert forked.status_code == 422  # the server's threads never fork worker processes
    assert forked.json()["problems"][0]["field"] == "workers" and "Traceback" not in forked.text


def test_compare_job_runs_to_a_report_with_exports(client, app):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    started = client.post("/v1/compare", json=COMPARE, headers=auth)
    assert started.status_code == 202, started.text
    job_id = started.json()["id"]
    assert len(job_id) >= 20 and started.headers["location"] == f"/v1/jobs/{job_id}"
    deadline = time.monotonic() + 120
    while (job := client.get(f"/v1/jobs/{job_id}").json())["state"] == "running":
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert job["state"] == "done", job["error"]
    assert job["done"] == job["total"] == 30 and job["percent"] == 100
    report = job["report"]
    assert report["labels"] == ["permenpanrb-6-2022", "reformasi-kuota-baik-60"]
    assert report["markdown"].startswith("# Simulasi e-Kinerja")
    assert report["tables"] and all(len(t["rows"]) == len(t["shown"]) for t in report["tables"])
    names = {f["name"] for f in job["files"]}
    assert {"ringkasan.md", "ringkasan.html", "ringkasan.xlsx", "hasil.sqlite"} <= names
    markdown = client.get(f"/v1/jobs/{job_id}/files/ringkasan.md")
    assert markdown.status_code == 200 and markdown.text == report["markdown"]
    assert client.get(f"/v1/jobs/{job_id}/files/..%2F..%2Fetc%2Fpasswd").status_code == 404
    assert client.get(f"/v1/jobs/{job_id}/files/tidak-ada.csv").status_code == 404
    unknown = client.get("/v1/jobs/bukan-id", headers=EN)
    assert unknown.status_code == 404 and unknown.json()["code"] == "api.job_unknown"


def test_a_compare_the_simulator_refuses_ends_failed_with_its_words(client):
    started = client.post("/v1/compare", json={**COMPARE, "year": 2000},
                          headers={"Authorization": f"Bearer {TOKEN}"})
    assert started.status_code == 202
    deadline = time.monotonic() + 60
    while (job := client.get(f"/v1/jobs/{started.json()['id']}", headers=EN).json())["state"] == "running":
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert job["state"] == "failed" and job["report"] is None and job["files"] == []
    assert job["error"]["code"] == "sim.not_in_force" and job["error"]["lang"] == "en"
    assert "2000" in job["error"]["problems"][0]["problem"]
    indonesian = client.get(f"/v1/jobs/{job['id']}", headers=ID).json()["error"]
    assert indonesian["lang"] == "id" and indonesian["message"] != job["error"]["message"]


def test_at_most_max_jobs_running(client, app, monkeypatch):
    monkeypatch.setattr(app.state.runner, "max_running", 0)  # as if both places were taken
    answer = client.post("/v1/compare", json=COMPARE, headers={"Authorization": f"Bearer {TOKEN}", **EN})
    assert answer.status_code == 429 and answer.json()["code"] == "api.jobs_busy"
    assert "at most 0 at once" in answer.json()["message"]


# -- unexpected errors and the description -----------------------------------------------------


def test_an_unexpected_error_is_a_sentence_in_both_languages(app, monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("rahasia internal /srv/path")

    monkeypatch.setattr(Engine, "evaluate", broken)
    with TestClient(app, raise_server_exceptions=False) as quiet:
        answer = quiet.post("/v1/eval", json=PREDIKAT)
    assert answer.status_code == 500
    assert "rahasia internal" not in answer.text and "Traceback" not in answer.text
    assert "kesalahan di dalam server" in answer.json()["message"]
    assert "an error inside the server" in answer.json()["message"]


def test_unknown_path_and_method(client):
    assert client.get("/v2/packs", headers=EN).json()["code"] == "api.not_found"
    answer = client.delete("/v1/packs")
    assert answer.status_code == 405 and answer.json()["lang"] == "id"


def test_openapi_examples_come_from_the_packs_and_evaluate(client):
    described = client.get("/openapi.json").json()
    body = described["paths"]["/v1/eval"]["post"]["requestBody"]
    examples = body["content"]["application/json"]["examples"]
    served = client.get("/v1/packs").json()["packs"]
    decisions = {f"{p['id']}.{d}" for p in served for d in p["decisions"]}
    assert set(examples) <= decisions and len(examples) >= len(decisions) // 2
    for example in examples.values():
        assert client.post("/v1/eval", json=example["value"]).status_code == 200
    for path in ("/v1/packs", "/v1/packs/{pack_id}", "/v1/eval", "/v1/eval/batch", "/v1/compare",
                 "/v1/jobs/{job_id}"):
        assert path in described["paths"]
    refusal = described["paths"]["/v1/eval"]["post"]["responses"]["422"]
    assert refusal["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorBody")


# -- the command -----------------------------------------------------------------------------------


def _api_args(*argv: str):
    from sandbox.cli_api import add_api_parser

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", default=None)
    parser = argparse.ArgumentParser()
    add_api_parser(parser.add_subparsers(dest="command"), common)
    return parser.parse_args(["api", *argv])


def test_the_command_binds_loopback_unless_told(monkeypatch):
    from sandbox.cli_api import run_api

    monkeypatch.delenv("EKINERJA_API_TOKEN", raising=False)
    args = _api_args()
    assert (args.host, args.port, args.allow_remote) == ("127.0.0.1", 8080, False)
    said: list = []
    assert run_api(_api_args("--host", "0.0.0.0"), "en", said.append) == 2
    assert "opens the API to the network" in said[-1] and "--allow-remote" in said[-1]
    assert run_api(_api_args("--host", "0.0.0.0", "--allow-remote"), "id", said.append) == 2
    assert "tanpa token" in said[-1]
    assert run_api(_api_args("--port", "70000"), "en", said.append) == 2
    assert "between 1 and 65535" in said[-1]


def test_the_command_refuses_a_busy_port():
    from sandbox.api.server import serve

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        said: list = []
        assert serve("127.0.0.1", taken.getsockname()[1], None, "en", print_=said.append) == 1
    assert "cannot be opened" in said[0] and "--port" in said[0]


def test_the_command_without_the_extra_says_how_to_install(monkeypatch):
    import sandbox.api
    from sandbox.cli_api import run_api

    monkeypatch.setattr(sandbox.api, "available", lambda: False)
    said: list = []
    assert run_api(_api_args(), "id", said.append) == 1
    assert "pip install -e '.[api]'" in said[0]
    assert "belum terpasang" in said[0] and "not installed" in said[0]
