"""Build the FastAPI application and run it with uvicorn."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from fastapi import FastAPI, HTTPException, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from storyline.api._access import LibraryAccess, Unavailable
from storyline.api._pages import build_pages
from storyline.api._routes import build_router
from storyline.api._security import (
    DEFAULT_MAX_UPLOAD_BYTES,
    BodyTooLarge,
    SecurityMiddleware,
    safe_url,
)
from storyline.errors import StorylineError
from storyline.web import STATIC_DIR, TEMPLATES_DIR

logger = logging.getLogger(__name__)


def create_app(
    library: Any,
    *,
    token: str | None = None,
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES,
    open_reader: Callable[[], Any] | None = None,
) -> FastAPI:
    """Return the web app (HTML pages, JSON API under ``/api``) over ``library``.

    Example::

        import storyline
        from storyline.api import create_app

        app = create_app(storyline.open("news.db"), token="s3cret")

    Args:
        library: a `storyline.Library` (or an object with the same methods).
        token: the secret that write requests must send as ``Authorization: Bearer``;
            ``None`` makes the server read-only.
        max_upload_bytes: the largest request body accepted (uploads included).
        open_reader: opens another library on the same store; when given, reads run
            on one such library per worker thread, side by side, instead of one at a
            time on ``library`` (which still takes every write).
    """
    app = FastAPI(
        title="storyline",
        summary="Stories, timelines and mention links from a news archive.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    access = LibraryAccess(library, open_reader=open_reader)
    app.state.access = access
    templates = _templates()
    app.add_middleware(SecurityMiddleware, max_bytes=max_upload_bytes)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(build_router(access, token))
    app.include_router(build_pages(access, templates))
    _add_docs(app, templates)
    _add_error_handlers(app, templates)
    return app


def _templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["safe_url"] = safe_url
    return Jinja2Templates(env=env)


def _add_docs(app: FastAPI, templates: Jinja2Templates) -> None:
    @app.get("/docs", include_in_schema=False)
    def docs(request: Request) -> Response:
        schema = app.openapi()
        operations = [
            {"method": method.upper(), "path": path, **operation}
            for path, methods in schema.get("paths", {}).items()
            for method, operation in methods.items()
        ]
        return templates.TemplateResponse(request, "docs.html", {"operations": operations})


def _add_error_handlers(app: FastAPI, templates: Jinja2Templates) -> None:
    def respond(request: Request, status: int, message: str, headers: Any = None) -> Response:
        if request.url.path.startswith("/api") or request.url.path == "/openapi.json":
            content = {"ok": False, "error": message}
            return JSONResponse(content, status_code=status, headers=headers)
        context = {"status": status, "message": message}
        return templates.TemplateResponse(
            request, "error.html", context, status_code=status, headers=headers
        )

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return respond(request, exc.status_code, str(exc.detail), exc.headers)

    @app.exception_handler(404)
    async def not_found(request: Request, exc: Exception) -> Response:
        detail = getattr(exc, "detail", None) or "not found"
        return respond(request, 404, str(detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors()
        )
        return respond(request, 422, f"invalid request: {problems}")

    @app.exception_handler(Unavailable)
    async def unavailable(request: Request, exc: Unavailable) -> Response:
        return respond(request, 501, str(exc))

    @app.exception_handler(BodyTooLarge)
    async def too_large(request: Request, exc: BodyTooLarge) -> Response:
        return respond(request, 413, str(exc))

    @app.exception_handler(StorylineError)
    async def storyline_error(request: Request, exc: StorylineError) -> Response:
        return respond(request, 400, str(exc))


_ENV_DB = "STORYLINE_SERVE_DB"
_ENV_TOKEN = "STORYLINE_SERVE_TOKEN"
_ENV_MAX_UPLOAD = "STORYLINE_SERVE_MAX_UPLOAD"


def app_from_environment() -> FastAPI:
    """Build the app of one server process from what `serve` left in the environment.

    With ``workers > 1`` uvicorn starts each worker process afresh and calls this
    factory there; every worker opens the store itself.
    """
    import storyline

    db = Path(os.environ[_ENV_DB])
    library = storyline.open(db)
    app = create_app(
        library,
        token=os.environ.get(_ENV_TOKEN) or None,
        max_upload_bytes=int(os.environ.get(_ENV_MAX_UPLOAD, DEFAULT_MAX_UPLOAD_BYTES)),
        open_reader=lambda: storyline.open(db),
    )

    def close() -> None:
        app.state.access.close()
        library.close()

    app.router.on_shutdown.append(close)
    return app


def serve(
    db: Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    *,
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES,
    workers: int = 1,
) -> None:
    """Open the archive ``db`` and serve the web UI and API until interrupted.

    Args:
        db: the store file.
        host: the address to listen on; only this machine by default.
        port: the port to listen on.
        token: the write token (``None``: read-only).
        max_upload_bytes: the largest request body accepted.
        workers: server processes; more than one lets requests use several cores
            (each process keeps its own caches; SQLite serialises the writes).
    """
    import uvicorn

    import storyline

    if workers > 1:
        os.environ[_ENV_DB] = str(db)
        os.environ[_ENV_TOKEN] = token or ""
        os.environ[_ENV_MAX_UPLOAD] = str(max_upload_bytes)
        uvicorn.run(
            "storyline.api._app:app_from_environment",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_level="warning",
        )
        return

    with storyline.open(db) as library:
        app = create_app(
            library,
            token=token,
            max_upload_bytes=max_upload_bytes,
            open_reader=lambda: storyline.open(db),
        )
        try:
            uvicorn.run(app, host=host, port=port, log_level="warning")
        finally:
            app.state.access.close()
