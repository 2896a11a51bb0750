"""HTML fragments from trainer-written text: Markdown, escaping, tokens.

Pure functions, used by every renderer (question types included).
"""

from __future__ import annotations

import hashlib
import html
import random
import re

import markdown as md
import nh3

_MD = md.Markdown(extensions=["attr_list", "tables", "pymdownx.mark", "pymdownx.tilde"])

CJK_BREAK = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])\n(?=[\u3000-\u9fff\uff00-\uffef])")

# Text with none of these needs no Markdown conversion (most options and
# feedback are plain Chinese sentences): escaping is enough, and much faster.
MARKDOWN_SYNTAX = re.compile(r"[*_`\[\]<>#|!~=^\\&\n]|^\s*(?:[-+]\s|\d+[.)]\s)|https?:")


# What trainer-written HTML may contain after Markdown: an allow-list applied by
# nh3 (the Rust ammonia sanitiser). No script, style, frames, forms or event
# attributes; links may point anywhere a reader can follow, images only into
# the handbook itself (a remote image would be fetched the moment it shows).
ALLOWED_TAGS = {"p", "br", "hr", "strong", "em", "b", "i", "u", "s", "code", "pre", "kbd", "mark", "del", "ins",
                "sub", "sup", "small", "span", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "a", "img",
                "table", "thead", "tbody", "tr", "th", "td", "caption", "h4", "h5", "h6", "abbr"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title", "width", "height"},
                      "th": {"align", "colspan", "rowspan"}, "td": {"align", "colspan", "rowspan"},
                      "abbr": {"title"}, "span": {"class"}, "ol": {"start"}}
LINK_SCHEMES = {"http", "https", "mailto", "tel"}
REMOTE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:|//)", re.I)


def _attribute(tag: str, name: str, value: str) -> str | None:
    if tag == "img" and name == "src" and REMOTE.match(value):
        return None                                   # only the handbook's own images
    return value


def sanitise(fragment: str) -> str:
    """Trainer-written HTML through the allow-list (idempotent)."""
    return nh3.clean(fragment, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=LINK_SCHEMES,
                     attribute_filter=_attribute, link_rel=None, strip_comments=True)


def markdown_html(text: str) -> str:
    """Block Markdown → sanitised HTML on one line (a raw HTML block must have no blank line).

    A line break between two Chinese characters is dropped rather than shown as a
    space, so trainers can wrap long Chinese lines in YAML.
    """
    text = text.strip()
    if not MARKDOWN_SYNTAX.search(text):
        return f"<p>{esc(text)}</p>"
    _MD.reset()
    out = sanitise(_MD.convert(text)).strip()
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
