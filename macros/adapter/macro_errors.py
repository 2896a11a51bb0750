"""One-line messages for mistakes in a page's macros and variables.

mkdocs-macros formats rendering errors with ``format_error``, a
``functools.singledispatch`` function that by default prints a Python
traceback. We register handlers so a trainer reads instead, for example:

    docs/trial/index.md:106: 变量 “compnay” 不存在(可用的变量有 company、pass_mark)
"""

from __future__ import annotations

import re
import sys
import traceback

from jinja2 import TemplateSyntaxError, UndefinedError
from mkdocs_macros.errors import format_error

from ..errors import HandbookError

class MacroCallError(Exception):
    """A macro was called wrongly on a page; the message says how, in Chinese."""


FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n.*?\n(?:\.{3}|-{3})[ \t]*\n", re.S)
USER_VARIABLES = ("company", "pass_mark")


def front_matter_line(text: str, key: str) -> int:
    """1-based line of ``key:`` in a page's front matter (1 when absent)."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith(f"{key}:"):
            return number
    return 1


def body_offset(path: str) -> int:
    """Lines before the Markdown body (the front matter MkDocs removed)."""
    with open(path, encoding="utf-8") as source:
        match = FRONT_MATTER.match(source.read())
    return match.group(0).count("\n") if match else 0


def _template_line() -> int | None:
    """Line in the page body where the failing expression is (from the traceback)."""
    line = None
    for frame, lineno in traceback.walk_tb(sys.exc_info()[2]):
        if frame.f_code.co_filename == "<template>":
            line = lineno
    return line


def _where(page, body_line: int | None) -> tuple[str, int | None]:
    path = f"docs/{page.file.src_uri}"
    if body_line is None:
        return path, None
    return path, body_line + body_offset(page.file.abs_src_path)


def _message(error: Exception, markdown: str, body_line: int | None) -> str:
    if isinstance(error, (HandbookError, MacroCallError)):
        return str(error)
    if isinstance(error, UndefinedError):
        name = re.search(r"'([^']+)' is undefined", str(error))
        known = "、".join(USER_VARIABLES)
        if name:
            return f"变量或宏 “{name.group(1)}” 不存在(是否拼写错误?可用的变量有 {known})"
        return f"页面用到了不存在的变量：{error}"
    code = markdown.splitlines()[body_line - 1].strip() if body_line else ""
    return f"宏调用出错：{code}({type(error).__name__}: {error})"


def register() -> None:
    """Install the one-line formatters into mkdocs-macros."""

    @format_error.register
    def _any(error: Exception, markdown: str, page) -> str:
        body_line = _template_line()
        path, line = _where(page, body_line)
        where = path if line is None else f"{path}:{line}"
        return f"{where}: {_message(error, markdown, body_line)}"

    @format_error.register
    def _syntax(error: TemplateSyntaxError, markdown: str, page) -> str:
        path, line = _where(page, error.lineno)
        return f"{path}:{line}: 花括号写法有误(“{{{{”“}}}}”“{{%”只能用于宏和变量)：{error.message}"
