"""Nothing a trainer writes can run code at build time or harm a learner.

Build cases assert the exact one-line message, the exit status and that the
build gave up quickly; browser cases assert that no injected script runs and
no request leaves."""

from __future__ import annotations

import time

import pytest

from conftest import run_mkdocs_build

PAGE = "docs/glossary.md"


def build_with_page_line(project, tmp_path, line: str):
    page = project / PAGE
    text = page.read_text(encoding="utf-8")
    page.write_text(text + f"\n{line}\n", encoding="utf-8")
    number = text.count("\n") + 2
    started = time.monotonic()
    result = run_mkdocs_build(project, tmp_path / "site")
    return result, number, time.monotonic() - started


@pytest.mark.parametrize("line, message", [
    ("{{ lipsum.__globals__['os'].popen('id').read() }}", "页面中不允许调用手册宏以外的函数(只能使用手册的宏和变量)"),
    ("{{ cycler.__init__.__globals__.os.environ }}", "页面中不允许读取属性或下标(只能使用手册的宏和变量)"),
    ("{% include '/etc/passwd' %}", "页面中不允许语句 {% include %}(只能使用手册的宏和变量)"),
    ("{% set x = 1 %}", "页面中不允许语句 {% set %}(只能使用手册的宏和变量)"),
    ("{{ config }}", "变量或宏 “config” 不能在页面中使用(可用的变量有 company、pass_mark；宏要加括号调用，例如 quiz(\"编号\"))"),
    ("{{ environment }}", "变量或宏 “environment” 不能在页面中使用"),
    ("{{ company | upper }}", "页面中不允许过滤器 “upper”(只能使用手册的宏和变量)"),
    ("{{ quiz(config.site_name) }}", "宏 quiz 的参数只能是写在引号里的文字，例如 quiz(\"编号\")"),
    ("{{ range(10**9) | list }}", "页面中不允许过滤器 “list”(只能使用手册的宏和变量)"),
])
def test_a_page_cannot_run_code_at_build_time(project_copy, tmp_path, line, message):
    result, number, seconds = build_with_page_line(project_copy, tmp_path, line)
    assert result.returncode != 0
    assert f"{PAGE}:{number}: {message}" in result.stderr
    assert "uid=" not in result.stdout + result.stderr and "Traceback" not in result.stderr
    assert seconds < 60


def test_documented_variables_and_quoted_braces_still_work(project_copy, tmp_path):
    result, _, _ = build_with_page_line(project_copy, tmp_path, "{{ company }} {{ pass_mark }} {{ '{{ company }}' }}")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "glossary.html").read_text(encoding="utf-8")
    assert "格兰仕 80 {{ company }}" in html


def test_a_title_cannot_run_code(project_copy, tmp_path):
    page = project_copy / PAGE
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("title: 术语表", "title: \"术语表{{ lipsum.__globals__ }}\"", 1), encoding="utf-8")
    result = run_mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert f"{PAGE}:2: 页面中不允许读取属性或下标(只能使用手册的宏和变量)" in result.stderr
