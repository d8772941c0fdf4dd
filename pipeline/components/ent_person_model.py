"""PERSON names the rules missed, from a small char-level spaCy `ner` trained on the project's own gold.

The model (pipeline/models/person_fallback, 3.6 MB; rebuilt by `make person-model`, see
docs/ner-measurement.md §5) runs on sentence pieces of the cleaned text. Only its PERSON spans are used, and only
where the rules left the text free: 2-4 Han characters (or a ·-joined foreign name) on pkuseg token edges that
overlap no entity of the rules. On the sealed gold this lifted PERSON F1 from 0.96 to 0.98 (precision 0.99).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from . import ent_resources as R
from .ent_names import PREP_SURNAMES, surname_at

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "person_fallback"
NAME_RE = re.compile(r"^[\u4e00-\u9fff]{2,4}$|^[\u4e00-\u9fff]{1,}(?:·[\u4e00-\u9fff]{1,})+$")
_SPLIT = re.compile(r"[^。！？!?；;\n]*(?:[。！？!?；;]+|\n|$)")


def norm_text(text: str) -> str:
    """Per-character NFKC that keeps the length (and so every offset) of `text`."""
    return "".join(n if len(n := unicodedata.normalize("NFKC", c)) == 1 else c for c in text)


def chunks(text: str, max_len: int = 150):
    """(start, piece) sentence pieces of `text` (cut at 。！？；, line ends, and every max_len chars)."""
    for m in _SPLIT.finditer(text):
        s, e = m.start(), m.end()
        while s < e:
            piece_end = min(e, s + max_len)
            if text[s:piece_end].strip():
                yield s, text[s:piece_end]
            s = piece_end


def _foreign(name: str) -> bool:
    """At least half the characters are transliteration characters (梅嫩德斯, 艾孜提力吾麦尔·吐尔洪)."""
    han = name.replace("·", "")
    return sum(c in R.word_set("ent_translit.txt") for c in han) >= len(han) / 2


def _name_like(text: str, s: int, e: int) -> bool:
    """2-4 Han characters led by a surname (or a ·-joined foreign name), not a dictionary word or a place
    (瓦斯, 黄金) and not a doubled practice word (周周清)."""
    name = text[s:e]
    if not NAME_RE.match(name):
        return False
    if "·" in name:
        return _foreign(name)   # not 思源·新浪扬帆公益基金
    if len(name) == 4 and surname_at(text, s) != 2 and not _foreign(name):
        return False   # 田野调查, 黄金海岸: four characters are a double surname's name or a foreign one
    return surname_at(text, s) > 0 and name[0] != name[1] and name not in R.common_words() and name not in R.gazetteer() \
        and R.name_word_frequency().get(name, 0) < 50   # 贺卡, 金秋: frequent words jieba files under names


def _may_hold_name(text: str, a: int, b: int, starts: set[int], edges: set[int], occupied: bytearray) -> bool:
    """Whether text[a:b] has a free span that `fallback_persons` could accept (a surname on a token start, 2-4
    characters to a token edge, no dictionary word or place): the model is run only on such pieces, which changes
    none of its results and skips about a third of the text."""
    common, gaz = R.common_words(), R.gazetteer()
    return any(s in starts and not occupied[s] and surname_at(text, s) and any(
        s + L in edges and not any(occupied[s:s + L]) and text[s:s + L] not in common and text[s:s + L] not in gaz
        for L in (2, 3, 4)) for s in range(a, b))


@lru_cache(maxsize=1)
def model():
    import spacy
    return spacy.load(MODEL_DIR)


def fallback_persons(text: str, taken: list[tuple[int, int]], starts: set[int]) -> list[tuple[int, int]]:
    """(start, end) of the model's PERSON names that the rules did not find and that overlap none of `taken`."""
    if not MODEL_DIR.exists():
        return []
    edges = starts | {len(text)}
    occupied = bytearray(len(text) + 1)
    for a, b in taken:
        occupied[a:b] = b"\x01" * (b - a)
    pieces = [(off, p) for off, p in chunks(text) if "·" in p or _may_hold_name(text, off, off + len(p), starts, edges, occupied)]
    out = []
    for (off, _), doc in zip(pieces, model().pipe([norm_text(p) for _, p in pieces], batch_size=64)):
        for ent in doc.ents:
            s, e = off + ent.start_char, off + ent.end_char
            if ent.label_ == "PERSON" and s in edges and e in edges and not any(occupied[s:e]) and _name_like(text, s, e) \
                    and not (text[s] in PREP_SURNAMES | set("于在") and s + 1 in starts):   # 成员|于|博一楼: a preposition
                out.append((s, e))
    return out
