"""Read the YAML front matter of Markdown pages without MkDocs, and check
its form (closing ``---``, YAML syntax, repeated keys) at its line."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..errors import HandbookError

OPEN = re.compile(r"^-{3}[ \t]*$")
CLOSE = re.compile(r"^(?:-{3}|\.{3})[ \t]*$")

_FAST = getattr(yaml, "CSafeLoader", yaml.SafeLoader)      # libyaml when present: the same result, faster


def block(text: str) -> tuple[str, int] | None:
    """The front matter's text and the number of its closing line, or None
    when the page has none. Raises ValueError when it is never closed."""
    lines = text.removeprefix("\ufeff").split("\n")
    if not lines or not OPEN.match(lines[0]):
        return None
    for number, line in enumerate(lines[1:], start=2):
        if CLOSE.match(line):
            return "\n".join(lines[1:number - 1]), number
    raise ValueError("unclosed")


def check_front_matter(path: str, text: str) -> None:
    """One Chinese line for a front matter that MkDocs would misread silently."""
    from ..bank.yaml_lines import DuplicateKeyError, TooComplex, load

    try:
        found = block(text)
    except ValueError:
        raise HandbookError(path, "页面信息(front matter)没有结尾的 ---：在页面信息最后一行的下面加一行 ---", 1) from None
    if found is None:
        return
    try:
        load(found[0])
    except DuplicateKeyError as exc:
        raise HandbookError(path, f"页面信息中“{exc.key}”写了两次(只保留一个)", exc.line + 1) from None
    except TooComplex as exc:
        raise HandbookError(path, f"页面信息：{exc}", exc.line + 1) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 2 if mark else 1
        raise HandbookError(path, f"页面信息(front matter)的 YAML 格式错误：{(exc.problem or '').strip()}"
                                  "(文字中有英文冒号时请加引号)", line) from None


def read_front_matter(path: Path) -> dict:
    """Front matter of a Markdown file as a dict ({} when it has none or it
    cannot be read: the page's own check reports why, at its line)."""
    try:
        found = block(path.read_text(encoding="utf-8-sig"))
        data = yaml.load(found[0], Loader=_FAST) if found else {}  # noqa: S506 (a safe loader)
    except (ValueError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def read_all(docs_dir: Path) -> dict[str, dict]:
    """Front matter of every page, keyed by path relative to docs/ (posix)."""
    return {
        path.relative_to(docs_dir).as_posix(): read_front_matter(path)
        for path in sorted(docs_dir.rglob("*.md"))
    }
