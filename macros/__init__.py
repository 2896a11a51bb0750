"""The handbook's macros: a thin adapter between mkdocs-macros and plain Python.

mkdocs-macros imports this package (``module_name: macros`` in mkdocs.yml)
and calls the hooks below. Everything they do is delegated to modules that
know nothing about MkDocs:

- ``pages``     front matter of module pages (model + validation)
- ``models``    the assessment data format (pydantic), ``loader`` reads it,
  ``validate`` checks rules across fields and files, ``render`` makes HTML
- ``docs/assets/javascripts/assessments.js`` scores answers in the browser
- ``record``    the learner record: the catalogue 我的进度 / 错题本 / 班级成绩
  read, each quiz as a script for retrying in 错题本, the export format
- ``postbuild`` trims the built site (source maps, unused search languages)
- ``errors``    the one-line error format trainers read
"""

from __future__ import annotations

import logging

from mkdocs.exceptions import PluginError

from pathlib import Path

from . import format_doc
from .errors import HandbookError, HandbookErrors, report
from .frontmatter import read_all
from .history import last_changed, page_date
from .learning_path import render_learning_path
from .loader import Bank, built_url, load_bank
from .render import RenderContext, render_checklist, render_form, render_quiz, render_tool
from .macro_errors import MacroCallError, register as register_error_messages
from .pages import STAGE_NAMES, validate_page_meta
from . import record

RECORD_VIEWS = {
    "dashboard": "我的进度",
    "mistakes": "错题本",
    "class": "班级成绩",
}


def _fail(error: HandbookError | HandbookErrors) -> None:
    """Stop the build with the trainer-readable message only (no traceback).

    A PluginError is how MkDocs reports a build error without a traceback; under
    ``mkdocs serve`` the preview keeps running and rebuilds after the fix.
    """
    raise PluginError(report(error))


def define_env(env) -> None:
    """Register variables and macros (called once per build by mkdocs-macros)."""
    register_error_messages()
    env.variables["stage_names"] = STAGE_NAMES
    docs_dir = Path(env.conf["docs_dir"])

    @env.macro
    def learning_path() -> str:
        """The seven stages and field-work sections, with modules and minutes."""
        return render_learning_path(env.conf["nav"], read_all(docs_dir))

    try:
        bank = load_bank(Path(env.project_dir), docs_dir)
    except (HandbookError, HandbookErrors) as error:
        _fail(error)
    placed = env.variables["_placed"] = {}
    context = RenderContext(pass_mark=int(env.variables["pass_mark"]), link_url=built_url)

    def lookup(kind: str, ident: str, collection: str):
        """The quiz / checklist / form ``ident`` of the current page's data file."""
        page = env.page.file.src_uri
        data = bank.for_page(page)
        items = {item.id: item for item in getattr(data.data, collection)} if data else {}
        if ident not in items:
            where = data.path if data else f"quizzes/{page.rsplit('.', 1)[0]}.yml(文件不存在)"
            known = "、".join(items) or "无"
            raise MacroCallError(f"{kind} {ident} 不在 {where} 中(该文件中有：{known})")
        previous = placed.setdefault((collection, ident), page)
        if previous != page or (collection, ident, "done") in placed:
            raise MacroCallError(f"{kind} {ident} 在页面中重复出现(每个{kind}只能放一次)")
        placed[(collection, ident, "done")] = page
        return items[ident]

    # What the learner-record catalogue needs, collected as pages render.
    shown = env.variables["_shown"] = {"quizzes": {}, "checklists": {}, "html": {}, "urls": {}}

    @env.macro
    def quiz(ident: str) -> str:
        """A quiz of this page's data file: ``{{ quiz("objections") }}``."""
        original = lookup("测验", ident, "quizzes")
        resolved = bank.resolved(original, env.page.file.src_uri)
        markup = render_quiz(resolved, context)
        shown["quizzes"][ident] = resolved
        if original.questions:                  # 错题本 retries a question in the quiz that defines it
            shown["html"][ident] = markup
        return markup

    @env.macro
    def checklist(ident: str) -> str:
        """A checklist of this page's data file: ``{{ checklist("v3-pre-visit") }}``."""
        item = shown["checklists"][ident] = lookup("清单", ident, "checklists")
        return render_checklist(item)

    @env.macro
    def learner_record(view: str) -> str:
        """我的进度 / 错题本 / 班级成绩, drawn in the browser from local data:
        ``{{ learner_record("dashboard") }}`` (or "mistakes", "class")."""
        if view not in RECORD_VIEWS:
            raise MacroCallError(f"learner_record 只接受 {'、'.join(RECORD_VIEWS)}，不认识 “{view}”")
        return (f'<div class="hb-record" data-record="{view}" data-search-exclude>'
                f'<p class="hb-record__nojs">{RECORD_VIEWS[view]}需要打开浏览器的 JavaScript 才能显示。'
                f"记录只保存在这台设备上，不会发送到任何地方。</p></div>")

    @env.macro
    def record_format_reference() -> str:
        """Every field of the exported learner record, from macros/record.py."""
        return format_doc.format_reference(record.RECORD_SECTIONS)

    @env.macro
    def form(ident: str) -> str:
        """A trainer's form of this page's data file: ``{{ form("p3-trial-eval") }}``."""
        return render_form(lookup("表格", ident, "forms"))

    @env.macro
    def tool(ident: str) -> str:
        """A decision tool of this page's data file: ``{{ tool("man-classifier") }}``."""
        return render_tool(lookup("工具", ident, "tools"), built_url)

    @env.macro
    def format_reference() -> str:
        """Every field of the data format, generated from macros/models.py."""
        return format_doc.format_reference()

    @env.macro
    def data_file_source() -> str:
        """This page's data file, shown as YAML (the trainers' worked examples)."""
        data = bank.for_page(env.page.file.src_uri)
        if not data:
            raise MacroCallError("本页面没有对应的数据文件，无法显示示例")
        text = (Path(env.project_dir) / data.path).read_text(encoding="utf-8")
        return f"```yaml title=\"{data.path}\"\n{text.rstrip()}\n```"

    env.variables["_bank"] = bank
    env.variables["_dates"] = last_changed(Path(env.project_dir))


