"""The JSON API against a real server over a fake library."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.api import CSP
from tests.web._fake import PartialLibrary

AUTH = {"Authorization": "Bearer s3cret"}


@pytest.mark.parametrize(
    ("path", "key", "expected"),
    [
        ("/api/articles", "items", 3),
        ("/api/articles?since=2014-01-01", "items", 2),
        ("/api/search?q=putin", "items", 2),
        ("/api/search?q=putin&since=2010-01-01", "items", 1),
        ("/api/search?q=putin&entity=person:putin", "items", 2),
        ("/api/search?q=putin&source=warc", "items", 1),
        ("/api/search?q=talks&story=st1", "items", 2),
        ("/api/search?q=talks&story=missing", "items", 0),
        ("/api/events", "items", 2),
        ("/api/stories", "items", 1),
        ("/api/entities", "items", 1),
    ],
)
def test_listings_count(client: Any, path: str, key: str, expected: int) -> None:
    response = client.get(path)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["ok"] is True
    assert len(body[key]) == expected


@pytest.mark.parametrize(
    ("path", "field", "value"),
    [
        ("/api/articles/a2014", "story", {"id": "st1", "title": "Russia–Japan island dispute"}),
        ("/api/stories/st1", "story", "st1"),
        ("/api/events/ev2005", "event", "ev2005"),
        ("/api/entities/place:kurils", "entity", "place:kurils"),
    ],
)
def test_details(client: Any, path: str, field: str, value: Any) -> None:
    body = client.get(path).json()
    got = body[field]
    assert (got if isinstance(value, dict) else got["id"]) == value


def test_article_carries_annotations(client: Any) -> None:
    body = client.get("/api/articles/a2014").json()
    assert [t["value"] for t in body["timexes"]] == ["2005"]
    assert body["entities"][0]["entity_id"] == "person:putin"
    assert body["links"][0]["articles"] == ["a2005"]
    assert client.get("/api/articles/a2005").json()["backlinks"][0]["source"]["article"] == "a2014"


@pytest.mark.parametrize(
    "path",
    ["/api/articles/nope", "/api/stories/nope", "/api/events/nope", "/api/entities/nope"],
)
def test_missing_is_404_json(client: Any, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.json()["ok"] is False
    assert "nope" in response.json()["error"]


def test_cursor_walks_every_item_once(client: Any) -> None:
    seen: list[str] = []
    url = "/api/articles?limit=2"
    first = client.get(url).json()
    seen += [a["id"] for a in first["items"]]
    assert first["next"]
    second = client.get(f"{url}&cursor={first['next']}").json()
    seen += [a["id"] for a in second["items"]]
    assert second["next"] is None
    assert sorted(seen) == ["a2005", "a2014", "axss"]


@pytest.mark.parametrize("cursor", ["garbage!", "bzotMQ", "eDox"])
def test_bad_cursor_is_400(client: Any, cursor: str) -> None:
    response = client.get(f"/api/articles?cursor={cursor}")
    assert response.status_code == 400
    assert "cursor" in response.json()["error"]


def test_etag_gives_304(client: Any) -> None:
    first = client.get("/api/stories/st1")
    etag = first.headers["etag"]
    again = client.get("/api/stories/st1", headers={"If-None-Match": etag})
    assert again.status_code == 304
    other = client.get("/api/stories/st1", headers={"If-None-Match": '"stale"'})
    assert other.status_code == 200


@pytest.mark.parametrize(
    ("fmt", "media"),
    [
        ("markdown", "text/markdown"),
        ("csv", "text/csv"),
        ("html", "text/html"),
        ("timelinejs", "application/json"),
    ],
)
def test_timeline_formats(client: Any, fmt: str, media: str) -> None:
    response = client.get(f"/api/stories/st1/timeline?format={fmt}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media)
    assert response.text.startswith(f"{fmt}:")


def test_timeline_json_and_bad_format(client: Any) -> None:
    body = client.get("/api/stories/st1/timeline").json()
    assert [e["time"]["value"] for e in body["timeline"]["entries"]][:2] == ["2005-11-20", "2005"]
    assert client.get("/api/stories/st1/timeline?format=pdf").status_code == 422
    assert client.get("/api/stories/nope/timeline").status_code == 404


def test_missing_library_methods_give_501(serve_app: Any) -> None:
    partial = serve_app(PartialLibrary())
    assert partial.get("/api/stories").status_code == 501
    assert partial.get("/api/entities/x").json()["ok"] is False
    # the article page and search still work, with empty sections
    assert partial.get("/api/articles/a2014").json()["links"] == []
    assert partial.get("/api/search?q=putin").status_code == 200
    assert partial.get("/stories").status_code == 200
    assert partial.get("/articles/a2014").status_code == 200


def test_docs_and_openapi_are_local(client: Any) -> None:
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "/api/stories/{story_id}/timeline" in docs.text
    assert "cdn" not in docs.text.lower()
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/search", "/api/ingest", "/api/corrections"} <= set(paths)


@pytest.mark.parametrize(
    "path", ["/", "/api/stories", "/articles/a2014", "/nope", "/static/style.css"]
)
def test_security_headers_everywhere(client: Any, path: str) -> None:
    headers = client.get(path).headers
    assert headers["content-security-policy"] == CSP
    assert headers["x-content-type-options"] == "nosniff"
    assert "'unsafe-inline'" not in CSP
