"""Rewrite imports of the top-level folders to the installed ``sinograph.`` names.

The folders graph/, loaders/, api/, cli/ and cypher/ stay at the top of the repository but
are installed as ``sinograph.graph`` … ``sinograph.cypher`` (``package-dir`` in
pyproject.toml). This rewrites what names them as modules — not prose about the folders:

- import statements, also in doctests (``>>> from graph.x import y``) and in the code
  blocks of Markdown files;
- ``import loaders.parallel`` also rewrites the dotted uses of that module in its file;
- Python string literals that are a module path (``"cli.main"``, ``"api.app:create_app"``,
  ``"loaders.extract."``), or code (``"from cli.main import app; app()"``);
- module invocations anywhere: ``-m graph.x``, ``uvicorn api.app:create_app``;
- the exception a doctest expects (``graph.model.errors.InvalidInput: bad date``).

A dotted name is rewritten only if its first part after the folder is a module or package
in that folder, so ``"graph.db"`` or ``tmp_path / "api.json"`` stay as they are. Running it
again changes nothing. For a branch started before the namespace:
``python tools/namespace_imports.py $(git diff --name-only main...)``; with no arguments it
rewrites every tracked file it knows how to read.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOPS = ("graph", "loaders", "api", "cli", "cypher")
_TOP = "|".join(TOPS)
SUFFIXES = {".py", ".md"}

# `from graph.x import y`, `import loaders.z as z`, at a line start, after a doctest prompt.
IMPORT_LINE = re.compile(rf"^(\s*(?:>>> |\.\.\. )?)(from|import)(\s+)({_TOP})(?=[\s.])", re.M)
# The same inside code held in a string: "from cli.main import app; app()".
IMPORT_IN_CODE = re.compile(rf"(?<![\w.])(from|import)(\s+)({_TOP})(?=\.)")
MODULE_STRING = re.compile(rf"^({_TOP})((?:\.[A-Za-z_]\w*)+)(\.|:[A-Za-z_]\w*)?$")
# The exception line a doctest expects: "graph.model.errors.InvalidInput: bad date".
RAISED = re.compile(rf"^(\s*)({_TOP})((?:\.[A-Za-z_]\w*)+)(?=: )", re.M)
COMMAND = re.compile(rf"(-m\s+|uvicorn\s+)({_TOP})(?=\.[A-Za-z_])")
FENCE = re.compile(r"^(```|~~~)")


def is_module(top: str, rest: str) -> bool:
    """True if ``top`` + ``rest`` (".a.b") starts with a module or package of that folder.

    >>> is_module("graph", ".model.domain"), is_module("graph", ".db")
    (True, False)
    """
    first = rest.split(".")[1]
    base = ROOT / top / first
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def _prefix_raised(text: str) -> str:
    def one(m: re.Match[str]) -> str:
        return f"{m[1]}sinograph.{m[2]}{m[3]}" if is_module(m[2], m[3]) else m[0]

    return RAISED.sub(one, text)


def rewrite_string_token(token: str) -> str:
    """A string literal's source text with its module paths or code imports prefixed.

    >>> rewrite_string_token('"api.app:create_app"'), rewrite_string_token('"graph.db"')
    ('"sinograph.api.app:create_app"', '"graph.db"')
    >>> rewrite_string_token('"graph"'), rewrite_string_token('"cli:ana"')
    ('"graph"', '"cli:ana"')
    >>> rewrite_string_token('"from cli.main import app; app()"')
    '"from sinograph.cli.main import app; app()"'
    """
    m = re.match(r"^([A-Za-z]*)('''|\"\"\"|'|\")(.*)\2$", token, re.S)
    if not m:
        return token
    prefix, quote, body = m.groups()
    if "f" in prefix.lower() and "{" in body:
        return token
    found = MODULE_STRING.match(body)
    if found and found[1] in TOPS and is_module(found[1], found[2]):
        return f"{prefix}{quote}sinograph.{body}{quote}"
    if IMPORT_IN_CODE.search(body) and len(quote) == 1:
        code = IMPORT_IN_CODE.sub(r"\1\2sinograph.\3", body)
        return f"{prefix}{quote}{code}{quote}"
    return token


def rewrite_python(text: str) -> str:
    """Rewrite one Python file's source."""
    imported = sorted(
        {m[1] for m in re.finditer(rf"^\s*import\s+((?:{_TOP})(?:\.\w+)+)(?:\s|$)", text, re.M)
         if " as " not in text[m.end(1):text.find("\n", m.end(1))]},
        key=len, reverse=True,
    )
    tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    edits: list[tuple[int, int, str]] = []
    for tok in tokens:
        if tok.type != tokenize.STRING:
            continue
        new = rewrite_string_token(tok.string)
        if new != tok.string:
            a = starts[tok.start[0] - 1] + tok.start[1]
            b = starts[tok.end[0] - 1] + tok.end[1]
            edits.append((a, b, new))
    for a, b, new in reversed(edits):
        text = text[:a] + new + text[b:]
    text = IMPORT_LINE.sub(r"\1\2\3sinograph.\4", text)
    text = _prefix_raised(COMMAND.sub(r"\1sinograph.\2", text))
    for name in imported:
        text = re.sub(rf"(?<![\w.]){re.escape(name)}(?=[.\s,)\]:]|$)",
                      f"sinograph.{name}", text, flags=re.M)
    return text


def rewrite_markdown(text: str) -> str:
    """Imports inside fenced code blocks (and doctest prompts); module invocations."""
    out: list[str] = []
    fenced = False
    for line in text.splitlines(keepends=True):
        if FENCE.match(line.lstrip()):
            fenced = not fenced
        elif fenced or line.lstrip().startswith(">>> "):
            line = _prefix_raised(IMPORT_LINE.sub(r"\1\2\3sinograph.\4", line))
        line = COMMAND.sub(r"\1sinograph.\2", line)
        out.append(line)
    return "".join(out)


def rewrite(path: Path) -> bool:
    """Rewrite one file in place; True if it changed."""
    if path.suffix not in SUFFIXES or not path.is_file():
        return False
    text = path.read_text("utf-8")
    new = rewrite_python(text) if path.suffix == ".py" else rewrite_markdown(text)
    if new == text:
        return False
    path.write_text(new, "utf-8")
    return True


def main(argv: list[str]) -> int:
    if argv:
        paths = [Path(a) for a in argv]
    else:
        listed = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True,
                                check=True).stdout.split()
        paths = [ROOT / p for p in listed]
    # This file and the test of the bare-name check hold old names as examples.
    keep = {Path(__file__).resolve(), ROOT / "tests" / "unit" / "test_distribution.py"}
    changed = [p for p in paths if p.resolve() not in keep and rewrite(p)]
    for p in changed:
        print(p)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
