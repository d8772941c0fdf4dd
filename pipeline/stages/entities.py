"""entities: SegmentedDoc -> EntityDoc, by the `cn_entities` spaCy component over the pkuseg Doc.

The Doc gets the document context (`pub_date`, `source`, `title_end`, `sections`) before
the component runs; its `doc.ents` become `Entity` records with the innermost
section of each mention (None in the title line). An entity's role/value/
expansion found on any mention is written on all its mentions.
"""
from __future__ import annotations

from ..models import Entity, EntityDoc, SegmentedDoc
from .segment import innermost_section


def title_end(doc: SegmentedDoc) -> int:
    """Offset just past the title line when `text` starts with the title, else 0."""
    if doc.title and doc.text.startswith(doc.title):
        nl = doc.text.find("\n")
        return len(doc.text) if nl < 0 else nl
    return 0


def prepare(sdoc, spacy_doc):
    """Give the Doc its document context: publication date, publisher, end of the title line, sections."""
    spacy_doc._.pub_date = sdoc.date
    spacy_doc._.source = sdoc.source
    spacy_doc._.title_end = title_end(sdoc)
    spacy_doc._.sections = [s.model_dump() for s in sdoc.sections]
    return spacy_doc


def section_of(sdoc: SegmentedDoc, start: int, end: int, t_end: int):
    """Innermost section of a mention; None in the title line (which ends at `t_end`)."""
    return None if start < t_end else innermost_section(sdoc.sections, start, end)


def _share_attributes(entities: list[Entity]) -> None:
    best: dict[tuple, dict] = {}
    for e in entities:
        slot = best.setdefault((e.type, e.text), {})
        for k in ("role", "value", "expansion"):
            if getattr(e, k) and not slot.get(k):
                slot[k] = getattr(e, k)
    for e in entities:
        for k, v in best[(e.type, e.text)].items():
            setattr(e, k, v)


def extract_entities(doc: SegmentedDoc, nlp=None) -> EntityDoc:
    from ..nlp import get_nlp, make_doc

    nlp = nlp or get_nlp()
    sp = prepare(doc, make_doc(nlp, doc.text))
    sp = nlp.get_pipe("cn_entities")(sp)
    t_end = sp._.title_end
    entities = [
        Entity(type=s.label_, text=s.text, start=s.start_char, end=s.end_char,
               section_id=section_of(doc, s.start_char, s.end_char, t_end),
               role=s._.role, value=s._.value, expansion=s._.expansion)
        for s in sp.ents
    ]
    _share_attributes(entities)
    return EntityDoc(**doc.model_dump(), entities=entities, tokens=[t.idx for t in sp])
