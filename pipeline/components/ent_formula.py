"""FORMULA mentions (numbered coinages: 三零, 三官两队, 336, 双培养) and their members.

Found as quoted expressions built from numerals (“三零”, 四个“引路人”), as well-known
formulas (ent_formula_known.txt, unquoted too), and as a count closing a list
(课时、教材、教师、教学”四落实). Periods and meetings (十四五, 二十大), ordinals,
plain counts (三方面) and numeral idioms are not formulas (ent_formula_stop.txt,
ent_idioms_num.txt). Members come, in this order, from parentheses after it, from
即/指/包括/分别是/： after it, from the list right before it, from the child
sections of a heading naming it, or from the next list of the expected length.
"""
from __future__ import annotations

import re

from . import ent_resources as R

NUM = "一二三四五六七八九十两双"
NUMV = {c: i + 1 for i, c in enumerate("一二三四五六七八九")} | {"十": 10, "两": 2, "双": 2}
OPEN, CLOSE = "“\"「『‘", "”\"」』’"
QUOTED = re.compile(r"[“\"「『‘]([^“”\"「」『』‘’\n]{1,12})[”\"」』’]")
NUM_OUTSIDE = re.compile(rf"([二三四五六七八九十两])个[“\"]([^“”\"\n]{{1,6}})[”\"]")
LIST_COUNT = re.compile(rf"((?:[^、，。；：,;:！？\s“”\"]{{1,12}}、)+[^、，。；：,;:！？\s“”\"]{{1,12}})[”\"]?的?([二三四五六七八九十两双][^\s、，。；：,;:！？“”\"个项条种类点次名位件是要级天年月日周届期批倍成等奖所地大]{{1,3}})")
PAREN_AFTER = re.compile(rf"(?<![\u4e00-\u9fff])([{NUM}][\u4e00-\u9fff]{{1,4}})[（(]")
_MW = "年月日天周次个人名位项条届期批倍成岁分秒点时号层级"
PAIRED = re.compile(rf"(?<![\u4e00-\u9fff])[一二三四五六七八九十两][^{_MW}\W\d一二三四五六七八九十两][一二三四五六七八九十两][^{_MW}\W\d一二三四五六七八九十两](?![\u4e00-\u9fff])|"
                    rf"[一二三四五六七八九十两][^{_MW}\W\d一二三四五六七八九十两][一二三四五六七八九十两][^{_MW}\W\d一二三四五六七八九十两]")
ONE_ONE_AFTER = re.compile(r"的?(?:方式|模式|工作法|制度|机制|做法|形式|原则|要求|活动|品牌|建设|创建|行动|工程|计划|特色)")
SPLIT = re.compile(r"[、，,；;]")
DIGIT_COINAGE = re.compile(r"\d{2,4}(?:工程|计划|行动|模式|体系|战略|机制|方针|理念|格局|方案)")
DIGIT_PLUS = re.compile(r"\d[+＋](?:[\dA-Za-z][+＋])*[\dA-Za-z]")
S_METHOD = re.compile(r"(?<![A-Za-z0-9])[5-9]S(?=管理|现场|标准|活动)")   # 6S管理: the 5S/6S/7S workplace method
PAIR_DOUBLE = re.compile(r"(?:夺取|实现|取得|确保|推动|促进|做到|赢得|迎来|达到|达成)([\u4e00-\u9fff]{2,8}?)和([\u4e00-\u9fff]{2,8}?)"
                         r"的?(双(?![方重向边手眼脚人层倍语面线])[\u4e00-\u9fff]{2})")   # 夺取疫情防控和经济社会发展的双胜利
INTRO = re.compile(r"^[^。；\n]{0,8}?(?:即(?![将使便时])|指(?![导出挥标南定引令明示数])|包括|分别是|分别为|：|:)")


def count(f: str) -> int | None:
    if f.isdigit():
        return len(f)
    if len(f) > 3 and f.endswith("一体"):
        f = f[:-2]   # 五位一体, 五情一体: the members make one whole, 一 counts none of them
    m = re.match(r"[十百千万]{2,}", f)
    if m:
        return len(m.group(0))   # 十百千万工程: one member per magnitude
    m = re.match(rf"([{NUM}])个", f)
    if m:
        return NUMV[m.group(1)]
    total = 0
    for g in re.findall(rf"[{NUM}]+", f):
        if len(g) == 1:
            total += NUMV[g]
        elif g[0] == "十":
            total += 10 + NUMV.get(g[1], 0)
        elif g[1] == "十":
            total += NUMV[g[0]] * 10 + (NUMV.get(g[2], 0) if len(g) > 2 else 0)
        else:
            total += sum(NUMV[c] for c in g)
    return total or None


