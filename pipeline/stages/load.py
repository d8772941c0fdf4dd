"""load: a folder of .txt/.md/.html files -> LoadedDoc records (+ ErrorRecords for bad files).

Encoding cascade: UTF-8 (with or without BOM); else, when most of the
non-ASCII bytes are valid UTF-8, the file is mis-encoded UTF-8 (an error, not a
guess); else charset-normalizer among GB18030 and Big5. Empty, binary,
oversized, unreadable files and directories named like documents are errors.
"""
from __future__ import annotations

import codecs
from pathlib import Path
from typing import Iterator, Union

from ..models import ErrorRecord, LoadedDoc

SUFFIXES = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
CANDIDATES = ["gb18030", "big5"]
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


class LoadError(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


def iter_inputs(root: Path) -> Iterator[Path]:
    """Every path under `root` (recursive, sorted) whose suffix is a document kind; a single file too."""
    root = Path(root)
    if root.is_file():
        yield root
        return
    for p in sorted(root.rglob("*")):
        if p.suffix.lower() in SUFFIXES and not any(part.startswith(".") for part in p.relative_to(root).parts):
            yield p


def _is_binary(raw: bytes) -> bool:
    head = raw[:8192]
    if b"\x00" in head and not (head.startswith(codecs.BOM_UTF16_LE) or head.startswith(codecs.BOM_UTF16_BE)):
        return True
    ctrl = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return ctrl > 0.05 * len(head)


def decode(raw: bytes) -> tuple[str, str]:
    """Bytes -> (text, encoding name). Raises LoadError('mis-encoded' | 'undecodable')."""
    if raw.startswith(codecs.BOM_UTF8):
        raw_body, enc = raw[len(codecs.BOM_UTF8):], "utf-8-sig"
    else:
        raw_body, enc = raw, "utf-8"
    try:
        return raw_body.decode("utf-8"), enc
    except UnicodeDecodeError as e:
        first_bad = e.start
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16"), "utf-16"
    lenient = raw_body.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    good = sum(1 for ch in lenient if ord(ch) > 127 and ch != "\ufffd")
    if good > 4 * bad:
        raise LoadError("mis-encoded", f"invalid UTF-8 at byte {first_bad} ({bad} bad sequences in "
                                       f"otherwise UTF-8 text); re-save the file as UTF-8")
    from charset_normalizer import from_bytes

    best = from_bytes(raw, cp_isolation=CANDIDATES).best()
    if best is None:
        raise LoadError("undecodable", "not UTF-8, GB18030/GBK or Big5 text")
    return str(best), best.encoding


def load_file(path: Path, doc_id: str, max_bytes: int = DEFAULT_MAX_BYTES) -> LoadedDoc:
    path = Path(path)
    if path.is_dir():
        raise LoadError("not-a-file", f"{path} is a directory, not a document")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise LoadError("too-large", f"{size} bytes is over the size limit of {max_bytes} bytes")
        raw = path.read_bytes()
    except OSError as e:
        raise LoadError("unreadable", f"cannot read file: {e.strerror or e}") from None
    if not raw.strip():
        raise LoadError("empty", "the file is empty")
    if _is_binary(raw):
        raise LoadError("binary", "binary content (NUL or control bytes), not a text document")
    text, enc = decode(raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise LoadError("empty", "the file has no text")
    return LoadedDoc(doc_id=doc_id, source_path=str(path), format=SUFFIXES[path.suffix.lower()],
                     encoding=enc, n_bytes=len(raw), raw=text)


def unique_ids(paths: list[Path]) -> list[str]:
    """File stems, made unique with -2, -3 … in path order when two files share one."""
    seen: dict[str, int] = {}
    ids = []
    for p in paths:
        stem = p.stem
        n = seen.get(stem, 0) + 1
        seen[stem] = n
        ids.append(stem if n == 1 else f"{stem}-{n}")
    return ids


def load_folder(root: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Union[LoadedDoc, ErrorRecord]]:
    paths = list(iter_inputs(root))
    for path, doc_id in zip(paths, unique_ids(paths)):
        try:
            yield load_file(path, doc_id, max_bytes)
        except LoadError as e:
            yield ErrorRecord(doc_id=doc_id, source_path=str(path), stage="load", error=e.code, message=str(e))
        except Exception as e:  # never crash the run on one file
            yield ErrorRecord(doc_id=doc_id, source_path=str(path), stage="load",
                              error=type(e).__name__, message=str(e))
