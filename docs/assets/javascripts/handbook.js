/* Loaded on every page (about a kilobyte). It
   - loads the assessment runtime only on pages that have a quiz, checklist,
     form or tool, and re-runs it after Material's instant navigation;
   - over http(s), registers the offline service worker (sw.js) and offers
     "手册已更新，点击刷新" when a new build is ready. */
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script && script.src ? script.src.replace(/[^/]*$/, "") : "";
  var root = base.replace(/assets\/javascripts\/$/, "");
  var loading = {};

  function load(name, ready) {
    if (loading[name]) return;
    loading[name] = true;
    var tag = document.createElement("script");
    tag.src = base + name;
    tag.onload = ready;
    document.head.appendChild(tag);
  }

  function run() {
    if (document.querySelector("[data-quiz],[data-checklist],[data-form],[data-tool]")) {
      if (window.HandbookAssessments) window.HandbookAssessments.init(document);
      else load("assessments.js", function () { window.HandbookAssessments.init(document); });
    }
    if (document.querySelector("[data-offline-status]")) {
      if (window.HandbookOffline) window.HandbookOffline.init(document);
      else load("offline.js", function () { window.HandbookOffline.init(document); });
    }
  }

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
