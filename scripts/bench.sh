#!/usr/bin/env bash
# Benchmarks: the ingest of the 20,000-article corpus (when ../shared/corpus is present), then
# the release app built on the bundled dataset (or on the inputs given): its sizes and its load
# time in headless Chromium. `./x bench` runs this.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
setup_test
bench/ingest.sh
./x ingest "$@"
./x build-app
node bench/app_load.mjs
