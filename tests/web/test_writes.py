"""Writes: the token, uploads and their size limit, corrections."""

from __future__ import annotations

from typing import Any

import pytest

AUTH = {"Authorization": "Bearer s3cret"}


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({}, 401),
        ({"Authorization": "Bearer wrong"}, 401),
        ({"Authorization": "Basic s3cret"}, 401),
        ({"Authorization": "Bearer s3cret"}, 200),
    ],
)
def test_corrections_need_the_token(client: Any, headers: dict[str, str], status: int) -> None:
    body = {
        "action": "alias",
        "canonical": "place:kurils",
        "alias": "Chishima",
        "viewpoint": "Japan",
    }
    response = client.post("/api/corrections", json=body, headers=headers)
    assert response.status_code == status, response.text
    expected = [("place:kurils", "Chishima", "Japan")] if status == 200 else []
    assert client.library.aliases == expected


def test_without_a_server_token_writes_are_refused(serve_app: Any) -> None:
    read_only = serve_app()
    files = {"files": ("a.txt", b"Some news.", "text/plain")}
    response = read_only.post("/api/ingest", files=files, headers=AUTH)
    assert response.status_code == 403
    assert "STORYLINE_TOKEN" in response.json()["error"]
    assert read_only.library.ingested == []


@pytest.mark.parametrize(
    ("body", "status", "field", "value"),
    [
        ({"action": "merge", "stories": ["st1", "st9"]}, 200, "story", "st1"),
        ({"action": "split", "story": "st1", "events": ["ev2014"]}, 200, "story", "st2"),
        ({"action": "fix_date", "article": "a2005", "date": "2005-11-21"}, 200, "article", "a2005"),
        ({"action": "merge", "stories": ["st1"]}, 422, "error", None),
        ({"action": "split", "story": "st1"}, 422, "error", None),
        ({"action": "fix_date", "article": "a2005"}, 422, "error", None),
        ({"action": "explode"}, 422, "error", None),
    ],
)
def test_corrections(
    client: Any, body: dict[str, Any], status: int, field: str, value: Any
) -> None:
    response = client.post("/api/corrections", json=body, headers=AUTH)
    assert response.status_code == status, response.text
    data = response.json()
    if value is None:
        assert data["ok"] is False and data[field]
    else:
        assert data[field]["id"] == value


def test_upload_is_ingested_with_safe_names(client: Any) -> None:
    files = [
        ("files", ("../../etc/passwd", b"News one.", "text/plain")),
        ("files", ("b c.html", b"<p>News two.</p>", "text/html")),
    ]
    response = client.post("/api/ingest", files=files, headers=AUTH)
    assert response.status_code == 200, response.text
    assert response.json()["report"]["documents"] == 2
    assert client.library.ingested == [["0000-passwd", "0001-b_c.html"]]


@pytest.mark.parametrize("chunked", [False, True])
def test_upload_over_the_limit_is_413(client: Any, chunked: bool) -> None:
    payload = b"x" * 10_000
    if chunked:
        response = client.post(
            "/api/ingest",
            content=iter([payload[:5000], payload[5000:]]),
            headers={**AUTH, "Content-Type": "multipart/form-data; boundary=zz"},
        )
    else:
        files = {"files": ("big.txt", payload, "text/plain")}
        response = client.post("/api/ingest", files=files, headers=AUTH)
    assert response.status_code == 413
    assert client.library.ingested == []


def test_upload_without_files_is_400(client: Any) -> None:
    response = client.post("/api/ingest", data={"x": "1"}, headers=AUTH)
    assert response.status_code == 400
