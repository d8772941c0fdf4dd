"""The whole pipeline over real corpus pages (../shared/corpus): nothing crashes, everything is grounded."""
import json

import pytest

from tests.conftest import CORPUS, needs_corpus


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory):
    from pipeline.runner import Options, run

    src = tmp_path_factory.mktemp("corpus-in")
    pages = sorted((CORPUS / "news-html").glob("*.html")) + sorted((CORPUS / "cumt").glob("*.md"))[::8]
    for p in pages:
        (src / p.name).symlink_to(p)
    out = tmp_path_factory.mktemp("corpus-out")
    info = run(Options(input_dir=src, out_dir=out, workers=2))
    docs = [json.loads(l) for l in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    errors = [json.loads(l) for l in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    return len(pages), info, docs, errors


@needs_corpus
def test_every_page_is_a_document(corpus_run):
    n, info, docs, errors = corpus_run
    assert errors == [] and len(docs) == n
    assert all(len(d["text"]) > 50 for d in docs)


@needs_corpus
def test_every_mention_is_grounded_and_in_its_section(corpus_run):
    _, _, docs, _ = corpus_run
    for d in docs:
        secs = {s["id"]: s for s in d["sections"]}
        for m in d["entities"] + d["numbers"]:
            assert d["text"][m["start"]:m["end"]] == m["text"], (d["doc_id"], m)
            if m["section_id"] is not None:
                s = secs[m["section_id"]]
                assert s["start"] <= m["start"] and m["end"] <= s["end"]


@needs_corpus
def test_section_tree_is_consistent(corpus_run):
    _, _, docs, _ = corpus_run
    for d in docs:
        secs = {s["id"]: s for s in d["sections"]}
        for s in d["sections"]:
            p = secs.get(s["parent_id"])
            if p is None:
                assert s["parent_id"] is None and s["level"] == 1
            else:
                assert s["level"] == p["level"] + 1
                assert p["start"] <= s["start"] and s["end"] <= p["end"]


@needs_corpus
def test_numbers_never_inside_dates_or_formulas(corpus_run):
    _, _, docs, _ = corpus_run
    for d in docs:
        blocked = [(e["start"], e["end"]) for e in d["entities"] if e["type"] in ("DATE", "FORMULA", "WORK")]
        for n in d["numbers"]:
            assert not any(a <= n["start"] and n["end"] <= b for a, b in blocked), (d["doc_id"], n)
