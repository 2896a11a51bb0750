"""Assessments: the data format of quizzes, checklists, forms and tools, and
their rendering to HTML. Pure Python: nothing here imports MkDocs.

- ``fields``      shared field types (ids, Markdown text, inventory ids)
- ``types/``      the question types, one module each (model, rules, renderer,
                  export), found by ``types.registry``; each has a browser
                  module beside it (``<type>.js``)
- ``models``      quizzes, checklists, forms, tools and a whole data file
- ``html``        Markdown → HTML fragments, escaping, stable option tokens
- ``keys``        the encoded answer key and the content hash of a question
- ``render``      quiz, checklist, form and tool → HTML (the DOM contract)
- ``rules``       rules of one checklist, form or tool beyond the schema
- ``runtime/``    the browser engine that scores what ``render`` draws
"""
