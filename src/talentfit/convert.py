"""The one cattrs converter, and structuring that fails with readable lines.

Data files, rubrics, profiles and user records all go through :func:`structure`, so every
validation failure looks the same: ``required field missing @ $.competencies[2].levels``.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, TypeVar

import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError
from cattrs.v import transform_error

from .errors import ConfigError, TalentfitError

__all__ = ["converter", "error_lines", "structure", "unstructure"]

T = TypeVar("T")

converter = cattrs.Converter(forbid_extra_keys=True)
converter.register_structure_hook(_dt.date, lambda v, _: _as_date(v))
converter.register_unstructure_hook(_dt.date, lambda d: d.isoformat())


def _as_date(value: Any) -> _dt.date:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        return _dt.date.fromisoformat(value)
    raise ValueError(f"expected a date (YYYY-MM-DD), got {value!r}")


def _format_exception(exc: BaseException, type_: Any) -> str:
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, ForbiddenExtraKeysError):
        return f"unknown field(s) {', '.join(sorted(map(repr, exc.extra_fields)))}"
    if isinstance(exc, ValueError | TypeError) and type_ is not None:
        name = getattr(type_, "__name__", None) or str(type_).replace("typing.", "")
        article = "an" if name[:1].lower() in "aeiou" else "a"
        detail = str(exc).splitlines()[0] if str(exc) else ""
        if detail and ("expected" in detail or "must" in detail):
            return detail
        return f"expected {article} {name}" + (f" ({detail})" if detail else "")
    return str(exc) or type(exc).__name__


def error_lines(exc: BaseException, path: str = "$") -> list[str]:
    """Return one ``message @ $.path`` line per failure inside a cattrs error."""
    if isinstance(exc, ClassValidationError | IterableValidationError | ForbiddenExtraKeysError):
        return list(transform_error(exc, path=path, format_exception=_format_exception))
    return [f"{_format_exception(exc, None)} @ {path}"]


def structure(
    data: Any,
    cls: type[T],
    *,
    source: str | None = None,
    error: type[TalentfitError] = ConfigError,
) -> T:
    """Structure ``data`` into ``cls``; raise ``error`` naming the first failing field.

    All failures are listed, separated by ``; ``, so that one run shows every typo.
    """
    try:
        return converter.structure(data, cls)
    except (ClassValidationError, IterableValidationError, ForbiddenExtraKeysError) as exc:
        lines = error_lines(exc)
        raise error("; ".join(lines), path=source) from None
    except (ValueError, TypeError, KeyError) as exc:
        raise error(f"{_format_exception(exc, cls)} @ $", path=source) from None


def unstructure(obj: Any) -> Any:
    """Plain JSON-compatible data for an attrs instance (or a list of them)."""
    return converter.unstructure(obj)
