"""Due-diligence commands: ``dossier`` (one entity, Markdown, HTML or JSON) and ``screen``
(a CSV of counterparties, each matched with reasons and flagged).

``cli.main`` imports this module only when one of these commands runs or shows its help
(the dossier and screening code, numpy and rich are not needed by any other command).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError

from sinograph.cli.commands.core import AsJson, opened_store
from sinograph.cli.errors import err_console, reported
from sinograph.cli.output import out_console, print_json
from sinograph.cli.settings import run_settings
from sinograph.graph.diligence.dossier import build_dossier
from sinograph.graph.diligence.dossier_render import FORMATS, render_dossier
from sinograph.graph.diligence.screening import (
    MAX_SCREEN_NAMES,
    ScreenRequest,
    ScreenResult,
    screen,
)
from sinograph.graph.model.errors import InvalidInput
from sinograph.graph.model.names import CONFIDENT_SCORE

__all__ = ["app", "read_screen_csv", "register"]

_MAX_CSV_BYTES = 5_000_000


def dossier(
    ctx: typer.Context,
    entity: Annotated[str, typer.Argument(help="entity id, name, alias, ticker or identifier")],
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="as it stood on this date (default: today)")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="md | html | json")] = "md",
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="write to this file instead of stdout")
    ] = None,
    max_hops: Annotated[int, typer.Option("--max-hops", help="ownership hops, 1 to 6")] = 4,
) -> None:
    """A due-diligence dossier: identity, owners up to the ultimate parents, holdings,
    people, government acts on the entity, its owners and holdings (with the path), deals
    and counterparties, timeline, and numbered sources.

    Exit code 1 when the name matches nothing, 2 when it fits several entities.
    """
    with reported(ctx), opened_store(run_settings(ctx)) as store:
        if fmt not in FORMATS:
            raise InvalidInput(f"unknown format {fmt!r}; use md, html or json")
        text = render_dossier(build_dossier(store, entity, as_of=as_of, max_hops=max_hops), fmt)
        if out is None:
            typer.echo(text, nl=False)
        else:
            out.write_text(text, encoding="utf-8")
            err_console().print(f"wrote {out}", markup=False)


def read_screen_csv(path: Path) -> list[dict[str, str | None]]:
    """The names of a screening CSV: a header row naming a ``name`` column (``country`` and
    ``identifier`` optional; a row with only an identifier is screened by it), or no header
    and the name in the first column.

    Raises :class:`InvalidInput` for a missing or unreadable file, or one with no names.
    """
    if not path.is_file():
        raise InvalidInput(f"no such file: {path}")
    raw = path.read_bytes()
    if len(raw) > _MAX_CSV_BYTES:
        raise InvalidInput(f"{path} is larger than {_MAX_CSV_BYTES:,} bytes")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInput(f"{path} is not UTF-8 text: {exc.reason}") from None
    rows = [r for r in csv.reader(io.StringIO(text)) if any(c.strip() for c in r)]
    if not rows:
        raise InvalidInput(f"{path} holds no names")
    header = [c.strip().lower() for c in rows[0]]
    columns: dict[str, int]
    if "name" in header:
        columns = {k: header.index(k) for k in ("name", "country", "identifier") if k in header}
        rows = rows[1:]
    else:
        columns = {"name": 0}

    def cell(row: list[str], key: str) -> str | None:
        i = columns.get(key)
        value = row[i].strip() if i is not None and i < len(row) else ""
        return value or None

    # A row with only an identifier is screened by it (the code stands in for the name).
    names = [
        {"name": cell(r, "name") or cell(r, "identifier"), "country": cell(r, "country"),
         "identifier": cell(r, "identifier")}
        for r in rows
    ]
    missing = [str(n) for n, item in enumerate(names, 2 if "name" in header else 1)
               if not item["name"]]
    if missing:
        raise InvalidInput(f"{path}: no name on line {', '.join(missing[:5])}")
    if not names:
        raise InvalidInput(f"{path} holds no names, only a header")
    if len(names) > MAX_SCREEN_NAMES:
        raise InvalidInput(f"{path}: at most {MAX_SCREEN_NAMES} names per screening")
    return names


def _result_line(result: ScreenResult) -> str:
    name = result.input.name
    if result.status == "matched" and result.entity is not None:
        why = ", ".join(result.reasons)
        flags = f"; {len(result.flags)} flag(s)" if result.flags else "; no flag"
        entity = result.entity
        return f"{name}: {entity.name} ({why}, {result.score:g}){flags}  id={entity.id}"
    if result.status == "ambiguous":
        options = "; ".join(f"{c.entity.name} ({c.entity.id})" for c in result.candidates)
        return f"{name}: AMBIGUOUS, candidates: {options}"
    hint = ""
    if result.candidates:
        hint = "; did you mean " + ", ".join(c.entity.name for c in result.candidates[:3])
    return f"{name}: no match{hint}"


def screen_names(
    ctx: typer.Context,
    names_csv: Annotated[Path, typer.Argument(help="CSV: name[,country][,identifier]")],
    as_of: Annotated[str | None, typer.Option("--as-of", help="flags as of this date")] = None,
    hops: Annotated[int, typer.Option(help="ownership hops for flags, 0 to 6")] = 2,
    min_score: Annotated[
        float, typer.Option("--min-score", help="lowest fuzzy score that counts as a match")
    ] = CONFIDENT_SCORE,
    as_json: AsJson = False,
) -> None:
    """Screen a list of counterparties: the entity each name is and why (identifier, exact,
    alias, Chinese name, short name, prefix, fuzzy), ambiguous names with their candidates,
    no match, and risk flags (sanctioned, banned, fined, under investigation, tariffed)
    within `--hops` ownership hops, each with the act and the path. A flag on a fuzzy match
    says so. Exit code 0 even when names are flagged; 2 for a bad file or option."""
    with reported(ctx, as_json=as_json), opened_store(run_settings(ctx)) as store:
        try:
            request = ScreenRequest.model_validate(
                {"names": read_screen_csv(names_csv), "as_of": as_of, "hops": hops,
                 "min_score": min_score}
            )
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(p) for p in err["loc"])
            raise InvalidInput(f"{where}: {err['msg']}") from None
        results = screen(store, request)
        if as_json:
            print_json([r.model_dump(mode="json") for r in results])
            return
        console = out_console()
        for result in results:
            console.print(_result_line(result), markup=False)
            for flag in result.flags:
                x = flag.exposure
                where = "itself" if x.relation == "self" else f"{x.relation} {x.hops} hop(s) away"
                console.print(
                    f"  {flag.flag.upper()}: {x.act.subject_name} {x.act.predicate.value} "
                    f"{x.target.name} ({x.act.date or 'undated'}; {where})",
                    markup=False,
                )
                for step in x.path:
                    console.print(
                        f"    via {step.subject_name} {step.predicate.value} {step.object_name}",
                        markup=False,
                    )
                if flag.note:
                    console.print(f"    note: {flag.note}", markup=False)


def register(app: typer.Typer) -> None:
    """Add the due-diligence commands to ``app``."""
    app.command()(dossier)
    app.command("screen")(screen_names)


app = typer.Typer(rich_markup_mode=None, add_completion=False)
register(app)
