"""Document fields: date and source (SPEC.md "Document fields"), one function each; the title is in title.py."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from .blocks import RawBlock, cues, line_key, title_parts
from .classify import is_sentence_like
from .htmlpage import Page

if TYPE_CHECKING:
    from .title import Title

DATE_RE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?:日|(?!\d)|(?=\d{2}:))")
DATETIME_RE = re.compile(r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?")
MONTH_RE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?!\s*\d)")
LABEL_RE = re.compile(r"(文章来源于|来源于|文章来源|稿件来源|信息来源|新闻来源|来源|发布单位|供稿单位|发布机构|学校|单位)\s*[:：]\s*(.*)")
STOP_RE = re.compile(r"(责任编辑|作者|编辑|记者|时间|日期|发布|浏览|点击|阅读|字号|被引量|上传|通讯员|摄影|审核|(?:19|20)\d{2}[-/.年])")
URL_RE = re.compile(r"(https?://|www\.)[\w./?=&%#:~+-]*")
PUBLISHER_TAG_RE = re.compile(r"(?:社|网|报|台|新闻|日报|晚报|发布|在线|客户端|频道|电视|广播|大学|学院|中学|小学|委|局|厅|部|处|中心|"
                              r"协会|学会|政府)$")
DATELINE_RE = re.compile(r"^[（(【\[]?\s*([\u4e00-\u9fff]{1,8}?(?:社|网|报|台|电视台|广播电台))"
                         r"(?:[\u4e00-\u9fff]{1,10}?\d{1,2}月\d{1,2}日)?\s*(?:电|讯)")
DOMAIN_RE = re.compile(r"^[\w.-]+\.[a-z]{2,}$", re.I)
TAIL_REASONS = {"related", "appended-article", "comments"}


@dataclass
class Context:
    fmt: str
    blocks: list[RawBlock]
    front: dict = field(default_factory=dict)
    page: Optional[Page] = None
    chrome: list[RawBlock] = field(default_factory=list)  # page lines outside the extracted main content


def iso_date(s: str) -> Optional[str]:
    if not s:
        return None
    m = DATE_RE.search(s)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= mo <= 12 and 1 <= d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}"
    m = MONTH_RE.search(s)
    if m and 1 <= int(m.group(2)) <= 12:
        return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}"
    return None


def head_blocks(ctx: Context) -> list[RawBlock]:
    """Blocks before the first body paragraph, and metadata blocks outside the tail."""
    out, started = [], False
    for b in ctx.blocks:
        if b.reason in TAIL_REASONS:
            break
        if b.reason is None and is_sentence_like(b) and "pre-core" not in b.flags:
            started = True
        if not started or b.reason in ("metadata", "header"):
            out.append(b)
    return out


def header_lines(ctx: Context, title: Optional[str]) -> list[str]:
    """HTML: the visible lines from the headline down to the article (date, 来源 fields).

    The zone starts at the first line holding the headline other than the <title> line (a
    `栏目--标题` <title> would start it above the menus and 上一篇 links), at most 40 lines.
    """
    if ctx.page is None:
        return []
    lines = ctx.page.lines
    tk = line_key(title or "")
    start = 0
    if tk:  # the first line holding the headline (王文：headline), the <title> only when no other does
        tt = line_key(ctx.page.title_tag)
        title_at = next((i for i, t in enumerate(lines) if line_key(t) == tt), None)
        near = [i for i, t in enumerate(lines) if tk in line_key(t) and len(line_key(t)) <= len(tk) + 12]
        own = [i for i in near if i != title_at]
        start = own[0] if own else (near[0] if near else 0)
    first_body = next((line_key(b.text)[:20] for b in ctx.blocks if b.reason is None and is_sentence_like(b)
                       and b.key != tk), None)
    out = []
    for t in lines[start + 1:start + 40]:
        if first_body and first_body in line_key(t):
            break
        out.append(t)
    return out


def visible_dates(page: Page) -> set[str]:
    """Every full date (ISO) written in a visible line of the page."""
    out = set()
    for t in page.lines:
        for m in DATE_RE.finditer(t):
            d = iso_date(m.group(0))
            if d:
                out.add(d)
    return out


def extract_date(ctx: Context, title: Optional[str] = None) -> Optional[str]:
    """Publication date, ISO.

    Cascade: front matter `date` → HTML meta (article:published_time, pubdate …, JSON-LD
    datePublished) → a date in the header lines under the headline → elements classed date/time
    → trafilatura's date, only when the page shows that day in a visible line (it may have
    guessed it from a URL, a script or the page-generation time) → text: a date in the blocks
    before the body or in a metadata line (日期:, 发布时间 …) → HTML meta dateModified and the like.
    Dates inside the body are not publication dates; a page that states none has date None.
    """
    cands: list[str] = []
    for k in ("date", "publishDate", "published", "pubdate"):
        if ctx.front.get(k):
            cands.append(str(ctx.front[k]))
    if ctx.page is not None:
        cands.append(ctx.page.meta_date)
        cands.extend(header_lines(ctx, title))
        cands.extend(ctx.page.date_elems)
        traf = iso_date(ctx.page.traf.get("date") or "")
        if traf and traf in visible_dates(ctx.page):
            cands.append(traf)
    cands.extend(b.text for b in head_blocks(ctx) if b.reason is not None or ctx.page is None)
    if ctx.page is not None:
        cands.append(ctx.page.meta_updated)
    for c in cands:
        d = iso_date(c)
        if d:
            return d
    return None


def clean_source(v: str) -> Optional[str]:
    v = URL_RE.sub(" ", v)
    v = re.split(r"[|｜]", v)[0]
    m = STOP_RE.search(v)
    if m:
        v = v[:m.start()]
    v = v.strip(" \t:：,，;；。.·-—()（）[]【】")
    tokens = v.split()
    v = tokens[0] if tokens else ""
    return v if 2 <= len(v) <= 30 else None


def _labelled(lines: list[str]) -> Optional[str]:
    for i, t in enumerate(lines):
        m = LABEL_RE.search(t)
        if not m:
            continue
        v = clean_source(m.group(2))
        if v is None and not line_key(m.group(2)) and i + 1 < len(lines):
            v = clean_source(lines[i + 1])
        if v:
            return v
    return None


def _after_date(lines: list[str]) -> Optional[str]:
    """An outlet name written alone right after the date line under the headline (2019年09月07日 / 北京日报)."""
    suffixes = tuple(cues()["media_suffixes"])
    for i, t in enumerate(lines):
        if not iso_date(t) or len(line_key(t)) > 40:
            continue
        rest = DATETIME_RE.sub(" ", t).strip()
        for cand in ([rest] if rest else []) + ([lines[i + 1].strip()] if i + 1 < len(lines) else []):
            if 2 <= len(cand) <= 15 and cand.endswith(suffixes) and not re.search(r"[\d，。：:,\s]", cand):
                return cand
    return None


# the owner a page's footer names: 主办单位：X市人民政府, 主办方：X办公室 (only in removed chrome)
OWNER_RE = re.compile(r"(?:主办单位|主办方|主办)\s*[:：]\s*([\u4e00-\u9fff（）()]{2,30}?)(?=\s|$|[|，,。；;]|承办|协办|备案|版权|地址|电话|技术支持)")


def _site_owner(ctx: Context) -> Optional[str]:
    """Front matter (`X->` title prefix, categories) → the 主办 owner in the page footer →
    og:site_name / trafilatura's sitename → the <title> suffix."""
    t = str(ctx.front.get("title") or "")
    m = re.match(r"^\s*([^>]{2,20})->", t)
    if m:
        return m.group(1).strip()
    cats = ctx.front.get("categories") or []
    for c in cats if isinstance(cats, list) else [cats]:
        if c and not DOMAIN_RE.match(c):
            return c
    if ctx.page is not None:
        for b in [b for b in ctx.blocks if b.reason is not None] + ctx.chrome:
            m = OWNER_RE.search(b.text)
            if m:
                return m.group(1)
        for c in (ctx.page.site_name, ctx.page.traf.get("sitename") or ""):
            if c and not DOMAIN_RE.match(c):
                return c
        parts = title_parts(ctx.page.title_tag)
        if len(parts) >= 2 and 2 <= len(parts[-1].strip()) <= 12:
            return parts[-1].strip()
    return None


