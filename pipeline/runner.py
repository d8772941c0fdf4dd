"""Run stages over a folder: load -> clean -> segment -> entities -> numbers -> write.

Each stage is a pure function of the previous stage's record (`STAGE_FUNCS`);
this module only sequences them, fans documents out to worker processes
(each builds its `nlp` once), collects failures as `ErrorRecord`s and writes
every artifact atomically:

    OUT/stages/load.jsonl clean.jsonl segment.jsonl entities.jsonl numbers.jsonl
    OUT/stages/signals.json   folder-wide cleaner signals (repeated lines)
    OUT/documents.jsonl OUT/errors.jsonl OUT/run.json

`--from STAGE` starts from the artifact of the stage before it; `--to STAGE`
stops after STAGE. Every input document ends in exactly one of
documents.jsonl and errors.jsonl when the run reaches `write`.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import time
import traceback
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Optional

from . import io
from .models import ARTIFACT_MODELS, STAGES, Document, ErrorRecord, Record, RunInfo, SiteSignals
from .stages.load import DEFAULT_MAX_BYTES, load_folder

DOC_STAGES = ("clean", "segment", "entities", "numbers", "write")  # per-document stages after load
NLP_STAGES = {"entities", "numbers"}


@dataclass
class Options:
    input_dir: Optional[Path]
    out_dir: Path
    workers: int = 1
    from_stage: str = "load"
    to_stage: str = "write"
    max_bytes: int = DEFAULT_MAX_BYTES
    only_doc: Optional[str] = None  # keep only this doc_id (debugging)

    def stages(self) -> list[str]:
        a, b = STAGES.index(self.from_stage), STAGES.index(self.to_stage)
        if a > b:
            raise ValueError(f"--from {self.from_stage} comes after --to {self.to_stage}")
        return list(STAGES[a:b + 1])


@dataclass
class Result:
    records: dict[str, list[Record]] = field(default_factory=dict)  # stage -> records
    errors: list[ErrorRecord] = field(default_factory=list)
    stage_seconds: Counter = field(default_factory=Counter)
    n_chars: int = 0


def artifact_path(out: Path, stage: str) -> Path:
    return out / "documents.jsonl" if stage == "write" else out / "stages" / f"{stage}.jsonl"


def _stage_funcs() -> dict[str, Callable]:
    from .stages.clean import clean
    from .stages.entities import extract_entities
    from .stages.numbers import extract_numbers
    from .stages.segment import segment
    from .stages.write import to_document

    return {
        "clean": lambda rec, signals: clean(rec, signals),
        "segment": lambda rec, signals: segment(rec),
        "entities": lambda rec, signals: extract_entities(rec),
        "numbers": lambda rec, signals: extract_numbers(rec),
        "write": lambda rec, signals: to_document(rec),
    }


_WORKER: dict = {}


def _init_worker(stages: list[str], signals: Optional[SiteSignals]) -> None:
    _WORKER["funcs"] = _stage_funcs()
    _WORKER["stages"] = stages
    _WORKER["signals"] = signals
    if NLP_STAGES & set(stages):
        from .nlp import get_nlp

        get_nlp()


def process_one(rec: Record) -> tuple[dict[str, Record], Optional[ErrorRecord], dict[str, float]]:
    """Run the worker's stages over one record; a failure stops this document only."""
    out, seconds = {}, {}
    source_path = getattr(rec, "source_path", "")
    for stage in _WORKER["stages"]:
        t0 = time.perf_counter()
        try:
            rec = _WORKER["funcs"][stage](rec, _WORKER["signals"])
        except Exception as e:
            msg = f"{e}".strip() or repr(e)
            tb = traceback.extract_tb(e.__traceback__)[-1]
            err = ErrorRecord(doc_id=getattr(rec, "doc_id", "?"), source_path=source_path, stage=stage,
                              error=type(e).__name__, message=f"{msg} ({Path(tb.filename).name}:{tb.lineno})")
            return out, err, seconds
        finally:
            seconds[stage] = seconds.get(stage, 0.0) + time.perf_counter() - t0
        out[stage] = rec
    return out, None, seconds


def _previous_records(opts: Options) -> tuple[list[Record], list[ErrorRecord]]:
    """Records of the stage before `from_stage`, and the earlier stages' errors."""
    prev = STAGES[STAGES.index(opts.from_stage) - 1]
    path = artifact_path(opts.out_dir, prev)
    if not path.exists():
        raise FileNotFoundError(f"{path} not found: run the stages up to {prev} first")
    records = list(io.read_jsonl(path, ARTIFACT_MODELS[prev]))
    errors = []
    epath = opts.out_dir / "errors.jsonl"
    if epath.exists():
        keep = set(STAGES[:STAGES.index(opts.from_stage)])
        errors = [e for e in io.read_jsonl(epath, ErrorRecord) if e.stage in keep]
    return records, errors


