/* Decision tools: lookup (a choice per dimension), range (a number in
 * bands) and cumulative (ABC analysis of a list of values). No state: the
 * rules come from data-rules. */
(function (A) {
  "use strict";
  var X = A.shared, T = A.strings, el = X.el, button = X.button, all = X.all, tools = X.tools;
  /* ---------------------------------------------------------------- decision tools */
  function initTool(root) {
    if (root.dataset.kind === "cumulative") return initShares(root);
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

  /* ABC analysis, the same rule as macros/assessments/rules.py
     classify_by_share: largest first; a row belongs to the first class whose
     boundary lies above the cumulative share before it. */
  function classify(rows, classes) {
    var total = rows.reduce(function (s, r) { return s + r.value; }, 0), before = 0;
    return rows.slice().sort(function (a, b) { return b.value - a.value; }).map(function (r) {
      var share = total ? r.value * 100 / total : 0;
      var grade = classes.filter(function (c) { return before < c.upTo; })[0] || classes[classes.length - 1];
      var out = { name: r.name, value: r.value, share: share, cumulative: before + share, grade: grade };
      before += share;
      return out;
    });
  }
  function pct(v) { return Math.round(v) + "%"; }

  function initShares(root) {
    var rules = JSON.parse(root.dataset.rules), out = root.querySelector(".hb-tool__result");
    var body = root.querySelector(".hb-share__input tbody"), template = root.querySelector("template[data-row]");
    function rows() {
      return all(body, "tr").map(function (tr) {
        var name = tr.querySelector("[data-name]").value.trim(), raw = tr.querySelector("[data-value]").value;
        return { name: name, value: raw === "" ? NaN : parseFloat(raw) };
      }).filter(function (r) { return r.name || !isNaN(r.value); });
    }
    function update() {
      var list = rows();
      out.textContent = "";
      var bad = list.filter(function (r) { return !r.name || isNaN(r.value) || r.value < 0; });
      if (list.length < 2 || bad.length) { out.textContent = bad.length ? T.shareIncomplete : T.shareStart; return; }
      var result = classify(list, rules.classes);
      var table = out.appendChild(el("table", "hb-share__result"));
      table.appendChild(el("caption", "", T.shareCaption));
      var head = table.appendChild(el("thead")).appendChild(el("tr"));
      [T.shareRank, rules.item, rules.measure + (rules.unit ? "（" + rules.unit + "）" : ""), T.shareShare, T.shareCumulative, T.shareClass]
        .forEach(function (h) { head.appendChild(el("th", "", h)).scope = "col"; });
      var tb = table.appendChild(el("tbody"));
      result.forEach(function (r, i) {
        var tr = tb.appendChild(el("tr"));
        tr.dataset.class = r.grade.title;
        [String(i + 1), r.name, String(r.value), pct(r.share), pct(r.cumulative), r.grade.title]
          .forEach(function (c) { tr.appendChild(el("td", "", c)); });
      });
      rules.classes.forEach(function (c) {
        var mine = result.filter(function (r) { return r.grade === c; });
        if (!mine.length) return;
        var sum = mine.reduce(function (s, r) { return s + r.share; }, 0);
        var p = out.appendChild(el("p", "hb-tool__verdict", T.shareSummary(c.title, mine.length, pct(sum))));
        p.dataset.class = c.title;
        out.appendChild(el("p")).innerHTML = c.text;
      });
    }
    function addRow() {
      body.insertAdjacentHTML("beforeend", template.innerHTML);
      return body.lastElementChild;
    }
    var bar = root.querySelector(".hb-tool__inputs").appendChild(el("p", "hb-share__buttons"));
    bar.appendChild(button(T.shareAdd, "hb-share__add", function () { addRow().querySelector("input").focus(); }));
    if (rules.example.length) {
      bar.appendChild(button(T.shareExample, "hb-share__example", function () {
        all(body, "tr").forEach(function (tr) { tr.remove(); });
        rules.example.forEach(function (r) {
          var tr = addRow();
          tr.querySelector("[data-name]").value = r[0];
          tr.querySelector("[data-value]").value = r[1];
        });
        update();
        out.focus();
      }));
    }
    out.tabIndex = -1;
    body.addEventListener("input", update);
    update();
  }

  A.components.tool = initTool;
})(window.HandbookAssessments);
