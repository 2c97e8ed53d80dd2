"""Every ``curl`` example in docs/api.md runs against the samples (issue 12, item 11).

The examples are read from the document, turned into requests on the app
(``TestClient``, the samples loaded as ``make run`` loads them) and must succeed,
or answer exactly the problem the document shows after them; a JSON answer the
document shows in a ``# {...}`` comment must agree with the real one on every
``"name": value`` pair it spells out (``…`` stands for the rest; a string
ending in ``…`` for a value that starts so).
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from sinograph.api.app import create_app
from sinograph.graph.stores.embedded import EmbeddedStore
from tests.api.support import make_settings
from tests.conftest import ROOT, SAMPLES

DOC = (ROOT / "docs" / "api.md").read_text("utf-8")
_FENCE = re.compile(r"```(?:bash|sh)\n(.*?)```", re.DOTALL)
_PAIR = re.compile(r'"([a-z_]+)":\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|true|false|null)')


def curl_examples(doc: str) -> list[tuple[str, str | None]]:
    """``(curl command, the answer shown after it or None)`` in ``doc``'s order."""
    found: list[tuple[str, str | None]] = []
    for block in _FENCE.findall(doc):
        lines = block.replace("\\\n", " ").splitlines()
        for i, line in enumerate(lines):
            if not line.strip().startswith("curl "):
                continue
            # A quoted body may go on over several lines.
            while not _complete(line):
                i += 1
                line += "\n" + lines[i]
            shown = []
            for after in lines[i + 1 :]:
                if not after.startswith("#"):
                    break
                shown.append(after.lstrip("# "))
            found.append((line.strip(), " ".join(shown) or None))
    return found


def _complete(command: str) -> bool:
    try:
        shlex.split(command)
    except ValueError:
        return False
    return True


def test_the_document_has_its_examples() -> None:
    routes = {re.sub(r"[?'\"].*", "", c.split("localhost:8000")[1]) for c, _ in curl_examples(DOC)}
    assert {"/health", "/entities", "/paths", "/timeline", "/subgraph", "/export"} <= routes


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, samples_store: Path) -> Iterator[TestClient]:
    path = tmp_path_factory.mktemp("api-doc") / "graph.db"
    shutil.copyfile(samples_store, path)
    store = EmbeddedStore(path)
    store.ensure_schema()
    try:
        with TestClient(create_app(make_settings(path), store)) as test_client:
            yield test_client
    finally:
        store.close()


def _request(client: TestClient, command: str, env: dict[str, str], files: Path) -> Any:
    for name, value in env.items():
        command = command.replace(f"${name}", value)
    args = shlex.split(command)[1:]
    method, headers, data, form, url = "GET", {}, None, {}, None
    upload = None
    i = 0
    while i < len(args):
        arg = args[i]
        if arg in ("-X", "-H", "-d", "-F", "-o"):
            value = args[i + 1]
            i += 2
            if arg == "-X":
                method = value
            elif arg == "-H":
                name, _, text = value.partition(":")
                headers[name.strip()] = text.strip()
            elif arg == "-d":
                method, data = "POST", value
            elif arg == "-F":
                name, _, text = value.partition("=")
                method = "POST"
                if text.startswith("@"):
                    upload = (name, (text[1:], (files / text[1:]).read_bytes()))
                else:
                    form[name] = text
            continue
        if not arg.startswith("-"):
            url = arg
        i += 1
    assert url is not None, command
    target = url.split("localhost:8000", 1)[1]
    if method == "GET":
        return client.get(target, headers=headers)
    if upload is not None:
        return client.post(target, headers=headers, data=form, files=[upload])
    return client.post(target, headers=headers, content=data)


def _flatten(value: Any) -> set[tuple[str, str]]:
    pairs: set[tuple[str, str]] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, dict | list):
                pairs |= _flatten(item)
            else:
                pairs.add((key, json.dumps(item, ensure_ascii=False)))
    elif isinstance(value, list):
        for item in value:
            pairs |= _flatten(item)
    return pairs


def test_every_example_answers_as_the_document_says(
    client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SINOGRAPH_API_KEY", raising=False)
    shutil.copy(SAMPLES / "stories" / "china-business.jsonl", tmp_path / "news.jsonl")
    first = client.get("/timeline", params={"limit": 5}).json()
    env = {"CURSOR": first["next_cursor"], "SINOGRAPH_API_KEY": ""}
    examples = curl_examples(DOC)
    assert len(examples) >= 15
    check_examples(client, examples, env, tmp_path)


def check_examples(
    client: TestClient, examples: list[tuple[str, str | None]], env: dict[str, str],
    files: Path,
) -> None:
    """Run each example in order; each must succeed, or answer the problem shown after it,
    and agree with every ``"name": value`` pair the answer shown spells out."""
    for command, shown in examples:
        response = _request(client, command, env, files)
        expected_problem = None
        if shown and '"type":"/problems/' in shown.replace(" ", ""):
            expected_problem = re.search(r'"type":\s*"(/problems/[a-z-]+)"', shown)
        if expected_problem:
            assert response.json()["type"] == expected_problem.group(1), command
        else:
            assert response.status_code < 400, f"{command}: {response.status_code} {response.text}"
        if shown and shown.lstrip().startswith(("{", "[")):
            body = response.json()
            actual = _flatten(body)
            for name, value in _PAIR.findall(shown):
                shown_value = json.loads(value)
                if isinstance(shown_value, str) and shown_value.endswith("…"):
                    # Shown cut short: the real value starts with what is shown.
                    head = shown_value[:-1]
                    assert any(
                        k == name and json.loads(v).startswith(head)
                        for k, v in actual if v.startswith('"')
                    ), f"{command}: no {name} starting {head!r}"
                    continue
                assert (name, json.dumps(json.loads(value), ensure_ascii=False)) in actual, (
                    f"{command}: the document shows {name}={value}"
                )
