#!/usr/bin/env bash
# Benchmarks: builds the release app on the bundled dataset (or on the inputs given) and
# prints its sizes and its load time in headless Chromium. `./x bench` runs this.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
setup_test
./x ingest "$@"
./x build-app
node bench/app_load.mjs
