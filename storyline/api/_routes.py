"""The JSON API under ``/api``: thin wrappers over `storyline.Library` methods."""

from __future__ import annotations

import dataclasses
import re
import tempfile
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from storyline.api._access import LibraryAccess
from storyline.api._paging import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    encode_json,
    json_response,
    page_of,
    paginate,
)
from storyline.api._security import check_token
from storyline.model import Article

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")]
Cursor = Annotated[str | None, Query(description="The 'next' value of the previous page.")]
# Formats the timeline endpoint serves and their media types (storyline.timelines.FORMATS).
TIMELINE_MEDIA = {
    "json": "application/json",
    "markdown": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "timelinejs": "application/json",
}
# How many search hits to read per page asked when filters drop some: a filtered page
# rarely keeps fewer than one hit in four on the demo corpus and synthetic stores.
FILTER_OVERFETCH = 4
SEARCH_CAP = 1000


class Correction(BaseModel):
    """A user correction: merge or split stories, add an alias, fix a date."""

    action: Literal["merge", "split", "alias", "fix_date"]
    stories: list[str] = Field(default_factory=list, description="merge: the two story ids")
    story: str | None = Field(None, description="split: the story to split")
    events: list[str] = Field(default_factory=list, description="split: events to move out")
    canonical: str | None = Field(None, description="alias: entity id or name")
    alias: str | None = Field(None, description="alias: the new name")
    viewpoint: str | None = Field(None, description="alias: who uses the name")
    article: str | None = Field(None, description="fix_date: the article id")
    date: str | None = Field(None, description="fix_date: the right date (ISO)")


def article_summary(article: Article) -> dict[str, Any]:
    """Return the short JSON shape of an article used in listings."""
    return {
        "id": article.id,
        "title": article.title,
        "published": article.published.value if article.published else None,
        "section": article.section,
        "language": article.language,
        "url": article.url,
        "sources": [s.uri for s in article.sources],
    }


def build_router(access: LibraryAccess, token: str | None) -> APIRouter:
    """Return the ``/api`` routes reading from (and, with the token, writing to) a library."""
    router = APIRouter(prefix="/api", tags=["api"])
    _read_routes(router, access)
    _story_routes(router, access)
    _write_routes(router, access, token)
    return router


def _found(value: Any, what: str, key: str) -> Any:
    if value is None:
        raise HTTPException(404, f"no {what} with id {key!r}")
    return value


def _read_routes(router: APIRouter, access: LibraryAccess) -> None:
    @router.get("/articles", summary="List articles in publication order")
    def articles(
        request: Request,
        since: str | None = None,
        until: str | None = None,
        limit: Limit = DEFAULT_LIMIT,
        cursor: Cursor = None,
    ) -> Response:
        page = page_of(cursor, limit)
        items = access.take("articles", page.stop, since=since, until=until)
        return json_response(request, paginate([article_summary(a) for a in items], page))

    @router.get("/articles/{article_id}", summary="One article with its annotations")
    def article(request: Request, article_id: str) -> Response:
        found: Article = _found(access.call("get", article_id), "article", article_id)
        return json_response(request, {"ok": True, **article_details(access, found)})

    @router.get("/search", summary="Full-text search (FTS5, BM25) with filters")
    def search(
        request: Request,
        q: Annotated[str, Query(min_length=1, description="FTS5 query")],
        since: str | None = None,
        until: str | None = None,
        entity: str | None = None,
        source: str | None = None,
        story: str | None = None,
        limit: Limit = DEFAULT_LIMIT,
        cursor: Cursor = None,
    ) -> Response:
        page = page_of(cursor, limit)
        filters = SearchFilters(since, until, entity, source, story)
        hits = run_search(access, q, filters, page.stop)
        return json_response(request, paginate(hits, page))

    @router.get("/entities", summary="Canonical entities, most reported first")
    def entities(
        request: Request,
        kind: str | None = None,
        limit: Limit = DEFAULT_LIMIT,
        cursor: Cursor = None,
    ) -> Response:
        page = page_of(cursor, limit)
        items = access.call("entities", kind=kind, limit=page.stop)
        return json_response(request, paginate([e.to_dict() for e in items], page))

    @router.get("/entities/{entity_id}", summary="One entity: aliases by viewpoint, roles")
    def entity(request: Request, entity_id: str) -> Response:
        found = _found(access.call("entity", entity_id), "entity", entity_id)
        return json_response(request, {"ok": True, "entity": found.to_dict()})


