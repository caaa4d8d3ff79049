"""The API on a real uvicorn server on 127.0.0.1: every decision of every pack answers what
`ekinerja rules eval --json` prints, and a bounded schemathesis fuzz finds no 500 and no answer
outside its own OpenAPI description."""

from __future__ import annotations

import contextlib
import functools
import http.client
import io
import json
import socket
import sys
import threading
import time

import pytest

pytest.importorskip("fastapi")
uvicorn = pytest.importorskip("uvicorn")
httpx = pytest.importorskip("httpx")

from sandbox import cli  # noqa: E402
from sandbox.api.app import create_app  # noqa: E402
from sandbox.rules import loader  # noqa: E402
from sandbox.rules.registry import default_rules_dir, pack_files  # noqa: E402

TOKEN = "fuzz-token-never-sent"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def base_url():
    app = create_app(token=TOKEN)  # a token the fuzz never has: it cannot start comparisons
    switch = sys.getswitchinterval()
    sys.setswitchinterval(0.0005)  # server and client threads share the GIL: hand it over sooner
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the API server did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    sys.setswitchinterval(switch)


@functools.lru_cache(maxsize=1)
def _packs() -> tuple:
    packs = []
    for path in pack_files(default_rules_dir()):
        pack, problems = loader.check_pack(path)
        if pack is not None and not problems:
            packs.append(pack)
    return tuple(packs)


def _typed(value) -> str:
    """A value as a person types it after `name=` on the command line."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return str(int(value)) if float(value).is_integer() else repr(float(value))
    return str(value)


def input_table(decision) -> list[dict]:
    """Inputs to try: one base case (first allowed value, default, or the smallest number), then each
    enum value and both booleans once, and each number's declared bounds, the rest as in the base."""
    base = {}
    for name, spec in decision.inputs.items():
        if spec.has_default:
            continue
        if spec.type == "enum":
            base[name] = spec.values[0]
        elif spec.type == "boolean":
            base[name] = False
        else:
            base[name] = spec.minimum if spec.minimum is not None else 0
    table = [base]
    for name, spec in decision.inputs.items():
        if spec.type == "enum":
            options = list(spec.values)
        elif spec.type == "boolean":
            options = [True, False]
        else:
            options = [v for v in (spec.minimum, spec.maximum) if v is not None] or [0, 1]
            options = [int(v) if spec.type == "integer" else v for v in options]
        table += [{**base, name: value} for value in options if base.get(name, object()) != value]
    return table


def _cli_eval(pack_id: str, decision: str, inputs: dict) -> tuple[int, str, str]:
    pairs = [f"{k}={_typed(v)}" for k, v in inputs.items()]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(["rules", "eval", pack_id, decision, *pairs, "--json", "--lang", "en"])
    return code, out.getvalue(), err.getvalue()


def test_every_decision_of_every_pack_answers_as_the_cli(base_url, monkeypatch):
    packs = _packs()
    # the CLI reads its pack from disk on every call; here each is read once (the same checker, the same
    # files), so hundreds of in-process CLI runs take a second, not a minute
    cached: dict = {}
    real_check = loader.check_pack

    def check_once(reference, rules_dir=None, *args, **kwargs):
        key = (str(reference), rules_dir, args, tuple(sorted(kwargs.items())))
        if key not in cached:
            cached[key] = real_check(reference, rules_dir, *args, **kwargs)
        return cached[key]

    monkeypatch.setattr(loader, "check_pack", check_once)
    monkeypatch.setattr(cli, "_parser", functools.lru_cache(cli._parser))  # built once, not per call
    assert {p.id for p in packs} >= {"permenpanrb-6-2022", "tpp-contoh", "reformasi-kuota-baik-60"}
    compared = refused = 0
    host, port = base_url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)  # thin and keep-alive
    for pack in packs:
        for decision in pack.decisions.values():
            for inputs in input_table(decision):
                code, out, err = _cli_eval(pack.id, decision.name, inputs)
                body = json.dumps({"pack": pack.id, "decision": decision.name, "inputs": inputs})
                connection.request("POST", "/v1/eval", body=body.encode(),
                                   headers={"Content-Type": "application/json", "Accept-Language": "en"})
                response = connection.getresponse()
                status, answer = response.status, json.loads(response.read())
                where = f"{pack.id} {decision.name} {inputs}"
                if code == 0:
                    assert status == 200, (where, answer)
                    assert answer == json.loads(out), where
                    compared += 1
                else:
                    assert code == 1 and status == 422, (where, code, answer)
                    assert answer["message"] == err.strip(), where
                    refused += 1
    connection.close()
    assert compared > 100
    assert compared > refused  # the table is mostly valid inputs: refusals are the exception


def test_batch_over_http_gives_the_engine_outputs(base_url):
    pack = next(p for p in _packs() if p.id == "tpp-contoh")
    decision = pack.decisions["tpp"]
    cases = input_table(decision)
    with httpx.Client(base_url=base_url, timeout=30) as client:
        batch = client.post("/v1/eval/batch", json={"pack": pack.id, "decision": "tpp", "cases": cases})
        single = [client.post("/v1/eval", json={"pack": pack.id, "decision": "tpp", "inputs": c})
                  for c in cases]
    assert batch.status_code == 200
    results = batch.json()["results"]
    assert len(results) == len(cases) > 10
    for one, many in zip(single, results, strict=True):
        if one.status_code == 200:
            assert many == {"outputs": one.json()["outputs"]}
        else:
            assert many["error"]["message"] == one.json()["message"]


def test_fuzz_finds_no_server_error_and_no_answer_outside_the_schema(base_url):
    schemathesis = pytest.importorskip("schemathesis")
    from hypothesis import HealthCheck, Phase, given, settings
    from schemathesis.checks import not_a_server_error
    from schemathesis.generation import GenerationMode
    from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

    schema = schemathesis.openapi.from_url(f"{base_url}/openapi.json")
    checks = [not_a_server_error, response_schema_conformance, status_code_conformance]
    calls = []
    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
        @settings(max_examples=20, deadline=None, database=None, derandomize=True,
                  phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
        @given(case=schema.as_strategy(generation_mode=mode))
        def fuzz(case):
            # bounded in count (20 a mode) and each call in time; no wall-clock cut-off, which made
            # the count below depend on the machine's load (it failed once in CI with one call made)
            response = case.call_and_validate(base_url=base_url, checks=checks, timeout=10)
            calls.append(response.status_code)

        fuzz()
    assert len(calls) >= 40
    assert 500 not in calls
    assert 200 in calls and 422 in calls
