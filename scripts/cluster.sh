#!/usr/bin/env bash
# Two instances of the server (the release build, or SERVER_BIN) behind HAProxy, on the PostgreSQL and the S3 bucket the
# enclosing scripts started:
#   scripts/with-postgres.sh scripts/with-seaweedfs.sh scripts/cluster.sh PORT FOLDER [-- CMD…]
# HAProxy listens on 127.0.0.1:PORT (round robin, no stickiness, health checks, forwardfor; the
# instances trust it in TRUSTED_PROXIES; /metrics refused there, served by each instance with
# METRICS_TOKEN); demo data; e-mail in FOLDER/outbox/; instance b logs JSON lines. With a command,
# runs it (CLUSTER_URL, CLUSTER_A, CLUSTER_B, CLUSTER_DIR exported) and stops everything;
# without one, serves until Ctrl+C. `make cluster` is the second form on port 3100.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:?usage: cluster.sh PORT FOLDER [-- CMD…]}"
dir="${2:?usage: cluster.sh PORT FOLDER [-- CMD…]}"
shift 2
[ "${1:-}" = "--" ] && shift
: "${TEST_DATABASE_URL:?run inside scripts/with-postgres.sh}"
: "${TEST_STORAGE_URL:?run inside scripts/with-seaweedfs.sh}"
scripts/setup.sh cluster
bin="${SERVER_BIN:-${CARGO_TARGET_DIR:-target}/release/server}"
[ -x "$bin" ] || { echo "[cluster] $bin missing: make build-release" >&2; exit 1; }

rm -rf "$dir"
mkdir -p "$dir/outbox"
dir=$(cd "$dir" && pwd)
a=$(scripts/free-port) b=$(scripts/free-port)

export DATABASE_URL="$TEST_DATABASE_URL" STORAGE_URL="$TEST_STORAGE_URL/cluster"
export LEPTOS_SITE_ROOT="${RELEASE_SITE_ROOT:-target/site-release}" PUBLIC_URL="http://127.0.0.1:$port"
export TRUSTED_PROXIES=127.0.0.1/32 MAIL_OUTBOX="$dir/outbox" STORAGE_DIR="$dir/files" WIF_DEMO=1
export ACCESS_CODE_KEY="$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')"
export RUST_LOG="${RUST_LOG:-info}"
# Prometheus scrapes each instance directly with the token; HAProxy refuses /metrics outside.
export METRICS_TOKEN="$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')"

pids=()
stop() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop EXIT INT TERM

start_instance() { # name port [VAR=value…]
  env ADDR="127.0.0.1:$2" "${@:3}" "$bin" >"$dir/$1.log" 2>&1 &
  pids+=($!)
  echo $! >"$dir/$1.pid"
}
# Both at the same moment: migrations and demo seeding take turns (the start lock).
start_instance a "$a"
# The second writes its log as JSON lines, as a deployment with a log collector would.
start_instance b "$b" LOG_FORMAT=json

cat >"$dir/haproxy.cfg" <<CFG
global
  maxconn 2048
defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 150s
  option forwardfor
  option redispatch
  retries 2
frontend www
  bind 127.0.0.1:$port
  http-request deny deny_status 403 if { path_beg /metrics }
  default_backend apps
backend apps
  balance roundrobin
  option httpchk GET /healthz/live
  http-check expect status 200
  default-server inter 500ms fall 2 rise 1
  server a 127.0.0.1:$a check
  server b 127.0.0.1:$b check
CFG
haproxy -db -f "$dir/haproxy.cfg" >"$dir/haproxy.log" 2>&1 &
pids+=($!)

up() { curl -sf "$1/healthz" >/dev/null 2>&1; }
for _ in $(seq 300); do
  up "http://127.0.0.1:$a" && up "http://127.0.0.1:$b" && up "http://127.0.0.1:$port" && break
  for pid in "${pids[@]}"; do
    kill -0 "$pid" 2>/dev/null || { tail -20 "$dir"/*.log >&2; echo "[cluster] a process stopped" >&2; exit 1; }
  done
  sleep 0.2
done
up "http://127.0.0.1:$port" || { tail -20 "$dir"/*.log >&2; echo "[cluster] not up" >&2; exit 1; }

export CLUSTER_URL="http://127.0.0.1:$port" CLUSTER_A="http://127.0.0.1:$a" CLUSTER_B="http://127.0.0.1:$b"
export CLUSTER_DIR="$dir"
if [ $# -gt 0 ]; then
  "$@"
else
  echo "Work in France, two instances behind HAProxy: $CLUSTER_URL (instances $CLUSTER_A, $CLUSTER_B)"
  echo "E-mail: $dir/outbox/   logs: $dir/*.log   stop with Ctrl+C"
  wait "${pids[0]}"
fi
