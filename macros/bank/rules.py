"""Rules beyond the schema: within a question, across a file, across the site.

Each check returns a list of ``HandbookError`` (empty when all is well), so a
trainer sees every problem of a build at once, each on its own line.
"""

from __future__ import annotations

from pathlib import Path

from ..assessments import types as question_types
from ..assessments.rules import check_form, check_tool
from ..content.links import resolve_link
from ..content.unsafe import line_at, unsafe
from ..fieldkit import rules as fieldkit_rules
from ..errors import HandbookError
from .data import Bank, PageData
from .yaml_lines import line_of


# --------------------------------------------------------------------------
# One question: the rules of its type (types/<type>.py)
# --------------------------------------------------------------------------

def check_question(q) -> list[tuple[str, tuple]]:
    """Problems of one question as (message, location inside the question)."""
    return question_types.get(q.type).check(q)


# --------------------------------------------------------------------------
# A file and the whole bank
# --------------------------------------------------------------------------

def _error(pd: PageData, message: str, loc: tuple) -> HandbookError:
    return HandbookError(pd.path, message, line_of(pd.raw, loc))


def check_file(pd: PageData, docs_dir: Path) -> list[HandbookError]:
    if not (docs_dir / pd.page).is_file():
        return [HandbookError(pd.path, f"没有对应的页面 docs/{pd.page}(数据文件必须与页面同路径)", 1)]
    errors: list[HandbookError] = []
    for qi, quiz in enumerate(pd.data.quizzes):
        for i, q in enumerate(quiz.questions):
            base = ("quizzes", qi, "questions", i)
            for message, loc in check_question(q):
                errors.append(_error(pd, f"问题 {q.id}: {message}", base + loc))
            problem = resolve_link(pd.page, q.link, docs_dir)
            if problem:
                errors.append(_error(pd, f"问题 {q.id}: {problem}", base + ("link",)))
    for ti, tool in enumerate(pd.data.tools):
        for message, loc in check_tool(tool):
            errors.append(_error(pd, f"工具 {tool.id}: {message}", ("tools", ti) + loc))
        problem = tool.link and resolve_link(pd.page, tool.link, docs_dir)
        if problem:
            errors.append(_error(pd, f"工具 {tool.id}: {problem}", ("tools", ti, "link")))
    for fi, form in enumerate(pd.data.forms):
        for message, loc in check_form(form):
            errors.append(_error(pd, f"表格 {form.id}: {message}", ("forms", fi) + loc))
    for kind, ident, link, loc in fieldkit_rules.links(pd.data):
        problem = resolve_link(pd.page, link, docs_dir)
        if problem:
            errors.append(_error(pd, f"{kind} {ident}: {problem}", loc))
    return errors


def check_fieldkit(bank: Bank) -> list[HandbookError]:
    """Cards, templates, calculators and one-pagers (fieldkit/rules.py),
    with what they refer to anywhere in the bank."""
    index = fieldkit_rules.index_of(pd.data for pd in bank.pages.values())
    return [_error(pd, message, loc) for pd in bank.pages.values()
            for message, loc in fieldkit_rules.check_data(pd.data, index)]


def all_ids(pd: PageData):
    """Every (kind, id, location) defined in one file; ids share one namespace."""
    for qi, quiz in enumerate(pd.data.quizzes):
        yield "测验", quiz.id, ("quizzes", qi, "id")
        for i, q in enumerate(quiz.questions):
            yield "问题", q.id, ("quizzes", qi, "questions", i, "id")
    for ci, checklist in enumerate(pd.data.checklists):
        yield "清单", checklist.id, ("checklists", ci, "id")
        for gi, group in enumerate(checklist.groups):
            for ii, item in enumerate(group.items):
                yield "检查项", item.id, ("checklists", ci, "groups", gi, "items", ii, "id")
    for ti, tool in enumerate(pd.data.tools):
        yield "工具", tool.id, ("tools", ti, "id")
    for fi, form in enumerate(pd.data.forms):
        yield "表格", form.id, ("forms", fi, "id")
        for gi, group in enumerate(form.groups):
            for ci, criterion in enumerate(group.criteria):
                yield "评定项目", criterion.id, ("forms", fi, "groups", gi, "criteria", ci, "id")
    yield from fieldkit_rules.ids(pd.data)


def check_unique_ids(bank: Bank) -> list[HandbookError]:
    seen: dict[str, str] = {}
    errors = []
    for pd in bank.pages.values():
        for kind, ident, loc in all_ids(pd):
            where = f"{pd.path}:{line_of(pd.raw, loc)}"
            if ident in seen:
                errors.append(_error(pd, f"{kind}编号 {ident} 已在 {seen[ident]} 使用过(编号必须全站唯一)", loc))
            else:
                seen[ident] = where
    return errors


