"""Turn character offsets into spaCy Spans, splitting tokens whose boundaries cut through them.

pkuseg does not know our entity and number boundaries (1400余篇 may be one token),
so a component first aligns the tokens to every boundary it needs with the
retokenizer, then builds strict Spans: offsets stay exactly those of the text.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span


def align_tokens(doc: Doc, bounds) -> None:
    """Split every token that a char offset in `bounds` falls strictly inside."""
    cuts = sorted(set(bounds))
    if not cuts:
        return
    plan = []
    import bisect
    for tok in doc:
        a, b = tok.idx, tok.idx + len(tok.text)
        i = bisect.bisect_right(cuts, a)
        inner = []
        while i < len(cuts) and cuts[i] < b:
            inner.append(cuts[i] - a)
            i += 1
        if inner:
            plan.append((tok.i, inner))
    if not plan:
        return
    with doc.retokenize() as retok:
        for ti, inner in plan:
            tok = doc[ti]
            edges = [0] + inner + [len(tok.text)]
            orths = [tok.text[x:y] for x, y in zip(edges, edges[1:])]
            heads = [(tok, 0)] * len(orths)
            retok.split(tok, orths, heads=heads)


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