def is_formula(core: str, listed: bool = False) -> bool:
    """`listed`: the document spells out as many members as the numerals count (三人, 四清 then pass)."""
    if core in R.word_set("ent_formula_known.txt"):
        return True
    if re.fullmatch(r"\d{2,4}", core):
        return not re.fullmatch(r"(19|20)\d{2}", core)
    if DIGIT_PLUS.fullmatch(core):
        return True   # “1+X”证书, “3+N”, “1+1+N”帮扶: a numbered scheme of parts
    if DIGIT_COINAGE.fullmatch(core):
        return not re.match(r"(19|20)\d{2}", core)   # “1313工程”, “1111工程” (not “2022工程”)
    if re.fullmatch(r"[十百千万][\u4e00-\u9fff][百千万][\u4e00-\u9fff]", core):
        return core not in R.word_set("ent_idioms_num.txt") and core not in R.common_words()   # “千校万企”, not 千家万户
    if re.fullmatch(r"[\u4e00-\u9fff]{2}[双两][\u4e00-\u9fff]", core) and core[:2] not in R.common_words() \
            and core not in R.word_set("ent_idioms_num.txt"):
        return True   # “智志双扶”, “德技双修”: two initials and a doubled verb (not 文武双全, an idiom)
    if not (2 <= len(core) <= 8) or core[0] not in NUM:
        return False
    if re.search(r"[^\u4e00-\u9fff、]", core) or core in R.word_set("ent_idioms_num.txt"):
        return False
    if any(core.startswith(g) for g in (core[:2], core[:3]) if g in R.gazetteer()):
        return False  # 十堰好人, 三明市…: a place name, not a numeral
    if any(rx.search(core) for rx in R.regex_list("ent_formula_stop.txt")) and not (listed and _plain_count(core)):
        return False
    if not listed and not _coined(core):
        return False
    return listed or R.common_words().get(core, "j") == "j"   # a dictionary abbreviation (两委, 五保) is a coinage


COUNTED = re.compile(rf"[{NUM}](?:年|人|国|队|局|侧|里|毛|块|点|件|种|张|把|条|只|根|片|头|口|位|名|字|笔|板|斧|足|室|层|期|面)")
LIST_NOUNS = R.word_class("list_nouns")


def _coined(core: str) -> bool:
    """Without a spelled-out list, a quoted or unquoted numeral phrase is a formula only when it is built like
    a coinage: no numeral counting a measure word (两张皮, 五毛一块, 八国联军, 三件大事), and not a long
    phrase led by one numeral (七彩导师助成长)."""
    for m in COUNTED.finditer(core):
        if core[m.end():].startswith(LIST_NOUNS):
            continue   # a quoted count used as a name is one (“四条措施”, “三件大事”)
        if core[m.end() - 1:m.end() + 1] in R.common_words():
            continue   # 两面向: the character starts a word, it counts nothing
        if len(core) == 4 and core[0] in NUM and core[2] in NUM and not (COUNTED.match(core, 0) and COUNTED.match(core, 2)):
            continue   # 一人一策, 两会一队: a paired coinage (not 五毛一块, 七人八足)
        return False
    numerals = len(re.findall(rf"[{NUM}百千万]", core))
    if len(core) >= 5 and numerals == 1 and not re.match(rf"[{NUM}]个", core):
        return False
    return True


def _plain_count(core: str) -> bool:
    """三人, 三成: a numeral and one character, which a spelled-out member list makes a formula."""
    return len(core) == 2


def _strip_generic(core: str) -> str:
    for w in R.word_list_longest_first("ent_formula_cues.txt"):
        if core.endswith(w) and len(core) - len(w) >= 2:
            return core[: -len(w)]
    return core


