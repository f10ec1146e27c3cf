#!/usr/bin/env bash
# Fuzzes every target in fuzz/Cargo.toml with libFuzzer through cargo-fuzz, each for SECONDS
# (default 60): `./scripts/fuzz.sh [SECONDS] [TARGET...]`. A crash fails the run; libFuzzer
# leaves the input that caused it in fuzz/artifacts/TARGET/. The test command runs this for a
# short, fixed time, so that a regression fails the build.
# cargo-fuzz needs nightly flags; RUSTC_BOOTSTRAP=1 unlocks them on the stable compiler.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
SECONDS_EACH="${1:-60}"
shift || true
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked >&2
cd fuzz
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(awk '/^\[\[bin\]\]/ { getline; gsub(/name = |"/, ""); print }' Cargo.toml)
fi
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t"
  log "fuzz $t for ${SECONDS_EACH}s"
  # A copy of the seeds: the committed ones (inputs that once failed), and the project's own
  # pages for the parsers (the bundled seeds, the HTML test layouts); what libFuzzer adds while
  # running stays out of the repo.
  work=$(mktemp -d)
  cp -r "corpus/$t/." "$work/"
  case "$t" in
    page) cp ../data/raw/seeds/*.txt "$work/" ;;
    html) cp ../crates/ingest/tests/fixtures/html/*.html "$work/" ;;
  esac
  status=0
  env -u RUSTUP_TOOLCHAIN -u CARGO_UNSTABLE_BUILD_STD RUSTC_BOOTSTRAP=1 \
    cargo fuzz run "$t" "$work" -- -max_total_time="$SECONDS_EACH" -max_len=65536 -timeout=10 \
    -print_final_stats=1 >"$work.log" 2>&1 || status=$?
  # The summary lines, and on failure the whole report.
  if [ "$status" -eq 0 ]; then
    grep -E "^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss)" "$work.log" >&2 || true
  else
    tail -n 80 "$work.log" >&2
  fi
  rm -rf "$work" "$work.log"
  if [ "$status" -ne 0 ]; then
    log "fuzz $t FAILED (see fuzz/artifacts/$t/)"
    exit 1
  fi
done
