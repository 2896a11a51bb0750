/* Quizzes: practice (feedback after each question) and test mode (交卷),
 * retry wrong or all, and 错题本's review mode.
 *
 * State of one quiz, stored as "quiz:<id>" (or "review" in 错题本):
 *   q: {<question id>: {h: content hash, r: response, ok: right?, t: time,
 *                       o: shown order of shuffled lists, z: quiz id (review)}}
 *   d: {<question id>: {h, r, o}}   unsubmitted drafts (survive a reload)
 *   attempts, open      finished attempts; whether one is in progress
 *   score, best, last   latest and best score (%), time of the last finish
 *   passed              best ≥ pass mark (window.Handbook.passed decides)
 *   submitted           test mode: 交卷 was pressed
 * Per page, in memory: submitted, warnedUnanswered, starting.
 * Everything read back is checked first: a question's saved answer or draft
 * whose response does not have its type's shape (valid) reads as missing and
 * is dropped, a score that is not 0–100 is dropped, and a question whose
 * setup still fails is set up again with nothing saved; the others go on. */
(function (A) {
  "use strict";
  var X = A.shared, T = A.strings, load = X.load, save = X.save, warnOnce = X.warnOnce, setCurrent = X.setCurrent, el
      = X.el, button = X.button, all = X.all, shuffle = X.shuffle, shuffleLists = X.shuffleLists, shownOrder =
      X.shownOrder, arrange = X.arrange, decodeKey = X.decodeKey, types = X.types, readResponse = X.readResponse,
      writeResponse = X.writeResponse, grade = X.grade, markInputs = X.markInputs, obj = X.obj, count = X.count,
      savedFor = X.savedFor;
  function showFeedback(q, key, r, ok) {
    var box = q.querySelector(".hb-feedback");
    box.textContent = "";
    var verdict = el("p", "hb-verdict " + (ok ? "hb-ok" : "hb-bad"));
    verdict.appendChild(el("span", "hb-icon", ok ? "✓" : "✗")).setAttribute("aria-hidden", "true");
    verdict.appendChild(document.createTextNode(" " + (ok ? T.right : T.wrong)));
    box.appendChild(verdict);
    var notes = (Array.isArray(r) ? r : []).map(function (v) { return key.feedback && key.feedback[v]; }).filter(Boolean);
    if (notes.length) {
      var list = el("ul", "hb-notes");
      notes.forEach(function (n) { var li = el("li"); li.innerHTML = n; list.appendChild(li); });
      box.appendChild(list);
    }
    var explain = el("div", "hb-explain");
    explain.appendChild(el("p", "hb-explain__title", T.explain));
    explain.insertAdjacentHTML("beforeend", key.explanation);
    var more = el("a", "", T.learnMore);
    more.href = key.link;
    explain.appendChild(el("p")).appendChild(more);
    box.appendChild(explain);
    rebase(box, q.closest("[data-base]"));
  }

  /* A quiz shown away from its page (错题本) carries data-base, the URL of
     its page: its relative links must point there, not here. */
  function rebase(container, holder) {
    if (!holder) return;
    all(container, "a[href],img[src]").forEach(function (node) {
      var attr = node.tagName === "IMG" ? "src" : "href", value = node.getAttribute(attr);
      if (value && !/^[a-z]+:/i.test(value)) node.setAttribute(attr, new URL(value, holder.dataset.base).href);
    });
  }

  /* ---------------------------------------------------------------- quizzes */
  /* opts.review (错题本): {question id: the latest saved answer, or null}.
     Then the quiz shows only those questions, each with the rep's last
     answer and its explanation and a "重做这题" button; answers go to the
     "review" record (never to the quiz's own score), and opts.onResult(id, ok)
     is told of each one. */
  function initQuiz(root, opts) {
    opts = opts || {};
    var review = opts.review || null;
    var id = root.dataset.quiz, practice = !!review || root.dataset.mode === "practice";
    var pass = +root.dataset.pass, keys;
    try { keys = decodeKey(root.dataset.key, id); } catch (e) { return; }
    var questions = all(root, "[data-question]");
    var storeKey = review ? "review" : "quiz:" + id;
    var state = load(storeKey) || {};
    if (!obj(state.q)) state.q = {};
    if (!obj(state.d)) state.d = {};
    ["best", "score"].forEach(function (k) {
      if (!(typeof state[k] === "number" && state[k] >= 0 && state[k] <= 100)) delete state[k];
    });
    var footer = root.querySelector(".hb-quiz__buttons"), scoreBox = root.querySelector(".hb-quiz__score");
    var submitted = false, warnedUnanswered = false, starting = true, shuffled = root.dataset.shuffle === "true";

    root.querySelector(".hb-quiz__nojs").hidden = true;
    warnOnce(root);

    function persist() { save(storeKey, state); }

    /* Spaced review (macros/review/runtime/answers.js) hears of each answer
       once it is recorded and shown. */
    function heard(q) {
      if (A.hooks && A.hooks.answered) A.hooks.answered(q, q.dataset.done === "right", practice);
    }

    function record(q, r, ok) {
      state.q[q.dataset.question] = { h: q.dataset.hash, r: r, ok: ok, t: window.Handbook.now() };
      if (shuffled) state.q[q.dataset.question].o = shownOrder(q);
      if (review) state.q[q.dataset.question].z = id;
      delete state.d[q.dataset.question];
      if (review && opts.onResult) opts.onResult(q.dataset.question, ok);
    }

    function reveal(q, r) {
      var key = keys[q.dataset.question], ok = grade(key, r);
      markInputs(q, key, r);
      showFeedback(q, key, r, ok);
      var act = q.querySelector(".hb-question__actions");
      if (act) act.textContent = "";
      q.dataset.done = ok ? "right" : "wrong";
      if (review && act) {
        var next = act.appendChild(ok ? el("p", "hb-removed", T.removed)
                                      : button(T.redo, "md-button--primary hb-redo", function () { redo(q); }));
        if (ok) next.tabIndex = -1;
        if (!starting && (q.contains(document.activeElement) || document.activeElement === document.body)) next.focus();
      } else if (!starting && key.type !== "scenario" && document.activeElement === document.body) {
        var box = q.querySelector(".hb-feedback");       /* 提交本题 is gone: focus its result */
        box.tabIndex = -1;
        box.focus();
      }
      return ok;
    }

    function redo(q) {
      var fresh = reset(q);
      setup(fresh, null);
      questions = questions.map(function (x) { return x === q ? fresh : x; });
      var first = fresh.querySelector("input,select,button:not([disabled])");
      if (first) first.focus();
    }

    function reset(q) {
      var fresh = q.cloneNode(true);                  /* drop marks and listeners */
      all(fresh, ".hb-mark").forEach(function (m) { m.remove(); });
      all(fresh, ".hb-ok,.hb-bad").forEach(function (m) { m.classList.remove("hb-ok", "hb-bad"); });
      all(fresh, "select,input").forEach(function (i) { i.disabled = false; i.checked = false; i.value = i.tagName === "SELECT" ? "" : i.value; });
      fresh.querySelector(".hb-feedback").textContent = "";
      var actions = fresh.querySelector(".hb-question__actions");
      if (actions) actions.textContent = "";
      delete fresh.dataset.done;
      q.parentNode.replaceChild(fresh, q);
      if (!review) delete state.q[q.dataset.question];
      delete state.d[q.dataset.question];
      return fresh;
    }

    function setup(q, saved) {
      var key = keys[q.dataset.question];
      if (!key) return;
      var kind = types[key.type];
      if (shuffled && saved) arrange(q, saved.o);
      else if (shuffled) shuffleLists(q);
      if (kind.start) {
        kind.start(q, key, saved && saved.r.path, function () {
          var r = readResponse(q);
          record(q, r, grade(key, r));
          if (practice) { reveal(q, r); heard(q); }
          update(true);
        }, !practice);
      } else if (practice) {
        var act = q.querySelector(".hb-question__actions");
        act.appendChild(button(T.check, "hb-check", function () {
          var r = readResponse(q);
          if (!r) { q.querySelector(".hb-feedback").textContent = T.answerFirst; return; }
          record(q, r, reveal(q, r));
          update(true);
          heard(q);
        }));
      }
      if (saved) {
        writeResponse(q, saved.r);
        if (practice || submitted) reveal(q, saved.r);
      }
    }

    function update(changed) {
      if (review) { if (changed) persist(); return; }
      var n = questions.length, answered = 0, right = 0;
      questions.forEach(function (q) {
        var s = state.q[q.dataset.question];
        if (s) { answered++; if (s.ok) right++; }
      });
      var finished = practice ? answered === n : submitted;
      var text = T.progress(answered, n);
      if (finished) {
        var pct = Math.round(right * 100 / n), ok = pct >= pass;
        if (changed) {
          state.attempts = Math.floor(count(state.attempts)) + (state.open === false ? 0 : 1);
          state.open = false;
          state.score = pct;
          state.best = Math.max(state.best || 0, pct);
          state.passed = window.Handbook.passed(state.best, pass);
          state.last = window.Handbook.now();
          if (window.Handbook.markNav) setTimeout(window.Handbook.markNav);
        }
        text = T.score(pct, right, n, pass, ok) + (state.best > pct ? " " + T.best(state.best) : "");
      }
      scoreBox.textContent = text;
      root.dataset.state = finished ? (window.Handbook.passed(state.score, pass) ? "passed" : "failed") : "open";
      buttons(finished, right < n);
      if (changed) persist();
    }

    function buttons(finished, anyWrong) {
      footer.textContent = "";
      if (!practice && !submitted) {
        footer.appendChild(button(warnedUnanswered ? T.submitAnyway : T.submit, "md-button--primary hb-submit", submitTest));
        return;
      }
      if (finished && anyWrong) footer.appendChild(button(T.retryWrong, "md-button--primary hb-retry-wrong", function () { retry(true); }));
      if (Object.keys(state.q).length) footer.appendChild(button(T.retryAll, "hb-retry-all", function () { retry(false); }));
    }

    function submitTest() {
      var missing = questions.filter(function (q) { return !readResponse(q); });
      if (missing.length && !warnedUnanswered) {
        warnedUnanswered = true;
        scoreBox.textContent = T.unanswered(missing.length);
        buttons(false, false);
        var first = missing[0].querySelector("input,select,button");
        if (first) first.focus();
        return;
      }
      submitted = true;
      state.submitted = true;
      questions.forEach(function (q) {
        var r = readResponse(q), key = keys[q.dataset.question];
        if (r) { record(q, r, grade(key, r)); reveal(q, r); heard(q); }
        else { state.q[q.dataset.question] = { h: q.dataset.hash, r: null, ok: false, t: window.Handbook.now() }; q.dataset.done = "wrong"; }
      });
      state.open = true;
      update(true);
      scoreBox.focus();
    }

    function retry(onlyWrong) {
      state.open = true;
      if (!practice) { submitted = false; state.submitted = false; warnedUnanswered = false; }
      var firstReset = null;
      questions = questions.map(function (q) {
        var s = state.q[q.dataset.question];
        if (onlyWrong && s && s.ok) return q;
        var fresh = reset(q);
        setup(fresh, null);
        firstReset = firstReset || fresh;
        return fresh;
      });
      if (!practice && onlyWrong) {
        submitted = false;
        questions.forEach(function (q) {
          var s = state.q[q.dataset.question];
          if (s && s.ok) markInputs(q, keys[q.dataset.question], s.r);
        });
      }
      update(false);
      persist();
      if (firstReset) { var f = firstReset.querySelector("input,select,button"); if (f) f.focus(); }
    }

    submitted = !practice && !!state.submitted;
    scoreBox.tabIndex = -1;
    questions.forEach(function (q, i) {
      var qid = q.dataset.question;
      try {
        var raw = review ? review[qid] : state.q[qid], saved = savedFor(q, raw), draft = savedFor(q, state.d[qid]);
        if (saved && typeof saved.ok !== "boolean") saved = null;
        /* kept without a response: a question left unanswered at 交卷 */
        var unanswered = obj(raw) && raw.h === q.dataset.hash && raw.r === null && raw.ok === false;
        if (!saved && !unanswered && !review) delete state.q[qid];
        if (!draft) delete state.d[qid];
        setup(q, saved);
        if (saved && !practice && !submitted) delete q.dataset.done;
        if (!saved && draft) { if (shuffled) arrange(q, draft.o); writeResponse(q, draft.r); }
      } catch (e) {                                   /* this question only: start it afresh */
        if (window.console) console.warn("hb: question " + qid + " set up without its saved answer", e);
        try { var fresh = reset(q); setup(fresh, null); questions[i] = fresh; } catch (e2) { /* left as drawn */ }
      }
    });
    /* Unsubmitted answers (test mode, or not yet checked) survive a reload. */
    root.addEventListener("change", function (e) {
      var q = e.target.closest("[data-question]");
      if (!q || q.dataset.done) return;
      var r = readResponse(q, true);
      if (r) state.d[q.dataset.question] = { h: q.dataset.hash, r: r, o: shuffled ? shownOrder(q) : undefined };
      else delete state.d[q.dataset.question];
      persist();
    });
    update(false);
    starting = false;
  }

  /* A quiz from the question bank, shown in 错题本 (see initQuiz). */
  function initReview(root, review, onResult) {
    root.dataset.ready = "1";
    setCurrent(root);
    rebase(root, root);
    initQuiz(root, { review: review, onResult: onResult });
  }

  A.components.quiz = initQuiz;
  A.components.review = initReview;
})(window.HandbookAssessments);
