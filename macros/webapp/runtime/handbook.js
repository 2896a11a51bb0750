/* Loaded on every page (about 5 kilobytes gzipped, comments included). It
   - keeps the learner's local record store (window.Handbook.store): every
     key is "handbook:v1:<site path>:<name>" in localStorage (see "the local
     store" below), nothing leaves the device;
   - notes which page the rep is reading (for 继续学习), when a page was read
     to its end, and which quizzes a page holds;
   - marks modules whose quizzes are all passed in the navigation;
   - loads the assessment runtime only on pages that have a quiz, checklist,
     form or tool, the field kit (fieldkit.js) only on pages with a card,
     template, calculator or one-pager, and the learner-record views (我的进度, 错题本, 班级成绩)
     only on their pages; re-runs after Material's instant navigation;
   - makes Material's search follow the input event (not only keyup) and
     its instant navigation work in copies built without site_url or
     served at another address;
   - over http(s), registers the offline service worker (sw.js) and offers
     "手册已更新，点击刷新" when a new build is ready.

   Keys of the store (values are JSON objects; see also assessments.js):
     page:<page key>  {v: last visit, r: read to the end, a: last heading, q: [quiz ids]}
     last             {k: page key, u: URL from the site root, title, a: heading, t}
     learner          {name}
     quiz:<id>, review, checklist:<id>, form:<id>   (assessments.js)
     schedule         spaced-review cards (schedule.js, macros/review/)
     template:<id>                                   (fieldkit.js)
   A value that is not a JSON object (corrupted, or written by something
   else) reads as missing and is left in place untouched. */
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script && script.src ? script.src.replace(/[^/]*$/, "") : "";
  var root = base.replace(/assets\/javascripts\/$/, "");
  var loading = {};

  /* ---- what the build shares with the browser (macros/record/format.py
     contract(), emitted in front of this file at build) */
  var CONTRACT = window.HandbookContract;

  /* The one rule for "passed", used by the quiz, the nav marks and the
     record pages: a best score at or above the quiz's pass mark. */
  function passed(best, pass) { return typeof best === "number" && typeof pass === "number" && best >= pass; }
  function quizPassed(id) {
    var r = store.get("quiz:" + id);
    return !!r && passed(r.best, CONTRACT.passMarks[id]);
  }

  /* ---- the local store
     Keys are CONTRACT.prefix (the format part, "handbook:v1:", from
     macros/record/format.py) + the site's path + ":" + a name, e.g.
     "handbook:v1:/handbook-a/:quiz:objections". The site's path is the path
     of the site root URL (where this file's assets/ folder is), so two
     handbooks on one origin (GitHub Pages project sites share
     <owner>.github.io) keep separate progress and 清除 clears only its own.
     A ":" in the path is written %3A, so no site's prefix starts another's.
     A copy opened from a folder (file://) uses "/": every such copy on a
     device shares one store, as before, so unzipping a new version into
     another folder keeps the rep's progress. This is the one place the rule
     lives; the service worker names its caches after the same path. */
  function sitePath(rootUrl) {
    if (!/^https?:/.test(rootUrl)) return "/";
    try { return new URL(rootUrl).pathname.replace(/:/g, "%3A"); } catch (e) { return "/"; }
  }
  var FAMILY = CONTRACT.prefix.replace(/v\d+:$/, "");      /* "handbook:" */
  var SITE = sitePath(root);
  var PREFIX = CONTRACT.prefix + SITE + ":";
  /* Keys of this site in any format version: "handbook:v<n>:<site path>:". */
  function ours(k) {
    var m = k && k.indexOf(FAMILY) === 0 ? /^v\d+:/.exec(k.slice(FAMILY.length)) : null;
    return !!m && k.slice(FAMILY.length + m[0].length).indexOf(SITE + ":") === 0;
  }

  /* Keys written before the site's path was part of them ("handbook:v1:<name>",
     the name never starting with "/") move once to this site's prefix: each is
     copied (unless this site already has that name) and then removed; one that
     cannot be copied (storage full) stays for the next page. With two
     handbooks on one origin at upgrade time they had shared these keys: the
     first handbook opened after the upgrade takes the whole shared record
     (both handbooks' progress, as both showed it before), the other starts
     empty; a handbook on the origin still running an older version no longer
     sees that record, exactly as if the other had pressed 清除 before. */
  function migrate() {
    var old = [];
    for (var i = 0; i < localStorage.length; i++) {
      var k = localStorage.key(i);
      if (k && k.indexOf(CONTRACT.prefix) === 0 && k.charAt(CONTRACT.prefix.length) !== "/") old.push(k);
    }
    old.forEach(function (k) {
      var name = k.slice(CONTRACT.prefix.length), value = localStorage.getItem(k);
      try {
        if (name !== "probe" && localStorage.getItem(PREFIX + name) === null) localStorage.setItem(PREFIX + name, value);
        localStorage.removeItem(k);
      } catch (e) { /* full: try again on the next page */ }
    });
  }

  var store = {
    ok: (function () {
      try { localStorage.setItem(PREFIX + "probe", "1"); localStorage.removeItem(PREFIX + "probe"); }
      catch (e) { return false; }
      try { migrate(); } catch (e) { /* blocked half-way: the rest moves on the next page */ }
      return true;
    })(),
    get: function (key) {
      if (!store.ok) return null;
      try {
        var value = JSON.parse(localStorage.getItem(PREFIX + key));
        return value && typeof value === "object" && !Array.isArray(value) ? value : null;
      } catch (e) { return null; }
    },
    /* false when the value could not be saved (storage full or blocked);
       "quiet" writes (reading position) fail without marking the store broken,
       so the rep is told only when something they did could not be saved. */
    set: function (key, value, quiet) {
      if (!store.ok) return false;
      try { localStorage.setItem(PREFIX + key, JSON.stringify(value)); return true; }
      catch (e) { if (!quiet) store.ok = false; return false; }
    },
    keys: function (prefix) {
      var out = [];
      if (!store.ok) return out;
      try {
        for (var i = 0; i < localStorage.length; i++) {
          var k = localStorage.key(i);
          if (k && k.indexOf(PREFIX + (prefix || "")) === 0) out.push(k.slice(PREFIX.length));
        }
      } catch (e) { /* blocked */ }
      return out;
    },
    /* Everything this handbook keeps on the device, any format version
       (never another handbook's keys on the same origin). */
    clear: function () {
      try {
        /* Keys first, then removal: removing while walking the indexes
           skips keys when the browser reorders them. */
        var mine = [];
        for (var i = 0; i < localStorage.length; i++) {
          var k = localStorage.key(i);
          if (ours(k)) mine.push(k);
        }
        mine.forEach(function (k) { localStorage.removeItem(k); });
        untrack();          /* the open page is not recorded again until the reader moves on */
        return true;
      } catch (e) { return false; }
    }
  };

  /* A page's key from its URL: the path from the site root without ".html"
     or a trailing "index" (the build uses the same rule: macros/record/catalog.py). */
  function pageKey(url) {
    var path = String(url).split("#")[0].split("?")[0];
    if (path.indexOf(root) !== 0) return null;
    path = decodeURI(path.slice(root.length));
    if (path === "" || /\/$/.test(path)) path += "index";
    return path.replace(/\.html$/, "").replace(/(^|\/)index$/, "");
  }

  /* ---- reading position and progress of the current page */
  var observer = null, scrollTimer = 0, current = null;

  function heading() {
    var found = "";
    Array.prototype.forEach.call(document.querySelectorAll("article h2[id], article h3[id]"), function (h) {
      if (h.getBoundingClientRect().top < 96) found = h.id;
    });
    return found;
  }
  function untrack() {
    if (observer) { observer.disconnect(); observer = null; }
    if (scrollTimer) { clearTimeout(scrollTimer); scrollTimer = 0; }
    current = null;
  }
  function savePosition() {
    scrollTimer = 0;
    if (!current) return;
    var page = store.get("page:" + current.key) || {};
    page.a = heading();
    store.set("page:" + current.key, page, true);
    var last = store.get("last");
    if (last && last.k === current.key) { last.a = page.a; store.set("last", last, true); }
  }
  function onScroll() { if (!scrollTimer) scrollTimer = setTimeout(savePosition, 600); }

  function track() {
    if (observer) { observer.disconnect(); observer = null; }
    var key = pageKey(location.href), article = document.querySelector("article.md-content__inner");
    current = null;
    if (key === null || !article || !store.ok) return;
    var own = document.querySelector("[data-record]");   /* the home and record pages are not "where I left off" */
    var page = store.get("page:" + key) || {};
    page.v = window.Handbook.now();
    page.q = Array.prototype.map.call(document.querySelectorAll("[data-quiz]"), function (q) { return q.dataset.quiz; });
    store.set("page:" + key, page, true);
    current = { key: key };
    if (!own && key !== "" && key !== "404") {
      var h1 = article.querySelector("h1");
      store.set("last", { k: key, u: decodeURI(location.href.split("#")[0].slice(root.length)),
                          title: h1 ? h1.textContent.replace(/¶$/, "").trim() : document.title, a: page.a || "", t: window.Handbook.now() }, true);
    }
    var end = article.lastElementChild;
    if (!page.r && end && "IntersectionObserver" in window) {
      observer = new IntersectionObserver(function (entries) {
        if (!entries.some(function (e) { return e.isIntersecting; })) return;
        var p = store.get("page:" + key) || {};
        if (!p.r) { p.r = window.Handbook.now(); store.set("page:" + key, p, true); }
        observer.disconnect();
      });
      observer.observe(end);
    }
  }
  window.addEventListener("scroll", onScroll, { passive: true });

  /* ---- modules passed: every quiz on the page passed */
  function passedPages() {
    var passed = {};
    store.keys("page:").forEach(function (k) {
      var p = store.get(k), q = p && Array.isArray(p.q) ? p.q : [];
      if (q.length && q.every(quizPassed)) {
        passed[k.slice(5)] = true;
      }
    });
    return passed;
  }
  function markNav() {
    var passed = passedPages();
    var here = pageKey(location.href);
    /* Links to pages (not the table of contents), and on phones and tablets the
       current page's entry, which Material draws as a label opening its contents. */
    Array.prototype.forEach.call(document.querySelectorAll("a.md-nav__link[href], label.md-nav__link--active[for=__toc]"), function (a) {
      var mark = a.querySelector(".hb-navmark"), key = a.tagName === "LABEL" ? here : a.hash ? null : pageKey(a.href);
      if (key !== null && passed[key]) {
        if (mark) return;
        mark = document.createElement("span");
        mark.className = "hb-navmark";
        mark.innerHTML = '<span aria-hidden="true">✓</span><span class="hb-sr">（测验已通过）</span>';
        a.appendChild(mark);
      } else if (mark) mark.remove();
    });
  }

  /* ---- "继续学习" on the home page */
  function continueLink() {
    var box = document.querySelector("[data-continue]"), last = store.get("last");
    if (!box || !last || typeof last.u !== "string" || typeof last.title !== "string") return;
    var a = document.createElement("a");
    a.className = "md-button md-button--primary";
    a.href = root + last.u + (last.a ? "#" + last.a : "");
    a.textContent = "继续学习《" + last.title + "》";
    box.textContent = "";
    box.appendChild(a);
    box.hidden = false;
  }

  /* A script, or a stylesheet (name ending .css, from assets/stylesheets/),
     added once; ready() runs when it has loaded. A view waits for its
     stylesheet too: drawn before its styles arrive (a slow connection), it
     would be drawn twice and the text under it would jump. A stylesheet that
     fails to load still calls ready(), so the view is drawn, if plainer; a
     script that fails does not (the page's no-JavaScript notice stays). */
  var STYLESHEET_MARKS = { "record.css": "data-hb-record" };   /* each stylesheet load() adds: link[mark] */
  function load(name, ready) {
    var css = /\.css$/.test(name), mark = STYLESHEET_MARKS[name];
    /* Material's instant navigation drops from <head> what the next page does
       not have: a stylesheet loaded for an earlier page is added again. */
    if (css && loading[name] === true && !document.querySelector("link[" + mark + "]")) delete loading[name];
    if (loading[name]) { if (loading[name] === true) ready(); else loading[name].push(ready); return; }
    loading[name] = [ready];
    var tag;
    if (css) {
      tag = document.createElement("link");
      tag.rel = "stylesheet";
      tag.href = base.replace(/javascripts\/$/, "stylesheets/") + name;
      tag.setAttribute(mark, "");
    } else {
      tag = document.createElement("script");
      tag.src = base + name;
      tag.async = false;          /* fetched at once, run in the order asked for (see loadAll) */
    }
    tag.onload = function () { var queue = loading[name]; loading[name] = true; queue.forEach(function (f) { f(); }); };
    if (css) tag.onerror = tag.onload;
    document.head.appendChild(tag);
  }

  /* Several files fetched side by side (not one after another: on a slow
     connection each wait is a round trip), scripts run in the given order,
     then ready() once all have loaded. */
  function loadAll(names, ready) {
    var left = names.length;
    names.forEach(function (name) { load(name, function () { if (--left === 0) ready(); }); });
  }

  /* A quiz's rendered HTML, for 错题本 and 今日复习 to retry its questions.
     Over http(s) it is read from the quiz's own page (pageUrl), which the
     service worker already holds offline, so the handbook keeps one copy of
     every quiz. From file://, where a page cannot read another, and when the
     page cannot be read, from the quiz's script assets/quizzes/<id>.js (not
     precached). Resolves to null when neither works. */
  var markups = {};
  function quizMarkup(id, pageUrl) {
    if (!markups[id]) markups[id] = readMarkup(id, pageUrl);
    return markups[id];
  }
  function readMarkup(id, pageUrl) {
    function fromScript(resolve) {
      var bank = window.HandbookBank || {};
      if (bank[id]) return resolve(bank[id]);
      var tag = document.createElement("script");
      tag.src = root + "assets/quizzes/" + encodeURIComponent(id) + ".js";
      tag.onload = function () { resolve((window.HandbookBank || {})[id] || null); };
      tag.onerror = function () { resolve(null); };
      document.head.appendChild(tag);
    }
    return new Promise(function (resolve) {
      if (!/^https?:$/.test(location.protocol) || !window.fetch || !window.DOMParser) return fromScript(resolve);
      fetch(pageUrl).then(function (r) { if (!r.ok) throw new Error(r.status); return r.text(); }).then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var found = Array.prototype.filter.call(doc.querySelectorAll("section[data-quiz]"),
                                                function (s) { return s.getAttribute("data-quiz") === id; })[0];
        if (found) resolve(found.outerHTML); else fromScript(resolve);
      }).catch(function () { fromScript(resolve); });
    });
  }

  /* Wide tables scroll sideways on narrow screens: make them reachable by keyboard. */
  function scrollables() {
    /* all widths read first, then the attributes written: one layout, not one per table */
    var wraps = Array.prototype.slice.call(document.querySelectorAll(".md-typeset__scrollwrap"));
    var wide = wraps.map(function (w) { return w.scrollWidth > w.clientWidth + 1; });
    wraps.forEach(function (w, i) { if (wide[i]) w.tabIndex = 0; else w.removeAttribute("tabindex"); });
  }

  function run() {
    track();
    scrollables();
    markNav();
    continueLink();
    if (document.querySelector("[data-quiz],[data-checklist],[data-form],[data-tool]")) {
      load("assessments.js", function () { window.HandbookAssessments.init(document); });
    }
    var record = document.querySelector("[data-record]");
    if (record && record.dataset.record !== "review") {
      loadAll(["record.css", "assessments.js", "catalog.js", "record.js"], function () {
        window.HandbookRecord.init(document);
      });
    }
    reviewRun();
    if (document.querySelector("[data-card],[data-template],[data-calculator],[data-onepager]")) {
      load("fieldkit.js", function () { window.HandbookFieldKit.init(document); });
    }
    if (document.querySelector("[data-offline-status]")) {
      load("offline.js", function () { window.HandbookOffline.init(document); });
    }
  }

  /* ---- spaced review (macros/review/runtime/): the one clock it reads (tests
     move it), its page, which loads its own lighter code instead of
     record.js, and "今天有 N 题待复习" where a page asks for it. */
  function now() { return Date.now(); }
  function reviewRun() {
    if (document.querySelector('[data-record="review"]')) {
      loadAll(["record.css", "assessments.js", "catalog.js", "review.js"], function () { window.HandbookReviewPage.init(document); });
    } else if (document.querySelector("[data-review-due]") && !document.querySelector("[data-record]") &&
               (store.get(CONTRACT.reviewKey) || loading["schedule.js"])) {     /* something answered */
      load("schedule.js", function () { window.HandbookReview.dueLine(document); });
    }
  }

  /* Search follows the text in the box, not the keys: Material reads the
     query on keyup only, so text put in without key events (dictation, paste
     from the context menu) would never be searched. Each input event is
     passed on as a keyup on the box itself (not bubbling: Material's
     window-level keyup listener is about keyboard use, not the query). */
  document.addEventListener("input", function (e) {
    var box = e.target;
    if (box && box.matches && box.matches("[data-md-component=search-query]")) {
      box.dispatchEvent(new KeyboardEvent("keyup", { key: "Unidentified" }));
    }
  });

  /* ---- instant navigation wherever the copy is served
     Material follows a link instantly only when sitemap.xml lists it under
     site_url (it allows another protocol and host name, not another port or
     path). A build without site_url (./handbook build, the offline zip) has
     an empty sitemap, and a copy served at another address matches none of
     it: every click would load the whole page again. For such copies a click
     on a link to another page of the handbook goes to Material's own instant
     navigation (window.location$), as its own click handler would do. */
  var instant = (function () {
    try { return JSON.parse(document.getElementById("__config").textContent).features.indexOf("navigation.instant") !== -1; }
    catch (e) { return false; }
  })();
  function sitemapFits() {
    var canon = document.querySelector("link[rel=canonical]");
    if (!canon) return false;
    var here = location.href.split("#")[0].split("?")[0].slice(root.length);
    var site = new URL(canon.href);
    site.protocol = location.protocol;
    site.hostname = location.hostname;
    return site.href === root + (here === "" || /\/$/.test(here) ? here + "index.html" : here);
  }
  document.addEventListener("click", function (ev) {
    if (!instant || ev.defaultPrevented || ev.button || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    var a = ev.target instanceof Element ? ev.target.closest("a[href]") : null;
    if (!a || a.target || a.hasAttribute("download") || !window.location$ || !/^https?:$/.test(location.protocol)) return;
    var url = new URL(a.href), path = url.href.split("#")[0].split("?")[0];
    if (url.origin !== location.origin || path.indexOf(root) !== 0 || url.pathname === location.pathname) return;
    var rel = path.slice(root.length);
    if (!/(^|\/|\.html)$/.test(rel) || /^(assets|search)\//.test(rel) || sitemapFits()) return;
    ev.preventDefault();
    history.replaceState({ x: window.scrollX, y: window.scrollY }, "");
    history.pushState(null, "", url.href);
    window.location$.next(url);
  });

  window.Handbook = { store: store, pageKey: pageKey, root: root, base: base, load: load, markNav: markNav, quizMarkup: quizMarkup,
                     contract: CONTRACT, passed: passed, prefix: PREFIX, now: now };

  /* First page: DOMContentLoaded (from file:// Material's document$ does not
     emit). Later pages of instant navigation: document$. run() is idempotent. */
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
  else run();
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(run);

  /* ---- offline service worker (http and https only; file:// needs none) */
  var sw = navigator.serviceWorker;
  if (!sw || !/^https?:$/.test(location.protocol)) return;

  function offerUpdate(worker) {
    if (document.querySelector(".hb-update")) return;
    var bar = document.createElement("div");
    bar.className = "hb-update";
    bar.setAttribute("role", "status");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button md-button--primary";
    button.textContent = "手册已更新，点击刷新";
    button.addEventListener("click", function () { worker.postMessage({ type: "SKIP_WAITING" }); });
    bar.appendChild(button);
    document.body.appendChild(bar);
  }

  var hadController = !!sw.controller;
  sw.addEventListener("controllerchange", function () {
    if (hadController) location.reload();           /* every open page moves to the new build */
    hadController = true;
  });
  function register() {
    sw.register(root + "sw.js", { updateViaCache: "none" }).then(function (reg) {
      if (reg.waiting && sw.controller) offerUpdate(reg.waiting);
      reg.addEventListener("updatefound", function () {
        var worker = reg.installing;
        worker.addEventListener("statechange", function () {
          if (worker.state === "installed" && sw.controller) offerUpdate(worker);
        });
      });
    }).catch(function () { /* private mode or blocked: the site works online */ });
  }
  /* Download the whole handbook only once the page itself has loaded and settled. */
  window.addEventListener("load", function () { setTimeout(register, 1500); });
})();
