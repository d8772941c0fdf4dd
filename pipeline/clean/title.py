"""The document title (SPEC.md "Document fields"): `extract_title` and the helpers that strip a
site name, a column or a 【…】 tag from a headline."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .blocks import RawBlock, line_key, norm_ws, settings, title_parts
from .classify import CLAUSE_END, ENUM_RE, is_sentence_like
from .fields import DATE_RE, DOMAIN_RE, LABEL_RE, Context
from .htmlpage import Page

TAG_RE = re.compile(r"^\s*【([^】]{1,20})】\s*")
BRACKET_RE = re.compile(r"^\s*\[[^\]]{1,12}\]\s*")
COLUMN_RE = re.compile(r"^([^|｜:：，。,\s]{1,12})\s*[|｜]\s*(?=\S)")
SPEAKER_RE = re.compile(r"^([^|｜:：，。,、\s“”\"]{1,8})[:：]\s*(?=\S)")
SITE_SPLIT_RE = re.compile(r"\s*[|｜_]\s*|\s+[-—–]+\s+|(?<=[^\s-])[-—–](?=[^-—–]{2,12}$)")
OWNER_LINE_RE = re.compile(r"版权所有|copyright|©|\(c\)|（c）|主办|主管|all rights reserved", re.I)
OWNER_NOISE_RE = re.compile(r"版权所有|主办单位|承办单位|主管单位|主办|承办|主管|技术支持|地址|电话|传真|邮编|邮政编码|备案|未经|授权|禁止|转载")
CRUMB_SEP_RE = re.compile(r"\s*(?:[>»›/|｜]|\s-\s|-{2,})\s*")
HEADLINE_END = tuple("，,：:、。；;")
HOME_LINK_RE = re.compile(r"^(?:返回|进入)?([\u4e00-\u9fff]{2,10}?)首页")


@dataclass
class Title:
    text: Optional[str] = None
    index: Optional[int] = None  # the block that is the title line, when it is in the body
    tag: Optional[str] = None  # a 【…】 tag written before the headline
    duplicate: Optional[int] = None  # a page-title line (headline + site name) the headline repeats


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
    if m and len(t) - m.end() >= 8 and len(m.group(1)) <= 5 and m.group(1)[-1] not in "部局委院会厅办府处署所":
        t = t[m.end():]   # 快讯：…, 视频：… (not 交通运输部：…, who speaks, nor 海螺沟寻子一个月：…, part of the headline)
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
