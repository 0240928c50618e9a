// localoffer: the comparison tables and the side-by-side page. Loaded only
// by those pages, so a council page's script stays small. The tables and
// the page are complete without it.

// Comparison tables: sort by any column, filter by region, type and known
// answers, and tick councils to compare. The table is complete without this.
function table(tools) {
  const tbl = document.getElementById(tools.dataset.tableTools);
  const body = tbl.tBodies[0];
  const rows = [...body.rows];
  const heads = [...tbl.tHead.rows[0].cells];
  const status = tools.querySelector("#f-status");
  const region = tools.querySelector("#f-region");
  const tier = tools.querySelector("#f-tier");
  const knownOnly = tools.querySelector("#f-known");
  const answer = tools.querySelector("#f-answer");
  const compare = tools.querySelector("#f-compare");
  const base = compare.getAttribute("href");
  const chosen = [];

  heads.forEach((th, col) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "sort";
    button.textContent = th.textContent;
    th.replaceChildren(button);
    button.addEventListener("click", () => sortBy(col, th));
  });

  function value(row, col) {
    const cell = row.cells[col];
    return col === 0 ? cell.textContent : Number(cell.dataset.sort ?? -1);
  }

  function sortBy(col, th) {
    const now = th.getAttribute("aria-sort");
    // Names sort A to Z first, figures highest first; a second press reverses.
    const next = now === "ascending" ? "descending" : now === "descending" ? "ascending" : col === 0 ? "ascending" : "descending";
    heads.forEach((h) => h.removeAttribute("aria-sort"));
    th.setAttribute("aria-sort", next);
    const dir = next === "descending" ? -1 : 1;
    const sorted = [...rows].sort((a, b) => {
      const va = value(a, col), vb = value(b, col);
      const byValue = col === 0 ? dir * va.localeCompare(vb) : dir * (va - vb);
      return byValue || value(a, 0).localeCompare(value(b, 0));
    });
    body.replaceChildren(...sorted);
    const order = col === 0 ? (next === "descending" ? "Z to A" : "A to Z") : next === "descending" ? "highest first" : "lowest first";
    status.textContent = `Sorted by ${th.textContent}, ${order}`;
  }

  function filter() {
    let shown = 0;
    for (const row of rows) {
      const hide =
        (region && region.value && row.dataset.region !== region.value) ||
        (tier.value && row.dataset.tier !== tier.value) ||
        (knownOnly.checked && row.dataset.known === "0") ||
        // "2:cond": the third question's answer is yes for some, or case by case.
        (answer && answer.value && row.cells[+answer.value.split(":")[0] + 1].dataset.a !== answer.value.split(":")[1]);
      row.hidden = hide;
      if (!hide) shown++;
    }
    status.textContent = `${shown} of ${rows.length} councils shown`;
  }

  for (const row of rows) {
    const box = document.createElement("input");
    box.type = "checkbox";
    box.className = "choose";
    box.setAttribute("aria-label", `Compare ${row.cells[0].textContent}`);
    box.addEventListener("change", () => {
      const slug = row.dataset.slug;
      const i = chosen.indexOf(slug);
      if (box.checked && i < 0) chosen.push(slug);
      if (!box.checked && i >= 0) chosen.splice(i, 1);
      if (chosen.length > 4) {
        const first = chosen.shift();
        const dropped = body.querySelector(`tr[data-slug="${first}"]`);
        dropped.querySelector("input.choose").checked = false;
        status.textContent = `Up to four councils can be compared: ${dropped.cells[0].textContent.trim()} was unticked.`;
      }
      compare.href = chosen.length ? `${base}?c=${chosen.join(",")}` : base;
      compare.textContent = `Compare chosen councils (${chosen.length})`;
    });
    row.cells[0].prepend(box, " ");
  }
  [region, tier, knownOnly, answer].forEach((el) => el && el.addEventListener("change", filter));
  tools.hidden = false;
}

