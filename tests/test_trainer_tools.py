"""What trainers use to edit by pull request: the chores command, errors as
GitHub annotations, the generated format page, and last-updated dates."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from pydantic import BaseModel

from conftest import run_mkdocs_build
from macros.assessments import models
from macros.assessments import types as question_types
from macros.bank.format_doc import documented_models


def chore(project: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros", *args], cwd=project, capture_output=True,
                          text=True, env={**os.environ, **(env or {})}, timeout=120)


def test_new_module_builds_strictly_and_is_in_the_navigation(project_copy: Path):
    result = chore(project_copy, "new-module", "trial/field-notes", "--title", "试岗日志")
    assert result.returncode == 0, result.stderr
    assert (project_copy / "docs/trial/field-notes.md").is_file()
    assert (project_copy / "quizzes/trial/field-notes.yml").is_file()
    assert "      - trial/field-notes.md" in (project_copy / "mkdocs.yml").read_text(encoding="utf-8")
    built = run_mkdocs_build(project_copy, project_copy / "site")
    assert built.returncode == 0, built.stderr
    nav = (project_copy / "site/trial/index.html").read_text(encoding="utf-8")
    assert 'href="field-notes.html"' in nav and "试岗日志" in nav
    page = (project_copy / "site/trial/field-notes.html").read_text(encoding="utf-8")
    assert 'data-quiz="field-notes"' in page


def test_new_module_refuses_bad_paths_in_words(project_copy: Path):
    result = chore(project_copy, "new-module", "Pre Job/x", "--title", "x")
    assert result.returncode == 1
    assert "模块路径应为 阶段/名称" in result.stderr and "Traceback" not in result.stderr


def test_check_fix_fills_missing_ids(project_copy: Path):
    path = project_copy / "quizzes/visits/visit-notes.yml"      # its first question is drawn by no stage test
    text = path.read_text(encoding="utf-8")
    first = re.search(r"^      - id: (\S+)\n", text, re.M)
    path.write_text(text.replace(first.group(0), "      -\n", 1).replace("      -\n        type:", "      - type:", 1),
                    encoding="utf-8")
    assert chore(project_copy, "check").returncode == 1
    fixed = chore(project_copy, "check", "--fix")
    assert fixed.returncode == 0, fixed.stderr
    assert "已为 quizzes/visits/visit-notes.yml 补上 1 个编号" in fixed.stdout
    assert re.search(r"^      - id: visit-notes-q-1\n        type:", path.read_text(encoding="utf-8"), re.M)


def test_check_rejects_bad_files_with_line_and_annotation(project_copy: Path):
    path = project_copy / "quizzes/pre-job/five-s.yml"
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines, 1) if line.strip().startswith("explanation:"))
    lines[number - 1] = lines[number - 1].replace("explanation:", "explaination:")
    path.write_text("\n".join(lines), encoding="utf-8")
    result = chore(project_copy, "check", env={"GITHUB_ACTIONS": "true"})
    assert result.returncode == 1
    assert re.search(rf"^quizzes/pre-job/five-s.yml:{number}: 问题 \S+: 不认识的字段“explaination”", result.stderr, re.M)
    assert f"::error file=quizzes/pre-job/five-s.yml,line={number}::" in result.stderr


def test_build_errors_become_annotations_in_ci(project_copy: Path):
    page = project_copy / "docs/trial/index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("minutes:", "minuts:", 1), encoding="utf-8")
    os.environ["GITHUB_ACTIONS"] = "true"
    try:
        result = run_mkdocs_build(project_copy, project_copy / "site")
    finally:
        del os.environ["GITHUB_ACTIONS"]
    assert result.returncode != 0
    assert re.search(r"::error file=docs/trial/index.md,line=\d+::页面信息“minuts”", result.stderr)


def all_models() -> set[type[BaseModel]]:
    """Every concrete model of the data format, question types' included."""
    abstract = {models.Strict, models.ToolBase, getattr(models, "FieldKit", models.Strict)}   # FieldKit: the base DataFile inherits
    found = {m for m in vars(models).values()
             if isinstance(m, type) and issubclass(m, models.Strict) and m not in abstract}
    for kind in question_types.TYPES.values():
        found |= {kind.model, *(part for part, _ in kind.parts)}
    return found


def test_format_page_documents_every_field(site_dir: Path):
    assert all_models() - documented_models() == set(), "a model is missing from macros/bank/format_doc.SECTIONS"
    undocumented = [f"{m.__name__}.{name}" for m in all_models() for name, info in m.model_fields.items()
                    if not (info.title or info.description)]
    assert undocumented == [], "fields without a Chinese title/description"
    html = (site_dir / "trainers/format.html").read_text(encoding="utf-8")
    for model in all_models():
        section = html.split(f'id="fmt-{model.__name__.lower()}"')[1].split("<h3")[0]
        for name in model.model_fields:
            assert f"<code>{name}</code>" in section, f"{model.__name__}.{name} not on the format page"


def test_format_page_shows_working_examples_of_every_type(site_dir: Path):
    html = (site_dir / "trainers/format.html").read_text(encoding="utf-8")
    for kind in ("single", "multiple", "truefalse", "ordering", "matching", "scenario"):
        assert f'data-type="{kind}"' in html
        assert f"type</span><span class=\"p\">:</span><span class=\"w\"> </span><span class=\"l l-Scalar l-Scalar-Plain\">{kind}" in html


def test_pages_show_when_they_last_changed(site_dir: Path, project_copy: Path):
    html = (site_dir / "pre-job/objections.html").read_text(encoding="utf-8")
    assert re.search(r'最后更新：<time datetime="\d{4}-\d{2}-\d{2}">', html)
    # A copy without git history builds, and shows no date rather than a wrong one.
    built = run_mkdocs_build(project_copy, project_copy / "site")
    assert built.returncode == 0
    assert "最后更新" not in (project_copy / "site/pre-job/objections.html").read_text(encoding="utf-8")


def test_yaml_lint_passes():
    from conftest import ROOT

    result = subprocess.run([sys.executable, "-m", "yamllint", "--strict", "quizzes", "mkdocs.yml", ".github"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
