"""ORG names beyond the head-word grammar of ent_org: units written after a named body
(`nested_units`: 徐州市教育局|基础|教育处, 中国科学院|南京分院), listed names (ent_org_known.txt) with
a place before them or a company head after them, parties named by one token (基民党), the part of a
nested name the document also writes alone (梦启支教团), and a university's short form (矿大).
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import ent_resources as R
from .ent_names import role_regex
from .spans import occurrences
from .ent_org import MAX_ORG, PERSON_NOUN, STOP_CHARS, TOP_BODIES, _level_place_starts, governs, is_generic

HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")
HEAD_CHARS = set("系院部处科室局厅所站社馆司会团队组委")
MEDIA_TAIL = re.compile(r"(?:微博|新闻|财经|客户端|视频)")
KNOWN_TAIL = re.compile(r"(?:技术|科技|控股)?(?:股份有限公司|有限责任公司|有限公司|集团|公司)")
ABBREV_NOT_AFTER = R.word_class("abbrev_not_after")
ABBREV_CONTEXT = R.word_class("abbrev_context")


def find_parties(text: str, tokens) -> list[tuple[int, int, str]]:
    """A party named by one out-of-dictionary token ending in 党 (基民党, 人民党, 独立党; not 执政党, 我党);
    a country before it is a GPE of its own (德国|基民党)."""
    common = R.common_words()
    return [(a, b, "ORG") for a, b in tokens
            if 3 <= b - a <= 5 and text[b - 1] == "党" and re.fullmatch(r"[\u4e00-\u9fff]+", text[a:b]) and text[a:b] not in common
            and common.get(text[a:b - 1], "n")[:1] not in "vadp"
            and not (text[b:b + 1] == "的" and text[a:b - 1] in common)]   # 领会|党的 (but 基民党的)   # 贯彻|党 (贯彻党的方针) is a verb and its object


def find_known(text: str, name: str, label: str, starts: set[int], ends: set[int] | None = None) -> list[tuple[int, int, str]]:
    """Listed names at a token start; with `ends`, also ending at a token end (民主党|派 is not 民主党)."""
    rx, gaz = R.alternation(name), R.gazetteer()
    out = []
    for m in rx.finditer(text):
        s, e = m.start(), m.end()
        if s not in starts and not (e in ends and _word_glued_before(text, s, starts)):
            continue
        if ends is not None and e not in ends and e < len(text) and _word_runs_on(text, s, e):
            continue   # 民主党|派: the listed name is the first part of a longer word
        if label == "ORG" and (text[s:e] == "中共" and text.startswith(("党员", "预备党员"), e) or text[s:e] == "共青团" and text.startswith("员", e)
                               or re.match(r"(?:会议|文档|课堂)(?![室厅])", text[e:e + 3])
                               and re.search(r"(?:通过|利用|借助|使用|采用|依托|线上|云端|以)$", text[max(0, s - 3):s])):
            continue   # 中共党员, 共青团员: a political status; 通过腾讯会议召开: the product used, not the company
        out.append((s, e, label))
        tail = KNOWN_TAIL.match(text, e) if label == "ORG" else None
        if tail:
            out.append((s, tail.end(), label))   # 联想集团, 华为技术有限公司: the listed name with its company head
        media = MEDIA_TAIL.match(text, e) if label == "ORG" and not tail else None
        if media and (ends is None or media.end() in ends) and not re.match(r"发布|中心|工作|稿|频道|部", text[media.end():media.end() + 2]):
            out.append((s, media.end(), label))   # 新浪微博, 腾讯新闻, 网易财经: a listed company's outlet
        if text[s] in "中国全党共人新团少" :
            continue   # national bodies (中共中央, 国务院) take no place prefix
        for L in (4, 3, 2):   # 深圳大疆, 美国苹果公司: a place written right before the name is part of it
            if s - L >= 0 and s - L in starts and gaz.get(text[s - L:s], "").startswith(("country", "province", "city")):
                out.append((s - L, e, label))
                break
    return out


MEDIA_END = R.word_class("media_end")
MEDIA_CUES = (
    re.compile(r"(?m)^【(?P<n>[^】\s]{2,12})】"),   # 【21世纪经济报道】 opening an item of a news digest
    re.compile(r"据(?P<n>[^，。、；：\s“”《》（）()\d]{2,10}?)(?:此前|日前|近日|今日|昨日|昨天|今天|\d{1,2}月\d{1,2}日)?(?:报道|消息)"),   # 据新流财经此前报道
    re.compile(r"(?m)^(?!据)(?P<n>[^，。、；：\s“”《》【】]{2,10}?)\d{1,2}月\d{1,2}日(?:讯|消息)"),   # IT之家9月30日消息
)
MEDIA_NOT = R.word_class("media_not")


def media_names(text: str, starts: set[int], ends: set[int]) -> list[tuple[int, int, str]]:
    """A news outlet named where a report is credited to it: a 【…】 digest tag ending like a paper or a site,
    据…报道/消息, and …9月30日消息 opening a line (媒体, 外媒, 知情人士 are not names)."""
    out = []
    for k, rx in enumerate(MEDIA_CUES):
        for m in rx.finditer(text):
            s, e = m.span("n")
            name = m.group("n")
            if s not in starts or e not in ends or name in R.common_words() or name in R.gazetteer() or is_generic(name):
                continue
            if any(w in name for w in MEDIA_NOT) and not name.endswith(MEDIA_END):
                continue
            if k == 0 and not name.endswith(MEDIA_END):
                continue   # 【文化校庆】: a topic tag
            if not re.search(r"[\u4e00-\u9fff]", name) or name[-1] in "说称":
                continue
            if any(name[-L:] in R.gazetteer() for L in (2, 3, 4) if L < len(name)) and not name.endswith(MEDIA_END):
                continue   # 新华社北京|9月30日电: a dateline ends in its place, not in the outlet's name
            out.append((s, e, "ORG"))
    return out


def _word_glued_before(text: str, s: int, starts: set[int]) -> bool:
    """贯彻党|中央: pkuseg glued a dictionary word to the first character of the name."""
    ts = max((x for x in range(max(0, s - 4), s) if x in starts), default=None)
    return ts is not None and s - ts >= 2 and text[ts:s] in R.common_words()


UMBRELLAS = R.word_class("umbrellas")
ORGANS = R.word_class("organs")


def umbrella_organs(text: str, tokens) -> list[tuple[int, int, str]]:
    """An organ named after its umbrella body (联合国贸易与发展会议, 联合国贸发会议, 国务院新闻办公室): up to
    five name words after the umbrella, ending in an organ word; 会议 names a body only here."""
    out, common = [], R.common_words()
    for i, (a, b) in enumerate(tokens):
        if text[a:b] not in UMBRELLAS:
            continue
        e, k = b, i + 1
        while k < len(tokens) and k <= i + 5 and tokens[k][0] == e:
            tok = text[tokens[k][0]:tokens[k][1]]
            organ = k > i + 1 and (tok in ORGANS or (tok.endswith(ORGANS) and tok not in common))   # not 决策|部署
            if organ:
                out.append((a, tokens[k][1], "ORG"))
                break
            pos = common.get(tok, "n")
            if not (tok == "与" and k > i + 1 or pos[:1] in ("n", "j") or pos == "vn") \
                    or tok in R.word_set("ent_roles.txt") or not re.fullmatch(r"[\u4e00-\u9fff]+", tok):
                break   # 联合国|秘书长, 联合国|在: not an organ's name
            e, k = tokens[k][1], k + 1
    return out


def _word_runs_on(text: str, s: int, e: int) -> bool:
    """民主党|派, 工党|支部, 高通|量: a dictionary word runs past the listed name; a person suffix does not
    count (中国共产党人, 少先队员 still name the organisation inside them)."""
    if text[e:e + 1] in "员人们":
        return False
    common = R.common_words()
    return any(text[s:e + k] in common or text[e - 1:e + k] in common for k in (1, 2))


def inner_names(text: str, orgs: list[tuple[int, int, str]], starts: set[int]) -> list[tuple[int, int, str]]:
    """The part of a nested name after its parent organisation, where the document also writes it alone
    (中国矿业大学|梦启支教团 … 梦启支教团共计18名同学): every standalone mention is an ORG."""
    spans = sorted({(s, e) for s, e, _ in orgs})
    by_start: dict[int, list[int]] = {}
    for s, e in spans:
        by_start.setdefault(s, []).append(e)
    out = []
    for s, e in spans:
        for b in by_start[s]:
            rest = text[b:e]
            if b >= e or len(rest) < 4 or is_generic(rest) or not re.fullmatch(r"[\u4e00-\u9fff]+", rest):
                continue
            if not any(x not in R.common_words() and not (len(x) == 1 and x in HEAD_CHARS) for x in R.split_words(rest)):
                continue   # 数学学院|校友服务站, …|音乐系: made of dictionary words and a head, a description when alone
            alone = [x for x in occurrences(text, rest) if x in starts and not any(a < x < z for a, z in spans)]
            out.extend((a, a + len(rest), "ORG") for a in alone)
    return out


@lru_cache(maxsize=1)
def _gazetteer_prefixes() -> frozenset[str]:
    return frozenset(k[:2] for k in R.gazetteer())


COMPANY_TAIL = re.compile(r"(?:(?:科技|技术|控股|股份|实业|网络|信息)*(?:股份有限公司|有限责任公司|有限公司|集团|公司))$")


def company_short_forms(text: str, orgs: list[tuple[int, int, str]], starts: set[int], ends: set[int]) -> list[tuple[int, int, str]]:
    """A company the document names with its head (苹果公司, 阿里巴巴集团, 富士康科技集团) is the same ORG
    when written alone (苹果回应…): every whole-token mention of the name before the head."""
    gaz, out = R.gazetteer(), []
    bodies = set()
    for s, e, _ in orgs:
        m = COMPANY_TAIL.search(text, s, e)
        if m and m.end() == e and 2 <= m.start() - s <= 6:
            body = text[s:m.start()]
            if body not in gaz and not is_generic(body) and re.fullmatch(r"[\u4e00-\u9fffA-Za-z]+", body):
                bodies.add(body)
    for body in bodies:
        for a in occurrences(text, body):
            b = a + len(body)
            if a in starts and b in ends:
                out.append((a, b, "ORG"))
    return out


def university_abbrevs(text: str, orgs: list[tuple[int, int, str]], starts: set[int], ends: set[int],
                       publisher: str | None = None) -> list[tuple[int, int, str]]:
    """Short forms of a university that the document names in full or that publishes it (中国矿业大学 … 在矿大求学):
    the first character of its name after a country prefix + 大 (矿大, 北大), or the two-character body of a
    four-character name that is not a place (清华). Only whole tokens, not before 学 (…大学子) or a legislature
    word (人大代表)."""
    gaz = R.gazetteer()
    abbrevs = set()
    for name in [text[s:e] for s, e, _ in orgs] + ([publisher] if publisher else []):
        if "大学" not in name:
            continue
        name = name[:name.index("大学") + 2]   # 中国矿业大学计算机学院 -> 中国矿业大学
        if len(name) < 4 or len(name) > 10:
            continue
        body = name[:-2]
        for L in (2, 3):
            if len(body) - L >= 2 and gaz.get(body[:L], "").startswith("country"):
                body = body[L:]   # 中国矿业大学 -> 矿业
                break
        if len(body) == 2 and not any(c in body for c in "大学院") and body[0] + "大" != name[:2]:
            abbrevs.add(body[0] + "大")
        if len(name) == 4 and name[:2] not in R.common_words() and not any(c in name[:2] for c in "东南西北中") \
                and name[:2] not in _gazetteer_prefixes():
            abbrevs.add(name[:2])
    if "大学" in text or "学院" in text:   # in a university's own text: X大 before a campus word (矿大青年, 矿大校友)
        common = R.common_words()
        for m in re.finditer(r"[\u4e00-\u9fff]大(?=" + "|".join(ABBREV_CONTEXT) + ")", text):
            a = m.group(0)
            if m.start() in starts and m.end() in ends and common.get(a, "j") == "j" and a not in gaz \
                    and a[0] not in "一二三四五六七八九十两百千万几多广强伟盛重巨最更很太较扩放" and a not in abbrevs:
                abbrevs.add(a)
    out = []
    for a in abbrevs:
        for s in occurrences(text, a):
            e = s + len(a)
            if s not in starts or text.startswith(ABBREV_NOT_AFTER, e):
                continue
            if e not in ends:
                continue
            prev = text[max((x for x in starts if x < s), default=0):s]
            if s > 0 and re.match(r"[\u4e00-\u9fff]", text[s - 1]) and text[s - 1] not in "与和及" and not governs(prev) \
                    and not (R.common_words().get(prev, "")[:1] in ("n", "a") and prev not in gaz):
                if gaz.get(prev, "").startswith("country") and e in ends:
                    out.append((s - len(prev), e, "ORG"))   # 中国矿大: the short form with its country
                continue   # 民盟矿大: part of a longer name (not after a plain word: 青春|矿大, 特色|矿大)
            nxt = re.match(r"[\u4e00-\u9fff]{2}", text[e:e + 2])
            if nxt and e + 2 in ends and text[e:e + 2] not in R.common_words() and text[e:e + 2] not in gaz \
                    and any(re.search(text[e] + ".{1,3}" + text[e + 1] + ".{0,4}学院$", text[x:y]) for x, y, _ in orgs):
                e += 2   # 矿大公管: the short form of a school the document names (公共管理学院) follows
            out.append((s, e, "ORG"))
    return out


SEASONS = R.word_class("seasons")   # 经济管理学院|暑期|社会|实践团
TEAM_UNITS = R.word_class("team_units")
BRANCH_HEADS = R.word_class("branch_heads")
BROADCASTERS = R.word_class("broadcasters")
UNIT_END = ("处", "部", "科", "室", "办", "局")
RESEARCH_UNITS = ("中心", "研究院", "研究所", "实验室", "专委会", "专业委员会")   # a unit that takes up to four name words
ORDINAL_WORD = re.compile(r"第[一二三四五六七八九十]{1,3}")


def _research_unit_ahead(text: str, tokens, k: int, n: int) -> bool:
    """A third or fourth name word is taken only when a research unit closes the run within `n` more
    tokens (…|卫星|减灾|应用|中心, …学会|人工|智能|与|模式|识别|专委会)."""
    for a, b in tokens[k:k + n + 1]:
        if text[a:b] in RESEARCH_UNITS:
            return True
        if not re.fullmatch(r"[\u4e00-\u9fff]{1,4}", text[a:b]):
            return False
    return False


def _office_word(tok: str, adjacent: bool) -> bool:
    """An office word that can follow its body (…|组织部, 公管学院|学工办, 基础|教育科): a dictionary word, or right
    after the body a generic office or a three-character X办; or a noun and 科/处."""
    common = R.common_words()
    if tok in common or len(tok) == 3 and common.get(tok[:2], "")[:1] == "n" and tok[-1] in "科处":
        return True
    return adjacent and (tok in R.word_set("ent_org_generic.txt") or len(tok) == 3 and tok[-1] == "办")


def nested_units(text: str, tokens, cands: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Nested units written after a named body join it (徐州市教育局|基础|教育处, …委员会|组织部,
    …化工学院|应用|化学系): up to two name words, then a unit word (a dictionary word of three or four
    characters ending in 处/部/科/室/办/局, not 内部 or 办公室) or another ORG found there."""
    common, not_suffix = R.common_words(), R.word_set("ent_org_not_suffix.txt")
    index = {a: k for k, (a, _) in enumerate(tokens)}
    by_start: dict[int, list[int]] = {}
    for a, b, _ in cands:
        by_start.setdefault(a, []).append(b)
    out, seen = [], set()
    spans = sorted({(a, b) for a, b, _ in cands})
    _join_overlaps(text, spans, spans, out, seen)
    todo = sorted({(a, b) for a, b, _ in cands})
    ends_at = {b: a for a, b in tokens}
    while todo:
        s, e = todo.pop()
        if s > 0 and re.match(r"[\u4e00-\u9fff]", text[s - 1]) and not governs(text[ends_at.get(s, s):s]) \
                and text[ends_at.get(s, s):s] not in ("和", "与", "及", "暨"):
            continue   # 自然|资源局, 住房和|城乡建设厅: the body may be cut, do not build on it
        k, gap, verb, member = index.get(e), 0, False, False
        while k is not None and k < len(tokens) and gap <= 4:
            a, b = tokens[k]
            tok = text[a:b]
            if tok == "与" and 1 <= gap < 4 and k + 1 < len(tokens) and tokens[k + 1][0] == b:
                k += 1   # 自动化学会|智能|优化|与|应用|专委会: 与 joins two name words of the unit
                continue
            if gap == 0 and ORDINAL_WORD.fullmatch(tok):
                gap, k = 1, k + 1   # 自然资源部|第一|海洋|研究所
                continue
            ends_here = [x for x in by_start.get(a, []) if x > a and not text.startswith(TOP_BODIES, a)   # …办公厅|国务院办公厅
                         and (not verb or text[x - 1] in "处部科室办局系")
                         and (not _level_place_starts(text, a) or text[:x].endswith(BRANCH_HEADS)   # 中国科学院|南京分院
                              or text[e - 2:e] == "大学" and text[:x].endswith(("研究院", "研究所", "研究中心"))   # 中国矿业大学|北京…研究院
                              or gap == 0 and text[e - 2:e] == "大学" and text[x - 2:x] == "学院" and not text[a:x].endswith("大学学院"))]   # 上海大学|上海美术学院
            unit = 3 <= len(tok) <= 4 and tok.endswith(UNIT_END) and _office_word(tok, gap == 0) and tok != "实验室" \
                and tok not in not_suffix and tok not in R.word_set("ent_roles.txt")   # not 学院|实验室 (its labs)
            unit = unit or (gap == 0 and len(tok) == 3 and tok[-1] in "处科室" and role_regex().match(text, b) is not None
                            and tok not in R.word_set("ent_roles.txt"))   # 徐州市第一人民医院|院感处|主任
            unit = unit or (gap >= 1 and not verb and tok in RESEARCH_UNITS)   # 中国矿业大学|美育|中心, 应急管理部|卫星|减灾|应用|中心
            unit = unit or (gap == 0 and (len(tok) == 3 and tok.endswith("学院") or tok == "研究生院")
                            and text[e - 2:e] == "大学")   # 中国人民大学|法学院, 中国矿业大学|研究生院
            team = tok.endswith(TEAM_UNITS) and tok not in not_suffix   # 数学学院|学生|党员|工作站
            team = team or (tok.endswith("频道") and text[s:e].endswith(BROADCASTERS))   # 中央电视台|新闻|频道
            team = team or (len(tok) == 3 and tok[-1] == "司" and text[e - 1] == "部" and tok not in common)   # 财政部|预算司, 教育部|思想|政治|工作司
            team = team or (member and gap >= 2 and not verb and tok in RESEARCH_UNITS)   # 学院|大学生|心理|自助|中心
            unit = (unit and not member) or team
            new = max(ends_here, default=b if unit else None)
            if member and not team:
                new = None   # 学院|学生|会: a member noun leads only to a team or a station
            if new is not None and b - s <= MAX_ORG + 6 and (s, new) not in seen:
                seen.add((s, new))
                out.append((s, new, "ORG"))
                todo.append((s, new))
                break
            if not re.fullmatch(r"[\u4e00-\u9fff]{2,4}", tok) or tok in R.word_set("ent_org_stop.txt") \
                    or tok in R.word_set("ent_roles.txt") or common.get(tok, "n")[:1] not in ("n", "v") and tok not in SEASONS \
                    and not (gap >= 1 and common.get(tok) == "a" and _research_unit_ahead(text, tokens, k + 1, 0)) or gap == 4 \
                    or gap >= 2 and not _research_unit_ahead(text, tokens, k + 1, 4 - gap):
                break
            member = member or tok in PERSON_NOUN
            verb = verb or (common.get(tok, "n")[:1] == "v" and common.get(tok) != "vn" and tok not in R.word_set("ent_org_inner.txt"))   # 高度|重视|学院所: after a verb only a unit word
            gap += 1
            k += 1
    _join_overlaps(text, sorted({(a, b) for a, b, _ in out}), spans, out, seen)
    return out


