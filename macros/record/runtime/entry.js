/* The learner-record pages' entry: draws each [data-record] view once. */
(function (R) {
  "use strict";
  function init(doc) {
    Array.prototype.forEach.call(doc.querySelectorAll("[data-record]"), function (root) {
      if (root.dataset.ready || !R.views[root.dataset.record]) return;
      root.dataset.ready = "1";
      R.views[root.dataset.record](root);
    });
  }
  R.init = init;
  R.snapshot = R.shared.snapshot;
})(window.HandbookRecord);
