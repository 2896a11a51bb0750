/* Assessment runtime: quizzes, checklists and trainer forms.
 *
 * Progressive enhancement of the HTML rendered by macros/render.py (see the
 * DOM contract there). Vanilla JS, no dependencies, works over http and from
 * file://. Progress lives in localStorage under "handbook:v1:", keyed by quiz
 * id + question id, and dropped for one question when its content hash
 * changes. If storage is unavailable everything still works, unsaved.
 */
(function () {
  "use strict";

  /* All UI text, in one place. */
  var T = {
    check: "提交本题", submit: "交卷", submitAnyway: "仍然交卷",
    retryWrong: "只重做错题", retryAll: "全部重做", print: "打印", clear: "清除",
    right: "回答正确", wrong: "回答错误", answerFirst: "请先作答再提交。",
    correctMark: "正确答案", yourWrong: "你的选择（错误）", yourRight: "你的选择（正确）",
    explain: "解析", learnMore: "回到讲解这部分内容的章节",
    unanswered: function (n) { return "还有 " + n + " 题未作答。再次点击“仍然交卷”，未答的题按答错计。"; },
    progress: function (a, n) { return "已答 " + a + " / " + n + " 题"; },
    score: function (s, c, n, pass, ok) {
      return "得分 " + s + "%（答对 " + c + " / " + n + " 题），" + (ok ? "已通过" : "未通过") + "，及格线 " + pass + "%。";
    },
    best: function (b) { return "历史最好成绩 " + b + "%。"; },
    position: function (n) { return "正确位次：第 " + n + " 位"; },
    should: function (t) { return "正确答案：" + t; },
    you: "你：", outcome: "结果：", customer: "顾客：",
    ended: { success: "对话成功结束。", fail: "这段对话没有成功，可以重做再试。" },
    endedTest: "对话结束，交卷后显示结果。",
    checked: function (a, n) { return "已完成 " + a + " / " + n + " 项"; },
    clearChecklist: "确定清除这份清单的全部勾选吗？", clearForm: "确定清空这张表格已填写的内容吗？",
    total: function (s, max) { return s + " / " + max; },
    toolChoose: "逐项选择后，这里显示结论和对策。", toolNumber: "输入数值后，这里显示结论和对策。",
    toolRange: function (a, b) { return "请输入 " + a + "～" + b + " 之间的数值。"; },
    redo: "重做这题", removed: "答对了！刷新页面后，这道题会移出错题本。",
    noStorage: "这台设备的浏览器不能保存数据（可能处于隐私/无痕模式或存储已满），本页的答题和勾选仍可使用，但不会被保存。"
  };

  /* ---------------------------------------------------------------- storage */
  /* The store is handbook.js's (window.Handbook.store): "handbook:v1:" keys in
     localStorage; values that are not JSON objects read as missing. */
  var store = window.Handbook.store;
  var warned = false;

  function load(key) { return store.get(key); }
  var current = null;                         /* the assessment being set up or used */
  function save(key, value) {
    if (!store.set(key, value) && current) warnOnce(current);   /* full or blocked: say so once */
  }
  function warnOnce(root) {
    if (store.ok || warned) return;
    warned = true;
    var p = el("p", "hb-notice", T.noStorage);
    p.setAttribute("role", "note");
    root.insertBefore(p, root.firstChild);
  }

  /* ---------------------------------------------------------------- helpers */
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function button(text, cls, onClick) {
    var b = el("button", "md-button " + (cls || ""), text);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }
  function all(root, sel) { return Array.prototype.slice.call(root.querySelectorAll(sel)); }
  function shuffle(parent, sel) {
    var items = all(parent, sel);
    for (var i = items.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var t = items[i]; items[i] = items[j]; items[j] = t;
    }
    items.forEach(function (item) { item.parentNode.appendChild(item); });
  }
  /* Shuffled lists of a question: options, items to order, each matching
     select's options. Their order as shown is saved with the answer (and the
     draft), so a reload shows them as they were answered. */
  var SHUFFLED = [[".hb-options", ".hb-option"], [".hb-order", ".hb-order__item"], [".hb-match select", "option:not([value=''])"]];
  function itemToken(item) {
    var field = item.tagName === "OPTION" ? item : item.querySelector("input,select");
    return field.dataset.token || field.value;
  }
  function lists(q) {
    var out = [];
    SHUFFLED.forEach(function (s) { all(q, s[0]).forEach(function (box) { out.push([box, all(box, s[1])]); }); });
    return out;
  }
  function shownOrder(q) {
    return lists(q).map(function (l) { return l[1].map(itemToken); });
  }
  function arrange(q, order) {                /* ignores an order that does not fit */
    var found = lists(q);
    if (!Array.isArray(order) || order.length !== found.length) return;
    found.forEach(function (l, i) {
      var byToken = {}, want = order[i];
      l[1].forEach(function (item) { byToken[itemToken(item)] = item; });
      if (!Array.isArray(want) || want.length !== l[1].length || !want.every(function (t) { return byToken[t]; })) return;
      want.forEach(function (t) { l[0].appendChild(byToken[t]); });
    });
  }
  function decodeKey(blob, id) {
    var bin = atob(blob.trim()), pad = new TextEncoder().encode(id), bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i) ^ pad[i % pad.length];
    return JSON.parse(new TextDecoder().decode(bytes));
  }
  function printOnly(section) {
    document.documentElement.classList.add("hb-print-one");
    section.classList.add("hb-print-target");
    var done = function () {
      document.documentElement.classList.remove("hb-print-one");
      section.classList.remove("hb-print-target");
      window.removeEventListener("afterprint", done);
    };
    window.addEventListener("afterprint", done);
    window.print();
  }

  /* ---------------------------------------------------------------- questions */
  /* Read the learner's response from the inputs; null when not (fully) answered. */
  function readResponse(q, partial) {
    var type = q.dataset.type;
    if (type === "scenario") return q._path && q._path.end ? { path: q._path.steps, end: q._path.end } : null;
    if (type === "ordering" || type === "matching") {
      var map = {}, complete = true;
      all(q, "select").forEach(function (s) { if (!s.value) complete = false; map[s.dataset.token] = s.value; });
      return complete || partial ? map : null;
    }
    var picked = all(q, "input:checked").map(function (i) { return i.value; });
    return picked.length ? picked : null;
  }

  function writeResponse(q, r) {
    var type = q.dataset.type;
    if (type === "ordering" || type === "matching") {
      all(q, "select").forEach(function (s) { s.value = r[s.dataset.token] || ""; });
    } else if (type !== "scenario") {
      all(q, "input").forEach(function (i) { i.checked = r.indexOf(i.value) !== -1; });
    }
  }

  function grade(key, r) {
    if (key.type === "scenario") return r.end === "success";
    if (key.type === "ordering") return key.correct.every(function (t, i) { return r[t] === String(i + 1); });
    if (key.type === "matching") return Object.keys(key.correct).every(function (l) { return r[l] === key.correct[l]; });
    return r.length === key.correct.length && r.every(function (v) { return key.correct.indexOf(v) !== -1; });
  }

  function markInputs(q, key, r) {
    all(q, "select,input,.hb-scene__choice").forEach(function (i) { i.disabled = true; });
    if (key.type === "ordering" || key.type === "matching") {
      all(q, "select").forEach(function (s) {
        var want = key.type === "ordering" ? String(key.correct.indexOf(s.dataset.token) + 1) : key.correct[s.dataset.token];
        var ok = r[s.dataset.token] === want, row = s.parentNode;
        row.classList.add(ok ? "hb-ok" : "hb-bad");
        var text = key.type === "ordering" ? T.position(want) : T.should(optionText(s, want));
        row.appendChild(el("span", "hb-mark", ok ? "✓" : "✗ " + text));
      });
    } else if (key.type !== "scenario") {
      all(q, ".hb-option").forEach(function (label) {
        var input = label.querySelector("input"), right = key.correct.indexOf(input.value) !== -1;
        if (input.checked || right) label.classList.add(right ? "hb-ok" : "hb-bad");
        var text = input.checked ? (right ? T.yourRight : T.yourWrong) : right ? T.correctMark : "";
        if (text) label.appendChild(el("span", "hb-mark", (right ? "✓ " : "✗ ") + text));
      });
    }
  }
  function optionText(select, value) {
    var o = select.querySelector('option[value="' + value + '"]');
    return o ? o.textContent : "";
  }

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

  /* Role-play: scenes from the key, path kept on the element. In a test
     (quiet) the outcomes and the ending stay hidden until reveal(). After a
     reply, focus goes to the customer's next line or to the ending. */
  function startScenario(q, key, replay, onEnd, quiet) {
    var host = q.querySelector(".hb-scenario");
    host.textContent = "";
    var log = host.appendChild(el("ol", "hb-scene__log"));
    q._path = { steps: [], end: null };
    function scene(id) {
      var s = key.scenes[id], item = log.appendChild(el("li", "hb-scene"));
      if (s.situation) item.appendChild(el("p", "hb-scene__situation")).innerHTML = s.situation;
      var line = item.appendChild(el("p", "hb-scene__customer"));
      line.tabIndex = -1;
      line.appendChild(el("strong", "", T.customer));
      line.insertAdjacentHTML("beforeend", s.customer);
      var list = item.appendChild(el("ul", "hb-scene__choices"));
      s.choices.forEach(function (c, i) {
        var b = el("button", "hb-scene__choice");
        b.type = "button";
        b.innerHTML = c.text;
        b.addEventListener("click", function () { choose(item, list, c, i); });
        list.appendChild(el("li")).appendChild(b);
      });
      return line;
    }
    function choose(item, list, c, i) {
      q._path.steps.push(i);
      list.remove();
      var you = item.appendChild(el("p", "hb-scene__you"));
      you.appendChild(el("strong", "", T.you));
      you.insertAdjacentHTML("beforeend", c.text);
      var result = item.appendChild(el("p", "hb-scene__outcome"));
      result.appendChild(el("strong", "", T.outcome));
      result.insertAdjacentHTML("beforeend", c.feedback);
      result.hidden = !!quiet;
      if (c.next) {
        var line = scene(c.next);
        if (!replaying) line.focus();
        return line;
      }
      q._path.end = c.end;
      var end = item.appendChild(el("p", "hb-scene__end " + (c.end === "success" ? "hb-ok" : "hb-bad"), T.ended[c.end]));
      end.hidden = !!quiet;
      if (quiet) end = item.appendChild(el("p", "hb-scene__wait", T.endedTest));
      end.tabIndex = -1;
      if (!replaying) {
        onEnd();
        if (!document.activeElement || document.activeElement === document.body) end.focus();
      }
    }
    var replaying = !!replay, first = scene(key.start);
    if (replay) {
      replay.forEach(function (i) {
        var lists = all(log, ".hb-scene__choices"), last = lists[lists.length - 1];
        if (last) last.querySelectorAll(".hb-scene__choice")[i].click();
      });
      replaying = false;
    }
    return first;
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
    if (!state.q || typeof state.q !== "object") state.q = {};
    var footer = root.querySelector(".hb-quiz__buttons"), scoreBox = root.querySelector(".hb-quiz__score");
    var submitted = false, warnedUnanswered = false, starting = true, shuffled = root.dataset.shuffle === "true";

    root.querySelector(".hb-quiz__nojs").hidden = true;
    warnOnce(root);

    function persist() { save(storeKey, state); }

    function record(q, r, ok) {
      state.q[q.dataset.question] = { h: q.dataset.hash, r: r, ok: ok, t: Date.now() };
      if (shuffled) state.q[q.dataset.question].o = shownOrder(q);
      if (review) state.q[q.dataset.question].z = id;
      delete state.d[q.dataset.question];
      if (review && opts.onResult) opts.onResult(q.dataset.question, ok);
    }

    function reveal(q, r) {
      var key = keys[q.dataset.question], ok = grade(key, r);
      markInputs(q, key, r);
      showFeedback(q, key, r, ok);
      all(q, ".hb-scene__outcome,.hb-scene__end").forEach(function (e) { e.hidden = false; });
      all(q, ".hb-scene__wait").forEach(function (e) { e.remove(); });
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
      if (shuffled && saved) arrange(q, saved.o);
      else if (shuffled) {
        all(q, ".hb-options").forEach(function (o) { shuffle(o, ".hb-option"); });
        all(q, ".hb-order").forEach(function (o) { shuffle(o, ".hb-order__item"); });
        all(q, ".hb-match select").forEach(function (s) { shuffle(s, "option:not([value=''])"); });
      }
      if (key.type === "scenario") {
        startScenario(q, key, saved && saved.r.path, function () {
          var r = readResponse(q);
          record(q, r, grade(key, r));
          if (practice) reveal(q, r);
          update(true);
        }, !practice);
      } else if (practice) {
        var act = q.querySelector(".hb-question__actions");
        act.appendChild(button(T.check, "hb-check", function () {
          var r = readResponse(q);
          if (!r) { q.querySelector(".hb-feedback").textContent = T.answerFirst; return; }
          record(q, r, reveal(q, r));
          update(true);
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
          state.attempts = (state.attempts || 0) + (state.open === false ? 0 : 1);
          state.open = false;
          state.score = pct;
          state.best = Math.max(state.best || 0, pct);
          state.passed = state.best >= pass;
          state.last = Date.now();
          if (window.Handbook.markNav) setTimeout(window.Handbook.markNav);
        }
        text = T.score(pct, right, n, pass, ok) + (state.best > pct ? " " + T.best(state.best) : "");
      }
      scoreBox.textContent = text;
      root.dataset.state = finished ? (state.score >= pass ? "passed" : "failed") : "open";
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
        if (r) { record(q, r, grade(key, r)); reveal(q, r); }
        else { state.q[q.dataset.question] = { h: q.dataset.hash, r: null, ok: false, t: Date.now() }; q.dataset.done = "wrong"; }
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
    if (!state.d || typeof state.d !== "object") state.d = {};
    questions.forEach(function (q) {
      var qid = q.dataset.question, saved = review ? review[qid] : state.q[qid], draft = state.d[qid];
      if (saved && saved.h !== q.dataset.hash) { if (!review) delete state.q[qid]; saved = null; }
      if (saved && !saved.r) saved = null;
      setup(q, saved);
      if (saved && !practice && !submitted) delete q.dataset.done;
      if (!saved && draft && draft.h === q.dataset.hash && draft.r) { if (shuffled) arrange(q, draft.o); writeResponse(q, draft.r); }
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

  /* ---------------------------------------------------------------- checklists */
  function initChecklist(root) {
    var key = "checklist:" + root.dataset.checklist, state = load(key) || {};
    if (!state.items || typeof state.items !== "object") state.items = {};
    var boxes = all(root, "[data-item] input[type=checkbox]"), progress = root.querySelector(".hb-checklist__progress");
    warnOnce(root);
    function update() {
      var done = boxes.filter(function (b) { return b.checked; }).length;
      progress.textContent = T.checked(done, boxes.length);
      root.dataset.state = done === boxes.length ? "done" : "open";
    }
    boxes.forEach(function (b) {
      var item = b.closest("[data-item]").dataset.item;
      b.checked = state.items[item] === true;
      b.addEventListener("change", function () {
        if (b.checked) state.items[item] = true; else delete state.items[item];
        state.t = Date.now();
        save(key, state);
        update();
      });
    });
    tools(root, function () {
      if (!window.confirm(T.clearChecklist)) return;
      boxes.forEach(function (b) { b.checked = false; });
      state.items = {};
      save(key, state);
      update();
    });
    update();
  }

  /* ---------------------------------------------------------------- forms */
  function initForm(root) {
    var key = "form:" + root.dataset.form, state = load(key) || {};
    if (!state.fields || typeof state.fields !== "object") state.fields = {};
    var inputs = all(root, "input,select,textarea");
    warnOnce(root);
    function totals() {
      all(root, ".hb-form__total").forEach(function (t) {
        var rater = t.dataset.rater, sum = 0, max = 0;
        all(root, 'select[data-rater="' + rater + '"]').forEach(function (s) {
          sum += +s.value || 0;
          max += Math.max.apply(null, all(s, "option").map(function (o) { return +o.value || 0; }));
        });
        t.querySelector("output").textContent = T.total(sum, max);
      });
    }
    function name(i) { return i.type === "radio" ? i.name + "=" + i.value : i.name; }
    inputs.forEach(function (i) {
      var v = state.fields[name(i)];
      if (i.type === "radio") i.checked = v === true; else if (typeof v === "string") i.value = v;
      i.addEventListener(i.tagName === "SELECT" || i.type === "radio" ? "change" : "input", function () {
        if (i.type === "radio") {
          all(root, 'input[name="' + i.name + '"]').forEach(function (o) { delete state.fields[name(o)]; });
          state.fields[name(i)] = true;
        } else state.fields[name(i)] = i.value;
        save(key, state);
        totals();
      });
    });
    tools(root, function () {
      if (!window.confirm(T.clearForm)) return;
      inputs.forEach(function (i) { if (i.type === "radio") i.checked = false; else i.value = ""; });
      state.fields = {};
      save(key, state);
      totals();
    });
    totals();
  }

  /* ---------------------------------------------------------------- decision tools */
  function initTool(root) {
    var rules = JSON.parse(root.dataset.rules), out = root.querySelector(".hb-tool__result");
    var selects = all(root, "select[data-dim]"), number = root.querySelector("input[data-range]");
    function show(result) {
      out.textContent = "";
      if (!result) return;
      out.appendChild(el("p", "hb-tool__verdict", result.title));
      out.appendChild(el("p")).innerHTML = result.text;
    }
    function update() {
      if (number) {
        var v = parseFloat(number.value), bands = rules.bands;
        if (isNaN(v)) { out.textContent = T.toolNumber; return; }
        if (v < rules.min || v > rules.max) { out.textContent = T.toolRange(rules.min, rules.max); return; }
        show(bands.filter(function (b, i) { return v >= b.min && (v < b.max || (i === bands.length - 1 && v <= b.max)); })[0]);
      } else {
        var values = selects.map(function (s) { return s.value; });
        if (values.indexOf("") !== -1) { out.textContent = T.toolChoose; return; }
        show(rules[values.join("|")]);
      }
    }
    (number ? [number] : selects).forEach(function (i) { i.addEventListener(number ? "input" : "change", update); });
    update();
  }

  function tools(root, clear) {
    var box = root.querySelector(".hb-tools");
    box.textContent = "";
    box.appendChild(button(T.print, "hb-print", function () { printOnly(root); }));
    box.appendChild(button(T.clear, "hb-clear", clear));
  }

  /* ---------------------------------------------------------------- entry */
  function init(doc) {
    [["[data-quiz]", initQuiz], ["[data-checklist]", initChecklist], ["[data-form]", initForm], ["[data-tool]", initTool]].forEach(function (pair) {
      all(doc, pair[0]).forEach(function (root) {
        if (root.dataset.ready) return;
        root.dataset.ready = "1";
        root.addEventListener("focusin", function () { current = root; });
        root.addEventListener("click", function () { current = root; }, true);
        current = root;
        pair[1](root);
      });
    });
  }

  /* A quiz from the question bank, shown in 错题本 (see initQuiz). */
  function initReview(root, review, onResult) {
    root.dataset.ready = "1";
    current = root;
    rebase(root, root);
    initQuiz(root, { review: review, onResult: onResult });
  }

  window.HandbookAssessments = {
    init: init, review: initReview, strings: T,
    util: { el: el, button: button, all: all, printOnly: printOnly }      /* shared with record.js */
  };
})();
