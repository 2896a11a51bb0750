"""Exports for learning platforms: ``python -m macros export DIR``.

The question bank goes out in the formats platforms import, and the built
site as a SCORM 1.2 package a platform can launch:

- ``bank.py``     the questions to export (learning pages only) and the shape
                  of each one's ``export(q)`` data (``assessments/types/``);
- ``text.py``     trainer Markdown → HTML for the XML formats, plain text for sheets;
- ``qti.py``      QTI 2.1 content package (imsmanifest.xml + one assessmentItem per question);
- ``moodle.py``   Moodle XML (quiz format);
- ``sheet.py``    the 题库导入 layout of Chinese enterprise platforms: .xlsx and CSV
                  (UTF-8 with BOM, GB18030);
- ``scorm.py``    SCORM 1.2 package: the built site + imsmanifest.xml listing every file;
- ``run.py``      writes everything and prints the counts per format and type;
- ``runtime/scorm.js``  the browser side of the SCORM package, appended to
                  handbook.js (``postbuild/bundle.py``): inside a platform it reports
                  status, score, bookmark and progress; outside one it does nothing.

Every format maps a question through a function chosen by the shape of its
type's ``export(q)`` data, never by type name, so a new question type
exports as soon as its data has a known shape. A question a format cannot
hold (a role-play, a shape no format knows, too many options for a sheet)
is listed in the printed report with the reason, never dropped silently.

The exports contain the answers: they are never written into ``docs/`` or a
built site (``run.py`` refuses), and CI uploads them as an artifact only.
No MkDocs imports here; the SCORM package reads a site already built.
"""
