#!/usr/bin/env bash
# A journey across the two instances of scripts/cluster.sh (run as its command): a request
# started through one instance is signed into through the other, its step saved and its
# document uploaded (to the S3 bucket) on one and read back from the other; filed on one,
# decided on both, every document previewed from both; an agent's lock reached on one holds
# on the other; one instance is killed and the journey goes on through HAProxy; /metrics and
# the JSON log. Exits non-zero at the first step that does not hold.
set -euo pipefail
: "${CLUSTER_URL:?run as the command of scripts/cluster.sh}" "${CLUSTER_A:?}" "${CLUSTER_B:?}" "${CLUSTER_DIR:?}"
work=$(mktemp -d /tmp/wif-cluster-journey.XXXXXX)
trap 'rm -rf "$work"' EXIT
ok() { printf '[journey] %s\n' "$*"; }
fail() { printf '[journey] FAILED: %s\n' "$*" >&2; exit 1; }
. "$(dirname "$0")/applicant.sh"
email="cluster.$(date +%s%N)@example.org"

status=$(call "$CLUSTER_A" demande/commencer --data-urlencode "email=$email" --data-urlencode role=student)
[ "$status" = 200 ] || fail "start through instance A: $status $(cat "$work/body")"
ok "started through instance A"
code=$(emailed_code "$CLUSTER_DIR/outbox" "$email") || fail "no code e-mailed to $email"
ok "code e-mailed by the queue"
status=$(call "$CLUSTER_B" demande/acces --data-urlencode "email=$email" --data-urlencode "code=$code")
[ "$status" = 200 ] || fail "sign in through instance B: $status $(cat "$work/body")"
grep -q wif_session "$work/jar" || fail "no session cookie from instance B"
ok "signed in through instance B"

status=$(save_student "$CLUSTER_A" "$email")
[ "$status" = 200 ] || fail "save the first step through instance A: $status $(cat "$work/body")"
ok "first step saved through instance A"
status=$(save_employer "$CLUSTER_B")
[ "$status" = 200 ] || fail "save the second step through instance B: $status $(cat "$work/body")"
status=$(save_job "$CLUSTER_A")
[ "$status" = 200 ] || fail "save the third step through instance A: $status $(cat "$work/body")"
ok "second step saved through instance B, third through instance A"

{ printf '%%PDF-1.7\n'; head -c 6000000 /dev/urandom; } >"$work/passport.pdf"
status=$(curl -s -o "$work/body" -w '%{http_code}' -b "$work/jar" -H 'Accept: application/json' \
  -F "file=@$work/passport.pdf;type=application/pdf" "$CLUSTER_B/demande/fichiers/passport")
[ "$status" = 201 ] || fail "upload through instance B: $status $(cat "$work/body")"
id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$work/body")
ok "6 MB document uploaded through instance B"
for base in "$CLUSTER_A" "$CLUSTER_B"; do
  curl -sf -b "$work/jar" -o "$work/back.pdf" "$base/demande/fichier/$id" || fail "read back from $base"
  cmp -s "$work/passport.pdf" "$work/back.pdf" || fail "other bytes from $base"
done
ok "the same bytes read back from both instances"

# The other required documents through instance A, and the request filed there.
for kind in residence_permit enrolment_certificate employment_contract mandate; do
  { printf '%%PDF-1.7\n'; head -c 20000 /dev/urandom; } >"$work/$kind.pdf"
  status=$(curl -s -o "$work/body" -w '%{http_code}' -b "$work/jar" -H 'Accept: application/json' \
    -F "file=@$work/$kind.pdf;type=application/pdf" "$CLUSTER_A/demande/fichiers/$kind")
  [ "$status" = 201 ] || fail "upload $kind through instance A: $status $(cat "$work/body")"
done
status=$(call "$CLUSTER_A" demande/deposer)
[ "$status" = 200 ] || fail "file through instance A: $status $(cat "$work/body")"
number=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])))' "$work/body")
ok "filed through instance A: $number"

# The demo instructor and its published password (server/src/instruction/accounts.rs).
agent=instructeur@demo.workinfrance.fr password=demo-instruction-2026
# As the instructor (a cookie jar of its own): acall BASE FUNCTION [curl args…].
acall() { jar="$work/agent" call "$@"; }
field() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$work/body" "$1"; }
status=$(acall "$CLUSTER_B" instruction/connexion --data-urlencode "email=$agent" --data-urlencode "password=$password")
[ "$status" = 200 ] || fail "instructor sign-in through instance B: $status $(cat "$work/body")"
status=$(acall "$CLUSTER_A" instruction/dossier --data-urlencode "number=$number")
[ "$status" = 200 ] || fail "the file opened through instance A: $status $(cat "$work/body")"
[ "$(field state)" = submitted ] || fail "filed, yet $(field state)"
cp "$work/body" "$work/dossier.json"
status=$(acall "$CLUSTER_B" instruction/agir --data-urlencode "number=$number" \
  --data-urlencode "version=$(field version)" --data-urlencode act=take_in_review)
