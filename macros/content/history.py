"""When each page last changed, from git history (one git call per build).

A clone without history (or without git) still builds: pages then show no
date rather than a wrong one.
"""

from __future__ import annotations

import subprocess
from pathlib import Path


def last_changed(root: Path) -> dict[str, str]:
    """Path relative to ``root`` → date (YYYY-MM-DD) of the last commit touching it."""
    try:
        out = subprocess.run(
            ["git", "log", "--format=%x00%cs", "--name-only", "--no-renames", "--", "docs", "quizzes"],
            cwd=root, capture_output=True, text=True, timeout=30, check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    dates: dict[str, str] = {}
    date = ""
    for line in out.splitlines():
        if line.startswith("\x00"):
            date = line[1:]
        elif line and line not in dates:
            dates[line] = date                       # newest first: keep the first seen
    return dates


def page_date(dates: dict[str, str], page: str) -> str | None:
    """The later of the page's and its data file's last change."""
    stem = page.rsplit(".", 1)[0]
    found = [d for d in (dates.get(f"docs/{page}"), dates.get(f"quizzes/{stem}.yml")) if d]
    return max(found) if found else None
