/* Record hand-off by QR code, device to device, no network
 * (assets/javascripts/handoff.js, loaded only when a button asks for it):
 *   我的进度  给培训师扫码: the rep's record (the JSON export's content) as
 *            one QR code or a short numbered sequence, and as a text code to
 *            copy into a message. The generator (docs/assets/vendor/qrcodegen/)
 *            is loaded on that press only.
 *   班级成绩  扫码导入 / 粘贴文字码: parts read by the camera (BarcodeDetector,
 *            or the vendored jsQR, docs/assets/vendor/jsqr/, loaded only then)
 *            or pasted, in any order; a complete record goes to the class
 *            view's own import (classview.js intake), the same checks and
 *            messages as a file.
 *
 * The code format (one part; version 1):
 *
 *     HBREC1:Z:2/3:1A2B3C4D:9F3E:<data>
 *
 *   HBREC1    this handbook's learner record, hand-off format 1
 *   Z | J     the record's UTF-8 JSON compressed (deflate-raw), or plain when
 *             the browser has no CompressionStream
 *   2/3       part 2 of 3 (at most 99)
 *   1A2B3C4D  CRC-32 of the whole data (every part's data joined): the id
 *             that keeps two records' parts apart, and the whole's checksum
 *   9F3E      the low 16 bits of the CRC-32 of this part's text before the
 *             field and its data: a damaged part is refused on arrival
 *   data      base45 (RFC 9285) of the bytes, cut into parts
 *
 * Every character is in the QR alphanumeric set (0-9 A-Z space $%*+-./:), so
 * codes use alphanumeric mode, 5.5 bits a character: base45 carries 2 bytes in
 * 3 characters, 29 % more data per code than base64url in byte mode (8 bits a
 * character, 6 bits of data) and the same decoded text on every scanner. A
 * code holds at most 970 characters (version 20, error correction M, 97
 * modules: big modules still scan from a metre away). The text code is the
 * whole record as one part with each space written "_" (message apps wrap and
 * trim at spaces); pasting accepts either form, one part or several.
 */