// Compare chosen councils side by side, from the choice in the address
// (?c=leicester,hertsmere). On a phone the answers stack.
function compareCouncils(form) {
  const data = JSON.parse(document.getElementById("compare-data").textContent);
  const known = new Set([...form.querySelector("select").options].map((o) => o.value).filter(Boolean));
  const out = document.getElementById("comparison");
  const status = form.querySelector("#compare-status");
  const selects = [...form.querySelectorAll("select")];

  function chosenFromAddress() {
    const params = new URLSearchParams(location.search);
    const slugs = params.getAll("c").flatMap((v) => v.split(",")).map((s) => s.trim()).filter((s) => known.has(s));
    return [...new Set(slugs)].slice(0, 4);
  }

  function el(tag, props = {}, ...kids) {
    const e = Object.assign(document.createElement(tag), props);
    e.append(...kids);
    return e;
  }

  async function render(slugs) {
    selects.forEach((sel, i) => (sel.value = slugs[i] || ""));
    if (slugs.length < 2) {
      out.replaceChildren();
      status.textContent = slugs.length ? "Choose at least one more council." : "";
      return;
    }
    let cs;
    try {
      cs = await Promise.all(slugs.map(loadCouncil));
    } catch (e) {
      status.textContent = "The councils' answers could not be loaded. Open their pages from the tables instead.";
      return;
    }
    const head = el("div", { className: `cmp-head cmp-${cs.length}` }, ...cs.map((c) => el("p", {}, el("a", { href: fromRoot(c.h), textContent: c.n }), el("span", { className: "count", textContent: " " + c.a }))));
    const parts = [el("h2", { id: "cmp", textContent: cs.map((c) => c.n).join(", ") }), head];
    let section = "";
    for (const q of data.q) {
      if (!cs.some((c) => c.c && c.c[q.k])) continue;
      if (q.s !== section) {
        section = q.s;
        parts.push(el("h3", { textContent: section }));
      }
      const dl = el("dl", { className: `cmp cmp-${cs.length}` });
      for (const c of cs) {
        const v = c.c && c.c[q.k];
        const dd = v
          ? el("dd", {}, el("span", { className: `v ${v[0]}` }, el("span", { ariaHidden: "true", textContent: v[1] }), " " + v[2]), (v[3] ? " " + v[3] : "") + (v[4] ? ` (${v[4]})` : ""))
          : el("dd", { className: "nk", textContent: "Not known" });
        dl.append(el("div", {}, el("dt", { textContent: c.n }), dd));
      }
      parts.push(el("h4", { textContent: q.l }), dl);
    }
    out.replaceChildren(...parts);
    status.textContent = `Comparing ${cs.length} councils.`;
    document.title = `${cs.map((c) => c.n).join(", ")} – compared`;
  }

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const slugs = [...new Set(selects.map((s) => s.value).filter(Boolean))];
    const url = new URL(location.href);
    url.search = slugs.length ? `?c=${slugs.join(",")}` : "";
    history.replaceState(null, "", url);
    render(slugs);
  });
  render(chosenFromAddress());
}

// The national table: the page links each region's table, and "Show all
// councils in one table" fetches them and puts every row in one table, to
// sort and filter together. Nothing is fetched until someone asks.
function national(box) {
  const button = box.querySelector("button");
  const status = box.querySelector("[role=status]");
  const tools = document.querySelector("[data-table-tools][data-lazy]");
  const tbl = document.getElementById(tools.dataset.tableTools);
  const name = (tr) => tr.cells[0].textContent.trim().replace(/^The /, "");
  button.addEventListener("click", async () => {
    button.disabled = true;
    status.textContent = "Loading every region's table…";
    try {
      const links = [...document.querySelectorAll("a[data-region-table]")].map((a) => a.href);
      const rows = [];
      for (const html of await Promise.all(links.map((u) => fetch(u).then((r) => (r.ok ? r.text() : Promise.reject(new Error(r.statusText))))))) {
        const doc = new DOMParser().parseFromString(html, "text/html");
        rows.push(...doc.querySelectorAll("#table tbody tr"));
      }
      const body = tbl.tBodies[0];
      rows.sort((a, b) => name(a).localeCompare(name(b)));
      body.replaceChildren(
        ...rows.map((tr) => {
          const row = document.importNode(tr, true);
          // The region tables are one folder deeper: their links to council
          // pages start with one "../" more.
          for (const a of row.querySelectorAll("a[href^='../']")) a.setAttribute("href", a.getAttribute("href").slice(3));
          return row;
        }),
      );
      tbl.closest(".scroll").hidden = false;
      box.hidden = true;
      table(tools);
      tools.querySelector("#f-status").textContent = `All ${rows.length} councils shown`;
    } catch (e) {
      button.disabled = false;
      status.textContent = "The tables could not be loaded. Choose a region instead.";
    }
  });
  box.hidden = false;
}

if (typeof document !== "undefined") {
  document.querySelectorAll("[data-table-tools]:not([data-lazy])").forEach(table);
  document.querySelectorAll("[data-national]").forEach(national);
  document.querySelectorAll("form[data-compare]").forEach(compareCouncils);
}
