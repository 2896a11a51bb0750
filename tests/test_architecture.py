"""The layout keeps its promises: one room per concept, no import cycles, only
the adapter imports MkDocs, a question type is one Python and one JS module,
the learner-record format is named once, settings are checked with a line,
pages see no build state, and the post-build steps run on a built folder."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, make_site, run_mkdocs_build, serve

MACROS = ROOT / "macros"
SOURCE_SUFFIXES = {".py", ".js", ".css", ".html"}


def package_modules() -> dict[str, Path]:
    """Dotted module name → file, for every Python module under macros/."""
    modules = {}
    for path in MACROS.rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path
    return modules


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The handbook modules ``name`` imports, anywhere in the file."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rsplit(".", 1)[0]
            target = (f"{base}.{node.module}" if node.module else base) if node.level else node.module
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in modules else target)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {m for m in found if m in modules and m != name}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in graph:
        if v not in index:
            visit(v)
    return out


def test_no_import_cycles():
    modules = package_modules()
    graph = {name: imports_of(name, path, modules) for name, path in modules.items()}
    # The package's entry points hand over to the adapter lazily; the adapter
    # depends on everything, so that edge is the one allowed way up.
    graph["macros"].discard("macros.adapter.hooks")
    assert cycles(graph) == []


def test_only_the_adapter_imports_mkdocs():
    """Every other module imports with mkdocs and mkdocs_macros blocked."""
    others = sorted(name for name in package_modules()
                    if not name.startswith("macros.adapter") and name != "macros.__main__")
    script = f"""
import importlib, sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("mkdocs", "mkdocs_macros", "material"):
            raise ImportError("blocked: " + name)
        return None
sys.meta_path.insert(0, Block())
failed = []
for name in {others!r}:
    try:
        importlib.import_module(name)
    except Exception as error:
        failed.append(f"{{name}}: {{error}}")
