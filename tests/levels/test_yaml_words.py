"""Every phrase libyaml (and PyYAML's safe constructor) can say about a file being read has a
Spanish sentence: a modder who copies YAML from elsewhere (directives, tags, anchors, merge
keys, a stray control character) reads what is wrong in the game's language, at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main
from game.errors import render
from game.i18n import load_translator
from game.levels.yaml_words import FOUND, KINDS, PHRASES, REASONS, reader_parts, syntax_parts
from tests.test_spanish_cli import english_in

# libyaml 0.2.5's scanner and parser problems and its reader's reasons (the loading side;
# the emitter's own are never met reading a file), from its scanner.c, parser.c and reader.c
LIBYAML = (
    "block sequence entries are not allowed in this context",
    "could not find expected ':'",
    "could not find expected directive name",
    "did not find URI escaped octet",
    "did not find expected '!'",
    "did not find expected ',' or ']'",
    "did not find expected ',' or '}'",
    "did not find expected '-' indicator",
    "did not find expected <document start>",
    "did not find expected <stream-start>",
    "did not find expected alphabetic or numeric character",
    "did not find expected comment or line break",
    "did not find expected digit or '.' character",
    "did not find expected hexdecimal number",
    "did not find expected key",
    "did not find expected node content",
    "did not find expected tag URI",
    "did not find expected version number",
    "did not find expected whitespace",
    "did not find expected whitespace or line break",
    "did not find the expected '>'",
    "exceeded maximum nesting depth",
    "found a tab character that violates indentation",
    "found a tab character where an indentation space is expected",
    "found an incorrect leading UTF-8 octet",
    "found an incorrect trailing UTF-8 octet",
    "found an indentation indicator equal to 0",
    "found character that cannot start any token",
    "found duplicate %TAG directive",
    "found duplicate %YAML directive",
    "found extremely long version number",
    "found incompatible YAML document",
    "found invalid Unicode character escape code",
    "found undefined tag handle",
    "found unexpected ':'",
    "found unexpected document indicator",
    "found unexpected end of stream",
    "found unexpected non-alphabetical character",
    "found unknown directive name",
    "found unknown escape character",
    "mapping keys are not allowed in this context",
    "mapping values are not allowed in this context",
)
READER = (
    "control characters are not allowed",
    "incomplete UTF-16 character",
    "incomplete UTF-16 surrogate pair",
    "incomplete UTF-8 octet sequence",
    "input is too long",
    "invalid Unicode character",
    "invalid leading UTF-8 octet",
    "invalid length of a UTF-8 sequence",
    "invalid trailing UTF-8 octet",
    "unexpected low surrogate area",
)
ES = load_translator("es").gettext


@pytest.mark.parametrize("phrase", LIBYAML)
def test_every_libyaml_phrase_reads_in_spanish(phrase: str) -> None:
    assert phrase in PHRASES
    parts = syntax_parts(phrase)
    assert render(parts) == f"YAML syntax: {phrase}"  # the English stays libyaml's own words
    spanish = render(parts, ES)
    assert spanish.startswith("sintaxis YAML: ") and not english_in(spanish), spanish


@pytest.mark.parametrize("reason", READER)
def test_every_reader_reason_reads_in_spanish(reason: str) -> None:
    assert reason in REASONS
    parts = reader_parts(7, reason)
    assert render(parts) == f"YAML syntax: unacceptable character #x0007: {reason}"
    spanish = render(parts, ES)
    assert spanish.startswith("sintaxis YAML: carácter no admitido #x0007: ") and not english_in(spanish)


@pytest.mark.parametrize("lead", sorted(FOUND))
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_node_of_the_wrong_kind_reads_in_spanish(lead: str, kind: str) -> None:
    parts = syntax_parts(f"{lead}, but found {kind}")
    assert render(parts) == f"YAML syntax: {lead}, but found {kind}"
    spanish = render(parts, ES)
    assert not english_in(spanish) and kind not in spanish.split(": ", 1)[1], spanish


RARE = {
    "directive.yaml": ("%YAML 1.1\n%YAML 1.1\n---\nid: x\n", 2, 1, "la directiva %YAML aparece dos veces"),
    "unknown.yaml": ("%FOO bar\n---\nid: x\n", 1, 5, "hay un nombre de directiva desconocido"),
    "verbatim.yaml": ("id: !<tag:x y\n", 1, 12, "no se encontró el signo '>' esperado"),
    "merge.yaml": ("id: x\n<<: [1]\n", 2, 6, "un mapa para fusionar (<<), pero hay un valor simple"),
    "control.yaml": ("id: x\x07y\n", 1, 6, "#x0007: no se admiten caracteres de control"),
    "deep.yaml": ("a: " + "[" * 1100 + "]" * 1100 + "\n", 1, 1003, "se superó el anidamiento máximo"),
}


def test_rare_yaml_mistakes_read_in_spanish_at_their_place(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for name, (text, *_rest) in RARE.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert main(["check", str(tmp_path), "--lang", "es", "--no-warnings"]) == 1
    out = capsys.readouterr().out
    for name, (_text, line, col, says) in RARE.items():
        head = f"{tmp_path / name}:{line}:{col}: sintaxis YAML: "
        mine = [ln for ln in out.splitlines() if ln.startswith(head)]
        assert mine and says in mine[0], (name, out)
        assert not english_in(mine[0][len(head) :]), mine[0]
