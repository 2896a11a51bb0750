"""axe-core (WCAG 2.1 A/AA) on every page of the real handbook, light and
dark, including pages with quizzes, checklists, forms and tools, before and
after answering."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_engine_browser import axe_violations


def built_pages(site_dir: Path) -> list[str]:
    """Every HTML page of the build (the 404 page too), not Material's assets."""
    pages = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html")
                   if p.relative_to(site_dir).parts[0] != "assets")
    assert "index.html" in pages and "trainers/format.html" in pages and len(pages) > 30
    return pages


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_handbook_pages_have_no_axe_violations(browser, site_dir, site_url, scheme):
    context = browser.new_context(viewport={"width": 768, "height": 1024}, color_scheme=scheme)
    page = context.new_page()
    problems = {}
    try:
        for rel in built_pages(site_dir):
            page.goto(site_url + rel)
            page.wait_for_load_state("networkidle")
            found = axe_violations(page)
            if found:
                problems[rel] = found
        # After answering: feedback, marks and explanations in the page.
        page.goto(site_url + "pre-job/objections.html")
        quiz = page.locator('[data-quiz="objections"]')
        for q in quiz.locator('[data-type="single"], [data-type="multiple"]').all()[:4]:
            q.locator(".hb-option input").first.check()
            q.get_by_role("button", name="提交本题").click()
        quiz.locator('[data-type="scenario"]').first.locator(".hb-scene__choice").first.click()
        found = axe_violations(page)
        if found:
            problems["objections answered"] = found
        # A stage test with a role-play replied to: outcome held back until 交卷.
        page.goto(site_url + "probation/index.html")
        scene = page.locator('[data-quiz][data-mode="test"] [data-type="scenario"]').first
        scene.locator(".hb-scene__choice").first.click()
        found = axe_violations(page)
        if found:
            problems["stage test role-play"] = found
    finally:
        context.close()
    assert problems == {}
