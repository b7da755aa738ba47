"""Text a user hands over as a file or as standard input (``-``), read line by line."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from bot.errors import InputError


def read_lines(source: str, what: str = "", hint: str = "Check the file path.") -> Iterator[str]:
    """Lines of the file ``source`` (or of stdin for ``-``) without their line endings,
    decoded leniently (bad bytes become U+FFFD). A file that cannot be opened or read is an
    InputError naming it (``what`` says what it was meant to be: "the question log")."""
    name = f"{what} {source!r}".strip()
    stream: IO[bytes]
    if source == "-":
        stream = sys.stdin.buffer
    else:
        try:
            stream = Path(source).open("rb")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise InputError(f"Cannot read {name}: {exc.strerror}.", hint=hint) from exc
    try:
        for raw in stream:
            yield raw.decode("utf-8", errors="replace").rstrip("\r\n")
    except OSError as exc:
        raise InputError(f"Cannot read {name}: {exc.strerror}.", hint=hint) from exc
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
