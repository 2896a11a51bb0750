"""Write every export into a folder and say what each holds.

``export_bank`` writes the question-bank formats; ``export_scorm`` packs a
built site. ``report`` prints the counts per format and question type, and
every question a format could not hold, with the reason.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..assessments import types as question_types
from ..bank.loader import load_bank
from ..errors import HandbookError
from . import moodle, qti, scorm, sheet
from .bank import Outcome, Selection, select

STEM = "handbook"
QTI_FILE = f"{STEM}-qti21.zip"
MOODLE_FILE = f"{STEM}-moodle.xml"
SHEET_STEM = f"{STEM}-questions"
SCORM_FILE = f"{STEM}-scorm12.zip"
REPORT_FILE = "export-report.txt"


@dataclass
class Report:
    title: str
    selection: Selection
    outcomes: list[Outcome] = field(default_factory=list)
    scorm: tuple[str, int] | None = None       # (file, number of site files)

    def text(self) -> str:
        order = list(question_types.labels().values())
        bank = Counter(e.label for e in self.selection.entries)
        labels = [label for label in order if bank[label]] + sorted(set(bank) - set(order))
        figures = lambda counts: "，".join(f"{label} {counts[label]}" for label in labels if counts[label])  # noqa: E731
        lines = [f"题库导出：《{self.title}》学习页面的题目 {len(self.selection.entries)} 道({figures(bank)})"]
        for outcome in self.outcomes:
            lines.append(f"  {outcome.name} {outcome.file}：{outcome.total} 道({figures(outcome.written)})")
        # Questions no format (or only some) could hold, grouped by where and why.
        where: dict[str, list[str]] = {}
        for outcome in self.outcomes:
            for entry, reason in outcome.skipped:
                where.setdefault((entry.id, reason), []).append(outcome.name)
        groups: dict[tuple[str, str], list] = {}
        entries = {e.id: e for e in self.selection.entries}
        for (qid, reason), names in where.items():
            place = "所有格式" if len(names) == len(self.outcomes) else "、".join(names)
            groups.setdefault((place, reason), []).append(entries[qid])
        if groups:
            lines.append(f"未导出(格式放不下)：{len({qid for qid, _ in where})} 道")
            for (place, reason), group in groups.items():
                lines.append(f"  {place}：{reason}：{len(group)} 道")
                for entry in group:
                    kind = f"角色扮演 {entry.scenes} 幕，" if entry.scenes else ""
                    lines.append(f"    {entry.id}({kind}{entry.chapter})")
        if self.selection.left_out:
            lines.append(f"不属于学习页面、未导出：{len(self.selection.left_out)} 道")
            for qid, label, reason in self.selection.left_out:
                lines.append(f"  {qid}({label})：{reason}")
        if self.scorm:
            lines.append(f"SCORM 1.2 课程包 {self.scorm[0]}：网站 {self.scorm[1]} 个文件 + imsmanifest.xml，"
                         f"启动页 {scorm.LAUNCH}")
        lines.append("导出文件含答案：只发给学习平台的管理员，不要放进 docs/ 或发布的网站。")
        return "\n".join(lines)


def refuse_inside(out_dir: Path, root: Path, site: Path | None) -> None:
    """The exports hold the answers: never where a build would publish them."""
    out = out_dir.resolve()
    for place, what in ((root / "docs", "docs/"), (site, "构建好的网站")):
        if place is not None and out.is_relative_to(place.resolve()):
            raise HandbookError(str(out_dir), f"导出文件含答案，不能写进{what}(会被发布)：请换一个文件夹，例如 exports/")


def export_bank(root: Path, out_dir: Path, title: str, nav: list | None = None) -> Report:
    bank = load_bank(root)
    selection = select(bank, root / "docs", nav)
    entries = selection.entries
    report = Report(title, selection)
    out_dir.mkdir(parents=True, exist_ok=True)
    report.outcomes.append(qti.write(entries, out_dir / QTI_FILE))
    report.outcomes.append(moodle.write(entries, out_dir / MOODLE_FILE, title))
    report.outcomes += sheet.write(entries, out_dir, SHEET_STEM)
    return report


def export_scorm(report: Report, site: Path, out_dir: Path, version: str) -> None:
    count = scorm.write(site, out_dir / SCORM_FILE, report.title, version)
    report.scorm = (SCORM_FILE, count)


def write_report(report: Report, out_dir: Path) -> str:
    text = report.text()
    (out_dir / REPORT_FILE).write_text(text + "\n", encoding="utf-8")
    return text
