/* 班级成绩's part of spaced review: from the "review" of each rep's file
   (macros/record/format.py ReviewRecord; files from before it have none),
   a rep's retention over all stages or one, and the questions most often
   forgotten across the class: answered wrong just after a right answer
   (the cards' "forgotten"). No state. */
(function (R) {
  "use strict";
  var X = R.shared, C = X.C, H = X.H, el = X.el;
  var T = {
    row: function (days) { return "复习保持率（近 " + days + " 天）"; },
    stage: "本阶段复习保持率",
    value: function (x) { return x.pct + "%（" + x.sure + " / " + x.reviewed + "）"; },
    title: "全班最常遗忘的题", none: "还没有答对以后又答错的题。",
    count: function (reps, times) { return reps + " 人答对后又答错，共 " + times + " 次"; },
    unknown: function (id) { return "（本版手册中没有这道题：" + id + "）"; },
    csv: "复习保持率（%）"
  };

  /* {pct, sure, reviewed} of one rep, over every stage or one; null when
     nothing was reviewed. */
  function retention(rep, section) {
    var reviewed = 0, sure = 0;
    (rep.review ? rep.review.retention : []).forEach(function (r) {
      if (!section || r.section === section) { reviewed += r.reviewed; sure += r.sure; }
    });
    return reviewed ? { pct: Math.round(sure * 100 / reviewed), sure: sure, reviewed: reviewed } : null;
  }
  /* Cells for the class table's row(): one per rep. */
  function cells(reps, section) {
    return reps.map(function (r) { var x = retention(r, section); return { text: x ? T.value(x) : "—", id: r.learner.name }; });
  }
  function days(reps) {
    var withReview = reps.filter(function (r) { return r.review; })[0];
    return withReview ? withReview.review.retention_days : 30;
  }
  function anyIn(reps, section) { return reps.some(function (r) { return retention(r, section); }); }

  /* question id → {id, times, reps}, most reps first. */
  function forgotten(reps) {
    var counts = {};
    reps.forEach(function (rep) {
      (rep.review ? rep.review.cards : []).forEach(function (c) {
        if (!c.forgotten) return;
        var x = counts[c.question] = counts[c.question] || { id: c.question, times: 0, reps: 0 };
        x.times += c.forgotten;
        x.reps++;
      });
    });
    return Object.keys(counts).map(function (k) { return counts[k]; })
      .sort(function (a, b) { return b.reps - a.reps || b.times - a.times || (a.id < b.id ? -1 : 1); });
  }
  function forgottenSection(reps) {
    var box = el("section", "hb-class__forgotten");
    box.setAttribute("aria-labelledby", "hb-forgotten");
    box.appendChild(el("h2", "", T.title)).id = "hb-forgotten";
    var top = forgotten(reps).slice(0, 10);
    if (!top.length) box.appendChild(el("p", "", T.none));
    var ol = box.appendChild(el("ol"));
    top.forEach(function (f) {
      var li = ol.appendChild(el("li")), info = C.questions[f.id];
      li.dataset.question = f.id;
      if (info) { var a = li.appendChild(el("a", "", info.text)); a.href = H.root + info.url; }
      else li.appendChild(el("span", "", T.unknown(f.id)));
      li.appendChild(el("span", "hb-class__count", " " + T.count(f.reps, f.times)));
    });
    return box;
  }
  function csvValue(rep) { var x = retention(rep); return x ? x.pct : ""; }

  R.review = { strings: T, retention: retention, cells: cells, days: days, anyIn: anyIn, forgotten: forgotten,
               forgottenSection: forgottenSection, csvValue: csvValue };
})(window.HandbookRecord);
