"""Post-build trimming of the built site; runnable on its own.

Material ships source maps (about 1.3 MB) and lunr segmenters and stemmers for
30 languages (about 1 MB). The handbook searches with the default pipeline on
text that jieba segmented at build time, so none of them is ever loaded.
Our own scripts and styles are minified (rjsmin / rcssmin; the sources in
docs/assets stay readable), and the search index is rewritten with Chinese as
UTF-8 instead of \\u escapes, which halves it.

    python -m macros.postbuild site/
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import rcssmin
import rjsmin

UNUSED_DIRS = ("assets/javascripts/lunr",)
OWN_SCRIPTS = ("assets/javascripts/handbook.js", "assets/javascripts/assessments.js",
               "assets/javascripts/offline.js", "assets/javascripts/record.js",
               "assets/javascripts/schedule.js", "assets/javascripts/review.js", "assets/javascripts/fieldkit.js",
               "assets/javascripts/handoff.js")
OWN_STYLES = ("assets/stylesheets/handbook.css", "assets/stylesheets/record.css", "assets/stylesheets/fieldkit.css")

# Material's bundle can load a few things from the internet. None is reachable
# in the handbook (no Mermaid diagrams; the repository widget is removed;
# ResizeObserver exists in every supported browser), but the URLs must not be
# there to be fetched by accident: point them at an empty local script.
CDN_URLS = (
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js",
    "https://unpkg.com/resize-observer-polyfill",
    "https://api.github.com/repos/",
    "https://api.github.com/users/",
    "https://${e}/api/v4/projects/",  # the same widget for GitLab
)
INERT_URL = "data:text/javascript,"


def trim_site(site_dir: str | Path) -> int:
    """Delete files no reader uses; return the number of bytes removed."""
    root = Path(site_dir)
    removed = 0
    for path in root.rglob("*.map"):
        removed += path.stat().st_size
        path.unlink()
    for rel in UNUSED_DIRS:
        folder = root / rel
        if folder.is_dir():
            removed += sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
            shutil.rmtree(folder)
    neutralise_cdn_urls(root)
    minify_own_assets(root)
    compact_search_index(root)
    return removed


def minify_own_assets(root: Path) -> None:
    for rel, minify in [*((r, rjsmin.jsmin) for r in OWN_SCRIPTS), *((r, rcssmin.cssmin) for r in OWN_STYLES)]:
        path = root / rel
        if path.is_file():
            path.write_text(minify(path.read_text(encoding="utf-8")), encoding="utf-8")


def compact_search_index(root: Path) -> None:
    """Rewrite search_index.json with UTF-8 text (Material writes \\u escapes).

    Runs before Material's offline plugin copies the index into search_index.js.
    """
    path = root / "search" / "search_index.json"
    if path.is_file():
        data = json.loads(path.read_text(encoding="utf-8"))
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def neutralise_cdn_urls(root: Path) -> list[str]:
    """Replace Material's CDN URLs in the built JavaScript; return files changed."""
    changed = []
    for path in (root / "assets" / "javascripts").glob("*.js"):
        text = path.read_text(encoding="utf-8")
        new = text
        for url in CDN_URLS:
            new = new.replace(url, INERT_URL)
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed.append(path.name)
    return changed


if __name__ == "__main__":
    target = sys.argv[1] if len(sys.argv) > 1 else "site"
    print(f"removed {trim_site(target) / 1024:.0f} KB from {target}")
