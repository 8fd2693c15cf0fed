#!/usr/bin/env bash
# What --as-of costs (issue 16: at most 10% on any command at 1M units), for BENCHMARKS.md.
# `check`, `chain` and `stats` on the same files, run by:
#   - base:       a binary built before the time work, which does not cut (first argument);
#   - uncut:      this tree's code with the cut to today taken out (second argument; see below);
#   - today:      this tree's binary, which cuts to today by default;
#   - as-of-2000: this tree's binary with --as-of 2000;
# first on an undated description, then on the same description with a generated history (all
# but base, which cannot read dates on units).
#
#   git clone . /tmp/base16 && git -C /tmp/base16 checkout f7b31a8
#   (cd /tmp/base16 && cargo build --release)
#   git clone . /tmp/uncut16 && sed -i 's/let loader = loader.today(today());/let loader = loader;/' \
#       /tmp/uncut16/src/cli/mod.rs && (cd /tmp/uncut16 && cargo build --release)
#   bash bench/time.sh /tmp/base16/target/release/organigram /tmp/uncut16/target/release/organigram
#
# Optional third and fourth arguments: the number of units (1000000) and of changes (a tenth).
# Needs hyperfine (apt-get install hyperfine). JSON results and a Markdown summary go to
# target/bench/; the summary is printed. On a shared machine, where times vary by more than the
# 10% to be measured, INSTRUCTIONS=1 counts the instructions each run executes instead (with
# valgrind's cachegrind, one run each): counts do not depend on what else the machine runs.
set -euo pipefail
cd "$(dirname "$0")/.."
base=$1
uncut=$2
n=${3:-1000000}
changes=${4:-$((n / 10))}
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
commands=(check "chain $unit" stats)

# The runs of one command on one description: label, then the command line.
runs() {  # files, command
    local dir=$1 command=$2
    [ "$dir" = "$dated" ] || echo "base|$base --org $dir $command"
    echo "uncut|$uncut --org $dir $command"
    echo "today|$bin --org $dir $command"
    echo "as-of-2000|$bin --org $dir --as-of 2000 $command"
}

if [ "${INSTRUCTIONS:-}" = 1 ]; then
    : >"$out/instructions.txt"
    for command in "${commands[@]}"; do
        for files in undated history; do
            dir=$undated
            [ "$files" = undated ] || dir=$dated
            while IFS='|' read -r label line; do
                # shellcheck disable=SC2086
                valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null $line \
                    >/dev/null 2>"$out/cachegrind.tmp" || true
                count=$(grep -o 'I *refs: *[0-9,]*' "$out/cachegrind.tmp" | tr -dc '0-9')
                echo "${command%% *} $files $label $count" | tee -a "$out/instructions.txt"
            done < <(runs "$dir" "$command")
        done
    done
    rm -f "$out/cachegrind.tmp"
    exit
fi

for command in "${commands[@]}"; do
    for files in undated history; do
        dir=$undated
        [ "$files" = undated ] || dir=$dated
        args=()
        while IFS='|' read -r label line; do
            args+=(-n "$label" "$line")
        done < <(runs "$dir" "$command")
        hyperfine --runs 5 --warmup 1 -N --ignore-failure \
            --export-json "$out/time-${command%% *}-$files.json" "${args[@]}"
    done
done

python3 - "$out" <<'EOF' | tee "$out/time.md"
import json, sys, pathlib
out = pathlib.Path(sys.argv[1])
print("| command | files | run | wall (mean ± sd) | CPU (user + system) | CPU ÷ uncut |")
print("|---|---|---|---:|---:|---:|")
for name in ["check", "chain", "stats"]:
    for files in ["undated", "history"]:
        results = json.loads((out / f"time-{name}-{files}.json").read_text())["results"]
        cpu = {r["command"]: r["user"] + r["system"] for r in results}
        for r in results:
            print(f"| {name} | {files} | {r['command']} | {r['mean']:.2f} ± {r['stddev']:.2f} s "
                  f"| {cpu[r['command']]:.2f} s | {cpu[r['command']] / cpu['uncut']:.3f} |")
EOF
