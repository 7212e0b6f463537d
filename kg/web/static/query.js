// The query page: an editor with line numbers, the library with its parameters as
// fields, and results as a sortable table, a graph or a timeline. The address bar
// holds the query (?name=…&p.x=… for a library query, ?query=… for one's own), so a
// link reproduces the answer.
"use strict";
const LIBRARY = JSON.parse(document.getElementById("library-data").textContent);
const byName = Object.fromEntries(LIBRARY.map((q) => [q.name, q]));
const $ = (id) => document.getElementById(id);
const editor = $("sparql"), gutter = $("gutter");
let chosen = null; // the library query in the editor, while its text is unchanged
let view = "table";
let last = null; // the last answer: {vars, rows} or {text}

function numberLines() {
  const n = editor.value.split("\n").length;
  gutter.textContent = Array.from({ length: n }, (_, i) => i + 1).join("\n");
  gutter.scrollTop = editor.scrollTop;
}
editor.addEventListener("input", () => {
  if (chosen && editor.value !== chosen.text) choose(null);
  numberLines();
});
editor.addEventListener("scroll", () => (gutter.scrollTop = editor.scrollTop));

function choose(q, values) {
  chosen = q;
  const box = $("params");
  box.replaceChildren();
  document.querySelectorAll("a.lib").forEach((a) => a.classList.toggle("on", !!q && a.dataset.name === q.name));
  if (!q) return;
  editor.value = q.text;
  numberLines();
  box.append(el("p", { class: "question" }, q.question));
  for (const p of q.params) {
    const input = el("input", { name: p.name, id: "p-" + p.name, placeholder: p.about, required: p.required });
    input.value = (values && values[p.name]) || "";
    box.append(el("label", { for: "p-" + p.name }, `${p.name}${p.required ? " (required)" : ""} `), input, " ");
  }
  setView(q.view === "graph" || q.view === "timeline" ? q.view : "table");
}

function params() {
  const out = {};
  document.querySelectorAll("#params input").forEach((i) => i.value.trim() && (out[i.name] = i.value.trim()));
  return out;
}

function links(fmt) {
  if (chosen) {
    const qs = new URLSearchParams(params());
    qs.set("format", fmt);
    return `/api/library/${encodeURIComponent(chosen.name)}?${qs}`;
  }
  return `/sparql?${new URLSearchParams({ query: editor.value, format: fmt })}`;
}

function remember() {
  const qs = new URLSearchParams();
  if (chosen) {
    qs.set("name", chosen.name);
    for (const [k, v] of Object.entries(params())) qs.set("p." + k, v);
  } else qs.set("query", editor.value);
  history.replaceState(null, "", "?" + qs);
  $("dl-csv").href = links("csv");
  $("dl-json").href = links("json");
}

const graphForm = (text) => /^\s*(?:(?:PREFIX|BASE)[^\n]*\n|#[^\n]*\n|\s)*(CONSTRUCT|DESCRIBE)\b/i.test(text);

async function run(event) {
  if (event) event.preventDefault();
  remember();
  $("error").hidden = true;
  $("status").textContent = "running…";
  const t0 = performance.now();
  let response;
  if (chosen) {
    response = await fetch(links("json"));
  } else {
    const graph = graphForm(editor.value);
    response = await fetch("/sparql", {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Accept: graph ? "application/n-triples" : "application/sparql-results+json",
      },
      body: new URLSearchParams({ query: editor.value }),
    });
  }
  const body = await response.text();
  const took = ((performance.now() - t0) / 1000).toFixed(2);
  if (!response.ok) {
    $("status").textContent = "";
    $("error").textContent = body.trim();
    $("error").hidden = false;
    return;
  }
  if (response.headers.get("content-type").startsWith("application/n-triples")) {
    last = { text: body };
    $("status").textContent = `${body.split("\n").filter(Boolean).length} triples in ${took} s`;
  } else {
    const json = JSON.parse(body);
    if ("boolean" in json) last = { text: String(json.boolean) };
    else last = { vars: json.head.vars, rows: json.results.bindings };
    $("status").textContent = last.rows ? `${last.rows.length} rows in ${took} s` : `answered in ${took} s`;
  }
  draw();
}

