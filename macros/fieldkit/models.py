"""The field kit's data format: lists, pocket cards, work templates,
calculators and stage one-pagers, as trainers write them in ``quizzes/``.

``assessments/models.py`` adds these collections to a data file
(``DataFile`` inherits ``FieldKit``); everything else about them lives in
this room: rules (``rules.py``), the formula language (``expr.py``), HTML
(``render.py``) and the browser code (``runtime/``).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from ..assessments.fields import Id, InventoryId, Markdown, Strict

# A calculator's inputs and steps are named like this inside formulas.
VAR_PATTERN = r"^[a-z][a-z0-9_]*$"
SOURCE_PATTERN = r"^(tool|list):[a-z0-9]+(?:-[a-z0-9]+)*$"


def _shorthand(key: str, data):
    """A model that may also be written as one string (that string is ``key``)."""
    return {key: data} if isinstance(data, str) else data


# --------------------------------------------------------------------------
# Lists (one definition, shown wherever a page names it) and pocket cards
# --------------------------------------------------------------------------

class Row(Strict):
    """一行：可以只写文字，也可以写“名称 + 说明”。"""

    term: str | None = Field(None, min_length=1, title="名称", description="例如 M+A+N、A 利益汇总法、8:00—9:00。")
    text: Markdown = Field(title="内容")

    @model_validator(mode="before")
    @classmethod
    def _one_string(cls, data):
        return _shorthand("text", data)


class Listing(Strict):
    """列表：只定义一次，页面用 {{ items("编号") }} 放进正文，口袋卡用 source: list:编号 引用。"""

    id: Id
    title: str = Field(min_length=1, title="列表标题")
    items: list[Row] = Field(min_length=1, title="条目")


class CardSide(Strict):
    """口袋卡的一面。"""

    heading: str = Field(min_length=1, title="这一面的标题")
    rows: list[Row] = Field(default_factory=list, title="条目")
    source: str | None = Field(
        None, pattern=SOURCE_PATTERN, title="引用的数据",
        description="tool:工具编号 或 list:列表编号：条目取自那里(与页面上的工具、列表始终一致)，写在 rows 之后。")
    note: str | None = Field(None, title="底部说明")


class Card(Strict):
    """口袋卡：正反两面，A6 纸打印，随身携带。"""

    id: Id
    title: str = Field(min_length=1, title="卡片标题")
    link: str | None = Field(None, title="学习链接", description="讲解这张卡内容的章节，相对于本页面。")
    covers: list[InventoryId] = Field(default_factory=list, title="对应的培训计划条目")
    front: CardSide = Field(title="正面")
    back: CardSide = Field(title="背面")


# --------------------------------------------------------------------------
# Work templates
# --------------------------------------------------------------------------

FieldKind = Literal["text", "number", "date", "choice", "long"]


class TemplateField(Strict):
    """一个填写栏。"""

    label: str = Field(min_length=1, title="栏目名称")
    kind: FieldKind = Field("text", title="填写方式",
                            description="text 文字、number 数字、date 日期、choice 从选项中选、long 多行文字。")
    options: list[str] = Field(default_factory=list, title="选项", description="kind 为 choice 时的可选项。")
    unit: str = Field("", title="单位")

    @model_validator(mode="before")
    @classmethod
    def _one_string(cls, data):
        return _shorthand("label", data)


class TemplateTable(Strict):
    """表格中可以逐行填写的部分。"""

    title: str | None = Field(None, title="小标题")
    columns: list[TemplateField] = Field(min_length=1, title="列")
    first: list[str] = Field(default_factory=list, title="固定的第一列",
                             description="例如 周一～周六：每一项占一行，行数固定。")
    rows: int = Field(5, ge=1, le=30, title="空白行数", description="页面和空白打印稿上的行数；平板上可以再加行。")
    max_rows: int = Field(60, ge=1, le=200, title="最多行数")


class Template(Strict):
    """工作表格：在平板上填写并保存在本机，可以打印空白表或填好的表(A4)。"""

    id: Id
    title: str = Field(min_length=1, title="表格标题")
    description: str | None = Field(None, title="使用说明")
    link: str | None = Field(None, title="学习链接", description="讲解这张表用法的章节，相对于本页面。")
    covers: list[InventoryId] = Field(default_factory=list, title="对应的培训计划条目")
    landscape: bool = Field(False, title="横向打印", description="列多的表格用 A4 横向。")
    fields: list[TemplateField] = Field(default_factory=list, title="表头填写栏")
    tables: list[TemplateTable] = Field(default_factory=list, title="逐行填写的表格")
    notes: list[str] = Field(default_factory=list, title="大段填写栏", description="例如 问题与承诺、明日计划。")
    signatures: list[str] = Field(default_factory=list, title="签字栏")


# --------------------------------------------------------------------------
# Calculators
# --------------------------------------------------------------------------

VarName = str


class CalcInput(Strict):
    """计算器的一个输入项。"""

    name: VarName = Field(pattern=VAR_PATTERN, title="名称", description="公式中使用的名称：小写英文字母开头，可用数字和下划线。")
    label: str = Field(min_length=1, title="输入项")
    unit: str = Field("", title="单位")
    min: float = Field(0, title="最小值")
    max: float = Field(title="最大值")
    step: float | None = Field(None, gt=0, title="步长", description="例如 1 表示只能填整数。")


class CalcStep(Strict):
    """一个计算步骤：名称、公式、单位；可以用到输入项和前面的步骤。"""

    name: VarName = Field(pattern=VAR_PATTERN, title="名称")
    label: str = Field(min_length=1, title="结果名称")
    unit: str = Field("", title="单位")
    formula: str = Field(min_length=1, title="公式",
                         description="可用 + − × ÷(或 * /)、括号、比较(< <= > >= == !=)和函数 "
                                     "min、max、round、ceil、floor、abs、if(条件, 是, 否)。")
    digits: int = Field(2, ge=0, le=4, title="显示的小数位数")


class CalcExample(Strict):
    """页面上的算例：构建时按公式重算，与写下的结果不一致就停止构建。"""

    text: Markdown | None = Field(None, title="情景")
    inputs: dict[str, float] = Field(title="输入", description="每个输入项的取值。")
    results: dict[str, float] = Field(title="结果", description="各步骤的结果(构建时核对)。")


class CalcAdvice(Strict):
    """按结果给出的一条提示：条件成立时显示。"""

    when: str = Field(min_length=1, title="条件",
                      description="一个比较，可用输入项和计算步骤的名称，例如 p3 > 30。")
    text: str = Field(min_length=1, title="提示")


class Calculator(Strict):
    """计算器：输入数值，按公式逐步算出结果并写出算式。"""

    id: Id
    title: str = Field(min_length=1, title="计算器标题")
    description: Markdown | None = Field(None, title="使用说明")
    link: str | None = Field(None, title="学习链接", description="讲解这个算法的章节，相对于本页面。")
    covers: list[InventoryId] = Field(default_factory=list, title="对应的培训计划条目")
    inputs: list[CalcInput] = Field(min_length=1, title="输入项")
    steps: list[CalcStep] = Field(min_length=1, title="计算步骤")
    example: CalcExample = Field(title="算例")
    advice: list[CalcAdvice] = Field(default_factory=list, title="按结果给出的提示",
                                     description="每条提示在条件成立时显示在结果下方；算例也列出它触发的提示。")
    advice_ok: str | None = Field(None, title="没有提示时显示",
                                  description="所有提示的条件都不成立时显示的一句话。")


# --------------------------------------------------------------------------
# Stage one-pagers
# --------------------------------------------------------------------------

class OnePager(Strict):
    """阶段一页纸：这一阶段第一周做什么、按什么评定、用哪张表或哪个测试结束。"""

    id: Id
    title: str = Field(min_length=1, title="标题")
    goal: str = Field(min_length=1, title="这一阶段的目的")
    week1: list[str] = Field(min_length=1, title="第一周做什么")
    judged: list[str] = Field(min_length=1, title="按什么评定")
    closes: list[Id] = Field(min_length=1, title="结束本阶段的表格或测试",
                             description="评估表、检查清单或测验的编号(可以在其他数据文件中)。")
    next: str | None = Field(None, title="通过以后")


class FieldKit(Strict):
    """The field kit's collections of a data file (``DataFile`` inherits them)."""

    lists: list[Listing] = Field(default_factory=list, title="列表")
    cards: list[Card] = Field(default_factory=list, title="口袋卡")
    templates: list[Template] = Field(default_factory=list, title="工作表格")
    calculators: list[Calculator] = Field(default_factory=list, title="计算器")
    onepagers: list[OnePager] = Field(default_factory=list, title="阶段一页纸")


# For error messages (bank/explain.py): the models whose field titles it uses,
# and the Chinese names of the collections that hold items with ids.
MODELS = [Row, Listing, CardSide, Card, TemplateField, TemplateTable, Template, CalcInput, CalcStep,
          CalcExample, Calculator, OnePager]
CONTAINERS = {"lists": "列表", "cards": "口袋卡", "templates": "工作表格", "calculators": "计算器",
              "onepagers": "阶段一页纸"}
