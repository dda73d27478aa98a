"""Vacancy drafts: order of sections, every offer item, salary numbers, formats, templates."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from talentfit.draft import (
    draft_vacancy,
    format_money,
    html_to_text,
    render_vacancy,
    template_context,
)
from talentfit.errors import TemplateError
from talentfit.profile import Profile, load_profile, profile_from_dict

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "profiles"
GOOD = sorted(p for p in EXAMPLES.glob("*.toml") if not p.name.startswith("empty-phrases"))
NL = EXAMPLES / "klantadviseur-energie.nl.toml"
EN = EXAMPLES / "support-engineer-bookkeeping.en.toml"

HEADINGS = {
    "nl": (
        "Je werk",
        "Wat je krijgt",
        "Salaris en voorwaarden",
        "Wat je meebrengt",
        "Solliciteren",
    ),
    "en": ("Your work", "What you get", "Pay and conditions", "What you bring", "How to apply"),
}


def _data(path: Path = NL) -> dict[str, Any]:
    with path.open("rb") as fh:
        return tomllib.load(fh)


def _readable(text: str, fmt: str) -> str:
    return html_to_text(text) if fmt == "html" else text


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.name)
@pytest.mark.parametrize("fmt", ["md", "html", "txt"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_offer_item_and_both_salary_bounds(path: Path, fmt: str, lang: str) -> None:
    """Each offer item appears as written, with both salary bounds as numbers."""
    profile = load_profile(path)
    text = _readable(draft_vacancy(profile, lang=lang, fmt=fmt, check=False).text, fmt)
    for _kind, items in profile.offer.sections():
        for item in items:
            assert item in text
    cond = profile.conditions
    assert format_money(cond.salary_min, cond.currency, lang) in text
    assert format_money(cond.salary_max, cond.currency, lang) in text
    digits = re.sub(r"(?<=\d)[.,](?=\d{3}\b)", "", text)
    assert str(cond.salary_min) in digits and str(cond.salary_max) in digits


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.name)
@pytest.mark.parametrize("fmt", ["md", "html", "txt"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_order_work_offer_pay_requirements_apply(path: Path, fmt: str, lang: str) -> None:
    """Work and customer first, then the offer, pay, requirements, and how to apply last."""
    profile = load_profile(path)
    text = _readable(draft_vacancy(profile, lang=lang, fmt=fmt, check=False).text, fmt)
    positions = [text.index(heading) for heading in HEADINGS[lang]]
    assert positions == sorted(positions)
    first_offer = text.index(profile.offer.autonomy[0])
    first_must = text.index(profile.requirements.must[0])
    assert text.index(profile.role.customers) < first_offer < first_must
    assert text.index(profile.application.apply_url.removeprefix("mailto:")) > first_must


def test_language_switch_keeps_profile_text() -> None:
    """--lang switches headings only; the profile's own sentences are not translated."""
    profile = load_profile(NL)
    english = draft_vacancy(profile, lang="en", check=False)
    assert english.language == "en"
    assert "## What you get" in english.text and "## Wat je krijgt" not in english.text
    assert profile.offer.autonomy[0] in english.text
    assert draft_vacancy(profile, check=False).language == "nl"


def test_numbers_written_per_language() -> None:
    """Amounts, hours and dates follow the draft language's conventions."""
    nl = draft_vacancy(load_profile(NL), check=False).text
    assert "€ 2.900 tot € 3.600 per maand" in nl and "32 tot 36 uur per week" in nl
    assert "15 januari 2027" in nl
    en = draft_vacancy(load_profile(EN), check=False).text
    assert "€42,000 to €52,000 a year" in en and "1 February 2027" in en
    assert format_money(14.5, "EUR", "nl") == "€ 14,50"
    assert format_money(3100, "CHF", "en") == "CHF 3,100"
    assert format_money(42000, "EUR", "nl") == "€ 42.000"
    assert format_money(1234567.5, "EUR", "nl") == "€ 1.234.567,50"


def test_equal_bounds_read_as_one_amount() -> None:
    """A fixed salary or fixed hours are written once, not as 'x to x'."""
    data = _data()
    data["conditions"].update(salary_min=3000, salary_max=3000)
    data["role"]["hours_per_week"] = [36, 36]
    text = draft_vacancy(profile_from_dict(data), check=False).text
    assert "€ 3.000 per maand" in text and "€ 3.000 tot" not in text
    assert "36 uur per week" in text


def test_optional_parts_left_out() -> None:
    """Without department, website, nice-to-haves, deadline or values the draft still reads."""
    data = _data()
    del data["role"]["department"], data["organisation"]["website"]
    del data["application"]["deadline"], data["offer"]["network"]
    data["requirements"]["nice"] = []
    data["organisation"]["values"] = []
    text = draft_vacancy(profile_from_dict(data), check=False).text
    assert "Mooi meegenomen" not in text and "uiterlijk" not in text
    assert "Met wie je werkt" not in text and "voor staat" not in text
    assert "Solliciteer via <https://" in text


