"""The question bank: the YAML files in quizzes/. Reading them with line
numbers (``yaml_lines``), loading and validating (``loader`` → ``explain``,
``rules``), the bank in memory (``data``), its JSON Schema (``schema``), the
trainers' format page (``format_doc``) and the file scaffolds (``scaffold``)."""
