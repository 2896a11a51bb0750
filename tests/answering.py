"""Answer any quiz question of a built page, right or wrong, as a user would:
by ticking options, choosing positions and clicking role-play replies. Which
answers are right comes from the quiz's answer key (``data-key``), decoded
the way the runtime does."""

from __future__ import annotations

from macros.assessments.keys import decode_key


def quiz_key(page, quiz_id: str) -> dict:
    blob = page.locator(f'[data-quiz="{quiz_id}"]').first.get_attribute("data-key")
    return decode_key(blob, quiz_id)


def answer(page, quiz_id: str, qid: str, right: bool, submit: bool = True) -> None:
    """Answer question ``qid`` of quiz ``quiz_id`` on the open page."""
    key = quiz_key(page, quiz_id)[qid]
    q = page.locator(f'[data-quiz="{quiz_id}"] [data-question="{qid}"]')
    kind = key["type"]
    if kind in ("single", "multiple", "truefalse"):
        values = q.locator("input").evaluate_all("els => els.map(e => e.value)")
        wrong = [v for v in values if v not in key["correct"]]
        picks = key["correct"] if right else wrong[:1]
        for value in picks:
            q.locator(f'input[value="{value}"]').check()
    elif kind == "ordering":
        tokens = list(key["correct"])
        if not right:
            tokens[0], tokens[1] = tokens[1], tokens[0]
        for position, token in enumerate(tokens, start=1):
            q.locator(f'select[data-token="{token}"]').select_option(str(position))
    elif kind == "matching":
        lefts = list(key["correct"])
        for i, left in enumerate(lefts):
            target = key["correct"][left] if right or i else key["correct"][lefts[1]]
            q.locator(f'select[data-token="{left}"]').select_option(target)
    elif kind == "scenario":
        for index in scenario_path(key, success=right):
            q.locator(".hb-scene__choices").last.locator(".hb-scene__choice").nth(index).click()
        return
    if submit and q.get_by_role("button", name="提交本题").count():
        q.get_by_role("button", name="提交本题").click()


def scenario_path(key: dict, success: bool) -> list[int]:
    """Choice indexes from the start scene to an ending of the wanted kind."""
    want = "success" if success else "fail"

    def walk(scene_id: str, seen: frozenset) -> list[int] | None:
        for index, choice in enumerate(key["scenes"][scene_id]["choices"]):
            if choice.get("end") == want:
                return [index]
            nxt = choice.get("next")
            if nxt and nxt not in seen:
                rest = walk(nxt, seen | {nxt})
                if rest is not None:
                    return [index, *rest]
        return None

    path = walk(key["start"], frozenset({key["start"]}))
    assert path is not None, f"no {want} ending in this role-play"
    return path


def question_ids(page, quiz_id: str) -> list[str]:
    return page.locator(f'[data-quiz="{quiz_id}"] [data-question]').evaluate_all(
        "els => els.map(e => e.dataset.question)")


def answer_quiz(page, quiz_id: str, wrong: tuple[str, ...] | list[str] = ()) -> None:
    """Answer every question of a practice quiz; those in ``wrong`` wrongly."""
    for qid in question_ids(page, quiz_id):
        answer(page, quiz_id, qid, right=qid not in wrong)
