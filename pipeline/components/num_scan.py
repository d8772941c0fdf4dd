"""Find Arabic-digit quantities in a text: plain functions over strings, no spaCy.

`find_numbers(text, blocked)` returns `NumMatch`es in text order. For every run of digits:
1. skip it when its digits fall in a blocked span (entities, dates, clock times, phones,
   URLs, codes, stock quotes: `num_skip_patterns.txt`) or it is an ordinal, a rank or a code
   (第3, 第1、2、3名, 前3名, A4, 5G);
2. a ratio 1.1:50.3:48.6 gives each part, a fraction 1/3 one number, a clock time 9:22 none;
3. read what follows (`num_tail.read_tail`: qualifier, multiplier, unit, trailing qualifier;
   点 and 级 are units only after a figure above 24 or with decimals: 2929.09点) and a
   qualifier before it (约 超过 近, not 最近);
4. join a range (10-20人, 15%至20%, 3~5年, 零至1%) or a compound (13万3千多支) into one number;
5. drop years and cohorts (2020年, 2019级, 09届校友, 81级), grades (3年级), ids with a
   leading zero, and bare digits with no unit, multiplier or qualifier, except table cells
   (`num_tables`) and the members of a list that share a unit (3、5、7个).
"""
from __future__ import annotations

import re
import unicodedata
from typing import Optional

from . import num_tables
from .num_resources import NumResources, load
from .num_tail import (ASCII_LETTER, ASCII_WORD, NUM_RE, SPACES, NumMatch, Tail, read_tail, skip_spaces,
                       to_value, word_at)


def _pre_qualifier(text: str, start: int, res: NumResources) -> tuple[str, int]:
    """The qualifier right before `start` (a space between allowed) and where it starts."""
    head = text[max(0, start - 8):start].rstrip(SPACES)
    base = start - len(text[max(0, start - 8):start]) + len(head)
    if any(head.endswith(w) for w in res.not_pre):
        return "", start
    for w in res.pre:
        if head.endswith(w):
            return w, base - len(w)
    return "", start


def _is_code_context(text: str, s: int, e_digits: int, tail: Tail) -> bool:
    """A digit run glued to Latin letters (SLC26A4, 5G, COVID-19) is a code, not a number."""
    if s > 0 and ASCII_LETTER.match(text[s - 1]):
        return True
    if s > 1 and text[s - 1] in "-/" and ASCII_WORD.match(text[s - 2]):
        return True
    if not tail.unit and not tail.mult and e_digits < len(text) and ASCII_LETTER.match(text[e_digits]):
        return True
    return False


ORDINAL_RANGE = re.compile(r"第[0-9０-９零〇一二两三四五六七八九十百千]{1,4}\s*[-~～至到—]\s*$")


def _is_ordinal(text: str, s: int, unit: str, res: NumResources) -> bool:
    """第3, 全省第3, No.3, 前3名, the high end of 第一至3名."""
    head = text[max(0, s - 4):s].rstrip(" ")
    if any(head.endswith(w) for w in res.ordinal) or ORDINAL_RANGE.search(text, max(0, s - 9), s):
        return True
    return unit in ("名", "位") and any(head.endswith(w) for w in res.rank)


def _year_like(digits: str) -> bool:
    d = unicodedata.normalize("NFKC", digits)
    return len(d) == 4 and d.isdigit() and 1000 <= int(d) <= 2100


DIGIT_RUN = re.compile(r"[0-9０-９]+")
WINDOW = 80  # skip patterns are only searched this far around digits


def _digit_windows(text: str) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for m in DIGIT_RUN.finditer(text):
        a, b = max(0, m.start() - WINDOW), min(len(text), m.end() + WINDOW)
        if out and a <= out[-1][1]:
            out[-1][1] = b
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


