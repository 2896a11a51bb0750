"""JSON Schema files from pydantic models: one writer for every schema the
handbook checks in (``schema/*.schema.json``)."""

from __future__ import annotations

import json


def model_schema(model, schema_id: str) -> dict:
    """A pydantic model's JSON Schema, labelled with its draft and file name."""
    schema = model.model_json_schema()
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    schema["$id"] = schema_id
    return schema


def schema_json(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
