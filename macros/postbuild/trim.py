"""Post-build trimming of the built site; runnable on its own.

Material ships source maps (about 1.3 MB) and lunr segmenters and stemmers for
30 languages (about 1 MB). The handbook searches with the default pipeline on
text that jieba segmented at build time, so none of them is ever loaded.
Our own scripts and styles are minified (rjsmin / rcssmin; the sources in
docs/assets stay readable), the pages lose their indentation (whitespace runs
between tags that hold a line break become one line break, outside <pre>, <textarea>,
<script> and <style>: the same rendering), and the search index is slimmed
(see ``slim_search_index``) and written with Chinese as UTF-8 instead of \\u
escapes. Material's bundle loads the index when the search box is first
opened, over http as from file:// (``defer_search_index``), not on every first
visit.

    python -m macros.postbuild site/
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import rcssmin
import rjsmin

UNUSED_DIRS = ("assets/javascripts/lunr",)
OWN_SCRIPTS = ("assets/javascripts/handbook.js", "assets/javascripts/assessments.js",
               "assets/javascripts/offline.js", "assets/javascripts/record.js",
               "assets/javascripts/schedule.js", "assets/javascripts/review.js", "assets/javascripts/fieldkit.js",
               "assets/javascripts/handoff.js")
OWN_STYLES = ("assets/stylesheets/handbook.css", "assets/stylesheets/record.css")

# Material's bundle can load a few things from the internet. None is reachable
# in the handbook (no Mermaid diagrams; the repository widget is removed;
# ResizeObserver exists in every supported browser), but the URLs must not be
# there to be fetched by accident: point them at an empty local script.
CDN_URLS = (
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js",
    "https://unpkg.com/resize-observer-polyfill",
    "https://api.github.com/repos/",
    "https://api.github.com/users/",
    "https://${e}/api/v4/projects/",  # the same widget for GitLab
)
INERT_URL = "data:text/javascript,"


def trim_site(site_dir: str | Path) -> int:
    """Delete files no reader uses; return the number of bytes removed."""
    root = Path(site_dir)
    removed = 0
    for path in root.rglob("*.map"):
        removed += path.stat().st_size
        path.unlink()
    for rel in UNUSED_DIRS:
        folder = root / rel
        if folder.is_dir():
            removed += sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
            shutil.rmtree(folder)
    neutralise_cdn_urls(root)
    defer_search_index(root)
    quiet_first_palette(root)
    no_restyle_on_load(root)
    minify_own_assets(root)
    removed += minify_pages(root)
    compact_search_index(root)
    return removed


def minify_own_assets(root: Path) -> None:
    for rel, minify in [*((r, rjsmin.jsmin) for r in OWN_SCRIPTS), *((r, rcssmin.cssmin) for r in OWN_STYLES)]:
        path = root / rel
        if path.is_file():
            path.write_text(minify(path.read_text(encoding="utf-8")), encoding="utf-8")


# ---------------------------------------------------------------- pages

KEEP_WHITESPACE = re.compile(r"(<(pre|textarea|script|style|code|kbd)\b.*?</\2>)", re.S | re.I)
INDENT = re.compile(r">[ \t]*\n[ \t\n]*<")
TEXT_NODE = re.compile(r">([^<>]*\n[^<>]*)<")
BREAK_RUN = re.compile(r"[ \t]*\n[ \t\n]*")


def _collapse(text: str) -> str:
    """Between tags and inside text (never in attributes), every whitespace
    run with a line break → one line break: Material's templates leave runs
    like "\n    \n  \n    首页\n  \n" in each nav entry."""
    return TEXT_NODE.sub(lambda m: ">" + BREAK_RUN.sub("\n", m.group(1)) + "<", INDENT.sub(">\n<", text))


TABLE_TAG = re.compile(r"<table\b[^>]*>|</table>", re.I)
TABLE_OPEN = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
TABLE_CLOSE = "</div></div>"


def wrap_tables(text: str) -> str:
    """Each plain table (``<table>`` with no attributes: a Markdown table) in
    the wrapper Material's bundle puts it in when the page loads (content/table:
    scrollwrap > table > table). Done here the page is drawn once in its final
    layout; on the tablet, wrapping a drawn page's tables laid the whole page
    out again. The bundle skips tables already wrapped (``no_restyle_on_load``)."""
    out, stack, last = [], [], 0
    for tag in TABLE_TAG.finditer(text):
        out.append(text[last:tag.start()])
        last = tag.end()
        if tag.group(0).startswith("</"):
            out.append(tag.group(0) + (TABLE_CLOSE if stack and stack.pop() else ""))
        else:
            bare = tag.group(0).lower() == "<table>"
            stack.append(bare)
            out.append((TABLE_OPEN if bare else "") + tag.group(0))
    out.append(text[last:])
    return "".join(out)


def minify_pages(root: Path) -> int:
    """Whitespace runs with a line break → one line break (same rendering:
    outside pre, code, kbd, textarea, script and style a run of white space is drawn as
    one space), plain tables wrapped as Material's bundle would (``wrap_tables``);
    return the bytes saved."""
    saved = 0
    for path in root.rglob("*.html"):
        text = original = path.read_text(encoding="utf-8")
        if "<table>" in text and TABLE_OPEN not in text:
            text = wrap_tables(text)
        parts = KEEP_WHITESPACE.split(text)
        # split with two groups: [outside, whole match, tag name, outside, ...]
        out = []
        for i, part in enumerate(parts):
            if i % 3 == 0:
                out.append(_collapse(part))
            elif i % 3 == 1:
                out.append(part)
        new = "".join(out)
        if new != original:
            saved += len(original.encode("utf-8")) - len(new.encode("utf-8"))
            path.write_text(new, encoding="utf-8")
    return saved


# ---------------------------------------------------------------- palette

# Material's palette sets data-md-color-switching on <body> each time it
# applies a palette, to stop colour transitions while the colours change
# ("[data-md-color-switching] * {transition-duration: 0s}"), and removes it
# after. Adding and removing it restyles every element of the page; on a
# quiz page on a slow tablet that is a few hundred milliseconds of blocked
# main thread on every load. The first application at load changes nothing
# (overrides/partials/javascripts/palette.html has applied the same palette
# before the first paint), so only later ones, when the reader switches, set it.
SWITCHING = 'document.body.setAttribute("data-md-color-switching",""),'
QUIET_SWITCHING = '(window.__hbPalette?document.body.setAttribute("data-md-color-switching",""):window.__hbPalette=1),'


def _patch_bundle(root: Path, done: str, change, what: str) -> bool:
    """Rewrite Material's bundle once: ``change(text)`` returns the new text, or
    None when its code is not found (the build stops and says where to look);
    ``done`` is in the text once patched, so a second post-build run skips it."""
    for path in (root / "assets" / "javascripts").glob("bundle.*.min.js"):
        text = path.read_text(encoding="utf-8")
        if done in text:
            return True
        new = change(text)
        if new is None:
            raise RuntimeError(f"{path.name}: {what} of Material's bundle was not found; "
                               f"update macros/postbuild/trim.py for this Material version")
        path.write_text(new, encoding="utf-8")
        return True
    return False


def quiet_first_palette(root: Path) -> bool:
    return _patch_bundle(root, QUIET_SWITCHING,
                         lambda text: text.replace(SWITCHING, QUIET_SWITCHING) if text.count(SWITCHING) == 1 else None,
                         "the palette switch (quiet_first_palette)")


# When the bundle starts, four things it does make the browser restyle every
# element of the page (on a slow tablet about 50-100 ms each, in one long task):
#  - instant navigation turns every relative URL into an absolute one, the
#    page's own stylesheet links too, so they are loaded and parsed again;
#    here those links keep their href (head elements are compared by their
#    resolved URL, as before, so navigation still keeps the same stylesheets);
#  - the palette adds an empty <meta name="color-scheme"> and fills it in;
#    here it reuses the one overrides/partials/javascripts/palette.html wrote
#    before the first paint, and writes it only when the value changes;
#  - it wraps each plain table for sideways scrolling; here the pages come
#    with their tables wrapped (``wrap_tables``) and it skips those.
# (The fourth, the html element's no-js class, is set before the body in
# overrides/main.html.) The patterns are Material 9.8.2's minified bundle:
#   function resolve(document) { for (el of $$("[href], [src]", document)) for (key of ["href","src"]) {...} }
#   function head(document) { ...; for (el of $$(":scope > *", document.head)) tags.set(el.outerHTML, el) }
#   const scheme = h("meta", {name: "color-scheme"}); document.head.appendChild(scheme)
#   ... scheme.content = style.colorScheme, style.backgroundColor ...
RESOLVE = re.compile(r'(function \w+\(e\)\{for\(let t of \w+\("\[href\], \[src\]",e\)\)for\(let r of\["href","src"\]\)\{)')
HEAD_MAP = re.compile(r'(function \w+\(e\)\{let t=new Map;for\(let r of \w+\(":scope > \*",e\.head\)\))t\.set\(r\.outerHTML,r\);')
SCHEME_META = re.compile(r'let (\w+)=(\w+)\("meta",\{name:"color-scheme"\}\);document\.head\.appendChild\(\1\);')
SCHEME_SET = re.compile(r'return (\w+)\.content=(\w+)\.colorScheme,')
KEEP_MARK = '/*hb:keep-styles*/'
# mountContent: ...$$("table:not([class])", el).map(child => mountDataTable(child))
TABLES = re.compile(r'(\w+\("table:not\(\[class\]\)",e\))\.map\(')


def no_restyle_on_load(root: Path) -> bool:
    def change(text: str) -> str | None:
        steps = (
            (RESOLVE, r'\1' + KEEP_MARK + 'if(e===document&&t.tagName==="LINK"&&t.rel==="stylesheet")break;'),
            (HEAD_MAP, r'\1{let k=r;if(r.tagName==="LINK"&&r.href){k=r.cloneNode();k.setAttribute("href",r.href)}'
                       r't.set(k.outerHTML,r)}'),
            (SCHEME_META, r"""let \1=document.querySelector('meta[name="color-scheme"]')||"""
                          r'document.head.appendChild(\2("meta",{name:"color-scheme"}));'),
            (SCHEME_SET, r'return \1.content!==\2.colorScheme&&(\1.content=\2.colorScheme),'),
            (TABLES, r'\1.filter(hbT=>!hbT.parentElement.classList.contains("md-typeset__table")).map('),
        )
        for pattern, replacement in steps:
            text, count = pattern.subn(replacement, text)
            if count != 1:
                return None
        return text
    return _patch_bundle(root, KEEP_MARK, change, "the start-up restyles (no_restyle_on_load)")


# ---------------------------------------------------------------- search

# Material fetches the index on every page load over http (and only when the
# search box is opened from file://), and the search.highlight feature pulls it
# in on every page even without a ?h= query to highlight. The handbook loads it
# when search is first opened, everywhere, and for highlighting only on a page
# opened from a search result. The patterns are Material 9.x's minified bundle:
#   merge(of(location.protocol !== "file:"), watchToggle("search"))
#   combineLatest([index$, location$.pipe(startWith(getLocation()), filter(url => url has "h"))])
EAGER_INDEX = re.compile(r'(\w+\()(\$|\w+)\(location\.protocol!=="file:"\)(,\w+\("search"\)\)'
                         r'\.pipe\(\w+\(o=>o\),(\w+)\(\(\)=>t\)\))')
EAGER_HIGHLIGHT = re.compile(r'(function \w+\(e,\{index\$:t,location\$:r\}\)\{return )\w+\(\[t,'
                             r'(r\.pipe\(\w+\(\w+\(\)\),\w+\(o=>!!o\.searchParams\.get\("h"\)\))\)\]\)'
                             r'\.pipe\((\w+)\(')
LAZY_MARK = "/*hb:lazy-index*/"


def defer_search_index(root: Path) -> bool:
    """Patch Material's bundle so the index loads when search is first opened."""
    def change(text: str) -> str | None:
        found = EAGER_INDEX.search(text)
        new, count = EAGER_INDEX.subn(r"\1\2(!1)\3", text)
        if not found or count != 1:
            return None
        switch_map = found.group(4)
        new, count = EAGER_HIGHLIGHT.subn(
            lambda m: f"{m.group(1)}{m.group(2)},{switch_map}(n=>t.pipe({m.group(3)}(o=>[o,n])))).pipe({m.group(3)}(",
            new)
        return LAZY_MARK + new if count == 1 else None
    return _patch_bundle(root, LAZY_MARK, change, "the search index setup (defer_search_index)")


