# Installs what building and testing Crossover needs, skipping what is there.
# Sourced by scripts/serve, scripts/build and scripts/test; safe to run again (a second run
# only checks versions). Versions and the reasons for them: docs/toolchain.md
#
#   source scripts/setup.sh [--browser]
#
# --browser also installs Chromium, ChromeDriver, brotli and playwright-core
# (tests need them, serving does not).

set -euo pipefail

CROSSOVER_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132"
TERSER_VERSION="5.51.4"
CARGO_FUZZ_VERSION="0.13.2"
TOOLS_DIR="$CROSSOVER_ROOT/.tools"
# The release build compiles the standard library itself, sized for the web
# (docs/performance.md). That takes a nightly compiler and its sources: this
# one, the nightly this machine kind ships with.
NIGHTLY_CHANNEL="nightly-2026-05-20"
NIGHTLY_COMMIT="e50aa6fba4e63ab34c72bf9acfd2c307c1155d1a"

export PATH="$HOME/.cargo/bin:$TOOLS_DIR/binaryen/node_modules/.bin:$PATH"

say() { printf '\033[1;34m[setup]\033[0m %s\n' "$*" >&2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
        say "need root to run: $*"; return 1
    fi
}

# The wasm-bindgen CLI must equal the wasm-bindgen crate in Cargo.lock exactly.
wasm_bindgen_version() {
    sed -n '/^name = "wasm-bindgen"$/{n;s/^version = "\(.*\)"$/\1/p;}' "$CROSSOVER_ROOT/Cargo.lock"
}

ensure_wasm_target() {
    if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
        say "adding the wasm32-unknown-unknown target"
        rustup target add wasm32-unknown-unknown
    fi
}

ensure_trunk() {
    if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
        say "installing trunk $TRUNK_VERSION (about 7 minutes on 2 cores)"
        cargo install trunk --version "$TRUNK_VERSION" --locked
    fi
}

ensure_wasm_bindgen() {
    local want
    want="$(wasm_bindgen_version)"
    if [ -z "$want" ]; then
        say "no wasm-bindgen in Cargo.lock"
        return 1
    fi
    if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want" ]; then
        say "installing wasm-bindgen-cli $want (about 2 minutes)"
        # Not --locked: its lock file names a webpki-roots the registry here lacks.
        cargo install wasm-bindgen-cli --version "$want"
    fi
}

ensure_wasm_opt() {
    if ! wasm-opt --version 2>/dev/null | grep -q "version_$BINARYEN_VERSION"; then
        say "installing wasm-opt from npm binaryen@$BINARYEN_VERSION"
        npm install --silent --no-audit --no-fund --prefix "$TOOLS_DIR/binaryen" "binaryen@$BINARYEN_VERSION"
    fi
}

ensure_terser() {
    if ! grep -qx "  \"version\": \"$TERSER_VERSION\"," "$TOOLS_DIR/terser/node_modules/terser/package.json" 2>/dev/null; then
        say "installing terser $TERSER_VERSION from npm (minifies the wasm-bindgen glue)"
        npm install --silent --no-audit --no-fund --prefix "$TOOLS_DIR/terser" "terser@$TERSER_VERSION"
    fi
}

ensure_nightly() {
    if [[ "$(rustc +nightly -vV 2>/dev/null)" == *"commit-hash: $NIGHTLY_COMMIT"* ]]; then
        CROSSOVER_NIGHTLY=nightly
    else
        CROSSOVER_NIGHTLY="$NIGHTLY_CHANNEL"
        if ! rustc "+$CROSSOVER_NIGHTLY" -vV >/dev/null 2>&1; then
            say "installing the $NIGHTLY_CHANNEL compiler for the size-optimised release build"
            rustup toolchain install "$NIGHTLY_CHANNEL" --profile minimal --component rust-src
        fi
    fi
    if [ ! -d "$(rustc "+$CROSSOVER_NIGHTLY" --print sysroot)/lib/rustlib/src/rust/library/std" ]; then
        say "adding the standard library's sources to $CROSSOVER_NIGHTLY"
        rustup component add rust-src --toolchain "$CROSSOVER_NIGHTLY"
    fi
}

# cargo-fuzz for scripts/fuzz; the fuzz targets build with the nightly above.
ensure_cargo_fuzz() {
    if [ "$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
        say "installing cargo-fuzz $CARGO_FUZZ_VERSION (about a minute)"
        cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
    fi
}

# Trunk with the release build's compiler settings: std built for size, a
# panic aborts at once, and panics carry no file names (docs/performance.md).
# Only the widget's wasm build uses them; tests and lints run on stable.
# RUSTFLAGS from the environment would replace the target flags below, so it
# is cleared for this build.
trunk_sized() {
    env -u RUSTFLAGS RUSTUP_TOOLCHAIN="$CROSSOVER_NIGHTLY" \
        CARGO_UNSTABLE_BUILD_STD="std,panic_abort" \
        CARGO_UNSTABLE_BUILD_STD_FEATURES="optimize_for_size" \
        CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none" \
        trunk "$@"
}

ensure_browser() {
    local missing=()
    command -v chromium >/dev/null || missing+=(chromium)
    command -v chromedriver >/dev/null || missing+=(chromium-driver)
    command -v brotli >/dev/null || missing+=(brotli)
    if [ "${#missing[@]}" -gt 0 ]; then
        say "installing ${missing[*]} from Debian"
        if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"; then
            as_root apt-get update -q
            as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
        fi
    fi
    if [ ! -d "$CROSSOVER_ROOT/tests/e2e/node_modules/playwright-core" ]; then
        say "installing playwright-core for the end-to-end tests (it drives the system Chromium; it downloads no browser)"
        (cd "$CROSSOVER_ROOT/tests/e2e" && npm ci --silent --no-audit --no-fund)
    fi
    export CHROMEDRIVER=/usr/bin/chromedriver
    export CHROMIUM=/usr/bin/chromium
}

ensure_wasm_target
ensure_nightly
# Trunk builds offline (Trunk.toml), so every crate must already be here.
cargo fetch --locked --manifest-path "$CROSSOVER_ROOT/Cargo.toml" --quiet
RUSTUP_TOOLCHAIN="$CROSSOVER_NIGHTLY" cargo fetch --locked --manifest-path "$CROSSOVER_ROOT/Cargo.toml" --quiet \
    -Zbuild-std=std,panic_abort --target wasm32-unknown-unknown
ensure_trunk
ensure_wasm_bindgen
ensure_wasm_opt
ensure_terser
if [ "${1:-}" = "--browser" ]; then
    ensure_browser
fi
