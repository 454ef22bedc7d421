"""Reading a file's bytes and decoding them: what a run needs before it knows whether to parse.

A run whose files are all in the result cache reads and hashes them and never
parses YAML or Markdown, so this module imports neither parser.
"""

from __future__ import annotations

import codecs
import stat
from pathlib import Path

from .model import LoadError, Span


def decode(data: bytes) -> tuple[str | None, LoadError | None]:
    """Decode bytes as UTF-8 (or UTF-16/32 with a BOM); locate invalid bytes."""
    for bom, enc in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(enc), None
            except UnicodeDecodeError as exc:
                return None, LoadError(
                    f"invalid {enc} at byte {exc.start}",
                    Span.point(1, 1),
                    "bad-encoding",
                    {"encoding": enc, "byte": exc.start},
                )
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        head = data[: exc.start]
        line = head.count(b"\n") + 1
        col = len(head[head.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1  # in characters, like every column
        return None, LoadError(
            f"invalid UTF-8 at byte {exc.start} (line {line}, column {col}); save the file as UTF-8",
            Span.point(line, col),
            "bad-utf8",
            {"byte": exc.start},
        )


def read_path(path: Path, max_size: int) -> tuple[bytes | None, LoadError | None]:
    """The bytes of one regular file, at most ``max_size`` of them; every failure is a LoadError."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            return None, LoadError("this is a directory, not a file", Span.point(1, 1), "directory")
        if not stat.S_ISREG(info.st_mode):  # a FIFO or device would block or never end
            return None, LoadError(
                "this is not a regular file (a pipe or device?); use '-' to read standard input",
                Span.point(1, 1),
                "not-regular",
            )
        too_big = f"over the limit of {max_size:,} bytes (max_file_size); split it or raise the limit"
        if info.st_size > max_size:
            return None, LoadError(
                f"the file is {info.st_size:,} bytes, {too_big}",
                Span.point(1, 1),
                "too-big",
                {"size": info.st_size, "max": max_size},
            )
        with open(path, "rb") as fh:
            data = fh.read(max_size + 1)  # bounded even if the file grows while it is read
        if len(data) > max_size:
            return None, LoadError(
                f"the file grew while it was read and is now {too_big}", Span.point(1, 1), "grew", {"max": max_size}
            )
    except IsADirectoryError:
        return None, LoadError("this is a directory, not a file", Span.point(1, 1), "directory")
    except OSError as exc:
        return None, LoadError(
            f"cannot read the file: {exc.strerror or exc}",
            Span.point(1, 1),
            "unreadable",
            {"detail": str(exc.strerror or exc)},
        )
    return data, None
