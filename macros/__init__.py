"""The handbook's macros: a thin adapter between mkdocs-macros and plain Python.

mkdocs-macros imports this package (``module_name: macros`` in mkdocs.yml)
and calls the hooks below. Everything they do is delegated to modules that
know nothing about MkDocs:

- ``pages``     front matter of module pages (model + validation)
- ``postbuild`` trims the built site (source maps, unused search languages)
- ``errors``    the one-line error format trainers read
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from pathlib import Path

from .errors import HandbookError, HandbookErrors, report
from .frontmatter import read_all
from .learning_path import render_learning_path
from .macro_errors import register as register_error_messages
from .pages import STAGE_NAMES, validate_page_meta


def _fail(error: HandbookError | HandbookErrors) -> None:
    """Stop the build with the trainer-readable message only (no traceback).

    A PluginError is how MkDocs reports a build error without a traceback; under
    ``mkdocs serve`` the preview keeps running and rebuilds after the fix.
    """
    raise PluginError(report(error))


def define_env(env) -> None:
    """Register variables and macros (called once per build by mkdocs-macros)."""
    register_error_messages()
    env.variables["stage_names"] = STAGE_NAMES
    docs_dir = Path(env.conf["docs_dir"])

    @env.macro
    def learning_path() -> str:
        """The seven stages and field-work sections, with modules and minutes."""
        return render_learning_path(env.conf["nav"], read_all(docs_dir))


def on_pre_page_macros(env) -> None:
    """Validate the page's front matter before its macros are rendered."""
    page = env.page
    try:
        with open(page.file.abs_src_path, encoding="utf-8") as source:
            text = source.read()
        validate_page_meta(f"docs/{page.file.src_uri}", page.meta, text)
    except HandbookError as error:
        _fail(error)


def on_post_build(env) -> None:
    """Trim the built site of files no reader uses."""
    from .postbuild import trim_site

    trim_site(env.conf["site_dir"])
