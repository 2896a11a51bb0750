/* Question type "scenario": a role-play. Scenes come from the answer key one
   at a time; the rep's path is kept on the element (q._path) and is the
   response: {path: [choice index, …], end: "success" | "fail"}. In a stage
   test the outcomes stay hidden until 交卷 (mark). After a reply, focus goes
   to the customer's next line or to the ending. The opening scene is drawn
   by macros/assessments/types/scenario.py. */
(function (A) {
  "use strict";
  var T = A.strings, U = A.util, el = U.el, all = U.all;

  function startScenario(q, key, replay, onEnd, quiet) {
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
      result.hidden = !!quiet;
      if (c.next) {
        var line = scene(c.next);
        if (!replaying) line.focus();
        return line;
      }
      q._path.end = c.end;
      var end = item.appendChild(el("p", "hb-scene__end " + (c.end === "success" ? "hb-ok" : "hb-bad"), T.ended[c.end]));
      end.hidden = !!quiet;
      if (quiet) end = item.appendChild(el("p", "hb-scene__wait", T.endedTest));
      end.tabIndex = -1;
      if (!replaying) {
        onEnd();
        if (!document.activeElement || document.activeElement === document.body) end.focus();
      }
    }
    var replaying = !!replay, first = scene(key.start);
    if (replay) {                     /* a path that leaves the scenes stops where it does */
      replay.every(function (i) {
        var lists = all(log, ".hb-scene__choices"), last = lists[lists.length - 1];
        var choice = last && last.querySelectorAll(".hb-scene__choice")[i];
        if (choice) choice.click();
        return !!choice;
      });
      replaying = false;
    }
    return first;
  }

  A.types.register("scenario", {
    valid: function (r) {
      return A.types.obj(r) && (r.end === "success" || r.end === "fail") && Array.isArray(r.path) &&
        r.path.length < 10000 && r.path.every(function (i) { return typeof i === "number" && i >= 0 && i === Math.floor(i); });
    },
    read: function (q) { return q._path && q._path.end ? { path: q._path.steps, end: q._path.end } : null; },
    write: function () { /* replayed by start() */ },
    grade: function (key, r) { return r.end === "success"; },
    /* At 交卷 (or at once in practice): show the outcomes a stage test kept hidden. */
    mark: function (q) {
      all(q, ".hb-scene__outcome,.hb-scene__end").forEach(function (e) { e.hidden = false; });
      all(q, ".hb-scene__wait").forEach(function (e) { e.remove(); });
    },
    start: startScenario
  });
})(window.HandbookAssessments);
