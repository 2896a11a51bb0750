"""What a page may write between ``{{ }}``: the handbook's own macros with
literal arguments, the documented variables, and quoted text. Nothing else.

mkdocs-macros would otherwise run any Jinja a page contains, and Jinja
reaches Python (``{{ lipsum.__globals__['os'].popen('id').read() }}``): on
every pull request and in the deploy job. Pages are checked against this
allow-list on Jinja's own syntax tree before they are rendered; anything
else stops the build with ``docs/page.md:LINE: 问题``.
"""

from __future__ import annotations

from jinja2 import nodes
from jinja2.exceptions import TemplateSyntaxError

from ..errors import HandbookError
from ..settings import PAGE_VARIABLES


STATEMENTS = {"Assign": "set", "AssignBlock": "set", "Include": "include", "For": "for", "If": "if",
              "Macro": "macro", "Import": "import", "FromImport": "from", "Extends": "extends", "Block": "block",
              "With": "with", "CallBlock": "call", "FilterBlock": "filter", "ExprStmt": "do"}


def _describe(node: nodes.Node) -> str:
    if isinstance(node, (nodes.Getattr, nodes.Getitem)):
        return "读取属性或下标"
    if isinstance(node, nodes.Filter):
        return f"过滤器 “{node.name}”"
    if isinstance(node, nodes.Call):
        return "调用手册宏以外的函数"
    if isinstance(node, nodes.Stmt):
        keyword = STATEMENTS.get(type(node).__name__, type(node).__name__.lower())
        return f"语句 {{% {keyword} %}}"
    return type(node).__name__


def _problem(node: nodes.Node, macros: set[str]) -> tuple[str, int] | None:
    """Why one output expression is not allowed (message, template line), or None."""
    if isinstance(node, nodes.TemplateData):
        return None
    if isinstance(node, nodes.Const) and isinstance(node.value, str):
        return None
    if isinstance(node, nodes.Name) and node.ctx == "load":
        if node.name in PAGE_VARIABLES:
            return None
        return (f"变量或宏 “{node.name}” 不能在页面中使用(可用的变量有 {'、'.join(PAGE_VARIABLES)}；"
                f"宏要加括号调用，例如 quiz(\"编号\"))", node.lineno)
    if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name):
        name = node.node.name
        if name not in macros:
            return f"“{name}” 不是手册的宏(可用的宏有 {'、'.join(sorted(macros))})", node.lineno
        if node.kwargs or node.dyn_args or node.dyn_kwargs or not all(
                isinstance(a, nodes.Const) and isinstance(a.value, (str, int)) for a in node.args):
            return f"宏 {name} 的参数只能是写在引号里的文字，例如 {name}(\"编号\")", node.lineno
        return None
    return f"页面中不允许{_describe(node)}(只能使用手册的宏和变量)", getattr(node, "lineno", 1)


def check_page(environment, source: str, path: str, line_offset: int, macros: set[str]) -> None:
    """Raise HandbookError for the first construct outside the allow-list."""
    try:
        tree = environment.parse(source)
    except TemplateSyntaxError:
        return                     # mkdocs-macros reports syntax errors itself, with their line
    lines = source.splitlines()

    def fail(message: str, line: int) -> None:
        code = lines[line - 1].strip() if 0 < line <= len(lines) else ""
        code = code if len(code) <= 60 else code[:59] + "…"
        raise HandbookError(path, f"{message}：{code}" if code else message, line + line_offset)

    for statement in tree.body:
        if not isinstance(statement, nodes.Output):
            fail(f"页面中不允许{_describe(statement)}(只能使用手册的宏和变量)", statement.lineno)
        for node in statement.nodes:
            problem = _problem(node, macros)
            if problem:
                fail(*problem)
