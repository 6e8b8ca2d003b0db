#!/usr/bin/env bash
# Benchmark: generates synthetic sites and reports, for each size, the median build time, pages
# per second and peak memory of `etalase build` (bench/measure.py), then what `etalase serve`
# does with a writer's edits: the rebuild time it reports and the time from a save to the
# reload event, per kind of edit, and its peak memory next to the build's
# (bench/serve_edits.py).
# Usage: bash bench/run.sh [runs] [saves]   (default 5 builds per size, 5 saves per kind of edit)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
saves=${2:-5}
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
cargo build --release --quiet --bin etalase --example gen_corpus
mkdir -p bench/out
for size in "1000 200" "10000 2000"; do
  set -- $size
  site="bench/out/site-$1-$2"
  "$CARGO_TARGET_DIR"/release/examples/gen_corpus "$site" "$1" "$2" >/dev/null
  python3 bench/measure.py --runs "$runs" --label "N=$1 M=$2" -- "$CARGO_TARGET_DIR"/release/etalase build --root "$site"
  python3 bench/serve_edits.py "$CARGO_TARGET_DIR"/release/etalase "$site" --reps "$saves"
done
