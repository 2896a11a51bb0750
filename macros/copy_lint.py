"""Chinese copy lint: spacing and punctuation rules, via autocorrect.

The rules live in ``.autocorrectrc`` at the top of the repository. Markdown
front matter, code and anchors are left alone by autocorrect's Markdown parser.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import autocorrect_py


@dataclass
class CopyIssue:
    path: str
    line: int
    old: str
    new: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: 中文排版：应改为 “{self.new.strip()}”"


def split_front_matter(text: str) -> tuple[str, str]:
    """(front matter including its --- fences, body) of a Markdown text.

    autocorrect does not know YAML front matter and would turn the commas of
    ``audience: [新业务员, 培训师]`` into full-width ones, so it never sees it.
    """
    if text.startswith("---\n"):
        end = text.find("\n---\n", 3)
        if end != -1:
            return text[: end + 5], text[end + 5 :]
    return "", text


def lint_file(path: Path, root: Path) -> list[CopyIssue]:
    """Every line of ``path`` that autocorrect would change."""
    rel = path.relative_to(root).as_posix() if path.is_absolute() else path.as_posix()
    front, body = split_front_matter(path.read_text(encoding="utf-8"))
    # Blank lines in place of the front matter keep line numbers right.
    masked = "\n" * front.count("\n") + body
    result = autocorrect_py.lint_for(masked, str(path))
    return [CopyIssue(rel, item.line, item.old, item.new) for item in result.lines]


def fix_file(path: Path) -> bool:
    """Rewrite ``path`` with autocorrect's fixes; return True when it changed."""
    text = path.read_text(encoding="utf-8")
    front, body = split_front_matter(text)
    fixed = front + autocorrect_py.format_for(body, str(path))
    if fixed != text:
        path.write_text(fixed, encoding="utf-8")
    return fixed != text


def copy_files(root: Path) -> list[Path]:
    """The files whose Chinese copy is linted: pages and data."""
    return sorted([*(root / "docs").rglob("*.md"), *(root / "quizzes").rglob("*.yml")])
