"""The browser runtime, joined from its modules into the few files pages load.

Each concept keeps its browser code beside its Python (``runtime/`` folders,
and one module per question type in ``assessments/types/``); this step joins
them in order and writes them into the built site, where ``trim`` minifies
them. What the browser shares with the build is emitted here, never written
twice: the record contract (format, version, storage prefix, pass marks) and
the learner record's JSON Schema.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..assessments import types as question_types
from ..bank.data import Bank
from ..record import format as record_format
from .. import review
from ..settings import SiteSettings

HERE = Path(__file__).resolve().parent.parent          # macros/
TARGET = "assets/javascripts"


def sources() -> dict[str, list[Path]]:
    """Built file → its modules, in the order they are joined."""
    assessments = HERE / "assessments" / "runtime"
    record = HERE / "record" / "runtime"
    spaced = HERE / "review" / "runtime"
    return {
        "handbook.js": [HERE / "webapp" / "runtime" / "handbook.js", HERE / "exports" / "runtime" / "scorm.js"],
        "assessments.js": [assessments / "core.js", *question_types.scripts(),
                           *(assessments / f"{name}.js" for name in ("quiz", "checklist", "form", "tool")),
                           spaced / "answers.js", assessments / "entry.js"],
        "record.js": [record / name for name in ("schema.js", "core.js", "dashboard.js", "mistakes.js",
                                                  "retention.js", "classview.js", "entry.js")],
        "handoff.js": [record / "handoff.js"],
        "offline.js": [HERE / "webapp" / "runtime" / "offline.js"],
        "schedule.js": [spaced / "schedule.js"],
        "review.js": [spaced / "page.js"],
        "fieldkit.js": [HERE / "fieldkit" / "runtime" / "fieldkit.js"],
    }


def pass_marks(bank: Bank, default: int) -> dict[str, int]:
    return {quiz.id: quiz.pass_mark or default for data in bank.pages.values() for quiz in data.data.quizzes}


def _js(name: str, value) -> str:
    return f"window.{name}={json.dumps(value, ensure_ascii=False, separators=(',', ':'))};\n"


def browser_schema() -> dict:
    """The learner record's JSON Schema without the keys that name URLs."""
    return {k: v for k, v in record_format.record_schema().items() if k not in ("$schema", "$id")}


def emitted(settings: SiteSettings, bank: Bank) -> dict[str, str]:
    """Data the build writes in front of a bundle."""
    return {
        "handbook.js": _js("HandbookContract", record_format.contract(pass_marks(bank, settings.pass_mark))),
        "record.js": _js("HandbookRecordSchema", browser_schema()),
        "schedule.js": _js("HandbookReviewSettings", review.settings()),
    }


def write_bundles(site: Path, settings: SiteSettings, bank: Bank) -> list[Path]:
    target = site / TARGET
    target.mkdir(parents=True, exist_ok=True)
    head = emitted(settings, bank)
    written = []
    for name, modules in sources().items():
        text = head.get(name, "") + "\n".join(m.read_text(encoding="utf-8") for m in modules)
        (target / name).write_text(text, encoding="utf-8")
        written.append(target / name)
    return written
