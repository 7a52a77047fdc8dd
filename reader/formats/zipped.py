"""Reading members of a zip (EPUB, DOCX) with bounded memory: a corrupt zip or a zip bomb is one error."""

from __future__ import annotations

import io
import zipfile
import zlib

from reader.formats import FormatError


class Archive:
    """A zip opened from bytes; ``read`` never inflates more than ``limit`` bytes in all."""

    def __init__(self, data: bytes, limit: int, what: str):
        self.what = what
        self.left = limit
        self.limit = limit
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
            raise FormatError(f"is a corrupt or truncated {what} (not a readable zip)") from None
        self.names = set(self.zip.namelist())

    def has(self, name: str) -> bool:
        return name in self.names

    def read(self, name: str) -> bytes:
        if name not in self.names:
            raise FormatError(f"{self.what} has no {name}")
        try:
            with self.zip.open(name) as member:
                data = member.read(self.left + 1)
        except (
            zipfile.BadZipFile,
            zlib.error,
            EOFError,
            OSError,
            NotImplementedError,
            RuntimeError,
            ValueError,
        ) as exc:
            reason = "is encrypted" if "encrypted" in str(exc) else "is corrupt or truncated"
            raise FormatError(f"{self.what} member {name} {reason}") from None
        if len(data) > self.left:
            mb = self.limit / 2**20
            raise FormatError(f"{self.what} inflates past the {mb:.0f} MB limit (a zip bomb?) at {name}")
        self.left -= len(data)
        return data
