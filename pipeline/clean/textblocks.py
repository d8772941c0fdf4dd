"""txt and Markdown input -> RawBlocks, each with its span in `raw`.

Lines are blocks. Inline HTML fragments (`<p><b style=…>` copied into a text file) are
split at block-level tags and their inline tags dropped; `<script>`/`<style>` and HTML
comments are removed blocks. Markdown: YAML front matter is a removed block (its fields are
returned for the title/date/source extractors), `#` headings become heading blocks, emphasis
pairs, image and link syntax are markup, a line of images is a removed `image` block,
`<!--more-->` between two lines of one paragraph joins them again (the crawler split a word).
A lone `**` (an anonymised name) is text.
"""
from __future__ import annotations

import html
import re
from typing import Optional

from .blocks import RawBlock, cues, line_key, norm_ws

HTML_HINT = re.compile(r"</?(p|div|br|b|strong|span|font|table|tr|td|li|ul|ol|h[1-6]|section|img|a)\b[^>]*>", re.I)
TAG_RE = re.compile(r"<!--.*?-->|<(script|style|noscript)\b.*?</\1\s*>|</?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>", re.S | re.I)
BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol",
              "section", "article", "header", "footer", "nav", "td", "th", "dd", "dt", "blockquote", "hr"}
MORE_RE = re.compile(r"^\s*<!--\s*more\s*-->\s*$", re.I)
FRONT_RE = re.compile(r"\A\ufeff?---[ \t]*\n(.*?)\n---[ \t]*(\n|\Z)", re.S)
MD_HEAD_RE = re.compile(r"^(#{1,6})[ \t]*(.*?)[ \t]*#*[ \t]*$")
MD_IMG_RE = re.compile(r"!\[([^\]]*)\]\(([^)]*)\)")
MD_LINK_RE = re.compile(r"\[([^\]]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
MD_BOLD_RE = re.compile(r"(\*\*\*|\*\*|__)(?=\S)(.{1,40}?)(?<=\S)\1")
MD_EMPTY_BOLD_RE = re.compile(r"(?<!\*)\*{4,}(?!\*)|(?<!_)_{4,}(?!_)")
MD_BULLET_RE = re.compile(r"^\s*[-*+][ \t]+(?=\S)")
MD_TABLE_SEP_RE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def physical_lines(raw: str, start: int = 0, end: Optional[int] = None):
    """(line, start, end) for every line of raw[start:end], end exclusive of the newline."""
    end = len(raw) if end is None else end
    pos = start
    while pos < end:
        nl = raw.find("\n", pos, end)
        stop = end if nl < 0 else nl
        yield raw[pos:stop].rstrip("\r"), pos, stop
        pos = stop + 1


def parse_front_matter(body: str) -> dict:
    """A tiny YAML subset: `key: value` and `key:` followed by `- item` lines."""
    out: dict = {}
    key = None
    for line in body.splitlines():
        if not line.strip():
            continue
        m = re.match(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$", line)
        if m:
            key, val = m.group(1), m.group(2).strip().strip("'\"")
            out[key] = val if val else []
        elif key and re.match(r"^\s*-\s*", line):
            item = re.sub(r"^\s*-\s*", "", line).strip().strip("'\"")
            if not isinstance(out.get(key), list):
                out[key] = [out[key]] if out.get(key) else []
            out[key].append(item)
    return out


def split_html_fragment(line: str, start: int) -> list[RawBlock]:
    """One physical line holding HTML tags -> blocks split at block tags, inline tags dropped."""
    out: list[RawBlock] = []
    buf: list[str] = []
    seg_start = start

    def flush(at: int):
        text = norm_ws(html.unescape("".join(buf)))
        if text:
            out.append(RawBlock(text=text, start=seg_start, end=at))
        buf.clear()

    pos = 0
    for m in TAG_RE.finditer(line):
        buf.append(line[pos:m.start()])
        tag = (m.group(2) or "").lower()
        if m.group(1):  # script / style
            flush(start + m.start())
            out.append(RawBlock(text=norm_ws(m.group(0))[:200], start=start + m.start(),
                                end=start + m.end(), reason="script"))
            seg_start = start + m.end()
        elif m.group(0).startswith("<!--"):
            pass  # an HTML comment is markup
        elif tag in BLOCK_TAGS:
            flush(start + m.start())
            seg_start = start + m.end()
        pos = m.end()
    buf.append(line[pos:])
    flush(start + len(line))
    return out


def _md_inline(text: str) -> str:
    text = MD_IMG_RE.sub("", text)
    text = MD_LINK_RE.sub(lambda m: m.group(1), text)
    text = MD_EMPTY_BOLD_RE.sub("", text)
    text = MD_BOLD_RE.sub(lambda m: m.group(2), text)
    return norm_ws(text)


def md_block(line: str, start: int, end: int) -> Optional[RawBlock]:
    """One Markdown line -> a block (or a removed block), None when blank."""
    if not line.strip():
        return None
    stripped = line.strip()
    no_img = MD_IMG_RE.sub("", stripped)
    if MD_IMG_RE.search(stripped) and not line_key(_md_inline(no_img)):
        return RawBlock(text=stripped, start=start, end=end, reason="image", flags={"image"})
    links = MD_LINK_RE.findall(stripped)
    if links and not line_key(MD_LINK_RE.sub("", stripped)):
        labels = "".join(t for t, _ in links)
        b = RawBlock(text=stripped, start=start, end=end, flags={"links_only"})
        if any(c in labels for c in cues()["markdown_source_links"]):
            b.reason = "metadata"
        elif len(links) >= 2:
            b.reason = "navigation"
        else:
            b.text = _md_inline(stripped)
        return b
    m = MD_HEAD_RE.match(stripped)
    if m:
        text = _md_inline(m.group(2))
        if not text:
            return RawBlock(text=stripped, start=start, end=end, reason="empty")
        return RawBlock(text=text, kind="heading", level=len(m.group(1)), start=start, end=end)
    kind = "paragraph"
    body = stripped
    if MD_BULLET_RE.match(line) and not stripped.startswith("**"):
        body, kind = MD_BULLET_RE.sub("", line, count=1), "list_item"
    bold = bool(re.fullmatch(r"(\*\*|__)(?=\S).*(?<=\S)\1\s*(\*\*\*\*)?", body.strip()))
    text = _md_inline(body)
    if not text:
        return RawBlock(text=stripped, start=start, end=end, reason="empty")
    return RawBlock(text=text, kind=kind, start=start, end=end, bold=bold)


def _table_block(rows: list[tuple[str, int, int]]) -> RawBlock:
    lines = []
    for line, _, _ in rows:
        if MD_TABLE_SEP_RE.match(line):
            continue
        cells = [_md_inline(c) for c in line.strip().strip("|").split("|")]
        lines.append("\t".join(cells))
    return RawBlock(text="\n".join(lines), kind="table", start=rows[0][1], end=rows[-1][2])


def _join_more(lines: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Drop `<!--more-->` lines; rejoin the two lines around one that splits a paragraph."""
    out: list[tuple[str, int, int]] = []
    i = 0
    while i < len(lines):
        line, s, e = lines[i]
        if MORE_RE.match(line):
            prev_ok = out and out[-1][0].strip()
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            if prev_ok and nxt and nxt[0].strip() and not MORE_RE.match(nxt[0]):
                pl, ps, _ = out.pop()
                out.append((pl.rstrip() + nxt[0].lstrip(), ps, nxt[2]))
                i += 2
                continue
            i += 1
            continue
        out.append((line, s, e))
        i += 1
    return out


SPLIT_TABLE_DELIM_RE = re.compile(r"^\s*:?-{3,}:?(\s*\|\s*:?-{3,}:?)+\s*$")


def _rejoin_split_tables(lines: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """A Markdown table that a crawler broke up, one cell per line with lone `|` lines between
    cells of a row and `---|---|---` under the header, back into `|a|b|c|` rows."""
    items = [(i, ln) for i, ln in enumerate(lines) if ln[0].strip()]

    def is_bar(k):
        return 0 <= k < len(items) and items[k][1][0].strip() == "|"

    def row_at(k):  # cells of the row starting at non-empty item k, and the item after it
        cells = [k]
        while is_bar(k + 1) and k + 2 < len(items) and not is_bar(k + 2):
            k += 2
            cells.append(k)
        return cells, k + 1

    out, done = [], -1
    for k, (i, (line, s, e)) in enumerate(items):
        if k <= done or not SPLIT_TABLE_DELIM_RE.match(line):
            continue
        ncols = line.count("|") + 1
        head = k - (2 * ncols - 1)
        if head < 0 or done >= head or row_at(head) != (list(range(head, k, 2)), k):
            continue
        rows, nxt = [list(range(head, k, 2))], k + 1
        while nxt < len(items):
            cells, after = row_at(nxt)
            if len(cells) != ncols:
                break
            rows.append(cells)
            nxt = after
        if len(rows) < 2:
            continue
        out.append((items[head][0], items[nxt - 1][0], rows))
        done = nxt - 1
    if not out:
        return lines
    result, skip_to = [], -1
    starts = {a: (b, rows) for a, b, rows in out}
    for i, ln in enumerate(lines):
        if i <= skip_to:
            continue
        if i in starts:
            b, rows = starts[i]
            for r in rows:
                cells = [items[c][1] for c in r]
                result.append(("|" + "|".join(c[0].strip() for c in cells) + "|", cells[0][1], cells[-1][2]))
            skip_to = b
            continue
        result.append(ln)
    return result


def markdown_blocks(raw: str) -> tuple[list[RawBlock], dict]:
    """Markdown -> (blocks, front-matter fields)."""
    blocks: list[RawBlock] = []
    front: dict = {}
    body_start = 0
    m = FRONT_RE.match(raw)
    if m:
        front = parse_front_matter(m.group(1))
        blocks.append(RawBlock(text=m.group(0).strip(), start=0, end=m.end(), reason="front-matter"))
        body_start = m.end()
    lines = _rejoin_split_tables(_join_more(list(physical_lines(raw, body_start))))
    table: list[tuple[str, int, int]] = []
    for line, s, e in lines:
        if line.strip().startswith("|") and line.strip().endswith("|") and line.count("|") >= 2:
            table.append((line, s, e))
            continue
        if table:
            blocks.append(_table_block(table))
            table = []
        if HTML_HINT.search(line) or "<!--" in line:
            blocks.extend(_md_fragment(line, s))
            continue
        b = md_block(line, s, e)
        if b is not None:
            blocks.append(b)
    if table:
        blocks.append(_table_block(table))
    return blocks, front


def _md_fragment(line: str, start: int) -> list[RawBlock]:
    out = []
    for b in split_html_fragment(line, start):
        if b.reason is None:
            nb = md_block(b.text, b.start, b.end)
            if nb is None:
                continue
            b = nb
        out.append(b)
    return out


def text_blocks(raw: str) -> list[RawBlock]:
    """Plain text (possibly with HTML fragments) -> one block per line."""
    blocks: list[RawBlock] = []
    has_html = bool(HTML_HINT.search(raw))
    for line, s, e in physical_lines(raw):
        if not line.strip():
            continue
        if has_html and ("<" in line):
            blocks.extend(split_html_fragment(line, s))
            continue
        text = norm_ws(html.unescape(line) if has_html else line)
        if text:
            blocks.append(RawBlock(text=text, start=s, end=e))
    return blocks
