"""Where the graph lives: Oxigraph on disk (and its derived parts: the default graph, tenure)."""
