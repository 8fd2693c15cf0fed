#!/usr/bin/env python3
"""What a user would write instead of organigram: the networkx baseline of BENCHMARKS.md.

Loads a description folder (every *.json file), builds a networkx DiGraph, finds unknown
references, duplicate ids, orphans and hierarchy cycles, then answers a chain of command, a
lowest common superior and a shortest path, and writes the whole hierarchy as DOT: the work
`organigram check` does, plus one query of each kind and a chart.

    python3 bench/networkx_check.py /tmp/gen100000 UNIT_A UNIT_B OUT.dot

Needs networkx (pip install -r tests/python/requirements.txt). Prints how long each step took.
"""

import json
import sys
import time
from pathlib import Path

import networkx as nx

HIERARCHICAL = {"attachment", "line-authority", "joint-attachment"}


def step(name, started):
    now = time.perf_counter()
    print(f"{name:>12}: {now - started:7.3f} s", file=sys.stderr)
    return now


def main(folder, a, b, out):
    t = time.perf_counter()
    start = t
    files = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(Path(folder).glob("*.json"))]
    t = step("parse", t)

    graph = nx.DiGraph()
    problems = []
    for doc in files:
        for unit in doc.get("units", []):
            if unit["id"] in graph:
                problems.append(("duplicate-id", unit["id"]))
            graph.add_node(unit["id"], **unit)
    hierarchy = nx.DiGraph()
    hierarchy.add_nodes_from(graph)
    for doc in files:
        for tie in doc.get("ties", []):
            if tie["from"] not in graph or tie["to"] not in graph:
                problems.append(("unknown-unit", tie["from"], tie["to"]))
                continue
            graph.add_edge(tie["from"], tie["to"], kind=tie["kind"])
            if tie["kind"] in HIERARCHICAL:
                # Ties go from the unit to its superior.
                hierarchy.add_edge(tie["from"], tie["to"])
    t = step("build", t)

    for unit, data in graph.nodes(data=True):
        if hierarchy.out_degree(unit) == 0 and "boundary" not in data and data.get("status") != "dissolved":
            problems.append(("orphan-unit", unit))
    for component in nx.strongly_connected_components(hierarchy):
        if len(component) > 1:
            problems.append(("hierarchy-cycle", sorted(component)))
    t = step("check", t)

    chain = [a]
    while hierarchy.out_degree(chain[-1]) > 0:
        chain.append(next(iter(hierarchy.successors(chain[-1]))))
    # The lowest common superior: the first superior of `a` that is also a superior of `b`.
    above_b = nx.descendants(hierarchy, b) | {b}
    common = next((u for u in [a, *nx.descendants(hierarchy, a)] if u in above_b), None)
    path = nx.shortest_path(graph.to_undirected(as_view=True), a, b)
    t = step("queries", t)

    with open(out, "w", encoding="utf-8") as dot:
        dot.write("digraph org {\n")
        for unit, data in graph.nodes(data=True):
            label = json.dumps(data["name"], ensure_ascii=False)
            dot.write(f'  "{unit}" [label={label}];\n')
        for child, parent in hierarchy.edges():
            dot.write(f'  "{parent}" -> "{child}";\n')
        dot.write("}\n")
    t = step("dot", t)
    step("total", start)
    print(
        f"{graph.number_of_nodes()} units, {graph.number_of_edges()} ties, {len(problems)} problems, "
        f"chain of {len(chain)}, common superior {common}, path of {len(path)}"
    )


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