def find_formulas(text: str, starts: set[int], ends: set[int] | None = None) -> list[tuple[int, int, str]]:
    ends = ends if ends is not None else set()
    out = []
    for m in QUOTED.finditer(text):
        core = _strip_generic(m.group(1))
        s, e = m.start(1), m.start(1) + len(core)
        if DIGIT_PLUS.fullmatch(core) and not re.match(r"[\u4e00-\u9fff（(]", text[m.end():m.end() + 1]):
            continue   # 打出一个漂亮的“2+1”，: a score, not a scheme (“1+N”科创竞赛组织模式 is one)
        plus = re.fullmatch(r"[\u4e00-\u9fff]{1,4}[+＋]([\u4e00-\u9fff\d]{2,8})", core)
        if is_formula(core) or (is_formula(core, listed=True) and _listed(text, s, e, count(core))) \
                or (plus and is_formula(plus.group(1))):
            out.append((s, e, "FORMULA"))   # “党建+五情一体”: a field joined by + to a formula is one coinage
    for m in S_METHOD.finditer(text):
        out.append((m.start(), m.end(), "FORMULA"))
    for m in NUM_OUTSIDE.finditer(text):
        out.append((m.start(), m.end(), "FORMULA"))
    for m in R.alternation("ent_formula_known.txt").finditer(text):
        if not (m.group(0)[-1] == "委" and text.startswith("会", m.end())):   # 两委|会主任委员: two committees' board
            out.append((m.start(), m.end(), "FORMULA"))
    for m in PAREN_AFTER.finditer(text):
        f = m.group(1)
        if m.start() in starts and is_formula(f, listed=True) and _listed(text, m.start(), m.end(1), count(f)):
            out.append((m.start(), m.end(1), "FORMULA"))  # 三业（设计业、制造业和封测业）
    for m in PAIRED.finditer(text):   # 三县两区, 两部一省 written without quotes
        f = m.group(0)
        if f[0] == "一" and (f[2] != "一" or not ONE_ONE_AFTER.match(text, m.end())):
            continue   # 一笔一划, 一起一伏 describe; 一述一评的方式, 一校一品建设 name a practice
        if f[2] == "一" and f[2:] in R.common_words() and f not in R.word_set("ent_formula_known.txt"):
            continue   # 四连|一线|战士: the second half is an ordinary word (一线, 一起), not a paired member
        if m.start() in starts and m.end() in ends and is_formula(f):
            out.append((m.start(), m.end(), "FORMULA"))
    for m in PAIR_DOUBLE.finditer(text):
        if m.start(3) in starts and m.end(3) in ends:
            out.append((m.start(3), m.end(3), "FORMULA"))
    for m in LIST_COUNT.finditer(text):
        items = m.group(1).split("、")
        if re.fullmatch(r"[A-Za-z甲乙丙丁]", items[-1]):
            continue   # 分为A、B两套, 甲、乙双方: letters naming the parts, not members of a formula
        a = m.start(2)
        if text[a] == "两" and text[a - 1:a] not in CLOSE + "（(":
            continue   # 李智及两部门, 结构面两侧岩石: "two of them" after an unquoted list is ordinary counting
        for b in range(m.end(2), a + 1, -1):   # the longest token-aligned count (四书|为载体 -> 四书)
            f = text[a:b]
            if b in ends and f[-1] not in "为的是在和与及对把被将向从" and count(f) == len(items) and f not in R.word_set("ent_org_suffix.txt") \
                    and is_formula(f, listed=True) and a in starts and "方面" not in f \
                    and (R.common_words().get(f[:2], "")[:1] != "n" or text[a - 1:a] in CLOSE):
                # 经济两极化, 甲、乙双方: an ordinary noun (but 国庆、中秋双节, and “红皮书、规划书、快板书”四书 after a quoted list)
                out.append((a, b, "FORMULA"))
                break
    for m in QUOTE_COUNTED.finditer(text):   # “永远不服输，永远不向困难低头，永远争第一！”的三永远精神
        if m.start(2) in starts and _repeated_in_quote(m.group(1), NUMV[m.group(2)[0]], m.group(2)[1:]):
            out.append((m.start(2), m.end(2), "FORMULA"))
    return out + _counted_list_neighbours(text, out, starts, ends)


QUOTE_COUNTED = re.compile(r"“([^“”\n]{4,80})”的?([二三四五六七八九十][\u4e00-\u9fff]{2})")


