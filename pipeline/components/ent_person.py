"""PERSON mentions and their posts (roles): where names are looked for.

Whether a span reads as a name is decided in ent_names (surname + given name on
pkuseg token edges; transliterated runs). Here a name is accepted when a post
stands directly before or after it (校长王建国, 徐心一校长; the post is the role),
between two posts (负责人谢人强教授), after a spaced post closing the line (新闻发言人 武平),
when a person cue follows (同志, 同学, 说, （化名）…) or a cue word precedes it
(犯罪嫌疑人, 学生), as an anonymised name (王某), as a closing byline ((李楠)), or as a
widely known figure (ent_person_known.txt). Lists and tables are in ent_person_lists.
A transliterated run after a post is a foreign name (总统马克龙, 馆长卡罗尔·史密斯).
Every later mention of an accepted name is marked too; `final_role` gives the post as
written, keeping a generic unit before it (保卫处处长) and dropping a named body's part.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from . import ent_resources as R
from .ent_names import (SPEECH_AFTER, BAD_GIVEN, HAN, PREP_SURNAMES, STRICT_BAD, backward, clause_start, closed_name, cue_regex, dotted_name,
                        foreign_name, forward, name_like_word, one_token, plausible, rare_surname_name, role_regex, single_token,
                        surname_at, translit)
from .ent_person_lists import extend_lists, name_lists, table_names
from .spans import occurrences

COUNT_CUE = re.compile(r"(?:等?[二三四五六七八九十两\d]+[位名]|等[多几]?[位名]?)(?:优秀|青年|学生|新生)?"   # 徐旺等6名学生, 瞿望、王锐等老师
                       r"(?:同学|老师|教师|学生|研究生|本科生|代表|同志|专家|嘉宾|选手|校友|队员|成员|员工|职工|干部|学者|领导|劳动模范|劳模|英雄|烈士|先烈|革命家|科学家)")
PARTY_PREFIX = R.word_class("party_prefix")
FOREIGN_POSTS = R.word_class("foreign_posts")
SPEECH_CUES = re.compile(r"表示|指出|强调|介绍|认为|坦言|谈到|提出|希望|寄语|致辞|讲话|发言|主持|宣读|汇报|总结")
SPEECH_ADVERBS = "也还又则亦均都再就"
FOREIGN_AFTER = re.compile(r"(?:表示|说|指出|称|认为|强调|宣布|透露|坦言|回应|警告|呼吁|承认|批评|补充|发推|在推特|接受|访问|会见|会晤|签署|上台|当选|政府|先生|女士|夫人|"
                           + "|".join(sorted(FOREIGN_POSTS, key=len, reverse=True)) + ")")   # 克林顿总统, 德马雷先生
PRE_CUES = R.word_class("pre_cues")
COHORT_CUE = re.compile(r"(?<!\d)[0-9]{2}后(?:姑娘|女孩|男孩|小伙|青年|女生|男生)?(?:——)?"   # 90后彭静旋
                        r"|(?<!\d)\d{1,3}(?:岁|周岁)的"   # 49岁的李国能
                        r"|(?<![\d-])\d{2,4}(?:-\d{1,2})?班|(?<=[\u4e00-\u9fff])\d{1,2}班的?|(?<!\d)(?:19|20)?\d{2}级")   # 金融学2018-3班郑书青, 土木3班的王浩, 2019级李某
SPACED_NAMES = re.compile(r"[ \u3000]((?:[\u4e00-\u9fff]{2,4}[ \u3000]){0,5}[\u4e00-\u9fff]{2,4})(?=$|[\n）)，,。；;])", re.M)
AUTHORS_LINE = re.compile(r"^((?:[\u4e00-\u9fff]{2,4}[ \u3000、]){0,5}[\u4e00-\u9fff]{2,4})[ \u3000]*《", re.M)
ANON_RE = re.compile(r"某(?:某|[\u4e00-\u9fff])?")
BYLINE_RE = re.compile(r"[（(]([\u4e00-\u9fff]{2,4})[）)][ \u3000]*(?:$|\n)")
TITLES = frozenset("教授 副教授 研究员 副研究员 助理研究员 讲师 助教 博士 博士后 博导 导师 老师 教师 专家".split())
WEAK_POSTS = frozenset("负责人 课程负责人 项目负责人 团队负责人 院士".split())   # 院士 is an honour unless it is the only post


def _rank(post: str) -> int:
    return 0 if post in WEAK_POSTS or post.endswith("负责人") else 1 if post in TITLES else 2


@lru_cache(maxsize=1)
def HONOUR_RE() -> re.Pattern:
    words = "|".join(re.escape(w) for w in R.word_list_longest_first("ent_person_honours.txt"))
    return re.compile(rf"(?:{words})[”\"]?")


def find_persons(text: str, starts: set[int], ends: set[int], org_ends: frozenset[int] = frozenset()):
    """[(start, end, role or None)] with every mention of an accepted name; `org_ends`: where organisation
    names end (a name right after one, closed by 、 or ，, is a member listed with its unit)."""
    found: dict[tuple[int, int], str | None] = {}
    for m in role_regex().finditer(text):
        rs, re_ = m.start(), m.end()
        role = m.group(0)
        # three characters closed by a separator first: 主任张浴|日|、 (forward would stop at 张浴)
        e = closed_name(text, re_, starts, ends)
        if e is None:
            e = forward(text, re_, starts, ends) if re_ in starts or re_ < len(text) else None
        if e is None:
            e = rare_surname_name(text, re_, starts, ends)
        d = dotted_name(text, re_, starts, ends)
        if d is not None and (e is None or d > e):
            e = d   # 主席艾哈迈德·哈马罗什, not 艾哈迈
        if e is None and not role.endswith(FOREIGN_POSTS):
            t = translit(text, re_)   # 秘书长加维里亚: a whole token of transliteration characters after any post
            if t is not None and t - re_ >= 3 and foreign_name(text, re_, t, ends):
                e = t
        if (e is None or e not in ends) and role.endswith(FOREIGN_POSTS):
            t = translit(text, re_)
            if t is not None and (t in ends or t == len(text) or not HAN.match(text[t])) and (e is None or t > e) \
                    and text[re_:t] not in R.gazetteer() and not (t - re_ == 2 and text[re_:t] in R.common_words()):   # 总统|波兰 is a country
                e = t   # 外交部长普里马科夫: the whole transliterated token, not 普里马
        if e is None and text[re_:re_ + 1] in "：:":   # （主持人：贾玲）, 项目负责人：张三，
            p2 = re_ + 1
            e2 = forward(text, p2, starts, ends) if p2 in starts else None
            if e2 is not None and e2 in ends and re.match(r"[）)、，,；;。\s]|$", text[e2:e2 + 1]):
                found.setdefault((p2, e2), (role, rs, -1, -1))
                continue
        if e is not None:
            if m.group("pre") and rs not in starts and m.end("pre") in starts:
                found.setdefault((re_, e), (text[m.end("pre"):re_], m.end("pre"), -1, -1))   # 大学生|志愿讲解员: 学生 is no prefix
            else:
                found.setdefault((re_, e), (role, rs, m.start("pre") if m.group("pre") else -1, m.end("pre") if m.group("pre") else -1))
        placed = (m.group("pre") or " ")[0] in "镇乡县村区市省"   # 虞姬|镇党委副书记: a place before its own body's post
        s = backward(text, rs, starts, rs >= 3 and text.count(text[rs - 3:re_]) >= 2) if e is None and not placed else None
        if s is not None and ((s, rs) not in found or _better(_post_value(m), found[(s, rs)])):
            found[(s, rs)] = _post_value(m)   # 课程负责人刘志阳教授: the title after beats the weak post before
    for m in cue_regex().finditer(text):
        cs = m.start()
        if cs not in ends or text.startswith("同学会", cs):
            continue   # 欧美|同学会: an alumni association, not a fellow student
        if SPEECH_CUES.match(text, cs) and cs - 1 in starts and text[cs - 1] in SPEECH_ADVERBS and cs - 1 in ends:
            cs -= 1   # 陈慕华|也|指出: one adverb between the name and its verb of speech
        if text[cs - 1:cs] == "作" and SPEECH_AFTER.match(text, cs) and cs - 3 >= 0 and cs - 3 in starts \
                and plausible(text, cs - 3, cs - 1):
            found.setdefault((cs - 3, cs - 1), None)   # 刘畅作|总结发言: 作 is the verb before the speech
            continue
        for s in (cs - 3, cs - 2):
            if s >= 0 and (text[s] in PREP_SURNAMES and s + 1 in starts
                           or name_like_word(text[s:cs]) and not text.startswith(("同志", "先生", "女士"), cs)):
                continue   # 向|事主表示: a preposition, not a surname; 普通父亲 (but 王明同志 is a person)
            if s >= 0 and s in starts and single_token(s, cs, starts) and (
                    plausible(text, s, cs) or (cs - s == 3 and clause_start(text, s) and one_token(text, s, cs, starts)
                                                and plausible(text, s, cs, True, True))):   # 温家宝|指出: one token
                found.setdefault((s, cs), None)
                break
    for m in COUNT_CUE.finditer(text):   # 陈纪腾、李佳恒、赵一鸣三位同学; 徐旺等6名学生
        cs = m.start()
        for s in (cs - 3, cs - 2):
            if s >= 0 and s in starts and plausible(text, s, cs):
                found.setdefault((s, cs), None)
                break
    for m in HONOUR_RE().finditer(text):
        e = forward(text, m.end(), starts, ends) if m.end() in starts else None
        if e is not None and e in ends:
            found.setdefault((m.end(), e), None)
    for m in R.alternation("ent_person_known.txt").finditer(text):
        s, e = m.start(), m.end()
        if s in starts and (
                e in ends or not HAN.match(text[e:e + 1] or "a") or len(m.group(0)) >= 3
                or re.match(r"主义|思想|理论", text[e:e + 2]) or text[e:e + 2] in R.common_words()):
            found.setdefault((s, e), None)   # 陈云, not 陈云霞; 马克思 in 马克思主义 counts (SPEC), so does 黄|大年式
            # and 刘邦|故里 when pkuseg glues the next word's first character (刘邦故|里)
    for m in COHORT_CUE.finditer(text):
        e = forward(text, m.end(), starts, ends) if m.end() in starts else None
        if e is not None and e in ends:
            found.setdefault((m.end(), e), None)
    for cue in PRE_CUES:
        for m in re.finditer(cue, text):
            glued = cue == "籍" and m.start() in starts   # 贵州|籍罗伟铖: pkuseg glued the cue to the name
            glued = glued or (m.end() - 1 in starts and m.end() + 1 in ends and text[m.end() - 1:m.end() + 1] not in R.common_words()
                              and m.end() - 1 > m.start())   # 本科|生纪|诗琪: the cue's last character glued to the surname
            e = forward(text, m.end(), starts, ends) if m.end() in starts or glued else None
            if e is not None and text[m.end()] in "于向" and not re.match(r"[、，,。；;和及等（(\s]", text[e:e + 1]):
                e = None   # 成员于博一楼前: the "surname" is a preposition
            if e is not None and e in ends:
                post = _post_before_delegate(text, m.start()) if cue == "代表" else None
                if found.get((m.end(), e)) is None:
                    found[(m.end(), e)] = post
    _spaced_after_post(text, found, starts)
    _authors_before_title(text, found, starts)
    _between_posts(text, found, starts)
    _anonymised(text, found, starts, ends)
    _byline(text, found, starts)
    _photo_credit(text, found, starts)
    _foreign_with_cues(text, found, starts, ends)
    _dotted_anywhere(text, found, starts, ends)
    _surname_with_title(text, found, starts)
    _after_org(text, found, starts, ends, org_ends)
    table_names(text, found, starts, ends)
    name_lists(text, found, starts, ends)
    _other_mentions(text, found, starts)
    extend_lists(text, found, starts, ends)
    _posts_around(text, found)
    _grow_glued_given(text, found)
    return _all_mentions(text, _merge_same_start(found))


def _after_org(text: str, found: dict, starts: set[int], ends: set[int], org_ends: frozenset[int]) -> None:
    """国际学院陈雪、吴文清获评…, 徐州市委宣传部郭世玉、…: a name written right after its unit, closed by 、 or ，."""
    for p in org_ends:
        e = forward(text, p, starts, ends) if p in starts else None
        if e is not None and e in ends and text[e:e + 1] in ("、", "，", ",") and not any(a < e and p < b for a, b in found):
            found[(p, e)] = None


def _grow_glued_given(text: str, found: dict) -> None:
    """执行董事何广|会|共同出席 … 何广|会|先生: a two-character name that is followed everywhere by the same
    character, which pkuseg splits off as 会, is three characters long when 先生/女士/同志 closes it once."""
    for (s, e) in list(found):
        name = text[s:e]
        if len(name) != 2 or e >= len(text) or not HAN.match(text[e]) or surname_at(text, s) != 1:
            continue
        longer = name + text[e]
        if text.count(name) >= 2 and text.count(name) == text.count(longer) and (s, e + 1) not in found \
                and re.search(re.escape(longer) + "(?:先生|女士|同志)", text) and text[e] not in BAD_GIVEN \
                and longer not in R.common_words():
            found[(s, e + 1)] = found.pop((s, e))


def _other_mentions(text: str, found: dict, starts: set[int]) -> None:
    """Every other mention of an accepted name, so that a list can go on from it too (毕业生郑秦苏、柳小妮以及…,
    where 郑秦苏 is accepted only later, by 郑秦苏学姐)."""
    for name in {text[s:e] for s, e in found}:
        for s in occurrences(text, name):
            e = s + len(name)
            if s in starts and not any(a < e and s < b for a, b in found):
                found[(s, e)] = None


def _post_before_delegate(text: str, q: int):
    """班长代表陈越凡, 学生党支部书记代表陈汐昱: the post before 代表 is the delegate's role."""
    lo = max(0, q - 12)
    best = None
    for m in role_regex().finditer(text, lo, q):
        if m.end() == q and (best is None or m.start() < best.start()):
            best = m
    if not best or text[best.start() - 1:best.start()] == "的":
        return None
    if best.group(0) in DELEGATE_NOUNS:
        return (text[best.start():q + 2], best.start(), -1, -1)   # 教师代表王孝茹: a person noun, not a post, names the delegate
    return _post_value(best)


