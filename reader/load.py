"""Turn paths, folders and stdin into Documents: decode, normalise newlines, detect format.

Only line endings change: CRLF and CR become LF and a leading BOM is dropped, so
offsets into ``Document.text`` stay faithful to what the user wrote.
"""

from __future__ import annotations

import errno
import math
import os
import re
import select
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from reader import formats
from reader.model import Document

TEXT_SUFFIXES = set(formats.SUFFIXES)  # every suffix a format reads, for folders
FOLDER_EMPTY = "folder has no documents (.txt, .md, .html, .epub, .pdf, .docx, .srt, .vtt)"
DEFAULT_MAX_MB = 64
MAX_MB_ENV = "READER_MAX_MB"
# A named pipe nobody writes to would block the open for ever; wait this long for a writer.
FIFO_WAIT_SECONDS = 10.0
BLOCK = 1 << 16
GZIP_MAGIC = b"\x1f\x8b"
ZIP_MAGIC = b"PK\x03\x04"
WESTERN = ("cp1252", "latin_1", "iso8859_15")
# Bytes that are not UTF-8, kept by surrogateescape, read as cp1252 (undefined ones as U+FFFD).
_STRAY = re.compile("[\udc80-\udcff]")
_STRAY_AS_CP1252 = {0xDC00 + b: (bytes([b]).decode("cp1252", errors="replace") or "\ufffd") for b in range(0x80, 0x100)}
_ASCII = bytes(range(0x80))


class LoadError(Exception):
    """A path that cannot be read as a document; ``str()`` is the one-line reason."""

    def __init__(self, source: str, reason: str):
        super().__init__(reason)
        self.source = source
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


