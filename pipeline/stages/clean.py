"""clean: LoadedDoc (+ folder SiteSignals) -> CleanedDoc.

`text` is the article: its title as the first line when there is one, then one block per
line (paragraphs, headings, list items; a table is one row per line, cells separated by a
tab), whitespace inside a line collapsed, characters as written. `blocks` covers every line
of `text`; the title line is a block of kind heading, level 1. `removed` lists every dropped
block with its reason and its span in `raw` (null for HTML lines that cannot be located).
The parts live in `pipeline/clean/`; cue words and thresholds in resources/clean_*.json.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterable, Optional

from ..clean.blocks import RawBlock, line_key, settings
from ..clean.classify import classify, rule_reason
from ..clean.fields import Context, extract_date, extract_source
from ..clean.title import extract_title
from ..clean.htmlpage import html_blocks
from ..clean.textblocks import markdown_blocks, physical_lines, text_blocks
from ..models import Block, CleanedDoc, LoadedDoc, Removed, SiteSignals

PROSE_RE = re.compile(r"[，。；！？、,;!?：:]")
TAG_STRIP_RE = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]+>", re.S | re.I)
MIN_DOCS = 3


class EmptyArticleError(ValueError):
    """clean() found no article text: the runner records the document in errors.jsonl (stage clean)."""

    def __init__(self, doc_id: str):
        super().__init__(f"no article text found after removing boilerplate ({doc_id})")


def _signal_lines(doc: LoadedDoc) -> set[str]:
    raw = TAG_STRIP_RE.sub("\n", doc.raw) if doc.format == "html" else doc.raw
    out = set()
    for line, _, _ in physical_lines(raw):
        k = line_key(line)
        if 2 <= len(k) <= 40:
            out.add(k)
    return out


def compute_signals(docs: Iterable[LoadedDoc]) -> SiteSignals:
    """Lines (whitespace removed, at most 40 characters) that occur in several documents.

    Counted per document; only lines found in at least MIN_DOCS documents are kept.
    """
    counts: Counter = Counter()
    n = 0
    for doc in docs:
        n += 1
        counts.update(_signal_lines(doc))
    rep = {k: c for k, c in counts.items() if c >= MIN_DOCS}
    return SiteSignals(n_docs=n, repeated_lines=rep, min_docs=MIN_DOCS)


def _input_blocks(doc: LoadedDoc):
    """(blocks, chrome removed blocks, front matter, page facts) for the document's format."""
    if doc.format == "html":
        blocks, chrome, page = html_blocks(doc.raw)
        return blocks, chrome, {}, page
    if doc.format == "md":
        blocks, front = markdown_blocks(doc.raw)
        return blocks, [], front, None
    return text_blocks(doc.raw), [], {}, None


def _reads_as_text(b: RawBlock) -> bool:
    """A block that can be article text: punctuated, a table, or at least `min_article_line` characters."""
    return (b.kind == "table" or bool(PROSE_RE.search(b.text))
            or len(b.key) >= settings()["min_article_line"])


def _assemble(title: Optional[str], blocks: list[RawBlock], skip: Optional[int]):
    lines: list[tuple[str, str, Optional[int]]] = []
    if title:
        lines.append((title, "heading", 1))
    for i, b in enumerate(blocks):
        if b.reason is None and i != skip:
            lines.append((b.text, b.kind, b.level))
    text_parts, out_blocks, pos = [], [], 0
    for t, kind, level in lines:
        text_parts.append(t)
        out_blocks.append(Block(start=pos, end=pos + len(t), kind=kind,
                                level=level if kind == "heading" else None))
        pos += len(t) + 1
    return "\n".join(text_parts), out_blocks


def clean(doc: LoadedDoc, signals: Optional[SiteSignals] = None) -> CleanedDoc:
    """The article of one document, its boilerplate (with reasons) and its title/date/source.

    Raises EmptyArticleError (a ValueError) when no article line is left besides the headline,
    or only short unpunctuated words (a page of only scripts and navigation, a text of only
    boilerplate): an empty document is an error of this stage, not an empty record.
    """
    blocks, chrome, front, page = _input_blocks(doc)
    classify(blocks, signals, doc.format)
    ctx = Context(fmt=doc.format, blocks=blocks, front=front, page=page, chrome=chrome)
    title = extract_title(ctx)
    date = extract_date(ctx, title.text)
    source = extract_source(ctx, title)
    skip = title.index
    if skip is not None and title.text:
        blocks[skip].reason = None
    if title.duplicate is not None:
        blocks[title.duplicate].reason = "title"
    for i, b in enumerate(blocks):  # page-copy lines above the body text (see classify._core)
        if b.reason is None and "pre-core" in b.flags and i != skip:
            b.reason = rule_reason(b.key) or "navigation"
    text, out_blocks = _assemble(title.text, blocks, skip)
    body = [b for i, b in enumerate(blocks) if b.reason is None and i != skip]
    if not any(_reads_as_text(b) for b in body):  # nothing left, or only menu words (首页 学校概况)
        raise EmptyArticleError(doc.doc_id)
    removed = []
    for b in blocks + chrome:
        for reason, piece in b.cut:
            removed.append(Removed(reason=reason, text=piece))
        if b.reason is None and "chrome" not in b.flags:
            continue
        reason = b.reason or rule_reason(b.key) or ("navigation" if len(b.key) <= 12 else "other")
        removed.append(Removed(reason=reason, text=b.text, start=b.start, end=b.end))
    return CleanedDoc(doc_id=doc.doc_id, source_path=doc.source_path, format=doc.format,
                      title=title.text, date=date, source=source, text=text,
                      blocks=out_blocks, removed=removed)
