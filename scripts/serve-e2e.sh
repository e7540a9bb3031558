#!/usr/bin/env bash
# Starts the built server for the Playwright journeys: its own port, a fresh SQLite database,
# removed when Playwright stops the server.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-3111}"
data=$(mktemp -d /tmp/wif-e2e.XXXXXX)
# The journeys read the access codes from this outbox (end2end/tests/request.spec.ts).
outbox="${E2E_OUTBOX:-/tmp/wif-e2e-outbox-$port}"
rm -rf "$outbox"
export DATABASE_URL="sqlite://$data/e2e.sqlite?mode=rwc" ADDR="127.0.0.1:$port" LEPTOS_SITE_ROOT="${LEPTOS_SITE_ROOT:-target/site}"
export MAIL_OUTBOX="$outbox" STORAGE_DIR="$data/files" WIF_DEMO=1
# Every journey comes from 127.0.0.1: the per-client limits (tested by server/tests/it/security.rs)
# would stop the suite itself. The per-address ones stay (each journey has its own address).
export LIMIT_SIGN_IN_PER_CLIENT=100000 LIMIT_CODE_REQUESTS_PER_CLIENT=100000
# The server binary: SERVER_BIN, or the build of E2E_PROFILE (debug, or release with
# E2E_PROFILE=release). make test serves the release front end from the server its tests built.
"${SERVER_BIN:-${CARGO_TARGET_DIR:-target}/${E2E_PROFILE:-debug}/server}" &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$data"' EXIT INT TERM
wait "$pid"
