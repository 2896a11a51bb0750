"""Chinese copy lint: spacing and punctuation rules, via autocorrect.

The rules live in ``.autocorrectrc`` at the top of the repository. Markdown
front matter, code and anchors are left alone by autocorrect's Markdown parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import autocorrect_py


@dataclass
class CopyIssue:
    path: str
    line: int
    old: str
    new: str
    message: str = ""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message or f'中文排版：应改为 “{self.new.strip()}”'}"


TERMS_FILE = Path(__file__).with_name("terms.txt")
QUOTING_SOURCE = "原培训计划写作"


def terms(path: Path = TERMS_FILE) -> list[tuple[str, str]]:
    """(replaced word, the term to use) from terms.txt."""
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#") and "<-" in line:
            keep, _, old = line.partition("<-")
            pairs += [(word.strip(), keep.strip()) for word in old.split("、") if word.strip()]
    return pairs


def term_issues(rel: str, text: str) -> list[CopyIssue]:
    """Every replaced word of terms.txt, at its line (unless the line quotes the source)."""
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        if QUOTING_SOURCE in line:
            continue
        for old, keep in terms():
            if old in line:
                found.append(CopyIssue(rel, number, old, keep,
                                       f"用词：请用“{keep}”，不用“{old}”(统一用词见 macros/content/terms.txt)"))
    return found


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


# YAML syntax that must survive: "key: ", "- ", and in flow collections
# ([a, b] or {k: v}) the brackets and separating commas.
YAML_KEY = re.compile(r"^(\s*(?:-\s+)*(?:[A-Za-z_][\w-]*:\s+)?)(.*)$")
FLOW_SYNTAX = re.compile(r"(\s*[\[\]{},]\s*|\b[A-Za-z_][\w-]*:\s+)")


def format_yaml_line(line: str) -> str:
    """autocorrect applied to the text of one YAML line, never to its syntax."""
    prefix, value = YAML_KEY.match(line).groups()
    if not value or value.startswith(("#", "|", ">")) and len(value) <= 2:
        return line
    if value.startswith(("[", "{")):
        parts = FLOW_SYNTAX.split(value)
        return prefix + "".join(p if i % 2 else autocorrect_py.format(p) for i, p in enumerate(parts))
    return prefix + autocorrect_py.format(value)


def format_yaml(text: str) -> str:
    return "\n".join(format_yaml_line(line) for line in text.split("\n"))


def formatted(path: Path, text: str) -> str:
    """The text as autocorrect would have it (front matter and YAML syntax kept)."""
    if path.suffix in (".yml", ".yaml"):
        return format_yaml(text)
    front, body = split_front_matter(text)
    return front + autocorrect_py.format_for(body, str(path))


def lint_file(path: Path, root: Path) -> list[CopyIssue]:
    """Every line of ``path`` that autocorrect would change."""
    rel = path.relative_to(root).as_posix() if path.is_absolute() else path.as_posix()
    text = path.read_text(encoding="utf-8")
    old_lines, new_lines = text.split("\n"), formatted(path, text).split("\n")
    if len(old_lines) != len(new_lines):  # autocorrect never adds lines; be safe
        return [CopyIssue(rel, 1, text, formatted(path, text))]
    spacing = [CopyIssue(rel, number, old, new)
               for number, (old, new) in enumerate(zip(old_lines, new_lines), start=1) if old != new]
    return sorted(spacing + term_issues(rel, text), key=lambda issue: issue.line)


def fix_file(path: Path) -> bool:
    """Rewrite ``path`` with autocorrect's fixes; return True when it changed."""
    text = path.read_text(encoding="utf-8")
    fixed = formatted(path, text)
    if fixed != text:
        path.write_text(fixed, encoding="utf-8")
    return fixed != text


def copy_files(root: Path) -> list[Path]:
    """The files whose Chinese copy is linted: pages and data."""
    return sorted([*(root / "docs").rglob("*.md"), *(root / "quizzes").rglob("*.yml")])
