"""Article / boilerplate decision for every block, with a reason.

Signals, in the order applied (a block keeps the first reason it gets):
1. cue rules on short blocks (pipeline/resources/clean_cues.json `rules`): navigation,
   credits, metadata, footer, disclaimer, paywall, share, tags, ... Long blocks are never
   matched, so an article sentence that mentions 版权 stays;
2. tail cut: a short heading such as 相关阅读 / 其他文献 / 网友评论 ends the article once at
   least `tail_cut_min_share` of the article text lies before it; it and all after it go;
3. runs of very short unpunctuated lines (keyword tag lists, menus) at the head or tail, and
   menu lines (four or more short words separated by spaces or bars) outside the article;
4. lines repeated across the folder's documents (SiteSignals) in the head or tail zone;
5. (HTML) bare numbers above the body (view and like counters);
0. (Markdown, first) image captions: short lines next to images or before the first
   paragraph of a post that has images (not a line that opens a sentence or leaves a quote
   open: the crawler split the first sentence there), longer unpunctuated lines there that
   end like a caption (…作报告, …致辞), and captions glued to the start of the first
   paragraph (cut at its sentence opener, or before a lead couplet); lines of only symbols
   are `empty`.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..models import SiteSignals
from .blocks import RawBlock, cues, line_key, settings

PUNCT_RE = re.compile(r"[，。、；：！？,.;:!?“”\"'‘’（）()《》【】\[\]…—-]")
SENTENCE_END = tuple("。！？!?；;…")
CLAUSE_END = SENTENCE_END + tuple("，,：:、")
ENUM_RE = re.compile(r"^([（(]?[一二三四五六七八九十百\d]+[）)、.．,，]|[①-⑳]|第[一二三四五六七八九十\d]+[章节条部分篇]|[一二三四五六七八九十]是)")
PROSE_PUNCT_RE = re.compile(r"[，。；！？、,;!?]")
WORD_RE = re.compile(r"[\w\u4e00-\u9fff]")
TITLED_RE = re.compile(r"[\u4e00-\u9fff]《[^《》]{2,30}》")   # 苗燕老师《口译》课程线上教学: a caption that names a work is article text
DECOR_RE = re.compile(r"^[【\[「『<《>|｜:：\s]+|[】\]」』>》|｜:：\s]+$")


@lru_cache(maxsize=1)
def _rules() -> list:
    out = []
    for r in cues()["rules"]:
        out.append((r["reason"], r.get("max_len", 60), r.get("sentences", True),
                    frozenset(line_key(x) for x in r.get("exact", [])),
                    tuple(line_key(x) for x in r.get("prefix", [])),
                    tuple(line_key(x) for x in r.get("contains", [])),
                    [re.compile(x) for x in r.get("regex", [])]))
    return out


@lru_cache(maxsize=1)
def _tail_cues() -> dict[str, str]:
    return {line_key(w): reason for reason, words in cues()["tail_cut"].items() for w in words}


@lru_cache(maxsize=1)
def _nav_words_re():
    words = set()
    for reason, _, _, exact, *_ in _rules():
        if reason in ("navigation", "share"):
            words |= {w for w in exact if len(w) >= 2}
    alt = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    return re.compile(rf"^(?:[【\[(（]?(?:{alt})[】\])）]?[|｜/·]?){{2,}}$")


def rule_reason(key: str) -> Optional[str]:
    """The reason the first matching cue rule gives a block with this whitespace-free text."""
    n = len(key)
    if n <= 40 and _nav_words_re().match(key):  # 打印本页 关闭窗口, 【打印】【关闭】
        return "navigation"
    bare = DECOR_RE.sub("", key)
    sentence = n >= 8 and key.endswith(SENTENCE_END)
    for reason, max_len, sentences, exact, prefix, contains, regex in _rules():
        if n > max_len or (sentence and not sentences):
            continue
        if key in exact or bare in exact:
            return reason
        if prefix and (key.startswith(prefix) or bare.startswith(prefix)):
            return reason
        if contains and any(c in key for c in contains):
            return reason
        if any(rx.search(key) for rx in regex):
            return reason
    return None


def is_sentence_like(b: RawBlock) -> bool:
    """A block that reads as body text: long, or ending like a sentence."""
    k = b.key
    if b.kind == "heading":
        return False
    return len(k) >= 30 or (len(k) >= 8 and k.endswith(SENTENCE_END))


def _article_zone(blocks: list[RawBlock]) -> tuple[int, int]:
    idx = [i for i, b in enumerate(blocks) if b.reason is None and is_sentence_like(b)]
    return (idx[0], idx[-1]) if idx else (len(blocks), -1)


@lru_cache(maxsize=1)
def _trailing() -> list:
    return [re.compile(x) for x in cues().get("trailing_strip", [])]


def _apply_rules(blocks: list[RawBlock]) -> None:
    for b in blocks:
        if b.reason is None and b.kind != "table":
            b.reason = rule_reason(b.key)
        if b.reason is None:
            for rx in _trailing():
                m = rx.search(b.text)
                if m and m.start() > 0:
                    b.cut.append(("navigation", m.group(0)))
                    b.text = b.text[:m.start()].rstrip()


def _tail_cut(blocks: list[RawBlock]) -> None:
    tail = _tail_cues()
    total = sum(len(b.key) for b in blocks if b.reason is None)
    max_len = cues()["tail_cut_max_len"]
    share = cues()["tail_cut_min_share"]
    before = 0
    for i, b in enumerate(blocks):
        bare = DECOR_RE.sub("", b.key)
        bare = re.sub(r"(更多|more|MORE|>+|»|[（(]?\d+[条个篇]?[）)]?|查看全部)$", "", bare)
        if len(bare) <= max_len and bare in tail and total:
            if before < share * total:  # too early to end the article: only the heading goes
                b.reason = b.reason or "navigation"  # a menu link named like a tail section
                continue
            for x in blocks[i:]:
                if x.reason is None:
                    x.reason = tail[bare]
            return
        if b.reason is None:
            before += len(b.key)


def _is_tag_word(b: RawBlock) -> bool:
    k = b.key
    return (b.reason is None and b.kind != "heading" and 0 < len(k) <= settings()["tag_word_max_len"]
            and not PUNCT_RE.search(k) and not ENUM_RE.match(k) and not k[-1].isdigit())


def _tag_runs(blocks: list[RawBlock]) -> None:
    first, last = _article_zone(blocks)
    min_run = settings()["tag_run_min"]
    i = 0
    while i < len(blocks):
        if not _is_tag_word(blocks[i]):
            i += 1
            continue
        j = i
        while j < len(blocks) and (_is_tag_word(blocks[j]) or blocks[j].reason is not None):
            j += 1
        words = [b for b in blocks[i:j] if b.reason is None]
        if len(words) >= min_run and (i > last or j <= first or len(words) >= 2 * min_run):
            for b in words:
                b.reason = "tags" if i > last else "navigation"
        i = j


MENU_RE = re.compile(r"^([^\s，。、；：！？,.;:!?|｜]{1,6}\s+){3,}[^\s，。、；：！？,.;:!?|｜]{1,6}$"
                     r"|^([^，。、；：！？,.;:!?|｜]{1,8}\s*[|｜/·]\s*){2,}[^，。、；：！？,.;:!?|｜]{1,8}$")


def _menu_lines(blocks: list[RawBlock]) -> None:
    """A line of four or more short words separated by spaces or bars, outside the article."""
    first, last = _article_zone(blocks)
    for i, b in enumerate(blocks):
        if b.reason is None and not (first <= i <= last) and b.kind != "table" and MENU_RE.match(b.text):
            b.reason = "navigation"


def _repeated(blocks: list[RawBlock], signals: Optional[SiteSignals]) -> None:
    if not signals or signals.n_docs <= signals.min_docs or not signals.repeated_lines:
        return
    first, last = _article_zone(blocks)
    max_len = settings()["repeated_line_max_len"]
    for i, b in enumerate(blocks):
        if b.reason is not None or (first <= i <= last) or len(b.key) > max_len or ENUM_RE.match(b.key):
            continue
        if signals.repeated_lines.get(b.key, 0) >= signals.min_docs:
            b.reason = "repeated"


OPEN_CLOSE = (("“", "”"), ("《", "》"), ("（", "）"), ("(", ")"), ("【", "】"), ("「", "」"))
CLOSERS = tuple(b for _, b in OPEN_CLOSE)


def _unbalanced(k: str) -> bool:
    """An opening quote or bracket left open: the line goes on in the next one."""
    return any(k.count(a) > k.count(b) for a, b in OPEN_CLOSE) or k.endswith(("-", "—", "·"))


@lru_cache(maxsize=1)
def _opener_re():
    return re.compile(cues()["glued_caption_opener"])


def _is_caption(b: RawBlock) -> bool:
    """A short line that does not end, continue or open like a sentence (活动现场, 嘉宾合影)."""
    k = b.key
    return (b.reason is None and b.kind in ("paragraph", "heading") and 0 < len(k) <= settings()["caption_max_len"]
            and not k.endswith(CLAUSE_END) and not ENUM_RE.match(k) and not _unbalanced(k)
            and not (_opener_re().match(k) and PROSE_PUNCT_RE.search(k)) and not TITLED_RE.search(k))


def _is_long_caption(b: RawBlock) -> bool:
    """A longer unpunctuated line that ends like a caption (…教授Hyuk Park作报告, …线上致辞)."""
    k = b.key
    return (b.reason is None and b.kind == "paragraph" and len(k) <= settings()["long_caption_max_len"]
            and not PROSE_PUNCT_RE.search(k) and not _unbalanced(k) and k.endswith(tuple(cues()["caption_end_words"])))


def _captions(blocks: list[RawBlock]) -> None:
    if not any("image" in b.flags for b in blocks):
        return
    for i, b in enumerate(blocks):  # leading captions (the crawler moved the images to the end)
        if b.reason is not None and b.reason != "image":
            continue
        if b.reason is None and not (_is_caption(b) or _is_long_caption(b)):
            break
        if b.reason is None:
            b.reason = "image"
    for i, b in enumerate(blocks):  # a caption right before or after an image
        if "image" not in b.flags:
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(blocks) and _is_caption(blocks[j]) and (blocks[j].bold or j == i + 1):
                blocks[j].reason = "image"


FIRST_CLAUSE_RE = re.compile(r"[^，。；：！？、,;:!?]*")
CLAUSE_SPLIT_RE = re.compile(r"[，,]")


def _opener_cut(text: str) -> Optional[int]:
    """Where the first sentence opens (近日 / 为进一步 / 9月5日 …) inside a long first clause.

    The clause runs to the first clause punctuation; quotes and book titles may sit in it (an
    opener inside an open “…” or 《…》, or right after one that closes (《徐州日报》2021年9月2日…),
    is not one). The last opener counts, unless the text before it ends with an organisation
    (…计算机学院为进一步加强…: the subject of the sentence, `glued_caption_not_after`).
    """
    clause = FIRST_CLAUSE_RE.match(text).group(0)
    if len(clause) < cues()["glued_caption_min_clause"]:
        return None
    starts = [m.start() for m in _opener_re().finditer(clause)
              if not _unbalanced(clause[:m.start()]) and not clause[:m.start()].endswith(CLOSERS)]
    if not starts or starts[-1] < 4 or _org_re().search(clause[:starts[-1]]):
        return None
    return starts[-1]


@lru_cache(maxsize=1)
def _org_re():
    """The text before an opener ends with an organisation: the sentence's subject, not a caption."""
    alt = "|".join(sorted(map(re.escape, cues()["glued_caption_not_after"]), key=len, reverse=True))
    return re.compile(rf"(?:{alt})$")


