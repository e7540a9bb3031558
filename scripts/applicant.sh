# Sourced by the shell journeys (scripts/cluster-journey.sh, scripts/bench/upload-rss.sh): an
# applicant driven through the server functions with curl, as the browser's forms post them.
# Needs $work (a folder): the cookie jar is $work/jar (or $jar), each answer's body $work/body.

# POST a server function: call BASE FUNCTION [curl args…]; prints the status.
call() {
  local base=$1 fn=$2 cookies="${jar:-$work/jar}"; shift 2
  curl -s -o "$work/body" -w '%{http_code}' -b "$cookies" -c "$cookies" \
    -H 'Accept: application/json' -X POST "$base/api/$fn" "$@"
}

# emailed_code OUTBOX EMAIL: the six-digit code of the newest message to EMAIL (waits 10 s).
emailed_code() {
  local mail code
  for _ in $(seq 100); do
    mail=$(grep -l "To: $2" "$1"/*.eml 2>/dev/null | sort | tail -1 || true)
    if [ -n "$mail" ]; then
      code=$(grep -A3 -i "code" "$mail" | grep -oE '\b[0-9]{6}\b' | head -1 || true)
      [ -n "$code" ] && { echo "$code"; return 0; }
    fi
    sleep 0.1
  done
  return 1
}

# The three steps of a student's request in Paris, each through BASE; print the status.
save_student() { # BASE EMAIL
  call "$1" demande/enregistrer --data-urlencode step=salarie \
    --data-urlencode 'form[family_name]=Diop' --data-urlencode 'form[given_names]=Awa' \
    --data-urlencode 'form[birth_date]=2002-04-17' --data-urlencode 'form[nationality]=SN' \
    --data-urlencode 'form[permit]=student' --data-urlencode 'form[permit_number]=7501234567' \
    --data-urlencode "form[permit_issued]=$(date -d '-60 days' +%F)" \
    --data-urlencode "form[permit_expires]=$(date -d '+300 days' +%F)" \
    --data-urlencode 'form[school]=Sorbonne Université' --data-urlencode 'form[diploma]=Master' \
    --data-urlencode 'form[study_year]=M2' --data-urlencode 'form[address]=12 rue des Écoles' \
    --data-urlencode 'form[postcode]=75005' --data-urlencode 'form[city]=Paris' \
    --data-urlencode "form[email]=$2" --data-urlencode 'form[phone]=06 12 34 56 78'
}
save_employer() { # BASE
  call "$1" demande/enregistrer --data-urlencode step=employeur \
    --data-urlencode 'form[siret]=73282932000074' --data-urlencode 'form[employer_name]=Boulangerie du Panthéon' \
    --data-urlencode 'form[establishment_address]=3 place du Panthéon' \
    --data-urlencode 'form[establishment_postcode]=75005' --data-urlencode 'form[establishment_city]=Paris' \
    --data-urlencode 'form[contact_name]=Jeanne Martin' --data-urlencode 'form[contact_email]=rh@boulangerie.example.fr' \
    --data-urlencode 'form[contact_phone]=01 42 34 56 78'
}
save_job() { # BASE
  call "$1" demande/enregistrer --data-urlencode step=emploi \
    --data-urlencode 'form[contract]=employment' --data-urlencode "form[contract_start]=$(date -d '+14 days' +%F)" \
    --data-urlencode "form[contract_end]=$(date -d '+200 days' +%F)" --data-urlencode 'form[weekly_hours]=20' \
    --data-urlencode 'form[hourly_wage]=12,50' --data-urlencode 'form[job_title]=Vendeuse' \
    --data-urlencode 'form[within_curriculum]=true' --data-urlencode 'form[regulated_profession]=none' \
    --data-urlencode 'form[annual_hours]=1200' --data-urlencode 'form[renewal]=false'
}
