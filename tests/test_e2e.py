"""End to end on seeds/: the output contract, grounding, and the stage artifacts."""
import json

from pipeline.models import ARTIFACT_MODELS, Document

from tests.conftest import SEEDS


def test_every_seed_is_a_valid_document(seed_run, seed_docs):
    out, info = seed_run
    assert {d["doc_id"] for d in seed_docs} == {p.stem for p in SEEDS.glob("*.txt")}
    assert info.counts["errors"] == 0
    for d in seed_docs:
        Document.model_validate(d)


def test_every_mention_slices_its_text(seed_docs):
    n = 0
    for d in seed_docs:
        for m in d["entities"] + d["numbers"]:
            assert d["text"][m["start"]:m["end"]] == m["text"], (d["doc_id"], m)
            n += 1
        for s in d["sections"]:
            assert 0 <= s["start"] < s["end"] <= len(d["text"])
    assert n > 50


def test_title_is_first_line_and_never_a_section(seed_docs):
    for d in seed_docs:
        if d["title"]:
            first = d["text"].split("\n", 1)[0]
            assert first == d["title"]
            assert all(s["start"] >= len(first) for s in d["sections"])
            for m in d["entities"] + d["numbers"]:
                if m["end"] <= len(first):
                    assert m["section_id"] is None


def test_section_ids_point_to_real_sections(seed_docs):
    for d in seed_docs:
        ids = {s["id"] for s in d["sections"]}
        for m in d["entities"] + d["numbers"]:
            assert m["section_id"] is None or m["section_id"] in ids
        for s in d["sections"]:
            assert s["parent_id"] is None or s["parent_id"] in ids


def test_entity_attributes_are_on_every_mention(seed_docs):
    for d in seed_docs:
        by_key = {}
        for e in d["entities"]:
            attrs = (e.get("role"), e.get("value"), tuple(e.get("expansion") or ()))
            by_key.setdefault((e["type"], e["text"]), set()).add(attrs)
        assert all(len(v) == 1 for v in by_key.values())


def test_each_stage_wrote_a_valid_artifact(seed_run):
    out, _ = seed_run
    for stage, model in ARTIFACT_MODELS.items():
        path = out / "documents.jsonl" if stage == "write" else out / "stages" / f"{stage}.jsonl"
        lines = path.read_text(encoding="utf-8").splitlines()
        assert len(lines) == 5, stage
        for line in lines:
            model.model_validate_json(line)
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert run["counts"]["documents"] == 5 and set(run["stage_seconds"]) >= {"load", "clean", "entities"}
    assert json.loads((out / "errors.jsonl").read_text() or "null") is None


def test_rerun_of_one_stage_gives_the_same_artifact(seed_run, tmp_path):
    import shutil

    from pipeline.runner import Options, run

    out, _ = seed_run
    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    for stage in ("clean", "segment", "entities", "numbers"):
        before = (copy / "stages" / f"{stage}.jsonl").read_bytes()
        run(Options(input_dir=None, out_dir=copy, from_stage=stage, to_stage=stage))
        assert (copy / "stages" / f"{stage}.jsonl").read_bytes() == before, stage


def test_workers_give_the_same_documents(seed_run, tmp_path):
    from pipeline.runner import Options, run

    out, _ = seed_run
    run(Options(input_dir=SEEDS, out_dir=tmp_path, workers=2))
    assert (tmp_path / "documents.jsonl").read_bytes() == (out / "documents.jsonl").read_bytes()


def test_gbk_and_big5_copies_give_the_same_output(tmp_path):
    from pipeline.runner import Options, run

    seed = (SEEDS / "003_c020b616ad99d7c6.txt").read_text(encoding="utf-8")
    seed = seed.encode("gbk", errors="ignore").decode("gbk")  # a real GBK copy drops what GBK lacks
    trad = seed.encode("big5", errors="ignore").decode("big5")
    for name, text, enc in (("gbk", seed, "gbk"), ("big5", trad, "big5")):
        src_u, src_x = tmp_path / f"{name}-u", tmp_path / f"{name}-x"
        src_u.mkdir(), src_x.mkdir()
        (src_u / "doc.txt").write_text(text, encoding="utf-8")
        (src_x / "doc.txt").write_bytes(text.encode(enc))
        run(Options(input_dir=src_u, out_dir=tmp_path / f"o-{name}-u"))
        run(Options(input_dir=src_x, out_dir=tmp_path / f"o-{name}-x"))
        a = json.loads((tmp_path / f"o-{name}-u" / "documents.jsonl").read_text(encoding="utf-8"))
        b = json.loads((tmp_path / f"o-{name}-x" / "documents.jsonl").read_text(encoding="utf-8"))
        a.pop("source_path"), b.pop("source_path")
        assert a == b, name


def test_bad_inputs_beside_good_ones(tmp_path):
    from pipeline.runner import Options, run

    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_bytes((SEEDS / "001_cd28634c774223a4.txt").read_bytes())
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 500)
    raw = (SEEDS / "002_31772128c8a61dd7.txt").read_bytes()
    (src / "badutf8.md").write_bytes(raw[:500] + b"\xff\xfe" + raw[500:])
    (src / "x.txt").mkdir()
    (src / "huge.html").write_bytes(b"<p>" + "大".encode() * 400_000 + b"</p>")
    info = run(Options(input_dir=src, out_dir=tmp_path / "out", max_bytes=1_000_000))
    docs = [json.loads(l) for l in (tmp_path / "out" / "documents.jsonl").read_text().splitlines()]
    errs = [json.loads(l) for l in (tmp_path / "out" / "errors.jsonl").read_text().splitlines()]
    assert [d["doc_id"] for d in docs] == ["good"]
    assert {e["doc_id"]: e["error"] for e in errs} == {
        "empty": "empty", "binary": "binary", "badutf8": "mis-encoded", "x": "not-a-file", "huge": "too-large"}
    assert all(e["message"] and e["stage"] == "load" for e in errs)
    assert info.counts["documents"] == 1 and info.counts["errors"] == 5
