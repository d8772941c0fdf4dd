"""`cn_entities`: Chinese entity recogniser. Placeholder: WORK titles in 《》 only."""
from __future__ import annotations

import re

from spacy.language import Language

from .spans import char_spans

WORK_RE = re.compile(r"《([^《》\n]{1,80})》")


class EntityRecognizer:
    def __init__(self, nlp, name: str):
        self.name = name

    def __call__(self, doc):
        doc.ents = char_spans(doc, [(m.start(1), m.end(1), "WORK") for m in WORK_RE.finditer(doc.text)])
        return doc


@Language.factory("cn_entities", default_config={})
def make_entity_recognizer(nlp, name: str):
    return EntityRecognizer(nlp, name)
