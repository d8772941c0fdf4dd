"""Whole HTML pages -> RawBlocks of the main content, plus the page facts the field extractors use.

Main content: trafilatura 2.3.1 (favor_precision; on the corpus pages it kept every gold
keep string and left fewer boilerplate blocks than its default or readability), rerun with
favor_recall when that yields less than `html_min_article_chars`; when trafilatura finds
nothing, the page's visible lines go through the block classifier instead. The residue
trafilatura leaves (原标题, 声明, 推荐新闻 lists, share lines) is removed by `classify`.
lxml parses the page once more for what trafilatura does not give: the visible lines (for
`removed` and for the header zone between the headline and the article, where the date and
来源 fields sit), headline elements, meta tags and elements whose class names the source.
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Optional

import lxml.etree as etree
import lxml.html
import trafilatura

from .blocks import RawBlock, line_key, norm_ws, settings
from .density import density_blocks

SKIP_TAGS = {"script", "style", "noscript", "template"}
BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol",
              "section", "article", "header", "footer", "nav", "td", "th", "dd", "dt", "title", "form",
              "aside", "blockquote", "dl", "figure", "figcaption", "main", "pre", "hr"}
BLOCKY = {"p", "head", "list", "item", "table", "quote", "code", "div"}
SOURCE_CLASS_RE = re.compile(r"(^|\s|[-_])source([-_](name|link|text|info))?($|\s)", re.I)
SENT_END_RE = re.compile(r"[。！？!?]")
XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
META_DATE_KEYS = ("article:published_time", "og:release_date", "publishdate", "pubdate", "publish_date",
                  "release_date", "datepublished", "dc.date", "dc.date.issued", "published_time")


@dataclass
class Page:
    """Page facts for extract_title / extract_date / extract_source."""
    title_tag: str = ""
    headlines: list[str] = field(default_factory=list)  # h1..h3 texts, in page order
    og_title: str = ""
    site_name: str = ""
    meta_date: str = ""
    source_elems: list[str] = field(default_factory=list)  # texts of elements classed "source"
    date_elems: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # visible lines of the whole page
    traf: dict = field(default_factory=dict)  # trafilatura's metadata (title, date, sitename)
    extractor: str = "trafilatura"  # which extractor's main content was used


def parse(raw: str):
    """The page as one lxml tree (parts after a stray </html> are moved into its body)."""
    try:
        root = lxml.html.document_fromstring(XML_DECL_RE.sub("", raw) or "<html></html>")
    except (etree.ParserError, ValueError):
        return None
    extra = [x for x in root.itersiblings() if isinstance(x.tag, str)]
    if extra:
        body = root.find("body")
        body = root if body is None else body
        for x in extra:
            body.append(x)
    return root


def visible_lines(root) -> tuple[list[str], list[str]]:
    """(visible text lines, texts of script/style elements) in document order."""
    out: list[str] = []
    scripts: list[str] = []
    buf: list[str] = []

    def flush():
        t = norm_ws("".join(buf))
        if t:
            out.append(t)
        buf.clear()

    def walk(el):
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in SKIP_TAGS:
            scripts.append(norm_ws(el.text_content() if hasattr(el, "text_content") else "")[:120])
            if el.tail:
                buf.append(el.tail)
            return
        block = tag in BLOCK_TAGS
        if block:
            flush()
        if tag and el.text:
            buf.append(el.text)
        for ch in el:
            walk(ch)
        if block:
            flush()
        if el.tail:
            buf.append(el.tail)

    walk(root)
    flush()
    return out, scripts


def _texts(root, xpath: str, max_len: int = 60) -> list[str]:
    out = []
    for el in root.xpath(xpath):
        t = norm_ws(el.text_content())
        if t and len(t) <= max_len:
            out.append(t)
    return out


def page_facts(root) -> Page:
    p = Page()
    p.title_tag = (_texts(root, "//title", 300) or [""])[0]
    p.headlines = _texts(root, "//h1|//h2|//h3", 120)
    for m in root.xpath("//meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").lower()
        val = norm_ws(m.get("content") or "")
        if not val:
            continue
        if key == "og:title" and not p.og_title:
            p.og_title = val
        elif key in ("og:site_name", "application-name") and not p.site_name:
            p.site_name = val
        elif key in META_DATE_KEYS and not p.meta_date:
            p.meta_date = val
    p.source_elems = [norm_ws(el.text_content()) for el in root.xpath("//*[contains(@class,'source') or @id='source']")
                      if SOURCE_CLASS_RE.search(el.get("class") or el.get("id") or "")
                      and 0 < len(norm_ws(el.text_content())) <= 40]
    p.date_elems = _texts(root, "//*[contains(@class,'date') or contains(@class,'time') or contains(@id,'pubtime')]", 40)
    return p


def _layout_table(cells: list[list[str]]) -> bool:
    """A table used for layout: rows of one cell, or a cell holding prose."""
    filled = [[c for c in row if c.strip()] for row in cells]
    if all(len(r) <= 1 for r in filled):
        return True
    return any(len(line_key(c)) > settings()["table_cell_max_chars"] or len(SENT_END_RE.findall(c)) > 1
               for r in filled for c in r)


def _xml_blocks(xml: str) -> list[RawBlock]:
    doc = etree.fromstring(xml.encode("utf-8"))
    main = doc.find("main")
    blocks: list[RawBlock] = []
    if main is None:
        return blocks

    def add(text, kind="paragraph", level=None):
        for part in text.split("\n") if kind != "table" else [text]:
            t = norm_ws(part) if kind != "table" else part
            if t:
                blocks.append(RawBlock(text=t, kind=kind, level=level))

    def inline(el) -> str:
        parts = [el.text or ""]
        for ch in el:
            parts.append("\n" if ch.tag == "lb" else inline(ch))
            parts.append(ch.tail or "")
        return "".join(parts)

    def kind_of(el):
        if el.tag == "head":
            rend = el.get("rend", "h2")
            return "heading", int(rend[1]) if re.fullmatch(r"h[1-6]", rend) else 2
        return ("list_item" if el.tag == "item" else "paragraph"), None

    def walk(el):
        if el.tag == "table":
            cells = [[inline(c) for c in r.iter("cell")] for r in el.iter("row")]
            if _layout_table(cells):  # a page laid out with a table: its cells are paragraphs
                for row in cells:
                    for c in row:
                        add(c)
                return
            rows = ["\t".join(norm_ws(c) for c in row) for row in cells]
            add("\n".join(r for r in rows if r.strip()), "table")
            return
        kind, level = kind_of(el)
        if not any(ch.tag in BLOCKY for ch in el):
            if el.tag not in ("list", "main", "graphic"):
                add(inline(el), kind, level)
            return
        buf = [el.text or ""]
        for ch in el:
            if ch.tag in BLOCKY:
                add("".join(buf), kind, level)
                buf = []
                walk(ch)
            else:
                buf.append("\n" if ch.tag == "lb" else inline(ch))
            buf.append(ch.tail or "")
        add("".join(buf), kind, level)

    walk(main)
    return blocks


def _sentences(blocks: list[RawBlock]) -> int:
    return sum(len(SENT_END_RE.findall(b.text)) for b in blocks)


def main_blocks(raw: str, root=None) -> tuple[list[RawBlock], dict]:
    """trafilatura's main content as blocks, and its metadata (on a copy of `root` when given)."""
    opts = dict(output_format="xml", include_tables=True, include_comments=False, with_metadata=True)
    blocks: list[RawBlock] = []
    meta: dict = {}
    for mode in ({"favor_precision": True}, {"favor_recall": True}):
        try:
            xml = trafilatura.extract(copy.deepcopy(root) if root is not None else raw, **opts, **mode)
        except Exception:  # trafilatura raises on some malformed pages; fall back below
            xml = None
        if not xml:
            continue
        blocks = _xml_blocks(xml)
        head = etree.fromstring(xml.encode("utf-8"))
        meta = {k: head.get(k) for k in ("title", "date", "sitename", "author")}
        if sum(len(b.key) for b in blocks) >= settings()["html_min_article_chars"]:
            break
    return blocks, meta


