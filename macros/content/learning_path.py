"""The home page's learning path, built from the navigation and front matter.

Pure functions: given the nav (as in mkdocs.yml) and each page's front matter,
return Markdown. Reading minutes and audiences are summed from the modules,
so the path never drifts from the pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

AUDIENCE_ORDER = ("新业务员", "客户经理", "培训师")
# Sections about the reader's own record are linked from the home page, not
# listed as a step of the path.
NOT_ON_PATH = {"progress"}


@dataclass
class Section:
    title: str
    pages: list[str] = field(default_factory=list)


def nav_sections(nav: list) -> list[Section]:
    """Top-level nav entries as sections with their page paths, home excluded."""
    sections = []
    for entry in nav:
        if not isinstance(entry, dict):
            continue
        (title, value), = entry.items()
        if value == "index.md":
            continue
        pages = [value] if isinstance(value, str) else [_page_of(v) for v in value]
        sections.append(Section(title, [p for p in pages if p]))
    return sections


def _page_of(item) -> str | None:
    if isinstance(item, str):
        return item
    if isinstance(item, dict):
        (_, value), = item.items()
        return value if isinstance(value, str) else None
    return None


def _audiences(metas: list[dict]) -> str:
    found = {a for m in metas for a in m.get("audience", [])}
    return "、".join(a for a in AUDIENCE_ORDER if a in found)


def render_learning_path(nav: list, metas: dict[str, dict], onepagers: dict[str, str] | None = None) -> str:
    """Markdown of the numbered path: stage, modules in order, readers, minutes;
    ``onepagers``: a stage's first page → the link to its one-pager."""
    lines = ['<div class="hb-path" markdown>', ""]
    sections = [s for s in nav_sections(nav)
                if not all(metas.get(p, {}).get("stage") in NOT_ON_PATH for p in s.pages)]
    for number, section in enumerate(sections, start=1):
        pages = [p for p in section.pages if p in metas]
        section_metas = [metas[p] for p in pages]
        minutes = sum(int(m.get("minutes", 0)) for m in section_metas)
        head = f"{number}. **[{section.title}]({pages[0]})**" if pages else f"{number}. **{section.title}**"
        one = (onepagers or {}).get(pages[0]) if pages else None
        lines.append(f"{head} · {_audiences(section_metas)} · 约 {minutes} 分钟"
                     + (f" · [本阶段一页纸]({one})" if one else ""))
        modules = pages[1:] if len(pages) > 1 else []
        if modules:
            lines.append("")
            for page in modules:
                lines.append(f"    - [{metas[page].get('title', page)}]({page}) · {metas[page].get('minutes', '?')} 分钟")
            lines.append("")
    lines += ["", "</div>"]
    return "\n".join(lines)
