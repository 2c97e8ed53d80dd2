"""Input readers: every supported file format turned into :class:`StoryInput` records.

::

    from sinograph.loaders.inputs import InputProblem, read_stories

    for item in read_stories("samples/stories", published="2025-07-01"):
        if isinstance(item, InputProblem):
            print("skipped", item)
        else:
            handle(item)

Formats: plain text and Markdown articles (with optional front matter),
multi-story digests, HTML pages, RSS/Atom feeds and JSON Lines, or a folder of
any of them. ``detect_format`` also recognises a sinograph graph export
(``json-graph``) so callers can send it to the graph loader instead. See
``docs/inputs.md`` for the precedence rules and every message.
"""

from sinograph.loaders.inputs.detect import FORMATS, STORY_EXTENSIONS, detect_format
from sinograph.loaders.inputs.problems import InputProblem
from sinograph.loaders.inputs.reader import DEFAULT_MAX_BYTES, read_stories, read_text

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FORMATS",
    "STORY_EXTENSIONS",
    "InputProblem",
    "detect_format",
    "read_stories",
    "read_text",
]
