"""Facts to RDF: the vocabulary, deterministic IRIs, one graph per issue."""
