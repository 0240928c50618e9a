// localoffer: the service worker, for reading the site with no signal.
//
// The build writes this file to the site's root as sw.js, after a first
// line that sets VERSION (a digest of the site's CSS and JS) and CORE (the
// home page, search, the offline page and every style sheet and script,
// relative to the site's root).
//
// It respects data: installing it fetches only CORE, never other councils'
// pages. A page someone visits is kept, so it opens again with no signal;
// "Save for offline" keeps a page until it is removed. Pages always come
// from the network first, so after a new build a returning visitor gets the
// new pages; the kept copy is only for when the network fails, and then it
// says when it was saved.

/* global VERSION, CORE */
const CORE_CACHE = "core-" + VERSION;
const VISITED = "visited"; // pages someone opened, the last KEEP_VISITED of them
const SAVED = "saved"; // pages saved on purpose
const KEEP_VISITED = 40;
const SAVED_AT = "x-localoffer-saved"; // the header a kept page carries its date in

const root = new URL("./", self.location).href;
const at = (path) => new URL(path, root).href;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CORE_CACHE)
      .then((cache) => cache.addAll(CORE.map(at)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("core-") && k !== CORE_CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// stamped copies a response with the date it was kept.
async function stamped(response) {
  const headers = new Headers(response.headers);
  headers.set(SAVED_AT, new Date().toISOString());
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
}

// keep stores a visited page, and lets the oldest go beyond KEEP_VISITED; a
// page saved on purpose is brought up to date too.
async function keep(url, response) {
  const key = pageKey(url);
  const kept = await stamped(response);
  const visited = await caches.open(VISITED);
  await visited.put(key, kept.clone());
  const keys = await visited.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - KEEP_VISITED))) await visited.delete(old);
  const saved = await caches.open(SAVED);
  if (await saved.match(key)) await saved.put(key, kept);
}

// pageKey is a page's address without its query or fragment, ending in
// index.html as the files are, so a folder and its index.html are one page.
function pageKey(url) {
  const u = new URL(url);
  u.search = "";
  u.hash = "";
  if (u.pathname.endsWith("/")) u.pathname += "index.html";
  return u.href;
}

// withNote adds a note at the top of a kept page saying when it was saved.
async function withNote(response) {
  const when = new Date(response.headers.get(SAVED_AT) || Date.now());
  const words = when.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" }); // 7 December 2026, as the pages say dates
  const note =
    `<p class="saved-note" role="note"><strong>You are offline.</strong> ` +
    `This page was saved on ${words}; what it says may have changed since.</p>`;
  const html = (await response.text()).replace(/(<main\b[^>]*>)/, `$1${note}`);
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return new Response(html, { status: 200, headers });
}

// rebased serves a kept page at another address: its links, relative to
// where it was made ("../" from offline/), become links from the site's
// root, so its style sheet, script and links work wherever it is shown.
async function rebased(response, up) {
  const html = (await response.text()).replaceAll(`="${up}`, `="${root}`);
  return new Response(html, { status: 200, headers: response.headers });
}

async function page(request) {
  try {
    const response = await fetch(request);
    if (response.ok && (response.headers.get("content-type") || "").startsWith("text/html")) {
      keep(request.url, response.clone()); // no need to wait for it
    }
    return response;
  } catch (offline) {
    const key = pageKey(request.url);
    const kept = (await caches.match(key, { cacheName: SAVED })) || (await caches.match(key, { cacheName: VISITED }));
    if (kept) return withNote(kept);
    const core = await caches.match(key, { cacheName: CORE_CACHE });
    if (core) return core;
    const offlinePage = await caches.match(at("offline/index.html"), { cacheName: CORE_CACHE });
    return offlinePage ? rebased(offlinePage, "../") : Response.error();
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(root)) return;
  if (request.mode === "navigate") {
    event.respondWith(page(request));
    return;
  }
  // Style sheets and scripts have their content's digest in their names:
  // a kept copy is never out of date.
  event.respondWith(caches.match(request.url, { cacheName: CORE_CACHE }).then((hit) => hit || fetch(request)));
});

// A page asks to be saved or let go, or what is saved.
self.addEventListener("message", (event) => {
  const { type, url } = event.data || {};
  const reply = (data) => event.ports[0] && event.ports[0].postMessage(data);
  if (type === "save") {
    event.waitUntil(
      fetch(url)
        .then((r) => (r.ok ? stamped(r) : Promise.reject(new Error(r.statusText))))
        .then((r) => caches.open(SAVED).then((c) => c.put(pageKey(url), r)))
        .then(() => reply({ saved: true, date: new Date().toISOString() }))
        .catch(() => reply({ saved: false })),
    );
  } else if (type === "forget") {
    event.waitUntil(caches.open(SAVED).then((c) => c.delete(pageKey(url))).then(() => reply({ saved: false })));
  } else if (type === "status") {
    event.waitUntil(
      caches.match(pageKey(url), { cacheName: SAVED }).then((r) => reply({ saved: !!r, date: r ? r.headers.get(SAVED_AT) : "" })),
    );
  }
});