function setView(v) {
  view = v;
  document.querySelectorAll(".views button").forEach((b) => b.classList.toggle("on", b.dataset.view === v));
  if (last) draw();
}
document.querySelectorAll(".views button").forEach((b) => b.addEventListener("click", () => setView(b.dataset.view)));

function draw() {
  const out = $("results");
  out.replaceChildren();
  if (last.text !== undefined) return out.append(el("pre", { class: "plain" }, last.text));
  if (view === "graph") return drawGraph(out);
  if (view === "timeline") return drawTimeline(out);
  drawTable(out);
}

let sortBy = null, sortDown = false;
function drawTable(out) {
  const rows = last.rows.slice();
  if (sortBy !== null) {
    const key = (r) => (r[sortBy] ? r[sortBy].value : "");
    const num = rows.every((r) => !r[sortBy] || !isNaN(Number(r[sortBy].value)));
    rows.sort((a, b) => (num ? Number(key(a)) - Number(key(b)) : key(a).localeCompare(key(b), "zh")) * (sortDown ? -1 : 1));
  }
  const head = el("tr", {}, ...last.vars.map((v) => {
    const th = el("th", { "data-var": v, class: v === sortBy ? (sortDown ? "down" : "up") : "" }, v);
    th.addEventListener("click", () => { sortDown = sortBy === v ? !sortDown : false; sortBy = v; draw(); });
    return th;
  }));
  const body = rows.map((r) => el("tr", {}, ...last.vars.map((v) => el("td", {}, termNode(r[v])))));
  out.append(el("table", { class: "results" }, el("thead", {}, head), el("tbody", {}, ...body)));
}

function drawGraph(out) {
  const [a, b] = last.vars;
  const weight = last.vars.find((v, i) => i > 1 && last.rows.every((r) => r[v] && !isNaN(Number(r[v].value))));
  const nodes = new Map(), edges = [];
  for (const r of last.rows) {
    if (!r[a] || !r[b]) continue;
    for (const t of [r[a], r[b]]) nodes.set(t.value, { id: t.value, label: t.type === "uri" ? t.value.split("/").pop() : t.value });
    edges.push({ from: r[a].value, to: r[b].value, value: weight ? Number(r[weight].value) : 1 });
  }
  const box = el("div", { class: "network", id: "result-graph" });
  out.append(box, el("p", { class: "note" }, `${nodes.size} nodes, ${edges.length} edges: ${a} → ${b}${weight ? ", weighted by " + weight : ""}`));
  new vis.Network(box, { nodes: [...nodes.values()], edges }, { physics: { stabilization: { iterations: 150 } }, edges: { scaling: { max: 8 } } });
}

function drawTimeline(out) {
  const isDate = (t) => t && /^\d{4}-\d{2}-\d{2}/.test(t.value);
  const dateVar = last.vars.find((v) => last.rows.some((r) => isDate(r[v])));
  if (!dateVar) {
    out.append(el("p", { class: "note" }, "No column holds dates: shown as a table."));
    return drawTable(out);
  }
  const rows = last.rows.filter((r) => isDate(r[dateVar])).sort((x, y) => x[dateVar].value.localeCompare(y[dateVar].value));
  const list = el("ol", { class: "timeline" });
  for (const r of rows) {
    const rest = last.vars.filter((v) => v !== dateVar && r[v]);
    list.append(el("li", {}, el("time", {}, r[dateVar].value.slice(0, 10)), " ", ...rest.flatMap((v) => [termNode(r[v]), " · "]).slice(0, -1)));
  }
  out.append(list, el("p", { class: "note" }, `${rows.length} dated rows of ${last.rows.length}, by ${dateVar}`));
}

document.querySelectorAll("a.lib").forEach((a) =>
  a.addEventListener("click", (e) => { e.preventDefault(); choose(byName[a.dataset.name]); remember(); })
);
$("run-form").addEventListener("submit", run);

(function start() {
  const qs = new URLSearchParams(location.search);
  if (qs.get("name") && byName[qs.get("name")]) {
    const values = {};
    for (const [k, v] of qs) if (k.startsWith("p.")) values[k.slice(2)] = v;
    choose(byName[qs.get("name")], values);
    run();
  } else if (qs.get("query")) {
    editor.value = qs.get("query");
    numberLines();
    run();
  } else numberLines();
})();
