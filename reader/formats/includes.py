"""Files a markup source includes (LaTeX ``\\input``, RST ``.. include::``, AsciiDoc ``include::``, Org
``#+INCLUDE:``), read for the format readers within the limits a user expects.

The loader says which file the text being parsed came from (``reading``); a text with no file behind it
(standard input, a string) has no session, and its include directives are left as they were. Each format
finds its own directives and splices what ``Session.read`` gives back into its source before parsing, so
the merged text is the document's text and every span stays an index into it. Never followed: a URL, a
device or anything not a regular file, a file that is not text, a file already being included (a loop),
deeper than ``MAX_DEPTH`` levels, more than ``MAX_FILES`` files, or past the loader's size limit.
A file that cannot be read is one note on the document, never an error.
"""

from __future__ import annotations

import contextvars
import os
import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

MAX_DEPTH = 16  # nested includes (a thesis -> chapter -> section -> figure is four)
MAX_FILES = 2000  # included files read for one document, repeats counted
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_SYSTEM = ("/dev/", "/proc/", "/sys/")


@dataclass
class Session:
    """One document's includes: where it is, what it may still read, and the notes to give it."""

    root: Path  # the file the loader read
    limit: int  # bytes the merged source may reach (the loader's limit)
    size: int = 0
    files: int = 0
    notes: dict[str, None] = field(default_factory=dict)

    def note(self, name: str, why: str) -> None:
        self.notes[f"{_shown(name)}: {why}"] = None

    def read(
        self, name: str, chain: tuple[Path, ...], bases: tuple[Path, ...], suffixes: tuple[str, ...] = ("",)
    ) -> tuple[str, Path] | None:
        """The text of the file ``name`` names and its resolved path, or None (with a note saying why).

        ``chain`` holds the files being included now, root first; ``bases`` the folders tried in order;
        each suffix is tried after the name as written (``""`` for the name itself)."""
        name = name.strip()
        if not name or "\x00" in name:
            return None
        if _URL.match(name):
            self.note(name, "a URL: not read (only local files are included)")
            return None
        if len(chain) > MAX_DEPTH:
            self.note(name, f"includes nested deeper than {MAX_DEPTH} levels: not read")
            return None
        path = _find(name, bases, suffixes)
        if path is None:
            self.note(name, "included file not found")
            return None
        if path in chain:
            self.note(name, "an include loop (the file is already being read): not read again")
            return None
        return self._load(name, path)

    def _load(self, name: str, path: Path) -> tuple[str, Path] | None:
        if str(path).startswith(_SYSTEM):
            self.note(name, "a system file: not read")
            return None
        if self.files >= MAX_FILES:
            self.note(name, f"more than {MAX_FILES} included files: not read")
            return None
        try:
            info = os.stat(path)
            if not stat.S_ISREG(info.st_mode):
                self.note(name, "not a regular file: not read")
                return None
            if self.size + info.st_size > self.limit:
                self.note(name, "not read: the document reached the size limit (READER_MAX_MB=N raises it)")
                return None
            with open(path, "rb") as stream:
                data = stream.read(self.limit - self.size + 1)
        except OSError as exc:
            self.note(name, f"cannot be read ({(exc.strerror or str(exc)).lower()})")
            return None
        return self._decoded(name, path, data)

    def _decoded(self, name: str, path: Path, data: bytes) -> tuple[str, Path] | None:
        from reader.load import ZIP_MAGIC, decode, looks_binary, normalise_newlines

        if looks_binary(data) or data.startswith((ZIP_MAGIC, b"\x1f\x8b", b"%PDF-")):
            self.note(name, "not a text file: not read")
            return None
        if self.size + len(data) > self.limit:
            self.note(name, "not read: the document reached the size limit (READER_MAX_MB=N raises it)")
            return None
        self.size += len(data)
        self.files += 1
        text, _ = decode(data)
        return normalise_newlines(text), path


def _shown(name: str) -> str:
    """A name as a note shows it: one line, at most 80 characters."""
    name = " ".join(name.split())
    return name if len(name) <= 80 else name[:79] + "…"


def _find(name: str, bases: tuple[Path, ...], suffixes: tuple[str, ...]) -> Path | None:
    """The first existing file for ``name`` in ``bases`` with one of ``suffixes``, resolved (links followed)."""
    raw = Path(os.path.expanduser(name)) if name.startswith("~/") else Path(name)
    for base in (Path("/"),) if raw.is_absolute() else bases:
        for suffix in suffixes:
            candidate = base / (raw.as_posix() + suffix)
            try:
                if candidate.exists() and not candidate.is_dir():
                    return candidate.resolve()
            except (OSError, ValueError):
                continue
    return None


_CURRENT: contextvars.ContextVar[Session | None] = contextvars.ContextVar("reader_includes", default=None)


@contextmanager
def reading(path: Path, limit: int) -> Iterator[None]:
    """While the loader parses ``path``: the formats may include files relative to it."""
    try:
        root = path.resolve()
    except (OSError, RuntimeError):
        yield
        return
    token = _CURRENT.set(Session(root, limit))
    try:
        yield
    finally:
        _CURRENT.reset(token)


def session(source_size: int) -> Session | None:
    """The include session of the document being parsed (its own size counted), or None without a file."""
    found = _CURRENT.get()
    if found is None:
        return None
    return Session(found.root, found.limit, size=source_size)


def lines_range(lines: list[str], spec: str) -> list[str]:
    """``lines`` chosen by a spec such as ``1..10;15`` (AsciiDoc), ``3-5,9`` (Sphinx) or ``"-5"`` (Org):
    1-based and inclusive, an open end meaning the last line; a spec that names no line keeps all."""
    chosen: list[str] = []
    spec = spec.strip().strip('"')
    for part in re.split(r"[;,\s]+", spec):
        m = re.fullmatch(r"(\d*)(?:(\.\.|-)(-1|\d*))?", part)
        if not part or m is None:
            continue
        first = int(m.group(1)) if m.group(1) else 1
        last = first if m.group(2) is None else int(m.group(3)) if m.group(3) not in ("", "-1") else len(lines)
        chosen.extend(lines[max(first, 1) - 1 : last])
    return chosen if spec else lines
