// Shared by the workbench pages: entity links and safe DOM building (text only, never HTML).
"use strict";
const KG_DATA = "https://w3id.org/district-kg/id/";

function pagePath(iri) {
  if (!iri || !iri.startsWith(KG_DATA)) return "";
  return "/id/" + iri.slice(KG_DATA.length).split("/").map(encodeURIComponent).join("/");
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

// a SPARQL JSON term as text, or as a link when it is one of our entities
function termNode(term) {
  if (!term) return document.createTextNode("");
  const path = term.type === "uri" ? pagePath(term.value) : "";
  return path ? el("a", { href: path }, term.value.slice(KG_DATA.length)) : document.createTextNode(term.value);
}
