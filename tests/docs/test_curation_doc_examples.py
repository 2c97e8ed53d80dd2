"""Every example in docs/curation.md runs against the samples, in the document's order.

The ``curl`` examples go to the app (``TestClient``) with an API key named
``review-team``, each on the store the one before left (a split, then the merge that
undoes it); the answers shown after them must agree on every ``"name": value`` pair,
as in docs/api.md (``tests/docs/test_api_doc_examples.py``). The ``sinograph`` lines of
the block marked ``<!-- doc-test: cli -->`` run through the CLI, in order, on a store of
their own; a block marked ``<!-- doc-test: output of COMMAND -->`` is what COMMAND prints.
``$FACT`` is CATL's Shenzhen listing, found as the document says: on CATL's timeline.
"""

from __future__ import annotations

import re
import shlex
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from sinograph.api.app import create_app
from sinograph.cli.main import app
from sinograph.graph.model.queries import TimelineQuery
from sinograph.graph.stores.embedded import EmbeddedStore
from tests.api.support import make_settings
from tests.conftest import ROOT
from tests.docs.test_api_doc_examples import check_examples, curl_examples

DOC = (ROOT / "docs" / "curation.md").read_text("utf-8")
_BLOCK = re.compile(r"<!-- doc-test: (.+?) -->\s*\n```[a-z]*\n(.*?)```", re.DOTALL)
KEY = "doc-test-key"


def _store(samples_store: Path, folder: Path) -> Path:
    path = folder / "graph.db"
    shutil.copyfile(samples_store, path)
    return path


def _fact(path: Path) -> str:
    """CATL's listing on the Shenzhen Stock Exchange (the document's ``$FACT``)."""
    store = EmbeddedStore(path)
    try:
        store.ensure_schema()
        page = store.timeline(TimelineQuery(entity="CATL", limit=100))
        keys = [i.fact.key for i in [*page.items, *page.undated] if i.fact is not None
                and i.fact.predicate == "LISTED_ON"
                and i.fact.object == "company:shenzhen-stock-exchange"]
    finally:
        store.close()
    assert len(keys) == 1, "the samples no longer hold CATL's Shenzhen listing: update the doc"
    return keys[0]


@pytest.fixture
def client(tmp_path: Path, samples_store: Path) -> Iterator[tuple[TestClient, str]]:
    path = _store(samples_store, tmp_path)
    fact = _fact(path)
    store = EmbeddedStore(path)
    store.ensure_schema()
    settings = make_settings(path, api_key=KEY, api_key_name="review-team")
    try:
        with TestClient(create_app(settings, store)) as test_client:
            yield test_client, fact
    finally:
        store.close()


def test_every_api_example_answers_as_the_document_says(
    client: tuple[TestClient, str], tmp_path: Path
) -> None:
    test_client, fact = client
    examples = curl_examples(DOC)
    assert len(examples) >= 12
    routes = {re.sub(r"[?'\"].*", "", c.split("localhost:8000")[1].split()[0]).split("/")[-1]
              for c, _ in examples}
    assert {"reject", "restore", "rejected", "split", "merge", "edit", "log"} <= routes
    check_examples(test_client, examples, {"FACT": fact, "SINOGRAPH_API_KEY": KEY}, tmp_path)
    # Without the key a change is refused, and nothing is logged.
    before = test_client.get("/curation/log").json()["items"]
    refused = test_client.post(f"/facts/{fact}/reject", json={"reason": "no key"})
    assert refused.status_code == 401
    assert test_client.get("/curation/log").json()["items"] == before


def _blocks(kind: str) -> list[tuple[str, str]]:
    return [(label, body) for label, body in _BLOCK.findall(DOC) if label.startswith(kind)]


def test_every_cli_example_runs_as_written(
    tmp_path: Path, samples_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _store(samples_store, tmp_path)
    fact = _fact(path)
    monkeypatch.setenv("SINOGRAPH_STORE", str(path))
    runner = CliRunner()
    lines = [line.strip() for _, body in _blocks("cli") for line in body.splitlines()
             if line.strip().startswith("sinograph ")]
    assert len(lines) >= 8
    verbs = {shlex.split(line)[1] for line in lines}
    assert {"reject-fact", "restore-fact", "rejected", "merge", "split", "edit",
            "curation-log"} <= verbs
    printed = {}
    for line in lines:
        args = shlex.split(line.replace("$FACT", fact))[1:]
        result = runner.invoke(app, args)
        assert result.exit_code == 0, f"{line}: {result.output}"
        printed[args[0]] = result.output
    assert "cli:ana" in printed["curation-log"]
    assert '"action": "merge_entities"' in printed["curation-log"]  # the --json line ran last
    outputs = _blocks("output of")
    assert outputs
    for label, body in outputs:
        args = shlex.split(label.removeprefix("output of "))[1:]
        result = runner.invoke(app, args)
        shown = " ".join(body.split())
        assert " ".join(result.output.split()) == shown, label
        assert result.exit_code == (2 if shown.startswith("error:") else 0), label
