"""What every question type shares: the common fields and choice helpers."""

from __future__ import annotations

import re
from typing import Union

from pydantic import Field

from ..fields import Id, InventoryId, Markdown, Strict


class QuestionBase(Strict):
    id: Id
    prompt: Markdown = Field(title="题干", description="题目本身，最好是一个工作中的情境。")
    explanation: Markdown = Field(title="解析", description="答题后显示：讲清道理，而不只是给出答案。")
    link: str = Field(title="学习链接",
                      description="讲解这道题的章节，相对于本页面，例如 objections.md#taiji 或 #taiji。")
    covers: list[InventoryId] = Field(default_factory=list, title="考查的培训计划条目")


class Choice(Strict):
    """An option of a choice question, with optional feedback."""

    text: Markdown = Field(title="选项内容")
    feedback: str | None = Field(None, title="选项反馈",
                                 description="学员选了这一项后看到的说明：为什么对或为什么错。")


ChoiceOrText = Union[str, Choice]


def choice_text(choice: ChoiceOrText) -> str:
    return choice if isinstance(choice, str) else choice.text


def choice_feedback(choice: ChoiceOrText) -> str | None:
    return None if isinstance(choice, str) else choice.feedback


def answers_of(question) -> list:
    """The right options of a choice question, always as a list."""
    answer = question.answer
    return answer if isinstance(answer, list) else [answer]


# --------------------------------------------------------------------------
# Shared by the choice types (single, multiple)
# --------------------------------------------------------------------------

CATCH_ALL = re.compile(r"以上(都|全|均)(对|不对|正确|错误|是|不是)|都不对|全都对|都对|都不是")


def check_choices(q) -> list[tuple[str, tuple]]:
    texts = [choice_text(c) for c in answers_of(q) + list(q.distractors)]
    problems = [(f"选项“{text}”重复出现", ("distractors",)) for text in sorted({t for t in texts if texts.count(t) > 1})]
    problems += [(f"选项“{text}”是“以上都对/都不对”一类的万能选项：它考的是猜题技巧，请换成一个具体的说法",
                  ("distractors",)) for text in texts if CATCH_ALL.search(text)]
    return problems


def habit_score(questions, pick) -> float:
    """Questions a rep gets right by always choosing ``pick`` (``min`` or ``max``
    option length); an answer tied with k other options counts 1/(k+1)."""
    score = 0.0
    for q in questions:
        answers = {choice_text(c) for c in answers_of(q)}
        lengths = {choice_text(c): len(choice_text(c)) for c in answers_of(q) + list(q.distractors)}
        best = pick(lengths.values())
        chosen = [t for t, n in lengths.items() if n == best]
        score += sum(1 for t in chosen if t in answers) / len(chosen)
    return score


def render_choices(q, dom: str, kind: str) -> tuple[str, dict]:
    """Radio or checkbox options; key entry with the right tokens and feedback."""
    from ..html import esc, inline_html, stable_shuffle, token

    choices = [(c, True) for c in answers_of(q)] + [(c, False) for c in q.distractors]
    feedback, correct, options = {}, [], []
    for choice, is_answer in stable_shuffle(choices, q.id):
        text = choice_text(choice)
        value = token(q.id, text)
        if is_answer:
            correct.append(value)
        if choice_feedback(choice):
            feedback[value] = inline_html(choice_feedback(choice))
        options.append(
            f'<label class="hb-option"><input type="{kind}" name="{esc(dom)}" value="{value}">'
            f"<span>{inline_html(text)}</span></label>"
        )
    return f'<div class="hb-options">{"".join(options)}</div>', {"correct": correct, "feedback": feedback}


def export_choices(q, multiple: bool) -> dict:
    """Options in a fixed order (answers first is a giveaway: shuffled by id);
    ``multiple``: the rep may tick several (a multiple-choice question with one
    right option is still one where several may be ticked)."""
    from ..html import stable_shuffle

    choices = stable_shuffle([(c, True) for c in answers_of(q)] + [(c, False) for c in q.distractors], q.id)
    return {"options": [choice_text(c) for c, _ in choices],
            "correct": [i for i, (_, right) in enumerate(choices) if right],
            "feedback": [choice_feedback(c) for c, _ in choices],
            "multiple": multiple}
