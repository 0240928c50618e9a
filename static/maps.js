// localoffer: maps of England. Focusing or pointing at a hexagon shows what
// someone living there gets in a caption; the national picture's map changes
// its question in place. Without this script the hexagons still link to
// their councils' pages, name them, and each question has its own map page.

function caption(map) {
  const out = map.querySelector(".caption");
  if (!out) return;
  const show = (e) => {
    const a = e.target.closest("svg a");
    if (!a || !map.contains(a)) return;
    out.textContent = a.getAttribute("aria-label");
    out.hidden = false;
  };
  map.addEventListener("focusin", show);
  map.addEventListener("mouseover", show);
}

function picker(section) {
  const data = JSON.parse(document.getElementById("map-data").textContent);
  const select = section.querySelector("#map-q");
  const map = section.querySelector(".map");
  const hexes = [...map.querySelectorAll("svg a")];
  const title = map.querySelector("svg > title");
  const heading = map.querySelector(".maptitle strong");
  const legend = map.querySelector(".legend");
  select.addEventListener("change", () => {
    const q = data.q.find((x) => x.k === select.value);
    if (!q) return;
    hexes.forEach((a, i) => {
      const [state, label] = q.h[i];
      a.querySelector("use").setAttribute("class", `s-${state}`);
      a.setAttribute("aria-label", label);
    });
    title.textContent = `${q.l}: a map of England's council areas`;
    if (heading) heading.textContent = q.l;
    legend.replaceChildren(
      ...q.g.map(([state, word, count]) => {
        const li = document.createElement("li");
        const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
        svg.setAttribute("class", "key");
        svg.setAttribute("viewBox", "-10 -10 20 20");
        svg.setAttribute("aria-hidden", "true");
        const use = document.createElementNS("http://www.w3.org/2000/svg", "use");
        use.setAttribute("href", "#hex");
        use.setAttribute("class", `s-${state}`);
        svg.append(use);
        li.append(svg, ` ${word}: ${count}`);
        return li;
      }),
    );
    map.querySelector(".caption").hidden = true;
  });
  section.querySelector("[data-picker-tools]").hidden = false;
}

if (typeof document !== "undefined") {
  document.querySelectorAll(".map").forEach(caption);
  document.querySelectorAll("[data-map-picker]").forEach(picker);
}