(function (R) {
  "use strict";
  var H = window.Handbook, X = R.shared, el = X.el, button = X.button;
  var PREFIX = "HBREC", VERSION = 1, HEAD = PREFIX + VERSION + ":";
  var MAX_CODE = 970, MAX_PARTS = 99, SHIFT = 4, QUIET = 4, VENDOR = H.base + "../vendor/";
  var PART = /^HBREC1:([ZJ]):(\d{1,2})\/(\d{1,2}):([0-9A-F]{8}):([0-9A-F]{4}):([0-9A-Z $%*+\-.\/:]+)$/;

  var T = {
    showTitle: "给培训师扫码",
    showHint: "请培训师在“班级成绩”页点“扫码导入”，用摄像头对准下面的二维码。",
    showMany: function (n) { return "记录较长，分成 " + n + " 张二维码，顺序不限，每张都要扫到。"; },
    part: function (i, n) { return "第 " + i + "/" + n + " 张"; },
    codeLabel: function (name, i, n) { return name + " 的学习记录二维码" + (n > 1 ? "，第 " + i + "/" + n + " 张" : ""); },
    prev: "上一张", next: "下一张", auto: "自动翻页", close: "关闭",
    textTitle: "文字码", textHint: "也可以复制下面的文字码，通过微信或邮件发给培训师，培训师粘贴到“班级成绩”页。",
    textLabel: "学习记录文字码", copy: "复制", copied: "已复制，可以粘贴到消息里发给培训师。",
    selected: "已选中全部文字，请按“复制”（Ctrl+C 或长按选择“拷贝”）。",
    noGenerator: "二维码程序没有加载成功。请刷新页面再试，或改用“导出学习记录”或下面的文字码。",
    tooBig: "学习记录太长，放不进二维码。请改用“导出学习记录”（文件）或下面的文字码。",
    scanTitle: "扫码导入学习记录",
    scanHint: "请学员在“我的进度”点“给培训师扫码”，把摄像头对准二维码；有几张就扫几张，顺序不限。",
    cameraOff: "摄像头只能在已安装的手册应用或发布的网站（https）中使用，现在这样直接打开的文件用不了摄像头。请改用“选择学习记录文件”，或把学员发来的文字码粘贴到下面。",
    cameraDenied: "没有得到使用摄像头的许可。请在浏览器的网站设置中允许本网站使用摄像头，或改用文件或文字码。",
    cameraMissing: "这台设备上没有找到可用的摄像头。请改用文件或文字码。",
    cameraFailed: "摄像头没有打开成功。请关闭其他正在使用摄像头的应用后再试，或改用文件或文字码。",
    noDecoder: "读码程序没有加载成功。请刷新页面再试，或改用文件或文字码。",
    cameraOn: "摄像头已打开，请对准二维码。", cameraStopped: "摄像头已关闭。",
    startCamera: "打开摄像头", stopCamera: "关闭摄像头", video: "摄像头画面",
    pasteLabel: "或者粘贴文字码（可以一次粘贴几段）", paste: "导入文字码",
    pasteEmpty: "请先粘贴学员发来的文字码。",
    foreign: "这不是本手册的学习记录码。请让学员在“我的进度”点“给培训师扫码”。",
    damaged: "这张码不完整或被改动过（校验不符），没有收下。请重新扫描这一张，或让学员重新复制文字码。",
    future: "这张码来自较新版本的手册，本页无法读取。请先更新手册（刷新或重新安装）再导入。",
    wholeBad: "各张码拼起来校验不符，记录可能被改动过。请重新扫描全部几张。",
    noInflate: "这台设备的浏览器不能解压这份记录。请让学员改用“导出学习记录”，把文件交给你。",
    duplicate: function (i, n) { return "第 " + i + "/" + n + " 张已经收到过。"; },
    missing: function (got, n, gaps) { return "已收到 " + got + "/" + n + "：缺第 " + gaps.join("、") + " 张"; },
    other: "（另一份记录，分开收集）",
    reading: function (n) { return "已收到全部 " + n + " 张，正在读取记录……"; },
    imported: function (name) { return "已导入 " + name + " 的记录。可以接着扫下一位学员。"; },
    label: "扫码导入"
  };

  /* ---------------------------------------------------------------- codec */
  var CRC = (function () {
    var t = new Uint32Array(256);
    for (var n = 0; n < 256; n++) {
      var c = n;
      for (var k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
      t[n] = c >>> 0;
    }
    return t;
  })();
  function crc32(text) {            /* of an ASCII string (our codes are) */
    var c = 0xFFFFFFFF;
    for (var i = 0; i < text.length; i++) c = CRC[(c ^ text.charCodeAt(i)) & 0xFF] ^ (c >>> 8);
    return (c ^ 0xFFFFFFFF) >>> 0;
  }
  function hex(n, digits) { return ("0000000" + n.toString(16).toUpperCase()).slice(-digits); }

  var B45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
  function base45(bytes) {
    var out = "";
    for (var i = 0; i + 1 < bytes.length; i += 2) {
      var v = bytes[i] * 256 + bytes[i + 1];
      out += B45[v % 45] + B45[Math.floor(v / 45) % 45] + B45[Math.floor(v / 2025)];
    }
    if (bytes.length % 2) { var w = bytes[bytes.length - 1]; out += B45[w % 45] + B45[Math.floor(w / 45)]; }
    return out;
  }
  function unbase45(text) {         /* bytes, or null when it is not base45 */
    if (text.length % 3 === 1) return null;
    var out = new Uint8Array(Math.floor(text.length / 3) * 2 + (text.length % 3 ? 1 : 0)), o = 0;
    for (var i = 0; i < text.length; i += 3) {
      var a = B45.indexOf(text[i]), b = B45.indexOf(text[i + 1]), c = i + 2 < text.length ? B45.indexOf(text[i + 2]) : -2;
      if (a < 0 || b < 0 || c === -1) return null;
      if (c === -2) { var w = a + b * 45; if (w > 255) return null; out[o++] = w; }
      else { var v = a + b * 45 + c * 2025; if (v > 65535) return null; out[o++] = v >> 8; out[o++] = v & 255; }
    }
    return out;
  }

  function streams(kind) {          /* does this browser (de)compress deflate-raw? */
    try { return typeof window[kind] === "function" && !!new window[kind]("deflate-raw"); } catch (e) { return false; }
  }
  function pipe(bytes, stream) {
    return new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer().then(function (b) { return new Uint8Array(b); });
  }

  /* The record's JSON text → {id, data, parts, text}. */
  function encode(json) {
    var raw = new TextEncoder().encode(json), z = streams("CompressionStream");
    return (z ? pipe(raw, new CompressionStream("deflate-raw")) : Promise.resolve(raw)).then(function (bytes) {
      var data = base45(bytes), enc = z ? "Z" : "J", id = hex(crc32(data), 8);
      function part(i, n, chunk) {
        var head = HEAD + enc + ":" + i + "/" + n + ":" + id + ":";
        return head + hex(crc32(head + chunk) & 0xFFFF, 4) + ":" + chunk;
      }
      /* Parts of even size, each cut where neither side of the cut is a
         space (base45 has one): scanners and message apps trim spaces at the
         ends of a text, and a trimmed part would fail its checksum. The
         whole data never ends in one (base45's last character is at most 32). */
      var room = MAX_CODE - part(MAX_PARTS, MAX_PARTS, "").length - SHIFT;
      var n = Math.max(1, Math.ceil(data.length / room)), size = Math.ceil(data.length / n), parts = [], start = 0;
      for (var i = 0; i < n; i++) {
        var end = i === n - 1 ? data.length : (i + 1) * size;
        for (var k = 0; k < SHIFT && end < data.length && end - 1 > start && (data[end - 1] === " " || data[end] === " "); k++) end--;
        parts.push(part(i + 1, n, data.slice(start, end)));
        start = end;
      }
      return { id: id, data: data, parts: n <= MAX_PARTS ? parts : null, text: part(1, 1, data).replace(/ /g, "_") };
    });
  }

  /* One scanned or pasted text → {part} or {error}. */
  function parse(text) {
    var t = String(text).replace(/^\s+|\s+$/g, "").replace(/[\r\n\t]/g, "");
    if (t.indexOf("_") >= 0 && t.indexOf(" ") < 0) t = t.replace(/_/g, " ");
    if (t.slice(0, PREFIX.length) !== PREFIX) return { error: T.foreign };
    var v = /^HBREC(\d+):/.exec(t);
    if (v && Number(v[1]) > VERSION) return { error: T.future };
    var m = PART.exec(t);
    if (!m) return { error: /^HBREC\d+:/.test(t) ? T.damaged : T.foreign };
    var i = Number(m[2]), n = Number(m[3]), head = HEAD + m[1] + ":" + m[2] + "/" + m[3] + ":" + m[4] + ":";
    if (i < 1 || i > n || String(i) !== m[2] || String(n) !== m[3]) return { error: T.damaged };
    if (hex(crc32(head + m[6]) & 0xFFFF, 4) !== m[5]) return { error: T.damaged };
    return { part: { enc: m[1], i: i, n: n, id: m[4], data: m[6] } };
  }

  /* The whole record's JSON text from its parts in order → Promise of {json} or {error}. */
  function assemble(set) {
    var data = set.chunks.join("");
    if (hex(crc32(data), 8) !== set.id) return Promise.resolve({ error: T.wholeBad });
    var bytes = unbase45(data);
    if (!bytes) return Promise.resolve({ error: T.wholeBad });
    if (set.enc === "Z" && !streams("DecompressionStream")) return Promise.resolve({ error: T.noInflate });
    return (set.enc === "Z" ? pipe(bytes, new DecompressionStream("deflate-raw")) : Promise.resolve(bytes)).then(function (b) {
      return { json: new TextDecoder("utf-8", { fatal: true }).decode(b) };
    }).catch(function () { return { error: T.wholeBad }; });
  }

  /* Parts arriving in any order, grouped by record id (two records' parts
     never mix); duplicates ignored. accept(text) → {message, bad, done} where
     done is a Promise of the assembled result once a record is complete. */
  function collector() {
    var sets = Object.create(null), last = null;
    function missing(set) {
      var gaps = [];
      for (var i = 1; i <= set.n; i++) if (set.chunks[i - 1] === undefined) gaps.push(i);
      return gaps;
    }
    function accept(text) {
      var r = parse(text);
      if (r.error) return { message: r.error, bad: true };
      var p = r.part, key = p.id + "/" + p.n + p.enc, set = sets[key];
      if (!set) set = sets[key] = { id: p.id, n: p.n, enc: p.enc, chunks: new Array(p.n), got: 0 };
      var other = last !== null && last !== key && sets[last] ? T.other : "";
      last = key;
      if (set.chunks[p.i - 1] !== undefined) return { message: T.duplicate(p.i, p.n) + progress(set), duplicate: true };
      set.chunks[p.i - 1] = p.data;
      set.got++;
      if (set.got < set.n) return { message: T.missing(set.got, set.n, missing(set)) + other };
      delete sets[key];
      last = null;
      /* said at once: putting the parts together is not (it unpacks and checks the record) */
      return { message: T.reading(set.n), done: assemble(set) };
    }
    function progress(set) { return set.got < set.n ? T.missing(set.got, set.n, missing(set)) : ""; }
    return { accept: accept };
  }

  /* ---------------------------------------------------------------- shared UI */
  var scripts = Object.create(null);   /* src → Promise, once per page */
  function script(src) {
    if (!scripts[src]) scripts[src] = new Promise(function (resolve, reject) {
      var tag = el("script");
      tag.addEventListener("load", function () { resolve(); });
      tag.addEventListener("error", function () { tag.remove(); delete scripts[src]; reject(new Error(src)); });
      tag.src = src;
      document.head.appendChild(tag);
    });
    return scripts[src];
  }

  /* A modal dialog inside the record view (so page checks see it), closed by
     its button or Esc; on close, onClose runs and focus returns to opener. */
  function dialog(root, id, title) {
    var d = root.appendChild(el("dialog", "hb-handoff"));
    d.id = id;
    d.setAttribute("aria-labelledby", id + "-title");
    d.appendChild(el("h2", "hb-handoff__title", title)).id = id + "-title";
    var body = d.appendChild(el("div", "hb-handoff__body"));
    var foot = d.appendChild(el("div", "hb-handoff__foot"));
    foot.appendChild(button(T.close, "hb-handoff__close", function () { d.close(); }));
    return { box: d, body: body };
  }
  function openDialog(d, opener, focus, onClose) {
    d.box.onclosed = function () { onClose(); if (opener && opener.isConnected) opener.focus(); };
    if (!d.box.hbHooked) {
      d.box.hbHooked = true;
      d.box.addEventListener("close", function () { if (d.box.onclosed) d.box.onclosed(); });
    }
    if (!d.box.open) d.box.showModal();
    if (focus) focus.focus();
  }

  /* ---------------------------------------------------------------- 我的进度: show */
  var NS = "http://www.w3.org/2000/svg";
  function drawCode(text, label, px) {
    var g = window.qrcodegen, segs = [g.QrSegment.makeAlphanumeric(text)];
    var qr = g.QrCode.encodeSegments(segs, g.QrCode.Ecc.MEDIUM, 1, 20, -1, false);
    var size = qr.size, all = size + 2 * QUIET, d = "";
    for (var y = 0; y < size; y++) {
      for (var x = 0; x < size; x++) {
        if (!qr.getModule(x, y)) continue;
        var run = 1;
        while (x + run < size && qr.getModule(x + run, y)) run++;
        d += "M" + (x + QUIET) + " " + (y + QUIET) + "h" + run + "v1h-" + run + "z";
        x += run - 1;
      }
    }
    var svg = document.createElementNS(NS, "svg");
    svg.setAttribute("viewBox", "0 0 " + all + " " + all);
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", label);
    svg.setAttribute("shape-rendering", "crispEdges");
    svg.setAttribute("class", "hb-handoff__svg");
    var side = Math.max(3, Math.floor(px / all)) * all;        /* whole pixels per module */
    svg.setAttribute("width", side);
    svg.setAttribute("height", side);
    var bg = svg.appendChild(document.createElementNS(NS, "rect"));
    bg.setAttribute("width", all);
    bg.setAttribute("height", all);
    bg.setAttribute("fill", "#fff");
    var path = svg.appendChild(document.createElementNS(NS, "path"));
    path.setAttribute("d", d);
    path.setAttribute("fill", "#000");
    return svg;
  }

  /* What the trainer gets: the export, except that of the review cards only
     the questions answered wrong after a right answer travel (班级成绩 reads
     no other card: retention comes per stage); the schedule of every other
     card stays on the rep's device: a rep who did every quiz needs about
     10 codes instead of 20. */
  function forTrainer(record) {
    var copy = JSON.parse(JSON.stringify(record));
    if (copy.review && Array.isArray(copy.review.cards)) {
      copy.review.cards = copy.review.cards.filter(function (c) { return c.forgotten > 0; });
    }
    return copy;
  }

  var shown = null;                 /* the 给培训师扫码 dialog: {d, timer} */
  function show(opener, record) {
    var root = opener.closest("[data-record]");
    if (!shown || !shown.d.box.isConnected) shown = { d: dialog(root, "hb-handoff-show", T.showTitle), timer: null };
    var d = shown.d, body = d.body;
    body.textContent = "";
    function stop() { if (shown.timer) { clearInterval(shown.timer); shown.timer = null; } }
    var json = JSON.stringify(forTrainer(record)), name = record.learner.name;
    var hint = body.appendChild(el("p", "hb-handoff__hint", T.showHint));
    var figure = body.appendChild(el("div", "hb-handoff__code"));
    var where = body.appendChild(el("p", "hb-handoff__part"));
    where.setAttribute("aria-live", "polite");
    var nav = body.appendChild(el("div", "hb-handoff__nav"));
    body.appendChild(el("h3", "", T.textTitle));
    body.appendChild(el("p", "", T.textHint));
    var area = body.appendChild(el("textarea", "hb-handoff__text"));
    area.id = "hb-handoff-code";
    area.readOnly = true;
    area.rows = 4;
    area.setAttribute("aria-label", T.textLabel);
    area.spellcheck = false;
    var copied = el("p", "hb-handoff__status");
    copied.setAttribute("role", "status");
    var copy = body.appendChild(button(T.copy, "hb-handoff__copy", function () {
      function fallback() { area.focus(); area.select(); copied.textContent = T.selected; }
      if (navigator.clipboard && navigator.clipboard.writeText && window.isSecureContext) {
        navigator.clipboard.writeText(area.value).then(function () { copied.textContent = T.copied; }, fallback);
      } else fallback();
    }));
    body.appendChild(copied);
    openDialog(d, opener, null, stop);

    var px = Math.min(figure.clientWidth || 480, 560);
    Promise.all([encode(json), script(VENDOR + "qrcodegen/qrcodegen.min.js").then(function () { return true; }, function () { return false; })])
      .then(function (got) {
        var code = got[0], ok = got[1];
        area.value = code.text;
        if (!ok || !code.parts) {
          figure.remove();
          hint.textContent = ok ? T.tooBig : T.noGenerator;
          hint.className = "hb-notice";
          copy.focus();
          return;
        }
        var n = code.parts.length, at = 0;
        if (n > 1) hint.textContent = T.showHint + T.showMany(n);
        figure.dataset.parts = String(n);
        function draw(i, announce) {
          at = (i + n) % n;
          figure.textContent = "";
          try { figure.appendChild(drawCode(code.parts[at], T.codeLabel(name, at + 1, n), px)); }
          catch (e) { stop(); hint.textContent = T.tooBig; hint.className = "hb-notice"; return; }
          figure.dataset.part = String(at + 1);
          figure.dataset.code = code.parts[at];
          where.setAttribute("aria-live", announce ? "polite" : "off");
          where.textContent = n > 1 ? T.part(at + 1, n) : "";
        }
        draw(0, false);
        if (n === 1) { copy.focus(); return; }
        var prev = nav.appendChild(button(T.prev, "hb-handoff__prev", function () { stop(); auto.setAttribute("aria-pressed", "false"); draw(at - 1, true); }));
        var next = nav.appendChild(button(T.next, "hb-handoff__next", function () { stop(); auto.setAttribute("aria-pressed", "false"); draw(at + 1, true); }));
        var auto = nav.appendChild(button(T.auto, "hb-handoff__auto", function () {
          var on = auto.getAttribute("aria-pressed") !== "true";
          auto.setAttribute("aria-pressed", String(on));
          stop();
          if (on) shown.timer = setInterval(function () { draw(at + 1, false); }, 2000);
        }));
        auto.setAttribute("aria-pressed", "false");
        figure.id = "hb-handoff-show-code";
        [prev, next, auto].forEach(function (b) { b.setAttribute("aria-controls", figure.id); });
        next.focus();
      });
  }

  /* ---------------------------------------------------------------- 班级成绩: scan */
  function cameraPossible() {
    return location.protocol !== "file:" && window.isSecureContext === true &&
      !!(navigator.mediaDevices && navigator.mediaDevices.getUserMedia);
  }

  /* A detector with detect(video) → Promise of [{rawValue}]: the browser's
     own, or jsQR on a frame drawn into a canvas. */
  function detector() {
    function ours() {
      return script(VENDOR + "jsqr/jsQR.min.js").then(function () {
        var canvas = document.createElement("canvas"), ctx = canvas.getContext("2d", { willReadFrequently: true });
        return { detect: function (video) {
          var w = video.videoWidth, h = video.videoHeight;
          if (!w || !h) return Promise.resolve([]);
          canvas.width = w;
          canvas.height = h;
          ctx.drawImage(video, 0, 0, w, h);
          var found = window.jsQR(ctx.getImageData(0, 0, w, h).data, w, h, { inversionAttempts: "dontInvert" });
          return Promise.resolve(found ? [{ rawValue: found.data }] : []);
        } };
      });
    }
    if (typeof window.BarcodeDetector !== "function") return ours();
    var formats = window.BarcodeDetector.getSupportedFormats ? window.BarcodeDetector.getSupportedFormats() : Promise.resolve(["qr_code"]);
    return Promise.resolve(formats).then(function (list) {
      return list.indexOf("qr_code") >= 0 ? new window.BarcodeDetector({ formats: ["qr_code"] }) : ours();
    }, ours);
  }

  var scanning = null;              /* the 扫码导入 dialog's state */
  /* opener: the button; intake(label, json) → the class view's import result
     ({data} or {error}); camera: start the camera at once. */
  function scan(opener, intake, camera) {
    var root = opener.closest("[data-record]");
    if (scanning && scanning.d.box.isConnected) { scanning.intake = intake; scanning.open(opener, camera); return scanning; }
    var d = dialog(root, "hb-handoff-scan", T.scanTitle), body = d.body, parts = collector();
    var state = { d: d, intake: intake, stream: null, timer: null, accept: null, open: null };
    body.appendChild(el("p", "hb-handoff__hint", T.scanHint));
    var view = body.appendChild(el("div", "hb-handoff__camera"));
    var video = view.appendChild(el("video", "hb-handoff__video"));
    video.muted = true;
    video.playsInline = true;
    video.setAttribute("playsinline", "");
    video.setAttribute("aria-label", T.video);
    video.hidden = true;
    var off = view.appendChild(el("p", "hb-notice hb-handoff__off", T.cameraOff));
    off.hidden = cameraPossible();
    var toggle = view.appendChild(button(T.startCamera, "hb-handoff__start", function () {
      if (state.stream) stopCamera(T.cameraStopped); else startCamera();
    }));
    toggle.hidden = !cameraPossible();
    var status = body.appendChild(el("p", "hb-handoff__status"));
    status.setAttribute("role", "status");
    var label = body.appendChild(el("label", "hb-handoff__label", T.pasteLabel));
    label.htmlFor = "hb-handoff-paste";
    var area = body.appendChild(el("textarea", "hb-handoff__text"));
    area.id = "hb-handoff-paste";
    area.rows = 4;
    area.spellcheck = false;
    status.id = "hb-handoff-status";
    /* Pasted text: one part or several, with or without words around them. */
    var go = body.appendChild(button(T.paste, "hb-handoff__paste", function () {
      var texts = area.value.split(/(?=HBREC\d)/).filter(function (s) { return s.trim(); });
      /* each code up to the first character no code holds (words after it) */
      var codes = texts.map(function (s) { var m = /^\s*(HBREC[0-9A-Z $%*+\-.\/:_\s]*)/.exec(s); return m && m[1]; }).filter(Boolean);
      if (!texts.length) { say(T.pasteEmpty, true); area.focus(); return; }
      var results = (codes.length ? codes : texts).map(accept), bad = [];
      results.forEach(function (r) { if (r.bad && bad.indexOf(r.message) < 0) bad.push(r.message); });
      var lastGood = results.filter(function (r) { return !r.bad && r.message; }).pop();
      if (bad.length) say(bad.concat(lastGood ? [lastGood.message] : []).join(" "), true);
      area.value = "";
    }));
    go.setAttribute("aria-describedby", "hb-handoff-status");

    function say(text, bad) {
      status.textContent = text;
      status.classList.toggle("hb-bad-text", !!bad);
    }
    /* One text from the camera or the paste area. */
    function accept(text) {
      var r = parts.accept(text);
      if (r.message) say(r.message, r.bad);
      if (r.done) {
        r.done.then(function (whole) {
          if (whole.error) { say(whole.error, true); return; }
          var got = state.intake(T.label, whole.json);
          if (got.error) say(got.error, true);
          else { say(T.imported(got.data.learner.name)); stopCamera(""); }
        });
      }
      return r;
    }
    function stopCamera(message) {
      if (state.timer) { clearTimeout(state.timer); state.timer = null; }
      if (state.stream) state.stream.getTracks().forEach(function (t) { t.stop(); });
      state.stream = null;
      video.srcObject = null;
      video.hidden = true;
      toggle.textContent = T.startCamera;
      if (message) say(message);
    }
    function startCamera() {
      if (!cameraPossible() || state.stream) return;
      navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false }).then(function (stream) {
        if (!d.box.open) { stream.getTracks().forEach(function (t) { t.stop(); }); return; }
        state.stream = stream;
        video.srcObject = stream;
        video.hidden = false;
        toggle.textContent = T.stopCamera;
        say(T.cameraOn);
        var play = video.play();
        if (play && play.catch) play.catch(function () {});
        return detector().then(function (det) {
          function tick() {
            if (state.stream !== stream) return;
            var ready = video.readyState >= 2 ? det.detect(video) : Promise.resolve([]);
            ready.then(function (codes) {
              (codes || []).forEach(function (c) { if (state.stream === stream) accept(c.rawValue); });
            }, function () {}).then(function () { if (state.stream === stream) state.timer = setTimeout(tick, 200); });
          }
          tick();
        }, function () { stopCamera(""); say(T.noDecoder, true); });
      }, function (err) {
        var name = err && err.name;
        say(name === "NotAllowedError" || name === "SecurityError" ? T.cameraDenied
            : name === "NotFoundError" || name === "OverconstrainedError" ? T.cameraMissing : T.cameraFailed, true);
      });
    }
    function hidden() { if (document.visibilityState === "hidden" && state.stream) stopCamera(T.cameraStopped); }
    document.addEventListener("visibilitychange", hidden);
    window.addEventListener("pagehide", function () { stopCamera(""); });

    state.accept = accept;
    state.stop = stopCamera;
    state.open = function (who, withCamera) {
      say("");
      openDialog(d, who, withCamera && cameraPossible() ? toggle : area, function () { stopCamera(""); });
      if (withCamera) { if (cameraPossible()) startCamera(); else area.focus(); }
    };
    scanning = state;
    state.open(opener, camera);
    return state;
  }

  window.HandbookHandoff = {
    show: show, scan: scan, encode: encode, parse: parse, collector: collector, strings: T,
    /* The open 扫码导入 dialog's entry for one scanned text (tests feed decoded codes here too). */
    accept: function (text) { return scanning ? scanning.accept(text) : null; }
  };
})(window.HandbookRecord);
