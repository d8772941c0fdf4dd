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
