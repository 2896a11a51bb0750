/* Service worker of the handbook, written into the built site as sw.js by
   macros/webapp (the two constants below are filled in at build time).

   - install: cache every file of this build; files whose content hash is
     unchanged are copied from the previous build's cache, not downloaded.
   - the new version waits until the reader accepts "手册已更新，点击刷新";
     until then the old version keeps serving its own complete set of files,
     so no page ever mixes old and new files.
   - activate: delete the caches of older builds. */
"use strict";
const VERSION = "__VERSION__";
const FILES = __FILES__;          /* path (relative to the scope) → [content hash, bytes] */
const PREFIX = "handbook-";
const CACHE = PREFIX + VERSION;
const MANIFEST_KEY = "__precache-manifest__";

function url(path) { return new URL(path, self.registration.scope).href; }

async function previousCache() {
  const names = (await caches.keys()).filter((n) => n.startsWith(PREFIX) && n !== CACHE);
  for (const name of names.reverse()) {
    const cache = await caches.open(name);
    const manifest = await cache.match(MANIFEST_KEY);
    if (manifest) return { cache, files: await manifest.json() };
  }
  return null;
}

async function fill(cache, previous) {
  for (const [path, [hash]] of Object.entries(FILES)) {
    if (await cache.match(url(path))) continue;
    let response = null;
    if (previous && previous.files[path] && previous.files[path][0] === hash) {
      response = await previous.cache.match(url(path));
    }
    if (!response) {
      response = await fetch(url(path), { cache: "no-cache" });
      if (!response.ok) throw new Error(path + ": " + response.status);
    }
    await cache.put(url(path), response);
  }
  await cache.put(MANIFEST_KEY, new Response(JSON.stringify(FILES)));
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
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
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
    if (response.ok) cache.put(url(path), response.clone());
    return response;
  })());
});