def _join_overlaps(text: str, lefts, rights, out: list, seen: set) -> None:
    """Two readings of one chain overlapping at a head are one name (南京市规划和自然资源局 + 自然资源局秦淮分局,
    上海大学上海美术学院 + 上海美术学院党委)."""
    for a, b in lefts:
        for a2, b2 in rights:
            if a < a2 < b < b2 and b2 - a <= MAX_ORG + 6 and text[b - 1] in HEAD_CHARS and (a, b2) not in seen:
                seen.add((a, b2))
                out.append((a, b2, "ORG"))


QUOTED_TEAM = re.compile(r"“([^“”\n]{2,12})”((?:暑期)?(?:社会)?实践团|实践队|实践分队|宣讲团|支教团|服务团|(?:志愿者?)?服务队|志愿队|"
                         r"突击队|小分队|文艺社团|社团|工作室|团队|战队|队)")


def quoted_teams(text: str, orgs: list[tuple[int, int, str]], ends: set[int]) -> list[tuple[int, int, str]]:
    """A team named in quotes (“绿色小精灵”实践团, “红石榴”文艺社团), with the body written right before it
    (经济管理学院“绿色小精灵”暑期实践团); the quoted name is no slogan when a team word closes it."""
    org_end = {b: a for a, b, _ in orgs}
    out = []
    for m in QUOTED_TEAM.finditer(text):
        if re.search(r"[，。；！？,;!?]", m.group(1)) or m.end() not in ends:
            continue   # a sentence in quotes, or the team word starts a longer word (“青春”|队伍)
        out.append((org_end.get(m.start(), m.start()), m.end(), "ORG"))
    return out