def _repeated_in_quote(quote: str, n: int, word: str) -> list[str] | None:
    """The clauses of a quotation that each hold `word`, when exactly n do (三永远 after three 永远 clauses)."""
    clauses = [c for c in re.split(r"[，,、；;！!。？?]", quote) if c]
    got = [c for c in clauses if word in c]
    return got if len(got) == n == quote.count(word) and n >= 2 else None


COUNTED_TAIL = re.compile(r"(?<![一二三四五六七八九十两])[一二三四五六七八九十两][项件条大][\u4e00-\u9fff]{1,4}$")   # not 二十大主题


def _counted_list_neighbours(text: str, found: list[tuple[int, int, str]], starts: set[int], ends: set[int]) -> list[tuple[int, int, str]]:
    """A counted phrase closing an unquoted item of a 、-list whose neighbour items hold formulas
    (三个“务必”、十年来经历了三件大事、五项重大原则、五个“必由之路”): one of the same series."""
    holds = lambda a, b: any(a <= s and e <= b for s, e, _ in found)  # noqa: E731
    out = []
    for m in re.finditer(r"[^、，。；：,;:！？\n]+(?:、[^、，。；：,;:！？\n]+)+", text):
        items, pos = [], m.start()
        for part in m.group(0).split("、"):
            items.append((pos, pos + len(part)))
            pos += len(part) + 1
        for k, (a, b) in enumerate(items):
            tail = COUNTED_TAIL.search(text, a, b)
            left = k > 0 and holds(*items[k - 1])
            right = k + 1 < len(items) and holds(*items[k + 1])
            if tail and (left or right) and tail.start() in starts and b in ends and not holds(a, b) \
                    and is_formula(tail.group(0), listed=True):
                out.append((tail.start(), b, "FORMULA"))
    return out


def _listed(text: str, s: int, e: int, n: int | None) -> bool:
    got = expand(text, s, e, n, [], 0, next_list=False)
    return bool(got) and n is not None and len(got) == n


def _split(s: str, n: int | None) -> list[str]:
    items = [x.strip(" “”\"（）()！!？?。") for x in SPLIT.split(s)]
    items = [x for x in items if x]
    if n and len(items) < n:
        more = []
        for x in items:
            more.extend(y for y in re.split(r"和|及|以及|与", x) if y)
        if len(more) <= n:
            items = more
    items = [re.sub(rf"^[“\"]?[^“”\"]{{1,8}}[”\"](?:指|即|是)", "", x) for x in items]   # “三官”指法官 -> 法官
    return [x for x in items if x]


def _fit(items: list[str], n: int | None) -> list[str] | None:
    if len(items) < 2:
        return None
    if n is None:
        return items
    if len(items) == n:
        return items
    if len(items) > n:
        return items[-n:]
    return None


def expand(text: str, s: int, e: int, n: int | None, sections, title_end: int,
           next_list: bool = True) -> list[str] | None:
    got = expand_ranked(text, s, e, n, sections, title_end, next_list)
    return got[0] if got else None


def expand_ranked(text: str, s: int, e: int, n: int | None, sections, title_end: int,
                  next_list: bool = True) -> tuple[list[str], int] | None:
    """(members, strength): 3 = spelled out next to it, 2 = child sections, 1 = a later list."""
    after = e
    while after < len(text) and text[after] in CLOSE:
        after += 1
    tail = text[after:after + 400]
    known = re.sub(r"[“”\"]", "", text[s:e]) in R.word_set("ent_formula_known.txt")
    got = _sane(_in_parentheses(tail, n)) or _sane(_after_intro(tail, n)) or _sane(_short_form_of(text, s, n)) \
        or _sane(_list_before(text, s, n, loose=not known)) or _initials_before(text, s, n) \
        or _quoted_list_in_sentence(text, s, n, text[s:e]) or _pair_before(text, s) or _quote_before(text, s)
    if got:
        return got, 3
    got = _sane(_children(s, n, sections, title_end, text[s:e])) or _sane(_led_sentences(text, after, n, text[s:e]))
    if got:
        return got, 2
    if re.match(r"\d", text[s:e]):
        return None   # “714”: how many members digits stand for is not their count, so no guessing below
    if known:
        return None   # 三全育人, 两个维护: a well-known formula is not spelled out by a list that merely follows it
    if n and n >= 3 and next_list and s > 0 and text[s - 1] in OPEN:
        got = _sane(_next_list(tail, n), 15)
        if got:
            return got, 1
    if n and n >= 2 and next_list:
        got = _sane(_inline_items(text[after:after + 1200], n)) or _sane(_quoted_after(tail, n, text[s:e]), 15)
        if got:
            return got, 1
    return None