def extract_source(ctx: Context, title: Optional[Title] = None) -> Optional[str]:
    """Who published it.

    Cascade: an explicit 来源: / 文章来源于 / 来源于 field (or a 学校: / 单位: field) in the
    metadata lines or the HTML header lines, the name when it also holds a URL → an HTML
    element classed `source` → the publishing account named under the headline (WeChat) → an outlet name alone on the line after the date under the
    headline → a dateline opening the body (新华社北京10月1日电 → 新华社,
    中新网讯 → 中新网) → a 【…】 tag before the title → the site owner in front matter
    (`X->` title prefix, categories) or page chrome (og:site_name, <title> suffix).
    """
    lines = header_lines(ctx, title.text if title else None)
    lines += [b.text for b in head_blocks(ctx)]
    v = _labelled(lines)
    if v:
        return v
    if ctx.page is not None:
        for t in ctx.page.source_elems:
            if not re.search(r"\d", t):
                v = clean_source(LABEL_RE.sub(r"\2", t))
                if v:
                    return v
        if ctx.page.account:
            return ctx.page.account
    v = _after_date(lines)
    if v:
        return v
    body = [b for b in ctx.blocks if b.reason is None and is_sentence_like(b)][:2]
    for b in body:
        m = DATELINE_RE.match(b.text)
        if m and not m.group(1).startswith("本"):
            return m.group(1)
    if title and title.tag and PUBLISHER_TAG_RE.search(title.tag):
        return title.tag   # 【新华社】, 【央视新闻】 (not a topic such as 【全国样板党支部交流活动】)
    return _site_owner(ctx)
