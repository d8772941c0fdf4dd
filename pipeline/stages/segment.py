"""segment: CleanedDoc -> SegmentedDoc. Placeholder: top-level 一、 headings only."""
from __future__ import annotations

import re
from typing import Optional

from ..models import CleanedDoc, Section, SegmentedDoc

TOP_RE = re.compile(r"^([一二三四五六七八九十]+、)([^。\n]*)", re.M)


def segment(doc: CleanedDoc) -> SegmentedDoc:
    title_end = doc.text.find("\n") + 1 if doc.title else 0
    found = [m for m in TOP_RE.finditer(doc.text) if m.start() >= title_end]
    sections = []
    for i, m in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(doc.text)
        sections.append(Section(id=f"s{i + 1}", parent_id=None, level=1, marker=m.group(1),
                                title=m.group(2).rstrip("，,。"), start=m.start(), end=end))
    return SegmentedDoc(**doc.model_dump(), sections=sections)


def innermost_section(sections: list[Section], start: int, end: int) -> Optional[str]:
    """Id of the innermost section whose span contains [start, end), or None."""
    best = None
    for s in sections:
        if s.start <= start and end <= s.end and (best is None or s.start >= best.start and s.end <= best.end):
            best = s
    return best.id if best else None
