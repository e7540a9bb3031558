#!/usr/bin/env bash
# The start load of issue 15 against the release server: 600 starts from 600 client addresses,
# 100 at once (STARTS, CONCURRENCY), on SQLite, then on a throwaway PostgreSQL 15 cluster.
# E-mail goes to a folder outbox through the queue, as with `make run`.
#   scripts/bench/start-load.sh            (make bench runs it; needs the release build)
set -euo pipefail
cd "$(dirname "$0")/../.."
server="${CARGO_TARGET_DIR:-target}/release/server"
[ -x "$server" ] || { echo "no release server at $server: make build-release" >&2; exit 1; }

one() { # label, database URL
  local label=$1 url=$2 data port pid
  data=$(mktemp -d /tmp/wif-load.XXXXXX)
  port=$(scripts/free-port)
  DATABASE_URL="${url//@DATA@/$data}" ADDR="127.0.0.1:$port" RUST_LOG=warn TRUSTED_PROXIES=127.0.0.1 \
    MAIL_OUTBOX="$data/outbox" STORAGE_DIR="$data/files" LEPTOS_SITE_ROOT="${LEPTOS_SITE_ROOT:-target/site-release}" \
    "$server" >"$data/server.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
  node scripts/bench/start-load.mjs "http://127.0.0.1:$port" "$label" || true
  kill "$pid"; wait "$pid" 2>/dev/null || true
  if grep -qi "error" "$data/server.log"; then
    echo "server log ($label):" >&2; grep -i "error" "$data/server.log" | sort | uniq -c | head -5 >&2
  fi
  rm -rf "$data"
}

one sqlite 'sqlite://@DATA@/load.sqlite?mode=rwc'
# shellcheck disable=SC2016
scripts/with-postgres.sh bash -c '
  psql "$TEST_DATABASE_URL" -qc "CREATE DATABASE wif_load" >/dev/null
  '"$(declare -f one)"'
  server='"$server"' one postgres "${TEST_DATABASE_URL%/*}/wif_load"'
