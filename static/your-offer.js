// localoffer: the two-council page. Someone looked after by one council and
// living in another gets leaving-care support from the first, and council
// tax, housing and leisure from the second; this puts the two together.
// It needs search.js (norm), site.js (loadCouncil) and the page's list of councils.

// taxHelp works out, as site.CouncilTaxFor does in Go, whether each
// council's council tax help covers someone looked after by care and living
// in home: "yes", "maybe" or "no", with why.
function taxHelp(care, home) {
  const out = [];
  const inArea = home.s === care.s || home.k === care.s;
  if (care.pays) {
    const [status, age, anywhere, terms] = care.pays;
    let applies = "yes", why = `${care.t} pays the council tax of care leavers it looked after who live in its area`;
    if (!inArea && anywhere) why = `${care.t} pays the council tax of care leavers it looked after, also outside its area`;
    if (!inArea && !anywhere) {
      applies = "maybe";
      why = `the source does not say whether ${care.t} pays when you live outside its area`;
    }
    out.push({ from: care, what: "pays", status, age, applies, why, terms });
  }
  if (home.ex) {
    const [status, age, scope, recip, joint, terms] = home.ex;
    const own = care.s === home.s, county = home.k === care.s;
    let applies = "maybe", why = `the source does not say whether ${home.t}'s help covers care leavers from ${care.t}`;
    if (scope === "all") [applies, why] = ["yes", `${home.t}'s help is for any care leaver living there`];
    else if ((scope === "own" && own) || (scope === "county" && (county || own))) [applies, why] = ["yes", `${home.t}'s help covers care leavers ${care.t} looked after`];
    else if (scope === "own") [applies, why] = ["no", `${home.t}'s help is only for care leavers it looked after`];
    else if (scope === "county") [applies, why] = ["no", `${home.t}'s help is only for care leavers its county council looked after`];
    else if (recip === "yes" && !own) [applies, why] = ["yes", `${home.t}'s help covers care leavers from other councils`];
    else if (recip === "no" && !own) [applies, why] = ["no", `${home.t}'s help does not cover care leavers from other councils`];
    else if (own) [applies, why] = ["yes", `${home.t}'s help covers care leavers it looked after`];
    if (applies === "maybe" && care.funds && county) [applies, why] = ["yes", `${care.t} pays ${home.t} for its care leavers' exemption`];
    out.push({ from: home, joint, what: "exempt", status, age, applies, why, terms });
  }
  return out;
}

