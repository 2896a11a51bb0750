/* Question type "matching": a select per left item, right when every left
   item has its partner (macros/assessments/types/matching.py draws it). */
(function (A) {
  "use strict";
  var rows = A.types.selectRows, T = A.strings, U = A.util;
  function want(key, token) { return key.correct[token]; }
  A.types.register("matching", {
    valid: rows.valid,
    read: rows.read,
    write: rows.write,
    grade: function (key, r) { return Object.keys(key.correct).every(function (l) { return r[l] === key.correct[l]; }); },
    mark: function (q, key, r) {
      rows.mark(q, key, r, want, function (s, value) { return T.should(A.types.optionText(s, value)); });
    },
    lists: function (q) {
      return U.all(q, ".hb-match select").map(function (s) { return [s, U.all(s, "option:not([value=''])")]; });
    }
  });
})(window.HandbookAssessments);
