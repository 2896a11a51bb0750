"""Size budgets of the built handbook, in one place. Sizes are deterministic
(the same sources build the same bytes), so they are checked in CI by
tests/test_budgets.py, and printed by tools/bench.py.

Every figure is KB (1024 bytes), gzip (level 9) unless it says raw. Each was
set at the measured size plus about 10 %, so a change that adds weight fails
with the name of what grew; raise a budget only together with the reason.
"""

from __future__ import annotations

import gzip
from pathlib import Path

# The pages the performance targets name (tools/bench.py runs Lighthouse on them).
TARGET_PAGES = {"home": "index.html", "pre-job stage test (largest quiz page)": "pre-job/index.html",
                "glossary": "glossary.html", "我的进度": "progress/index.html", "错题本": "progress/mistakes.html",
                "班级成绩": "trainers/class.html", "今日复习": "progress/review.html"}

# First load of each page over http, empty storage: the HTML and every CSS and
# JavaScript file it loads (statically or through handbook.js), gzip.
PAGES = {
    'agents/classes.html': 126.7,
    'agents/dealings.html': 125.4,
    'agents/duties.html': 121.0,
    'agents/index.html': 96.9,
    'field-kit/cards.html': 104.9,
    'field-kit/index.html': 97.4,
    'glossary.html': 111.1,
    'hiring/index.html': 130.0,
    'index.html': 97.7,
    'interview/index.html': 130.4,
    'offline.html': 98.6,
    'on-job/index.html': 124.9,
    'pre-job/closing.html': 133.2,
    'pre-job/five-s.html': 115.9,
    'pre-job/index.html': 140.5,
    'pre-job/objections.html': 138.5,
    'pre-job/product-knowledge.html': 118.8,
    'pre-job/product.html': 126.5,
    'pre-job/prospects.html': 130.2,
    'pre-job/sales-steps.html': 136.3,
    'probation/index.html': 144.9,
    'progress/index.html': 163.4,
    'progress/mistakes.html': 151.2,
    'progress/review.html': 149.8,
    'review/index.html': 124.5,
    'trainers/architecture.html': 111.2,
    'trainers/class.html': 155.4,
    'trainers/format.html': 123.7,
    'trainers/index.html': 99.6,
    'trial/index.html': 131.2,
    'visits/daily-routine.html': 123.4,
    'visits/efficiency.html': 116.6,
    'visits/index.html': 97.1,
    'visits/retail-visit.html': 127.4,
    'visits/terminal.html': 120.0,
    'visits/time.html': 126.7,
    'visits/visit-notes.html': 115.7,
}

# Each runtime file, gzip.
FILES = {
    'assets/javascripts/assessments.js': 10.6,
    'assets/javascripts/bundle.*.min.js': 37.5,
    'assets/javascripts/catalog.js': 26.7,
    'assets/javascripts/fieldkit.js': 4.4,
    'assets/javascripts/handbook.js': 6.1,
    'assets/javascripts/handoff.js': 7.8,             # 给培训师扫码 / 扫码导入, loaded on the button press
    'assets/javascripts/offline.js': 1.1,
    'assets/javascripts/record.js': 16.9,
    'assets/javascripts/review.js': 2.8,
    'assets/javascripts/schedule.js': 3.1,
    'assets/javascripts/workers/search.*.min.js': 13.2,
    'assets/stylesheets/handbook.css': 5.0,            # with the field kit's styles (one file: one request before the first paint)
    'assets/stylesheets/main.*.min.css': 24.4,
    'assets/stylesheets/palette.*.min.css': 2.2,
    'assets/stylesheets/record.css': 2.2,
    'assets/vendor/iframe-worker/shim.js': 0.8,
    'assets/vendor/jsqr/jsQR.min.js': 49.8,           # 班级成绩's camera only, without BarcodeDetector
    'assets/vendor/qrcodegen/qrcodegen.min.js': 4.5,
    'assets/vendor/ts-fsrs/ts-fsrs.min.js': 8.5,
}

SEARCH_INDEX = 60.0        # search/search_index.json, gzip: the target (measured 55.9)
PRECACHE_RAW = 3620.0        # the service worker's list, raw, as stored on the device: measured 3505 KB (target 2.5 MB not met: see the architecture page)


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def kb(n: float) -> str:
    return f"{n / 1024:.1f} KB"


def over(name: str, size: int, budget_kb: float) -> str | None:
    """A message when ``size`` (bytes) exceeds ``budget_kb``, else None."""
    limit = budget_kb * 1024
    if size <= limit:
        return None
    return f"{name}: {kb(size)}, budget {budget_kb:g} KB, grew {kb(size - limit)} over it"


FIRST_LOAD_KINDS = (".html", ".css", ".js")


def site_files(site: Path, urls: list[str], base: str, kinds: tuple[str, ...] | None = FIRST_LOAD_KINDS) -> list[str]:
    """Site-relative paths of the requested ``urls`` that are files of ``site``
    (of the given suffixes; None: every file)."""
    out = []
    for url in urls:
        if not url.startswith(base):
            continue
        rel = url[len(base):].split("?")[0].split("#")[0] or "index.html"
        if rel.endswith("/"):
            rel += "index.html"
        if (site / rel).is_file() and (kinds is None or rel.endswith(kinds)) and rel not in out:
            out.append(rel)
    return out


