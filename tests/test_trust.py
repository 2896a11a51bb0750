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


# --------------------------------------------------------------------------
# The build never crashes, hangs or blames the wrong file (issue item 7)
# --------------------------------------------------------------------------

import os
import subprocess
import sys

OBJECTIONS = "quizzes/pre-job/objections.yml"


def check(project, seconds: float = 30):
    """``python -m macros check`` on a project copy: (exit status, stderr)."""
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "macros", "check"], cwd=project,
                            capture_output=True, text=True, timeout=120)
    assert time.monotonic() - started < seconds, "the check took too long"
    assert "Traceback" not in result.stderr
    return result.returncode, result.stderr.strip()


def edit(project, rel: str, old: str, new: str) -> int:
    """Replace ``old`` once in a file; return the 1-based line where it was."""
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[:text.index(old)].count("\n") + 1


def test_a_data_file_in_gbk(project_copy):
    path = project_copy / OBJECTIONS
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.encode("gb18030"))
    first = next(i for i, line in enumerate(text.splitlines(), 1) if any(ord(c) > 127 for c in line))
    assert check(project_copy) == (1, f"{OBJECTIONS}:{first}: 文件不是 UTF-8 编码(可能是 GBK)：请在编辑器中选择“UTF-8”重新保存")


def test_a_data_file_with_a_nul_byte(project_copy):
    line = edit(project_copy, OBJECTIONS, "mode: practice", "mode: practice\x00")
    assert check(project_copy) == (1, f"{OBJECTIONS}:{line}: 文件中有空字节(NUL)：它不是文本文件，或者已经损坏")


def test_a_folder_named_like_a_data_file(project_copy):
    (project_copy / "quizzes" / "pre-job" / "extra.yml").mkdir()
    assert check(project_copy) == (1, "quizzes/pre-job/extra.yml: 这是一个文件夹，不是数据文件(名字不要以 .yml 结尾)")


def test_symlinks_are_refused(project_copy):
    (project_copy / "quizzes" / "pre-job" / "gone.yml").symlink_to(project_copy / "nowhere.yml")
    (project_copy / "quizzes" / "pre-job" / "config.yml").symlink_to("/etc/hostname")
    code, err = check(project_copy)
    assert code == 1
    assert err.splitlines() == [
        "quizzes/pre-job/config.yml: 是一个符号链接(symlink)：手册不读取链接指向的内容，请放入真正的文件",
        "quizzes/pre-job/gone.yml: 是一个符号链接(symlink)：手册不读取链接指向的内容，请放入真正的文件"]


def test_a_symlinked_page_is_not_published(project_copy, tmp_path):
    (project_copy / ".git").mkdir(exist_ok=True)
    (project_copy / ".git" / "config").write_text("[http] extraheader = AUTHORIZATION: basic SECRET\n", encoding="utf-8")
    (project_copy / "docs" / "leak.md").symlink_to(project_copy / ".git" / "config")
    result = run_mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/leak.md: 是一个符号链接(symlink)：手册不读取链接指向的内容，请放入真正的文件" in result.stderr
    assert not (tmp_path / "site" / "leak.html").exists()
    assert "SECRET" not in result.stderr + result.stdout


def test_a_page_not_in_utf8(project_copy, tmp_path):
    page = project_copy / PAGE
    text = page.read_text(encoding="utf-8")
    page.write_bytes(text.encode("gb18030"))
    first = next(i for i, line in enumerate(text.splitlines(), 1) if any(ord(c) > 127 for c in line))
    result = run_mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert f"{PAGE}:{first}: 文件不是 UTF-8 编码(可能是 GBK)：请在编辑器中选择“UTF-8”重新保存" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_alias_bomb(project_copy):
    bomb = "x0: &x0 [a, a, a, a, a, a, a, a, a, a]\n" + "".join(
        f"x{i}: &x{i} [{', '.join([f'*x{i - 1}'] * 10)}]\n" for i in range(1, 9))
    (project_copy / OBJECTIONS).write_text(bomb + "quizzes: *x8\n", encoding="utf-8")
    assert check(project_copy, seconds=10) == (1, f"{OBJECTIONS}:6: 内容展开后太大(超过 200000 项)：检查 & 和 * 引用是否层层嵌套")


def test_a_list_nested_300_deep(project_copy):
    (project_copy / OBJECTIONS).write_text("quizzes: " + "[" * 300 + "]" * 300 + "\n", encoding="utf-8")
    assert check(project_copy, seconds=10) == (1, f"{OBJECTIONS}:1: 嵌套太深(超过 40 层)：检查缩进或 [ ] 是否写错")