def _story_routes(router: APIRouter, access: LibraryAccess) -> None:
    @router.get("/events", summary="Events in order of event time")
    def events(
        request: Request,
        story: str | None = None,
        limit: Limit = DEFAULT_LIMIT,
        cursor: Cursor = None,
    ) -> Response:
        page = page_of(cursor, limit)
        items = access.call("events", story=story, limit=page.stop)
        return json_response(request, paginate([e.to_dict() for e in items], page))

    @router.get("/events/{event_id}", summary="One event")
    def event(request: Request, event_id: str) -> Response:
        found = _found(access.call("event", event_id), "event", event_id)
        return json_response(request, {"ok": True, "event": found.to_dict()})

    @router.get("/stories", summary="Stories, most recent activity first")
    def stories(request: Request, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None) -> Response:
        page = page_of(cursor, limit)
        items = access.call("stories", limit=page.stop)
        return json_response(request, paginate([s.to_dict() for s in items], page))

    @router.get("/stories/{story_id}", summary="One story")
    def story(request: Request, story_id: str) -> Response:
        found = _found(access.call("story", story_id), "story", story_id)
        return json_response(request, {"ok": True, "story": found.to_dict()})

    @router.get("/stories/{story_id}/timeline", summary="A story's timeline in any format")
    def timeline(
        request: Request,
        story_id: str,
        format: Literal["json", "markdown", "html", "csv", "timelinejs"] = "json",  # noqa: A002
    ) -> Response:
        _found(access.cached("story", story_id), "story", story_id)
        if format == "json":
            encoded = access.memo(
                ("timeline json", story_id),
                lambda: encode_json(
                    {"ok": True, "timeline": access.cached("timeline", story_id).to_dict()}
                ),
            )
            return json_response(request, None, encoded=encoded)
        line = access.cached("timeline", story_id)
        text = access.call("render_timeline", line, format)
        return Response(text, media_type=TIMELINE_MEDIA[format])


@dataclasses.dataclass(frozen=True, slots=True)
class SearchFilters:
    """Filters applied to search hits: date range, entity, source and story."""

    since: str | None = None
    until: str | None = None
    entity: str | None = None
    source: str | None = None
    story: str | None = None

    @property
    def active(self) -> bool:
        """Whether any filter is set."""
        return any(dataclasses.astuple(self))


def run_search(
    access: LibraryAccess, query: str, filters: SearchFilters, stop: int
) -> list[dict[str, Any]]:
    """Search and filter, returning up to ``stop`` hits as JSON-ready mappings.

    Results are kept in the access's read-through cache, so a query asked again before
    the archive changes is answered without ranking every matching article again.
    """
    key = ("search", query, dataclasses.astuple(filters), stop)
    result: list[dict[str, Any]] = access.memo(
        key, lambda: _search_uncached(access, query, filters, stop)
    )
    return result


def _search_uncached(
    access: LibraryAccess, query: str, filters: SearchFilters, stop: int
) -> list[dict[str, Any]]:
    wanted = min(SEARCH_CAP, stop * FILTER_OVERFETCH if filters.active else stop)
    hits = access.call("search", query, limit=wanted)
    story_articles: set[str] | None = None
    if filters.story:
        found = access.call("story", filters.story)
        story_articles = set(found.articles) if found is not None else set()
    out = []
    for hit in hits:
        if _keep(access, hit.article, filters, story_articles):
            out.append({**article_summary(hit.article), "rank": hit.rank, "snippet": hit.snippet})
        if len(out) >= stop:
            break
    return out


