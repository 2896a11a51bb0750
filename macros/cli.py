"""Chores from the command line: ``python -m macros <command>``.

    check [--fix]             validate every data file in quizzes/ (exit 1 on errors);
                              --fix first adds ids that are missing
    new-module STAGE/NAME --title TITLE
                              create a page, its data file and its nav entry
    export-schema             regenerate schema/*.schema.json (data files, learner record)
    build-offline [ZIP]       strict build into site/, then pack it as a zip
    lint [--fix] [FILE ...]   Chinese copy lint of pages and data (all by default)
    zip SITE_DIR ZIP_FILE     pack a built site for offline use on laptops
    postbuild SITE_DIR        run the post-build steps on a built folder (any engine)
    export DIR [--site SITE_DIR] [--bank-only]
                              question bank for learning platforms (QTI 2.1, Moodle XML,
                              题库 .xlsx and CSV) and the SCORM 1.2 package of the site
                              (built strictly first unless --site names a built one)
    pdf SITE_DIR PDF_FILE     the whole built handbook as one PDF (WeasyPrint, Noto CJK)
"""

from __future__ import annotations

import argparse
import sys
import zipfile
from pathlib import Path

from .content.copy_lint import copy_files, fix_file, lint_file

ROOT = Path(__file__).resolve().parent.parent


def cmd_lint(args: argparse.Namespace) -> int:
    files = [Path(f).resolve() for f in args.files] or copy_files(ROOT)
    if args.fix:
        for path in files:
            if fix_file(path):
                print(f"已修正 {path.relative_to(ROOT)}")
    issues = [issue for path in files for issue in lint_file(path, ROOT)]
    for issue in issues:
        print(issue)
    return 1 if issues else 0


def cmd_check(args: argparse.Namespace) -> int:
    from .bank.loader import load_bank
    from .errors import HandbookError, HandbookErrors, report

    if args.fix:
        from .bank.scaffold import fill_missing_ids

        for path in sorted((ROOT / "quizzes").rglob("*.yml")):
            try:
                added = fill_missing_ids(path, path.stem if path.stem != "index" else path.parent.name)
            except Exception:  # noqa: BLE001 - a broken file is reported by the check below
                continue
            if added:
                print(f"已为 {path.relative_to(ROOT)} 补上 {added} 个编号")
    try:
        bank = load_bank(ROOT)
    except (HandbookError, HandbookErrors) as error:
        print(report(error), file=sys.stderr)
        return 1
    from .bank.loader import project_rules
    from .bank.rules import measure_bank

    print(f"数据检查通过：{len(bank.pages)} 个文件")
    print(summary(bank))
    figures, _ = measure_bank(bank, project_rules(ROOT))
    print("防猜题规则(设置见 mkdocs.yml 的 extra.bank_rules)：")
    print("\n".join(f"  {line}" for line in figures))
    return 0


def summary(bank) -> str:
    """What the bank holds, in numbers: questions by type, quizzes, checklists, forms, tools."""
    from collections import Counter

    from .assessments import types as question_types

    quizzes = [q for pd in bank.pages.values() for q in pd.data.quizzes]
    questions = [question for quiz in quizzes for question in quiz.questions]
    types = Counter(q.type for q in questions)
    role_plays = sum(1 for q in questions if len(getattr(q, "scenes", ())) >= 3)
    count = lambda kind: sum(len(getattr(pd.data, kind)) for pd in bank.pages.values())  # noqa: E731
    lines = [
        f"题目：{len(questions)} 道(" + "，".join(f"{label} {types[t]}" for t, label in question_types.labels().items())
        + f")，其中三幕以上的角色扮演 {role_plays} 道",
        f"测验：练习 {sum(q.mode == 'practice' for q in quizzes)} 个，阶段测试(考试模式) "
        f"{sum(q.mode == 'test' for q in quizzes)} 个",
        f"检查清单 {count('checklists')} 份，评估表 {count('forms')} 份，判断工具 {count('tools')} 个",
        f"随身工具：口袋卡 {count('cards')} 张，工作表格 {count('templates')} 张，计算器 {count('calculators')} 个，"
        f"阶段一页纸 {count('onepagers')} 份，列表 {count('lists')} 个",
    ]
    return "\n".join(lines)


def cmd_new_module(args: argparse.Namespace) -> int:
    from .bank.scaffold import new_module
    from .errors import HandbookError, report

    try:
        created = new_module(ROOT, args.module, args.title)
    except HandbookError as error:
        print(report(error), file=sys.stderr)
        return 1
    for path in created:
        print(f"已{'更新' if path.name == 'mkdocs.yml' else '创建'} {path.relative_to(ROOT)}")
    return 0


def cmd_build_offline(args: argparse.Namespace) -> int:
    import os
    import subprocess

    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=ROOT, env=env)
    if built.returncode:
        return built.returncode
    args.site, args.zip = str(ROOT / "site"), args.zip
    return cmd_zip(args)


def cmd_export_schema(args: argparse.Namespace) -> int:
    from .bank.schema import SCHEMA_PATH, schema_text
    from .record.format import RECORD_SCHEMA_PATH, record_schema_text

    for path, text in ((SCHEMA_PATH, schema_text()), (RECORD_SCHEMA_PATH, record_schema_text())):
        target = ROOT / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        print(f"已生成 {path}")
    return 0