def run(opts: Options, progress: Optional[Callable[[Iterable, int], Iterable]] = None) -> RunInfo:
    """Run the stages of `opts` and write their artifacts; returns the run summary."""
    started = datetime.now(timezone.utc).isoformat(timespec="seconds")
    t_start = time.perf_counter()
    stages = opts.stages()
    res = Result()
    if stages[0] == "load":
        t0 = time.perf_counter()
        current: list[Record] = []
        for r in load_folder(opts.input_dir, opts.max_bytes):
            (res.errors if isinstance(r, ErrorRecord) else current).append(r)
        res.stage_seconds["load"] += time.perf_counter() - t0
        res.records["load"] = current
        doc_stages = stages[1:]
    else:
        current, res.errors = _previous_records(opts)
        doc_stages = stages
    res.n_chars = sum(len(getattr(r, "raw", None) or getattr(r, "text", "")) for r in current)

    from .stages.clean import compute_signals

    signals = None
    if "clean" in doc_stages:
        t0 = time.perf_counter()
        signals = compute_signals(current)
        res.stage_seconds["signals"] += time.perf_counter() - t0
        io.write_json(opts.out_dir / "stages" / "signals.json", signals)
    elif (opts.out_dir / "stages" / "signals.json").exists():
        signals = io.read_json(opts.out_dir / "stages" / "signals.json", SiteSignals)

    for s in doc_stages:
        res.records[s] = []
    if doc_stages and current:
        _process_all(current, doc_stages, signals, opts.workers, res, progress)

    _write_outputs(opts, stages, res)
    return _run_info(opts, res, started, time.perf_counter() - t_start)


def _process_all(current, doc_stages, signals, workers, res: Result, progress) -> None:
    workers = max(1, min(workers, len(current)))
    items: Iterable
    if workers == 1:
        _init_worker(doc_stages, signals)
        items = map(process_one, current)
        pool = None
    else:
        ctx = mp.get_context("fork" if os.name == "posix" else "spawn")
        pool = ctx.Pool(workers, initializer=_init_worker, initargs=(doc_stages, signals))
        items = pool.imap(process_one, current, chunksize=2)
    try:
        if progress is not None:
            items = progress(items, len(current))
        for out, err, seconds in items:
            for s, rec in out.items():
                res.records[s].append(rec)
            if err is not None:
                res.errors.append(err)
            res.stage_seconds.update(seconds)
    finally:
        if pool is not None:
            pool.close()
            pool.join()


def _write_outputs(opts: Options, stages: list[str], res: Result) -> None:
    for s in stages:
        io.write_jsonl(artifact_path(opts.out_dir, s), res.records.get(s, []))
    io.write_jsonl(opts.out_dir / "errors.jsonl", res.errors)


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for pkg in ("cn-ie-pipeline", "spacy", "spacy-pkuseg", "pydantic", "typer", "trafilatura", "cn2an"):
        try:
            out[pkg] = version(pkg)
        except PackageNotFoundError:
            out[pkg] = "not installed"
    return out


def _run_info(opts: Options, res: Result, started: str, seconds: float) -> RunInfo:
    last = res.records.get("write") or res.records.get(opts.to_stage) or []
    ent_counts: Counter = Counter()
    counts = Counter(documents=len(last), errors=len(res.errors), input_chars=res.n_chars)
    for d in last:
        counts["sections"] += len(getattr(d, "sections", []))
        counts["numbers"] += len(getattr(d, "numbers", []))
        for e in getattr(d, "entities", []):
            ent_counts[e.type] += 1
    counts["entities"] = sum(ent_counts.values())
    config = {k: (str(v) if isinstance(v, Path) else v) for k, v in asdict(opts).items()}
    info = RunInfo(input_dir=str(opts.input_dir or ""), output_dir=str(opts.out_dir), started=started,
                   seconds=round(seconds, 3),
                   stage_seconds={k: round(v, 3) for k, v in res.stage_seconds.items()},
                   counts=dict(counts), entity_counts=dict(ent_counts), versions=_versions(),
                   config=config)
    io.write_json(opts.out_dir / "run.json", info)
    return info


def run_doc(opts: Options) -> Record:
    """Rerun the stages of `opts` for one document and return its last record; writes nothing."""
    stages = opts.stages()
    if stages[0] == "load":
        current = [r for r in load_folder(opts.input_dir, opts.max_bytes) if r.doc_id == opts.only_doc]
    else:
        current = [r for r in _previous_records(opts)[0] if r.doc_id == opts.only_doc]
    if not current:
        raise KeyError(f"no document {opts.only_doc!r}")
    rec = current[0]
    if isinstance(rec, ErrorRecord):
        return rec
    signals = None
    signals_path = opts.out_dir / "stages" / "signals.json"
    if signals_path.exists():
        signals = io.read_json(signals_path, SiteSignals)
    _init_worker([s for s in stages if s != "load"], signals)
    out, err, _ = process_one(rec)
    return err if err is not None else (out[stages[-1]] if stages[-1] in out else rec)


def load_documents(out: Path) -> list[Document]:
    return list(io.read_jsonl(Path(out) / "documents.jsonl", Document))
