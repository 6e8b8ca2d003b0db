#!/usr/bin/env bash
# Times what a writer's CI does with the npm package, from an empty folder: install Etalase
# (and Pagefind, from the registry, with an empty npm cache), `etalase init`, `etalase build`.
# The Etalase packages are made from BINARY (default: target/release/etalase) by npm/pack.mjs,
# as a release makes them, and installed from their tarballs.
#
#   bash bench/package.sh [BINARY]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
binary="$(realpath "${1:-$repo/target/release/etalase}")"
version="$(grep -m1 '^version' "$repo/Cargo.toml" | cut -d'"' -f2)"
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) platform=linux-x64 ;;
  Linux-aarch64) platform=linux-arm64 ;;
  Darwin-x86_64) platform=darwin-x64 ;;
  Darwin-arm64) platform=darwin-arm64 ;;
  *) echo "no npm package for $(uname -s)-$(uname -m)" >&2; exit 1 ;;
esac
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mapfile -t tarballs < <(node "$repo/npm/pack.mjs" --version "$version" --out "$work/packages" --binary "$platform=$binary")
pagefind="$(node -p "require('$repo/package.json').devDependencies.pagefind")"

mkdir "$work/site" && cd "$work/site"
now() { date +%s.%N; }
t0=$(now)
npm install --no-save --no-audit --no-fund --no-package-lock --cache "$work/npm-cache" \
  "${tarballs[@]}" "pagefind@$pagefind" >/dev/null
t1=$(now)
node_modules/.bin/etalase init . --unit "Lapas Kelas IIA Contoh" --city "Kota Contoh" \
  --region "Sumatera Selatan" --base-url https://contoh.netlify.app >/dev/null
t2=$(now)
node_modules/.bin/etalase build >/dev/null
t3=$(now)
awk -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" 'BEGIN {
  printf "npm install (etalase + pagefind): %.1f s\netalase init: %.1f s\netalase build: %.1f s\ntotal: %.1f s\n", b-a, c-b, d-c, d-a
}'