DELEGATE_NOUNS = frozenset("教师 老师 学生 党员 家长 校友 职工 员工 青年 教职工 师生 群众 村民 居民 志愿者 研究生 本科生 新生".split())


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
            if not (part and surname_at(part, 0) and pos in starts and _plausible_spaced(part)):
                names = []
                break
            names.append((pos, pos + len(part)))
            pos += len(part) + 1
        for a, b in names:
            found.setdefault((a, b), _post_value(m))


def _authors_before_title(text: str, found: dict, starts: set[int]) -> None:
    """Names set off by spaces before a 《title》 at the start of a line: the authors in an award list
    (二等奖⏎赵红灿 孟凡昌 《高校培育时代新人的五育融合路径探析》)."""
    for m in AUTHORS_LINE.finditer(text):
        pos, names = m.start(1), []
        for part in re.split(r"[ \u3000、]", m.group(1).strip(" \u3000")):
            if not (part and surname_at(part, 0) and pos in starts and _plausible_spaced(part) and not R.gazetteer().get(part)):
                names = []
                break
            names.append((pos, pos + len(part)))
            pos += len(part) + 1
        if names and names[-1][1] == m.end() - 1 and any(x in starts for x in range(names[-1][0] + 1, names[-1][1])):
            names = []   # 孙浩|以《…》为题: written against the title, the name must be one token
        for a, b in names:
            found.setdefault((a, b), None)