# What a rep searches for is the pages, their sections and the checklist and
# tool items: each entry keeps its title and the start of its text (what the
# results show) plus, from the rest, the handbook's own terms (the jieba
# dictionary) not already in the page's entries. Trainer-only pages and the
# sections of forms, cards, worksheets, one-pagers and calculators keep only a
# short start: their rubric descriptions and form boilerplate are not searched for.
LEAD = 160
SHORT = 60
SHORT_PAGES = ("trainers/",)
SHORT_KINDS = ("form", "card", "template", "onepager", "calc")
TERMS_FILE = Path(__file__).resolve().parent.parent / "content" / "search_terms.txt"
TAG = re.compile(r"<[^>]+>")
SPACE = re.compile(r"\s+")
TOKEN_SPLIT = re.compile(r"[\s\u200b\u3000]+")
BOUNDARY = re.compile(r"[\s\u200b]")
TITLE_ID = re.compile(r'class="hb-(' + "|".join(SHORT_KINDS) + r')__title" id="([^"]+)"')


def _short_sections(root: Path) -> set[str]:
    found = set()
    for path in root.rglob("*.html"):
        rel = path.relative_to(root).as_posix()
        found |= {f"{rel}#{ident}" for _, ident in TITLE_ID.findall(path.read_text(encoding="utf-8"))}
    return found


