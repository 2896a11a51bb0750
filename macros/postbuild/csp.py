"""A Content-Security-Policy in every built page: scripts only from the site
itself (plus the theme's own inline scripts, allowed by their SHA-256), no
other origin for anything, no plugins, frames only from the site.

The policy is a ``<meta http-equiv>`` tag, so it travels with the offline
copy (file://, the zip, any static host) without server headers. Whatever
the sanitiser missed in trainer-written HTML cannot run (no inline script,
no event attributes) or fetch from elsewhere (no other origin).
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
HEAD = re.compile(r"<head[^>]*>", re.I)
MARK = '<meta http-equiv="Content-Security-Policy"'


def _hashes(html: str) -> list[str]:
    found = []
    for match in INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if re.search(r"\bsrc\s*=", attrs, re.I):
            continue
        kind = re.search(r"\btype\s*=\s*[\"']?([^\"'\s>]+)", attrs, re.I)
        if kind and kind.group(1).lower() not in ("text/javascript", "module", "application/javascript"):
            continue                      # data blocks (application/json) are never run
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        found.append(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return sorted(set(found))


SHIM = "assets/vendor/iframe-worker/shim.js"     # search from file://: a worker in a frame


def _function_source(code: str, name: str) -> str:
    """The text of ``function name(...){...}`` in minified ``code`` (braces matched)."""
    start = code.index(f"function {name}(")
    depth, i = 0, code.index("{", start)
    while True:
        depth += {"{": 1, "}": -1}.get(code[i], 0)
        if depth == 0:
            return code[start:i + 1]
        i += 1


def shim_hashes(site: Path) -> list[str]:
    """The inline script the vendored shim writes into its frame (the same text
    everywhere since our patch, see its README.txt), as a CSP hash."""
    path = site / SHIM
    if not path.is_file():
        return []
    code = path.read_text(encoding="utf-8")
    template = re.search(r"<script>(postMessage=.*?)<\\/script>", code)
    if not template:
        return []
    text = re.sub(r"\$\{(\w)\}", lambda m: _function_source(code, m.group(1)), template.group(1))
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return [f"'sha256-{base64.b64encode(digest).decode('ascii')}'"]


def policy(html: str, extra: list[str] = ()) -> str:
    scripts = " ".join(["'self'", *_hashes(html), *extra])
    return "; ".join([
        "default-src 'self'",
        f"script-src {scripts}",
        "style-src 'self' 'unsafe-inline'",          # style attributes of the theme and of tables
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "frame-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'none'",
    ])


def add_policy(site: Path) -> int:
    """Write the policy into every page of ``site``; returns the pages changed."""
    changed, shim = 0, shim_hashes(site)
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if MARK in html:
            continue
        head = HEAD.search(html)
        if not head:
            continue
        tag = f'{MARK} content="{policy(html, shim)}">'
        page.write_text(html[:head.end()] + tag + html[head.end():], encoding="utf-8")
        changed += 1
    return changed
