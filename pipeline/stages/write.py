"""write: NumberDoc -> Document, the output contract, validated by pydantic."""
from __future__ import annotations

from ..models import Document, NumberDoc

FIELDS = tuple(Document.model_fields)


def to_document(doc: NumberDoc) -> Document:
    return Document.model_validate({k: getattr(doc, k) for k in FIELDS})
