#!/usr/bin/env bash
# Every test of the project, in order of speed; stops at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "unit and integration tests (rules, API, pages) on SQLite"
cargo test -p app -p server

step "integration tests on PostgreSQL 15"
scripts/with-postgres.sh cargo test -p server --test api

step "end-to-end journeys (Playwright, headless Chromium)"
(cd end2end && npx playwright test)
