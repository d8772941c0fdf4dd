"""The figure and what follows it: digits, qualifier, multiplier, unit (plain string code).

`read_tail(text, pos)` reads, after the digits ending at `pos`: a qualifier (余 多), a
multiplier (万 亿 千 ...), a unit or measure word (a unit word wins over a multiplier: 千米 is a
unit, 12.5千公顷 has multiplier 千), a `/unit` compound (元/吨) and a closing qualifier
(以上 左右; 多 only after a time unit: 3年多). `to_value` applies the multiplier (cn2an).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Optional

from .num_resources import NumResources

NUM_RE = re.compile(r"(?<![0-9０-９.．])[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*(?:[.．][0-9０-９]+)?(?![0-9０-９])")
ASCII_LETTER = re.compile(r"[A-Za-z_]")
ASCII_WORD = re.compile(r"[A-Za-z0-9]")
ASCII_UNIT_END = re.compile(r"[A-Za-z0-9]")


@dataclass
class NumMatch:
    start: int
    end: int
    value: float
    value_max: Optional[float] = None
    unit: str = ""
    qualifier: Optional[str] = None


@dataclass
class Tail:
    end: int
    mult: str = ""
    unit: str = ""
    mid: str = ""
    post: str = ""


def to_value(digits: str, mult: str, res: NumResources) -> float:
    """Plain value of `digits` (any width, thousands commas) times the multiplier word."""
    plain = unicodedata.normalize("NFKC", digits).replace(",", "")
    if mult:
        try:
            import cn2an
            return float(cn2an.cn2an(plain + mult, "smart"))
        except Exception:  # cn2an refuses some mixes (1.5万亿): do it ourselves
            pass
    try:
        return float(Decimal(plain) * res.multipliers.get(mult, 1))
    except InvalidOperation:
        return float("nan")


_FIRST_CHAR: dict[int, tuple[tuple[str, ...], dict[str, tuple[str, ...]]]] = {}


def _by_first_char(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The words (longest first) grouped by their first character, built once per list."""
    hit = _FIRST_CHAR.get(id(words))
    if hit is None or hit[0] is not words:
        index: dict[str, list[str]] = {}
        for w in words:
            index.setdefault(w[0], []).append(w)
        hit = (words, {k: tuple(v) for k, v in index.items()})
        _FIRST_CHAR[id(words)] = hit
    return hit[1]


def word_at(text: str, pos: int, words: tuple[str, ...]) -> str:
    """The longest of `words` that starts at `pos`, or ""."""
    if pos >= len(text):
        return ""
    for w in _by_first_char(words).get(text[pos], ()):
        if text.startswith(w, pos):
            return w
    return ""


def unit_at(text: str, pos: int, res: NumResources) -> str:
    u = word_at(text, pos, res.units)
    if u:
        if any(w.startswith(u) for w in _by_first_char(res.not_unit).get(u[0], ()) if text.startswith(w, pos)):
            return ""
        return u
    u = word_at(text, pos, res.ascii_units)
    after = text[pos + len(u):pos + len(u) + 1]
    if u and not ASCII_UNIT_END.match(after) and not (len(u) == 1 and after == "+"):  # 10W+: a view count
        return u
    return ""


SPACES = " \u3000\xa0"


def skip_spaces(text: str, pos: int, most: int = 2) -> int:
    q = pos
    while q < len(text) and q - pos < most and text[q] in SPACES:
        q += 1
    return q


def read_tail(text: str, pos: int, res: NumResources) -> Tail:
    """What follows the digits at `pos`; a space or two before it is allowed (作品 119 个)."""
    t = _read_tail(text, pos, res)
    q = skip_spaces(text, pos)
    if q > pos and t.end == pos:
        t2 = _read_tail(text, q, res)
        if t2.end > q:
            return t2
    return t


def _read_tail(text: str, pos: int, res: NumResources) -> Tail:
    t = Tail(end=pos)
    p = pos
    t.mid = word_at(text, p, res.mid)
    p += len(t.mid)
    t.unit = unit_at(text, p, res)
    if not t.unit:
        t.mult = word_at(text, p, res.mult_words)
        p += len(t.mult)
        if t.mult and not t.mid:
            t.mid = word_at(text, p, res.mid)
            p += len(t.mid)
        t.unit = unit_at(text, p, res)
    if t.mid in ("来", "许") and not t.unit:  # 10来个, 3许人: only before a unit
        p -= len(t.mid)
        t.mid = ""
    p += len(t.unit)
    if t.unit == "个" and not t.mid and text[p:p + 1] in ("多", "余"):  # 3个多月, 2个多小时
        joined = unit_at("个" + text[p + 1:p + 5], 0, res)
        u2 = joined[1:] if len(joined) > 1 else unit_at(text, p + 1, res)
        if len(joined) > 1 or u2 in res.time_units:
            t.mid, t.unit = text[p], joined if len(joined) > 1 else u2
            p += 1 + len(u2)
    if t.unit and text.startswith("/", p):
        u2 = unit_at(text, p + 1, res)
        if u2:
            t.unit += "/" + u2
            p += 1 + len(u2)
    post = word_at(text, p, res.post)
    if post in ("多", "余") and (t.unit not in res.time_units or unit_at(text, p + 1, res)):
        post = ""
    t.post = post
    t.end = p + len(post)
    return t


