/* Spaced review, the scheduler (window.HandbookReview, built as
 * assets/javascripts/schedule.js): one FSRS card per question a rep has
 * answered, computed by ts-fsrs (docs/assets/vendor/ts-fsrs/, loaded only
 * when a card must be computed), with the settings the build writes in
 * front of this file (window.HandbookReviewSettings, from macros/review/).
 *
 * Grades: wrong → Again; right and 猜的 → Hard; right and 不太确定, or right
 * with no rating → Good; right and 有把握 → Easy.
 *
 * Stored as "schedule":
 *   c: {<question id>: card}   card = {h: content hash when answered (an
 *        edited question starts a new card), due, lr: last answer (ms),
 *        g: its grade 1–4, s: stability, d: difficulty, e: elapsed days,
 *        sd: scheduled days, ls: learning step, r: answers, l: FSRS lapses,
 *        f: times forgotten (answered wrong just after a right answer),
 *        st: FSRS state 0–3,
 *        p: the card before the last answer (0 if none), to grade that
 *        answer again when the rep says how sure they were}
 *   cap    the daily cap of 今日复习
 *   day, n the local day ("2026-12-01") and how many reviews 今日复习 had on it
 * Keyed by question id, never by position: a reordered quiz loses nothing.
 * Read afresh on each use while the store works (another tab may have
 * written); when it is full or blocked, the page goes on from memory.
 * Time comes from window.Handbook.now() only. */
