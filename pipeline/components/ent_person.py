"""PERSON mentions and their posts (roles).

A name is a surname (ent_surnames.txt) and one or two given-name characters that
pkuseg keeps together, accepted when a post stands directly before or after it
(校长王建国, 徐心一校长; the post is the role), when a person cue follows
(同志, 同学, 说, 发言…), or when it sits in a 、/和/及-list with an accepted name. A
、-list of three or more name-shaped items closed by 等, a count or punctuation is a
list of names even with no post (程维军、查富海、祝晓航、高鑫羽等四名本科生), and so is
the name column of a table (header 姓名 / 负责人 / 指导教师 …). A rare surname that is
also an ordinary character (ent_surnames_rare.txt: 原, 代) counts only right after a
post. A transliterated run after a post is a foreign name (总统马克龙, 馆长卡罗尔·史密斯).
Every later mention of an accepted name is marked too.
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
COUNT_CUE = re.compile(r"(?:等(?=[二三四五六七八九十两\d]))?[二三四五六七八九十两\d]+[位名](?:同学|老师|教师|学生|研究生|本科生|代表|同志|专家|嘉宾|选手|校友|队员|成员|员工|职工|干部)")
ORG_END = set("院校部局委会处科系室厅所站社馆司镇乡村县市区省州办")
PARTY_PREFIX = ("委", "党组", "工会", "支部", "总支")
FOREIGN_POSTS = ("总统", "总理", "首相", "国务卿", "外长", "大使", "议长", "部长", "议员", "大臣", "特使", "州长",
                 "国王", "女王", "发言人", "领导人", "防长", "主席", "总裁", "首席执行官", "教练", "市长")
FOREIGN_AFTER = re.compile(r"(?:表示|说|指出|称|认为|强调|宣布|透露|坦言|回应|警告|呼吁|承认|批评|补充|发推|在推特|接受|访问|会见|会晤|签署|上台|当选|政府)")
PRE_CUES = ("领导", "代表", "嘉宾", "选手", "学生", "学员", "同学", "校友", "作者", "讲述人", "获奖者", "获奖人", "博士生",
            "硕士生", "研究生", "本科生", "队员", "主讲人", "报告人", "参赛者", "运动员", "志愿者", "成员",
            "犯罪嫌疑人", "嫌疑人", "被告人", "被害人", "受害人", "当事人")
SPACED_NAMES = re.compile(r"[ \u3000]((?:[\u4e00-\u9fff]{2,4}[ \u3000]){0,5}[\u4e00-\u9fff]{2,4})(?=$|[\n）)，,。；;])", re.M)
ANON_RE = re.compile(r"某(?:某|[\u4e00-\u9fff])?")
BYLINE_RE = re.compile(r"[（(]([\u4e00-\u9fff]{2,4})[）)][ \u3000]*(?:$|\n)")
# Table headers whose column holds person names (序号 姓名 论文题目 等级; 负责人 项目名称 项目类别).
NAME_HEADERS = frozenset("姓名 名字 学生姓名 教师姓名 负责人 项目负责人 指导教师 指导老师 获奖人 获奖者 获奖学生 获奖教师 申请人 "
                         "主持人 作者 第一作者 参赛人 参赛者 参赛学生 队员 成员 团队成员 推荐人选 人选 联系人".split())
TITLES = frozenset("教授 副教授 研究员 副研究员 助理研究员 讲师 助教 博士 博士后 博导 导师 老师 教师 专家 负责人".split())
ROW_NUMBER_HEADERS = ("序号", "编号", "名次", "排名", "排序")
LIST_END = re.compile(r"等|组成|[，,。；;：:）)\n]|$|[二三四五六七八九十两\d]+[位名人]")


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


def _plausible(text: str, s: int, e: int, whole_token: bool = False, single: bool = False) -> bool:
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
    if len(name) == 3 and sl == 1 and name[:2] in R.common_words() and not single:
        return False  # 强化工, 师生工 (but 路易霖 kept as one token before a post is a name)
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
        one = L == 3 and p in starts and e in ends and not any(x in starts for x in range(p + 1, e))
        if e > len(text) or not (_plausible(text, p, e) or one and _plausible(text, p, e, True)):
            continue   # one pkuseg token of three characters may use function characters (田其学, 饶中浩)
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
                                               and _plausible(text, s, q, True, _one_token(text, s, q, starts) and _clause_start(text, s))))
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
        if e is None:
            e = _rare_surname_name(text, re_, starts, ends)
        if e is None:
            e = _dotted_name(text, re_, starts, ends)
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
    for m in COUNT_CUE.finditer(text):   # 陈纪腾、李佳恒、赵一鸣三位同学; 徐旺等6名学生
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
        if m.start() in starts and (m.end() in ends or len(m.group(0)) >= 3 or not HAN.match(text[m.end():m.end() + 1] or "a")):
            found.setdefault((m.start(), m.end()), None)   # 陈云, not 陈云霞 (黄|大年式 is 黄大年)
    for cue in PRE_CUES:
        for m in re.finditer(cue, text):
            e = _forward(text, m.end(), starts, ends) if m.end() in starts else None
            if e is not None and text[m.end()] in "于向" and not re.match(r"[、，,。；;和及等（(\s]", text[e:e + 1]):
                e = None   # 成员于博一楼前: the "surname" is a preposition
            if e is not None and e in ends:
                found.setdefault((m.end(), e), None)
    _spaced_after_post(text, found, starts)
    _between_posts(text, found, starts)
    _anonymised(text, found, starts, ends)
    _byline(text, found, starts)
    _foreign_with_cues(text, found, starts, ends)
    _table_names(text, found, starts, ends)
    _name_lists(text, found, starts, ends)
    _extend_lists(text, found, starts, ends)
    _posts_around(text, found)
    return _all_mentions(text, _merge_same_start(found))


def _post_value(m: re.Match, weak: bool = False) -> tuple:
    pre = (m.start("pre"), m.end("pre")) if m.group("pre") else (-1, -1)
    return (m.group(0), m.start(), *pre, weak) if weak else (m.group(0), m.start(), *pre)


def _spaced_after_post(text: str, found: dict, starts: set[int]) -> None:
    """Names set off by spaces after a post and closing the line or the bracket
    (新闻发言人 武平; （职工通讯员 李琴雯 刘会）): a place name is allowed here, it cannot be one."""
    for m in role_regex().finditer(text):
        sm = SPACED_NAMES.match(text, m.end())
        if not sm:
            continue
        pos, names = sm.start(1), []
        for part in sm.group(1).replace("\u3000", " ").split(" "):
            if not (part and _surname_at(part, 0) and pos in starts and _plausible_spaced(part)):
                names = []
                break
            names.append((pos, pos + len(part)))
            pos += len(part) + 1
        for a, b in names:
            found.setdefault((a, b), _post_value(m))


def _plausible_spaced(name: str) -> bool:
    if not (2 <= len(name) <= 4) or name in R.common_words() or role_regex().search(name):
        return False
    return not any(c in STRICT_BAD for c in name[1:]) and name[1:] not in R.word_set("ent_person_stop.txt")


def _between_posts(text: str, found: dict, starts: set[int]) -> None:
    """Two to four characters between two posts are a name (专业负责人谢人强教授); the first post is its role."""
    roles = list(role_regex().finditer(text))
    for m1, m2 in zip(roles, roles[1:]):
        s, e = m1.end(), m2.start()
        if 2 <= e - s <= 3 and s in starts and e in starts and _surname_at(text, s) and \
                _plausible(text, s, e, True) and not any(a < e and s < b for a, b in found):
            found[(s, e)] = _post_value(m1)


def _anonymised(text: str, found: dict, starts: set[int], ends: set[int]) -> None:
    """A surname and 某 on token edges is an anonymised name (王某, 张某某, 王某焘)."""
    for i in range(len(text) - 1):
        if text[i + 1] != "某" or i not in starts or not _surname_at(text, i) == 1 or (i > 0 and text[i - 1] == "某"):
            continue
        m = ANON_RE.match(text, i + 1)
        e = m.end() if text[m.end() - 1] not in BAD_GIVEN else i + 2
        while e > i + 2 and e not in ends:
            e -= 1
        if e in ends and not (e < len(text) and text[e] == "某"):
            found.setdefault((i, e), None)


def _byline(text: str, found: dict, starts: set[int]) -> None:
    """A bracketed name closing a paragraph is the writer's byline (…实现轻松换新iPhone。(李楠))."""
    for m in BYLINE_RE.finditer(text):
        s, e = m.start(1), m.end(1)
        if s > 1 and text[s - 2] in "。！？!?”\"" and s in starts and _plausible(text, s, e, True):
            found.setdefault((s, e), None)


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
                if nxt < len(text) and text[e] in "、和及" and nxt in starts and (text[e] == "、" or e in starts):
                    ne = _forward(text, nxt, starts, ends)
                    if ne is not None and text.startswith(ORG_HEADS, ne):
                        ne = None   # 、公管学院: the next item is an organisation
                    if ne is None or not (ne in ends or ne == len(text) or not HAN.match(text[ne])):
                        continue
                    prev = found[(s, e)]
                    # the post before a list is a weak guess for the later names (总裁助理李泉、贾明怡)
                    guess = (prev[0], prev[1], prev[2], prev[3], True) if prev else None
                    if (nxt, ne) not in found and not any(a <= nxt < b for a, b in found):
                        found[(nxt, ne)] = guess
                        changed = True
                    elif guess and (nxt, ne) in found and found[(nxt, ne)] is None:
                        found[(nxt, ne)] = guess  # found by another rule, without a post of its own
                        changed = True
            if s >= 3 and text[s - 1] in "、和及" and (text[s - 1] == "、" or s - 1 in starts):
                for ps in (s - 4, s - 3):
                    if ps >= 0 and _plausible(text, ps, s - 1) and ps in starts and (ps, s - 1) not in found \
                            and not any(a < s - 1 and ps < b for a, b in found):
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
    if (old[0] in TITLES) != (new[0] in TITLES):
        return old[0] in TITLES   # a post beats an academic title (王锋教授 … 王锋副院长 -> 副院长)
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
    return _generic_body(text, rs, orgs) + word


