#!/usr/bin/env bash
# Installs what Niên biểu needs, idempotently: a second run on a ready machine takes seconds.
# Sourced by ./x; every function may be called on its own.
#
#   NIENBIEU_FORCE_DEBIAN_WASM=1   skip `rustup target add` and use Debian's rustc-web with
#                                  build-std (the fallback for machines that cannot download
#                                  the wasm32 standard library)
#   NIENBIEU_RUSTUP_TIMEOUT=120    seconds `rustup target add` may take before falling back

TRUNK_VERSION=0.21.14
# The splitter of the wasm at its split points (`#[wasm_split]`), matching wasm_split_helpers in
# Cargo.lock (through leptos).
WASM_SPLIT_VERSION=0.2.4
# wasm-opt comes from npm's binaryen (version 132): Debian's binaryen 108 miscompiles the
# externref table that wasm-bindgen 0.2.130 emits, leaving a page that fails to start.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "need root to run: $*"; return 1; fi
}

APT_UPDATED=0
# apt_install PKG... installs the Debian packages that are not installed yet.
apt_install() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$APT_UPDATED" = 0 ]; then
    log "apt-get update"
    as_root apt-get update -qq >&2
    APT_UPDATED=1
  fi
  log "apt-get install ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
}

require_rust() {
  command -v cargo >/dev/null && command -v rustup >/dev/null && return 0
  log "rustup and cargo are required (https://rustup.rs); installing Debian's rustup"
  apt_install rustup
  rustup default stable
}

# Decides how wasm is built and exports WASM_MODE (rustup or debian) and, for debian, the
# variables that select the Debian compiler and build the standard library from source.
setup_wasm_target() {
  WASM_MODE=rustup
  if [ "${NIENBIEU_FORCE_DEBIAN_WASM:-0}" != 1 ]; then
    if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
      export WASM_MODE; return 0
    fi
    log "rustup target add wasm32-unknown-unknown (timeout ${NIENBIEU_RUSTUP_TIMEOUT:-120}s)"
    if timeout "${NIENBIEU_RUSTUP_TIMEOUT:-120}" rustup target add wasm32-unknown-unknown >&2; then
      export WASM_MODE; return 0
    fi
    log "rustup could not install the wasm32 target: using Debian's rustc-web fallback"
  else
    log "NIENBIEU_FORCE_DEBIAN_WASM=1: using Debian's rustc-web fallback"
  fi
  WASM_MODE=debian
  apt_install rustc-web cargo-web rust-web-src lld-22
  rustup toolchain list | grep -q '^web' || rustup toolchain link web /usr >&2
  export WASM_MODE RUSTUP_TOOLCHAIN=web RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort
}

# cargo_install NAME VERSION CRATE [ARGS...] installs CRATE unless NAME --version reports VERSION.
cargo_install() {
  local bin=$1 version=$2 crate=$3; shift 3
  if command -v "$bin" >/dev/null && "$bin" --version 2>/dev/null | grep -q " $version\$"; then
    return 0
  fi
  log "cargo install $crate --version $version $*"
  # Tools are built with the machine's default toolchain even when wasm uses Debian's.
  env -u RUSTUP_TOOLCHAIN -u RUSTC_BOOTSTRAP -u CARGO_UNSTABLE_BUILD_STD \
    cargo install "$crate" --version "$version" "$@" >&2
}

# The wasm-bindgen CLI must match the wasm-bindgen library in Cargo.lock exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

setup_build() {
  require_rust
  setup_wasm_target
  # Trunk's own lock file pins dependencies that still build; without --locked it does not.
  cargo_install trunk "$TRUNK_VERSION" trunk --locked
  local wb; wb=$(wasm_bindgen_version)
  # The registry mirror may lack a version wasm-bindgen-cli's lock file pins: try both ways.
  cargo_install wasm-bindgen "$wb" wasm-bindgen-cli ||
    cargo_install wasm-bindgen "$wb" wasm-bindgen-cli --locked
  # The wasm is split into modules after Trunk's build (scripts/split.mjs). The tool prints no
  # version: cargo's own list of installed crates tells.
  if ! cargo install --list 2>/dev/null | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
    log "cargo install wasm_split_cli_support --version $WASM_SPLIT_VERSION"
    env -u RUSTUP_TOOLCHAIN -u RUSTC_BOOTSTRAP -u CARGO_UNSTABLE_BUILD_STD \
      cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --locked --features build-binary >&2
  fi
  setup_node
  # The build opens the app in headless Chromium to paint its first screen into index.html
  # (scripts/prerender.mjs).
  apt_install chromium
}

# Node packages from the committed lock file: binaryen (wasm-opt) for the build,
# playwright-core, puppeteer-core, selenium-webdriver and axe-core for browser tests. Never a
# browser download.
setup_node() {
  command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
  local stamp=node_modules/.nienbieu-lock
  local want; want=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    log "npm ci (binaryen, playwright-core, puppeteer-core, selenium-webdriver, axe-core)"
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund >&2
    echo "$want" > "$stamp"
  fi
}

setup_test() {
  setup_build
  # The browser tests' three engines, all Debian's: Chromium (driven by playwright-core, and
  # installed for the build already),
  # Firefox ESR (puppeteer-core over WebDriver BiDi) and WebKitGTK (its MiniBrowser through
  # WebKitWebDriver, on an Xvfb display).
  apt_install chromium chromium-driver firefox-esr webkit2gtk-driver xvfb
  rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt >&2
}
