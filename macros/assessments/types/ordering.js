/* Question type "ordering": a position (select) per step; right when every
   step has its place (macros/assessments/types/ordering.py draws it). */
(function (A) {
  "use strict";
  var rows = A.types.selectRows, T = A.strings, U = A.util;
  function want(key, token) { return String(key.correct.indexOf(token) + 1); }
  A.types.register("ordering", {
    valid: rows.valid,
    read: rows.read,
    write: rows.write,
    grade: function (key, r) { return key.correct.every(function (t, i) { return r[t] === String(i + 1); }); },
    mark: function (q, key, r) { rows.mark(q, key, r, want, function (s, value) { return T.position(value); }); },
    lists: function (q) { return U.all(q, ".hb-order").map(function (box) { return [box, U.all(box, ".hb-order__item")]; }); }
  });
})(window.HandbookAssessments);
