"""Which bold text opening a paragraph is a headline (marked ``**…**`` for the parser).

Word files and news pages set a headline in bold, often on the line of its body;
they also set in bold the lead-in of an enumerated point (一是…。, （一）…) and
short emphasis, which must stay in the article they belong to.
"""

from __future__ import annotations

import re

HEADLINE_MAX = 60  # characters: a longer bold run is emphasis, not a headline
_POINT = re.compile(
    r"[（(]?[一二三四五六七八九十\d]+[）)、.．]|第[一二三四五六七八九十]|[一二三四五六七八九十]是|首先|其次|最后"
)


def is_headline(text: str) -> bool:
    text = text.strip()
    return (
        0 < len(text) <= HEADLINE_MAX
        and text[-1] not in "。！？；：，、:;,."
        and not _POINT.match(text)
        and len(re.findall(r"[\u4e00-\u9fff]", text)) >= 4
    )
