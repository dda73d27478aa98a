"""Test helper: write a file into a test's temporary directory."""

from __future__ import annotations

from pathlib import Path


def write(tmp_path: Path, name: str, content: str | bytes) -> str:
    """Write ``content`` (text as UTF-8, or raw bytes) to ``tmp_path/name``; return the path."""
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)