function yourOffer(form) {
  const data = JSON.parse(document.getElementById("your-offer-data").textContent);
  const bySlug = new Map(data.c.map((c) => [c.s, c]));
  const out = document.getElementById("your-offer");
  const status = form.querySelector("#your-offer-status");
  const careInput = form.querySelector("#looked-after");
  const liveInput = form.querySelector("#live");
  // The inputs' suggestions come from the page's data, not its markup, so
  // the page carries each council's name once.
  const suggest = (input, id, careOnly) => {
    const list = el("datalist");
    list.id = id;
    for (const c of data.c) if (!careOnly || !c.d) list.append(Object.assign(el("option"), { value: c.n }));
    form.append(list);
    input.setAttribute("list", id);
  };

  // find resolves what someone typed: a council's name or short name, or one
  // of its towns; a district before its county for a town they share.
  function find(text, careOnly) {
    const q = norm(text);
    if (!q) return null;
    let best = null, rank = Infinity;
    for (const c of data.c) {
      if (careOnly && c.d) continue;
      const names = [c.n, ...c.p.split("|")].map(norm);
      const r = names[0] === q || names[1] === q ? 0 : names.slice(2).includes(q) ? (c.d ? 1 : 2) : names.some((n) => n.startsWith(q)) ? 3 : Infinity;
      if (r < rank) [best, rank] = [c, r];
    }
    return best;
  }

  const el = (tag, text, cls) => {
    const e = document.createElement(tag);
    if (text) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  };
  const item = (list, text, href, from) => {
    const li = el("li");
    const a = el("a", text);
    a.href = fromRoot(href);
    li.append(a);
    if (from) li.append(" ", el("span", `from ${from}`, "from"));
    list.append(li);
  };

  async function render(careIn, homeIn) {
    out.replaceChildren();
    if (!careIn || !homeIn) return;
    let care, home;
    try {
      const [c, h] = await Promise.all([loadCouncil(careIn.s), loadCouncil(homeIn.s)]);
      [care, home] = [{ ...careIn, ...c }, { ...homeIn, ...h }];
    } catch (e) {
      status.textContent = "The councils' answers could not be loaded. Open their pages instead.";
      return;
    }
    const h = el("h2", `Looked after by ${care.t}, living in ${home.t}`);
    h.id = "result";
    out.append(h);

    out.append(el("h3", `From ${care.n}, the council that looked after you`));
    const careList = el("ul", "", "get");
    care.care.forEach(([text, href]) => item(careList, text, href, ""));
    if (!care.care.length) careList.append(el("li", "We know of nothing yet. Ask your personal adviser."));
    out.append(careList);

    out.append(el("h3", `From ${home.n}, where you live now`));
    const homeList = el("ul", "", "get");
    home.home.forEach(([text, href, from]) => item(homeList, text, href, from));
    if (!homeList.children.length) homeList.append(el("li", "We know of no council tax, housing or leisure help yet."));
    out.append(homeList);

    out.append(el("h3", "Your council tax"));
    const tax = el("ul", "", "tax");
    const help = taxHelp(care, home);
    for (const t of help) {
      const who = t.joint ? `${t.from.t} (${t.joint})` : t.from.t;
      // Ages and terms come in the words every page uses: "until your 25th
      // birthday", "only if you live alone; 2024".
      const age = (t.age ? ` ${t.age}` : "") + (t.terms ? ` (${t.terms})` : "");
      const what = t.what === "pays" ? "pays your council tax" : "exempts you from council tax";
      let text;
      if (t.status === "no") text = `${who} does not ${t.what === "pays" ? "pay your council tax" : "exempt you from council tax"}, its source says${age}.`;
      else if (t.status !== "yes") text = `${who}: ${t.status === "considering" ? "being considered" : "the council did not say"} whether it ${what}${age}.`;
      else if (t.applies === "yes") text = `${who} ${what}${age}: this applies to you, because ${t.why}.`;
      else if (t.applies === "no") text = `${who} has help with council tax${age}, but you may not get it: ${t.why}.`;
      else text = `${who} has help with council tax${age}; ask whether it applies to you: ${t.why}.`;
      tax.append(el("li", text, t.status === "yes" ? t.applies : "no"));
    }
    if (!help.length) tax.append(el("li", "We do not know yet whether either council helps with your council tax."));
    out.append(tax);

    const links = el("p");
    const a1 = el("a", `${care.n}'s page`), a2 = el("a", `${home.n}'s page`);
    a1.href = fromRoot(care.h);
    a2.href = fromRoot(home.h);
    links.append("More on ", a1, " and ", a2, ".");
    out.append(links);
  }

  function update(push) {
    const care = find(careInput.value, true), home = find(liveInput.value, false);
    status.textContent = !careInput.value || !liveInput.value ? "" : !care ? "We could not find the council that looked after you." : !home ? "We could not find where you live." : "";
    if (care) careInput.value = care.n;
    if (home) liveInput.value = home.n;
    if (push && care && home) {
      const url = new URL(location.href);
      url.search = `?looked-after=${care.s}&live=${home.s}`;
      history.replaceState(null, "", url);
    }
    render(care, home);
  }

  // With the script, people type a council or town; the lists stay for
  // those without it.
  form.querySelector("[data-lists]").hidden = true;
  [careInput, liveInput, form.querySelector("button")].forEach((e) => (e.hidden = false));
  suggest(careInput, "care-councils", true);
  suggest(liveInput, "all-councils", false);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    update(true);
  });
  const params = new URL(location.href).searchParams;
  const fromSlug = (s) => (bySlug.get(s || "") || {}).n || "";
  careInput.value = fromSlug(params.get("looked-after"));
  liveInput.value = fromSlug(params.get("live"));
  update(false);
}

if (typeof document !== "undefined") {
  document.querySelectorAll("form[data-your-offer]").forEach(yourOffer);
}
