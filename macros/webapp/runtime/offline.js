/* The 离线使用 page: shows whether this device holds the whole handbook
   (asks the service worker) and offers to cache everything now. */
(function () {
  "use strict";
  function ask(type) {
    return new Promise(function (resolve, reject) {
      var sw = navigator.serviceWorker && navigator.serviceWorker.controller;
      if (!sw) return reject(new Error("no worker"));
      var channel = new MessageChannel();
      channel.port1.onmessage = function (e) { resolve(e.data); };
      sw.postMessage({ type: type }, [channel.port2]);
    });
  }
  function mb(n) { return (n / 1048576).toFixed(1) + " MB"; }

  function init(doc) {
    var box = doc.querySelector("[data-offline-status]");
    if (!box || box.dataset.ready) return;
    box.dataset.ready = "1";
    var text = box.querySelector(".hb-offline__text"), button = box.querySelector("button");
    function show(s) {
      var whole = s.cached === s.files;
      text.textContent = (whole ? "✓ 本设备已保存全部内容，可以离线使用：" : "本设备已保存部分内容：") +
        s.cached + " / " + s.files + " 个文件，" + mb(s.bytes) + " / " + mb(s.total) + "。";
      box.dataset.state = whole ? "complete" : "partial";
      button.hidden = false;
      button.disabled = false;
    }
    function fail() {
      text.textContent = location.protocol === "file:"
        ? "当前是从电脑文件夹打开的离线版，不需要缓存，断网也能使用。"
        : "离线功能还没有在本设备启用（首次打开后稍等片刻再刷新本页；浏览器的无痕模式不支持离线使用）。";
      box.dataset.state = "none";
    }
    button.addEventListener("click", function () {
      button.disabled = true;
      text.textContent = "正在保存全部内容……";
      ask("CACHE_ALL").then(show, fail);
    });
    var tries = 0;
    (function poll() {                              /* the worker may still be starting */
      ask("STATUS").then(show, function () { if (++tries < 10) setTimeout(poll, 500); else fail(); });
    })();
  }
  window.HandbookOffline = { init: init };
})();
