// localoffer: finding a council as you type, on the search page, the A to Z
// and the two-council page, which also uses norm. The pages work without it.

// norm makes names comparable: lower case, "&" as "and", "St" as "Saint",
// punctuation as spaces.
function norm(s) {
  return s
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/\bst\b\.?/g, "saint")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

// near reports whether a and b differ by at most one letter added, removed,
// changed or two letters swapped.
function near(a, b) {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const ra = a.slice(i + 1), rb = b.slice(i + 1);
  return (
    a.slice(i) === b.slice(i) ||
    ra === rb || // one changed
    a.slice(i) === b.slice(i + 1) || // one added to b
    a.slice(i + 1) === b.slice(i) || // one removed from b
    (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)) // swapped
  );
}

// score ranks how well a query matches one name: 0 exact, 1 prefix, 2 a
// word's prefix, 3 within, 4 one typo away; Infinity for no match.
function score(q, key) {
  if (key === q) return 0;
  if (key.startsWith(q)) return 1;
  const words = key.split(" ");
  if (words.some((w) => w.startsWith(q))) return 2;
  if (q.length >= 3 && key.includes(q)) return 3;
  if (q.length >= 4) {
    if (near(q, key) || near(q, key.slice(0, q.length))) return 4;
    if (words.some((w) => near(q, w) || near(q, w.slice(0, q.length)))) return 4;
  }
  return Infinity;
}

// rank returns the entries matching q, best first. An entry found through
// its county's name ranks just after those found by their own.
function rank(entries, query) {
  const q = norm(query);
  if (!q) return [];
  const out = [];
  for (const e of entries) {
    let best = Math.min(...e.names.map((k) => score(q, k)));
    // A county's town is also a district's, and the district's page shows
    // both councils, so a county found by a town ranks after the district.
    if (e.places.length) best = Math.min(best, (e.isCounty ? 1.5 : 0) + Math.min(...e.places.map((k) => score(q, k))));
    if (e.county.length) best = Math.min(best, 0.5 + Math.min(...e.county.map((k) => score(q, k))));
    if (best < Infinity) out.push({ e, best });
  }
  out.sort((a, b) => a.best - b.best || a.e.name.localeCompare(b.e.name));
  return out.map((r) => r.e);
}

// MAX_RESULTS is how many results the search shows at once: enough to pick
// from, few enough to draw within a frame as you type.
const MAX_RESULTS = 30;

const postcodePattern = /^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$/i;