def role_play(ident: str, scenes: int, both_lead_on: bool) -> str:
    lines = [f"      - id: {ident}", "        type: scenario", "        prompt: 很长的一段对话。",
             "        explanation: 这是一段足够长的解析文字，说明为什么这样回应。", '        link: "#taiji"',
             "        start: s0", "        scenes:"]
    for i in range(scenes):
        last = i == scenes - 1
        lines += [f"          - id: s{i}", f"            customer: 第 {i} 句话", "            choices:"]
        for k, (text, end) in enumerate((("好的回应", "success"), ("差的回应", "fail"))):
            leads_on = both_lead_on or k == 0 or i == 0        # scene 0 always has a way back (the bank's rule)
            target = f"end: {end}" if last else (f"next: s{i + 1}" if leads_on else "end: fail")
            lines += [f"              - text: {text} {i}", f"                feedback: 结果 {i}", f"                {target}"]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("scenes, both", [(40, True), (1200, False)])
def test_large_role_plays_are_checked_fast(project_copy, scenes, both):
    edit(project_copy, OBJECTIONS, "    questions:\n", "    questions:\n" + role_play(f"big-{scenes}", scenes, both))
    assert check(project_copy, seconds=45)[0] == 0


def test_a_lookup_tool_with_32_dimensions(project_copy):
    path = project_copy / "quizzes" / "pre-job" / "prospects.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("    dimensions:\n", text.index("  - id: man-classifier"))
    dims = "".join(f"      - id: d-{i}\n        label: 判断 {i}\n        options:\n"
                   f"          - {{value: y, label: 是}}\n          - {{value: n, label: 否}}\n" for i in range(32))
    path.write_text(text[:start] + "    dimensions:\n" + dims + text[start + len("    dimensions:\n"):], encoding="utf-8")
    code, err = check(project_copy, seconds=10)
    assert code == 1
    assert "工具 man-classifier: 判断项的组合太多(34359738368 种，最多 1000 种)：请减少判断项或每项的选项" in err


def test_an_emptied_data_file_is_named(project_copy):
    (project_copy / "quizzes" / "visits" / "time.yml").write_text("", encoding="utf-8")
    code, err = check(project_copy)
    assert code == 1
    assert err.splitlines()[0] == ("quizzes/visits/time.yml:1: 文件是空的：写上这个页面的测验、清单或表格；"
                                   "不再需要时删除文件，并去掉页面中对应的宏")


@pytest.mark.parametrize("name, message", [
    ("objections.YML", "quizzes/pre-job/objections.YML: 扩展名“.YML”要写成小写的 .yml，否则不会被读取"),
    ("objections.yaml", "quizzes/pre-job/objections.yml: 与 quizzes/pre-job/objections.yaml 是同一个页面的数据：每个页面只能有一个数据文件，请合并"),
])
def test_data_file_names_that_would_be_skipped(project_copy, name, message):
    source = project_copy / OBJECTIONS
    (source.parent / name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    if name.endswith(".YML"):
        source.unlink()
    code, err = check(project_copy)
    assert code == 1 and message in err.splitlines()


@pytest.mark.parametrize("old, new, message", [
    ("    mode: practice", "    mode: exam", "测验 objections: “模式”的取值“exam”无效，应为 practice、test 之一"),
    ("  - id: objections\n", "  - id: constructor\n", "测验 constructor: 编号“constructor”是浏览器保留的名字，请换一个(例如加上模块名)"),
])
def test_clear_chinese_for_values(project_copy, old, new, message):
    line = edit(project_copy, OBJECTIONS, old, new) + (0 if old.startswith("  - id") else 0)
    code, err = check(project_copy)
    assert code == 1
    assert err == f"{OBJECTIONS}:{line}: {message}"


def test_infinite_range_and_blank_labels(project_copy):
    demo = project_copy / "quizzes" / "trainers" / "format.yml"
    text = demo.read_text(encoding="utf-8")
    assert "    unit: 分\n" in text
    demo.write_text(text.replace("    unit: 分\n", "    unit: 分\n    max: .inf\n", 1), encoding="utf-8")
    code, err = check(project_copy)
    assert code == 1 and "“最大值”应为普通的数字(不能是 .inf 或 .nan)" in err
    demo.write_text(text, encoding="utf-8")
    trial = project_copy / "quizzes" / "trial" / "index.yml"
    lines = trial.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.strip() == "decision:")
    lines[at + 1] = lines[at + 1].split("-")[0] + '- "  "'
    trial.write_text("\n".join(lines), encoding="utf-8")
    code, err = check(project_copy)
    assert code == 1 and err.endswith("“评定结论选项”不能为空") and f"quizzes/trial/index.yml:{at + 2}:" in err


