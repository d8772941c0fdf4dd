"""The section tree: levels from the order in which marker kinds nest in the document, numbering
checks, inline sequences, and nested spans."""
from __future__ import annotations

import bisect
from typing import Optional

from .lines import Item, Line
from .resources import pattern_of, settings


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
            prev = last.get(it.kind, -9)
            if it.num is not None and it.num != 1 and it.num != prev + 1 and not (
                    it.num == prev and (p := pattern_of(it.kind)) is not None and p.bare):
                return False  # (a bare numeral heading may repeat its number by mistake: 3 3 4)
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


ORDINAL_KINDS = ("inline_shi", "inline_yao", "inline_di", "inline_qi", "inline_order")


def _continues(seq: list[Item], it: Item) -> bool:
    last = seq[-1]
    return it.num == last.num + 1 or (it.num == 99 and last.num < 99)


def _close(seq: list[Item], it: Item) -> bool:
    """Within reach of the sequence's last item: a few lines for 首先/其次 and across kinds (no limit
    for 一是 after 一是 in one region); a loose
    首先 (张教授首先…) only with a sequel a short way on in its own line, or opening the next."""
    st = settings()
    last = seq[-1]
    if len(seq) == 1 and last.loose:
        return ((it.line == last.line and it.start - last.start <= st.loose_first_max_chars)
                or (it.line == last.line + 1 and not it.mid_line))
    if it.kind == "inline_order" or it.kind != last.kind:
        return it.line - last.line <= st.order_max_line_gap
    return True


def inline_sequences(cands: list[Item]) -> list[list[Item]]:
    """Inline items that form a sequence (一是 then 二是 …, 首先 then 其次/最后) within one region.
    An ordinal may also continue the sequence of the item right before it when that is of another
    kind (一是…其次是…, 首先…其次…第三，…); 最后 only one that already holds 首先/其次/再次."""
    keep = []
    by_kind: dict[object, list[list[Item]]] = {}
    seq_of: dict[int, list[Item]] = {}
    prev: Item | None = None
    for it in cands:
        seqs = by_kind.setdefault(it.kind, [])
        seq = None
        if it.num == 1:
            seq = [it]
            seqs.append(seq)
        elif seqs and _continues(seqs[-1], it) and _close(seqs[-1], it):
            seq = seqs[-1]
            seq.append(it)
        elif it.kind in ORDINAL_KINDS and prev is not None and prev.kind in ORDINAL_KINDS and seq_of.get(id(prev)):
            other = seq_of[id(prev)]  # the sequence of the item right before, of another kind
            if (other[-1] is prev and _continues(other, it) and _close(other, it)
                    and (it.num < 99 or any(x.kind == "inline_order" for x in other))):
                seq = other
                seq.append(it)
        if seq is not None:
            seq_of[id(it)] = seq
        prev = it
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
