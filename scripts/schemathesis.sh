#!/usr/bin/env bash
# Fuzzes the JSON API of a running server with schemathesis: every operation of its OpenAPI
# document (/api/v1/openapi.json) gets generated requests, valid and invalid, and each answer
# must not be a 5xx and must match the document (status code, content type, body schema).
#   usage: scripts/schemathesis.sh BASE_URL        e.g. http://127.0.0.1:3199
#   SCHEMATHESIS_EXAMPLES  test cases per operation and phase (default 50)
#   SCHEMATHESIS_SEED      random seed (default 1: a failure reproduces run after run)
# Exits non-zero on any failure or error (schemathesis' own exit code).
set -euo pipefail
base_url="${1:?usage: scripts/schemathesis.sh BASE_URL}"
base_url="${base_url%/}"
req="$(cd "$(dirname "$0")" && pwd)/schemathesis/requirements.txt"

# A venv of its own, outside the work tree (like the shared cargo target), rebuilt from scratch
# whenever requirements.txt changes: the stamp holds the hash of the requirements it was made from.
venv="${XDG_CACHE_HOME:-$HOME/.cache}/work-in-france/schemathesis-venv"
hash=$(sha256sum "$req" | cut -d' ' -f1)
if [[ "$(cat "$venv/.requirements.sha256" 2>/dev/null)" != "$hash" ]]; then
  echo "schemathesis: installing $req into $venv"
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$req"
  echo "$hash" > "$venv/.requirements.sha256"
fi

# schemathesis and hypothesis keep state in the current directory (.schemathesis/ replays
# earlier requests, .hypothesis/): run in a throwaway one, so each run starts clean and
# nothing lands in the work tree; an empty config file so no stray schemathesis.toml is read.
run_dir=$(mktemp -d /tmp/wif-schemathesis.XXXXXX)
trap 'rm -rf "$run_dir"' EXIT
cd "$run_dir"
: > schemathesis.toml

# --url pins every request to BASE_URL whatever the document's `servers` say; no redirect is
# followed and no proxy is used, so nothing leaves that server.
export NO_PROXY='*' no_proxy='*'
"$venv/bin/schemathesis" --config-file schemathesis.toml --no-color run "$base_url/api/v1/openapi.json" \
  --url "$base_url" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
  --max-examples "${SCHEMATHESIS_EXAMPLES:-50}" \
  --seed "${SCHEMATHESIS_SEED:-1}" \
  --generation-database none \
  --max-redirects 0 \
  --request-timeout 10 \
  --wait-for-schema 30
