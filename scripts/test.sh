#!/usr/bin/env bash
# Every test of the project, in order of speed; stops at the first failure and ends with one
# summary line counting every test run.
set -euo pipefail
cd "$(dirname "$0")/.."
# Each step's heading carries the time since the start: where make test's minutes go.
step() { printf '\n\033[1m== %s\033[0m  (at %d min %02d s)\n' "$*" $((SECONDS / 60)) $((SECONDS % 60)); }
log=$(mktemp /tmp/wif-test.XXXXXX)
trap 'rm -f "$log"' EXIT

# The real SMTP server the mail-queue tests start and stop (server/tests/it/mail.rs).
scripts/setup.sh smtp
export WIF_AIOSMTPD_PYTHON="${XDG_CACHE_HOME:-$HOME/.cache}/work-in-france/aiosmtpd-venv/bin/python"

# The server side is linted while its tests are built: clippy-driver (the compiler with clippy's
# lints) compiles the workspace's own crates (RUSTC_WORKSPACE_WRAPPER), so the dependencies are
# compiled once, for the tests, and not a second time in check mode for `cargo clippy` (5 min on
# a fresh machine, about 1 min on a warm one). CLIPPY_ARGS is how `cargo clippy` hands
# `-D warnings` to the driver, in a separator internal to the pinned toolchain: a canary crate
# that only a clippy lint refuses must fail to build that way, or this falls back to
# `cargo clippy`. A plain `cargo test` afterwards compiles the workspace's crates again.
clippy_args="-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__"
lints_while_building() {
  local driver canary said
  driver=$(rustup which clippy-driver 2>/dev/null) || return 1
  canary=$(mktemp -d /tmp/wif-lint-canary.XXXXXX)
  mkdir -p "$canary/src"
  printf '[package]\nname = "canary"\nversion = "0.0.0"\nedition = "2021"\n[workspace]\n' >"$canary/Cargo.toml"
  # clippy::let_and_return, and nothing rustc itself warns of.
  printf 'pub fn one() -> u8 {\n    let x = 1;\n    x\n}\n' >"$canary/src/lib.rs"
  said=$(RUSTC_WORKSPACE_WRAPPER="$driver" CLIPPY_ARGS="$clippy_args" CARGO_TARGET_DIR="$canary/target" \
    cargo build --quiet --manifest-path "$canary/Cargo.toml" 2>&1) && said="built"
  rm -rf "$canary"
  # Refused by that lint, denied by -D warnings (not by arguments the driver did not read).
  grep -q "let.and.return.*implied by .-D warnings" <<<"$said" && echo "$driver"
}

step "format and lints (cargo fmt --check; clippy -D warnings, server side and front end)"
cargo fmt --all -- --check
if driver=$(lints_while_building); then
  export RUSTC_WORKSPACE_WRAPPER="$driver" CLIPPY_ARGS="$clippy_args"
  # The same driver and arguments lint the front end as the release build compiles it, after
  # the tests (scripts/rustc-lint-wasm, Makefile).
  echo "clippy -D warnings: the server side is linted as its tests are built, the front end as"
  echo "the release build compiles it (clippy-driver)"
else
  echo "clippy-driver did not refuse the canary: cargo clippy lints the server side and front end"
  cargo clippy -p frontend --target wasm32-unknown-unknown --profile wasm-dev -- -D warnings
  cargo clippy -p app -p server --all-targets -- -D warnings
fi

step "unit and integration tests (rules, API, pages) on SQLite, linted as they are built"
# The dev profile, as make run's: compiling the 535 dependencies unoptimised took 8 min 23 s from
# nothing on a fresh machine, optimised (profile bench, as before) 16 min 13 s; the tests ran 30 s longer.
cargo test -p app -p server --lib --bins --tests 2>&1 | tee -a "$log"
# That build's server (debug assertions on) serves the cluster, schemathesis and the journeys:
# the release server is not built by make test (make build-release, make cluster and make bench
# build it), its release front end is (below).
export SERVER_BIN="$CARGO_TARGET_DIR/debug/server"

step "integration tests on PostgreSQL 15, the storage tests on SeaweedFS (S3)"
scripts/with-postgres.sh scripts/with-seaweedfs.sh cargo test -p server --test it 2>&1 | tee -a "$log"

# The front end as it ships (wasm-release, wasm-opt), linted as it compiles; not the release
# server, whose compilation (the app crate optimised alone took 6 min 26 s) tests nothing the
# journeys on the tests' server do not. The wrapper of the release build is the Makefile's, not
# the tests' clippy-driver.
step "the release front end (make build-release RELEASE_ONLY=--frontend-only: linted, optimised)"
env -u RUSTC_WORKSPACE_WRAPPER -u CLIPPY_ARGS make --no-print-directory build-release RELEASE_ONLY=--frontend-only

step "two instances behind HAProxy, on PostgreSQL and SeaweedFS (scripts/cluster.sh)"
cluster_port=$(scripts/free-port)
cluster_dir=$(mktemp -d /tmp/wif-cluster.XXXXXX)
scripts/with-postgres.sh scripts/with-seaweedfs.sh scripts/cluster.sh "$cluster_port" "$cluster_dir" \
  -- scripts/cluster-journey.sh 2>&1 | tee -a "$log"
rm -rf "$cluster_dir"

step "the JSON API fuzzed against its OpenAPI document (schemathesis)"
port=$(scripts/free-port)
E2E_PROFILE=release LEPTOS_SITE_ROOT="${RELEASE_SITE_ROOT:-target/site-release}" \
  E2E_OUTBOX=$(mktemp -d /tmp/wif-st-outbox.XXXXXX) scripts/serve-e2e.sh "$port" >/dev/null 2>&1 &
server=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz/live" >/dev/null && break; sleep 0.2; done
status=0
scripts/schemathesis.sh "http://127.0.0.1:$port" 2>&1 | tee -a "$log" || status=$?
kill "$server"; wait "$server" 2>/dev/null || true
[ "$status" -eq 0 ] || { echo "schemathesis found failures" >&2; exit "$status"; }

# On the release front end (optimised by wasm-opt): what is deployed, and a release front end
# that does not hydrate cannot pass. The debug front end is make run's.
step "end-to-end journeys (Playwright, headless Chromium, release front end)"
(cd end2end && E2E_PROFILE=release npx playwright test) 2>&1 | tee -a "$log"

passed=$(awk '/^test result: ok\./ {n += $4} /^ +[0-9]+ passed \(/ {n += $1} END {print n + 0}' "$log")
echo ""
echo "tests ran in $((SECONDS / 60)) min $((SECONDS % 60)) s"
echo "all: $passed passed, 0 failed"