def _plausible_spaced(name: str) -> bool:
    if not (2 <= len(name) <= 4) or name in R.common_words() or role_regex().search(name):
        return False
    return not any(c in STRICT_BAD for c in name[1:]) and name[1:] not in R.word_set("ent_person_stop.txt")


def _between_posts(text: str, found: dict, starts: set[int]) -> None:
    """Two to four characters between two posts are a name (专业负责人谢人强教授); the first post is its role."""
    roles = list(role_regex().finditer(text))
    for m1, m2 in zip(roles, roles[1:]):
        s, e = m1.end(), m2.start()
        one = not any(x in starts for x in range(s + 1, e))   # 组长|程志红|教授: one token between two posts
        if 2 <= e - s <= 3 and s in starts and e in starts and surname_at(text, s) and \
                plausible(text, s, e, True, one) and not any(a < e and s < b for a, b in found):
            found[(s, e)] = _post_value(m1)


def _anonymised(text: str, found: dict, starts: set[int], ends: set[int]) -> None:
    """A surname and 某 on token edges is an anonymised name (王某, 张某某, 王某焘)."""
    for k in occurrences(text, "某"):
        i = k - 1
        if i < 0 or i not in starts or not surname_at(text, i) == 1 or (i > 0 and text[i - 1] == "某"):
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
        if s > 1 and text[s - 2] in "。！？!?”\"" and s in starts and plausible(text, s, e, True):
            found.setdefault((s, e), None)