print("\\n".join(failed))
sys.exit(1 if failed else 0)
"""
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "macros.bank.loader" in others and "macros.postbuild.run" in others


def source_files() -> list[Path]:
    skip = {"tests", ".git", ".venv", "site", "node_modules"}
    return [p for p in ROOT.rglob("*") if p.is_file() and p.suffix in SOURCE_SUFFIXES
            and not skip & set(p.relative_to(ROOT).parts)]


def files_naming(text: str) -> list[str]:
    return sorted(p.relative_to(ROOT).as_posix() for p in source_files()
                  if text in p.read_text(encoding="utf-8", errors="ignore"))


def test_a_question_type_is_named_in_its_own_two_modules():
    assert files_naming("truefalse") == ["macros/assessments/types/truefalse.js",
                                         "macros/assessments/types/truefalse.py"]


def test_the_record_format_is_named_in_one_source_file():
    assert files_naming("handbook-learner-record") == ["macros/record/format.py"]


# --------------------------------------------------------------------------
# An extra question type, dropped in as two files, built and answered
# --------------------------------------------------------------------------

def add_estimate_type(project: Path) -> None:
    for name in ("estimate.py", "estimate.js"):
        shutil.copy2(FIXTURES / "question_type" / "types" / name, project / "macros" / "assessments" / "types" / name)


def test_unknown_type_is_a_clear_error(tmp_path):
    project = make_site(tmp_path / "project", "question_type")
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "quizzes/estimate.yml:6: 问题 fx-est-1: 题型“estimate”不存在，可用的题型：single、multiple、" in result.stderr


def test_extra_question_type_builds_and_is_answered(tmp_path, browser):
    project = make_site(tmp_path / "project", "question_type")
    add_estimate_type(project)
    result = run_mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    server = serve(project / "site")
    try:
        context = browser.new_context()
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(f"http://127.0.0.1:{server.server_port}/estimate.html")
        q = page.locator('[data-question="fx-est-1"]')
        assert "第 1 题 · 估算题（填写数字）" in q.locator("legend").inner_text()
        q.locator("input[data-estimate]").fill("76")
        q.get_by_role("button", name="提交本题").click()
        assert "回答错误" in q.locator(".hb-feedback").inner_text()
        assert "✗ 正确答案：77" in q.inner_text()
        assert "ESTIMATEEXPLAIN" in q.locator(".hb-explain").inner_text()
        page.locator('[data-question="fx-est-2"] input[value="t"]').check()
        page.locator('[data-question="fx-est-2"]').get_by_role("button", name="提交本题").click()
        assert "得分 50%" in page.locator(".hb-quiz__score").inner_text()
        page.get_by_role("button", name="只重做错题").click()
        q = page.locator('[data-question="fx-est-1"]')
        q.locator("input[data-estimate]").fill("77")
        q.get_by_role("button", name="提交本题").click()
        assert "回答正确" in q.locator(".hb-feedback").inner_text()
        page.reload()
        assert "得分 100%" in page.locator(".hb-quiz__score").inner_text()
        assert page.locator('[data-question="fx-est-1"] input[data-estimate]').input_value() == "77"
        assert errors == []
        context.close()
    finally:
        server.shutdown()


def test_extra_type_is_on_the_format_page_and_in_the_schema(tmp_path):
    project = make_site(tmp_path / "project", "question_type")
    add_estimate_type(project)
    script = ("from macros.bank.format_doc import format_reference; from macros.bank.schema import schema_text;"
              "print('估算题 estimate' in format_reference(), 'estimate' in schema_text())")
    result = subprocess.run([sys.executable, "-c", script], cwd=project, capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["True", "True"], result.stderr


# --------------------------------------------------------------------------
# Settings, page context, post-build steps
# --------------------------------------------------------------------------

@pytest.mark.parametrize("value, message", [
    ("8o", "extra.及格线 pass_mark：应为 1–100 的整数(现为 “8o”)"),
    ("150", "extra.及格线 pass_mark：应在 1–100 之间(现为 150)"),
    ('""', "extra.及格线 pass_mark：应为 1–100 的整数(现为 “”)"),
])
def test_a_wrong_setting_stops_the_build_at_its_line(project_copy, tmp_path, value, message):
    config = project_copy / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if line.startswith("  pass_mark:"))
    lines[number] = f"  pass_mark: {value}"
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode == 1
    assert f"mkdocs.yml:{number + 1}: {message}" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_empty_company_name_is_refused(project_copy, tmp_path):
    config = project_copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  company: 格兰仕", '  company: " "'), encoding="utf-8")
    result = run_mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode == 1
    assert "extra.公司名称 company：不能为空" in result.stderr


@pytest.mark.parametrize("name", ["_bank", "_placed", "_shown", "_dates"])
def test_pages_cannot_see_build_state(project_copy, tmp_path, name):
    page = project_copy / "docs" / "glossary.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n{{{{ {name} }}}}\n", encoding="utf-8")
    result = run_mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert f"变量或宏 “{name}” 不能在页面中使用" in result.stderr


def test_post_build_steps_run_on_a_built_folder(site_dir, tmp_path):
    """Run on their own, the steps rebuild the record files and the web app
    of a folder exactly as the build did."""
    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy)
    made = ["assets/javascripts/catalog.js", "assets/quizzes/objections.js", "sw.js", "site.webmanifest"]
    for rel in made:
        (copy / rel).unlink()
    result = subprocess.run([sys.executable, "-m", "macros", "postbuild", str(copy)], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "离线缓存(service worker)" in result.stdout
    for rel in made:
        assert (copy / rel).read_bytes() == (site_dir / rel).read_bytes(), rel


def test_the_dom_contract_lists_every_class_and_attribute():
    """Every hb- class / id and data- attribute the runtime, the renderers, the
    styles and the theme overrides use is on the contributors' page."""
    import re

    contract = (ROOT / "docs" / "trainers" / "architecture.md").read_text(encoding="utf-8")
    contract = contract[contract.index("## DOM 约定"):]
    listed = set(re.findall(r"\bhb-[a-z0-9_-]*[a-z0-9]", contract)) | set(re.findall(r"\bdata-[a-z-]*[a-z]", contract))
    used: dict[str, str] = {}
    places = [*MACROS.rglob("*.js"), *MACROS.rglob("*.py"), *(ROOT / "docs" / "assets" / "stylesheets").glob("*.css"),
              *(ROOT / "overrides").rglob("*.html")]
    for path in places:
        text = path.read_text(encoding="utf-8")
        for name in re.findall(r"(?<![-\w])(?:hb|data)-[a-z0-9_-]*[a-z0-9]", text):
            used.setdefault(name, path.relative_to(ROOT).as_posix())
    # dataset.fooBar in JS is data-foo-bar in the DOM
    for path in MACROS.rglob("*.js"):
        for name in re.findall(r"dataset\.([a-zA-Z]+)", path.read_text(encoding="utf-8")):
            used.setdefault("data-" + re.sub(r"[A-Z]", lambda m: "-" + m.group(0).lower(), name),
                            path.relative_to(ROOT).as_posix())
    missing = {name: where for name, where in used.items() if name not in listed}
    assert missing == {}