def test_inventory_ids_get_their_own_hint_and_merges_may_override(project_copy):
    line = edit(project_copy, OBJECTIONS, "covers: [", "covers: [X9, ")
    code, err = check(project_copy)
    assert code == 1 and err.endswith("“X9”不是培训计划条目编号(应为 P0–P7、S1–S7、V1–V6、A1–A3 之一，例如 S6)")
    edit(project_copy, OBJECTIONS, "covers: [X9, ", "covers: [")
    edit(project_copy, OBJECTIONS, "quizzes:\n", "defaults: &defaults {mode: test, shuffle: true}\nquizzes:\n")
    (project_copy / OBJECTIONS).write_text((project_copy / OBJECTIONS).read_text(encoding="utf-8").replace(
        "    mode: practice\n", "    <<: *defaults\n    mode: practice\n", 1).replace("defaults: &defaults", "x-defaults: &defaults"),
        encoding="utf-8")
    code, err = check(project_copy)
    assert code == 1 and "不认识的字段“x-defaults”" in err           # the anchor's home is not a field, but
    assert "重复出现" not in err                                      # the merge override itself is accepted


def test_oversized_data_file(project_copy):
    (project_copy / OBJECTIONS).write_text("# " + "x" * (6 * 1024 * 1024) + "\n", encoding="utf-8")
    assert check(project_copy) == (1, f"{OBJECTIONS}: 文件太大(6 MB，最多 5 MB)：请检查是否放错了文件")


@pytest.mark.parametrize("change, message", [
    (lambda t: t.replace("---\n", "---\nminutes: 3\n", 1), "docs/glossary.md:6: 页面信息中“minutes”写了两次(只保留一个)"),
    (lambda t: t.replace("---\n", "", 2).replace("title:", "---\ntitle:", 1), "docs/glossary.md:1: 页面信息(front matter)没有结尾的 ---"),
    (lambda t: t.replace("title: 术语表", "title: 术语表: [", 1), "docs/glossary.md:2: 页面信息(front matter)的 YAML 格式错误"),
])
def test_front_matter_mistakes_are_told_at_the_page(project_copy, tmp_path, change, message):
    page = project_copy / PAGE
    page.write_text(change(page.read_text(encoding="utf-8")), encoding="utf-8")
    result = run_mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert message in result.stderr
    assert "docs/index.md" not in result.stderr


def test_a_page_with_a_bom_stays_in_the_learning_path(project_copy, tmp_path):
    page = project_copy / "docs" / "visits" / "time.md"
    page.write_bytes(b"\xef\xbb\xbf" + page.read_bytes())
    result = run_mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    title = (project_copy / "docs" / "visits" / "time.md").read_text(encoding="utf-8-sig").split("title: ", 1)[1].split("\n")[0]
    assert title in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert '"visits/time"' in (tmp_path / "site" / "assets" / "javascripts" / "catalog.js").read_text(encoding="utf-8")


# --------------------------------------------------------------------------
# Trainer HTML in the learner's browser (items 2 and 3)
# --------------------------------------------------------------------------

import hashlib
import re
import shutil

from conftest import ROOT, serve
from macros.assessments.html import markdown_html


@pytest.mark.parametrize("text, kept, gone", [
    ("<script>alert(1)</script>正文", "正文", "<script"),
    ("<img src=x onerror=alert(1)>", "<img", "onerror"),
    ("[点我](javascript:alert(1))", "点我", "javascript:"),
    ("![远程](https://evil.example/x.png)", "远程", "evil.example"),
    ("<iframe src=//evil.example></iframe>文字", "文字", "iframe"),
    ("<a href=\"objections.md#taiji\" onclick=\"x()\">讲解</a>", 'href="objections.md#taiji"', "onclick"),
    ("<style>body{display:none}</style>**粗**", "<strong>粗</strong>", "<style"),
])
def test_the_sanitiser_keeps_text_and_drops_what_runs(text, kept, gone):
    html = markdown_html(text)
    assert kept in html and gone not in html


