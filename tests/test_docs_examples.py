"""Every command and file example in README.md and docs/ runs as written.

The examples are read from the Markdown, in document order, and run in a scratch folder that
links to the game (so commands write their files there, not into the repository):

- a fenced block of `python main.py ...` lines runs each line (`> FILE` redirects stdout);
  every line must exit 0, except the game window, which on a machine without a display
  must say so in one line and exit 1 (proving its arguments were accepted);
- a block of `$ python main.py ...` lines with output runs each command and expects the
  output lines shown, in order (`...` stands for any lines);
- a YAML or JSON block is a file: written to the file the sentence before it names (`in
  \\`my_mod/x.yaml\\``), else checked for what it is (a glossary, a decision file, a save);
- a ```python block runs (the blocks of one page share their variables);
- a `python main.py ...` in the text runs too, unless it has placeholders (`LEVEL`, `N`).

The modding tutorial asks the reader to edit the level between two checks; `EDITS` does
those edits, as the sentence before the block describes them.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from game.argparse_words import lang_in

ROOT = Path(__file__).resolve().parent.parent
DOCS = ("README.md", "docs/teachers.md", "docs/modding.md", "docs/sim-api.md")
LINKED = ("main.py", "game", "levels", "examples", "assets", "tools", "pyproject.toml")
NO_DISPLAY = "no display found"
NO_DISPLAY_ES = "no se encontró pantalla"  # the same line under --lang es
# commands not run here, and why
NOT_RUN = {
    "python -m pytest": "the test suite itself",
    "python3 -m venv": "installs the game into a new environment (.ci/run does this)",
    "python main.py classroom": "a server that runs until Ctrl+C; tests/classroom/test_docs.py "
    "parses every one and starts and stops each that listens on 127.0.0.1 only",
}
# (doc, the text the sentence before a block contains) -> edits of (file, old, new) made first
EDITS: dict[tuple[str, str], list[tuple[str, str | None, str]]] = {
    ("docs/modding.md", "an empty file `my_mod/tool_library.yaml`"): [("my_mod/tool_library.yaml", None, "")],
    ("docs/modding.md", "Make two typos"): [
        ("my_mod/tool_library.yaml", "category: education", "category: teaching"),
        ("my_mod/tool_library.yaml", "requires: [workshop]", "requires: [worksop]"),
    ],
    ("docs/modding.md", "Fix the typos"): [
        ("my_mod/tool_library.yaml", "category: teaching", "category: education"),
        ("my_mod/tool_library.yaml", "requires: [worksop]", "requires: [workshop]"),
    ],
    ("docs/modding.md", "Change turn 7 to"): [
        ("my_mod/plans/tool_library.yaml", "7: [repair_coop]", "7: [workshop, repair_coop]"),
    ],
    ("docs/modding.md", "Found the co-op on turn 1 instead"): [
        ("my_mod/plans/tool_storm.yaml", "2: [repair_coop]", "1: [repair_coop]"),
    ],
    ("docs/modding.md", "Change turn 7 back"): [
        ("my_mod/plans/tool_library.yaml", "7: [workshop, repair_coop]", "7: [repair_coop]"),
    ],
}
PLACEHOLDER = re.compile(r"(^|[\s=\[])([A-Z][A-Z_.]*[A-Z]|[A-Z])(\.\w+)?($|[\s\],|])|\.\.\.|\[|\|")


@dataclass
class Block:
    lang: str
    text: str
    before: str  # the prose since the previous block
    line: int


@dataclass
class Page:
    path: str
    blocks: list[Block] = field(default_factory=list)
    inline: list[tuple[str, int]] = field(default_factory=list)


def read_page(path: str) -> Page:
    page = Page(path)
    lines = (ROOT / path).read_text(encoding="utf-8").splitlines()
    prose: list[str] = []
    i = 0
    while i < len(lines):
        m = re.match(r"^(\s*)```(\w*)\s*$", lines[i])
        if not m:
            prose.append(lines[i])
            i += 1
            continue
        indent, lang, start = len(m.group(1)), m.group(2), i + 1
        body = []
        i += 1
        while i < len(lines) and lines[i].strip() != "```":
            body.append(lines[i][indent:])
            i += 1
        i += 1
        before = "\n".join(prose)
        page.blocks.append(Block(lang, "\n".join(body) + "\n", before, start))
        for cmd in re.findall(r"`(python main\.py[^`]*)`", re.sub(r"\s*\n\s*", " ", before)):
            page.inline.append((cmd, start))
        prose = []
    for cmd in re.findall(r"`(python main\.py[^`]*)`", re.sub(r"\s*\n\s*", " ", "\n".join(prose))):
        page.inline.append((cmd, len(lines) + 1))
    return page


def scratch(tmp: Path) -> Path:
    for name in LINKED:
        (tmp / name).symlink_to(ROOT / name)
    shutil.copytree(ROOT / "docs", tmp / "docs")  # `check --schema --out docs/...` writes here
    (tmp / "data").mkdir()
    return tmp


def env(tmp: Path, display: bool = True) -> dict[str, str]:
    e = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")}
    e.update(XDG_DATA_HOME=str(tmp / "xdg"), PARECON_DATA_DIR=str(tmp / "data"), SDL_AUDIODRIVER="dummy")
    if display:
        e["SDL_VIDEODRIVER"] = "dummy"
    return e


def is_window(args: list[str]) -> bool:
    from game.cli import COMMANDS

    return not args or args[0] == "play" or args[0] not in COMMANDS


def run_command(cmd: str, tmp: Path, where: str) -> subprocess.CompletedProcess[str]:
    words = shlex.split(cmd, posix=os.name != "nt" and "\\" not in cmd)
    out_file = None
    if ">" in words:
        k = words.index(">")
        words, out_file = words[:k], words[k + 1]
    assert words[:2] == ["python", "main.py"], f"{where}: not a main.py command: {cmd}"
    args = words[2:]
    window = is_window(args)
    proc = subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=tmp,
        env=env(tmp, display=not window),
        capture_output=True,
        text=True,
        timeout=120,
    )
    if out_file:
        (tmp / out_file).write_text(proc.stdout, encoding="utf-8")
    if window:
        said = NO_DISPLAY_ES if lang_in(args) == "es" else NO_DISPLAY
        assert proc.returncode == 1 and said in proc.stderr, f"{where}: {cmd}\n{proc.stderr}"
        assert len(proc.stderr.strip().splitlines()) == 1, (
            f"{where}: {cmd}: more than one line\n{proc.stderr}"
        )
    return proc


def expect_output(expected: list[str], actual: str, where: str) -> None:
    got = [line.rstrip() for line in actual.splitlines() if line.strip()]
    pos, skipping = 0, False
    for want in expected:
        if want.strip() == "...":
            skipping = True
            continue
        if skipping:
            while pos < len(got) and got[pos] != want.rstrip():
                pos += 1
        assert pos < len(got) and got[pos] == want.rstrip(), (
            f"{where}: expected line {want!r}, got {got[pos] if pos < len(got) else 'nothing'!r}\n"
            + "\n".join(got)
        )
        pos += 1
        skipping = False


def file_target(block: Block) -> str | None:
    """The file the sentence before the block names: the last `path.ext` in it."""
    last = block.before.strip().split("\n\n")[-1]
    names = re.findall(r"`([\w./-]+\.(?:ya?ml|json))`", last)
    return names[-1] if names else None


def check_file_example(block: Block, tmp: Path, where: str) -> None:
    """A YAML/JSON block with no file named: check it as what it is."""
    data = yaml.safe_load(block.text)
    if data is None:  # a comment-only line, such as the yaml-language-server header
        return
    if isinstance(data, dict) and "glossary" in data:
        from game.levels.catalog import GlossaryFile

        GlossaryFile.model_validate(data)
    elif isinstance(data, dict) and ("turns" in data or "events" in data):
        from game.levels.decisions import DecisionFile

        DecisionFile.model_validate(data)
    else:
        pytest.fail(f"{where}: a file example whose kind and name the test does not know")


def write_file(block: Block, target: str, tmp: Path, where: str) -> None:
    path = tmp / target
    if "saves" in block.before.split("\n\n")[-1] and target.endswith(".json"):
        path = tmp / "data" / "saves" / target
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(block.text, encoding="utf-8")
    if path.parent.name == "saves":
        from game.levels.catalog import load_catalog
        from game.saves import SaveStore
        from game.ui.session import Session

        infos = [i for i in SaveStore(tmp / "data").list() if i.slot == path.stem]
        assert infos and infos[0].problem is None, f"{where}: the save does not load: {infos}"
        save = infos[0].save
        loaded = load_catalog().find(save.level_id)
        assert loaded is not None, f"{where}: the save's level is not installed"
        Session.from_save(save, loaded)


def edits_for(page: Page, block: Block) -> list[tuple[str, str | None, str]]:
    out = []
    for (doc, words), edits in EDITS.items():
        if doc == page.path and words in block.before:
            out += edits
    return out


def apply_edits(edits: list[tuple[str, str | None, str]], tmp: Path, where: str) -> None:
    for name, old, new in edits:
        path = tmp / name
        if old is None:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(new, encoding="utf-8")
            continue
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{where}: the edit the docs describe ({old!r} -> {new!r}) does not apply"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")


def not_run(cmd: str) -> bool:
    return any(cmd.startswith(prefix) for prefix in NOT_RUN)


@pytest.mark.timeout(900)
@pytest.mark.parametrize("doc", DOCS)
def test_every_example_runs(doc: str, tmp_path: Path) -> None:
    page = read_page(doc)
    tmp = scratch(tmp_path)
    ran = 0
    inline = list(page.inline)
    python_ns: dict[str, object] = {}
    for block in page.blocks:
        where = f"{doc}:{block.line}"
        for cmd, line in [c for c in inline if c[1] == block.line]:
            if not PLACEHOLDER.search(cmd[len("python main.py") :]):
                run_command(cmd, tmp, f"{doc}:{line} (in the text)")
                ran += 1
        apply_edits(edits_for(page, block), tmp, where)
        if block.lang == "python":
            cwd = os.getcwd()
            os.chdir(ROOT)
            try:
                exec(compile(block.text, where, "exec"), python_ns)  # noqa: S102 - the docs' own code
            finally:
                os.chdir(cwd)
            ran += 1
            continue
        if block.lang in ("yaml", "json"):
            target = file_target(block)
            if target is None:
                check_file_example(block, tmp, where)
            else:
                write_file(block, target, tmp, where)
            ran += 1
            continue
        lines = [ln for ln in block.text.splitlines() if ln.strip()]
        if (
            not lines
            or lines[0].startswith("my_mod/")
            or not (lines[0].startswith("$ ") or lines[0].startswith("python"))
        ):
            continue  # a directory layout, or output shown without its command
        if lines[0].startswith("$ "):
            cmd, expected = lines[0][2:], []
            for ln in lines[1:]:
                if ln.startswith("$ "):
                    proc = run_command(cmd, tmp, where)
                    expect_output(expected, proc.stdout + proc.stderr, where)
                    cmd, expected = ln[2:], []
                else:
                    expected.append(ln)
            proc = run_command(cmd, tmp, where)
            expect_output(expected, proc.stdout + proc.stderr, where)
            ran += 1
            continue
        for cmd in lines:
            if not_run(cmd):
                continue
            for part in cmd.split(" && "):
                if not_run(part) or part.startswith((". ", "pip ", "python3 ")):
                    continue
                proc = run_command(part, tmp, where)
                if not is_window(shlex.split(part)[2:]):
                    assert proc.returncode == 0, f"{where}: {part}\n{proc.stdout[-2000:]}{proc.stderr}"
                ran += 1
    for cmd, line in [c for c in inline if c[1] > max((b.line for b in page.blocks), default=0)]:
        if not PLACEHOLDER.search(cmd[len("python main.py") :]):
            run_command(cmd, tmp, f"{doc}:{line} (in the text)")
            ran += 1
    assert ran > 0


def test_placeholders_are_recognised() -> None:
    assert PLACEHOLDER.search(" simulate LEVEL --seed N")
    assert PLACEHOLDER.search(" report RUN.json --out DIR")
    assert not PLACEHOLDER.search(" simulate coop_network --seed 42 --lang es")
    assert not PLACEHOLDER.search(" --data-dir E:\\parecon --scenario coop_network-42")
