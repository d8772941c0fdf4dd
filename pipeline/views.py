"""Rich renderables for the terminal: summaries, document list, section tree, entity/number tables."""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Optional

from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from .models import CleanedDoc, Document, RunInfo

CONTEXT = 12


def summary_table(info: RunInfo) -> Table:
    t = Table(title=f"pipeline run: {info.output_dir}", show_header=False)
    t.add_column("what")
    t.add_column("value", justify="right")
    for k in ("documents", "errors", "sections", "entities", "numbers", "input_chars"):
        t.add_row(k, str(info.counts.get(k, 0)))
    for k, v in sorted(info.entity_counts.items()):
        t.add_row(f"  entities {k}", str(v))
    for k, v in info.stage_seconds.items():
        t.add_row(f"seconds {k}", f"{v:.2f}")
    t.add_row("seconds total", f"{info.seconds:.2f}")
    return t


def document_list(docs: list[Document]) -> Table:
    t = Table(title=f"{len(docs)} documents")
    for col in ("doc_id", "title", "date", "source", "chars", "sections", "entities", "numbers"):
        t.add_column(col, overflow="fold")
    for d in docs:
        t.add_row(d.doc_id, (d.title or "")[:40], d.date or "", d.source or "", str(len(d.text)),
                  str(len(d.sections)), str(len(d.entities)), str(len(d.numbers)))
    return t


def header(d: Document) -> Text:
    return Text(f"{d.doc_id}  {d.title or '(no title)'}  date={d.date}  source={d.source}  "
                f"({len(d.text)} chars)", style="bold")


def _context(text: str, start: int, end: int) -> Text:
    left = text[max(0, start - CONTEXT):start].replace("\n", " ")
    right = text[end:end + CONTEXT].replace("\n", " ")
    out = Text(left, style="dim")
    out.append(text[start:end], style="bold yellow")
    out.append(right, style="dim")
    return out


def section_tree(d: Document) -> Tree:
    root = Tree(f"{d.title or d.doc_id} ({len(d.sections)} sections)")
    nodes = {None: root}
    for s in d.sections:
        parent = nodes.get(s.parent_id, root)
        nodes[s.id] = parent.add(f"[cyan]{s.id}[/] L{s.level} [bold]{s.marker}[/]{s.title}  [{s.start}:{s.end}]")
    return root


def entity_table(d: Document, type_: Optional[str] = None) -> Table:
    ents = [e for e in d.entities if type_ is None or e.type == type_.upper()]
    t = Table(title=f"{len(ents)} entity mentions" + (f" of type {type_}" if type_ else ""))
    for col in ("type", "text", "attributes", "section", "context"):
        t.add_column(col, overflow="fold")
    for e in ents:
        attrs = "; ".join(f"{k}={v}" for k, v in (("role", e.role), ("value", e.value),
                                                   ("expansion", "、".join(e.expansion or []))) if v)
        t.add_row(e.type, e.text, attrs, e.section_id or "", _context(d.text, e.start, e.end))
    return t


def number_table(d: Document) -> Table:
    t = Table(title=f"{len(d.numbers)} numbers")
    for col in ("text", "value", "max", "unit", "qualifier", "section", "context"):
        t.add_column(col, overflow="fold")
    for n in d.numbers:
        t.add_row(n.text, f"{n.value:g}", "" if n.value_max is None else f"{n.value_max:g}", n.unit,
                  n.qualifier or "", n.section_id or "", _context(d.text, n.start, n.end))
    return t


def cleaned_record(out: Path, doc_id: str) -> Optional[CleanedDoc]:
    from .io import read_jsonl

    path = Path(out) / "stages" / "clean.jsonl"
    if not path.exists():
        return None
    return next((r for r in read_jsonl(path, CleanedDoc) if r.doc_id == doc_id), None)


def removed_table(rec: Optional[CleanedDoc], limit: int = 60) -> Table:
    """What the cleaner removed and why: counts per reason in the title, the first `limit` blocks listed."""
    removed = rec.removed if rec else []
    counts = Counter(r.reason for r in removed)
    title = (f"{len(removed)} removed blocks: " + ", ".join(f"{k} {v}" for k, v in counts.most_common())
             if rec else "removed blocks (no stages/clean.jsonl)")
    if len(removed) > limit:
        title += f" (first {limit} shown; --all for every one)"
    t = Table(title=title)
    for col in ("reason", "raw span", "text"):
        t.add_column(col, overflow="fold")
    for r in removed[:limit]:
        span = "" if r.start is None else f"{r.start}:{r.end}"
        t.add_row(r.reason, span, r.text[:80].replace("\n", " ⏎ "))
    return t


def score_table(res: dict) -> Table:
    t = Table(title=f"scores on {res.get('docs')} gold documents")
    for col in ("metric", "p", "r", "f1", "gold", "pred"):
        t.add_column(col)
    for k, v in res.items():
        if k in ("per_doc", "docs"):
            continue
        if isinstance(v, dict):
            t.add_row(k, *(str(v.get(x)) for x in ("p", "r", "f1", "gold", "pred")))
        else:
            t.add_row(k, str(v), "", "", "", "")
    return t
