"""Links between pages: from a question to the section that teaches it, and
from a page source to the built site's URL. Pure functions on paths."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path, PurePosixPath

ANCHOR = re.compile(r"\{#([A-Za-z0-9_-]+)[^}]*\}|\bid=\"([^\"]+)\"")


def built_url(link: str) -> str:
    """A link to a page source (``objections.md#kinds``) as the built site's URL."""
    target, hash_, anchor = link.partition("#")
    if target.endswith(".md"):
        target = target[:-3] + ".html"
    return target + hash_ + anchor


def rebase_link(link: str, from_page: str, to_page: str) -> str:
    """A link written relative to ``from_page``, rewritten relative to ``to_page``."""
    target, hash_, anchor = link.partition("#")
    absolute = posixpath.normpath(posixpath.join(posixpath.dirname(from_page), target or posixpath.basename(from_page)))
    if absolute == to_page:
        return hash_ + anchor
    relative = posixpath.relpath(absolute, posixpath.dirname(to_page) or ".")
    return relative + hash_ + anchor



def anchors_of(markdown_file: Path) -> set[str]:
    text = markdown_file.read_text(encoding="utf-8")
    return {a or b for a, b in ANCHOR.findall(text)}


def resolve_link(page: str, link: str, docs_dir: Path) -> str | None:
    """Why ``link`` (relative to ``page``) does not resolve, or None when it does."""
    target, _, anchor = link.partition("#")
    if re.match(r"^[a-z]+:", target) or target.startswith("/"):
        return f"学习链接“{link}”应为手册内的相对链接，例如 objections.md#taiji"
    target_page = page if not target else str(PurePosixPath(page).parent / target)
    target_page = str(PurePosixPath(*_normalise(PurePosixPath(target_page).parts)))
    path = docs_dir / target_page
    if not target_page.endswith(".md") or not path.is_file():
        return f"学习链接“{link}”指向的页面 docs/{target_page} 不存在"
    if anchor and anchor not in anchors_of(path):
        return f"学习链接“{link}”中的锚点 #{anchor} 在 docs/{target_page} 中不存在"
    return None


def _normalise(parts: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for part in parts:
        if part == "..":
            if out:
                out.pop()
        elif part != ".":
            out.append(part)
    return out


