"""Settings precedence: defaults < TOML file < STORYLINE_* variables < flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.errors import UsageError
from storyline.settings import Settings, load_settings


def test_defaults_without_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert load_settings(env={}) == Settings()


def test_precedence(tmp_path: Path) -> None:
    config = tmp_path / "s.toml"
    config.write_text('db = "file.db"\nworkers = 3\ncommit-every = 50\n')
    env = {"STORYLINE_WORKERS": "4", "STORYLINE_DB": "env.db"}
    settings = load_settings(config, env=env, db="flag.db", workers=None)
    assert (settings.db, settings.workers, settings.commit_every) == ("flag.db", 4, 50)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("nonsense = 1\n", "unknown setting 'nonsense'"),
        ("workers = 'many'\n", "'workers' must be a whole number"),
        ("workers = [\n", "cannot read settings"),
    ],
)
def test_bad_config_files_are_usage_errors(tmp_path: Path, text: str, message: str) -> None:
    config = tmp_path / "bad.toml"
    config.write_text(text)
    with pytest.raises(UsageError, match=message):
        load_settings(config, env={})


def test_every_setting_has_help() -> None:
    import dataclasses

    for item in dataclasses.fields(Settings):
        assert Settings.help_of(item.name)
