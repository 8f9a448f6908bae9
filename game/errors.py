"""Errors that reach the user as a message and an exit code, never as a traceback."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from game.i18n import format_text, lang_of

# A message as translatable parts: each a template (marked with N_ where it is written) and
# its arguments; a command run with --lang shows the parts in that language (game.cli).
Part = tuple[str, tuple[tuple[str, Any], ...]]


def part(template: str, **args: Any) -> Part:
    return (template, tuple(args.items()))


@dataclass(frozen=True)
class Nested:
    """A translatable text given as the argument of another part (an OS error's reason in
    "cannot read: {why}"): rendered in the same language as the part around it."""

    parts: tuple[Part, ...]

    def __str__(self) -> str:
        return render(self.parts)


def render(parts: tuple[Part, ...], gettext: Callable[[str], str] = str) -> str:
    """The parts in one language (English with the identity `gettext`); numbers written as
    that language writes them when `gettext` is a Translator's (its `lang`)."""
    lang = lang_of(gettext)
    return "".join(
        format_text(
            gettext(t), lang, **{k: render(v.parts, gettext) if isinstance(v, Nested) else v for k, v in a}
        )
        for t, a in parts
    )


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a content file, located as the editor shows it (1-based)."""

    file: str
    line: int
    col: int
    field: str
    message: str
    parts: tuple[Part, ...] = ()  # the message, translatable (when it was written so)

    @classmethod
    def of(cls, file: str, line: int, col: int, field: str, template: str, **args: Any) -> Problem:
        """A problem whose message is one translatable part (its English is the message)."""
        said = (part(template, **args),)
        return cls(file, line, col, field, render(said), said)

    def __str__(self) -> str:
        return self.words()

    def words(self, gettext: Callable[[str], str] = str) -> str:
        field = f"{self.field}: " if self.field else ""
        message = render(self.parts, gettext) if self.parts else self.message
        return f"{self.file}:{self.line}:{self.col}: {field}{message}"


class UserError(Exception):
    """A mistake in the user's input: printed as is, exit code `code`."""

    def __init__(self, message: str, code: int = 2, parts: tuple[Part, ...] = ()) -> None:
        super().__init__(message)
        self.code = code
        self.parts = parts

    @classmethod
    def of(cls, *parts: Part, code: int = 2) -> UserError:
        """An error written as translatable parts (see `part`)."""
        return cls(render(parts), code, parts)

    def words(self, gettext: Callable[[str], str] = str) -> str:
        """The message in the language of `gettext` (English when it was not written in parts)."""
        return render(self.parts, gettext) if self.parts else str(self)


class ContentError(UserError):
    """A content file (level, economy, save) with one or more located problems."""

    def __init__(self, problems: list[Problem], code: int = 2) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems), code)

    def words(self, gettext: Callable[[str], str] = str) -> str:
        return "\n".join(p.words(gettext) for p in self.problems)
