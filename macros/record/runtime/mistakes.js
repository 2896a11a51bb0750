/* 错题本: every question last answered wrong, retried in place from the
   quiz's own page (Handbook.quizMarkup; from file://, its script). No state of its own: answers go
   to the "review" record through the assessment runtime. */
(function (R) {
  "use strict";
  var X = R.shared, C = X.C, H = X.H, S = X.S, FORMAT = X.FORMAT, VERSION = X.VERSION, el = X.el, button = X.button, all = X.all, printOnly = X.printOnly, isTime = X.isTime, iso = X.iso, pct = X.pct, day = X.day, pageUrl = X.pageUrl, download = X.download, learningPages = X.learningPages, learningQuizzes = X.learningQuizzes, learningChecklists = X.learningChecklists, HASHES = X.HASHES, validAnswer = X.validAnswer, latestAnswers = X.latestAnswers, mistakes = X.mistakes, learnerName = X.learnerName, snapshot = X.snapshot, corruptCount = X.corruptCount, T = R.strings;

  /* ---------------------------------------------------------------- 错题本 */
  function mistakeBook(root) {
    root.textContent = "";
    var list = mistakes(), summary = root.appendChild(el("p", "hb-record__status"));
    summary.setAttribute("role", "status");
    if (!S.ok) { summary.textContent = T.noStorage; return; }
    if (!list.length) { summary.textContent = T.mistakesNone; return; }
    summary.textContent = T.mistakesCount(list.length);
    var left = list.length, gone = {};
    function onResult(qid, ok) {
      if (ok && !gone[qid]) { gone[qid] = true; left--; }
      summary.textContent = T.mistakesLeft(left, Object.keys(gone).length);
    }
    var byQuiz = {}, order = [];
    list.forEach(function (m) {
      var quiz = C.questions[m.id].quiz;
      if (!byQuiz[quiz]) { byQuiz[quiz] = {}; order.push(quiz); }
      byQuiz[quiz][m.id] = m.answer.r ? m.answer : null;
    });
    order.forEach(function (quiz) {
      var meta = C.quizzes[quiz], group = root.appendChild(el("section", "hb-mistakes__group"));
      group.dataset.mistakesQuiz = quiz;
      var h = group.appendChild(el("h2"));
      var link = h.appendChild(el("a", "", C.pages[meta.page].title));
      link.href = pageUrl(meta.page);
      var slot = group.appendChild(el("div", "hb-mistakes__quiz"));
      H.quizMarkup(quiz, pageUrl(meta.page)).then(function (markup) {
        var holder = document.createElement("template");
        holder.innerHTML = markup || "";
        var section = holder.content.querySelector("[data-quiz]");
        if (!section) {
          Object.keys(byQuiz[quiz]).forEach(function (qid) {
            var p = slot.appendChild(el("p", "hb-notice"));
            var a = p.appendChild(el("a", "", C.questions[qid].text));
            a.href = H.root + C.questions[qid].url;
            p.appendChild(document.createTextNode(" " + T.bankMissing));
          });
          return;
        }
        all(section, "[data-question]").forEach(function (q) { if (!(q.dataset.question in byQuiz[quiz])) q.remove(); });
        all(section, ".hb-quiz__meta,.hb-quiz__description").forEach(function (x) { x.remove(); });
        var title = section.querySelector(".hb-quiz__title");
        title.textContent = T.from(meta.title);
        section.dataset.review = "1";
        section.dataset.base = pageUrl(meta.page);
        slot.appendChild(section);
        window.HandbookAssessments.review(section, byQuiz[quiz], onResult);
      });
    });
  }

  R.views.mistakes = mistakeBook;
})(window.HandbookRecord);