def check_draws(bank: Bank, complete: bool = True) -> list[HandbookError]:
    """Stage tests draw existing questions of other quizzes, each once; no empty quiz."""
    index = bank.questions()
    errors = []
    for pd in bank.pages.values():
        for qi, quiz in enumerate(pd.data.quizzes):
            if not quiz.draw and not quiz.questions:
                errors.append(_error(pd, f"测验 {quiz.id}: 没有题目(questions 和 draw 都是空的)", ("quizzes", qi, "id")))
            own = {q.id for q in quiz.questions}
            seen: set[str] = set()
            for di, ident in enumerate(quiz.draw):
                loc = ("quizzes", qi, "draw", di)
                if ident not in index:
                    if complete:
                        errors.append(_error(pd, f"测验 {quiz.id}: 要抽取的题目 {ident} 不存在", loc))
                elif ident in own or index[ident][1] is quiz:
                    errors.append(_error(pd, f"测验 {quiz.id}: 题目 {ident} 本来就在本测验中，不需要抽取", loc))
                elif ident in seen:
                    errors.append(_error(pd, f"测验 {quiz.id}: 题目 {ident} 被抽取了两次", loc))
                seen.add(ident)
    return errors


def check_duplicate_prompts(bank: Bank) -> list[HandbookError]:
    """The same question twice in the bank (drawn copies are not counted)."""
    seen: dict[str, str] = {}
    errors = []
    for pd in bank.pages.values():
        for qi, quiz in enumerate(pd.data.quizzes):
            for i, q in enumerate(quiz.questions):
                prompt = " ".join(q.prompt.split())
                loc = ("quizzes", qi, "questions", i, "prompt")
                if prompt in seen:
                    errors.append(_error(pd, f"问题 {q.id}: 题干与 {seen[prompt]} 完全相同(同一道题只写一次，阶段测试用 draw 抽取)", loc))
                else:
                    seen[prompt] = f"{q.id}({pd.path}:{line_of(pd.raw, loc)})"
    return errors


# --------------------------------------------------------------------------
# The bank as a whole: no test-taking habit may pass (types' measure())
# --------------------------------------------------------------------------

def _scopes(bank: Bank):
    """(label, questions, file, location, scope) for the whole bank and each stage test."""
    own = [q for pd in bank.pages.values() for quiz in pd.data.quizzes for q in quiz.questions]
    yield "全部题目", own, None, None, "bank"
    for pd in bank.pages.values():
        for qi, quiz in enumerate(pd.data.quizzes):
            if quiz.mode == "test":
                resolved = bank.resolved(quiz, pd.page) if not set(quiz.draw) - set(bank.questions()) else quiz
                yield f"测验 {quiz.id}", resolved.questions, pd, ("quizzes", qi, "id"), "test"


def measure_bank(bank: Bank, rules) -> tuple[list[str], list[HandbookError]]:
    """The figures ``check`` prints, and the rules they break."""
    figures: list[str] = []
    errors: list[HandbookError] = []
    for label, questions, pd, loc, scope in _scopes(bank):
        parts = []
        for kind in question_types.TYPES.values():
            if kind.measure is None or scope not in kind.measured_in:
                continue
            mine = [q for q in questions if q.type == kind.name]
            if not mine and pd is not None:
                continue
            minimum = rules.min_questions if scope == "bank" else rules.min_questions_in_test
            figure, problem = kind.measure(mine, rules, minimum)
            parts.append(figure)
            if problem:
                errors.append(_error(pd, f"{label}: {problem}", loc) if pd is not None
                              else HandbookError("quizzes/", f"{label}: {problem}"))
        if parts:
            figures.append(f"{label}：" + "；".join(parts))
    return figures, errors


def check_unsafe_text(pd: PageData) -> list[HandbookError]:
    """Every string of a data file, for script, event attributes and remote resources."""
    errors = []

    def walk(node, line):
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, getattr(node, "lines", {}).get(key, line))
        elif isinstance(node, list):
            lines = getattr(node, "lines", [])
            for i, value in enumerate(node):
                walk(value, lines[i] if i < len(lines) else line)
        elif isinstance(node, str):
            for offset, problem in unsafe(node):
                errors.append(HandbookError(pd.path, problem, line + line_at(node, offset) - 1 if "\n" in node else line))

    walk(pd.raw, getattr(pd.raw, "line", 1))
    return errors


def validate_bank(bank: Bank, docs_dir: Path, complete: bool = True, rules=None) -> list[HandbookError]:
    """All rules; ``complete`` is False when some file could not be read."""
    errors: list[HandbookError] = []
    for pd in bank.pages.values():
        errors += check_file(pd, docs_dir) + check_unsafe_text(pd)
    errors += check_unique_ids(bank) + check_draws(bank, complete) + check_duplicate_prompts(bank)
    if complete:
        errors += check_fieldkit(bank)
    if rules is not None and complete:
        errors += measure_bank(bank, rules)[1]
    return errors
