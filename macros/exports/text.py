"""Trainer Markdown for the exports: HTML for the XML formats, plain text for sheets."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

from ..assessments.html import inline_html, markdown_html

LETTERS = "ABCDEFGHIJ"
XML_HEAD = b'<?xml version="1.0" encoding="UTF-8"?>\n'


def html_inline(text: str) -> str:
    return inline_html(text)


def html_block(text: str) -> str:
    return markdown_html(text)


def plain(text: str) -> str:
    """Markdown → one line of plain text (what a sheet cell shows)."""
    out = html.unescape(re.sub(r"<[^>]+>", "", markdown_html(text)))
    return re.sub(r"\s+", " ", out).strip()


# The XHTML QTI 2.1 bodies may hold (others, e.g. Markdown's <mark>, become <span>).
QTI_XHTML = {"a", "abbr", "b", "big", "blockquote", "br", "cite", "code", "dfn", "div", "em", "h1", "h2", "h3",
             "h4", "h5", "h6", "hr", "i", "kbd", "li", "ol", "p", "pre", "q", "samp", "small", "span", "strong",
             "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "tt", "ul", "var"}
KEPT_ATTRIBUTES = {"href", "class"}


def xhtml_into(parent: ET.Element, fragment: str, ns: str) -> None:
    """Append an HTML fragment to an empty ``parent`` as elements in namespace
    ``ns`` (QTI bodies are XHTML in the QTI namespace); as text when the
    fragment is not well-formed XML."""
    try:
        wrapper = ET.fromstring(f"<w>{fragment}</w>")
    except ET.ParseError:
        parent.text = html.unescape(re.sub(r"<[^>]+>", "", fragment))
        return
    for node in wrapper.iter():
        if node is wrapper:
            continue
        node.tag = f"{{{ns}}}{node.tag if node.tag in QTI_XHTML else 'span'}"
        for name in [n for n in node.attrib if n not in KEPT_ATTRIBUTES]:
            del node.attrib[name]
    parent.text = wrapper.text
    parent.extend(list(wrapper))
