"""Rules beyond the schema: within a question, across a file, across the site.

Each check returns a list of ``HandbookError`` (empty when all is well), so a
trainer sees every problem of a build at once, each on its own line.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from . import models
from .errors import HandbookError
from .loader import Bank, PageData
from .yaml_lines import line_of

ANCHOR = re.compile(r"\{#([A-Za-z0-9_-]+)[^}]*\}|\bid=\"([^\"]+)\"")


def choice_text(choice: models.ChoiceOrText) -> str:
    return choice if isinstance(choice, str) else choice.text


def answers_of(question: models.SingleChoice | models.MultipleChoice) -> list:
    answer = question.answer
    return answer if isinstance(answer, list) else [answer]


# --------------------------------------------------------------------------
# One question
# --------------------------------------------------------------------------

def check_question(q) -> list[tuple[str, tuple]]:
    """Problems of one question as (message, location inside the question)."""
    problems: list[tuple[str, tuple]] = []
    if isinstance(q, (models.SingleChoice, models.MultipleChoice)):
        answers = answers_of(q)
        if isinstance(q, models.SingleChoice) and len(answers) != 1:
            problems.append((f"单选题必须恰好有 1 个正确选项(现有 {len(answers)} 个)", ("answer",)))
        texts = [choice_text(c) for c in answers + list(q.distractors)]
        for text in sorted({t for t in texts if texts.count(t) > 1}):
            problems.append((f"选项“{text}”重复出现", ("distractors",)))
    elif isinstance(q, models.Ordering):
        if len(q.items) < 3:
            problems.append((f"排序题至少需要 3 个步骤(现有 {len(q.items)} 个)", ("items",)))
        if len(set(q.items)) != len(q.items):
            problems.append(("排序题的步骤不能重复", ("items",)))
    elif isinstance(q, models.Matching):
        lefts = [p.left for p in q.pairs]
        rights = [p.right for p in q.pairs] + list(q.distractors)
        if len(set(lefts)) != len(lefts):
            problems.append(("配对题左列有重复项", ("pairs",)))
        if len(set(rights)) != len(rights):
            problems.append(("配对题右列(含干扰项)有重复项，配对无法唯一确定", ("pairs",)))
    elif isinstance(q, models.Scenario):
        problems += check_scenario(q)
    return problems


def check_scenario(q: models.Scenario) -> list[tuple[str, tuple]]:
    """Links resolve, every path ends, no loops, no unreachable scene, a way to succeed."""
    problems: list[tuple[str, tuple]] = []
    scenes = {s.id: s for s in q.scenes}
    if len(scenes) != len(q.scenes):
        problems.append(("情景题中有重复的场景编号", ("scenes",)))
    if q.start not in scenes:
        return problems + [(f"第一幕 start: {q.start} 不存在", ("start",))]
    for si, scene in enumerate(q.scenes):
        for ci, choice in enumerate(scene.choices):
            where = ("scenes", si, "choices", ci)
            if (choice.next is None) == (choice.end is None):
                problems.append((f"场景 {scene.id} 的第 {ci + 1} 个回应必须写 next(下一幕)或 end(结束)二者之一", where))
            elif choice.next is not None and choice.next not in scenes:
                problems.append((f"场景 {scene.id} 的第 {ci + 1} 个回应指向不存在的场景 {choice.next}", where))
    if problems:
        return problems
    # Walk every path from the start: loops and unreachable scenes are errors.
    reached: set[str] = set()
    succeeds = False

    def walk(scene_id: str, path: tuple[str, ...]) -> None:
        nonlocal succeeds
        if scene_id in path:
            problems.append((f"场景 {scene_id} 会回到自身形成循环，对话无法结束", ("scenes",)))
            return
        reached.add(scene_id)
        for choice in scenes[scene_id].choices:
            if choice.end == "success":
                succeeds = True
            if choice.next:
                walk(choice.next, path + (scene_id,))

    walk(q.start, ())
    for si, scene in enumerate(q.scenes):
        if scene.id not in reached:
            problems.append((f"场景 {scene.id} 从第一幕出发无法到达", ("scenes", si)))
    if not succeeds:
        problems.append(("情景题至少要有一条以 end: success 结束的路径", ("scenes",)))
    return problems


# --------------------------------------------------------------------------
# Links to the section that teaches a question
# --------------------------------------------------------------------------

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
        values = [level.value for level in form.scale]
        for gi, group in enumerate(form.groups):
            for ci, criterion in enumerate(group.criteria):
                unknown = sorted(set(criterion.levels) - set(values))
                if unknown:
                    loc = ("forms", fi, "groups", gi, "criteria", ci, "levels")
                    errors.append(_error(pd, f"表格 {form.id}: 评定项目 {criterion.id} 的等级 "
                                             f"{'、'.join(map(str, unknown))} 不在评分等级 scale 中", loc))
    return errors


def check_tool(tool) -> list[tuple[str, tuple]]:
    """Lookup tools answer every combination exactly once; range bands tile the scale."""
    problems: list[tuple[str, tuple]] = []
    if isinstance(tool, models.LookupTool):
        allowed = [[o.value for o in d.options] for d in tool.dimensions]
        seen: dict[tuple, int] = {}
        for oi, outcome in enumerate(tool.outcomes):
            where = ("outcomes", oi, "when")
            if len(outcome.when) != len(allowed):
                problems.append((f"第 {oi + 1} 条结论的条件应有 {len(allowed)} 个取值(现有 {len(outcome.when)} 个)", where))
                continue
            bad = [v for v, ok in zip(outcome.when, allowed) if v not in ok]
            if bad:
                problems.append((f"第 {oi + 1} 条结论的条件中有未定义的取值 {'、'.join(bad)}", where))
            elif tuple(outcome.when) in seen:
                problems.append((f"条件 {'+'.join(outcome.when)} 重复出现(第 {seen[tuple(outcome.when)] + 1} 条已有)", where))
            seen.setdefault(tuple(outcome.when), oi)
        combos = [()]
        for values in allowed:
            combos = [c + (v,) for c in combos for v in values]
        missing = ["+".join(c) for c in combos if c not in seen]
        if missing:
            problems.append((f"缺少这些组合的结论：{'、'.join(missing)}", ("outcomes",)))
    else:
        edge = tool.min
        for bi, band in enumerate(tool.bands):
            if band.min != edge or band.max <= band.min:
                problems.append((f"第 {bi + 1} 个区间应从 {edge:g} 开始、且上限大于下限", ("bands", bi)))
                break
            edge = band.max
        else:
            if edge != tool.max:
                problems.append((f"区间最后到 {edge:g}，没有覆盖到最大值 {tool.max:g}", ("bands",)))
    return problems


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


def validate_bank(bank: Bank, docs_dir: Path, complete: bool = True) -> list[HandbookError]:
    """All rules; ``complete`` is False when some file could not be read."""
    errors: list[HandbookError] = []
    for pd in bank.pages.values():
        errors += check_file(pd, docs_dir)
    return errors + check_unique_ids(bank) + check_draws(bank, complete)
