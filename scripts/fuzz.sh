#!/usr/bin/env bash
# Fuzzes the page parser with libFuzzer through cargo-fuzz (`./scripts/fuzz.sh [SECONDS]`).
# cargo-fuzz needs nightly flags; RUSTC_BOOTSTRAP=1 unlocks them on the stable compiler.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked >&2
cd fuzz
RUSTC_BOOTSTRAP=1 cargo fuzz run page corpus/page -- -max_total_time="${1:-60}" -max_len=65536 -timeout=10
