# ruff: noqa: F821, B018  (a vulture whitelist: bare names, read by vulture, never run)
"""Names vulture cannot see used: framework entry points and fields read by frameworks.

``tests/unit/test_dead_code.py`` runs vulture over the code with this file; anything else
it reports is dead code. Add a name here only when a framework calls or reads it
(pydantic fields serialised into API answers, a click hook, a function attribute typer
reads); validators and routes are already recognised by their decorators (the
``[tool.vulture]`` table in pyproject.toml).
"""

# pydantic response fields: serialised into API and CLI answers, never read in Python.
loc  # api/problems.py: ValidationIssue.loc
writes  # api/schemas.py: Health.writes
classes  # api/schemas.py: Cytoscape element classes
timeline_truncated  # graph/diligence/dossier.py: Dossier.timeline_truncated

# click calls it to list the commands in `sinograph --help`.
format_commands  # cli/main.py: _LazyGroup.format_commands

# typer reads a command's parameters from its __signature__.
__signature__  # cli/queries.py: query_command
