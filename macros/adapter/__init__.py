"""The MkDocs adapter: the only code that imports MkDocs, mkdocs-macros or
Jinja. ``hooks`` registers the macros and runs the post-build steps;
``state`` holds what one build collects; ``macro_errors`` puts template
errors in a trainer's words."""
