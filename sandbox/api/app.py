"""The FastAPI application: packs, decisions, batches and comparisons over HTTP/JSON.

Every answer a person may read comes from the catalog (`sandbox.i18n.message`) in the language the
request asks for (`lang` in the body, else Accept-Language, else Indonesian). FastAPI's own 422,
404 and 500 bodies are replaced by the project's shape (`schemas.ErrorBody`): what is wrong, where,
and what to write instead, never a traceback. Endpoints are plain `def`s, so FastAPI runs them in
its threadpool; the engine serialises its durable-rules calls with its own lock.
"""

import datetime as dt
import hmac
import json
import logging
from pathlib import Path
from typing import Annotated

from fastapi import Body, Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.exceptions import HTTPException as StarletteHTTPException

import sandbox.api.messages_api  # noqa: F401 (registers the api.* messages)
from sandbox import __version__
from sandbox.api import schemas
from sandbox.api.jobs import Busy, JobRunner
from sandbox.api.packs import Catalog, example_inputs
from sandbox.errors import SandboxError
from sandbox.i18n import message
from sandbox.rules.batch import BatchEvaluator
from sandbox.rules.engine import Engine
from sandbox.rules.explain import render_evaluation
from sandbox.rules.problems import EvaluationError, shown_params

log = logging.getLogger("sandbox.api")

MAX_BODY = 5_000_000  # bytes: 10,000 cases of the widest decision fit with room to spare


class ApiError(SandboxError):
    """An answer in words: status, a code for programs, and (field, message key, params) problems."""

    def __init__(self, status: int, code: str, problems: list, headers: dict | None = None):
        super().__init__(code)
        self.status, self.problems, self.headers = status, problems, headers

    def render(self, lang: str = "id") -> str:
        return "; ".join(f"{p['problem']} — {p['fix']}" for p in rendered_problems(self.problems, lang))


