"""The field kit as HTML: pure functions, model → str.

Everything reads and prints without JavaScript (a card is text, a template a
blank form, a calculator shows its formulas and its worked example);
``runtime/fieldkit.js`` adds saving, rows, live results and the print
buttons. Classes and data- attributes follow the DOM contract in
docs/trainers/architecture.md:

    [data-card=<id>]        > .hb-card__side (front, back)
    [data-template=<id>]    > [data-table=<n>] > tbody > tr ; [data-field], [data-note]
    [data-calculator=<id>][data-program=<JSON>] > input[data-input=<name>]
    [data-onepager=<id>]
"""

from __future__ import annotations

import json
from typing import Callable

from ..assessments.html import esc, inline_html, markdown_html
from . import expr, models
from .rules import Index, compile_calculator, side_rows


def _json(value) -> str:
    return esc(json.dumps(value, ensure_ascii=False, separators=(",", ":")))


# --------------------------------------------------------------------------
# Lists and cards
# --------------------------------------------------------------------------

def render_items(listing: models.Listing) -> str:
    """A list inside running text: 名片、价格表、…"""
    parts = [f"{esc(row.term)}：{inline_html(row.text)}" if row.term else inline_html(row.text) for row in listing.items]
    return f'<span class="hb-items" data-list="{esc(listing.id)}">{"、".join(parts)}</span>'


def _rows(rows: list[models.Row]) -> str:
    if all(row.term for row in rows):
        body = "".join(f'<div class="hb-card__row"><dt>{esc(row.term)}</dt><dd>{inline_html(row.text)}</dd></div>'
                       for row in rows)
        return f'<dl class="hb-card__rows">{body}</dl>'
    body = "".join(f"<li><strong>{esc(row.term)}</strong>：{inline_html(row.text)}</li>" if row.term
                   else f"<li>{inline_html(row.text)}</li>" for row in rows)
    return f'<ul class="hb-card__rows">{body}</ul>'


def render_card(card: models.Card, index: Index, link_url: Callable[[str], str] | None = None,
                heading: str = "h3") -> str:
    """A pocket card: front and back, each one A6 page in print."""
    sides = []
    for name, side in (("front", card.front), ("back", card.back)):
        title = (f'<{heading} class="hb-card__title" id="{esc(card.id)}-title">{esc(card.title)}</{heading}>'
                 if name == "front" else f'<p class="hb-card__title" aria-hidden="true">{esc(card.title)}（背面）</p>')
        note = f'<p class="hb-card__note">{inline_html(side.note)}</p>' if side.note else ""
        sides.append(
            f'<div class="hb-card__side hb-card__side--{name}">{title}'
            f'<p class="hb-card__heading">{esc(side.heading)}</p>{_rows(side_rows(side, index))}{note}</div>')
    more = (f'<p class="hb-card__more"><a href="{esc(link_url(card.link))}">讲解这张卡的章节</a></p>'
            if card.link and link_url else "")
    return (f'<section class="hb-card" data-card="{esc(card.id)}" aria-labelledby="{esc(card.id)}-title">'
            f'{"".join(sides)}{more}<div class="hb-tools"></div></section>')


# --------------------------------------------------------------------------
# Work templates
# --------------------------------------------------------------------------

def _input(item: models.TemplateField, name: str, label: str) -> str:
    aria = f'name="{name}" aria-label="{esc(label)}"'
    if item.kind == "long":
        return f'<textarea {aria} rows="2"></textarea>'
    if item.kind == "choice":
        options = "".join(f"<option>{esc(o)}</option>" for o in item.options)
        return f'<select {aria}><option value=""></option>{options}</select>'
    if item.kind == "number":
        return f'<input type="number" inputmode="decimal" step="any" {aria}>'
    if item.kind == "date":
        return f'<input type="date" required {aria}>'   # :invalid when empty: no mm/dd/yyyy on paper
    return f'<input type="text" {aria}>'


def _unit(item: models.TemplateField) -> str:
    return f"（{esc(item.unit)}）" if item.unit else ""


def template_row(table: models.TemplateTable, ti: int, ri: int, extra: bool = False) -> str:
    """One row of a template's table (the browser clones the last row to add one)."""
    cells = []
    for ci, column in enumerate(table.columns):
        if ci == 0 and table.first:
            cells.append(f'<th scope="row">{esc(table.first[ri])}</th>')
            continue
        label = f"第 {ri + 1} 行 {column.label}"
        cells.append(f"<td>{_input(column, f't{ti}-r{ri}-c{ci}', label)}</td>")
    return f'<tr data-row="{ri}"{" data-extra" if extra else ""}>{"".join(cells)}</tr>'


