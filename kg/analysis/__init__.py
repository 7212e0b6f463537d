"""Asking the graph: SPARQL, the catalog of issues, networks, pages, exports, validation."""
