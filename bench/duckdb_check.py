#!/usr/bin/env python3
"""What an analyst would write instead of organigram, in SQL: the DuckDB baseline of BENCHMARKS.md.

Reads every *.json file of a description folder with DuckDB's JSON reader (all cores), and
finds duplicate ids, ties to unknown units, orphans (units with no superior that are neither a
boundary nor dissolved) and hierarchy cycles (a recursive CTE of every unit's superiors), then
answers a chain of command and a lowest common superior: the work `organigram check` does,
plus one query of each kind, as the networkx script of this folder does it in Python.

    python3 bench/duckdb_check.py /tmp/gen100000 UNIT_A UNIT_B

Needs the DuckDB Python package (pip install duckdb; measured with 2.0.1). Prints how long
each step took, and what it found, so that the figures can be compared with `check`'s.
"""

import sys
import time
from pathlib import Path

import duckdb

# The columns read: the reader skips every other field of a unit or a tie.
COLUMNS = {
    "units": "STRUCT(id VARCHAR, name VARCHAR, kind VARCHAR, boundary VARCHAR, status VARCHAR)[]",
    "ties": 'STRUCT(kind VARCHAR, "from" VARCHAR, "to" VARCHAR)[]',
}

HIERARCHICAL = "('attachment', 'line-authority', 'joint-attachment')"


def step(name, started):
    now = time.perf_counter()
    print(f"{name:>12}: {now - started:7.3f} s", file=sys.stderr)
    return now


def main(folder, a, b):
    start = t = time.perf_counter()
    db = duckdb.connect()
    files = sorted(str(p) for p in Path(folder).glob("*.json"))
    largest = max(Path(f).stat().st_size for f in files)
    columns = ", ".join(f"'{name}': '{kind}'" for name, kind in COLUMNS.items())
    db.execute(
        f"""
        CREATE TABLE docs AS SELECT * FROM read_json(?, format = 'unstructured',
            columns = {{{columns}}}, maximum_object_size = {largest + 1})
        """,
        [files],
    )
    db.execute("CREATE TABLE units AS SELECT unnest(units, recursive := true) FROM docs")
    db.execute("CREATE TABLE ties AS SELECT unnest(ties, recursive := true) FROM docs")
    db.execute(
        f"""CREATE TABLE hierarchy AS SELECT "from" AS unit, "to" AS superior FROM ties
            WHERE kind IN {HIERARCHICAL}"""
    )
    t = step("parse", t)

    duplicates = db.execute(
        "SELECT id FROM units GROUP BY id HAVING count(*) > 1"
    ).fetchall()
    unknown = db.execute(
        """SELECT t."from", t."to" FROM ties t
           LEFT JOIN units f ON f.id = t."from" LEFT JOIN units s ON s.id = t."to"
           WHERE f.id IS NULL OR s.id IS NULL"""
    ).fetchall()
    orphans = db.execute(
        """SELECT u.id FROM units u ANTI JOIN hierarchy h ON h.unit = u.id
           WHERE u.boundary IS NULL AND u.status IS DISTINCT FROM 'dissolved'"""
    ).fetchall()
    # Every unit's superiors, all the way up: UNION (not UNION ALL) drops the pairs already
    # found, so that a cycle ends the recursion; a unit among its own superiors is in a cycle.
    cycles = db.execute(
        """WITH RECURSIVE above(unit, superior) AS (
               SELECT unit, superior FROM hierarchy
               UNION
               SELECT a.unit, h.superior FROM above a JOIN hierarchy h ON h.unit = a.superior
           )
           SELECT DISTINCT unit FROM above WHERE unit = superior"""
    ).fetchall()
    t = step("check", t)

    superiors = """WITH RECURSIVE up(unit, depth) AS (
               SELECT ?, 0
               UNION
               SELECT h.superior, u.depth + 1 FROM up u JOIN hierarchy h ON h.unit = u.unit
               WHERE u.depth < 64
           )"""
    chain = db.execute(
        f"""{superiors} SELECT unit FROM up GROUP BY unit ORDER BY min(depth)""", [a]
    ).fetchall()
    common = db.execute(
        f"""{superiors}, up_b(unit, depth) AS (
               SELECT ?, 0
               UNION
               SELECT h.superior, u.depth + 1 FROM up_b u JOIN hierarchy h ON h.unit = u.unit
               WHERE u.depth < 64
           )
           SELECT up.unit FROM up JOIN up_b USING (unit)
           GROUP BY up.unit ORDER BY min(up.depth) LIMIT 1""",
        [a, b],
    ).fetchone()
    t = step("queries", t)
    step("total", start)
    (units,) = db.execute("SELECT count(*) FROM units").fetchone()
    (ties,) = db.execute("SELECT count(*) FROM ties").fetchone()
    problems = len(duplicates) + len(unknown) + len(orphans) + len(cycles)
    print(
        f"{units} units, {ties} ties, {problems} problems ({len(duplicates)} duplicates, "
        f"{len(unknown)} unknown ends, {len(orphans)} orphans, {len(cycles)} in cycles), "
        f"{len(chain)} units up from {a}, common superior {common[0] if common else None}"
    )


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