def render_template(template: models.Template, link_url: Callable[[str], str] | None = None) -> str:
    fields = "".join(
        f'<label class="hb-template__field" data-field="{i}"><span>{esc(f.label)}{_unit(f)}</span>'
        f'{_input(f, f"f{i}", f.label)}</label>'
        for i, f in enumerate(template.fields))
    tables = []
    for ti, table in enumerate(template.tables):
        head = "".join(f'<th scope="col">{esc(c.label)}{_unit(c)}</th>' for c in table.columns)
        count = len(table.first) or table.rows
        rows = "".join(template_row(table, ti, ri) for ri in range(count))
        caption = f"<caption>{esc(table.title)}</caption>" if table.title else ""
        fixed = " data-fixed" if table.first else ""
        tables.append(f'<div class="hb-template__table" data-table="{ti}" data-max="{table.max_rows}"{fixed}>'
                      f'<table>{caption}<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>')
    notes = "".join(f'<label class="hb-template__note" data-note="{i}"><span>{esc(n)}</span>'
                    f'<textarea name="n{i}" rows="3"></textarea></label>' for i, n in enumerate(template.notes))
    signatures = "".join(f'<div class="hb-template__sign"><span>{esc(s)}签字：</span><span class="hb-template__line"></span>'
                         f'<span>日期：</span><span class="hb-template__line hb-template__line--short"></span></div>'
                         for s in template.signatures)
    description = f'<p class="hb-template__description">{inline_html(template.description)}</p>' if template.description else ""
    more = (f'<p class="hb-template__more"><a href="{esc(link_url(template.link))}">这张表的用法</a></p>'
            if template.link and link_url else "")
    return (
        f'<section class="hb-template" data-template="{esc(template.id)}" '
        f'data-paper="{"landscape" if template.landscape else "portrait"}" aria-labelledby="{esc(template.id)}-title">'
        f'<h3 class="hb-template__title" id="{esc(template.id)}-title">{esc(template.title)}</h3>{description}'
        f'<div class="hb-template__fields">{fields}</div>{"".join(tables)}{notes}'
        + (f'<div class="hb-template__signatures">{signatures}</div>' if signatures else "")
        + f'{more}<p class="hb-template__status hb-muted" role="status" aria-live="polite"></p>'
        f'<div class="hb-tools"></div></section>'
    )


# --------------------------------------------------------------------------
# Calculators
# --------------------------------------------------------------------------

def step_line(step: models.CalcStep, tree: list, values: dict[str, float]) -> str:
    """``期间销量 = 10 + 20 − 8 = 22 台``: the working of one step (fieldkit.js writes the same)."""
    value = expr.number(values[step.name], step.digits)
    unit = f" {step.unit}" if step.unit else ""
    if tree[0] in ("num", "var"):
        return f"{step.label} = {value}{unit}"
    return f"{step.label} = {expr.show(tree, values)} = {value}{unit}"


def advice_list(texts: list[str]) -> str:
    """The advice a result triggers (fieldkit.js writes the same list)."""
    items = "".join(f"<li>{esc(t)}</li>" for t in texts)
    return f'<ul class="hb-calc__advice" aria-label="提示">{items}</ul>' if items else ""


def program(calc: models.Calculator, trees: dict[str, list], advice: list[list] | None = None) -> dict:
    """What the browser's interpreter runs: inputs, steps and their trees, the advice's conditions."""
    return {
        "advice": [{"tree": tree, "text": a.text} for a, tree in zip(calc.advice, advice or [])],
        "ok": calc.advice_ok or "",
        "inputs": [{"name": i.name, "label": i.label, "unit": i.unit, "min": i.min, "max": i.max} for i in calc.inputs],
        "steps": [{"name": s.name, "label": s.label, "unit": s.unit, "digits": s.digits, "tree": trees[s.name]}
                  for s in calc.steps],
        "example": calc.example.inputs,
    }


