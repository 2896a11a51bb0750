"""Shared fixtures: one strict build of the handbook, a local HTTP server for
it, and Debian's Chromium driven by Playwright with the network blocked."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]

# Chromium flags that work on machines with no internet; the resolver rule
# makes every host except 127.0.0.1 unreachable, so a stray request fails
# here exactly as it would on a tablet with no network.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    "--disable-default-apps", "--disable-extensions",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run_mkdocs_build(project: Path, site_dir: Path, site_url: str | None = None) -> subprocess.CompletedProcess:
    """``mkdocs build --strict`` of ``project``; output captured, never raises.

    ``site_url`` is where the build will be served: Material's instant
    navigation only follows links to pages listed under it in sitemap.xml.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url:
        env["HANDBOOK_SITE_URL"] = site_url
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "-d", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )


SITE_PORT = free_port()
ENGINE_PORT = free_port()


def serve(directory: Path, port: int = 0) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """The handbook built once, strictly, for the whole test session."""
    target = tmp_path_factory.mktemp("build") / "site"
    result = run_mkdocs_build(ROOT, target, f"http://127.0.0.1:{SITE_PORT}/")
    assert result.returncode == 0, f"strict build failed:\n{result.stderr}"
    return target


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A private copy of the project's sources, for fixture sites to break."""
    return copy_project(tmp_path / "project")


def copy_project(dest: Path) -> Path:
    """Copy what a build reads (config, pages, data, macros, theme) to ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "macros", "overrides", "quizzes"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, dest / name)
    return dest


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


class SwitchableHandler(_QuietHandler):
    """Serves whichever build ``server.root`` points at (one origin, several
    builds), and records the paths asked for in ``server.log``."""

    def translate_path(self, path):
        self.directory = str(self.server.root)
        getattr(self.server, "log", []).append(path.split("?")[0])
        return super().translate_path(path)


@pytest.fixture(scope="session")
def site_url(site_dir) -> str:
    """The built handbook served over HTTP on 127.0.0.1."""
    server = serve(site_dir, SITE_PORT)
    yield f"http://127.0.0.1:{SITE_PORT}/"
    server.shutdown()


def chromium_path() -> str:
    path = os.environ.get("HANDBOOK_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.fail("Chromium not found: run ./handbook test, which installs it")
    return path


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(
            executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


class RequestLog:
    """Every request a page made, and the ones that left the site."""

    def __init__(self) -> None:
        self.urls: list[str] = []

    def record(self, request) -> None:
        self.urls.append(request.url)

    @property
    def external(self) -> list[str]:
        return [u for u in self.urls if not is_local(u)]


def is_local(url: str) -> bool:
    return url.startswith(("file://", "http://127.0.0.1:", "data:", "blob:", "about:"))


@pytest.fixture
def context(browser):
    """A fresh browser context (empty storage) at tablet size."""
    ctx = browser.new_context(viewport={"width": 768, "height": 1024}, locale="zh-CN")
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    page.requests = RequestLog()
    page.on("request", page.requests.record)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.js_errors = errors
    yield page


FIXTURES = ROOT / "tests" / "fixtures"


def make_site(dest: Path, fixture: str) -> Path:
    """A small site: the real config, macros, theme overrides and assets, with
    the pages and data of ``tests/fixtures/<fixture>`` and a nav of its pages."""
    shutil.copytree(ROOT / "macros", dest / "macros", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "overrides", dest / "overrides")
    shutil.copytree(FIXTURES / fixture / "docs", dest / "docs")
    shutil.copytree(ROOT / "docs" / "assets", dest / "docs" / "assets")
    shutil.copytree(FIXTURES / fixture / "quizzes", dest / "quizzes")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:")[0]
    pages = sorted(p.relative_to(dest / "docs").as_posix() for p in (dest / "docs").glob("*.md"))
    pages.remove("index.md")
    nav = "\nnav:\n  - index.md\n" + "".join(f"  - {p}\n" for p in pages)
    (dest / "mkdocs.yml").write_text(config + nav, encoding="utf-8")
    return dest


@pytest.fixture(scope="session")
def engine_site(tmp_path_factory) -> Path:
    """The engine fixture site (every question type, a checklist, a form), built."""
    project = make_site(tmp_path_factory.mktemp("engine") / "project", "engine")
    result = run_mkdocs_build(project, project / "site", f"http://127.0.0.1:{ENGINE_PORT}/")
    assert result.returncode == 0, f"fixture build failed:\n{result.stderr}"
    return project / "site"


@pytest.fixture(scope="session")
def engine_url(engine_site) -> str:
    server = serve(engine_site, ENGINE_PORT)
    yield f"http://127.0.0.1:{ENGINE_PORT}/"
    server.shutdown()
