import pytest

from pipeline.models import ErrorRecord, LoadedDoc
from pipeline.stages.load import LoadError, decode, load_folder, unique_ids

from tests.conftest import SEEDS

SEED = SEEDS / "004_aa89ec4c50645a41.txt"


def test_utf8_with_and_without_bom():
    text = SEED.read_text(encoding="utf-8")
    assert decode(text.encode("utf-8")) == (text, "utf-8")
    assert decode(b"\xef\xbb\xbf" + text.encode("utf-8"))[0] == text


def test_gbk_and_big5_are_detected():
    text = SEED.read_text(encoding="utf-8")
    assert decode(text.encode("gbk")) == (text, "gb18030")
    trad = text.encode("big5", errors="ignore").decode("big5")
    got, enc = decode(trad.encode("big5"))
    assert (got, enc) == (trad, "big5")


def test_mostly_utf8_with_bad_bytes_is_an_error_not_a_guess():
    raw = SEED.read_text(encoding="utf-8").encode("utf-8")
    raw = raw[:300] + b"\xff\xfe\xfa" + raw[300:]
    with pytest.raises(LoadError) as e:
        decode(raw)
    assert e.value.code == "mis-encoded" and "UTF-8" in str(e.value)


def test_bad_files_are_errors_and_good_ones_load(tmp_path):
    (tmp_path / "good.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.html").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "x.txt").mkdir()
    (tmp_path / "big.md").write_bytes("很长的文本。".encode("utf-8") * 2000)
    (tmp_path / "ignored.pdf").write_bytes(b"%PDF")
    recs = {r.doc_id: r for r in load_folder(tmp_path, max_bytes=20_000)}
    assert set(recs) == {"good", "empty", "blob", "x", "big"}
    assert isinstance(recs["good"], LoadedDoc) and recs["good"].format == "txt"
    codes = {k: r.error for k, r in recs.items() if isinstance(r, ErrorRecord)}
    assert codes == {"empty": "empty", "blob": "binary", "x": "not-a-file", "big": "too-large"}
    assert "size limit" in recs["big"].message


def test_doc_ids_are_file_stems_made_unique(tmp_path):
    from pathlib import Path
    ids = unique_ids([Path("a/report.txt"), Path("b/report.html"), Path("c/other.md"), Path("d/report.md")])
    assert ids == ["report", "report-2", "other", "report-3"]


def test_crlf_is_normalised(tmp_path):
    (tmp_path / "a.txt").write_bytes("第一行\r\n第二行\r\n".encode("utf-8"))
    (rec,) = load_folder(tmp_path)
    assert rec.raw == "第一行\n第二行\n"
