#!/usr/bin/env bash
# Times the ingest of the 20,000-article corpus (native profile, 3 runs) and prints the median
# wall time, articles per second and MB per second, and how long building the dataset (search
# index and chunks) took within it; then the same for 3,000 saved HTML pages made from the
# corpus records in three site layouts (one in windows-1258). Skipped when the corpus is absent.
set -euo pipefail
corpus=${NIENBIEU_CORPUS:-../shared/corpus/vntc_sample.jsonl}
if [ ! -f "$corpus" ]; then
  echo "ingest benchmark skipped: $corpus not found (set NIENBIEU_CORPUS)"
  exit 0
fi
env -u RUSTUP_TOOLCHAIN -u RUSTC_BOOTSTRAP -u CARGO_UNSTABLE_BUILD_STD \
  cargo build --quiet --profile native -p nienbieu-ingest --bin nienbieu-ingest --example html_pages
bin=target/native/nienbieu-ingest
out=$(mktemp -d)
times=()
for _ in 1 2 3; do
  start=$(date +%s.%N)
  "$bin" --quiet --out "$out/data" "$corpus" 2>"$out/summary"
  end=$(date +%s.%N)
  times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
articles=$(grep -o '^ingest: [0-9]*' "$out/summary" | grep -o '[0-9]*$')
bytes=$(stat -c %s "$corpus")
written=$(du -sb "$out/data" | cut -f1)
awk -v f="$(basename "$corpus")" -v n="$articles" -v b="$bytes" -v m="$median" -v w="$written" \
  -v runs="$(printf '%.2f ' "${times[@]}")" 'BEGIN {
    printf "\ningest of %s (%d articles, %.1f MB), 3 runs:\n", f, n, b / 1e6
    printf "  median %.2f s wall (runs: %s), %.0f articles/s, %.1f MB/s, dataset %.1f MB\n",
      m, runs, n / m, b / 1e6 / m, w / 1e6
  }'
# The dataset line of the last run: how long building the search index and chunks took.
grep '^dataset:' "$out/summary" | sed 's/^/  /'

target/native/examples/html_pages "$corpus" "$out/html" 3000
times=()
for _ in 1 2 3; do
  start=$(date +%s.%N)
  "$bin" --quiet --out "$out/html-data" "$out/html" 2>"$out/summary"
  end=$(date +%s.%N)
  times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
articles=$(grep -o '^ingest: [0-9]*' "$out/summary" | grep -o '[0-9]*$')
bytes=$(du -sb "$out/html" | cut -f1)
awk -v n="$articles" -v b="$bytes" -v m="$median" -v runs="$(printf '%.2f ' "${times[@]}")" 'BEGIN {
    printf "\ningest of %d saved HTML pages (%.1f MB, three layouts), 3 runs:\n", n, b / 1e6
    printf "  median %.2f s wall (runs: %s), %.0f articles/s\n", m, runs, n / m
  }'
rm -rf "$out"
