"""PERSON mentions and their posts (roles).

A name is a surname (ent_surnames.txt) and one or two given-name characters that
pkuseg keeps together, accepted when a post stands directly before or after it
(校长王建国, 徐心一校长; the post is the role), when a person cue follows
(同志, 同学, 说, 发言…), or when it sits in a 、-list with an accepted name. A
transliterated run after a post is a foreign name (总统马克龙). Every later
mention of an accepted name is marked too.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import ent_resources as R

HAN = re.compile(r"[\u4e00-\u9fff]")
BAD_GIVEN = set("副都的了在和与及是等为对向从把被将就也都还又再并或但而之其此该这那我你他她们个年日人中上下内外前后说讲称率获级以读")
ORG_HEADS = ("学院", "大学", "中学", "小学", "公司", "集团", "学校", "医院", "研究院", "研究所", "中心", "党委", "支部", "委员会")
STRICT_BAD = set("的了在是等们我你他她该这那个")
WHOLE_TOKEN_POS = set("rdpcufmqt")
FUNCTION_POS = set("rdpcuvamqtfs")
COUNT_CUE = re.compile(r"[二三四五六七八九十两\d]+[位名](?:同学|老师|教师|学生|代表|同志|专家|嘉宾|选手|校友)")
ORG_END = set("院校部局委会处科系室厅所站社馆司镇乡村县市区省州")
PARTY_PREFIX = ("委", "党组", "工会", "支部", "总支")
FOREIGN_POSTS = ("总统", "总理", "首相", "国务卿", "外长", "大使", "议长", "部长", "议员", "大臣", "特使", "州长",
                 "国王", "女王", "发言人", "领导人", "防长", "主席", "总裁", "首席执行官", "教练", "市长")
FOREIGN_AFTER = re.compile(r"(?:表示|说|指出|称|认为|强调|宣布|透露|坦言|回应|警告|呼吁|承认|批评|补充|发推|在推特|接受|访问|会见|会晤|签署|上台|当选|政府)")
PRE_CUES = ("领导", "代表", "嘉宾", "选手", "学生", "学员", "同学", "校友", "作者", "讲述人", "获奖者", "获奖人", "博士生",
            "硕士生", "研究生", "本科生", "队员", "主讲人", "报告人", "参赛者", "运动员", "志愿者")


@lru_cache(maxsize=1)
def role_regex() -> re.Pattern:
    pre = "|".join(re.escape(w) for w in R.word_list_longest_first("ent_role_prefix.txt"))
    base = "|".join(re.escape(w) for w in R.word_list_longest_first("ent_roles.txt"))
    return re.compile(rf"(?P<pre>{pre})?(?:{base})")


@lru_cache(maxsize=1)
def cue_regex() -> re.Pattern:
    return R.alternation("ent_person_after.txt")


def _surname_at(text: str, i: int) -> int:
    single, double = R.surnames()
    if text[i:i + 2] in double:
        return 2
    return 1 if text[i:i + 1] in single else 0


def _plausible(text: str, s: int, e: int, whole_token: bool = False) -> bool:
    """`whole_token`: pkuseg keeps text[s:e] as one token before a post, so given-name characters that are
    also function words (施从美, 王为民, 李中华) are allowed; only the strict ones still rule it out."""
    name = text[s:e]
    if not (2 <= len(name) <= 4) or not all(HAN.match(c) for c in name):
        return False
    sl = _surname_at(text, s)
    bad = STRICT_BAD if whole_token else BAD_GIVEN
    if not sl or any(c in bad for c in name[sl:]):
        return False
    if name in R.common_words() or name in R.gazetteer() or name[-1] in ORG_END:
        return False
    if R.gazetteer().get(name[1:], "county").startswith(("country", "province", "city")) and not (whole_token and len(name) == 3):
        return False  # 但法国, 在广西 (but 康重庆教授 at the start of a clause is a name)
    if len(name) == 3 and sl == 1 and name[:2] in R.common_words():
        return False  # 强化工, 师生工
    if name[sl:] in R.word_set("ent_person_stop.txt") or name in R.word_set("ent_person_stop.txt"):
        return False
    if R.common_words().get(name[sl:], "n")[:1] in (WHOLE_TOKEN_POS if whole_token and len(name) == 3 else FUNCTION_POS):
        return False  # 向大家, 班学习: the "given name" is a function word or verb (but 冯平安, 朱如意 are names)
    if role_regex().search(name, 1):
        return False
    return True


def _forward(text: str, p: int, starts: set[int], ends: set[int]) -> int | None:
    """End of a name starting at p (after a post), or None."""
    sl = _surname_at(text, p)
    if not sl:
        return None
    if p + sl in starts and text[p + sl:p + sl + 2] in R.common_words() and p + sl + 2 in ends:
        return None  # 任|成员: the "given name" is an ordinary word
    best = None
    for L in (sl + 2, sl + 1):
        e = p + L
        if e > len(text) or not _plausible(text, p, e):
            continue
        if L == sl + 2 and _stops_at(text, p + sl + 1):
            continue  # 齐超发言: the third character starts the next word
        if L == sl + 1 and text[e - 1:e + 1] in R.common_words():
            continue  # 向同|学们: the given character belongs to the next word
        if e in ends or best is None:
            best = e if best is None or e in ends else best
            if e in ends:
                return e
    return best


def _closed_name(text: str, p: int, starts: set[int], ends: set[int]) -> int | None:
    """After a post, three characters closed by a separator are a name even when the given name is an
    ordinary word (副会长王以丹、…, 主席朱如意、…, 副书记王将、 is too short to tell)."""
    e = p + 3
    if p not in starts or e not in ends or _surname_at(text, p) != 1:
        return None
    if not re.match(r"[，、。；;,（(]|等|和|与|及", text[e:e + 1]):
        return None
    name = text[p:e]
    if role_regex().search(name) or name[1:] in R.word_set("ent_person_stop.txt") or not _plausible(text, p, e, True):
        return None
    if R.common_words().get(name[1:], "n")[:1] in "rdpcuf":
        return None
    return e


def _stops_at(text: str, i: int) -> bool:
    """True when a post, a cue or a common word starts at i (so a name ends before it)."""
    if i >= len(text) or not HAN.match(text[i]):
        return True
    if role_regex().match(text, i) or cue_regex().match(text, i):
        return True
    common = R.common_words()
    return any(common.get(text[i:i + k], "m")[0] not in "mq" for k in (2, 3)) or text[i] in BAD_GIVEN


def _backward(text: str, q: int, starts: set[int]) -> int | None:
    """Start of a name ending at q (before a post), or None."""
    options = [s for s in (q - 3, q - 2, q - 4) if s >= 0
               and (_plausible(text, s, q) or (s in starts and (_one_token(text, s, q, starts) or _clause_start(text, s))
                                               and _plausible(text, s, q, True)))
               and (q - s < 4 or _surname_at(text, s) == 2)]
    for s in options:
        if s in starts:
            return s
    return None


def _clause_start(text: str, s: int) -> bool:
    """A three-character name at the start of a line or clause, right before a post (张康之教授首先…)."""
    return s == 0 or text[s - 1] in "\n，,。；;：:、（(“\"）)"


def _one_token(text: str, s: int, q: int, starts: set[int]) -> bool:
    return q - s == 3 and not any(x in starts for x in range(s + 1, q))


def _translit(text: str, p: int) -> int | None:
    chars = R.word_set("ent_translit.txt")
    e = p
    while e < len(text) and text[e] in chars and e - p < 6:
        e += 1
    return e if e - p >= 2 else None


def find_persons(text: str, starts: set[int], ends: set[int]):
    """[(start, end, role or None)] with every mention of an accepted name."""
    found: dict[tuple[int, int], str | None] = {}
    for m in role_regex().finditer(text):
        rs, re_ = m.start(), m.end()
        role = m.group(0)
        e = _forward(text, re_, starts, ends) if re_ in starts or re_ < len(text) else None
        if e is None:
            e = _closed_name(text, re_, starts, ends)
        if e is None and role.endswith(FOREIGN_POSTS):
            e = _translit(text, re_)
            if e is not None and e not in ends and e < len(text) and HAN.match(text[e]):
                e = None
        if e is not None:
            found.setdefault((re_, e), (role, rs, m.start("pre") if m.group("pre") else -1, m.end("pre") if m.group("pre") else -1))
        s = _backward(text, rs, starts) if e is None else None
        if s is not None and (s, rs) not in found:
            found[(s, rs)] = (role, rs, m.start("pre") if m.group("pre") else -1, m.end("pre") if m.group("pre") else -1)
    for m in cue_regex().finditer(text):
        cs = m.start()
        if cs not in ends:
            continue
        for s in (cs - 3, cs - 2):
            if s >= 0 and s in starts and _single_token(s, cs, starts) and (
                    _plausible(text, s, cs) or (cs - s == 3 and _clause_start(text, s) and _one_token(text, s, cs, starts)
                                                and _plausible(text, s, cs, True))):
                found.setdefault((s, cs), None)
                break
    for m in COUNT_CUE.finditer(text):   # 陈纪腾、李佳恒、赵一鸣三位同学
        cs = m.start()
        for s in (cs - 3, cs - 2):
            if s >= 0 and s in starts and _plausible(text, s, cs):
                found.setdefault((s, cs), None)
                break
    for m in HONOUR_RE().finditer(text):
        e = _forward(text, m.end(), starts, ends) if m.end() in starts else None
        if e is not None and e in ends:
            found.setdefault((m.end(), e), None)
    for m in R.alternation("ent_person_known.txt").finditer(text):
        found.setdefault((m.start(), m.end()), None)
    for cue in PRE_CUES:
        for m in re.finditer(cue, text):
            e = _forward(text, m.end(), starts, ends) if m.end() in starts else None
            if e is not None and e in ends:
                found.setdefault((m.end(), e), None)
    _foreign_with_cues(text, found, starts, ends)
    _extend_lists(text, found, starts, ends)
    _posts_around(text, found)
    return _all_mentions(text, _merge_same_start(found))


def _foreign_name(text: str, p: int, e: int, ends: set[int]) -> bool:
    """text[p:e] reads as a transliterated foreign name: transliteration characters only, token-aligned,
    not a dictionary word, a place or a Chinese name (约翰逊, 卢比奥, 梅嫩德斯)."""
    name = text[p:e]
    chars = R.word_set("ent_translit.txt")
    if not (2 <= len(name) <= 8) or e not in ends or not all(c in chars or c == "·" for c in name):
        return False
    if name in R.common_words() or name in R.gazetteer() or name[:2] in R.gazetteer() or name[:2] in R.common_words():
        return False
    return not (len(name) <= 3 and _surname_at(text, p) and _plausible(text, p, e))


def _foreign_with_cues(text: str, found: dict, starts: set[int], ends: set[int]) -> None:
    """A transliterated name before a speech verb (约翰逊表示, 梅嫩德斯说), and names joined to an accepted
    foreign name by 和/与/、 (卢比奥和梅嫩德斯)."""
    chars = R.word_set("ent_translit.txt")
    for m in FOREIGN_AFTER.finditer(text):
        cs = m.start()
        if cs not in starts:
            continue
        p = cs
        while p > 0 and cs - p < 8 and (text[p - 1] in chars or text[p - 1] == "·"):
            p -= 1
        for q in range(p, cs - 2):
            if q in starts and (q == 0 or text[q - 1] not in chars or role_regex().search(text[max(0, q - 4):q])) \
                    and _foreign_name(text, q, cs, ends) and not any(a < cs and q < b for a, b in found):
                found.setdefault((q, cs), None)
                break
    changed = True
    while changed:
        changed = False
        for (s0, e0) in list(found):
            if not all(c in chars or c == "·" for c in text[s0:e0]):
                continue
            for sep_len in (1,):
                if text[e0:e0 + 1] in ("和", "与", "、") and e0 + 1 in starts:
                    e1 = e0 + 1
                    while e1 < len(text) and e1 - e0 < 9 and (text[e1] in chars or text[e1] == "·"):
                        e1 += 1
                    while e1 > e0 + 2 and e1 not in ends:
                        e1 -= 1
                    if (e0 + 1, e1) not in found and _foreign_name(text, e0 + 1, e1, ends) \
                            and not any(a < e1 and e0 + 1 < b for a, b in found):
                        found[(e0 + 1, e1)] = None
                        changed = True


def _posts_around(text: str, found: dict) -> None:
    """A name found without a post takes the one written directly after it (习近平总书记)."""
    for (s, e), role in list(found.items()):
        if role:
            continue
        m = role_regex().match(text, e)
        if m:
            found[(s, e)] = (m.group(0), m.start(), m.start("pre") if m.group("pre") else -1,
                             m.end("pre") if m.group("pre") else -1)


def _merge_same_start(found: dict) -> dict:
    """One name per start: the longest end, with any post found for it."""
    by_start: dict[int, tuple[int, object]] = {}
    for (s, e), role in sorted(found.items()):
        old = by_start.get(s)
        if old is None:
            by_start[s] = (e, role)
        else:
            by_start[s] = (max(e, old[0]), old[1] or role)
    return {(s, e): role for s, (e, role) in by_start.items()}


@lru_cache(maxsize=1)
def HONOUR_RE() -> re.Pattern:
    words = "|".join(re.escape(w) for w in R.word_list_longest_first("ent_person_honours.txt"))
    return re.compile(rf"(?:{words})[”\"]?")


def _single_token(s: int, e: int, starts: set[int]) -> bool:
    inner = [x for x in range(s + 1, e) if x in starts]
    return len(inner) <= 1 and (e - s <= 3)


def _extend_lists(text: str, found: dict, starts: set[int], ends: set[int]) -> None:
    """Names in a 、-list next to an accepted name are names too (副院长李效顺、王锋、李爱彬)."""
    changed = True
    while changed:
        changed = False
        for (s, e) in list(found):
            for nxt in (e + 1,):
                if nxt < len(text) and text[e] == "、" and nxt in starts:
                    ne = _forward(text, nxt, starts, ends)
                    if ne is not None and text.startswith(ORG_HEADS, ne):
                        ne = None   # 、公管学院: the next item is an organisation
                    if ne is not None and (ne in ends or ne == len(text) or not HAN.match(text[ne])) and (nxt, ne) not in found and not any(a <= nxt < b for a, b in found):
                        prev = found[(s, e)]
                        # the post before a list is a weak guess for the later names (总裁助理李泉、贾明怡)
                        found[(nxt, ne)] = (prev[0], prev[1], prev[2], prev[3], True) if prev else None
                        changed = True
            if s >= 3 and text[s - 1] == "、":
                for ps in (s - 4, s - 3):
                    if ps >= 0 and _plausible(text, ps, s - 1) and ps in starts and (ps, s - 1) not in found:
                        found[(ps, s - 1)] = None
                        changed = True
                        break


def _better(new, old) -> bool:
    """A direct post beats one guessed from a list; the first post wins unless a later one extends it (副书记 -> 党委副书记)."""
    if old is None:
        return True
    new_weak, old_weak = len(new) > 4 and new[4], len(old) > 4 and old[4]
    if new_weak != old_weak:
        return old_weak
    return len(new[0]) > len(old[0]) and new[0].endswith(old[0])


def _all_mentions(text: str, found: dict):
    roles: dict[str, tuple] = {}
    for (s, e), role in sorted(found.items()):
        name = text[s:e]
        if role and _better(role, roles.get(name)):
            roles[name] = role
    out, seen = [], set()
    for name in sorted({text[s:e] for s, e in found}, key=len, reverse=True):
        for m in re.finditer(re.escape(name), text):
            if any(a < m.end() and m.start() < b for a, b in seen):
                continue
            seen.add((m.start(), m.end()))
            out.append((m.start(), m.end(), roles.get(name)))
    return sorted(out)


def final_role(text: str, role, orgs) -> str | None:
    """The post text, without a prefix that belongs to an ORG in front (党委学生工作部|副部长)."""
    if not role:
        return None
    word, rs, ps, pe = role[:4]
    if ps >= 0 and not word[: pe - ps].endswith(PARTY_PREFIX):
        if any(a <= ps and pe <= b for a, b in orgs):
            return word[pe - ps:]
    return word