def unplaced(bank: Bank, placed: dict) -> list[HandbookError]:
    """Quizzes, checklists and forms defined in data but put on no page."""
    from .yaml_lines import line_of

    errors = []
    for data in bank.pages.values():
        for collection, kind, macro in (("quizzes", "测验", "quiz"), ("checklists", "清单", "checklist"),
                                        ("forms", "表格", "form"), ("tools", "工具", "tool")):
            for index, item in enumerate(getattr(data.data, collection)):
                if (collection, item.id) not in placed:
                    errors.append(HandbookError(
                        data.path, f"{kind} {item.id} 没有放到页面 docs/{data.page} 中"
                                   f"(在页面中加入 {{{{ {macro}(\"{item.id}\") }}}})",
                        line_of(data.raw, (collection, index, "id"))))
    return errors


def on_pre_page_macros(env) -> None:
    """Validate the page's front matter before its macros are rendered."""
    page = env.page
    try:
        with open(page.file.abs_src_path, encoding="utf-8") as source:
            text = source.read()
        validate_page_meta(f"docs/{page.file.src_uri}", page.meta, text)
    except HandbookError as error:
        _fail(error)
    env.variables["_shown"]["urls"][page.file.src_uri] = page.url
    updated = page_date(env.variables["_dates"], page.file.src_uri)
    if updated:
        page.meta["last_updated"] = updated


def on_post_build(env) -> None:
    """Check every assessment found its page, then trim the built site."""
    from .postbuild import trim_site
    from .pwa import build_app

    errors = unplaced(env.variables["_bank"], env.variables["_placed"])
    if errors:
        _fail(HandbookErrors(errors))
    trim_site(env.conf["site_dir"])
    write_learner_record_files(env)
    precache = build_app(env.conf["site_dir"], env.conf["site_name"])
    logging.getLogger("mkdocs.handbook").info(
        f"离线缓存(service worker)：{precache.files} 个文件，{precache.bytes / 1024:.0f} KB，版本 {precache.version}")


def write_learner_record_files(env) -> None:
    """The catalogue and the per-quiz scripts 我的进度 / 错题本 / 班级成绩 load."""
    from .render import content_hash, markdown_html

    shown, site = env.variables["_shown"], Path(env.conf["site_dir"])
    catalog = record.build_catalog(
        title=env.conf["site_name"], version=record.build_version(Path(env.project_dir)),
        nav=env.conf["nav"], metas=read_all(Path(env.conf["docs_dir"])), urls=shown["urls"],
        placed=env.variables["_placed"], quizzes=shown["quizzes"], checklists=shown["checklists"],
        bank_questions=env.variables["_bank"].questions(), pass_default=int(env.variables["pass_mark"]),
        hash_of=content_hash, prompt_html=markdown_html)
    record.write_catalog(site, catalog)
    record.write_banks(site, shown["html"])
