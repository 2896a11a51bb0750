/* Question type "multiple": radio buttons / checkboxes (macros/assessments/types/multiple.py draws them). */
(function (A) {
  "use strict";
  A.types.register("multiple", A.types.optionInputs);
})(window.HandbookAssessments);
