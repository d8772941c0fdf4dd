"""DATE mentions and their ISO values.

Explicit calendar dates and years (2022年10月21日, 2022/10/21, 2022-10-21, 2022年,
2022年9月, 2022-2023学年, 2008年2月至2009年1月, 5月14日, 25日 in a dated report).
A single day, month or year gets an ISO value; a date without its year takes it
from 今年/去年/明年 before it, else from the nearest year written before it, else
from the publication date (SPEC); a year two or more years off the publication year,
written in an earlier paragraph, is a historical reference and dates nothing after it
(1994年… ¶ 5月28日 in a 2020 article is 2020-05-28, as the gold annotators read it). Vague parts (6月底), cohorts (2019级) and
relative phrases are not dates.
"""
from __future__ import annotations

import re

FULLWIDTH = str.maketrans("０１２３４５６７８９／－．～", "0123456789/-.~")
CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "О": 0}

Y = r"(?:19|20)\d{2}"
M = r"(?:1[0-2]|0?[1-9])"
D = r"(?:3[01]|[12]\d|0?[1-9])"
SEP = r"\s*[至到—–\-~－～]\s*"
_NOT_AFTER = r"(?![\d级届])"
# after a bare year: an edition, a unit or a qualifier makes it something else (2020版, 2000多名, 2000亿元)
BARE_YEAR_NOT_BEFORE = "版年级届月日号余多名人位次个项件篇所家户元万亿千百吨米台套场份张册条期批组支"
# after a day: no digit, unless it starts a clock time (6月24日12时55分, 5日9:30)
_DAY_END = r"(?!\d(?!\d*[时点:：]))"

PATTERNS = [
    # ranges first (no single value)
    ("range", re.compile(rf"(?<!\d){Y}年(?:{M}月(?:{D}日)?)?{SEP}(?:{Y}年)?(?:{M}月)(?:{D}日)?(?!\d)")),
    ("range", re.compile(rf"(?<!\d){Y}年{M}月{D}日?{SEP}{D}日(?!\d)")),   # 2022年7月17日~18日
    ("range", re.compile(rf"(?<!\d){Y}{SEP}{Y}(?:学年度|学年|年度|年)(?:第[一二]学期)?")),
    ("range", re.compile(rf"(?<!\d){Y}年{SEP}{Y}年{_NOT_AFTER}")),
    ("range", re.compile(rf"(?<![\d年])(?:{M})月{D}日?{SEP}{D}日(?!\d)")),
    ("range", re.compile(rf"(?<!\d)(?:{Y}年)?{M}{SEP}{M}月份?(?![\d底初末中旬])")),
    ("range", re.compile(rf"(?<![\d年/.\-~～])(?:{M})月(?:{D}[日号])?{SEP}(?:{M})月(?:{D}[日号])?(?![\d底初末中旬])")),
    ("range", re.compile(rf"(?<!\d月)(?<![\d/.\-~～第每近约超逾满])(?:{D})[日号]{SEP}(?:{D})[日号](?!\d|内|以内|之内)")),
    ("cn_ymd", re.compile(r"(?<!\d)([〇○零一二三四五六七八九]{4}|(?:19|20)\d{2})年(十[一二]?|[一二三四五六七八九])月(三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九]|二十)[日号]")),
    ("cn_ym", re.compile(r"([〇○零一二三四五六七八九]{4})年(十[一二]?|[一二三四五六七八九])月(?![底初末中旬份])")),
    ("cn_ym", re.compile(rf"(?<!\d)({Y})年(十[一二]?|[一二三四五六七八九])月份?(?![底初末中旬])")),
    ("ymd", re.compile(rf"(?<!\d)({Y})年({M})月({D})[日号]{_DAY_END}")),
    ("ymd", re.compile(rf"(?<![\d./-])({Y})[/.\-]({M})[/.\-]({D})(?![\d./-])")),
    ("ym", re.compile(rf"(?<!\d)({Y})年({M})月(?![\d底初末中旬份])")),
    ("ym", re.compile(rf"(?<!\d)({Y})年({M})月份")),
    ("y", re.compile(rf"(?<!\d)({Y})(?:年度|年)(?![\d级届底末初])")),   # 2007年末, 2022年底: a vague part of the year
    # the first years of a list that shares one 年 (2013、2014年)
    ("y", re.compile(rf"(?<![\d./\-])({Y})(?=(?:[、和及与]{Y})*[、和及与]{Y}(?:年度|年)(?![\d级届]))")),
    # a bare year naming an event, a season or a campaign (2019云栖大会, 2022“越崎论坛”), not an edition (2020版)
    ("y", re.compile(rf"(?<![\d./\-:：#〔\[（(A-Za-z])({Y})(?=[\u4e00-\u9fff“\"「—])(?![{BARE_YEAR_NOT_BEFORE}]|本(?!科))")),
    ("rel_md", re.compile(rf"(今年|本年|去年|上年|明年)({M})月(?:({D})[日号]|份(?![底初末中旬]))?(?![\d底初末中旬份])")),
    ("md", re.compile(rf"(?<!\d年)(?<![\d/.\-])({M})月({D})[日号]{_DAY_END}")),
    ("m", re.compile(rf"(?<![\d年/.\-~～])({M})月(?:份(?![\d底初末中旬]))?(?![\d底初末中旬份日号])")),
    ("cn_y", re.compile(r"([〇○零一二三四五六七八九]{4})年(?![级届])")),
    ("cn_m", re.compile(r"(?<![〇○零一二三四五六七八九十百年第每个])(十[一二]?|[一二三四五六七八九])月份(?![底初末中旬])")),
    ("d", re.compile(rf"(?<!\d年)(?<!\d月)(?<![\d/.\-第每近约超逾满后前])({D})日(?!内|以内|之内)")),
]
RELATIVE_YEAR = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "明年": 1, "次年": None}


