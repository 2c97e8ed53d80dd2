"""One distribution namespace: installing sinograph puts only ``sinograph`` (and its
dist-info) at the top of site-packages, never modules named graph, loaders, api, cli or
cypher that would collide with other packages of those names (issue 20).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

from tests.packaging import FOLDERS, ROOT, missing_from_install, package_names, shipped_files

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]
BARE = "|".join(FOLDERS)


def test_pyproject_lists_every_package_under_sinograph() -> None:
    # setuptools cannot discover packages under a prefix, so the list is written out;
    # a new folder with an __init__.py must be added to it or it is not installed.
    assert set(SETUPTOOLS["packages"]) == package_names()
    assert SETUPTOOLS["package-dir"] == {f"sinograph.{f}": f for f in FOLDERS}
    assert all(key.startswith("sinograph.") for key in SETUPTOOLS["package-data"])
    assert PYPROJECT["project"]["scripts"] == {"sinograph": "sinograph.cli.main:app"}


def test_the_wheel_holds_only_sinograph_and_every_shipped_file(tmp_path: Path) -> None:
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    for folder in FOLDERS:
        shutil.copytree(ROOT / folder, source / folder,
                        ignore=shutil.ignore_patterns("__pycache__", "node_modules"))
    # No build isolation: the dev install's setuptools builds it, offline, in seconds.
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "--no-build-isolation",
         "--no-index", "-q", "-w", str(tmp_path / "dist")],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    (wheel,) = (tmp_path / "dist").glob("sinograph-*.whl")
    names = zipfile.ZipFile(wheel).namelist()

    tops = {name.split("/")[0] for name in names}
    dist_info = {t for t in tops if t.endswith(".dist-info")}
    assert tops - dist_info == {"sinograph"}
    assert len(dist_info) == 1
    packaged = {n.removeprefix("sinograph/") for n in names if n.startswith("sinograph/")}
    assert packaged == shipped_files(source)
    (entry_points,) = (n for n in names if n.endswith(".dist-info/entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode("utf-8")
    assert "sinograph = sinograph.cli.main:app" in text


def test_the_install_has_every_file_of_the_checkout() -> None:
    # `make install-dev` links each file once (strict editable mode): a file added since
    # needs `make install-dev` again. tests/conftest.py stops the run early on the same check.
    assert missing_from_install() == []


IMPORT_LINE = re.compile(
    rf"^\s*(?:>>> |\.\.\. )?(?:from\s+(?:{BARE})(?:\.\w+)*\s+import\b"
    rf"|import\s+(?:{BARE})(?:\.\w+)*\s*(?:$|as\b|,|#))",
    re.M,
)
RAISED = re.compile(rf"^\s*(?:{BARE})(?:\.\w+)*\.[A-Z]\w*: ", re.M)  # a doctest's exception
IN_STRING = re.compile(rf"[\"'](?:(?:from|import)\s+(?:{BARE})\.|(?:{BARE})(?:\.\w+)+:\w+[\"'])")


# The rewrite tool and this test hold bare names as examples.
EXAMPLES = {ROOT / "tools" / "namespace_imports.py", Path(__file__).resolve()}


def _sources() -> list[Path]:
    listed = subprocess.run(["git", "ls-files", "*.py", "*.md"], cwd=ROOT, capture_output=True,
                            text=True, check=True).stdout.split()
    return [ROOT / p for p in listed if (ROOT / p).is_file()]


def test_nothing_imports_the_folders_by_their_bare_names() -> None:
    # The repository root is on sys.path when pytest or `python -c` runs from a checkout,
    # so `import graph` would still work here while failing in an installed package.
    found = [
        f"{path.relative_to(ROOT)}: {m[0].strip()}"
        for path in _sources() if path not in EXAMPLES
        for pattern in (IMPORT_LINE, IN_STRING, RAISED)
        for m in pattern.finditer(path.read_text("utf-8"))
    ]
    assert found == []


def test_the_bare_import_check_would_see_one() -> None:
    assert IMPORT_LINE.search("x = 1\n    from graph.model.ids import entity_id\n")
    assert IMPORT_LINE.search('"""\n>>> import loaders.extract\n"""')
    assert IN_STRING.search('[sys.executable, "-c", "from cli.main import app; app()"]')
    assert IN_STRING.search('uvicorn.run("api.app:create_app", factory=True)')
    assert RAISED.search("    Traceback ...\n    graph.model.errors.InvalidInput: bad date\n")
    assert not IMPORT_LINE.search("from sinograph.graph.model.ids import entity_id")
    assert not IMPORT_LINE.search("from graph files and stories alike\n")
    assert not IN_STRING.search('"sinograph.api.app:create_app"')
