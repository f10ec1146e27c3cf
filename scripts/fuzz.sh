#!/usr/bin/env bash
# Fuzzes the parsers with libFuzzer through cargo-fuzz (`./scripts/fuzz.sh [SECONDS] [TARGET]`):
# TARGET `page` (text pages and JSON Lines records), `html` (saved HTML pages in any
# encoding), or both, one after the other, SECONDS each (default 60).
# cargo-fuzz needs nightly flags; RUSTC_BOOTSTRAP=1 unlocks them on the stable compiler.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked >&2
cd fuzz
for target in ${2:-page html}; do
  RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" "corpus/$target" -- \
    -max_total_time="${1:-60}" -max_len=65536 -timeout=10
done
