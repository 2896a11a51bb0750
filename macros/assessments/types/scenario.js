/* Question type "scenario": a role-play. Scenes come from the answer key one
   at a time; the rep's path is kept on the element (q._path) and is the
   response: {path: [choice index, …], end: "success" | "fail"}. The opening
   scene is drawn by macros/assessments/types/scenario.py. */
(function (A) {
  "use strict";
  var T = A.strings, U = A.util, el = U.el, all = U.all;

  function startScenario(q, key, replay, onEnd) {
    var host = q.querySelector(".hb-scenario");
    host.textContent = "";
    var log = host.appendChild(el("ol", "hb-scene__log"));
    q._path = { steps: [], end: null };
    function scene(id) {
      var s = key.scenes[id], item = log.appendChild(el("li", "hb-scene"));
      if (s.situation) item.appendChild(el("p", "hb-scene__situation")).innerHTML = s.situation;
      var line = item.appendChild(el("p", "hb-scene__customer"));
      line.tabIndex = -1;
      line.appendChild(el("strong", "", T.customer));
      line.insertAdjacentHTML("beforeend", s.customer);
      var list = item.appendChild(el("ul", "hb-scene__choices"));
      s.choices.forEach(function (c, i) {
        var b = el("button", "hb-scene__choice");
        b.type = "button";
        b.innerHTML = c.text;
        b.addEventListener("click", function () { choose(item, list, c, i); });
        list.appendChild(el("li")).appendChild(b);
      });
      return line;
    }
    function choose(item, list, c, i) {
      q._path.steps.push(i);
      list.remove();
      var you = item.appendChild(el("p", "hb-scene__you"));
      you.appendChild(el("strong", "", T.you));
      you.insertAdjacentHTML("beforeend", c.text);
      var result = item.appendChild(el("p", "hb-scene__outcome"));
      result.appendChild(el("strong", "", T.outcome));
      result.insertAdjacentHTML("beforeend", c.feedback);
      if (c.next) return scene(c.next);
      q._path.end = c.end;
      item.appendChild(el("p", "hb-scene__end " + (c.end === "success" ? "hb-ok" : "hb-bad"), T.ended[c.end]));
      if (!replaying) onEnd();
    }
    var replaying = !!replay, first = scene(key.start);
    if (replay) {
      replay.forEach(function (i) {
        var lists = all(log, ".hb-scene__choices"), last = lists[lists.length - 1];
        if (last) last.querySelectorAll(".hb-scene__choice")[i].click();
      });
      replaying = false;
    }
    return first;
  }


  A.types.register("scenario", {
    read: function (q) { return q._path && q._path.end ? { path: q._path.steps, end: q._path.end } : null; },
    write: function () { /* replayed by start() */ },
    grade: function (key, r) { return r.end === "success"; },
    mark: function () { /* the dialogue itself shows the outcome */ },
    start: startScenario
  });
})(window.HandbookAssessments);
