"""The catalogue of the handbook the record pages read, and the per-quiz
scripts 错题本 retries questions from; written into the built site.

- ``build_catalog``: sections, pages, quizzes (question ids and content
  hashes), checklists and question prompts, as plain data;
- ``write_catalog`` → ``assets/javascripts/catalog.js``; other pages never
  load it;
- ``write_banks`` → ``assets/quizzes/<id>.js``: each quiz's rendered HTML,
  so 错题本 works also from file:// where fetch() is not allowed.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
from datetime import datetime, timezone
from pathlib import Path

from ..content.learning_path import nav_sections
from ..content.links import built_url, rebase_link
from .format import LEARNING_STAGES, PROMPT_CHARS



def page_key(src: str) -> str:
    """A page's stable key: its path without suffix or trailing ``index``.

    ``pre-job/objections.md`` → ``pre-job/objections``; ``pre-job/index.md`` →
    ``pre-job``; ``index.md`` → ``""``. The browser derives the same key from
    the page's URL (``pageKey`` in handbook.js), whatever the URL style.
    """
    key = re.sub(r"\.(md|html)$", "", src)
    key = re.sub(r"(^|/)index$", "", key)
    return key.strip("/")


def build_version(root: Path) -> tuple[str, str | None]:
    """(label, ISO time) of the commit the site is built from.

    From git rather than the clock, so two builds of one commit are identical
    (the offline copy on tablets is then not re-downloaded for nothing).
    Without git: ("未提交的本地版本", None).
    """
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%h %cs %cI"], cwd=root, capture_output=True,
                             text=True, timeout=10, check=True).stdout.split()
    except (OSError, subprocess.SubprocessError):
        out = []
    if len(out) != 3:
        return "未提交的本地版本", None
    when = datetime.fromisoformat(out[2]).astimezone(timezone.utc).isoformat().replace("+00:00", "Z")
    return f"{out[1]} · {out[0]}", when


def plain_text(fragment_html: str, limit: int = PROMPT_CHARS) -> str:
    text = html.unescape(re.sub(r"<[^>]+>", "", fragment_html))
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def build_catalog(*, title: str, version: tuple[str, str | None], nav: list, metas: dict[str, dict], urls: dict[str, str],
                  placed: dict, quizzes: dict, checklists: dict, bank_questions: dict,
                  pass_default: int, hash_of, prompt_html) -> dict:
    """The structure 我的进度, 错题本 and 班级成绩 need, as plain data.

    ``quizzes`` / ``checklists``: id → model as placed (quizzes with their drawn
    questions resolved); ``placed``: (collection, id) → page src;
    ``bank_questions``: question id → (page data, quiz, question) of the quiz
    that defines it; ``hash_of`` / ``prompt_html`` come from render.py.
    """
    pages: dict[str, dict] = {}
    for src, meta in metas.items():
        if src not in urls:
            continue
        pages[page_key(src)] = {"title": meta.get("title") or src, "url": urls[src],
                                "minutes": meta.get("minutes"), "quizzes": [], "checklists": []}
    sections = []
    for section in nav_sections(nav):
        keys = [page_key(p) for p in section.pages
                if p in metas and metas[p].get("stage") in LEARNING_STAGES and page_key(p) in pages]
        if keys:
            sections.append({"title": section.title, "pages": keys})
            for key in keys:
                pages[key]["section"] = section.title
    quiz_out = {}
    for ident, quiz in quizzes.items():
        key = page_key(placed[("quizzes", ident)])
        pages[key]["quizzes"].append(ident)
        quiz_out[ident] = {"title": quiz.title, "page": key, "mode": quiz.mode,
                           "pass": quiz.pass_mark or pass_default,
                           "questions": [[q.id, hash_of(q)] for q in quiz.questions]}
    check_out = {}
    for ident, checklist in checklists.items():
        key = page_key(placed[("checklists", ident)])
        pages[key]["checklists"].append(ident)
        check_out[ident] = {"title": checklist.title, "page": key,
                            "items": [item.id for group in checklist.groups for item in group.items]}
    questions = {}
    for qid, (data, home, question) in bank_questions.items():
        if home.id not in quiz_out:
            continue
        link = rebase_link(question.link, data.page, "index.md")
        questions[qid] = {"text": plain_text(prompt_html(question.prompt)), "quiz": home.id,
                          "url": built_url(link)}
    return {"format": 1, "title": title, "build": version[0], "built": version[1],
            "sections": sections, "pages": pages, "quizzes": quiz_out, "checklists": check_out,
            "questions": questions}


CATALOG_PATH = "assets/javascripts/catalog.js"
BANK_DIR = "assets/quizzes"


def write_catalog(site: Path, catalog: dict) -> Path:
    path = site / CATALOG_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(catalog, ensure_ascii=False, separators=(",", ":"))
    path.write_text(f"window.HandbookCatalog={data};\n", encoding="utf-8")
    return path


def write_banks(site: Path, rendered: dict[str, str]) -> None:
    """One script per quiz: its rendered HTML, for retrying a question in 错题本."""
    target = site / BANK_DIR
    target.mkdir(parents=True, exist_ok=True)
    for ident, markup in rendered.items():
        data = json.dumps(markup, ensure_ascii=False)
        (target / f"{ident}.js").write_text(
            f"(window.HandbookBank=window.HandbookBank||{{}})[{json.dumps(ident)}]={data};\n", encoding="utf-8")
