"""A plain Material site made from the client's source document, to compare
the handbook with (tools/bench.py): the text of 销售业务员培训计划.txt split
into one page per numbered heading, the stock Material theme with its stock
search, no custom code, no macros, no overrides.

    .venv/bin/python tools/plain_site.py SOURCE.txt PROJECT_DIR

Only ``font: false`` and ``language: zh`` are set, as in the handbook (the
handbook loads no web fonts; a stock site would fetch Roboto from Google).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

SEED = Path("/work/shared/seed/销售业务员培训计划.txt")
PAGE = re.compile(r"^[一二三四五六七八九十]+[、.．]")
SUB = re.compile(r"^(\d+|[（(]\d+[)）]|[A-Ga-g])[、.．]")
# Headings of the document's parts (no number): they group the pages in the nav.
PARTS = ("销售技巧初步", "客户经理日常终端拜访管理", "代理商日常工作要求和拜访技巧")


def split(text: str) -> tuple[str, list[tuple[str, list[tuple[str, list[str]]]]]]:
    """(intro, [(part, [(page title, lines)])])."""
    lines = [line.strip() for line in text.splitlines()]
    intro: list[str] = []
    parts: list[tuple[str, list]] = [("培训计划", [])]
    current: list[str] | None = None
    for line in lines:
        if not line or line == "新媒体部员工培训手册":
            continue
        if line in PARTS:
            parts.append((line, []))
            current = None
            continue
        if PAGE.match(line) and len(line) < 40 and not line.endswith("。"):
            current = []
            parts[-1][1].append((line.rstrip(":：。"), current))
            continue
        (current if current is not None else intro).append(line)
    return "\n\n".join(intro), [p for p in parts if p[1]]


def write_project(source: Path, project: Path) -> int:
    """Write mkdocs.yml and docs/; return the number of pages."""
    intro, parts = split(source.read_text(encoding="utf-8"))
    docs = project / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text(f"# 销售业务员培训计划\n\n{intro}\n", encoding="utf-8")
    nav = ["  - 首页: index.md"]
    count = 1
    for p_i, (part, pages) in enumerate(parts, 1):
        nav.append(f"  - {part}:")
        for i, (title, body) in enumerate(pages, 1):
            name = f"part{p_i}/page{i}.md"
            (docs / name).parent.mkdir(exist_ok=True)
            md = [f"# {title}", ""]
            for line in body:
                md += [f"## {line}" if SUB.match(line) and len(line) < 30 else line, ""]
            (docs / name).write_text("\n".join(md), encoding="utf-8")
            nav.append(f"      - {name}")
            count += 1
    (project / "mkdocs.yml").write_text(
        "site_name: 销售业务员培训计划\n"
        "theme:\n  name: material\n  language: zh\n  font: false\n"
        "plugins:\n  - search\n"
        "nav:\n" + "\n".join(nav) + "\n", encoding="utf-8")
    return count


if __name__ == "__main__":
    source = Path(sys.argv[1]) if len(sys.argv) > 2 else SEED
    target = Path(sys.argv[-1])
    print(f"{write_project(source, target)} pages in {target}")
