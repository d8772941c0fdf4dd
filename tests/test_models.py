"""The pydantic models: schema files are fresh, records round-trip, formats are enforced."""
import json

import pytest
from pydantic import ValidationError

from pipeline.models import Document, Entity, Number, SCHEMA_MODELS
from pipeline.schemas import render_schemas

from tests.conftest import ROOT


def test_schema_files_are_not_stale():
    for fname, text in render_schemas().items():
        path = ROOT / "schemas" / fname
        assert path.exists(), f"{path} missing: run `pipeline schema`"
        assert path.read_text(encoding="utf-8") == text, f"{path} is stale: run `pipeline schema`"
    assert len(render_schemas()) == len(SCHEMA_MODELS)


def test_document_round_trip(seed_docs):
    for d in seed_docs:
        doc = Document.model_validate(d)
        assert json.loads(doc.model_dump_json()) == d


@pytest.mark.parametrize("date", ["2022-10-21", "2022-10", "2022", None])
def test_iso_dates_accepted(date):
    assert Document(doc_id="a", source_path="a.txt", text="x", date=date).date == date


@pytest.mark.parametrize("date", ["2022/10/21", "2022年", "21-10-2022"])
def test_non_iso_dates_rejected(date):
    with pytest.raises(ValidationError):
        Document(doc_id="a", source_path="a.txt", text="x", date=date)


def test_unknown_fields_and_types_rejected():
    with pytest.raises(ValidationError):
        Entity(type="PLACE", text="x", start=0, end=1)
    with pytest.raises(ValidationError):
        Number(text="3人", value=3, unit="人", start=0, end=2, colour="red")
