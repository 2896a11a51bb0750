"""The registry of question types.

A question type is one Python module in this folder and one browser module
beside it with the same name (``<type>.py`` + ``<type>.js``). The
Python module defines:

    NAME     the ``type:`` trainers write, e.g. "single"
    LABEL    its Chinese name, e.g. "单选题"
    HINT     shown after the label on the page, e.g. "（可多选）" ("" for none)
    ORDER    position in lists and on the format page (smaller first)
    Model    the pydantic model (subclass of ``base.QuestionBase``) whose
             ``type`` field is ``Literal[NAME]``
    PARTS    [(sub-model, Chinese heading)] documented on the format page
    EXAMPLE  a YAML example of one question (SCAFFOLD = True: new files start with it)
    check(q)          -> [(message, location inside the question)]
    render(q, dom)    -> (HTML of the answer area, the question's key entry)
    export(q)         -> plain data for question-bank exports, or None when
                         the type has no flat form. The exports
                         (``macros/exports/``) map data by its shape, never
                         by type name: {"options", "correct" (indices),
                         "feedback", "multiple"} is a choice, {"items"} an
                         order (right order), {"pairs", "distractors"} a
                         match; any other shape is reported as not held
    measure(qs, rules, minimum) -> optional: (figure, problem or None) for a set of
                         questions of this type, e.g. how much "always 错"
                         scores; the bank's rules run it over the whole bank,
                         and over each stage test too when MEASURED_IN
                         includes "test" (``bank/rules.py``)

The browser module registers the same name with the runtime
(``HandbookAssessments.types.register``: read, write, grade, mark). Adding a
type is those two files and their tests; nothing else names a type.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Callable, get_args

HERE = Path(__file__).parent
REQUIRED = ("NAME", "LABEL", "Model", "check", "render", "export")


@dataclass(frozen=True)
class QuestionType:
    name: str
    label: str
    hint: str
    order: int
    model: type
    parts: tuple
    example: str
    check: Callable
    render: Callable
    export: Callable
    script: Path
    scaffold: bool = False
    measure: Callable | None = None
    measured_in: tuple = ("bank",)

    @property
    def heading(self) -> str:
        return f"{self.label} {self.name}"


def _load(module: ModuleType) -> QuestionType:
    missing = [name for name in REQUIRED if not hasattr(module, name)]
    if missing:
        raise ImportError(f"question type {module.__name__} lacks {', '.join(missing)}")
    literal = module.Model.model_fields["type"].annotation
    if get_args(literal) != (module.NAME,):
        raise ImportError(f"{module.__name__}.Model.type must be Literal[{module.NAME!r}]")
    script = Path(module.__file__).with_suffix(".js")
    if not script.is_file():
        raise ImportError(f"question type {module.NAME} has no browser module {script.name}")
    return QuestionType(module.NAME, module.LABEL, getattr(module, "HINT", ""), getattr(module, "ORDER", 100),
                        module.Model, tuple(getattr(module, "PARTS", ())), getattr(module, "EXAMPLE", ""),
                        module.check, module.render, module.export, script, getattr(module, "SCAFFOLD", False),
                        getattr(module, "measure", None), tuple(getattr(module, "MEASURED_IN", ("bank",))))


def _discover() -> dict[str, QuestionType]:
    found = []
    for info in pkgutil.iter_modules([str(HERE)]):
        if info.name.startswith("_") or info.name == "base":
            continue
        found.append(_load(importlib.import_module(f"{__name__}.{info.name}")))
    found.sort(key=lambda t: (t.order, t.name))
    return {t.name: t for t in found}


TYPES: dict[str, QuestionType] = _discover()


def get(name: str) -> QuestionType:
    return TYPES[name]


def names() -> list[str]:
    return list(TYPES)


def labels() -> dict[str, str]:
    """type name → Chinese name, in registry order."""
    return {t.name: t.label for t in TYPES.values()}


def scaffold_example() -> str:
    """The example a new data file starts with (the type with ``SCAFFOLD = True``)."""
    return next((t.example for t in TYPES.values() if t.scaffold), next(iter(TYPES.values())).example)


def scripts() -> list[Path]:
    """The browser modules of every type, in registry order (bundled at build)."""
    return [t.script for t in TYPES.values()]
