"""Whole HTML pages -> RawBlocks of the main content, plus the page facts the field extractors use.

Main content: trafilatura 2.3.1 (favor_precision; on the corpus pages it kept every gold
keep string and left fewer boilerplate blocks than its default or readability), rerun with
favor_recall when that yields less than `html_min_article_chars` (unless recall glues the
precision paragraphs into one, with the page chrome between them); when trafilatura finds
nothing, the page's visible lines go through the block classifier instead. trafilatura is
given a copy of the page without empty elements that carry a tail (its precision pruning
drops such a tail: a paragraph ended at `<span id="quote_AAPL"></span>`), and a paragraph
that is still only the start of a visible line, cut mid-sentence, takes the whole line. The residue
trafilatura leaves (原标题, 声明, 推荐新闻 lists, share lines) is removed by `classify`.
lxml parses the page once more for what trafilatura does not give: the visible lines (for
`removed` and for the header zone between the headline and the article, where the date and
来源 fields sit), headline elements, meta tags and elements whose class names the source.
"""
from __future__ import annotations

import copy
import re
from datetime import datetime, timedelta, timezone
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
# the elements trafilatura's prune_html deletes when empty (trafilatura.settings.CUT_EMPTY_ELEMS)
EMPTY_PRUNED = ("article", "b", "blockquote", "dd", "div", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6",
                "i", "li", "main", "p", "pre", "q", "section", "span", "strong")
INLINE_PRUNED = {"b", "em", "i", "q", "span", "strong"}
SENT_END_RE = re.compile(r"[。！？!?]")
SENT_END_CHARS = tuple("。！？!?；;…")
XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
META_DATE_KEYS = ("article:published_time", "og:release_date", "publishdate", "pubdate", "publish_date",
                  "release_date", "datepublished", "dc.date", "dc.date.issued", "published_time",
                  "og:published_time", "article:published", "firstpublishedtime", "publishtime", "pubtime",
                  "apub:time", "weibo: article:create_at", "sailthru.date", "datecreated")
# a page's own last change: only when nothing else dates it (not page-generation or crawl times)
META_UPDATE_KEYS = ("datemodified", "dateupdate", "article:modified_time", "og:updated_time", "lastmodifiedtime",
                    "weibo: article:update_at", "dc.date.modified")
LD_DATE_RE = re.compile(r'"(?:datePublished|pubDate|dateCreated)"\s*:\s*"([^"]{8,40})"')
# A publication time kept only in a script variable, as WeChat article pages do (var ct = "<epoch seconds>")
SCRIPT_EPOCH_RE = re.compile(r'\bvar\s+ct\s*=\s*"(1\d{9})"')
# The publishing account of a WeChat article (shown under its headline)
SCRIPT_ACCOUNT_RE = re.compile(r'\bvar\s+nickname\s*=\s*"([^"<>]{1,40})"')
CHINA_TZ = timezone(timedelta(hours=8))


@dataclass
class Page:
    """Page facts for extract_title / extract_date / extract_source."""
    title_tag: str = ""
    headlines: list[str] = field(default_factory=list)  # h1..h3 texts, in page order
    og_title: str = ""
    site_name: str = ""
    meta_date: str = ""  # a publication date in a meta tag or JSON-LD
    account: str = ""  # the publishing account named under the headline (WeChat js_name / nickname)
    meta_updated: str = ""  # a modification date in a meta tag
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
        elif key in META_UPDATE_KEYS and not p.meta_updated:
            p.meta_updated = val
    if not p.meta_date:
        for el in root.xpath("//script[@type='application/ld+json']"):
            m = LD_DATE_RE.search(el.text or "")
            if m:
                p.meta_date = m.group(1)
                break
    if not p.meta_date:
        for el in root.xpath("//script[not(@src)]"):
            m = SCRIPT_EPOCH_RE.search(el.text or "")
            if m:
                p.meta_date = datetime.fromtimestamp(int(m.group(1)), CHINA_TZ).strftime("%Y-%m-%d")
                break
    account = _texts(root, "//*[@id='js_name']", 40)
    if not account:
        for el in root.xpath("//script[not(@src)]"):
            m = SCRIPT_ACCOUNT_RE.search(el.text or "")
            if m:
                account = [norm_ws(m.group(1))]
                break
    p.account = account[0] if account else ""
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


