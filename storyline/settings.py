"""Settings: one frozen dataclass, filled from defaults < TOML file < environment < flags.

Every field has a default and help text; the same names are used as ``--flag-names`` on the
command line, as keys in ``storyline.toml`` and, upper-cased with a ``STORYLINE_`` prefix, as
environment variables (``STORYLINE_DB``, ``STORYLINE_WORKERS``).
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyline.errors import UsageError

DEFAULT_CONFIG = "storyline.toml"


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a user can configure, with defaults."""

    db: str = field(default="storyline.db", metadata={"help": "path of the SQLite store"})
    workers: int = field(
        default=1, metadata={"help": "processes that extract articles in parallel"}
    )
    commit_every: int = field(
        default=200, metadata={"help": "documents stored per transaction while ingesting"}
    )
    date_search: str = field(
        default="extensive",
        metadata={"help": "how hard to look for dates in HTML: 'fast' or 'extensive'"},
    )
    max_record_bytes: int = field(
        default=20 * 2**20, metadata={"help": "largest single record read; larger are skipped"}
    )
    max_inflated_bytes: int = field(
        default=2 * 2**30,
        metadata={"help": "most bytes one compressed file may inflate to (bomb guard)"},
    )

    @staticmethod
    def help_of(name: str) -> str:
        """Return the help text of the field ``name``."""
        for item in dataclasses.fields(Settings):
            if item.name == name:
                return str(item.metadata.get("help", ""))
        raise KeyError(name)


def _coerce(name: str, raw: Any, origin: str) -> Any:
    """Convert ``raw`` to the type of the field ``name``, or raise `UsageError`."""
    default = getattr(Settings(), name)
    if isinstance(default, bool):
        if isinstance(raw, bool):
            return raw
        return str(raw).lower() in {"1", "true", "yes", "on"}
    if isinstance(default, int):
        try:
            return int(raw)
        except (TypeError, ValueError):
            raise UsageError(f"{origin}: '{name}' must be a whole number, got {raw!r}") from None
    return str(raw)


def load_settings(
    config: str | Path | None = None,
    env: Mapping[str, str] | None = None,
    **overrides: Any,
) -> Settings:
    """Build `Settings` from defaults, a TOML file, ``STORYLINE_*`` variables and overrides.

    Args:
        config: a TOML file; ``None`` reads ``./storyline.toml`` when it exists.
        env: the environment to read (``os.environ`` by default).
        overrides: values given as flags; ``None`` values are ignored.

    Raises:
        UsageError: for an unreadable config file, an unknown key or a badly typed value.
    """
    env = os.environ if env is None else env
    names = {f.name for f in dataclasses.fields(Settings)}
    values: dict[str, Any] = {}
    path = Path(config) if config is not None else Path(DEFAULT_CONFIG)
    if config is not None or path.exists():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise UsageError(f"{path}: cannot read settings: {exc}") from None
        for key, raw in data.items():
            name = key.replace("-", "_")
            if name not in names:
                raise UsageError(f"{path}: unknown setting '{key}'")
            values[name] = _coerce(name, raw, str(path))
    for name in names:
        raw_env = env.get(f"STORYLINE_{name.upper()}")
        if raw_env is not None:
            values[name] = _coerce(name, raw_env, f"STORYLINE_{name.upper()}")
    for name, raw in overrides.items():
        if raw is not None:
            values[name] = _coerce(name, raw, f"--{name.replace('_', '-')}")
    return Settings(**values)
