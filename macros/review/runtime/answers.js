/* Spaced review, on the pages that ask questions (joined into assessments.js
 * after quiz.js): hears every answer the quiz runtime records (quizzes,
 * stage tests, 错题本 and 今日复习), hands it to the scheduler
 * (HandbookReview, schedule.js, loaded on first use with the vendored
 * ts-fsrs) and, in practice mode after a right answer, asks once how sure
 * the rep was: 有把握 / 不太确定 / 猜的, one tap, optional, inside the
 * question's feedback (a live region, so the question and the choice are
 * read out). A wrong answer needs no rating: it comes back tomorrow.
 *
 * The question's element then receives "handbook:answered" and, after a
 * rating, "handbook:rated" (detail: {question, card}), which 今日复习 uses
 * to show the next due date. No state of its own beyond the page: what is
 * stored is the scheduler's.
 */
(function (A) {
  "use strict";
  var H = window.Handbook, X = A.shared, el = X.el, all = X.all;
  var T = {
    ask: "这题你答得有把握吗？（可选）",
    levels: [["sure", "有把握"], ["unsure", "不太确定"], ["guess", "猜的"]],
    said: function (label) { return "已记下：" + label + "。"; }
  };

  /* The scheduler, ready to compute cards: schedule.js, then ts-fsrs. Calls
     made before it has loaded run in order once it has. */
  function scheduler(ready) {
    H.load("schedule.js", function () {
      window.HandbookReview.ready(function () { ready(window.HandbookReview); });
    });
  }

  function tell(q, type, card) {
    q.dispatchEvent(new CustomEvent(type, { bubbles: true, detail: { question: q.dataset.question, card: card } }));
  }

  function askConfidence(q) {
    var box = q.querySelector(".hb-feedback"), verdict = box && box.querySelector(".hb-verdict");
    if (!verdict) return;
    var group = el("div", "hb-confidence"), ask = group.appendChild(el("span", "hb-confidence__ask", T.ask));
    ask.id = q.querySelector(".hb-question__prompt").id + "-confidence";
    group.setAttribute("role", "group");
    group.setAttribute("aria-labelledby", ask.id);
    var said = el("span", "hb-confidence__said");
    T.levels.forEach(function (level) {
      var pick = group.appendChild(X.button(level[1], "hb-confidence__pick", function () {
        all(group, ".hb-confidence__pick").forEach(function (b) { b.setAttribute("aria-pressed", String(b === pick)); });
        said.textContent = T.said(level[1]);
        scheduler(function (R) { tell(q, "handbook:rated", R.rate(q.dataset.question, level[0])); });
      }));
      pick.dataset.confidence = level[0];
      pick.setAttribute("aria-pressed", "false");
    });
    group.appendChild(said);
    verdict.parentNode.insertBefore(group, verdict.nextSibling);
  }

  /* quiz.js calls this once an answer is recorded and shown. */
  function answered(q, ok, practice) {
    var qid = q.dataset.question, hash = q.dataset.hash, at = H.now();
    if (practice && ok) askConfidence(q);
    scheduler(function (R) { tell(q, "handbook:answered", R.answer(qid, hash, ok, at)); });
  }

  A.hooks = A.hooks || {};
  A.hooks.answered = answered;
  A.scheduler = scheduler;
})(window.HandbookAssessments);
