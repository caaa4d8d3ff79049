"""The API's request and response shapes: the OpenAPI description is generated from these."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from sandbox.limits import STAFF_MAX_INTERACTIVE

MAX_BATCH = 10_000
MAX_STAFF = STAFF_MAX_INTERACTIVE  # over the API (sandbox/limits.py says why the terminal takes more)
MAX_REFORMS = 9  # sandbox.sim.messages_banyak.MAX_PACKS less the base
MAX_NAME = 200
MAX_INPUTS = 100


def _scalar(value: Any) -> Any:
    """An input value as the CLI could type it: text, a number or true/false (never a list or null)."""
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, str) and len(value) <= 4096:
        return value
    raise PydanticCustomError("scalar_type", "text, a number or true/false")


Scalar = Annotated[Any, AfterValidator(_scalar), WithJsonSchema(
    {"anyOf": [{"type": "string", "maxLength": 4096}, {"type": "number"}, {"type": "boolean"}]})]
Name = Annotated[str, Field(min_length=1, max_length=MAX_NAME)]
Inputs = Annotated[dict[Annotated[str, Field(max_length=MAX_NAME)], Scalar], Field(max_length=MAX_INPUTS)]
Day = Annotated[str | None, Field(default=None, max_length=40, description="YYYY-MM-DD; default: today, "
                                  "inside the pack's validity period")]
Lang = Annotated[Literal["id", "en"] | None, Field(
    default=None, description="language of messages and explanations (default: Accept-Language, else id)")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EvalRequest(_Strict):
    pack: Name = Field(description="pack id from GET /v1/packs")
    decision: Name
    inputs: Inputs = Field(default_factory=dict)
    on: Day = None
    lang: Lang = None
    explain: bool = Field(default=False, description="add `explanation`: the CLI's plain-language text")


class BatchRequest(_Strict):
    pack: Name
    decision: Name
    cases: list[Inputs] = Field(max_length=MAX_BATCH, description=f"at most {MAX_BATCH:,} input sets")
    on: Day = None
    lang: Lang = None
    trace: bool = Field(default=False, description="evaluate with the rules engine and return each trace "
                                                    "(slower); default: the bulk evaluator, outputs only")


class CompareRequest(_Strict):
    base: Name
    reforms: list[Name] = Field(min_length=1, max_length=MAX_REFORMS)
    staff: int = Field(default=10_000, ge=1, le=MAX_STAFF)
    seed: int = Field(default=1, ge=0, le=2**63 - 1)
    seeds: int = Field(default=1, ge=1, le=100)
    year: int | None = Field(default=None, ge=2000, le=2100)
    # One process over the API: the server's threads must not fork worker processes (a fork of a
    # threaded process can deadlock on a lock another thread held); `ekinerja compare --workers` can.
    workers: int = Field(default=1, ge=1, le=1, description="1: the comparison runs in one process")
    lang: Lang = None


class Problem(BaseModel):
    field: str | None = Field(description="where: a request field (inputs.x, cases[3].y) or none")
    problem: str
    fix: str = Field(description="what to write instead")


class ErrorBody(BaseModel):
    code: str = Field(description="for programs; people read `message`")
    message: str
    lang: Literal["id", "en"]
    problems: list[Problem]


class EvalResponse(BaseModel):
    pack: str
    decision: str
    outputs: dict[str, Any]
    trace: list[dict[str, Any]]
    explanation: str | None = None


class CaseResult(BaseModel):
    outputs: dict[str, Any] | None = None
    trace: list[dict[str, Any]] | None = None
    error: ErrorBody | None = None


class BatchResponse(BaseModel):
    pack: str
    decision: str
    on: str
    count: int
    failed: int
    results: list[CaseResult]


class _PackHead(BaseModel):
    """What names a pack, in the list and in its detail alike."""

    id: str
    title: str
    title_en: str | None
    legal_basis: list[str]
    effective_from: str
    effective_to: str | None
    extends: str | None


class PackSummary(_PackHead):
    decisions: list[str]


class PackList(BaseModel):
    packs: list[PackSummary]
    broken: list[str] = Field(description="files in the rules folder the checker refuses (not served)")


class PackDetail(_PackHead):
    description: str | None
    parameters: dict[str, dict[str, Any]]
    decisions: dict[str, dict[str, Any]]


class FileLink(BaseModel):
    name: str
    url: str


class Job(BaseModel):
    id: str
    state: Literal["running", "done", "failed"]
    packs: list[str]
    staff: int
    done: int
    total: int
    percent: int
    error: ErrorBody | None = None
    report: dict[str, Any] | None = None
    files: list[FileLink] = Field(default_factory=list)
