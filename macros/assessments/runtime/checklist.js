/* Checklists. State "checklist:<id>": {items: {<item id>: true}, t: time}. */
(function (A) {
  "use strict";
  var X = A.shared, T = A.strings, load = X.load, save = X.save, warnOnce = X.warnOnce, all = X.all, tools = X.tools;
  /* ---------------------------------------------------------------- checklists */
  function initChecklist(root) {
    var key = "checklist:" + root.dataset.checklist, state = load(key) || {};
    if (!state.items || typeof state.items !== "object") state.items = {};
    var boxes = all(root, "[data-item] input[type=checkbox]"), progress = root.querySelector(".hb-checklist__progress");
    warnOnce(root);
    function update() {
      var done = boxes.filter(function (b) { return b.checked; }).length;
      progress.textContent = T.checked(done, boxes.length);
      root.dataset.state = done === boxes.length ? "done" : "open";
    }
    boxes.forEach(function (b) {
      var item = b.closest("[data-item]").dataset.item;
      b.checked = state.items[item] === true;
      b.addEventListener("change", function () {
        if (b.checked) state.items[item] = true; else delete state.items[item];
        state.t = window.Handbook.now();
        save(key, state);
        update();
      });
    });
    tools(root, function () {
      if (!window.confirm(T.clearChecklist)) return;
      boxes.forEach(function (b) { b.checked = false; });
      state.items = {};
      save(key, state);
      update();
    });
    update();
  }

  A.components.checklist = initChecklist;
})(window.HandbookAssessments);
