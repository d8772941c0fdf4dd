"""The pydantic models: the single source of truth for every record and file format.

Stage chain and the record each stage writes to `outputs/stages/<stage>.jsonl`:

    load     -> LoadedDoc      raw text of one input file
    clean    -> CleanedDoc     article text, blocks, removed boilerplate, title/date/source
    segment  -> SegmentedDoc   + sections
    entities -> EntityDoc      + entities, tokens (pkuseg token starts, reused by numbers)
    numbers  -> NumberDoc      + numbers
    write    -> Document       the output contract (outputs/documents.jsonl)

Failures of any stage are `ErrorRecord`s in `outputs/errors.jsonl`; `RunInfo`
is `outputs/run.json`.
"""
from __future__ import annotations

import re
from typing import Annotated, Literal, Optional

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

STAGES = ("load", "clean", "segment", "entities", "numbers", "write")
Stage = Literal["load", "clean", "segment", "entities", "numbers", "write"]
EntityType = Literal["PERSON", "ORG", "GPE", "DATE", "WORK", "FORMULA"]
BlockKind = Literal["heading", "paragraph", "list_item", "table"]
RemovedReason = Literal[
    "navigation", "header", "footer", "tags", "credits", "disclaimer", "paywall", "related",
    "appended-article", "front-matter", "image", "script", "metadata", "comments", "share",
    "title", "empty", "repeated", "other",
]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _check_iso(v: Optional[str]) -> Optional[str]:
    if v is not None and not ISO_DATE.match(v):
        raise ValueError(f"not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY): {v!r}")
    return v


IsoDate = Annotated[Optional[str], AfterValidator(_check_iso)]


class Span(Record):
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class LoadedDoc(Record):
    doc_id: str
    source_path: str
    format: Literal["txt", "md", "html"]
    encoding: str
    n_bytes: int
    raw: str


class Block(Span):
    """A block of the cleaned text: `text[start:end]`, one paragraph, heading, list item or table."""
    kind: BlockKind
    level: Optional[int] = None  # heading level from the page's markup (h1..h6, Markdown #)


class Removed(Record):
    """A block of the input that the cleaner dropped, with why, and where it was in `raw` if known."""
    reason: RemovedReason
    text: str
    start: Optional[int] = None
    end: Optional[int] = None


class CleanedDoc(Record):
    doc_id: str
    source_path: str
    format: Literal["txt", "md", "html"]
    title: Optional[str] = None
    date: IsoDate = None
    source: Optional[str] = None
    text: str
    blocks: list[Block] = []
    removed: list[Removed] = []


class Section(Span):
    id: str
    parent_id: Optional[str] = None
    level: int = Field(ge=1)
    marker: str
    title: str


class SegmentedDoc(CleanedDoc):
    sections: list[Section] = []


class Entity(Span):
    type: EntityType
    text: str
    section_id: Optional[str] = None
    role: Optional[str] = None
    value: IsoDate = None  # DATE: ISO form of a single day, month or year
    expansion: Optional[list[str]] = None


class EntityDoc(SegmentedDoc):
    entities: list[Entity] = []
    tokens: list[int] = []  # start offset of every pkuseg token of `text`, in order


class Number(Span):
    text: str
    value: float
    value_max: Optional[float] = None
    unit: str = ""
    qualifier: Optional[str] = None
    section_id: Optional[str] = None


class NumberDoc(EntityDoc):
    numbers: list[Number] = []


class Document(Record):
    """One line of outputs/documents.jsonl: the output contract."""
    doc_id: str
    source_path: str
    title: Optional[str] = None
    date: IsoDate = None
    source: Optional[str] = None
    text: str
    sections: list[Section] = []
    entities: list[Entity] = []
    numbers: list[Number] = []


class ErrorRecord(Record):
    """One line of outputs/errors.jsonl: a document that a stage could not read or process."""
    doc_id: str
    source_path: str
    stage: Stage
    error: str  # the exception class or a short code (empty, binary, too-large, ...)
    message: str


class SiteSignals(Record):
    """Folder-wide signals for the cleaner: lines repeated across documents (outputs/stages/signals.json)."""
    n_docs: int
    repeated_lines: dict[str, int] = {}  # normalised line -> number of documents it occurs in
    min_docs: int = 3


class RunInfo(Record):
    """outputs/run.json: what ran, on what, how long, and what came out."""
    input_dir: str
    output_dir: str
    started: str
    seconds: float
    stage_seconds: dict[str, float]
    counts: dict[str, int]
    entity_counts: dict[str, int]
    versions: dict[str, str]
    config: dict[str, object]


ARTIFACT_MODELS: dict[str, type[Record]] = {
    "load": LoadedDoc,
    "clean": CleanedDoc,
    "segment": SegmentedDoc,
    "entities": EntityDoc,
    "numbers": NumberDoc,
    "write": Document,
}

SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    "document": Document,
    "error": ErrorRecord,
    "run": RunInfo,
    "loaded_doc": LoadedDoc,
    "cleaned_doc": CleanedDoc,
    "segmented_doc": SegmentedDoc,
    "entity_doc": EntityDoc,
    "number_doc": NumberDoc,
    "site_signals": SiteSignals,
}
