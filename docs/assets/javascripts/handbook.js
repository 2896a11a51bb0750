/* Loaded on every page (a few hundred bytes). Loads the assessment runtime
   only on pages that have a quiz, checklist or form, and re-runs it after
   Material's instant navigation. */
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script && script.src ? script.src.replace(/[^/]*$/, "") : "";
  var loading = false;

  function run() {
    if (!document.querySelector("[data-quiz],[data-checklist],[data-form],[data-tool]")) return;
    if (window.HandbookAssessments) return window.HandbookAssessments.init(document);
    if (loading) return;
    loading = true;
    var tag = document.createElement("script");
    tag.src = base + "assessments.js";
    tag.onload = function () { window.HandbookAssessments.init(document); };
    document.head.appendChild(tag);
  }

  /* First page: DOMContentLoaded (from file:// Material's document$ does not
     emit). Later pages of instant navigation: document$. run() is idempotent. */
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
  else run();
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(run);
})();
