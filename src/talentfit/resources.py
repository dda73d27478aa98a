"""Access to the data files and templates shipped inside the package.

Knowledge (lexicons, rules, rubrics, values, questions) lives in TOML files under
``talentfit/data/``; it is read once with :mod:`importlib.resources` and cached.
"""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from .errors import ConfigError

__all__ = ["data_file", "load_data_toml", "templates_dir"]


def data_file(relpath: str) -> Traversable:
    """The packaged data file ``talentfit/data/<relpath>``."""
    node = resources.files("talentfit").joinpath("data")
    for part in relpath.split("/"):
        node = node.joinpath(part)
    return node


@functools.cache
def load_data_toml(relpath: str) -> dict[str, Any]:
    """Parse a packaged TOML data file (cached: each file is read once per process)."""
    node = data_file(relpath)
    try:
        text = node.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"packaged data file is missing: {relpath}") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", path=f"talentfit/data/{relpath}") from None


def templates_dir() -> Path:
    """Directory of the built-in jinja2 templates.

    In an installed wheel they live in ``talentfit/templates``; in a source checkout
    they are the top-level ``templates/`` folder.
    """
    packaged = Path(str(resources.files("talentfit"))) / "templates"
    if packaged.is_dir():
        return packaged
    source = Path(__file__).resolve().parents[2] / "templates"
    if source.is_dir():
        return source
    raise ConfigError("talentfit's templates are missing from this installation")
