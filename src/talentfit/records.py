"""Reading input records (JSONL, JSON array, CSV) and making output cells safe.

Every input record yields exactly one item: its data (a dict with ``__line__``) or an
:class:`InputError` naming the line. Whole-file problems (missing, unreadable, not text)
raise ``InputError``. Files are decoded line by line, so a line with bad bytes is an
error record of its own (in JSONL and CSV; a JSON array or UTF-16 file stops there) and
big files stream in constant memory.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from .errors import InputError

__all__ = ["decode", "identifier", "neutralise_cell", "read_records", "read_text"]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NOT_UTF8 = "not UTF-8 text (save it as UTF-8 or UTF-16 with BOM)"


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
        raise InputError(_NOT_UTF8, path=source, line=line) from None
    if "\x00" in text:
        raise InputError("not a text file (it contains NUL bytes)", path=source)
    return text


def _open_binary(path: str | Path) -> tuple[str, IO[bytes]]:
    source = str(path)
    if source == "-":
        return "<stdin>", sys.stdin.buffer
    try:
        return source, open(path, "rb")
    except FileNotFoundError:
        raise InputError("no such file", path=source) from None
    except IsADirectoryError:
        raise InputError("is a directory, expected a file", path=source) from None
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", path=source) from None


def read_text(path: str | Path) -> str:
    """The decoded text of a whole file, or of stdin for ``-``."""
    name, raw = _open_binary(path)
    try:
        data = raw.read()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", path=name) from None
    finally:
        if name != "<stdin>":
            raw.close()
    return decode(data, name)


class _LineReader:
    """Numbered, decoded lines of a byte stream; a decoding error names its line."""

    def __init__(self, raw: IO[bytes], name: str) -> None:
        self.name = name
        self.raw = raw
        head = raw.peek(2)[:2] if hasattr(raw, "peek") else b""
        utf16 = head in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
        self.text: IO[str] | None = (
            io.TextIOWrapper(raw, encoding="utf-16", newline="") if utf16 else None
        )

    def _next(self, number: int) -> str | InputError:
        if self.text is not None:
            try:
                return self.text.readline()
            except UnicodeDecodeError:  # the stream cannot be resynchronised: fatal
                raise InputError("not valid UTF-16 text", path=self.name, line=number) from None
        chunk = self.raw.readline()
        if number == 1 and chunk.startswith(codecs.BOM_UTF8):
            chunk = chunk[len(codecs.BOM_UTF8) :]
        try:
            return chunk.decode("utf-8")
        except UnicodeDecodeError:
            if number == 1:
                raise InputError(_NOT_UTF8, path=self.name, line=number) from None
            return InputError(_NOT_UTF8, path=self.name, line=number)

    def __iter__(self) -> Iterator[tuple[int, str | InputError]]:
        """Numbered lines; a line that cannot be decoded later in the file is an InputError.

        A first line that is not text (bad bytes, NUL) means the file is not a text file
        at all, which raises.
        """
        number = 0
        while True:
            number += 1
            line = self._next(number)
            if not line:
                return
            if isinstance(line, str) and "\x00" in line:
                error = InputError(
                    "not a text file (it contains NUL bytes)", path=self.name, line=number
                )
                if number == 1:
                    raise error
                line = error
            yield number, line

    def text_lines(self) -> Iterator[str]:
        """The decoded lines; raises at the first line that cannot be decoded."""
        for _, line in self:
            if isinstance(line, InputError):
                raise line
            yield line

    def read(self) -> str:
        return "".join(self.text_lines())


def read_records(
    path: str | Path, *, fmt: str | None = None
) -> Iterator[dict[str, Any] | InputError]:
    """Yield one dict per record, or an InputError for a record that cannot be read.

    ``fmt`` is ``jsonl``, ``json`` or ``csv``; by default it follows the file's suffix
    (``-`` is JSONL). Raises InputError for a file that cannot be read at all.
    """
    source = str(path)
    kind = fmt or _format_of(source)
    if kind not in ("jsonl", "json", "csv"):
        raise InputError(f"unknown input format {kind!r}; expected jsonl, json or csv")
    name, raw = _open_binary(path)
    try:
        lines = _LineReader(raw, name)
        if kind == "jsonl":
            yield from _read_jsonl(lines)
        elif kind == "json":
            yield from _read_json(lines)
        else:
            yield from _read_csv(lines)
    finally:
        if name != "<stdin>":
            raw.close()


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


def _read_jsonl(lines: _LineReader) -> Iterator[dict[str, Any] | InputError]:
    for number, line in lines:
        if isinstance(line, InputError):
            yield line
            continue
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(
                f"invalid JSON: {exc.msg} at column {exc.colno}", path=lines.name, line=number
            )
            continue
        if not isinstance(value, dict):
            yield InputError(
                f"expected a JSON object, got {type(value).__name__}", path=lines.name, line=number
            )
            continue
        value["__line__"] = number
        yield value


def _read_json(lines: _LineReader) -> Iterator[dict[str, Any] | InputError]:
    text = lines.read()
    if not text.strip():
        return
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg}", path=lines.name, line=exc.lineno) from None
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        raise InputError("expected a JSON array of objects", path=lines.name)
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            yield InputError(
                f"expected an object at $[{index}], got {type(item).__name__}",
                path=lines.name,
                line=index + 1,
            )
            continue
        item["__line__"] = index + 1
        yield item


class _ExcelSemicolon(csv.excel):
    """Excel's CSV in locales with a decimal comma (Dutch, German…): fields split by ';'."""

    delimiter = ";"


