"""The files under a directory, in a stable order, with problems for what cannot be read."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from sinograph.loaders.inputs.problems import InputProblem

__all__ = ["walk_files"]


def walk_files(root: Path) -> Iterator[Path | InputProblem]:
    """Every regular file under ``root``, depth first, sorted by name at each level.

    Hidden files and folders (names starting with ``.``) are skipped. A folder
    that cannot be listed, a broken link or a link back to a folder already
    walked gives a problem; the walk goes on. Nothing is read here.
    """
    yield from _walk(root, {os.path.realpath(root)})


def _walk(folder: Path, seen: set[str]) -> Iterator[Path | InputProblem]:
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as exc:
        yield InputProblem(
            origin=str(folder), message=f"cannot list the folder: {exc.strerror or exc}"
        )
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = folder / entry.name
        try:
            if entry.is_dir():
                real = os.path.realpath(path)
                if real in seen:
                    yield InputProblem(
                        origin=str(path), message="a link to a folder that is already read; skipped"
                    )
                    continue
                seen.add(real)
                yield from _walk(path, seen)
            elif entry.is_file():
                yield path
            elif entry.is_symlink():
                yield InputProblem(origin=str(path), message="broken symbolic link")
            else:
                yield InputProblem(
                    origin=str(path), message="not a regular file (device, socket or pipe)"
                )
        except OSError as exc:
            yield InputProblem(origin=str(path), message=f"cannot read: {exc.strerror or exc}")