def _lead(text: str, limit: int) -> tuple[str, str]:
    """(start of ``text`` cut at a word boundary near ``limit``, the rest)."""
    if len(text) <= limit:
        return text, ""
    cut = limit
    while cut > limit // 2 and not BOUNDARY.match(text[cut]):
        cut -= 1
    if cut <= limit // 2:
        cut = limit
    head = re.sub(r"&[#\w]*$", "", text[:cut]).rstrip()
    return head, text[cut:]


def slim_docs(docs: list[dict], short: set[str], terms: set[str]) -> list[dict]:
    seen: dict[str, set[str]] = {}
    out = []
    for entry in docs:
        location = entry["location"]
        page = location.split("#")[0]
        text = SPACE.sub(" ", TAG.sub("", entry.get("text", ""))).strip()
        limit = SHORT if location in short or page.startswith(SHORT_PAGES) else LEAD
        head, rest = _lead(text, limit)
        known = seen.setdefault(page, set())
        known.update(TOKEN_SPLIT.split(entry.get("title", "") + " " + head))
        extra = []
        for token in TOKEN_SPLIT.split(rest):
            if token in terms and token not in known:
                known.add(token)
                extra.append(token)
        out.append({**entry, "text": head + (" … " + " ".join(extra) if extra else (" …" if rest else ""))})
    return out