def _delimiter(header: str) -> str:
    """The field separator of a CSV file, read from its header line: the commonest of
    ',', ';' and tab outside quotes (',' on a tie), so Excel exports from Dutch locales
    (';') and tab-separated files read without options."""
    outside = "".join(part for i, part in enumerate(header.split('"')) if i % 2 == 0)
    counts = {d: outside.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def _read_csv(lines: _LineReader) -> Iterator[dict[str, Any] | InputError]:
    dialect: type[csv.Dialect] = csv.excel_tab if lines.name.endswith(".tsv") else csv.excel
    undecodable: list[InputError] = []

    def decoded() -> Iterator[str]:
        for _, line in lines:
            if isinstance(line, InputError):
                undecodable.append(line)  # reported in place of the line, which is skipped
            else:
                yield line

    stream = decoded()
    if dialect is csv.excel:
        first = next(stream, None)
        if first is None:
            yield from undecodable
            return
        stream = itertools.chain([first], stream)
        delimiter = _delimiter(first)
        if delimiter != ",":
            dialect = csv.excel_tab if delimiter == "\t" else _ExcelSemicolon
    reader = csv.reader(stream, dialect)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        return
    except csv.Error as exc:
        raise InputError(f"invalid CSV header: {exc}", path=lines.name, line=1) from None
    while True:
        try:
            row: list[str] | None = next(reader)
        except StopIteration:
            row = None
        except csv.Error as exc:
            yield InputError(f"invalid CSV: {exc}", path=lines.name, line=reader.line_num)
            continue
        # lines skipped because they could not be decoded come out in their place
        yield from undecodable
        undecodable.clear()
        if row is None:
            return
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            yield InputError(
                f"expected {len(header)} columns, got {len(row)}",
                path=lines.name,
                line=reader.line_num,
            )
            continue
        record: dict[str, Any] = {k: v for k, v in zip(header, row, strict=False) if v != ""}
        record["__line__"] = reader.line_num
        yield record


def identifier(value: Any) -> str | None:
    """A record field used as an id (``id``, ``candidate_id``…): a string or a number,
    stripped; None for anything else or for a blank."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    return str(value).strip() or None


def neutralise_cell(value: Any) -> Any:
    """Make a CSV cell safe to open in a spreadsheet: formulas become text."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
