"""The section tree: levels from the order in which marker kinds nest in the document, numbering
checks, inline sequences, and nested spans."""
from __future__ import annotations

import bisect
from typing import Optional

from .lines import Item, Line
from .resources import settings


def _pop_to(stack: list[Item], idx: int, at: int) -> None:
    while len(stack) > idx:
        stack.pop().end = at


def _find(stack: list[Item], pred) -> Optional[int]:
    for k in range(len(stack) - 1, -1, -1):
        if pred(stack[k]):
            return k
    return None


def _is_h(it: Item) -> bool:
    return isinstance(it.kind, tuple) and it.kind[0] == "h"


def place(stack: list[Item], it: Item, last: dict) -> bool:
    """Put a non-inline item on the stack of open sections; False if it breaks the numbering.
    A numbered item continues its open sibling (二、 after 一、), starts a list (1), or continues
    the document-wide count of its kind (第七条 after 第六条 under the next chapter)."""
    if it.cls == "S":
        if _is_h(it):  # explicit heading (Markdown '#', HTML h1-h6) of some level
            k = _find(stack, lambda s: _is_h(s) and s.kind[1] >= it.kind[1])
            if k is not None:
                _pop_to(stack, k, it.start)
            else:
                k = _find(stack, lambda s: s.cls in "SM")
                _pop_to(stack, (k + 1) if k is not None else 0, it.start)
        else:
            k = _find(stack, lambda s: s.kind == it.kind)
            if it.num is not None and it.num != 1 and it.num != last.get(it.kind, -9) + 1:
                return False
            if k is not None:
                _pop_to(stack, k, it.start)
            else:
                k = _find(stack, lambda s: s.cls in "SM")
                _pop_to(stack, (k + 1) if k is not None else 0, it.start)
    elif it.cls == "M":
        k = next((j for j, s in enumerate(stack) if s.cls == "M" and s.kind[1] >= it.kind[1]), None)
        if k is None:
            k = _find(stack, lambda s: s.cls == "M")
            k = (k + 1) if k is not None else None
        if k is None:
            k = _find(stack, lambda s: s.cls == "S")
            k = (k + 1) if k is not None else 0
        _pop_to(stack, k, it.start)
    elif it.cls == "L":
        k = _find(stack, lambda s: s.cls == "L")
        if k is None:
            k = _find(stack, lambda s: s.cls in "SM")
            k = (k + 1) if k is not None else 0
        _pop_to(stack, k, it.start)
    if it.num is not None:
        last[it.kind] = it.num
    it.parent = stack[-1] if stack else None
    it.level = it.parent.level + 1 if it.parent else 1
    stack.append(it)
    return True


def build(items: list[Item], text_end: int) -> list[Item]:
    """Accepted non-inline items in order, with parent, level and end set."""
    stack: list[Item] = []
    kept, last = [], {}
    for it in sorted(items, key=lambda x: x.start):
        if place(stack, it, last):
            kept.append(it)
    _pop_to(stack, 0, text_end)
    return kept


def inline_sequences(cands: list[Item]) -> list[list[Item]]:
    """Inline items that form a sequence (一是 then 二是 …, 首先 then 其次/最后) within one region."""
    keep = []
    by_kind: dict[object, list[list[Item]]] = {}
    for it in cands:
        seqs = by_kind.setdefault(it.kind, [])
        if it.num == 1:
            seqs.append([it])
        elif seqs and (it.num == seqs[-1][-1].num + 1 or (it.num == 99 and seqs[-1][-1].num < 99)):
            gap = settings().order_max_line_gap if it.kind == "inline_order" else None
            if gap is None or it.line - seqs[-1][-1].line <= gap:
                seqs[-1].append(it)
    for seqs in by_kind.values():
        for seq in seqs:
            if len(seq) >= 2:
                keep.append(seq)
    return keep


def attach_inline(kept: list[Item], inline: list[Item], lines: list[Line], text_end: int) -> list[Item]:
    """Validate inline candidates region by region (between non-inline starts); set parent, level, end."""
    starts = [it.start for it in kept]
    out = []
    regions: dict[int, list[Item]] = {}
    for it in inline:
        regions.setdefault(bisect.bisect_right(starts, it.start) - 1, []).append(it)
    for r, cands in sorted(regions.items()):
        parent = kept[r] if r >= 0 else None
        region_end = starts[r + 1] if r + 1 < len(starts) else text_end
        if parent is not None:
            region_end = min(region_end, parent.end)
        seqs = inline_sequences(cands)
        last_of_seq = {id(q[-1]) for q in seqs}
        seq = sorted((x for q in seqs for x in q), key=lambda x: x.start)
        for j, it in enumerate(seq):
            it.parent = parent
            it.level = parent.level + 1 if parent else 1
            nxt = seq[j + 1].start if j + 1 < len(seq) else region_end
            if id(it) in last_of_seq and it.mid_line:
                nxt = min(nxt, lines[it.line].end)
            it.end = min(nxt, region_end)
            out.append(it)
    return out
