"""Content: the Markdown pages. Front matter (``pages``, ``frontmatter``),
the learning path on the home page, last-changed dates from git
(``history``), links between pages (``links``) and the Chinese copy lint."""
