"""Rules of the field kit beyond what the schema says.

Each check returns [(message, location inside the data file)];
``bank/rules.py`` turns them into ``file:line`` errors. The calculators'
formulas are parsed and checked here, and each worked example is computed
from them: a formula with an unknown name or bad syntax, a division by zero
at the example's inputs, or an example whose written result differs from the
formula's stops the build.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import expr, models

# How much fits on one side of an A6 card (105 × 148 mm) at a legible size:
# measured on the printed cards (10 pt text), see tests/test_fieldkit.py.
CARD_SIDE_ROWS = 12
CARD_SIDE_CHARS = 420


@dataclass
class Index:
    """What the field kit may refer to across the whole bank."""

    sources: dict[str, object] = field(default_factory=dict)     # "tool:<id>" / "list:<id>" → model
    closers: dict[str, str] = field(default_factory=dict)        # id → 测验 / 评估表 / 检查清单


def index_of(datas) -> Index:
    found = Index()
    for data in datas:
        for tool in data.tools:
            found.sources[f"tool:{tool.id}"] = tool
        for listing in data.lists:
            found.sources[f"list:{listing.id}"] = listing
        for kind, items in (("测验", data.quizzes), ("评估表", data.forms), ("检查清单", data.checklists)):
            for item in items:
                found.closers[item.id] = kind
    return found


def ids(data):
    """Every (kind, id, location) the field kit defines in one file."""
    for collection, kind in models.CONTAINERS.items():
        for i, item in enumerate(getattr(data, collection)):
            yield kind, item.id, (collection, i, "id")


def links(data):
    """Every (kind, id, link, location) to check against the pages."""
    for collection in ("cards", "templates", "calculators"):
        for i, item in enumerate(getattr(data, collection)):
            if item.link:
                yield models.CONTAINERS[collection], item.id, item.link, (collection, i, "link")


# --------------------------------------------------------------------------
# Cards
# --------------------------------------------------------------------------

def side_rows(side: models.CardSide, index: Index) -> list[models.Row]:
    """The rows a card side shows: its own, then those of its source."""
    rows = list(side.rows)
    source = index.sources.get(side.source) if side.source else None
    if source is not None:
        rows += source_rows(source)
    return rows


def source_rows(source) -> list[models.Row]:
    """A decision tool's conclusions, or a list's items, as card rows."""
    if isinstance(source, models.Listing):
        return list(source.items)
    if getattr(source, "type", None) == "lookup":
        rows = []
        for outcome in source.outcomes:
            term, _, title = outcome.title.partition("：")
            rows.append(models.Row(term=term, text=f"{title}：{outcome.text}" if title else outcome.text))
        return rows
    if getattr(source, "type", None) == "cumulative":
        rows, lower = [], 0.0
        for grade in source.classes:
            rows.append(models.Row(term=grade.title, text=f"累计 {lower:g}%～{grade.up_to:g}%：{grade.text}"))
            lower = grade.up_to
        return rows
    unit = source.unit
    rows = []
    for band in source.bands:
        rows.append(models.Row(term=f"{band.min:g}～{band.max:g}{unit}",
                               text=f"{band.title}：{band.text}"))
    return rows


def check_card(card: models.Card, index: Index) -> list[tuple[str, tuple]]:
    problems = []
    for name, side in (("front", card.front), ("back", card.back)):
        label = "正面" if name == "front" else "背面"
        if side.source and side.source not in index.sources:
            kind, _, ident = side.source.partition(":")
            problems.append((f"{label}引用的{'工具' if kind == 'tool' else '列表'} {ident} 不存在", (name, "source")))
            continue
        rows = side_rows(side, index)
        if not rows:
            problems.append((f"{label}没有内容(写 rows，或用 source 引用工具、列表)", (name,)))
        chars = sum(len(r.term or "") + len(r.text) for r in rows) + len(side.note or "")
        if len(rows) > CARD_SIDE_ROWS or chars > CARD_SIDE_CHARS:
            problems.append((f"{label}内容太多，A6 卡片印不下(现有 {len(rows)} 条、{chars} 字；"
                             f"一面最多 {CARD_SIDE_ROWS} 条、{CARD_SIDE_CHARS} 字)", (name,)))
    return problems


# --------------------------------------------------------------------------
# Templates
# --------------------------------------------------------------------------

def check_template(template: models.Template) -> list[tuple[str, tuple]]:
    problems = []
    if not (template.fields or template.tables or template.notes):
        problems.append(("没有可以填写的内容(fields、tables、notes 至少写一项)", ("id",)))
    groups = [(("fields", i), f) for i, f in enumerate(template.fields)]
    for ti, table in enumerate(template.tables):
        groups += [(("tables", ti, "columns", ci), c) for ci, c in enumerate(table.columns)]
        labels = [c.label for c in table.columns]
        twice = sorted({label for label in labels if labels.count(label) > 1})
        if twice:
            problems.append((f"第 {ti + 1} 个表格的列 {'、'.join(twice)} 重复", ("tables", ti, "columns")))
        if table.first and len(table.first) > table.max_rows:
            problems.append((f"第 {ti + 1} 个表格固定的第一列有 {len(table.first)} 行，超过最多行数 {table.max_rows}",
                             ("tables", ti, "first")))
        if table.rows > table.max_rows:
            problems.append((f"第 {ti + 1} 个表格的空白行数 {table.rows} 超过最多行数 {table.max_rows}",
                             ("tables", ti, "rows")))
    for loc, item in groups:
        if item.kind == "choice" and len(item.options) < 2:
            problems.append((f"栏目“{item.label}”是选择(choice)，至少要写 2 个选项 options", loc))
        elif item.kind != "choice" and item.options:
            problems.append((f"栏目“{item.label}”写了选项 options，但填写方式不是 choice", loc + ("options",)))
    return problems


# --------------------------------------------------------------------------
# Calculators
# --------------------------------------------------------------------------

@dataclass
class Compiled:
    """A checked calculator: each step's tree, and the worked example's values."""

    trees: dict[str, list]
    example: dict[str, float]
    advice: list[list] = field(default_factory=list)      # each advice's condition tree
    example_advice: list[int] = field(default_factory=list)  # which advice the worked example shows


def parse_formula(source: str, usable: list[str]) -> tuple[list | None, list[str], str | None]:
    """A step's formula or an advice's condition: its tree, the names in it
    that are not ``usable`` yet, and the syntax error (or None)."""
    try:
        tree = expr.parse(source)
    except expr.FormulaError as error:
        return None, [], str(error)
    return tree, [n for n in dict.fromkeys(expr.names(tree)) if n not in usable], None


def compile_calculator(calc: models.Calculator) -> tuple[Compiled | None, list[tuple[str, tuple]]]:
    """Parse and check every formula, then compute the worked example."""
    problems: list[tuple[str, tuple]] = []
    known: list[str] = []
    for kind, items in (("inputs", calc.inputs), ("steps", calc.steps)):
        for i, item in enumerate(items):
            if item.name in known:
                problems.append((f"名称 {item.name} 重复(输入项和计算步骤的名称都不能相同)", (kind, i, "name")))
            elif item.name in expr.FUNCTIONS:
                problems.append((f"名称 {item.name} 与函数同名，请换一个", (kind, i, "name")))
            known.append(item.name)
    for i, item in enumerate(calc.inputs):
        if item.min >= item.max:
            problems.append((f"输入项“{item.label}”的最小值 {item.min:g} 应小于最大值 {item.max:g}", ("inputs", i, "max")))
    trees: dict[str, list] = {}
    usable = [i.name for i in calc.inputs]
    for j, step in enumerate(calc.steps):
        loc = ("steps", j, "formula")
        what = f"步骤 {step.name} 的公式 “{step.formula}”"
        tree, unknown, error = parse_formula(step.formula, usable)
        if error:
            problems.append((f"{what} 有误：{error}", loc))
            usable.append(step.name)
            continue
        for name in unknown:
            later = "(它是后面的步骤，只能用前面算出的结果)" if name in known else ""
            problems.append((f"{what} 中的 “{name}” 不是输入项或前面的步骤{later}"
                             f"(可用：{'、'.join(usable)})", loc))
        if not unknown:
            trees[step.name] = tree
        usable.append(step.name)
    if problems:
        return None, problems
    example = calc.example
    names = [i.name for i in calc.inputs]
    for name in example.inputs:
        if name not in names:
            problems.append((f"算例中的 {name} 不是输入项(输入项：{'、'.join(names)})", ("example", "inputs", name)))
    for i, item in enumerate(calc.inputs):
        if item.name not in example.inputs:
            problems.append((f"算例缺少输入项 {item.name}(“{item.label}”)的取值", ("example", "inputs")))
        elif not item.min <= example.inputs[item.name] <= item.max:
            problems.append((f"算例中“{item.label}”= {example.inputs[item.name]:g}，超出范围 {item.min:g}～{item.max:g}",
                             ("example", "inputs", item.name)))
    if problems:
        return None, problems
    values = dict(example.inputs)
    for j, step in enumerate(calc.steps):
        try:
            values[step.name] = expr.evaluate(trees[step.name], values)
        except expr.FormulaError:
            working = expr.show(trees[step.name], values)
            problems.append((f"按算例的输入计算步骤 {step.name}(“{step.label}”)时除数为 0：{working}",
                             ("steps", j, "formula")))
            return None, problems
        got = expr.half_up(values[step.name], step.digits)
        if step.name not in example.results:
            problems.append((f"算例缺少步骤 {step.name}(“{step.label}”)的结果(按公式应为 {expr.number(got, step.digits)})",
                             ("example", "results")))
        elif abs(example.results[step.name] - got) > 0.5 * 10 ** -step.digits:
            problems.append((f"算例中“{step.label}”写的是 {example.results[step.name]:g}，"
                             f"按公式算出的是 {expr.number(got, step.digits)}", ("example", "results", step.name)))
    for name in example.results:
        if name not in trees:
            problems.append((f"算例结果中的 {name} 不是计算步骤", ("example", "results", name)))
    if problems:
        return None, problems
    conditions, shown = [], []
    for j, advice in enumerate(calc.advice):
        loc = ("advice", j, "when")
        what = f"第 {j + 1} 条提示的条件 “{advice.when}”"
        tree, unknown, error = parse_formula(advice.when, usable)
        if error:
            problems.append((f"{what} 有误：{error}", loc))
            continue
        if unknown:
            problems += [(f"{what} 中的 “{n}” 不是输入项或计算步骤(可用：{'、'.join(usable)})", loc) for n in unknown]
            continue
        if tree[0] != "cmp":
            problems.append((f"{what} 应是一个比较，例如 p3 > 30", loc))
            continue
        try:
            if expr.evaluate(tree, values):
                shown.append(j)
        except expr.FormulaError:
            problems.append((f"按算例的输入判断第 {j + 1} 条提示的条件时除数为 0：{expr.show(tree, values)}", loc))
            continue
        conditions.append(tree)
    if problems:
        return None, problems
    return Compiled(trees, values, conditions, shown), []


# --------------------------------------------------------------------------
# One-pagers, and a whole file
# --------------------------------------------------------------------------

def check_onepager(page: models.OnePager, index: Index) -> list[tuple[str, tuple]]:
    return [(f"结束本阶段的 {ident} 不是任何测验、评估表或检查清单的编号", ("closes", i))
            for i, ident in enumerate(page.closes) if ident not in index.closers]


def check_data(data, index: Index) -> list[tuple[str, tuple]]:
    """Every field-kit problem of one data file, with locations from the file's root."""
    problems: list[tuple[str, tuple]] = []
    for i, card in enumerate(data.cards):
        problems += [(f"口袋卡 {card.id}: {m}", ("cards", i) + loc) for m, loc in check_card(card, index)]
    for i, template in enumerate(data.templates):
        problems += [(f"工作表格 {template.id}: {m}", ("templates", i) + loc) for m, loc in check_template(template)]
    for i, calc in enumerate(data.calculators):
        problems += [(f"计算器 {calc.id}: {m}", ("calculators", i) + loc) for m, loc in compile_calculator(calc)[1]]
    for i, page in enumerate(data.onepagers):
        problems += [(f"阶段一页纸 {page.id}: {m}", ("onepagers", i) + loc) for m, loc in check_onepager(page, index)]
    return problems
