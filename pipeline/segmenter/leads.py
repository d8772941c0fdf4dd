"""Sections without a marker (SPEC.md): marker-less headings (a short stand-alone line that titles
the paragraphs below it), quoted lead phrases (“上好一堂党课”，…) and parallel lead sentences (a
short clause ending in 。 that opens several sibling paragraphs the same way)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .lines import Item, Line, clean_title
from .resources import not_heading_re, settings

QUOTE_LEAD = re.compile(r"([“\"「『])([^“”\"「」『』，。,！？!?：:；;]{2,40})([”\"」』])(?=[，,：:；;。])")
SENTENCE_END = re.compile(r"[。！？!?]")
COMMA = re.compile(r"[，,]")


TAG_LEAD = re.compile(r"^【[^】]{2,8}】[^【】]")


def is_body(ln: Line) -> bool:
    st = settings()
    return len(ln.text) >= st.body_min_len or (len(ln.text) >= 15 and ln.text[-1] in "。！？!?…”\"")


def heading_like(ln: Line, allow_colon: bool = False, max_len: Optional[int] = None,
                 latin_end: bool = True) -> bool:
    """A short line that could title what follows (no sentence punctuation at its end)."""
    st = settings()
    t = clean_title(ln.text).replace("**", "")
    if not (st.heading_min_len <= len(t) <= (max_len or st.heading_max_len)):
        return False
    end = ln.text.rstrip("*")[-1:]
    if (end in st.heading_end_forbidden and not (allow_colon and end in "：:")) or "。" in ln.text:
        return False
    if ln.text.rstrip("*”\"’）)")[-1:] in "。！？!?…":  # a quoted or bracketed utterance
        return False
    tag = TAG_LEAD.match(t)   # a short 【…】 tag leads a heading of a tagged series; the rest is judged
    if not_heading_re(latin_end).match(t[tag.end() - 1:] if tag else t) or not re.search(r"[\u4e00-\u9fff]", t) \
            or not balanced(t):
        return False
    return True


PAIRS = ("“”", "《》", "（）", "()", "「」", "【】", "『』")


def balanced(t: str) -> bool:
    """False for a line cut inside a quotation or bracket (a broken line, not a heading)."""
    if t[-1] in "-—－/、(（“《[【":
        return False
    return all(t.count(a) == t.count(b) for a, b in PAIRS) and t.count('"') % 2 == 0


def sentence_like(ln: Line) -> bool:
    """Holds a sentence end, or follows one on its physical line (ln.mid)."""
    return ln.mid or bool(SENTENCE_END.search(ln.text))


def _free(i: int, lines: list[Line], taken: set[int]) -> bool:
    return 0 <= i < len(lines) and i not in taken and not lines[i].in_table


def markerless_headings(lines: list[Line], taken: set[int]) -> list[Item]:
    """M items: heading-like lines between body paragraphs (at least two in the document), and
    pairs of them (英国《泰晤士报》： / 蓬勃发展的武汉…) where the second line is one level below."""
    out = []
    i = 1
    while i < len(lines) - 1:
        ln = lines[i]
        if not _free(i, lines, taken) or not (
                is_body(lines[i - 1]) or (i - 1) in taken or sentence_like(lines[i - 1])):
            i += 1
            continue
        nxt = lines[i + 1]
        tagged = TAG_LEAD.match(ln.text) is not None   # 【文化校庆】感悟革命先贤精神，培养爱校爱国情怀，…
        if heading_like(ln, max_len=settings().tagged_heading_max_len if tagged else None) \
                and (is_body(nxt) or (i + 1) in taken) and not (
                (i + 1) in taken and not is_body(nxt) and heading_like(nxt)):
            out.append(Item("M", ("m", 1), None, "", clean_title(ln.text), ln.start, i))
            i += 1
            continue
        if (heading_like(ln, allow_colon=True) and _free(i + 1, lines, taken) and heading_like(nxt)
                and i + 2 < len(lines) and is_body(lines[i + 2])):
            out.append(Item("M", ("m", 1), None, "", clean_title(ln.text), ln.start, i))
            out.append(Item("M", ("m", 2), None, "", clean_title(nxt.text), nxt.start, i + 1))
            i += 2
            continue
        i += 1
    if len(out) == 1:  # a lone heading needs body text on both sides and some length
        it = out[0]
        prev = lines[it.line - 1].text
        ok = (len(it.title) >= settings().lone_heading_min_len and is_body(lines[it.line - 1])
              and prev[-1] in "。！？!?”…" and is_body(lines[it.line + 1]))
        return out if ok else []
    return out


def bare_subheadings(lines: list[Line], bare: list[Item], taken: set[int]) -> list[Item]:
    """M items: the heading line right under a bare numeral heading (1 / AMUNDI副首席投资官：Vincent
    Mortier); it may be longer than a marker-less heading and end in a Latin name."""
    out = []
    for it in bare:
        i = it.line + 1
        if i + 1 < len(lines) and _free(i, lines, taken) and heading_like(
                lines[i], max_len=settings().bare_subheading_max_len, latin_end=False):
            out.append(Item("M", ("m", 1), None, "", clean_title(lines[i].text), lines[i].start, i))
    return out


def _quote_lead(ln: Line) -> Optional[str]:
    m = QUOTE_LEAD.match(ln.text)
    if not m or len(m.group(2)) > settings().quote_lead_max_len:
        return None
    if len(ln.text) - m.end() < settings().lead_rest_min_len:
        return None
    return m.group(0)


def _sentence_lead(ln: Line) -> Optional[str]:
    st = settings()
    m = SENTENCE_END.search(ln.text)
    if not m or m.group(0) != "。":
        return None
    lead = ln.text[:m.start()]
    if not (st.lead_min_len <= len(lead) <= st.lead_max_len):
        return None
    if len(ln.text) - m.end() < st.lead_rest_min_len:
        return None
    if re.search(r"[“”\"：:；;]", lead) and not re.search(r"“[^”]{1,8}”", lead):
        return None
    if lead[0].isdigit() or _speech_re().search(COMMA.split(lead)[0]):
        return None  # 9月19日，… / 会议指出，… report, they do not title what follows
    return lead


@lru_cache(maxsize=1)
def _speech_re() -> re.Pattern:
    return re.compile("(?:" + "|".join(settings().speech_verbs) + ")$")


def _shape(lead: str) -> Optional[str]:
    """The form of a lead clause: "pair" for two parallel halves (聚焦思想武装,筑牢信仰之基),
    "single" for one short clause (经济实力显著增强), else None."""
    st = settings()
    parts = COMMA.split(lead)
    if len(parts) == 2 and all(2 <= len(p) <= 16 for p in parts):
        return "pair"
    if len(parts) == 1 and st.lead_min_len <= len(lead) <= st.single_lead_max_len:
        return "single"
    return None


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _runs(cands: list[tuple[int, str]], max_gap: int) -> list[list[tuple[int, str]]]:
    runs: list[list[tuple[int, str]]] = []
    for c in cands:
        if runs and c[0] - runs[-1][-1][0] <= max_gap + 1:
            runs[-1].append(c)
        else:
            runs.append([c])
    return runs


def lead_paragraphs(lines: list[Line], taken: set[int], cuts: set[int]) -> list[Item]:
    """L items: groups of sibling paragraphs opened by a quoted phrase or by a parallel short clause.
    A group does not cross a line in cuts (a heading)."""
    out = []
    quoted, sentences = [], []
    for i, ln in enumerate(lines):
        if i in taken or ln.in_table:
            continue
        q = _quote_lead(ln)
        if q:
            quoted.append((i, q))
            continue
        s = _sentence_lead(ln)
        if s:
            sentences.append((i, s))

    def split_at_cuts(run):
        parts, cur = [], []
        for c in run:
            if cur and any(cur[-1][0] < k < c[0] for k in cuts):
                parts.append(cur)
                cur = []
            cur.append(c)
        if cur:
            parts.append(cur)
        return parts

    for run in _runs(quoted, 1):
        for part in split_at_cuts(run):
            if len(part) >= 2 and len({t for _, t in part}) == len(part):
                out += [Item("L", "quote", None, "", t, lines[i].start, i) for i, t in part]
    # a line that starts with clause punctuation continues the paragraph above it (a broken line)
    cont = {i for i, ln in enumerate(lines) if ln.text[:1] in "，,、；;。"}
    rank, r = {}, 0
    for i in range(len(lines)):
        if i not in cont:
            r += 1
        rank[i] = r
    for run in _runs([(rank[i], (i, t)) for i, t in sentences], 0):
        run = [c for _, c in run]
        for part in split_at_cuts(run):
            for grp in _sentence_groups(part):
                out += [Item("L", "lead", None, "", clean_title(t), lines[i].start, i) for i, t in grp]
    return out


def _sentence_groups(part: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Sub-runs that open the same way: clauses of one form sharing a prefix of 2+ characters
    (聚焦…, 用好党建…), or three or more clauses of one form in a row."""
    groups, cur, form = [], [], None
    for c in part + [(-1, "")]:
        f = _shape(c[1]) if c[0] >= 0 else None
        if f is not None and (not cur or f == form):
            cur.append(c)
            form = f
            continue
        groups += _prefix_groups(cur)
        cur, form = ([c], f) if f is not None else ([], None)
    return groups


def _prefix_groups(run: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    groups, loose, k = [], [], 0
    while k < len(run):
        j = k + 1
        while j < len(run) and _common_prefix(run[k][1], run[j][1]) >= 2:
            j += 1
        if j - k >= 2:
            if len(loose) >= 3:
                groups.append(loose)
            loose = []
            groups.append(run[k:j])
        else:
            loose.append(run[k])
        k = j
    if len(loose) >= 3:
        groups.append(loose)
    return groups
