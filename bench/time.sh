#!/usr/bin/env bash
# What --as-of costs (issue 16: at most 10% on any command at 1M units), for BENCHMARKS.md.
# `check`, `chain` and `stats` on the same files, run by:
#   - base:       a binary built before the time work, which does not cut (its path, first argument);
#   - today:      this tree's binary, which cuts to today by default;
#   - as-of-2000: this tree's binary with --as-of 2000;
# first on an undated description, then (this tree's binary only: the base one cannot read
# dates on units) on the same description with a generated history.
#
#   git clone . /tmp/base16 && git -C /tmp/base16 checkout f7b31a8
#   (cd /tmp/base16 && cargo build --release)
#   bash bench/time.sh /tmp/base16/target/release/organigram [UNITS [CHANGES]]
#
# Needs hyperfine (apt-get install hyperfine). JSON results and a Markdown summary go to
# target/bench/; the summary is printed. On a shared machine, where times vary by more than the
# 10% to be measured, INSTRUCTIONS=1 counts the instructions each run executes instead (with
# valgrind's cachegrind, one run each): counts do not depend on what else the machine runs.
set -euo pipefail
cd "$(dirname "$0")/.."
base=$1
n=${2:-1000000}
changes=${3:-$((n / 10))}
cargo build --release --quiet --bin organigram
bin=target/release/organigram
out=target/bench
mkdir -p "$out"
undated=/tmp/organigram-bench-$n
dated=/tmp/organigram-bench-$n-changes-$changes
[ -d "$undated" ] || $bin generate --units "$n" --seed 1 -o "$undated" >/dev/null
[ -d "$dated" ] || $bin generate --units "$n" --seed 1 --changes "$changes" -o "$dated" >/dev/null
# The last unit declared in the first file, deep in its hierarchy; it must exist on both days
# in the history too (the run stops here when it does not).
unit=$(grep -o '"id": "o[0-9]*-u[0-9]*"' "$undated/org-0000.json" | tail -1 | cut -d'"' -f4)
$bin --org "$dated" chain "$unit" >/dev/null
$bin --org "$dated" --as-of 2000 chain "$unit" >/dev/null
runs="--runs 5 --warmup 1"
[ "$n" -ge 1000000 ] || runs="--warmup 3"

if [ "${INSTRUCTIONS:-}" = 1 ]; then
    instructions() {  # label, command...: prints the instructions the command executes
        local label=$1
        shift
        valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null "$@" \
            >/dev/null 2>"$out/cachegrind.tmp" || true
        local count
        count=$(grep -o 'I *refs: *[0-9,]*' "$out/cachegrind.tmp" | tr -dc '0-9')
        echo "$label $count" | tee -a "$out/instructions.txt"
    }
    : >"$out/instructions.txt"
    for command in check "chain $unit" stats; do
        name=${command%% *}
        # shellcheck disable=SC2086
        instructions "$name undated base" $base --org "$undated" $command
        # shellcheck disable=SC2086
        instructions "$name undated today" $bin --org "$undated" $command
        # shellcheck disable=SC2086
        instructions "$name undated as-of-2000" $bin --org "$undated" --as-of 2000 $command
        # shellcheck disable=SC2086
        instructions "$name history today" $bin --org "$dated" $command
        # shellcheck disable=SC2086
        instructions "$name history as-of-2000" $bin --org "$dated" --as-of 2000 $command
    done
    rm -f "$out/cachegrind.tmp"
    exit
fi

for command in check "chain $unit" stats; do
    name=${command%% *}
    # shellcheck disable=SC2086
    hyperfine $runs -N --ignore-failure --export-json "$out/time-$name-undated.json" \
        -n base "$base --org $undated $command" \
        -n today "$bin --org $undated $command" \
        -n as-of-2000 "$bin --org $undated --as-of 2000 $command"
    # shellcheck disable=SC2086
    hyperfine $runs -N --ignore-failure --export-json "$out/time-$name-history.json" \
        -n today "$bin --org $dated $command" \
        -n as-of-2000 "$bin --org $dated --as-of 2000 $command"
done

python3 - "$out" <<'EOF' | tee "$out/time.md"
import json, sys, pathlib
out = pathlib.Path(sys.argv[1])
# Ratios are to the first run of each group: base for the undated files, today for the history.
print("| command | files | run | wall (mean ± sd) | CPU (user + system) | wall ratio | CPU ratio |")
print("|---|---|---|---:|---:|---:|---:|")
for name in ["check", "chain", "stats"]:
    for files in ["undated", "history"]:
        results = json.loads((out / f"time-{name}-{files}.json").read_text())["results"]
        first = results[0]
        for r in results:
            cpu, first_cpu = r["user"] + r["system"], first["user"] + first["system"]
            print(f"| {name} | {files} | {r['command']} | {r['mean']:.2f} ± {r['stddev']:.2f} s "
                  f"| {cpu:.2f} s | {r['mean'] / first['mean']:.3f} | {cpu / first_cpu:.3f} |")
EOF
