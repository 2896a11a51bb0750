/* 班级成绩: several reps' exported files side by side, the most-missed
   questions and a CSV for Excel. State: reps, the records opened on this
   page (kept in memory only). */
(function (R) {
  "use strict";
  var X = R.shared, C = X.C, H = X.H, S = X.S, FORMAT = X.FORMAT, VERSION = X.VERSION, el = X.el, button = X.button, all = X.all, printOnly = X.printOnly, isTime = X.isTime, iso = X.iso, pct = X.pct, day = X.day, pageUrl = X.pageUrl, download = X.download, learningPages = X.learningPages, learningQuizzes = X.learningQuizzes, learningChecklists = X.learningChecklists, HASHES = X.HASHES, validAnswer = X.validAnswer, latestAnswers = X.latestAnswers, mistakes = X.mistakes, learnerName = X.learnerName, cleanName = X.cleanName, snapshot = X.snapshot, corruptCount = X.corruptCount, T = R.strings;

  /* ---------------------------------------------------------------- 班级成绩 */
  /* Check an imported file: the format and its version first (their own
     messages), then everything against the record's JSON Schema
     (schema.js; no time in it later than a day from now), then what the
     schema cannot say (nonsense); the first problem in a trainer's words,
     or null. The learner's name is normalised first (cleanName), so names
     that differ only by invisible characters are one rep. */
  var DAY = 86400000;
  function problem(d) {
    if (!d || typeof d !== "object" || Array.isArray(d) || d.format !== FORMAT) return T.errForeign;
    if (typeof d.version !== "number") return T.errForeign;
    if (d.version > VERSION) return T.errFuture(d.version);
    if (d.version !== VERSION) return T.errOld(d.version);
    var who = d.learner;
    if (who && typeof who === "object" && typeof who.name === "string") who.name = cleanName(who.name);
    var wrong = window.HandbookRecordCheck(d, { latest: window.Handbook.now() + DAY }) || nonsense(d);
    return wrong ? T.errField(wrong) : null;
  }

  /* Rules between fields (macros/record/format.py checks the same ones), on a
     file that has passed the schema: each list's entries are unique, "passed"
     agrees with the best score and the pass mark, a checklist has no more
     ticks than items, and the summary counts what the lists hold. */
  function nonsense(d) {
    var SCHEMA = window.HandbookRecordSchema;
    function title(def, field) { return SCHEMA.$defs[def].properties[field].title; }
    function nth(list, i) { return "第 " + (i + 1) + " 个" + SCHEMA.properties[list].title; }
    var lists = [["pages", "PageRecord", "page"], ["quizzes", "QuizRecord", "id"], ["checklists", "ChecklistRecord", "id"]];
    for (var l = 0; l < lists.length; l++) {
      var seen = map(), list = lists[l][0], field = lists[l][2];
      for (var i = 0; i < d[list].length; i++) {
        var id = d[list][i][field];
        if (id in seen) return nth(list, i) + "的" + title(lists[l][1], field) + "“" + id + "”与第 " + (seen[id] + 1) + " 个重复";
        seen[id] = i;
      }
    }
    for (var k = 0; k < d.quizzes.length; k++) {
      var q = d.quizzes[k], should = q.best !== null && q.best >= q.pass_mark;
      if (q.passed && q.best === null) return nth("quizzes", k) + "标为已通过，但没有成绩";
      if (q.passed && !should) return nth("quizzes", k) + "标为已通过，但最好成绩 " + q.best + "% 低于及格线 " + q.pass_mark + "%";
      if (!q.passed && should) return nth("quizzes", k) + "的最好成绩 " + q.best + "% 达到及格线 " + q.pass_mark + "%，却标为未通过";
      if (q.best !== null && q.last !== null && q.last > q.best) {
        return nth("quizzes", k) + "的最近一次成绩 " + q.last + "% 高于最好成绩 " + q.best + "%";
      }
    }
    for (var c = 0; c < d.checklists.length; c++) {
      var x = d.checklists[c];
      if (x.done > x.items) return nth("checklists", c) + "的已勾选项目数 " + x.done + " 多于项目数 " + x.items;
    }
    function counted(items, test) { return items.filter(test).length; }
    var want = {
      pages_total: d.pages.length, pages_read: counted(d.pages, function (p) { return p.read_at !== null && p.read_at !== undefined; }),
      quizzes_total: d.quizzes.length, quizzes_passed: counted(d.quizzes, function (q) { return q.passed; }),
      checklists_total: d.checklists.length,
      checklists_done: counted(d.checklists, function (x) { return x.items > 0 && x.done === x.items; }),
      mistakes: d.mistakes.length
    };
    for (var f in want) {
      if (d.summary[f] !== want[f]) return "总体进度的" + title("Summary", f) + "是 " + d.summary[f] + "，与明细中的 " + want[f] + " 不符";
    }
    return null;
  }

  /* A record's JSON text, from a file or from the QR hand-off (handoff.js),
     → {data} or {error}: the one path every import takes. */
  function readText(text) {
    var data;
    try { data = JSON.parse(String(text).replace(/^\uFEFF/, "")); }
    catch (e) { return { error: T.errJson }; }
    var p = problem(data);
    return p ? { error: p } : { data: data };
  }

  function readFile(file) {
    return new Promise(function (resolve) {
      if (file.size > 5 * 1024 * 1024) return resolve({ error: T.errBig });
      var reader = new FileReader();
      reader.onload = function () { resolve(readText(reader.result)); };
      reader.onerror = function () { resolve({ error: T.errJson }); };
      reader.readAsText(file, "utf-8");
    });
  }

  /* Lookups are indexes built once per drawing (a class of 50 reps with full
     records, or files holding thousands of quizzes, must not search a list
     per table cell), keyed without a prototype so an id like "constructor"
     is just an id. */
  function map() { return Object.create(null); }

  /* Rows for quizzes only the files know (an older handbook's): a few are
     useful, thousands (a damaged or made-up file) would take the browser
     seconds to lay out. The CSV always has them all. */
  var UNKNOWN_ROWS = 100;

  /* Quizzes in the handbook's order first, then any only the files know
     (each with known: false). */
  function classQuizzes(reps) {
    var order = learningQuizzes(), seen = map(), out = [];
    order.forEach(function (id) { seen[id] = true; out.push({ id: id, title: C.quizzes[id].title, section: C.pages[C.quizzes[id].page].section, known: true }); });
    reps.forEach(function (r) {
      r.quizzes.forEach(function (q) { if (!seen[q.id]) { seen[q.id] = true; out.push({ id: q.id, title: q.title, section: q.section || "", known: false }); } });
    });
    return out;
  }
  /* For each rep, quiz id → the rep's first record of that quiz. */
  function quizIndex(reps) {
    return reps.map(function (rep) {
      var byId = map();
      rep.quizzes.forEach(function (q) { if (!(q.id in byId)) byId[q.id] = q; });
      return byId;
    });
  }
  function quizOf(byId, id) { return byId[id] || null; }

  /* question id → {wrong, answered}, counting each rep's latest answer. */
  function missed(reps) {
    var counts = map();
    reps.forEach(function (rep) {
      var latest = map();
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
    var quizzes = classQuizzes(reps), index = quizIndex(reps);
    var head = [T.learnerCol, T.exportedAt, T.build, T.rowRead, T.rowPassed, T.rowChecklists, T.rowMistakes, R.review.strings.csv];
    quizzes.forEach(function (q) { head.push(q.title + "（%）", q.title + "：是否通过"); });
    var rows = [head];
    reps.forEach(function (r, i) {
      var s = r.summary, row = [r.learner.name, r.exported_at.replace("T", " ").replace(/Z$/, ""), r.handbook.build,
        T.of(s.pages_read, s.pages_total), T.of(s.quizzes_passed, s.quizzes_total), T.of(s.checklists_done, s.checklists_total), s.mistakes,
        R.review.csvValue(r)];
      quizzes.forEach(function (q) {
        var x = quizOf(index[i], q.id);
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
    /* 扫码导入 and 粘贴文字码: handoff.js, loaded on the first press. */
    var codes = root.appendChild(el("div", "hb-class__handoff"));
    var scan = codes.appendChild(button(T.scan, "hb-class__scan", function () {
      H.load("handoff.js", function () { window.HandbookHandoff.scan(scan, intake, true); });
    }));
    var paste = codes.appendChild(button(T.pasteCode, "hb-class__paste", function () {
      H.load("handoff.js", function () { window.HandbookHandoff.scan(paste, intake, false); });
    }));
    codes.appendChild(el("p", "hb-drop__hint", T.scanHint));
    var messages = root.appendChild(el("div", "hb-class__messages"));
    messages.setAttribute("role", "status");
    var out = root.appendChild(el("div", "hb-class__out"));

    /* Checked records ({file, data} or {file, error}) into the class, with
       their messages; files and the QR hand-off both come here. */
    function take(results) {
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
    }
    function open(files) {
      files = Array.prototype.slice.call(files || []);
      if (!files.length) return;
      Promise.all(files.map(function (f) { return readFile(f).then(function (r) { r.file = f.name; return r; }); })).then(take);
    }
    /* The QR hand-off's way in (handoff.js): a complete record's JSON text. */
    function intake(label, text) {
      var r = readText(text);
      r.file = label;
      take([r]);
      return r;
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
      row(R.review.strings.row(R.review.days(reps)), R.review.cells(reps), "", "hb-class__summary hb-class__retention");
      var section = null, index = quizIndex(reps), unknown = 0;
      classQuizzes(reps).forEach(function (q) {
        if (!q.known && ++unknown > UNKNOWN_ROWS) return;
        if (q.section !== section) {
          section = q.section;
          var s = body.appendChild(el("tr", "hb-class__section"));
          var th = s.appendChild(el("th", "", section));
          th.colSpan = reps.length + 2;
          th.scope = "rowgroup";
          if (R.review.anyIn(reps, section)) row(R.review.strings.stage, R.review.cells(reps, section), "", "hb-class__retention");
        }
        var results = index.map(function (byId) { return quizOf(byId, q.id); });
        var passedN = results.filter(function (x) { return x && x.passed; }).length;
        var r = row(q.title, results.map(function (x, i) {
          return { text: cellText(x), cls: !x || x.best === null ? "" : x.passed ? "hb-ok-text" : "hb-bad-text", id: reps[i].learner.name };
        }), T.of(passedN, reps.length));
        r.dataset.quiz = q.id;
      });

      if (unknown > UNKNOWN_ROWS) out.appendChild(el("p", "hb-muted", T.moreQuizzes(unknown - UNKNOWN_ROWS)));

      var miss = out.appendChild(el("section", "hb-class__missed"));
      miss.setAttribute("aria-labelledby", "hb-missed");
      miss.appendChild(el("h2", "", T.missTitle)).id = "hb-missed";
      var top = missed(reps).slice(0, 10);
      if (!top.length) miss.appendChild(el("p", "", T.missNone));
      var ol = miss.appendChild(el("ol"));
      top.forEach(function (m) {
        var li = ol.appendChild(el("li"));
        li.dataset.question = m.id;
        var info = Object.prototype.hasOwnProperty.call(C.questions, m.id) ? C.questions[m.id] : null;
        if (info) { var a = li.appendChild(el("a", "", info.text)); a.href = H.root + info.url; }
        else li.appendChild(el("span", "", T.unknownQuestion(m.id)));
        li.appendChild(el("span", "hb-class__count", " " + T.missCount(m.wrong, m.answered)));
      });

      out.appendChild(R.review.forgottenSection(reps));
      out.appendChild(button(T.csv, "md-button--primary hb-class__csv", function () {
        download("班级成绩-" + day(window.Handbook.now()) + ".csv", "text/csv;charset=utf-8", csv(reps));
      }));
      /* A table wider than the screen scrolls; then it must take keyboard focus. */
      if (wrap.scrollWidth > wrap.clientWidth + 1) wrap.tabIndex = 0;
    }
  }

  R.views["class"] = classView;
  R.problem = problem;
  R.csv = csv;
})(window.HandbookRecord);