def _led_sentences(text: str, after: int, n: int | None, f: str) -> list[str] | None:
    """三个强化 spelled out by the next sentences that each open with its word, with no marker
    (…聚力“三个强化”。强化组织领导，…。强化周密部署，…。强化工作落地，…): each sentence's first clause."""
    m = re.fullmatch(r"[“\"]?[二三四五六七八九十两]个([\u4e00-\u9fff]{1,3})[”\"]?", f)
    if not m or not n:
        return None
    word, got = m.group(1), []
    body = text[after:after + 1500]
    for k, sent in enumerate(re.split(r"(?<=[。！？；!?\n])", body)):
        lead = sent.lstrip(" \u3000“\"")
        if lead.startswith(word):
            got.append(re.split(r"[，,：:；;。]", lead, 1)[0])
        elif not got and k >= 2:
            return None   # the first member opens within two sentences of the formula
    return got[:n] if len(got) >= n else None


def _quoted_after(tail: str, n: int, f: str) -> list[str] | None:
    """三个一百 / 十个一: the next n quoted phrases of the paragraph that hold its repeated numeral
    (讲述“百位历史人物”的“百个红色故事”…送上“百句祝福”)."""
    m = re.fullmatch(r"[二三四五六七八九十]个[“\"]?一([十百千万]?)[”\"]?", f)
    if not m:
        return None
    key = m.group(1) or "一"
    para = tail.split("\n", 1)[0][:300]
    got = [q for q in re.findall(r"[“\"]([^“”\"]{2,15})[”\"]", para) if q.startswith(key) or key != "一" and key in q]
    return got[:n] if len(got) >= n else None


def _sane(items: list[str] | None, longest: int = 40) -> list[str] | None:
    """Members read as members: each short, none holding a cut quotation or title (两步走”战略安排)."""
    if not items:
        return None
    for x in items:
        if not x or len(x) > longest or x.count("“") != x.count("”") or x.count("《") != x.count("》"):
            return None
    return items


CN_ORD = "一二三四五六七八九十"
INLINE = [r"(?<![\u4e00-\u9fff]){o}是", r"(?<![\u4e00-\u9fff]){o}要", r"第{o}[，,、：:]", r"[（(]{o}[）)]"]


def _inline_items(tail: str, n: int) -> list[str] | None:
    """Members enumerated right after it, in its sentence or the next paragraph: 一是…二是…三是…,
    第一,…第二,…, (一)…(二)…; exactly n items, the first starting within two sentences of it."""
    if n > 10:
        return None
    head = tail[:300]
    lead = re.split(r"\n", head, maxsplit=2)
    window_start = len(lead[0]) + (len(lead[1]) + 1 if len(lead) > 1 else 0) + 1
    for pat in INLINE:
        marks = []
        pos = 0
        for k in range(n + 1):
            m = re.compile(pat.format(o=CN_ORD[k])).search(tail, pos)
            if not m:
                break
            marks.append(m)
            pos = m.end()
        if len(marks) != n or marks[0].start() > window_start:
            continue
        if len(marks) > n:
            continue
        nxt = re.compile(pat.format(o=CN_ORD[n])).search(tail, pos)
        if nxt and nxt.start() - pos < 200:
            continue   # more items than the count
        items = []
        for m in marks:
            clause = re.split(r"[，,。；;：:！？\n]", tail[m.end():m.end() + 60], maxsplit=1)[0].strip()
            if not clause or len(clause) > 30:
                break
            items.append(clause)
        if len(items) == n and all(marks[i + 1].start() - marks[i].end() < 400 for i in range(n - 1)):
            return items
    return None


def _in_parentheses(tail: str, n: int | None) -> list[str] | None:
    """“两会一队”(安委会、调委会和护卫队), allowing a short generic noun before the bracket."""
    m = re.match(r"^[\u4e00-\u9fff]{0,6}[（(]", tail)
    if not m:
        return None
    depth, j = 1, m.end()
    while j < len(tail) and depth:
        depth += {"(": 1, "（": 1, ")": -1, "）": -1}.get(tail[j], 0)
        j += 1
    return _fit(_split(tail[m.end():j - 1], n), n)