[ "$status" = 200 ] || fail "taken in review through instance B: $status $(cat "$work/body")"
status=$(acall "$CLUSTER_A" instruction/agir --data-urlencode "number=$number" \
  --data-urlencode "version=$(field version)" --data-urlencode act=accept \
  --data-urlencode "valid_from=$(date -d '+14 days' +%F)" --data-urlencode "valid_until=$(date -d '+200 days' +%F)")
[ "$status" = 200 ] || fail "accepted through instance A: $status $(cat "$work/body")"
status=$(acall "$CLUSTER_B" instruction/dossier --data-urlencode "number=$number")
[ "$(field state)" = accepted ] || fail "instance B sees $(field state), not accepted"
ok "taken in review through instance B, accepted through instance A, seen accepted by B"
# Every document previewed by the instructor from both instances, the 6 MB one byte for byte.
python3 -c 'import json,sys
for slot in json.load(open(sys.argv[1]))["documents"]:
    for f in slot["files"]: print(slot["kind"], f["id"])' "$work/dossier.json" >"$work/files"
[ "$(wc -l <"$work/files")" = 5 ] || fail "5 documents expected: $(cat "$work/files")"
while read -r kind fid; do
  for base in "$CLUSTER_A" "$CLUSTER_B"; do
    curl -sf -b "$work/agent" -o "$work/shown" "$base/instruction/fichier/$fid" || fail "preview $kind from $base"
    cmp -s "$work/$kind.pdf" "$work/shown" || fail "other bytes for $kind from $base"
  done
done <"$work/files"
ok "the 5 documents previewed from both instances, the same bytes"
status=$(curl -s -o "$work/decision.pdf" -w '%{http_code}' -b "$work/jar" "$CLUSTER_B/demande/autorisation.pdf")
[ "$status" = 200 ] && head -c 5 "$work/decision.pdf" | grep -q '%PDF' || fail "the authorisation from B: $status"
ok "the applicant downloads the authorisation through instance B"

for k in 1 2 3 4 5; do
  call "$CLUSTER_A" instruction/connexion --data-urlencode "email=$agent" \
    --data-urlencode "password=wrong $k" >/dev/null
done
status=$(curl -s -o "$work/body" -w '%{http_code}' -H 'Accept: application/json' -X POST \
  "$CLUSTER_B/api/instruction/connexion" --data-urlencode "email=$agent" \
  --data-urlencode "password=$password")
[ "$status" = 401 ] || fail "the lock reached on A does not hold on B: $status $(cat "$work/body")"
status=$(curl -s -o /dev/null -w '%{http_code}' -H 'Accept: application/json' -X POST \
  -H 'X-Forwarded-For: 192.0.2.10' "$CLUSTER_URL/api/instruction/connexion" \
  --data-urlencode "email=$agent" --data-urlencode "password=$password")
[ "$status" = 200 ] || fail "the agent from another address (through HAProxy) is refused: $status"
ok "five wrong passwords on instance A: the right one is refused on instance B too"

kill "$(cat "$CLUSTER_DIR/a.pid")"
for k in 1 2 3 4 5 6; do
  status=$(call "$CLUSTER_URL" demande/brouillon)
  [ "$status" = 200 ] || fail "through HAProxy with instance A stopped (request $k): $status"
done
ok "instance A stopped: six requests through HAProxy answered by instance B"

# Operations: /metrics refused through HAProxy, served by an instance with its token, counting
# what this journey did; instance B's log is JSON lines.
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $METRICS_TOKEN" "$CLUSTER_URL/metrics")
[ "$status" = 403 ] || fail "/metrics through HAProxy: $status"
status=$(curl -s -o /dev/null -w '%{http_code}' "$CLUSTER_B/metrics")
[ "$status" = 401 ] || fail "/metrics without the token: $status"
curl -sf -H "Authorization: Bearer $METRICS_TOKEN" -o "$work/metrics" "$CLUSTER_B/metrics" || fail "/metrics with the token"
grep -q '^wif_http_requests_total{route="/instruction/fichier/{id}",method="GET",status="200"} [1-9]' "$work/metrics" \
  || fail "no previews counted: $(grep wif_http_requests_total "$work/metrics" | head)"
grep -q '^wif_mail_queue{state="queued"} ' "$work/metrics" || fail "no mail queue depth"
python3 - "$CLUSTER_DIR/b.log" <<'PY' || fail "instance B's log is not JSON lines"
import json, sys
lines = [l for l in open(sys.argv[1]) if l.startswith("{")]
assert len(lines) >= 3, lines
events = [json.loads(l) for l in lines]
assert all("timestamp" in e and "level" in e for e in events)
assert any(e.get("fields", {}).get("event") == "sign_in_succeeded" for e in events), events[-3:]
PY
ok "/metrics refused through HAProxy, served by B with its token; B logs JSON lines"