@pytest.mark.parametrize("text, message", [
    ("解析 <img src=x onerror=alert(1)>", "不能写 on…= 事件属性(它会在学员的浏览器里运行代码)"),
    ("解析 <script>fetch('//evil')</script>", "不能写 <script> 标签(手册只接受普通文字、Markdown 和简单的 HTML)"),
    ("解析 ![图](https://evil.example/track.png)", "图片只能用手册里的文件(不能引用外部网址：离线时显示不出来，还会把学员正在看的内容告诉别的网站)"),
    ("[讲解](javascript:alert(1))", "不能写 javascript: 一类的链接"),
])
def test_hostile_data_text_is_refused_at_its_line(project_copy, text, message):
    path = project_copy / OBJECTIONS
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("explanation:")
              and line.split("explanation:")[1].strip() not in ("", "|", ">", ">-", "|-")
              and len(lines[i + 1]) - len(lines[i + 1].lstrip()) <= len(line) - len(line.lstrip()))
    lines[at] = lines[at].split("explanation:")[0] + f"explanation: \"{text}\""
    path.write_text("\n".join(lines), encoding="utf-8")
    code, err = check(project_copy)
    assert code == 1
    assert f"{OBJECTIONS}:{at + 1}: {message}" in err.splitlines()


def test_hostile_page_html_is_refused_at_its_line(project_copy, tmp_path):
    result, number, _ = build_with_page_line(project_copy, tmp_path, '<div onmouseover="steal()">悬停</div>')
    assert result.returncode != 0
    assert f"{PAGE}:{number}: 不能写 on…= 事件属性(它会在学员的浏览器里运行代码)" in result.stderr


def test_every_page_carries_a_content_security_policy(site_dir):
    pages = sorted(site_dir.rglob("*.html"))
    assert pages
    for path in pages:
        head = path.read_text(encoding="utf-8").split("</head>", 1)[0]
        csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', head)
        assert csp, path
        assert "script-src 'self' 'sha256-" in csp.group(1) and "'unsafe-inline'" not in csp.group(1).split("style-src")[0]
        assert "object-src 'none'" in csp.group(1) and "default-src 'self'" in csp.group(1)
        assert head.index("Content-Security-Policy") < head.index("<script")


def test_the_policy_stops_what_slips_through(site_dir, tmp_path, page):
    """An inline script and a remote image put into a built page (as if the
    sanitiser had missed them) neither run nor load; the quiz still works."""
    site = tmp_path / "site"
    shutil.copytree(site_dir, site)
    target = site / "pre-job" / "objections.html"
    html = target.read_text(encoding="utf-8")
    html = html.replace("</article>", '<script>window.__pwned = 1</script><img src="http://evil.example/x.png">'
                                      '<p onclick="window.__pwned = 2" id="bait">诱饵</p></article>', 1)
    target.write_text(html, encoding="utf-8")
    server = serve(site)
    blocked = {}
    page.on("requestfailed", lambda r: blocked.setdefault(r.url, r.failure))
    try:
        page.goto(f"http://127.0.0.1:{server.server_port}/pre-job/objections.html")
        page.wait_for_selector('[data-quiz="objections"][data-ready]')
        page.click("#bait")
        page.wait_for_timeout(300)
        assert page.evaluate("window.__pwned") is None
        tried = [u for u in page.requests.urls if "evil.example" in u]
        assert tried and all(blocked.get(u) == "csp" for u in tried)     # stopped by the policy, never sent
        assert page.locator('[data-quiz="objections"] .hb-check').count() > 0
    finally:
        server.shutdown()


def test_search_works_from_disk_under_the_policy(site_dir, page):
    page.goto((site_dir / "index.html").as_uri())
    page.keyboard.press("/")
    page.locator("input[data-md-component=search-query]").fill("异议")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    assert page.js_errors == []


# --------------------------------------------------------------------------
# Supply chain
# --------------------------------------------------------------------------

def test_the_vendored_shim_is_the_recorded_file():
    folder = ROOT / "docs" / "assets" / "vendor" / "iframe-worker"
    recorded = re.findall(r"sha256 ([0-9a-f]{64})", (folder / "README.txt").read_text(encoding="utf-8"))
    assert len(recorded) == 2                          # the npm original and the patched file shipped
    assert hashlib.sha256((folder / "shim.js").read_bytes()).hexdigest() == recorded[1]
    assert (folder / "LICENSE").read_text(encoding="utf-8").startswith("MIT") or "MIT" in (folder / "LICENSE").read_text(encoding="utf-8")


def test_github_actions_are_pinned_by_commit():
    for workflow in sorted((ROOT / ".github" / "workflows").glob("*.yml")):
        for use in re.findall(r"uses:\s*(\S+)", workflow.read_text(encoding="utf-8")):
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", use), f"{workflow.name}: {use}"
