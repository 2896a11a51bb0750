"""Benchmark: prints the handbook's build cost and page weight, with targets.

    ./handbook bench                  (or: .venv/bin/python tools/bench.py)
    ./handbook bench --lighthouse     also run Lighthouse (npm lighthouse 12.x)

Figures, not pass/fail: performance targets are read off this output, never
asserted in timed tests (machines are shared and noisy, so costs are given as
ratios of builds measured in the same run).

Environment: BENCH_RUNS (builds per figure, default 3), BENCH_SCALES (content
multiples, default 1,5,20), BENCH_LH_RUNS (Lighthouse runs per page, median,
default 3).

Side by side, in the same run, a plain Material build of the client's source
document (tools/plain_site.py: the text split into pages, stock theme, no
custom code); the targets of issue 20 are printed against it at the end, and
the size budgets CI checks are in tests/budgets.py.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import rjsmin

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

PAGES = {"home": "index.html", "quiz module": "pre-job/objections.html", "plain module": "glossary.html",
         "我的进度": "progress/index.html", "今日复习": "progress/review.html"}
TARGETS = {"macros": 1.25, "scale20": 22.0, "quiz_kb": 12.0, "review_kb": 15.0, "lighthouse": (95, 100, 100)}
# What 今日复习 loads beyond the quiz runtime (assessments.js) and handbook.js:
# its page, the scheduler and the vendored ts-fsrs (data and styles apart).
REVIEW_CODE = ("assets/javascripts/review.js", "assets/javascripts/schedule.js", "assets/vendor/ts-fsrs/ts-fsrs.min.js")
# What 给培训师扫码 loads on 我的进度 when pressed (nothing before): the hand-off code and the QR generator.
HANDOFF_CODE = ("assets/javascripts/handoff.js", "assets/vendor/qrcodegen/qrcodegen.min.js")
# The handbook against the plain Material build of the same source text.
VS_PLAIN = {
    "lighthouse_performance": 98,       # mobile, median of BENCH_LH_RUNS, on budgets.TARGET_PAGES
    "home_bytes": 1.5,                  # home bytes transferred during load ≤ 1.5× the plain build's
    "search_index_kb": 60,              # gzip
    "precache_mb": 2.5,                 # raw, as stored
    "build_per_page": 1.5,              # strict build time per page ≤ 1.5× the plain build's
    "scale20": 22.0,                    # ×20 content ≤ 22× the time
}


def kb(n: float) -> str:
    return f"{n / 1024:.1f} KB"


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def verdict(ok: bool) -> str:
    return "✓ meets target" if ok else "✗ misses target"


# ---------------------------------------------------------------- builds

def build(project: Path, site: Path, config: str = "mkdocs.yml", strict: bool = True) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []),
                           "-f", config, "-d", str(site)],
                          cwd=project, env=env, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"build of {project} failed:\n{done.stderr[-2000:]}")
    return time.perf_counter() - start


def best(runs: int, fn) -> float:
    return min(fn() for _ in range(runs))


def without_macros(project: Path) -> str:
    """A config for the same site with the macros plugin switched off."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"\n  - macros:\n(?:      .*\n)+", "\n", text)
    (project / "bench-no-macros.yml").write_text(text.replace("strict: true", "strict: false"), encoding="utf-8")
    return "bench-no-macros.yml"


def distinct_prompts(data: str, copy: int) -> str:
    """Mark every question prompt of a copied data file (the bank forbids the
    same prompt twice)."""
    data = re.sub(r"^(\s+prompt: )(?![|>\"'])(\S.*)$", rf"\g<1>（副本 {copy}）\g<2>", data, flags=re.M)
    data = re.sub(r"^(\s+prompt: )([\"'])", rf"\g<1>\g<2>（副本 {copy}）", data, flags=re.M)
    return re.sub(r"^(\s+prompt: [|>][-+]?\n\s+)(\S)", rf"\g<1>（副本 {copy}）\g<2>", data, flags=re.M)


