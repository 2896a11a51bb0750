"""The JSON Schema of the data files, generated from the pydantic models.

Checked in as ``schema/quizzes.schema.json`` and bound to ``quizzes/**/*.yml``
in ``.vscode/settings.json``, so editors complete and check fields as
trainers type. ``python -m macros export-schema`` regenerates it; a test
fails when the checked-in copy is stale.
"""

from __future__ import annotations

import json
from pathlib import Path

from .models import DataFile

SCHEMA_PATH = Path("schema") / "quizzes.schema.json"


def model_schema(model, schema_id: str) -> dict:
    """A pydantic model's JSON Schema, labelled with its draft and file name."""
    schema = model.model_json_schema()
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    schema["$id"] = schema_id
    return schema


def schema_json(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def data_file_schema() -> dict:
    return model_schema(DataFile, "quizzes.schema.json")


def schema_text() -> str:
    return schema_json(data_file_schema())


def export_schema(root: Path) -> list[Path]:
    """Write both checked-in schemas: the data files' and the learner record's."""
    from .record import RECORD_SCHEMA_PATH, record_schema_text

    written = []
    for path, text in ((SCHEMA_PATH, schema_text()), (RECORD_SCHEMA_PATH, record_schema_text())):
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written
