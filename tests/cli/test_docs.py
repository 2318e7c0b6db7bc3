"""Every command is documented: help with an example, and a mention in the README."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from storyline.cli import cli
from tests.cli.conftest import run

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "") -> list[str]:
    names = []
    for name, command in sorted(group.commands.items()):
        full = f"{prefix}{name}"
        names.append(full)
        if isinstance(command, click.Group):
            names.extend(_commands(command, full + " "))
    return names


@pytest.mark.parametrize("name", _commands(cli))
def test_command_has_help_with_example(name: str) -> None:
    for flag in ("-h", "--help"):
        result = run(*name.split(), flag)
        assert result.exit_code == 0
        assert "Example:" in result.output, f"'storyline {name} --help' shows no example"


@pytest.mark.parametrize("name", _commands(cli))
def test_command_is_in_readme(name: str) -> None:
    assert f"storyline {name}" in README, f"README does not mention 'storyline {name}'"