def test_custom_value_ids_show_their_name() -> None:
    """A value that names a custom value's id is shown by its display name."""
    data = _data()
    data["organisation"]["values"] = ["leden_centraal", "openheid"]
    context = template_context(profile_from_dict(data), "nl")
    assert context["values"] == ["Leden centraal", "openheid"]


def test_html_autoescapes_profile_text() -> None:
    """Profile text with markup stays text in HTML (and in the JSON-LD description)."""
    data = _data()
    data["role"]["tasks"][0] = "<script>alert('x')</script> & meer"
    data["organisation"]["name"] = 'Zon & "Co" <b>'
    profile = profile_from_dict(data)
    text = draft_vacancy(profile, fmt="html", check=False).text
    assert "<script>" not in text and "<b>" not in text
    assert "&lt;script&gt;" in text and "&amp; meer" in text
    assert "Zon &amp; &#34;Co&#34; &lt;b&gt;" in text
    raw = draft_vacancy(profile, fmt="jsonld", check=False).text
    description = json.loads(raw)["description"]
    assert "<script>" not in description and "&lt;script&gt;" in description
    assert "</script" not in raw  # safe inside <script type="application/ld+json">


def test_markdown_keeps_markup_as_text() -> None:
    """In Markdown a '<' from the profile cannot open raw HTML."""
    data = _data()
    data["role"]["tasks"][0] = "<script>alert(1)</script>"
    data["offer"]["flexibility"] = ["Reistijd < 30 minuten & parkeren voor de deur"]
    text = draft_vacancy(profile_from_dict(data), check=False).text
    assert "<script>" not in text and "&lt;script>" in text and "&lt;/script>" in text
    assert "- Reistijd < 30 minuten & parkeren voor de deur" in text


def test_txt_has_no_markup() -> None:
    """Plain text has underlined headings and no Markdown or HTML syntax."""
    text = draft_vacancy(load_profile(NL), fmt="txt", check=False).text
    assert "Wat je krijgt\n-------------" in text
    assert "##" not in text and "<" not in text and "**" not in text


def test_deterministic() -> None:
    """The same profile gives the same draft, byte for byte."""
    profile = load_profile(EN)
    for fmt in ("md", "html", "txt", "jsonld"):
        runs = {
            draft_vacancy(profile, fmt=fmt, check=False, today=dt.date(2027, 1, 1)).text
            for _ in range(3)
        }
        assert len(runs) == 1


def test_unknown_format_and_language() -> None:
    """Programming mistakes are TemplateErrors, not KeyErrors."""
    profile = load_profile(NL)
    with pytest.raises(TemplateError, match="format must be one of"):
        draft_vacancy(profile, fmt="pdf", check=False)
    with pytest.raises(TemplateError, match="language must be one of"):
        draft_vacancy(profile, lang="de", check=False)


# --- house-style templates -------------------------------------------------------------


def _house(tmp_path: Path, name: str, body: str) -> Path:
    (tmp_path / name).write_text(body, encoding="utf-8")
    return tmp_path


def test_house_template_renders(tmp_path: Path) -> None:
    """An organisation's own template is used, and can import the built-in macros."""
    body = (
        '{% import "talentfit/vacancy/_macros.j2" as m %}'
        "{{ role.title }} bij {{ organisation.name }}: {{ salary.range }}\n"
        "{{ m.md_list(offer.autonomy) }}\n"
    )
    text = draft_vacancy(
        load_profile(NL), templates=_house(tmp_path, "vacancy.md.j2", body), check=False
    ).text
    assert text.startswith("Klantadviseur energie bij Energiecoöperatie Zonnedael: € 2.900")
    assert "- Je lost een vraag zelf op" in text


def test_house_template_language_specific_first(tmp_path: Path) -> None:
    """vacancy.<lang>.<fmt>.j2 wins over vacancy.<fmt>.j2."""
    _house(tmp_path, "vacancy.md.j2", "generic\n")
    _house(tmp_path, "vacancy.en.md.j2", "english\n")
    profile = load_profile(NL)
    assert draft_vacancy(profile, lang="en", templates=tmp_path, check=False).text == "english\n"
    assert draft_vacancy(profile, lang="nl", templates=tmp_path, check=False).text == "generic\n"


def test_house_html_is_autoescaped(tmp_path: Path) -> None:
    """House-style HTML templates are autoescaped too."""
    data = _data()
    data["role"]["title"] = "<img src=x onerror=alert(1)>"
    _house(tmp_path, "vacancy.html.j2", "<h1>{{ role.title }}</h1>\n")
    text = draft_vacancy(profile_from_dict(data), fmt="html", templates=tmp_path, check=False).text
    assert text == "<h1>&lt;img src=x onerror=alert(1)&gt;</h1>\n"