(function () {
  "use strict";
  var H = window.Handbook, SET = window.HandbookReviewSettings, G = SET.grades, DAY = 86400000;
  var STATES = ["new", "learning", "review", "relearning"], NAMES = ["", "again", "hard", "good", "easy"];
  var mem = null, fsrs = null;

  /* ---------------------------------------------------------------- the record */
  function count(v, min) { return typeof v === "number" && isFinite(v) && v >= min && Math.floor(v) === v; }
  function real(v) { return typeof v === "number" && isFinite(v); }
  function cardOk(k) {
    return !!k && typeof k === "object" && typeof k.h === "string" && real(k.due) && real(k.lr) && count(k.g, 1) && k.g <= 4 &&
      real(k.s) && k.s > 0 && real(k.d) && count(k.r, 1) && count(k.l, 0) && count(k.st, 0) && k.st <= 3 &&
      count(k.sd, 0) && real(k.e) && count(k.ls, 0);
  }
  function normalise(v) {
    v = v || {};
    var c = {}, given = v.c && typeof v.c === "object" ? v.c : {};
    Object.keys(given).forEach(function (qid) {
      var k = given[qid];
      if (cardOk(k)) { c[qid] = k; if (!cardOk(k.p)) k.p = 0; if (!count(k.f, 0)) k.f = 0; }
    });
    var range = SET.capRange;
    return { c: c, cap: count(v.cap, range[0]) && v.cap <= range[1] ? v.cap : SET.cap,
             day: typeof v.day === "string" ? v.day : "", n: count(v.n, 0) ? v.n : 0 };
  }
  function state() {
    if (H.store.ok) mem = normalise(H.store.get(SET.key));
    else if (!mem) mem = normalise(null);
    return mem;
  }
  /* Through the assessment runtime where it is loaded: it tells the rep, once,
     when something they did could not be saved. */
  function save(st) {
    var A = window.HandbookAssessments;
    mem = st;
    if (A) A.shared.save(SET.key, st); else H.store.set(SET.key, st);
  }

  /* ---------------------------------------------------------------- FSRS */
  function ready(done) {
    if (fsrs) return done();
    H.load(SET.library, function () {
      var F = window.FSRS;
      if (!fsrs) fsrs = F.fsrs(F.generatorParameters(SET.fsrs));
      done();
    });
  }
  function gradeOf(ok, confidence) {
    return ok ? G[SET.confidence[confidence] || "good"] : G.again;
  }
  function plain(k) {
    var out = {};
    Object.keys(k).forEach(function (f) { if (f !== "p") out[f] = k[f]; });
    return out;
  }
  /* The card after answering at time `at` with grade g, from the card before (or none). */
  function next(before, hash, g, at) {
    var F = window.FSRS, when = new Date(before ? Math.max(at, before.lr) : at);
    var card = before ? { due: new Date(before.due), stability: before.s, difficulty: before.d, elapsed_days: before.e,
                          scheduled_days: before.sd, learning_steps: before.ls, reps: before.r, lapses: before.l,
                          state: before.st, last_review: new Date(before.lr) }
                      : F.createEmptyCard(when);
    var c = fsrs.next(card, when, g).card;
    var forgot = before && g === G.again && before.g !== G.again ? 1 : 0;
    return { h: hash, due: +c.due, lr: +when, g: g, s: c.stability, d: c.difficulty, e: c.elapsed_days,
             sd: c.scheduled_days, ls: c.learning_steps, r: c.reps, l: c.lapses, f: (before ? before.f || 0 : 0) + forgot,
             st: c.state, p: before || 0 };
  }
  function put(st, qid, hash, ok, at, confidence) {
    var old = st.c[qid], before = old && old.h === hash ? plain(old) : null;
    return (st.c[qid] = next(before, hash, gradeOf(ok, confidence), at));
  }

  /* An answer just given (after ready()); returns its card. */
  function answer(qid, hash, ok, at) {
    var st = state(), k = put(st, qid, hash, ok, at);
    save(st);
    return k;
  }
  /* The rep says how sure they were about their last (right) answer. */
  function rate(qid, confidence) {
    var st = state(), k = st.c[qid];
    if (!k || k.g === G.again) return k || null;
    k = st.c[qid] = next(k.p || null, k.h, gradeOf(true, confidence), k.lr);
    save(st);
    return k;
  }

  /* question id → current content hash, from the catalogue. */
  function hashesOf(C) {
    var h = {};
    Object.keys(C.quizzes).forEach(function (id) { C.quizzes[id].questions.forEach(function (q) { h[q[0]] = q[1]; }); });
    return h;
  }
  /* With the catalogue (after ready()): cards of edited or removed questions
     are dropped, and answers the scheduler never heard of (given before it
     existed, or on a page closed at once) are taken in, newest per question. */
  function sync(C) {
    var st = state(), hashes = hashesOf(C), changed = false, S = H.store;
    Object.keys(st.c).forEach(function (qid) {
      if (st.c[qid].h !== hashes[qid]) { delete st.c[qid]; changed = true; }
    });
    var latest = {};
    function consider(qid, a) {
      if (a && typeof a === "object" && a.h === hashes[qid] && typeof a.ok === "boolean" && real(a.t) &&
          (!latest[qid] || a.t > latest[qid].t)) latest[qid] = a;
    }
    Object.keys(C.quizzes).forEach(function (id) {
      var rec = S.get("quiz:" + id), q = rec && rec.q && typeof rec.q === "object" ? rec.q : {};
      C.quizzes[id].questions.forEach(function (pair) { consider(pair[0], q[pair[0]]); });
    });
    var review = S.get("review"), rq = review && review.q && typeof review.q === "object" ? review.q : {};
    Object.keys(rq).forEach(function (qid) { if (qid in hashes) consider(qid, rq[qid]); });
    Object.keys(latest).sort(function (a, b) { return latest[a].t - latest[b].t; }).forEach(function (qid) {
      var a = latest[qid], k = st.c[qid];
      if (!k || a.t > k.lr) { put(st, qid, a.h, a.ok, a.t); changed = true; }
    });
    if (changed) save(st);
    return hashes;
  }

  /* ---------------------------------------------------------------- today */
  function dayOf(t) {
    var d = new Date(t);
    return d.getFullYear() + "-" + ("0" + (d.getMonth() + 1)).slice(-2) + "-" + ("0" + d.getDate()).slice(-2);
  }
  function endOfDay(t) { var d = new Date(t); d.setHours(24, 0, 0, 0); return +d; }
  function doneToday(st) { return st.day === dayOf(H.now()) ? st.n : 0; }
  function left(st) { st = st || state(); return Math.max(0, st.cap - doneToday(st)); }
  /* Question ids due by the end of today, most overdue first (all of them);
     with hashes, only cards of the questions as they are now. */
  function due(hashes) {
    var st = state(), end = endOfDay(H.now());
    return Object.keys(st.c).filter(function (qid) {
      return st.c[qid].due < end && (!hashes || st.c[qid].h === hashes[qid]);
    }).sort(function (a, b) { return st.c[a].due - st.c[b].due || (a < b ? -1 : 1); });
  }
  function dueToday(hashes) { return Math.min(due(hashes).length, left()); }
  /* One more review done on 今日复习 today. */
  function reviewed() {
    var st = state(), today = dayOf(H.now());
    st.n = (st.day === today ? st.n : 0) + 1;
    st.day = today;
    save(st);
  }
  function setCap(n) {
    var st = state(), range = SET.capRange;
    st.cap = Math.max(range[0], Math.min(range[1], Math.round(n) || SET.cap));
    save(st);
    return st.cap;
  }
  /* Calendar days from today to t (0 today, 1 tomorrow…). */
  function daysUntil(t) {
    var a = new Date(H.now()), b = new Date(t);
    a.setHours(0, 0, 0, 0);
    b.setHours(0, 0, 0, 0);
    return Math.round((b - a) / DAY);
  }

  /* "今天有 N 题待复习" with its link, in each [data-review-due] of the page
     (an <a>, or a box holding one); shown when N > 0, or always when
     data-review-due="always". */
  function dueLine(doc, hashes) {
    var n = dueToday(hashes);
    Array.prototype.forEach.call(doc.querySelectorAll("[data-review-due]"), function (box) {
      var link = box.tagName === "A" ? box : box.querySelector("a");
      if (!link) return;
      link.textContent = n ? "今天有 " + n + " 题待复习" : "今日复习（今天没有待复习的题）";
      if (link !== box) link.className = "md-button md-button--primary";
      box.hidden = !n && box.dataset.reviewDue !== "always";
    });
    return n;
  }

  /* ---------------------------------------------------------------- the record */
  function iso(t) { return new Date(t).toISOString().replace(/\.\d{3}Z$/, "Z"); }
  function round(v) { return Math.round(v * 10000) / 10000; }
  function sectionOf(C, qid) {
    var info = C.questions[qid], quiz = info && C.quizzes[info.quiz], page = quiz && C.pages[quiz.page];
    return page && page.section || null;
  }
  /* Per learning section: questions answered again (reviewed) in the last
     SET.days days, and how many of them were last answered right and sure. */
  function retention(C) {
    var st = state(), since = H.now() - SET.days * DAY, by = {};
    Object.keys(st.c).forEach(function (qid) {
      var k = st.c[qid], section = sectionOf(C, qid);
      if (!section || k.r < 2 || k.lr < since) return;
      var s = by[section] = by[section] || { reviewed: 0, sure: 0 };
      s.reviewed++;
      if (k.g === G.easy) s.sure++;
    });
    return C.sections.map(function (section) {
      var s = by[section.title] || { reviewed: 0, sure: 0 };
      return { section: section.title, reviewed: s.reviewed, sure: s.sure,
               retention: s.reviewed ? Math.round(s.sure * 100 / s.reviewed) : null };
    });
  }
  /* The export's "review" (macros/record/format.py ReviewRecord). */
  function exported(C) {
    var st = state(), hashes = hashesOf(C);
    var cards = Object.keys(st.c).filter(function (qid) { return C.questions[qid] && st.c[qid].h === hashes[qid]; }).sort()
      .map(function (qid) {
        var k = st.c[qid];
        return { question: qid, quiz: C.questions[qid].quiz, hash: k.h, state: STATES[k.st], due: iso(k.due),
                 last_review: iso(k.lr), last_grade: NAMES[k.g], stability: round(k.s), difficulty: round(k.d),
                 reps: k.r, lapses: k.l, forgotten: k.f, scheduled_days: k.sd };
      });
    return { daily_cap: st.cap, due_today: dueToday(hashes), retention_days: SET.days, cards: cards, retention: retention(C) };
  }

  window.HandbookReview = {
    settings: SET, ready: ready, answer: answer, rate: rate, sync: sync, hashesOf: hashesOf,
    card: function (qid) { return state().c[qid] || null; },
    due: due, dueToday: dueToday, left: left, reviewed: reviewed, setCap: setCap, cap: function () { return state().cap; },
    daysUntil: daysUntil, dueLine: dueLine, retention: retention, exported: exported
  };
})();