PHOTO_CREDIT_RE = re.compile(r"(?:^|[ \u3000员者队（(])([\u4e00-\u9fff]{2,3})[ \u3000]*(?:摄影?|供图)(?=[ \u3000]*(?:$|[\n）)]))", re.M)


def _photo_credit(text: str, found: dict, starts: set[int]) -> None:
    """A name crediting a photo at the end of its caption (城市摄影队 周斌 摄, 通讯员刘娟 摄)."""
    for m in PHOTO_CREDIT_RE.finditer(text):
        s, e = m.start(1), m.end(1)
        if s in starts and plausible(text, s, e, True) and not any(a < e and s < b for a, b in found):
            found.setdefault((s, e), None)


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
            if q in starts and (q == 0 or text[q - 1] not in chars or role_regex().search(text[max(0, q - 4):q])
                                or not _translit_token_before(text, q, starts, chars)) \
                    and foreign_name(text, q, cs, ends) and not any(a < cs and q < b for a, b in found):
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
                    if (e0 + 1, e1) not in found and foreign_name(text, e0 + 1, e1, ends) \
                            and not any(a < e1 and e0 + 1 < b for a, b in found):
                        found[(e0 + 1, e1)] = None
                        changed = True


def _translit_token_before(text: str, q: int, starts: set[int], chars) -> bool:
    """The token ending at q is all transliteration characters (so a name might start before q; 感谢|克雷蒂安 is not)."""
    p = next((x for x in range(q - 1, max(-1, q - 8), -1) if x in starts), None)
    return p is not None and all(c in chars or c == "·" for c in text[p:q])


