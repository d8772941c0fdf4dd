"""GPE by gazetteer lookup over the pkuseg tokens.

The longest gazetteer match (ent_gpe.tsv, ent_gpe_extra.txt, less ent_gpe_stop.txt)
starting at a token start is a GPE; an alias, a town or a foreign name must also end
at a token end. Adjacent administrative places merge when the second is a lower
level (十堰市郧阳区); …地区 joins its place (大巴黎地区). A province abbreviation
with a direction is a region (桂东南, 苏北).
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import ent_resources as R
from .spans import occurrences

@lru_cache(maxsize=1)
def _region_re() -> re.Pattern:
    chars = "".join(R.word_set("ent_gpe_abbrev.txt"))
    return re.compile(rf"[{chars}](?:东南|西南|东北|西北|东|西|南|北)(?:地区)?")


def _longer_name_at(text: str, i: int, n: int) -> bool:
    gaz = R.gazetteer()
    return any(L > n and text[i:i + L] in gaz for L in R.gazetteer_index().get(text[i], ()))


def find_regions(text: str, starts: set[int], ends: set[int]) -> list[tuple[int, int, str]]:
    """Province abbreviation + direction (桂东南, 苏北, 皖南地区), token-aligned, not an ordinary word."""
    out = []
    for m in _region_re().finditer(text):
        w = m.group(0)
        if m.start() in starts and m.end() in ends and w not in R.common_words() and len(w) >= 2 \
                and w not in R.gazetteer() and not _longer_name_at(text, m.start(), len(w)):
            # 陕西, 广西 are provinces and 川西高原 a listed region: looked up (and merged: 陕西西安) below
            if w not in R.word_set("ent_gpe_stop.txt"):
                out.append((m.start(), m.end(), "GPE"))
    return out


HAN_AFTER = re.compile(r"[\u4e00-\u9fff]")
ZONE_TAILS = re.compile(r"(?:地区)?双城经济圈|生态经济带|经济协作区|经济区|经济带|经济圈|城市群|都市圈")


def find_economic_regions(text: str, starts: set[int], ends: set[int]) -> list[tuple[int, int, str]]:
    """A planning region named by its place (淮海经济区, 长三角城市群, 南京都市圈, 成渝地区双城经济圈): a place, or a
    token outside the dictionary (淮海, 北部湾, 苏锡常), written right before 经济区/经济带/城市群/都市圈."""
    out = []
    for m in ZONE_TAILS.finditer(text):
        if m.end() not in ends and HAN_AFTER.match(text, m.end()):
            continue
        placed = [m.start() - L for L in (4, 3, 2) if L <= m.start() and text[m.start() - L:m.start()] in R.gazetteer()]   # 与|长江
        cands = [x for x in range(m.start() - 1, max(-1, m.start() - 5), -1) if x in starts][:2]   # one token, then two
        other = [x for x in cands if m.start() - x >= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", text[x:m.start()])
                 and text[x] not in "与和及在对向为将把从"
                 and text[x:m.start()] not in R.common_words() and text[x:m.start()] not in R.word_set("ent_gpe_stop.txt")]
        s = placed[0] if placed else (other[0] if other else None)
        if s is not None:
            out.append((s, m.end(), "GPE"))
    return out


LANDMARK = re.compile(r"[湖山河江岭峰岛](?:景区|风景区|公园|湿地|水库|大桥|隧道|畔|边|[，。、；\s])"
                      r"|校区|运动场|体育场|体育馆|广场|大道|公园|花园|小区|大街")   # 文昌校区, 东坡运动场: a campus or venue


def find_gpes(text: str, starts: set[int], ends: set[int]) -> list[tuple[int, int, str]]:
    gaz, idx = R.gazetteer(), R.gazetteer_index()
    regions = find_regions(text, starts, ends)
    regions += [r for r in find_economic_regions(text, starts, ends) if not any(a < r[1] and r[0] < b for a, b, _ in regions)]
    taken = {k for s, e, _ in regions for k in range(s, e)}
    out, i, n = [], 0, len(text)
    while i < n:
        glued = bool(out) and out[-1][1] == i and i not in ends   # 甘肃|兰州 inside one token
        lens = idx.get(text[i]) if (i in starts or glued) and i not in taken else None
        hit = None
        for L in lens or ():
            if i + L > n:
                continue   # a slice past the end is shorter than L: not this name
            name = text[i:i + L]
            kind = gaz.get(name)
            if kind is None:
                continue
            if kind.endswith("_alias") and (LANDMARK.match(text, i + L) or text.startswith("社区", i + L)):
                continue   # 云龙湖景区: a lake named after the district (云龙), not the place; 永康|社区: a community
            auto = AUTONOMOUS.match(text, i + L) if kind in ("city_alias", "county_alias") else None
            if auto and auto.end() in ends:
                hit = auto.end() - i   # 黔南|布依苗族自治州: the full name written with its peoples, not as listed
                break
            if kind == "world_city" and text[i + L:i + L + 1] == "市" and i + L + 1 in ends:
                hit = L + 1   # 洛杉矶市
                break
            if (kind.endswith("_alias") or kind in ("world_city", "compound", "country", "town")) and i + L not in ends \
                    and HAN_AFTER.match(text, i + L):   # 贵阳|(: pkuseg glued a bracket to the name, still its end
                if not (kind == "country" and name[-1] == "国" or _lower_place_follows(text, i + L, kind, ends)):
                    continue
            hit = L
            break
        if hit:
            zone = next((z for z in ZONES if text.startswith(z, i + hit) and i + hit + len(z) in ends), None)
            if zone:
                hit += len(zone)   # 浦口高新区, 苏州工业园区: a development zone of the place
        if hit and text.startswith("地区", i + hit) and i + hit + 2 in ends \
                and not gaz.get(text[i:i + hit], "").startswith(("city", "county", "province")):   # 徐州|地区 stays 徐州
            hit += 2   # 大巴黎地区, 华北地区
            if i > 0 and text[i - 1] == "大" and i - 1 in starts:
                i -= 1
                hit += 1
        if hit:
            if out and out[-1][1] == i and _nests(gaz.get(text[out[-1][0]:i], ""), gaz.get(text[i:i + hit], "")):
                out[-1] = (out[-1][0], i + hit, "GPE")
            else:
                out.append((i, i + hit, "GPE"))
            i += hit
        else:
            i += 1
    return _chain(sorted(out + regions + find_villages(text, out, starts)), text)


def _chain(spans: list[tuple[int, int, str]], text: str) -> list[tuple[int, int, str]]:
    """A town or village written right after its county or town is one place with it, like 十堰市郧阳区
    (安徽省灵璧县|虞姬镇|灵光村); each part written alone elsewhere stays a place of its own."""
    out: list[tuple[int, int, str]] = []
    for s, e, lab in spans:
        if out and out[-1][1] == s and text[s - 1] in "省市县区镇乡道" and (text[e - 1] in "镇乡村" or text.endswith("社区", 0, e)):
            out[-1] = (out[-1][0], e, lab)
        else:
            out.append((s, e, lab))
    return out


VILLAGE_RE = re.compile(r"[\u4e00-\u9fff]{2,3}?(?:村(?![民委级庄落长里口头])|社区(?![卫服居党医中学教文]))")


def find_villages(text: str, places: list[tuple[int, int, str]], starts: set[int]) -> list[tuple[int, int, str]]:
    """A village or a community written right after its county, town or city (灵璧县|灵光村, 虞姬镇|桃源村,
    徐州市|下淀社区), and its other mentions alone."""
    towns = {m.group(0) for _, e, _ in places if (m := TOWN_RE.match(text, e)) and text[e - 1] in "县区市" and e in starts}
    towns |= {m.group(1) for m in TOWN_BODY.finditer(text) if _alone(text, m.start(), starts)}   # 灵璧县|虞姬镇, 虞姬镇|镇长
    towns = {n for n in towns if _village_word(n)}
    names = set(towns)
    for e in [e for _, e, _ in places] + [s + len(t) for t in towns for s in occurrences(text, t)]:
        at = e + 1 if text.startswith("的", e) else e   # 三门县的平岗村
        m = VILLAGE_RE.match(text, at)
        if m and text[e - 1] in ("县镇乡区道" if m.group(0)[-1] == "村" else "县镇乡区市道") and at in starts:   # 黄楼街道|永康社区
            names.add(m.group(0))
    names |= {m.group(1) for m in VILLAGE_BODY.finditer(text) if _alone(text, m.start(), starts)}   # 灵光村党总支, 驻灵光村
    names |= {m.group(1) for m in VISIT_VILLAGE.finditer(text) if m.start(1) in starts and m.end(1) in starts
              and re.sub("(?:村|社区)$", "", m.group(1)) not in R.common_words()}   # 前往|下淀|社区|进行, not 深入农村社区
    names = {n for n in names if _village_word(n)}
    for name in list(names):   # 平岗村、芹溪村、大周村: the villages listed after one
        for s in occurrences(text, name):
            k = s + len(name)
            while text.startswith("、", k):
                m = VILLAGE_RE.match(text, k + 1)
                if not (m and m.group(0)[-1] == name[-1] and _village_word(m.group(0))):
                    break
                names.add(m.group(0))
                k = m.end()
    out = []
    for name in names:
        for s in occurrences(text, name):
            if s in starts and not text.startswith(("民", "委"), s + len(name)):
                out.append((s, s + len(name), "GPE"))
    return out


TOWN_RE = re.compile(r"[^\W\d各乡镇县区市村]{2}[镇乡](?![村民镇])")
TOWN_BODY = re.compile(r"([^\W\d各乡镇县区市村]{2}[镇乡])(?=副?镇长|副?乡长|党委|人民政府|政府|人大|纪委)")   # 虞姬镇|镇长曹引
VISIT_VILLAGE = re.compile(r"(?:前往|走进|来到|深入|走访|赴|抵达)了?([\u4e00-\u9fff]{2,3}?(?:村|社区))(?![民委级庄落长里口头卫服居党医中学教文])")


def _alone(text: str, s: int, starts: set[int]) -> bool:
    """A place name starting at s after no other word (its own branch or post follows it)."""
    before = text[s - 1:s]
    return s in starts and (not HAN_AFTER.match(before) or before in "驻赴到在的、")


VILLAGE_BODY = re.compile(r"([\u4e00-\u9fff]{2}村)(?=党总支|党支部|村委会|村民委员会|两委|党群服务中心|第一书记|村支书|村党支部书记|村主任)")


def _village_word(name: str) -> bool:
    """平岗村, 下淀社区: a proper name before 村/社区, not a phrase (的农村, 新农村) or a common word."""
    v = name[:-2] if name.endswith("社区") else name[:-1]
    return not set(v) & set("的和与及在是了对为该这那每各本于") and not name.endswith("农村") and R.common_words().get(v, "n")[:1] == "n" \
        and name not in R.common_words()


ZONES = R.word_class("zones")
AUTONOMOUS = re.compile(r"(?:[\u4e00-\u9fff]{1,3}族?){1,3}?自治[州县旗]")
def _lower_place_follows(text: str, j: int, kind: str, ends: set[int]) -> bool:
    """甘肃兰州 as one pkuseg token: a province or city is followed by a lower place ending on a token edge."""
    gaz = R.gazetteer()
    return any(text[j:j + L] in gaz and j + L in ends and _nests(kind, gaz[text[j:j + L]]) for L in (2, 3, 4))


ADMIN = ("province", "city", "county", "town")


def _nests(outer: str, inner: str) -> bool:
    """A Chinese administrative place followed by a lower one merges (十堰市郧阳区); compound results stay merged."""
    rank = {k: i for i, k in enumerate(ADMIN)}
    a, b = outer.replace("_alias", ""), inner.replace("_alias", "")
    return a in rank and b in rank and rank[a] < rank[b] or outer == ""