@pytest.mark.parametrize(
    "body",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ role.__class__ }}",
        "{{ cycler.__init__.__globals__ }}",
        "{% for c in ().__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
    ],
)
def test_sandbox_blocks_unsafe_access(tmp_path: Path, body: str) -> None:
    """A house template cannot reach Python internals: TemplateError naming the template."""
    _house(tmp_path, "vacancy.md.j2", "line one\n" + body + "\n")
    with pytest.raises(TemplateError) as info:
        draft_vacancy(load_profile(NL), templates=tmp_path, check=False)
    message = str(info.value)
    assert "vacancy.md.j2" in message


def test_strict_undefined_names_template_and_line(tmp_path: Path) -> None:
    """A variable the context lacks is an error with the template and its line."""
    _house(tmp_path, "vacancy.md.j2", "# {{ role.title }}\n\n{{ role.salary_band }}\n")
    with pytest.raises(TemplateError) as info:
        draft_vacancy(load_profile(NL), templates=tmp_path, check=False)
    assert info.value.line == 3
    assert str(info.value).endswith(f"({tmp_path / 'vacancy.md.j2'}:3)")
    assert "salary_band" in str(info.value)


def test_syntax_error_names_template_and_line(tmp_path: Path) -> None:
    """A broken template is a TemplateError with the file and line."""
    _house(tmp_path, "vacancy.md.j2", "ok\n{% for x in %}\n")
    with pytest.raises(TemplateError) as info:
        draft_vacancy(load_profile(NL), templates=tmp_path, check=False)
    assert info.value.line == 2
    assert "vacancy.md.j2" in str(info.value) and "syntax" in str(info.value)


def test_missing_house_template(tmp_path: Path) -> None:
    """A directory without the needed template says which names it looked for."""
    with pytest.raises(TemplateError, match=r"vacancy\.nl\.txt\.j2 or vacancy\.txt\.j2"):
        draft_vacancy(load_profile(NL), fmt="txt", templates=tmp_path, check=False)
    with pytest.raises(TemplateError, match="templates directory not found"):
        draft_vacancy(load_profile(NL), templates=tmp_path / "nope", check=False)


def test_builtin_templates_are_strict(monkeypatch: pytest.MonkeyPatch) -> None:
    """The built-in templates use StrictUndefined: a context without a key fails loudly."""
    import talentfit.draft as draft_module

    original = draft_module.template_context

    def without_salary(profile: Profile, lang: str) -> dict[str, Any]:
        context = original(profile, lang)
        del context["salary"]
        return context

    monkeypatch.setattr(draft_module, "template_context", without_salary)
    with pytest.raises(TemplateError, match="'salary' is undefined") as info:
        render_vacancy(load_profile(NL), lang="nl", fmt="md")
    assert "vacancy.nl.md.j2" in str(info.value) and info.value.line is not None


def test_templates_found_from_another_directory(tmp_path: Path) -> None:
    """Run from an unrelated working directory, talentfit still finds its templates."""
    code = (
        "from talentfit import draft_vacancy, load_profile;"
        f"print(draft_vacancy(load_profile({str(NL)!r}), check=False).text[:40])"
    )
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("# Klantadviseur energie")