SURNAME_TITLE = re.compile(r"([\u4e00-\u9fff])(?:先生|女士|小姐|警官)")


def _surname_with_title(text: str, found: dict, starts: set[int]) -> None:
    """A surname alone with 先生/女士/小姐/警官 names a person (温先生, 李女士, 冯警官): the surname is one
    character on a token start, not a word's last character (老先生, 各位先生)."""
    single, _ = R.surnames()
    for m in SURNAME_TITLE.finditer(text):
        s = m.start()
        c = text[s]
        if c in single and c not in "老小大各诸该某本这那此其每" and s in starts \
                and (s == 0 or not HAN.match(text[s - 1]) or s - 1 not in starts or text[s - 1] in "的是和与及、"
                     or text[max(0, s - 2):s] in R.common_words()) \
                and not any(a <= s < b for a, b in found):
            found.setdefault((s, m.end()), None)


def _dotted_anywhere(text: str, found: dict, starts: set[int], ends: set[int]) -> None:
    """A transliterated name joined by a middle dot needs no cue (冯·诺依曼架构, 茉莉·西尔斯说): every
    character on both sides is a transliteration character, and it starts and ends on token edges."""
    if "·" not in text and "•" not in text:
        return
    chars = R.word_set("ent_translit.txt") | R.word_set("ent_translit_dotted.txt")
    ordered = sorted(starts)
    for m in re.finditer(r"[·•]", text):
        k = bisect.bisect_left(ordered, m.start())
        p = ordered[k - 1] if k else None   # the nearest token start: 基于|冯·诺依曼
        while p is not None and k >= 2 and m.start() - ordered[k - 2] <= 8 and all(c in chars for c in text[ordered[k - 2]:p]):
            k -= 1
            p = ordered[k - 1]   # 艾孜|提力|吾|麦尔·吐尔洪: a long first name cut into several tokens
        e = m.end()
        while e < len(text) and (text[e] in chars or text[e] in "·•") and e - m.end() < 8:
            e += 1
        while e > m.end() + 1 and e not in ends:
            e -= 1
        if p is not None and m.start() - p <= 8 and all(c in chars for c in text[p:m.start()]) and e - m.end() >= 2 \
                and e in ends and not any(a < e and p < b for a, b in found):
            if text[p:m.start()] in R.common_words() and p > 0 and HAN.match(text[p - 1]) \
                    and text[p - 1] not in "的是和与及向对给被让叫名为由":
                continue   # 公益基金•帕拉卡: a dictionary word inside a longer phrase, not a first name
            found.setdefault((p, e), None)


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


