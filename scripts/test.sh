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

step "format and lints (cargo fmt --check; clippy -D warnings, server side and front end)"
cargo fmt --all -- --check
cargo clippy -p app -p server --all-targets -- -D warnings
cargo clippy -p frontend --target wasm32-unknown-unknown --profile wasm-dev -- -D warnings

step "unit and integration tests (rules, API, pages) on SQLite"
cargo test -p app -p server --lib --bins --tests 2>&1 | tee -a "$log"

step "integration tests on PostgreSQL 15, the storage tests on SeaweedFS (S3)"
scripts/with-postgres.sh scripts/with-seaweedfs.sh cargo test -p server --test it 2>&1 | tee -a "$log"

step "two release instances behind HAProxy, on PostgreSQL and SeaweedFS (scripts/cluster.sh)"
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

# On the release build (release server, front end optimised by wasm-opt): what is deployed, and
# a release front end that does not hydrate cannot pass. The debug front end is make run's.
step "end-to-end journeys (Playwright, headless Chromium, release build)"
(cd end2end && E2E_PROFILE=release npx playwright test) 2>&1 | tee -a "$log"

passed=$(awk '/^test result: ok\./ {n += $4} /^ +[0-9]+ passed \(/ {n += $1} END {print n + 0}' "$log")
echo ""
echo "tests ran in $((SECONDS / 60)) min $((SECONDS % 60)) s"
echo "all: $passed passed, 0 failed"
