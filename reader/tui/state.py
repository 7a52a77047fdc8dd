"""What the reader remembers between runs, in the user's state directory.

Per document, keyed by its path and a hash of its content: the reading position,
the summary algorithm, length and scope, and bookmarks. For every document: the
theme and which panes are shown. One JSON file, written whole (to a temporary
file, then renamed); a file that cannot be read is ignored with a note.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

from reader.model import Document
from reader.tui.session import DocumentState, SummarySettings

KEPT = 500  # documents remembered; the least recently read are forgotten first


def document_key(document: Document) -> str:
    source = document.source
    if source != "-":
        source = os.path.abspath(source)
    digest = hashlib.sha256(document.text.encode("utf-8", "surrogatepass")).hexdigest()[:24]
    return hashlib.sha256(f"{source}\0{digest}".encode("utf-8", "surrogatepass")).hexdigest()[:32]


class Store:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.notes: list[str] = []
        self.data: dict[str, Any] = {"documents": {}, "global": {}}
        self._load()

    @classmethod
    def default(cls) -> Store:
        import platformdirs

        return cls(Path(platformdirs.user_state_dir("reader")) / "state.json")

    def _load(self) -> None:
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return
        except (OSError, UnicodeDecodeError) as exc:
            self.notes.append(f"state file {self.path} cannot be read ({type(exc).__name__}): not used")
            return
        try:
            data = json.loads(raw)
            if not isinstance(data.get("documents"), dict) or not isinstance(data.get("global"), dict):
                raise ValueError("not a reader state file")
        except (ValueError, AttributeError) as exc:
            self.notes.append(f"state file {self.path} is corrupt ({exc}): starting afresh")
            return
        self.data = data

    def document(self, document: Document) -> dict[str, Any]:
        found = self.data["documents"].get(document_key(document))
        return found if isinstance(found, dict) else {}

    def remember(self, document: Document, entry: dict[str, Any]) -> None:
        documents = self.data["documents"]
        key = document_key(document)
        documents.pop(key, None)
        documents[key] = entry  # last in order: the most recently read
        while len(documents) > KEPT:
            documents.pop(next(iter(documents)))

    @property
    def settings(self) -> dict[str, Any]:
        return self.data["global"]

    def save(self) -> None:
        """Write the file; a failure is a note, never an error (the reading is what matters)."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".state-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(self.data, out)
            os.replace(temporary, self.path)
        except OSError as exc:
            self.notes.append(f"state file {self.path} cannot be written: {exc.strerror or exc}")


def number(value: Any, default: int | None = None) -> int | None:
    """A remembered integer, or ``default`` when it is not one (a hand-edited file)."""
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else default


def restore(store: Store, state: DocumentState, settings: SummarySettings) -> None:
    """Apply what ``store`` remembers of this document (once a run): place, bookmarks, summary settings."""
    if state.restored:
        return
    state.restored = True
    entry = store.document(state.document)
    if not entry:
        return
    position = number(entry.get("position"))
    if position is not None:  # a place was kept, the very top (0) included: no jump to the body
        state.position, state.placed = position, True
    state.bookmarks = sorted({b for b in entry.get("bookmarks", []) if number(b) is not None})
    settings.algorithm = entry["algorithm"] if isinstance(entry.get("algorithm"), str) else None
    settings.sentences = number(entry.get("sentences")) or None
    settings.section_scope = entry.get("scope") is True


def entry(state: DocumentState, settings: SummarySettings) -> dict[str, Any]:
    """What is remembered of a document."""
    return {
        "position": state.position if state.placed or state.position else None,  # None: open at the body
        "algorithm": settings.algorithm,
        "sentences": settings.sentences,
        "scope": settings.section_scope,
        "bookmarks": state.bookmarks,
    }


def panes(store: Store) -> tuple[bool, bool] | None:
    """The (outline, side panes) the user last chose, if any."""
    chosen = store.settings.get("panes")
    if isinstance(chosen, list) and len(chosen) == 2:
        return bool(chosen[0]), bool(chosen[1])
    return None


def file_stamp(source: str) -> tuple[int, float] | None:
    """Size and modification time of a regular file, to notice that it changed."""
    if source == "-":
        return None
    try:
        found = os.stat(source)
    except OSError:
        return None
    return (found.st_size, found.st_mtime) if stat.S_ISREG(found.st_mode) else None
