#!/usr/bin/env bash
# Lighthouse (mobile) on the demo site: builds it, serves it with the headers of netlify.toml
# (bench/static.py) and prints the four category scores of each page as a table.
#
#   bash bench/lighthouse.sh              # the pages tests/etalase/quality.rs checks (its PAGES)
#   bash bench/lighthouse.sh / /en/       # these pages
#
# Lighthouse comes from npm into target/tools (bash .ci/run installs it) and drives Debian's
# chromium. One run per page, one page after another; the JSON reports are kept in
# target/lighthouse/ for a closer look at an audit. The last column is the benchmark index
# Lighthouse measured: below 1000 the machine is slower than it assumes (or busy), which costs
# performance points that the pages do not.
set -euo pipefail
cd "$(dirname "$0")/.."

lighthouse=target/tools/node_modules/lighthouse/cli/index.js
if [ ! -f "$lighthouse" ]; then
  echo "Lighthouse is missing: run bash .ci/run, or" >&2
  echo "  npm install --no-audit --no-fund --prefix target/tools lighthouse@12.8.2" >&2
  exit 1
fi
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}

if [ $# -gt 0 ]; then
  pages=("$@")
else
  mapfile -t pages < <(sed -n '/^const PAGES/,/^];/p' tests/etalase/quality.rs | grep -oE '"/[^"]*"' | tr -d '"')
fi

work=$(mktemp -d)
server=
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

cargo run --release --quiet -- build --output "$work/public" >&2
python3 bench/static.py "$work/public" >"$work/server.log" &
server=$!
for _ in $(seq 100); do
  grep -q '^Serving ' "$work/server.log" && break
  sleep 0.1
done
url=$(sed -n 's/^Serving \(.*\)\/$/\1/p' "$work/server.log")
[ -n "$url" ] || { echo "bench/static.py did not start" >&2; exit 1; }

reports=target/lighthouse
mkdir -p "$reports"
printf '%-52s %5s %5s %5s %5s %6s\n' page perf a11y bp seo cpu
for page in "${pages[@]}"; do
  report="$reports/$(echo "${page#/}" | tr '/' '_' | sed 's/_$//;s/^$/home/').json"
  node "$lighthouse" "$url$page" --quiet --output=json --output-path="$report" \
    --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"
  node -e '
    const r = require(process.argv[1]);
    const s = id => Math.round(r.categories[id].score * 100);
    console.log(process.argv[2].padEnd(52), ...["performance", "accessibility", "best-practices", "seo"]
      .map(id => String(s(id)).padStart(5)), String(Math.round(r.environment.benchmarkIndex)).padStart(6));
  ' "$(realpath "$report")" "$page"
done
