"""Build the offline spaCy Chinese pipeline with a real pkuseg (CTB8) segmentation model.

spacy-pkuseg ships no model and its download host is unreachable here. The
`pkuseg==0.0.12` wheel on PyPI carries the CTB8 model in an older text format;
spacy-pkuseg converts it itself. Steps (see shared/notes/offline-nlp.md):

1. `pip download pkuseg==0.0.12` (PyPI only) into a temporary folder;
2. extract `pkuseg/models/ctb8/*` model files from the wheel;
3. `spacy_pkuseg.pkuseg(DIR)` writes `features.msgpack` and `weights.npz`;
4. `spacy.blank("zh")` with the pkuseg segmenter, initialised on DIR, saved to disk.

usage: python -m pipeline.build_model [OUT_DIR]
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

PKUSEG_WHEEL = "pkuseg==0.0.12"
MODEL_FILES = ("model.txt", "unigram_word.txt", "bigram_word.txt", "tagIndex.txt") + tuple(
    f"featureIndex.txt_{i}" for i in range(10)
)
DEFAULT_OUT = Path(__file__).resolve().parent.parent / ".models" / "zh_pkuseg_ctb8"


def _download_wheel(dest: Path) -> Path:
    cmd = [sys.executable, "-m", "pip", "download", PKUSEG_WHEEL, "--no-deps",
           "--only-binary=:all:", "-q", "-d", str(dest)]
    subprocess.run(cmd, check=True)
    wheels = list(dest.glob("pkuseg-*.whl"))
    if not wheels:
        raise RuntimeError("pip download of pkuseg gave no wheel")
    return wheels[0]


def _extract_ctb8(wheel: Path, dest: Path) -> None:
    dest.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(wheel) as zf:
        for name in MODEL_FILES:
            with zf.open(f"pkuseg/models/ctb8/{name}") as src, open(dest / name, "wb") as out:
                shutil.copyfileobj(src, out)


def build(out: Path = DEFAULT_OUT) -> Path:
    """Build the spaCy pipeline into `out` (atomically: a temp folder renamed at the end)."""
    import spacy
    import spacy_pkuseg

    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out.parent) as tmp:
        tmp = Path(tmp)
        seg_dir = tmp / "ctb8"
        _extract_ctb8(_download_wheel(tmp / "dl"), seg_dir)
        spacy_pkuseg.pkuseg(str(seg_dir))  # converts the text model to msgpack/npz
        for name in MODEL_FILES:
            (seg_dir / name).unlink(missing_ok=True)
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "pkuseg"}}})
        nlp.tokenizer.initialize(pkuseg_model=str(seg_dir))
        staged = tmp / "nlp"
        nlp.to_disk(staged)
        if out.exists():
            shutil.rmtree(out)
        staged.rename(out)
    return out


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUT
    if (out / "meta.json").exists():
        print(f"model present: {out}")
        return 0
    print(f"building pkuseg CTB8 spaCy pipeline into {out} ...")
    build(out)
    print(f"built {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