def _slogan_cut(text: str) -> Optional[int]:
    """Where a lead couplet starts: `captions踏访燎原星火，传承红色基因。近期，…`.

    The first sentence is a long unpunctuated run, then one or more clauses of one length L
    (4 to 8 characters), and the next sentence opens like a news lead (近期 / 为庆祝 / a date):
    the couplet's first half is the run's last L characters, the captions are before it (when
    they read like captions: 合影, 现场, 参观 … in `glued_caption_words`).
    """
    end = text.find("。")
    if end < 0 or not _opener_re().match(text[end + 1:]):
        return None
    clauses = CLAUSE_SPLIT_RE.split(text[:end])
    head, rest = clauses[0], clauses[1:]
    if not rest or len({len(c) for c in rest}) != 1 or PUNCT_RE.search("".join(rest)):
        return None
    n = len(rest[0])
    run = head[:len(head) - n]
    if not 4 <= n <= 8 or len(run) < cues()["glued_caption_min_run"] or PUNCT_RE.search(head):
        return None
    return len(run) if any(w in run for w in cues()["glued_caption_words"]) else None


def _glued_captions(blocks: list[RawBlock]) -> None:
    """Captions the crawler glued before the first sentence: cut them off where it opens."""
    if not any("image" in b.flags for b in blocks):
        return
    first = next((b for b in blocks if b.reason is None and is_sentence_like(b)), None)
    if first is None:
        return
    at = _opener_cut(first.text) or _slogan_cut(first.text)
    if at:
        first.cut.append(("image", first.text[:at]))
        first.text = first.text[at:]
        if first.start is not None:
            first.start += at  # approximate when markup preceded the cut


