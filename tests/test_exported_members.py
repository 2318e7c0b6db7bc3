"""Each public package's ``__all__`` is sorted and names only things it defines."""

from __future__ import annotations

import importlib

import pytest

PACKAGES = [
    "storyline",
    "storyline.entities",
    "storyline.events",
    "storyline.extract",
    "storyline.ingest",
    "storyline.links",
    "storyline.store",
    "storyline.stories",
    "storyline.time",
    "storyline.timelines",
]


@pytest.mark.parametrize("name", PACKAGES)
def test_all_is_sorted_and_resolves(name: str) -> None:
    module = importlib.import_module(name)
    exported = list(module.__all__)
    assert exported == sorted(exported)
    for member in exported:
        assert getattr(module, member, None) is not None, f"{name}.{member} is missing"
