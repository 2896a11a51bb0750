"""Text that must not reach a learner's browser: script, frames, event
attributes, ``javascript:`` links, and resources fetched from other sites
(an image, a style sheet, a font: each request would leave the device).

Used on every string of the data files (``bank/rules.py``) and on the
Markdown of every page (``adapter/hooks.py``); the sanitiser and the
Content-Security-Policy stop anything that slips through, but a trainer
should hear about it at build time, at its line.
"""

from __future__ import annotations

import re

RULES: list[tuple[re.Pattern, str]] = [
    (re.compile(r"<\s*(script|iframe|frame|object|embed|style|link|meta|base|form|svg|math)\b", re.I),
     "不能写 <{0}> 标签(手册只接受普通文字、Markdown 和简单的 HTML)"),
    (re.compile(r"<[^>]*\son[a-z]+\s*=", re.I),
     "不能写 on…= 事件属性(它会在学员的浏览器里运行代码)"),
    (re.compile(r"\b(?:javascript|vbscript|data)\s*:(?!image/(?:png|gif|jpeg|webp);)", re.I),
     "不能写 javascript: 一类的链接"),
    (re.compile(r"!\[[^\]]*\]\(\s*<?(?:[a-z][a-z0-9+.-]*:|//)", re.I),
     "图片只能用手册里的文件(不能引用外部网址：离线时显示不出来，还会把学员正在看的内容告诉别的网站)"),
    (re.compile(r"<[^>]*\s(?:src|srcset|poster|background|data)\s*=\s*[\"']?\s*(?:[a-z][a-z0-9+.-]*:|//)", re.I),
     "不能引用外部网址的图片或资源(离线时显示不出来，还会把学员正在看的内容告诉别的网站)"),
    (re.compile(r"url\(\s*[\"']?\s*(?:[a-z][a-z0-9+.-]*:|//)", re.I),
     "不能在样式里引用外部网址"),
]


def unsafe(text: str) -> list[tuple[int, str]]:
    """(character offset, problem) for each thing in ``text`` that is not allowed."""
    found = []
    for pattern, message in RULES:
        for match in pattern.finditer(text):
            found.append((match.start(), message.format(*(g.lower() for g in match.groups() if g))))
    return sorted(found)


def line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1
