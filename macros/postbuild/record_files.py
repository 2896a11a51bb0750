"""The learner-record files of a built site, made from the built folder and
the project's sources only (no build state, no engine):

- which quizzes and checklists each page shows, and each quiz's HTML, are
  read back from the built pages (the DOM contract: ``data-quiz``,
  ``data-checklist``);
- titles, sections and pass marks come from the front matter, the nav and
  the question bank.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..assessments.html import markdown_html
from ..assessments.keys import content_hash
from ..bank.data import Bank
from ..content.frontmatter import read_all
from ..record import catalog

QUIZ = re.compile(r'<section class="hb-quiz" data-quiz="([^"]+)".*?</section>', re.S)
CHECKLIST = re.compile(r'<section class="hb-checklist" data-checklist="([^"]+)"')


@dataclass
class Shown:
    """What the built pages show: page src → ids, quiz id → its HTML."""

    urls: dict[str, str]
    placed: dict[tuple, str]
    html: dict[str, str]


def page_url(src: str) -> str:
    """``pre-job/objections.md`` → ``pre-job/objections.html`` (the offline build's URLs)."""
    return src[:-3] + ".html"


def scan_site(site: Path, docs_dir: Path) -> Shown:
    shown = Shown({}, {}, {})
    for source in sorted(docs_dir.rglob("*.md")):
        src = source.relative_to(docs_dir).as_posix()
        built = site / page_url(src)
        if not built.is_file():
            continue
        shown.urls[src] = page_url(src)
        text = built.read_text(encoding="utf-8")
        for match in QUIZ.finditer(text):
            shown.placed[("quizzes", match.group(1))] = src
            shown.html[match.group(1)] = match.group(0)
        for ident in CHECKLIST.findall(text):
            shown.placed[("checklists", ident)] = src
    return shown


def write_record_files(site: Path, project_dir: Path, *, title: str, nav: list, docs_dir: Path,
                       bank: Bank, pass_mark: int) -> dict:
    """catalog.js and the per-quiz scripts; returns the catalogue."""
    shown = scan_site(site, docs_dir)
    quizzes, checklists, banks = {}, {}, {}
    for data in bank.pages.values():
        for quiz in data.data.quizzes:
            page = shown.placed.get(("quizzes", quiz.id))
            if page:
                quizzes[quiz.id] = bank.resolved(quiz, page)
                if quiz.questions:             # 错题本 retries a question in the quiz that defines it
                    banks[quiz.id] = shown.html[quiz.id]
        for item in data.data.checklists:
            if ("checklists", item.id) in shown.placed:
                checklists[item.id] = item
    built = catalog.build_catalog(
        title=title, version=catalog.build_version(project_dir), nav=nav, metas=read_all(docs_dir),
        urls=shown.urls, placed=shown.placed, quizzes=quizzes, checklists=checklists,
        bank_questions=bank.questions(), pass_default=pass_mark, hash_of=content_hash,
        prompt_html=markdown_html)
    catalog.write_catalog(site, built)
    catalog.write_banks(site, banks)
    return built
