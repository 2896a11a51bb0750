"""What one build collects as pages render: kept here, off the page context
(pages see only the macros and the documented variables)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..bank.data import Bank
from ..settings import SiteSettings


@dataclass
class BuildState:
    settings: SiteSettings
    bank: Bank
    dates: dict[str, str]                                   # page src → last changed (git)
    placed: dict[tuple, str] = field(default_factory=dict)  # (collection, id) → page src
    done: set[tuple] = field(default_factory=set)           # (collection, id) already on a page
    macros: frozenset[str] = frozenset()                    # the macros pages may call
