"""The answer key of a quiz and the content hash of a question.

A static site cannot keep answers secret; the key is only not readable at a
glance: JSON, XOR-ed with the quiz id, base64. The runtime decodes it after
the learner answers (``decodeKey`` in runtime/quiz.js does the same).
"""

from __future__ import annotations

import base64
import hashlib
import json


def encode_key(data: dict, quiz_id: str) -> str:
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    pad = quiz_id.encode("utf-8")
    mixed = bytes(b ^ pad[i % len(pad)] for i, b in enumerate(raw))
    return base64.b64encode(mixed).decode("ascii")


def decode_key(blob: str, quiz_id: str) -> dict:
    """Inverse of ``encode_key``."""
    mixed = base64.b64decode(blob)
    pad = quiz_id.encode("utf-8")
    return json.loads(bytes(b ^ pad[i % len(pad)] for i, b in enumerate(mixed)).decode("utf-8"))


def content_hash(question) -> str:
    """Hash of what the learner answers: changes when the question's substance does.

    Explanations, feedback, links and inventory ids are left out, so fixing a
    typo in an explanation keeps learners' saved answers.
    """
    data = question.model_dump(exclude={"explanation", "link", "covers"})

    def strip(value):
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k != "feedback"}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    canonical = json.dumps(strip(data), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:10]