def _generic_body(text: str, rs: int, orgs) -> str:
    """A generic unit written right before the post belongs to it (校保卫处处长 -> 保卫处处长, 组织部部长,
    研究生会指导老师), unless it ends a named organisation (理学院党委书记: 理学院党委 is an ORG)."""
    if any(a < rs <= b for a, b in orgs):
        return ""
    for L in range(6, 1, -1):
        w = text[max(0, rs - L):rs]
        if len(w) == L and w in _unit_words():
            before = text[rs - L - 1:rs - L]
            if not before or not HAN.match(before) or before in "校院市县区省镇乡村系部局":
                return w
            return ""
    return ""


@lru_cache(maxsize=1)
def _unit_words() -> frozenset[str]:
    """Generic units (ent_org_generic.txt) that name an office, not an institution (学院, 医院, 公司 are not)."""
    institutions = set("学校 学院 大学 中学 小学 幼儿园 党校 分校 校区 医院 卫生院 公司 有限公司 集团 股份 银行 "
                       "研究院 研究所 纪念馆 博物馆 图书馆 二级学院 各学院 市政府 县政府 区政府 省政府 人民政府 政府".split())
    return frozenset(w for w in R.word_set("ent_org_generic.txt") if len(w) >= 2 and w not in institutions)


def _token_end(p: int, starts: set[int], ends: set[int], limit: int) -> int | None:
    """End of the pkuseg token starting at p (None when p is not a token start)."""
    if p not in starts:
        return None
    for q in range(p + 1, min(limit, p + 12) + 1):
        if q in ends:
            return q
    return None


