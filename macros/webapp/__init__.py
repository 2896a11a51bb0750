"""Installable offline web app: icons, web app manifest and service worker.

A post-build step on the finished site, independent of MkDocs:

    python -m macros.webapp site/ "销售业务员培训手册"

- icons in the sizes iOS and Android need, resized from one source image
  (``icon.png`` beside this file) with Pillow;
- ``site.webmanifest`` with relative start URL and scope, so the app works
  when the site is hosted under a sub-path (GitHub Pages);
- ``sw.js``: the worker in ``sw.js`` beside this file, with the list of every
  file of the build and its content hash (see there for the update rules).
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

HERE = Path(__file__).parent
ICON_DIR = "assets/images/icons"
ICON_SIZES = (180, 192, 512)            # 180: apple-touch-icon; 192/512: Android
THEME_COLOR = "#3f51b5"                 # Material's indigo, as in mkdocs.yml
# Built files the worker does not cache: the file:// copies of the search index
# and of each quiz (over http the .json is used, and 错题本 / 今日复习 read a
# quiz from its page), the gzipped sitemap, offline zips, and the licence
# and source notes of vendored files (published with the site, never read
# offline).
NOT_CACHED = ("search/search_index.js", "sitemap.xml.gz", "sw.js")
NOT_CACHED_PREFIXES = ("assets/quizzes/",)
NOT_CACHED_SUFFIXES = (".zip", "/LICENSE", "/README.txt")


@dataclass
class Precache:
    files: int
    bytes: int
    version: str


def write_icons(site: Path) -> list[str]:
    """PNG icons from the source image; returns their paths in the site."""
    target = site / ICON_DIR
    target.mkdir(parents=True, exist_ok=True)
    source = Image.open(HERE / "icon.png").convert("RGB")
    written = []
    for size in ICON_SIZES:
        path = target / f"icon-{size}.png"
        source.resize((size, size), Image.LANCZOS).save(path, optimize=True)
        written.append(path.relative_to(site).as_posix())
    return written


def manifest(name: str, short_name: str) -> dict:
    icons = [{"src": f"{ICON_DIR}/icon-{s}.png", "sizes": f"{s}x{s}", "type": "image/png"}
             for s in ICON_SIZES if s != 180]
    icons.append({"src": f"{ICON_DIR}/icon-512.png", "sizes": "512x512", "type": "image/png",
                  "purpose": "maskable"})
    return {
        "name": name, "short_name": short_name, "lang": "zh-CN",
        "description": "销售业务员培训手册：七个培训阶段、销售技巧、终端拜访与代理商管理，离线可用。",
        "start_url": "./index.html", "scope": "./", "display": "standalone",
        "theme_color": THEME_COLOR, "background_color": "#ffffff", "icons": icons,
    }


def precache_list(site: Path) -> dict[str, list]:
    files = {}
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if (not path.is_file() or rel in NOT_CACHED or rel.startswith(NOT_CACHED_PREFIXES)
                or rel.endswith(NOT_CACHED_SUFFIXES)):
            continue
        data = path.read_bytes()
        files[rel] = [hashlib.sha256(data).hexdigest()[:12], len(data)]
    return files


def write_service_worker(site: Path) -> Precache:
    files = precache_list(site)
    version = hashlib.sha256(json.dumps(files, sort_keys=True).encode()).hexdigest()[:12]
    code = (HERE / "sw.js").read_text(encoding="utf-8")
    code = code.replace("__VERSION__", version).replace(
        "__FILES__", json.dumps(files, ensure_ascii=False, separators=(",", ":")))
    (site / "sw.js").write_text(code, encoding="utf-8")
    return Precache(len(files), sum(size for _, size in files.values()), version)


def build_app(site: str | Path, name: str, short_name: str = "培训手册") -> Precache:
    """Icons, manifest and worker for a built site; returns the precache figures."""
    site = Path(site)
    write_icons(site)
    (site / "site.webmanifest").write_text(
        json.dumps(manifest(name, short_name), ensure_ascii=False, indent=1), encoding="utf-8")
    return write_service_worker(site)


if __name__ == "__main__":
    result = build_app(sys.argv[1] if len(sys.argv) > 1 else "site",
                       sys.argv[2] if len(sys.argv) > 2 else "销售业务员培训手册")
    print(f"precache: {result.files} files, {result.bytes / 1024:.0f} KB, version {result.version}")
