"""spaCy components (registered factories) run over the pkuseg Doc.

Doc extensions set by the stages before a component runs:
- `doc._.pub_date`: the document's publication date (ISO) or None;
- `doc._.source`: who published it (the clean stage's `source`) or None;
- `doc._.title_end`: offset where the title line ends (0 when none);
- `doc._.sections`: the document's sections as dicts (id, parent_id, level, marker, title, start, end).

`cn_entities` sets `doc.ents` (labels PERSON ORG GPE DATE WORK FORMULA) with
`span._.role`, `span._.value`, `span._.expansion`.
`cn_numbers` sets `doc.spans["numbers"]` with `span._.num_value`,
`span._.num_value_max`, `span._.num_unit`, `span._.num_qualifier`.
"""
from spacy.tokens import Doc, Span

for _name, _default in (("pub_date", None), ("source", None), ("title_end", 0), ("sections", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)
for _name in ("role", "value", "expansion", "num_value", "num_value_max", "num_unit", "num_qualifier"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)

from . import entities, numbers  # noqa: E402,F401  (register factories)