def _prose(b: RawBlock) -> bool:
    """Sentence-like and punctuated like prose (a marquee of glued headlines is not)."""
    k = b.key
    return is_sentence_like(b) and len(PROSE_PUNCT_RE.findall(k)) * settings()["prose_chars_per_punct"] >= len(k)


def _core(blocks: list[RawBlock]) -> None:
    """Text copies of whole pages: keep the densest run of body text (maximum-sum segment).

    A sentence-like block scores its length, any other line `core_line_penalty`; lines outside
    the best segment go (menus, teaser headlines, comments), except section headings just
    above it and the headline, which extract_title picks among the lines above. Applied
    when at least `core_min_short_lines` short lines surround the article.
    """
    live = [i for i, b in enumerate(blocks) if b.reason is None]
    short = [i for i in live if not is_sentence_like(blocks[i])]
    if len(short) < settings()["core_min_short_lines"]:
        return
    pen = settings()["core_line_penalty"]
    best, best_span, cur, cur_start = 0.0, None, 0.0, None
    for i in live:
        b = blocks[i]
        v = min(len(b.key), 300) if _prose(b) else -pen
        if cur <= 0:
            cur, cur_start = v, i
        else:
            cur += v
        if cur > best:
            best, best_span = cur, (cur_start, i)
    if best_span is None:
        return
    lo, hi = best_span
    for i in live:
        b = blocks[i]
        if lo <= i <= hi or (i < lo and ENUM_RE.match(b.key)):
            continue
        if i > hi:
            b.reason = "other" if is_sentence_like(b) else (rule_reason(b.key) or "related")
        else:
            b.flags.add("pre-core")  # the title may be among these: extract_title decides


def classify(blocks: list[RawBlock], signals: Optional[SiteSignals] = None, fmt: str = "txt") -> list[RawBlock]:
    """Set `reason` on every boilerplate block (in place); article blocks keep None."""
    for b in blocks:
        if b.reason is None and b.kind != "table" and not WORD_RE.search(b.text):
            b.reason = "empty"  # a line of only symbols (|, ***, ——) is layout
    if fmt == "md":
        _captions(blocks)
        _glued_captions(blocks)
    _apply_rules(blocks)
    _tail_cut(blocks)
    _tag_runs(blocks)
    _menu_lines(blocks)
    _repeated(blocks, signals)
    if fmt == "html":
        _head_counters(blocks)
    if fmt == "txt":
        _core(blocks)
    return blocks


def _head_counters(blocks: list[RawBlock]) -> None:
    """Bare numbers above the article body of a page: view, comment and like counts (4, 3573),
    possibly after an icon-font glyph (a private-use character)."""
    for b in blocks:
        if b.reason is None and _prose(b):
            return
        if b.reason is None and b.kind != "table" and re.fullmatch(r"[\ue000-\uf8ff]*\d{1,8}", b.key):
            b.reason = "metadata"
