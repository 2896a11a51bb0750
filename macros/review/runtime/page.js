/* 今日复习 ([data-record=review], built as assets/javascripts/review.js;
 * handbook.js loads it with assessments.js and catalog.js, not record.js):
 * the questions due today, at most the daily cap, one at a time, each in its
 * own quiz's rendering read from its page (Handbook.quizMarkup, as 错题本
 * does; from file://, from assets/quizzes/<id>.js) with its feedback, explanation and the confidence
 * question, then the next due date and 下一题. Answers go to the "review"
 * record like 错题本 retries (so a right answer here also leaves 错题本)
 * and to the scheduler (schedule.js). State per page: the queue drawn at the
 * start, the position in it and how many were right. */
(function () {
  "use strict";
  var H = window.Handbook, C = window.HandbookCatalog, A = window.HandbookAssessments;
  var U = A.util, el = U.el, button = U.button, all = U.all;
  var T = {
    cap: "每天最多复习", capUnit: "题",
    progress: function (i, n) { return "今天要复习 " + n + " 题，这是第 " + i + " 题。"; },
    from: function (t) { return "来自《" + t + "》"; },
    next: function (w) { return "下次复习：" + w; },
    go: "下一题", finish: "完成今天的复习",
    done: function (n, right) { return "今天的复习完成了：复习了 " + n + " 题，答对 " + right + " 题。"; },
    none: "今天没有待复习的题。",
    empty: "做过的题会按遗忘的规律安排复习时间，到期的题会出现在这里。先去各模块做一做自测题吧。",
    upcoming: function (w, n) { return "下一次复习在" + w + "，共 " + n + " 题。"; },
    capped: function (n) { return "今天已经复习了 " + n + " 题，达到了每天的上限。"; },
    more: function (n) { return "还有 " + n + " 题已经到期：明天接着复习，或者把每天的题数调大。"; },
    back: "回到我的进度",
    bankMissing: "这道题的题目文件没有加载成功，请点上面的链接到原页面作答。"
  };

  function pageUrl(key) { return H.root + C.pages[key].url; }

  /* "明天（12月2日）", "12月9日（8 天后）" */
  function when(R, t) {
    var d = new Date(t), days = R.daysUntil(t);
    var date = (d.getFullYear() !== new Date(H.now()).getFullYear() ? d.getFullYear() + "年" : "") + (d.getMonth() + 1) + "月" + d.getDate() + "日";
    return days <= 0 ? "今天" : days === 1 ? "明天（" + date + "）" : date + "（" + days + " 天后）";
  }

  /* Storage full or blocked: said once, at the top of the page. */
  function notice(root) {
    if (H.store.ok || root.querySelector(".hb-notice")) return;
    A.shared.warnOnce(root);
    if (root.querySelector(".hb-notice")) return;
    var p = el("p", "hb-notice", A.strings.noStorage);    /* already said on an earlier page: say it here too */
    p.setAttribute("role", "note");
    root.insertBefore(p, root.firstChild);
  }

  function draw(root, R) {
    var hashes = R.sync(C);
    root.textContent = "";
    A.shared.setCurrent(root);
    notice(root);
    var status = root.appendChild(el("p", "hb-record__status"));
    status.setAttribute("role", "status");
    status.tabIndex = -1;

    var capBox = root.appendChild(el("p", "hb-review__cap"));
    var label = capBox.appendChild(el("label", "", T.cap));
    label.htmlFor = "hb-review-cap";
    var input = capBox.appendChild(el("input"));
    input.id = "hb-review-cap";
    input.type = "number";
    input.min = String(R.settings.capRange[0]);
    input.max = String(R.settings.capRange[1]);
    input.inputMode = "numeric";
    input.value = String(R.cap());
    capBox.appendChild(el("span", "", T.capUnit));
    input.addEventListener("change", function () {
      R.setCap(+input.value);
      draw(root, R);
      root.querySelector("#hb-review-cap").focus();
    });

    var due = R.due(hashes).filter(function (qid) { return C.questions[qid]; });
    var queue = due.slice(0, R.left());
    if (!queue.length) { nothingToday(root, R, status, due.length, hashes); return; }

    var slot = root.appendChild(el("div", "hb-review__slot"));
    var after = root.appendChild(el("div", "hb-review__after"));
    var nextLine = after.appendChild(el("p", "hb-review__next"));
    nextLine.setAttribute("role", "status");
    var go = after.appendChild(button(T.go, "md-button--primary hb-review__go", function () {
      if (at + 1 < queue.length) show(at + 1); else finish();
    }));
    var at = 0, right = 0, answered = 0;

    function show(i) {
      at = i;
      slot.textContent = "";
      nextLine.textContent = "";
      go.hidden = true;
      go.textContent = i + 1 < queue.length ? T.go : T.finish;
      status.textContent = T.progress(i + 1, queue.length);
      var qid = queue[i], info = C.questions[qid], meta = C.quizzes[info.quiz];
      H.quizMarkup(info.quiz, pageUrl(meta.page)).then(function (markup) {
        if (queue[at] !== qid || !slot.isConnected) return;
        var holder = document.createElement("template");
        holder.innerHTML = markup || "";
        var section = holder.content.querySelector("[data-quiz]");
        if (!section || !section.querySelector('[data-question="' + qid + '"]')) {
          var p = slot.appendChild(el("p", "hb-notice"));
          var a = p.appendChild(el("a", "", info.text));
          a.href = H.root + info.url;
          p.appendChild(document.createTextNode(" " + T.bankMissing));
          go.hidden = false;
          return;
        }
        all(section, "[data-question]").forEach(function (q) { if (q.dataset.question !== qid) q.remove(); });
        all(section, ".hb-quiz__meta,.hb-quiz__description").forEach(function (x) { x.remove(); });
        section.querySelector(".hb-quiz__title").textContent = T.from(meta.title);
        section.dataset.review = "1";
        section.dataset.base = pageUrl(meta.page);
        slot.appendChild(section);
        var review = {};
        review[qid] = null;
        A.review(section, review, function () {});
        A.shared.setCurrent(root);
        if (i > 0) {
          var first = section.querySelector("input,select,.hb-scene__choice");
          if (first) first.focus();
        }
      });
    }

    slot.addEventListener("handbook:answered", function (e) {
      var q = e.target;
      all(q, ".hb-removed,.hb-redo").forEach(function (x) { x.remove(); });    /* 错题本's own notes */
      answered++;
      if (q.dataset.done === "right") right++;
      R.reviewed();
      if (e.detail.card) nextLine.textContent = T.next(when(R, e.detail.card.due));
      go.hidden = false;
      notice(root);
      var box = q.querySelector(".hb-feedback");
      if (!q.contains(document.activeElement)) { box.tabIndex = -1; box.focus(); }
    });
    slot.addEventListener("handbook:rated", function (e) {
      if (e.detail.card) nextLine.textContent = T.next(when(R, e.detail.card.due));
    });

    function finish() {
      slot.remove();
      after.remove();
      status.textContent = T.done(answered, right);
      var rest = R.due(hashes).length;
      if (rest) root.appendChild(el("p", "", T.more(rest)));
      back(root);
      status.focus();
    }
    show(0);
  }

  function nothingToday(root, R, status, dueCount, hashes) {
    var cards = [];
    Object.keys(hashes).forEach(function (qid) {
      var k = R.card(qid);
      if (k && k.h === hashes[qid] && C.questions[qid]) cards.push(k);
    });
    if (dueCount) {
      status.textContent = T.capped(R.cap() - R.left());
      root.appendChild(el("p", "", T.more(dueCount)));
    } else {
      status.textContent = T.none;
      if (!cards.length) root.appendChild(el("p", "", T.empty));
      else {
        var first = Math.min.apply(null, cards.map(function (k) { return k.due; }));
        var day = R.daysUntil(first);
        var n = cards.filter(function (k) { return R.daysUntil(k.due) === day; }).length;
        root.appendChild(el("p", "", T.upcoming(when(R, first), n)));
      }
    }
    back(root);
  }

  function back(root) {
    if (!C.pages.progress) return;
    var p = root.appendChild(el("p"));
    p.appendChild(el("a", "md-button hb-review__back", T.back)).href = pageUrl("progress");
  }

  function init(doc) {
    Array.prototype.forEach.call(doc.querySelectorAll('[data-record="review"]'), function (root) {
      if (root.dataset.ready) return;
      root.dataset.ready = "1";
      A.scheduler(function (R) { draw(root, R); });
    });
  }

  window.HandbookReviewPage = { init: init };
})();
