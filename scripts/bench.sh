#!/usr/bin/env bash
# Benchmarks, printing figures (no pass/fail thresholds; `./x bench` runs this):
#  1. ingest throughput on the 20,000-article corpus;
#  2. the search engine natively and in wasm in headless Chromium, on the corpus and on the
#     synthetic 100,000-article set derived from it, with MiniSearch and FlexSearch answering
#     the same queries on the same articles in the same Chromium run;
#  3. the release app: download sizes, then on the bundled dataset, the corpus and the
#     synthetic set: navigation to interactive (cold cache), keystroke to list painted, facet
#     click to list painted;
#  4. Lighthouse's performance, accessibility and best-practices scores for the app.
# Steps 1 and 2 need ../shared/corpus (or NIENBIEU_CORPUS); they are skipped with a note
# without it.
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

  log "build the engine for wasm (the app's release profile and wasm-opt settings)"
  cargo build --quiet --release --target wasm32-unknown-unknown -p nienbieu-wasm-bench
  wasm-bindgen --target web --out-dir target/wasm-bench \
    target/wasm32-unknown-unknown/release/nienbieu_wasm_bench.wasm
  # The same wasm-opt level and features as index.html gives Trunk for the app.
  level=$(grep -o 'data-wasm-opt="[^"]*"' index.html | cut -d'"' -f2)
  read -r -a features <<< "$(grep -o 'data-wasm-opt-params="[^"]*"' index.html | cut -d'"' -f2)"
  wasm-opt "-O$level" "${features[@]}" target/wasm-bench/nienbieu_wasm_bench_bg.wasm \
    -o target/wasm-bench/nienbieu_wasm_bench_bg.wasm
  node bench/engine_bench.mjs corpus="$data/corpus" records="$corpus" synth="$data/synth"
else
  echo "engine benchmarks skipped: $corpus not found (set NIENBIEU_CORPUS)"
fi

./x ingest
./x build-app
if [ -f "$corpus" ]; then
  node bench/app_bench.mjs corpus="$data/corpus" synth="$data/synth"
else
  node bench/app_bench.mjs
fi
node bench/lighthouse.mjs
