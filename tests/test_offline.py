"""Nothing leaves the site: no external reference in the built files, and no
request to anything but 127.0.0.1 or file:// in a real browser."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT, SITE_PORT

# URLs that appear in Material's files but are never fetched: XML namespaces,
# licence comments and one console message. Anything else is a failure.
INERT_URLS = {
    "http://www.w3.org/2000/svg",
    "http://www.sitemaps.org/schemas/sitemap/0.9",
    "http://www.w3.org/1999/xlink",
    "http://www.w3.org/1998/Math/MathML",
    "http://lunrjs.com",
    "http://tartarus.org/~martin/PorterStemmer/js.txt",
    "https://clipboardjs.com/",
    "https://fontawesome.com",
    "https://fontawesome.com/license/free",
    "https://bit.ly/2s3ChXG",
}
URL = re.compile(r"""https?://[^\s"'`)<>\\]+""")
# In HTML, only <a href> may point outside (the "edit this page" link).
HTML_RESOURCE = re.compile(r"""<(?!a\s)[a-z]+\b[^>]*?\s(?:src|href|srcset|poster|data)=["']?(https?:)?//""", re.I)
# The site's own address (site_url): canonical links and the sitemap use it.
OWN_URL = f"http://127.0.0.1:{SITE_PORT}/"


def repo_url() -> str:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    return re.search(r'repo_url: !ENV \[HANDBOOK_REPO_URL, "([^"]+)"\]', text).group(1)


def test_no_external_reference_in_built_files(site_dir: Path):
    problems = []
    for path in site_dir.rglob("*"):
        if path.suffix not in {".html", ".css", ".js", ".json", ".xml", ".webmanifest"}:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        rel = path.relative_to(site_dir).as_posix()
        if path.suffix == ".html":
            text = re.sub(r'<link rel="canonical" href="[^"]*">', "", text)
            problems += [f"{rel}: loads {m.group(0)[:80]}" for m in HTML_RESOURCE.finditer(text)]
            text = re.sub(r'<a\s[^>]*href="' + re.escape(repo_url()) + r'[^"]*"', "", text)
        for url in URL.findall(text):
            url = url.rstrip(".,;")
            if url in INERT_URLS or url.startswith((repo_url(), OWN_URL, "http://127.0.0.1:", "http://localhost:")):
                continue
            problems.append(f"{rel}: {url}")
    assert problems == [], "\n".join(sorted(set(problems))[:30])


def all_pages(site_dir: Path) -> list[str]:
    return sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html")
                  if p.name != "404.html")


def test_no_request_leaves_the_site_over_http(site_dir, site_url, page):
    for rel in all_pages(site_dir):
        page.goto(site_url + rel, wait_until="networkidle")
    assert page.requests.external == []
    assert page.js_errors == []


def test_no_request_leaves_the_site_from_disk(site_dir, page):
    for rel in all_pages(site_dir):
        page.goto((site_dir / rel).as_uri(), wait_until="networkidle")
    assert page.requests.external == []
    assert page.js_errors == []


def test_navigation_works_from_disk(site_dir, page):
    page.goto((site_dir / "index.html").as_uri())
    content = page.locator(".md-content")
    content.get_by_role("link", name="了解你的产品").first.click()
    page.wait_for_url("**/pre-job/product.html")
    assert page.locator("h1").inner_text() == "了解你的产品"
    page.locator(".md-footer__link--next").click()
    page.wait_for_url("**/pre-job/product-knowledge.html")
    page.goto((site_dir / "pre-job" / "index.html").as_uri())
    page.locator(".md-content").get_by_role("link", name="销售的七个步骤").first.click()
    page.wait_for_url("**/pre-job/sales-steps.html")
    assert "销售的七个步骤" in page.locator("h1").inner_text()
