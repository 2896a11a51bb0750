"""Loading the assessment data: ``quizzes/**/*.yml`` → validated models.

``load_bank(root)`` reads every data file (``yaml_lines``), checks it against
the models (``assessments.models``; pydantic's errors are put in Chinese by
``explain``) and then against the rules in ``rules``, and returns a ``Bank``: the data
of each page, found by the page's path. Every problem becomes a
``HandbookError`` naming the file and line, in Chinese.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import ValidationError

from ..assessments import models
from ..errors import HandbookError, HandbookErrors
from .data import DATA_DIR, Bank, PageData, page_for
from .explain import explain_validation
from .rules import validate_bank
from ..content.files import read_text, symlinks
from .yaml_lines import DuplicateKeyError, LineDict, TooComplex, load


def project_rules(root: Path):
    """The bank rules of the project's settings (defaults without mkdocs.yml)."""
    from ..content.config import read_config
    from ..settings import BankRules, load_settings

    if not (root / "mkdocs.yml").is_file():
        return BankRules()
    return load_settings(read_config(root).get("extra", {}), root).bank_rules


# --------------------------------------------------------------------------
# Reading one file
# --------------------------------------------------------------------------

def read_yaml(path: str, text: str) -> LineDict:
    """Parse one data file; YAML mistakes become one-line Chinese errors."""
    try:
        raw = load(text)
    except DuplicateKeyError as exc:
        raise HandbookError(path, f"字段“{exc.key}”重复出现(同一层级每个字段只能写一次)", exc.line) from None
    except TooComplex as exc:
        raise HandbookError(path, str(exc), exc.line) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise HandbookError(path, f"YAML 格式错误：{_yaml_problem(exc)}", line) from None
    if raw is None:
        raw = LineDict()
        raw.line, raw.lines = 1, {}
    if not isinstance(raw, dict):
        raise HandbookError(path, "文件内容应以 quizzes:、checklists: 或 forms: 开头", 1)
    return raw


def _yaml_problem(exc: yaml.MarkedYAMLError) -> str:
    problem = (exc.problem or "").strip()
    hints = {   # PyYAML's and libyaml's wording of the same problems
        "cannot start any token": "这一行开头有不能用的字符：不能用 Tab 缩进(请改用空格)，@ 和 ` 开头的文字要加引号",
        "mapping values are not allowed": "这一行的冒号位置不对(文字中含英文冒号时，请给整段文字加引号)",
        "could not find expected ':'": "缺少冒号“:”，或上一行的引号没有闭合",
        "found unexpected end of stream": "引号没有闭合",
        "did not find expected '-' indicator": "列表项缩进不一致",
        "did not find expected key": "缩进不一致，或缺少“- ”",
        "expected <block end>, but found '-'": "列表的“- ”缩进与上一项不一致",
        "expected <block end>": "缩进不一致：这一行与上一行的层级对不齐",
    }
    for english, chinese in hints.items():
        if english in problem:
            return chinese
    return problem or str(exc)


def parse_models(path: str, raw: LineDict) -> models.DataFile:
    try:
        return models.DataFile.model_validate(raw)
    except ValidationError as exc:
        raise HandbookError(path, *explain_validation(exc, raw)) from None


def load_page_data(root: Path, data_file: Path) -> PageData:
    path = data_file.relative_to(root).as_posix()
    raw = read_yaml(path, read_text(data_file, path))
    if not raw:
        raise HandbookError(path, "文件是空的：写上这个页面的测验、清单或表格；不再需要时删除文件，并去掉页面中对应的宏", 1)
    return PageData(path, page_for(path), raw, parse_models(path, raw))


def data_files(root: Path) -> tuple[list[Path], list[HandbookError]]:
    """The data files under quizzes/, and the names that would be skipped silently."""
    files, errors, pages = [], [], {}
    base = root / DATA_DIR
    candidates = sorted(p for p in base.rglob("*") if p.suffix.lower() in (".yml", ".yaml")) if base.is_dir() else []
    for path in candidates:
        rel = path.relative_to(root).as_posix()
        if path.suffix not in (".yml", ".yaml"):
            errors.append(HandbookError(rel, f"扩展名“{path.suffix}”要写成小写的 .yml，否则不会被读取"))
            continue
        stem = rel.rsplit(".", 1)[0]
        if stem in pages:
            errors.append(HandbookError(rel, f"与 {pages[stem]} 是同一个页面的数据：每个页面只能有一个数据文件，请合并"))
            continue
        pages[stem] = rel
        files.append(path)
    return files, errors


def load_bank(root: Path, docs_dir: Path | None = None, rules=None) -> Bank:
    """Load and validate every data file; raise HandbookErrors listing all problems.

    ``rules`` (``settings.BankRules``) adds the bank-wide rules; without it
    they are read from the project's mkdocs.yml."""
    docs_dir = docs_dir or root / "docs"
    bank = Bank()
    errors = symlinks(root, (DATA_DIR,))
    found, naming = data_files(root)
    errors += naming
    for data_file in found:
        if data_file.is_symlink():
            continue                                  # reported above
        try:
            loaded = load_page_data(root, data_file)
        except HandbookError as error:
            errors.append(error)
            continue
        bank.pages[loaded.page] = loaded
    # With a file unreadable, questions it holds look missing: don't report that too.
    errors += validate_bank(bank, docs_dir, complete=not errors, rules=rules or project_rules(root))
    if errors:
        raise HandbookErrors(errors)
    return bank
