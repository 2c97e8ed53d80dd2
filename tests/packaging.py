"""What the installed ``sinograph`` package is made of, for the checks that it is complete.

Not product code. The folders graph/, loaders/, api/, cli/ and cypher/ install as
``sinograph.graph`` … ``sinograph.cypher`` (``package-dir`` in pyproject.toml); every file in
them ships except Markdown notes and the explorer's npm workspace (api/explorer-vendor/,
whose output lands in api/static/vendor/).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("graph", "loaders", "api", "cli", "cypher")
NOT_SHIPPED_DIRS = {"__pycache__", "explorer-vendor"}


def shipped_files(root: Path = ROOT) -> set[str]:
    """Paths (``graph/model/ids.py``) of the checkout's files that the package installs."""
    found: set[str] = set()
    for folder in FOLDERS:
        for path in (root / folder).rglob("*"):
            relative = path.relative_to(root)
            if (path.is_file() and path.suffix not in {".md", ".pyc"}
                    and not NOT_SHIPPED_DIRS.intersection(relative.parts)):
                found.add(relative.as_posix())
    return found


def installed_folder(folder: str) -> Path:
    """Where ``sinograph.<folder>`` is imported from (for a strict editable install, the
    link tree setuptools made under build/__editable__.*)."""
    spec = importlib.util.find_spec(f"sinograph.{folder}")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"sinograph.{folder} is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def missing_from_install() -> list[str]:
    """Checkout files the installed package lacks: a file added since ``make install-dev``
    (which links each file once) or one that pyproject's package-data leaves out."""
    return sorted(
        name for name in shipped_files()
        if not (installed_folder(name.split("/")[0]).joinpath(*name.split("/")[1:])).is_file()
    )


def package_names(root: Path = ROOT) -> set[str]:
    """``sinograph.graph.model`` … for every folder with an ``__init__.py``."""
    return {
        "sinograph." + ".".join(init.parent.relative_to(root).parts)
        for folder in FOLDERS
        for init in (root / folder).rglob("__init__.py")
        if not NOT_SHIPPED_DIRS.intersection(init.relative_to(root).parts)
    }
