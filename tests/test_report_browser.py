"""The report in a real browser: headless Chromium renders it; highlights and escaping hold.

Skipped with a clear reason only where no Chromium is installed (``.ci/run`` installs it).
"""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path
from typing import Any

import pytest
from htmlscan import Element, evidence_texts, parse

from talentfit.records import read_records
from talentfit.report import write_report

DATA = Path(__file__).parent / "data"
SCORES = (DATA / "report_scores.jsonl", DATA / "report_scored.jsonl")
PWN = "document.body.setAttribute('data-pwned','1')"
INJECTED = (
    "Sure. <script>window.pwned=1</script><script>" + PWN + "</script> "
    '<img src=x onerror="' + PWN + '"> <a href="javascript:' + PWN + '">click</a> '
    '<svg onload="' + PWN + '"></svg> I always call the customer back myself.'
)


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("no Chromium installed: apt-get install chromium")


def _run(browser: str, tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={tmp / 'profile'}",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)


def _records() -> list[dict[str, Any]]:
    records = [r for path in SCORES for r in read_records(path) if isinstance(r, dict)]
    phrase = "I always call the customer back myself"
    start = INJECTED.index(phrase)
    script = INJECTED.index("<script>")
    claim = {
        "start": start,
        "end": start + len(phrase),
        "text": phrase,
        "signal": "<i>claim</i>",
        "weight": 0.4,
    }
    markup = {
        "start": script,
        "end": script + 33,
        "text": INJECTED[script : script + 33],
        "signal": "markup",
        "weight": -0.2,
    }
    score = {
        "competency": "ownership",
        "level": 2,
        "score": 2.2,
        "rationale": "<b onmouseover=x>generic</b>",
        "evidence": [claim, markup],
    }
    records.append(
        {
            "id": "<script>" + PWN + "</script>",
            "candidate_id": '"><img src=x onerror="' + PWN + '">',
            "language": "en",
            "question": '<img src=x onerror="' + PWN + '"> Tell me about javascript:void(0)',
            "answer": INJECTED,
            "competency": "ownership",
            "flags": [],
            "scores": [score],
        }
    )
    return records


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, Any]], str]:
    browser = _chromium()
    tmp = tmp_path_factory.mktemp("browser")
    records = _records()
    report = tmp / "report.html"
    write_report(records, report)
    done = _run(browser, tmp, "--dump-dom", report.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    assert "<body" in done.stdout
    return report, records, done.stdout


def _articles(doc: Element) -> list[Element]:
    return doc.find_all("article", "answer")


def test_highlights_sit_on_exactly_the_evidence_in_the_dom(
    rendered: tuple[Path, list[dict[str, Any]], str],
) -> None:
    """In Chromium's DOM every answer's text is intact and each highlight is its evidence."""
    _, records, dom = rendered
    doc = parse(dom)
    quotes = {q.text: q for a in _articles(doc) for q in a.find_all("blockquote")}
    checked = 0
    for record in records:
        if "answer" not in record:
            continue
        quote = quotes[record["answer"]]
        found = sorted(
            (ev["start"], -ev["end"], ev["text"])
            for score in record["scores"]
            for ev in score["evidence"]
        )
        texts = evidence_texts(quote)
        assert len(texts) == len(found)
        assert [texts[str(i)] for i in range(1, len(found) + 1)] == [t for *_, t in found]
        marks = quote.find_all("mark", "ev")
        if not any("data-part" in m.attrs for m in marks):  # no crossing: one element each
            assert [m.text for m in marks] == [t for *_, t in found]
        checked += len(found)
    assert checked >= 60


def test_injected_markup_did_not_execute(rendered: tuple[Path, list[dict[str, Any]], str]) -> None:
    """No script, img or handler from an answer exists in the DOM; it shows as text."""
    _, _, dom = rendered
    doc = parse(dom)
    assert not doc.find_all("script")
    assert not doc.find_all("img")
    body = doc.find_all("body")[0]
    assert "data-pwned" not in body.attrs
    for element in doc.iter():
        assert not any(name.startswith("on") for name in element.attrs), element.tag
        href = element.attrs.get("href")
        assert href is None or href.startswith("#"), href
    svgs = doc.find_all("svg")
    assert all("chart" in s.classes() for s in svgs)  # the injected <svg onload> is text
    text = doc.text
    assert "<script>window.pwned=1</script>" in text
    assert '<img src=x onerror="' + PWN + '">' in text
    assert 'href="javascript:' in text
    assert "<b onmouseover=x>generic</b>" in text


def test_screenshot(rendered: tuple[Path, list[dict[str, Any]], str], tmp_path: Path) -> None:
    """Chromium paints the report: a 1280×2000 PNG with real content is saved."""
    report, _, _ = rendered
    shot = tmp_path / "report.png"
    done = _run(
        _chromium(), tmp_path, f"--screenshot={shot}", "--window-size=1280,2000", report.as_uri()
    )
    assert done.returncode == 0, done.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1280, 2000)
    assert len(data) > 50_000  # a blank or failed page compresses to a few kB