def scale_content(project: Path, times: int) -> tuple[int, int]:
    """Add (times - 1) renamed copies of every module and its data; return (pages, questions)."""
    docs, data = project / "docs", project / "quizzes"
    modules = [p for p in docs.rglob("*.md") if p.parent != docs and "assets" not in p.parts]
    nav_extra = []
    for copy in range(2, times + 1):
        for page in modules:
            rel = page.relative_to(docs)
            new_rel = rel.with_name(f"{rel.stem}-x{copy}.md")
            text = page.read_text(encoding="utf-8")      # links still point at the originals
            yml = data / rel.with_suffix(".yml")
            if yml.is_file():
                ids = set(re.findall(r"\bid: ([a-z0-9-]+)", yml.read_text(encoding="utf-8")))
                ids |= set(re.findall(r"^\s+- ([a-z0-9]+(?:-[a-z0-9]+)+)$", yml.read_text(encoding="utf-8"), re.M))
                new_data = yml.read_text(encoding="utf-8")
                for ident in sorted(ids, key=len, reverse=True):
                    # a one-word id (the calculator "rebate") can also be a step name: not as a name or key
                    where = (rf"(?<![\w-]){re.escape(ident)}(?![\w-])" if "-" in ident
                             else rf"(?<![\w-])(?<!name: ){re.escape(ident)}(?![\w:-])")
                    new_data = re.sub(where, f"{ident}-x{copy}", new_data)
                    text = re.sub(rf'(\("){re.escape(ident)}("\))', rf"\g<1>{ident}-x{copy}\g<2>", text)
                new_data = distinct_prompts(new_data, copy)
                (data / new_rel.with_suffix(".yml")).write_text(new_data, encoding="utf-8")
            (docs / new_rel).write_text(text, encoding="utf-8")
            nav_extra.append(new_rel.as_posix())
    config = project / "mkdocs.yml"
    if nav_extra:
        config.write_text(config.read_text(encoding="utf-8").rstrip("\n") + "\n  - 扩充内容:\n"
                          + "".join(f"      - {p}\n" for p in nav_extra), encoding="utf-8")
    pages = len(list(docs.rglob("*.md")))
    questions = sum(t.count("\n      - id:") for t in (p.read_text(encoding="utf-8") for p in data.rglob("*.yml")))
    return pages, questions


# ---------------------------------------------------------------- page weight

def first_load(site: Path, rel: str) -> tuple[list[str], int, int]:
    """(files, raw bytes, gzip bytes) of everything the page loads from disk."""
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
    return [f.name for f in files], sum(map(len, data)), sum(map(gz, data))


def quiz_weight(site: Path) -> tuple[int, int]:
    """gzip bytes a quiz adds to its page: the quiz markup (with its key) and the runtime."""
    html = (site / "pre-job/objections.html").read_text(encoding="utf-8")
    sections = "".join(re.findall(r'<section class="hb-quiz".*?</section>', html, re.S))
    runtime = (site / "assets/javascripts/assessments.js").read_bytes()
    return gz(sections.encode()), gz(runtime)


def review_weight(site: Path) -> dict[str, int]:
    """gzip bytes of each file of code 今日复习 adds beyond the quiz runtime."""
    return {rel: gz((site / rel).read_bytes()) for rel in REVIEW_CODE}


def pages_without_assessments_load_no_quiz_code(site: Path) -> bool:
    plain = [p for p in site.rglob("*.html")
             if not re.search(r"data-(quiz|checklist|form|tool)=", p.read_text(encoding="utf-8"))]
    # a <script> that names it (the architecture page mentions the file in its text)
    loads = re.compile(r"<script[^>]*assessments\.js")
    return bool(plain) and not any(loads.search(p.read_text(encoding="utf-8")) for p in plain)


# ---------------------------------------------------------------- the plain build

