import json
import subprocess
import sys

from pipeline.evaluate import evaluate

from tests.conftest import DATA, SHARED, needs_shared


@needs_shared
def test_eval_equals_reference_scorer(seed_run):
    docs = seed_run[0] / "documents.jsonl"
    ref = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), str(docs), str(SHARED / "gold"),
                          "--json"], capture_output=True, text=True, check=True)
    assert evaluate(docs, SHARED / "gold") == json.loads(ref.stdout)


def test_eval_scores_a_perfect_copy_of_gold(tmp_path):
    """Documents built from the gold itself score 1.0 on what they carry."""
    lines = []
    for g in sorted((DATA / "seed_gold").glob("*.json")):
        gold = json.loads(g.read_text(encoding="utf-8"))
        lines.append(json.dumps({"doc_id": gold["doc_id"], "title": gold["title"], "date": gold["date"],
                                 "source": gold["source"], "text": "\n".join(gold["keep"]),
                                 "sections": gold["sections"], "entities": gold["entities"],
                                 "numbers": gold["numbers"]}, ensure_ascii=False))
    path = tmp_path / "documents.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = evaluate(path, DATA / "seed_gold")
    assert res["entities"]["f1"] == 1.0 and res["numbers"]["f1"] == 1.0 and res["sections"]["f1"] == 1.0
    assert res["keep_recall"] == 1.0 and res["title_acc"] == 1.0


def test_eval_detects_errors(tmp_path):
    gold = json.loads((DATA / "seed_gold" / "002_31772128c8a61dd7.json").read_text(encoding="utf-8"))
    doc = {"doc_id": gold["doc_id"], "text": "", "numbers": gold["numbers"][:10], "entities": []}
    path = tmp_path / "documents.jsonl"
    path.write_text(json.dumps(doc, ensure_ascii=False) + "\n", encoding="utf-8")
    res = evaluate(path, DATA / "seed_gold", only={gold["doc_id"]})
    assert res["numbers"]["r"] < 0.5 and res["keep_recall"] == 0.0