def locate(raw: str, text: str, cursor: int) -> tuple[Optional[int], Optional[int], int]:
    """Span of `text` (or its first 12 characters) in raw from cursor on, else (None, None)."""
    probe = text[:12]
    i = raw.find(probe, cursor)
    if i < 0:
        return None, None, cursor
    j = raw.find(text, i)
    end = j + len(text) if j == i else i + len(probe)
    return i, end, end


def html_blocks(raw: str) -> tuple[list[RawBlock], list[RawBlock], Page]:
    """(main-content blocks, removed page lines and scripts, page facts)."""
    root = parse(raw)
    page = page_facts(root) if root is not None else Page()
    lines, scripts = visible_lines(root) if root is not None else ([], [])
    page.lines = lines
    blocks, page.traf = main_blocks(raw, root)
    dense = density_blocks(root) if root is not None else None
    n_traf = sum(len(b.key) for b in blocks)
    n_dense = sum(len(b.key) for b in dense or [])
    if dense and (n_dense > settings()["html_density_over_traf"] * n_traf
                  or (n_traf < settings()["html_min_article_chars"] and n_dense > n_traf)
                  or (_sentences(blocks) == 0 and _sentences(dense) >= 1)):
        blocks = dense
        page.extractor = "density"
    if not blocks:
        blocks = [RawBlock(text=t) for t in lines]
        return blocks, [RawBlock(text=s, reason="script") for s in scripts if s], page
    kept_keys = {b.key for b in blocks}
    kept = "\n".join(kept_keys)
    removed: list[RawBlock] = []
    cursor = 0
    for t in lines:
        k = line_key(t)
        if k and (k in kept_keys or (len(k) >= 15 and k in kept)):
            continue
        s, e, cursor = locate(raw, t, cursor)
        removed.append(RawBlock(text=t, start=s, end=e, flags={"chrome"}))
    removed.extend(RawBlock(text=s, reason="script") for s in scripts if s)
    return blocks, removed, page
