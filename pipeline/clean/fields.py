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
    chrome: list[RawBlock] = field(default_factory=list)  # page lines outside the extracted main content


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


TITLE_SEP_RE = re.compile(r"\s*(?:-{2,}|—{2,}|[|｜_]+)\s*|\s+[-—–]\s+")
TAIL_HYPHEN_RE = re.compile(r"(?<=[^\s\-—–\d])[-—–]([^-—–\s][^-—–]{1,14})$")
OWNER_LINE_RE = re.compile(r"版权所有|copyright|©|\(c\)|（c）|主办|主管|all rights reserved", re.I)
OWNER_NOISE_RE = re.compile(r"版权所有|主办单位|承办单位|主管单位|主办|承办|主管|技术支持|地址|电话|传真|邮编|邮政编码|备案|未经|授权|禁止|转载")
CRUMB_SEP_RE = re.compile(r"\s*(?:[>»›/|｜]|\s-\s|-{2,})\s*")
HEADLINE_END = tuple("，,：:、。；;")
HOME_LINK_RE = re.compile(r"^(?:返回|进入)?([\u4e00-\u9fff]{2,10}?)首页")


def title_parts(t: str) -> list[str]:
    """A <title> split at its separators: `标题--站名`, `标题_栏目_站名`, `标题 | 站名`, `标题-栏目-站名`.

    A single hyphen without spaces separates only short trailing parts (2 to 15 characters)
    after a head of at least 6 (1-10月德清县… and 中美-欧盟峰会 stay whole).
    """
    parts = [p.strip() for p in TITLE_SEP_RE.split(t.strip()) if p and p.strip()]
    if not parts:
        return parts
    tail: list[str] = []
    head = parts[-1]
    while True:
        m = TAIL_HYPHEN_RE.search(head)
        if not m or len(line_key(head[:m.start()])) < 6:
            break
        tail.insert(0, m.group(1).strip())
        head = head[:m.start()].strip()
    return parts[:-1] + [head] + tail


def chrome_names(page: Page) -> tuple[set[str], set[str]]:
    """(names of the site and its owner seen in the page chrome, breadcrumb/menu segments).

    Names: og:site_name, trafilatura's site name (not a domain), the names in copyright /
    主办 lines (版权所有：© 2001-2012 中国地理学会 → 中国地理学会) and home links (返回人民网首页
    → 人民网). Segments: the pieces of breadcrumb and menu lines (首页 - 新闻动态 → 新闻动态).
    """
    names = {line_key(n) for n in (page.site_name, page.traf.get("sitename") or "") if n and not DOMAIN_RE.match(n)}
    crumbs: set[str] = set()
    title = line_key(page.title_tag)
    for t in page.lines:
        k = line_key(t)
        if not k or k == title:
            continue
        if len(k) <= 80 and OWNER_LINE_RE.search(t):
            names.update(r for r in re.findall(r"[\u4e00-\u9fff]{3,20}", OWNER_NOISE_RE.sub(" ", t)))
        if len(k) <= 60 and CRUMB_SEP_RE.search(t):  # the last piece may be the headline itself: short ones only
            segs = [line_key(x) for x in CRUMB_SEP_RE.split(t)]
            crumbs.update(x for x in segs[:-1] if 2 <= len(x) <= 12)
            crumbs.update(x for x in segs[-1:] if 2 <= len(x) <= 6)
        if len(k) <= 20:
            names.update(HOME_LINK_RE.findall(k))
    return {n for n in names if len(n) >= 2}, crumbs


def is_site_part(part: str, names: set[str], crumbs: set[str]) -> bool:
    """A <title> part naming the site, its owner or a column rather than the headline."""
    k = line_key(part)
    if not k or len(k) > 20:
        return False
    if k in crumbs:
        return True
    for piece in {k, line_key(re.split(r"[，,]", part)[0])}:  # 明日大盘网，权威股市行情资讯网站
        for n in names:
            if n == piece or (n in piece and 2 * len(n) >= len(piece)) or (piece in n and 2 * len(piece) >= len(n)):
                return True
    return False


def strip_site(t: str, names: set[str], crumbs: set[str]) -> str:
    """A <title>-like string without its site/column parts (the longest part left), "" if none is left."""
    t = re.sub(r"^[^>]{1,20}->\s*", "", t.strip())
    parts = title_parts(t)
    if parts:  # `标题，站名`: a comma before the site name only
        head, comma, last = parts[-1].rpartition("，")
        if comma and len(line_key(head)) >= 4 and is_site_part(last, names, set()):
            parts[-1] = head
    if len(parts) <= 1:
        return parts[0] if parts else t
    left = [p for p in parts if not is_site_part(p, names, crumbs)]
    return max(left, key=len) if left else ""