def plain_build(tmp: Path, runs: int) -> tuple[Path, int, float]:
    """(site, pages, best strict build time) of the plain Material site."""
    from plain_site import SEED, write_project

    project = tmp / "plain-material"
    pages = write_project(SEED, project)
    seconds = best(runs, lambda: build(project, project / "site"))
    return project / "site", pages, seconds


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, text types gzip-compressed when the client accepts it (as
    GitHub Pages serves them)."""

    TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".webmanifest", ".txt")

    @classmethod
    def body(cls, path: Path) -> bytes:
        """What is sent for ``path`` to a client that accepts gzip."""
        data = path.read_bytes()
        return gzip.compress(data, compresslevel=6) if path.suffix in cls.TEXT else data

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not (path.is_file() and path.suffix in self.TEXT and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().do_GET()
        body = self.body(path)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        self.wfile.write(body)


class Served:
    """A built site on a local http server (for first loads and Lighthouse)."""

    def __init__(self, site: Path):
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                                      functools.partial(GzipHandler, directory=str(site)))
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.server.shutdown()


def http_first_load(site: Path, rel: str) -> tuple[list[str], int]:
    """Files (every kind: HTML, CSS, JS, JSON, images) and their gzip bytes the
    page loads over http (fresh context, no service worker)."""
    from playwright.sync_api import sync_playwright

    import budgets
    from conftest import CHROMIUM_ARGS, chromium_path

    with Served(site) as served, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            return budgets.first_load(browser, site, served.url, rel, kinds=None)
        finally:
            browser.close()


def run_lighthouse(url: str) -> dict | None:
    from conftest import chromium_path

    command = os.environ.get("LIGHTHOUSE", "npx --yes lighthouse@12.8.2").split()
    flags = "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"
    out = subprocess.run([*command, url, "--quiet", "--output=json", "--output-path=stdout",
                          "--only-categories=performance,accessibility,best-practices",
                          f"--chrome-flags={flags}", "--form-factor=mobile"],
                         env={**os.environ, "CHROME_PATH": chromium_path()},
                         capture_output=True, text=True, timeout=300)
    if out.returncode:
        print(f"lighthouse {url}: failed ({out.stderr.strip().splitlines()[-1:]})")
        return None
    return json.loads(out.stdout)


def lighthouse_vs_plain(site: Path, plain: Path, runs: int) -> dict[str, tuple[int, int]]:
    """Page name → (median performance, median bytes transferred) over ``runs``;
    "plain home" is the plain build's home page. Gzip served (Lighthouse asks for it)."""
    import statistics

    import budgets

    results = {}
    with Served(site) as ours, Served(plain) as theirs:
        pages = [(name, ours.url + rel) for name, rel in budgets.TARGET_PAGES.items()]
        for name, url in [("plain home", theirs.url + "index.html"), *pages]:
            reports = [r for r in (run_lighthouse(url) for _ in range(runs)) if r]
            if not reports:
                continue
            perf = statistics.median(round(r["categories"]["performance"]["score"] * 100) for r in reports)
            weight = statistics.median(r["audits"]["total-byte-weight"]["numericValue"] for r in reports)
            results[name] = (perf, int(weight))
            print(f"lighthouse mobile, {name}: performance {perf:g} (median of {len(reports)}), "
                  f"{kb(weight)} transferred")
    return results


def print_targets(figures: dict) -> None:
    """Every target of issue 20 with its figure and ✓ / ✗."""
    rows = figures["rows"]
    print("\ntargets (issue 20), handbook vs the plain Material build of the source text:")
    for label, figure, ok in rows:
        print(f"  {'✓' if ok else '✗'} {label}: {figure}")


# ---------------------------------------------------------------- lighthouse