def _rare_surname_name(text: str, p: int, starts: set[int], ends: set[int]) -> int | None:
    """After a post, one pkuseg token of 2-3 characters led by a rare surname that is also an ordinary
    character (院长原熙博, 村委会主任代翠荣): accepted only there, never from a list or a cue."""
    if text[p:p + 1] not in R.word_set("ent_surnames_rare.txt"):
        return None
    e = _token_end(p, starts, ends, len(text))
    if e is None or not (2 <= e - p <= 3):
        return None
    name = text[p:e]
    if not all(HAN.match(c) for c in name) or any(c in BAD_GIVEN for c in name[1:]):
        return None
    if name in R.common_words() or name[1:] in R.common_words() or name in R.gazetteer() or name[-1] in ORG_END:
        return None
    if name[1:] in R.word_set("ent_person_stop.txt") or role_regex().search(name, 1):
        return None
    return e


def _dotted_name(text: str, p: int, starts: set[int], ends: set[int]) -> int | None:
    """After any post, a transliterated name written with a middle dot (馆长卡罗尔·史密斯)."""
    chars = R.word_set("ent_translit.txt")
    e = p
    while e < len(text) and (text[e] in chars or text[e] == "·") and e - p < 14:
        e += 1
    name = text[p:e].strip("·")
    if "·" not in name or len(name) < 4 or not text[p:e].endswith(name[-1]):
        return None
    parts = name.split("·")
    if any(len(x) < 1 for x in parts) or e not in ends and (e < len(text) and HAN.match(text[e])):
        return None
    return p + len(name)


