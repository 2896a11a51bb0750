"""axe-core (WCAG 2.1 A/AA) on the real handbook, light and dark, including
pages with quizzes, checklists, forms and tools, before and after answering."""

from __future__ import annotations

import pytest

from test_engine_browser import axe_violations

PAGES = ["index.html", "pre-job/prospects.html", "pre-job/objections.html", "interview/index.html",
         "hiring/index.html", "agents/classes.html", "visits/efficiency.html", "glossary.html"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_handbook_pages_have_no_axe_violations(browser, site_url, scheme):
    context = browser.new_context(viewport={"width": 768, "height": 1024}, color_scheme=scheme)
    page = context.new_page()
    problems = {}
    try:
        for rel in PAGES:
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
    finally:
        context.close()
    assert problems == {}
