"""The question bank as a whole: every module assessed, the counts the
training plan needs, every inventory id assessed, and common test-writing
flaws caught before a rep ever sees them."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from conftest import ROOT
from macros.content.frontmatter import read_all
from macros.bank.loader import load_bank
from macros.content.pages import INVENTORY_IDS
from macros.assessments.types.base import answers_of, choice_text

BANK = load_bank(ROOT)
METAS = read_all(ROOT / "docs")
STAGE_PAGES = ["interview/index.md", "pre-job/index.md", "trial/index.md", "hiring/index.md",
               "probation/index.md", "on-job/index.md", "review/index.md"]
ALL_QUESTIONS = [q for pd in BANK.pages.values() for quiz in pd.data.quizzes for q in quiz.questions]
CHOICE_QUESTIONS = [q for q in ALL_QUESTIONS if q.type in ("single", "multiple")]


def module_quiz(page: str):
    data = BANK.for_page(page)
    assert data, f"{page}: no data file quizzes/{page[:-3]}.yml"
    practice = [q for q in data.data.quizzes if q.mode == "practice" and not q.draw]
    assert practice, f"{page}: no module quiz"
    return practice[0]


@pytest.mark.parametrize("page", sorted(p for p, m in METAS.items() if m.get("covers") and p != "index.md"))
def test_every_teaching_module_has_a_quiz_of_the_required_size(page):
    needed = 4 if page in STAGE_PAGES else 6
    assert len(module_quiz(page).questions) >= needed


def test_bank_size_and_types():
    assert len(ALL_QUESTIONS) >= 150
    types = Counter(q.type for q in ALL_QUESTIONS)
    assert set(types) == {"single", "multiple", "truefalse", "ordering", "matching", "scenario"}
    assert types["scenario"] >= 8
    role_plays = [q for q in ALL_QUESTIONS if q.type == "scenario" and len(q.scenes) >= 3]
    assert len(role_plays) >= 2


def test_one_stage_test_per_training_stage():
    for page in STAGE_PAGES:
        tests = [q for q in BANK.for_page(page).data.quizzes if q.mode == "test"]
        assert len(tests) == 1, page
        assert len(tests[0].draw) >= 5 and (tests[0].pass_mark or 0) >= 60, page


def assessed_ids() -> set[str]:
    ids = {c for q in ALL_QUESTIONS for c in q.covers}
    for pd in BANK.pages.values():
        for item in [*pd.data.checklists, *pd.data.forms, *pd.data.tools]:
            ids.update(item.covers)
    return ids


def test_every_inventory_id_is_assessed():
    missing = sorted(set(INVENTORY_IDS) - assessed_ids())
    assert missing == [], f"not assessed by any question, checklist, form or tool: {missing}"


def test_checklists_forms_and_tools_from_the_source():
    by_kind = {kind: {item.id for pd in BANK.pages.values() for item in getattr(pd.data, kind)}
               for kind in ("checklists", "forms", "tools")}
    assert {"p1-interview-info", "v2-daily", "v3-pre-visit", "v3-in-store",
            "v4-dos-donts", "v5-weekly-self-check", "a3-agent-visit"} <= by_kind["checklists"]
    assert {"p1-interview-eval", "p2-signoff", "p3-trial-eval", "p4-probation-review", "p7-ability-rating"} <= by_kind["forms"]
    assert {"man-classifier", "abc-classifier"} <= by_kind["tools"]
    weekly = next(c for pd in BANK.pages.values() for c in pd.data.checklists if c.id == "v5-weekly-self-check")
    assert sum(len(g.items) for g in weekly.groups) == 13
    rating = next(f for pd in BANK.pages.values() for f in pd.data.forms if f.id == "p7-ability-rating")
    assert rating.raters == ["本人", "客户经理"]


# The rules against test-taking habits (true/false balance, longest and
# shortest option, right-option counts, catch-all options, repeated prompts)
# are the bank's own rules now: macros/bank/rules.py, tested in test_bank_rules.py.


def test_every_question_explains_and_links():
    assert all(len(q.explanation) >= 15 and q.link for q in ALL_QUESTIONS)
    distractors_without_feedback = [
        q.id for q in CHOICE_QUESTIONS if q.type == "single"
        and not any(not isinstance(d, str) and d.feedback for d in q.distractors)]
    assert len(distractors_without_feedback) <= len(CHOICE_QUESTIONS) // 10


def test_everything_is_in_the_built_site(site_dir: Path):
    html = {p: p.read_text(encoding="utf-8") for p in site_dir.rglob("*.html")}
    every = "".join(html.values())
    for pd in BANK.pages.values():
        for quiz in pd.data.quizzes:
            assert f'data-quiz="{quiz.id}"' in every
        for item in pd.data.checklists:
            assert f'data-checklist="{item.id}"' in every
        for item in pd.data.forms:
            assert f'data-form="{item.id}"' in every
        for item in pd.data.tools:
            assert f'data-tool="{item.id}"' in every


def search_text(site: Path) -> str:
    import json

    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    return "\n".join(d["title"] + " " + d["text"] for d in docs).replace("\u200b", "")


def test_search_index_holds_no_quiz(site_dir: Path):
    index = search_text(site_dir)
    assert "异议" in index                               # the pages themselves are indexed
    for marker in ("第 1 题 · 单选题", "打开浏览器的 JavaScript 后才能提交答案"):
        assert marker not in index


def test_search_index_holds_no_questions_or_answers(engine_site: Path):
    index = search_text(engine_site)
    assert "这里是讲解内容" in index
    for secret in ("SINGLEPROMPT", "EXPLAINSINGLE", "FEEDBACKWRONG", "FEEDBACKRIGHT", "正确选项甲"):
        assert secret not in index
