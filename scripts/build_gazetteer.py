"""Build the compact entity resources in pipeline/resources/ from PyPI packages' data.

    pip install jionlp==1.5.31 jieba==0.42.1   # build time only, not runtime deps
    python scripts/build_gazetteer.py [--out pipeline/resources]

Writes
- ent_gpe.tsv:   name<TAB>kind   Chinese provinces, prefectures, counties (full name
                 and the short alias), towns (full name), countries and world cities
                 (jionlp's china_location / world_location dictionaries);
- ent_words.tsv: word<TAB>pos    frequent jieba dictionary words that are not names
                 (used to reject common words as PERSON and to stop ORG prefixes);
- ent_idioms_num.txt: idioms built from numerals (三心二意), never a FORMULA
                 (jionlp's chinese_idiom dictionary);
- ent_name_like_words.tsv: word<TAB>freq  two-character words that jieba tags as names,
                 with jieba's frequency (谢谢, 普通, 阳光 are nr/nz there): from 300 on never a
                 PERSON on their own, from 50 on not a name the trained fallback may add (贺卡, 金秋).
The runtime reads only these files; jionlp and jieba are not needed there.
"""
from __future__ import annotations

import argparse
import importlib.util
import io
import zipfile
from pathlib import Path

NAME_POS = {"nr", "nrt", "nrfg", "ns", "nt", "nz"}


def _pkg_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"package {name} is not installed (pip install it for the build)")
    return Path(list(spec.submodule_search_locations)[0])


def jieba_words(min_freq: int = 30) -> dict[str, tuple[int, str]]:
    words = {}
    with open(_pkg_dir("jieba") / "dict.txt", encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3:
                words[parts[0]] = (int(parts[1]), parts[2])
    return words


def china_locations():
    """Yield (name, kind) from jionlp's china_location (levels: province, city, county, town)."""
    zpath = _pkg_dir("jionlp") / "dictionary" / "china_location.zip"
    with zipfile.ZipFile(zpath) as zf:
        text = zf.read("china_location.txt").decode("utf-8")
    kinds = ["province", "city", "county", "town"]
    for line in io.StringIO(text):
        depth = len(line) - len(line.lstrip("\t"))
        if depth > 3 or not line.strip():
            continue
        parts = line.strip().split("\t")
        yield parts[0], kinds[depth]
        if len(parts) == 3 and depth < 3:
            yield parts[2], kinds[depth] + "_alias"


def world_locations():
    path = _pkg_dir("jionlp") / "dictionary" / "world_location.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.strip().split("\t")
        if len(parts) < 2 or line.endswith(":"):
            continue
        yield parts[0], "country"
        yield parts[1], "country"
        for cities in parts[2:]:
            for c in cities.split("/"):
                yield c, "world_city"


def build(out: Path, min_freq: int = 30) -> None:
    words = jieba_words()
    gpe: dict[str, str] = {}
    for name, kind in list(china_locations()) + list(world_locations()):
        name = name.strip()
        if len(name) < 2 or name in gpe:
            continue
        if kind == "county_alias" or kind == "world_city":
            f, pos = words.get(name, (0, "ns"))
            if pos not in NAME_POS and f >= 5:   # county alias that is a common word (和平, 新华...)
                continue
        gpe[name] = kind
    out.mkdir(parents=True, exist_ok=True)
    (out / "ent_gpe.tsv").write_text(
        "".join(f"{n}\t{k}\n" for n, k in sorted(gpe.items())), encoding="utf-8")
    common = sorted((w, p) for w, (f, p) in words.items()
                    if f >= min_freq and p not in NAME_POS and 2 <= len(w) <= 4
                    and all("\u4e00" <= ch <= "\u9fff" for ch in w))
    (out / "ent_words.tsv").write_text("".join(f"{w}\t{p}\n" for w, p in common), encoding="utf-8")
    numerals = set("一二三四五六七八九十两双百千万")
    zpath = _pkg_dir("jionlp") / "dictionary" / "chinese_idiom.zip"
    with zipfile.ZipFile(zpath) as zf:
        idioms = [ln.split("\t")[0] for ln in zf.read("chinese_idiom.txt").decode("utf-8").splitlines()]
    num_idioms = sorted({w for w in idioms if len(w) == 4 and sum(ch in numerals for ch in w) >= 1})
    (out / "ent_idioms_num.txt").write_text("".join(w + "\n" for w in num_idioms), encoding="utf-8")
    known = set((Path(__file__).resolve().parents[1] / "pipeline" / "resources" / "ent_person_known.txt")
                .read_text(encoding="utf-8").split())
    name_like = sorted((w, f) for w, (f, p) in words.items() if p in NAME_POS and f >= 50 and len(w) == 2
                       and all("\u4e00" <= ch <= "\u9fff" for ch in w) and w not in known)
    (out / "ent_name_like_words.tsv").write_text("".join(f"{w}\t{f}\n" for w, f in name_like), encoding="utf-8")
    print(f"ent_idioms_num.txt: {len(num_idioms)}; ent_gpe.tsv: {len(gpe)} names; ent_words.tsv: {len(common)} words; "
          f"ent_name_like_words.tsv: {len(name_like)} words")


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "pipeline" / "resources")
    ap.add_argument("--min-freq", type=int, default=30)
    a = ap.parse_args()
    build(a.out, a.min_freq)
