"""PyYAML's (libyaml's) syntax messages as translatable parts, so `check --lang es` says what
is wrong with a file's YAML in Spanish while keeping its file:line:col.

Why a table: libyaml writes a fixed phrase per mistake ("mapping values are not allowed in
this context"); each is listed here in its exact English words, so English output never
changes and a phrase not listed stays as libyaml wrote it.
"""

from __future__ import annotations

import re

from game.errors import Nested, Part, part
from game.i18n import N_

SYNTAX = N_("YAML syntax: {what}")
TAG_NOTE = N_(" (tags that build objects are not allowed in game files)")
PHRASES: dict[str, str] = {
    "mapping values are not allowed in this context": N_("mapping values are not allowed in this context"),
    "mapping keys are not allowed in this context": N_("mapping keys are not allowed in this context"),
    "block sequence entries are not allowed in this context": N_(
        "block sequence entries are not allowed in this context"
    ),
    "found character that cannot start any token": N_("found character that cannot start any token"),
    "could not find expected ':'": N_("could not find expected ':'"),
    "found unexpected end of stream": N_("found unexpected end of stream"),
    "found a tab character that violates indentation": N_("found a tab character that violates indentation"),
    "found a tab character where an indentation space is expected": N_(
        "found a tab character where an indentation space is expected"
    ),
    "did not find expected whitespace or line break": N_("did not find expected whitespace or line break"),
    "did not find expected alphabetic or numeric character": N_(
        "did not find expected alphabetic or numeric character"
    ),
    "did not find expected comment or line break": N_("did not find expected comment or line break"),
    "found unknown escape character": N_("found unknown escape character"),
    "did not find expected hexdecimal number": N_("did not find expected hexdecimal number"),
    "found invalid Unicode character escape code": N_("found invalid Unicode character escape code"),
    "found unexpected document indicator": N_("found unexpected document indicator"),
    "found an indentation indicator equal to 0": N_("found an indentation indicator equal to 0"),
    "did not find expected <document start>": N_("did not find expected <document start>"),
    "found incompatible YAML document": N_("found incompatible YAML document"),
    "found undefined tag handle": N_("found undefined tag handle"),
    "did not find expected node content": N_("did not find expected node content"),
    "did not find expected key": N_("did not find expected key"),
    "did not find expected '-' indicator": N_("did not find expected '-' indicator"),
    "did not find expected ',' or ']'": N_("did not find expected ',' or ']'"),
    "did not find expected ',' or '}'": N_("did not find expected ',' or '}}'"),  # {} escaped
    "found undefined alias": N_("found undefined alias"),
    "second occurrence": N_("second occurrence"),
    "found duplicate anchor; first occurrence": N_("found duplicate anchor; first occurrence"),
    "found unhashable key": N_("found unhashable key"),
    "but found another document": N_("but found another document"),
    "expected a single document in the stream, but found another document": N_(
        "expected a single document in the stream, but found another document"
    ),
    "YAML error": N_("YAML error"),
    # the rest of libyaml's scanner and parser phrases (its directives, tags, anchors and
    # version numbers: rarer in a level, but a modder who copies YAML from elsewhere meets them)
    "could not find expected directive name": N_("could not find expected directive name"),
    "found unknown directive name": N_("found unknown directive name"),
    "found duplicate %YAML directive": N_("found duplicate %YAML directive"),
    "found duplicate %TAG directive": N_("found duplicate %TAG directive"),
    "did not find expected version number": N_("did not find expected version number"),
    "did not find expected digit or '.' character": N_("did not find expected digit or '.' character"),
    "found extremely long version number": N_("found extremely long version number"),
    "did not find expected whitespace": N_("did not find expected whitespace"),
    "did not find expected '!'": N_("did not find expected '!'"),
    "did not find expected tag URI": N_("did not find expected tag URI"),
    "did not find the expected '>'": N_("did not find the expected '>'"),
    "did not find URI escaped octet": N_("did not find URI escaped octet"),
    "found an incorrect leading UTF-8 octet": N_("found an incorrect leading UTF-8 octet"),
    "found an incorrect trailing UTF-8 octet": N_("found an incorrect trailing UTF-8 octet"),
    "found unexpected ':'": N_("found unexpected ':'"),
    "found unexpected non-alphabetical character": N_("found unexpected non-alphabetical character"),
    "did not find expected <stream-start>": N_("did not find expected <stream-start>"),
    "exceeded maximum nesting depth": N_("exceeded maximum nesting depth"),
    "found unconstructable recursive node": N_("found unconstructable recursive node"),
}
_TAG = re.compile(r"^could not determine a constructor for the tag (.+)$")
TAG = N_("could not determine a constructor for the tag {tag}")
# PyYAML's constructor, on merge keys (<<) and nodes of the wrong kind: "..., but found scalar"
_FOUND = re.compile(r"^(.+), but found (scalar|sequence|mapping)$")
FOUND: dict[str, str] = {
    "expected a mapping for merging": N_("expected a mapping for merging, but found {kind}"),
    "expected a mapping or list of mappings for merging": N_(
        "expected a mapping or list of mappings for merging, but found {kind}"
    ),
    "expected a mapping node": N_("expected a mapping node, but found {kind}"),
    "expected a sequence node": N_("expected a sequence node, but found {kind}"),
    "expected a scalar node": N_("expected a scalar node, but found {kind}"),
}
KINDS = {"scalar": N_("scalar"), "sequence": N_("sequence"), "mapping": N_("mapping")}
# the reader's reasons for refusing a character (libyaml's reader and PyYAML's)
READER = N_("unacceptable character #x{code}: {reason}")
REASONS: dict[str, str] = {
    "control characters are not allowed": N_("control characters are not allowed"),
    "special characters are not allowed": N_("special characters are not allowed"),
    "invalid leading UTF-8 octet": N_("invalid leading UTF-8 octet"),
    "invalid trailing UTF-8 octet": N_("invalid trailing UTF-8 octet"),
    "invalid length of a UTF-8 sequence": N_("invalid length of a UTF-8 sequence"),
    "incomplete UTF-8 octet sequence": N_("incomplete UTF-8 octet sequence"),
    "invalid Unicode character": N_("invalid Unicode character"),
    "incomplete UTF-16 character": N_("incomplete UTF-16 character"),
    "incomplete UTF-16 surrogate pair": N_("incomplete UTF-16 surrogate pair"),
    "unexpected low surrogate area": N_("unexpected low surrogate area"),
    "input is too long": N_("input is too long"),
}


def syntax_parts(what: str) -> tuple[Part, ...]:
    """'YAML syntax: <libyaml's phrase>' as parts, the phrase translatable when it is a known
    one (it is kept as written otherwise)."""
    found = _TAG.match(what)
    if found:
        return (part(SYNTAX, what=""), part(TAG, tag=found[1]), part(TAG_NOTE))
    found = _FOUND.match(what)
    if found and found[1] in FOUND:
        kind = Nested((part(KINDS[found[2]]),))
        return (part(SYNTAX, what=""), part(FOUND[found[1]], kind=kind))
    phrase = PHRASES.get(what)
    return (part(SYNTAX, what=what),) if phrase is None else (part(SYNTAX, what=""), part(phrase))


def reader_parts(code: int | str, reason: str) -> tuple[Part, ...]:
    """A character the reader refused ("unacceptable character #x0007: control characters
    are not allowed"), its reason translatable when it is a known one."""
    code = f"{code:04x}" if isinstance(code, int) else str(code)
    said = REASONS.get(reason)
    why = Nested((part(said),) if said else (part("{reason}", reason=reason),))
    return (part(SYNTAX, what=""), part(READER, code=code, reason=why))
