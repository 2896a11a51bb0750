"""Size budgets over the real build (the figures are in tests/budgets.py):
every page's first load, the search index, the offline precache and each
runtime file. Sizes are deterministic; nothing here is timed."""

from __future__ import annotations

import json
from pathlib import Path

import budgets as B
from macros.webapp import precache_list


def test_search_index_within_budget(site_dir: Path):
    size = B.gz((site_dir / "search" / "search_index.json").read_bytes())
    assert B.over("search/search_index.json (gzip)", size, B.SEARCH_INDEX) is None, \
        B.over("search/search_index.json (gzip)", size, B.SEARCH_INDEX)


def test_file_copy_of_the_search_index_is_the_same_index(site_dir: Path):
    js = (site_dir / "search" / "search_index.js").read_text(encoding="utf-8")
    assert json.loads(js.removeprefix("var __index = ")) == \
        json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_precache_within_budget(site_dir: Path):
    files = precache_list(site_dir)
    total = sum(size for _, size in files.values())
    biggest = ", ".join(f"{rel} {B.kb(size)}" for rel, (_, size) in
                        sorted(files.items(), key=lambda kv: -kv[1][1])[:5])
    message = B.over(f"offline precache ({len(files)} files; largest: {biggest})", total, B.PRECACHE_RAW)
    assert message is None, message
    assert not any(rel.startswith("assets/quizzes/") for rel in files), "错题本's quiz scripts are precached again"


def test_each_runtime_file_within_budget(site_dir: Path):
    measured = B.runtime_files(site_dir)
    problems = [f"{name}: no budget in tests/budgets.py FILES ({B.kb(size)} gzip)"
                for name, size in measured.items() if name not in B.FILES]
    problems += [f"{name}: in FILES but not built" for name in B.FILES if name not in measured]
    problems += [m for name, size in measured.items() if name in B.FILES
                 for m in [B.over(f"{name} (gzip)", size, B.FILES[name])] if m]
    assert problems == [], "\n".join(problems)


def test_first_load_of_every_page_within_budget(site_dir: Path):
    problems = []
    for rel in B.pages(site_dir):
        files, size = B.static_first_load(site_dir, rel)
        if rel not in B.PAGES:
            problems.append(f"{rel}: no budget in tests/budgets.py PAGES ({B.kb(size)} gzip first load)")
            continue
        message = B.over(f"{rel} first load ({len(files)} files: {', '.join(files)})", size, B.PAGES[rel])
        if message:
            problems.append(message)
    problems += [f"{rel}: in PAGES but not built" for rel in B.PAGES if not (site_dir / rel).is_file()]
    assert problems == [], "\n".join(problems)


def test_first_load_rules_match_the_browser(site_dir: Path, site_url: str, browser):
    """What Chromium loads on the target pages is what the budgets count, and
    no page loads the search index before search is opened."""
    problems = []
    for rel in B.TARGET_PAGES.values():
        seen, _ = B.first_load(browser, site_dir, site_url, rel)
        counted, _ = B.static_first_load(site_dir, rel)
        if sorted(seen) != sorted(counted):
            problems.append(f"{rel}: loads {sorted(set(seen) - set(counted))} not counted, "
                            f"counts {sorted(set(counted) - set(seen))} not loaded")
        if "search/search_index.json" in seen:
            problems.append(f"{rel}: loads the search index before search is opened")
    assert problems == [], "\n".join(problems)