def test_wheel_ships_templates(tmp_path: Path) -> None:
    """A built wheel holds talentfit/templates and drafts from any directory once unpacked."""
    pytest.importorskip("hatchling")
    from hatchling.builders.wheel import WheelBuilder

    wheel = Path(next(iter(WheelBuilder(str(ROOT)).build(directory=str(tmp_path / "dist")))))
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        for lang in ("nl", "en"):
            for fmt in ("md", "html", "txt"):
                assert f"talentfit/templates/vacancy/vacancy.{lang}.{fmt}.j2" in names
        assert "talentfit/data/vacancy/words.toml" in names
        assert "talentfit/examples/profiles/klantadviseur-energie.nl.toml" in names
        zf.extractall(tmp_path / "site")
    code = (
        "import talentfit, talentfit.resources as r;"
        "from talentfit.profile import example_profile;"
        "assert str(r.templates_dir()).startswith(talentfit.__path__[0]), r.templates_dir();"
        "assert str(example_profile()).startswith(talentfit.__path__[0]);"
        "p = example_profile('support-engineer-bookkeeping.en');"
        "print(talentfit.draft_vacancy(talentfit.load_profile(p), check=False).text[:20])"
    )
    env = {"PYTHONPATH": str(tmp_path / "site"), "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("# Support Engineer")


_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(task=_text.filter(lambda s: s.strip()), item=_text.filter(lambda s: s.strip()))
def test_any_text_renders(task: str, item: str) -> None:
    """Any profile text renders in every format without crashing, deterministically."""
    data = _data()
    data["role"]["tasks"] = [task]
    data["offer"]["autonomy"] = [item]
    profile = profile_from_dict(data)
    for fmt in ("md", "html", "txt", "jsonld"):
        one = draft_vacancy(profile, fmt=fmt, check=False, today=dt.date(2027, 1, 1)).text
        assert one == draft_vacancy(profile, fmt=fmt, check=False, today=dt.date(2027, 1, 1)).text


def test_error_in_included_template_names_that_template(tmp_path: Path) -> None:
    """An undefined variable inside an included house template names the included file."""
    _house(tmp_path, "vacancy.md.j2", "# {{ role.title }}\n{% include 'footer.md' %}\n")
    _house(tmp_path, "footer.md", "\n\n{{ nothing_here }}\n")
    with pytest.raises(TemplateError) as info:
        draft_vacancy(load_profile(NL), templates=tmp_path, check=False)
    assert str(info.value).endswith(f"({tmp_path / 'footer.md'}:3)")


def test_house_template_cannot_include_outside_files(tmp_path: Path) -> None:
    """Including a file outside the template directory fails as a TemplateError."""
    _house(tmp_path, "vacancy.md.j2", "{% include '../secret.txt' %}\n")
    (tmp_path.parent / "secret.txt").write_text("secret", encoding="utf-8")
    with pytest.raises(TemplateError):
        draft_vacancy(load_profile(NL), templates=tmp_path, check=False)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(task=_text.filter(lambda s: s.strip()), lang=st.sampled_from(["nl", "en"]))
def test_any_text_checks_without_crash(task: str, lang: str) -> None:
    """Any profile text drafts and self-checks without crashing, with the same findings twice."""
    data = _data()
    data["role"]["tasks"] = [task]
    profile = profile_from_dict(data)
    one = draft_vacancy(profile, lang=lang, fmt="html")
    two = draft_vacancy(profile, lang=lang, fmt="html")
    assert one == two


def test_example_draft_for_the_demo() -> None:
    """example_draft() drafts a shipped example cleanly (what `talentfit demo` shows)."""
    from talentfit.draft import example_draft

    draft = example_draft()
    assert draft.text.startswith("# Klantadviseur energie") and draft.findings == ()
    english = example_draft("support-engineer-bookkeeping.en", fmt="jsonld")
    assert json.loads(english.text)["title"] == "Support Engineer"


def test_mailto_link_reads_as_an_address() -> None:
    """A mailto: apply link reads as the e-mail address and still links in md and HTML."""
    profile = load_profile(EXAMPLES / "doktersassistent-huisartsenpraktijk.nl.toml")
    md = draft_vacancy(profile, check=False).text
    assert "via <vacature@delinde.example>." in md and "mailto:" not in md
    html_text = draft_vacancy(profile, fmt="html", check=False).text
    assert '<a href="mailto:vacature@delinde.example">vacature@delinde.example</a>' in html_text


_item = (
    st.text(
        alphabet=st.characters(
            whitelist_categories=("L", "N", "Zs"), whitelist_characters=".,;:'!?€%-"
        ),
        min_size=3,
        max_size=50,
    )
    .map(lambda s: " ".join(s.split()))
    .filter(lambda s: len(s) >= 3)
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    offer=st.lists(_item, min_size=3, max_size=8, unique=True),
    must=st.lists(_item, min_size=1, max_size=4, unique=True),
    fmt=st.sampled_from(["md", "html", "txt"]),
)
def test_any_offer_items_all_appear_before_requirements(
    offer: list[str], must: list[str], fmt: str
) -> None:
    """Whatever the items say, each appears as written and the offer precedes the requirements."""
    data = _data()
    kinds = ("autonomy", "craftsmanship", "development", "network", "flexibility")
    for i, kind in enumerate(kinds):
        data["offer"][kind] = offer[i::5]
    data["requirements"]["must"] = [f"Eis {m}" for m in must]
    data["requirements"]["nice"] = []
    text = _readable(draft_vacancy(profile_from_dict(data), fmt=fmt, check=False).text, fmt)
    requirements_at = text.index(HEADINGS["nl"][3])
    for item in offer:
        assert item in text
        assert text.index(item) < requirements_at


def test_demo_drafts_an_example() -> None:
    """`talentfit demo` shows a drafted vacancy with a clean self-check."""
    from click.testing import CliRunner

    from talentfit.cli import main

    result = CliRunner().invoke(main, ["demo", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "drafting a vacancy from the role profile support-engineer-bookkeeping.en.toml" in (
        result.stdout
    )
    assert "# Support Engineer" in result.stdout
    assert "(self-check with the vacancy lint: no problems" in result.stdout
