"""Errors that reach the user as a message and an exit code, never as a traceback."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a content file, located as the editor shows it (1-based)."""

    file: str
    line: int
    col: int
    field: str
    message: str

    def __str__(self) -> str:
        field = f"{self.field}: " if self.field else ""
        return f"{self.file}:{self.line}:{self.col}: {field}{self.message}"


class UserError(Exception):
    """A mistake in the user's input: printed as is, exit code `code`."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code


class ContentError(UserError):
    """A content file (level, economy, save) with one or more located problems."""

    def __init__(self, problems: list[Problem], code: int = 2) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems), code)
