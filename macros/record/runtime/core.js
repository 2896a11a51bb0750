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
    scan: "扫码导入", pasteCode: "粘贴文字码", scanHint: "学员在“我的进度”点“给培训师扫码”，用摄像头扫它的二维码，或把它发来的文字码粘贴进来。",
    handoff: "给培训师扫码",
    loaded: function (n) { return "已打开 " + n + " 名学员的记录。"; },
    remove: "移除", removeOne: function (n) { return "移除 " + n; },
    learnerCol: "学员", passCol: "通过人数",
    tableCaption: function (n) { return "班级成绩（" + n + " 名学员，各测验的最好成绩）"; },
    rowRead: "已读完页面", rowPassed: "通过的测验", rowChecklists: "完成的清单", rowMistakes: "错题本题数",
    missTitle: "全班错得最多的题", missNone: "还没有答错的题。",
    missCount: function (w, n) { return "答错 " + w + " 人 / 作答 " + n + " 人"; },
    unknownQuestion: function (id) { return "（本版手册中没有这道题：" + id + "）"; },
    moreQuizzes: function (n) { return "另有 " + n + " 个本版手册中没有的测验（来自旧版手册或被改动过的文件）没有列在表中；导出的表格（CSV）包含全部测验。"; },
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

  /* A name as files are compared by it (macros/record/format.py clean_name):
     NFC, no control or invisible format characters (zero-width spaces and
     joiners, direction marks, BOM), white space as one space, trimmed; two
     files of "张三" and "张\u200b三" are one rep. */
  function cleanName(name) {
    return String(name).normalize("NFC").replace(/[\p{Cc}\p{Cf}]/gu, "").replace(/\s+/g, " ").trim();
  }

  function learnerName() {
    var l = S.get("learner");
    return l && typeof l.name === "string" ? cleanName(l.name) : "";
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
    var templates = filledTemplates();
    var out = {
      format: FORMAT, version: VERSION, exported_at: iso(window.Handbook.now()),
      handbook: { title: C.title, build: C.build, built_at: C.built },
      learner: { name: learnerName() },
      summary: {
        pages_total: pages.length, pages_read: pages.filter(function (p) { return p.read_at; }).length,
        quizzes_total: quizzes.length, quizzes_passed: quizzes.filter(function (q) { return q.passed; }).length,
        checklists_total: checklists.length, checklists_done: checklists.filter(function (c) { return c.items && c.done === c.items; }).length,
        mistakes: wrong.length
      },
      pages: pages, quizzes: quizzes, checklists: checklists, mistakes: wrong, templates: templates
    };
    /* Spaced review: its cards and retention, once its scheduler is loaded (我的进度 loads it). */
    if (window.HandbookReview) out.review = window.HandbookReview.exported(C);
    return out;
  }

  /* Work templates filled on this device ("template:<id>", kept by
     macros/fieldkit/runtime/fieldkit.js), in the export format
     (TemplateRecord): only what holds some text; empty rows left out. */
  function filledTemplates() {
    function text(v) { return typeof v === "string" ? v : ""; }
    function pairs(list) {
      return (Array.isArray(list) ? list : []).filter(function (p) { return p && typeof p === "object"; })
        .map(function (p) { return { label: text(p.label), value: text(p.value) }; });
    }
    return S.keys("template:").sort().map(function (k) {
      var rec = S.get(k);
      if (!rec) return null;
      var tables = (Array.isArray(rec.tables) ? rec.tables : []).filter(function (t) { return t && typeof t === "object"; })
        .map(function (t) {
          var columns = (Array.isArray(t.columns) ? t.columns : []).map(text);
          var rows = (Array.isArray(t.rows) ? t.rows : []).filter(Array.isArray).map(function (r) { return r.map(text); });
          return { title: text(t.title), columns: columns,
                   rows: rows.filter(function (r) { return r.slice(t.fixed ? 1 : 0).some(function (c) { return c.trim() !== ""; }); }) };
        });
      var out = { id: k.slice("template:".length), title: text(rec.title) || k.slice(9), page: typeof rec.page === "string" ? rec.page : null,
                  updated_at: iso(rec.t), fields: pairs(rec.fields), tables: tables, notes: pairs(rec.notes) };
      var filled = out.fields.concat(out.notes).some(function (p) { return p.value.trim() !== ""; }) ||
                   tables.some(function (t) { return t.rows.length; });
      return filled ? out : null;
    }).filter(Boolean);
  }

  /* Keys of ours that hold something unreadable (never deleted here). */
  function corruptCount() {
    return S.keys("").filter(function (k) { return k !== "probe" && S.get(k) === null; }).length;
  }


  /* What the views below share (record/runtime/dashboard.js, mistakes.js,
     classview.js each start by taking these names). */
  window.HandbookRecord = {
    views: {}, strings: T,
    shared: { C: C, H: H, S: S, FORMAT: FORMAT, VERSION: VERSION, T: T, el: el, button: button, all: all, printOnly: printOnly, isTime: isTime, iso: iso, pct: pct, day: day, pageUrl: pageUrl, download: download, learningPages: learningPages, learningQuizzes: learningQuizzes, learningChecklists: learningChecklists, HASHES: HASHES, validAnswer: validAnswer, latestAnswers: latestAnswers, mistakes: mistakes, learnerName: learnerName, cleanName: cleanName, snapshot: snapshot, corruptCount: corruptCount }
  };
})();
