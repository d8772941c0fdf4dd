"""PERSON names in lists and tables: a 、/和/及-list next to an accepted name, a 、-list of three or
more name-shaped items closed by 等/a count/punctuation, and the name column of a table.
"""
from __future__ import annotations

import itertools
import re

from . import ent_resources as R
from .ent_names import HAN, ORG_END, STRICT_BAD, cue_regex, forward, name_shaped, one_token, plausible, role_regex


ORG_HEADS = R.word_class("org_heads")
# Table headers whose column holds person names (序号 姓名 论文题目 等级; 负责人 项目名称 项目类别).
NAME_HEADERS = frozenset(R.word_class("name_headers"))
ROW_NUMBER_HEADERS = R.word_class("row_number_headers")
LIST_END = re.compile(r"等|组成|[，,。；;：:）)\n]|$|[二三四五六七八九十两\d]+[位名人]")


def extend_lists(text: str, found: dict, starts: set[int], ends: set[int]) -> None:
    """Names in a 、-list next to an accepted name are names too (副院长李效顺、王锋、李爱彬)."""
    changed = True
    while changed:
        changed = False
        for (s, e) in list(found):
            title = cue_regex().match(text, e) or role_regex().match(text, e)   # 刘玉宝教授及罗京佳: the list goes on after the name's title
            sep = title.end() if title and title.end() < len(text) and text[title.end()] in "、和及" else e
            for nxt in (sep + 1,):
                if nxt < len(text) and text[sep] in "、和及" and nxt in starts and (text[sep] == "、" or sep in starts):
                    ne = forward(text, nxt, starts, ends, in_list=text[sep] == "、" and sep == e)
                    if ne is not None and text.startswith(ORG_HEADS, ne):
                        ne = None   # 、公管学院: the next item is an organisation
                    if ne is None or not (ne in ends or ne == len(text) or not HAN.match(text[ne])):
                        continue
                    if sep != e and not (ne == len(text) or text[ne] in "、，,。；;等（(" or cue_regex().match(text, ne)
                                         or role_regex().match(text, ne)):
                        continue   # 鲍劼老师和南湖|流通阅览部主任: after a title, only a closed item is a name
                    prev = found[(s, e)] if sep == e else None
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
                    if ps >= 0 and plausible(text, ps, s - 1) and ps in starts and (ps, s - 1) not in found \
                            and not any(a < s - 1 and ps < b for a, b in found):
                        found[(ps, s - 1)] = None
                        changed = True
                        break


def table_names(text: str, found: dict, starts: set[int], ends: set[int]) -> None:
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
            if name_shaped(text, s0, s0 + len(m.group(0))):
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


def name_lists(text: str, found: dict, starts: set[int], ends: set[int]) -> None:
    """A 、-list of at least three name-shaped items with no post next to any of them is a list of names
    (程维军、查富海、祝晓航、高鑫羽等四名本科生; 由胡裕琛、于鹏浩、…、李涛等组成): every item is 2-3
    characters on token edges, not a dictionary word, a place or an organisation, and at least 60% of
    them read as names with a known surname (靖建哲 in a list of five is a name too)."""
    plain = re.finditer(r"(?:[\u4e00-\u9fff]{2,3}、){2,}[\u4e00-\u9fff]{2,}", text)
    mixed = (m for m in re.finditer(r"(?:[\u4e00-\u9fff]{2,3}[、，])*[\u4e00-\u9fff]{2,3}，(?:[\u4e00-\u9fff]{2,3}[、，])*[\u4e00-\u9fff]{2,3}(?=\d+[位名])", text))
    for m in itertools.chain(plain, mixed):
        seps = [m.start() + k for k, c in enumerate(m.group(0)) if c in "、，"]
        commas = "，" in m.group(0)
        first_end = seps[0]
        first = next(((s0, first_end) for s0 in (first_end - 3, first_end - 2)   # the longest plausible tail
                      if s0 >= m.start() and s0 in starts and (plausible(text, s0, first_end) or one_token(text, s0, first_end, starts)
                                                               and _shaped(text, s0, first_end, starts, ends))), None)
        if first is None:
            continue
        items = [first] + [(a + 1, b) for a, b in zip(seps, seps[1:])]
        last = seps[-1] + 1
        le = forward(text, last, starts, ends) if last in starts else None
        if le is None:
            le = next((e for e in (last + 3, last + 2) if _shaped(text, last, e, starts, ends)), None)
        if le is None or le not in ends or not LIST_END.match(text, le) and not cue_regex().match(text, le):
            continue
        if text.startswith(ORG_HEADS, le):
            continue
        items.append((last, le))
        if len(items) < 3 or not all(_shaped(text, a, b, starts, ends) for a, b in items):
            continue
        if commas:   # 王子豪、常苏萌，刘丽、郭鑫，夏雨庭5位同学: a list broken by commas only when its count closes it
            count = re.match(r"(\d+)[位名]", text[le:le + 4])
            if not count or int(count.group(1)) != len(items):
                continue
        named = sum(plausible(text, a, b) or one_token(text, a, b, starts) and plausible(text, a, b, True) for a, b in items)
        if named < max(3, 0.6 * len(items)):
            continue
        for a, b in items:
            if not any(x < b and a < y for x, y in found):
                found.setdefault((a, b), None)


def _shaped(text: str, a: int, b: int, starts: set[int], ends: set[int]) -> bool:
    """2-3 Chinese characters on token edges that are not a word, a place or an organisation."""
    w = text[a:b]
    return 2 <= len(w) <= 3 and a in starts and b in ends and all(HAN.match(c) for c in w) \
        and w not in R.common_words() and w not in R.gazetteer() and w[-1] not in ORG_END \
        and not any(c in STRICT_BAD for c in w)