CLASS_BRANCH = re.compile(r"([\u4e00-\u9fff]{2,8})((?:19|20)?\d{2}(?:-\d{1,2})?班(?:团支部|党支部))")


def class_branches(text: str, starts: set[int]) -> list[tuple[int, int, str]]:
    """A class's league or party branch, named by its major and class code (会计学2020-1班团支部, 土木20-09班团支部);
    the major starts after the last function word before it (支部与|会计学…)."""
    out = []
    for m in CLASS_BRANCH.finditer(text):
        major = m.group(1)
        cut = max((k + 1 for k, c in enumerate(major) if c in "与和及向对在由为的是从"), default=0)
        s = m.start(1) + cut
        if m.end(1) - s >= 2 and (s in starts or cut):   # 与会|计学: pkuseg glued the function word on
            out.append((s, m.end(), "ORG"))
    return out


def quoted_inside(text: str, orgs: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A quoted coinage between two parts of one name is inside it (国际学院“一带一路”国情与文化教育研究传播中心):
    an organisation ends right before the opening quote and another starts right after the closing one."""
    by_start = {a: b for a, b, _ in orgs}
    out = []
    for a, b, _ in orgs:
        m = re.match(r"“[^“”\n，。、]{1,10}”", text[b:b + 12])
        if m and b + m.end() in by_start:
            out.append((a, by_start[b + m.end()], "ORG"))
    return out


QUOTED_NAME = re.compile(r"“([\u4e00-\u9fff]{6,30})”")


def quoted_names(text: str, orgs: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A full name in quotes whose last part the grammar found (“江苏省粉尘治理与职业防护工程研究中心”,
    “汉唐智慧助残公益研究中心”): the quotes mark where the name starts."""
    inner = {b: a for a, b, _ in orgs}
    return [(m.start(1), m.end(1), "ORG") for m in QUOTED_NAME.finditer(text)
            if m.start(1) < inner.get(m.end(1), m.start(1)) and inner[m.end(1)] - m.start(1) >= 2
            and R.common_words().get(m.group(1)[:2], "")[:1] != "v"]   # not a slogan led by a verb (“走进魔法学院”)


BRANCHED_BODIES = R.word_class("branched_bodies")


def national_branches(text: str, orgs: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A national body with local offices written right before one of them is one name
    (国家税务总局|徐州市税务局, 国家统计局|徐州调查队): the office is led by its place."""
    by_start = {a: b for a, b, _ in orgs}
    return [(a, by_start[b], "ORG") for a, b, _ in orgs
            if text[a:b] in BRANCHED_BODIES and b in by_start and _level_place_starts(text, b)]


LEVEL_CHARS = "省市县区镇乡"
SENTENCE_END = re.compile(r"[。！？；!?\n]")


def _levels_named(text: str, a: int, b: int) -> dict[str, list[tuple[int, int]]]:
    """Level character -> spans of the places of that level named in text[a:b] outside 《》 (徐州市, 宁化县,
    also in 十堰市委)."""
    gaz, named, depth = R.gazetteer(), {}, 0
    for i in range(a + 1, b):
        depth += (text[i] == "《") - (text[i] == "》")
        if text[i] in LEVEL_CHARS and depth <= 0:   # not inside a title (制订《郧阳区教育系统…办法》)
            if i + 1 < b and text[i + 1] in LEVEL_CHARS and any(text[max(0, i - L):i + 2] in gaz for L in (1, 2, 3, 4)):
                continue   # 沙县区 is a district, not a county
            for L in (6, 5, 4, 3, 2):
                if i + 1 - L >= a and text[i + 1 - L:i + 1] in gaz:
                    named.setdefault(text[i], []).append((i + 1 - L, i + 1))
                    break
    return named


def named_level_units(text: str, tokens, starts: set[int], ends: set[int]) -> list[tuple[int, int, str]]:
    """A bare level prefix and a body (市政府, 县教育局, 市总工会) is an organisation when the same sentence names
    a place of that level (十堰市委、市政府; 徐州市教育工会联合市总工会): SPEC's level-prefixed generic, which
    is generic (not an ORG) otherwise (受市委组织部、市教育局联合嘉奖)."""
    bodies = R.word_list_longest_first("ent_org_level_bodies.txt")
    common = R.common_words()
    start_of = {b: a for a, b in tokens}
    out, sent_start = [], 0
    for m in [*SENTENCE_END.finditer(text), None]:
        sent_end = m.start() if m else len(text)
        named = None
        for s in range(sent_start, sent_end):
            if text[s] not in LEVEL_CHARS:
                continue
            lead = text[s - 1] if s > sent_start else ""
            tok_start = start_of.get(s + 1, s)
            glued = tok_start < s and common.get(text[tok_start:s], "")[:1] in ("v", "p", "c")   # 联合市|总工会: the verb took the prefix
            before = text[start_of.get(s, s):s]
            if not glued and (s not in starts or (HAN_CHAR.match(lead) and not _function_word(before, common))):
                continue   # 十堰|市委: the prefix belongs to a place, or the character is inside a word
            body = next((w for w in bodies if text.startswith(w, s + 1) and s + 1 + len(w) in ends), None)
            if body is None or text.startswith("常委", s + 1 + len(body)):
                continue   # 县委常委、副县长: a post, not the body
            if named is None:
                named = _levels_named(text, sent_start, sent_end)
            e = s + 1 + len(body)
            if any(not (a <= s < b) for a, b in named.get(text[s], [])):
                out.append((s, e, "ORG"))
        sent_start = sent_end + 1
    return out


def _function_word(prev: str, common) -> bool:
    """A function word or a verb before a level prefix (受|市委组织部, 和|县政府), not part of a name."""
    return prev in STOP_CHARS or prev == "同" or common.get(prev, "")[:1] in ("p", "c", "v", "u", "d")


def listed_with_orgs(text: str, orgs: list[tuple[int, int, str]], starts: set[int], ends: set[int]) -> list[tuple[int, int, str]]:
    """An item of a 、-list of organisations is one too when it stands between two of them, or closes the list
    after 和 with two before it (中国矿业大学、徐州市铜山区商务、徐工集团、京东集团和中国擎天软件): 3-10 characters on
    token edges, led by a place or not a dictionary word."""
    org_at = {a: b for a, b, _ in orgs}
    org_end = {b: a for a, b, _ in orgs}
    out = []
    for m in re.finditer(r"(?<=[、和])[\u4e00-\u9fff]{3,10}(?=[、和])|(?<=和)[\u4e00-\u9fff]{3,10}", text):
        s = m.start()
        if s not in starts or s in org_at:
            continue
        e = next((x for x in range(s + 10, s + 2, -1) if x in ends and x <= m.end() and x < len(text) and text[x] in "、和分等共联"), None)
        if e is None:
            continue
        left = s - 1 in org_end
        right = text[e:e + 1] == "、" and e + 1 in org_at
        two_before = left and org_end[s - 1] - 1 in org_end
        name = text[s:e]
        if not (left and (right or (text[s - 1] == "和" and two_before))):
            continue
        if name in R.common_words() or is_generic(name) or not (_level_place_starts(text, s) or name[:2] not in R.common_words()):
            continue
        out.append((s, e, "ORG"))
    return out
