"""JSON Schema export of the pydantic models into schemas/ (a test fails when the files are stale)."""
from __future__ import annotations

import json
from pathlib import Path

from .io import write_text
from .models import SCHEMA_MODELS


def render_schemas() -> dict[str, str]:
    """File name -> JSON Schema text, for every model in SCHEMA_MODELS."""
    return {f"{name}.schema.json": json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2) + "\n"
            for name, model in SCHEMA_MODELS.items()}


def export_schemas(out: Path) -> list[Path]:
    paths = []
    for fname, text in render_schemas().items():
        path = Path(out) / fname
        write_text(path, text)
        paths.append(path)
    return paths
