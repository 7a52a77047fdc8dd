"""Internal links and the way back: where a ``#fragment`` points in the text, and the places left.

Targets are the element ids the format layer recorded (HTML, EPUB) and, for headings, the slugs
Markdown renderers give them ("## Notes and more" is ``#notes-and-more``). No Textual here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import unquote

from reader.model import Document

_NOT_SLUG = re.compile(r"[^\w\- ]")
# A heading's number ("1 ", "6.2.4 ", "A.1. "): a manual's links name the node without it ("#Introduction" for
# "1 Introduction", as Texinfo's HTML writes them).
_NUMBER = re.compile(r"(?:\d+(?:\.\d+)*\.?|[A-Z](?:\.\d+)+\.?) +(?=\S)")
_TEXINFO_ESCAPE = re.compile(r"_00([0-9a-f]{2})")  # "nettle_005fcipher" is "nettle_cipher"
HISTORY = 100  # places kept to go back to


def slug(title: str) -> str:
    """A heading's anchor as GitHub and most Markdown sites write it."""
    return _NOT_SLUG.sub("", title.strip().lower()).replace(" ", "-")


def is_external(url: str) -> bool:
    return "://" in url or url.startswith(("mailto:", "tel:", "data:"))


class Links:
    """Internal link targets of one document."""

    def __init__(self, document: Document) -> None:
        self.targets: dict[str, int] = dict(getattr(document, "anchors", {}) or {})
        for block in document.blocks:
            fields = block if isinstance(block, dict) else vars(block)  # the format layer's objects, or dicts
            if fields.get("kind") == "heading":
                start, end = int(fields["start"]), int(fields["end"])
                title = document.text[start:end]
                self.targets.setdefault(slug(title), start)
                self.targets.setdefault(slug(_NUMBER.sub("", title, count=1)), start)

    def target(self, url: str) -> int | None:
        """The offset an internal link points at, or None (an outside link, an unknown id)."""
        if is_external(url) or "#" not in url:
            return None
        fragment = unquote(url.split("#", 1)[1])
        unescaped = _TEXINFO_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), fragment)
        for key in (fragment, slug(fragment), slug(unescaped)):
            if key in self.targets:
                return self.targets[key]
        return None


class History:
    """The places jumped away from, newest last (frogmouth's History, as offsets)."""

    def __init__(self, places: Sequence[int] = ()) -> None:
        self.places: list[int] = list(places)

    def push(self, offset: int) -> None:
        if not self.places or self.places[-1] != offset:
            self.places = [*self.places, offset][-HISTORY:]

    def back(self) -> int | None:
        return self.places.pop() if self.places else None

    def __len__(self) -> int:
        return len(self.places)
