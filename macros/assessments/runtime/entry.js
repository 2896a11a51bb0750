/* Entry of the assessment runtime: sets up every quiz, checklist, form and
 * tool of a page once (handbook.js calls init after each navigation). */
(function (A) {
  "use strict";
  var X = A.shared, T = A.strings, setCurrent = X.setCurrent, all = X.all;
  /* ---------------------------------------------------------------- entry */
  function init(doc) {
    var C = A.components;
    [["[data-quiz]", C.quiz], ["[data-checklist]", C.checklist], ["[data-form]", C.form], ["[data-tool]", C.tool]].forEach(function (pair) {
      all(doc, pair[0]).forEach(function (root) {
        if (root.dataset.ready) return;
        root.dataset.ready = "1";
        root.addEventListener("focusin", function () { setCurrent(root); });
        root.addEventListener("click", function () { setCurrent(root); }, true);
        setCurrent(root);
        pair[1](root);
      });
    });
  }

  A.init = init;
  A.review = A.components.review;
})(window.HandbookAssessments);
