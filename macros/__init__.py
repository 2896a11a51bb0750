"""The handbook's code. mkdocs-macros imports this package (``module_name:
macros`` in mkdocs.yml) and calls the three hooks below; each hands over to
the MkDocs adapter (``adapter/``), imported only then, so importing any other
module of the package never imports MkDocs.

The rooms (see docs/trainers/architecture.md for the whole map):

- ``adapter/``      MkDocs / mkdocs-macros hooks, build state (the only MkDocs code)
- ``settings``      typed site settings from mkdocs.yml ``extra:``
- ``content/``      pages: front matter, learning path, history, links, copy lint
- ``bank/``         the question bank: YAML with lines, loading, rules, schema, scaffold
- ``assessments/``  models, question types (``types/``), rendering, answer keys, browser engine
- ``record/``       the learner record: one format, the catalogue, the record pages' code
- ``webapp/``       the installable offline app: icons, manifest, service worker, page loader
- ``postbuild/``    steps on a built folder: bundle the runtime, trim, record files, app
- ``cli``           ``python -m macros …`` chores
- ``errors``        the one-line ``file:line: 问题`` format
"""


def define_env(env) -> None:
    from .adapter import hooks

    hooks.define_env(env)


def on_pre_page_macros(env) -> None:
    from .adapter import hooks

    hooks.on_pre_page_macros(env)


def on_post_build(env) -> None:
    from .adapter import hooks

    hooks.on_post_build(env)
