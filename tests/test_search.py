"""Chinese search finds what a rep types, in real Chromium, over HTTP and
from file:// (where Material's search runs through the vendored iframe-worker)."""

from __future__ import annotations

from pathlib import Path

import yaml

from conftest import ROOT
from macros.content.frontmatter import read_all

QUERIES = yaml.safe_load((ROOT / "tests" / "search_queries.yml").read_text(encoding="utf-8"))


def search(page, query: str, base: str) -> list[str]:
    """Type ``query`` into the search box; return result page paths, best first."""
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.locator("label.md-search__icon, label[for='__search']").first.click()
    box.fill(query)
    box.press("End")  # Material reads the query on key events, as when a rep types
    page.wait_for_function(
        """() => { const m = document.querySelector('.md-search-result__meta');
                   return m && /个符合条件|没有/.test(m.textContent) }""",
        timeout=15000,
    )
    page.wait_for_timeout(300)
    hrefs = page.locator(".md-search-result__item > a").evaluate_all(
        "els => els.map(a => a.href.split(/[?#]/)[0])"
    )
    return [h.removeprefix(base) for h in hrefs]


def top5_failures(page, base: str) -> list[str]:
    failures = []
    for case in QUERIES:
        results = list(dict.fromkeys(search(page, case["query"], base)))[:5]
        if case["page"] not in results:
            failures.append(f"{case['query']!r}: expected {case['page']}, got {results}")
    return failures


def test_every_module_has_a_search_query():
    metas = read_all(ROOT / "docs")
    modules = {path.replace(".md", ".html") for path, meta in metas.items() if meta.get("covers")}
    missing = sorted(modules - {case["page"] for case in QUERIES})
    assert missing == [], f"no search query finds: {missing}"


def test_chinese_search_over_http(site_url, page):
    page.goto(site_url + "index.html")
    assert top5_failures(page, site_url) == []


def test_chinese_search_from_disk(site_dir: Path, page):
    page.goto((site_dir / "index.html").as_uri())
    assert top5_failures(page, site_dir.as_uri() + "/") == []
    assert page.requests.external == []
