"""The result of one executor request (the CLI/JSON contract of issue 3)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExecResult:
    """What a successful request returns: a table and/or text, already redacted and capped."""

    op: str                                  # operation id, e.g. "ps", "logs"
    host: str                                # host alias
    columns: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    text: str = ""                           # log lines, or the "... N more" note
    truncated: bool = False
    redactions: int = 0                      # masks applied (audit only)

    def to_dict(self) -> dict[str, object]:
        return {
            "ok": True,
            "op": self.op,
            "host": self.host,
            "columns": list(self.columns),
            "rows": [list(row) for row in self.rows],
            "text": self.text,
            "truncated": self.truncated,
        }

    @property
    def size(self) -> int:
        """UTF-8 bytes returned (cells and text), for the audit log."""
        cells = sum(len(cell.encode()) for row in self.rows for cell in row)
        return len(self.text.encode()) + cells
