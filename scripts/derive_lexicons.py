"""Derive lexicon files from jieba's dictionary (MIT licence) and JioNLP's gazetteer.

``kg/lexicons/jieba_names.dict``: the words of jieba's dictionary seen at least
NAME_DICT_MIN_FREQ times, in jieba's own format. The name tagger
(:mod:`kg.nlp.nametagger`) segments with it: a third of the words keep the
segmentation around person names and load in a tenth of the time.

``kg/lexicons/places.tsv``: China's provinces, prefecture-level cities and
counties with their short forms and parents, from the gazetteer that JioNLP
maintains (``jionlp/dictionary/china_location.zip``, Apache-2.0): pass
``--jionlp PATH`` (an installed jionlp package folder or its wheel).

``kg/lexicons/verbs.txt``:
The organization matcher extends a name leftwards from its ending (局, 委,
中心…); a predicate verb to the left (发挥, 地处, 莅临, 克服) ends the name. The
verbs come from jieba's part-of-speech dictionary: two-character words tagged
``v`` and seen at least MIN_FREQ times. Verbs that live inside organization
names (保护, 执法, 监督, 开发…) are kept out: any word found inside an organ or
organization lexicon entry, and the words of ``kg/lexicons/name_interior.txt``.

``kg/lexicons/verbs_in_names.txt``: the verbs held out of ``verbs.txt`` because
they live inside names. Before the organ of a place (学习|省委, 协助|市纪委) they
still end a name.

``kg/lexicons/stop_char_words.txt``: two-character words of jieba's dictionary that
open with a one-character left stop (向阳, 同心, 为民): there the character is part of
the name (向阳社区), not a word that ends it.

``kg/lexicons/common_chars.txt``: the COMMON_CHARS Chinese characters that carry
most of the weight of jieba's dictionary (each word's frequency counted for each
of its characters). Real Chinese prose draws nearly all its characters from them;
bytes of another language read as GB18030 scatter over all 20,000 ideographs, so
:mod:`kg.ingest.parse` refuses a text whose characters are mostly outside the list.

Run it again when jieba's dictionary changes:

    python scripts/derive_lexicons.py
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import zipfile
from pathlib import Path

MIN_FREQ = 300
COMMON_CHARS = 3500
NAME_DICT_MIN_FREQ = 100
STOP_WORD_MIN_FREQ = 100
NOUN_TAGS = {"n", "nr", "ns", "nz", "nt", "b", "s", "j"}  # jieba's tags of nouns and names
ROOT = Path(__file__).resolve().parent.parent
LEX = ROOT / "kg" / "lexicons"
# words that live inside organization names (written by hand): never a predicate verb
ORG_INTERIOR = {
    line.strip()
    for line in (LEX / "name_interior.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
}
TERRITORIAL = set("省市县区旗乡镇村街城")


def derive_places(jionlp: Path) -> None:
    """Levels 0–2 of JioNLP's location tree: province, city, county (towns and villages left out)."""
    member = "jionlp/dictionary/china_location.zip"
    if jionlp.is_dir():
        outer = (jionlp / "dictionary" / "china_location.zip").read_bytes()
    else:
        with zipfile.ZipFile(jionlp) as wheel:
            outer = wheel.read(member)
    with zipfile.ZipFile(io.BytesIO(outer)) as inner:
        text = inner.read("china_location.txt").decode("utf-8")
    import jieba

    tags = {}
    for line in (Path(jieba.__file__).parent / "dict.txt").read_text(encoding="utf-8").splitlines():
        word, freq, tag = line.split()
        tags[word] = (int(freq), tag)
    rows, stack = [], ["", "", ""]
    for line in text.splitlines():
        depth = len(line) - len(line.lstrip("\t"))
        if depth > 2 or not line.strip():
            continue
        parts = line.strip().split("\t")
        stack[depth] = parts[0]
        short = (parts[2] if len(parts) > 2 else parts[0]).split("/")[0]
        if "直辖" in short:
            short = parts[0]
        # a short form that is also a common word (来宾, 和平) is flagged: it names a place only beside a suffix
        freq, tag = tags.get(short, (0, "ns"))
        word = "word" if not tag.startswith("ns") and freq >= 100 else ""
        rows.append(f"{depth}\t{parts[0]}\t{short}\t{stack[depth - 1] if depth else ''}\t{word}")
    header = (
        "# level (0 province, 1 city, 2 county)\tname\tshort form\tparent\tword if the short form is a common word. "
        "From JioNLP's china_location (Apache-2.0), derived by scripts/derive_lexicons.py\n"
    )
    (LEX / "places.tsv").write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} places written to {LEX / 'places.tsv'}", file=sys.stderr)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--jionlp", type=Path, help="jionlp package folder or wheel, for places.tsv")
    args = ap.parse_args()
    if args.jionlp:
        derive_places(args.jionlp)
    import jieba  # only for its dictionary file

    dict_path = Path(jieba.__file__).parent / "dict.txt"
    kept = [
        line
        for line in dict_path.read_text(encoding="utf-8").splitlines()
        if int(line.split()[1]) >= NAME_DICT_MIN_FREQ
    ]
    (LEX / "jieba_names.dict").write_text("\n".join(kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} words written to {LEX / 'jieba_names.dict'}", file=sys.stderr)
    titles = json.loads((LEX / "titles.json").read_text(encoding="utf-8"))
    orgs = json.loads((LEX / "organizations.json").read_text(encoding="utf-8"))
    inside = " ".join(titles["organs"]) + " " + json.dumps(orgs, ensure_ascii=False)
    entries = [line.split() for line in dict_path.read_text(encoding="utf-8").splitlines()]
    known = {word for word, _, _ in entries}
    verbs, in_names = [], []
    for word, freq, tag in entries:
        # a verb ending in a place character straddles words as often as not (推|进城|市)
        if tag not in ("v", "vn") or len(word) != 2 or int(freq) < MIN_FREQ or word[-1] in TERRITORIAL:
            continue
        if word not in ORG_INTERIOR and word not in inside:
            if tag == "v":
                verbs.append(word)
        # a verb that makes a unit with a territorial character (开发区, 自治县) stays inside names
        elif not any(word + c in known for c in TERRITORIAL):
            in_names.append(word)
    header = (
        "# Predicate verbs that end an organization name on its left (地处|义宁镇).\n"
        f"# Derived by scripts/derive_lexicons.py from jieba's dict.txt (MIT licence): tag v, two characters,\n"
        f"# frequency >= {MIN_FREQ}, minus verbs that occur inside organization names or end in a place character.\n"
    )
    (LEX / "verbs.txt").write_text(header + "\n".join(sorted(verbs)) + "\n", encoding="utf-8")
    print(f"{len(verbs)} verbs written to {LEX / 'verbs.txt'}", file=sys.stderr)
    header = (
        "# Verbs that live inside organization names (研究院, 监督委员会), held out of verbs.txt:\n"
        "# before a party or government organ of a place (学习|省委, 协助|市纪委) they still end a name.\n"
        "# Derived by scripts/derive_lexicons.py from jieba's dict.txt (MIT licence), as verbs.txt.\n"
    )
    (LEX / "verbs_in_names.txt").write_text(header + "\n".join(sorted(in_names)) + "\n", encoding="utf-8")
    print(f"{len(in_names)} verbs written to {LEX / 'verbs_in_names.txt'}", file=sys.stderr)
    # a one-character left stop (向, 同, 为, 时) that opens a word with the next character
    # (向阳, 同心, 为民, 时代) starts a word of the name there, not a predicate
    words = json.loads((LEX / "words.json").read_text(encoding="utf-8"))
    singles = {w for w in words["left_stops"] if len(w) == 1}
    opened = sorted(
        word
        for word, freq, tag in entries
        if len(word) == 2
        and word[0] in singles
        and int(freq) >= STOP_WORD_MIN_FREQ
        and tag in NOUN_TAGS  # 同时, 为了, 同意: function words and predicates still stop
        and word not in words["left_stops"]
    )
    header = (
        "# Two-character words that open with a one-character left stop (向阳, 同心, 为民, 时代): the\n"
        "# character starts a word of the name there (向阳社区), not a predicate before it.\n"
        f"# Derived by scripts/derive_lexicons.py from jieba's dict.txt (MIT licence): nouns and names,\n"
        f"# frequency >= {STOP_WORD_MIN_FREQ}.\n"
    )
    (LEX / "stop_char_words.txt").write_text(header + "\n".join(opened) + "\n", encoding="utf-8")
    print(f"{len(opened)} words written to {LEX / 'stop_char_words.txt'}", file=sys.stderr)
    weight: dict[str, int] = {}
    for line in dict_path.read_text(encoding="utf-8").splitlines():
        word, freq = line.split()[:2]
        for ch in word:
            if "\u4e00" <= ch <= "\u9fff":
                weight[ch] = weight.get(ch, 0) + int(freq)
    common = sorted(weight, key=lambda c: (-weight[c], c))[:COMMON_CHARS]
    (LEX / "common_chars.txt").write_text(
        f"# The {COMMON_CHARS} Chinese characters most used in jieba's dictionary (MIT), by summed word frequency;\n"
        "# derived by scripts/derive_lexicons.py.\n" + "".join(sorted(common)) + "\n",
        encoding="utf-8",
    )
    print(f"{len(common)} common characters written to {LEX / 'common_chars.txt'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