// Search: the page lists every council; typing filters and ranks them with
// no request per keystroke. A full postcode can be looked up, if the user asks.
function search(form) {
  const input = form.querySelector("input[name=q]");
  const status = form.querySelector("#search-status");
  const results = form.querySelector("#results");
  const all = document.getElementById("all-councils");
  const panel = form.querySelector("#postcode");
  const lookup = form.querySelector("#postcode-lookup");
  const said = form.querySelector("#postcode-result");
  const entries = [...all.querySelectorAll("li[data-gss]")].map((li) => {
    const a = li.querySelector("a");
    const places = li.querySelector(".places");
    const names = [a.textContent, ...(li.dataset.k ? li.dataset.k.split("|") : [])].map(norm);
    return {
      name: a.textContent,
      href: a.getAttribute("href"),
      gss: li.dataset.gss,
      countyGSS: li.dataset.county,
      about: li.querySelector(".count").textContent,
      names,
      places: places ? places.textContent.split(", ").map(norm) : [],
      isCounty: li.dataset.tier === "county",
      county: [],
    };
  });
  // A district is also found by its county's names (not the county's places,
  // which are the districts' own).
  const byGSS = new Map(entries.map((e) => [e.gss, e]));
  for (const e of entries) {
    const county = byGSS.get(e.countyGSS);
    if (county) e.county = county.names;
  }
  let shown = [];

  function show() {
    const query = input.value.trim();
    const pc = postcodePattern.exec(query.replace(/\s+/g, " "));
    const wasHidden = panel.hidden;
    panel.hidden = !pc;
    if (pc) {
      lookup.textContent = `Look up ${pc[1].toUpperCase()} ${pc[2].toUpperCase()}`;
      said.textContent = "";
      if (wasHidden) status.textContent = "That looks like a postcode: press the Look up button to find its council.";
    }
    shown = pc ? [] : rank(entries, query);
    results.replaceChildren(
      ...shown.slice(0, MAX_RESULTS).map((e) => {
        const li = document.createElement("li");
        const a = document.createElement("a");
        a.href = e.href;
        a.textContent = e.name;
        const span = document.createElement("span");
        span.className = "count";
        span.textContent = " " + e.about;
        li.append(a, span);
        return li;
      }),
    );
    const searching = query !== "" && !pc;
    results.hidden = !searching;
    all.hidden = searching;
    if (pc) return;
    status.textContent = searching
      ? shown.length === 0
        ? "No council found. Check the spelling, or try your town or postcode."
        : `${shown.length} council${shown.length === 1 ? "" : "s"} found${shown.length === 1 ? ": press Enter to open it" : ""}${shown.length > MAX_RESULTS ? `; the best ${MAX_RESULTS} are shown, type more to narrow them` : ""}`
      : "";
  }

  async function lookUp() {
    const pc = postcodePattern.exec(input.value.trim().replace(/\s+/g, " "));
    if (!pc) return;
    const code = (pc[1] + pc[2]).toUpperCase();
    said.textContent = "Looking up the postcode…";
    try {
      const res = await fetch(`${form.dataset.postcodeApi}/postcodes/${encodeURIComponent(code)}`);
      if (res.status === 404) throw new Error("That postcode was not found. Check it, or search for your town.");
      if (!res.ok) throw new Error("The postcode service did not answer.");
      const body = await res.json();
      const gss = body && body.result && body.result.codes && body.result.codes.admin_district;
      const hit = entries.find((e) => e.gss === gss);
      if (!hit) throw new Error("That postcode is not in an English council area we list.");
      said.textContent = `${code} is in ${hit.name}. Opening its page…`;
      location.href = hit.href;
    } catch (err) {
      const msg = err instanceof TypeError ? "The postcode service could not be reached." : err.message;
      said.textContent = `${msg} The list of councils below still works: search for your town instead.`;
      all.hidden = false;
    }
  }

  input.addEventListener("input", show);
  lookup.addEventListener("click", lookUp);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    if (postcodePattern.test(input.value.trim().replace(/\s+/g, " "))) {
      lookup.focus(); // the postcode is only sent when the button is pressed
      return;
    }
    if (shown.length === 1) location.href = shown[0].href;
    else if (shown.length > 1) results.querySelector("a").focus();
  });
  const q = new URLSearchParams(location.search).get("q");
  if (q) {
    input.value = q;
    show();
  }
}

// Filter a list of councils as you type (the A to Z). The list is complete
// without JavaScript; the filter box is shown only when this script runs.
function filterList(box) {
  const input = box.querySelector("input");
  const status = box.querySelector("[role=status]");
  const items = [...document.querySelectorAll(box.dataset.items)];
  const groups = [...document.querySelectorAll(box.dataset.groups || "[data-none]")];
  const texts = items.map((li) => norm(li.textContent));
  function apply() {
    const q = norm(input.value);
    let shown = 0;
    items.forEach((li, i) => {
      const hit = !q || texts[i].includes(q);
      li.hidden = !hit;
      if (hit) shown++;
    });
    for (const g of groups) {
      const list = document.getElementById(g.dataset.list);
      const any = list && [...list.children].some((li) => !li.hidden);
      g.hidden = list.hidden = !any;
    }
    status.textContent = q ? `${shown} council${shown === 1 ? "" : "s"} found` : "";
  }
  input.addEventListener("input", apply);
  box.hidden = false;
  if (input.value) apply();
}

if (typeof document !== "undefined") {
  document.querySelectorAll("[data-filter]").forEach(filterList);
  document.querySelectorAll("form[data-search]").forEach(search);
}
