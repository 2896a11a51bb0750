/* Decision tools: lookup (a choice per dimension) and range (a number in
 * bands). No state: the rules come from data-rules. */
(function (A) {
  "use strict";
  var X = A.shared, T = A.strings, el = X.el, all = X.all, tools = X.tools;
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

  A.components.tool = initTool;
})(window.HandbookAssessments);
