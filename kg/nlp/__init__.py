"""Rule components for a blank spaCy ``zh`` pipeline (char segmenter).

The rule modules (``persons``, ``organizations``, ``events``, ``measures``) are
plain functions over text that return plain records; ``components`` wraps them
as spaCy components that set span groups on the Doc.
"""