def lighthouse(site: Path) -> None:
    from conftest import _QuietHandler

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    from conftest import chromium_path

    command = os.environ.get("LIGHTHOUSE", "npx --yes lighthouse@12.8.2").split()
    flags = "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"
    want = TARGETS["lighthouse"]
    try:
        for name, rel in PAGES.items():
            out = subprocess.run([*command, url + rel, "--quiet", "--output=json", "--output-path=stdout",
                                  "--only-categories=performance,accessibility,best-practices",
                                  f"--chrome-flags={flags}", "--form-factor=mobile"],
                                 env={**os.environ, "CHROME_PATH": chromium_path()},
                                 capture_output=True, text=True, timeout=300)
            if out.returncode:
                print(f"lighthouse, {name}: failed ({out.stderr.strip().splitlines()[-1:]})")
                continue
            report = json.loads(out.stdout)
            cats = report["categories"]
            failing = [a["id"] for a in report["audits"].values()
                       if a.get("score") is not None and a["score"] < 1 and a.get("scoreDisplayMode") == "binary"
                       and a["id"] in {r["id"] for r in cats["accessibility"]["auditRefs"]}]
            got = tuple(round(cats[k]["score"] * 100) for k in ("performance", "accessibility", "best-practices"))
            ok = all(g >= w for g, w in zip(got, want))
            print(f"lighthouse mobile, {name}: performance {got[0]}, accessibility {got[1]}, "
                  f"best practices {got[2]} (target ≥{want[0]}/{want[1]}/{want[2]}: {verdict(ok)})"
                  + (f"; accessibility audits failing: {', '.join(failing)}" if failing else ""))
    finally:
        server.shutdown()


# ---------------------------------------------------------------- issue 20

def vs_plain(site: Path, tmp: Path, runs: int, handbook_seconds: float, timings: dict, with_lighthouse: bool) -> None:
    """Build the plain Material site, measure both side by side, print every target."""
    import budgets
    from macros.webapp import precache_list

    want = VS_PLAIN
    plain, plain_pages, plain_seconds = plain_build(tmp, runs)
    pages = len(budgets.pages(site))
    ours_pp, plain_pp = handbook_seconds / pages, plain_seconds / plain_pages
    print(f"plain Material build of the source text: {plain_pages} pages, strict build {plain_seconds:.2f} s "
          f"({plain_pp:.3f} s a page); handbook {pages} pages, {handbook_seconds:.2f} s ({ours_pp:.3f} s a page)")
    home, home_size = http_first_load(site, "index.html")
    plain_home, plain_home_size = http_first_load(plain, "index.html")
    print(f"home first load over http, gzip: handbook {len(home)} files {kb(home_size)}, "
          f"plain {len(plain_home)} files {kb(plain_home_size)} ({', '.join(plain_home)})")
    index = gz((site / "search" / "search_index.json").read_bytes())
    plain_index = gz((plain / "search" / "search_index.json").read_bytes())
    cached = precache_list(site)
    cached_bytes = sum(size for _, size in cached.values())
    # what a tablet downloads to install it (the server gzips text as GitHub Pages does)
    cached_wire = sum(len(GzipHandler.body(site / rel)) for rel in cached)
    quiz_copies = [rel for rel in cached if rel.startswith("assets/quizzes/")]
    rows = [
        ("home bytes during load ≤ 1.5× plain (every file, gzip, Chromium)",
         f"{kb(home_size)} vs {kb(plain_home_size)} = {home_size / plain_home_size:.2f}×",
         home_size <= want["home_bytes"] * plain_home_size),
        (f"search index ≤ {want['search_index_kb']} KB gzip",
         f"{kb(index)} (plain build {kb(plain_index)})", index <= want["search_index_kb"] * 1024),
        (f"offline precache ≤ {want['precache_mb']} MB, 错题本 without a second copy of the quizzes",
         f"{len(cached)} files, {cached_bytes / 1024 / 1024:.2f} MB ({cached_wire / 1024 / 1024:.2f} MB downloaded, gzip); "
         f"quiz copies precached: {len(quiz_copies)}",
         cached_bytes <= want["precache_mb"] * 1024 * 1024 and not quiz_copies),
        (f"strict build per page ≤ {want['build_per_page']}× plain",
         f"{ours_pp:.3f} s vs {plain_pp:.3f} s = {ours_pp / plain_pp:.2f}×", ours_pp <= want["build_per_page"] * plain_pp),
    ]
    if 20 in timings and 1 in timings:
        growth = timings[20] / timings[1]
        rows.append((f"×20 content ≤ {want['scale20']:g}× the time", f"{growth:.1f}×", growth <= want["scale20"]))
    if with_lighthouse:
        scores = lighthouse_vs_plain(site, plain, int(os.environ.get("BENCH_LH_RUNS", "3")))
        for name, (perf, _) in scores.items():
            if name != "plain home":
                rows.append((f"Lighthouse mobile performance ≥ {want['lighthouse_performance']}, {name}",
                             f"{perf:g}", perf >= want["lighthouse_performance"]))
        if "home" in scores and "plain home" in scores:
            ours_w, plain_w = scores["home"][1], scores["plain home"][1]
            rows.append(("home bytes transferred during load ≤ 1.5× plain (Lighthouse, gzip served)",
                         f"{kb(ours_w)} vs {kb(plain_w)} = {ours_w / plain_w:.2f}×", ours_w <= want["home_bytes"] * plain_w))
    print_targets({"rows": rows})