def _better(new, old) -> bool:
    """A direct post beats one guessed from a list; the first post wins unless a later one extends it (副书记 -> 党委副书记)."""
    if old is None:
        return True
    new_weak, old_weak = len(new) > 4 and new[4], len(old) > 4 and old[4]
    if new_weak != old_weak:
        return old_weak
    if _rank(old[0]) != _rank(new[0]):
        return _rank(new[0]) > _rank(old[0])   # a post beats an academic title (王锋教授 … 王锋副院长 -> 副院长), which beats 负责人
    return len(new[0]) > len(old[0]) and new[0].endswith(old[0])


def _all_mentions(text: str, found: dict):
    roles: dict[str, tuple] = {}
    for (s, e), role in sorted(found.items()):
        name = text[s:e]
        if role and _better(role, roles.get(name)):
            roles[name] = role
    out, seen = [], set()
    for name in sorted({text[s:e] for s, e in found}, key=len, reverse=True):
        for s in occurrences(text, name):
            e = s + len(name)
            if any(a < e and s < b for a, b in seen):
                continue
            seen.add((s, e))
            out.append((s, e, roles.get(name)))
    return sorted(out)


def final_role(text: str, role, orgs) -> str | None:
    """The post text, without a prefix that belongs to an ORG in front (党委学生工作部|副部长)."""
    if not role:
        return None
    word, rs, ps, pe = role[:4]
    if ps >= 0 and not word[: pe - ps].endswith(PARTY_PREFIX):
        if any(a <= ps and pe <= b for a, b in orgs):
            return word[pe - ps:]
    head = next((h for h in UNIT_HEADS if word.startswith(h) and word[len(h):] in R.word_set("ent_roles.txt")), None)
    if head:   # 招生|办公室主任: the post itself starts with a unit head, so the unit may start earlier
        body = _generic_body(text, rs + len(head), orgs)
        if len(body) > len(head):
            return body + word[len(head):]
        if head == "办公室":
            return word[len(head):]   # 学院办公室主任张涛: a bare 办公室 is too generic to be part of the post
    body = _generic_body(text, rs, orgs)
    if body == "办公室":
        body = ""   # 办公室副主任: likewise
    if not body and ps < 0 and word in ("教师", "老师", "辅导员", "教练"):
        body = next((w for w in R.word_list_longest_first("ent_role_subjects.txt") if text.endswith(w, 0, rs)), "")
    return body + word   # 声乐教师, 兼职辅导员


def _generic_body(text: str, rs: int, orgs) -> str:
    """A generic unit written right before the post belongs to it (校保卫处处长 -> 保卫处处长, 组织部部长,
    研究生会指导老师), unless it ends a named organisation (理学院党委书记: 理学院党委 is an ORG)."""
    if any(a < rs <= b for a, b in orgs):
        return ""
    for L in range(12, 1, -1):
        w = text[max(0, rs - L):rs]
        if len(w) == L and (w in _unit_words() or L >= 3 and w.endswith(UNIT_HEADS) and _dictionary_words(w)):
            before = text[rs - L - 1:rs - L]
            if not before or not HAN.match(before) or before in "校院市县区省镇乡村系部局兼":
                while len(w) > 3 and w[0] in "校院市县区省镇乡" and (w[1:] in _unit_words() or _dictionary_words(w[1:])):
                    w = w[1:]   # 区教育局副局长 -> 教育局副局长: a bare level prefix is dropped
                return w   # 社团联合会主席, 市金融局副局长 -> 金融局副局长
    return ""


UNIT_HEADS = R.word_class("unit_heads")


def _dictionary_words(w: str) -> bool:
    """`w` splits into dictionary words and unit heads (大学生|科学|技术|协会, 金融|局), so it is generic."""
    common = R.common_words()
    return all(p in common or p in UNIT_HEADS for p in R.split_words(w, UNIT_HEADS))


@lru_cache(maxsize=1)
def _unit_words() -> frozenset[str]:
    """Generic units (ent_org_generic.txt) that name an office, not an institution (学院, 医院, 公司 are not)."""
    institutions = set("学校 学院 大学 中学 小学 幼儿园 党校 分校 校区 医院 卫生院 公司 有限公司 集团 股份 银行 "
                       "研究院 研究所 纪念馆 博物馆 图书馆 二级学院 各学院 市政府 县政府 区政府 省政府 人民政府 政府".split())
    return frozenset(w for w in R.word_set("ent_org_generic.txt") if len(w) >= 2 and w not in institutions)