def keep_empty_tails(root):
    """A copy of the page in which no empty element carries text in its tail.

    trafilatura's favor_precision pruning deletes empty elements (text None, no children)
    together with their tail, so `消息，<span><a>苹果</a></span><span id="quote"></span>2019秋季…`
    came out as `消息，苹果`. Empty inline elements are unwrapped here (the tail joins the text
    before it); empty block elements become a <br> (the tail stays on a line of its own).
    """
    tree = copy.deepcopy(root)
    for el in list(tree.iter(*EMPTY_PRUNED)):
        if el.text is None and len(el) == 0 and el.tail and el.tail.strip() and el.getparent() is not None:
            if el.tag in INLINE_PRUNED:
                el.drop_tag()
            else:
                el.tag = "br"
                el.attrib.clear()
    return tree


def main_blocks(raw: str, root=None) -> tuple[list[RawBlock], dict]:
    """trafilatura's main content as blocks, and its metadata (on a copy of `root` when given)."""
    opts = dict(output_format="xml", include_tables=True, include_comments=False, with_metadata=True)
    blocks: list[RawBlock] = []
    meta: dict = {}
    safe = keep_empty_tails(root) if root is not None else None
    for mode in ({"favor_precision": True}, {"favor_recall": True}):
        try:
            xml = trafilatura.extract(copy.deepcopy(safe) if safe is not None else raw, **opts, **mode)
        except Exception:  # trafilatura raises on some malformed pages; fall back below
            xml = None
        if not xml:
            continue
        found = _xml_blocks(xml)
        if blocks and _glued(found, blocks):  # recall's fallback: the whole page as one paragraph
            break
        blocks = found
        head = etree.fromstring(xml.encode("utf-8"))
        meta = {k: head.get(k) for k in ("title", "date", "sitename", "author")}
        if sum(len(b.key) for b in blocks) >= settings()["html_min_article_chars"]:
            break
    return blocks, meta


def _glued(found: list[RawBlock], before: list[RawBlock]) -> bool:
    """`found` glues several of the `before` blocks into one (with the page chrome between them)."""
    keys = [b.key for b in before if len(b.key) >= 10]
    return len(keys) >= 2 and any(sum(k in f.key for k in keys) >= 2 for f in found)


def locate(raw: str, text: str, cursor: int) -> tuple[Optional[int], Optional[int], int]:
    """Span of `text` (or its first 12 characters) in raw from cursor on, else (None, None)."""
    probe = text[:12]
    i = raw.find(probe, cursor)
    if i < 0:
        return None, None, cursor
    j = raw.find(text, i)
    end = j + len(text) if j == i else i + len(probe)
    return i, end, end


def restore_truncated(blocks: list[RawBlock], lines: list[str]) -> None:
    """Give a paragraph cut off mid-sentence back the rest of its visible line (in place).

    A trafilatura paragraph that is not a visible line of its own but the start of exactly one,
    ending inside a sentence, whose rest no other kept block holds, lost text at an inline
    element (see keep_empty_tails): it takes the whole line.
    """
    line_keys = [line_key(t) for t in lines]
    whole = set(line_keys)
    kept = "\n".join(b.key for b in blocks)
    for b in blocks:
        k = b.key
        if b.kind != "paragraph" or len(k) < 10 or k in whole or k.endswith(SENT_END_CHARS):
            continue
        hits = [i for i, lk in enumerate(line_keys) if len(lk) > len(k) and lk.startswith(k)]
        if len(hits) == 1 and line_keys[hits[0]][len(k):] not in kept:
            b.text = lines[hits[0]]


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
    if page.extractor == "trafilatura":
        restore_truncated(blocks, lines)
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
