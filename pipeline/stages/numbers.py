"""numbers: EntityDoc -> NumberDoc, by the `cn_numbers` spaCy component.

The Doc is rebuilt from the tokens the entities stage stored (no second
segmentation) with its entities in `doc.ents`, so the component can leave out
the digits of DATEs and FORMULAs.
"""
from __future__ import annotations

from ..models import EntityDoc, Number, NumberDoc
from .entities import prepare, section_of


def extract_numbers(doc: EntityDoc, nlp=None) -> NumberDoc:
    from ..components.spans import char_spans
    from ..nlp import doc_from_tokens, get_nlp

    nlp = nlp or get_nlp()
    sp = prepare(doc, doc_from_tokens(nlp, doc.text, doc.tokens))
    sp.ents = char_spans(sp, [(e.start, e.end, e.type) for e in doc.entities])
    sp = nlp.get_pipe("cn_numbers")(sp)
    numbers = [
        Number(text=s.text, value=s._.num_value, value_max=s._.num_value_max,
               unit=s._.num_unit or "", qualifier=s._.num_qualifier, start=s.start_char,
               end=s.end_char, section_id=section_of(doc, s.start_char, s.end_char, sp._.title_end))
        for s in sp.spans["numbers"]
    ]
    return NumberDoc(**doc.model_dump(), numbers=numbers)
