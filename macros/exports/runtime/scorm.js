/* SCORM 1.2, appended to handbook.js (macros/postbuild/bundle.py). The
   package a platform uploads (handbook-scorm12.zip) is written by
   python -m macros export (macros/exports/scorm.py).

   Outside a platform this finds no API and does nothing at all. Inside one
   (the API found by the standard discovery: window.parent up to 7 levels,
   then window.opener) it
   - LMSInitialize, and when this device has no quiz record yet, restores
     the records kept in cmi.suspend_data (another device, a cleared browser);
   - reports, after each change of a quiz record or of the reading position,
     then LMSCommit:
       cmi.core.lesson_status  every stage test (mode: test) passed: passed;
                               all taken, some not passed: failed; else
                               incomplete (a handbook without stage tests:
                               completed once every quiz is passed);
       cmi.core.score.raw      the average of the stage tests' best scores,
                               one not taken counting 0 (min 0, max 100),
                               once any is taken;
       cmi.core.lesson_location  the page last read: its URL from the site
                               root and the heading (255 characters at most);
       cmi.suspend_data        {"v":1,"q":{quiz id:[best,attempts,passed 0/1,
                               finished (s)]},"b":[URL,heading,title]}, at most
                               4,096 characters (lowest scores dropped first);
                               records from the platform this device lacks are
                               kept, so one device never erases another's;
   - on pagehide: cmi.core.exit "suspend" (the next launch resumes),
     cmi.core.session_time, LMSFinish.
   Which quizzes are stage tests comes from catalog.js (loaded on demand). */
(function () {
  "use strict";
  var H = window.Handbook;
  function find(win) {
    for (var n = 0; win; n++) {
      try { if (win.API && typeof win.API.LMSInitialize === "function") return win.API; } catch (e) { return null; }
      if (n >= 7 || win.parent === win) return null;
      win = win.parent;
    }
    return null;
  }
  var api = H && H.store && (find(window) || (window.opener ? find(window.opener) : null));
  function call(name, k, v) { try { return String(api[name](k, v)); } catch (e) { return ""; } }
  if (!api || call("LMSInitialize", "") !== "true") return;

  var S = H.store, marks = H.contract.passMarks, started = Date.now(), tests = null, timer = 0, done = false;
  function get(k) { return call("LMSGetValue", k); }
  function put(k, v) { call("LMSSetValue", k, String(v)); }
  function num(x) { return typeof x === "number" && isFinite(x) ? x : 0; }

  var saved = (function () {
    try { var d = JSON.parse(get("cmi.suspend_data")); return d && d.v === 1 && d.q ? d : null; } catch (e) { return null; }
  })();

  /* ---- restore into an empty device (before the page reads the store) */
  if (saved && S.ok && !S.keys("quiz:").length) {
    Object.keys(saved.q).forEach(function (id) {
      var r = saved.q[id];
      if (!marks.hasOwnProperty(id) || !Array.isArray(r)) return;
      S.set("quiz:" + id, { best: num(r[0]), score: num(r[0]), attempts: num(r[1]), passed: !!r[2],
                            last: r[3] ? r[3] * 1000 : undefined, q: {} });
    });
    var b = saved.b;
    if (Array.isArray(b) && typeof b[0] === "string" && !S.get("last")) {
      S.set("last", { k: H.pageKey(H.root + b[0]), u: b[0], a: b[1] || "", title: b[2] || b[0], t: H.now() }, true);
    }
    if (document.readyState !== "loading" && H.markNav) H.markNav();
  }

  /* ---- what the platform is told */
  function records() {
    var out = {};
    Object.keys(marks).forEach(function (id) {
      var r = S.get("quiz:" + id), old = saved && Array.isArray(saved.q[id]) ? saved.q[id] : null;
      var mine = r && typeof r.best === "number"
        ? [Math.round(r.best), num(r.attempts), H.passed(r.best, marks[id]) ? 1 : 0, Math.round(num(r.last) / 1000)] : null;
      var best = mine && old ? (old[0] > mine[0] ? old : mine) : mine || old;
      if (best) out[id] = best;
    });
    return out;
  }
  function suspend(q) {
    var last = S.get("last") || {}, data = { v: 1, q: q };
    if (typeof last.u === "string") data.b = [last.u, last.a || "", last.title || ""];
    var text = JSON.stringify(data), ids = Object.keys(q).sort(function (x, y) { return q[x][0] - q[y][0]; });
    while (text.length > 4096 && ids.length) { delete q[ids.shift()]; text = JSON.stringify(data); }
    return text.length > 4096 ? JSON.stringify({ v: 1, q: {} }) : text;
  }
  function report() {
    timer = 0;
    var q = records(), last = S.get("last");
    if (last && typeof last.u === "string") put("cmi.core.lesson_location", (last.u + (last.a ? "#" + last.a : "")).slice(0, 255));
    put("cmi.suspend_data", suspend(JSON.parse(JSON.stringify(q))));
    if (tests) {
      var ids = tests.length ? tests : Object.keys(marks);
      var passed = ids.every(function (id) { return q[id] && q[id][2]; });
      var taken = ids.filter(function (id) { return q[id]; }).length;
      put("cmi.core.lesson_status", passed ? (tests.length ? "passed" : "completed")
        : tests.length && taken === ids.length ? "failed" : "incomplete");
      if (tests.length && taken) {
        put("cmi.core.score.min", 0);
        put("cmi.core.score.max", 100);
        put("cmi.core.score.raw", Math.round(ids.reduce(function (s, id) { return s + (q[id] ? q[id][0] : 0); }, 0) / ids.length));
      }
    }
    call("LMSCommit", "");
  }
  function later() { if (!timer && !done) timer = setTimeout(report, 1000); }

  /* Every change of a quiz record or of the reading position goes through the store. */
  var set = S.set;
  S.set = function (key) {
    var ok = set.apply(S, arguments);
    if (/^quiz:|^last$/.test(key)) later();
    return ok;
  };
  H.load("catalog.js", function () {
    var C = window.HandbookCatalog && window.HandbookCatalog.quizzes || {};
    tests = Object.keys(marks).filter(function (id) { return C[id] && C[id].mode === "test"; });
    report();
  });
  window.addEventListener("pagehide", function () {
    if (done) return;
    clearTimeout(timer);
    report();
    done = true;
    var s = Math.round((Date.now() - started) / 1000);
    function two(n) { return (n < 10 ? "0" : "") + n; }
    put("cmi.core.exit", "suspend");
    put("cmi.core.session_time", two(Math.floor(s / 3600)) + ":" + two(Math.floor(s / 60) % 60) + ":" + two(s % 60));
    call("LMSFinish", "");
  });
})();
