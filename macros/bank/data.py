"""The question bank in memory: every data file, found by its page."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..assessments import models
from ..content.links import rebase_link
from .yaml_lines import LineDict

DATA_DIR = "quizzes"


@dataclass
class PageData:
    """One data file and the page it belongs to."""

    path: str            # "quizzes/pre-job/objections.yml"
    page: str            # "pre-job/objections.md" (relative to docs/)
    raw: LineDict        # the YAML as loaded, with line numbers
    data: models.DataFile


@dataclass
class Bank:
    """All assessment data of the handbook."""

    pages: dict[str, PageData] = field(default_factory=dict)

    def for_page(self, page: str) -> PageData | None:
        return self.pages.get(page)

    def questions(self) -> dict[str, tuple[PageData, models.Quiz, object]]:
        """Every question of the handbook by id, with its file and quiz."""
        return {q.id: (pd, quiz, q) for pd in self.pages.values()
                for quiz in pd.data.quizzes for q in quiz.questions}

    def resolved(self, quiz: models.Quiz, page: str) -> models.Quiz:
        """``quiz`` with its drawn questions included, their links made
        relative to ``page`` (where the quiz is shown)."""
        if not quiz.draw:
            return quiz
        index = self.questions()
        drawn = []
        for ident in quiz.draw:
            source, _, question = index[ident]
            link = rebase_link(question.link, source.page, page)
            drawn.append(question.model_copy(update={"link": link}))
        return quiz.model_copy(update={"questions": drawn + list(quiz.questions), "draw": []})


def page_for(data_path: str) -> str:
    """``quizzes/a/b.yml`` → ``a/b.md``: the page a data file belongs to."""
    rel = data_path.removeprefix(f"{DATA_DIR}/")
    return rel.rsplit(".", 1)[0] + ".md"


def data_path_for(page: str) -> str:
    return f"{DATA_DIR}/{page.rsplit('.', 1)[0]}.yml"
