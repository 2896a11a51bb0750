/* Assessment runtime, core: UI strings, the store, DOM helpers, shuffling,
 * the answer-key decoder and the question-type registry. The components
 * (runtime/quiz.js, checklist.js, form.js, tool.js) and the types
 * (macros/assessments/types/*.js) are joined after this file at build, and
 * runtime/entry.js last.
 *
 * Assessment runtime: quizzes, checklists and trainer forms.
 *
 * Progressive enhancement of the HTML rendered by macros/assessments/render.py (see the
 * DOM contract there). Vanilla JS, no dependencies, works over http and from
 * file://. Progress lives in localStorage under "handbook:v1:<site path>:"
 * (webapp/runtime/handbook.js), keyed by quiz id + question id, and dropped
 * for one question when its content hash changes or its saved answer does
 * not have the shape its type expects (valid). If storage is unavailable
 * everything still works, unsaved.
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
    unrated: function (n) { return "（还有 " + n + " 项未评）"; },
    toolChoose: "逐项选择后，这里显示结论和对策。", toolNumber: "输入数值后，这里显示结论和对策。",
    toolRange: function (a, b) { return "请输入 " + a + "～" + b + " 之间的数值。"; },
    shareStart: "填入至少两行的名称和数值，这里按累计占比分级。", shareIncomplete: "每一行都要有名称和不小于 0 的数值。",
    shareCaption: "按数值从大到小排队后的分级", shareRank: "排名", shareShare: "占比", shareCumulative: "累计占比", shareClass: "级别",
    shareSummary: function (c, n, p) { return c + "：" + n + " 家，合计占 " + p; },
    shareAdd: "加一行", shareExample: "填入本页示例",
    redo: "重做这题", removed: "答对了！刷新页面后，这道题会移出错题本。",
    noStorage: "这台设备的浏览器不能保存数据（可能处于隐私/无痕模式或存储已满），本页的答题和勾选仍可使用，但不会被保存。"
  };

  /* ---------------------------------------------------------------- storage */
  /* The store is handbook.js's (window.Handbook.store): "handbook:v1:<site
     path>:" keys in localStorage; values that are not JSON objects read as
     missing. Parts of a value are checked the same way before use (obj). */
  var store = window.Handbook.store;
  var warned = false;

  function load(key) { return store.get(key); }
  /* A plain object (not null, not a list): what every saved part must be. */
  function obj(v) { return !!v && typeof v === "object" && !Array.isArray(v); }
  function count(v) { return typeof v === "number" && isFinite(v) && v >= 0 ? v : 0; }
  var current = null;                         /* the assessment being set up or used */
  function setCurrent(root) { current = root; }
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
  /* The inverse of encode_key in macros/assessments/keys.py: printable ASCII
     and CJK characters turned back by an amount taken from the quiz id. */
  function decodeKey(blob, id) {
    var utf8 = new TextEncoder().encode(id), shift = 0, out = [], i, c;
    for (i = 0; i < utf8.length; i++) shift += utf8[i];
    shift = shift % 94 + 1;
    for (i = 0; i < blob.length; i++) {
      c = blob.charCodeAt(i);
      if (c >= 0x20 && c < 0x7f) c = 0x20 + (c - 0x20 - shift + 95) % 95;
      else if (c >= 0x4e00 && c < 0xa000) c = 0x4e00 + ((c - 0x4e00 - shift * 7919) % 0x5200 + 0x5200) % 0x5200;
      out.push(String.fromCharCode(c));
    }
    return JSON.parse(out.join(""));
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
       valid(r)          true when r (read back from storage: anything JSON
                         can hold) has the shape read() returns; the core
                         calls it before write, grade or mark see a saved
                         answer or draft, and one that fails reads as missing
                         (a type without valid() accepts any value but null)
       lists(q)          optional: [[container, items], …] that may be shuffled
                         (the shown order is saved with the answer)
       start(q, key, replay, onEnd, quiet)  optional: a type that runs a
                         dialogue; quiet (a stage test) hides outcomes until
                         mark() is called at 交卷 */
  var types = {};
  function register(name, module) { types[name] = module; }
  function typeOf(q) { return types[q.dataset.type] || null; }
  function validResponse(q, r) {
    var kind = typeOf(q);
    if (!kind || r === null || r === undefined) return false;
    try { return !kind.valid || kind.valid(r) === true; } catch (e) { return false; }
  }
  /* A saved answer or draft of q that can be used: an object for q's current
     content whose response has its type's shape; anything else is null. */
  function savedFor(q, saved) {
    return obj(saved) && saved.h === q.dataset.hash && validResponse(q, saved.r) ? saved : null;
  }
  function strings(v) { return Array.isArray(v) && v.every(function (x) { return typeof x === "string"; }); }

  function readResponse(q, partial) { return typeOf(q).read(q, partial); }
  function writeResponse(q, r) { typeOf(q).write(q, r); }
  function grade(key, r) { return types[key.type].grade(key, r); }
  function markInputs(q, key, r) {
    all(q, "select,input,.hb-scene__choice").forEach(function (i) { i.disabled = true; });
    types[key.type].mark(q, key, r);
  }

  /* Shared by the types that answer with radio buttons / checkboxes. */
  var optionInputs = {
    valid: function (r) { return strings(r) && r.length > 0; },
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
    valid: function (r) {
      return obj(r) && Object.keys(r).every(function (k) { return typeof r[k] === "string"; });
    },
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


  function tools(root, clear) {
    var box = root.querySelector(".hb-tools");
    box.textContent = "";
    box.appendChild(button(T.print, "hb-print", function () { printOnly(root); }));
    box.appendChild(button(T.clear, "hb-clear", clear));
  }

  /* What the components and the question types share. */
  window.HandbookAssessments = {
    strings: T, components: {},
    types: { register: register, optionInputs: optionInputs, selectRows: selectRows, optionText: optionText, obj: obj },
    util: { el: el, button: button, all: all, shuffle: shuffle, printOnly: printOnly },  /* shared with record.js */
    shared: { load: load, obj: obj, count: count, savedFor: savedFor, validResponse: validResponse, save: save, warnOnce: warnOnce, setCurrent: setCurrent, el: el, button: button, all: all, shuffle: shuffle, shuffleItems: shuffleItems, lists: lists, shuffleLists: shuffleLists, shownOrder: shownOrder, arrange: arrange, decodeKey: decodeKey, printOnly: printOnly, types: types, typeOf: typeOf, readResponse: readResponse, writeResponse: writeResponse, grade: grade, markInputs: markInputs, optionText: optionText, tools: tools }
  };
})();
