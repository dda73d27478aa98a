"""Writers for scoring results: JSONL, JSON, CSV (spreadsheet-safe) and readable text.

Every writer takes results one at a time, so a million answers stream through in
constant memory.
"""

from __future__ import annotations

import csv
import json
import textwrap
from typing import IO, Any

from .models import ADVICE, AnswerResult, RecordError
from .records import neutralise_cell

__all__ = ["FORMATS", "ResultWriter", "open_writer"]

FORMATS = ("jsonl", "json", "csv", "text")

CSV_COLUMNS = (
    "id",
    "candidate_id",
    "language",
    "competency",
    "targeted",
    "level",
    "score",
    "evidence",
    "rationale",
    "flags",
    "error",
    "advice",
)


class ResultWriter:
    """Base writer: ``write(item)`` per result or error, then ``close()``."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, item: AnswerResult | RecordError) -> None:
        raise NotImplementedError

    def close(self) -> None:
        self.stream.flush()


def record_dict(item: AnswerResult | RecordError) -> dict[str, Any]:
    """The documented JSON record of a result or an error."""
    return item.to_dict()


class JsonlWriter(ResultWriter):
    def write(self, item: AnswerResult | RecordError) -> None:
        self.stream.write(json.dumps(record_dict(item), ensure_ascii=False) + "\n")


class JsonWriter(ResultWriter):
    def __init__(self, stream: IO[str]) -> None:
        super().__init__(stream)
        self.count = 0
        stream.write("[")

    def write(self, item: AnswerResult | RecordError) -> None:
        prefix = ",\n" if self.count else "\n"
        self.stream.write(prefix + json.dumps(record_dict(item), ensure_ascii=False))
        self.count += 1

    def close(self) -> None:
        self.stream.write("\n]\n" if self.count else "]\n")
        super().close()


class CsvWriter(ResultWriter):
    """One row per answer × competency; formula-like cells are neutralised."""

    def __init__(self, stream: IO[str]) -> None:
        super().__init__(stream)
        self.writer = csv.writer(stream, lineterminator="\n")
        self.writer.writerow(CSV_COLUMNS)

    def write(self, item: AnswerResult | RecordError) -> None:
        if isinstance(item, RecordError):
            self._row({"id": item.id, "error": item.error})
            return
        for score in item.scores:
            self._row(
                {
                    "id": item.id,
                    "candidate_id": item.candidate_id,
                    "language": item.language,
                    "competency": score.competency,
                    "targeted": "yes" if score.competency == item.competency else "no",
                    "level": score.level,
                    "score": score.score,
                    "evidence": " | ".join(f"{e.signal}: {e.text}" for e in score.evidence),
                    "rationale": score.rationale,
                    "flags": " ".join(item.flags),
                    "advice": item.advice,
                }
            )

    def _row(self, values: dict[str, Any]) -> None:
        row = []
        for column in CSV_COLUMNS:
            value = values.get(column)
            row.append("" if value is None else neutralise_cell(value))
        self.writer.writerow(row)


class TextWriter(ResultWriter):
    """A readable report: per answer the levels and the quoted evidence."""

    count_written = 0

    def write(self, item: AnswerResult | RecordError) -> None:
        out = self.stream
        self.count_written += 1
        if isinstance(item, RecordError):
            out.write(f"! {item.id or '-'}: {item.error}\n\n")
            return
        head = f"{item.id or '-'}"
        if item.candidate_id:
            head += f"  candidate {item.candidate_id}"
        head += f"  [{item.language}]"
        if item.flags:
            head += f"  low confidence: {', '.join(item.flags)}"
        out.write(head + "\n")
        if item.question:
            out.write(textwrap.indent(textwrap.fill(f"Q: {item.question}", 96), "  ") + "\n")
        for score in item.scores:
            if score.level is None and score.competency != item.competency:
                continue
            marker = "*" if score.competency == item.competency else " "
            out.write(
                f" {marker}{score.competency:<24} level {score.level}  score {score.score:.2f}\n"
            )
            out.write(textwrap.indent(textwrap.fill(score.rationale, 92), "      ") + "\n")
            for ev in score.evidence:
                sign = "-" if ev.weight < 0 else "+"
                quote = " ".join(ev.text.split())
                out.write(f'      {sign} "{quote}"  ({ev.signal})\n')
        out.write("\n")

    def close(self) -> None:
        if self.count_written:
            self.stream.write(f"Levels are {ADVICE}.\n")
        super().close()


def open_writer(fmt: str, stream: IO[str]) -> ResultWriter:
    """A writer for ``fmt`` (one of :data:`FORMATS`)."""
    writers: dict[str, type[ResultWriter]] = {
        "jsonl": JsonlWriter,
        "json": JsonWriter,
        "csv": CsvWriter,
        "text": TextWriter,
    }
    return writers[fmt](stream)
