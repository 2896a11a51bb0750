/* Question type "truefalse": radio buttons / checkboxes (macros/assessments/types/truefalse.py draws them). */
(function (A) {
  "use strict";
  A.types.register("truefalse", A.types.optionInputs);
})(window.HandbookAssessments);
