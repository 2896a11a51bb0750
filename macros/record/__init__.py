"""The learner record: its one format (``format``), the catalogue of the
handbook the record pages read (``catalog``), and the browser views
我的进度 / 错题本 / 班级成绩 (``runtime/``)."""