# ---------------------------------------------------------------- main

def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lighthouse", action="store_true", help="also run Lighthouse on three pages")
    args = parser.parse_args()
    runs = int(os.environ.get("BENCH_RUNS", "3"))
    scales = [int(s) for s in os.environ.get("BENCH_SCALES", "1,5,20").split(",")]
    tmp = Path(tempfile.mkdtemp(prefix="handbook-bench-"))
    try:
        site = tmp / "site"
        with_macros = best(runs, lambda: build(ROOT, site))
        plain_config = without_macros(ROOT)
        try:
            # not strict: without the macros, links to the anchors they make are broken
            no_macros = best(runs, lambda: build(ROOT, tmp / "plain", plain_config, strict=False))
        finally:
            (ROOT / plain_config).unlink()
        ratio = with_macros / no_macros
        print(f"strict build: {with_macros:.2f} s with macros, {no_macros:.2f} s without; "
              f"ratio {ratio:.2f} (target ≤ {TARGETS['macros']:.2f}: {verdict(ratio <= TARGETS['macros'])})")

        timings = {}
        from conftest import copy_project

        for times in scales:
            project = copy_project(tmp / f"x{times}")
            pages, questions = scale_content(project, times)
            timings[times] = best(1 if times > 1 else runs, lambda: build(project, project / "site"))
            print(f"content ×{times}: {pages} pages, {questions} questions, build {timings[times]:.2f} s"
                  + (f", {timings[times] / timings[scales[0]]:.1f}× the ×{scales[0]} time" if times != scales[0] else ""))
        if 20 in timings and 1 in timings:
            growth = timings[20] / timings[1]
            print(f"×20 content costs {growth:.1f}× the time (target ≤ {TARGETS['scale20']:.0f}×: "
                  f"{verdict(growth <= TARGETS['scale20'])})")

        files = [p for p in site.rglob("*") if p.is_file()]
        print(f"built site: {kb(sum(p.stat().st_size for p in files))} in {len(files)} files")
        from macros.webapp import precache_list

        cached = precache_list(site)
        print(f"offline precache (sw.js): {len(cached)} files, {kb(sum(size for _, size in cached.values()))}")
        index = site / "search" / "search_index.json"
        entries = len(json.loads(index.read_text(encoding="utf-8"))["docs"])
        print(f"search index: {entries} entries, {kb(index.stat().st_size)} raw, {kb(gz(index.read_bytes()))} gzip")
        js = (site / "assets/javascripts/assessments.js").read_bytes()
        loader = (site / "assets/javascripts/handbook.js").read_bytes()
        css = (site / "assets/stylesheets/handbook.css").read_bytes()
        print(f"runtime: assessments.js {kb(len(js))} raw / {kb(gz(js))} gzip; "
              f"handbook.js {kb(len(loader))} / {kb(gz(loader))}; handbook.css {kb(len(css))} / {kb(gz(css))}; "
              f"together {kb(len(js + loader + css))} raw / {kb(gz(js) + gz(loader) + gz(css))} gzip")
        record = (site / "assets/javascripts/record.js").read_bytes() + (site / "assets/stylesheets/record.css").read_bytes()
        catalog = (site / "assets/javascripts/catalog.js").read_bytes()
        banks = [p.read_bytes() for p in (site / "assets/quizzes").glob("*.js")]
        print(f"learner record (loaded only by 我的进度 / 错题本 / 班级成绩): record.js + record.css {kb(len(record))} / "
              f"{kb(gz(record))} gzip; catalog.js {kb(len(catalog))} / {kb(gz(catalog))} gzip; "
              f"{len(banks)} quiz scripts for 错题本 {kb(sum(map(len, banks)))} / {kb(sum(map(gz, banks)))} gzip "
              f"(each loaded only when it holds a wrong answer)")
        handoff = [(site / rel).read_bytes() for rel in HANDOFF_CODE]
        decoder = (site / "assets/vendor/jsqr/jsQR.min.js").read_bytes()
        print(f"QR hand-off (我的进度 loads it only on 给培训师扫码): handoff.js + qrcodegen.min.js "
              f"{kb(sum(map(len, handoff)))} / {kb(sum(map(gz, handoff)))} gzip; 班级成绩 adds jsQR.min.js "
              f"{kb(len(decoder))} / {kb(gz(decoder))} gzip only for the camera without BarcodeDetector")
        weights = review_weight(site)
        code = sum(weights.values()) / 1024
        answers = gz(rjsmin.jsmin((ROOT / "macros/review/runtime/answers.js").read_text(encoding="utf-8")).encode())
        print(f"spaced review: 今日复习 page code beyond the quiz runtime: "
              + " + ".join(f"{Path(rel).name} {kb(n)}" for rel, n in weights.items())
              + f" = {code:.1f} KB gzip (target ≤ {TARGETS['review_kb']:.0f} KB: {verdict(code <= TARGETS['review_kb'])}); "
              f"its data: catalog.js {kb(gz(catalog))} and one quiz script per question shown; "
              f"in assessments.js, the answer hook and confidence buttons {kb(answers)} gzip; "
              f"after an answer a quiz page loads schedule.js + ts-fsrs.min.js "
              f"{kb(weights[REVIEW_CODE[1]] + weights[REVIEW_CODE[2]])} gzip, the home page schedule.js "
              f"{kb(weights[REVIEW_CODE[1]])} gzip (only with a due line)")
        for name, rel in PAGES.items():
            names, raw, packed = first_load(site, rel)
            print(f"first load, {name} ({rel}): {len(names)} files, {kb(raw)} raw, {kb(packed)} gzip")
        markup, runtime = quiz_weight(site)
        added = (markup + runtime) / 1024
        print(f"a quiz adds to its page's first load: markup {kb(markup)} + runtime {kb(runtime)} gzip = "
              f"{added:.1f} KB (15-question quiz; target ≤ {TARGETS['quiz_kb']:.0f} KB: {verdict(added <= TARGETS['quiz_kb'])})")
        print(f"pages without assessments load no quiz code: "
              f"{verdict(pages_without_assessments_load_no_quiz_code(site))}")
        vs_plain(site, tmp, runs, with_macros, timings, args.lighthouse)
        if args.lighthouse:
            lighthouse(site)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
