"""The HTTP API (JSON under ``/api``, OpenAPI at ``/docs``) and the web UI.

Example::

    from pathlib import Path
    from storyline.api import serve

    serve(Path("news.db"), port=8000)   # http://127.0.0.1:8000/

`create_app` builds the FastAPI application over any `storyline.Library`; `serve` opens
a store and runs it with uvicorn.  Writes (``POST /api/ingest``, ``POST
/api/corrections``) need the token; every response carries a Content-Security-Policy.
"""

from __future__ import annotations

from storyline.api._app import create_app, serve
from storyline.api._security import CSP, DEFAULT_MAX_UPLOAD_BYTES

__all__ = ["CSP", "DEFAULT_MAX_UPLOAD_BYTES", "create_app", "serve"]
