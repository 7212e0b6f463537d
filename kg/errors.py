"""The one error hierarchy of district-kg.

Every failure the user can cause or meet derives from :class:`KGError`; the CLI
turns each into a one-line ``click.ClickException`` naming the file and the
reason, so no traceback reaches the terminal.

- :class:`KGError`: base class; ``str(err)`` is the user-facing sentence.
  - :class:`InputError`: a file cannot be read as a bulletin (missing, empty,
    binary, wrong encoding, unsupported format). Carries ``path``.
    - :class:`NotABulletinError`: readable text, but nothing that looks like a
      bulletin or news item (no sentence with Chinese text).
  - :class:`LexiconError`: a rule or lexicon data file is missing or malformed.
  - :class:`StoreError`: the store cannot be opened, read or written.
  - :class:`QueryError`: a SPARQL query is invalid, its bindings are wrong, or
    it reaches outside the store (SERVICE, FROM of a foreign graph).
    - :class:`QueryTimeout`: a query ran past its time limit.
  - :class:`ExportError`: an export format or target is unusable.
  - :class:`CurationError`: a judgement (``kg curate``) that cannot be made or
    undone: an unknown entity, a contradiction with an earlier judgement.
  - :class:`ProtocolError`: a request to `kg serve`'s SPARQL endpoint that the
    protocol cannot take (no query, an update, too slow); carries the HTTP ``status``.
"""

from __future__ import annotations

from pathlib import Path


class KGError(Exception):
    """Base of every error district-kg raises on purpose."""


class InputError(KGError):
    """A source file cannot be imported; the message names the file."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class NotABulletinError(InputError):
    """The file is text, but not a bulletin or news item."""


class LexiconError(KGError):
    """A lexicon or pattern file shipped with the package is unusable."""


class StoreError(KGError):
    """The RDF store cannot be opened or changed."""


class QueryError(KGError):
    """A SPARQL query cannot be parsed or run."""


class QueryTimeout(QueryError):
    """A query ran past its time limit; the engine may still be busy with it."""


class ExportError(KGError):
    """An export cannot be written."""


class ProtocolError(KGError):
    """A SPARQL Protocol request that cannot be answered; ``status`` is the HTTP status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class CurationError(KGError):
    """A judgement that cannot be made or undone; the message says why."""
