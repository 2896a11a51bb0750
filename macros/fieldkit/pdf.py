"""The whole handbook as one PDF: ``./handbook pdf`` (``python -m macros pdf``).

Made from the built site, so it shows what readers see:

1. ``compose`` joins every page's article in nav order into one HTML file
   (``print.html`` in the site folder, styled by the site's own stylesheets
   plus ``PRINT_CSS``): a cover, the contents, then each page starting on a
   new sheet. Links between pages become links inside the PDF; ids are
   prefixed per page so they stay unique. Quizzes become question sheets:
   the encoded answer key (``data-key``) and every script are left out, so
   no answer, feedback or explanation can reach the paper. Checklists,
   forms and templates print as blank forms; the rule tables of the
   decision tools and the calculators' formulas are opened.
2. WeasyPrint lays it out on A4: page numbers in the margin boxes, the
   contents' numbers from ``target-counter``, bookmarks from the headings,
   and Debian's Noto Sans CJK embedded as subset CID fonts, so the Chinese
   text is selectable and searchable.

Why WeasyPrint and not Chromium's print is measured in
docs/trainers/architecture.md (#pdf): Chromium embeds the CFF-based Noto
CJK fonts as hundreds of nameless Type 3 fonts (a PDF almost four times
larger, with no CJK font that ``pdffonts`` can name) and cannot number the
contents without printing twice.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from ..content.config import read_config
from ..content.learning_path import nav_sections

PRINT_FILE = "print.html"
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
STYLES = re.compile(r'<link rel="stylesheet" href="([^"]+)"')

PRINT_CSS = """
@page { size: A4; margin: 16mm 15mm 18mm;
  @bottom-center { content: counter(page); font-size: 9pt; color: #555; } }
@page pdf-cover { margin: 0; @bottom-center { content: none; } }
html, body { background: #fff !important; }
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", sans-serif; }
.md-typeset { font-size: 10.5pt; line-height: 1.6; }
.pdf-cover { page: pdf-cover; height: 297mm; box-sizing: border-box; padding: 70mm 25mm 20mm;
  display: flex; flex-direction: column; break-after: page; }
.pdf-cover h1 { font-size: 30pt; margin: 0 0 6mm; color: #1a237e; font-weight: 700; }
.pdf-cover .pdf-cover__sub { font-size: 13pt; color: #333; margin: 0 0 40mm; }
.pdf-cover .pdf-cover__meta { margin-top: auto; font-size: 10pt; color: #555; }
.pdf-toc { break-after: page; }
.pdf-toc h2 { font-size: 18pt; margin: 0 0 6mm; }
.pdf-toc ol { list-style: none; margin: 0; padding: 0; }
.pdf-toc__section { margin: 3mm 0 1mm; font-weight: 700; }
.pdf-toc__entry a { display: flex; gap: 2mm; color: inherit; text-decoration: none; padding: .4mm 0 .4mm 5mm; }
.pdf-toc__entry a .pdf-toc__title { flex: 0 1 auto; }
.pdf-toc__entry a .pdf-toc__dots { flex: 1 1 auto; border-bottom: 1px dotted #999; margin-bottom: 1.4mm; }
.pdf-toc__num { flex: 0 0 10mm; text-align: right; }
.pdf-toc__num::after { content: target-counter(attr(data-target), page); }
.pdf-page { break-before: page; position: relative; }
.pdf-page__section { font-size: 9pt; color: #555; margin: 0 0 2mm; }
.hb-onepager__grid { grid-template-columns: 1fr 1fr 1fr; }
.md-typeset h1 { font-size: 18pt; margin: 0 0 4mm; }
.md-typeset h2 { font-size: 14pt; break-after: avoid; }
.md-typeset h3 { font-size: 12pt; break-after: avoid; }
.md-typeset table:not([class]) { font-size: 9pt; }
.md-typeset .admonition, .md-typeset details { font-size: 9.5pt; break-inside: avoid; }
.md-typeset details > summary::after { display: none; }
/* Material draws admonition icons with mask-image, which WeasyPrint paints as a square */
.md-typeset .admonition-title::before, .md-typeset summary::before { display: none !important; }
.md-typeset .admonition-title, .md-typeset summary { padding-left: .8em !important; }
.hb-quiz .hb-question { break-inside: avoid; }
.pdf-options { counter-reset: pdf-option; }
.pdf-options .hb-option { display: block; padding: .3mm 0; }
.pdf-box { margin-right: 1.5mm; }
.pdf-box::after { counter-increment: pdf-option; content: " " counter(pdf-option, upper-alpha) "."; }
.pdf-blank { display: inline-block; min-width: 18mm; white-space: nowrap; }
.md-typeset ol.pdf-choices { list-style: upper-alpha; margin-top: 0; }
.pdf-choices__title { margin: 1mm 0 0; font-size: 9.5pt; }
.hb-quiz__meta::after { content: "（纸质版只有题目，答案和解析请在手册网页上作答后查看）"; }
.hb-card__side { page: auto !important; break-after: auto !important; border: 1px solid #999 !important;
  padding: 4mm !important; margin: 0 0 4mm; break-inside: avoid; }
.hb-cards .hb-card { break-inside: avoid; }
/* WeasyPrint stops laying out at a grid of display: contents rows: plain rows on paper */
.md-typeset dl.hb-card__rows { display: block !important; }
.md-typeset .hb-card__row { display: flex !important; gap: 3mm; margin: 0 0 1mm; }
.md-typeset .hb-card__row dt { flex: 0 0 26mm; }
.md-typeset .hb-card__row dd { flex: 1 1 auto; }
.hb-record, .hb-offline { border: 1px dashed #999; padding: 2mm 4mm; }
"""


@dataclass
class Entry:
    number: int
    src: str             # "pre-job/objections.md"
    url: str             # "pre-job/objections.html"
    title: str
    section: str


def nav_entries(project: Path, site: Path) -> list[Entry]:
    """Every page of the nav, in order, with its section's title."""
    config = read_config(project)
    entries: list[Entry] = []
    for item in config.get("nav", []):
        if isinstance(item, dict):
            (title, value), = item.items()
            if value == "index.md":
                entries.append(Entry(len(entries) + 1, "index.md", "index.html", title, ""))
    for section in nav_sections(config.get("nav", [])):
        for src in section.pages:
            url = src[:-3] + ".html"
            if (site / url).is_file():
                entries.append(Entry(len(entries) + 1, src, url, "", section.title))
    for entry in entries:
        text = (site / entry.url).read_text(encoding="utf-8")
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", ARTICLE.search(text).group(1), re.S)
        entry.title = _plain(h1.group(1)) if h1 else entry.title or entry.src
    return entries


def _plain(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).replace("¶", "").strip()


# --------------------------------------------------------------------------
# One page's article, made fit for paper
# --------------------------------------------------------------------------

REMOVE = [
    re.compile(r'<a [^>]*class="md-content__button[^"]*"[^>]*>.*?</a>', re.S),   # edit this page
    re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S),
    re.compile(r"<script\b.*?</script>", re.S),
    re.compile(r'<p class="hb-(?:quiz|calc)__nojs">.*?</p>', re.S),
    re.compile(r'<div class="hb-quiz__footer">.*?</div></div>', re.S),
    re.compile(r'<div class="hb-calc__result"[^>]*>.*?</p></div>', re.S),
    re.compile(r'<div class="hb-tool__result"[^>]*></div>'),
    re.compile(r'<div class="hb-tools"></div>'),
    re.compile(r'<div class="hb-question__actions"></div><div class="hb-feedback"[^>]*></div>'),
]
ANSWER_KEY = re.compile(r'\sdata-(?:key|program|rules)="[^"]*"')


OPTIONS = re.compile(r'<div class="hb-options">(.*?)</div>', re.S)
CHOICE_INPUT = re.compile(r'<input type="(radio|checkbox)"[^>]*>')
MATCHING = re.compile(r'<ul class="hb-match">(.*?)</ul>', re.S)
ORDERING = re.compile(r'<ul class="hb-order">(.*?)</ul>', re.S)
SELECT = re.compile(r"<select\b[^>]*>(.*?)</select>", re.S)
OPTION = re.compile(r'<option value="([^"]+)">(.*?)</option>', re.S)


def paper_questions(article: str) -> str:
    """Question sheets a rep fills in with a pen: a box (○ one answer, □ several)
    before each lettered option, a blank for each position of an ordering
    question, and a matching question's choices written out as A, B, C…
    (on screen they sit inside drop-downs, which paper cannot open)."""
    def options(match: re.Match) -> str:
        inner = CHOICE_INPUT.sub(lambda m: f'<span class="pdf-box">{"○" if m.group(1) == "radio" else "□"}</span>',
                                 match.group(1))
        return f'<div class="hb-options pdf-options">{inner}</div>'

    def ordering(match: re.Match) -> str:
        return '<ul class="hb-order">' + SELECT.sub('<span class="pdf-blank">第＿＿位</span>', match.group(1)) + "</ul>"

    def matching(match: re.Match) -> str:
        first = SELECT.search(match.group(1))
        choices = OPTION.findall(first.group(1)) if first else []
        rows = SELECT.sub('<span class="pdf-blank">（　　）</span>', match.group(1))
        listed = "".join(f"<li>{text}</li>" for _, text in choices)
        return (f'<ul class="hb-match">{rows}</ul>'
                f'<p class="pdf-choices__title">可选内容（把字母填在括号里）：</p><ol class="pdf-choices">{listed}</ol>')

    article = OPTIONS.sub(options, article)
    article = ORDERING.sub(ordering, article)
    return MATCHING.sub(matching, article)


def paper_article(article: str, entry: Entry, pages: dict[str, int]) -> str:
    """The article of one page, without what only works on screen."""
    for pattern in REMOVE:
        article = pattern.sub("", article)
    article = ANSWER_KEY.sub("", article)
    article = paper_questions(article)
    article = re.sub(r"<details(?![^>]*\bopen\b)", "<details open", article)
    prefix = f"p{entry.number}-"
    here = posixpath.dirname(entry.url)

    def ids(match: re.Match) -> str:
        name, value = match.group(1), match.group(2)
        return f'{name}="{" ".join(prefix + v for v in value.split())}"'

    article = re.sub(r'\b(id|for|aria-labelledby|aria-describedby|aria-controls)="([^"]+)"', ids, article)

    def link(match: re.Match) -> str:
        attr, value = match.group(1), html.unescape(match.group(2))
        if re.match(r"^[a-z]+:", value) or value.startswith("//"):
            return match.group(0)
        target, _, anchor = value.partition("#")
        if not target:
            return f'{attr}="#{prefix}{anchor}"'
        path = posixpath.normpath(posixpath.join(here, target))
        if attr == "src":
            return f'src="{html.escape(path)}"'
        if path.endswith("/") or not path.endswith(".html"):
            path = posixpath.join(path, "index.html") if not path.endswith(".html") else path
        number = pages.get(path)
        if number is None:
            return 'data-offsite=""'
        return f'href="#p{number}-{anchor}"' if anchor else f'href="#p{number}"'

    return re.sub(r'\b(href|src)="([^"]*)"', link, article)


def compose(site: Path, project: Path) -> tuple[str, list[Entry]]:
    """The whole handbook as one HTML document (without the contents' page numbers)."""
    config = read_config(project)
    entries = nav_entries(project, site)
    pages = {e.url: e.number for e in entries}
    styles = []
    for href in STYLES.findall((site / "index.html").read_text(encoding="utf-8")):
        styles.append(f'<link rel="stylesheet" href="{html.escape(href)}">')
    body = []
    for entry in entries:
        article = ARTICLE.search((site / entry.url).read_text(encoding="utf-8")).group(1)
        section = f'<p class="pdf-page__section">{html.escape(entry.section)}</p>' if entry.section else ""
        body.append(f'<section class="pdf-page md-typeset" id="p{entry.number}">'
                    f"{section}"
                    f"{paper_article(article, entry, pages)}</section>")
    from ..record.catalog import build_version

    version, _ = build_version(project)
    extra = config.get("extra", {}) or {}
    cover = (f'<section class="pdf-cover"><h1>{html.escape(config.get("site_name", ""))}</h1>'
             f'<p class="pdf-cover__sub">{html.escape(config.get("site_description", ""))}</p>'
             f'<p class="pdf-cover__meta">{html.escape(str(extra.get("company", "")))}　·　'
             f'{html.escape(config.get("copyright", ""))}<br>手册版本：{html.escape(version)}</p></section>')
    document = (
        '<!doctype html><html lang="zh-CN" class="hb-pdf"><head><meta charset="utf-8">'
        f'<title>{html.escape(config.get("site_name", ""))}</title>{"".join(styles)}'
        f"<style>{PRINT_CSS}</style></head>"
        f'<body data-md-color-scheme="default"><main class="md-main"><div class="md-content">'
        f'{cover}<nav class="pdf-toc md-typeset">{{TOC}}</nav>{"".join(body)}'
        "</div></main></body></html>"
    )
    return document, entries


def toc(entries: list[Entry]) -> str:
    rows, section = ["<h2>目录</h2><ol>"], None
    alone = {e.section for e in entries if e.section and e.title == e.section
             and sum(1 for x in entries if x.section == e.section) == 1}      # 一、面试 is its own page
    for entry in entries:
        if entry.section != section and entry.section and entry.section not in alone:
            rows.append(f'<li class="pdf-toc__section">{html.escape(entry.section)}</li>')
        section = entry.section
        rows.append(f'<li class="pdf-toc__entry"><a href="#p{entry.number}"><span class="pdf-toc__title">'
                    f'{html.escape(entry.title)}</span><span class="pdf-toc__dots"></span>'
                    f'<span class="pdf-toc__num" data-target="#p{entry.number}"></span></a></li>')
    return "".join(rows) + "</ol>"


# --------------------------------------------------------------------------
# Printing with WeasyPrint
# --------------------------------------------------------------------------

def make_pdf(site: Path, project: Path, out: Path) -> dict:
    """Write the handbook's PDF to ``out``; return figures for the log line."""
    import logging

    import weasyprint

    logging.getLogger("weasyprint").setLevel(logging.ERROR)      # Material's screen-only CSS it skips
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    document, entries = compose(site, project)
    target = site / PRINT_FILE
    try:
        target.write_text(document.replace("{TOC}", toc(entries)), encoding="utf-8")
        rendered = weasyprint.HTML(filename=str(target)).render()
        # WeasyPrint may stop laying out silently at CSS it cannot handle: every page must be there
        placed = {anchor for sheet in rendered.pages for anchor in sheet.anchors}
        missing = [e.title for e in entries if f"p{e.number}" not in placed]
        if missing:
            raise RuntimeError(f"这些页面没有排进 PDF：{'、'.join(missing)}")
        rendered.write_pdf(str(out))
    finally:
        target.unlink(missing_ok=True)
    return {"pages": len(entries), "sheets": len(rendered.pages)}