def _after_intro(tail: str, n: int | None) -> list[str] | None:
    """…制度,即A、B、C / 指 / 包括 / 分别是 / ："""
    m = INTRO.match(tail)
    if not m:
        return None
    return _best_clause(re.split(r"[。；;\n）)]", tail[m.end():], maxsplit=1)[0], n)


def _list_before(text: str, s: int, n: int | None, loose: bool = True) -> list[str] | None:
    """The list right before it, quoted (“课时、教材、教师、教学”四落实) or not (自治、法治、德治“三治融合”);
    not when it is itself an item of a list (第一要务、“两步走”战略安排)."""
    before = s
    while before > 0 and text[before - 1] in OPEN + "的":
        before -= 1
    if before > 0 and text[before - 1] in "、，,":
        return None
    if before > 0 and text[before - 1] in CLOSE:
        q = max(text.rfind(c, max(0, before - 120), before - 1) for c in OPEN)
        if q >= 0 and any(ch in text[q:before] for ch in "、，,"):
            got = _fit(_split(text[q + 1:before - 1], n), n)
            if got and (n is None or len(got) == n):
                return got
    clause = re.split(r"[，。；：,;:！？\n]", text[max(0, before - 200):before])[-1]
    if loose and "、" in clause and len(clause.rsplit("、", 1)[-1]) <= 10:
        got = _fit(_split(clause, n), n)
        if got and len(got) >= 2:
            longest = max(len(x) for x in got[1:])
            if len(got[0]) > longest + 2:
                got = [got[0][-longest:]] + got[1:]   # 并向与会教师提前送上了国庆、中秋双节: the clause's lead-in is no member
        return got
    return None


def _quote_before(text: str, s: int) -> list[str] | None:
    """三永远 right after the quotation whose clauses it counts."""
    m = QUOTE_COUNTED.search(text, max(0, s - 84), s + 3)
    return _repeated_in_quote(m.group(1), NUMV[m.group(2)[0]], m.group(2)[1:]) if m and m.start(2) == s else None


def _pair_before(text: str, s: int) -> list[str] | None:
    """双胜利 after the two things it joins (夺取疫情防控和经济社会发展的双胜利 -> 疫情防控, 经济社会发展)."""
    m = PAIR_DOUBLE.search(text, max(0, s - 24), s + 3)
    return [m.group(1), m.group(2)] if m and m.start(3) == s else None


def _initials_before(text: str, s: int, n: int | None) -> list[str] | None:
    """One character per member written right before it (德智体美劳五育并举, 德智体美劳“五育”): the last n
    characters, none of them forming a word with its neighbour (not 全面推进五育并举)."""
    if not n or n < 3 or re.match(r"[“\"]?[一二三四五六七八九十两]个", text[s:s + 3]):
        return None   # 总务部聚力“三个强化”: a counted phrase has phrases for members, not initials
    before = s
    while before > 0 and text[before - 1] in OPEN:
        before -= 1
    run = re.search(r"[\u4e00-\u9fff]+$", text[max(0, before - 12):before])
    if not run or len(run.group(0)) < n:
        return None
    chars = run.group(0)[-n:]
    common = R.common_words()
    if len(set(chars)) < n or any(chars[i:i + 2] in common for i in range(n - 1)) or chars in common:
        return None
    lead = run.group(0)[:-n]
    if lead and lead[-1] not in "是的为和与及在" and not any(lead[-k:] in common for k in (2, 3, 4)):
        return None   # a word must end right before the initials (实现|德智体美劳, not 对|华挥出“三板斧”)
    return list(chars)


def _quoted_list_in_sentence(text: str, s: int, n: int | None, formula: str) -> list[str] | None:
    """A quoted list of exactly n items earlier in the same sentence whose items share the formula's word
    (将“亲情、乡情、校情、国情、世情”融入…，形成了“党建+五情一体”工作法; “制定一个发展规划、…、打造一个文明乡风”的
    帮扶工作“‘六个一’工程”)."""
    if not n or n < 3:
        return None
    head = re.split(r"[。！？\n]", text[max(0, s - 300):s])[-1]
    words = set(re.sub(rf"[{NUM}个体+＋\d“”\"]", "", formula)) or set(re.findall(rf"(?<=个)[{NUM}]$", formula))   # 六个一: each item has 一
    for q in reversed(re.findall(r"[“\"]([^“”\"]{3,80})[”\"]", head)):
        items = [x for x in re.split(r"[、，,]", q) if x]
        if len(items) == n and all(len(x) <= 8 for x in items) and words and all(set(x) & words for x in items):
            return items
    return None


