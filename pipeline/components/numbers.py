"""`cn_numbers`: every Arabic-digit quantity with value, unit and qualifier.

Sets `doc.spans["numbers"]` (label NUMBER, exact char offsets) with `span._.num_value`,
`span._.num_value_max` (ranges), `span._.num_unit` ("" if none) and
`span._.num_qualifier` (None if none). Digits inside DATE, FORMULA, ORG and WORK
entities of `doc.ents` are left out; the rules in `num_scan` recognise dates, clock
times, phones and codes on their own too, since the entity recogniser may miss some.
Word lists and patterns: `pipeline/resources/num_*` (see `num_resources`).
"""
from __future__ import annotations

import re

from spacy.language import Language

from .num_resources import load
from .num_scan import find_numbers
from .spans import align_tokens

BLOCKING_LABELS = ("DATE", "FORMULA", "ORG", "WORK")
# a DATE the entity recogniser gave to a duration (3年, 近5年) does not hide a number
DURATION = re.compile(r"^[约近超过逾]*[0-9０-９]+(?:\.[0-9]+)?[余多]?(?:个)?(?:年|个月|天|周|小时)[多余]?$")


def blocking_spans(doc, res) -> list[tuple[int, int]]:
    """Char spans of the entities whose digits are no number. Not: a DATE that is a duration
    (3年), an ORG that starts or ends with a count or holds an approximate one (30余所艺术学院,
    论文集8部, 全国30多家电视台: a count the entity recogniser swallowed; digits inside a
    name, 61001部队, stay hidden)."""
    out = []
    for ent in doc.ents:
        if ent.label_ not in BLOCKING_LABELS:
            continue
        if ent.label_ == "DATE" and DURATION.match(ent.text):
            continue
        if ent.label_ == "ORG" and any(m.start == 0 or m.end == len(ent.text) or m.qualifier
                                       for m in find_numbers(ent.text, (), res)):
            continue
        out.append((ent.start_char, ent.end_char))
    return out


class NumberRecognizer:
    def __init__(self, nlp, name: str):
        self.name = name
        self.res = load()

    def __call__(self, doc):
        matches = find_numbers(doc.text, blocking_spans(doc, self.res), self.res)
        align_tokens(doc, [x for m in matches for x in (m.start, m.end)])
        spans = []
        for m in matches:
            span = doc.char_span(m.start, m.end, label="NUMBER", alignment_mode="strict")
            if span is None:
                continue
            spans.append(span)
            span._.num_value = m.value
            span._.num_value_max = m.value_max
            span._.num_unit = m.unit
            span._.num_qualifier = m.qualifier
        doc.spans["numbers"] = spans
        return doc


@Language.factory("cn_numbers", default_config={})
def make_number_recognizer(nlp, name: str):
    return NumberRecognizer(nlp, name)
