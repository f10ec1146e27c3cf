#!/usr/bin/env bash
# Every test: formatting, lints, native tests, the release build, and browser tests: the whole
# suite in headless Chromium, and the core flows (tests/e2e/engines/) in Chromium, Firefox and
# WebKit. `./x test` runs this; so does CI (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
setup_test

native() { env -u RUSTUP_TOOLCHAIN -u RUSTC_BOOTSTRAP -u CARGO_UNSTABLE_BUILD_STD "$@"; }

log "rustfmt"
native cargo fmt --all -- --check
log "clippy (native, whole workspace including the app)"
native cargo clippy --workspace --all-targets --quiet -- -D warnings
if [ "$WASM_MODE" = rustup ]; then
  log "clippy (the app and the search before it, for wasm32)"
  cargo clippy --target wasm32-unknown-unknown -p nienbieu -p nienbieu-early --quiet -- -D warnings
fi
log "native tests"
native cargo test --workspace --quiet 2>&1

log "fuzzing every target for ${NIENBIEU_FUZZ_SECONDS:-60}s each"
scripts/fuzz.sh "${NIENBIEU_FUZZ_SECONDS:-60}"

./x ingest
./x build-app
# The browser tests ingest their own datasets and ask the native engine what a query needs.
native cargo build --quiet --profile native -p nienbieu-ingest -p nienbieu-bench

log "browser tests (headless Chromium; the core flows also in Firefox and WebKit)"
node --test --test-concurrency=1 tests/e2e/
