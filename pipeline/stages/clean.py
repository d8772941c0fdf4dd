"""clean: LoadedDoc (+ folder SiteSignals) -> CleanedDoc. Placeholder: strips tags, keeps every line."""
from __future__ import annotations

import re
from typing import Iterable, Optional

from ..models import Block, CleanedDoc, LoadedDoc, SiteSignals

TAG_RE = re.compile(r"<[^>]+>")


def compute_signals(docs: Iterable[LoadedDoc]) -> SiteSignals:
    docs = list(docs)
    return SiteSignals(n_docs=len(docs))


def clean(doc: LoadedDoc, signals: Optional[SiteSignals] = None) -> CleanedDoc:
    lines = [" ".join(TAG_RE.sub("", l).split()) for l in doc.raw.splitlines()]
    lines = [l for l in lines if l]
    title = lines[0] if lines else None
    text = "\n".join(lines)
    blocks, pos = [], 0
    for l in lines:
        blocks.append(Block(start=pos, end=pos + len(l), kind="paragraph"))
        pos += len(l) + 1
    return CleanedDoc(doc_id=doc.doc_id, source_path=doc.source_path, format=doc.format,
                      title=title, text=text, blocks=blocks)