RUNTIME_GLOBS = ("assets/javascripts/*.js", "assets/javascripts/workers/*.js", "assets/stylesheets/*.css",
                 "assets/vendor/*/*.js")


def runtime_files(site: Path) -> dict[str, int]:
    """Each runtime file of the site (scripts and styles) → gzip bytes; Material's
    hashed names are given with the hash replaced by ``*``."""
    import re
    out = {}
    for pattern in RUNTIME_GLOBS:
        for path in sorted(site.glob(pattern)):
            name = re.sub(r"\.[0-9a-f]{8}\.min\.", ".*.min.", path.relative_to(site).as_posix())
            out[name] = gz(path.read_bytes())
    return out


def pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name != "404.html")


JS = "assets/javascripts/"
# What handbook.js loads after the page, by the DOM contract (docs/trainers/
# architecture.md), with empty storage; tests/test_budgets.py checks these rules
# against Chromium on the pages the targets name.
LOADED_BY_HANDBOOK = (
    (r'\sdata-(quiz|checklist|form|tool)="', [JS + "assessments.js"]),
    (r'\sdata-record="(dashboard|mistakes|class)"', ["assets/stylesheets/record.css", JS + "assessments.js",
                                                   JS + "catalog.js", JS + "record.js"]),
    (r'\sdata-record="(dashboard|review)"', [JS + "schedule.js", "assets/vendor/ts-fsrs/ts-fsrs.min.js"]),
    (r'\sdata-record="review"', ["assets/stylesheets/record.css", JS + "assessments.js", JS + "catalog.js",
                               JS + "review.js"]),
    (r'\sdata-(card|template|calculator|onepager)="', [JS + "fieldkit.js"]),
    (r"\sdata-offline-status[\s>=]", [JS + "offline.js"]),
)


def static_first_load(site: Path, rel: str) -> tuple[list[str], int]:
    """(files, gzip bytes) of a page's first load read from its HTML: the page,
    its stylesheets and scripts, Material's search worker and what handbook.js
    loads for the page's components."""
    import json
    import posixpath
    import re
    html = (site / rel).read_text(encoding="utf-8")
    here = posixpath.dirname(rel)
    refs = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html) + re.findall(r'<script src="([^"]+)"', html)
    files = [rel] + [posixpath.normpath(posixpath.join(here, r.split("?")[0])) for r in refs]
    config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)
    if config and json.loads(config.group(1)).get("search"):
        files.append(posixpath.normpath(posixpath.join(here, json.loads(config.group(1))["search"])))
    for pattern, more in LOADED_BY_HANDBOOK:
        if re.search(pattern, html):
            files += more
    files = [f for f in dict.fromkeys(files) if (site / f).is_file()]
    return files, sum(gz((site / f).read_bytes()) for f in files)


def first_load(browser, site: Path, base: str, rel: str,
               kinds: tuple[str, ...] | None = FIRST_LOAD_KINDS) -> tuple[list[str], int]:
    """(files, gzip bytes) of what ``rel`` loads over http in a fresh context
    (empty storage and cache, service workers blocked): HTML, CSS and
    JavaScript, including what handbook.js adds after load."""
    context = browser.new_context(viewport={"width": 768, "height": 1024}, locale="zh-CN",
                                  service_workers="block")
    try:
        page = context.new_page()
        urls: list[str] = []
        page.on("request", lambda r: urls.append(r.url))
        page.goto(base + rel, wait_until="load")
        page.wait_for_function("() => document.readyState === 'complete' && "
                               "(window.Handbook || !document.querySelector('script[src$=\"handbook.js\"]'))")
        for _ in range(2):                 # handbook.js loads the page's runtime in a chain
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(400)
    finally:
        context.close()
    files = site_files(site, urls, base, kinds)
    return files, sum(gz((site / f).read_bytes()) for f in files)


def proposed(site: Path, margin: float = 1.10) -> str:
    """The budget tables for ``site`` at its sizes plus ``margin`` (to paste above)."""
    import math
    from macros.webapp import precache_list

    def up(n: int) -> float:
        return math.ceil(n * margin / 1024 * 10) / 10
    lines = ["PAGES = {"] + [f"    {rel!r}: {up(static_first_load(site, rel)[1])}," for rel in pages(site)] + ["}", ""]
    lines += ["FILES = {"] + [f"    {name!r}: {up(size)}," for name, size in runtime_files(site).items()] + ["}", ""]
    lines.append(f"SEARCH_INDEX = {up(gz((site / 'search' / 'search_index.json').read_bytes()))}")
    lines.append(f"PRECACHE_RAW = {up(sum(size for _, size in precache_list(site).values()))}")
    return "\n".join(lines)


if __name__ == "__main__":          # .venv/bin/python tests/budgets.py SITE_DIR
    import sys
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    print(proposed(Path(sys.argv[1] if len(sys.argv) > 1 else "site")))
