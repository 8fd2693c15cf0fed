#!/usr/bin/env bash
# How fast the HTML chart (render --format html) becomes interactive, for BENCHMARKS.md (issue
# 17: the GOV.UK register and a 10,000-unit description interactive in under 2 s in headless
# Chromium). Builds three pages: the Ministry of Justice of the built-in description, the GOV.UK
# register as `import govuk` reads it, and a generated description of N units (10000 by
# default); then opens each in headless Chromium (bench/html_page.py, through the DevTools
# protocol) and reports the time from navigation start to `window.organigram.ready`, the
# page's size, the elements drawn, and the time of a search, a selection, expanding every unit
# and folding back, each up to the next frame drawn.
#
#   bash bench/html.sh            # 10,000 units
#   bash bench/html.sh 100000     # another size
#
# Needs Chromium (apt-get install chromium; CHROMIUM=path for another binary) and Python 3. The
# pages and a Markdown table go to target/bench/html/; the table is printed.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
runs=${RUNS:-5}
cargo build --release --quiet --bin organigram
bin=target/release/organigram
out=target/bench/html
mkdir -p "$out"
generated=/tmp/organigram-bench-$n
govuk=/tmp/organigram-bench-govuk
[ -d "$generated" ] || $bin generate --units "$n" --seed 1 -o "$generated" >/dev/null
[ -d "$govuk" ] || $bin import govuk tests/data/govuk-organisations.json --date 2026-08-22 -o "$govuk" >/dev/null 2>&1

page() {  # name, description, render's options: writes the page, says what organigram took
    local name=$1 org=$2
    shift 2
    /usr/bin/time -f "%e s, %M KB" -o "$out/$name.time" "$bin" --org "$org" render "$@" -o "$out/$name.html"
    echo "$name.html: written in $(cat "$out/$name.time")"
}
page justice org --organisation justice
page govuk "$govuk"
page "generated-$n" "$generated"
python3 bench/html_page.py --runs "$runs" --screenshot "$out/govuk-open.png" \
    "$out/govuk.html" "$out/justice.html" "$out/generated-$n.html" | tee "$out/html.md"