def _name_shaped(text: str, s: int, e: int) -> bool:
    """A table cell or list item that reads as a Chinese name on its own (2-4 characters, surname first)."""
    return 2 <= e - s <= 4 and _plausible(text, s, e, True, True) and (e - s < 4 or _surname_at(text, s) == 2)


def _table_names(text: str, found: dict, starts: set[int], ends: set[int]) -> None:
    """Names in the name column of a table: rows written one per line with TAB-separated cells
    (负责人\t项目名称\t项目类别), or one cell per line after a header block (序号 / 姓名 / 论文题目 / 等级,
    then 1 / 武文琪 / … rows, each starting with its row number)."""
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1

    def cell_names(a: int, cell: str):
        for m in re.finditer(r"[^、，,/／;；\s]+", cell):
            s0 = a + m.start()
            if _name_shaped(text, s0, s0 + len(m.group(0))):
                found.setdefault((s0, s0 + len(m.group(0))), None)

    i = 0
    while i < len(lines):
        a, line = lines[i]
        cells = [c.strip(" *") for c in line.split("\t")]
        if len(cells) >= 2 and any(c in NAME_HEADERS for c in cells):
            cols = [k for k, c in enumerate(cells) if c in NAME_HEADERS]
            j = i + 1
            while j < len(lines) and "\t" in lines[j][1]:
                b, row = lines[j]
                offs, o = [], 0
                for c in row.split("\t"):
                    offs.append((b + o, c))
                    o += len(c) + 1
                for k in cols:
                    if k < len(offs):
                        cb, c = offs[k]
                        lead = len(c) - len(c.lstrip(" *"))
                        cell_names(cb + lead, c.strip(" *"))
                j += 1
            i = j
            continue
        # one cell per line: a header block of short lines that starts with a row-number header
        if line.strip(" *") in ROW_NUMBER_HEADERS:
            head = []
            j = i
            while j < len(lines) and 0 < len(lines[j][1].strip(" *")) <= 8 and not re.fullmatch(r"\d+", lines[j][1].strip()):
                head.append(lines[j][1].strip(" *"))
                j += 1
            cols = [k for k, c in enumerate(head) if c in NAME_HEADERS]
            if len(head) >= 2 and cols:
                expect = 1
                while j < len(lines):
                    if lines[j][1].strip() == str(expect):
                        for k in cols:
                            if j + k < len(lines):
                                b, c = lines[j + k]
                                lead = len(c) - len(c.lstrip(" *"))
                                cell_names(b + lead, c.strip(" *"))
                        expect += 1
                        j += len(head)
                        continue
                    if re.fullmatch(r"\d+", lines[j][1].strip()) and expect > 1:
                        break   # a number out of sequence: the table is over
                    j += 1
                    if j - i > 40 * len(head) and expect == 1:
                        break
                i = j
                continue
        i += 1


def _name_lists(text: str, found: dict, starts: set[int], ends: set[int]) -> None:
    """A 、-list of at least three name-shaped items with no post next to any of them is a list of names
    (程维军、查富海、祝晓航、高鑫羽等四名本科生; 由胡裕琛、于鹏浩、…、李涛等组成): every item is 2-3
    characters on token edges, surname first, not a dictionary word, a place or an organisation."""
    for m in re.finditer(r"(?:[\u4e00-\u9fff]{2,3}、){2,}[\u4e00-\u9fff]{2,}", text):
        seps = [m.start() + k for k, c in enumerate(m.group(0)) if c == "、"]
        first_end = seps[0]
        items = []
        for s0 in (first_end - 3, first_end - 2):   # the first item: the longest plausible tail before the first 、
            if s0 >= m.start() and s0 in starts and _plausible(text, s0, first_end):
                items.append((s0, first_end))
                break
        if not items:
            continue
        ok = True
        for a, b in zip(seps, seps[1:]):
            if not (2 <= b - a - 1 <= 3 and a + 1 in starts and b in ends and (
                    _plausible(text, a + 1, b) or _one_token(text, a + 1, b, starts) and _plausible(text, a + 1, b, True))):
                ok = False
                break
            items.append((a + 1, b))
        if not ok:
            continue
        last = seps[-1] + 1
        le = _forward(text, last, starts, ends) if last in starts else None
        if le is None or le not in ends or not LIST_END.match(text, le) and not cue_regex().match(text, le):
            continue
        if text.startswith(ORG_HEADS, le):
            continue
        items.append((last, le))
        if len(items) < 3 or any(text[a:b] in R.gazetteer() for a, b in items):
            continue
        for a, b in items:
            if not any(x < b and a < y for x, y in found):
                found.setdefault((a, b), None)
