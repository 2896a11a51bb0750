/* Service worker of the handbook, written into the built site as sw.js by
   macros/webapp (the two constants below are filled in at build time).

   - install: cache every file of this build. Each file's bytes are checked
     against the SHA-256 in FILES before they enter the cache, whether they
     were downloaded or copied from the previous build's cache (files whose
     content hash is unchanged are copied, not downloaded; a copy that does
     not match is downloaded again). A download that does not match (a file
     truncated or replaced by a partial deploy, served 200) fails the
     install: the old version stays in charge, whole, and the next update
     check tries again.
   - the new version waits until the reader accepts "手册已更新，点击刷新";
     until then the old version keeps serving its own complete set of files,
     so no page ever mixes old and new files.
   - activate: delete the caches of older builds of this handbook only.

   Several handbooks can share one origin (GitHub Pages project sites:
   <owner>.github.io/handbook-a/ and /handbook-b/). Cache names carry the
   site's path (the worker's scope), "handbook:/handbook-a/:<version>", so
   one handbook never deletes or reuses another's caches. (The learner's
   local store is scoped the same way by webapp/runtime/handbook.js.)
   Caches named before that, "handbook-<version>", are taken as this
   handbook's only when they hold its own manifest entry (its URL is under
   this scope); the others are left to their own handbook's worker. */
"use strict";
const VERSION = "__VERSION__";
const FILES = __FILES__;          /* path (relative to the scope) → [content hash, bytes] */
const SCOPE_PATH = new URL(self.registration.scope).pathname.replace(/:/g, "%3A");
const PREFIX = "handbook:" + SCOPE_PATH + ":";
const CACHE = PREFIX + VERSION;
const LEGACY = /^handbook-[0-9a-f]+$/;          /* unscoped names of earlier workers */
const MANIFEST_KEY = "__precache-manifest__";

function url(path) { return new URL(path, self.registration.scope).href; }

/* Caches of this handbook other than the current one, oldest first, each
   with its manifest (or null when it has none: an install that failed). */
async function ownCaches() {
  const out = [];
  for (const name of await caches.keys()) {
    if (name === CACHE || !(name.startsWith(PREFIX) || LEGACY.test(name))) continue;
    const cache = await caches.open(name);
    const manifest = await cache.match(url(MANIFEST_KEY));
    if (!manifest && !name.startsWith(PREFIX)) continue;       /* another handbook's old cache */
    let files = null;
    try { files = manifest ? await manifest.json() : null; } catch (e) { files = null; }
    out.push({ name, cache, files });
  }
  return out;
}

async function previousCache() {
  const found = (await ownCaches()).filter((c) => c.files && typeof c.files === "object");
  return found.length ? found[found.length - 1] : null;
}

/* The first hash.length hex digits of the SHA-256 of body. */
async function digest(body, length) {
  const bytes = new Uint8Array(await crypto.subtle.digest("SHA-256", body));
  let hex = "";
  for (const b of bytes) hex += b.toString(16).padStart(2, "0");
  return hex.slice(0, length);
}

/* A fresh copy of response whose bytes match hash, or null. */
async function verified(response, hash) {
  const body = await response.arrayBuffer();
  if (typeof hash !== "string" || !hash || await digest(body, hash.length) !== hash) return null;
  return new Response(body, { status: 200, statusText: "OK", headers: response.headers });
}

async function fill(cache, previous) {
  for (const [path, [hash]] of Object.entries(FILES)) {
    if (await cache.match(url(path))) continue;   /* put here by fill() or fetch: checked */
    let response = null;
    if (previous && previous.files[path] && previous.files[path][0] === hash) {
      const old = await previous.cache.match(url(path));
      if (old) response = await verified(old, hash);   /* a damaged copy is downloaded again */
    }
    /* Downloaded: revalidated first ("no-cache": a 304 reuses the browser's
       copy); when that does not match, once more past every cache ("reload":
       the browser may hold the bytes of an earlier, broken deploy). */
    for (const mode of ["no-cache", "reload"]) {
      if (response) break;
      const fetched = await fetch(url(path), { cache: mode });
      if (!fetched.ok) throw new Error(path + ": " + fetched.status);
      response = await verified(fetched, hash);
    }
    if (!response) throw new Error(path + ": content does not match this build (partial deploy?)");
    await cache.put(url(path), response);
  }
  await cache.put(url(MANIFEST_KEY), new Response(JSON.stringify(FILES)));
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const previous = await previousCache();
    await fill(await caches.open(CACHE), previous);
    if (!previous) await self.skipWaiting();       /* first install: nothing to mix with */
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const old of await ownCaches()) await caches.delete(old.name);
    await self.clients.claim();
  })());
});

async function status() {
  const cache = await caches.open(CACHE);
  let cached = 0, bytes = 0, total = 0;
  for (const [path, [, size]] of Object.entries(FILES)) {
    total += size;
    if (await cache.match(url(path))) { cached += 1; bytes += size; }
  }
  return { version: VERSION, files: Object.keys(FILES).length, cached, bytes, total };
}

self.addEventListener("message", (event) => {
  const reply = (data) => event.ports[0] && event.ports[0].postMessage(data);
  const type = event.data && event.data.type;
  if (type === "SKIP_WAITING") self.skipWaiting();
  else if (type === "STATUS") event.waitUntil(status().then(reply));
  else if (type === "CACHE_ALL") {
    event.waitUntil(caches.open(CACHE).then((c) => fill(c, null)).then(status, status).then(reply));
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const scope = self.registration.scope;
  if (!request.url.startsWith(scope)) return;
  let path = request.url.slice(scope.length).split(/[?#]/)[0];
  if (path === "" || path.endsWith("/")) path += "index.html";
  if (!(path in FILES)) return;                    /* not part of the handbook: network */
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(url(path));
    if (hit) return hit;
    const response = await fetch(request);         /* not cached yet (install running) */
    if (response.ok) {                             /* kept only if it is this build's file */
      const kept = verified(response.clone(), FILES[path][0])
        .then((good) => good && cache.put(url(path), good)).catch(() => {});
      try { event.waitUntil(kept); } catch (e) { /* the event is over: kept finishes on its own */ }
    }
    return response;
  })());
});
