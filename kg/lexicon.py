"""One loader for every rule and lexicon data file under ``kg/lexicons``.

The data files, not the code, say which words are titles, surnames, organization
endings and event triggers. A missing or malformed file is a :class:`LexiconError`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from .errors import LexiconError
from .nlp.textutil import ends_with_any

PACKAGE = "kg.lexicons"


def _read(name: str) -> str:
    try:
        return resources.files(PACKAGE).joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise LexiconError(f"lexicon file {name} cannot be read: {exc}") from None


def _json(name: str) -> dict[str, Any]:
    try:
        data = json.loads(_read(name))
    except json.JSONDecodeError as exc:
        raise LexiconError(f"lexicon file {name} is not valid JSON: line {exc.lineno}: {exc.msg}") from None
    if not isinstance(data, dict):
        raise LexiconError(f"lexicon file {name} must hold a JSON object")
    return data


def _need(data: dict[str, Any], key: str, name: str) -> Any:
    if key not in data:
        raise LexiconError(f"lexicon file {name} lacks the key {key!r}")
    return data[key]


def _longest_first(words: list[str]) -> list[str]:
    return sorted(set(words), key=lambda w: (-len(w), w))


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in _longest_first(words))


@dataclass(frozen=True)
class Places:
    """China's provinces, cities and counties (``places.tsv``, from JioNLP's gazetteer)."""

    bare: tuple[str, ...]  # short forms of provinces and cities that stand for the place (上海, 衡阳), longest first
    county_short: dict[str, str]  # short form of a county or district -> its full name (临沭 -> 临沭县)
    names: frozenset[str]  # every full name and every short form that is not a common word
    parent: dict[str, str]  # full name -> the full name of the unit above it
    counties: frozenset[str] = frozenset()  # full names of counties and districts (level 2)
    generic: frozenset[str] = frozenset()  # county names that are also common words (城区, 郊区, 老城区)


def _places() -> Places:
    bare, names, parent, county_short, counties, generic = set(), set(), {}, {}, set(), set()
    for line in _read("places.tsv").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        level, full, short, up, *flag = line.split("\t")
        if full.endswith(("高新区", "开发区", "示范区", "产业园", "工业园", "新区")):
            continue  # zones the gazetteer lists beside the counties
        common = bool(flag and flag[0] == "word")
        names.add(full)
        if level == "2":
            counties.add(full)
            if common and short == full or len(full) == 3 and full.endswith("城区"):
                generic.add(full)  # 城区, 郊区 and 老城区, 新城区 are also everyday words
        if up and up != full:
            parent.setdefault(full, up)
        if not common and len(short) >= 2:
            names.add(short)
            if level in ("0", "1"):
                bare.add(short)
            elif short != full:
                county_short.setdefault(short, full)
    return Places(
        bare=tuple(_longest_first(list(bare))),
        county_short=county_short,
        names=frozenset(names),
        parent=parent,
        counties=frozenset(counties),
        generic=frozenset(generic),
    )


@dataclass(frozen=True)
class Lexicon:
    surnames_single: frozenset[str]
    surnames_compound: frozenset[str]
    organs: tuple[str, ...]
    rank_kinds: dict[str, str]  # rank -> kind (party, government, group, byline, ...)
    implied_organs: dict[str, str]  # rank -> the organ it implies when none is written (区长 -> 区政府)
    plural_ranks: frozenset[str]
    group_label_ends: tuple[str, ...]
    suffix_blockers: dict[str, str]
    level_words: tuple[str, ...]  # 市场, 乡村: a level's character opening a word that names no level
    conjunctions: tuple[str, ...]
    sub_unit_suffixes: frozenset[str]
    name_followers: tuple[str, ...]
    left_stops: tuple[str, ...]
    generic_org_prefixes: tuple[str, ...]
    generic_orgs: frozenset[str]
    org_suffix_kind: dict[str, str]  # suffix -> kind
    ranks: tuple[str, ...]  # longest first, as the matchers need them
    org_suffixes: tuple[str, ...]  # longest first
    places_need_name: frozenset[str]
    org_bad_chars: frozenset[str]
    events: dict[str, Any]
    known_persons: frozenset[str]
    common_chars: frozenset[str]  # the characters of ordinary Chinese text (derived from jieba's dictionary)
    verbs: frozenset[str]  # two-character predicate verbs (derived from jieba's dictionary)
    verbs_in_names: frozenset[str]  # verbs that also live inside names (研究院), derived likewise
    name_interior: frozenset[str]  # words that live inside names (服务中心, 规划分局), by hand
    stop_char_words: frozenset[str]  # 向阳, 同心: a one-character left stop opening a word (derived)
    not_org_substrings: tuple[str, ...]
    not_org_endings: tuple[str, ...]
    not_names: frozenset[str]
    places: Places
    zone_cores: tuple[str, ...]
    need_territory: tuple[str, ...]
    national_organs: tuple[str, ...]

    def is_surname_start(self, s: str) -> bool:
        return s[:2] in self.surnames_compound or s[:1] in self.surnames_single

    def stop_before(self, text: str, pos: int) -> str | None:
        """The left stop that ends at ``pos``, unless it is one character that opens a word
        with the next (向|阳社区 is 向阳社区; 在|阳台 stays a stop: 在 is no part of it)."""
        stop = ends_with_any(text, pos, self.left_stops)
        if stop and len(stop) == 1 and text[pos - 1 : pos + 1] in self.stop_char_words:
            return None
        return stop

    def name_ends_at(self, text: str, pos: int) -> bool:
        """A 2–3 character name ends at ``pos`` after a list separator or a rank:
        …孙红梅|和县政府办主任, so 和 joins two mentions, not one title."""
        for length in (3, 2):
            a = pos - length
            if a < 0 or not self.is_surname_start(text[a:pos]):
                continue
            if a == 0 or text[a - 1] in "、，,；;：: \n" or any(text.endswith(r, 0, a) for r in self.ranks):
                return True
        return False

    def surname_length(self, s: str) -> int:
        return 2 if s[:2] in self.surnames_compound else 1 if s[:1] in self.surnames_single else 0

    def rank_pattern(self) -> str:
        return _alternation(list(self.rank_kinds))

    def role_verbs(self) -> dict[str, tuple[str, ...]]:
        return {role: tuple(_longest_first(words)) for role, words in self.events["roles"].items()}


def _word_list(name: str) -> frozenset[str]:
    """A lexicon file of one word a line; ``#`` opens a comment line."""
    return frozenset(line.strip() for line in _read(name).splitlines() if line.strip() and not line.startswith("#"))


