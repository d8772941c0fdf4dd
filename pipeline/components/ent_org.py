"""ORG by suffix grammar over the pkuseg tokens.

A head word from ent_org_suffix.txt (…大学 …教育局 …党委) closes a name; the
name extends left over tokens that can belong to a name (places, nouns, unknown
words) and stops at punctuation, function words (jieba POS p c u r d …), verbs
other than those found inside names (ent_org_inner.txt) and the words of
ent_org_stop.txt. A bare generic (学校, 党委, 校团委, 市教育局) is not an ORG.

Precision guards: the head must end a word (电子|商务, 大学|生 are not heads) and not
open an award (…政府奖, …团委称号); a one-character head (处, 部, 系) needs a name
before it (not 400米处, 人士处); schools, companies, hospitals and governments need a
proper prefix (a place, a known org, an ordinal, a quoted or out-of-dictionary brand
word; not 理工科学校, 网约车公司), 政府 and 联盟/大使馆/指挥部 a place (or a known org);
award titles (样板支部, 红旗团委) and level-only labs (国家重点实验室) are not ORGs; a
lead token that is a verb or a fragment (入职|学院, 各地起|校) is not part of a name;
a one-character body takes the character cut off before it (暨|南大学 -> 暨南大学).
Nested units (…教育局|基础|教育处), listed names, parties, names written alone and university
short forms are in ent_org_forms.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from . import ent_names
from . import ent_resources as R

LEVEL_PREFIX = set("校院市县区省镇乡村系部我本该全各")
STOP_POS = {"p", "c", "u", "r", "d", "y", "e", "o", "t", "ad", "m", "q", "f", "uj", "ul", "zg", "a"}
NAME_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·]+$")
STRONG = R.word_class("strong")
BREAK_STOP = set("但现多各其这那每即并又也还都共约近后前曾已均再所组个名位等或")   # not a name's first character after 、
STOP_CHARS = set("由在对向为被把将从经据按让给使请与和及赴到来去于是不暨兼原级要用有好以")
LEAD_GENERIC = frozenset(R.word_class("lead_generic"))
COMPANY = R.word_class("company")
AFTER_PLACE = R.word_class("after_place")
PLACE_PAREN = re.compile(r"[(（]([\u4e00-\u9fff]{2,6})[)）]")
ORDINAL = re.compile(r"^第?[一二三四五六七八九十\d]+$")
MAX_ORG = 30
PARTICLE_SUO = re.compile(r"[做有在说述需能属得谓作取获学讲提想见]")   # 所 before a verb is a particle (学院所做)
# heads that need a proper name before them: a place, a brand-like unknown word, a known org or a quoted name
# (理工科学校, 网约车公司, 课堂中学 are descriptions)
STRICT = R.word_class("strict")
KINDS_OF_BODY = R.word_class("kinds_of_body")
ALLIANCES = R.word_class("alliances")
PLACE_ONLY = R.word_class("place_only")   # 数字政府, 有为政府, 工党政府: 政府 names a body only after a place
SCOPE = R.word_class("scope")   # 全国电子商务产教融合创新联盟 (not 中小学校群服务联盟)
PLACE_OR_KNOWN = R.word_class("place_or_known")   # 长三角高校联盟, 中国驻英国大使馆
PARTY_HEADS = ("支部", "党支部", "团支部", "总支", "党总支", "团总支", "团委", "党委", "分会", "委员会", "集体", "班组")
AWARD = R.word_class("award")
LAB_HEADS = R.word_class("lab_heads")
LAB_LEVELS = frozenset(R.word_class("lab_levels"))
LAB_KINDS = frozenset(R.word_class("lab_kinds"))
PERSON_NOUN = frozenset(R.word_class("person_noun"))
VERB_LEAD = set("入进出来去回返赴至题任调考留升转读就报拟离起改更并划归称名作")
VERB_TAIL = set("职作为入校读学到任名称回至出进")
NOT_AFTER_HEAD = R.word_class("not_after_head")
STOP_TOKEN = re.compile(r"^[新上下本首]?[一二三四五六七八九十百千万两\d]+[余多]?[届次个名位年月日期批家所项]?$|^[届次个名位年月日第]$")


def _is_name_token(tok: str) -> bool:
    if not NAME_CHAR.match(tok) or STOP_TOKEN.match(tok) or tok in ("·", "•"):
        return False   # 重庆·西南大学: the dot joins a place and a name, it is not inside one
    if len(tok) == 2 and tok[1] in "着了过的得" and tok not in R.gazetteer() and tok not in R.common_words():
        return False   # 带着|学院, 更|好的|电子: a verb or adjective with its particle
    if tok in R.word_set("ent_org_stop.txt") or tok.endswith("们") or tok in R.word_set("ent_roles.txt"):
        return False  # …专家南京信息工程大学: a person noun ends the name
    if tok in R.word_set("ent_org_inner.txt") or tok in R.gazetteer():
        return True
    if len(tok) >= 3 and tok not in R.common_words() and tok[-2:] not in R.word_set("ent_org_inner.txt") \
            and (R.common_words().get(tok[-2:]) == "v" or tok[-2:] in R.word_set("ent_org_stop.txt")):
        return False  # 张杨|杨荣获|中国土木工程学会: a verb glued to the end of a name ends it
    pos = R.common_words().get(tok)
    if pos is None:
        return True
    if pos in STOP_POS:
        return False
    if pos.startswith("v") and tok not in R.word_set("ent_org_inner.txt"):
        return False
    return True


def is_generic(name: str) -> bool:
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
    token_set = set(tokens)
    for ti in range(len(tokens)):
        sfx = _head(text, tokens, ti)
        if sfx is None:
            continue
        te = tokens[ti][1]
        sfx_start = te - len(sfx)
        start, body = _extend_left(text, tokens, ti, sfx, sfx_start)
        start = _trim(text, tokens, start, sfx_start, body)
        if start is not None and sfx in ("大学", "学院") and sfx_start - start == 1 and start >= 1 \
                and any(a == start - 1 and b > start for a, b in token_set) and re.match(r"[\u4e00-\u9fff]", text[start - 1]) \
                and text[start - 1] not in "的了是在和与及":
            start -= 1   # 暨|南|大学: a one-character body takes the character before it (暨南大学)
        if start is not None and _lead_verb(text, tokens, start, sfx_start):
            start = None
        if start is None or not _accept(text, tokens, start, sfx, sfx_start, te, body):
            continue
        m = PLACE_PAREN.match(text, te)
        if m and m.group(1) in R.gazetteer() and sfx in ("大学", "学院", "公司", "集团", "有限公司"):
            te = m.end()   # 中国地质大学(武汉): the campus or seat in brackets is part of the name
        cands.append((start, te, "ORG"))
    return cands


MEMBER_GROUPS = R.word_class("member_groups")
GUILD_HEADS = R.word_class("guild_heads")
STUDENT_BODY_HEADS = R.word_class("student_body_heads")


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
    dept = sfx == "系" and (len(tok) >= 3 and tok in common and tok not in not_suffix or tok == "学系")   # 新闻传播|学系
    dept = dept or (sfx in "局厅署" and len(tok) >= 3 and tok in common and tok not in not_suffix)   # 广东省|公安厅
    if len(sfx) == 1 and not dept and ((tok in common and common[tok] != "nt")
                          or re.match(r"[一二三四五六七八九十两\d余多个]", text[sfx_start - 1:sfx_start])
                          or len(tok) == 2
                          or (len(tok) == 1 and (ti == 0 or tokens[ti - 1][1] - tokens[ti - 1][0] < 2))):
        return None  # 干部, 全部, 一处, 心系: a common word, not a head word
    if text.startswith(AFTER_PLACE, te) and sfx in ("学院", "大学", "中学", "小学") \
            and not ent_names.role_regex().match(text, te + 2, te + 12) and not ent_names.role_regex().match(text, te + 3, te + 12):
        return None  # 信控学院楼, 学院路: a building or a street
    if any(text[te - L:te] in not_suffix for L in ns_lengths if L <= te):
        return None  # 报告厅, 会议室, 主委
    if any(w.startswith(sfx) and len(w) > len(sfx) and text.startswith(w, sfx_start) for w in not_suffix):
        return None  # 大学生, 中学生: the head is the first half of a longer word
    if re.fullmatch(r"[\u4e00-\u9fff]某[\u4e00-\u9fff]?", tok):
        return None  # 梁某科: an anonymised name, not an office (科)
    if sfx in ("部", "处", "科") and len(tok) in (3, 4) and tok not in common and not dept and not (
            tok[:-1] in R.gazetteer() or tok[:-1] in R.word_set("ent_org_inner.txt") or common.get(tok[:-1], "")[:1] in ("n", "v")
            or tok[:-1] in R.word_set("ent_org_known.txt")):
        return None   # 抢抓部, 文礼部, 百佳本科: one token whose first part is not a word
    if sfx == "处" and len(tok) == 3 and not (common.get(tok[:2], "")[:1] == "n" or tok[:2] in R.word_set("ent_org_inner.txt")):
        return None  # 遮挡处, 高崖处: a spot, not an office (科技处, 宣传处 are)
    if text.startswith(NOT_AFTER_HEAD, te):
        return None  # 江苏省新闻出版政府奖, 红旗团委称号: an award, not a body
    if sfx in ("大队", "中队") and text.startswith(("辅导员", "长"), te):
        return None  # 少先队大队辅导员: a post of the pioneers, not a police unit
    if sfx == "中心" and text.startswith(("城市", "城区", "地带", "区域", "位置", "枢纽"), te):
        return None  # 淮海经济区|中心|城市: the centre of a region, not a body
    for L in (1, 2, 3):   # 电子|商务, 如图所|示: a dictionary word runs on past the head
        w = text[sfx_start:te + L]
        if len(w) == len(sfx) + L and w in common and not _role_or_head(w[len(sfx):]) and (ti + 1 >= len(tokens) or any(b == te + L for _, b in tokens[ti + 1:ti + 4])):
            return None
    if len(sfx) == 1:
        prev = text[tokens[ti - 1][0]:tokens[ti - 1][1]] if ti > 0 and tokens[ti - 1][1] == sfx_start else tok[:-1]
        if re.search(r"\d", prev) or prev in PERSON_NOUN or prev in R.word_set("ent_roles.txt"):
            return None  # 400米处, 相关人士处: a place or a person, not an office
        if sfx == "处" and re.match(r"(?:获悉|了解到?|得知|获得|听说|拿到|领取|购买)", text[te:te + 3]):
            return None  # 从…处获悉
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
    ordinal = False
    if j >= 0 and tokens[j][1] == start and ORDINAL.match(text[tokens[j][0]:start]) and (len(sfx) <= 2 or sfx in PARTY_HEADS):
        start = tokens[j][0]  # 第一中学, 第二小学, 研究生第二党支部
        j -= 1
        ordinal = True
    body: list[str] = []
    while j >= 0 and te - tokens[j][0] <= MAX_ORG and tokens[j][1] == start:
        ps, pe = tokens[j]
        piece = text[ps:pe]
        if piece in (")", "）"):
            k3 = next((x for x in range(j - 1, max(-1, j - 12), -1)
                       if text[tokens[x][0]:tokens[x][1]] in ("(", "（")), None)
            inner = text[tokens[k3][1]:ps] if k3 is not None else ""
            qualifier = inner and len(inner) <= 10 and re.fullmatch(r"[\u4e00-\u9fff]+", inner) and k3 is not None and k3 > 0 \
                and not ent_names.role_regex().search(inner) \
                and _is_name_token(text[tokens[k3 - 1][0]:tokens[k3 - 1][1]]) and tokens[k3 - 1][1] == tokens[k3][0]
            if inner and (inner.endswith(STRONG) or inner in R.gazetteer() or qualifier):
                start, j = tokens[k3][0], k3 - 1   # 公共管理学院（应急管理学院）研究生会
                continue
            break
        if piece in ("大学", "学院") and start < sfx_start and sfx in ("学院", "大学"):
            break   # 第三|大学|音乐|学院: the head of another name ends here (joined by `nested_units`)
        if sfx in ("大学", "学院", "中学", "小学") and start < sfx_start and piece.endswith(("赛", "会议", "晚会", "仪式", "活动")):
            break   # 挑战赛|中国矿业大学校级选拔赛: an event written before the school
        if _new_name_starts(text, start, piece):
            break   # 灵璧县商务局|中国矿业大学: an org name ends on the left and a place-led name starts here
        if sfx in PARTY_HEADS and start < sfx_start and piece.endswith(("学院", "大学")) and "与" in text[start:sfx_start]:
            break   # 材料与物理学院|材料科学与工程研究生第二党支部: two names, joined by `nested_units`
        if len(piece) >= 2 and piece[-1] in "于在到向自有由从往对给以" and piece not in R.common_words() and piece not in R.gazetteer() \
                and piece not in R.word_set("ent_org_inner.txt"):
            break   # 投身于|东北大学, 人员有|星河天文学社, 工作营由|上海大学, 晚会以|校舞蹈协会: a verb ends here
        if piece in ("中", "东", "西", "南", "北") and j > 0 and tokens[j - 1][1] == ps and sfx in COMPANY \
                and text[tokens[j - 1][0]:ps] in R.gazetteer() and body and body[-1] not in R.common_words():
            start = ps   # 北京|中|联勘工程技术有限公司: a one-character start of the name after its place
            body.append(piece)
            j -= 1
            continue
        inside = piece == "代表" and text.startswith("大会", pe)   # 全国人民代表大会
        inside = inside or (piece[0] == "驻" and len(piece) <= 4 and sfx.endswith(("使馆", "领事馆", "代表处", "办事处")))   # 以色列|驻华|大使馆
        inside = inside or (ORDINAL.match(piece) is not None and j > 0 and tokens[j - 1][1] == ps
                            and (text[tokens[j - 1][0]:ps] in R.gazetteer()
                                 or text[tokens[j - 1][0]:ps] in ("大学", "学院") and body[-1:] == ["附属"]))   # 徐州|第一|人民医院, 大学|第一|附属|中学
        if not inside and (sfx not in STRICT or sfx.endswith("队")) and _soft_inside(text, tokens, j, sfx):
            start = ps   # 学科|建设|委员会, 国际|合作|联合|实验室: a verb inside a name, a noun on its left
            body.append(piece)
            j -= 1
            continue
        inside = inside or (sfx in GUILD_HEADS and piece in R.word_set("ent_roles.txt") and piece not in R.word_set("ent_org_stop.txt"))
        inside = inside or (sfx.endswith("领导小组") and len(piece) == 2 and R.common_words().get(piece, "")[:1] == "v"
                            and not body)   # 定点|帮扶|工作领导小组: the task a leading group is for (not 成立|疫情|防控…)
        inside = inside or ((sfx in COMPANY or sfx.endswith("公司")) and R.common_words().get(piece) == "a" and j > 0 and tokens[j - 1][1] == ps
                            and text[tokens[j - 1][0]:ps] in R.gazetteer())   # 中国|平安|人寿保险股份有限公司: a brand
        if sfx.endswith(PARTY_HEADS) and piece == "级" and j > 0 and tokens[j - 1][1] == ps \
                and re.fullmatch(r"(?:19|20)\d{2}", text[tokens[j - 1][0]:ps]):
            start = tokens[j - 1][0]   # 本科生|2021|级|党支部: a cohort inside a branch name
            body += ["级", text[start:ps]]
            j -= 2
            continue
        cohort = all(re.fullmatch(r"(?:19|20)\d{2}|级", b) for b in body)
        inside = inside or (sfx.endswith(PARTY_HEADS) and piece in MEMBER_GROUPS + ("本科",)
                            and (start == sfx_start or body and cohort or ordinal and not body))   # 教师|第五|党支部
        if not inside and not _is_name_token(piece):   # 工程师|协会, 律师|协会: a profession names its guild
            strong = sfx.endswith(STRONG + ("中心",) + PARTY_HEADS) or any(x in text[start:sfx_start] for x in STRONG)
            office = piece in ("与", "和") and sfx in ("局", "厅", "委", "部", "委员会") and any(
                k >= 0 and text[tokens[k][0]:tokens[k][1]] in R.gazetteer() for k in (j - 2, j - 3))   # 徐州市|住房|与|城乡|建设局
            if (piece == "与" or (piece == "和" and (sfx in GUILD_HEADS or office or sfx.endswith(("研究院", "研究所", "研究中心")))))\
                    and j > 0 and (strong or sfx in GUILD_HEADS or office) and _joins(text, tokens, j, start, sfx_start):
                start, j = tokens[j - 1][0], j - 2   # 力学与土木工程学院, 旅游与国土资源学院 (旅游 is a verb)
                body += ["与", text[tokens[j + 1][0]:tokens[j + 1][1]]]
                continue
            if strong and start == sfx_start and _verb_after_and(text, tokens, j):
                start = ps   # 地理与|旅游|学院: a verb right before the head, after 与
                body.append(piece)
                j -= 1
                continue
            break
        if piece in STOP_CHARS and piece not in "与和及":
            break   # 大学|要|学会, 用|活|博物馆: a one-character function word or verb ends the name
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


def _level_place_starts(text: str, a: int) -> bool:
    """杭州市宿州商会, 中国矿业大学: a name led by a country, a province, a city or a place with its level
    (…市, …县) starts a new organisation (灵璧县商务局|中国矿业大学 are two)."""
    gaz = R.gazetteer()
    return any(text[a:a + L] in gaz and (text[a + L - 1] in "省市县区州"
                                         or gaz[text[a:a + L]].startswith(("country", "province", "city")))
               for L in (2, 3, 4, 5))


PLACE_LED_AFTER = R.word_class("place_led_after")   # person nouns that end a name when a place-led name follows
APPOSITIVE = R.word_class("appositive")


def _places(s: str) -> bool:
    """`s` is a place or a chain of places (山东省青岛市)."""
    gaz = R.gazetteer()
    return s in gaz or any(s[:k] in gaz and _places(s[k:]) for k in range(2, len(s) - 1))


def _trim(text: str, tokens, start: int, sfx_start: int, body: list[str]) -> int | None:
    """Drop a generic lead (学院教授委员会) or a stray character (建成|宁化一中); None when a qualifier rules it out."""
    lo = max(0, bisect.bisect_right(tokens, (start, 1 << 30)) - 1)
    inner = tokens[lo:bisect.bisect_left(tokens, (sfx_start, -1))]   # the tokens from the one holding `start` to the head
    cut = max((b for a, b in inner if start <= a and b < sfx_start and text[a:b] in PLACE_LED_AFTER
               and _level_place_starts(text, b)), default=None)
    if cut is not None:
        start = cut   # 校友|徐州市住房与城乡建设局: a person noun before a place-led name
    if text[sfx_start:sfx_start + 2] in ("科技", "公司", "集团", "股份") or text.startswith("有限公司", sfx_start):
        cut = max((b for a, b in inner if start <= a and b < sfx_start and text[a:b] in APPOSITIVE), default=None)
        if cut is not None and any(text[a:b] not in R.common_words() for a, b in inner if cut <= a):
            start = cut   # 行业头部平台|同盾科技, 科技巨头|苹果公司: a description in apposition before the company's name
    for a, b in inner:
        if a > start and text.startswith(("中共中央", "国务院", "全国人大", "全国政协", "中国", "中华"), a) and _places(text[start:a]):
            start = a   # 西安市|中共中央党史和文献研究院, 山东省青岛市|中国人民解放军海军博物馆: a national body takes no place before it
            break
    for lead in sorted(LEAD_GENERIC, key=len, reverse=True):
        if text.startswith(lead, start) and start + len(lead) < sfx_start:
            start += len(lead)
            break
    left = next((text[a:b] for a, b in inner if b == sfx_start), "")
    first = next((text[a:b] for a, b in inner if a == start), "")
    qualifiers = R.word_set("ent_org_qualifiers.txt")
    if left in qualifiers or first in qualifiers or (len(left) >= 3 and left.endswith("型")) \
            or any(text[start:start + k] in qualifiers for k in range(3, 7)):
        return None  # 民办学校, 世界一流大学, 世界|一流|材料学院, 国内航空公司
    after_break = (start == 0 or text[start - 1] in "、\n") and body and body[-1] not in STOP_CHARS | LEVEL_PREFIX | BREAK_STOP
    if len(body) > 1 and len(body[-1]) == 1 and not after_break and (   # 、碳|中和研究院: no word before to take 碳
            body[-1] in STOP_CHARS | set("成建办变好")
            or (body[-1] not in R.gazetteer() and body[-1] not in LEVEL_PREFIX and len(body[-2]) >= 2
                and body[-1] + body[-2] not in R.word_set("ent_org_generic.txt")   # not 卫|健委
                and not (body[-1] == "新" and R.common_words().get(body[-2], "n")[:1] == "n")   # not 新|能源, 新|材料
                and not (len(body[-2]) > 2 and body[-2].endswith(("学院", "大学"))))):   # not 能|动学院党委
        start += 1
        body.pop()
    elif body and len(body[-1]) >= 3 and body[-1] not in R.common_words() and body[-1] not in R.gazetteer():
        lead = body[-1]
        k2 = next((k for k in (1, 2) if lead[k:] in R.gazetteer() and lead[:k] not in R.gazetteer()
                   and (k == 1 or lead[:k] in R.common_words())), None)   # not 乔治|华盛顿大学
        if k2:
            start += k2   # 打造|成宁化|一中 -> 宁化一中
    return start


def _accept(text: str, tokens, start: int, sfx: str, sfx_start: int, te: int, body: list[str]) -> bool:
    """Whether text[start:te] names an organisation rather than a generic or a description."""
    common, gaz = R.common_words(), R.gazetteer()
    mods = R.word_set("ent_org_modifiers.txt")
    pre = text[start:sfx_start]
    if re.match(r"[A-Z]\d{2,4}", text[te:te + 5]) and sfx not in ("学院", "大学"):
        return False  # 矿业科学中心A200: a building and its room (but 在经管学院B117召开: the college hosts it)
    if sfx == "团学组织" and not pre.endswith(STRONG):
        return False   # 经济管理学院团学组织, not 在座|团学组织 or 主题|团学组织
    if len(sfx) >= 2 and text[start:sfx_start].endswith(sfx):
        return False   # 公共管理学院学院: the head written twice; the name ends at the first one
    if sfx in ("国重", "省重"):   # 深|地|国重, 煤炭国重: a key lab's short form, its field written before it
        return 2 <= len(pre) <= 4 and common.get(pre, "n")[:1] == "n" and re.fullmatch(r"[\u4e00-\u9fff]+", pre) is not None \
            and (start == 0 or not re.match(r"[\u4e00-\u9fff]", text[start - 1]) or text[start - 1] in "和与及的")
    if sfx in STUDENT_BODY_HEADS and re.match(r"副?主席", text[te:te + 3]) and not _has_place(pre) \
            and all(t in common for t in (body or [pre]) if len(t) >= 2):
        return False  # 公益服务发展中心主席: a student body of the college, its name is part of the post
    if sfx in COMPANY:
        if any(text.startswith(w, te) for w in R.word_set("ent_org_not_after.txt")):
            return False  # 中东欧科技合作
        if sfx not in STRICT and not any(t not in common and t not in mods for t in (body or [pre]) if len(t) >= 2):
            return False  # 能源科技, 土地科技, 头部数据公司: a company needs a proper name (当升科技)
        if sfx not in ("公司", "有限公司", "股份有限公司", "分公司", "子公司", "集团") and _noun_follows(text, tokens, te):
            return False  # 全国大学生电子|设计竞赛: the head word starts a longer phrase
    quoted = start > 0 and text[start - 1] in "“\"「『" and text[te:te + 1] in "”\"」』"
    if quoted and start < sfx_start and not is_generic(text[start:te]) \
            and any(t not in mods and t not in AWARD and t not in R.word_set("ent_org_qualifiers.txt") for t in (body or [pre])):
        return True   # “测绘工程专业（智慧矿山方向）虚拟教研室”: a quoted name
    if sfx in ("局", "厅", "署") and not (_has_place(pre) or _has_known(pre) or pre.startswith(("国家", "中央"))) and len(body) <= 1:
        return False  # 景区|执法局: a generic office (徐州市教育局, 广东省公安厅, 国家邮政局 name their place)
    if sfx == "虚拟教研室" and len(pre) >= 4 and re.fullmatch(r"[\u4e00-\u9fff]+", pre) and _proper(pre, body) \
            and not pre.startswith(("各", "该", "本", "多个", "相关")) and not pre.endswith(("类", "型")) and "与" not in text[start - 2:start]:
        return True   # 消防工程虚拟教研室: a teaching group named by its discipline
    if sfx in PLACE_ONLY + PLACE_OR_KNOWN and not (_has_place(pre) or (sfx in PLACE_OR_KNOWN and _has_known(pre))
                                                   or (sfx == "联盟" and len(body) >= 2 and pre.startswith(SCOPE))):
        return False  # 数字政府, 有为政府, 工党政府
    if sfx.endswith(PARTY_HEADS) and any(a in pre for a in AWARD):
        return False  # 江苏省党建工作样板支部, 红旗团委: award titles
    if (sfx == "委员会" or sfx in ("党支部", "党总支", "团支部", "党委", "团委")) and len(body) == 1 and pre in common \
            and not _has_place(pre) and not _has_known(pre):
        return False  # 指导委员会, 学术委员会, 总结党支部: a generic committee or branch
    if sfx in GUILD_HEADS and "和" in pre and not _has_place(pre):
        return False  # 民主党派机关和工商业联合会: two bodies (重庆市国土资源和房地产学会 names its place)
    if sfx.endswith(LAB_HEADS) and pre in LAB_LEVELS:
        return False  # 全国重点实验室, 国家重点实验室
    if sfx == "实验室" and pre and (all(w in LAB_KINDS for w in R.split_words(pre)) or pre.endswith(("学院", "系"))):
        return False  # 公共基础实验室, 专业实验室, 建筑与设计学院实验室: a kind of facility, a school's labs
    if sfx == "职中" and re.fullmatch(r"[一二三四五六七八九十]{1,2}", text[start:sfx_start]):
        return True   # 一职中: an ordinal names a vocational school
    if sfx in ("工作室", "社团") and (re.fullmatch(r"[A-Za-z]{0,2}\d+[A-Za-z]?", pre)
                                   or any(w in pre for w in ("名师", "劳模", "大师", "工匠", "技能", "创新", "书记", "辅导员"))):
        return False  # B312工作室: a room number; 教学名师工作室, 劳模创新工作室: a title, not a name
    if sfx in ("工作室", "社团") and not any(t not in common for t in (body or [pre]) if len(t) >= 2):
        return False  # 美术设计工作室, 人工智能社团: made of dictionary words, a description
    task_group = sfx in ("领导小组", "工作领导小组") and len(pre) >= 4 \
        and all(R.common_words().get(t, "n")[:1] in ("n", "v") for t in body)   # 疫情防控工作领导小组: a task names its group
    if sfx in STRICT and not task_group and not _strict_proper(text, pre, body):
        return False  # 理工科学校, 网约车公司, 客户智能关联催收公司
    if sfx in ("大学", "学院") and len(pre) == 1 and pre not in gaz:
        return False  # 南大学 (暨|南大学 is recovered by the caller)
    if sfx.endswith(STRONG) and sfx != "系" and len(pre) == 1 and pre not in gaz and pre not in LEVEL_PREFIX:
        return False  # 用|活|博物馆 is cut to 活博物馆: a lone character before the head is not a name
    name = text[start:te]
    while name and name[0] in LEVEL_PREFIX and len(name) > len(sfx) and is_generic(name):
        name, start = name[1:], start + 1
    if start >= sfx_start:
        return False  # no body: 学校, 党委
    if is_generic(text[start:te]) or text[start] in "市县区省校院镇乡村":
        return False  # 市人社局: a level prefix without its place
    scope = next((w for w in SCOPE if text.startswith(w, start)), "")
    if scope and text[start + len(scope):sfx_start] in KINDS_OF_BODY and sfx not in ALLIANCES:
        return False  # 全国高校博物馆, 中国高校基金会: a kind of body across the country (not 中国高校博物馆联盟)
    if sfx.endswith(PARTY_HEADS) and re.search(r"第[一二三四五六七八九十]+$", pre) and pre.startswith(MEMBER_GROUPS):
        return True   # 教师第五党支部: a numbered branch of a member group
    if sfx == "所" and (not any(x in text[start:sfx_start] for x in STRONG) or PARTICLE_SUO.match(text, te)):
        return False  # 微电子所 only inside a named institution (清华大学微电子所); 学院所做: the particle 所
    return sfx.endswith(STRONG) or len(sfx) >= 4 or _proper(text[start:sfx_start], body)


def _role_or_head(rest: str) -> bool:
    """党委|书记, 政府|部门: what follows the head is a post or an org word, so the head still closes a name."""
    return rest in R.word_set("ent_roles.txt") or rest in R.word_set("ent_org_suffix.txt") \
        or rest in ("部门", "机关", "领导", "班子", "成员", "委员", "书记", "主任", "常委") or bool(ent_names.role_regex().match(rest))


def _lead_verb(text: str, tokens, start: int, sfx_start: int) -> bool:
    """The name's first token is out of the dictionary and is really a verb or a word fragment from the
    left (入职|学院, 题作|学院, 各地起|校…委员会): a lone character + a level character, or a verb lead."""
    first = next((text[a:b] for a, b in tokens if a == start), "")
    if not first or first in R.common_words() or first in R.gazetteer() or len(first) != 2:
        return False
    if first in R.word_set("ent_org_inner.txt") or any(first in k for k in R.word_set("ent_org_known.txt")):
        return False
    if first[1] in "校院" and first[0] in VERB_LEAD:
        return True   # 起校, 入校
    return first[0] in VERB_LEAD and first[1] in VERB_TAIL and start + 2 <= sfx_start


SOFT_STOPS = frozenset(("建设", "合作", "联合", "发展", "创新", "协同"))


def _soft_inside(text: str, tokens, j: int, sfx: str) -> bool:
    """A verb that usually ends a name on its left (建设, 合作, 联合) is inside it when a noun of the
    name stands right before it (矿业工程学科建设委员会, not 推进建设委员会); before a team (…队) any
    verb is (心理疏导服务队, 户外运动专业救援队)."""
    ps, pe = tokens[j]
    piece = text[ps:pe]
    team = (sfx.endswith("队") or sfx in GUILD_HEADS) and R.common_words().get(piece, "")[:1] == "v" and len(piece) >= 2 \
        and not (j + 1 < len(tokens) and _has_place(text[tokens[j + 1][0]:tokens[j + 1][1]]))   # 赶到|甘孜州救援队
    if not (piece in SOFT_STOPS or team) or j == 0 or tokens[j - 1][1] != ps:
        return False
    prev = text[tokens[j - 1][0]:ps]
    pos = R.common_words().get(prev)
    if prev in SOFT_STOPS:
        return _soft_inside(text, tokens, j - 1, sfx)   # 国际|合作|联合|实验室: two such verbs after a noun
    if len(prev) >= 2 and _ends_with_head(prev) and piece in ("联合", "合作", "共建", "携手"):
        return False   # …青年志愿者协会|联合|公共管理学院: a whole body before the verb, two names
    return _is_name_token(prev) and (pos is None or pos[:1] in ("n", "s") or prev in R.gazetteer())


def _new_name_starts(text: str, start: int, piece: str) -> bool:
    gaz = R.gazetteer()
    if not piece.endswith(("局", "厅", "委", "处", "部", "院", "校", "会", "司", "中心", "大学")) or piece in R.word_set("ent_org_inner.txt"):
        return False
    if piece in R.gazetteer() or len(piece) < 2:
        return False
    if text.startswith(TOP_BODIES, start):
        return True   # 中共中央办公厅|国务院办公厅: two bodies written back to back
    return any(gaz.get(text[start:start + L], "").startswith(("country", "province", "city")) for L in (2, 3, 4))


TOP_BODIES = R.word_class("top_bodies")


def _has_known(pre: str) -> bool:
    return any(k in pre for k in R.word_set("ent_org_known.txt") if len(k) >= 2) or any(x in pre for x in STRONG)


def _has_place(pre: str) -> bool:
    gaz = R.gazetteer()
    if re.search(r"[\u4e00-\u9fff]{2,}(?:省|市|县|区|镇|乡|村|街道|边区|自治州|州)$", pre) and pre not in R.common_words():
        return True   # 虞姬镇, 陕甘宁边区: an administrative name outside the gazetteer
    return any(pre[i:j] in gaz for i in range(len(pre)) for j in range(i + 2, min(len(pre), i + 8) + 1))


def _noun_follows(text: str, tokens, te: int) -> bool:
    nxt = next((text[a:b] for a, b in tokens if a == te), "")
    if not nxt or nxt in R.word_set("ent_roles.txt") or nxt in R.word_set("ent_org_suffix.txt"):
        return False
    return R.common_words().get(nxt, "")[:1] == "n"


def _strict_proper(text: str, pre: str, body: list[str]) -> bool:
    """A school, company, hospital or government needs a proper name before its head: a place, a known
    org, a nested org, an ordinal (第一中学), a quoted name, or a brand-like word outside the dictionary
    in a short body (锦浪科技有限公司); generic nouns alone (理工科, 网约车, 头部数据) are descriptions."""
    common, mods = R.common_words(), R.word_set("ent_org_modifiers.txt")
    if not pre:
        return False
    if _has_place(pre) or any(k in pre for k in R.word_set("ent_org_known.txt") if len(k) >= 2):
        return True
    if any(s in pre for s in STRONG) or re.search(r"第?[一二三四五六七八九十\d]+$", pre) or re.search(r"[”\"」』]$", pre):
        return True
    if len(pre) >= 4 and any(h in pre[2:] for h in ("集团", "公司", "银行")):
        return True   # 神火集团煤业股份公司: a unit of a named company
    toks = body or [pre]
    unknown = [t for t in toks if len(t) >= 2 and t not in common and t not in mods and not re.search(r"\d", t)]
    if not unknown:
        if len(toks) == 2 and toks[-1] in R.word_set("ent_org_inner.txt") and toks[0] not in mods \
                and not any(t in R.word_set("ent_generic_industry.txt") for t in toks):
            return True   # 节能风电公司: a name built from two industry words
        return len(toks) == 1 and len(pre) >= 2 and common.get(pre, "")[:1] == "j"  # abbreviations (北航)
    if any(t in R.word_set("ent_generic_industry.txt") for t in unknown):
        return False
    return len([t for t in toks if len(t) >= 2]) <= 3


def _stop_prefix(tok: str) -> int | None:
    """For an unknown token that starts with a stop word (由院, 代表院): the length of that word."""
    if tok in R.common_words() or len(tok) < 2:
        return None
    if tok in R.gazetteer() or tok in R.word_set("ent_org_inner.txt"):
        return None
    if tok[:2] in R.word_set("ent_org_stop.txt") and len(tok) > 2:
        return 2
    if len(tok) == 3 and tok[-1] in "市县区省" and R.common_words().get(tok[:2], "")[:1] == "v":
        return 2   # 推选|市: a verb glued to a level prefix
    return 1 if tok[0] in STOP_CHARS else None


def _ends_with_head(tok: str) -> bool:
    """The token ends with an org head word; a one-character head closing a two-character word (关系, 体系) does not count."""
    return any(tok.endswith(x) and (len(x) > 1 or len(tok) > 2 or tok not in R.common_words()) for x in R.word_set("ent_org_suffix.txt"))


def _verb_after_and(text: str, tokens, j: int) -> bool:
    """地理|与|旅游 before a head: token j is a verb, after 与 and a dictionary noun that is not an org."""
    if j < 2 or text[tokens[j - 1][0]:tokens[j - 1][1]] != "与" or tokens[j - 1][1] != tokens[j][0]:
        return False
    common = R.common_words()
    left = text[tokens[j - 2][0]:tokens[j - 2][1]]
    return common.get(text[tokens[j][0]:tokens[j][1]], "")[:1] == "v" and common.get(left, "")[:1] == "n" \
        and not _ends_with_head(left)


def _joins(text: str, tokens, j: int, start: int, sfx_start: int) -> bool:
    """与/和 inside a name (力学与土木工程学院): the part before it is a name word, not an org or a place."""
    ps, pe = tokens[j - 1]
    left = text[ps:pe]
    right = text[start:sfx_start]
    if not (_is_name_token(left) or R.common_words().get(left, "")[:1] == "v") or left in R.gazetteer() \
            or left in R.word_set("ent_roles.txt") or left in R.word_set("ent_org_stop.txt"):
        return False  # 副教授与力土学院: a person's post, not part of a name
    if R.common_words().get(left, "n")[:1] not in ("n", "v") or (left not in R.common_words() and not re.fullmatch(r"[\u4e00-\u9fff]{2}", left)):
        return False  # 找准与…: the left part must be a noun (力学与, 地质与, 发展与; 道桥与 is not in the dictionary)
    if _ends_with_head(left) or (len(left) == 2 and left[-1] == "大" and left not in R.common_words()):
        return False  # 中国矿业大学与清华大学, 中国矿大与东南大学: two orgs
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
        if t in mods or is_generic(t) or re.fullmatch(r"\d+级?|级", t):
            continue   # 2022|级: a cohort names no body
        if t in gaz or (len(t) >= 2 and t not in common):
            return True
        if common.get(t, "")[:1] == "n" and len(t) >= 2:
            return True
    return False


def governs(tok: str) -> bool:
    """The word before a name is a function word or a verb that takes it (由, 根据, 展示了, 促进), not a name part."""
    if not tok or tok in "和与及、":
        return False
    pos = R.common_words().get(tok)
    if tok in STOP_CHARS:
        return True   # 有|应急管理部
    if pos is None and len(tok) >= 2 and tok[-1] in "由在于向对从被将把给到往" and tok not in R.gazetteer():
        return True   # 工作营由|上海大学: pkuseg glued the preposition to the word before it
    return tok in R.word_set("ent_org_stop.txt") or (pos is not None and (pos in STOP_POS - {"a"} or pos.startswith("v")))


