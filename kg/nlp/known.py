"""Names already known, found in a text at a cost that does not grow with how many there are.

A store of a district's archive learns tens of thousands of names. Searching a
text once per name (a regex each) made every import slower than the last; here a
name is a key of a hash set, so finding the names of a text costs one lookup per
position and name length (names are 2 to 8 characters), with 100 names or 100,000.

A :class:`NameIndex` may sit on a ``base``: the names of the store and the lexicon
are shared by every document of a run, and the names one document learns stay in
the overlay made for that document.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable


class NameIndex:
    def __init__(self, names: Iterable[str] = (), base: NameIndex | None = None) -> None:
        self.base = base
        self._names: set[str] = set()
        self._by_first: dict[str, set[str]] = defaultdict(set)
        self._lengths: set[int] = set()
        self.update(names)

    def update(self, names: Iterable[str]) -> None:
        for name in names:
            if len(name) >= 2 and name not in self._names:
                self._names.add(name)
                self._by_first[name[0]].add(name)
                self._lengths.add(len(name))

    def __contains__(self, name: object) -> bool:
        return name in self._names or (self.base is not None and name in self.base)

    def lengths(self) -> list[int]:
        """The lengths names have, longest first."""
        own = self._lengths | (set(self.base.lengths()) if self.base is not None else set())
        return sorted(own, reverse=True)

    def starting_at(self, text: str, pos: int) -> list[str]:
        """Known names that begin at ``pos``, longest first."""
        return [text[pos : pos + n] for n in self.lengths() if pos + n <= len(text) and text[pos : pos + n] in self]

    def occurrences(self, text: str) -> list[tuple[int, str]]:
        """Every (start, name) of a known name in ``text``, longer names first,
        then by position: the order in which overlapping mentions should win."""
        lengths = self.lengths()
        found = [
            (pos, text[pos : pos + n])
            for pos in range(len(text))
            for n in lengths
            if pos + n <= len(text) and text[pos : pos + n] in self
        ]
        return sorted(found, key=lambda f: (-len(f[1]), f[0]))

    def with_first(self, prefix: str) -> set[str]:
        """Names that begin with ``prefix`` (a surname) and go on past it."""
        if not prefix:
            return set()
        own = {n for n in self._by_first.get(prefix[0], ()) if n.startswith(prefix) and len(n) > len(prefix)}
        return own | (self.base.with_first(prefix) if self.base is not None else set())
