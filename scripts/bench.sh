#!/usr/bin/env bash
# Benchmarks, printing figures (no pass/fail thresholds; `./x bench` runs this):
#  1. ingest throughput on the 20,000-article corpus;
#  2. the search engine natively and in wasm in headless Chromium, on the corpus and on the
#     synthetic 100,000-article set derived from it, with MiniSearch and FlexSearch answering
#     the same queries on the same articles in the same Chromium run;
#  3. the release app: download sizes, then on the bundled dataset, the corpus and the
#     synthetic set: navigation to interactive (cold cache), keystroke to list painted, facet
#     click to list painted;
#  4. cold start on a throttled network (DevTools Fast 4G and Lighthouse's slow 4G, cache and
#     service worker off): time and bytes to the first row, to a query's first results and to
#     the reader, on the corpus and the synthetic set, beside Pagefind indexing the same
#     articles; and what each query costs in files and bytes, natively; saving the whole
#     corpus offline, on loopback and on Fast 4G (shaped by the server, HTTP/1.1 and HTTP/2);
#  5. the views (documents, people, organisations, figures) on the corpus: their files' sizes
#     and the time from a click to each view painted;
#  6. the main thread during a cold start with the CPU slowed 4x (longest task, blocking time);
#  7. Lighthouse's performance, accessibility and best-practices scores for the app, on the
#     bundled dataset and on the corpus (three runs each, the median shown in detail).
# Steps that need ../shared/corpus (or NIENBIEU_CORPUS) are skipped with a note without it.
# NIENBIEU_BENCH_MILLION=1 also builds a synthetic 1,000,000-article dataset (about 3 GB of
# records, a few minutes) and prints its layer sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
setup_test

native() { env -u RUSTUP_TOOLCHAIN -u RUSTC_BOOTSTRAP -u CARGO_UNSTABLE_BUILD_STD "$@"; }
corpus=${NIENBIEU_CORPUS:-../shared/corpus/vntc_sample.jsonl}
data=target/bench-data

bench/ingest.sh

if [ -f "$corpus" ]; then
  native cargo build --quiet --profile native -p nienbieu-ingest -p nienbieu-bench
  mkdir -p "$data"
  log "ingest the corpus and the synthetic 100,000-article set into $data/"
  target/native/nienbieu-ingest --quiet --out "$data/corpus" "$corpus"
  target/native/nienbieu-bench synth "$corpus" "$data/synth.jsonl" 100000
  target/native/nienbieu-ingest --quiet --out "$data/synth" "$data/synth.jsonl"
  target/native/nienbieu-bench engine "$data/corpus"
  target/native/nienbieu-bench engine "$data/synth"
  for d in corpus synth; do
    log "what a query costs on a cold visit, $d"
    target/native/nienbieu-bench cost "$data/$d" "đảng viên" "45/2006/QĐ-TTg" "th" "ng" \
      "\"ban chấp hành\"" "bóng đá" "hà nội"
    log "what each part of the core costs, $d"
    target/native/nienbieu-bench core "$data/$d"
  done
  if [ "${NIENBIEU_BENCH_MILLION:-0}" = 1 ]; then
    log "the synthetic 1,000,000-article dataset"
    target/native/nienbieu-bench synth "$corpus" "$data/million.jsonl" 1000000
    /usr/bin/time -v target/native/nienbieu-ingest --quiet --out "$data/million" "$data/million.jsonl" 2>&1 |
      grep -E "^(dataset|ingest)|Maximum resident|Elapsed"
    target/native/nienbieu-bench cost "$data/million" "đảng viên" "45/2006/QĐ-TTg" "th"
    target/native/nienbieu-bench core "$data/million"
    rm -f "$data/million.jsonl"
  fi

  log "build the engine for wasm (the app's release profile and wasm-opt settings)"
  cargo build --quiet --release --target wasm32-unknown-unknown -p nienbieu-wasm-bench
  wasm-bindgen --target web --out-dir target/wasm-bench \
    target/wasm32-unknown-unknown/release/nienbieu_wasm_bench.wasm
  # The same wasm-opt level and features as the app's (scripts/split.mjs, with the features
  # index.html names).
  read -r -a features <<< "$(grep -o 'data-wasm-opt-params="[^"]*"' index.html | cut -d'"' -f2)"
  wasm-opt -Oz "${features[@]}" target/wasm-bench/nienbieu_wasm_bench_bg.wasm \
    -o target/wasm-bench/nienbieu_wasm_bench_bg.wasm
  node bench/engine_bench.mjs corpus="$data/corpus" records="$corpus" synth="$data/synth"
else
  echo "engine benchmarks skipped: $corpus not found (set NIENBIEU_CORPUS)"
fi

./x ingest
./x build-app
if [ -f "$corpus" ]; then
  node bench/app_bench.mjs corpus="$data/corpus" synth="$data/synth"
  if [ ! -f "$data/pagefind/pagefind/pagefind-entry.json" ]; then
    log "Pagefind indexes the corpus as HTML pages (the peer for cold start)"
    node bench/pagefind_site.mjs "$corpus" "$data/pagefind"
  fi
  log "cold start on a throttled network, beside Pagefind"
  node bench/coldstart.mjs corpus="$data/corpus" synth="$data/synth" pagefind="$data/pagefind"
  log "saving the whole corpus for offline use: its files, and the time the browser takes on loopback and on Fast 4G (HTTP/1.1 and HTTP/2)"
  BENCH_SAVE_NETWORKS=${BENCH_SAVE_NETWORKS:-loopback,fast4g,fast4g-h2} node bench/offline_save.mjs "$data/corpus"
  log "the views on the corpus: each view's file, time to open, and what the first screen fetches"
  node bench/views_bench.mjs "$data/corpus"
  log "the main thread during a cold start, CPU slowed 4x (corpus and synthetic set)"
  node bench/startup.mjs "$data/corpus"
  node bench/startup.mjs "$data/synth"
else
  node bench/app_bench.mjs
fi
node bench/lighthouse.mjs
if [ -f "$corpus" ]; then
  node bench/lighthouse.mjs "$data/corpus"
  BENCH_ENCODING=br node bench/lighthouse.mjs "$data/corpus"
fi
