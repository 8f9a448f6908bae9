"""PyYAML's (libyaml's) syntax messages as translatable parts, so `check --lang es` says what
is wrong with a file's YAML in Spanish while keeping its file:line:col.

Why a table: libyaml writes a fixed phrase per mistake ("mapping values are not allowed in
this context"); each is listed here in its exact English words, so English output never
changes and a phrase not listed stays as libyaml wrote it.
"""

from __future__ import annotations

import re

from game.errors import Part, part
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
}
_TAG = re.compile(r"^could not determine a constructor for the tag (.+)$")
TAG = N_("could not determine a constructor for the tag {tag}")


def syntax_parts(what: str) -> tuple[Part, ...]:
    """'YAML syntax: <libyaml's phrase>' as parts, the phrase translatable when it is a known
    one (it is kept as written otherwise)."""
    found = _TAG.match(what)
    if found:
        return (part(SYNTAX, what=""), part(TAG, tag=found[1]), part(TAG_NOTE))
    phrase = PHRASES.get(what)
    return (part(SYNTAX, what=what),) if phrase is None else (part(SYNTAX, what=""), part(phrase))