def _common_chars() -> frozenset[str]:
    chars = frozenset(
        "".join(line.strip() for line in _read("common_chars.txt").splitlines() if not line.startswith("#"))
    )
    if len(chars) < 1000:
        raise LexiconError("lexicon file common_chars.txt lists too few characters")
    return chars


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Load and check every lexicon file once per process."""
    surnames = [w for line in _read("surnames.txt").splitlines() if not line.startswith("#") for w in line.split()]
    if not surnames:
        raise LexiconError("lexicon file surnames.txt lists no surname")
    titles = _json("titles.json")
    words = _json("words.json")
    orgs = _json("organizations.json")
    events = _json("events.json")
    rank_kinds = {rank: kind for kind, ranks in _need(titles, "ranks", "titles.json").items() for rank in ranks}
    suffix_kind = {s: kind for kind, ss in _need(orgs, "suffixes", "organizations.json").items() for s in ss}
    for key in (
        "meeting_nouns",
        "visit_verbs",
        "activity_verbs",
        "activity_nouns",
        "meeting_verbs",
        "roles",
        "speech_acts",
    ):
        _need(events, key, "events.json")
    return Lexicon(
        surnames_single=frozenset(s for s in surnames if len(s) == 1),
        surnames_compound=frozenset(s for s in surnames if len(s) == 2),
        organs=tuple(_longest_first(_need(titles, "organs", "titles.json"))),
        rank_kinds=rank_kinds,
        implied_organs=dict(_need(titles, "implied_organs", "titles.json")),
        plural_ranks=frozenset(_need(titles, "plural_ranks", "titles.json")),
        group_label_ends=tuple(_need(titles, "group_label_ends", "titles.json")),
        suffix_blockers=dict(words.get("suffix_blockers", {})),
        level_words=tuple(words.get("level_words", [])),
        conjunctions=tuple(words.get("conjunctions", [])),
        sub_unit_suffixes=frozenset(orgs.get("sub_unit_suffixes", [])),
        name_followers=tuple(_longest_first(_need(words, "name_followers", "words.json"))),
        left_stops=tuple(_longest_first(_need(words, "left_stops", "words.json"))),
        generic_org_prefixes=tuple(_need(words, "generic_org_prefixes", "words.json")),
        generic_orgs=frozenset(_need(words, "generic_orgs", "words.json")),
        org_suffix_kind=suffix_kind,
        ranks=tuple(_longest_first(list(rank_kinds))),
        org_suffixes=tuple(_longest_first(list(suffix_kind))),
        places_need_name=frozenset(_need(orgs, "places_need_name", "organizations.json")),
        org_bad_chars=frozenset(_need(orgs, "bad_chars", "organizations.json")),
        events=events,
        not_org_substrings=tuple(words.get("not_org_substrings", [])),
        not_org_endings=tuple(words.get("not_org_endings", [])),
        not_names=frozenset(words.get("not_names", [])),
        places=_places(),
        zone_cores=tuple(_need(orgs, "zone_cores", "organizations.json")),
        need_territory=tuple(_need(orgs, "need_territory", "organizations.json")),
        national_organs=tuple(_longest_first(_need(orgs, "national_organs", "organizations.json"))),
        known_persons=_word_list("known_persons.txt"),
        common_chars=_common_chars(),
        verbs=_word_list("verbs.txt"),
        verbs_in_names=_word_list("verbs_in_names.txt"),
        name_interior=_word_list("name_interior.txt"),
        stop_char_words=_word_list("stop_char_words.txt"),
    )
