"""Character classes shared by the rule modules."""

from __future__ import annotations

CLAUSE_PUNCT = set('，。；：！？、,.;:!?\n“”"‘’「」《》【】 \t\u3000')


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or ch == "〇"


def ends_with_any(text: str, pos: int, words: tuple[str, ...]) -> str | None:
    """The word of ``words`` that ends exactly at ``pos``, if any (longest first)."""
    for w in words:
        if pos >= len(w) and text.startswith(w, pos - len(w)):
            return w
    return None


def made_of(text: str, words: frozenset[str]) -> bool:
    """``text`` is ``words`` end to end (服务管理 of 服务, 管理), or nothing."""
    if not text:
        return True
    return any(text.endswith(w) and made_of(text[: -len(w)], words) for w in words if len(w) <= len(text))


def starts_with_any(text: str, pos: int, words: tuple[str, ...]) -> str | None:
    for w in words:
        if text.startswith(w, pos):
            return w
    return None


def clause_bounds(text: str, pos: int) -> tuple[int, int]:
    """The clause (between ，。；etc.) around ``pos``."""
    a = pos
    while a > 0 and text[a - 1] not in "，。；！？\n":
        a -= 1
    b = pos
    while b < len(text) and text[b] not in "，。；！？\n":
        b += 1
    return a, b


def after_date(text: str, pos: int) -> bool:
    """``pos`` follows a written date (2024年|, 6月|, 10日|): a left boundary."""
    return pos >= 2 and text[pos - 1] in "年月日" and text[pos - 2].isdigit()


def inside_quotes(text: str, pos: int) -> bool:
    """``pos`` lies inside “…” or 《…》 on the same line."""
    for left, right in ("“”", "《》", "<>"):
        open_at = text.rfind(left, 0, pos)
        if open_at >= 0 and text.rfind(right, 0, pos) < open_at and "\n" not in text[open_at:pos]:
            return True
    return False


def trim_start(text: str, a: int, end: int, conjunctions: tuple[str, ...]) -> int:
    """Move a name's start past a bracket it does not close and a leading 和/与."""
    while a < end and (text[a] == "）" or text[a] == "（" and "）" not in text[a:end] or text[a] in conjunctions):
        a += 1
    return a
