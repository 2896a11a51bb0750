"""The hooks mkdocs-macros calls (through ``macros/__init__.py``): the one
place where the handbook meets MkDocs.

- ``define_env``: checks the settings, loads the question bank, registers
  the page macros (quiz, checklist, form, tool, learning_path, …);
- ``on_pre_page_macros``: validates a page's front matter;
- ``on_post_build``: checks every assessment found a page, then runs the
  post-build steps on the built folder (``postbuild.run``), which also run
  on their own: ``python -m macros postbuild SITE_DIR``.

Everything else is plain Python that knows nothing about MkDocs.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from ..assessments.render import RenderContext, render_checklist, render_form, render_quiz, render_tool
from ..bank import format_doc
from ..bank.data import Bank
from ..bank.loader import load_bank
from ..bank.yaml_lines import line_of
from ..content.files import read_text, symlinks
from ..content.frontmatter import check_front_matter, read_all
from ..content.history import last_changed, page_date
from ..content.learning_path import render_learning_path
from ..content.links import built_url, rebase_link
from ..fieldkit import render as fieldkit_render
from ..fieldkit.rules import index_of
from ..content.pages import validate_page_meta
from ..content.unsafe import line_at, unsafe
from ..errors import HandbookError, HandbookErrors, report
from ..postbuild import run as postbuild
from ..record import format as record_format
from ..settings import load_settings
from .macro_errors import MacroCallError, body_offset, front_matter_line, register as register_error_messages
from .page_guard import check_page
from .state import BuildState

LOG = logging.getLogger("mkdocs.handbook")
STATE = "_handbook_build"              # attribute of the plugin object (never a page variable)
RECORD_VIEWS = {"dashboard": "我的进度", "mistakes": "错题本", "review": "今日复习", "class": "班级成绩"}


def _fail(error: HandbookError | HandbookErrors) -> None:
    """Stop the build with the trainer-readable message only (no traceback).

    A PluginError is how MkDocs reports a build error without a traceback; under
    ``mkdocs serve`` the preview keeps running and rebuilds after the fix.
    """
    raise PluginError(report(error))


def _state(env) -> BuildState:
    return getattr(env, STATE)


def define_env(env) -> None:
    """Check settings, load the bank, register macros (once per build)."""
    register_error_messages()
    try:
        check_sources(Path(env.project_dir), Path(env.conf["docs_dir"]))
        settings = load_settings(env.conf.get("extra", {}), env.project_dir)
        bank = load_bank(Path(env.project_dir), Path(env.conf["docs_dir"]), settings.bank_rules)
    except (HandbookError, HandbookErrors) as error:
        _fail(error)
    state = BuildState(settings=settings, bank=bank, dates=last_changed(Path(env.project_dir)))
    setattr(env, STATE, state)
    macros = page_macros(env, state)
    state.macros = frozenset(macros)
    for name, macro in macros.items():
        env.macro(macro, name)


def check_sources(project: Path, docs_dir: Path) -> None:
    """Before MkDocs reads a page: no symbolic link under docs/, every page UTF-8."""
    errors = symlinks(project, (docs_dir.relative_to(project).as_posix(),)) if docs_dir.is_relative_to(project) else []
    for page in sorted(docs_dir.rglob("*.md")):
        if page.is_symlink():
            continue
        try:
            read_text(page, page.relative_to(project).as_posix())
        except HandbookError as error:
            errors.append(error)
    if errors:
        raise HandbookErrors(errors)


def page_macros(env, state: BuildState) -> dict:
    """The macros pages may call, each a small function of the build state."""
    docs_dir = Path(env.conf["docs_dir"])
    context = RenderContext(pass_mark=state.settings.pass_mark, link_url=built_url)

    def here() -> str:
        return env.page.file.src_uri

    def lookup(kind: str, ident: str, collection: str):
        """The quiz / checklist / form / tool ``ident`` of the current page's data file."""
        page = here()
        data = state.bank.for_page(page)
        items = {item.id: item for item in getattr(data.data, collection)} if data else {}
        if ident not in items:
            where = data.path if data else f"quizzes/{page.rsplit('.', 1)[0]}.yml(文件不存在)"
            known = "、".join(items) or "无"
            raise MacroCallError(f"{kind} {ident} 不在 {where} 中(该文件中有：{known})")
        previous = state.placed.setdefault((collection, ident), page)
        if previous != page or (collection, ident) in state.done:
            raise MacroCallError(f"{kind} {ident} 在页面中重复出现(每个{kind}只能放一次)")
        state.done.add((collection, ident))
        return items[ident]

    def quiz(ident: str) -> str:
        """A quiz of this page's data file: ``{{ quiz("objections") }}``."""
        original = lookup("测验", ident, "quizzes")
        return render_quiz(state.bank.resolved(original, here()), context)

    def checklist(ident: str) -> str:
        """A checklist of this page's data file: ``{{ checklist("v3-pre-visit") }}``."""
        return render_checklist(lookup("清单", ident, "checklists"))

    def form(ident: str) -> str:
        """A trainer's form of this page's data file: ``{{ form("p3-trial-eval") }}``."""
        return render_form(lookup("表格", ident, "forms"))

    def tool(ident: str) -> str:
        """A decision tool of this page's data file: ``{{ tool("man-classifier") }}``."""
        return render_tool(lookup("工具", ident, "tools"), built_url)

    def learning_path() -> str:
        """The seven stages and field-work sections, with modules and minutes,
        and each stage's one-pager."""
        onepagers = {pd.page: f"{pd.page}#{page.id}-title" for pd in state.bank.pages.values()
                     for page in pd.data.onepagers}
        return render_learning_path(env.conf["nav"], read_all(docs_dir), onepagers)

    # ---- the field kit (macros/fieldkit/)
    def kit_index():
        return index_of(pd.data for pd in state.bank.pages.values())

    def link_from_here(pd, anchor: str) -> str:
        """URL of ``#anchor`` on the page of data file ``pd``, from the current page."""
        return built_url(rebase_link(f"{Path(pd.page).name}#{anchor}", pd.page, here()))

    def items(ident: str) -> str:
        """A list defined once in data, inside running text: ``{{ items("visit-kit") }}``."""
        found = {listing.id: listing for pd in state.bank.pages.values() for listing in pd.data.lists}
        if ident not in found:
            raise MacroCallError(f"列表 {ident} 不在 quizzes/ 的任何数据文件中(已有：{'、'.join(found) or '无'})")
        state.done.add(("lists", ident))
        return fieldkit_render.render_items(found[ident])

    def card(ident: str) -> str:
        """A pocket card of this page's data file: ``{{ card("card-man") }}``."""
        return fieldkit_render.render_card(lookup("口袋卡", ident, "cards"), kit_index(), built_url)

    def pocket_cards() -> str:
        """Every pocket card, in the order of the data files (the 口袋卡 page)."""
        index = kit_index()
        parts = []
        for pd in state.bank.pages.values():
            for item in pd.data.cards:
                link = lambda rel, pd=pd: built_url(rebase_link(rel, pd.page, here()))  # noqa: E731
                parts.append(fieldkit_render.render_card(item, index, link))
        return '<div class="hb-cards">' + "".join(parts) + "</div>"

    def template(ident: str) -> str:
        """A work template of this page's data file: ``{{ template("visit-record") }}``."""
        return fieldkit_render.render_template(lookup("工作表格", ident, "templates"), built_url)

    def calculator(ident: str) -> str:
        """A calculator of this page's data file: ``{{ calculator("reorder") }}``."""
        return fieldkit_render.render_calculator(lookup("计算器", ident, "calculators"), built_url)

    closer_index: dict[str, tuple] = {}

    def one_pager(ident: str) -> str:
        """This stage's one-pager: ``{{ one_pager("op-interview") }}``."""
        if not closer_index:        # every quiz, form and checklist by id, once a build
            for pd in state.bank.pages.values():
                for kind, collection in (("测验", "quizzes"), ("评估表", "forms"), ("检查清单", "checklists")):
                    for item in getattr(pd.data, collection):
                        closer_index[item.id] = (kind, item.title, pd)
        page = lookup("阶段一页纸", ident, "onepagers")
        closers = {i: (kind, title, link_from_here(pd, f"{i}-title"))
                   for i in page.closes if i in closer_index for kind, title, pd in [closer_index[i]]}
        return fieldkit_render.render_onepager(page, closers)

    def field_kit() -> str:
        """The field kit's overview: every template, calculator and one-pager, linked."""
        groups = (("工作表格", "templates"), ("计算器", "calculators"), ("阶段一页纸", "onepagers"))
        out = []
        for title, collection in groups:
            rows = [f"- [{item.title}]({rebase_link(f'{Path(pd.page).name}#{item.id}-title', pd.page, here())})"
                    f"（{_page_title(pd.page)}）"
                    for pd in state.bank.pages.values() for item in getattr(pd.data, collection)]
            out.append(f"### {title} {{#kit-{collection}}}\n\n" + "\n".join(rows))
        return "\n\n".join(out)

    titles = {}

    def _page_title(src: str) -> str:
        if not titles:
            titles.update({k: v.get("title", k) for k, v in read_all(docs_dir).items()})
        return titles.get(src, src)

    def learner_record(view: str) -> str:
        """我的进度 / 错题本 / 今日复习 / 班级成绩, drawn in the browser from local data:
        ``{{ learner_record("dashboard") }}`` (or "mistakes", "review", "class")."""
        if view not in RECORD_VIEWS:
            raise MacroCallError(f"learner_record 只接受 {'、'.join(RECORD_VIEWS)}，不认识 “{view}”")
        return (f'<div class="hb-record" data-record="{view}" data-search-exclude>'
                f'<p class="hb-record__nojs">{RECORD_VIEWS[view]}需要打开浏览器的 JavaScript 才能显示。'
                f"记录只保存在这台设备上，不会发送到任何地方。</p></div>")

    def record_format_reference() -> str:
        """Every field of the exported learner record, from macros/record/format.py."""
        return format_doc.format_reference(record_format.RECORD_SECTIONS)

    def format_reference() -> str:
        """Every field of the data format, generated from the models."""
        return format_doc.format_reference()

    def data_file_source() -> str:
        """This page's data file, shown as YAML (the trainers' worked examples)."""
        data = state.bank.for_page(here())
        if not data:
            raise MacroCallError("本页面没有对应的数据文件，无法显示示例")
        text = (Path(env.project_dir) / data.path).read_text(encoding="utf-8")
        return f"```yaml title=\"{data.path}\"\n{text.rstrip()}\n```"

    return {"quiz": quiz, "checklist": checklist, "form": form, "tool": tool,
            "items": items, "card": card, "pocket_cards": pocket_cards, "template": template,
            "calculator": calculator, "one_pager": one_pager, "field_kit": field_kit,
            "learning_path": learning_path, "learner_record": learner_record,
            "record_format_reference": record_format_reference, "format_reference": format_reference,
            "data_file_source": data_file_source}


