"""HTML fragments from trainer-written text: Markdown, escaping, tokens.

Pure functions, used by every renderer (question types included).
"""

from __future__ import annotations

import hashlib
import html
import random
import re

import markdown as md

_MD = md.Markdown(extensions=["attr_list", "tables", "pymdownx.mark", "pymdownx.tilde"])

CJK_BREAK = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])\n(?=[\u3000-\u9fff\uff00-\uffef])")

# Text with none of these needs no Markdown conversion (most options and
# feedback are plain Chinese sentences): escaping is enough, and much faster.
MARKDOWN_SYNTAX = re.compile(r"[*_`\[\]<>#|!~=^\\&\n]|^\s*(?:[-+]\s|\d+[.)]\s)|https?:")


def markdown_html(text: str) -> str:
    """Block Markdown → HTML on one line (a raw HTML block must have no blank line).

    A line break between two Chinese characters is dropped rather than shown as a
    space, so trainers can wrap long Chinese lines in YAML.
    """
    text = text.strip()
    if not MARKDOWN_SYNTAX.search(text):
        return f"<p>{esc(text)}</p>"
    _MD.reset()
    out = _MD.convert(text)
    return CJK_BREAK.sub("", out).replace("\n", " ")


def inline_html(text: str) -> str:
    """Markdown of one line → HTML without the wrapping paragraph."""
    out = markdown_html(text)
    if out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
        out = out[3:-4]
    return out


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def token(*parts: str) -> str:
    """Opaque, stable value for an option: reveals nothing about correctness."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:8]


def stable_shuffle(items: list, seed: str) -> list:
    """The order the page shows without JavaScript: shuffled, same on every build."""
    shuffled = list(items)
    random.Random(seed).shuffle(shuffled)
    return shuffled