def render_calculator(calc: models.Calculator, link_url: Callable[[str], str] | None = None) -> str:
    compiled, problems = compile_calculator(calc)
    if compiled is None:        # the bank's rules stop the build before this
        raise ValueError(problems)
    labels = {i.name: i.label for i in calc.inputs} | {s.name: s.label for s in calc.steps}
    inputs = "".join(
        f'<label class="hb-calc__input"><span>{esc(i.label)}{f"（{esc(i.unit)}）" if i.unit else ""}</span>'
        f'<input type="number" inputmode="decimal" data-input="{esc(i.name)}" min="{i.min:g}" max="{i.max:g}" '
        f'step="{f"{i.step:g}" if i.step else "any"}">'
        f'<small class="hb-calc__range">{i.min:g}～{i.max:g}</small></label>'
        for i in calc.inputs)
    formulas = "".join(
        f"<li>{esc(s.label)} = {esc(expr.show(compiled.trees[s.name], labels=labels))}</li>" for s in calc.steps)
    formulas += "".join(
        f"<li>当 {esc(expr.show(tree, labels=labels))} 时提示：{esc(a.text)}</li>"
        for a, tree in zip(calc.advice, compiled.advice))
    example = calc.example
    given = "，".join(f"{esc(i.label)} {expr.number(example.inputs[i.name], 4)}{' ' + esc(i.unit) if i.unit else ''}"
                     for i in calc.inputs)
    worked = "".join(f'<li class="hb-calc__step" data-step="{esc(s.name)}">{esc(step_line(s, compiled.trees[s.name], compiled.example))}</li>'
                     for s in calc.steps)
    story = markdown_html(example.text) if example.text else ""
    shown = [calc.advice[j].text for j in compiled.example_advice] or ([calc.advice_ok] if calc.advice_ok else [])
    worked += "</ol>" + advice_list(shown) if calc.advice else "</ol>"
    description = f'<div class="hb-calc__description">{markdown_html(calc.description)}</div>' if calc.description else ""
    more = (f'<p><a href="{esc(link_url(calc.link))}">这个算法的讲解</a></p>' if calc.link and link_url else "")
    return (
        f'<section class="hb-calc" data-calculator="{esc(calc.id)}" data-program="{_json(program(calc, compiled.trees, compiled.advice))}" '
        f'aria-labelledby="{esc(calc.id)}-title">'
        f'<h3 class="hb-calc__title" id="{esc(calc.id)}-title">{esc(calc.title)}</h3>{description}'
        f'<div class="hb-calc__inputs">{inputs}</div>'
        f'<div class="hb-calc__result" role="status" aria-live="polite">'
        f'<p class="hb-calc__nojs">打开浏览器的 JavaScript 后，输入数值即可算出结果；也可以按下面的公式手算。</p></div>'
        f'<div class="hb-calc__worked"><p class="hb-calc__worked-title"><strong>算例</strong>：{given}</p>{story}'
        f'<ol class="hb-calc__steps">{worked}</div>'
        f'<details class="hb-calc__formulas"><summary>公式</summary><ul>{formulas}</ul></details>{more}</section>'
    )


# --------------------------------------------------------------------------
# Stage one-pagers
# --------------------------------------------------------------------------

def render_onepager(page: models.OnePager, closers: dict[str, tuple[str, str, str]]) -> str:
    """``closers``: id → (kind, title, URL relative to the page shown)."""
    def items(values: list[str], tag: str = "ul") -> str:
        return f"<{tag}>" + "".join(f"<li>{inline_html(v)}</li>" for v in values) + f"</{tag}>"

    closes = "".join(f'<li><a href="{esc(closers[i][2])}">{esc(closers[i][1])}</a>（{esc(closers[i][0])}）</li>'
                     for i in page.closes)
    nxt = f'<p class="hb-onepager__next"><strong>通过以后</strong>：{inline_html(page.next)}</p>' if page.next else ""
    return (
        f'<section class="hb-onepager" data-onepager="{esc(page.id)}" aria-labelledby="{esc(page.id)}-title">'
        f'<h3 class="hb-onepager__title" id="{esc(page.id)}-title">{esc(page.title)}</h3>'
        f'<p class="hb-onepager__goal"><strong>这一阶段的目的</strong>：{inline_html(page.goal)}</p>'
        f'<div class="hb-onepager__grid">'
        f'<div class="hb-onepager__block"><p class="hb-onepager__heading">第一周做什么</p>{items(page.week1, "ol")}</div>'
        f'<div class="hb-onepager__block"><p class="hb-onepager__heading">按什么评定</p>{items(page.judged)}</div>'
        f'<div class="hb-onepager__block"><p class="hb-onepager__heading">用什么结束本阶段</p><ul>{closes}</ul></div>'
        f"</div>{nxt}<div class=\"hb-tools\"></div></section>"
    )
