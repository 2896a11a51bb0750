"""The handbook's content: every part of the client's plan is covered, gaps
are flagged, the copy passes the Chinese lint, and the pages carry what a
module promises (objectives, summary, the source's tables)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT
from macros.content.copy_lint import copy_files, lint_file
from macros.content.frontmatter import read_all
from macros.content.pages import INVENTORY_IDS

DOCS = ROOT / "docs"
INVENTORY = Path(ROOT.parent / "shared" / "seed" / "INVENTORY.md")
GAP_NOTICE = '!!! warning "通用版本，请培训负责人按公司实际修订"'
METAS = read_all(DOCS)


def inventory_rows() -> dict[str, str]:
    """id → the row's text, from the client's inventory (falls back to the ids
    known to the front matter model when the seed is not beside the repo)."""
    if not INVENTORY.is_file():
        return {i: "" for i in INVENTORY_IDS}
    rows = re.findall(r"^\| ([PSVA]\d) \|(.*)$", INVENTORY.read_text(encoding="utf-8"), re.M)
    return dict(rows)


def pages_covering(ident: str) -> list[str]:
    return [path for path, meta in METAS.items() if ident in meta.get("covers", [])]


def test_every_inventory_id_is_covered_by_a_page():
    missing = [i for i in inventory_rows() if not pages_covering(i)]
    assert missing == [], f"no page covers: {missing}"
    assert set(inventory_rows()) == set(INVENTORY_IDS)


def test_gap_rows_are_flagged_on_their_pages():
    gaps = [i for i, row in inventory_rows().items() if "GAP" in row] or ["V1", "V3", "V4", "V6", "A1"]
    unflagged = [f"{i}: {p}" for i in gaps for p in pages_covering(i)
                 if GAP_NOTICE not in (DOCS / p).read_text(encoding="utf-8")]
    assert unflagged == []


def test_modules_have_objectives_and_a_summary():
    problems = []
    for path, meta in METAS.items():
        if not meta.get("covers") or path == "index.md":
            continue
        text = (DOCS / path).read_text(encoding="utf-8")
        if len(meta.get("objectives", [])) < 2:
            problems.append(f"{path}: fewer than 2 objectives")
        if '!!! abstract "要点回顾"' not in text:
            problems.append(f"{path}: no 要点回顾")
        if re.search(r"^# ", text, re.M):
            problems.append(f"{path}: has its own H1")
    assert problems == []


def test_objectives_box_and_summary_are_shown(site_dir: Path):
    html = (site_dir / "pre-job" / "objections.html").read_text(encoding="utf-8")
    assert '<p class="admonition-title">学习目标</p>' in html
    assert "预计阅读：" in html and "适合：新业务员" in html
    assert "要点回顾" in html


@pytest.mark.parametrize("page, fragments", [
    ("pre-job/prospects.md", ["M+A+N", "M+A+n", "M+a+N", "m+A+N", "m+a+N", "m+A+n", "M+a+n", "m+a+n"]),
    ("agents/classes.md", ["60%", "20%～30%", "10%", "2～3 次", "1～2 次"]),
    ("visits/daily-routine.md", ["7:50", "8:00", "9:00—12:00", "12:00—13:00", "13:00—17:00", "17:00—18:00"]),
    ("visits/time.md", ["T1", "T2", "T3", "T4"]),
])
def test_source_matrices_are_tables(page, fragments):
    text = (DOCS / page).read_text(encoding="utf-8")
    table = "\n".join(line for line in text.splitlines() if line.startswith("|"))
    missing = [f for f in fragments if f not in table]
    assert missing == [], f"{page}: table lacks {missing}"


def test_dialogue_examples_where_ideas_are_abstract():
    for page, at_least in (("pre-job/closing.md", 7), ("pre-job/objections.md", 6), ("pre-job/sales-steps.md", 2)):
        text = (DOCS / page).read_text(encoding="utf-8")
        assert text.count('!!! example') >= at_least, page


def test_copy_lint_is_clean():
    issues = [str(i) for path in copy_files(ROOT) for i in lint_file(path, ROOT)]
    assert issues == [], "\n".join(issues[:20]) + "\n(run: python -m macros lint --fix)"


def test_copy_lint_catches_mistakes(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("---\naudience: [新业务员, 培训师]\n---\n\n客户经理每周拜访2次,很重要\n", encoding="utf-8")
    assert [str(i) for i in lint_file(page, tmp_path)] == [
        "page.md:5: 中文排版：应改为 “客户经理每周拜访 2 次，很重要”"]
    data = tmp_path / "data.yml"
    data.write_text("fields: [姓名, 区域]\nprompt: 拜访2次,好\n", encoding="utf-8")
    assert [str(i) for i in lint_file(data, tmp_path)] == ["data.yml:2: 中文排版：应改为 “prompt: 拜访 2 次，好”"]


def test_glossary_has_at_least_30_linked_terms():
    rows = [l for l in (DOCS / "glossary.md").read_text(encoding="utf-8").splitlines()
            if l.startswith("| ") and not l.startswith("| 术语") and not l.startswith("| ---")]
    assert len(rows) >= 30
    unlinked = [r for r in rows if not re.search(r"\]\([\w./-]+\.md#[\w-]+\)", r)]
    assert unlinked == []


def test_glossary_links_resolve(site_dir: Path):
    html = (site_dir / "glossary.html").read_text(encoding="utf-8")
    for href in re.findall(r'href="([\w./-]+\.html)#([\w-]+)"', html):
        target = (site_dir / href[0]).read_text(encoding="utf-8")
        assert f'id="{href[1]}"' in target, href
