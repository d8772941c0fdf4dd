"""The one spaCy `nlp` object per process: blank zh + pkuseg CTB8 model + our components.

The model is built by `python -m pipeline.build_model` (called by `make`); this
module only loads it. Texts longer than `nlp.max_length` are tokenised in
chunks cut at line ends and joined into one Doc, never refused.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from .build_model import DEFAULT_OUT

COMPONENTS = ("cn_entities", "cn_numbers")


def model_dir() -> Path:
    return Path(os.environ.get("PIPELINE_MODEL_DIR", DEFAULT_OUT))


@lru_cache(maxsize=1)
def get_nlp():
    """Load the pipeline once per process and add our registered components."""
    import spacy

    from . import components  # noqa: F401  (registers the factories)

    path = model_dir()
    if not (path / "meta.json").exists():
        raise RuntimeError(f"spaCy pkuseg model missing at {path}: run `make model` "
                           f"(python -m pipeline.build_model)")
    nlp = spacy.load(path)
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, config=component_config(name))
    return nlp


def component_config(name: str) -> dict:
    """Settings from the environment: PIPELINE_PERSON_MODEL=0 runs the entity rules without the trained PERSON
    fallback (about 30% faster, PERSON recall lower; docs/ner-measurement.md §5)."""
    if name == "cn_entities":
        return {"person_model": os.environ.get("PIPELINE_PERSON_MODEL", "1") != "0"}
    return {}


def make_doc(nlp, text: str, chunk: int | None = None):
    """Tokenise `text` with the pkuseg tokenizer, in chunks when it is longer than max_length."""
    from spacy.tokens import Doc

    limit = chunk or nlp.max_length
    if len(text) <= limit:
        return nlp.make_doc(text)
    docs, pos = [], 0
    while pos < len(text):
        end = min(len(text), pos + limit)
        if end < len(text):
            cut = text.rfind("\n", pos, end)
            end = cut + 1 if cut > pos else end
        docs.append(nlp.make_doc(text[pos:end]))
        pos = end
    return Doc.from_docs(docs, ensure_whitespace=False)


def doc_from_tokens(nlp, text: str, starts: list[int]):
    """Rebuild the Doc of `text` from stored token start offsets, without segmenting again."""
    from spacy.tokens import Doc

    if not starts:
        return make_doc(nlp, text)
    bounds = list(starts) + [len(text)]
    words, spaces = [], []
    for a, b in zip(bounds, bounds[1:]):
        w = text[a:b]
        # a single trailing space is token whitespace in spaCy, not part of the word
        trailing = len(w) > 1 and w.endswith(" ") and not w[-2].isspace()
        words.append(w[:-1] if trailing else w)
        spaces.append(trailing)
    return Doc(nlp.vocab, words=words, spaces=spaces)