def _keep(
    access: LibraryAccess, article: Article, filters: SearchFilters, story: set[str] | None
) -> bool:
    published = article.published
    if filters.since and (published is None or published.latest < filters.since):
        return False
    if filters.until and (published is None or published.earliest > filters.until):
        return False
    if story is not None and article.id not in story:
        return False
    if filters.source:
        places = [s.uri for s in article.sources] + [article.url or ""]
        if not any(filters.source.lower() in p.lower() for p in places):
            return False
    if filters.entity:
        mentions = access.optional("entity_mentions", article.id, default=[])
        if not any(m.get("entity_id") == filters.entity for m in mentions):
            return False
    return True


def article_details(access: LibraryAccess, article: Article) -> dict[str, Any]:
    """Return an article with its time expressions, entities, links and backlinks."""
    story = access.optional("story_of_article", article.id)
    return {
        "article": article.to_dict(),
        "timexes": [t.to_dict() for t in access.optional("timexes", article.id, default=())],
        "entities": list(access.optional("entity_mentions", article.id, default=[])),
        "links": [x.to_dict() for x in access.optional("links", article.id, default=[])],
        "backlinks": [x.to_dict() for x in access.optional("backlinks", article.id, default=[])],
        "story": {"id": story.id, "title": story.title} if story is not None else None,
    }


def _write_routes(router: APIRouter, access: LibraryAccess, token: str | None) -> None:
    @router.post("/ingest", summary="Upload news files and ingest them (needs the token)")
    async def ingest(request: Request) -> Response:
        check_token(request, token)
        with tempfile.TemporaryDirectory(prefix="storyline-upload-") as folder:
            async with request.form() as form:
                uploads = [f for f in form.getlist("files") if isinstance(f, UploadFile)]
                if not uploads:
                    raise HTTPException(400, "no files: send them as multipart field 'files'")
                for number, upload in enumerate(uploads):
                    target = Path(folder) / f"{number:04d}-{_safe_name(upload.filename)}"
                    target.write_bytes(await upload.read())
            report = await run_in_threadpool(access.call, "ingest", [folder])
        access.invalidate()
        return json_response(request, {"ok": True, "report": dataclasses.asdict(report)})

    @router.post("/corrections", summary="Merge/split stories, add an alias, fix a date")
    def corrections(request: Request, correction: Correction) -> Response:
        check_token(request, token)
        result = apply_correction(access, correction)
        access.invalidate()
        return json_response(request, {"ok": True, **result})


def _safe_name(name: str | None) -> str:
    base = Path(name or "upload").name
    return re.sub(r"[^A-Za-z0-9._-]+", "_", base)[-100:] or "upload"


def apply_correction(access: LibraryAccess, correction: Correction) -> dict[str, Any]:
    """Apply one correction through the library and describe the result."""
    c = correction
    if c.action == "merge":
        if len(c.stories) != 2:
            raise HTTPException(422, "merge needs exactly two story ids in 'stories'")
        return {"story": access.call("merge_stories", *c.stories).to_dict()}
    if c.action == "split":
        if not c.story or not c.events:
            raise HTTPException(422, "split needs 'story' and a non-empty 'events' list")
        return {"story": access.call("split_story", c.story, c.events).to_dict()}
    if c.action == "alias":
        if not c.canonical or not c.alias:
            raise HTTPException(422, "alias needs 'canonical' and 'alias'")
        known = access.call("add_alias", c.canonical, c.alias, c.viewpoint)
        return {"alias": c.alias, "known": bool(known) if known is not None else None}
    if not c.article or not c.date:
        raise HTTPException(422, "fix_date needs 'article' and 'date'")
    return {"article": access.call("fix_date", c.article, c.date).to_dict()}
