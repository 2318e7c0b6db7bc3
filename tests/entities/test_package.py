"""Tests for the package surface: exports and the examples in docstrings."""

from __future__ import annotations

import doctest
import importlib

import pytest

import storyline.entities as entities


def test_all_is_sorted_and_importable() -> None:
    assert entities.__all__ == sorted(entities.__all__)
    for name in entities.__all__:
        assert hasattr(entities, name), name


@pytest.mark.parametrize(
    "module",
    [
        "storyline.entities",
        "storyline.entities._aliases",
        "storyline.entities._article",
        "storyline.entities._names",
        "storyline.entities._registry",
        "storyline.entities._resolver",
        "storyline.entities._text",
    ],
)
def test_docstring_examples_run(module: str) -> None:
    names = {name: getattr(entities, name) for name in entities.__all__}
    result = doctest.testmod(importlib.import_module(module), extraglobs=names)
    assert result.attempted > 0
    assert result.failed == 0
