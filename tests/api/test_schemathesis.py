"""Property-based run of the whole API from its own OpenAPI document (schemathesis).

Every generated request, valid or not, must get an answer below 500 that
matches the schema the document declares for it. The run is seeded and
bounded so that it is repeatable and takes seconds.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path
from typing import Any

import hypothesis
import pytest
import schemathesis
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import response_schema_conformance

from sinograph.api.app import create_app
from tests.api.support import make_settings

CHECKS = [not_a_server_error, response_schema_conformance]
MAX_EXAMPLES = 30

CONFIG = SchemathesisConfig.from_dict(
    {
        "seed": 20250630,
        "generation": {"max-examples": MAX_EXAMPLES, "deterministic": True, "database": "none"},
        "phases": {
            "examples": {"enabled": True},
            "coverage": {"enabled": True},
            "fuzzing": {"enabled": True},
        },
    }
)


# schemathesis's lazy `from_fixture` does not run under this pytest, so the schema is
# loaded when the module is imported, from an app whose store file is filled in by the
# fixture below before the first request (the lifespan opens it on that request).
_FOLDER = Path(tempfile.mkdtemp(prefix="sinograph-schemathesis-"))
# Also when this module's tests are deselected; runs after schemathesis ends the lifespan.
atexit.register(shutil.rmtree, _FOLDER, ignore_errors=True)
APP = create_app(make_settings(_FOLDER / "graph.db"))
schema = schemathesis.openapi.from_dict(APP.openapi(), config=CONFIG)
schema.app = APP  # as `from_asgi` does, without starting the lifespan at import time


@pytest.fixture(scope="module", autouse=True)
def _sample_store(sample_db: Path) -> None:
    """A private copy of the sample store for this run (POST /stories writes to it)."""
    shutil.copyfile(sample_db, _FOLDER / "graph.db")


@schema.parametrize()
def test_api_answers_every_generated_request(case: Any) -> None:
    case.call_and_validate(checks=CHECKS)


class _Workflow(schema.as_state_machine()):  # type: ignore[misc]
    """Sequences of calls that follow the OpenAPI links: search -> entity -> neighbours
    -> fact, search -> paths -> fact, each response checked like the single calls."""

    def validate_response(self, response: Any, case: Any, **kwargs: Any) -> None:
        case.validate_response(response, checks=CHECKS)


TestApiWorkflows = _Workflow.TestCase
TestApiWorkflows.settings = hypothesis.settings(
    max_examples=15,
    stateful_step_count=6,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(hypothesis.HealthCheck),
)
