"""The field kit: what a rep carries into a store and onto paper.

- ``models``    lists, pocket cards, work templates, calculators, stage one-pagers
- ``expr``      the calculators' formula language (parsed and checked at build)
- ``rules``     rules beyond the schema (names in formulas, worked examples, sources)
- ``render``    models → HTML (the DOM contract in docs/trainers/architecture.md)
- ``runtime/``  the browser code: calculators, templates saved on the device, print
- ``pdf``       the whole handbook as one PDF (``./handbook pdf``)
"""