def _iso(y, m=None, d=None) -> str:
    out = f"{int(y):04d}"
    if m is not None:
        out += f"-{int(m):02d}"
        if d is not None:
            out += f"-{int(d):02d}"
    return out


def _pub(pub_date):
    if not pub_date:
        return None, None
    parts = pub_date.split("-")
    return int(parts[0]), (int(parts[1]) if len(parts) > 1 else None)


# format characters copied from web pages (soft hyphen, zero-width space/joiners, BOM): 5月26\u00ad日\u00ad—27日
INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")


def find_dates(text: str, pub_date: str | None, taken=None) -> list[tuple[int, int, str, str | None]]:
    """(start, end, 'DATE', value) for every date mention, left to right, non-overlapping; invisible format
    characters inside a date are read through and kept in its span."""
    if not INVISIBLE.search(text):
        return _find_dates(text, pub_date, taken)
    keep = [i for i, c in enumerate(text) if not INVISIBLE.match(c)] + [len(text)]
    def back(s, e):
        return keep[s], keep[e - 1] + 1
    seen = (lambda s, e: taken(*back(s, e))) if taken else None
    visible = "".join(text[i] for i in keep[:-1])
    return [(*back(s, e), label, value) for s, e, label, value in _find_dates(visible, pub_date, seen)]


def _find_dates(text: str, pub_date: str | None, taken=None) -> list[tuple[int, int, str, str | None]]:
    norm = text.translate(FULLWIDTH)
    raw = []
    for kind, rx in PATTERNS:
        for m in rx.finditer(norm):
            raw.append((m.start(), m.end(), kind, m))
    raw.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    chosen, last_end = [], -1
    for s, e, kind, m in raw:
        if s < last_end or (taken and taken(s, e)):
            continue
        chosen.append((s, e, kind, m))
        last_end = e
    pub_y, pub_m = _pub(pub_date)
    out, ctx_y, ctx_m, ctx_end = [], None, None, 0
    for s, e, kind, m in chosen:
        value = None
        if ctx_y and pub_y and abs(ctx_y - pub_y) >= 2 and "\n" in norm[ctx_end:s]:
            ctx_y, ctx_m = None, None   # a historical year of an earlier paragraph does not date this one
        if kind not in ("md", "d", "m", "cn_m"):
            ctx_end = e
        if kind == "ymd":
            value = _iso(m.group(1), m.group(2), m.group(3)); ctx_y, ctx_m = int(m.group(1)), int(m.group(2))
        elif kind == "ym":
            value = _iso(m.group(1), m.group(2)); ctx_y, ctx_m = int(m.group(1)), int(m.group(2))
        elif kind == "y":
            value = _iso(m.group(1)); ctx_y = int(m.group(1))
        elif kind == "cn_y":
            value = _iso("".join(str(CN_DIGITS[c]) for c in m.group(1))); ctx_y = int(value)
        elif kind == "range":
            years = re.findall(Y, m.group(0))
            months = re.findall(r"(\d{1,2})月", m.group(0))
            span = len(years) == 2 and not months and int(years[1]) - int(years[0]) == 1
            if years and not span:
                ctx_y = int(years[-1])   # 2022-2023年 (an academic or working year) dates nothing after it
            if months:
                ctx_m = int(months[-1])
        elif kind in ("cn_ymd", "cn_ym"):
            y = m.group(1) if m.group(1).isdigit() else "".join(str(CN_DIGITS[c]) for c in m.group(1))
            mo = _cn_num(m.group(2))
            d = _cn_num(m.group(3)) if kind == "cn_ymd" else None
            value = _iso(y, mo, d); ctx_y, ctx_m = int(y), mo
        elif kind == "rel_md":
            if pub_y:
                year = pub_y + RELATIVE_YEAR[m.group(1)]
                value = _iso(year, m.group(2), m.group(3))
                ctx_y, ctx_m = year, int(m.group(2))
        elif kind in ("m", "cn_m"):
            rel = _relative_year(norm, s)
            year = (pub_y + rel) if (rel is not None and pub_y) else (ctx_y or pub_y)
            month = int(m.group(1)) if kind == "m" else _cn_num(m.group(1))
            value = _iso(year, month) if year else None
            ctx_m = month
        elif kind in ("md", "d"):
            rel = _relative_year(norm, s)
            year = (pub_y + rel) if (rel is not None and pub_y) else (ctx_y or pub_y)
            if kind == "md":
                month = int(m.group(1))
                value = _iso(year, month, m.group(2)) if year else None
                ctx_m = month
            else:
                month = ctx_m or pub_m
                value = _iso(year, month, m.group(1)) if (year and month) else None
        out.append((s, e, "DATE", value))
    return out


def _cn_num(t: str) -> int:
    """一 .. 三十一 written with Chinese numerals."""
    if "十" not in t:
        return CN_DIGITS[t]
    a, _, b = t.partition("十")
    return (CN_DIGITS[a] if a else 1) * 10 + (CN_DIGITS[b] if b else 0)


def _relative_year(norm: str, start: int):
    before = norm[max(0, start - 2):start]
    return RELATIVE_YEAR.get(before)
