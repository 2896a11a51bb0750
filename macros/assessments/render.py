"""Rendering assessments to HTML: pure functions, model → str.

The HTML reads well with JavaScript off (questions and options visible,
answers not shown) and follows the DOM contract the runtime, the tests and
the print styles rely on:

    [data-quiz=<quiz id>]  > [data-question=<question id>][data-type][data-hash]
    [data-checklist=<id>]  > [data-item=<item id>]
    [data-form=<id>]       > [data-criterion=<id>]

Everything that would reveal an answer (which option is right, feedback,
explanations, the later scenes of a role-play) is not in the markup: it is
in one encoded key per quiz (see ``answer_key``), which the runtime decodes
after the learner answers. The quiz is excluded from the search index.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Callable

from . import models
from . import types as question_types
from .html import esc, inline_html, markdown_html, token
from .keys import content_hash, encode_key


@dataclass(frozen=True)
class RenderContext:
    """What rendering needs to know about the site, passed in (no globals)."""

    pass_mark: int
    link_url: Callable[[str], str]          # question link (relative .md) → URL


# --------------------------------------------------------------------------
# Questions (the answer area of each type is drawn by its module in types/)
# --------------------------------------------------------------------------

def render_question(q, number: int, ctx: RenderContext, scope: str) -> tuple[str, dict]:
    """One question as a fieldset, and its entry in the quiz's answer key.

    Form field names and ids are prefixed with ``scope`` (the quiz id): the
    same question may appear in a module quiz and a stage test on one page.
    """
    dom = f"{scope}--{q.id}"
    kind = question_types.get(q.type)
    body, key = kind.render(q, dom)
    key.update({"type": q.type, "explanation": markdown_html(q.explanation), "link": ctx.link_url(q.link)})
    prompt_id = f"{dom}-prompt"
    html_ = (
        f'<li class="hb-question" data-question="{esc(q.id)}" data-type="{q.type}" data-hash="{content_hash(q)}">'
        f'<fieldset aria-describedby="{prompt_id}">'
        f'<legend class="hb-question__label">第 {number} 题 · {kind.label}{kind.hint}</legend>'
        f'<div class="hb-question__prompt" id="{prompt_id}">{markdown_html(q.prompt)}</div>'
        f"{body}"
        f'<div class="hb-question__actions"></div>'
        f'<div class="hb-feedback" role="status" aria-live="polite"></div>'
        f"</fieldset></li>"
    )
    return html_, key


def render_quiz(quiz: models.Quiz, ctx: RenderContext) -> str:
    pass_mark = quiz.pass_mark or ctx.pass_mark
    parts, key = [], {}
    for number, question in enumerate(quiz.questions, start=1):
        html_, key[question.id] = render_question(question, number, ctx, quiz.id)
        parts.append(html_)
    mode = "练习模式：每题答完立即看到反馈" if quiz.mode == "practice" else "考试模式：全部答完后交卷评分"
    return (
        f'<section class="hb-quiz" data-quiz="{esc(quiz.id)}" data-mode="{quiz.mode}" '
        f'data-pass="{pass_mark}" data-shuffle="{str(quiz.shuffle).lower()}" '
        f'aria-labelledby="{esc(quiz.id)}-title" data-key="{esc(encode_key(key, quiz.id))}" data-search-exclude>'
        f'<h3 class="hb-quiz__title" id="{esc(quiz.id)}-title">{esc(quiz.title)}</h3>'
        f'<p class="hb-quiz__meta">共 {len(quiz.questions)} 题 · {mode} · 及格线 {pass_mark}%</p>'
        + (f'<div class="hb-quiz__description">{markdown_html(quiz.description)}</div>' if quiz.description else "")
        + f'<p class="hb-quiz__nojs">打开浏览器的 JavaScript 后才能提交答案、查看解析和保存进度。</p>'
        f'<ol class="hb-quiz__questions">{"".join(parts)}</ol>'
        f'<div class="hb-quiz__footer"><div class="hb-quiz__buttons"></div>'
        f'<div class="hb-quiz__score" role="status" aria-live="polite"></div></div>'
        f"</section>"
    )


# --------------------------------------------------------------------------
# Checklists and forms
# --------------------------------------------------------------------------

def render_checklist(checklist: models.Checklist) -> str:
    groups = []
    for group in checklist.groups:
        items = "".join(
            f'<li class="hb-check" data-item="{esc(item.id)}"><label>'
            f'<input type="checkbox" name="{esc(item.id)}"><span>{inline_html(item.text)}</span></label>'
            + (f'<p class="hb-check__note">{inline_html(item.note)}</p>' if item.note else "")
            + "</li>"
            for item in group.items
        )
        groups.append(f'<fieldset class="hb-checklist__group"><legend>{esc(group.title)}</legend><ul>{items}</ul></fieldset>')
    total = sum(len(g.items) for g in checklist.groups)
    description = f"<p>{inline_html(checklist.description)}</p>" if checklist.description else ""
    return (
        f'<section class="hb-checklist" data-checklist="{esc(checklist.id)}" aria-labelledby="{esc(checklist.id)}-title">'
        f'<h3 class="hb-checklist__title" id="{esc(checklist.id)}-title">{esc(checklist.title)}</h3>{description}'
        f'<p class="hb-checklist__progress" role="status" aria-live="polite">共 {total} 项</p>'
        f'{"".join(groups)}<div class="hb-tools"></div></section>'
    )


def _rating_select(form: models.Form, criterion: models.Criterion, rater: str) -> str:
    options = "".join(f'<option value="{lv.value}">{lv.value} {esc(lv.label)}</option>' for lv in form.scale)
    field = f"{criterion.id}-{token(rater)}"
    weight = f' data-weight="{criterion.weight}"' if criterion.weight else ""
    return (f'<td><select id="{field}" name="{field}" data-rater="{esc(rater)}"{weight} '
            f'aria-label="{esc(criterion.title)}：{esc(rater)}评分"><option value="">—</option>{options}</select></td>')


def render_form(form: models.Form) -> str:
    labels = {lv.value: lv.label for lv in form.scale}
    fields = "".join(
        f'<label class="hb-form__field"><span>{esc(name)}</span>'
        + (f'<input type="date" name="field-{i}" required></label>' if "日期" in name  # :invalid when empty, for print
           else f'<input type="text" name="field-{i}"></label>')
        for i, name in enumerate(form.fields)
    )
    scale = "、".join(f"{lv.value} = {esc(lv.label)}" for lv in form.scale)
    raters = "".join(f'<th scope="col" class="hb-rubric__rating">{esc(r)}</th>' for r in form.raters)
    tables = []
    for group in form.groups:
        rows = []
        for c in group.criteria:
            levels = "".join(
                f"<li><strong>{value} {esc(labels.get(value, ''))}</strong>：{inline_html(text)}</li>"
                for value, text in sorted(c.levels.items(), reverse=True)
            )
            desc = f'<p class="hb-rubric__desc">{inline_html(c.description)}</p>' if c.description else ""
            if group.scored:
                selects = "".join(_rating_select(form, c, r) for r in form.raters)
            else:
                selects = "".join(
                    f'<td><input type="text" name="{c.id}-{token(r)}" aria-label="{esc(c.title)}：{esc(r)}评语"></td>'
                    for r in form.raters)
            rows.append(
                f'<tr data-criterion="{esc(c.id)}"><th scope="row">{esc(c.title)}'
                + (f'<span class="hb-rubric__weight">权重 {c.weight}%</span>' if c.weight else "") + f'{desc}</th>'
                f'<td><ul class="hb-rubric__levels">{levels}</ul></td>{selects}</tr>'
            )
        caption = esc(group.title) + ("" if group.scored else "(写评语，不计分)")
        tables.append(
            f'<table class="hb-rubric"><caption>{caption}</caption>'
            f'<thead><tr><th scope="col">评定项目</th><th scope="col">各等级表现</th>{raters}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>'
        )
    weighted = any(c.weight for g in form.groups for c in g.criteria)
    label = "按权重的百分制总分" if weighted else "合计"
    grades = esc(json.dumps([[g.min, g.label] for g in form.grades], ensure_ascii=False)) if form.grades else ""
    totals = "".join(f'<span class="hb-form__total" data-rater="{esc(r)}"'
                     + (' data-weighted' if weighted else "") + (f' data-grades="{grades}"' if grades else "")
                     + f'>{esc(r)}{label}：<output>—</output></span>' for r in form.raters)
    if form.grades:
        totals += ('<span class="hb-form__grading">'
                   + "，".join(f"{g.min} 分以上{esc(g.label)}" if g.min else f"{esc(g.label)}"
                              for g in form.grades) + "</span>")
    decision = ""
    if form.decision:
        opts = "".join(f'<label class="hb-option"><input type="radio" name="{esc(form.id)}-decision" value="{i}">'
                       f"<span>{esc(d)}</span></label>" for i, d in enumerate(form.decision))
        decision = f'<fieldset class="hb-form__decision"><legend>评定结论</legend>{opts}</fieldset>'
    signatures = "".join(f'<div class="hb-form__sign"><span>{esc(s)}签字：</span><span class="hb-form__line"></span>'
                         f'<span>日期：</span><span class="hb-form__line hb-form__line--short"></span></div>'
                         for s in form.signatures)
    description = f"<p>{inline_html(form.description)}</p>" if form.description else ""
    return (
        f'<section class="hb-form" data-form="{esc(form.id)}" aria-labelledby="{esc(form.id)}-title">'
        f'<h3 class="hb-form__title" id="{esc(form.id)}-title">{esc(form.title)}</h3>{description}'
        f'<div class="hb-form__fields">{fields}</div>'
        f'<p class="hb-form__scale">评分等级：{scale}</p>'
        f'{"".join(tables)}<p class="hb-form__totals">{totals}</p>{decision}'
        f'<label class="hb-form__notes"><span>评语与改进建议</span><textarea name="notes" rows="3"></textarea></label>'
        f'<div class="hb-form__signatures">{signatures}</div><div class="hb-tools"></div></section>'
    )


# --------------------------------------------------------------------------
# Decision tools
# --------------------------------------------------------------------------

def render_tool(tool, link_url: Callable[[str], str]) -> str:
    """A decision tool: inputs, a live result, and the whole rule table for
    readers without JavaScript (and for checking the tool against the page)."""
    if isinstance(tool, models.LookupTool):
        inputs = "".join(
            f'<label class="hb-tool__input"><span>{esc(d.label)}</span><select data-dim="{esc(d.id)}">'
            f'<option value="">请选择</option>'
            + "".join(f'<option value="{esc(o.value)}">{esc(o.label)}</option>' for o in d.options)
            + "</select></label>"
            for d in tool.dimensions
        )
        data = {"|".join(o.when): {"title": o.title, "text": inline_html(o.text)} for o in tool.outcomes}
        head = "".join(f"<th scope=\"col\">{esc(d.label)}</th>" for d in tool.dimensions)
        rows = "".join(
            "<tr>" + "".join(f"<td>{esc(v)}</td>" for v in o.when)
            + f"<td><strong>{esc(o.title)}</strong>：{inline_html(o.text)}</td></tr>"
            for o in tool.outcomes
        )
    elif isinstance(tool, models.CumulativeTool):
        unit = f"（{esc(tool.unit)}）" if tool.unit else ""
        row = (f'<tr class="hb-share__row"><td><input type="text" data-name aria-label="{esc(tool.item)}名称"></td>'
               f'<td><input type="number" inputmode="decimal" min="0" step="any" data-value '
               f'aria-label="{esc(tool.measure)}{unit}"></td></tr>')
        inputs = (
            f'<table class="hb-share__input"><caption>{esc(tool.item)}和{esc(tool.measure)}</caption>'
            f'<thead><tr><th scope="col">{esc(tool.item)}</th><th scope="col">{esc(tool.measure)}{unit}</th></tr></thead>'
            f'<tbody>{row * tool.rows}</tbody></table>'
            f'<template data-row>{row}</template>'
        )
        data = {"classes": [{"title": c.title, "upTo": c.up_to, "text": inline_html(c.text)} for c in tool.classes],
                "example": [[r.name, r.value] for r in tool.example], "unit": tool.unit,
                "item": tool.item, "measure": tool.measure}
        head = f'<th scope="col">级别</th><th scope="col">累计占比</th>'
        lower = 0.0
        rows = ""
        for c in tool.classes:
            rows += (f"<tr><td>{esc(c.title)}</td><td>从 {lower:g}% 累计到 {c.up_to:g}%(含跨过 {c.up_to:g}% 的那一家)</td>"
                     f"<td>{inline_html(c.text)}</td></tr>")
            lower = c.up_to
    else:
        inputs = (
            f'<label class="hb-tool__input"><span>{esc(tool.label)}{f"（{esc(tool.unit)}）" if tool.unit else ""}</span>'
            f'<input type="number" inputmode="decimal" min="{tool.min:g}" max="{tool.max:g}" step="any" data-range></label>'
        )
        data = {"bands": [{"min": b.min, "max": b.max, "title": b.title, "text": inline_html(b.text)} for b in tool.bands],
                "min": tool.min, "max": tool.max}
        head = f'<th scope="col">{esc(tool.label)}</th>'
        rows = "".join(
            f"<tr><td>{b.min:g}{esc(tool.unit)} ≤ x {'≤' if i == len(tool.bands) - 1 else '<'} {b.max:g}{esc(tool.unit)}</td>"
            f"<td><strong>{esc(b.title)}</strong>：{inline_html(b.text)}</td></tr>"
            for i, b in enumerate(tool.bands)
        )
    description = f'<div class="hb-tool__description">{markdown_html(tool.description)}</div>' if tool.description else ""
    more = f'<p><a href="{esc(link_url(tool.link))}">这条规则的讲解</a></p>' if tool.link else ""
    payload = esc(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    return (
        f'<section class="hb-tool" data-tool="{esc(tool.id)}" data-kind="{tool.type}" data-rules="{payload}" '
        f'aria-labelledby="{esc(tool.id)}-title">'
        f'<h3 class="hb-tool__title" id="{esc(tool.id)}-title">{esc(tool.title)}</h3>{description}'
        f'<div class="hb-tool__inputs">{inputs}</div>'
        f'<div class="hb-tool__result" role="status" aria-live="polite"></div>'
        f'<details class="hb-tool__all"><summary>查看全部规则</summary>'
        f'<table><thead><tr>{head}<th scope="col">结论与对策</th></tr></thead><tbody>{rows}</tbody></table></details>'
        f"{more}</section>"
    )