def _headline_above_byline(ctx: Context) -> str:
    """The line right above the date / 来源 line that heads the article body (HTML pages)."""
    lines = ctx.page.lines
    first = next((b.key[:20] for b in ctx.blocks if b.reason is None and is_sentence_like(b)), None)
    if not first:
        return ""
    at = next((i for i, t in enumerate(lines) if first in line_key(t)), None)
    if at is None:
        return ""
    for i in range(at - 1, max(at - 6, 0), -1):
        t = lines[i]
        if DATE_RE.search(t) or LABEL_RE.search(t):
            cand = lines[i - 1]
            k = line_key(cand)
            if 6 <= len(k) <= settings()["title_max_len"] and not k.endswith(HEADLINE_END) and not CRUMB_SEP_RE.search(cand):
                return cand
            return ""
    return ""


def _html_title(ctx: Context) -> str:
    page = ctx.page
    tt = line_key(page.title_tag)
    for h in page.headlines:
        k = line_key(h)
        if len(k) >= 6 and tt and (k in tt or tt in k):
            return h
    # the headline as a line of its own that the <title> (headline + site name) starts with,
    # not shorter than any other part of the <title> (`栏目_标题` starts with its column)
    best = ""
    full = norm_ws(page.title_tag)
    parts = title_parts(page.title_tag)
    for t in page.lines:
        k = line_key(t)
        rest = full[len(t):] if full.startswith(t) else None
        if (rest and 6 <= len(k) and len(k) > len(line_key(best))
                and (rest[0] in "_|｜-—–" or (rest[0] == " " and len(rest.strip()) <= 15))
                and all(len(line_key(p)) <= len(k) for p in parts if not line_key(p).startswith(k))):
            best = t
    if best:
        return best
    names, crumbs = chrome_names(page)
    if len(parts) >= 2:
        # the <title>'s longest part but the site's is a line of its own (`栏目--标题`, the headline on the page)
        left = [p for p in parts if not is_site_part(p, names, crumbs)]
        longest = max(left, key=len) if left else ""
        if len(line_key(longest)) >= 6 and any(line_key(t) == line_key(longest) for t in page.lines):
            return longest
        if all(is_site_part(p, names, crumbs) for p in parts):  # `栏目--站名`: the headline is on the page only
            line = _headline_above_byline(ctx)
            if line:
                return line
    for cand in (page.og_title, page.traf.get("title") or "", page.title_tag):
        if cand:
            t = strip_site(cand, names, crumbs)
            if t:
                return t
    return ""


def _text_title(blocks: list[RawBlock]) -> tuple[str, Optional[int], Optional[int]]:
    """(headline, its block, a `headline_site` line it repeats) of a text copy."""
    first = next((i for i, b in enumerate(blocks) if b.reason is None), None)
    head = [] if first is None else [first]  # the first line (a long `headline_site` too) and the short lines under it
    for i, b in enumerate(blocks[first + 1:] if first is not None else [], start=(first or 0) + 1):
        if b.reason is None:
            if is_sentence_like(b) and "pre-core" not in b.flags:
                break
            head.append(i)
    if first is None or not _title_like(blocks[first]) or not any(b.reason is None for b in blocks[first + 1:]):
        return "", None, None
    parts = title_parts(blocks[first].text)
    if len(parts) >= 2:
        want = line_key(max(parts, key=len))
        for i in head[1:]:
            if blocks[i].key == want:
                return blocks[i].text, i, first
        full = blocks[first].text
        for i in head[1:]:  # `标题 东区办事处_中山网` over a lone `标题` line
            t = blocks[i].text
            rest = full[len(t):] if full.startswith(t) else ""
            k = blocks[i].key
            if (len(k) >= 6 and rest and (rest[0] in "_|｜-—–" or (rest[0] == " " and len(rest.strip()) <= 15))
                    and all(len(line_key(p)) <= len(k) for p in parts if not line_key(p).startswith(k))):
                return t, i, first
        if "_" in blocks[first].text:  # 标题_栏目_站名: an underscore is not headline punctuation
            return max(parts, key=len).strip(), first, None
    return blocks[first].text, first, None


def extract_title(ctx: Context) -> Title:
    """The headline, without column prefix or site name.

    Cascade: Markdown front matter `title` (site prefix `X->` and suffix `| site` dropped) →
    HTML: the first h1–h3 that the <title> contains, else the longest page line that the
    <title> starts with, else the longest part of the <title> (split at -- _ | -) that does not
    name the site when it is a page line,
    else (a <title> of only column and site names) the line above the date / 来源 line over the
    body, else og:title / trafilatura's title / <title> without the parts that name the site,
    its owner or a column as the page chrome does (copyright line, og:site_name, breadcrumb,
    `，站名`) → text: the first article block when it is short and does not end like a clause
    (a long first paragraph means there is no title); when that line is `headline_site name`
    (or `headline 栏目_site`) and the headline recurs alone below it, the lone line. Then a 【…】 tag
    (kept for extract_source), `X|` and `X：` prefixes are stripped.
    """
    raw, index, dup = "", None, None
    if ctx.front.get("title"):
        raw = _site_strip(str(ctx.front["title"]))
    elif ctx.page is not None:
        raw = _html_title(ctx)
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
    if title and title.tag:
        return title.tag
    return _site_owner(ctx)
