"""The assessment data format: the single definition of what a file in
``quizzes/`` may contain.

Everything else derives from these models: validation (pydantic plus
``bank/rules.py`` for rules across fields and files), the JSON Schema that
editors use (``python -m macros export-schema``) and the trainers' format
page. Each field carries a Chinese title and description for both.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import ConfigDict, Field

from .fields import ID_PATTERN, Id, InventoryId, Line, Markdown, Strict  # noqa: F401 - re-exported
from . import types as question_types
from ..fieldkit.models import FieldKit

# --------------------------------------------------------------------------
# Questions: one model per registered type (see types/)
# --------------------------------------------------------------------------

Question = Annotated[Union[tuple(t.model for t in question_types.TYPES.values())], Field(discriminator="type")]


class Quiz(Strict):
    """一个测验：若干题目，练习模式或考试模式。"""

    id: Id
    title: str = Field(min_length=1, title="测验标题")
    mode: Literal["practice", "test"] = Field(
        "practice", title="模式",
        description="practice 练习：每题答完立即反馈；test 考试：全部答完后交卷评分。")
    pass_mark: int | None = Field(None, ge=1, le=100, title="及格线（百分比）",
                                  description="不填则使用 mkdocs.yml 中 extra.pass_mark。")
    shuffle: bool = Field(True, title="打乱选项", description="每次作答时在浏览器中打乱选项顺序。")
    description: Markdown | None = Field(
        None, title="说明", description="显示在题目上方，例如通过本测验意味着什么。")
    draw: list[Id] = Field(
        default_factory=list, title="抽取的题目",
        description="从其他测验中抽取的题目编号(阶段测试用)，排在本测验自己的题目之前。")
    questions: list[Question] = Field(default_factory=list, title="题目")


# --------------------------------------------------------------------------
# Checklists and trainer forms
# --------------------------------------------------------------------------

class ChecklistItem(Strict):
    id: Id
    text: Markdown = Field(title="检查项")
    note: str | None = Field(None, title="说明")


class ChecklistGroup(Strict):
    title: str = Field(min_length=1, title="分组标题")
    items: list[ChecklistItem] = Field(min_length=1, title="检查项")


class Checklist(Strict):
    """检查清单：分组的勾选项，勾选状态保存在本机，可以打印。"""

    id: Id
    title: str = Field(min_length=1, title="清单标题")
    description: str | None = Field(None, title="使用说明")
    covers: list[InventoryId] = Field(default_factory=list, title="对应的培训计划条目")
    groups: list[ChecklistGroup] = Field(min_length=1, title="分组")


class Level(Strict):
    value: int = Field(ge=0, le=10, title="分值")
    label: str = Field(min_length=1, title="等级名称", description="例如 优秀、良好。")


class Criterion(Strict):
    id: Id
    title: str = Field(min_length=1, title="评定项目")
    description: str | None = Field(None, title="说明")
    levels: dict[int, str] = Field(default_factory=dict, title="各等级的表现描述",
                                   description="键为分值，值为达到该分值的具体表现。")
    weight: int | None = Field(None, ge=1, le=100, title="权重（%）",
                               description="填了权重的表格按权重算百分制总分(每项得分 ÷ 最高分 × 权重)；"
                                           "一张表里的权重合计必须是 100。")


class Grade(Strict):
    min: int = Field(ge=0, le=100, title="最低分", description="百分制总分达到这个分数即为这一等级。")
    label: Line = Field(title="等级", description="例如 优秀。")


class CriteriaGroup(Strict):
    title: str = Field(min_length=1, title="评定维度")
    scored: bool = Field(True, title="计分", description="false 表示本维度只写评语、不打分，不计入合计。")
    criteria: list[Criterion] = Field(min_length=1, title="评定项目")


class Form(Strict):
    """培训师评估表：评分量表加上姓名、日期、签字栏，可在 A4 纸上打印。"""

    id: Id
    title: str = Field(min_length=1, title="表格标题")
    description: str | None = Field(None, title="使用说明")
    covers: list[InventoryId] = Field(default_factory=list, title="对应的培训计划条目")
    fields: list[Line] = Field(default_factory=lambda: ["姓名", "区域", "评定人", "日期"],
                              title="表头填写栏")
    scale: list[Level] = Field(min_length=2, title="评分等级")
    raters: list[Line] = Field(default_factory=lambda: ["评定人"], title="评分人",
                              description="每个评分人一列，例如 [本人, 客户经理] 表示自评和上级评分。")
    groups: list[CriteriaGroup] = Field(min_length=1, title="评定内容")
    grades: list[Grade] = Field(default_factory=list, title="总分等级",
                                description="按权重算出的百分制总分的等级，从高到低，例如 80 分以上优秀、60 分以上合格、0 分以上不合格。")
    decision: list[Line] = Field(default_factory=list, title="评定结论选项",
                                description="例如 [录用, 延长试岗, 不录用]。")
    signatures: list[Line] = Field(default_factory=lambda: ["被评人", "评定人"], title="签字栏")


# --------------------------------------------------------------------------
# Decision tools
# --------------------------------------------------------------------------

class ToolOption(Strict):
    value: str = Field(min_length=1, title="取值", description="例如 M 或 m。")
    label: str = Field(min_length=1, title="显示文字")


class Dimension(Strict):
    id: Id
    label: str = Field(min_length=1, title="判断项", description="例如 购买能力（M）。")
    options: list[ToolOption] = Field(min_length=2, title="可选的判断")


class Outcome(Strict):
    when: list[str] = Field(min_length=1, title="条件", description="按判断项的顺序列出取值，例如 [M, A, n]。")
    title: str = Field(min_length=1, title="结论")
    text: Markdown = Field(title="对策")


class ToolBase(Strict):
    id: Id
    title: str = Field(min_length=1, title="工具标题")
    description: Markdown | None = Field(None, title="使用说明")
    link: str | None = Field(None, title="学习链接", description="讲解这条规则的章节，相对于本页面。")
    covers: list[InventoryId] = Field(default_factory=list, title="对应的培训计划条目")


class LookupTool(ToolBase):
    """判断工具：逐项选择，得到对应的结论（例如 MAN 客户判断）。"""

    type: Literal["lookup"] = Field(title="工具类型", description="lookup：逐项选择后查表")
    dimensions: list[Dimension] = Field(min_length=1, title="判断项")
    outcomes: list[Outcome] = Field(min_length=1, title="结论表", description="每一种选择组合恰好对应一条。")


class Band(Strict):
    min: float = Field(title="下限（含）", allow_inf_nan=False)
    max: float = Field(title="上限（不含；最后一档含上限）", allow_inf_nan=False)
    title: str = Field(min_length=1, title="结论")
    text: Markdown = Field(title="对策")


class RangeTool(ToolBase):
    """区间工具：输入一个数，落在哪一档就给出哪一档的结论（例如代理商分级）。"""

    type: Literal["range"] = Field(title="工具类型", description="range：输入数值后按区间给结论")
    label: str = Field(min_length=1, title="输入项", description="例如 进货额占总销售额的比例。")
    unit: str = Field("", title="单位", description="例如 %。")
    min: float = Field(0, title="最小值", allow_inf_nan=False)
    max: float = Field(100, title="最大值", allow_inf_nan=False)
    bands: list[Band] = Field(min_length=2, title="区间", description="从小到大排列，首尾相接，覆盖最小值到最大值。")


class ShareClass(Strict):
    title: Line = Field(title="级别", description="例如 A 级代理商。")
    up_to: float = Field(gt=0, le=100, allow_inf_nan=False, title="累计占比到（%）",
                         description="从第一家往下累计，到这个百分比为止(含跨过它的那一家)属于这一级；最后一级写 100。")
    text: Markdown = Field(title="对策")


class ExampleRow(Strict):
    name: Line = Field(title="名称")
    value: float = Field(ge=0, allow_inf_nan=False, title="数值")


class CumulativeTool(ToolBase):
    """累计占比工具(ABC 分析)：输入一组对象和它们的数值(例如一个区域各代理商的进货额)，
    按数值从大到小排队、算出累计占比，分出级别。跨过分界线的那一家算较高的一级。"""

    type: Literal["cumulative"] = Field(title="工具类型", description="cumulative：按累计占比分级")
    item: Line = Field(title="对象", description="例如 代理商。")
    measure: Line = Field(title="数值", description="例如 进货额。")
    unit: str = Field("", title="单位", description="例如 万元。")
    classes: list[ShareClass] = Field(min_length=2, title="级别", description="从高到低排列，累计占比分界从小到大，最后一级到 100。")
    rows: int = Field(8, ge=2, le=50, title="初始行数")
    example: list[ExampleRow] = Field(default_factory=list, title="示例数据",
                                      description="页面上的示例：工具里有“填入示例”按钮，测试按它核对分级结果。")


Tool = Annotated[Union[LookupTool, RangeTool, CumulativeTool], Field(discriminator="type")]


# --------------------------------------------------------------------------
# A data file
# --------------------------------------------------------------------------

class DataFile(FieldKit):
    """quizzes/ 下的一个文件：与 docs/ 下同路径页面配套的测验、清单和表格，
    以及随身工具(列表、口袋卡、工作表格、计算器、阶段一页纸，见 fieldkit/models.py)。"""

    model_config = ConfigDict(title="培训手册测验数据", extra="forbid")

    quizzes: list[Quiz] = Field(default_factory=list, title="测验")
    checklists: list[Checklist] = Field(default_factory=list, title="检查清单")
    forms: list[Form] = Field(default_factory=list, title="评估表")
    tools: list[Tool] = Field(default_factory=list, title="判断工具")
