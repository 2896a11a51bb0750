"""Moodle XML (question bank import, "Moodle XML format").

- choice data → ``multichoice`` (``single`` true when one option may be ticked).
  A right option scores 100 / (right options), a wrong one −100, so only the
  full right set scores full marks (the handbook scores all or nothing; in
  Moodle ticking some of the right options and no wrong one earns part).
  True/false statements keep their two options 对 / 错 as a single choice:
  the exports map data by shape and name no question type.
- order data → ``ordering`` (core question type since Moodle 4.4, a plugin
  before): items in the right order, all shown, graded all or nothing.
- match data → ``matching``; distractors are answers without a question,
  which is how Moodle writes extra answers.

Questions are filed in one category per page: ``$course$/<handbook>/<chapter>``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from .bank import CHOICE, MATCH, ORDER, Entry, Outcome, not_held
from .text import XML_HEAD, html_block, html_inline, plain


def text(parent: ET.Element, tag: str, value: str, fmt: str | None = "html") -> ET.Element:
    node = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(node, "text").text = value
    return node


def head(entry: Entry, kind: str) -> ET.Element:
    question = ET.Element("question", {"type": kind})
    name = ET.SubElement(question, "name")
    ET.SubElement(name, "text").text = f"{entry.id} {plain(entry.prompt)[:40]}"
    text(question, "questiontext", html_inline(entry.prompt))
    text(question, "generalfeedback", html_block(entry.explanation))
    ET.SubElement(question, "defaultgrade").text = "1"
    ET.SubElement(question, "penalty").text = "0"
    ET.SubElement(question, "hidden").text = "0"
    ET.SubElement(question, "idnumber").text = entry.id
    return question


def fraction(value: float) -> str:
    return f"{value:.7f}".rstrip("0").rstrip(".")


def choice(entry: Entry) -> ET.Element:
    data = entry.data
    multiple = bool(data.get("multiple"))
    question = head(entry, "multichoice")
    ET.SubElement(question, "single").text = "false" if multiple else "true"
    ET.SubElement(question, "shuffleanswers").text = "true" if entry.shuffle else "false"
    ET.SubElement(question, "answernumbering").text = "ABCD"
    ET.SubElement(question, "showstandardinstruction").text = "0"
    right = set(data["correct"])
    notes = data.get("feedback") or [None] * len(data["options"])
    for index, (option, note) in enumerate(zip(data["options"], notes)):
        if index in right:
            value = 100 / len(right)
        else:
            value = -100 if multiple else 0
        answer = text(question, "answer", html_inline(option))
        answer.set("fraction", fraction(value))
        text(answer, "feedback", html_inline(note) if note else "")
    return question


def ordering(entry: Entry) -> ET.Element:
    items = entry.data["items"]
    question = head(entry, "ordering")
    for tag, value in (("layouttype", "VERTICAL"), ("selecttype", "ALL"), ("selectcount", str(len(items))),
                       ("gradingtype", "ALL_OR_NOTHING"), ("showgrading", "SHOW"), ("numberingstyle", "none"),
                       ("shownumcorrect", "1")):
        ET.SubElement(question, tag).text = value
    for position, item in enumerate(items, start=1):
        answer = text(question, "answer", html_inline(item))
        answer.set("fraction", str(position))
    return question


def matching(entry: Entry) -> ET.Element:
    question = head(entry, "matching")
    ET.SubElement(question, "shuffleanswers").text = "true" if entry.shuffle else "false"
    for left, right in entry.data["pairs"]:
        sub = text(question, "subquestion", html_inline(left))
        text(sub, "answer", plain(right), None)
    for extra in entry.data.get("distractors") or []:
        sub = text(question, "subquestion", "")
        text(sub, "answer", plain(extra), None)
    return question


WRITERS = {CHOICE: choice, ORDER: ordering, MATCH: matching}


def category(path: str) -> ET.Element:
    question = ET.Element("question", {"type": "category"})
    text(question, "category", f"$course$/{path}", None)
    text(question, "info", "")
    return question


def write(entries: list[Entry], target: Path, title: str) -> Outcome:
    outcome = Outcome("Moodle XML", target.name)
    quiz = ET.Element("quiz")
    current = None
    for entry in entries:
        writer = WRITERS.get(entry.shape)
        if writer is None:
            outcome.skipped.append((entry, not_held(entry)))
            continue
        if entry.chapter != current:
            current = entry.chapter
            quiz.append(category("/".join([title, *entry.chapter.split(" / ")])))
        quiz.append(writer(entry))
        outcome.written[entry.label] += 1
    ET.indent(quiz)
    target.write_bytes(XML_HEAD + ET.tostring(quiz, encoding="unicode").encode("utf-8") + b"\n")
    return outcome

