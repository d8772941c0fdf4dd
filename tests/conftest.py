"""Shared fixtures: the real zh pipeline once per session and one real run over seeds/."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent (fresh clone)")
needs_shared = pytest.mark.skipif(not (SHARED / "tools" / "score.py").exists(),
                                  reason="../shared/tools/score.py is absent (fresh clone)")


@pytest.fixture(scope="session")
def nlp():
    from pipeline.nlp import get_nlp

    return get_nlp()


@pytest.fixture(scope="session")
def seed_run(tmp_path_factory):
    """One real pipeline run over seeds/: (out_dir, RunInfo)."""
    from pipeline.runner import Options, run

    out = tmp_path_factory.mktemp("seed-run")
    info = run(Options(input_dir=SEEDS, out_dir=out, workers=1))
    return out, info


@pytest.fixture(scope="session")
def seed_docs(seed_run):
    out, _ = seed_run
    return [json.loads(l) for l in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
