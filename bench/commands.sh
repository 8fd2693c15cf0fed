#!/usr/bin/env bash
# Whole-command timings for BENCHMARKS.md: organigram's commands on generated descriptions of
# 1k, 10k, 100k and 1M units, beside the three baselines run on the same files in the same
# session: the serde_json parsing floor (examples/parse_floor.rs), the networkx script
# (bench/networkx_check.py) and the DuckDB one (bench/duckdb_check.py). Needs hyperfine
# (apt-get install hyperfine), and a Python with networkx and duckdb (PYTHON=path/to/python:
# python3 -m venv /tmp/venv && /tmp/venv/bin/pip install duckdb -r tests/python/requirements.txt).
#
#   bash bench/commands.sh                 # every size
#   bash bench/commands.sh 1000 10000      # some sizes
#
# Markdown tables go to target/bench/; peak memory (GNU time's maximum resident set) is printed.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin organigram --example parse_floor
bin=target/release/organigram
floor=target/release/examples/parse_floor
out=target/bench
mkdir -p "$out"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000 1000000)
python=${PYTHON:-python3}

hyperfine_runs() {  # fewer runs where one run takes seconds
    if [ "$1" -ge 1000000 ]; then echo "--runs 3"; elif [ "$1" -ge 100000 ]; then echo "--runs 5"; else echo "--warmup 2"; fi
}

peak() {  # label, command...: prints the peak resident memory of one run
    local label=$1
    shift
    /usr/bin/time -f "%M" -o "$out/peak.tmp" "$@" >/dev/null 2>&1 || true
    awk -v label="$label" '{ printf "%-28s %8.1f MB\n", label, $1 / 1024 }' "$out/peak.tmp"
}

for n in "${sizes[@]}"; do
    dir=/tmp/organigram-bench-$n
    if [ ! -d "$dir" ]; then
        $bin generate --units "$n" --seed 1 -o "$dir" >/dev/null
    fi
    # A second version for diff: the names of one file's posts changed.
    if [ ! -d "$dir.v2" ]; then
        cp -rL "$dir" "$dir.v2"
        sed -i 's/"Chargé de mission /"Chargée de mission /' "$dir.v2/org-0000.json"
    fi
    first=$(ls "$dir" | head -1)
    last=$(ls "$dir" | tail -1)
    # The last unit declared in the first file, deep in its hierarchy, and one two thirds of the
    # way through the last file (another organisation when there are several).
    a=$(grep -o '"id": "o[0-9]*-u[0-9]*"' "$dir/$first" | tail -1 | cut -d'"' -f4)
    ids=$(grep -c '"id": "o[0-9]*-u[0-9]*"' "$dir/$last")
    b=$(grep -o '"id": "o[0-9]*-u[0-9]*"' "$dir/$last" | sed -n "$((ids * 2 / 3))p" | cut -d'"' -f4)
    top=$(grep -o '"id": "o[0-9]*"' "$dir/$first" | head -1 | cut -d'"' -f4)
    size=$(du -sb "$dir" | cut -f1)
    echo "== $n units, $((size / 1000000)) MB on disk; a=$a b=$b top=$top"
    # shellcheck disable=SC2046
    hyperfine $(hyperfine_runs "$n") -N --ignore-failure --export-markdown "$out/commands-$n.md" \
        -n floor "$floor $dir" \
        -n load "$bin --org $dir stats" \
        -n check "$bin --org $dir check" \
        -n chain "$bin --org $dir chain $a" \
        -n subordinates "$bin --org $dir subordinates $top" \
        -n superior "$bin --org $dir superior $a $b" \
        -n path "$bin --org $dir path $a $b" \
        -n render-subtree "$bin --org $dir render --root $a --format dot -o $out/subtree.dot" \
        -n render-whole "$bin --org $dir render --view full --format dot -o $out/whole.dot" \
        -n diff "$bin diff $dir $dir.v2" \
        -n duckdb "$python bench/duckdb_check.py $dir $a $b" \
        -n networkx "$python bench/networkx_check.py $dir $a $b $out/networkx.dot"
    peak "floor" "$floor" "$dir"
    peak "check" "$bin" --org "$dir" check
    peak "chain" "$bin" --org "$dir" chain "$a"
    peak "duckdb" "$python" bench/duckdb_check.py "$dir" "$a" "$b"
    peak "networkx" "$python" bench/networkx_check.py "$dir" "$a" "$b" "$out/networkx.dot"
done
rm -f "$out/peak.tmp"
