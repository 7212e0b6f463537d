"""Map an issue and its facts onto the ontology: one rdflib Graph per issue."""

from __future__ import annotations

import itertools

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, SDO, SKOS, XSD

from .. import __version__
from ..lexicon import load_lexicon
from ..orgnames import org_key
from ..types import Evidence, Facts, Issue
from .iris import graph_iri, iri, issue_iri
from .vocab import DKG, NIF, PREFIXES

NATIONAL = "全国"  # the scope of persons who are not any district's

ROLE = {"Chair": DKG.Chair, "Leader": DKG.Leader, "Attendee": DKG.Attendee, "Speaker": DKG.Speaker}
EVENT_CLASS = {"Meeting": DKG.Meeting, "StudyVisit": DKG.StudyVisit, "Activity": DKG.Activity}
PROJECT_WORDS = ("项目", "工程", "改造", "建设")


class _Builder:
    def __init__(self, issue: Issue) -> None:
        self.issue = issue
        self.g = Graph(identifier=graph_iri(issue.key))
        for prefix, ns in PREFIXES.items():
            self.g.bind(prefix, ns)
        self.scope = issue.district or issue.key.replace("/", "-")
        self.issue_node = issue_iri(issue.key)
        self.context = self.here("text")
        self.pref_org: dict[str, str] = {}
        self.short_places: dict[str, str] = {}

    def here(self, *parts: object) -> URIRef:
        """An IRI under this issue: its articles, sentences and fact nodes."""
        return iri("issue", *self.issue.key.split("/"), *parts)

    def add(self, s, p, o) -> None:
        self.g.add((s, p, o))

    # --- shared nodes
    def sentence(self, ev: Evidence) -> URIRef:
        node = self.here("text", f"{ev.sent_start}-{ev.sent_end}")
        self.add(node, RDF.type, NIF.Sentence)
        self.add(node, NIF.beginIndex, Literal(ev.sent_start, datatype=XSD.nonNegativeInteger))
        self.add(node, NIF.endIndex, Literal(ev.sent_end, datatype=XSD.nonNegativeInteger))
        self.add(node, NIF.anchorOf, Literal(ev.sentence))
        self.add(node, NIF.referenceContext, self.context)
        return node

    def phrase(self, node: URIRef, ev: Evidence) -> None:
        # Untyped and without its context: the IRI sits under the issue's text and
        # dkg:phrase's range says nif:Phrase; three triples a fact, not five
        ph = self.here("text", f"{ev.start}-{ev.end}")
        self.add(node, DKG.phrase, ph)
        self.add(ph, NIF.beginIndex, Literal(ev.start, datatype=XSD.nonNegativeInteger))
        self.add(ph, NIF.endIndex, Literal(ev.end, datatype=XSD.nonNegativeInteger))

    def provenance(self, node: URIRef, ev: Evidence) -> None:
        self.add(node, PROV.wasDerivedFrom, self.sentence(ev))
        self.phrase(node, ev)
        self.add(node, DKG.confidence, Literal(round(ev.confidence, 2), datatype=XSD.decimal))
        self.add(node, DKG.rule, Literal(ev.rule))

    def person(self, name: str) -> URIRef:
        # the country's leaders (known_persons.txt) are one node wherever a bulletin names
        # them; everyone else belongs to the issue's district
        scope = NATIONAL if name in load_lexicon().known_persons else self.scope
        node = iri("person", scope, name)
        self.add(node, RDF.type, FOAF.Person)
        self.add(node, FOAF.name, Literal(name))
        return node

    def co_attendance(self, event: URIRef, names: set[str]) -> None:
        # Stated per issue and named by the two persons alone, so the store's union
        # graph holds each (pair, event) once however many issues report the meeting:
        # "who meets whom most" becomes a count over one predicate instead of a join
        # over every participation (20 s at 5,000 issues). No rdf:type: dkg:between's
        # domain says it, and 115,000 pairs at 5,000 issues need not say it again.
        for a, b in itertools.combinations(sorted(names), 2):
            pair = iri("pair", self.scope, a, b)
            self.add(pair, DKG.between, self.person(a))
            self.add(pair, DKG.between, self.person(b))
            self.add(pair, DKG.sharedEvent, event)

    def implied_org(self, name: str) -> URIRef:
        """The organ a title implies but the text does not write (区长 → 区政府). Labelled,
        not typed: an org:Organization here is an organization the text names (typed
        where it does, through org:postIn's range where it does not)."""
        key = self.org_key(name)
        node = iri("org", self.scope, key)
        self.add(node, SKOS.prefLabel, Literal(self.pref_org.get(key, name)))
        return node

    def org(self, name: str, kind: str | None = None) -> URIRef:
        key = self.org_key(name)
        node = iri("org", self.scope, key)
        pref = self.pref_org.get(key, name)
        self.add(node, RDF.type, ORG.Organization)
        self.add(node, SKOS.prefLabel, Literal(pref))
        if name != pref:
            self.add(node, SKOS.altLabel, Literal(name))
        if kind:
            self.add(node, ORG.classification, iri("orgkind", kind))
            self.add(iri("orgkind", kind), RDF.type, SKOS.Concept)
            self.add(iri("orgkind", kind), SKOS.prefLabel, Literal(kind))
            self.add(iri("orgkind", kind), SKOS.inScheme, iri("orgkind"))
        return node

    def org_key(self, name: str) -> str:
        """农委, 区农委 and 上街区农业农村委员会 are one node (labels as written);
        so are 吴江 and 吴江区 when the issue writes both."""
        return org_key(self.short_places.get(name, name), self.issue.district)

    # --- the issue
    def build(self, facts: Facts) -> Graph:
        issue = self.issue
        self.short_places = {
            o.name[:-1]: o.name
            for o in facts.organizations
            if o.kind == "行政区" and o.name[-1:] in "区县市旗" and len(o.name) >= 3
        }
        # the fullest written form of each organization is its preferred label
        written = [o.name for o in facts.organizations] + [t.organ for t in facts.titles if t.organ]
        written += [issue.organ] if issue.organ else []
        for name in sorted(set(written), key=lambda n: (-len(n), n)):
            self.pref_org.setdefault(self.org_key(name), name)
        known_orgs = {self.org_key(o.name) for o in facts.organizations}
        g, node = self.g, self.issue_node
        self.add(node, RDF.type, SDO.PublicationIssue)
        self.add(node, DKG.issueKey, Literal(issue.key))
        self.add(node, DKG.sourceFile, Literal(issue.path.name))
        self.add(node, DKG.sha256, Literal(issue.sha256))
        self.add(node, DKG.encoding, Literal(issue.encoding))
        self.add(node, DKG.extractorVersion, Literal(__version__))
        if issue.district:
            self.add(node, DKG.district, Literal(issue.district))
        if issue.title:
            self.add(node, SDO.name, Literal(issue.title))
        if issue.number is not None:
            self.add(node, SDO.issueNumber, Literal(issue.number))
        if issue.print_count is not None:
            self.add(node, DKG.printCount, Literal(issue.print_count))
        if issue.date:
            self.add(node, SDO.datePublished, Literal(issue.date, datatype=XSD.date))
        if issue.series:
            per = iri("periodical", issue.series)
            self.add(per, RDF.type, SDO.Periodical)
            self.add(per, SDO.name, Literal(issue.series))
            self.add(node, SDO.isPartOf, per)
        if issue.organ:
            pub = self.org(issue.organ, "党委" if issue.organ.startswith("中共") else None)
            self.add(node, SDO.publisher, pub)
        self.add(self.context, RDF.type, NIF.Context)
        self.add(self.context, NIF.isString, Literal(issue.text))
        self.add(self.context, DCTERMS.source, node)  # evidence sentence → text → issue, for answers
        for art in issue.articles:
            a = self.here("article", art.index)
            self.add(a, RDF.type, SDO.NewsArticle)
            self.add(a, SDO.isPartOf, node)
            self.add(a, SDO.position, Literal(art.index + 1))
            self.add(a, SDO.genre, Literal("简讯" if art.kind == "brief" else "文章"))
            if art.headline:
                self.add(a, SDO.headline, Literal(art.headline))
            if art.unit:
                self.add(a, SDO.sourceOrganization, self.org(art.unit))
            b, e = issue.original_span(art.start, art.end)
            self.add(a, NIF.beginIndex, Literal(b, datatype=XSD.nonNegativeInteger))
            self.add(a, NIF.endIndex, Literal(e, datatype=XSD.nonNegativeInteger))
        for k, dist in enumerate(issue.distribution):
            d = self.here("distribution", k)
            self.add(d, RDF.type, DKG.Distribution)
            self.add(d, DKG.distributionVerb, Literal(dist.verb))
            self.add(node, DCTERMS.audience, d)
            for r in dist.recipients:
                r = r.strip()
                self.add(d, DKG.recipient, self.org(r) if self.org_key(r) in known_orgs else Literal(r))
        for name in issue.editors:
            self.add(node, SDO.editor, self.person(name))
        self._facts(facts)
        return g

    def _facts(self, facts: Facts) -> None:
        issue = self.issue
        lex = load_lexicon()
        for p in facts.persons:
            self.person(p.name)
        for o in facts.organizations:
            self.org(o.name, o.kind)
        for t in facts.titles:
            att = self.here("attestation", f"{t.evidence.start}-{t.evidence.end}", t.person)
            self.add(att, RDF.type, DKG.PostAttestation)
            self.add(att, DKG.person, self.person(t.person))
            self.add(att, DKG.titleAsWritten, Literal(t.title))
            role = iri("role", t.rank)
            self.add(role, RDF.type, ORG.Role)
            self.add(role, SKOS.prefLabel, Literal(t.rank))
            written = t.organ if t.organ and t.organ.endswith(lex.org_suffixes) else None
            organ = written or lex.implied_organs.get(t.rank)
            if organ:
                key = self.org_key(organ)
                post = iri("post", self.scope, key, t.rank)
                self.add(post, RDF.type, ORG.Post)
                self.add(post, ORG.postIn, self.org(organ) if written else self.implied_org(organ))
                self.add(post, ORG.role, role)
                # 区委书记 says its organ; 区长 is read as it stands
                self.add(post, SKOS.prefLabel, Literal(self.pref_org.get(key, organ) + t.rank if written else t.rank))
                self.add(att, DKG.post, post)
            else:
                self.add(att, DKG.role, role)
            if t.observed_on:
                self.add(att, DKG.observedOn, Literal(t.observed_on, datatype=XSD.date))
            self.provenance(att, t.evidence)
        event_nodes: list[URIRef] = []
        main_meeting: dict[int, URIRef] = {}
        for e in facts.events:
            if e.date:
                ev = iri("event", self.scope, e.date.isoformat(), e.label)
            else:
                ev = self.here("event", e.evidence.start)
            event_nodes.append(ev)
            self.add(ev, RDF.type, EVENT_CLASS[e.kind])
            self.add(ev, SDO.name, Literal(e.label))
            if e.date:
                self.add(ev, SDO.startDate, Literal(e.date, datatype=XSD.date))
            if e.date_as_written:
                self.add(ev, DKG.dateAsWritten, Literal(e.date_as_written))
            self.add(ev, SDO.subjectOf, self.here("article", e.article))
            self.provenance(ev, e.evidence)
            if e.kind == "Meeting" and not e.before_main:
                main_meeting.setdefault(e.article, ev)
            for p in e.participations:
                part = URIRef(f"{ev}/role/{p.role}/{p.person}")
                self.add(part, RDF.type, DKG.Participation)
                self.add(part, DKG.event, ev)
                self.add(part, DKG.agent, self.person(p.person))
                self.add(part, DKG.role, ROLE[p.role])
                self.add(part, DKG.verbAsWritten, Literal(p.verb))
                if p.role in ("Attendee", "Speaker"):
                    self.add(ev, SDO.attendee, self.person(p.person))
                self.provenance(part, p.evidence)
            self.co_attendance(ev, {p.person for p in e.participations})
            for st in e.statements:
                s = self.here("statement", st.evidence.start)
                self.add(s, RDF.type, DKG.Statement)
                self.add(s, SDO.creator, self.person(st.speaker))
                self.add(s, SDO.text, Literal(st.text))
                self.add(s, DKG.speechAct, Literal(st.speech_act))
                self.add(s, SDO.recordedAt, ev)
                self.provenance(s, st.evidence)
        for e, ev in zip(facts.events, event_nodes):
            if e.before_main and e.article in main_meeting:
                self.add(ev, DKG.before, main_meeting[e.article])
        inits: dict[str, URIRef] = {}
        for i in facts.initiatives:
            node = iri("initiative", self.scope, i.name)
            inits[i.name] = node
            self.add(node, RDF.type, DKG.Initiative)
            self.add(node, SKOS.prefLabel, Literal(i.name))
            if i.alias:
                self.add(node, SKOS.altLabel, Literal(i.alias))
            self.add(node, SKOS.inScheme, iri("initiative", self.scope))
            self.add(node, PROV.wasDerivedFrom, self.sentence(i.evidence))
            self.phrase(node, i.evidence)
            # parts of a compound slogan: 三项工程、一项管理
            for part in [p for p in i.name.split("、") if p] if "、" in i.name else []:
                pn = iri("initiative", self.scope, part)
                self.add(pn, RDF.type, SKOS.Concept)
                self.add(pn, SKOS.prefLabel, Literal(part))
                self.add(node, SKOS.narrower, pn)
        q_nodes: list[URIRef] = []
        for q in facts.quantities:
            node = self.here("quantity", q.evidence.start)
            q_nodes.append(node)
            self.add(node, RDF.type, SDO.QuantitativeValue)
            value = int(q.value) if float(q.value).is_integer() else q.value
            self.add(node, SDO.value, Literal(value))
            self.add(node, SDO.unitText, Literal(q.unit))
            self.add(node, SDO.description, Literal(q.subject))
            if q.approximate:
                self.add(node, DKG.approximate, Literal(True))
            if issue.date:
                self.add(node, DKG.asOf, Literal(issue.date, datatype=XSD.date))
            self.provenance(node, q.evidence)
            if any(w in q.subject for w in PROJECT_WORDS):
                proj = iri("project", self.scope, q.subject)
                self.add(proj, RDF.type, DKG.Project)
                self.add(proj, SDO.name, Literal(q.subject))
                self.add(proj, DKG.progress, node)
                for name, init in inits.items():
                    if name in q.evidence.sentence:
                        self.add(proj, DKG.partOfInitiative, init)
        for q, node in zip(facts.quantities, q_nodes):
            if q.part_of is not None:
                self.add(node, DKG.partOfTotal, q_nodes[q.part_of])


def build_graph(issue: Issue, facts: Facts) -> Graph:
    """Every triple extracted from ``issue``, in the graph named after it."""
    return _Builder(issue).build(facts)
