"""Reading input records (JSONL, JSON array, CSV) and writing output safely.

Every input record yields exactly one item: its data or an :class:`InputError` naming
the line. Whole-file problems (missing, unreadable, not text) raise ``InputError``.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from .errors import InputError

__all__ = ["decode", "neutralise_cell", "open_text", "read_records", "read_text"]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def decode(raw: bytes, source: str) -> str:
    """Decode UTF-8 (with or without BOM) or UTF-16 with BOM; InputError otherwise."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"not valid UTF-16 text: {exc.reason}", path=source) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(
            "not UTF-8 text (save it as UTF-8 or UTF-16 with BOM)", path=source, line=line
        ) from None
    if "\x00" in text:
        raise InputError("not a text file (it contains NUL bytes)", path=source)
    return text


def read_text(path: str | Path) -> str:
    """The decoded text of a file, or of stdin for ``-``."""
    source = str(path)
    try:
        raw = sys.stdin.buffer.read() if source == "-" else Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path=source) from None
    except IsADirectoryError:
        raise InputError("is a directory, expected a file", path=source) from None
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", path=source) from None
    return decode(raw, "<stdin>" if source == "-" else source)


def open_text(path: str | Path) -> tuple[str, IO[str]]:
    """A text stream over a file (streamed, for big JSONL/CSV) or stdin for ``-``."""
    source = str(path)
    if source == "-":
        raw = sys.stdin.buffer
        name = "<stdin>"
    else:
        try:
            raw = open(path, "rb")  # noqa: SIM115 - closed by the caller's generator
        except FileNotFoundError:
            raise InputError("no such file", path=source) from None
        except IsADirectoryError:
            raise InputError("is a directory, expected a file", path=source) from None
        except OSError as exc:
            raise InputError(f"cannot read file: {exc.strerror}", path=source) from None
        name = source
    head = raw.peek(4)[:4] if hasattr(raw, "peek") else b""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return name, io.TextIOWrapper(raw, encoding="utf-16", newline="")
    return name, io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")


def _lines(stream: IO[str], name: str) -> Iterator[tuple[int, str]]:
    number = 0
    while True:
        try:
            line = stream.readline()
        except UnicodeDecodeError:
            raise InputError(
                "not UTF-8 text (save it as UTF-8 or UTF-16 with BOM)", path=name, line=number + 1
            ) from None
        if not line:
            return
        number += 1
        if "\x00" in line:
            raise InputError("not a text file (it contains NUL bytes)", path=name, line=number)
        yield number, line


def read_records(
    path: str | Path, *, fmt: str | None = None
) -> Iterator[dict[str, Any] | InputError]:
    """Yield one dict per record, or an InputError for a record that cannot be read.

    ``fmt`` is ``jsonl``, ``json`` or ``csv``; by default it follows the file's suffix
    (``-`` is JSONL). Raises InputError for a file that cannot be read at all.
    """
    source = str(path)
    kind = fmt or _format_of(source)
    name, stream = open_text(path)
    try:
        if kind == "jsonl":
            yield from _read_jsonl(stream, name)
        elif kind == "json":
            yield from _read_json(stream, name)
        elif kind == "csv":
            yield from _read_csv(stream, name)
        else:
            raise InputError(f"unknown input format {kind!r}; expected jsonl, json or csv")
    finally:
        if source != "-":
            stream.close()


def _format_of(source: str) -> str:
    suffix = Path(source).suffix.lower()
    if source == "-" or suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".json":
        return "json"
    if suffix in (".csv", ".tsv"):
        return "csv"
    raise InputError(
        f"cannot tell the format from the suffix {suffix or '(none)'!r}; "
        "expected .jsonl, .json or .csv",
        path=source,
    )


def _read_jsonl(stream: IO[str], name: str) -> Iterator[dict[str, Any] | InputError]:
    for number, line in _lines(stream, name):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(
                f"invalid JSON: {exc.msg} at column {exc.colno}", path=name, line=number
            )
            continue
        if not isinstance(value, dict):
            yield InputError(
                f"expected a JSON object, got {type(value).__name__}", path=name, line=number
            )
            continue
        value["__line__"] = number
        yield value


def _read_json(stream: IO[str], name: str) -> Iterator[dict[str, Any] | InputError]:
    try:
        text = stream.read()
    except UnicodeDecodeError:
        raise InputError(
            "not UTF-8 text (save it as UTF-8 or UTF-16 with BOM)", path=name
        ) from None
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg}", path=name, line=exc.lineno) from None
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        raise InputError("expected a JSON array of objects", path=name)
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            yield InputError(
                f"expected an object at $[{index}], got {type(item).__name__}",
                path=name,
                line=index + 1,
            )
            continue
        item["__line__"] = index + 1
        yield item


def _read_csv(stream: IO[str], name: str) -> Iterator[dict[str, Any] | InputError]:
    dialect: type[csv.Dialect] = csv.excel_tab if name.endswith(".tsv") else csv.excel
    reader = csv.reader(_csv_lines(stream, name), dialect)
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        raise InputError(f"invalid CSV header: {exc}", path=name, line=1) from None
    header = [h.strip() for h in header]
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield InputError(f"invalid CSV: {exc}", path=name, line=reader.line_num)
            continue
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            yield InputError(
                f"expected {len(header)} columns, got {len(row)}", path=name, line=reader.line_num
            )
            continue
        record: dict[str, Any] = {k: v for k, v in zip(header, row, strict=False) if v != ""}
        record["__line__"] = reader.line_num
        yield record


def _csv_lines(stream: IO[str], name: str) -> Iterator[str]:
    for _, line in _lines(stream, name):
        yield line


def neutralise_cell(value: Any) -> Any:
    """Make a CSV cell safe to open in a spreadsheet: formulas become text."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