SHORT_FORM = re.compile(r"[（(](?:以下)?简称[“\"‘「]?$")


def _short_form_of(text: str, s: int, n: int | None) -> list[str] | None:
    """The list in the full name it abbreviates: “创新、创意及创业”挑战赛（简称“三创赛”）, “十个专项、百所高校、
    千名教师、万名学生（简称‘十百千万工程’）”."""
    m = SHORT_FORM.search(text, max(0, s - 8), s)
    if not m:
        return None
    head = text[max(0, m.start() - 120):m.start()]
    quoted = [q for q in re.findall(r"[“\"‘「]([^“”\"‘’「」\n]{3,100})(?:[”\"’」]|$)", head) if "、" in q]
    body = quoted[-1] if quoted else re.split(r"[，。；：,;:！？\n]", head)[-1]
    got = _fit(_split(body, n), n)
    return got if got and (n is None or len(got) == n) else None


def _next_list(tail: str, n: int) -> list[str] | None:
    """The first list of n short items in the next two sentences of the paragraph."""
    window = "。".join(re.split(r"[。；;]", tail.split("\n", 1)[0])[:2])
    for clause in re.split(r"[。；;\n]", window[:300]):
        for sub in re.split(r"[，,：:]", clause):
            if sub.count("、") == n - 1:
                got = _fit(_split(sub, n), n)
                if got and len(got) == n and max(map(len, got[1:])) <= 12:
                    return got
        if n <= 4 and clause.count("，") + clause.count(",") == n - 1 and len(clause) <= 12 * n:
            got = _fit(_split(clause, n), n)   # 特别能吃苦,特别能奉献,特别讲大局
            if got and len(got) == n:
                return got
    return None


def _best_clause(body: str, n: int | None) -> list[str] | None:
    clauses = re.split(r"[，,]", body)
    for c in clauses:
        if "、" in c:
            got = _fit(_split(c, n), n)
            if got and (n is None or len(got) == n) and c.count("、") + 1 >= (n or 2):
                return got
    return _fit(_split(body, n), n)


def _children(pos: int, n: int | None, sections, title_end: int, f: str = "") -> list[str] | None:
    if not sections:
        return None
    if pos < title_end:
        kids = [x for x in sections if x.get("level") == 1]
    else:
        own = [x for x in sections if x["start"] <= pos < x["start"] + len(x.get("marker", "")) + len(x.get("title", "")) + 4]
        if not own:
            return None
        kids = [x for x in sections if x.get("parent_id") == own[-1]["id"]]
    titles = [x["title"] for x in kids if x.get("title")]
    if len(titles) >= 2 and (n is None or len(titles) == n):
        return titles
    return _paired_children(titles, n, f)


def _paired_children(titles: list[str], n: int | None, f: str) -> list[str] | None:
    """三同三联 over three headings that each name one of each kind (同轴运转,以“党建联抓”强化工作合力):
    the first clause gives the first kind, the quoted phrase (or the second clause) the second; each member
    holds the character its numeral counts (同…, …联…)."""
    m = re.fullmatch(rf"([{NUM}])([\u4e00-\u9fff])([{NUM}])([\u4e00-\u9fff])", re.sub(r"[“”\"]", "", f))
    if not m or not n or len(titles) < 2 or NUMV[m.group(1)] != len(titles) or NUMV[m.group(3)] != len(titles):
        return None
    first, second = [], []
    for t in titles:
        parts = [x for x in re.split(r"[，,；;：:]", t) if x]
        q = re.search(r"[“\"]([^”\"]{2,8})[”\"]", t)
        a = parts[0] if parts else ""
        b = q.group(1) if q and q.start() > len(a) else (parts[1] if len(parts) > 1 else "")
        if not (2 <= len(a) <= 10 and 2 <= len(b) <= 12 and m.group(2) in a and m.group(4) in b):
            return None
        first.append(a)
        second.append(b)
    return first + second if len(first) + len(second) == n else None
