"""One error type for everything a trainer can get wrong, printed as one line.

Format: ``path:line: message`` (line omitted when unknown). The message is in
Chinese and says what to change, never how Python failed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass
class HandbookError(Exception):
    """A mistake in a page, a data file or a macro call, located in a file."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"

    def github_annotation(self) -> str:
        """The same error as a GitHub Actions annotation on the changed line."""
        line = f",line={self.line}" if self.line is not None else ""
        return f"::error file={self.path}{line}::{self.message}"


class HandbookErrors(Exception):
    """Several errors found in one pass; reported together, one per line."""

    def __init__(self, errors: list[HandbookError]):
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors


def report(error: HandbookError | HandbookErrors) -> str:
    """Text to print for an error; adds GitHub annotations when run in Actions."""
    errors = error.errors if isinstance(error, HandbookErrors) else [error]
    lines = [str(e) for e in errors]
    if os.environ.get("GITHUB_ACTIONS") == "true":
        lines += [e.github_annotation() for e in errors]
    return "\n".join(lines)
