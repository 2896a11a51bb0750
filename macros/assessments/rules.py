"""Rules of checklists, forms and decision tools beyond what the schema says.

Each returns [(message, location inside the item)]; ``bank/rules.py`` turns
them into file:line errors.
"""

from __future__ import annotations

from . import models

MAX_COMBINATIONS = 1000          # a lookup tool's rows: every combination needs its own conclusion


def check_form(form: models.Form) -> list[tuple[str, tuple]]:
    """Every level a criterion describes is on the form's scale."""
    values = {level.value for level in form.scale}
    problems = []
    weights = [(gi, ci, c.weight) for gi, g in enumerate(form.groups) for ci, c in enumerate(g.criteria) if c.weight]
    if weights and sum(w for _, _, w in weights) != 100:
        problems.append((f"各评定项目的权重合计应为 100(现为 {sum(w for _, _, w in weights)})", ("groups",)))
    for gi, ci, _ in weights:
        if not form.groups[gi].scored:
            problems.append((f"评定项目 {form.groups[gi].criteria[ci].id} 在不计分的维度里，不能有权重",
                             ("groups", gi, "criteria", ci, "weight")))
    if form.grades:
        mins = [g.min for g in form.grades]
        if mins != sorted(mins, reverse=True) or len(set(mins)) != len(mins) or mins[-1] != 0:
            problems.append(("总分等级 grades 应从高到低排列，分数各不相同，最后一级从 0 分起", ("grades",)))
        if not weights:
            problems.append(("有总分等级 grades 时，评定项目要写权重 weight(按百分制算总分)", ("grades",)))
    for gi, group in enumerate(form.groups):
        for ci, criterion in enumerate(group.criteria):
            unknown = sorted(set(criterion.levels) - values)
            if unknown:
                problems.append((f"评定项目 {criterion.id} 的等级 {'、'.join(map(str, unknown))} 不在评分等级 scale 中",
                                 ("groups", gi, "criteria", ci, "levels")))
    return problems


def classify_by_share(rows: list[tuple[str, float]], classes: list) -> list[dict]:
    """ABC analysis: sorted by value (largest first), each row's share and
    cumulative share (%), and its class: the first class whose ``up_to`` is
    above the cumulative share *before* this row (so the row that crosses a
    boundary still belongs to the higher class). The browser does the same."""
    total = sum(value for _, value in rows)
    out, before = [], 0.0
    for name, value in sorted(rows, key=lambda r: -r[1]):
        share = value * 100 / total if total else 0.0
        grade = next((c for c in classes if before < c.up_to), classes[-1])
        out.append({"name": name, "value": value, "share": share, "cumulative": before + share, "class": grade.title})
        before += share
    return out


def check_tool(tool) -> list[tuple[str, tuple]]:
    """Lookup tools answer every combination exactly once; range bands tile the scale."""
    problems: list[tuple[str, tuple]] = []
    if isinstance(tool, models.CumulativeTool):
        edges = [c.up_to for c in tool.classes]
        for ci in range(1, len(edges)):
            if edges[ci] <= edges[ci - 1]:
                problems.append((f"第 {ci + 1} 个级别的累计占比 {edges[ci]:g}% 应大于上一级的 {edges[ci - 1]:g}%",
                                 ("classes", ci, "up_to")))
        if edges[-1] != 100:
            problems.append((f"最后一个级别应累计到 100%(现为 {edges[-1]:g}%)", ("classes", len(edges) - 1, "up_to")))
        if tool.example and not sum(r.value for r in tool.example):
            problems.append(("示例数据的数值合计为 0，无法计算占比", ("example",)))
        return problems
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
        total = 1
        for values in allowed:
            total *= len(values)
        if total > MAX_COMBINATIONS:
            problems.append((f"判断项的组合太多({total} 种，最多 {MAX_COMBINATIONS} 种)：请减少判断项或每项的选项", ("dimensions",)))
            return problems
        combos = [()]
        for values in allowed:
            combos = [c + (v,) for c in combos for v in values]
        missing = ["+".join(c) for c in combos if c not in seen]
        if missing:
            shown = "、".join(missing[:10]) + (f" 等 {len(missing)} 种" if len(missing) > 10 else "")
            problems.append((f"缺少这些组合的结论：{shown}", ("outcomes",)))
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
