"""Spaced review (今日复习): every question a rep has answered comes back
when they are about to forget it, scheduled by FSRS.

- the scheduler is ts-fsrs, vendored in ``docs/assets/vendor/ts-fsrs/``
  (pinned, licence and SHA-256 recorded; ``tools/vendor_ts_fsrs.sh``);
- ``runtime/answers.js`` (joined into assessments.js) hears every answer and
  asks how sure the rep was; ``runtime/schedule.js`` (schedule.js, the
  scheduler: cards, today's due questions, retention, the export) and
  ``runtime/page.js`` (review.js, the 今日复习 page) are loaded only where
  they are needed;
- the numbers below are written once, here: the build emits ``settings()``
  in front of schedule.js (``postbuild/bundle.py``).

The exported part of the record is defined with the rest of it, in
``macros/record/format.py`` (``ReviewRecord``).
"""

from __future__ import annotations

STORE_KEY = "schedule"              # the scheduler's record in the local store
DAILY_CAP = 20                      # questions on 今日复习 per day, unless the rep changes it
CAP_RANGE = (1, 200)
RETENTION_DAYS = 30                 # the window of the retention figure
LIBRARY = "assets/vendor/ts-fsrs/ts-fsrs.min.js"

# ts-fsrs settings: days, not minutes (a wrong answer comes back tomorrow, a
# right one later), no random spread of due dates (tests and trainers see the
# same schedule), at most a year between reviews, 90 % recall aimed at.
FSRS_PARAMETERS = {"request_retention": 0.9, "maximum_interval": 365, "enable_fuzz": False,
                   "enable_short_term": False}

# FSRS grades, and the grade of a right answer for each confidence the rep
# may give (none given: good). A wrong answer is always "again".
GRADES = {"again": 1, "hard": 2, "good": 3, "easy": 4}
CONFIDENCE = {"sure": "easy", "unsure": "good", "guess": "hard"}


def settings() -> dict:
    """What the browser scheduler reads instead of repeating literals."""
    return {"key": STORE_KEY, "cap": DAILY_CAP, "capRange": list(CAP_RANGE), "days": RETENTION_DAYS,
            "library": "../../" + LIBRARY, "fsrs": FSRS_PARAMETERS, "grades": GRADES, "confidence": CONFIDENCE}
