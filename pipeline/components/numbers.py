"""`cn_numbers`: Arabic-digit quantities. Placeholder: a few units only."""
from __future__ import annotations

import re

from spacy.language import Language

from .spans import char_spans

NUM_RE = re.compile(r"(\d+(?:\.\d+)?)(万|亿)?(%|人|个|所|名|项|篇|次)")
MULT = {"万": 1e4, "亿": 1e8, None: 1}


class NumberRecognizer:
    def __init__(self, nlp, name: str):
        self.name = name

    def __call__(self, doc):
        found = list(NUM_RE.finditer(doc.text))
        spans = char_spans(doc, [(m.start(), m.end(), "NUMBER") for m in found])
        for span, m in zip(spans, found):
            span._.num_value = float(m.group(1)) * MULT[m.group(2)]
            span._.num_unit = m.group(3)
        doc.spans["numbers"] = spans
        return doc


@Language.factory("cn_numbers", default_config={})
def make_number_recognizer(nlp, name: str):
    return NumberRecognizer(nlp, name)
