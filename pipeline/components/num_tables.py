"""Table cells: a bare number that is a whole cell takes its unit and multiplier from the table.

Cleaned tables are one row per line, cells separated by a tab; a run of such lines is one
table and its first line is the header. A cell's unit comes from, in order:
1. a unit in brackets in, or a `%` closing, the column's header (产量(万吨), 增长%);
2. the row's cell under a `单位` / `计量单位` column (粮食\t万吨\t68653);
3. a unit in brackets in a cell left of it in its row, the row label (粮食产量（万吨）\t68653);
4. a `单位：万元` caption in the table's first line or the two lines above it;
else the cell is a number without unit. Cells of the header row, of columns whose header
is a skip word (序号, 电话, 年份) and bare integers in the first column (row numbers) are
not quantities.
"""
from __future__ import annotations

import bisect
import re
from typing import Optional, Union

BRACKET = re.compile(r"[（(\[［]([^（）()\[\]［］]{1,10})[）)\]］]")
CAPTION = re.compile(r"单位\s*[:：]\s*([^\s，,。;；)）]+)")
SIGNED = re.compile(r"^[-+－—]?\s*")

CellUnit = Union[None, bool, tuple[str, str]]


def parse_unit_expr(expr: str, res) -> Optional[tuple[str, str]]:
    """'万吨' -> ('万', '吨'); '%' -> ('', '%'); '元/吨' -> ('', '元/吨'); not a unit -> None."""
    from .num_tail import unit_at, word_at

    expr = CAPTION.sub(r"\1", expr.strip())
    p, mult = 0, ""
    unit = unit_at(expr, 0, res)
    if not unit:
        mult = word_at(expr, 0, res.mult_words)
        p = len(mult)
        unit = unit_at(expr, p, res)
    p += len(unit)
    if unit and expr.startswith("/", p):
        u2 = unit_at(expr, p + 1, res)
        if u2:
            unit += "/" + u2
            p += 1 + len(u2)
    if p == 0 or expr[p:].strip():
        return None
    return mult, unit


def row_label_unit(cell: str, res) -> Optional[tuple[str, str]]:
    """A row label's unit: only in brackets (招生人数（人）), not a bare % or number."""
    for m in reversed(list(BRACKET.finditer(cell))):
        u = parse_unit_expr(m.group(1), res)
        if u:
            return u
    return None


def header_unit(cell: str, res) -> Optional[tuple[str, str]]:
    """A column header's unit: in brackets (产量(万吨)) or a closing % (增长%)."""
    u = row_label_unit(cell, res)
    if u:
        return u
    c = cell.strip()
    if c.endswith(("%", "％")):
        return "", c[-1]
    return None


class TableIndex:
    """Looks up whether a digit span is a whole table cell, and its unit (lazy, per text)."""

    def __init__(self, text: str, res):
        self.text, self.res = text, res
        self._lines: Optional[list[tuple[int, int]]] = None

    def _build(self) -> None:
        self._lines, self._starts, self._block = [], [], {}
        pos, prev_tab = 0, False
        block_start = None
        for line in self.text.split("\n"):
            i = len(self._lines)
            self._lines.append((pos, pos + len(line)))
            self._starts.append(pos)
            tab = "\t" in line
            if tab and not prev_tab:
                block_start = i
            if tab:
                self._block[i] = block_start
            prev_tab = tab
            pos += len(line) + 1

    def _cells(self, i: int) -> list[tuple[int, int]]:
        a, b = self._lines[i]
        out, pos = [], a
        for cell in self.text[a:b].split("\t"):
            out.append((pos, pos + len(cell)))
            pos += len(cell) + 1
        return out

    def _caption(self, head: int) -> Optional[tuple[str, str]]:
        for i in range(head, max(-1, head - 3), -1):
            a, b = self._lines[i]
            m = CAPTION.search(self.text[a:b])
            if m:
                return parse_unit_expr(m.group(1), self.res)
        return None

    def cell_unit(self, s: int, e: int) -> CellUnit:
        """None: not a whole cell; False: a cell that is no quantity; else (multiplier, unit)."""
        if "\t" not in self.text:
            return None
        if self._lines is None:
            self._build()
        i = bisect.bisect_right(self._starts, s) - 1
        if i not in self._block:
            return None
        cells = self._cells(i)
        idx = next((k for k, (a, b) in enumerate(cells) if a <= s and e <= b), None)
        if idx is None:
            return None
        a, b = cells[idx]
        raw = self.text[a:b].strip()
        if SIGNED.sub("", raw) != self.text[s:e]:
            return None
        head = self._block[i]
        if i == head:
            return False
        header = [self.text[x:y].strip() for x, y in self._cells(head)]
        col = header[idx] if idx < len(header) else ""
        if any(w in col for w in self.res.skip_headers):
            return False
        row = [self.text[x:y].strip() for x, y in cells]
        u = header_unit(col, self.res)
        if u:
            return u
        for k, h in enumerate(header):
            if h in ("单位", "计量单位") and k < len(row) and k != idx:
                u = parse_unit_expr(row[k], self.res)
                if u:
                    return u
        u = next((x for x in (row_label_unit(c, self.res) for c in reversed(row[:idx])) if x), None)
        u = u or self._caption(head)
        if u:
            return u
        if idx == 0:
            return False  # a bare integer opening a row: a row number
        return "", ""
