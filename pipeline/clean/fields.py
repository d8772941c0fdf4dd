"""Document fields: title, date, source (SPEC.md "Document fields"), one function each."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from .blocks import RawBlock, cues, line_key, norm_ws, settings
from .classify import CLAUSE_END, ENUM_RE, is_sentence_like
from .htmlpage import Page

DATE_RE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?:日|(?!\d)|(?=\d{2}:))")
DATETIME_RE = re.compile(r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?")
MONTH_RE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?!\s*\d)")
LABEL_RE = re.compile(r"(文章来源于|来源于|文章来源|稿件来源|信息来源|新闻来源|来源|发布单位|供稿单位|发布机构|学校|单位)\s*[:：]\s*(.*)")
STOP_RE = re.compile(r"(责任编辑|作者|编辑|记者|时间|日期|发布|浏览|点击|阅读|字号|被引量|上传|通讯员|摄影|审核|(?:19|20)\d{2}[-/.年])")
URL_RE = re.compile(r"(https?://|www\.)[\w./?=&%#:~+-]*")
DATELINE_RE = re.compile(r"^[（(【\[]?\s*([\u4e00-\u9fff]{1,8}?(?:社|网|报|台|电视台|广播电台))"
                         r"(?:[\u4e00-\u9fff]{1,10}?\d{1,2}月\d{1,2}日)?\s*(?:电|讯)")
TAG_RE = re.compile(r"^\s*【([^】]{1,20})】\s*")
BRACKET_RE = re.compile(r"^\s*\[[^\]]{1,12}\]\s*")
COLUMN_RE = re.compile(r"^([^|｜:：，。,\s]{1,12})\s*[|｜]\s*(?=\S)")
SPEAKER_RE = re.compile(r"^([^|｜:：，。,、\s“”\"]{1,8})[:：]\s*(?=\S)")
SITE_SPLIT_RE = re.compile(r"\s*[|｜_]\s*|\s+[-—–]+\s+|(?<=[^\s-])[-—–](?=[^-—–]{2,12}$)")
DOMAIN_RE = re.compile(r"^[\w.-]+\.[a-z]{2,}$", re.I)
TAIL_REASONS = {"related", "appended-article", "comments"}


@dataclass
class Context:
    fmt: str
    blocks: list[RawBlock]
    front: dict = field(default_factory=dict)
    page: Optional[Page] = None


@dataclass
class Title:
    text: Optional[str] = None
    index: Optional[int] = None  # the block that is the title line, when it is in the body
    tag: Optional[str] = None  # a 【…】 tag written before the headline
    duplicate: Optional[int] = None  # a page-title line (headline + site name) the headline repeats


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


def clean_title(t: str) -> tuple[str, Optional[str]]:
    """Strip a 【…】 tag, a `X|` column prefix and a short `X：` column or speaker prefix."""
    tag = None
    t = t.strip()
    m = TAG_RE.match(t)
    if m and len(t) - m.end() >= 4:
        tag, t = m.group(1).strip(), t[m.end():]
    m = BRACKET_RE.match(t)
    if m and len(t) - m.end() >= 6:
        t = t[m.end():]
    m = COLUMN_RE.match(t)
    if m and len(t) - m.end() >= 6:
        t = t[m.end():]
    m = SPEAKER_RE.match(t)
    if m and len(t) - m.end() >= 8:
        t = t[m.end():]
    return t.strip(), tag


def _site_strip(t: str) -> str:
    """Drop site names around a <title>/front-matter title: `站名->标题 | site`, `标题_新浪网`."""
    t = re.sub(r"^[^>]{1,20}->\s*", "", t.strip())
    parts = [p for p in SITE_SPLIT_RE.split(t) if p and p.strip()]
    return max(parts, key=len).strip() if parts else t


def _title_like(b: RawBlock) -> bool:
    k = b.key
    s = settings()
    return (b.reason is None and s["title_min_len"] <= len(k) <= s["title_max_len"]
            and not k.endswith(CLAUSE_END) and not ENUM_RE.match(k) and b.kind != "table")


def _html_title(page: Page) -> str:
    tt = line_key(page.title_tag)
    for h in page.headlines:
        k = line_key(h)
        if len(k) >= 6 and tt and (k in tt or tt in k):
            return h
    # the headline as a line of its own that the <title> (headline + site name) starts with
    best = ""
    full = norm_ws(page.title_tag)
    for t in page.lines:
        k = line_key(t)
        rest = full[len(t):] if full.startswith(t) else None
        if (rest and 6 <= len(k) and len(k) > len(line_key(best))
                and (rest[0] in "_|｜-—–" or (rest[0] == " " and len(rest.strip()) <= 15))):
            best = t
    if best:
        return best
    for cand in (page.og_title, page.traf.get("title") or "", page.title_tag):
        if cand:
            return _site_strip(cand)
    return ""


def _text_title(blocks: list[RawBlock]) -> tuple[str, Optional[int], Optional[int]]:
    """(headline, its block, a `headline_site` line it repeats) of a text copy."""
    head = []
    for i, b in enumerate(blocks):
        if b.reason is None:
            if is_sentence_like(b) and "pre-core" not in b.flags:
                break
            head.append(i)
    first = next((i for i, b in enumerate(blocks) if b.reason is None), None)
    if first is None or not _title_like(blocks[first]) or not any(b.reason is None for b in blocks[first + 1:]):
        return "", None, None
    parts = [p for p in SITE_SPLIT_RE.split(blocks[first].text) if p.strip()]
    if len(parts) >= 2:
        want = line_key(max(parts, key=len))
        for i in head[1:]:
            if blocks[i].key == want:
                return blocks[i].text, i, first
        if "_" in blocks[first].text:  # 标题_栏目_站名: an underscore is not headline punctuation
            return max(parts, key=len).strip(), first, None
    return blocks[first].text, first, None


def extract_title(ctx: Context) -> Title:
    """The headline, without column prefix or site name.

    Cascade: Markdown front matter `title` (site prefix `X->` and suffix `| site` dropped) →
    HTML: the first h1–h3 that the <title> contains, else the longest page line that the
    <title> starts with, else og:title / trafilatura's title /
    <title> without its site part → text: the first article block when it is short and does
    not end like a clause (a long first paragraph means there is no title); when that line is
    `headline_site name` and the headline recurs alone below it, the lone line. Then a 【…】 tag
    (kept for extract_source), `X|` and `X：` prefixes are stripped.
    """
    raw, index, dup = "", None, None
    if ctx.front.get("title"):
        raw = _site_strip(str(ctx.front["title"]))
    elif ctx.page is not None:
        raw = _html_title(ctx.page)
    else:
        raw, index, dup = _text_title(ctx.blocks)
    if not raw:
        return Title()
    text, tag = clean_title(raw)
    if index is None:  # the body may repeat the headline as its first block
        for i, b in enumerate(ctx.blocks):
            if b.reason is None:
                if line_key(clean_title(b.text)[0]) == line_key(text) or b.key == line_key(raw):
                    index = i
                break
    return Title(text=text or None, index=index, tag=tag, duplicate=dup if ctx.page is None and not ctx.front else None)


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
    """HTML: the visible lines from the headline down to the article (date, 来源 fields)."""
    if ctx.page is None:
        return []
    lines = ctx.page.lines
    tk = line_key(title or "")
    start = 0
    if tk:
        for i, t in enumerate(lines):
            if tk in line_key(t) and len(line_key(t)) <= len(tk) + 12:
                start = i
                break
    first_body = next((line_key(b.text)[:20] for b in ctx.blocks if b.reason is None and is_sentence_like(b)
                       and b.key != tk), None)
    out = []
    for t in lines[start + 1:start + 40]:
        if first_body and first_body in line_key(t):
            break
        out.append(t)
    return out


def extract_date(ctx: Context, title: Optional[str] = None) -> Optional[str]:
    """Publication date, ISO.

    Cascade: front matter `date` → HTML meta (article:published_time, pubdate …) → a date in
    the header lines under the headline → elements classed date/time → trafilatura's date →
    text: a date in the blocks before the body or in a metadata line (日期:, 发布时间 …).
    Dates inside the body are not publication dates.
    """
    cands: list[str] = []
    for k in ("date", "publishDate", "published", "pubdate"):
        if ctx.front.get(k):
            cands.append(str(ctx.front[k]))
    if ctx.page is not None:
        cands.append(ctx.page.meta_date)
        cands.extend(header_lines(ctx, title))
        cands.extend(ctx.page.date_elems)
        cands.append(ctx.page.traf.get("date") or "")
    cands.extend(b.text for b in head_blocks(ctx) if b.reason is not None or ctx.page is None)
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


def _site_owner(ctx: Context) -> Optional[str]:
    t = str(ctx.front.get("title") or "")
    m = re.match(r"^\s*([^>]{2,20})->", t)
    if m:
        return m.group(1).strip()
    cats = ctx.front.get("categories") or []
    for c in cats if isinstance(cats, list) else [cats]:
        if c and not DOMAIN_RE.match(c):
            return c
    if ctx.page is not None:
        for c in (ctx.page.site_name, ctx.page.traf.get("sitename") or ""):
            if c and not DOMAIN_RE.match(c):
                return c
        parts = [p for p in SITE_SPLIT_RE.split(ctx.page.title_tag.strip()) if p.strip()]
        if len(parts) >= 2 and 2 <= len(parts[-1].strip()) <= 12:
            return parts[-1].strip()
    return None


def extract_source(ctx: Context, title: Optional[Title] = None) -> Optional[str]:
    """Who published it.

    Cascade: an explicit 来源: / 文章来源于 / 来源于 field (or a 学校: / 单位: field) in the
    metadata lines or the HTML header lines, the name when it also holds a URL → an HTML
    element classed `source` → an outlet name alone on the line after the date under the
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
    v = _after_date(lines)
    if v:
        return v
    body = [b for b in ctx.blocks if b.reason is None and is_sentence_like(b)][:2]
    for b in body:
        m = DATELINE_RE.match(b.text)
        if m and not m.group(1).startswith("本"):
            return m.group(1)
    if title and title.tag:
        return title.tag
    return _site_owner(ctx)
