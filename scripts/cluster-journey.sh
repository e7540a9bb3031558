#!/usr/bin/env bash
# A journey across the two instances of scripts/cluster.sh (run as its command): a request
# started through one instance is signed into through the other, its step saved and its
# document uploaded (to the S3 bucket) on one and read back from the other; an agent's lock
# reached on one holds on the other; one instance is killed and the journey goes on through
# HAProxy. Exits non-zero at the first step that does not hold.
set -euo pipefail
: "${CLUSTER_URL:?run as the command of scripts/cluster.sh}" "${CLUSTER_A:?}" "${CLUSTER_B:?}" "${CLUSTER_DIR:?}"
work=$(mktemp -d /tmp/wif-cluster-journey.XXXXXX)
trap 'rm -rf "$work"' EXIT
ok() { printf '[journey] %s\n' "$*"; }
fail() { printf '[journey] FAILED: %s\n' "$*" >&2; exit 1; }
# POST a server function: call BASE FUNCTION [curl args…]; prints the status, body in $work/body.
call() {
  local base=$1 fn=$2; shift 2
  curl -s -o "$work/body" -w '%{http_code}' -b "$work/jar" -c "$work/jar" \
    -H 'Accept: application/json' -X POST "$base/api/$fn" "$@"
}
email="cluster.$(date +%s%N)@example.org"

status=$(call "$CLUSTER_A" demande/commencer --data-urlencode "email=$email" --data-urlencode role=student)
[ "$status" = 200 ] || fail "start through instance A: $status $(cat "$work/body")"
ok "started through instance A"
code=""
for _ in $(seq 100); do
  mail=$(grep -l "To: $email" "$CLUSTER_DIR"/outbox/*.eml 2>/dev/null | sort | tail -1 || true)
  if [ -n "$mail" ]; then
    code=$(grep -A3 -i "code" "$mail" | grep -oE '\b[0-9]{6}\b' | head -1 || true)
    [ -n "$code" ] && break
  fi
  sleep 0.1
done
[ -n "$code" ] || fail "no code e-mailed to $email"
ok "code e-mailed by the queue ($(basename "$mail"))"
status=$(call "$CLUSTER_B" demande/acces --data-urlencode "email=$email" --data-urlencode "code=$code")
[ "$status" = 200 ] || fail "sign in through instance B: $status $(cat "$work/body")"
grep -q wif_session "$work/jar" || fail "no session cookie from instance B"
ok "signed in through instance B"

status=$(call "$CLUSTER_A" demande/enregistrer --data-urlencode step=salarie \
  --data-urlencode 'form[family_name]=Diop' --data-urlencode 'form[given_names]=Awa' \
  --data-urlencode 'form[birth_date]=2002-04-17' --data-urlencode 'form[nationality]=SN' \
  --data-urlencode 'form[permit]=student' --data-urlencode 'form[permit_number]=7501234567' \
  --data-urlencode "form[permit_issued]=$(date -d '-60 days' +%F)" \
  --data-urlencode "form[permit_expires]=$(date -d '+300 days' +%F)" \
  --data-urlencode 'form[school]=Sorbonne Université' --data-urlencode 'form[diploma]=Master' \
  --data-urlencode 'form[study_year]=M2' --data-urlencode 'form[address]=12 rue des Écoles' \
  --data-urlencode 'form[postcode]=75005' --data-urlencode 'form[city]=Paris' \
  --data-urlencode "form[email]=$email" --data-urlencode 'form[phone]=06 12 34 56 78')
[ "$status" = 200 ] || fail "save the first step through instance A: $status $(cat "$work/body")"
ok "first step saved through instance A"
status=$(call "$CLUSTER_B" demande/enregistrer --data-urlencode step=employeur \
  --data-urlencode 'form[siret]=73282932000074' --data-urlencode 'form[employer_name]=Boulangerie du Panthéon' \
  --data-urlencode 'form[establishment_address]=3 place du Panthéon' \
  --data-urlencode 'form[establishment_postcode]=75005' --data-urlencode 'form[establishment_city]=Paris' \
  --data-urlencode 'form[contact_name]=Jeanne Martin' --data-urlencode 'form[contact_email]=rh@boulangerie.example.fr' \
  --data-urlencode 'form[contact_phone]=01 42 34 56 78')
[ "$status" = 200 ] || fail "save the second step through instance B: $status $(cat "$work/body")"
status=$(call "$CLUSTER_A" demande/enregistrer --data-urlencode step=emploi \
  --data-urlencode 'form[contract]=employment' --data-urlencode "form[contract_start]=$(date -d '+14 days' +%F)" \
  --data-urlencode "form[contract_end]=$(date -d '+200 days' +%F)" --data-urlencode 'form[weekly_hours]=20' \
  --data-urlencode 'form[hourly_wage]=12,50' --data-urlencode 'form[job_title]=Vendeuse' \
  --data-urlencode 'form[within_curriculum]=true' --data-urlencode 'form[regulated_profession]=none' \
  --data-urlencode 'form[annual_hours]=1200' --data-urlencode 'form[renewal]=false')
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

# The demo instructor and its published password (server/src/instruction/accounts.rs).
agent=instructeur@demo.workinfrance.fr password=demo-instruction-2026
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
