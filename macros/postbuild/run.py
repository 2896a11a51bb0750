"""All post-build steps on a built site folder, in order. The MkDocs hook
calls ``run``; so does ``python -m macros postbuild SITE_DIR`` on a folder
built by any engine that renders the same pages."""

from __future__ import annotations

from pathlib import Path

from ..bank.data import Bank
from ..bank.loader import load_bank
from ..content.config import read_config
from ..settings import load_settings
from ..webapp import build_app
from . import bundle
from .csp import add_policy
from .record_files import write_record_files
from .trim import trim_site


def run(site: Path, project_dir: Path, bank: Bank | None = None) -> str:
    """Bundle the runtime, trim, write the learner-record files and the web
    app; return the line to log. Raises HandbookError(s) on bad sources."""
    config = read_config(project_dir)
    settings = load_settings(config.get("extra", {}), project_dir)
    docs_dir = project_dir / config.get("docs_dir", "docs")
    bank = bank or load_bank(project_dir, docs_dir)
    title = config.get("site_name", "")
    bundle.write_bundles(site, settings, bank)
    trim_site(site)
    write_record_files(site, project_dir, title=title, nav=config.get("nav", []), docs_dir=docs_dir,
                       bank=bank, pass_mark=settings.pass_mark)
    add_policy(site)
    precache = build_app(site, title)
    return (f"离线缓存(service worker)：{precache.files} 个文件，{precache.bytes / 1024:.0f} KB，"
            f"版本 {precache.version}")
