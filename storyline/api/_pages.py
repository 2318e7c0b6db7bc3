"""The web UI: server-rendered pages over the same library calls as the JSON API."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request, Response
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from storyline.api._access import LibraryAccess, Unavailable
from storyline.api._routes import SearchFilters, run_search
from storyline.model import Article, MentionLink, Timeline
from storyline.web import Span, highlight, layout_timeline

# Items on the list pages; a screenful on a laptop, more through the API's cursors.
PAGE_ITEMS = 50
# Sources listed by title under a timeline entry; the rest are counted.  Five titles fit
# beside an entry on a laptop screen, and fetching every source of a 20-report event
# doubled the time of a story page on the 100,000-article benchmark store.
SOURCES_SHOWN = 5


def build_pages(access: LibraryAccess, templates: Jinja2Templates) -> APIRouter:
    """Return the HTML routes of the web UI."""
    router = APIRouter(include_in_schema=False)

    def render(request: Request, name: str, **context: Any) -> Response:
        return templates.TemplateResponse(request, name, context)

    @router.get("/")
    def home(request: Request) -> Response:
        stories = access.optional("stories", limit=10, default=[])
        stats = access.optional("stats", default={})
        return render(request, "home.html", stories=stories, stats=stats)

    @router.get("/search")
    def search(
        request: Request,
        q: str = "",
        since: str = "",
        until: str = "",
        source: str = "",
        story: str = "",
    ) -> Response:
        filters = SearchFilters(since or None, until or None, None, source or None, story or None)
        hits = run_search(access, q, filters, PAGE_ITEMS) if q.strip() else []
        for hit in hits:
            hit["story"] = access.optional("story_of_article", hit["id"])
        form = {"q": q, "since": since, "until": until, "source": source, "story": story}
        return render(request, "search.html", form=form, hits=hits)

    @router.get("/stories")
    def stories(request: Request) -> Response:
        return render(request, "stories.html", stories=_stories(access))

    @router.get("/stories/{story_id}")
    def story(request: Request, story_id: str) -> Response:
        found = access.cached("story", story_id)
        if found is None:
            raise HTTPException(404, f"no story with id {story_id!r}")
        # The whole page is kept: rendering a 200-entry timeline costs more than serving it.
        html = access.memo(
            ("story page", story_id),
            lambda: templates.get_template("story.html").render(
                story=found, **_story_view(access, story_id)
            ),
        )
        return HTMLResponse(html)

    @router.get("/articles/{article_id}")
    def article(request: Request, article_id: str) -> Response:
        found: Article | None = access.call("get", article_id)
        if found is None:
            raise HTTPException(404, f"no article with id {article_id!r}")
        return render(request, "article.html", **_article_context(access, found))

    @router.get("/entities")
    def entities(request: Request) -> Response:
        items = access.optional("entities", limit=PAGE_ITEMS, default=[])
        return render(request, "entities.html", entities=items)

    @router.get("/entities/{entity_id}")
    def entity(request: Request, entity_id: str) -> Response:
        found = access.call("entity", entity_id)
        if found is None:
            raise HTTPException(404, f"no entity with id {entity_id!r}")
        return render(request, "entity.html", info=found, entity=found.entity)

    return router


def _stories(access: LibraryAccess) -> list[Any]:
    try:
        return list(access.call("stories", limit=PAGE_ITEMS))
    except Unavailable:
        return []


def _story_view(access: LibraryAccess, story_id: str) -> dict[str, Any]:
    try:
        line: Timeline | None = access.cached("timeline", story_id)
    except Unavailable:
        line = None
    svg = layout_timeline(line) if line is not None else None
    return {"svg": svg, "entries": _entries(access, line)}


def _entries(access: LibraryAccess, line: Timeline | None) -> list[dict[str, Any]]:
    if line is None:
        return []
    titles: dict[str, str] = {}
    out = []
    for index, entry in enumerate(line.entries):
        sources = []
        for article_id in entry.sources[:SOURCES_SHOWN]:
            if article_id not in titles:
                found = access.call("get", article_id)
                titles[article_id] = (found.title if found else None) or article_id
            sources.append({"id": article_id, "title": titles[article_id]})
        out.append({"index": index, "entry": entry, "sources": sources})
    return out


def _article_context(access: LibraryAccess, article: Article) -> dict[str, Any]:
    timexes = access.optional("timexes", article.id, default=())
    mentions = access.optional("entity_mentions", article.id, default=[])
    links: list[MentionLink] = access.optional("links", article.id, default=[])
    backlinks: list[MentionLink] = access.optional("backlinks", article.id, default=[])
    spans = [Span(t.start, t.end, "timex", f"{t.type} {t.value}") for t in timexes]
    spans += [
        Span(int(m["start"]), int(m["end"]), "entity", str(m.get("kind") or "entity"))
        for m in mentions
        if isinstance(m.get("start"), int) and isinstance(m.get("end"), int)
    ]
    spans += [
        Span(x.start, x.end, "link", _link_label(x), _link_target(x))
        for x in links
        if x.article_id == article.id
    ]
    titles = {}
    for x in [*links, *backlinks]:
        for other in [*x.articles, x.article_id]:
            if other not in titles:
                found = access.cached("get", other)
                titles[other] = (found.title if found else None) or other
    return {
        "article": article,
        "blocks": highlight(article.paragraphs, spans),
        "timexes": timexes,
        "mentions": _distinct_entities(mentions),
        "links": links,
        "backlinks": backlinks,
        "titles": titles,
        "story": access.optional("story_of_article", article.id),
    }


def _distinct_entities(mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return one row per entity (first mention's text and kind) with its mention count."""
    rows: dict[str, dict[str, Any]] = {}
    for mention in mentions:
        key = mention.get("entity_id")
        if not isinstance(key, str) or not key:
            continue
        if key in rows:
            rows[key]["count"] += 1
        else:
            rows[key] = {
                "entity_id": key,
                "text": mention.get("text", key),
                "kind": mention.get("kind", ""),
                "count": 1,
            }
    return list(rows.values())


def _link_target(link: MentionLink) -> str | None:
    return f"/articles/{link.articles[0]}" if link.articles else None


def _link_label(link: MentionLink) -> str:
    when = f" ({link.time.value})" if link.time else ""
    return f"refers to an earlier event{when}"