def cmd_postbuild(args: argparse.Namespace) -> int:
    from .errors import HandbookError, HandbookErrors, report
    from .postbuild.run import run

    site = Path(args.site).resolve()
    if not (site / "index.html").is_file():
        print(f"{args.site}: 没有找到构建好的网站(先运行 ./handbook build)", file=sys.stderr)
        return 1
    try:
        print(run(site, ROOT))
    except (HandbookError, HandbookErrors) as error:
        print(report(error), file=sys.stderr)
        return 1
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    import os
    import subprocess
    import tempfile

    from .content.config import read_config
    from .errors import HandbookError, HandbookErrors, report
    from .exports.run import export_bank, export_scorm, refuse_inside, write_report
    from .record.catalog import build_version

    out_dir = Path(args.dir)
    site = Path(args.site) if args.site else None
    try:
        refuse_inside(out_dir, ROOT, site)
        refuse_inside(out_dir, ROOT, ROOT / "site")
        config = read_config(ROOT)
        title = str(config.get("site_name") or "培训手册")
        result = export_bank(ROOT, out_dir, title, config.get("nav"))
    except (HandbookError, HandbookErrors) as error:
        print(report(error), file=sys.stderr)
        return 1
    if not args.bank_only:
        with tempfile.TemporaryDirectory(prefix="handbook-scorm-") as tmp:
            if site is None:
                site = Path(tmp) / "site"
                env = {k: v for k, v in os.environ.items() if k != "HANDBOOK_SITE_URL"}
                env["NO_MKDOCS_2_WARNING"] = "1"
                built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
                                       cwd=ROOT, env=env)
                if built.returncode:
                    return built.returncode
            if not (site / "index.html").is_file():
                print(f"{site}: 没有找到构建好的网站(先运行 ./handbook build)", file=sys.stderr)
                return 1
            export_scorm(result, site, out_dir, build_version(ROOT)[0])
    print(write_report(result, out_dir))
    return 0


def cmd_pdf(args: argparse.Namespace) -> int:
    import time

    from .fieldkit.pdf import make_pdf

    site, target = Path(args.site).resolve(), Path(args.pdf).resolve()
    if not (site / "index.html").is_file():
        print(f"{args.site}: 没有找到构建好的网站(先运行 ./handbook build)", file=sys.stderr)
        return 1
    start = time.monotonic()
    made = make_pdf(site, ROOT, target)
    print(f"{args.pdf}: {made['pages']} 个页面，共 {made['sheets']} 页，{target.stat().st_size / 1024 / 1024:.1f} MB，"
          f"用时 {time.monotonic() - start:.0f} 秒")
    return 0


def cmd_zip(args: argparse.Namespace) -> int:
    site, target = Path(args.site), Path(args.zip)
    if not (site / "index.html").is_file():
        print(f"{site}: 没有找到构建好的网站(先运行 ./handbook build)", file=sys.stderr)
        return 1
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(site.rglob("*")):
            if path.is_file():
                archive.write(path, Path("销售业务员培训手册") / path.relative_to(site))
    print(f"{target}: {target.stat().st_size / 1024:.0f} KB(解压后打开 销售业务员培训手册/index.html 即可离线阅读)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="检查 quizzes/ 中的数据")
    check.add_argument("--fix", action="store_true", help="先自动补上缺失的编号")
    check.set_defaults(run=cmd_check)
    module = sub.add_parser("new-module", help="新建一个模块(页面、数据文件、导航)")
    module.add_argument("module", help="阶段/名称，例如 pre-job/new-topic")
    module.add_argument("--title", required=True, help="页面标题")
    module.set_defaults(run=cmd_new_module)
    offline = sub.add_parser("build-offline", help="构建离线版网站并打包")
    offline.add_argument("zip", nargs="?", default="handbook-offline.zip")
    offline.set_defaults(run=cmd_build_offline)
    sub.add_parser("export-schema", help="根据数据模型生成 JSON Schema").set_defaults(run=cmd_export_schema)
    lint = sub.add_parser("lint", help="中文排版检查")
    lint.add_argument("--fix", action="store_true", help="自动修正能修正的问题")
    lint.add_argument("files", nargs="*")
    lint.set_defaults(run=cmd_lint)
    post = sub.add_parser("postbuild", help="在构建好的网站文件夹上运行构建后步骤")
    post.add_argument("site")
    post.set_defaults(run=cmd_postbuild)
    export = sub.add_parser("export", help="导出题库(QTI、Moodle、Excel、CSV)和 SCORM 课程包")
    export.add_argument("dir", help="导出到的文件夹，例如 exports/(不能在 docs/ 或网站文件夹里)")
    export.add_argument("--site", help="已构建好的网站文件夹(不给则先严格构建一次)")
    export.add_argument("--bank-only", action="store_true", help="只导出题库，不打包 SCORM")
    export.set_defaults(run=cmd_export)
    pdf = sub.add_parser("pdf", help="把构建好的整本手册做成一个 PDF")
    pdf.add_argument("site")
    pdf.add_argument("pdf")
    pdf.set_defaults(run=cmd_pdf)
    pack = sub.add_parser("zip", help="打包离线版网站")
    pack.add_argument("site")
    pack.add_argument("zip")
    pack.set_defaults(run=cmd_zip)
    args = parser.parse_args(argv)
    return args.run(args)

