// The graph explorer: start from a search or an entity, expand neighbourhoods on
// demand (double-click), toggle types, limit dates, switch to the person–person view
// weighted by shared events. Data comes from /api/search and /api/neighbours, or, in
// the file `kg viz` writes, from window.kgOffline (offline.js over data in the file).
"use strict";
const $ = (id) => document.getElementById(id);
const COLORS = { person: "#d9534f", event: "#5b8def", post: "#f0ad4e", org: "#5cb85c", initiative: "#9b59b6", project: "#16a085", other: "#999" };
const nodes = new vis.DataSet(), edges = new vis.DataSet();
const hidden = new Set();
const shown = new vis.DataView(nodes, { filter: (n) => !hidden.has(n.kind) });
const network = new vis.Network($("network"), { nodes: shown, edges }, {
  layout: { improvedLayout: false },
  // no stabilization before the first draw: new nodes start on a ring around their
  // centre and settle on screen, so 2,000 nodes draw at once instead of after seconds
  physics: { solver: "forceAtlas2Based", stabilization: false },
  interaction: { hover: true, tooltipDelay: 150 },
  nodes: { shape: "dot", size: 10, font: { size: 14, face: "Noto Sans CJK SC, sans-serif" } },
  edges: { arrows: { to: { enabled: true, scaleFactor: 0.4 } }, font: { size: 10, align: "middle" }, scaling: { min: 1, max: 8 } },
});
const expanded = new Set();
window.kgExplorer = { nodes, edges, network, expanded }; // for tests, the benchmark and the console

function nodeData(n, x, y) {
  return { id: n.id, label: n.label, kind: n.kind, page: n.page, date: n.date, x, y, color: COLORS[n.kind] || COLORS.other, title: `${n.kind}: ${n.label}` };
}

const offline = window.kgOffline || null;
const issueLink = (key) => (offline ? null : "/issue/" + key.split("/").map(encodeURIComponent).join("/"));

async function neighbourhood(id, view) {
  if (offline) return offline.neighbours(id, view);
  const qs = new URLSearchParams({ id });
  if (view.people) qs.set("view", "people");
  if (view.since) qs.set("since", view.since);
  if (view.until) qs.set("until", view.until);
  const r = await fetch("/api/neighbours?" + qs);
  if (!r.ok) throw new Error(await r.text());
  return r.json();
}

async function expand(id) {
  const t0 = performance.now();
  let data;
  try {
    data = await neighbourhood(id, { people: $("people").checked, since: $("since").value, until: $("until").value });
  } catch (err) {
    return showError(err.message);
  }
  expanded.add(id);
  await draw(data, t0);
  details(id);
}

// add one neighbourhood ({center, nodes, edges}); resolves at its first draw, which
// body[data-draw-ms] reports from t0 (the benchmark reads it)
function draw(data, t0 = performance.now()) {
  const c = data.center;
  if (!nodes.get(c.id)) nodes.add(nodeData(Object.assign(c, { page: offline ? "" : pagePath(c.id) }), 0, 0));
  const at = network.getPosition(c.id);
  const fresh = data.nodes.filter((n) => !nodes.get(n.id));
  const radius = 120 + 12 * Math.sqrt(fresh.length);
  nodes.add(fresh.map((n, i) => {
    const a = (2 * Math.PI * i) / fresh.length;
    const page = offline ? "" : n.page || pagePath(n.id);
    return nodeData(Object.assign(n, { page }), at.x + radius * Math.cos(a), at.y + radius * Math.sin(a));
  }));
  edges.add(data.edges.map((e) => ({ id: `${e.source}|${e.target}|${e.rel}`, from: e.source, to: e.target, label: e.weight > 1 ? `${e.rel} ×${e.weight}` : e.rel, value: e.weight, evidence: e.evidence, issue: e.issue, date: e.date })).filter((e) => !edges.get(e.id)));
  return new Promise((resolve) => {
    network.once("afterDrawing", () => {
      document.body.dataset.drawn = String(nodes.length);
      document.body.dataset.drawMs = String(Math.round(performance.now() - t0));
      resolve();
    });
    network.redraw();
  });
}

function showError(text) {
  $("details").replaceChildren(el("p", { class: "error" }, text.trim()));
}

function details(id) {
  const n = nodes.get(id);
  if (!n) return;
  const box = $("details");
  box.replaceChildren(
    el("h3", {}, n.label, " ", el("small", {}, n.kind)),
    el("p", {}, n.page ? el("a", { href: n.page }, "open its page") : "", expanded.has(id) ? "" : " · double-click to expand")
  );
  const mine = edges.get({ filter: (e) => e.from === id || e.to === id });
  const list = el("ul", { class: "evidence-list" });
  for (const e of mine.slice(0, 50)) {
    const other = nodes.get(e.from === id ? e.to : e.from);
    const item = el("li", {}, e.label, " ", other ? other.label : "", e.date ? ` (${e.date})` : "");
    if (e.evidence) {
      const link = issueLink(e.issue);
      item.append(el("br"), el("q", { class: "sentence" }, e.evidence), " ", link ? el("a", { href: link }, e.issue) : el("cite", {}, e.issue));
    }
    list.append(item);
  }
  box.append(el("p", {}, `${mine.length} links`), list);
}

window.kgExplorer.draw = draw;
network.on("stabilized", () => (document.body.dataset.stable = String(expanded.size)));
network.on("click", (p) => p.nodes.length && details(p.nodes[0]));
network.on("doubleClick", (p) => p.nodes.length && expand(p.nodes[0]));

document.querySelectorAll("input.type").forEach((box) =>
  box.addEventListener("change", () => {
    box.checked ? hidden.delete(box.value) : hidden.add(box.value);
    shown.refresh();
  })
);

async function search(text) {
  const hits = offline ? offline.search(text) : await (await fetch("/api/search?" + new URLSearchParams({ q: text }))).json();
  const box = $("hits");
  box.replaceChildren();
  if (!hits.length) return box.append(el("p", { class: "note" }, "Nothing found."));
  for (const h of hits) {
    const b = el("button", { type: "button", class: "hit", "data-id": h.id }, h.label, " ", el("small", {}, h.kind));
    b.addEventListener("click", () => { nodes.clear(); edges.clear(); expanded.clear(); expand(h.id); });
    box.append(b);
  }
}
$("search-form").addEventListener("submit", (e) => { e.preventDefault(); search($("search").value); });

(function start() {
  const qs = new URLSearchParams(location.search);
  const root = document.querySelector(".explorer").dataset.start;
  if (root) expand(root);
  else if (qs.get("q")) { $("search").value = qs.get("q"); search(qs.get("q")); }
  else if (offline) search(""); // the most connected entities, to start from
})();
