"""sinograph's HTTP API (FastAPI): ``create_app`` in :mod:`api.app`."""
