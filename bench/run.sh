#!/usr/bin/env bash
# Benchmark: generates synthetic sites and reports the median build time, pages per second and
# peak memory of `etalase build`. Usage: bash bench/run.sh [runs]   (default 5 runs per size)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
cargo build --release --quiet --bin etalase --example gen_corpus
mkdir -p bench/out
for size in "1000 200" "10000 2000"; do
  set -- $size
  site="bench/out/site-$1-$2"
  "$CARGO_TARGET_DIR"/release/examples/gen_corpus "$site" "$1" "$2" >/dev/null
  python3 bench/measure.py --runs "$runs" --label "N=$1 M=$2" -- "$CARGO_TARGET_DIR"/release/etalase build --root "$site"
done
# Incremental rebuilds in the dev server, on the smaller site.
python3 bench/serve.py "$CARGO_TARGET_DIR"/release/etalase bench/out/site-1000-200 15
