"""Steps on a built site folder, independent of the engine that built it:
``trim`` (source maps, unused search languages, minifying, CDN URLs) and
``bundle`` (the browser runtime joined from its modules). ``run`` runs them
all: ``python -m macros postbuild SITE_DIR``."""
