"""One key per organization, whichever way an issue writes its name.

区农委, 农委 and 上街区农业农村委员会 in an issue of 上街区 are one unit: the key
expands short forms (curated in ``lexicons/org_aliases.json``) and puts the
district in front of a bare 区/县 prefix. Labels stay as written; the key only
decides which node a name belongs to.
"""

from __future__ import annotations

from functools import lru_cache

from .lexicon import _json


@lru_cache(maxsize=1)
def _short_to_full() -> dict[str, str]:
    table = _json("org_aliases.json").get("short_to_full", {})
    return dict(sorted(table.items(), key=lambda kv: -len(kv[0])))


def drop_parents(name: str) -> str:
    """张家口沽源县 is 沽源县: a place written after the city or province above it."""
    from .lexicon import load_lexicon

    places = load_lexicon().places
    for cut in range(2, len(name) - 1):
        head, tail = name[:cut], name[cut:]
        up = places.parent.get(tail)
        while up:
            if head in (up, up[:-1], up.removesuffix("自治区").removesuffix("省").removesuffix("市")):
                return tail
            up = places.parent.get(up) if places.parent.get(up) != up else None
    return name


def org_key(name: str, district: str | None) -> str:
    """The canonical key of an organization name within a district."""
    core = drop_parents(name.strip())
    level = ""
    if district and core.startswith(district):
        level, core = district, core[len(district) :]
    elif district and district[-1] in "区县旗市" and core.startswith(district[-1]) and len(core) >= 2:
        level, core = district, core[1:]  # 区住建局 in 上街区
    for short, full in _short_to_full().items():
        if core.endswith(short) and not core.endswith(full):
            core = core[: -len(short)] + full
            break
    if not level and district and core in {full for full in _short_to_full().values()}:
        level = district  # 农委 alone, in a district's own bulletin
    return level + core
