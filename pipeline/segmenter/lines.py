"""Lines of the cleaned body and the enumeration markers found on them."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .resources import MarkerPattern, not_heading_re, number_of, patterns, settings

SPACE = " \t\r\u3000\u00a0\u2002\u2003\u200b\ufeff"
# a paragraph break that extraction flattened: sentence end, then a run of spaces
SOFT_BREAK = re.compile(r"(?<=[。！？!?])[ \t\u3000\u00a0]+(?=\S)")
MD_HEADING = re.compile(r"#{1,6}(?=[ \t\u3000])")
EMPHASIS = re.compile(r"^\*\*(.+)\*\*$")
# what a subject before 首先 ends with (教授首先, 他首先, Ranjith教授首先), not 的首先 / 最首先
LOOSE_BEFORE = re.compile(r"[\u4e00-\u9fffA-Za-z](?<![的最是])")


@dataclass
class Line:
    start: int  # first non-space character
    end: int  # after the last non-space character
    text: str
    mid: bool = False  # starts after a soft break inside a text line
    heading_level: Optional[int] = None  # from a heading block or a Markdown '#'
    in_table: bool = False


@dataclass
class Item:
    """A candidate section: cls S (line marker or heading), M (marker-less heading),
    L (lead paragraph), I (inline item)."""
    cls: str
    kind: object
    num: Optional[int]
    marker: str
    title: str
    start: int
    line: int  # index into the lines
    mid_line: bool = False
    loose: bool = False  # 首先 after its subject (张教授首先就…): kept only with a close sequel
    level: int = 0
    parent: Optional["Item"] = None
    end: int = 0
    sid: str = ""


def split_lines(text: str, body_start: int) -> list[Line]:
    """Non-empty lines of text[body_start:], also cut after a sentence end followed by spaces."""
    out = []
    pos = body_start
    for raw in text[body_start:].split("\n"):
        cuts = [0] + [m.end() for m in SOFT_BREAK.finditer(raw)] + [len(raw) + 1]
        for k in range(len(cuts) - 1):
            seg = raw[cuts[k]:cuts[k + 1] - 1] if k + 1 == len(cuts) - 1 else raw[cuts[k]:cuts[k + 1]]
            s = len(seg) - len(seg.lstrip(SPACE))
            e = len(seg.rstrip(SPACE))
            if e > s:
                a = pos + cuts[k]
                out.append(Line(a + s, a + e, seg[s:e], mid=k > 0))
        pos += len(raw) + 1
    return out


def mark_blocks(lines: list[Line], blocks) -> None:
    """Heading levels and table membership from the cleaner's blocks."""
    if not blocks:
        return
    heads = {b.start: (b.level or 2) for b in blocks if b.kind == "heading"}
    tables = [(b.start, b.end) for b in blocks if b.kind == "table"]
    ti = 0
    for ln in lines:
        # a heading block may start at the leading spaces of its line
        lvl = next((heads[ln.start - d] for d in range(4) if ln.start - d in heads), None)
        if lvl is not None:
            ln.heading_level = lvl
        while ti < len(tables) and tables[ti][1] <= ln.start:
            ti += 1
        if ti < len(tables) and tables[ti][0] <= ln.start < tables[ti][1]:
            ln.in_table = True


def clean_title(s: str) -> str:
    st = settings()
    s = s.strip(st.strip_chars)
    m = EMPHASIS.match(s)
    if m:
        s = m.group(1).strip(st.strip_chars)
    return s.strip("*").strip(st.strip_chars)


def line_title(text: str, pos: int) -> str:
    """Text from pos to the first 。 of the line, without closing punctuation."""
    rest = text[pos:]
    cut = min((i for i in (rest.find(c) for c in settings().title_stops) if i >= 0), default=len(rest))
    return clean_title(rest[:cut])


def clause_title(text: str, pos: int) -> str:
    """First clause from pos (an inline item's title)."""
    st = settings()
    rest = text[pos:].lstrip(st.inline_title_stops + SPACE)
    cut = next((i for i, ch in enumerate(rest) if ch in st.inline_title_stops), len(rest))
    return clean_title(rest[:cut])


def _heading_ok(p: MarkerPattern, ln: Line, m: re.Match) -> bool:
    if not p.heading_only:
        return True
    after = ln.text[m.end():m.end() + 1]
    return after == "" or after in SPACE or (len(ln.text) <= settings().chapter_short_line
                                             and "。" not in ln.text)


def line_marker(i: int, ln: Line, last: bool = False, md: bool = False) -> Optional[Item]:
    """The S item a line opens with, if any (a '#' heading or heading block counts, unless it is
    page furniture or the last line)."""
    text, off = ln.text, 0
    level = ln.heading_level
    h = MD_HEADING.match(text) if md else None
    if h:
        level = len(h.group(0))
        off = len(text) - len(text[h.end():].lstrip(SPACE))
    starts = (off, off + 2) if text.startswith("**", off) else (off,)  # **一、…** emphasis
    for p, at in ((p, at) for at in starts for p in patterns()):
        if p.scope != "line":
            continue
        m = p.regex.match(text, at)
        if m and _heading_ok(p, ln, m):
            num = number_of(p.numeral, m.group("num")) if "num" in p.regex.groupindex else None
            title = line_title(text, m.end())
            if not title and not p.bare:
                continue
            return Item("S", p.kind, num, m.group(0), title, ln.start + at, i)
    if level is not None and not last:
        title = line_title(text, off) if ln.heading_level is None else clean_title(text[off:])
        if title and not not_heading_re().match(title):
            return Item("S", ("h", level), None, "", title, ln.start, i)
    return None


def inline_markers(i: int, ln: Line, skip: int = 0) -> list[Item]:
    """Inline items (一是 第一， 首先 ①) that open a clause in the line, after offset skip."""
    st = settings()
    out = []
    text = ln.text
    for p in patterns():
        if p.scope != "inline":
            continue
        for m in p.regex.finditer(text, skip):
            a = m.start()
            num = number_of(p.numeral, m.group("num"))
            loose = False
            if a > 0 and text[a - 1] not in st.clause_openers and text[a - 1] not in SPACE:
                # 张康之教授首先就…: the first of a sequence may follow its subject
                if not (p.loose_first and num == 1 and LOOSE_BEFORE.match(text[a - 1])):
                    continue
                loose = True
            if p.kind == "inline_circled" and a == 0:
                continue  # a line-start ① is a line marker
            title = clause_title(text, m.end())
            out.append(Item("I", p.kind, num, m.group(0), title, ln.start + a, i, mid_line=a > 0 or ln.mid,
                            loose=loose))
    out.sort(key=lambda it: it.start)
    return out
