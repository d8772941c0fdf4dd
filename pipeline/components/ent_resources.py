"""Word lists and gazetteers for `cn_entities`, read once per process from pipeline/resources/ent_*.

Files are plain text: `#` starts a comment line; list files hold words separated by
spaces or newlines; `.tsv` files hold `key<TAB>value` lines. Small named word classes that the
rules test with `in`, `startswith` or `endswith` live in one file, ent_word_classes.json
(name -> {"doc": ..., "words": [...]}, words in the order the rules try them).
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

RESOURCES = Path(__file__).resolve().parents[1] / "resources"


def _lines(name: str):
    path = RESOURCES / name
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            yield line


@lru_cache(maxsize=None)
def word_set(name: str) -> frozenset[str]:
    return frozenset(w for line in _lines(name) for w in line.split())


@lru_cache(maxsize=None)
def word_list_longest_first(name: str) -> tuple[str, ...]:
    return tuple(sorted(word_set(name), key=len, reverse=True))


@lru_cache(maxsize=1)
def _word_classes() -> dict[str, tuple[str, ...]]:
    data = json.loads((RESOURCES / "ent_word_classes.json").read_text(encoding="utf-8"))
    return {name: tuple(entry["words"]) for name, entry in data.items()}


def word_class(name: str) -> tuple[str, ...]:
    """The words of one class of ent_word_classes.json, in file order (order matters to first-match loops)."""
    return _word_classes()[name]


@lru_cache(maxsize=None)
def tsv(name: str) -> dict[str, str]:
    out = {}
    for line in _lines(name):
        k, _, v = line.partition("\t")
        out[k] = v
    return out


@lru_cache(maxsize=None)
def regex_list(name: str) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(line) for line in _lines(name))


@lru_cache(maxsize=None)
def alternation(name: str) -> re.Pattern:
    """One regex matching any word of a list file, longest first."""
    return re.compile("|".join(re.escape(w) for w in word_list_longest_first(name)))


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, str]:
    """GPE name -> kind (province, city, county, town, *_alias, country, world_city, region...)."""
    gaz = dict(tsv("ent_gpe.tsv"))
    gaz.update(tsv("ent_gpe_extra.txt"))
    for w in word_set("ent_gpe_stop.txt"):
        gaz.pop(w, None)
    common = common_words()
    for name in [n for n, k in gaz.items() if k == "town" and n in common]:
        del gaz[name]   # 社区, 城关镇-like words that are ordinary vocabulary
    return gaz


@lru_cache(maxsize=1)
def gazetteer_index() -> dict[str, tuple[int, ...]]:
    """First character -> name lengths present, longest first (for a fast longest-match scan)."""
    idx: dict[str, set[int]] = {}
    for name in gazetteer():
        idx.setdefault(name[0], set()).add(len(name))
    return {k: tuple(sorted(v, reverse=True)) for k, v in idx.items()}


@lru_cache(maxsize=1)
def name_word_frequency() -> dict[str, int]:
    """Two-character words that jieba files under names -> jieba's frequency (谢谢, 阳光, 贺卡)."""
    return {w: int(f) for w, f in tsv("ent_name_like_words.tsv").items()}


@lru_cache(maxsize=1)
def common_words() -> dict[str, str]:
    """Frequent dictionary words that are not names -> POS tag (jieba's)."""
    return tsv("ent_words.tsv")


@lru_cache(maxsize=1)
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    s = word_set("ent_surnames.txt")
    return frozenset(x for x in s if len(x) == 1), frozenset(x for x in s if len(x) == 2)


@lru_cache(maxsize=1)
def frequent_surnames(n: int = 100) -> frozenset[str]:
    """The n most frequent single surnames (ent_surnames.txt lists them by frequency)."""
    first = next(_lines("ent_surnames.txt")).split()
    return frozenset(first[:n])


def split_words(name: str, extra: frozenset[str] | tuple[str, ...] = ()) -> list[str]:
    """Greedy longest dictionary words of `name` (words of `extra` count too); other characters one by one."""
    common, out, i = common_words(), [], 0
    while i < len(name):
        L = next((L for L in range(min(6, len(name) - i), 0, -1)
                  if L > 1 and name[i:i + L] in common or name[i:i + L] in extra), 1)
        out.append(name[i:i + L])
        i += L
    return out
