"""district-kg: Chinese local-government bulletins into a knowledge graph."""

__version__ = "0.1.0"
