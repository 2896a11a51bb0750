"""The 题库导入 sheet of Chinese enterprise learning platforms, as .xlsx and CSV.

One row per question, columns 题型, 题干, 选项A–选项J, 答案, 解析, 分值, 所属章节;
plain text (Markdown removed). 题型 is the question type's Chinese name from
its module. 答案 by shape of the type's data:

- choice: the letters of the right options, e.g. ``B`` or ``ACD``
  (判断题: 选项A 对, 选项B 错, 答案 A or B);
- order: the option letters in the right order, e.g. ``CADB`` (options are
  listed shuffled);
- match: the left items are numbered in 题干, the right items and
  distractors are the options, 答案 pairs them: ``1-B,2-A,3-D``.

Option feedback is added to 解析 (``A：…``). 分值 is 1 for every question:
the handbook weighs all questions of a quiz alike. A question with more than
ten options does not fit the columns and is reported.
CSV is written twice: UTF-8 with BOM (Excel opens it as UTF-8) and GB18030
(platforms and Excel set up for GBK).
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from ..assessments.html import stable_shuffle
from .bank import CHOICE, MATCH, ORDER, Entry, Outcome, not_held
from .text import LETTERS, plain

OPTION_COLUMNS = [f"选项{letter}" for letter in LETTERS]
HEADER = ["题型", "题干", *OPTION_COLUMNS, "答案", "解析", "分值", "所属章节"]
POINTS = 1


class TooWide(Exception):
    pass


def options_cells(options: list[str]) -> list[str]:
    if len(options) > len(LETTERS):
        raise TooWide(f"选项有 {len(options)} 个，表格只有选项A–选项{LETTERS[-1]}")
    return [plain(o) for o in options] + [""] * (len(LETTERS) - len(options))


def choice(entry: Entry) -> tuple[str, list[str], str, list[str]]:
    data = entry.data
    answer = "".join(LETTERS[i] for i in sorted(data["correct"]))
    notes = [f"{LETTERS[i]}：{plain(note)}" for i, note in enumerate(data.get("feedback") or []) if note]
    return plain(entry.prompt), options_cells(data["options"]), answer, notes


def order(entry: Entry) -> tuple[str, list[str], str, list[str]]:
    items = entry.data["items"]
    shown = stable_shuffle(list(range(len(items))), entry.id)
    answer = "".join(LETTERS[shown.index(i)] for i in range(len(items)))
    return plain(entry.prompt), options_cells([items[i] for i in shown]), answer, []


def match(entry: Entry) -> tuple[str, list[str], str, list[str]]:
    pairs, extra = entry.data["pairs"], entry.data.get("distractors") or []
    rights = stable_shuffle([right for _, right in pairs] + list(extra), entry.id)
    cells = options_cells(rights)
    prompt = "\n".join([plain(entry.prompt)] + [f"{n}. {plain(left)}" for n, (left, _) in enumerate(pairs, start=1)])
    answer = ",".join(f"{n}-{LETTERS[rights.index(right)]}" for n, (_, right) in enumerate(pairs, start=1))
    return prompt, cells, answer, []


WRITERS = {CHOICE: choice, ORDER: order, MATCH: match}


def rows(entries: list[Entry]) -> tuple[list[list], Counter, list[tuple[Entry, str]]]:
    """The sheet's rows (header first), counts by type label, and what does not fit."""
    out, written, skipped = [HEADER], Counter(), []
    for entry in entries:
        writer = WRITERS.get(entry.shape)
        if writer is None:
            skipped.append((entry, not_held(entry)))
            continue
        try:
            prompt, cells, answer, notes = writer(entry)
        except TooWide as reason:
            skipped.append((entry, str(reason)))
            continue
        explanation = "\n".join([plain(entry.explanation), *notes])
        out.append([entry.label, prompt, *cells, answer, explanation, POINTS, entry.chapter])
        written[entry.label] += 1
    return out, written, skipped


def write_xlsx(table: list[list], target: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = "题库"
    for row in table:
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    widths = {"题型": 8, "题干": 48, "答案": 10, "解析": 48, "分值": 6, "所属章节": 28}
    wrap = Alignment(wrap_text=True, vertical="top")
    for index, name in enumerate(HEADER, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = widths.get(name, 22)
        for cell in sheet[letter][1:]:
            cell.alignment = wrap
    book.save(target)


def write_csv(table: list[list], target: Path, encoding: str) -> None:
    with target.open("w", encoding=encoding, newline="") as out:
        csv.writer(out).writerows(table)


def write(entries: list[Entry], out_dir: Path, stem: str) -> list[Outcome]:
    table, written, skipped = rows(entries)
    outcomes = []
    for name, file, writer in (
        ("Excel 题库(.xlsx)", f"{stem}.xlsx", lambda p: write_xlsx(table, p)),
        ("CSV(UTF-8 带 BOM)", f"{stem}-utf8.csv", lambda p: write_csv(table, p, "utf-8-sig")),
        ("CSV(GB18030)", f"{stem}-gb18030.csv", lambda p: write_csv(table, p, "gb18030")),
    ):
        writer(out_dir / file)
        outcomes.append(Outcome(name, file, Counter(written), list(skipped)))
    return outcomes
