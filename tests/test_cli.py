"""Every CLI command, through the real typer app and the real pipeline."""
import json
import os
import subprocess
import sys

from typer.testing import CliRunner

from pipeline.cli import app

from tests.conftest import DATA, SEEDS

runner = CliRunner()


def test_help_lists_commands():
    res = subprocess.run([sys.executable, "-m", "pipeline", "--help"], capture_output=True, text=True)
    assert res.returncode == 0
    for cmd in ("run", "stage", "inspect", "eval", "schema"):
        assert cmd in res.stdout


def test_run_exit_codes(tmp_path):
    ok = runner.invoke(app, ["run", str(SEEDS), "-o", str(tmp_path / "ok")])
    assert ok.exit_code == 0, ok.output
    assert "documents" in ok.output and (tmp_path / "ok" / "documents.jsonl").exists()
    bad_in = tmp_path / "in"
    bad_in.mkdir()
    (bad_in / "a.txt").write_bytes((SEEDS / "001_cd28634c774223a4.txt").read_bytes())
    (bad_in / "b.txt").write_bytes(b"")
    some = runner.invoke(app, ["run", str(bad_in), "-o", str(tmp_path / "some")])
    assert some.exit_code == 1
    usage = runner.invoke(app, ["run", str(SEEDS), "--from", "nosuchstage"])
    assert usage.exit_code == 2
    missing = runner.invoke(app, ["run", str(tmp_path / "nope")])
    assert missing.exit_code == 2


def test_run_to_and_from(tmp_path):
    out = tmp_path / "o"
    assert runner.invoke(app, ["run", str(SEEDS), "-o", str(out), "--to", "segment"]).exit_code == 0
    assert (out / "stages" / "segment.jsonl").exists() and not (out / "documents.jsonl").exists()
    assert runner.invoke(app, ["run", str(SEEDS), "-o", str(out), "--from", "entities"]).exit_code == 0
    assert len((out / "documents.jsonl").read_text().splitlines()) == 5


def test_stage_and_doc_debugging(seed_run, tmp_path):
    import shutil

    out = tmp_path / "o"
    shutil.copytree(seed_run[0], out)
    res = runner.invoke(app, ["stage", "segment", "-o", str(out), "--doc", "001_cd28634c774223a4"])
    assert res.exit_code == 0, res.output
    rec = json.loads(res.output)
    assert rec["doc_id"] == "001_cd28634c774223a4" and "sections" in rec
    before = (out / "stages" / "numbers.jsonl").read_bytes()
    assert runner.invoke(app, ["stage", "numbers", "-o", str(out)]).exit_code == 0
    assert (out / "stages" / "numbers.jsonl").read_bytes() == before
    assert runner.invoke(app, ["stage", "numbers", "-o", str(tmp_path / "empty")]).exit_code == 2
    assert runner.invoke(app, ["stage", "segment", "-o", str(out), "--doc", "nosuch"]).exit_code == 2


def test_inspect_views(seed_run):
    out = str(seed_run[0])
    listing = subprocess.run([sys.executable, "-m", "pipeline", "inspect", out], capture_output=True, text=True,
                             env={**os.environ, "COLUMNS": "200"})
    assert listing.returncode == 0 and "002_31772128c8a61dd7" in listing.stdout
    tree = runner.invoke(app, ["inspect", out, "--doc", "001_cd28634c774223a4", "--sections"])
    assert tree.exit_code == 0 and "聚焦阵地优化" in tree.output
    ents = runner.invoke(app, ["inspect", out, "--doc", "000_bc72df87a4d04ad0", "--type", "WORK"])
    assert ents.exit_code == 0 and "防盗安全工作流程图" in ents.output
    nums = runner.invoke(app, ["inspect", out, "--doc", "002_31772128c8a61dd7", "--numbers"])
    assert nums.exit_code == 0 and "143.83万人" in nums.output
    rem = runner.invoke(app, ["inspect", out, "--doc", "003_c020b616ad99d7c6", "--removed"])
    assert rem.exit_code == 0 and "removed" in rem.output
    assert runner.invoke(app, ["inspect", out, "--doc", "nosuch"]).exit_code == 2


def test_eval_command(seed_run):
    res = runner.invoke(app, ["eval", str(DATA / "seed_gold"), "-o", str(seed_run[0]), "--json"])
    assert res.exit_code == 0, res.output
    scores = json.loads(res.output)
    assert scores["docs"] == 5 and scores["grounding_acc"] == 1.0


def test_schema_command(tmp_path):
    res = runner.invoke(app, ["schema", "-o", str(tmp_path)])
    assert res.exit_code == 0
    assert (tmp_path / "document.schema.json").exists()
