"""The answer key of a quiz and the content hash of a question.

A static site cannot keep answers secret; the key is only not readable at a
glance: JSON whose printable ASCII and CJK characters are each turned by an
amount taken from the quiz id (a substitution, the same at every position,
so the key still compresses like text: base64 of XOR-ed bytes, the earlier
form, cost 30 % more raw and did not compress at all). The page holds it
HTML-escaped in ``data-key``; the runtime decodes it after the learner
answers (``decodeKey`` in runtime/core.js does the same as ``decode_key``).
"""

from __future__ import annotations

import hashlib
import json

ASCII = (0x20, 95)             # first code point, how many: the printable ASCII characters
CJK = (0x4E00, 0x5200)         # CJK Unified Ideographs U+4E00–U+9FFF
CJK_STEP = 7919


def _shift(quiz_id: str) -> int:
    return sum(quiz_id.encode("utf-8")) % 94 + 1


def _turn(text: str, shift: int) -> str:
    out = []
    for ch in text:
        c = ord(ch)
        if ASCII[0] <= c < ASCII[0] + ASCII[1]:
            c = ASCII[0] + (c - ASCII[0] + shift) % ASCII[1]
        elif CJK[0] <= c < CJK[0] + CJK[1]:
            c = CJK[0] + (c - CJK[0] + shift * CJK_STEP) % CJK[1]
        out.append(chr(c))
    return "".join(out)


def encode_key(data: dict, quiz_id: str) -> str:
    """The key as text (HTML-escape it to put it in an attribute)."""
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return _turn(raw, _shift(quiz_id))


def decode_key(blob: str, quiz_id: str) -> dict:
    """Inverse of ``encode_key`` (``blob`` as the attribute's value, unescaped)."""
    return json.loads(_turn(blob, -_shift(quiz_id)))


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
