"""segment: CleanedDoc -> SegmentedDoc, the document's section tree (SPEC.md "sections").

Cascade, per line of the body (the title line is never a section):
1. line markers and headings (S): 一、 (一) 1. (1) ① 第一章/节/条 —— , Markdown '#' and the
   cleaner's heading blocks; numbering must continue (二、 only after 一、); paragraph-start 一，
   and bare numeral lines (1 / 01 / 一, title "") only in runs from 1, bare numerals with body
   text under each; a heading block with only scraps after it to the end of the page is dropped;
2. marker-less headings (M): short stand-alone lines between body paragraphs, two or more, and
   the subheading line right under a bare numeral;
3. lead paragraphs (L): sibling paragraphs opened by a quoted phrase or a parallel short clause;
4. inline items (I): 一是 二要 第一， 其一， 首先(是) ① at a clause start (首先 also after its subject
   when 其次/再次/最后 follows close by), in sequences within one section; an ordinal may continue a
   sequence of another kind right before it (一是…其次是…, 首先…其次…第三，…).
Levels come from the order in which kinds nest in this document (pipeline/segmenter/tree.py);
M, L and I items sit one level below the heading they appear under.
"""
from __future__ import annotations

import bisect
from typing import Optional

from ..models import CleanedDoc, Section, SegmentedDoc
from ..segmenter.leads import bare_subheadings, is_body, lead_paragraphs, markerless_headings, sentence_like
from ..segmenter.lines import Item, Line, inline_markers, line_marker, mark_blocks, split_lines
from ..segmenter.resources import pattern_of
from ..segmenter.tree import attach_inline, build


def body_start(doc: CleanedDoc) -> int:
    if not doc.title:
        return 0
    nl = doc.text.find("\n")
    return len(doc.text) if nl < 0 else nl + 1


def _dash_ok(items: dict[int, Item], i: int) -> bool:
    return any(items.get(j) is not None and items[j].kind == "dash" for j in (i - 1, i + 1))


def _has_text(lines: list[Line], a: int, b: int) -> bool:
    """A sentence of body text among lines a+1 … b-1 (so 1 / 2 / 3 rows of a table do not count)."""
    return any("。" in ln.text or (len(ln.text) >= 15 and ln.text[-1] in "！？!?")
               for ln in lines[a + 1:b] if not ln.in_table)


def _trailing_headings(lines: list[Line], s_items: dict[int, Item]) -> set[int]:
    """Heading lines with nothing under them but short scraps to the end of the page (公司资本论 /
    连接每日热点， / 点评股市众生相: a promotion block); they title no paragraphs."""
    last = max((j for j, ln in enumerate(lines) if j in s_items or is_body(ln) or sentence_like(ln)), default=-1)
    return {i for i, it in s_items.items() if i >= last and isinstance(it.kind, tuple) and it.kind[0] == "h"}


def runs_only(lines: list[Line], s_items: dict[int, Item]) -> dict[int, Item]:
    """Drop the items of kinds that count only in a run of two or more from 1 (一， 二，; bare
    numeral lines 1 2 3, which also need body text under each, and may repeat a number by mistake)."""
    by_kind: dict[object, list[Item]] = {}
    for i in sorted(s_items):
        p = pattern_of(s_items[i].kind)
        if p is not None and p.needs_run:
            by_kind.setdefault(p.kind, []).append(s_items[i])
    drop: set[int] = set()
    for kind, its in by_kind.items():
        bare = pattern_of(kind).bare
        runs: list[list[Item]] = []
        for it in its:
            last = runs[-1][-1] if runs else None
            if last is not None and (it.num == last.num + 1 or (bare and it.num == last.num and len(runs[-1]) >= 2)) \
                    and (not bare or _has_text(lines, last.line, it.line)):
                runs[-1].append(it)
            else:
                runs.append([it])
        for r in runs:
            if len(r) < 2 or r[0].num != 1 or (bare and not _has_text(lines, r[-1].line, r[-1].line + 40)):
                drop |= {x.line for x in r}
    return {i: it for i, it in s_items.items() if i not in drop}


