"""Benchmark: prints the handbook's build cost and page weight.

    ./handbook bench            (or: .venv/bin/python tools/bench.py)

Figures, not pass/fail: performance targets are read off this output, never
asserted in timed tests (machines are shared and noisy).

- strict build time (best of N runs)
- built site: size and file count
- first load of three pages in Chromium (every byte the page fetched,
  raw and gzip): the home page, a module with a quiz, a module without one
- the assessment runtime (JS + CSS) raw and gzip, the search index, and
  what the service worker caches for offline use
"""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

PAGES = {"home": "index.html", "quiz module": "pre-job/objections.html", "plain module": "glossary.html"}


def kb(n: float) -> str:
    return f"{n / 1024:.1f} KB"


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def build(site: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def first_load(site: Path, rel: str) -> tuple[int, int, int]:
    """(requests, raw bytes, gzip bytes) of everything the page loads from disk."""
    from playwright.sync_api import sync_playwright

    from conftest import CHROMIUM_ARGS, chromium_path

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page()
        urls: list[str] = []
        page.on("request", lambda r: urls.append(r.url))
        page.goto((site / rel).as_uri(), wait_until="networkidle")
        page.wait_for_timeout(500)
        browser.close()
    files = [Path(u.split("?")[0].removeprefix("file://")) for u in dict.fromkeys(urls) if u.startswith("file://")]
    data = [f.read_bytes() for f in files if f.is_file()]
    return len(data), sum(map(len, data)), sum(map(gz, data))


def main() -> None:
    runs = int(os.environ.get("BENCH_RUNS", "3"))
    tmp = Path(tempfile.mkdtemp(prefix="handbook-bench-"))
    try:
        site = tmp / "site"
        times = [build(site) for _ in range(runs)]
        files = [p for p in site.rglob("*") if p.is_file()]
        print(f"strict build: best {min(times):.2f} s, median {sorted(times)[len(times) // 2]:.2f} s ({runs} runs)")
        print(f"built site: {kb(sum(p.stat().st_size for p in files))} in {len(files)} files")
        from macros.pwa import precache_list

        cached = precache_list(site)
        print(f"offline precache (sw.js): {len(cached)} files, {kb(sum(size for _, size in cached.values()))}")
        index = site / "search" / "search_index.json"
        print(f"search index: {kb(index.stat().st_size)} raw, {kb(gz(index.read_bytes()))} gzip")
        js = (site / "assets/javascripts/assessments.js").read_bytes()
        loader = (site / "assets/javascripts/handbook.js").read_bytes()
        css = (site / "assets/stylesheets/handbook.css").read_bytes()
        print(f"assessment runtime: assessments.js {kb(len(js))} raw / {kb(gz(js))} gzip; "
              f"handbook.js loader {kb(len(loader))} / {kb(gz(loader))}; "
              f"handbook.css {kb(len(css))} / {kb(gz(css))}; "
              f"JS+CSS together {kb(len(js + loader + css))} raw / {kb(gz(js) + gz(loader) + gz(css))} gzip")
        loads = {}
        for name, rel in PAGES.items():
            loads[name] = first_load(site, rel)
            n, raw, packed = loads[name]
            print(f"first load, {name} ({rel}): {n} files, {kb(raw)} raw, {kb(packed)} gzip")
        extra = loads["quiz module"][2] - loads["plain module"][2]
        print(f"quiz page vs plain page: {kb(extra)} gzip heavier (includes the longer page itself)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
