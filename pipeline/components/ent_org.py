"""ORG by suffix grammar over the pkuseg tokens.

A head word from ent_org_suffix.txt (…大学 …教育局 …党委) closes a name; the
name extends left over tokens that can belong to a name (places, nouns, unknown
words) and stops at punctuation, function words (jieba POS p c u r d …), verbs
other than those found inside names (ent_org_inner.txt) and the words of
ent_org_stop.txt. A bare generic (学校, 党委, 校团委, 市教育局) is not an ORG.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import ent_resources as R

LEVEL_PREFIX = set("校院市县区省镇乡村系部我本该全各")
STOP_POS = {"p", "c", "u", "r", "d", "y", "e", "o", "t", "ad", "m", "q", "f", "uj", "ul", "zg", "a"}
NAME_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·]+$")
STRONG = ("大学", "學", "学院", "研究院", "研究所", "科学院", "实验室", "纪念馆", "陈列馆", "博物馆", "系", "分会")
STOP_CHARS = set("由在对向为被把将从经据按让给使请与和及赴到于是不暨兼原级")
LEAD_GENERIC = {"学院", "学校", "全体", "全校", "全院", "本院", "本校", "公司", "集团"}
COMPANY = ("公司", "有限公司", "科技", "股份", "电子", "通讯", "药业", "鞋业", "传媒", "证券", "保险")
AFTER_PLACE = ("楼", "路", "街", "大道", "广场", "门", "站", "校区")
PLACE_PAREN = re.compile(r"[(（]([\u4e00-\u9fff]{2,6})[)）]")
ORDINAL = re.compile(r"^第?[一二三四五六七八九十\d]+$")
MAX_ORG = 30
STOP_TOKEN = re.compile(r"^[新上下本首]?[一二三四五六七八九十百千万两\d]+[余多]?[届次个名位年月日期批家所项]?$|^[届次个名位年月日第]$")


def _is_name_token(tok: str) -> bool:
    if not NAME_CHAR.match(tok) or STOP_TOKEN.match(tok):
        return False
    if tok in R.word_set("ent_org_stop.txt") or tok.endswith("们") or tok in R.word_set("ent_roles.txt"):
        return False  # …专家南京信息工程大学: a person noun ends the name
    if tok in R.word_set("ent_org_inner.txt") or tok in R.gazetteer():
        return True
    pos = R.common_words().get(tok)
    if pos is None:
        return True
    if pos in STOP_POS:
        return False
    if pos.startswith("v") and tok not in R.word_set("ent_org_inner.txt"):
        return False
    return True


def _generic(name: str) -> bool:
    """True when `name` is made only of generic org words and level prefixes (学校党委, 校团委)."""
    generic = R.word_set("ent_org_generic.txt")
    ok = [True] + [False] * len(name)
    for i in range(len(name)):
        if not ok[i]:
            continue
        if name[i] in LEVEL_PREFIX:
            ok[i + 1] = True
        for j in range(i + 1, min(len(name), i + 8) + 1):
            if name[i:j] in generic:
                ok[j] = True
    return ok[len(name)]


def find_orgs(text: str, tokens: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """ORG candidates (may overlap; the longest non-overlapping ones are kept by the caller)."""
    cands = []
    for ti in range(len(tokens)):
        sfx = _head(text, tokens, ti)
        if sfx is None:
            continue
        te = tokens[ti][1]
        sfx_start = te - len(sfx)
        start, body = _extend_left(text, tokens, ti, sfx, sfx_start)
        start = _trim(text, tokens, start, sfx_start, body)
        if start is None or not _accept(text, tokens, start, sfx, sfx_start, te, body):
            continue
        m = PLACE_PAREN.match(text, te)
        if m and m.group(1) in R.gazetteer() and sfx in ("大学", "学院", "公司", "集团", "有限公司"):
            te = m.end()   # 中国地质大学(武汉): the campus or seat in brackets is part of the name
        cands.append((start, te, "ORG"))
    return cands


@lru_cache(maxsize=1)
def _lists():
    suffixes, not_suffix = R.word_set("ent_org_suffix.txt"), R.word_set("ent_org_not_suffix.txt")
    return (suffixes, sorted({len(x) for x in suffixes}, reverse=True),
            not_suffix, sorted({len(x) for x in not_suffix}, reverse=True))


def _head(text: str, tokens, ti: int) -> str | None:
    """The org head word ending at token `ti` (大学, 教育局, 党委), or None."""
    suffixes, lengths, not_suffix, ns_lengths = _lists()
    ts, te = tokens[ti]
    tok, common = text[ts:te], R.common_words()
    sfx = next((text[te - L:te] for L in lengths if L <= te and text[te - L:te] in suffixes), None)
    if sfx is None:
        return None
    sfx_start = te - len(sfx)
    if len(sfx) == 1 and ((tok in common and common[tok] != "nt")
                          or re.match(r"[一二三四五六七八九十两\d余多个]", text[sfx_start - 1:sfx_start])
                          or len(tok) == 2
                          or (len(tok) == 1 and (ti == 0 or tokens[ti - 1][1] - tokens[ti - 1][0] < 2))):
        return None  # 干部, 全部, 一处, 心系: a common word, not a head word
    if text.startswith(AFTER_PLACE, te) and sfx in ("学院", "大学", "中学", "小学"):
        return None  # 信控学院楼, 学院路: a building or a street
    if any(text[te - L:te] in not_suffix for L in ns_lengths if L <= te):
        return None  # 报告厅, 会议室, 主委
    return sfx


def _extend_left(text: str, tokens, ti: int, sfx: str, sfx_start: int) -> tuple[int, list[str]]:
    """Start of the name and its body tokens (right to left), walking left from the head word."""
    te = tokens[ti][1]
    k = ti
    while k > 0 and tokens[k][0] > sfx_start:
        k -= 1
    start, j, ks = sfx_start, k - 1, tokens[k][0]
    if ks < sfx_start:   # the head word ends a longer token (外文学院): its first part is body
        cut = _stop_prefix(text[ks:sfx_start])
        start, j = (ks, j) if cut is None else (ks + cut, -1)
    if j >= 0 and tokens[j][1] == start and ORDINAL.match(text[tokens[j][0]:start]) and len(sfx) <= 2:
        start = tokens[j][0]  # 第一中学, 第二小学
        j -= 1
    body: list[str] = []
    while j >= 0 and te - tokens[j][0] <= MAX_ORG and tokens[j][1] == start:
        ps, pe = tokens[j]
        piece = text[ps:pe]
        if piece in (")", "）"):
            k3 = next((x for x in range(j - 1, max(-1, j - 12), -1)
                       if text[tokens[x][0]:tokens[x][1]] in ("(", "（")), None)
            inner = text[tokens[k3][1]:ps] if k3 is not None else ""
            if inner and (inner.endswith(STRONG) or inner in R.gazetteer()):
                start, j = tokens[k3][0], k3 - 1   # 公共管理学院（应急管理学院）研究生会
                continue
            break
        inside = piece == "代表" and text.startswith("大会", pe)   # 全国人民代表大会
        if not inside and not _is_name_token(piece):
            strong = sfx.endswith(STRONG + ("中心",)) or any(x in text[start:sfx_start] for x in STRONG)
            if piece == "与" and j > 0 and strong and _joins(text, tokens, j, start, sfx_start):
                start, j = ps, j - 1   # 力学与土木工程学院
                continue
            break
        cut = _stop_prefix(piece)
        if cut is not None:   # 由院|党委, 代表院|党委: keep what follows the stop word
            rest = piece[cut:]
            nxt = text[tokens[j + 1][0]:tokens[j + 1][1]] if j + 1 < len(tokens) else ""
            dangling = nxt in R.gazetteer() or nxt in R.word_set("ent_org_known.txt")
            if rest in R.gazetteer() or rest in LEVEL_PREFIX or R.common_words().get(rest, "")[:1] == "n" \
                    or (len(rest) == 1 and not dangling):   # 是力|土学院, 依托玉|高|附中
                start = ps + cut
                body.append(rest)
            break
        start = ps
        body.append(piece)
        j -= 1
    while text[start] in "与和":
        start += 1
    return start, body


def _trim(text: str, tokens, start: int, sfx_start: int, body: list[str]) -> int | None:
    """Drop a generic lead (学院教授委员会) or a stray character (建成|宁化一中); None when a qualifier rules it out."""
    for lead in sorted(LEAD_GENERIC, key=len, reverse=True):
        if text.startswith(lead, start) and start + len(lead) < sfx_start:
            start += len(lead)
            break
    left = next((text[a:b] for a, b in tokens if b == sfx_start), "")
    first = next((text[a:b] for a, b in tokens if a == start), "")
    qualifiers = R.word_set("ent_org_qualifiers.txt")
    if left in qualifiers or first in qualifiers or (len(left) >= 3 and left.endswith("型")):
        return None  # 民办学校, 世界一流大学, 国内航空公司
    if len(body) > 1 and len(body[-1]) == 1 and (
            body[-1] in STOP_CHARS | set("成建办变好")
            or (body[-1] not in R.gazetteer() and body[-1] not in LEVEL_PREFIX and len(body[-2]) >= 2)):
        start += 1
        body.pop()
    elif body and len(body[-1]) >= 3 and body[-1] not in R.common_words():
        lead = body[-1]
        k2 = next((k for k in (1, 2) if lead[k:] in R.gazetteer() and lead[:k] not in R.gazetteer()), None)
        if k2:
            start += k2   # 打造|成宁化|一中 -> 宁化一中
    return start


def _accept(text: str, tokens, start: int, sfx: str, sfx_start: int, te: int, body: list[str]) -> bool:
    """Whether text[start:te] names an organisation rather than a generic or a description."""
    common = R.common_words()
    if sfx in COMPANY:
        if any(text.startswith(w, te) for w in R.word_set("ent_org_not_after.txt")):
            return False  # 中东欧科技合作
        if not any(t not in common and t not in R.word_set("ent_org_modifiers.txt")
                   for t in body + [text[start:sfx_start]] if len(t) >= 2):
            return False  # 能源科技, 土地科技: a company needs a proper name (当升科技)
    name = text[start:te]
    while name and name[0] in LEVEL_PREFIX and len(name) > len(sfx) and _generic(name):
        name, start = name[1:], start + 1
    if start >= sfx_start:
        return False  # no body: 学校, 党委
    if _generic(text[start:te]) or text[start] in "市县区省校院镇乡村":
        return False  # 市人社局: a level prefix without its place
    if sfx == "所" and not any(x in text[start:sfx_start] for x in STRONG):
        return False  # 微电子所 only inside a named institution (清华大学微电子所)
    return sfx.endswith(STRONG) or len(sfx) >= 4 or _proper(text[start:sfx_start], body)


def _stop_prefix(tok: str) -> int | None:
    """For an unknown token that starts with a stop word (由院, 代表院): the length of that word."""
    if tok in R.common_words() or len(tok) < 2:
        return None
    if tok in R.gazetteer() or tok in R.word_set("ent_org_inner.txt"):
        return None
    if tok[:2] in R.word_set("ent_org_stop.txt") and len(tok) > 2:
        return 2
    return 1 if tok[0] in STOP_CHARS else None


def _joins(text: str, tokens, j: int, start: int, sfx_start: int) -> bool:
    """与/和 inside a name (力学与土木工程学院): the part before it is a name word, not an org or a place."""
    ps, pe = tokens[j - 1]
    left = text[ps:pe]
    right = text[start:sfx_start]
    if not _is_name_token(left) or left in R.gazetteer() or left in R.word_set("ent_roles.txt"):
        return False  # 副教授与力土学院: a person's post, not part of a name
    if R.common_words().get(left, "x")[:1] not in ("n", "v"):
        return False  # 找准与…: the left part must be a dictionary noun (力学与, 地质与, 发展与)
    if any(left.endswith(s) for s in R.word_set("ent_org_suffix.txt")):
        return False  # 中国矿业大学与清华大学: two orgs
    return 0 < len(right) <= 12 and not any(g in right for g in (right[:2], right[:3]) if g in R.gazetteer())


def _proper(body: str, tokens: list[str]) -> bool:
    """A body that names something: a place, a known or nested org, a name word, or a noun that is not a generic modifier."""
    if not body:
        return False
    mods, common, gaz = R.word_set("ent_org_modifiers.txt"), R.common_words(), R.gazetteer()
    if any(body.find(k) >= 0 for k in R.word_set("ent_org_known.txt") if len(k) >= 2) or any(s in body for s in STRONG):
        return True
    toks = [t for t in tokens if body.find(t) >= 0] or [body]
    for t in toks:
        if t in mods or _generic(t):
            continue
        if t in gaz or (len(t) >= 2 and t not in common):
            return True
        if common.get(t, "")[:1] == "n" and len(t) >= 2:
            return True
    return False


def find_known(text: str, name: str, label: str, starts: set[int]) -> list[tuple[int, int, str]]:
    rx = R.alternation(name)
    return [(m.start(), m.end(), label) for m in rx.finditer(text) if m.start() in starts]
