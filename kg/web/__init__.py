"""The store over HTTP: `kg serve`."""
