"""Read the YAML front matter of Markdown pages without MkDocs."""

from __future__ import annotations

from pathlib import Path

import yaml


def read_front_matter(path: Path) -> dict:
    """Front matter of a Markdown file as a dict ({} when it has none)."""
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---"):
        return {}
    end = text.find("\n---", 3)
    if end == -1:
        return {}
    data = yaml.safe_load(text[3:end]) or {}
    return data if isinstance(data, dict) else {}


def read_all(docs_dir: Path) -> dict[str, dict]:
    """Front matter of every page, keyed by path relative to docs/ (posix)."""
    return {
        path.relative_to(docs_dir).as_posix(): read_front_matter(path)
        for path in sorted(docs_dir.rglob("*.md"))
    }
