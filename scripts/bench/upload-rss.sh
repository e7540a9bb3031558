#!/usr/bin/env bash
# The server's memory for one 10 MB upload, to the local disk and to S3 (SeaweedFS): the release
# server alone in its process, its resident set before the upload and its peak during it
# (VmHWM, reset first through /proc/PID/clear_refs); the file is just under the 10 MiB limit. Run inside scripts/with-seaweedfs.sh
# (make bench does). An upload streams: its growth should be about one 5 MB part for S3.
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${TEST_STORAGE_URL:?run inside scripts/with-seaweedfs.sh}"
bin="${CARGO_TARGET_DIR:-target}/release/server"
work=$(mktemp -d /tmp/wif-upload-rss.XXXXXX)
pid=""
trap '[ -n "$pid" ] && { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }; rm -rf "$work"' EXIT
{ printf '%%PDF-1.7\n'; head -c 10485000 /dev/urandom; } >"$work/ten.pdf"
. scripts/applicant.sh
kb() { awk -v k="$1" '$1==k":" {print $2}' "/proc/$pid/status"; }

measure() { # label, extra environment…
  local label=$1; shift
  local port; port=$(scripts/free-port)
  rm -rf "$work/run"; mkdir -p "$work/run"
  env DATABASE_URL="sqlite://$work/run/db.sqlite?mode=rwc" ADDR="127.0.0.1:$port" RUST_LOG=warn \
    MAIL_OUTBOX="$work/run/outbox" STORAGE_DIR="$work/run/files" "$@" "$bin" >"$work/run/log" 2>&1 &
  pid=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
  local base="http://127.0.0.1:$port" email="rss.$RANDOM@example.org"
  rm -f "$work/jar"
  [ "$(call "$base" demande/commencer --data-urlencode "email=$email" --data-urlencode role=student)" = 200 ]
  local code; code=$(emailed_code "$work/run/outbox" "$email")
  [ "$(call "$base" demande/acces --data-urlencode "email=$email" --data-urlencode "code=$code")" = 200 ]
  [ "$(save_student "$base" "$email")" = 200 ] && [ "$(save_employer "$base")" = 200 ] \
    && [ "$(save_job "$base")" = 200 ] || { echo "steps: $(cat "$work/body")" >&2; exit 1; }
  # A first small upload warms what every upload allocates once (buffers, connections).
  head -c 2048 "$work/ten.pdf" >"$work/small.pdf"
  local warm
  warm=$(curl -s -o "$work/body" -w '%{http_code}' -b "$work/jar" -H 'Accept: application/json' \
    -F "file=@$work/small.pdf;type=application/pdf" "$base/demande/fichiers/residence_permit")
  [ "$warm" = 201 ] || { echo "first upload answered $warm: $(cat "$work/body")" >&2; exit 1; }
  sleep 0.5
  local before; before=$(kb VmRSS)
  echo 5 >"/proc/$pid/clear_refs"
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' -b "$work/jar" -H 'Accept: application/json' \
    -F "file=@$work/ten.pdf;type=application/pdf" "$base/demande/fichiers/passport")
  local peak; peak=$(kb VmHWM)
  [ "$status" = 201 ] || { echo "upload answered $status" >&2; cat "$work/run/log" >&2; exit 1; }
  printf '%-28s RSS before %6d KB   peak during %6d KB   growth %6d KB (%.1f MB)\n' \
    "$label" "$before" "$peak" $((peak - before)) "$(awk -v d=$((peak - before)) 'BEGIN {print d / 1024}')"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
}

echo "one 10 MB upload (release server, 1 client):"
measure "local disk (STORAGE_DIR)"
measure "S3 (SeaweedFS, STORAGE_URL)" STORAGE_URL="$TEST_STORAGE_URL/rss"
