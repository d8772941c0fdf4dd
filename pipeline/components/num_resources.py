"""Word lists and patterns of the number recogniser, read once from `pipeline/resources/num_*`.

- `num_units.txt`: units and measure words (`ascii ` prefix: Latin-letter units);
- `num_multipliers.txt`: 万 亿 千 ... and their factors;
- `num_qualifiers.txt`: qualifiers by position (pre, mid, post) and `not_pre` exceptions;
- `num_context.txt`: ordinal/rank words, year-like units, time units, table headers to skip,
  range separators, words that start with a unit but are none (分别), words after a 2-digit
  cohort (09届校友) and units after which it always is one (81级), date and clock words
  (近9时), units that follow only a figure above 24 or with decimals (2929.09点);
- `num_skip_patterns.txt`: regexes of text whose digits are no quantity (dates, clock times,
  phones, URLs, codes).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
DIGIT = "[0-9０-９]"


def expand_digits(rx: str) -> str:
    """The placeholder D of `num_skip_patterns.txt` as a digit class, inside [...] too."""
    out, in_class, i = [], False, 0
    while i < len(rx):
        ch = rx[i]
        if ch == "\\":
            out.append(rx[i:i + 2])
            i += 2
            continue
        if ch == "[" and not in_class:
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        out.append(("0-9０-９" if in_class else DIGIT) if ch == "D" else ch)
        i += 1
    return "".join(out)


def _lines(name: str) -> list[str]:
    out = []
    for line in (RESOURCES / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            out.append(line.rstrip("\n"))
    return out


def _pairs(name: str) -> list[tuple[str, str]]:
    return [tuple(line.split("\t", 1)) for line in _lines(name)]  # type: ignore[misc]


def longest_first(words) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class NumResources:
    units: tuple[str, ...]                 # CJK and symbol units, longest first
    ascii_units: tuple[str, ...]           # Latin-letter units, longest first
    multipliers: dict[str, int]
    mult_words: tuple[str, ...]            # longest first
    pre: tuple[str, ...]
    mid: tuple[str, ...]
    post: tuple[str, ...]
    not_pre: tuple[str, ...]
    ordinal: tuple[str, ...]
    rank: tuple[str, ...]
    year_units: frozenset[str]
    time_units: frozenset[str]
    skip_headers: tuple[str, ...]
    range_seps: tuple[str, ...]
    not_unit: tuple[str, ...]
    cohort_next: tuple[str, ...]
    time_words: tuple[str, ...]
    point_units: tuple[str, ...]
    cohort_units: frozenset[str]
    skip_patterns: tuple[tuple[str, re.Pattern], ...] = field(default=())


@lru_cache(maxsize=1)
def load() -> NumResources:
    units, ascii_units = [], []
    for line in _lines("num_units.txt"):
        if line.startswith("ascii "):
            ascii_units.append(line[len("ascii "):].strip())
        else:
            units.append(line.strip())
    mults = {w: int(f) for w, f in _pairs("num_multipliers.txt")}
    quals: dict[str, list[str]] = {}
    for kind, word in _pairs("num_qualifiers.txt"):
        quals.setdefault(kind, []).append(word)
    ctx: dict[str, list[str]] = {}
    for kind, word in _pairs("num_context.txt"):
        ctx.setdefault(kind, []).append(word)
    patterns = tuple((label, re.compile(expand_digits(rx)))
                     for label, rx in _pairs("num_skip_patterns.txt"))
    return NumResources(
        units=longest_first(units), ascii_units=longest_first(ascii_units),
        multipliers=mults, mult_words=longest_first(mults),
        pre=longest_first(quals.get("pre", [])), mid=longest_first(quals.get("mid", [])),
        post=longest_first(quals.get("post", [])), not_pre=longest_first(quals.get("not_pre", [])),
        ordinal=longest_first(ctx.get("ordinal", [])), rank=longest_first(ctx.get("rank", [])),
        year_units=frozenset(ctx.get("year_unit", [])), time_units=frozenset(ctx.get("time_unit", [])),
        skip_headers=longest_first(ctx.get("skip_header", [])),
        range_seps=longest_first(ctx.get("range_sep", [])),
        not_unit=longest_first(ctx.get("not_unit", [])),
        cohort_next=longest_first(ctx.get("cohort_next", [])),
        time_words=longest_first(ctx.get("time_word", [])),
        point_units=longest_first(ctx.get("point_unit", [])),
        cohort_units=frozenset(ctx.get("cohort_unit", [])), skip_patterns=patterns,
    )
