/* The learner record, drawn in the browser from data on this device only:
 *   [data-record=dashboard]  我的进度: per section and page, read or not,
 *                            quiz best scores, checklists; 继续学习; the
 *                            learner's name; export (JSON) and print (A4);
 *                            reset with confirmation.
 *   [data-record=mistakes]   错题本: every question last answered wrong, with
 *                            the answer, explanation and a retry in place.
 *   [data-record=class]      班级成绩 (trainers): several reps' exported
 *                            files side by side, the most-missed questions,
 *                            CSV for Excel.
 * Inputs: window.HandbookCatalog (catalog.js, written by macros/record/catalog.py at
 * build time) and window.Handbook.store (handbook.js). Nothing is sent
 * anywhere. The exported file's format is macros/record/format.py LearnerRecord
 * (schema/learner-record.schema.json); readFile() below checks the same
 * rules before the class view trusts a file.
 */
(function () {
  "use strict";

  var C = window.HandbookCatalog, H = window.Handbook, S = H.store;
  var FORMAT = H.contract.format, VERSION = H.contract.version;
  var printHooked = false;                     /* the beforeprint/afterprint listeners, added once */

  var T = {
    name: "姓名", namePlaceholder: "导出和打印时使用",
    nameHint: "只保存在这台设备上。", needName: "请先填写姓名，培训师才能分辨这是谁的记录。",
    overall: "总体进度", read: "已读完页面", quizzes: "通过的测验", checklists: "完成的清单",
    of: function (a, n) { return a + " / " + n; },
    resume: function (t) { return "继续学习《" + t + "》"; }, start: "从第一阶段开始学习",
    mistakes: function (n) { return "错题本（" + n + " 题）"; },
    page: "页面", reading: "阅读", quiz: "测验", checklist: "清单",
    readAt: function (d) { return "已读完（" + d + "）"; }, monthDay: function (m, d) { return m + "月" + d + "日"; }, opened: "已打开，未读完", unread: "未读",
    notDone: "未做", passed: "通过", failed: "未通过", none: "—",
    score: function (s, ok) { return s + "% " + (ok ? "✓ 通过" : "✗ 未通过"); },
    items: function (a, n) { return a + " / " + n + " 项"; },
    exportJson: "导出学习记录（JSON）", print: "打印报告", reset: "清除我的学习数据",
    exported: function (f) { return "已导出 " + f + "。请把这个文件交给培训师。"; },
    confirmReset: "将删除这台设备上你的全部学习记录：阅读进度、测验成绩、错题本、清单勾选、表格内容和姓名，删除后无法恢复。\n\n如果还没有导出交给培训师，请先点“取消”，导出后再清除。\n\n确定清除吗？",
    resetDone: "已清除这台设备上的全部学习记录。",
    corrupt: function (n) { return "这台设备上有 " + n + " 条学习记录无法读取（可能已损坏），已跳过，没有删除。"; },
    noStorage: "这台设备的浏览器不能保存数据（可能处于隐私/无痕模式），所以这里没有学习记录。",
    reportTitle: "学习记录报告", reportMeta: function (n, d, b) { return "学员：" + n + "　打印日期：" + d + "　手册版本：" + b; },
    signTrainer: "培训师签字：", signDate: "日期：",
    mistakesNone: "错题本是空的。做完各模块的自测题后，答错的题会出现在这里。",
    mistakesCount: function (n) { return "错题本中有 " + n + " 道题。"; },
    mistakesLeft: function (n, gone) { return "错题本中还有 " + n + " 道题" + (gone ? "，本次已答对 " + gone + " 道（刷新页面后移出）。" : "。"); },
    from: function (t) { return "来自《" + t + "》"; },
    bankMissing: "这道题的题目文件没有加载成功，请点标题进入原页面重做。",
    /* class view */
    pick: "选择学习记录文件", drop: "或者把文件拖到这里（可一次选多个 .json 文件）",
    loaded: function (n) { return "已打开 " + n + " 名学员的记录。"; },
    remove: "移除", removeOne: function (n) { return "移除 " + n; },
    learnerCol: "学员", passCol: "通过人数",
    tableCaption: function (n) { return "班级成绩（" + n + " 名学员，各测验的最好成绩）"; },
    rowRead: "已读完页面", rowPassed: "通过的测验", rowChecklists: "完成的清单", rowMistakes: "错题本题数",
    missTitle: "全班错得最多的题", missNone: "还没有答错的题。",
    missCount: function (w, n) { return "答错 " + w + " 人 / 作答 " + n + " 人"; },
    unknownQuestion: function (id) { return "（本版手册中没有这道题：" + id + "）"; },
    csv: "导出表格（CSV，可用 Excel 打开）",
    exportedAt: "导出时间", build: "手册版本",
    errJson: "不是有效的 JSON 文件，可能已损坏或没有下载完整。",
    errForeign: "不是本手册导出的学习记录。请让学员在“我的进度”页点“导出学习记录”。",
    errFuture: function (v) { return "由较新版本的手册导出（格式版本 " + v + "），本页只能读取版本 " + VERSION + "。请先更新手册（刷新或重新安装）再打开。"; },
    errOld: function (v) { return "格式版本 " + v + " 无法识别。"; },
    errField: function (what) { return "学习记录不完整或被改动过：" + what + "。"; },
    errBig: "文件太大，不像是学习记录。",
    replaced: function (n) { return n + " 的记录打开了不止一份，只保留了导出时间最新的一份。"; },
    fileErr: function (f, m) { return f + "：" + m; }
  };

  /* ---------------------------------------------------------------- helpers */
  var U = window.HandbookAssessments.util, el = U.el, button = U.button, all = U.all, printOnly = U.printOnly;
  function isTime(t) { return typeof t === "number" && isFinite(t) && t > 946684800000 && t < 4102444800000; }
  function iso(t) { return isTime(t) ? new Date(t).toISOString().replace(/\.\d{3}Z$/, "Z") : null; }
  function pct(v) { return typeof v === "number" && v >= 0 && v <= 100 && v === Math.round(v) ? v : null; }
  function day(value) {
    var d = new Date(value);
    return isNaN(d) ? "" : d.getFullYear() + "-" + ("0" + (d.getMonth() + 1)).slice(-2) + "-" + ("0" + d.getDate()).slice(-2);
  }
  function pageUrl(key) { return H.root + C.pages[key].url; }
  function download(name, type, text) {
    var a = el("a");
    a.href = URL.createObjectURL(new Blob([text], { type: type }));
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  /* The learning pages in order, and the quizzes and checklists on them. */
  function learningPages() {
    var out = [];
    C.sections.forEach(function (s) { s.pages.forEach(function (k) { out.push(k); }); });
    return out;
  }
  function learningQuizzes() {
    var out = [];
    learningPages().forEach(function (k) { C.pages[k].quizzes.forEach(function (id) { out.push(id); }); });
    return out;
  }
  function learningChecklists() {
    var out = [];
    learningPages().forEach(function (k) { C.pages[k].checklists.forEach(function (id) { out.push(id); }); });
    return out;
  }
  /* question id → its current content hash */
  var HASHES = (function () {
    var h = {};
    Object.keys(C.quizzes).forEach(function (id) { C.quizzes[id].questions.forEach(function (q) { h[q[0]] = q[1]; }); });
    return h;
  })();

  /* A saved answer that is usable: current content, well-formed. */
  function validAnswer(a, qid) {
    return a && typeof a === "object" && a.h === HASHES[qid] && typeof a.ok === "boolean" && isTime(a.t);
  }

  /* ---------------------------------------------------------------- the record */
  /* Every question's latest answer across the quizzes and 错题本 retries. */
  function latestAnswers() {
    var latest = {};
    function consider(qid, a, quiz) {
      if (!validAnswer(a, qid)) return;
      if (!latest[qid] || a.t > latest[qid].a.t) latest[qid] = { a: a, quiz: quiz };
    }
    Object.keys(C.quizzes).forEach(function (id) {
      var rec = S.get("quiz:" + id), q = rec && rec.q && typeof rec.q === "object" ? rec.q : {};
      C.quizzes[id].questions.forEach(function (pair) { consider(pair[0], q[pair[0]], id); });
    });
    var review = S.get("review"), rq = review && review.q && typeof review.q === "object" ? review.q : {};
    Object.keys(rq).forEach(function (qid) { if (C.questions[qid]) consider(qid, rq[qid], C.questions[qid].quiz); });
    return latest;
  }

  /* Questions last answered wrong, in the handbook's order. */
  function mistakes() {
    var latest = latestAnswers(), inLearning = {}, out = [];
    learningQuizzes().forEach(function (id) { inLearning[id] = true; });
    Object.keys(C.quizzes).forEach(function (id) {
      C.quizzes[id].questions.forEach(function (pair) {
        var qid = pair[0], home = C.questions[qid];
        if (home && home.quiz === id && inLearning[id] && latest[qid] && !latest[qid].a.ok) out.push({ id: qid, answer: latest[qid].a });
      });
    });
    return out;
  }

  function learnerName() {
    var l = S.get("learner");
    return l && typeof l.name === "string" ? l.name : "";
  }

  /* The record in the export format (macros/record/format.py, LearnerRecord v1). */
  function snapshot() {
    var pages = learningPages().map(function (k) {
      var p = S.get("page:" + k) || {}, meta = C.pages[k];
      return { page: k, title: meta.title, section: meta.section, visited_at: iso(p.v), read_at: iso(p.r) };
    });
    var quizzes = learningQuizzes().map(function (id) {
      var meta = C.quizzes[id], rec = S.get("quiz:" + id) || {}, q = rec.q && typeof rec.q === "object" ? rec.q : {};
      var answers = [];
      meta.questions.forEach(function (pair) {
        var a = q[pair[0]];
        if (validAnswer(a, pair[0])) answers.push({ question: pair[0], correct: a.ok, answered_at: iso(a.t) });
      });
      var best = pct(rec.best);
      return {
        id: id, title: meta.title, page: meta.page, section: C.pages[meta.page].section, mode: meta.mode,
        pass_mark: meta.pass, questions: meta.questions.length, best: best, last: pct(rec.score),
        passed: H.passed(best, meta.pass),
        attempts: typeof rec.attempts === "number" && rec.attempts >= 0 ? Math.floor(rec.attempts) : 0,
        finished_at: iso(rec.last), answers: answers
      };
    });
    var checklists = learningChecklists().map(function (id) {
      var meta = C.checklists[id], rec = S.get("checklist:" + id) || {}, items = rec.items && typeof rec.items === "object" ? rec.items : {};
      return { id: id, title: meta.title, page: meta.page, items: meta.items.length,
               done: meta.items.filter(function (i) { return items[i] === true; }).length, updated_at: iso(rec.t) };
    });
    var wrong = mistakes().map(function (m) { return m.id; });
    return {
      format: FORMAT, version: VERSION, exported_at: iso(Date.now()),
      handbook: { title: C.title, build: C.build, built_at: C.built },
      learner: { name: learnerName() },
      summary: {
        pages_total: pages.length, pages_read: pages.filter(function (p) { return p.read_at; }).length,
        quizzes_total: quizzes.length, quizzes_passed: quizzes.filter(function (q) { return q.passed; }).length,
        checklists_total: checklists.length, checklists_done: checklists.filter(function (c) { return c.items && c.done === c.items; }).length,
        mistakes: wrong.length
      },
      pages: pages, quizzes: quizzes, checklists: checklists, mistakes: wrong
    };
  }

  /* Keys of ours that hold something unreadable (never deleted here). */
  function corruptCount() {
    return S.keys("").filter(function (k) { return k !== "probe" && S.get(k) === null; }).length;
  }

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
    head.appendChild(el("p", "", T.reportMeta(rec.learner.name || "（未填写）", day(Date.now()), C.build)));

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
      resume.href = pageUrl(C.sections[0].pages[0]);
      resume.textContent = T.start;
    }
    go.appendChild(resume);
    var book = go.appendChild(el("a", "md-button hb-mistakes-link", T.mistakes(rec.summary.mistakes)));
    book.href = C.pages["progress/mistakes"] ? pageUrl("progress/mistakes") : H.root;

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
      var name = "学习记录-" + data.learner.name.replace(/[\\/:*?"<>|\s]+/g, "_") + "-" + day(Date.now()) + ".json";
      download(name, "application/json", JSON.stringify(data, null, 2));
      done.textContent = T.exported(name);
    }));
    actions.appendChild(button(T.print, "hb-print", function () {
      if (needName()) return;
      head.querySelector("p:last-child").textContent = T.reportMeta(learnerName(), day(Date.now()), C.build);
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
          T.reportMeta(learnerName() || "（未填写）", day(Date.now()), C.build);
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

  /* ---------------------------------------------------------------- 错题本 */
  function loadBank(id) {
    return new Promise(function (resolve) {
      var bank = window.HandbookBank || {};
      if (bank[id]) return resolve(bank[id]);
      var tag = document.createElement("script");
      tag.src = H.root + "assets/quizzes/" + encodeURIComponent(id) + ".js";
      tag.onload = function () { resolve((window.HandbookBank || {})[id] || null); };
      tag.onerror = function () { resolve(null); };
      document.head.appendChild(tag);
    });
  }

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
      loadBank(quiz).then(function (markup) {
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

  /* ---------------------------------------------------------------- 班级成绩 */
  /* Check an imported file: the format and its version first (their own
     messages), then everything against the record's JSON Schema
     (schema.js); the first problem in a trainer's words, or null. */
  function problem(d) {
    if (!d || typeof d !== "object" || Array.isArray(d) || d.format !== FORMAT) return T.errForeign;
    if (typeof d.version !== "number") return T.errForeign;
    if (d.version > VERSION) return T.errFuture(d.version);
    if (d.version !== VERSION) return T.errOld(d.version);
    var wrong = window.HandbookRecordCheck(d);
    return wrong ? T.errField(wrong) : null;
  }

  function readFile(file) {
    return new Promise(function (resolve) {
      if (file.size > 5 * 1024 * 1024) return resolve({ error: T.errBig });
      var reader = new FileReader();
      reader.onload = function () {
        var data;
        try { data = JSON.parse(String(reader.result).replace(/^\uFEFF/, "")); }
        catch (e) { return resolve({ error: T.errJson }); }
        var p = problem(data);
        resolve(p ? { error: p } : { data: data });
      };
      reader.onerror = function () { resolve({ error: T.errJson }); };
      reader.readAsText(file, "utf-8");
    });
  }

  /* Quizzes in the handbook's order first, then any only the files know. */
  function classQuizzes(reps) {
    var order = learningQuizzes(), seen = {}, out = [];
    order.forEach(function (id) { seen[id] = true; out.push({ id: id, title: C.quizzes[id].title, section: C.pages[C.quizzes[id].page].section }); });
    reps.forEach(function (r) {
      r.quizzes.forEach(function (q) { if (!seen[q.id]) { seen[q.id] = true; out.push({ id: q.id, title: q.title, section: q.section || "" }); } });
    });
    return out;
  }
  function quizOf(rep, id) { return rep.quizzes.filter(function (q) { return q.id === id; })[0] || null; }

  /* question id → {wrong, answered}, counting each rep's latest answer. */
  function missed(reps) {
    var counts = {};
    reps.forEach(function (rep) {
      var latest = {};
      rep.quizzes.forEach(function (q) {
        q.answers.forEach(function (a) {
          var t = Date.parse(a.answered_at);
          if (!latest[a.question] || t > latest[a.question].t) latest[a.question] = { t: t, ok: a.correct };
        });
      });
      Object.keys(latest).forEach(function (id) {
        var c = counts[id] = counts[id] || { id: id, wrong: 0, answered: 0 };
        c.answered++;
        if (!latest[id].ok) c.wrong++;
      });
    });
    return Object.keys(counts).map(function (k) { return counts[k]; })
      .filter(function (c) { return c.wrong > 0; })
      .sort(function (a, b) { return b.wrong - a.wrong || b.wrong / b.answered - a.wrong / a.answered || (a.id < b.id ? -1 : 1); });
  }

  function cellText(q) {
    if (!q || q.best === null) return T.notDone;
    return q.best + "% " + (q.passed ? "✓" : "✗");
  }

  function csvCell(v) {
    var s = v === null || v === undefined ? "" : String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;          /* never a formula in Excel */
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  function csv(reps) {
    var quizzes = classQuizzes(reps);
    var head = [T.learnerCol, T.exportedAt, T.build, T.rowRead, T.rowPassed, T.rowChecklists, T.rowMistakes];
    quizzes.forEach(function (q) { head.push(q.title + "（%）", q.title + "：是否通过"); });
    var rows = [head];
    reps.forEach(function (r) {
      var s = r.summary, row = [r.learner.name, r.exported_at.replace("T", " ").replace(/Z$/, ""), r.handbook.build,
        T.of(s.pages_read, s.pages_total), T.of(s.quizzes_passed, s.quizzes_total), T.of(s.checklists_done, s.checklists_total), s.mistakes];
      quizzes.forEach(function (q) {
        var x = quizOf(r, q.id);
        row.push(x && x.best !== null ? x.best : "", !x || x.best === null ? T.notDone : x.passed ? T.passed : T.failed);
      });
      rows.push(row);
    });
    return "\uFEFF" + rows.map(function (row) { return row.map(csvCell).join(","); }).join("\r\n") + "\r\n";
  }

  function classView(root) {
    root.textContent = "";
    var reps = [];
    var picker = root.appendChild(el("div", "hb-drop"));
    var input = picker.appendChild(el("input", "hb-drop__input"));
    input.type = "file";
    input.id = "hb-class-files";
    input.multiple = true;
    input.accept = ".json,application/json";
    var label = picker.appendChild(el("label", "md-button md-button--primary hb-drop__pick", T.pick));
    label.htmlFor = "hb-class-files";
    picker.appendChild(el("p", "hb-drop__hint", T.drop));
    var messages = root.appendChild(el("div", "hb-class__messages"));
    messages.setAttribute("role", "status");
    var out = root.appendChild(el("div", "hb-class__out"));

    function open(files) {
      files = Array.prototype.slice.call(files || []);
      if (!files.length) return;
      Promise.all(files.map(function (f) { return readFile(f).then(function (r) { r.file = f.name; return r; }); })).then(function (results) {
        messages.textContent = "";
        var errors = messages.appendChild(el("ul", "hb-class__errors"));
        results.forEach(function (r) {
          if (r.error) { errors.appendChild(el("li", "hb-bad-text", T.fileErr(r.file, r.error))); return; }
          var name = r.data.learner.name, same = reps.filter(function (x) { return x.learner.name === name; })[0];
          if (same) {
            errors.appendChild(el("li", "", T.replaced(name)));
            if (Date.parse(same.exported_at) >= Date.parse(r.data.exported_at)) return;
            reps.splice(reps.indexOf(same), 1);
          }
          reps.push(r.data);
        });
        if (!errors.children.length) errors.remove();
        messages.appendChild(el("p", "hb-class__count-line"));
        draw();
      });
    }
    input.addEventListener("change", function () { open(input.files); input.value = ""; });
    ["dragenter", "dragover"].forEach(function (type) {
      picker.addEventListener(type, function (e) { e.preventDefault(); picker.classList.add("hb-drop--over"); });
    });
    picker.addEventListener("dragleave", function () { picker.classList.remove("hb-drop--over"); });
    picker.addEventListener("drop", function (e) {
      e.preventDefault();
      picker.classList.remove("hb-drop--over");
      open(e.dataTransfer && e.dataTransfer.files);
    });

    function draw(focusAfter) {
      out.textContent = "";
      var count = messages.querySelector(".hb-class__count-line");
      if (count) count.textContent = T.loaded(reps.length);
      if (!reps.length) { if (focusAfter) input.focus(); return; }
      reps.sort(function (a, b) { return a.learner.name.localeCompare(b.learner.name, "zh-CN"); });
      var chips = out.appendChild(el("ul", "hb-class__reps"));
      reps.forEach(function (r, i) {
        var li = chips.appendChild(el("li"));
        li.appendChild(el("span", "", r.learner.name + "（" + T.exportedAt + " " + day(r.exported_at) + "，" + T.build + " " + r.handbook.build + "）"));
        var b = li.appendChild(button(T.remove, "hb-class__remove", function () { reps.splice(reps.indexOf(r), 1); draw(Math.min(i, reps.length - 1)); }));
        b.setAttribute("aria-label", T.removeOne(r.learner.name));
      });
      if (typeof focusAfter === "number") chips.querySelectorAll(".hb-class__remove")[focusAfter].focus();

      var wrap = out.appendChild(el("div", "hb-class__scroll"));
      var table = wrap.appendChild(el("table", "hb-class__table"));
      table.appendChild(el("caption", "", T.tableCaption(reps.length)));
      wrap.setAttribute("aria-label", T.tableCaption(reps.length));
      var tr = table.appendChild(el("thead")).appendChild(el("tr"));
      tr.appendChild(el("th", "", T.quiz)).scope = "col";
      reps.forEach(function (r) { tr.appendChild(el("th", "", r.learner.name)).scope = "col"; });
      tr.appendChild(el("th", "", T.passCol)).scope = "col";
      var body = table.appendChild(el("tbody"));
      function row(title, cells, extra, cls) {
        var r = body.appendChild(el("tr", cls || ""));
        r.appendChild(el("th", "", title)).scope = "row";
        cells.forEach(function (c) { var td = r.appendChild(el("td", c.cls || "", c.text)); if (c.id) td.dataset.rep = c.id; });
        r.appendChild(el("td", "", extra));
        return r;
      }
      [[T.rowRead, "pages_read", "pages_total"], [T.rowPassed, "quizzes_passed", "quizzes_total"],
       [T.rowChecklists, "checklists_done", "checklists_total"]].forEach(function (spec) {
        row(spec[0], reps.map(function (r) { return { text: T.of(r.summary[spec[1]], r.summary[spec[2]]) }; }), "", "hb-class__summary");
      });
      row(T.rowMistakes, reps.map(function (r) { return { text: String(r.summary.mistakes) }; }), "", "hb-class__summary");
      var section = null;
      classQuizzes(reps).forEach(function (q) {
        if (q.section !== section) {
          section = q.section;
          var s = body.appendChild(el("tr", "hb-class__section"));
          var th = s.appendChild(el("th", "", section));
          th.colSpan = reps.length + 2;
          th.scope = "rowgroup";
        }
        var results = reps.map(function (r) { return quizOf(r, q.id); });
        var passedN = results.filter(function (x) { return x && x.passed; }).length;
        var r = row(q.title, results.map(function (x, i) {
          return { text: cellText(x), cls: !x || x.best === null ? "" : x.passed ? "hb-ok-text" : "hb-bad-text", id: reps[i].learner.name };
        }), T.of(passedN, reps.length));
        r.dataset.quiz = q.id;
      });

      var miss = out.appendChild(el("section", "hb-class__missed"));
      miss.setAttribute("aria-labelledby", "hb-missed");
      miss.appendChild(el("h2", "", T.missTitle)).id = "hb-missed";
      var top = missed(reps).slice(0, 10);
      if (!top.length) miss.appendChild(el("p", "", T.missNone));
      var ol = miss.appendChild(el("ol"));
      top.forEach(function (m) {
        var li = ol.appendChild(el("li"));
        li.dataset.question = m.id;
        var info = C.questions[m.id];
        if (info) { var a = li.appendChild(el("a", "", info.text)); a.href = H.root + info.url; }
        else li.appendChild(el("span", "", T.unknownQuestion(m.id)));
        li.appendChild(el("span", "hb-class__count", " " + T.missCount(m.wrong, m.answered)));
      });

      out.appendChild(button(T.csv, "md-button--primary hb-class__csv", function () {
        download("班级成绩-" + day(Date.now()) + ".csv", "text/csv;charset=utf-8", csv(reps));
      }));
      /* A table wider than the screen scrolls; then it must take keyboard focus. */
      if (wrap.scrollWidth > wrap.clientWidth + 1) wrap.tabIndex = 0;
    }
  }

  /* ---------------------------------------------------------------- entry */
  var VIEWS = { dashboard: dashboard, mistakes: mistakeBook, "class": classView };
  function init(doc) {
    all(doc, "[data-record]").forEach(function (root) {
      if (root.dataset.ready || !VIEWS[root.dataset.record]) return;
      root.dataset.ready = "1";
      VIEWS[root.dataset.record](root);
    });
  }
  window.HandbookRecord = { init: init, snapshot: snapshot, problem: problem, csv: csv, strings: T };
})();