def request_lang(request: Request, explicit: str | None = None) -> str:
    """The body's `lang`, else the first of id/en in Accept-Language (by q), else Indonesian."""
    if explicit in ("id", "en"):
        return explicit
    header = request.headers.get("accept-language", "")
    ranked = []
    for position, part in enumerate(header.split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        ranked.append((-quality, position, tag.strip().lower()[:2]))
    for _, _, code in sorted(ranked):
        if code in ("id", "en"):
            return code
    return "id"


def rendered_problems(problems: list, lang: str) -> list[dict]:
    """(field, message key, params[, fix key]) problems as the words of the answer's `problems`."""
    rendered = []
    for field_name, key, params, *fix_key in problems:  # fix_key: another message's "what to write"
        params = {**shown_params(params), **({"known": params["known"]} if "known" in params else {})}
        rendered.append({"field": field_name, "problem": message(key, lang, **params),
                         "fix": message(fix_key[0] if fix_key else f"{key}.fix", lang, **params)})
    return rendered


def error_body(status: int, code: str, problems: list, lang: str,
               headers: dict | None = None) -> JSONResponse:
    rendered = rendered_problems(problems, lang)
    text = "; ".join(f"{p['problem']} — {p['fix']}" for p in rendered)
    return JSONResponse({"code": code, "message": text, "lang": lang, "problems": rendered},
                        status_code=status, headers=headers)


_INPUT_CODES = ("eval.bad_", "eval.unknown_input", "eval.missing_input", "eval.too_large",
                "eval.not_integer", "eval.below_minimum", "eval.above_maximum")


def evaluation_problem(error: EvaluationError, prefix: str = "inputs") -> tuple:
    """An engine refusal as (field, key, params): its own catalog words, placed on the request."""
    field_name = None
    if error.code.startswith(_INPUT_CODES) and "name" in error.params:
        field_name = f"{prefix}.{error.params['name']}"
    elif error.code == "eval.unknown_decision":
        field_name = "decision"
    elif error.code == "eval.pack_not_in_force":
        field_name = "on"
    return field_name, error.code, error.params


def _errors_json(error: EvaluationError, lang: str, prefix: str) -> dict:
    field_name, key, params = evaluation_problem(error, prefix)
    params = shown_params(params)
    problem, fix = message(key, lang, **params), message(f"{key}.fix", lang, **params)
    return {"code": key, "message": f"{problem} — {fix}",
            "lang": lang, "problems": [{"field": field_name, "problem": problem, "fix": fix}]}


# -- FastAPI's validation errors, in our words ----------------------------------------------------

_EXPECTED = {"string_type": "text", "string_too_long": None, "int_type": "integer", "int_parsing": "integer",
             "int_from_float": "integer", "float_type": "number", "float_parsing": "number",
             "bool_type": "boolean", "bool_parsing": "boolean", "dict_type": "object",
             "model_type": "object", "model_attributes_type": "object", "list_type": "list",
             "scalar_type": "scalar", "literal_error": "value"}
_FIELD_EXPECTED = {"pack": "text", "decision": "text", "base": "text", "reforms": "list", "inputs": "object",
                   "cases": "list", "staff": "integer", "seed": "integer", "seeds": "integer",
                   "year": "integer", "workers": "integer", "on": "text", "lang": "value",
                   "explain": "boolean", "trace": "boolean"}
_MODELS = {"/v1/eval": schemas.EvalRequest, "/v1/eval/batch": schemas.BatchRequest,
           "/v1/compare": schemas.CompareRequest}


def grouped(number: object, lang: str) -> str:
    """A count as a person reads it: 10.000 in Indonesian, 10,000 in English."""
    if isinstance(number, bool) or not isinstance(number, int):
        return str(number)
    text = f"{number:,}"
    return text.replace(",", ".") if lang == "id" else text


def _where(loc: tuple) -> str:
    parts = [p for p in loc if p not in ("body", "query", "path", "header")]
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "body"


def _bounds(model, name: str) -> tuple:
    field_info = model.model_fields.get(name) if model else None
    low = high = None
    for meta in getattr(field_info, "metadata", []):
        low = getattr(meta, "ge", None) if getattr(meta, "ge", None) is not None else low
        high = getattr(meta, "le", None) if getattr(meta, "le", None) is not None else high
        low = getattr(meta, "min_length", None) if getattr(meta, "min_length", None) is not None else low
        high = getattr(meta, "max_length", None) if getattr(meta, "max_length", None) is not None else high
    return low, high


def validation_problems(errors: list, path: str, lang: str) -> list:
    model = _MODELS.get(path)
    seen, problems = set(), []
    for error in errors:
        loc = tuple(error.get("loc", ()))
        kind = error.get("type", "")
        where = _where(loc)
        if where in seen:
            continue
        seen.add(where)
        name = str(loc[1]) if len(loc) > 1 and loc[0] == "body" else where
        top = len(loc) == 2
        value = error.get("input")
        ctx = error.get("ctx") or {}
        if kind == "json_invalid":
            example = '{"pack": "…", "decision": "…", "inputs": {}}'
            problems.append((None, "api.body.json", {"example": example}))
        elif kind == "missing":
            expected = message(f"api.expected.{_FIELD_EXPECTED.get(name, 'value')}", lang)
            problems.append((where, "api.field.missing", {"field": where, "expected": expected}))
        elif kind == "extra_forbidden":
            known = ", ".join(model.model_fields) if model else "—"
            problems.append((where, "api.field.extra", {"field": where, "known": known}))
        elif kind == "too_long" and name == "cases" and top:
            count = ctx.get("actual_length", len(value) if isinstance(value, list) else "?")
            problems.append((where, "api.batch_too_big", {"count": grouped(count, lang),
                                                          "limit": grouped(schemas.MAX_BATCH, lang)}))
        elif kind in ("less_than_equal", "greater_than_equal", "less_than", "greater_than"):
            low, high = _bounds(model, name) if top else (None, None)
            if name == "staff" and top and kind == "less_than_equal":
                problems.append((where, "api.staff_limit", {"value": grouped(value, lang),
                                                            "limit": grouped(schemas.MAX_STAFF, lang)}))
                continue
            if name == "workers" and top:
                problems.append((where, "api.workers_one", {"value": value}))
                continue
            low = ctx.get("ge", ctx.get("gt")) if low is None else low
            high = ctx.get("le", ctx.get("lt")) if high is None else high
            problems.append((where, "api.field.range", {"field": where, "value": value,
                                                        "low": "—" if low is None else low,
                                                        "high": "—" if high is None else high}))
        elif kind in ("too_long", "too_short", "string_too_long", "string_too_short"):
            low, high = _bounds(model, name) if top else (None, None)
            low = ctx.get("min_length", 0) if low is None else low
            high = ctx.get("max_length", "—") if high is None else high
            problems.append((where, "api.field.length", {"field": where, "low": low, "high": high}))
        else:
            expected_key = _EXPECTED.get(kind) or _FIELD_EXPECTED.get(name, "value")
            expected = message(f"api.expected.{expected_key}", lang)
            if kind == "literal_error":
                expected += f" ({ctx.get('expected', '')})"
            shown = json.dumps(value, ensure_ascii=False)[:80] if not isinstance(value, dict) else "{…}"
            problems.append((where, "api.field.type", {"field": where, "value": shown, "expected": expected}))
    return problems


class BodyLimit:
    """Refuse a body over `max_body` bytes with 413 before any endpoint reads it: a declared
    Content-Length is checked at once, a chunked body is read up to the limit and then replayed.
    Plain ASGI (not BaseHTTPMiddleware): it costs nothing on the way out."""

    def __init__(self, app, max_body: int):
        self.app, self.max_body = app, max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        request = Request(scope)
        declared = request.headers.get("content-length")
        if declared is not None:
            try:
                size = int(declared)
            except ValueError:
                size = self.max_body + 1
            if size > self.max_body:
                return await self._refuse(request, size)(scope, receive, send)
            return await self.app(scope, receive, send)
        if scope["method"] not in ("POST", "PUT", "PATCH"):
            return await self.app(scope, receive, send)
        received = bytearray()
        while True:
            event = await receive()
            if event["type"] != "http.request":
                return  # the client went away
            received += event.get("body", b"")
            if len(received) > self.max_body:
                return await self._refuse(request, len(received))(scope, receive, send)
            if not event.get("more_body", False):
                break
        replayed = False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": bytes(received), "more_body": False}
            return await receive()

        return await self.app(scope, replay, send)

    def _refuse(self, request: Request, size: int) -> JSONResponse:
        lang = request_lang(request)
        return error_body(413, "api.body_too_large", [(None, "api.body_too_large", {
            "size": grouped(size, lang), "limit": grouped(self.max_body, lang)})], lang)


# -- the application --------------------------------------------------------------------------------


def _examples(catalog: Catalog, engine: Engine) -> tuple[dict, dict, dict]:
    """OpenAPI examples taken from the packs: one evaluable input set per decision."""
    evals, batches, compares = {}, {}, {}
    for pack in catalog.packs.values():
        for name, decision in pack.decisions.items():
            inputs = example_inputs(decision)
            try:
                engine.evaluate(pack, name, inputs)
            except EvaluationError:
                continue
            title = f"{pack.id} — {name}"
            key = f"{pack.id}.{name}"
            evals[key] = {"summary": title, "value": {"pack": pack.id, "decision": name, "inputs": inputs}}
            if not batches:
                batches[key] = {"summary": title, "value": {"pack": pack.id, "decision": name,
                                                            "cases": [inputs, inputs]}}
    for pack in catalog.packs.values():
        base = catalog.packs.get(pack.extends) if pack.extends else None
        if base is not None and base.extends is None:
            compares[pack.id] = {"summary": f"{base.id} ↔ {pack.id}", "value": {
                "base": base.id, "reforms": [pack.id], "staff": 500, "seed": 1}}
    return evals, batches, compares


def create_app(rules_dir: Path | None = None, token: str | None = None, out_dir: Path | None = None,
               max_jobs: int = 2, max_body: int = MAX_BODY) -> FastAPI:
    """The app for one rules folder, read once here; `token`, when set, guards POST /v1/compare."""
    catalog = Catalog.load(rules_dir)
    engine = Engine()
    runner = JobRunner(out_dir, max_running=max_jobs)
    evaluators: dict = {}
    eval_examples, batch_examples, compare_examples = _examples(catalog, engine)
    errors = {status: {"model": schemas.ErrorBody} for status in (404, 413, 422, 500)}

    app = FastAPI(title="e-Kinerja Sandbox API", version=__version__, description=(
        "Keputusan paket aturan e-Kinerja lewat HTTP/JSON / e-Kinerja rule-pack decisions over HTTP/JSON. "
        "Pesan dalam bahasa Indonesia atau Inggris menurut `Accept-Language` / messages in Indonesian or "
        "English by `Accept-Language`."), responses=errors)
    app.state.catalog, app.state.runner = catalog, runner
    bearer = HTTPBearer(auto_error=False, description="required for POST /v1/compare when the server "
                                                      "has a token")

    # -- errors -------------------------------------------------------------------------------

    @app.exception_handler(ApiError)
    def _api_error(request: Request, error: ApiError):
        lang = getattr(request.state, "lang", None) or request_lang(request)  # the body's `lang` if read
        return error_body(error.status, error.code, error.problems, lang, error.headers)

    @app.exception_handler(RequestValidationError)
    def _invalid(request: Request, error: RequestValidationError):
        lang = _body_lang(request, error) or request_lang(request)
        problems = validation_problems(error.errors(), request.url.path, lang)
        code = "api.batch_too_big" if any(p[1] == "api.batch_too_big" for p in problems) else "api.invalid"
        return error_body(422, code, problems, lang)

    @app.exception_handler(StarletteHTTPException)
    def _http_error(request: Request, error: StarletteHTTPException):
        lang = request_lang(request)
        path = request.url.path[:200]
        if error.status_code == 405:
            return error_body(405, "api.method", [(None, "api.method", {"method": request.method,
                                                                         "path": path})], lang)
        if error.status_code == 404:
            return error_body(404, "api.not_found", [(None, "api.not_found", {"path": path})], lang)
        if error.status_code == 400:  # FastAPI could not read the body (not UTF-8, not JSON)
            example = '{"pack": "…", "decision": "…", "inputs": {}}'
            return error_body(422, "api.invalid", [(None, "api.body.json", {"example": example})], lang)
        return error_body(error.status_code, "api.http", [(None, "api.internal", {})], lang)

    @app.exception_handler(Exception)
    def _unexpected(request: Request, error: Exception):
        log.error("unexpected error on %s %s", request.method, request.url.path, exc_info=error)
        both = " / ".join(f"{message('api.internal', lang)} — {message('api.internal.fix', lang)}"
                          for lang in ("id", "en"))
        lang = request_lang(request)
        return JSONResponse({"code": "api.internal", "message": both, "lang": lang, "problems": [
            {"field": None, "problem": message("api.internal", lang),
             "fix": message("api.internal.fix", lang)}]},
            status_code=500)

    app.add_middleware(BodyLimit, max_body=max_body)

    # -- helpers ------------------------------------------------------------------------------

    def pack_of(reference: str):
        pack = catalog.get(reference)
        if pack is not None:
            return pack
        example = next(iter(catalog.packs), "—")
        if "/" in reference or "\\" in reference or reference.endswith((".yaml", ".yml")):
            raise ApiError(422, "api.path_not_allowed", [("pack", "api.path_not_allowed",
                                                          {"ref": reference, "example": example})])
        # the CLI's words for what is wrong; what to write names ids only (the CLI also takes paths)
        raise ApiError(404, "pack.not_found", [("pack", "pack.not_found", {
            "ref": reference, "known": ", ".join(catalog.ids())}, "api.pack_unknown.fix")])

    def day_of(text: str | None) -> dt.date | None:
        if text is None:
            return None
        try:
            return dt.date.fromisoformat(text) if len(text) == 10 else dt.date.fromisoformat("x")
        except ValueError:
            raise ApiError(422, "cli.bad_date", [("on", "cli.bad_date", {"value": text})]) from None

    def refused(error: EvaluationError, prefix: str = "inputs") -> ApiError:
        return ApiError(422, error.code, [evaluation_problem(error, prefix)])

    def check_token(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
        if not token:
            return
        given = credentials.credentials if credentials is not None else ""
        if not hmac.compare_digest(given.encode("utf-8", "replace"), token.encode("utf-8")):
            raise ApiError(401, "api.unauthorized", [(None, "api.unauthorized", {})],
                           headers={"WWW-Authenticate": "Bearer"})

    # -- endpoints ----------------------------------------------------------------------------

    @app.get("/v1/packs", response_model=schemas.PackList, tags=["packs"])
    def list_packs():
        """Every usable pack of the rules folder (read at startup)."""
        return JSONResponse({"packs": catalog.summaries, "broken": catalog.broken})

    @app.get("/v1/packs/{pack_id}", response_model=schemas.PackDetail, tags=["packs"])
    def get_pack(pack_id: str):
        """One pack: decisions with their inputs and outputs, parameters with values by date and cites."""
        return JSONResponse(catalog.details[pack_of(pack_id).id])

    @app.post("/v1/eval", response_model=schemas.EvalResponse, response_model_exclude_unset=True,
              tags=["decisions"])
    def evaluate(request: Request,
                 body: Annotated[schemas.EvalRequest, Body(openapi_examples=eval_examples)]):
        """One decision: the object `ekinerja rules eval --json` prints (outputs and trace)."""
        request.state.lang = request_lang(request, body.lang)
        pack = pack_of(body.pack)
        on = day_of(body.on)
        try:
            result = engine.evaluate(pack, body.decision, body.inputs, on=on)
        except EvaluationError as error:
            raise refused(error) from None
        answer = result.to_json()
        if body.explain:
            answer["explanation"] = render_evaluation(pack, result, request.state.lang)
        return JSONResponse(answer)

    @app.post("/v1/eval/batch", response_model=schemas.BatchResponse, tags=["decisions"])
    def evaluate_batch(request: Request,
                       body: Annotated[schemas.BatchRequest, Body(openapi_examples=batch_examples)]):
        """Many input sets of one decision: the bulk evaluator (outputs), or the engine with `trace`."""
        lang = request.state.lang = request_lang(request, body.lang)
        pack = pack_of(body.pack)
        on = day_of(body.on)
        try:
            key = (pack.id, body.decision, on)
            evaluator = evaluators.get(key)
            if evaluator is None:
                evaluator = BatchEvaluator(pack, body.decision, on)
                if len(evaluators) > 64:
                    evaluators.clear()
                evaluators[key] = evaluator
        except EvaluationError as error:
            raise refused(error) from None
        results, failed = [], 0
        for index, inputs in enumerate(body.cases):
            try:
                if body.trace:
                    result = engine.evaluate(pack, body.decision, inputs, on=evaluator.on)
                    results.append({"outputs": result.outputs, "trace": result.trace})
                else:
                    results.append({"outputs": evaluator.evaluate(inputs)})
            except EvaluationError as error:
                failed += 1
                results.append({"error": _errors_json(error, lang, f"cases[{index}]")})
        return JSONResponse({"pack": pack.id, "decision": body.decision, "on": evaluator.on.isoformat(),
                             "count": len(results), "failed": failed, "results": results})

    @app.post("/v1/compare", response_model=schemas.Job, status_code=202, tags=["comparisons"],
              responses={401: {"model": schemas.ErrorBody}, 429: {"model": schemas.ErrorBody}})
    def compare(request: Request,
                body: Annotated[schemas.CompareRequest, Body(openapi_examples=compare_examples)],
                _: Annotated[None, Depends(check_token)]):
        """Start `ekinerja compare BASE REFORM…` on a synthetic population; poll GET /v1/jobs/{id}."""
        request.state.lang = request_lang(request, body.lang)
        packs = []
        for field_name, reference in [("base", body.base)] + [(f"reforms[{i}]", r) for i, r in
                                                              enumerate(body.reforms)]:
            try:
                packs.append(pack_of(reference))
            except ApiError as error:
                error.problems = [(field_name, *p[1:]) for p in error.problems]
                raise
        try:
            job = runner.start([catalog.path_of(p) for p in packs], [p.id for p in packs], body.staff,
                               body.seed, body.seeds, body.year, body.workers)
        except Busy as busy:
            raise ApiError(429, "api.jobs_busy", [(None, "api.jobs_busy", {
                "running": busy.running, "limit": busy.limit})], headers={"Retry-After": "10"}) from None
        return JSONResponse(job_json(job, request, request.state.lang), status_code=202,
                            headers={"Location": f"/v1/jobs/{job.id}"})

    @app.get("/v1/jobs/{job_id}", response_model=schemas.Job, tags=["comparisons"])
    def get_job(request: Request, job_id: str):
        """A comparison's progress; when done its report as JSON and links to the exports."""
        return JSONResponse(job_json(job_or_404(job_id), request, request_lang(request)))

    @app.get("/v1/jobs/{job_id}/files/{name}", tags=["comparisons"],
             responses={200: {"content": {"application/octet-stream": {}}}})
    def get_job_file(job_id: str, name: str):
        """One export of a finished comparison (CSV, Markdown, HTML, xlsx, SQLite)."""
        job = job_or_404(job_id)
        if name not in job.files:  # only names the run wrote: no path from the client reaches the disk
            raise ApiError(404, "api.file_unknown", [("name", "api.file_unknown", {"name": name[:80]})])
        return FileResponse(job.folder / name, filename=name)

    def job_or_404(job_id: str):
        job = runner.get(job_id)
        if job is None:
            raise ApiError(404, "api.job_unknown", [("job_id", "api.job_unknown", {})])
        return job

    def job_json(job, request: Request, lang: str) -> dict:
        error = None
        if job.error == "internal":
            error = {"code": "api.job_failed", "lang": lang, "message": message("api.job_failed", lang)
                     + " — " + message("api.job_failed.fix", lang), "problems": [{
                         "field": None, "problem": message("api.job_failed", lang),
                         "fix": message("api.job_failed.fix", lang)}]}
        elif job.error is not None:
            params = shown_params(job.error.params)
            problem = message(job.error.code, lang, **params)
            fix = message(f"{job.error.code}.fix", lang, **params)
            error = {"code": job.error.code, "lang": lang, "message": job.error.render(lang),
                     "problems": [{"field": None, "problem": problem, "fix": fix}]}
        total = job.total or 1
        return {"id": job.id, "state": job.state, "packs": job.packs, "staff": job.staff, "done": job.done,
                "total": job.total, "percent": min(100, 100 * job.done // total), "error": error,
                "report": job.report,
                "files": [{"name": n, "url": f"/v1/jobs/{job.id}/files/{n}"} for n in job.files]}

    return app


def _body_lang(request: Request, error: RequestValidationError) -> str | None:
    """The `lang` a body asked for, when the body at least parsed (its other fields may be wrong)."""
    body = getattr(error, "body", None)
    if isinstance(body, dict) and body.get("lang") in ("id", "en"):
        return body["lang"]
    return None
