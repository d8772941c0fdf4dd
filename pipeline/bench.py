"""`make bench`: throughput, per-stage seconds, peak memory and cold start, printed and in bench.json.

usage: python -m pipeline.bench CORPUS_DIR [-o OUT] [--workers N]
       python -m pipeline.bench --gold GOLD_DIR CORPUS_DIR [-o OUT]   (run + score the gold docs only)
"""
from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from .io import write_text
from .runner import Options, run

console = Console()


def cold_start_seconds(repeat: int = 3) -> float:
    """Best wall time of `pipeline --help` in a fresh interpreter."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pipeline", "--help"], check=True, capture_output=True)
        best = min(best, time.perf_counter() - t0)
    return best


def peak_memory_mb() -> dict[str, float]:
    """Peak resident set of this process and of its largest finished child (worker), in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"main": round(own, 1), "largest_worker": round(kids, 1)}


def link_gold_docs(corpus: Path, gold_dir: Path, dest: Path) -> list[str]:
    """Symlink into `dest` every corpus document that has a gold file in `gold_dir`."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    ids = {p.stem for p in gold_dir.glob("*.json")}
    linked = []
    for p in sorted(corpus.rglob("*")):
        if p.is_file() and p.stem in ids:
            (dest / p.name).symlink_to(p.resolve())
            linked.append(p.stem)
    return linked


def component_throughput(out: Path, sample: int = 200) -> dict[str, int]:
    """Characters/s of pkuseg segmentation and of each component alone, on the run's cleaned texts.

    Docs are rebuilt from the tokens stored in stages/entities.jsonl, so the component
    timings exclude segmentation; one process, the first `sample` documents.
    """
    from .io import read_jsonl
    from .models import EntityDoc
    from .nlp import doc_from_tokens, get_nlp, make_doc
    from .stages.entities import prepare

    nlp = get_nlp()
    docs = []
    for i, rec in enumerate(read_jsonl(out / "stages" / "entities.jsonl", EntityDoc)):
        if i >= sample:
            break
        docs.append(rec)
    chars = sum(len(d.text) for d in docs) or 1
    timings = {"pkuseg_segmentation": 0.0, "cn_entities": 0.0, "cn_numbers": 0.0}
    for rec in docs:
        t0 = time.perf_counter()
        make_doc(nlp, rec.text)
        timings["pkuseg_segmentation"] += time.perf_counter() - t0
        for name in ("cn_entities", "cn_numbers"):
            sp = prepare(rec, doc_from_tokens(nlp, rec.text, rec.tokens))
            if name == "cn_numbers":
                from .components.spans import char_spans
                sp.ents = char_spans(sp, [(e.start, e.end, e.type) for e in rec.entities])
            t0 = time.perf_counter()
            nlp.get_pipe(name)(sp)
            timings[name] += time.perf_counter() - t0
    return {k: round(chars / v) if v else 0 for k, v in timings.items()}


def bench(corpus: Path, out: Path, workers: int) -> dict:
    t0 = time.perf_counter()
    info = run(Options(input_dir=corpus, out_dir=out, workers=workers))
    wall = time.perf_counter() - t0
    n_docs = info.counts.get("documents", 0) + info.counts.get("errors", 0)
    chars = info.counts.get("input_chars", 0)
    st = info.stage_seconds
    extract_s = st.get("entities", 0) + st.get("numbers", 0)
    text_chars = sum(len(json.loads(l)["text"]) for l in open(out / "documents.jsonl", encoding="utf-8"))
    result = {
        "documents": n_docs,
        "errors": info.counts.get("errors", 0),
        "input_chars": chars,
        "wall_seconds": round(wall, 2),
        "workers": workers,
        "documents_per_s": round(n_docs / wall, 2),
        "input_chars_per_s": round(chars / wall),
        "stage_seconds_cpu_sum": st,
        "cleaned_chars": text_chars,
        "extract_stages_chars_per_s_per_worker": round(text_chars / extract_s) if extract_s else None,
        "chars_per_s_one_core": component_throughput(out),
        "peak_memory_mb": peak_memory_mb(),
        "cold_start_help_s": round(cold_start_seconds(), 3),
    }
    write_text(out / "bench.json", json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    return result


def _table(result: dict) -> Table:
    t = Table(title="pipeline bench", show_header=False)
    for k, v in result.items():
        if isinstance(v, dict):
            for k2, v2 in v.items():
                t.add_row(f"{k}.{k2}", str(v2))
        else:
            t.add_row(k, str(v))
    return t


def main(
    corpus: Annotated[Path, typer.Argument(exists=True, file_okay=False)],
    out: Annotated[Path, typer.Option("--out", "-o")] = Path("outputs/bench"),
    workers: Annotated[int, typer.Option("--workers", "-w", help="0 = all cores")] = 0,
    gold: Annotated[Optional[Path], typer.Option("--gold", help="Only run and score docs with gold here.")] = None,
) -> None:
    workers = workers or os.cpu_count() or 1
    if gold is not None:
        from .evaluate import evaluate
        from .views import score_table

        linked = link_gold_docs(corpus, gold, out / "input")
        run(Options(input_dir=out / "input", out_dir=out, workers=workers))
        res = evaluate(out / "documents.jsonl", gold)
        console.print(f"{len(linked)} corpus documents with gold")
        console.print(score_table(res))
        write_text(out / "scores.json", json.dumps(res, indent=1, ensure_ascii=False) + "\n")
        return
    console.print(_table(bench(corpus, out, workers)))
    console.print(f"written {out / 'bench.json'}")


if __name__ == "__main__":
    typer.run(main)
