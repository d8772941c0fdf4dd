"""Our own main-content finder for HTML pages: text density of the DOM.

Every text-bearing element scores its own (non-link) text by Chinese sentence punctuation
and length; the score flows to its parent and, halved, to its grandparent (the readability
idea). The best container, weighted down by its link density, is the article; its block
descendants become the lines. Used where trafilatura keeps too little of a page (a few
government and WeChat pages in the corpus), see `htmlpage.main_blocks`.
"""
from __future__ import annotations

import re
from typing import Optional

from .blocks import RawBlock, norm_ws

PUNCT_RE = re.compile(r"[，。；！？、,.;!?]")
SKIP = {"script", "style", "noscript", "template", "head", "nav", "footer", "header", "aside",
        "select", "button", "iframe", "svg", "textarea"}
BLOCKS = {"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article",
          "td", "th", "dd", "dt", "blockquote", "pre", "br", "ul", "ol", "center", "figcaption"}
NEG_RE = re.compile(r"comment|footer|sidebar|side-bar|related|recommend|share|nav|menu|banner|"
                    r"breadcrumb|toolbar|copyright|hot|rank|login|ad-|advert", re.I)


def _own_text(el) -> str:
    parts = [el.text or ""]
    for ch in el:
        parts.append(ch.tail or "")
    return "".join(parts)


def _score_text(t: str) -> float:
    n = len(t)
    if n < 10:
        return 0.0
    return 1.0 + len(PUNCT_RE.findall(t)) + min(n / 100.0, 3.0)


def _link_density(el) -> float:
    total = len(norm_ws(el.text_content()))
    if not total:
        return 1.0
    links = sum(len(norm_ws(a.text_content())) for a in el.iter("a"))
    return links / total


def best_container(root):
    scores: dict = {}
    for el in root.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag or tag in SKIP or tag == "a":
            continue
        s = _score_text(norm_ws(_own_text(el)))
        if not s:
            continue
        para = el
        while para is not None and para.tag not in BLOCKS:
            para = para.getparent()
        parent = para.getparent() if para is not None else None
        if parent is None:
            continue
        scores[parent] = scores.get(parent, 0.0) + s
        gp = parent.getparent()
        if gp is not None:
            scores[gp] = scores.get(gp, 0.0) + s / 2
    best, best_score = None, 0.0
    for el, s in scores.items():
        if el.tag in ("body", "html"):
            continue
        cls = (el.get("class") or "") + " " + (el.get("id") or "")
        if NEG_RE.search(cls):
            s *= 0.3
        s *= 1.0 - _link_density(el)
        if s > best_score:
            best, best_score = el, s
    return best


def container_blocks(el) -> list[RawBlock]:
    """The lines of a container: block elements start new lines; skipped elements are dropped."""
    out: list[RawBlock] = []
    buf: list[str] = []

    def flush():
        t = norm_ws("".join(buf))
        if t:
            out.append(RawBlock(text=t))
        buf.clear()

    def walk(e):
        tag = e.tag if isinstance(e.tag, str) else ""
        if tag in SKIP:
            buf.append(e.tail or "")
            return
        if tag in BLOCKS:
            flush()
        if tag:
            buf.append(e.text or "")
        for ch in e:
            walk(ch)
        if tag in BLOCKS:
            flush()
        buf.append(e.tail or "")

    buf.append(el.text or "")
    for ch in el:
        walk(ch)
    flush()
    return out


def density_blocks(root) -> Optional[list[RawBlock]]:
    el = best_container(root)
    if el is None:
        return None
    return container_blocks(el)
