"""The segment stage's data, loaded once: marker patterns, thresholds, non-heading line patterns."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

RES = Path(__file__).resolve().parent.parent / "resources"

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


@dataclass(frozen=True)
class MarkerPattern:
    kind: str
    scope: str  # "line" (at the start of a line) or "inline" (at the start of a clause)
    numeral: str  # cn | arabic | circled | order | none
    regex: re.Pattern
    heading_only: bool = False  # 第一章 / 第一条: only when followed by a space or on a short line
    bare: bool = False  # the line holds only the numeral (1 / 01 / 一 as a heading): title ""
    needs_run: bool = False  # counts only in a run of two or more (1 then 2, 一， then 二，)
    loose_first: bool = False  # 首先 may also follow its subject (张教授首先…) when a sequence follows


@dataclass(frozen=True)
class Settings:
    raw: dict

    def __getattr__(self, name):
        try:
            return self.raw[name]
        except KeyError as e:
            raise AttributeError(name) from e


@lru_cache(maxsize=1)
def patterns() -> tuple[MarkerPattern, ...]:
    out = []
    for line in (RES / "segment_markers.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            out.append(MarkerPattern(kind=d["kind"], scope=d["scope"], numeral=d["numeral"],
                                     regex=re.compile(d["regex"]),
                                     heading_only=d.get("heading_only", False),
                                     bare=d.get("bare", False), needs_run=d.get("needs_run", False),
                                     loose_first=d.get("loose_first", False)))
    return tuple(out)


@lru_cache(maxsize=None)
def pattern_of(kind) -> MarkerPattern | None:
    return next((p for p in patterns() if p.kind == kind), None)


@lru_cache(maxsize=1)
def settings() -> Settings:
    return Settings(json.loads((RES / "segment_settings.json").read_text(encoding="utf-8")))


LATIN_END = ".*[A-Za-z]$"


@lru_cache(maxsize=2)
def not_heading_re(latin_end: bool = True) -> re.Pattern:
    """Lines that are never marker-less headings; latin_end=False keeps a line ending in a Latin
    word (a subheading under a bare numeral: 首席投资官：Rick Rieder)."""
    lines = [l.strip() for l in (RES / "segment_not_headings.txt").read_text(encoding="utf-8").splitlines()]
    alts = [l for l in lines if l and not l.startswith("#") and (latin_end or l != LATIN_END)]
    return re.compile("|".join(f"(?:{a})" for a in alts))


def cn_number(s: str) -> int | None:
    """一 → 1, 十 → 10, 十二 → 12, 二十三 → 23, 一百零五 → 105; None if not a Chinese numeral."""
    if not s or any(ch not in CN_DIGITS and ch not in "十百" for ch in s):
        return None
    total, cur = 0, 0
    for ch in s:
        if ch == "百":
            total += (cur or 1) * 100
            cur = 0
        elif ch == "十":
            total += (cur or 1) * 10
            cur = 0
        else:
            cur = CN_DIGITS[ch]
    return total + cur


def number_of(numeral: str, s: str) -> int | None:
    """The ordinal a marker's numeral stands for (首先 → 1 … 最后 → 99)."""
    if numeral == "cn":
        return cn_number(s)
    if numeral == "arabic":
        return int(s)
    if numeral == "circled":
        return CIRCLED.index(s) + 1
    if numeral == "order":
        seq = settings().order_sequence
        return 99 if s == seq[-1] else seq.index(s) + 1
    return None
