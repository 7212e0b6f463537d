"""Example: import the user's sample into a throw-away store and ask who chaired,
who attended, and which units reported, through the library (no CLI).

Run: python examples/who_governs.py
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from kg.analysis.query import run_query
from kg.importer import import_paths
from kg.store.base import open_store

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "shangjie-xinxi-2020-46.txt"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "store")
        try:
            for report in import_paths([SAMPLE], store):
                print(report.line())
            chairs = (ROOT / "queries" / "chairs.rq").read_text(encoding="utf-8")
            for date, meeting, name, issue, _evidence in run_query(store, chairs):
                print(f"{date}  {name} chaired {meeting} (reported in {issue})")
            attendees = """SELECT ?name WHERE { ?x dkg:event ?e ; dkg:role dkg:Attendee ; dkg:agent/foaf:name ?name .
                                                ?e schema:name ?meeting } ORDER BY ?name"""
            from rdflib import Literal

            names = [str(r[0]) for r in run_query(store, attendees, {"meeting": Literal("高品质城市建设工作推进会")})]
            print("attended:", "、".join(names))
        finally:
            store.close()


if __name__ == "__main__":
    main()
