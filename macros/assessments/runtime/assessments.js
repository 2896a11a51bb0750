/* Assessment runtime: quizzes, checklists and trainer forms.
 *
 * Progressive enhancement of the HTML rendered by macros/assessments/render.py (see the
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
  function shuffle(parent, sel) { shuffleItems(all(parent, sel)); }
  function shuffleItems(items) {
    for (var i = items.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var t = items[i]; items[i] = items[j]; items[j] = t;
    }
    items.forEach(function (item) { item.parentNode.appendChild(item); });
  }
  /* Shuffled lists of a question ([container, items] pairs, from its type's
     lists()): options, items to order, each matching select's options. Their
     order as shown is saved with the answer (and the draft), so a reload
     shows them as they were answered. */
  function itemToken(item) {
    var field = item.tagName === "OPTION" ? item : item.querySelector("input,select");
    return field.dataset.token || field.value;
  }
  function lists(q) {
    var kind = typeOf(q);
    return kind && kind.lists ? kind.lists(q) : [];
  }
  function shuffleLists(q) { lists(q).forEach(function (l) { shuffleItems(l[1]); }); }
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

  /* ---------------------------------------------------------------- question types */
  /* Each type is a module of its own (macros/assessments/types/<type>.js,
     joined after this file at build) that registers:
       read(q, partial)  the learner's response from the inputs, or null
       write(q, r)       put a saved response back into the inputs
       grade(key, r)     true when r is right (key: the question's answer key)
       mark(q, key, r)   show right and wrong on the answered inputs
       lists(q)          optional: [[container, items], …] that may be shuffled
                         (the shown order is saved with the answer)
       start(q, key, replay, onEnd, quiet)  optional: a type that runs a
                         dialogue; quiet (a stage test) hides outcomes until
                         mark() is called at 交卷 */
  var types = {};
  function register(name, module) { types[name] = module; }
  function typeOf(q) { return types[q.dataset.type] || null; }

  function readResponse(q, partial) { return typeOf(q).read(q, partial); }
  function writeResponse(q, r) { typeOf(q).write(q, r); }
  function grade(key, r) { return types[key.type].grade(key, r); }
  function markInputs(q, key, r) {
    all(q, "select,input,.hb-scene__choice").forEach(function (i) { i.disabled = true; });
    types[key.type].mark(q, key, r);
  }

  /* Shared by the types that answer with radio buttons / checkboxes. */
  var optionInputs = {
    read: function (q) {
      var picked = all(q, "input:checked").map(function (i) { return i.value; });
      return picked.length ? picked : null;
    },
    write: function (q, r) { all(q, "input").forEach(function (i) { i.checked = r.indexOf(i.value) !== -1; }); },
    grade: function (key, r) {
      return r.length === key.correct.length && r.every(function (v) { return key.correct.indexOf(v) !== -1; });
    },
    mark: function (q, key) {
      all(q, ".hb-option").forEach(function (label) {
        var input = label.querySelector("input"), right = key.correct.indexOf(input.value) !== -1;
        if (input.checked || right) label.classList.add(right ? "hb-ok" : "hb-bad");
        var text = input.checked ? (right ? T.yourRight : T.yourWrong) : right ? T.correctMark : "";
        if (text) label.appendChild(el("span", "hb-mark", (right ? "✓ " : "✗ ") + text));
      });
    },
    lists: function (q) { return all(q, ".hb-options").map(function (box) { return [box, all(box, ".hb-option")]; }); }
  };

  /* Shared by the types that answer with one select per row (token → value). */
  var selectRows = {
    read: function (q, partial) {
      var map = {}, complete = true;
      all(q, "select").forEach(function (s) { if (!s.value) complete = false; map[s.dataset.token] = s.value; });
      return complete || partial ? map : null;
    },
    write: function (q, r) { all(q, "select").forEach(function (s) { s.value = r[s.dataset.token] || ""; }); },
    /* want(key, token) → the right value; label(select, value) → its text */
    mark: function (q, key, r, want, label) {
      all(q, "select").forEach(function (s) {
        var right = want(key, s.dataset.token), ok = r[s.dataset.token] === right, row = s.parentNode;
        row.classList.add(ok ? "hb-ok" : "hb-bad");
        row.appendChild(el("span", "hb-mark", ok ? "✓" : "✗ " + label(s, right)));
      });
    }
  };
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
          state.passed = window.Handbook.passed(state.best, pass);
          state.last = Date.now();
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
    types: { register: register, optionInputs: optionInputs, selectRows: selectRows, optionText: optionText },
    util: { el: el, button: button, all: all, shuffle: shuffle, printOnly: printOnly }  /* shared with types and record.js */
  };
})();
