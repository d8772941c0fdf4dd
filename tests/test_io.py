"""Atomic artifact writes and validated reads."""
import pytest

from pipeline import io
from pipeline.models import ErrorRecord


def _err(i):
    return ErrorRecord(doc_id=f"d{i}", source_path=f"d{i}.txt", stage="load", error="empty", message="the file is empty")


def test_interrupted_write_leaves_the_old_file_whole(tmp_path):
    path = tmp_path / "errors.jsonl"
    io.write_jsonl(path, [_err(1), _err(2)])
    before = path.read_bytes()

    def records():
        yield _err(3)
        raise KeyboardInterrupt  # the run is interrupted half-way through writing

    with pytest.raises(KeyboardInterrupt):
        io.write_jsonl(path, records())
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["errors.jsonl"]  # no temp file left behind


def test_round_trip_and_bad_line_is_located(tmp_path):
    path = tmp_path / "e.jsonl"
    assert io.write_jsonl(path, [_err(1), _err(2)]) == 2
    assert [r.doc_id for r in io.read_jsonl(path, ErrorRecord)] == ["d1", "d2"]
    path.write_text(path.read_text() + '{"doc_id": "x", "stage": "nope"}\n')
    with pytest.raises(io.ArtifactError, match=r"e\.jsonl:3: "):
        list(io.read_jsonl(path, ErrorRecord))
