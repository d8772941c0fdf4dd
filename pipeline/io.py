"""All file I/O of records: JSONL/JSON read and atomic write (temp file + rename)."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Iterable, Iterator, TypeVar

from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)


class ArtifactError(Exception):
    """A line of an artifact that does not parse or validate: file, line and pydantic loc."""


def _atomic_write(path: Path, write) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_jsonl(path: Path, records: Iterable[BaseModel]) -> int:
    """Write records one JSON object per line, atomically; returns the count."""
    n = 0

    def write(fh):
        nonlocal n
        for r in records:
            fh.write(r.model_dump_json(exclude_none=False) + "\n")
            n += 1

    _atomic_write(path, write)
    return n


def write_json(path: Path, record: BaseModel) -> None:
    _atomic_write(path, lambda fh: fh.write(record.model_dump_json(indent=2) + "\n"))


def write_text(path: Path, text: str) -> None:
    _atomic_write(path, lambda fh: fh.write(text))


def read_jsonl(path: Path, model: type[M]) -> Iterator[M]:
    """Validate each line with `model`; a bad line raises ArtifactError naming file, line and loc."""
    with open(path, encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield model.model_validate_json(line)
            except ValidationError as e:
                err = e.errors()[0]
                loc = ".".join(str(x) for x in err["loc"])
                raise ArtifactError(f"{path}:{i}: {loc}: {err['msg']}") from None


def read_json(path: Path, model: type[M]) -> M:
    return model.model_validate_json(Path(path).read_text(encoding="utf-8"))


def dumps(record: BaseModel) -> str:
    return json.dumps(record.model_dump(), ensure_ascii=False, indent=2)
