"""mkdocs.yml read without MkDocs: the keys the handbook's own steps need
(site name, docs folder, nav, extra), for commands that run on their own.

Tags only MkDocs understands (``!ENV``, ``!!python/...``) read as None."""

from __future__ import annotations

from pathlib import Path

import yaml


class _ConfigLoader(yaml.SafeLoader):
    pass


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_config(project_dir: Path) -> dict:
    data = yaml.load((project_dir / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)  # noqa: S506
    return data if isinstance(data, dict) else {}
