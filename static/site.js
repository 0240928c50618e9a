// localoffer: small enhancements on top of pages that work without JavaScript.

// Filter a list of councils as you type. The list is complete without
// JavaScript; the filter box is shown only when this script runs.
function filterList(box) {
  const input = box.querySelector("input");
  const status = box.querySelector("[role=status]");
  const items = [...document.querySelectorAll(box.dataset.items)];
  const groups = [...document.querySelectorAll(box.dataset.groups || "[data-none]")];
  const norm = (s) => s.toLowerCase().replace(/&/g, "and").replace(/[^a-z0-9]+/g, " ").trim();
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

document.querySelectorAll("[data-filter]").forEach(filterList);