def blocked_mask(text: str, spans, res: NumResources) -> bytearray:
    """1 for every character inside an entity span or a skip pattern (date, time, phone ...)."""
    mask = bytearray(len(text))
    for s, e in spans:
        mask[s:e] = b"\x01" * (e - s)
    windows = _digit_windows(text)
    for _label, rx in res.skip_patterns:
        for a, b in windows:
            for m in rx.finditer(text, a, b):
                mask[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    return mask


def _not_a_quantity(text: str, m: re.Match, tail: Tail, pre: str, res: NumResources) -> bool:
    """Years and cohorts (2020年, 2019级, 09届), grades (3年级), ids with a leading zero."""
    digits = unicodedata.normalize("NFKC", m.group())
    unit = tail.unit.split("/")[0]
    if _year_like(digits) and unit in res.year_units and not (pre or tail.mid or tail.mult):
        return True
    if unit == "年" and text.startswith("级", tail.end):
        return True
    if len(digits) > 1 and digits[0] == "0" and digits[1].isdigit():
        return True
    if not (tail.unit or tail.mult) and word_at(text, tail.end, res.time_words):
        return True  # 近9时: a clock time with a qualifier
    if unit in res.cohort_units and len(digits) == 2:
        return True  # 81级全体校友
    return unit in res.year_units and len(digits) == 2 and any(
        text.startswith(w, tail.end) for w in res.cohort_next)


def _point_unit(text: str, m: re.Match, tail: Tail, res: NumResources) -> Tail:
    """收报2929.09点: 点 is a unit after a figure above 24 or with decimals, else a clock hour."""
    if tail.unit or tail.mult or tail.mid or tail.post:
        return tail
    u = word_at(text, tail.end, res.point_units)
    digits = unicodedata.normalize("NFKC", m.group()).replace(",", "")
    if u and not NUM_RE.match(text, tail.end + len(u)) and ("." in digits or float(digits) > 24):
        return Tail(end=tail.end + len(u), unit=u)
    return tail


CN_NUMERAL = re.compile(r"[零〇一二两三四五六七八九十百千]{1,4}$")
CN_BEFORE = tuple("为在约有是于达，,（( 、：:")


def _chinese_low_end(text: str, s: int, tail: Tail, res: NumResources):
    """零至1%, 三至5年: a range whose low end is written in Chinese numerals -> (start, low)."""
    sep = next((w for w in res.range_seps if text.endswith(w, 0, s)), "")
    if not sep:
        return None
    head = text[max(0, s - len(sep) - 5):s - len(sep)]
    m = CN_NUMERAL.search(head)
    if m is None:
        return None
    start = s - len(sep) - (len(head) - m.start())
    before = text[start - 1] if start > 0 else " "
    if not (m.group() in ("零", "〇") or before in CN_BEFORE):
        return None
    try:
        import cn2an
        return start, float(cn2an.cn2an(m.group(), "smart")) * res.multipliers.get(tail.mult, 1)
    except Exception:
        return None


def _compound(text: str, tail: Tail, res: NumResources) -> tuple[Tail, float]:
    """13万3千多支: a second figure with a smaller multiplier right after 万/亿 adds to it."""
    if tail.unit or tail.mid or tail.mult not in ("万", "亿"):
        return tail, 0.0
    m3 = NUM_RE.match(text, tail.end)
    if m3 is None:
        return tail, 0.0
    t3 = read_tail(text, m3.end(), res)
    if t3.mult and res.multipliers[t3.mult] < res.multipliers[tail.mult]:
        return t3, to_value(m3.group(), t3.mult, res)
    return tail, 0.0


def find_numbers(text: str, blocked=(), res: Optional[NumResources] = None) -> list[NumMatch]:
    """All quantities of `text`; `blocked` are (start, end) spans whose digits are not numbers."""
    res = res or load()
    mask = blocked_mask(text, blocked, res)
    tables = num_tables.TableIndex(text, res)
    out: list[NumMatch] = []
    pending: list[re.Match] = []  # bare list members waiting for a shared unit (3、5、7个)
    last_end, ordinal_end = 0, -2
    for m in NUM_RE.finditer(text):
        s, e = m.span()
        if s < last_end or any(mask[s:e]):
            pending.clear()
            continue
        parts = _read_ratio(text, m, res) if e < len(text) and text[e] in RATIO_SEPS + "/" else None
        if parts is not None:
            out.extend(parts)
            last_end = _chain_end(text, m)
            pending.clear()
            continue
        tail = _point_unit(text, m, read_tail(text, e, res), res)
        pre, start = _pre_qualifier(text, s, res)
        if _is_ordinal(text, s, tail.unit, res) or (s == ordinal_end + 1 and text[ordinal_end] == "、"):
            ordinal_end = -2 if tail.unit else tail.end  # 第1、2、3名: the list's members are ordinals
            pending.clear()
            continue
        if _is_code_context(text, s, e, tail) or _not_a_quantity(text, m, tail, pre, res):
            pending.clear()
            continue
        low_mult, m2, added = tail.mult, None, 0.0
        rng = _read_range(text, m, tail, mask, res)
        if rng is not None:
            m2, tail, low_mult = rng
        else:
            tail, added = _compound(text, tail, res)
        qual = pre or tail.mid or tail.post or None
        if not (tail.unit or tail.mult or qual):
            cell = tables.cell_unit(s, e)
            if cell is not None:
                if cell is not False:
                    out.append(NumMatch(s, e, to_value(m.group(), cell[0], res), unit=cell[1]))
                last_end = e
            elif text.startswith("、", e):
                pending.append(m)
            else:
                pending.clear()
            continue
        value = to_value(m.group(), low_mult, res) + added
        vmax = to_value(m2.group(), tail.mult, res) if m2 is not None else None
        if m2 is None and not pre and tail.unit:
            low = _chinese_low_end(text, s, tail, res)
            if low is not None and low[1] < value:
                start, value, vmax = low[0], low[1], value
        _flush_list(text, pending, start, tail, res, out)
        out.append(NumMatch(start, tail.end, value, vmax, tail.unit, qual))
        last_end = tail.end
    return out


RATIO_SEPS = ":：∶"
CHAIN_RE = re.compile(r"(?:[:：∶/]" + NUM_RE.pattern[len("(?<![0-9０-９.．])"):] + ")+")


def _chain_end(text: str, m: re.Match) -> int:
    c = CHAIN_RE.match(text, m.end())
    return c.end() if c else m.end()


def _read_ratio(text: str, m: re.Match, res: NumResources):
    """A ratio 1.1:50.3:48.6 (each part a number), a fraction 1/3 (one number), a clock time
    9:22 or 0:02:01 ([] : nothing); None when the digits go on otherwise."""
    c = CHAIN_RE.match(text, m.end())
    if c is None or _is_code_context(text, m.start(), m.end(), Tail(m.end())):
        return None
    chain = text[m.start():c.end()]
    parts = list(NUM_RE.finditer(text, m.start(), c.end()))
    plain = [unicodedata.normalize("NFKC", p.group()) for p in parts]
    if ("/" not in chain and all(x.isdigit() for x in plain) and len(plain) <= 3
            and all(len(x) == 2 for x in plain[1:])):
        return []  # a clock time (9:22, 0:02:01, 1:30分)
    if read_tail(text, c.end(), res).unit or (c.end() < len(text) and ASCII_LETTER.match(text[c.end()])):
        return None
    if "/" in chain:
        nums = chain.split("/")
        if len(nums) != 2 or ":" in chain or "：" in chain:
            return []
        a, b = (float(unicodedata.normalize("NFKC", x).replace(",", "")) for x in nums)
        if not 0 < a < b:
            return []
        pre, start = _pre_qualifier(text, m.start(), res)  # 近3/4
        return [NumMatch(start, c.end(), a / b, qualifier=pre or None)]
    return [NumMatch(p.start(), p.end(), to_value(p.group(), "", res)) for p in parts]


def _flush_list(text, pending, start, tail, res, out) -> None:
    """Bare members right before `start`, joined by 、, share its multiplier and unit (3、5、7个)."""
    if not pending or not tail.unit:
        pending.clear()
        return
    members, pos = [], start
    for pm in reversed(pending):
        if pm.end() + 1 != pos or text[pm.end()] != "、":
            break
        members.append(pm)
        pos = pm.start()
    for pm in reversed(members):
        out.append(NumMatch(pm.start(), pm.end(), to_value(pm.group(), tail.mult, res), unit=tail.unit))
    pending.clear()


def _read_range(text: str, m: re.Match, tail: Tail, mask, res: NumResources):
    """(second match, its tail, low multiplier) when a range separator joins two numbers."""
    if tail.post or (tail.mid and tail.mid not in ("余", "多")):
        return None
    q = skip_spaces(text, tail.end, 1)
    sep = word_at(text, q, res.range_seps)
    if not sep:
        return None
    m2 = NUM_RE.match(text, skip_spaces(text, q + len(sep), 1))
    if m2 is None or any(mask[m2.start():m2.end()]):
        return None
    t2 = read_tail(text, m2.end(), res)
    if not t2.unit and not t2.mult:
        return None
    if tail.unit and tail.unit != t2.unit:
        return None
    if tail.mult and t2.mult and tail.mult != t2.mult or tail.mult and not t2.mult:
        return None
    if _year_like(m.group()) and _year_like(m2.group()) and t2.unit in res.year_units:
        return None
    low = to_value(m.group(), tail.mult or t2.mult, res)
    if low > to_value(m2.group(), t2.mult, res):
        return None
    t2.mid = tail.mid or t2.mid
    return m2, t2, tail.mult or t2.mult
