"""The JSON Schema of the data files, generated from the pydantic models.

Checked in as ``schema/quizzes.schema.json`` and bound to ``quizzes/**/*.yml``
in ``.vscode/settings.json``, so editors complete and check fields as
trainers type. ``python -m macros export-schema`` regenerates it; a test
fails when the checked-in copy is stale.
"""

from __future__ import annotations

from pathlib import Path

from ..assessments.models import DataFile
from ..schema_json import model_schema, schema_json

SCHEMA_PATH = Path("schema") / "quizzes.schema.json"


def data_file_schema() -> dict:
    return model_schema(DataFile, "quizzes.schema.json")


def schema_text() -> str:
    return schema_json(data_file_schema())