class UsageError(Exception):
    """Wrong usage (a bad setting or argument): one line and exit code 2."""


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
    """The size limit from READER_MAX_MB (megabytes); UsageError unless a positive finite number."""
    raw = os.environ.get(MAX_MB_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_MB * 2**20
    try:
        mb = float(raw)
    except ValueError:
        mb = math.nan
    if not (math.isfinite(mb) and mb > 0):
        raise UsageError(f"{MAX_MB_ENV}={raw!r}: needs a positive number of megabytes, such as {DEFAULT_MAX_MB}")
    return max(1, int(mb * 2**20))


def _megabytes(n: int) -> str:
    mb = n / 2**20
    return f"{mb:.0f} MB" if mb >= 10 else f"{mb:.3g} MB"


def normalise_newlines(text: str) -> str:
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes to text and name the encoding used. Never raises."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # A lone surrogate or an odd byte count costs one replacement character, not the document.
        return data.decode("utf-16", errors="replace"), "utf-16"
    utf16 = utf16_without_bom(data)  # before UTF-8: NULs are valid UTF-8
    if utf16:
        return data.decode(utf16, errors="replace"), utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly, "utf-8 with cp1252 bytes"
    return _decode_detected(data)


def utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 by its NUL pattern: Latin-script text has a NUL in every other byte, on one side only."""
    pairs = len(data) // 2
    if pairs < 2 or b"\x00" not in data:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if odd >= 0.3 * pairs and even <= 0.02 * pairs:
        return "utf-16-le"
    if even >= 0.3 * pairs and odd <= 0.02 * pairs:
        return "utf-16-be"
    return None


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with some bytes that are not (a cut last character, a stray Latin-1 £); None if legacy.

    Valid multi-byte sequences almost never occur by chance in legacy encodings, so when they
    outnumber the bad bytes the file is UTF-8; a file with few non-ASCII bytes at all is kept
    as UTF-8 too, since detectors guess wildly on so little evidence.
    """
    text = data.decode("utf-8", errors="surrogateescape")
    bad = len(_STRAY.findall(text))
    high = len(data) - len(data.translate(None, _ASCII))
    if high - bad >= bad or high <= max(8, len(data) // 50):
        return text.translate(_STRAY_AS_CP1252)
    return None


def _decode_detected(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    encoding = best.encoding if best is not None else "cp1252"
    if best is not None and encoding not in WESTERN:
        # Latin-1 French ties between cp1250 and cp1252: prefer the Western one.
        tied = [m.encoding for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
        encoding = next((e for e in WESTERN if e in tied), encoding)
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        return data.decode("cp1252", errors="replace"), "cp1252"


def looks_binary(data: bytes) -> bool:
    """A NUL anywhere in the input (a linear scan), unless it is UTF-16 text."""
    if b"\x00" not in data:
        return False
    return not (data.startswith((b"\xff\xfe", b"\xfe\xff")) or utf16_without_bom(data))


def document_from_bytes(source: str, data: bytes, as_format: str | None = None) -> Document:
    """Bytes -> Document through the format registry (``as_format`` overrides detection).

    Gzip-compressed input (``notes.txt.gz``, ``zcat``-less pipes) is inflated first, up to the size
    limit, and detected by the name without ``.gz``.
    """
    name = source
    if data.startswith(GZIP_MAGIC):
        data = _gunzip(source, data, max_bytes())
        name = source[:-3] if source.lower().endswith(".gz") else source
    fmt = as_format or formats.detect_format(name, data)
    try:
        if fmt in formats.BYTES_FORMATS:
            return formats.read(source, data, fmt, max_bytes())
        doc = _text_document(source, formats.unmark(data, fmt))
        return doc if fmt == "text" or not doc.text.strip() else formats.parse(doc, fmt)
    except formats.FormatError as exc:
        raise LoadError(source, str(exc)) from None
    except LoadError:
        raise
    except Exception as exc:  # a reader's bug on hostile input: one line, as the analysis does (READER_DEBUG=1: raise)
        if os.environ.get("READER_DEBUG"):
            raise
        reason = " ".join(str(exc).split())[:200]
        why = f"cannot read it as {fmt}: {type(exc).__name__}: {reason} (READER_DEBUG=1 shows where)"
        raise LoadError(source, why) from None


def _gunzip(source: str, data: bytes, limit: int) -> bytes:
    """The inflated bytes of a gzip file (every member), never more than ``limit``."""
    import zlib

    out: list[bytes] = []
    size = 0
    while data.startswith(GZIP_MAGIC):
        inflater = zlib.decompressobj(wbits=31)
        try:
            piece = inflater.decompress(data, limit + 1 - size)
        except zlib.error:
            raise LoadError(source, "is a corrupt gzip file") from None
        size += len(piece)
        out.append(piece)
        if size > limit or inflater.unconsumed_tail:
            raise LoadError(source, f"inflates past the {_megabytes(limit)} limit ({MAX_MB_ENV}=N raises it)")
        if not inflater.eof:
            raise LoadError(source, "is a truncated gzip file")
        data = inflater.unused_data
    return b"".join(out)


def _text_document(source: str, data: bytes) -> Document:
    if data.startswith(ZIP_MAGIC):
        raise LoadError(source, "is a zip archive (not EPUB or DOCX): extract it and open the files inside")
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


def os_reason(exc: OSError) -> str:
    """The one-line reason for an OSError, in the words of the rest of the tool."""
    reasons = {
        errno.ENOENT: "no such file or directory",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.EISDIR: "is a directory",
        errno.ELOOP: "is a symbolic link loop (too many levels of links)",
        errno.ENAMETOOLONG: "file name too long",
        errno.ENOTDIR: "a part of the path is not a folder",
        errno.ENXIO: "is a socket or a device with nothing behind it, not a file",
    }
    return reasons.get(exc.errno or 0) or (exc.strerror or str(exc)).lower()


def read_path(path: Path, source: str | None = None, as_format: str | None = None) -> Document:
    """One file, FIFO or device. Over the size limit only the leading part is read (with a note)."""
    source = source or str(path)
    limit = max_bytes()
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise LoadError(source, "is a directory")
        if stat.S_ISSOCK(info.st_mode):
            raise LoadError(source, "is a socket, not a file")
        if stat.S_ISFIFO(info.st_mode):
            data = _read_fifo(path, source, limit)
        else:
            with open(path, "rb") as stream:
                data = _read_limited(stream, limit)
    except LoadError:
        raise
    except OSError as exc:
        raise LoadError(source, os_reason(exc)) from None
    size = info.st_size if stat.S_ISREG(info.st_mode) else None
    if size is None:
        return _with_limit_note(source, data, limit, size, as_format)
    from reader.formats.includes import reading

    with reading(path, limit):  # the formats may include files relative to this one
        return _with_limit_note(source, data, limit, size, as_format)


def _read_limited(stream: BinaryIO, limit: int) -> bytes:
    """At most ``limit + 1`` bytes: enough to know the input is over the limit, never more."""
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        wanted = min(BLOCK, limit + 1 - size)
        block = stream.read(wanted)
        chunks.append(block)
        size += len(block)
        if len(block) < wanted:
            # A buffered read is short only at the end; a terminal's Ctrl-D is not asked twice.
            break
    return b"".join(chunks)


def _read_fifo(path: Path, source: str, limit: int) -> bytes:
    """A named pipe: wait a while for a writer instead of blocking in open() for ever."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        if not str(path).startswith(("/dev/fd/", "/proc/")):
            ready, _, _ = select.select([fd], [], [], FIFO_WAIT_SECONDS)
            if not ready:
                raise LoadError(source, f"is a named pipe and nothing wrote to it in {FIFO_WAIT_SECONDS:.0f} s")
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as stream:
            return _read_limited(stream, limit)
    finally:
        os.close(fd)


def _with_limit_note(source: str, data: bytes, limit: int, size: int | None, as_format: str | None = None) -> Document:
    """The document; over the limit, its leading part up to the last line end, with a note saying so."""
    if len(data) <= limit:
        return document_from_bytes(source, data, as_format)
    fmt = as_format or formats.detect_format(source, data[:BLOCK])
    if data.startswith(GZIP_MAGIC) or fmt in formats.BINARY_FORMATS:
        # A cut PDF, EPUB, DOCX or gzip file is no document at all: refuse it, naming the limit.
        whole = f"is {_megabytes(size)}, " if size else "is "
        raise LoadError(source, f"{whole}over the {_megabytes(limit)} limit ({MAX_MB_ENV}=N raises it)")
    data = data[:limit]
    cut = data.rfind(b"\n", len(data) // 2)
    data = data[: cut + 1] if cut >= 0 else data
    doc = document_from_bytes(source, data, as_format)
    whole = f" of {_megabytes(size)}" if size else ""
    note = (
        f"only the first {_megabytes(len(data))}{whole} read: "
        f"over the {_megabytes(limit)} limit ({MAX_MB_ENV}=N raises it)"
    )
    return replace(doc, notes=(note, *doc.notes))


def read_stdin(as_format: str | None = None) -> Document:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise LoadError("-", "standard input is not available")
    limit = max_bytes()
    try:
        data = _read_limited(stream, limit)
    except OSError as exc:
        raise LoadError("-", os_reason(exc)) from None
    return _with_limit_note("-", data, limit, None, as_format)


def _is_regular_or_unreadable(path: Path) -> bool:
    """Regular files are read from folders; FIFOs, sockets and devices are not. An error is kept to be reported."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return True


def folder_files(folder: Path, errors: list[LoadError] | None = None) -> list[Path]:
    """Text files below ``folder``, recursively, in sorted path order; hidden ones and special files skipped.

    Sub-folders that cannot be listed are reported in ``errors`` when given.
    """

    def unlistable(exc: OSError) -> None:
        if errors is not None and exc.filename is not None:
            errors.append(LoadError(os.fsdecode(exc.filename), os_reason(exc)))

    found = []
    for root, dirs, files in os.walk(folder, onerror=unlistable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(root) / name
            if _readable_suffix(name) and _is_regular_or_unreadable(path):
                found.append(path)
    return sorted(found)


def _readable_suffix(name: str) -> bool:
    """A suffix a format reads, or that suffix gzipped (``notes.md.gz``; not ``logs.tar.gz``)."""
    if not name.lower().endswith(".gz"):
        return Path(name).suffix.lower() in TEXT_SUFFIXES or bool(formats.MAN_SUFFIX.search(name))
    inner = Path(name[:-3]).suffix.lower()
    return bool(inner) and inner in TEXT_SUFFIXES or bool(formats.MAN_SUFFIX.search(name[:-3]))


def expand(paths: list[str]) -> Iterator[tuple[str, Path | None] | LoadError]:
    """Each path as (source, file) in order; folders expanded; ``-`` is stdin (file None)."""
    for raw in paths:
        if raw == "-":
            yield ("-", None)
            continue
        path = Path(raw)
        try:
            info = os.stat(path)
        except OSError as exc:
            yield LoadError(raw, _missing_reason(path, exc))
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _expand_folder(raw, path)
        else:
            yield (raw, path)


def _missing_reason(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ENOENT and os.path.islink(path):
        return "is a symbolic link to a missing file"
    return os_reason(exc)


def _expand_folder(raw: str, path: Path) -> Iterator[tuple[str, Path | None] | LoadError]:
    if not os.access(path, os.R_OK | os.X_OK):
        yield LoadError(raw, "permission denied")
        return
    errors: list[LoadError] = []
    files = folder_files(path, errors)
    yield from errors
    if not files and not errors:
        yield LoadError(raw, FOLDER_EMPTY)
    for file in files:
        yield (str(file), file)


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
