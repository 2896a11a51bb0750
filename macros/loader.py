"""Loading the assessment data: ``quizzes/**/*.yml`` → validated models.

``load_bank(root)`` reads every data file, checks it against the models and
then against the rules in ``validate.py``, and returns a ``Bank``: the data
of each page, found by the page's path. Every problem becomes a
``HandbookError`` naming the file and line, in Chinese.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from . import models
from .errors import HandbookError, HandbookErrors
from .yaml_lines import DuplicateKeyError, LineDict, line_of, load, node_at

DATA_DIR = "quizzes"


@dataclass
class PageData:
    """One data file and the page it belongs to."""

    path: str            # "quizzes/pre-job/objections.yml"
    page: str            # "pre-job/objections.md" (relative to docs/)
    raw: LineDict        # the YAML as loaded, with line numbers
    data: models.DataFile


@dataclass
class Bank:
    """All assessment data of the handbook."""

    pages: dict[str, PageData] = field(default_factory=dict)

    def for_page(self, page: str) -> PageData | None:
        return self.pages.get(page)

    def questions(self) -> dict[str, tuple[PageData, models.Quiz, object]]:
        """Every question of the handbook by id, with its file and quiz."""
        return {q.id: (pd, quiz, q) for pd in self.pages.values()
                for quiz in pd.data.quizzes for q in quiz.questions}

    def resolved(self, quiz: models.Quiz, page: str) -> models.Quiz:
        """``quiz`` with its drawn questions included, their links made
        relative to ``page`` (where the quiz is shown)."""
        if not quiz.draw:
            return quiz
        index = self.questions()
        drawn = []
        for ident in quiz.draw:
            source, _, question = index[ident]
            link = rebase_link(question.link, source.page, page)
            drawn.append(question.model_copy(update={"link": link}))
        return quiz.model_copy(update={"questions": drawn + list(quiz.questions), "draw": []})


def built_url(link: str) -> str:
    """A link to a page source (``objections.md#kinds``) as the built site's URL."""
    target, hash_, anchor = link.partition("#")
    if target.endswith(".md"):
        target = target[:-3] + ".html"
    return target + hash_ + anchor


def rebase_link(link: str, from_page: str, to_page: str) -> str:
    """A link written relative to ``from_page``, rewritten relative to ``to_page``."""
    target, hash_, anchor = link.partition("#")
    absolute = posixpath.normpath(posixpath.join(posixpath.dirname(from_page), target or posixpath.basename(from_page)))
    if absolute == to_page:
        return hash_ + anchor
    relative = posixpath.relpath(absolute, posixpath.dirname(to_page) or ".")
    return relative + hash_ + anchor


def page_for(data_path: str) -> str:
    """``quizzes/a/b.yml`` → ``a/b.md``: the page a data file belongs to."""
    rel = data_path.removeprefix(f"{DATA_DIR}/")
    return rel.rsplit(".", 1)[0] + ".md"


def data_path_for(page: str) -> str:
    return f"{DATA_DIR}/{page.rsplit('.', 1)[0]}.yml"


# --------------------------------------------------------------------------
# Reading one file
# --------------------------------------------------------------------------

def read_yaml(path: str, text: str) -> LineDict:
    """Parse one data file; YAML mistakes become one-line Chinese errors."""
    try:
        raw = load(text)
    except DuplicateKeyError as exc:
        raise HandbookError(path, f"字段“{exc.key}”重复出现(同一层级每个字段只能写一次)", exc.line) from None
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
        raise HandbookError(path, *_explain_validation(exc, raw)) from None


def load_page_data(root: Path, data_file: Path) -> PageData:
    path = data_file.relative_to(root).as_posix()
    raw = read_yaml(path, data_file.read_text(encoding="utf-8"))
    return PageData(path, page_for(path), raw, parse_models(path, raw))


def load_bank(root: Path, docs_dir: Path | None = None) -> Bank:
    """Load and validate every data file; raise HandbookErrors listing all problems."""
    from .validate import validate_bank

    docs_dir = docs_dir or root / "docs"
    bank, errors = Bank(), []
    for data_file in sorted((root / DATA_DIR).rglob("*.y*ml")):
        if data_file.suffix not in (".yml", ".yaml"):
            continue
        try:
            loaded = load_page_data(root, data_file)
        except HandbookError as error:
            errors.append(error)
            continue
        bank.pages[loaded.page] = loaded
    # With a file unreadable, questions it holds look missing: don't report that too.
    errors += validate_bank(bank, docs_dir, complete=not errors)
    if errors:
        raise HandbookErrors(errors)
    return bank


# --------------------------------------------------------------------------
# Pydantic errors → Chinese
# --------------------------------------------------------------------------

def _submodels() -> list[type[BaseModel]]:
    return [obj for obj in vars(models).values()
            if isinstance(obj, type) and issubclass(obj, BaseModel) and obj is not BaseModel]


FIELD_TITLES = {**{name: title for model in _submodels()
                   for name, info in model.model_fields.items()
                   for title in [info.title] if title},
                "id": "编号", "type": "题型"}

CONTAINERS = {
    "quizzes": "测验", "questions": "问题", "scenes": "场景", "checklists": "清单",
    "items": "检查项", "forms": "表格", "criteria": "评定项目", "tools": "工具",
}
# Parts of a pydantic location that name a union branch, not a field.
BRANCH_NAMES = {"str", "Choice", "list[union[str,Choice]]", "function-after", "bool", "int",
                "lookup", "range"}


def _clean_loc(loc: tuple) -> tuple:
    return tuple(p for p in loc if not (isinstance(p, str) and (p in BRANCH_NAMES or "[" in p)))


def _context(raw: LineDict, loc: tuple) -> str:
    """“问题 obj-3: ” for the innermost element with an id along ``loc``."""
    label = ""
    chain = node_at(raw, loc)
    parts = [p for p in loc if not (isinstance(p, str) and p in models.QUESTION_TYPE_NAMES)]
    container = None
    for part, node in zip(parts, chain[1:]):
        if isinstance(part, str) and part in CONTAINERS:
            container = CONTAINERS[part]
        elif isinstance(part, int) and container and isinstance(node, dict):
            ident = node.get("id")
            label = f"{container} {ident}" if ident else f"{container}(第 {part + 1} 个)"
            container = None
        else:
            container = None
    return f"{label}: " if label else ""


def _explain_one(error: dict) -> str:
    kind = error["type"]
    loc = _clean_loc(error["loc"])
    name = next((p for p in reversed(loc) if isinstance(p, str)), "")
    label = f"“{FIELD_TITLES.get(name, name)}”" if name else ""
    ctx = error.get("ctx", {})
    value = error.get("input")
    if kind == "missing":
        return f"缺少{label}({name})"
    if kind == "extra_forbidden":
        return f"不认识的字段“{name}”(是否拼写错误?)"
    if kind == "union_tag_invalid":
        return f"题型“{ctx.get('tag')}”不存在，可用的题型：{'、'.join(models.QUESTION_TYPE_NAMES)}"
    if kind == "union_tag_not_found":
        return "缺少题型 type(single、multiple、truefalse、ordering、matching、scenario)"
    if kind == "string_pattern_mismatch":
        return f"{label}“{value}”格式不对：只能用小写英文字母、数字和连字符，例如 obj-kinds-1"
    if kind == "literal_error":
        return f"{label}的取值“{value}”无效，应为 {ctx.get('expected')}"
    if kind == "too_short":
        return f"{label}至少需要 {ctx.get('min_length')} 项"
    if kind == "string_too_short":
        shortest = ctx.get("min_length", 1)
        return f"{label}不能为空" if shortest <= 1 else f"{label}太短(至少 {shortest} 个字符)"
    if kind == "string_too_long":
        return f"{label}太长(最多 {ctx.get('max_length')} 个字符)"
    if kind in ("bool_parsing", "bool_type"):
        return f"{label}应为 true(对)或 false(错)"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"{label}应为整数"
    if kind in ("less_than_equal", "greater_than_equal", "less_than", "greater_than"):
        return f"{label}的数值超出允许范围"
    if kind == "list_type":
        return f"{label}应写成列表(每项以“- ”开头)"
    if kind == "string_type":
        return f"{label}应为一段文字"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"{label}格式不对：应为带字段的对象(如 text: …)"
    return f"{label}{error.get('msg', '格式不正确')}"


def _explain_validation(exc: ValidationError, raw: LineDict) -> tuple[str, int | None]:
    errors = exc.errors()
    # Prefer errors that are about the data, not a union branch that did not fit.
    errors.sort(key=lambda e: (e["type"] != "extra_forbidden", len(e["loc"]) - len(_clean_loc(e["loc"]))))
    first = errors[0]
    loc = _clean_loc(first["loc"])
    return _context(raw, loc) + _explain_one(first), line_of(raw, loc)
