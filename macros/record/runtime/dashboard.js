/* 我的进度: overall meters, per-section tables, 继续学习, the learner's name,
   export (JSON), print (A4 report) and reset. State: printHooked, whether the
   beforeprint/afterprint listeners are added (once per page). */
(function (R) {
  "use strict";
  var X = R.shared, C = X.C, H = X.H, S = X.S, FORMAT = X.FORMAT, VERSION = X.VERSION, el = X.el, button = X.button, all = X.all, printOnly = X.printOnly, isTime = X.isTime, iso = X.iso, pct = X.pct, day = X.day, pageUrl = X.pageUrl, download = X.download, learningPages = X.learningPages, learningQuizzes = X.learningQuizzes, learningChecklists = X.learningChecklists, HASHES = X.HASHES, validAnswer = X.validAnswer, latestAnswers = X.latestAnswers, mistakes = X.mistakes, learnerName = X.learnerName, snapshot = X.snapshot, corruptCount = X.corruptCount, T = R.strings;

  var printHooked = false;

  /* ---------------------------------------------------------------- 我的进度 */
  function meter(label, done, total, index) {
    var row = el("div", "hb-meter");
    var id = "hb-meter-" + index;
    var name = row.appendChild(el("span", "hb-meter__label", label));
    name.id = id;
    var bar = row.appendChild(el("progress"));
    bar.max = Math.max(total, 1);
    bar.value = done;
    bar.setAttribute("aria-labelledby", id);
    row.appendChild(el("span", "hb-meter__value", T.of(done, total)));
    return row;
  }

  function dashboard(root) {
    root.textContent = "";
    /* Ask the browser to keep this site's data when space runs low (granted
       silently or refused; nothing is shown to the rep). */
    if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(function () {});
    var rec = snapshot(), byPage = {};
    rec.quizzes.forEach(function (q) { (byPage[q.page] = byPage[q.page] || { q: [], c: [] }).q.push(q); });
    rec.checklists.forEach(function (c) { (byPage[c.page] = byPage[c.page] || { q: [], c: [] }).c.push(c); });

    var head = root.appendChild(el("div", "hb-report-head"));
    head.appendChild(el("p", "hb-report-head__title", T.reportTitle));
    head.appendChild(el("p", "", T.reportMeta(rec.learner.name || "（未填写）", day(window.Handbook.now()), C.build)));

    if (!S.ok) root.appendChild(el("p", "hb-notice", T.noStorage));
    var bad = corruptCount();
    if (bad) root.appendChild(el("p", "hb-notice", T.corrupt(bad)));

    /* name */
    var who = root.appendChild(el("div", "hb-record__name"));
    var label = who.appendChild(el("label", "", T.name));
    label.htmlFor = "hb-learner-name";
    var input = who.appendChild(el("input"));
    input.id = "hb-learner-name";
    input.type = "text";
    input.maxLength = 40;
    input.autocomplete = "name";
    input.placeholder = T.namePlaceholder;
    input.value = rec.learner.name;
    input.setAttribute("aria-describedby", "hb-learner-name-hint");
    var hint = who.appendChild(el("span", "hb-record__hint", T.nameHint));
    hint.id = "hb-learner-name-hint";
    hint.setAttribute("aria-live", "polite");
    input.addEventListener("input", function () {
      S.set("learner", { name: input.value.trim() });
      input.removeAttribute("aria-invalid");
      hint.textContent = T.nameHint;
      hint.classList.remove("hb-bad-text");
    });
    function needName() {
      if (learnerName()) return false;
      hint.textContent = T.needName;
      hint.classList.add("hb-bad-text");
      input.setAttribute("aria-invalid", "true");
      input.focus();
      return true;
    }

    /* overall */
    var overall = root.appendChild(el("section", "hb-record__overall"));
    overall.setAttribute("aria-labelledby", "hb-overall");
    overall.appendChild(el("h2", "", T.overall)).id = "hb-overall";
    overall.appendChild(meter(T.read, rec.summary.pages_read, rec.summary.pages_total, 1));
    overall.appendChild(meter(T.quizzes, rec.summary.quizzes_passed, rec.summary.quizzes_total, 2));
    overall.appendChild(meter(T.checklists, rec.summary.checklists_done, rec.summary.checklists_total, 3));
    var go = overall.appendChild(el("p", "hb-record__go"));
    var last = S.get("last"), resume = el("a", "md-button md-button--primary hb-resume");
    if (last && typeof last.u === "string" && typeof last.title === "string") {
      resume.href = H.root + last.u + (typeof last.a === "string" && last.a ? "#" + last.a : "");
      resume.textContent = T.resume(last.title);
    } else {
      var first = C.sections.length && C.sections[0].pages.length ? C.sections[0].pages[0] : null;
      resume.href = first === null ? H.root : pageUrl(first);        /* a site with no learning pages */
      resume.textContent = T.start;
    }
    go.appendChild(resume);
    var book = go.appendChild(el("a", "md-button hb-mistakes-link", T.mistakes(rec.summary.mistakes)));
    book.href = C.pages["progress/mistakes"] ? pageUrl("progress/mistakes") : H.root;
    if (C.pages["progress/review"]) reviewLink(go);

    /* per section */
    C.sections.forEach(function (section, si) {
      var box = root.appendChild(el("section", "hb-record__section"));
      var hid = "hb-section-" + si;
      box.setAttribute("aria-labelledby", hid);
      box.appendChild(el("h2", "", section.title)).id = hid;
      var table = box.appendChild(el("table", "hb-record__table"));
      var tr = table.appendChild(el("thead")).appendChild(el("tr"));
      [T.page, T.reading, T.quiz, T.checklist].forEach(function (h) { tr.appendChild(el("th", "", h)).scope = "col"; });
      var body = table.appendChild(el("tbody"));
      section.pages.forEach(function (k) {
        var p = rec.pages.filter(function (x) { return x.page === k; })[0], own = byPage[k] || { q: [], c: [] };
        var row = body.appendChild(el("tr"));
        row.dataset.page = k;
        var th = row.appendChild(el("th"));
        th.scope = "row";
        var link = th.appendChild(el("a", "", p.title));
        link.href = pageUrl(k);
        var readDate = p.read_at && new Date(p.read_at);
        var read = row.appendChild(el("td", p.read_at ? "hb-ok-text" : p.visited_at ? "" : "hb-muted", p.read_at ? T.readAt(T.monthDay(readDate.getMonth() + 1, readDate.getDate()))
                                                                             : p.visited_at ? T.opened : T.unread));
        read.dataset.cell = "read";
        read.dataset.label = T.reading;
        var qcell = row.appendChild(el("td"));
        qcell.dataset.cell = "quiz";
        qcell.dataset.label = T.quiz;
        if (!own.q.length) qcell.textContent = T.none;
        own.q.forEach(function (q) {
          var line = qcell.appendChild(el("div", "hb-record__quiz"));
          line.dataset.quiz = q.id;
          if (own.q.length > 1) line.appendChild(el("span", "hb-record__quiz-title", q.title + " · "));
          line.appendChild(el("span", q.best === null ? "hb-muted" : q.passed ? "hb-ok-text" : "hb-bad-text",
                              q.best === null ? T.notDone : T.score(q.best, q.passed)));
        });
        var ccell = row.appendChild(el("td"));
        ccell.dataset.cell = "checklist";
        ccell.dataset.label = T.checklist;
        if (!own.c.length) ccell.textContent = T.none;
        own.c.forEach(function (c) {
          var line = ccell.appendChild(el("div", c.done === c.items ? "hb-ok-text" : ""));
          line.dataset.checklist = c.id;
          line.textContent = c.title + "：" + T.items(c.done, c.items);
        });
      });
    });

    /* report foot (print only) */
    var foot = root.appendChild(el("p", "hb-report-foot"));
    foot.appendChild(el("span", "", T.signTrainer));
    foot.appendChild(el("span", "hb-report-foot__line"));
    foot.appendChild(el("span", "", T.signDate));
    foot.appendChild(el("span", "hb-report-foot__line hb-report-foot__line--short"));

    /* actions */
    var actions = root.appendChild(el("div", "hb-record__actions"));
    var done = el("p", "hb-record__status");
    done.setAttribute("role", "status");
    done.tabIndex = -1;
    actions.appendChild(button(T.exportJson, "md-button--primary hb-export", function () {
      if (needName()) return;
      var data = snapshot();
      var name = "学习记录-" + data.learner.name.replace(/[\\/:*?"<>|\s]+/g, "_") + "-" + day(window.Handbook.now()) + ".json";
      download(name, "application/json", JSON.stringify(data, null, 2));
      done.textContent = T.exported(name);
    }));
    /* The same record as QR codes and a text code (handoff.js and the
       generator load on this press only). */
    var handoff = actions.appendChild(button(T.handoff, "hb-handoff-open", function () {
      if (needName()) return;
      H.load("handoff.js", function () { window.HandbookHandoff.show(handoff, snapshot()); });
    }));
    actions.appendChild(button(T.print, "hb-print", function () {
      if (needName()) return;
      head.querySelector("p:last-child").textContent = T.reportMeta(learnerName(), day(window.Handbook.now()), C.build);
      printOnly(root);
    }));
    actions.appendChild(button(T.reset, "hb-reset", function () {
      if (!window.confirm(T.confirmReset)) return;
      S.clear();
      dashboard(root);
      H.markNav();
      var after = root.querySelector(".hb-record__actions .hb-record__status");
      after.textContent = T.resetDone;
      after.focus();
    }));
    actions.appendChild(done);

    /* Printing from the browser's menu gives the same report as the button. */
    if (!printHooked) {
      printHooked = true;
      window.addEventListener("beforeprint", function () {
        var view = document.querySelector('[data-record="dashboard"]');
        if (!view) return;
        view.querySelector(".hb-report-head p:last-child").textContent =
          T.reportMeta(learnerName() || "（未填写）", day(window.Handbook.now()), C.build);
        if (!document.documentElement.classList.contains("hb-print-one")) {
          document.documentElement.classList.add("hb-print-one", "hb-print-auto");
          view.classList.add("hb-print-target");
        }
      });
      window.addEventListener("afterprint", function () {
        if (!document.documentElement.classList.contains("hb-print-auto")) return;
        document.documentElement.classList.remove("hb-print-one", "hb-print-auto");
        all(document, ".hb-print-target").forEach(function (x) { x.classList.remove("hb-print-target"); });
      });
    }
  }

  /* "今天有 N 题待复习" → 今日复习, once the scheduler has taken in every
     answer (macros/review/runtime/schedule.js); the export then carries
     its state. */
  function reviewLink(go) {
    var link = go.appendChild(el("a", "md-button hb-review-link", "今日复习"));
    link.href = pageUrl("progress/review");
    link.dataset.reviewDue = "always";
    window.HandbookAssessments.scheduler(function (HR) { HR.dueLine(go, HR.sync(C)); });
  }

  R.views.dashboard = dashboard;
})(window.HandbookRecord);