def find_items(lines: list[Line], md: bool = False) -> tuple[list[Item], list[Item]]:
    """(non-inline candidates, inline candidates) of the body lines."""
    s_items: dict[int, Item] = {}
    inline: list[Item] = []
    for i, ln in enumerate(lines):
        if ln.in_table:
            continue
        it = line_marker(i, ln, last=i == len(lines) - 1, md=md)
        skip = (it.start - ln.start + len(it.marker)) if it else 0
        found = inline_markers(i, ln, skip)
        if it is not None and it.kind == "circled" and any(x.kind == "inline_circled" for x in found):
            it.cls, it.kind = "I", "inline_circled"  # ①…②… running inside one paragraph
            it.mid_line = True
            found.insert(0, it)
            it = None
        if it is not None:
            s_items[i] = it
        inline += found
    s_items = {i: it for i, it in s_items.items() if it.kind != "dash" or _dash_ok(s_items, i)}
    s_items = runs_only(lines, s_items)
    trailing = _trailing_headings(lines, s_items)
    s_items = {i: it for i, it in s_items.items() if i not in trailing}
    inline_start = {x.line for x in inline if x.start == lines[x.line].start}
    taken = set(s_items) | inline_start
    bare = [it for it in s_items.values() if (p := pattern_of(it.kind)) is not None and p.bare]
    m_items = bare_subheadings(lines, bare, taken)
    taken |= {m.line for m in m_items}
    m_items += markerless_headings(lines, taken)
    taken |= {m.line for m in m_items}
    cuts = set(s_items) | {m.line for m in m_items}
    l_items = lead_paragraphs(lines, taken, cuts)
    return list(s_items.values()) + m_items + l_items, inline


def _trim(text: str, a: int, b: int) -> int:
    while b > a and text[b - 1].isspace():
        b -= 1
    return b


def segment(doc: CleanedDoc) -> SegmentedDoc:
    text = doc.text
    lines = split_lines(text, body_start(doc))
    mark_blocks(lines, doc.blocks)
    items, inline = find_items(lines, md=doc.format == "md")
    kept = build(items, len(text))
    kept_inline = attach_inline(kept, inline, lines, len(text))
    every = sorted(kept + kept_inline, key=lambda x: (x.start, x.level))
    for n, it in enumerate(every, 1):
        it.sid = f"s{n}"
    sections = [Section(id=it.sid, parent_id=it.parent.sid if it.parent else None, level=it.level,
                        marker=it.marker, title=it.title, start=it.start,
                        end=_trim(text, it.start, it.end)) for it in every]
    return SegmentedDoc(**doc.model_dump(), sections=sections)


_CACHE: dict = {"sections": None, "n": -1}


def _index(sections: list[Section]):
    if _CACHE["sections"] is not sections or _CACHE["n"] != len(sections):
        order = sorted(range(len(sections)), key=lambda k: (sections[k].start, -sections[k].end))
        _CACHE.update(sections=sections, n=len(sections),
                      starts=[sections[k].start for k in order],
                      order=[sections[k] for k in order],
                      by_id={s.id: s for s in sections})
    return _CACHE


def innermost_section(sections: list[Section], start: int, end: int) -> Optional[str]:
    """Id of the innermost section whose span contains [start, end), or None.

    Spans are nested, so the innermost container is the last section starting at or before
    `start` or one of its ancestors: a bisect and a short walk up the parents."""
    if not sections:
        return None
    ix = _index(sections)
    k = bisect.bisect_right(ix["starts"], start) - 1
    if k < 0:
        return None
    s = ix["order"][k]
    while s is not None and not (s.start <= start and end <= s.end):
        s = ix["by_id"].get(s.parent_id) if s.parent_id else None
    return s.id if s else None
