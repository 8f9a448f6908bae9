"""Pydantic's validation messages as translatable parts, so `check --lang es` (and every
command that loads a level) says what is wrong in the reader's language.

Why by error type: pydantic formats its messages in English; each built-in type has one
template, written here with the same words, filled from the error's `ctx`. A message whose
English rendering does not match pydantic's own text is left as pydantic wrote it (so the
English output never changes). The game's own errors (PydanticCustomError) keep their
template in the message; it is recovered by putting the `ctx` names back, and translated
when the catalog has it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from game.errors import Part, Problem, part, render
from game.i18n import N_

# pydantic's error type -> its message in pydantic's words, which the Spanish catalog
# translates (the names in braces are the keys of the error's ctx)
BUILT_IN: dict[str, str] = {
    "missing": N_("Field required"),
    "string_type": N_("Input should be a valid string"),
    "int_type": N_("Input should be a valid integer"),
    "int_parsing": N_("Input should be a valid integer, unable to parse string as an integer"),
    "int_from_float": N_("Input should be a valid integer, got a number with a fractional part"),
    "float_type": N_("Input should be a valid number"),
    "float_parsing": N_("Input should be a valid number, unable to parse string as a number"),
    "finite_number": N_("Input should be a finite number"),
    "bool_type": N_("Input should be a valid boolean"),
    "bool_parsing": N_("Input should be a valid boolean, unable to interpret input"),
    "dict_type": N_("Input should be a valid dictionary"),
    "list_type": N_("Input should be a valid list"),
    "model_type": N_("Input should be a valid dictionary or instance of {class_name}"),
    "greater_than": N_("Input should be greater than {gt}"),
    "greater_than_equal": N_("Input should be greater than or equal to {ge}"),
    "less_than": N_("Input should be less than {lt}"),
    "less_than_equal": N_("Input should be less than or equal to {le}"),
    "literal_error": N_("Input should be {expected}"),
    "enum": N_("Input should be {expected}"),
    "string_pattern_mismatch": N_("String should match pattern '{pattern}'"),
    "multiple_of": N_("Input should be a multiple of {multiple_of}"),
}
# types whose words depend on a count
COUNTED: dict[str, tuple[str, str, str]] = {  # type -> (count's ctx name, one, many)
    "string_too_short": (
        "min_length",
        N_("String should have at least {min_length} character"),
        N_("String should have at least {min_length} characters"),
    ),
    "string_too_long": (
        "max_length",
        N_("String should have at most {max_length} character"),
        N_("String should have at most {max_length} characters"),
    ),
    "too_short": (
        "min_length",
        N_("List should have at least {min_length} item after validation, not {actual_length}"),
        N_("List should have at least {min_length} items after validation, not {actual_length}"),
    ),
    "too_long": (
        "max_length",
        N_("List should have at most {max_length} item after validation, not {actual_length}"),
        N_("List should have at most {max_length} items after validation, not {actual_length}"),
    ),
}
UNKNOWN_KEY = N_("unknown key")
DID_YOU_MEAN = N_("; did you mean '{guess}'?")
GOT = N_(" (got {value})")
TEXT_KIND = N_("Input should be a valid text: a string, or a map from language code (en, es) to text")


def _custom_template(msg: str, ctx: dict[str, Any]) -> str | None:
    """The template a custom error was formatted from: its ctx values put back as names
    (longest first); None when a value cannot be found once in the message."""
    template = msg
    for key, value in sorted(ctx.items(), key=lambda kv: -len(str(kv[1]))):
        text = str(value)
        if not text:  # nowhere to be seen: the template cannot be told apart
            continue
        if template.count(text) != 1:
            return None
        template = template.replace(text, "{" + key + "}")
    return template


def message_parts(kind: str, msg: str, ctx: dict[str, Any]) -> tuple[Part, ...]:
    """The error's message as translatable parts, or () when it cannot be matched exactly
    (the message then stays in pydantic's English)."""
    args = {k: v for k, v in ctx.items() if isinstance(k, str)}
    template = BUILT_IN.get(kind)
    if kind in COUNTED:
        name, one, many = COUNTED[kind]
        template = one if args.get(name) == 1 else many
    if template is not None:  # a whole float reads as pydantic writes it: 'than 0', not '0.0'
        args = {k: int(v) if isinstance(v, float) and v.is_integer() else v for k, v in args.items()}
        expected = args.get("expected")
        if kind in ("literal_error", "enum") and isinstance(expected, str) and " or " in expected:
            head, last = expected.rsplit(" or ", 1)  # "'a', 'b' or 'c'": the "or" is translated
            split: tuple[Part, ...] = (part(template, expected=head), part(OR_LAST, last=last))
            return split if render(split) == msg else ()
    elif msg.startswith("Value error, "):
        return ()
    else:
        own = own_parts(msg)
        if own:
            return own
        template = _custom_template(msg, args)
        if template is None or template not in OWN:
            return ()
    try:
        parts = (part(template, **args),)
        same = render(parts) == msg
    except (KeyError, IndexError, ValueError):
        return ()
    return parts if same else ()


def got_part(value: str) -> Part:
    return part(GOT, value=value)


# the game's own messages about a level (its validators and cross-references)
KNOWN = N_("; known: {known}")
UNKNOWN: dict[str, str] = {
    "metric": N_("unknown metric '{name}'"),
    "parameter": N_("unknown parameter '{name}'"),
    "segment": N_("unknown segment '{name}'"),
    "tactic": N_("unknown tactic '{name}'"),
    "language": N_("unknown language '{name}'"),
    "resource": N_("unknown resource '{name}'"),
    "action": N_("unknown action '{name}'"),
}
OWN = (
    N_("a condition is exactly one of: metric/param with op and value, played, all, any, not"),
    N_("a comparison needs 'op' and 'value'"),
    N_("op '{op}' needs: {missing}"),
    N_("value {v} is outside {p}'s range [{lo}, {hi}]"),
    N_("value {v} is outside the range of op '{op}': [{lo}, {hi}]"),
    N_("convert needs two different segments"),
    N_("'capital' applies only to op 'convert' with from: firm (the owners' capital)"),
    N_("'land' applies only to op 'found_coops'"),
    N_("{p} = {v} is outside its range [{lo}, {hi}]"),
    N_("firm, coop and council shares sum to {t} > 1"),
    N_("coop_share > 0 needs coop_count >= 1"),
    N_("a translated text needs an 'en' entry"),
    N_("a title or label has at most {n} characters (this one has {got})"),
    N_("text holds the control character U+{code} at character {pos}"),
    N_("text has nothing visible (only spaces or invisible characters)"),
    N_(
        "a name in `words` has at most {n} characters, because it labels chart lines, "
        "the economy panel and the planning view's bars (this one has {got})"
    ),
    N_("an action cannot require itself"),
    N_(
        "the first choice is the default, taken when no other is: it is always offered and "
        "cannot have a `when`"
    ),
    N_("duplicate good id"),
    # economy files (game.levels.economy)
    N_("not a good listed under goods; did you mean '{guess}'?"),
    N_("not a good listed under goods"),
    N_("consumer councils can only weight final and public goods, and this good is {kind}"),
    N_("a public good cannot be a production input"),
    N_("no worker council produces this {kind} good"),
    N_("no council wants this good (no input or consumer weight names it), so its price would fall forever"),
    N_("a primary good needs an endowment (its supply)"),
    N_("only primary goods have an endowment; {kind} goods are produced by worker councils"),
    N_("primary goods are endowments; no worker council can produce one"),
    N_("a council cannot use its own output ({out}) as an input"),
    N_(
        "the input exponents plus c/k sum to {gamma}; they must be below 1 (decreasing returns) "
        "or the council would want infinite output"
    ),
    N_("a start price map must price every good; missing: {shown}"),
    # reading the file (game.levels.yamlpos)
    N_("is a folder, not a file"),
    N_("not a regular file"),
    N_("file is UTF-16 text; save it as UTF-8"),
    N_("binary file (contains NUL bytes), not YAML"),
    N_("file is not valid UTF-8 text"),
    N_("file is empty"),
    N_("file holds no YAML document"),
)
# the game's duplicate-id messages (game.levels.schema.reference_problems), by kind of id
DUPLICATE: dict[str, str] = {
    "resource id": N_("duplicate resource id '{name}'"),
    "action id": N_("duplicate action id '{name}'"),
    "event id": N_("duplicate event id '{name}'"),
    "loss id": N_("duplicate loss id '{name}'"),
    "tactic": N_("duplicate tactic '{name}'"),
    "choice id": N_("duplicate choice id '{name}'"),
    "required action": N_("duplicate required action '{name}'"),
}
OR_LAST = N_(" or {last}")
_UNKNOWN = re.compile(r"^unknown (\w+) '([^']*)'(?:; did you mean '([^']*)'\?|; known: (.*))?$")
_DUPLICATE = re.compile(r"^duplicate ([a-z ]+) '([^']*)'$")


def own_parts(msg: str) -> tuple[Part, ...]:
    """One of the game's own messages (an unknown name, or a sentence without values) as
    translatable parts; () when it is none of them."""
    found = _UNKNOWN.match(msg)
    if found and found[1] in UNKNOWN:
        parts = [part(UNKNOWN[found[1]], name=found[2])]
        if found[3] is not None:
            parts.append(part(DID_YOU_MEAN, guess=found[3]))
        elif found[4] is not None:
            parts.append(part(KNOWN, known=found[4]))
        return tuple(parts) if render(tuple(parts)) == msg else ()
    twice = _DUPLICATE.match(msg)
    if twice and twice[1] in DUPLICATE:
        return (part(DUPLICATE[twice[1]], name=twice[2]),)
    if msg in OWN and "{" not in msg:
        return (part(msg),)
    return ()


def with_words(problems: list[Problem]) -> list[Problem]:
    """The problems, each of the game's own messages among them made translatable."""
    return [p if p.parts else replace(p, parts=own_parts(p.message)) for p in problems]
