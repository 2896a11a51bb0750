"""Chores that write files for trainers: a new module, and missing ids.

``new_module`` creates the page, its data file and the navigation entry.
``fill_missing_ids`` adds an ``id:`` line to every question, checklist item,
criterion or scene that lacks one, keeping the rest of the file as written.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..assessments import types as question_types
from ..errors import HandbookError
from .yaml_lines import LineDict, LineList, load

PAGE_TEMPLATE = """---
title: {title}
stage: {stage}
audience: [新业务员]
minutes: 5
objectives:
  - 请写出学习目标(以动词开头，例如“说出……”“判断……”)
covers: []
---

用一两句话说明本模块讲什么、为什么重要。

## 第一部分 {{#part-1}}

正文。

!!! abstract "要点回顾"

    - 要点一

## 自测 {{#quiz}}

{{{{ quiz("{quiz_id}") }}}}
"""

DATA_TEMPLATE = """# {title}(docs/{page})的自测题。格式说明见手册“培训师指南 → 数据格式”。
quizzes:
  - id: {quiz_id}
    title: 自测：{title}
    mode: practice
    questions:
{example}"""

MODULE_PATH = re.compile(r"^[a-z0-9-]+/[a-z0-9-]+$")


def new_module(root: Path, module: str, title: str) -> list[Path]:
    """Create docs/<module>.md, quizzes/<module>.yml and its nav entry."""
    if not MODULE_PATH.match(module):
        raise HandbookError(module, "模块路径应为 阶段/名称，只用小写英文字母、数字和连字符，例如 pre-job/new-topic")
    stage, name = module.split("/")
    page, data = root / "docs" / f"{module}.md", root / "quizzes" / f"{module}.yml"
    if not (root / "docs" / stage).is_dir():
        known = "、".join(sorted(p.name for p in (root / "docs").iterdir() if p.is_dir() and p.name != "assets"))
        raise HandbookError(f"docs/{stage}", f"阶段文件夹不存在，可用的有：{known}")
    for path in (page, data):
        if path.exists():
            raise HandbookError(str(path.relative_to(root)), "文件已存在，不会覆盖")
    quiz_id = name if name not in _all_ids(root) else f"{stage}-{name}"
    page.write_text(PAGE_TEMPLATE.format(title=title, stage=stage, quiz_id=quiz_id), encoding="utf-8")
    data.parent.mkdir(parents=True, exist_ok=True)
    data.write_text(DATA_TEMPLATE.format(title=title, page=f"{module}.md", quiz_id=quiz_id,
                                         example=starter_question(quiz_id)), encoding="utf-8")
    add_to_nav(root / "mkdocs.yml", stage, f"{module}.md")
    return [page, data, root / "mkdocs.yml"]


def starter_question(quiz_id: str) -> str:
    """The first question of a new data file: the example of the type marked
    ``SCAFFOLD = True``, with this quiz's id and a link to the page's first part."""
    example = question_types.scaffold_example()
    example = re.sub(r"^- id: .*$", f"- id: {quiz_id}-1", example, count=1, flags=re.M)
    example = re.sub(r"^  link: .*$", '  link: "#part-1"', example, count=1, flags=re.M)
    return "".join(f"      {line}\n" for line in example.splitlines())


def _all_ids(root: Path) -> set[str]:
    text = "\n".join(p.read_text(encoding="utf-8") for p in (root / "quizzes").rglob("*.yml"))
    return set(re.findall(r"\bid:\s*([a-z0-9-]+)", text))


def add_to_nav(config: Path, stage: str, page: str) -> None:
    """Append ``page`` to the nav section whose pages live in ``stage/``."""
    lines = config.read_text(encoding="utf-8").split("\n")
    start = lines.index("nav:")
    section = None
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if re.match(rf"^  - [^:]+: {re.escape(stage)}/index\.md$", line):          # single page
            title = line.split(":")[0].strip()[2:]
            lines[i:i + 1] = [f"  - {title}:", f"      - {stage}/index.md", f"      - {page}"]
            break
        if re.match(r"^  - [^:]+:$", line):
            section = i
        elif section is not None and re.match(rf"^      - {re.escape(stage)}/", line):
            end = i
            while end + 1 < len(lines) and lines[end + 1].startswith("      - "):
                end += 1
            lines.insert(end + 1, f"      - {page}")
            break
    else:
        raise HandbookError("mkdocs.yml", f"导航 nav 中没有找到阶段 {stage} 的页面，请手工添加 {page}")
    config.write_text("\n".join(lines), encoding="utf-8")


# --------------------------------------------------------------------------
# check --fix: fill in missing ids
# --------------------------------------------------------------------------

# (container key, prefix for generated ids)
ID_CONTAINERS = {"questions": "q", "items": "item", "criteria": "crit", "scenes": "scene"}


def missing_ids(raw: LineDict, base: str) -> list[tuple[int, str]]:
    """(line of the element's first key, new id) for every element without an id."""
    found: list[tuple[int, str]] = []
    taken = set(re.findall(r"[a-z0-9-]+", " ".join(_ids(raw))))

    def walk(node, key: str | None) -> None:
        if isinstance(node, LineList):
            for index, child in enumerate(node):
                if key in ID_CONTAINERS and isinstance(child, LineDict) and "id" not in child and child:
                    number = index + 1
                    ident = f"{base}-{ID_CONTAINERS[key]}-{number}"
                    while ident in taken:
                        number += 1
                        ident = f"{base}-{ID_CONTAINERS[key]}-{number}"
                    taken.add(ident)
                    found.append((min(child.lines.values()), ident))
                walk(child, None)
        elif isinstance(node, LineDict):
            for child_key, child in node.items():
                walk(child, child_key)

    walk(raw, None)
    return found


def _ids(node) -> list[str]:
    if isinstance(node, dict):
        return [str(node.get("id", ""))] + [i for v in node.values() for i in _ids(v)]
    if isinstance(node, list):
        return [i for v in node for i in _ids(v)]
    return []


def fill_missing_ids(path: Path, base: str) -> int:
    """Insert ``id:`` lines where they are missing; return how many were added."""
    text = path.read_text(encoding="utf-8")
    raw = load(text)
    if not isinstance(raw, LineDict):
        return 0
    lines = text.split("\n")
    todo = missing_ids(raw, base)
    for line_number, ident in sorted(todo, reverse=True):
        line = lines[line_number - 1]
        match = re.match(r"^(\s*)- (.*)$", line)
        if match and not line.lstrip().startswith("- {"):
            indent = match.group(1)
            lines[line_number - 1:line_number] = [f"{indent}- id: {ident}", f"{indent}  {match.group(2)}"]
        elif match:                                   # flow mapping: - {text: …}
            lines[line_number - 1] = line.replace("- {", f"- {{id: {ident}, ", 1)
        else:
            indent = re.match(r"^(\s*)", line).group(1)
            lines.insert(line_number - 1, f"{indent}id: {ident}")
    if todo:
        path.write_text("\n".join(lines), encoding="utf-8")
    return len(todo)
