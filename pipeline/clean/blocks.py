"""RawBlock (one block of the input before the keep/drop decision) and the cleaner's data files."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
WS_RE = re.compile(r"[\s\u3000\u200b\ufeff]+")


@dataclass
class RawBlock:
    """A block of the input: display text (markup stripped), kind, span in `raw` when known.

    `reason` is None for article material, else the RemovedReason it was dropped for.
    """
    text: str
    kind: str = "paragraph"  # heading / paragraph / list_item / table
    level: Optional[int] = None
    start: Optional[int] = None
    end: Optional[int] = None
    reason: Optional[str] = None
    bold: bool = False  # the whole block was emphasis (Markdown **…** or <b>/<strong>)
    flags: set = field(default_factory=set)  # "links_only", "image", "chrome" (HTML page line)
    cut: list = field(default_factory=list)  # (reason, text) pieces cut off the end of an article block

    @property
    def key(self) -> str:
        """The text without any whitespace, for matching."""
        return WS_RE.sub("", self.text)


def norm_ws(s: str) -> str:
    """Collapse whitespace runs to one space and strip (characters stay as written)."""
    return WS_RE.sub(" ", s).strip()


def line_key(s: str) -> str:
    return WS_RE.sub("", s)


@lru_cache(maxsize=None)
def load_json(name: str) -> dict:
    with open(RESOURCES / name, encoding="utf-8") as f:
        return json.load(f)


def settings() -> dict:
    return load_json("clean_settings.json")


def cues() -> dict:
    return load_json("clean_cues.json")


TITLE_SEP_RE = re.compile(r"\s*(?:-{2,}|—{2,}|[|｜_]+)\s*|\s+[-—–]\s+")
TAIL_HYPHEN_RE = re.compile(r"(?<=[^\s\-—–\d])[-—–]([^-—–\s][^-—–]{1,14})$")


def title_parts(t: str) -> list[str]:
    """A <title> split at its separators: `标题--站名`, `标题_栏目_站名`, `标题 | 站名`, `标题-栏目-站名`.

    A single hyphen without spaces separates only short trailing parts (2 to 15 characters)
    after a head of at least 6 (1-10月德清县… and 中美-欧盟峰会 stay whole).
    """
    parts = [p.strip() for p in TITLE_SEP_RE.split(t.strip()) if p and p.strip()]
    if not parts:
        return parts
    tail: list[str] = []
    head = parts[-1]
    while True:
        m = TAIL_HYPHEN_RE.search(head)
        if not m or len(line_key(head[:m.start()])) < 6:
            break
        tail.insert(0, m.group(1).strip())
        head = head[:m.start()].strip()
    return parts[:-1] + [head] + tail
