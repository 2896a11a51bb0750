/* The field kit in the browser: calculators, work templates, pocket cards
 * and stage one-pagers (HTML from macros/fieldkit/render.py; the DOM
 * contract is in docs/trainers/architecture.md). Loaded by handbook.js
 * only on pages that hold one of them. Vanilla JS, works from file://.
 *
 * - Calculators run the formula trees the build checked and emitted
 *   (macros/fieldkit/expr.py) with the small interpreter below: no eval, no
 *   new Function. The working is written out exactly as the build writes
 *   the page's worked example.
 * - Templates keep what the rep typed in window.Handbook.store under
 *   "template:<id>": {title, page, fields: [{label, value}], tables: [{title,
 *   columns, rows: [[cell, …]]}], notes: [{label, value}], t}. The learner
 *   export (macros/record/runtime/core.js) reads the same keys.
 * - "打印" prints only that card, template or one-pager (html.hb-print-one,
 *   .hb-print-target; a blank template adds .hb-print-blank).
 */
(function () {
  "use strict";

  var T = {
    print: "打印", printCard: "打印这张卡", printBlank: "打印空白表", clear: "清除", addRow: "加一行",
    confirmClear: "确定清空这张表格已填写的内容吗？清空后无法恢复。",
    saved: function (time) { return "已保存在这台设备上（" + time + "）。"; },
    cleared: "已清空。",
    full: function (n) { return "这张表最多 " + n + " 行。"; },
    fill: "填入算例",
    needAll: "输入全部数值后，这里显示结果和算式。",
    range: function (label, a, b) { return label + "：请输入 " + a + "～" + b + " 之间的数值。"; },
    advice: "提示",
    zero: function (label) { return "无法计算" + label + "：除数为 0。请检查输入的数值。"; },
    noStorage: "这台设备的浏览器不能保存数据（可能处于隐私/无痕模式或存储已满），表格可以填写和打印，但不会被保存。"
  };
  var FUNCTIONS = { min: "取小", max: "取大", round: "四舍五入", ceil: "向上取整", floor: "向下取整", abs: "绝对值", "if": "如果" };
  var SHOWN = { "+": "+", "-": "−", "*": "×", "/": "÷", "<": "<", "<=": "≤", ">": ">", ">=": "≥", "==": "=", "!=": "≠" };
  var LEVEL = { cmp: 1, "+": 2, "-": 2, "*": 3, "/": 3, neg: 4 };

  var H = window.Handbook, store = H.store;

  /* ---------------------------------------------------------------- helpers */
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function all(root, sel) { return Array.prototype.slice.call(root.querySelectorAll(sel)); }
  function button(text, cls, onClick) {
    var b = el("button", "md-button " + cls, text);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }
  function printOnly(section, blank) {
    var html = document.documentElement;
    html.classList.add("hb-print-one");
    section.classList.add("hb-print-target");
    if (blank) section.classList.add("hb-print-blank");
    var done = function () {
      html.classList.remove("hb-print-one");
      section.classList.remove("hb-print-target", "hb-print-blank");
      window.removeEventListener("afterprint", done);
    };
    window.addEventListener("afterprint", done);
    window.print();
  }
  var warned = false;
  function warnOnce(root) {
    if (store.ok || warned) return;
    warned = true;
    var p = el("p", "hb-notice", T.noStorage);
    p.setAttribute("role", "note");
    root.insertBefore(p, root.firstChild);
  }

  /* ---------------------------------------------------------------- formulas */
  /* The same arithmetic as expr.py: half-up rounding, ceil/floor with a
     tolerance of 1e-9, comparisons give 1 or 0, division by zero stops. */
  function ZeroDivision() { this.zero = true; }
  function halfUp(x, digits) {
    var scale = Math.pow(10, digits || 0), v = Math.floor(Math.abs(x) * scale + 0.5 + 1e-9) / scale;
    return x < 0 ? -v : v;
  }
  function evaluate(node, v) {
    var kind = node[0], a, b;
    if (kind === "num") return node[1];
    if (kind === "var") return v[node[1]];
    if (kind === "neg") return -evaluate(node[1], v);
    if (kind === "op") {
      a = evaluate(node[2], v); b = evaluate(node[3], v);
      if (node[1] === "/" && b === 0) throw new ZeroDivision();
      return node[1] === "+" ? a + b : node[1] === "-" ? a - b : node[1] === "*" ? a * b : a / b;
    }
    if (kind === "cmp") {
      a = evaluate(node[2], v); b = evaluate(node[3], v);
      var ok = { "<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b,
                 "==": Math.abs(a - b) < 1e-9, "!=": Math.abs(a - b) >= 1e-9 }[node[1]];
      return ok ? 1 : 0;
    }
    var name = node[1], args = node[2];
    if (name === "if") return evaluate(args[0], v) ? evaluate(args[1], v) : evaluate(args[2], v);
    var got = args.map(function (x) { return evaluate(x, v); });
    if (name === "min") return Math.min.apply(null, got);
    if (name === "max") return Math.max.apply(null, got);
    if (name === "round") return halfUp(got[0], got.length > 1 ? Math.trunc(got[1]) : 0);
    if (name === "ceil") return Math.ceil(got[0] - 1e-9);
    if (name === "floor") return Math.floor(got[0] + 1e-9);
    return Math.abs(got[0]);
  }
  /* 6000 → "6,000"; at most `digits` decimals, no trailing zeros, no "-0". */
  function number(x, digits) {
    if (digits === undefined) digits = 2;
    var value = halfUp(x, digits);
    if (value === 0) value = 0;
    var text = Math.abs(value).toFixed(digits);
    if (digits) text = text.replace(/0+$/, "").replace(/\.$/, "");
    var parts = text.split("."), whole = parts[0];
    if (whole.length > 3) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return (value < 0 ? "−" : "") + whole + (parts[1] ? "." + parts[1] : "");
  }
  function show(node, v, parent, right) {
    var kind = node[0], text, level;
    if (kind === "num") return number(node[1], 6);
    if (kind === "var") return number(v[node[1]]);
    if (kind === "fn") return FUNCTIONS[node[1]] + "(" + node[2].map(function (x) { return show(x, v, 0, false); }).join(", ") + ")";
    if (kind === "neg") {
      level = LEVEL.neg;
      text = "−" + show(node[1], v, level, false);
    } else {
      level = kind === "cmp" ? LEVEL.cmp : LEVEL[node[1]];
      text = show(node[2], v, level, false) + " " + SHOWN[node[1]] + " " + show(node[3], v, level, true);
    }
    if (level < (parent || 0) || (right && level === parent && kind !== "neg")) return "(" + text + ")";
    return text;
  }
  function stepLine(step, v) {
    var value = number(v[step.name], step.digits), unit = step.unit ? " " + step.unit : "";
    if (step.tree[0] === "num" || step.tree[0] === "var") return step.label + " = " + value + unit;
    return step.label + " = " + show(step.tree, v) + " = " + value + unit;
  }

  /* ---------------------------------------------------------------- calculators */
  function initCalculator(root) {
    var program = JSON.parse(root.dataset.program), out = root.querySelector(".hb-calc__result");
    var inputs = all(root, "input[data-input]");
    function message(text) { out.textContent = ""; out.appendChild(el("p", "hb-calc__message", text)); }
    function update() {
      var v = {}, i;
      for (i = 0; i < program.inputs.length; i++) {
        var spec = program.inputs[i], box = root.querySelector('input[data-input="' + spec.name + '"]');
        if (box.value.trim() === "" || isNaN(parseFloat(box.value))) { message(T.needAll); return; }
        var x = parseFloat(box.value);
        if (x < spec.min || x > spec.max) { message(T.range(spec.label, number(spec.min, 4), number(spec.max, 4))); return; }
        v[spec.name] = x;
      }
      var list = el("ol", "hb-calc__steps");
      for (i = 0; i < program.steps.length; i++) {
        var step = program.steps[i];
        try { v[step.name] = evaluate(step.tree, v); }
        catch (e) { if (e && e.zero) { message(T.zero(step.label)); return; } throw e; }
        var li = el("li", "hb-calc__step", stepLine(step, v));
        li.dataset.step = step.name;
        list.appendChild(li);
      }
      out.textContent = "";
      out.appendChild(list);
      var advice = program.advice || [], shown = [];
      for (i = 0; i < advice.length; i++) {
        try { if (evaluate(advice[i].tree, v)) shown.push(advice[i].text); }
        catch (e) { if (!(e && e.zero)) throw e; }
      }
      if (!shown.length && advice.length && program.ok) shown.push(program.ok);
      if (shown.length) {
        var tips = el("ul", "hb-calc__advice");
        tips.setAttribute("aria-label", T.advice);
        shown.forEach(function (text) { tips.appendChild(el("li", "", text)); });
        out.appendChild(tips);
      }
    }
    inputs.forEach(function (box) { box.addEventListener("input", update); });
    var fill = button(T.fill, "hb-calc__fill", function () {
      inputs.forEach(function (box) { box.value = program.example[box.dataset.input]; });
      update();
    });
    root.querySelector(".hb-calc__inputs").appendChild(fill);
    update();
  }

  /* ---------------------------------------------------------------- templates */
  function fieldValue(input) { return input ? input.value : ""; }
  function labelText(node) { var s = node.querySelector("span"); return s ? s.textContent : ""; }

  function initTemplate(root) {
    var id = root.dataset.template, key = "template:" + id, status = root.querySelector(".hb-template__status");
    var title = root.querySelector(".hb-template__title").textContent;
    var tables = all(root, "[data-table]");
    warnOnce(root);

    function rowsOf(table) { return all(table, "tbody > tr"); }
    function columns(table) { return all(table, "thead th").map(function (th) { return th.textContent; }); }
    /* A row's cells as text: the fixed label (th) and each input's value. */
    function cells(tr) {
      return Array.prototype.map.call(tr.children, function (td) {
        if (td.tagName === "TH") return td.textContent;
        return fieldValue(td.querySelector("input,select,textarea"));
      });
    }
    function addRow(table) {
      var body = table.querySelector("tbody"), rows = rowsOf(table), last = rows[rows.length - 1];
      if (rows.length >= +table.dataset.max) { status.textContent = T.full(table.dataset.max); return null; }
      var fresh = last.cloneNode(true), n = rows.length;
      fresh.dataset.row = String(n);
      fresh.setAttribute("data-extra", "");
      all(fresh, "input,select,textarea").forEach(function (input) {
        input.value = "";
        input.name = input.name.replace(/-r\d+-/, "-r" + n + "-");
        input.setAttribute("aria-label", input.getAttribute("aria-label").replace(/^第 \d+ 行/, "第 " + (n + 1) + " 行"));
      });
      body.appendChild(fresh);
      return fresh;
    }
    function snapshot() {
      return {
        title: title, page: H.pageKey(location.href),
        fields: all(root, "[data-field]").map(function (f) {
          return { label: labelText(f), value: fieldValue(f.querySelector("input,select,textarea")) };
        }),
        tables: tables.map(function (table) {
          var rows = rowsOf(table).map(cells), fixed = table.hasAttribute("data-fixed");
          if (!fixed) {
            while (rows.length && rows[rows.length - 1].every(function (c) { return c === ""; })) rows.pop();
          }
          var caption = table.querySelector("caption");
          return { title: caption ? caption.textContent : "", columns: columns(table), rows: rows, fixed: fixed };
        }),
        notes: all(root, "[data-note]").map(function (n) { return { label: labelText(n), value: n.querySelector("textarea").value }; }),
        t: window.Handbook.now()
      };
    }
    function save() {
      var snap = snapshot();
      if (store.set(key, snap)) {
        var d = new Date(snap.t);
        status.textContent = T.saved(("0" + d.getHours()).slice(-2) + ":" + ("0" + d.getMinutes()).slice(-2));
      } else warnOnce(root);
    }
    function restore(state) {
      if (!state) return;
      (Array.isArray(state.fields) ? state.fields : []).forEach(function (f, i) {
        var box = root.querySelector('[data-field="' + i + '"]'), input = box && box.querySelector("input,select,textarea");
        if (input && f && typeof f.value === "string") input.value = f.value;
      });
      (Array.isArray(state.tables) ? state.tables : []).forEach(function (saved, ti) {
        var table = tables[ti];
        if (!table || !saved || !Array.isArray(saved.rows)) return;
        saved.rows.forEach(function (row, ri) {
          var tr = rowsOf(table)[ri] || (table.hasAttribute("data-fixed") ? null : addRow(table));
          if (!tr || !Array.isArray(row)) return;
          Array.prototype.forEach.call(tr.children, function (td, ci) {
            var input = td.querySelector("input,select,textarea");
            if (input && typeof row[ci] === "string") input.value = row[ci];
          });
        });
      });
      (Array.isArray(state.notes) ? state.notes : []).forEach(function (n, i) {
        var box = root.querySelector('[data-note="' + i + '"] textarea');
        if (box && n && typeof n.value === "string") box.value = n.value;
      });
    }
    restore(store.get(key));
    root.addEventListener("input", save);
    root.addEventListener("change", save);

    tables.forEach(function (table) {
      if (table.hasAttribute("data-fixed")) return;
      table.appendChild(button(T.addRow, "hb-template__add", function () {
        var tr = addRow(table);
        if (tr) { tr.querySelector("input,select,textarea").focus(); save(); }
      }));
    });
    var box = root.querySelector(".hb-tools");
    box.textContent = "";
    box.appendChild(button(T.print, "hb-print", function () { printOnly(root, false); }));
    box.appendChild(button(T.printBlank, "hb-print-blank-button", function () { printOnly(root, true); }));
    box.appendChild(button(T.clear, "hb-clear", function () {
      if (!window.confirm(T.confirmClear)) return;
      all(root, "input,select,textarea").forEach(function (i) { i.value = ""; });
      all(root, "tr[data-extra]").forEach(function (tr) { tr.remove(); });
      save();
      status.textContent = T.cleared;
    }));
  }

  /* ---------------------------------------------------------------- cards, one-pagers */
  function initPrintable(root, label) {
    var box = root.querySelector(".hb-tools");
    box.textContent = "";
    box.appendChild(button(label, "hb-print", function () { printOnly(root, false); }));
  }

  function init(doc) {
    [["[data-calculator]", initCalculator], ["[data-template]", initTemplate],
     ["[data-card]", function (r) { initPrintable(r, T.printCard); }],
     ["[data-onepager]", function (r) { initPrintable(r, T.print); }]].forEach(function (pair) {
      all(doc, pair[0]).forEach(function (root) {
        if (root.dataset.ready) return;
        root.dataset.ready = "1";
        pair[1](root);
      });
    });
  }

  window.HandbookFieldKit = { init: init, evaluate: evaluate, show: show, number: number, strings: T };
})();
