"""Renderers: HTML snapshots of every question type, a checklist and a form,
and what the markup must never contain (answers, hints of correctness)."""

from __future__ import annotations

import os
from html import unescape
import re

import pytest

from conftest import FIXTURES, ROOT
from macros.bank.loader import load_bank
from macros.assessments.keys import decode_key
from macros.assessments.render import RenderContext, render_checklist, render_form, render_quiz
from macros.bank.schema import SCHEMA_PATH, schema_text

SNAPSHOTS = ROOT / "tests" / "snapshots"
CTX = RenderContext(pass_mark=80, link_url=lambda link: link.replace(".md", ".html"))


@pytest.fixture(scope="module")
def bank():
    engine = FIXTURES / "engine"
    return load_bank(engine, engine / "docs")


def rendered(bank) -> dict[str, str]:
    practice = bank.for_page("practice.md").data.quizzes[0]
    exam = bank.for_page("exam.md").data.quizzes[0]
    tools = bank.for_page("tools.md").data
    return {
        "quiz-practice.html": render_quiz(practice, CTX),
        "quiz-exam.html": render_quiz(exam, CTX),
        "checklist.html": render_checklist(tools.checklists[0]),
        "form.html": render_form(tools.forms[0]),
    }


@pytest.mark.parametrize("name", ["quiz-practice.html", "quiz-exam.html", "checklist.html", "form.html"])
def test_html_snapshot(bank, name):
    """Set UPDATE_SNAPSHOTS=1 to rewrite the snapshots after an intended change."""
    html = rendered(bank)[name].replace("><", ">\n<") + "\n"
    path = SNAPSHOTS / name
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(html, encoding="utf-8")
    assert html == path.read_text(encoding="utf-8")


def test_markup_hands_out_no_answers(bank):
    html = rendered(bank)["quiz-practice.html"]
    visible = re.sub(r'data-key="[^"]*"', "", html)
    for secret in ("FEEDBACKRIGHT", "FEEDBACKWRONG", "EXPLAINSINGLE", "顾客第二句话", "顾客点头"):
        assert secret not in visible
    assert "data-correct" not in html and "<!--" not in html
    assert "SINGLEPROMPT" in visible                    # the question itself is there


def test_answer_key_decodes_to_the_right_answers(bank):
    html = rendered(bank)["quiz-practice.html"]
    blob = unescape(re.search(r'data-key="([^"]*)"', html).group(1))
    key = decode_key(blob, "fx-practice")
    assert set(key) == {"fx-single", "fx-multiple", "fx-tf", "fx-order", "fx-match", "fx-scene"}
    assert key["fx-tf"]["correct"] == ["t"]
    assert len(key["fx-multiple"]["correct"]) == 2
    assert key["fx-scene"]["scenes"]["two"]["customer"] == "顾客第二句话"
    assert "FEEDBACKRIGHT" not in blob                  # not readable at a glance


def test_checked_in_json_schema_is_current():
    current = (ROOT / SCHEMA_PATH).read_text(encoding="utf-8")
    assert current == schema_text(), "schema is stale: run `python -m macros export-schema`"


def test_editors_map_the_schema_to_data_files():
    import json
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == {f"./{SCHEMA_PATH.as_posix()}": "quizzes/**/*.yml"}
