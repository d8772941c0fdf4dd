"""`pipeline` command line: thin commands over the library (runner, evaluate, inspect views)."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from .models import STAGES

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Chinese information extraction: clean, segment, entities, numbers -> JSONL.")
out_console = Console()
err_console = Console(stderr=True)

OutOpt = Annotated[Path, typer.Option("--out", "-o", help="Output folder.")]


def _check_stage(name: Optional[str]) -> Optional[str]:
    if name is not None and name not in STAGES:
        raise typer.BadParameter(f"{name!r} is not a stage; stages: {', '.join(STAGES)}")
    return name


def _progress(items, total):
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                               TimeRemainingColumn)

    columns = (TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn())
    with Progress(*columns, console=err_console, transient=False, disable=total < 2) as bar:
        task = bar.add_task("documents", total=total)
        for item in items:
            yield item
            bar.advance(task)


def _run_and_finish(opts) -> None:
    """Run `opts`, print the summary; exit 2 on a usage problem, 1 when some documents failed."""
    from .runner import run as run_pipeline
    from .views import summary_table

    try:
        opts.stages()
        info = run_pipeline(opts, progress=_progress)
    except (ValueError, FileNotFoundError, KeyError) as e:
        err_console.print(f"[red]error:[/] {e}")
        raise typer.Exit(2)
    out = opts.out_dir
    out_console.print(summary_table(info))
    n_err = info.counts.get("errors", 0)
    if n_err:
        err_console.print(f"[yellow]{n_err} document(s) failed: see {out / 'errors.jsonl'}[/]")
        raise typer.Exit(1)


@app.command()
def run(
    input_dir: Annotated[Path, typer.Argument(help="Folder of .txt/.md/.html documents (searched recursively).",
                                              exists=True, file_okay=True, dir_okay=True)],
    out: OutOpt = Path("outputs"),
    workers: Annotated[int, typer.Option("--workers", "-w", help="Worker processes (0 = all cores).")] = 1,
    from_stage: Annotated[Optional[str], typer.Option("--from", help="First stage (reads the artifact before it).",
                                                      callback=_check_stage)] = None,
    to_stage: Annotated[Optional[str], typer.Option("--to", help="Last stage.", callback=_check_stage)] = None,
    max_mb: Annotated[float, typer.Option("--max-mb", help="Files larger than this go to errors.jsonl.")] = 10.0,
) -> None:
    """Run the pipeline on INPUT_DIR: load -> clean -> segment -> entities -> numbers -> write."""
    from .runner import Options

    workers = workers or os.cpu_count() or 1
    _run_and_finish(Options(input_dir=input_dir, out_dir=out, workers=workers, from_stage=from_stage or "load",
                            to_stage=to_stage or "write", max_bytes=int(max_mb * 1024 * 1024)))


@app.command()
def stage(
    name: Annotated[str, typer.Argument(help=f"Stage to rerun: {', '.join(STAGES[1:])}.")],
    out: OutOpt = Path("outputs"),
    doc: Annotated[Optional[str], typer.Option("--doc", help="Only this doc_id: print its record, write nothing.")] = None,
    workers: Annotated[int, typer.Option("--workers", "-w", help="Worker processes (0 = all cores).")] = 1,
) -> None:
    """Rerun one stage from the previous stage's artifact in OUT/stages/."""
    from . import io
    from .runner import Options, run_doc

    _check_stage(name)
    if name == "load":
        raise typer.BadParameter("load reads the input folder: use `pipeline run INPUT --to load`")
    opts = Options(input_dir=None, out_dir=out, workers=workers or os.cpu_count() or 1,
                   from_stage=name, to_stage=name, only_doc=doc)
    if not doc:
        _run_and_finish(opts)
        return
    try:
        out_console.print_json(io.dumps(run_doc(opts)))
    except (FileNotFoundError, KeyError) as e:
        err_console.print(f"[red]error:[/] {e}")
        raise typer.Exit(2)


@app.command()
def inspect(
    out: Annotated[Path, typer.Argument(help="Output folder of a run.", exists=True, file_okay=False)],
    doc: Annotated[Optional[str], typer.Option("--doc", help="Document to show.")] = None,
    type_: Annotated[Optional[str], typer.Option("--type", help="Only entities of this type (PERSON, ORG …).")] = None,
    sections: Annotated[bool, typer.Option("--sections", help="Show the section tree.")] = False,
    removed: Annotated[bool, typer.Option("--removed", help="Show what the cleaner removed and why.")] = False,
    numbers: Annotated[bool, typer.Option("--numbers", help="Show the numbers table.")] = False,
    all_: Annotated[bool, typer.Option("--all", help="With --removed: list every removed block.")] = False,
) -> None:
    """Readable views of a run: document list, section tree, entity and number tables with context."""
    from . import views
    from .runner import load_documents

    docs = load_documents(out)
    if doc is None:
        out_console.print(views.document_list(docs))
        return
    match = [d for d in docs if d.doc_id == doc]
    if not match:
        err_console.print(f"[red]error:[/] no document {doc!r} in {out / 'documents.jsonl'}")
        raise typer.Exit(2)
    d = match[0]
    out_console.print(views.header(d))
    if removed:
        rec = views.cleaned_record(out, doc)
        out_console.print(views.removed_table(rec, limit=10**9 if all_ else 60))
    if sections:
        out_console.print(views.section_tree(d))
    if type_ or not (sections or removed or numbers):
        out_console.print(views.entity_table(d, type_))
    if numbers or not (sections or removed or type_):
        out_console.print(views.number_table(d))


@app.command(name="eval")
def eval_(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of gold <doc_id>.json files.", exists=True, file_okay=False)],
    out: OutOpt = Path("outputs"),
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score OUT/documents.jsonl against GOLD_DIR (metrics of shared/gold/SPEC.md)."""
    from .evaluate import evaluate
    from .views import score_table

    docs = out / "documents.jsonl"
    if not docs.exists():
        err_console.print(f"[red]error:[/] {docs} not found: run the pipeline first")
        raise typer.Exit(2)
    res = evaluate(docs, gold_dir)
    if as_json:
        sys.stdout.write(json.dumps(res, ensure_ascii=False, indent=1) + "\n")
    else:
        out_console.print(score_table(res))


@app.command()
def schema(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the JSON Schema files.")] = Path("schemas"),
) -> None:
    """Export the JSON Schemas of every record model into OUT (default schemas/)."""
    from .schemas import export_schemas

    for path in export_schemas(out):
        out_console.print(f"wrote {path}")


def main() -> None:  # python -m pipeline
    app()
