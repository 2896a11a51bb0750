/* Trainer forms: ratings, fields, decision, notes; totals per rater.
 * State "form:<id>": {fields: {<field name or name=value>: value}}. */
(function (A) {
  "use strict";
  var X = A.shared, T = A.strings, load = X.load, save = X.save, warnOnce = X.warnOnce, all = X.all, tools = X.tools;
  /* ---------------------------------------------------------------- forms */
  function initForm(root) {
    var key = "form:" + root.dataset.form, state = load(key) || {};
    if (!state.fields || typeof state.fields !== "object") state.fields = {};
    var inputs = all(root, "input,select,textarea");
    warnOnce(root);
    function highest(s) { return Math.max.apply(null, all(s, "option").map(function (o) { return +o.value || 0; })); }
    /* A plain sum of the ratings, or, on a form with weights, the 100-point
       total (each rating ÷ the highest rating × its weight) with its grade. */
    function totals() {
      all(root, ".hb-form__total").forEach(function (t) {
        var rater = t.dataset.rater, sum = 0, max = 0, open = 0, weighted = "weighted" in t.dataset;
        all(root, 'select[data-rater="' + rater + '"]').forEach(function (s) {
          if (weighted) {
            if (!s.dataset.weight) return;
            if (s.value === "") open++;
            sum += (+s.value || 0) / highest(s) * +s.dataset.weight;
          } else {
            sum += +s.value || 0;
            max += highest(s);
          }
        });
        var out = t.querySelector("output");
        if (!weighted) { out.textContent = T.total(sum, max); return; }
        var score = Math.round(sum), grades = t.dataset.grades ? JSON.parse(t.dataset.grades) : [];
        var grade = grades.filter(function (g) { return score >= g[0]; })[0];
        out.textContent = T.total(score, 100) + (open ? T.unrated(open) : grade ? " · " + grade[1] : "");
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

  A.components.form = initForm;
})(window.HandbookAssessments);
