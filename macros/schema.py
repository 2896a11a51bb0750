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


def data_file_schema() -> dict:
    schema = DataFile.model_json_schema()
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    schema["$id"] = "quizzes.schema.json"
    return schema


def schema_text() -> str:
    return json.dumps(data_file_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


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
