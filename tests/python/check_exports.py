"""Reads organigram's exports with the real clients and checks they say what organigram says.

networkx reads the GraphML and the node-link JSON; rdflib parses the Turtle and the JSON-LD (and
finds them the same graph). Each must give the number of units and ties organigram counts, and,
for each sample unit, the chain of command `organigram chain --format json` prints: the same
superiors through the same ties, found by networkx over the edges it reads as hierarchical, and by
a SPARQL query over the W3C Organization Ontology's org:subOrganizationOf (with org:postIn and
org:reportsTo, where posts take part) and the reified statements of the ties.

With --all-dates, the exports are of every date (`export --all-dates`), and SPARQL must find
each --change-event given (`ORIGINAL,...>RESULTING,...@DATE`: an org:ChangeEvent with exactly
those original and resulting organisations, each pointing back at it, and that dct:date) and each
--member-during (`MEMBER>ORGANIZATION@FROM/UNTIL`, either end empty: an org:Membership whose
org:memberDuring is a time:Interval with those time:Instants).

Run by tests/cli/export.rs, with the Python of the tests (target/test-python/):
    python check_exports.py --organigram BIN [--org PATH] --units N --ties N --sample ID...
        [--all-dates] [--change-event SPEC...] [--member-during SPEC...]
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

import networkx as nx
import rdflib

PREFIXES = """
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX time: <http://www.w3.org/2006/time#>
PREFIX organigram: <urn:organigram:vocab:>
"""

# An instant's date, at whichever precision it is written.
IN_XSD = "(time:inXSDDate|time:inXSDgYearMonth|time:inXSDgYear)"

HIERARCHY = "(org:subOrganizationOf|org:postIn|org:reportsTo)"

failures = []
passes = []


def check(what, got, expected):
    if got == expected:
        passes.append(what)
        print(f"ok: {what}")
    else:
        failures.append(what)
        print(f"FAILED: {what}\n  got      {got!r}\n  expected {expected!r}")


def organigram(args, *command):
    run = subprocess.run(
        [args.organigram, *(["--org", args.org] if args.org else []), *command],
        capture_output=True,
        text=True,
    )
    if run.returncode != 0:
        sys.exit(f"organigram {' '.join(command)} failed ({run.returncode}):\n{run.stderr}")
    return run.stdout


def chain_edges(chain):
    """(below, above, tie kind) for every step of a chain printed as JSON."""
    edges = set()

    def walk(unit, above):
        for step in above.get("superiors", []):
            edges.add((unit, step["unit"]["id"], step["tie"]))
            walk(step["unit"]["id"], step["above"])

    walk(chain["unit"]["id"], chain["above"])
    return edges


def networkx_chain(graph, unit):
    """The same edges, walking up the edges whose `hierarchical` attribute is the boolean True."""
    edges, seen, todo = set(), {unit}, [unit]
    while todo:
        below = todo.pop()
        for _, above, data in graph.out_edges(below, data=True):
            if data.get("hierarchical") is True:
                edges.add((below, above, data["kind"]))
                if above not in seen:
                    seen.add(above)
                    todo.append(above)
    return edges


def sparql_chain(graph, unit):
    """The same edges, from the ORG properties and the reified statements of the ties."""
    query = PREFIXES + f"""
    SELECT DISTINCT ?below ?above ?kind WHERE {{
        ?start org:identifier ?id .
        ?start {HIERARCHY}* ?b .
        ?tie rdf:subject ?b ; rdf:predicate ?property ; rdf:object ?a .
        ?property rdfs:label ?kind .
        FILTER NOT EXISTS {{ ?property rdfs:subPropertyOf org:linkedTo }}
        ?b org:identifier ?below .
        ?a org:identifier ?above .
    }}"""
    rows = graph.query(query, initBindings={"id": rdflib.Literal(unit)})
    return {(str(r.below), str(r.above), str(r.kind)) for r in rows}


def sub_organization_superiors(graph, unit):
    """The superiors of a unit over org:subOrganizationOf alone."""
    query = PREFIXES + """
    SELECT DISTINCT ?above WHERE {
        ?start org:identifier ?id .
        ?start org:subOrganizationOf+ ?a .
        ?a org:identifier ?above .
    }"""
    rows = graph.query(query, initBindings={"id": rdflib.Literal(unit)})
    return {str(r.above) for r in rows}


def grounded(graph):
    """The statements with each blank node named after the one statement that points at it (every
    blank node organigram writes is pointed at once: a citation's derivation, a membership's
    interval, an interval's instant, whose pointer is itself a blank node, named so in turn):
    comparing these sets tells whether two graphs are the same, in linear time where rdflib's
    general isomorphism test is not."""
    referrers = {}
    for subject, predicate, obj in graph:
        if isinstance(obj, rdflib.BNode):
            referrers.setdefault(obj, []).append((subject, predicate))

    def name(node):
        if not isinstance(node, rdflib.BNode):
            return node
        (subject, predicate), *others = referrers.get(node, [(None, None)])
        return ("blank node pointed at by", name(subject), predicate, len(others))

    return {(name(s), p, name(o)) for s, p, o in graph}


def count(graph, query):
    return int(next(iter(graph.query(PREFIXES + query)))[0])


def change_events(graph):
    """Every org:ChangeEvent: (originals, results, date), each unit by its identifier, counting
    only the units that point back at the event (org:changedBy, org:resultedFrom)."""
    query = PREFIXES + """
    SELECT ?event ?side ?id ?date WHERE {
        ?event a org:ChangeEvent .
        OPTIONAL { ?event dct:date ?date }
        {
            ?event org:originalOrganization ?unit . ?unit org:changedBy ?event .
            BIND("original" AS ?side)
        } UNION {
            ?event org:resultingOrganization ?unit . ?unit org:resultedFrom ?event .
            BIND("result" AS ?side)
        }
        ?unit org:identifier ?id .
    }"""
    events = {}
    for row in graph.query(query):
        event = events.setdefault(row.event, {"original": set(), "result": set(), "date": None})
        event[str(row.side)].add(str(row.id))
        if row.date is not None:
            event["date"] = str(row.date)
    return {(frozenset(e["original"]), frozenset(e["result"]), e["date"]) for e in events.values()}


def member_during(graph):
    """Every org:Membership with an org:memberDuring interval: (member, organization, from,
    until), the ends as written, empty when open."""
    query = PREFIXES + f"""
    SELECT ?member ?organization ?from ?until WHERE {{
        ?membership a org:Membership ; org:member ?m ; org:organization ?o ;
            org:memberDuring ?interval .
        ?interval a time:Interval .
        OPTIONAL {{ ?interval time:hasBeginning ?b . ?b a time:Instant ; {IN_XSD} ?from }}
        OPTIONAL {{ ?interval time:hasEnd ?e . ?e a time:Instant ; {IN_XSD} ?until }}
        ?m org:identifier ?member .
        ?o org:identifier ?organization .
    }}"""
    return {
        (str(r.member), str(r.organization), str(r["from"] or ""), str(r.until or ""))
        for r in graph.query(query)
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organigram", required=True)
    parser.add_argument("--org")
    parser.add_argument("--units", type=int, required=True)
    parser.add_argument("--ties", type=int, required=True)
    parser.add_argument("--sample", action="append", default=[])
    parser.add_argument("--all-dates", action="store_true")
    parser.add_argument("--change-event", action="append", default=[])
    parser.add_argument("--member-during", action="append", default=[])
    args = parser.parse_args()
    every_date = ["--all-dates"] if args.all_dates else []

    with tempfile.TemporaryDirectory() as folder:
        paths = {}
        for format, extension in [("graphml", "graphml"), ("json", "json"), ("turtle", "ttl"), ("jsonld", "jsonld")]:
            paths[format] = os.path.join(folder, f"export.{extension}")
            organigram(args, "export", *every_date, "--format", format, "-o", paths[format])

        graphml = nx.read_graphml(paths["graphml"], force_multigraph=True)
        check("networkx reads the GraphML as a directed graph", graphml.is_directed(), True)
        check("GraphML nodes", graphml.number_of_nodes(), args.units)
        check("GraphML edges", graphml.number_of_edges(), args.ties)
        with open(paths["json"], encoding="utf-8") as file:
            node_link = nx.node_link_graph(json.load(file))
        check("node-link JSON is a directed multigraph", (node_link.is_directed(), node_link.is_multigraph()), (True, True))
        check("node-link nodes", node_link.number_of_nodes(), args.units)
        check("node-link edges", node_link.number_of_edges(), args.ties)
        typed = [d for _, d in graphml.nodes(data=True) if "headcount" in d or "vacant" in d]
        check(
            "GraphML attributes keep their types",
            all(isinstance(d.get("headcount", 0), int) and isinstance(d.get("vacant", False), bool) for d in typed),
            True,
        )

        turtle = rdflib.Graph().parse(paths["turtle"], format="turtle")
        jsonld = rdflib.Graph().parse(paths["jsonld"], format="json-ld")
        check("Turtle and JSON-LD hold the same statements", grounded(jsonld), grounded(turtle))
        check("RDF units", count(turtle, "SELECT (COUNT(DISTINCT ?u) AS ?n) WHERE { ?u org:identifier ?id }"), args.units)
        check("RDF ties", count(turtle, "SELECT (COUNT(?t) AS ?n) WHERE { ?t a rdf:Statement }"), args.ties)

        for graph, name in [(turtle, "Turtle"), (jsonld, "JSON-LD")]:
            events = change_events(graph)
            for spec in args.change_event:
                sides, date = spec.split("@")
                originals, results = sides.split(">")
                wanted = (frozenset(originals.split(",")), frozenset(results.split(",")), date)
                check(f"SPARQL finds the change event {spec} ({name})", wanted in events, True)
            intervals = member_during(graph)
            for spec in args.member_during:
                ends, period = spec.split("@")
                member, organization = ends.split(">")
                start, end = period.split("/")
                wanted = (member, organization, start, end)
                check(f"SPARQL finds the membership {spec} ({name})", wanted in intervals, True)

        for unit in args.sample:
            expected = chain_edges(json.loads(organigram(args, "chain", unit, "--format", "json")))
            check(f"networkx chain of {unit} ({len(expected)} steps)", networkx_chain(graphml, unit), expected)
            check(f"node-link chain of {unit}", networkx_chain(node_link, unit), expected)
            check(f"SPARQL chain of {unit} (Turtle)", sparql_chain(turtle, unit), expected)
            check(f"SPARQL chain of {unit} (JSON-LD)", sparql_chain(jsonld, unit), expected)
            families = {graphml.nodes[u]["family"] for edge in expected for u in edge[:2]}
            if families <= {"organisation", "line-unit"}:
                superiors = {above for _, above, _ in expected}
                check(f"org:subOrganizationOf+ from {unit}", sub_organization_superiors(turtle, unit), superiors)

    print(f"{len(passes)} passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
