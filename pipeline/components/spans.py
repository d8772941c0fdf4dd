"""Turn character offsets into spaCy Spans, splitting tokens whose boundaries cut through them.

pkuseg does not know our entity and number boundaries (1400余篇 may be one token),
so a component first aligns the tokens to every boundary it needs with the
retokenizer, then builds strict Spans: offsets stay exactly those of the text.
"""
from __future__ import annotations

import numpy as np
from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Span


def align_tokens(doc: Doc, bounds) -> None:
    """Split every token that a char offset in `bounds` falls strictly inside (tokens found by bisection)."""
    if not bounds or not len(doc):
        return
    arr = doc.to_array([IDX, LENGTH])
    starts, ends = arr[:, 0], arr[:, 0] + arr[:, 1]
    plan: dict[int, list[int]] = {}
    for c in sorted(set(bounds)):
        i = int(np.searchsorted(starts, c, side="right")) - 1
        if i >= 0 and starts[i] < c < ends[i]:
            plan.setdefault(i, []).append(c - int(starts[i]))
    if not plan:
        return
    with doc.retokenize() as retok:
        for ti, inner in plan.items():
            tok = doc[ti]
            edges = [0] + inner + [len(tok.text)]
            orths = [tok.text[x:y] for x, y in zip(edges, edges[1:])]
            retok.split(tok, orths, heads=[(tok, 0)] * len(orths))


def char_spans(doc: Doc, items, label: str | None = None) -> list[Span]:
    """`items` are (start, end, label) triples; tokens are split as needed; returns Spans in order."""
    items = list(items)
    align_tokens(doc, [x for s, e, _ in items for x in (s, e)])
    spans = []
    for s, e, lab in items:
        span = doc.char_span(s, e, label=lab or label or "", alignment_mode="strict")
        if span is not None:
            spans.append(span)
    return spans


def occurrences(text: str, word: str):
    """Start offsets of every (non-overlapping) occurrence of `word` in `text`, by str.find: unlike
    re.finditer(re.escape(word)) it compiles nothing, so the re cache keeps the fixed patterns."""
    i = text.find(word) if word else -1
    while i >= 0:
        yield i
        i = text.find(word, i + len(word))