def slim_search_index(root: Path) -> dict | None:
    path = root / "search" / "search_index.json"
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("config", {}).get("slimmed"):
        return data                       # slimmed already (post-build run again)
    data.setdefault("config", {})["slimmed"] = True
    terms = {line.split()[0] for line in TERMS_FILE.read_text(encoding="utf-8").splitlines() if line.strip()}
    data["docs"] = slim_docs(data["docs"], _short_sections(root), terms)
    return data


def compact_search_index(root: Path) -> None:
    """Rewrite search_index.json slimmed, with UTF-8 text (Material writes
    \\u escapes), and its file:// copy search_index.js to match (whether or
    not Material's offline plugin has written it yet)."""
    data = slim_search_index(root)
    if data is None:
        return
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    (root / "search" / "search_index.json").write_text(text, encoding="utf-8")
    (root / "search" / "search_index.js").write_text(f"var __index = {text}", encoding="utf-8")


def neutralise_cdn_urls(root: Path) -> list[str]:
    """Replace Material's CDN URLs in the built JavaScript; return files changed."""
    changed = []
    for path in (root / "assets" / "javascripts").glob("*.js"):
        text = path.read_text(encoding="utf-8")
        new = text
        for url in CDN_URLS:
            new = new.replace(url, INERT_URL)
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed.append(path.name)
    return changed


if __name__ == "__main__":
    target = sys.argv[1] if len(sys.argv) > 1 else "site"
    print(f"removed {trim_site(target) / 1024:.0f} KB from {target}")
