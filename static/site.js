// localoffer: small enhancements on top of pages that work without JavaScript.

// Offline use. The service worker (sw.js, at the site's root) keeps the
// pages someone opens so they open again with no signal. It only works
// over http(s): opened from disk, or where a browser has no service
// workers, the site works as it always did and the save button stays
// hidden.
// dayWords says a date as the pages do: 7 December 2026.
const dayWords = (iso) => new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });

// fromRoot turns an address from the site's root into one from this page.
const fromRoot = (href) => (document.documentElement.dataset.root || "./") + href;

function offline() {
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  // Registered once the page has loaded, so that installing the worker
  // never competes with the page itself.
  const register = () => navigator.serviceWorker.register(fromRoot("sw.js"), { scope: fromRoot("") }).catch(() => {});
  if (document.readyState === "complete") register();
  else addEventListener("load", register, { once: true });
  const ask = (type) =>
    navigator.serviceWorker.ready.then(
      (reg) =>
        new Promise((resolve) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = (e) => resolve(e.data || {});
          reg.active.postMessage({ type, url: location.href }, [channel.port2]);
        }),
    );
  const box = document.querySelector("[data-save]");
  if (box) saveButton(box, ask);
  const saved = document.querySelector("[data-saved-pages]");
  if (saved && "caches" in self) savedPages(saved);
}

// saveButton lets someone keep a council's page on purpose, or let it go.
function saveButton(box, ask) {
  const button = box.querySelector("button");
  const status = box.querySelector("[role=status]");
  const show = (s) => {
    button.textContent = s.saved ? "Remove from this device" : "Save this page for offline";
    status.textContent = s.saved ? `Saved for offline on ${dayWords(s.date || Date.now())}.` : "";
    button.dataset.saved = s.saved ? "1" : "";
    box.hidden = false;
  };
  button.addEventListener("click", () => {
    status.textContent = "Saving…";
    ask(button.dataset.saved ? "forget" : "save").then(show);
  });
  ask("status").then(show);
}

// savedPages lists, on the offline page, the pages kept on this device.
async function savedPages(section) {
  const list = section.querySelector("ul");
  const seen = new Set();
  for (const name of ["saved", "visited"]) {
    const cache = await caches.open(name);
    for (const request of (await cache.keys()).reverse()) {
      if (seen.has(request.url)) continue;
      seen.add(request.url);
      const response = await cache.match(request);
      const title = new DOMParser().parseFromString(await response.text(), "text/html").title;
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = request.url;
      a.textContent = title.replace(/\s+–\s+[^–]*$/, "") || request.url; // without the site's name
      li.append(a);
      if (name === "saved") li.append(" (saved)");
      list.append(li);
    }
  }
  section.hidden = seen.size === 0;
}

// Councils' data for the two-council and side-by-side pages, one council
// at a time, as scripts (data/councils/<slug>.js) that call localofferData:
// a page loads only the councils someone chooses, and a script loads even
// from disk, where fetch does not.
const councilData = new Map();
const councilWaiting = new Map();
self.localofferData = (d) => {
  const resolve = councilWaiting.get(d.s);
  councilWaiting.delete(d.s);
  if (resolve) resolve(d);
};
function loadCouncil(slug) {
  if (!councilData.has(slug)) {
    councilData.set(
      slug,
      new Promise((resolve, reject) => {
        councilWaiting.set(slug, resolve);
        const script = document.createElement("script");
        script.src = fromRoot("data/councils/" + encodeURIComponent(slug) + ".js");
        script.onerror = () => {
          councilData.delete(slug);
          reject(new Error(`no data for ${slug}`));
        };
        document.head.append(script);
      }),
    );
  }
  return councilData.get(slug);
}

if (typeof document !== "undefined") offline();
