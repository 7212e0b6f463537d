// The explorer's data inside the file `kg viz` writes: search and neighbourhoods answered
// from the graph the file carries, as /api/search and /api/neighbours answer them.
"use strict";
function kgOfflineSource(data) {
  const byId = new Map(data.nodes.map(([id, label, kind, date]) => [id, { id, label, kind, date }]));
  const index = (list) => {
    const at = new Map();
    for (const e of list) for (const end of [e[0], e[1]]) (at.get(end) || at.set(end, []).get(end)).push(e);
    return at;
  };
  const links = index(data.edges), met = index(data.met);
  const degree = (id) => (links.get(id) || []).length + (met.get(id) || []).length;
  const hidden = new Set(["issue", "role", "pair"]);
  return {
    search(text) {
      const q = text.trim();
      const found = [...byId.values()].filter((n) => !hidden.has(n.kind) && (!q || n.label.includes(q)));
      found.sort(q ? (a, b) => a.label.length - b.label.length || (a.label < b.label ? -1 : 1) : (a, b) => degree(b.id) - degree(a.id));
      return found.slice(0, 30);
    },
    neighbours(id, view) {
      const center = byId.get(id) || { id, label: id, kind: "other", date: "" };
      const list = ((view.people && center.kind === "person" ? met : links).get(id)) || [];
      const nodes = new Map([[id, center]]);
      const edges = [];
      for (const [a, b, rel, weight, date, evidence, issue] of list) {
        if (date && ((view.since && date < view.since) || (view.until && date > view.until))) continue;
        // the person–person view is stored once per pair: its edge leaves the centre
        const [source, target] = rel === "met" && b === id ? [b, a] : [a, b];
        const other = source === id ? target : source;
        if (!nodes.has(other)) nodes.set(other, Object.assign({}, byId.get(other) || { id: other, label: other, kind: "other" }, { date }));
        edges.push({ source, target, rel, weight, date, evidence, issue });
      }
      return { center, nodes: [...nodes.values()], edges };
    },
  };
}
window.kgOffline = kgOfflineSource(JSON.parse(document.getElementById("kg-data").textContent));
