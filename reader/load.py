"""Turn paths, folders and stdin into Documents: decode, normalise newlines, detect format.

Only line endings change: CRLF and CR become LF and a leading BOM is dropped, so
offsets into ``Document.text`` stay faithful to what the user wrote.
"""

from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from reader import formats
from reader.model import Document

TEXT_SUFFIXES = set(formats.SUFFIXES)  # every suffix a format reads, for folders
FOLDER_EMPTY = "folder has no documents (.txt, .md, .html, .epub, .pdf, .docx, .srt, .vtt)"
DEFAULT_MAX_MB = 64
MAX_MB_ENV = "READER_MAX_MB"


class LoadError(Exception):
    """A path that cannot be read as a document; ``str()`` is the one-line reason."""

    def __init__(self, source: str, reason: str):
        super().__init__(reason)
        self.source = source
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(frozen=True)
class Loaded:
    """One item of a load: a document, or the error that stood in its place."""

    source: str
    document: Document | None = None
    error: LoadError | None = None


def seeds_dir() -> Path:
    """The bundled seed documents; they ship inside the package."""
    return Path(__file__).resolve().parent / "seeds"


def max_bytes() -> int:
    raw = os.environ.get(MAX_MB_ENV, "")
    try:
        mb = float(raw) if raw else DEFAULT_MAX_MB
    except ValueError:
        mb = DEFAULT_MAX_MB
    return int(mb * 1024 * 1024)


def normalise_newlines(text: str) -> str:
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes to text and name the encoding used. Never raises."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for bom, name in ((b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                break
    return _decode_detected(data)


def _legacy_byte(err: UnicodeDecodeError) -> tuple[str, int]:
    bad = err.object[err.start : err.end]
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in bad), err.end


codecs.register_error("reader-cp1252", _legacy_byte)


def _decode_detected(data: bytes) -> tuple[str, str]:
    high = sum(1 for b in data if b >= 0x80)
    if high <= max(8, len(data) // 50):
        # Mostly ASCII with a stray legacy byte (a raw Latin-1 £): detectors guess
        # wildly on so little evidence; keep the UTF-8 and read the stray bytes as cp1252.
        return data.decode("utf-8", errors="reader-cp1252"), "utf-8 with cp1252 bytes"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    encoding = best.encoding if best is not None else "cp1252"
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        return data.decode("cp1252", errors="replace"), "cp1252"


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" not in sample:
        return False
    # UTF-16 text has NULs too; it announces itself with a BOM.
    return not sample.startswith((b"\xff\xfe", b"\xfe\xff"))


def document_from_bytes(source: str, data: bytes, as_format: str | None = None) -> Document:
    """Bytes -> Document through the format registry (``as_format`` overrides detection)."""
    fmt = as_format or formats.detect_format(source, data)
    try:
        if fmt in formats.BINARY_FORMATS:
            return formats.read(source, data, fmt, max_bytes())
        doc = _text_document(source, data)
        return doc if fmt == "text" or not doc.text.strip() else formats.parse(doc, fmt)
    except formats.FormatError as exc:
        raise LoadError(source, str(exc)) from None


def _text_document(source: str, data: bytes) -> Document:
    if looks_binary(data):
        raise LoadError(source, "is a binary file (it has NUL bytes), not text")
    text, encoding = decode(data)
    text = normalise_newlines(text)
    notes: tuple[str, ...] = ()
    if not text.strip():
        notes = ("empty document",)
    elif encoding != "utf-8":
        notes = (f"not UTF-8; decoded as {encoding}",)
    return Document(source, text, "text", encoding, notes)


def read_path(path: Path, source: str | None = None, as_format: str | None = None) -> Document:
    source = source or str(path)
    limit = max_bytes()
    try:
        size = path.stat().st_size
        if size > limit:
            raise LoadError(
                source,
                f"is {size / 2**20:.0f} MB, over the {limit / 2**20:.0f} MB limit (set {MAX_MB_ENV}=N to raise it)",
            )
        data = path.read_bytes()
    except LoadError:
        raise
    except FileNotFoundError:
        raise LoadError(source, "no such file or directory") from None
    except PermissionError:
        raise LoadError(source, "permission denied") from None
    except IsADirectoryError:
        raise LoadError(source, "is a directory") from None
    except OSError as exc:
        raise LoadError(source, exc.strerror or str(exc)) from None
    return document_from_bytes(source, data, as_format)


def read_stdin(as_format: str | None = None) -> Document:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise LoadError("-", "standard input is not available")
    limit = max_bytes()
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise LoadError("-", f"is over the {limit / 2**20:.0f} MB limit (set {MAX_MB_ENV}=N to raise it)")
    return document_from_bytes("-", data, as_format)


def folder_files(folder: Path) -> list[Path]:
    """Text files below ``folder``, recursively, in sorted path order; hidden ones skipped."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            if Path(name).suffix.lower() in TEXT_SUFFIXES:
                found.append(Path(root) / name)
    return sorted(found)


def expand(paths: list[str]) -> Iterator[tuple[str, Path | None] | LoadError]:
    """Each path as (source, file) in order; folders expanded; ``-`` is stdin (file None)."""
    for raw in paths:
        if raw == "-":
            yield ("-", None)
            continue
        path = Path(raw)
        if path.is_dir():
            if not os.access(path, os.R_OK | os.X_OK):
                yield LoadError(raw, "permission denied")
                continue
            files = folder_files(path)
            if not files:
                yield LoadError(raw, FOLDER_EMPTY)
            for file in files:
                yield (str(file), file)
        elif path.exists():
            yield (raw, path)
        else:
            yield LoadError(raw, "no such file or directory")


def load_all(paths: list[str] | None = None, as_format: str | None = None) -> Iterator[Loaded]:
    """Load documents lazily, in path order; errors come in place, never raised."""
    default = not paths
    for item in expand(paths or [str(seeds_dir())]):
        if default and not isinstance(item, LoadError):
            # Show bundled documents as seeds/NAME wherever the package is installed.
            item = ("seeds/" + Path(item[0]).relative_to(seeds_dir()).as_posix(), item[1])
        if isinstance(item, LoadError):
            yield Loaded(item.source, error=item)
            continue
        source, file = item
        try:
            doc = read_stdin(as_format) if file is None else read_path(file, source, as_format)
        except LoadError as exc:
            yield Loaded(source, error=exc)
        else:
            yield Loaded(source, document=doc)


def load(path: str, as_format: str | None = None) -> Document:
    """One document from one path (``-`` for stdin); raises LoadError."""
    if path == "-":
        return read_stdin(as_format)
    return read_path(Path(path), as_format=as_format)
