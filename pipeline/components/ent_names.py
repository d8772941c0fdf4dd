"""Name shape for PERSON: surnames, posts and cues, and whether a span of text reads as a name.

A Chinese name is a surname (ent_surnames.txt; rare ones in ent_surnames_rare.txt only
right after a post) and one or two given-name characters that are not function words,
on pkuseg token edges; `forward` and `backward` find it after or before a post. A
foreign name is a run of transliteration characters (ent_translit.txt), optionally with
a middle dot. The rules that decide *where* names are looked for live in ent_person.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import ent_resources as R

HAN = re.compile(r"[\u4e00-\u9fff]")
BAD_GIVEN = set("副都的了在和与及是等为对向从把被将就也都还又再并或但而之其此该这那我你他她们个年日人中上下内外前后说讲称率获级以读老")
STRICT_BAD = set("的了在是等们我你他她该这那个")
WHOLE_TOKEN_POS = set("rpcufmq")   # not t: 路明月 (明月 is a time word to jieba), not d: 张立新 (立新 is an adverb to jieba)
FUNCTION_POS = set("rdpcuvamqtfs")
SPEECH_AFTER = re.compile(r"专题|报告|讲座|讲话|发言|总结|介绍|动员|部署|汇报|辅导|交流|分享|点评|宣讲|示范")   # 宋冰作|专题培训
PREP_SURNAMES = set("向从对将把和与为以")
ORG_END = set("院校部局委会处科系室厅所站社馆司镇乡村县市区省州办")


@lru_cache(maxsize=1)
def role_regex() -> re.Pattern:
    pre = "|".join(re.escape(w) for w in R.word_list_longest_first("ent_role_prefix.txt"))
    base = "|".join(re.escape(w) for w in R.word_list_longest_first("ent_roles.txt"))
    return re.compile(rf"(?P<pre>{pre})?(?:{base})(?!组(?!织|建))")   # not 专家|组 (a body), but 书记|组织召开


@lru_cache(maxsize=1)
def cue_regex() -> re.Pattern:
    return R.alternation("ent_person_after.txt")


def surname_at(text: str, i: int) -> int:
    single, double = R.surnames()
    if text[i:i + 2] in double:
        return 2
    return 1 if text[i:i + 1] in single else 0


def plausible(text: str, s: int, e: int, whole_token: bool = False, single: bool = False) -> bool:
    """`whole_token`: pkuseg keeps text[s:e] as one token before a post, so given-name characters that are
    also function words (施从美, 王为民, 李中华) are allowed; only the strict ones still rule it out."""
    name = text[s:e]
    if not (2 <= len(name) <= 4) or not all(HAN.match(c) for c in name):
        return False
    if len(name) == 3 and name[-1] == "摄" and not HAN.match(text[e:e + 1] or "a"):
        return False   # （本报记者李舸摄）: the photo credit's verb, not a given name
    sl = surname_at(text, s)
    bad = STRICT_BAD if whole_token else BAD_GIVEN
    if not sl or any(c in bad for c in name[sl:]):
        return False
    if name in R.common_words() or name in R.gazetteer() or name[-1] in ORG_END and not _zhou_name(name):
        return False
    if text[e - 1:e + 2] in ("党支部", "党总支") or text[e - 1:e + 1] in ("党委", "团委", "支部", "总支"):
        return False   # 教师第五|党|支部: the last character starts a branch's head
    if R.gazetteer().get(name[1:], "county").startswith(("country", "province", "city")) and not (whole_token and len(name) == 3):
        return False  # 但法国, 在广西 (but 康重庆教授 at the start of a clause is a name)
    if len(name) == 3 and sl == 1 and name[:2] in R.common_words() and not single:
        return False  # 强化工, 师生工 (but 路易霖 kept as one token before a post is a name)
    if name[sl:] in R.word_set("ent_person_stop.txt") or name in R.word_set("ent_person_stop.txt") \
            or len(name) == 3 and name[:2] in R.word_set("ent_person_stop.txt"):   # 本次沙龙给同学们
        return False
    if R.common_words().get(name[sl:], "n")[:1] in (WHOLE_TOKEN_POS if whole_token and len(name) == 3 else FUNCTION_POS) \
            and not (whole_token and len(name) == 3 and name[1] == name[2]):
        return False  # 向大家, 班学习: the "given name" is a function word or verb (but 冯平安, 朱如意, 李双双 are names)
    if role_regex().search(name, 1):
        return False
    return True


def _zhou_name(name: str) -> bool:
    """孙长州: 州 ends a three-character given name when the rest is no place (江|苏州, 张|广州 are places)."""
    return len(name) == 3 and name[-1] == "州" and name[1:] not in R.gazetteer() and name[1] + "州市" not in R.gazetteer()


def forward(text: str, p: int, starts: set[int], ends: set[int], in_list: bool = False) -> int | None:
    """End of a name starting at p (after a post), or None. `in_list`: p follows an accepted name and 、, so one
    three-character token may read as a name although its first two characters are a word (陈文雯、周天涯)."""
    sl = surname_at(text, p)
    if not sl:
        return None
    if sl == 1 and text[p] in PREP_SURNAMES and p + 1 in starts:
        return None   # 老师|向|答对: a preposition that is also a surname counts only inside one token (向警予)
    if p + sl in starts and text[p + sl:p + sl + 2] in R.common_words() and p + sl + 2 in ends:
        return None  # 任|成员: the "given name" is an ordinary word
    whole = token_end(p, starts, ends, len(text))
    if whole is not None and whole - p >= 4 and text[p:whole] in R.common_words():
        return None  # 领导人|高瞻远瞩: an idiom, not a name and its next word
    if whole == p + 2 and name_like_word(text[p:whole]) and text[p] not in R.frequent_surnames() \
            and HAN.match(text[whole:whole + 1] or "a"):
        return None  # 专家|权威|分析: a name-like word with a rare surname inside the sentence (not 书记|王明|出席)
    best = None
    for L in (sl + 2, sl + 1):
        e = p + L
        one = L == 3 and p in starts and e in ends and not any(x in starts for x in range(p + 1, e)) \
            and text[e - 1] not in BAD_GIVEN   # 宋冰作|专题培训: a verb after a two-character name
        glued = L == sl + 2 and e < len(text) and e not in ends and e - 1 in starts and p in starts and (
            _glued_word_after(text, e, ends) or text[e] == "作" and e + 1 in ends and SPEECH_AFTER.match(text, e + 1) is not None)
        # 江红|祥作|报告: the given name's last character glued to the verb 作 before a talk
        if e > len(text) or not (plausible(text, p, e) or (one and plausible(text, p, e, True, in_list)) or glued and plausible(text, p, e, True, True)):
            continue   # one pkuseg token of three characters may use function characters (田其学, 饶中浩)
        if L == sl + 2 and e not in ends and text[e:e + 1] == "等" and e + 1 in ends and p in starts:
            return e   # 方跃|平等|进行: the name's last character is glued to 等
        if L == sl + 2 and (stops_at(text, p + sl + 1) and not (one and _word_at(text, e, ends))
                            or text[e - 1] == "作" and SPEECH_AFTER.match(text, e)):
            continue  # 齐超发言: the third character starts the next word (but 记者|谢国明|报道: one token, then a word)
        if L == sl + 1 and text[e - 1:e + 1] in R.common_words() and not (p in starts and e in ends and _word_at(text, e, ends)):
            continue  # 向同|学们: the given character belongs to the next word (but 赵超|出席 is split there)
        if glued:
            return e   # 党委书记李长|贵带队: the given name's last character glued to the next word (带队)
        if e in ends or best is None:
            best = e if best is None or e in ends else best
            if e in ends:
                return e
    return best


def _glued_word_after(text: str, e: int, ends: set[int]) -> bool:
    q = next((x for x in range(e + 1, min(len(text), e + 4) + 1) if x in ends), None)
    return q is not None and q - e >= 2 and text[e:q] in R.common_words() and R.common_words()[text[e:q]][:1] not in FUNCTION_POS


def _word_at(text: str, i: int, ends: set[int]) -> bool:
    """The token starting at i is a dictionary word (出席, not 里以)."""
    e = next((q for q in range(i + 1, min(len(text), i + 5) + 1) if q in ends), None)
    return e is not None and text[i:e] in R.common_words()


def closed_name(text: str, p: int, starts: set[int], ends: set[int]) -> int | None:
    """After a post, three characters closed by a separator are a name even when the given name is an
    ordinary word (副会长王以丹、…, 主席朱如意、…, 副书记王将、 is too short to tell)."""
    e = p + 3
    glued = p not in starts and p + 1 in starts   # 支部|委员段|忠诚|、: the surname glued to the post
    if not (p in starts or glued) or e not in ends or surname_at(text, p) != 1:
        return None
    if not re.match(r"[，、。；;,（(]|等|和|与|及", text[e:e + 1]):
        return None
    name = text[p:e]
    if name[-1] in "说讲称":
        return None   # 会长王明说，: a two-character name and the verb of speech
    whole = not any(x in starts for x in range(p + 1, e))   # 记者|金学耕|、: one token, though 金学 is a word
    if role_regex().search(name) or name[1:] in R.word_set("ent_person_stop.txt") or not plausible(text, p, e, True, whole):
        return None
    if R.common_words().get(name[1:], "n")[:1] in "rdpcuf":
        return None
    return e


def stops_at(text: str, i: int) -> bool:
    """True when a post, a cue or a common word starts at i (so a name ends before it)."""
    if i >= len(text) or not HAN.match(text[i]):
        return True
    if role_regex().match(text, i) or cue_regex().match(text, i):
        return True
    common = R.common_words()
    return any(common.get(text[i:i + k], "m")[0] not in "mq" for k in (2, 3)) or text[i] in BAD_GIVEN


def name_like_word(w: str) -> bool:
    """A frequent two-character word that jieba files under names (谢谢, 普通, 阳光): not a name before a
    post or a cue (谢谢老师, 普通父亲), though it may be one in a list (张宁、赵银辉)."""
    return R.name_word_frequency().get(w, 0) >= 300


def backward(text: str, q: int, starts: set[int], repeated: bool = False) -> int | None:
    """Start of a name ending at q (before a post), or None. `repeated`: the three characters and the post are
    written together more than once, so they read as a name although two of them make a word (何人|可|教授)."""
    options = [s for s in (q - 3, q - 2, q - 4) if s >= 0
               and (plausible(text, s, q) or (s in starts and (one_token(text, s, q, starts) or clause_start(text, s))
                                               and plausible(text, s, q, True, (one_token(text, s, q, starts) or repeated and q - s == 3)
                                                             and (clause_start(text, s) or after_org_head(text, s)))))
               and (q - s < 4 or surname_at(text, s) == 2) and not name_like_word(text[s:q])]
    if q >= 3 and _surname_and_adverb(text, q - 3, q, starts):
        options.append(q - 3)   # 系|王|高新|副教授: the given name is a dictionary adverb, the post closes it
    s3 = q - 3
    if s3 >= 2 and s3 not in starts and s3 - 1 in starts and s3 + 1 in starts and text[s3 - 2:s3] in ("我校", "本校", "该校", "我院", "本院") \
            and surname_at(text, s3) == 1 and plausible(text, s3, q, True):
        return s3   # 我|校卞|正富|副校长: the surname glued to 校
    for s in options:
        if s in starts:
            return s
    return None


def _surname_and_adverb(text: str, s: int, q: int, starts: set[int]) -> bool:
    return s in starts and s + 1 in starts and surname_at(text, s) == 1 and R.common_words().get(text[s + 1:q]) == "d" \
        and text[s] not in PREP_SURNAMES and plausible(text, s, q, True)


def clause_start(text: str, s: int) -> bool:
    """A three-character name at the start of a line or clause, right before a post (张康之教授首先…)."""
    return s == 0 or text[s - 1] in "\n，,。；;：:、（(“\"）)"


def after_org_head(text: str, s: int) -> bool:
    """The name follows an organisation's head word (中山大学|周天寿|教授): its place, not a word's part."""
    heads = R.word_set("ent_org_suffix.txt")
    return any(len(text[s - L:s]) == L and text[s - L:s] in heads for L in (2, 3, 4))


def one_token(text: str, s: int, q: int, starts: set[int]) -> bool:
    return q - s == 3 and not any(x in starts for x in range(s + 1, q))


def translit(text: str, p: int) -> int | None:
    chars = R.word_set("ent_translit.txt")
    e = p
    while e < len(text) and text[e] in chars and e - p < 8:
        e += 1
    return e if e - p >= 2 else None   # up to 8 characters: 克瓦希涅夫斯基


def token_end(p: int, starts: set[int], ends: set[int], limit: int) -> int | None:
    """End of the pkuseg token starting at p (None when p is not a token start)."""
    if p not in starts:
        return None
    for q in range(p + 1, min(limit, p + 12) + 1):
        if q in ends:
            return q
    return None


def rare_surname_name(text: str, p: int, starts: set[int], ends: set[int]) -> int | None:
    """After a post, one pkuseg token of 2-3 characters led by a rare surname that is also an ordinary
    character (院长原熙博, 村委会主任代翠荣): accepted only there, never from a list or a cue."""
    if text[p:p + 1] not in R.word_set("ent_surnames_rare.txt"):
        return None
    e = token_end(p, starts, ends, len(text))
    if e == p + 1 or (p not in starts and p + 1 in starts):
        # 主任畅|军亮: the surname alone, then a two-character given name; 总监侍|相宇: the surname glued to the post
        e = token_end(p + 1, starts, ends, len(text))
        if e != p + 3:
            return None
    if e == p + 2 and token_end(e, starts, ends, len(text)) == e + 1 and HAN.match(text[e]) \
            and not HAN.match(text[e + 1:e + 2] or "a"):
        e += 1   # 辅导员相笑|笑|，: the last character of the given name cut off before the comma
    if e is None or not (2 <= e - p <= 3):
        return None
    name = text[p:e]
    if not all(HAN.match(c) for c in name) or any(c in BAD_GIVEN for c in name[1:]):
        return None
    doubled = len(name) == 3 and name[1] == name[2]   # 相笑笑: a reduplicated given name
    if name in R.common_words() or name[1:] in R.common_words() and not doubled or name in R.gazetteer() or name[-1] in ORG_END \
            or name_like_word(name):   # 县长|文明
        return None
    if len(name) == 3 and name[:2] in R.common_words():
        return None   # 教师|师德师风: the surname starts a word
    if name[1:] in R.word_set("ent_person_stop.txt") or role_regex().search(name, 1):
        return None
    return e


ORG_HEAD_IN = re.compile(r"大学|学院|公司|集团|协会|委员会|中心|政府|银行")


def dotted_name(text: str, p: int, starts: set[int], ends: set[int]) -> int | None:
    """After any post, a transliterated name written with a middle dot (馆长卡罗尔·史密斯)."""
    chars = R.word_set("ent_translit.txt")
    e = p
    while e < len(text) and (text[e] in chars or text[e] == "·") and e - p < 14:
        e += 1
    if "·" not in text[p:e].strip("·"):   # 主席埃文·毛赛尔, 主席赛送蓬·丰威汉: any characters around the dot after a post
        m = re.match(r"[\u4e00-\u9fff]{2,6}·[\u4e00-\u9fff]{2,6}(?:·[\u4e00-\u9fff]{2,6})?", text[p:p + 22])
        parts = m.group(0).split("·") if m else []
        if m and not ORG_HEAD_IN.search(m.group(0)) and not any(
                x in R.common_words() or all(len(w) > 1 for w in R.split_words(x)) for x in parts):
            last = p + len(m.group(0)) - len(parts[-1])   # the last part ends at its first token end after two characters
            e = next((q for q in range(last + 2, p + len(m.group(0)) + 1) if q in ends), p)
    name = text[p:e].strip("·")
    if "·" not in name or len(name) < 4 or not text[p:e].endswith(name[-1]):
        return None
    parts = name.split("·")
    if any(len(x) < 1 for x in parts) or e not in ends and (e < len(text) and HAN.match(text[e])):
        return None
    return p + len(name)


def name_shaped(text: str, s: int, e: int) -> bool:
    """A table cell or list item that reads as a Chinese name on its own (2-4 characters, surname first)."""
    return 2 <= e - s <= 4 and plausible(text, s, e, True, True) and (e - s < 4 or surname_at(text, s) == 2)


def single_token(s: int, e: int, starts: set[int]) -> bool:
    inner = [x for x in range(s + 1, e) if x in starts]
    return len(inner) <= 1 and (e - s <= 3)


def foreign_name(text: str, p: int, e: int, ends: set[int]) -> bool:
    """text[p:e] reads as a transliterated foreign name: transliteration characters only, token-aligned,
    not a dictionary word, a place or a Chinese name (约翰逊, 卢比奥, 梅嫩德斯)."""
    name = text[p:e]
    chars = R.word_set("ent_translit.txt")
    if not (2 <= len(name) <= 8) or e not in ends or not all(c in chars or c == "·" for c in name):
        return False
    if name in R.common_words() or name in R.gazetteer() or name[:2] in R.gazetteer() or name[:2] in R.common_words():
        return False
    return not (len(name) <= 3 and surname_at(text, p) and plausible(text, p, e))


GLUED_HEADS = ("大学", "学院", "中学", "小学", "医院", "公司", "集团", "党委", "研究院", "研究所")
GLUED_HEAD_CHARS = "系院部处科室"   # one-character heads: split only when a post or a cue follows the name
GLUED_PUNCT = re.compile(r"[()（）\[\]【】“”\"'‘’《》、，,。；;：:！？]+(?=[\u4e00-\u9fff])")


def split_glued_heads(text: str, tokens: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """pkuseg sometimes glues an org head to the surname of the name after it (四川|大学史|云贵|教授):
    split such a token when its rest is a surname and a one- or two-character given name follows (a one-character
    head, 工程|系王|高新|副教授, only when a post or a cue closes the name). Punctuation glued to the next word is
    split off too (中国(无锡)物|联网)."""
    out = []
    for k, (a, b) in enumerate(tokens):
        tok = text[a:b]
        cut = GLUED_PUNCT.match(tok)
        if cut and len(tok) > cut.end():
            out += [(a, a + cut.end()), (a + cut.end(), b)]   # )物|联网: a bracket glued to the next word
            continue
        head = tok[:-1] if 3 <= len(tok) <= 4 and tok[:-1] in GLUED_HEADS else None
        head = head or (tok[0] if len(tok) == 2 and tok[0] in GLUED_HEAD_CHARS else None)   # 工程|系王|高新|副教授
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if head and nxt and nxt[0] == b and 1 <= nxt[1] - nxt[0] <= 2 and surname_at(text, a + len(head)) == 1 \
                and HAN.match(text[nxt[0]]) and k > 0 and tokens[k - 1][1] == a \
                and (text[nxt[0]:nxt[1]] not in R.common_words() and len(head) > 1
                     or role_regex().match(text, nxt[1]) or cue_regex().match(text, nxt[1])):
            out += [(a, a + len(head)), (a + len(head), b)]
        else:
            out.append((a, b))
    return out