def unplaced(bank: Bank, placed: dict) -> list[HandbookError]:
    """Quizzes, checklists and forms defined in data but put on no page."""
    errors = []
    for data in bank.pages.values():
        for collection, kind, macro in (("quizzes", "测验", "quiz"), ("checklists", "清单", "checklist"),
                                        ("forms", "表格", "form"), ("tools", "工具", "tool"),
                                        ("cards", "口袋卡", "card"), ("templates", "工作表格", "template"),
                                        ("calculators", "计算器", "calculator"), ("onepagers", "阶段一页纸", "one_pager")):
            for index, item in enumerate(getattr(data.data, collection)):
                if (collection, item.id) not in placed:
                    errors.append(HandbookError(
                        data.path, f"{kind} {item.id} 没有放到页面 docs/{data.page} 中"
                                   f"(在页面中加入 {{{{ {macro}(\"{item.id}\") }}}})",
                        line_of(data.raw, (collection, index, "id"))))
    return errors


def on_pre_page_macros(env) -> None:
    """Validate the page's front matter and what its body may run, before
    its macros are rendered."""
    page = env.page
    path = f"docs/{page.file.src_uri}"
    try:
        text = read_text(Path(page.file.abs_src_path), path)
        check_front_matter(path, text)
        validate_page_meta(path, page.meta, text)
        for offset, problem in unsafe(text)[:1]:
            raise HandbookError(path, problem, line_at(text, offset))
        macros = set(_state(env).macros)
        body = env.markdown
        offset = text[:len(text) - len(body)].count("\n") if text.endswith(body) else body_offset(page.file.abs_src_path)
        check_page(env.env, body, path, offset, macros)
        title = page.meta.get("title")
        if isinstance(title, str):
            check_page(env.env, title, path, front_matter_line(text, "title") - 1, macros)
    except HandbookError as error:
        _fail(error)
    updated = page_date(_state(env).dates, page.file.src_uri)
    if updated:
        page.meta["last_updated"] = updated


def on_post_build(env) -> None:
    """Check every assessment found its page, then run the post-build steps."""
    state = _state(env)
    errors = unplaced(state.bank, state.placed)
    if errors:
        _fail(HandbookErrors(errors))
    try:
        LOG.info(postbuild.run(Path(env.conf["site_dir"]), Path(env.project_dir), state.bank))
    except (HandbookError, HandbookErrors) as error:
        _fail(error)
