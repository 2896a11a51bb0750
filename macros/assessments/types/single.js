/* Question type "single": radio buttons / checkboxes (macros/assessments/types/single.py draws them). */
(function (A) {
  "use strict";
  A.types.register("single", A.types.optionInputs);
})(window.HandbookAssessments);
