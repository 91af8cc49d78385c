#!/usr/bin/env bash
# Loads the projects part of the demo data into the running local stack (demo-data.sh calls it after
# stations and personnel): a Haining project's life — tender, contract, team, IN_SERVICE, a paid
# tranche — three clients with plans, a day of field records synced from a phone as one batch, and
# a mid-term evaluation. It waits (bounded) until projects-service has replicated the stations and
# workers it needs, and takes the first suitable worker it finds there.
# Safe to run again: when the demo project exists, nothing is created.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"
BASE=${PROJECTS_URL:-http://127.0.0.1:8083}
API=$BASE/api/v1
COUNTY=330481
CODE=HN-DEMO-SGZ-01
ADMIN=$(dev_token --role platform-admin --subject demo-loader)
BUREAU=$(dev_token --role bureau-admin --region $COUNTY --subject bureau-330481-admin)
TOKEN=$ADMIN
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# call METHOD PATH [BODY] [IF-MATCH] [IDEMPOTENCY-KEY]: body to stdout; see last_status, last_etag.
call() {
  local args=(-s -X "$1" -H "Authorization: Bearer $TOKEN" -H 'Accept-Language: en' -D "$TMP/headers" -o "$TMP/body" -w '%{http_code}')
  [ -n "${3:-}" ] && args+=(-H 'Content-Type: application/json' -d "$3")
  [ -n "${4:-}" ] && args+=(-H "If-Match: $4")
  [ -n "${5:-}" ] && args+=(-H "Idempotency-Key: $5")
  curl "${args[@]}" "$API$2" > "$TMP/status"
  sed -n 's/^[Ee][Tt][Aa][Gg]: *//p' "$TMP/headers" | tr -d '\r' > "$TMP/etag"
  cat "$TMP/body"
}
last_status() { cat "$TMP/status"; }
last_etag() { cat "$TMP/etag"; }
# The first string field NAME of a JSON body; empty (not a failure) when absent, so that expect reports the problem.
first() { { grep -o "\"$1\":\"[^\"]*\"" || true; } | head -1 | sed -E "s/\"$1\":\"([^\"]*)\"/\1/"; }
expect() {
  for ok in "$@"; do [ "$(last_status)" = "$ok" ] && return 0; done
  die "demo data (projects): unexpected HTTP $(last_status): $(cat "$TMP/body")"
}
uuid() { cat /proc/sys/kernel/random/uuid; }
id_number() { # 17 digits → with its GB 11643 check character
  local body=$1 sum=0 weights=(7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2) checks=10X98765432 i
  for i in $(seq 0 16); do sum=$((sum + ${body:$i:1} * ${weights[$i]})); done
  echo "$body${checks:$((sum % 11)):1}"
}

existing=$(call GET "/projects?region=$COUNTY&limit=200")
expect 200
if echo "$existing" | grep -q "\"code\":\"$CODE\""; then
  say "Demo data: the projects demo is already loaded."
  exit 0
fi

say "Demo data: waiting for projects-service to replicate the regions, stations, workers and assignments it uses ..."
# Each replica arrives on its own topic, in no set order: wait (bounded) for all that the demo uses.
WORKER="" STATION="" AGENCY="" STATION_REGION="" VILLAGE="" missing="workers"
for _ in $(seq 1 180); do
  # The demo's county holds fewer than 200 of each, so the first page is all of them.
  workers=$(call GET "/replicas/workers?limit=200" | jq -c '.items' 2>/dev/null || true)
  stations=$(call GET "/replicas/stations?region=$COUNTY&limit=200" | jq -c '.items' 2>/dev/null || true)
  # The first active full-time station worker (the project's staffing asks for one) with an active
  # assignment at a Haining township station.
  read -r WORKER STATION AGENCY STATION_REGION < <(jq -nr --argjson w "${workers:-[]}" --argjson s "${stations:-[]}" '
    [$w[] | select(.status == "ACTIVE" and .category == "STATION_FULL_TIME" and (.dishonestyListed | not)) as $x
     | $s[] | select(.id == ($x.stationIds[0] // "") and (.regionCode | length) >= 9)
     | "\($x.id) \(.id) \($x.employerAgencyId) \(.regionCode)"] | .[0] // ""' 2>/dev/null) || true
  if [ -z "$WORKER" ]; then
    missing="an active full-time station worker assigned to a Haining township station (personnel.worker.v1, personnel.assignment.v1, stations.station.v1)"
  else
    TOWNSHIP=${STATION_REGION:0:9}
    VILLAGE=$(call GET "/replicas/regions?parent=$TOWNSHIP&limit=1" | jq -r '.items[0].code // empty' 2>/dev/null || true)
    [ -n "$VILLAGE" ] && break
    missing="the villages under township $TOWNSHIP (stations.region.v1)"
  fi
  sleep 1
done
[ -n "$WORKER" ] && [ -n "$VILLAGE" ] || die "demo data (projects): after 180 s projects-service still lacks $missing: load the earlier demo data (demo-stations.sh, demo-personnel.sh) and see .run/local/logs/projects.log"
COLLEAGUES=$(echo "$workers" | jq -r --arg a "$AGENCY" --arg w "$WORKER" '[.[] | select(.employerAgencyId == $a and .id != $w and .status == "ACTIVE" and (.dishonestyListed | not))] | .[0:2] | .[].id')
say "Demo data: worker $WORKER at station $STATION ($STATION_REGION), agency $AGENCY"

TOKEN=$BUREAU
say "Demo data: project $CODE — tender, contract, team, service ..."
# The bureaus' calendar is China's, whatever the machine's zone: the records are of yesterday there,
# so the project runs from 1 January of yesterday's year to the end of today's (two years on 1 January).
DAY=$(TZ=Asia/Shanghai date -d yesterday +%Y-%m-%d)   # yesterday: every time of it is in the past
YEAR=${DAY:0:4}
END_YEAR=$(TZ=Asia/Shanghai date +%Y)
PROJECT=$(call POST /projects "{\"code\":\"$CODE\",\"name\":\"海宁市 $YEAR 年度乡镇（街道）社工站运营服务项目（演示）\",\"purchaserRegionCode\":\"$COUNTY\",\"stationIds\":[\"$STATION\"],\"periodStart\":\"$YEAR-01-01\",\"periodEnd\":\"$END_YEAR-12-31\",\"procurementMethod\":\"PUBLIC_TENDER\",\"budgetFen\":120000000,\"funding\":[{\"source\":\"SOCIAL_ASSISTANCE_FUND\",\"amountFen\":80000000},{\"source\":\"WELFARE_LOTTERY_FUND\",\"amountFen\":40000000}],\"serviceItems\":[\"SOCIAL_ASSISTANCE\",\"ELDERLY_CARE\",\"ELDERLY_VISIT\"],\"targets\":[{\"indicator\":\"VISITS\",\"target\":1200},{\"indicator\":\"SERVICE_HOURS\",\"target\":3000},{\"indicator\":\"KEY_CLIENT_VISIT_RATE\",\"target\":95}],\"staffing\":{\"minFullTimeWorkers\":1,\"minCertifiedWorkers\":0},\"evaluatorSubjects\":[\"evaluator-zj-001\"]}" "" "demo-project-$CODE" | first id)
expect 201
etag=$(last_etag)
call POST "/projects/$PROJECT/transitions" '{"to":"TENDERING"}' "$etag" >/dev/null; expect 200; etag=$(last_etag)
call POST "/projects/$PROJECT/transitions" "{\"to\":\"CONTRACTED\",\"contractorAgencyId\":\"$AGENCY\",\"contractNumber\":\"HNMZ-$YEAR-DEMO\",\"contractDate\":\"$YEAR-01-01\"}" "$etag" >/dev/null; expect 200
call POST "/projects/$PROJECT/team" "{\"workerId\":\"$WORKER\",\"role\":\"PROJECT_LEAD\",\"since\":\"$YEAR-01-01\"}" "" "demo-team-$WORKER" >/dev/null; expect 200
for c in $COLLEAGUES; do
  call POST "/projects/$PROJECT/team" "{\"workerId\":\"$c\",\"role\":\"SOCIAL_WORKER\",\"since\":\"$YEAR-01-01\"}" "" "demo-team-$c" >/dev/null
  expect 200 409 422
done
etag=$(call GET "/projects/$PROJECT" >/dev/null; last_etag)
call POST "/projects/$PROJECT/transitions" '{"to":"IN_SERVICE"}' "$etag" >/dev/null; expect 200 409 422
[ "$(last_status)" = 200 ] || say "Demo data: the project stays CONTRACTED: $(cat "$TMP/body")"
call POST "/projects/$PROJECT/disbursements" "{\"amountFen\":36000000,\"plannedOn\":\"$YEAR-01-01\",\"condition\":\"合同签订后\"}" "" "demo-disbursement-1" >/dev/null; expect 201
DISBURSEMENT=$(call GET "/projects/$PROJECT" | jq -r '.disbursements[0].id'); etag=$(last_etag)
call POST "/projects/$PROJECT/disbursements/$DISBURSEMENT/payment" "{\"paidOn\":\"$DAY\"}" "$etag" >/dev/null; expect 200

say "Demo data: clients with their plans ..."
CLIENTS=()
n=0
for person in "张秀英:ELDERLY_ALONE:KEY:19420315" "李建国:DISABLED:HIGH_RISK:19581122" "王小雨:LEFT_BEHIND_CHILD:KEY:20140601"; do
  IFS=: read -r name category risk birth <<< "$person"
  n=$((n + 1))
  idn=$(id_number "${VILLAGE:0:6}${birth}01$n")
  body="{\"name\":\"$name\",\"idNumber\":\"$idn\",\"phone\":\"1370000000$n\",\"villageRegionCode\":\"$VILLAGE\",\"categories\":[\"$category\"],\"riskLevel\":\"$risk\",\"stationId\":\"$STATION\",\"responsibleWorkerId\":\"$WORKER\",\"assessment\":\"入户评估（演示）\",\"plan\":{\"goals\":[\"按月探访\",\"链接救助资源\"],\"serviceItems\":[\"ELDERLY_VISIT\"],\"reviewOn\":\"$END_YEAR-12-15\"}}"
  id=$(call POST /clients "$body" "" "demo-client-$idn" | first id)
  expect 201
  CLIENTS+=("$id")
done

say "Demo data: a day of field records, synced from the phone as one batch ..."
TOKEN=$(dev_token --role field-worker --worker "$WORKER" --subject "worker-$WORKER")
records="{\"id\":\"$(uuid)\",\"type\":\"GROUP_SESSION\",\"occurredAt\":\"${DAY}T14:00:00+08:00\",\"durationMinutes\":90,\"stationId\":\"$STATION\",\"projectId\":\"$PROJECT\",\"participantCount\":18,\"serviceItems\":[\"ELDERLY_CARE\"]}"
if [ ${#CLIENTS[@]} -eq 3 ]; then
  for i in 0 1 2; do
    records+=",{\"id\":\"$(uuid)\",\"type\":\"VISIT\",\"occurredAt\":\"${DAY}T$(printf %02d $((8 + i))):30:00+08:00\",\"durationMinutes\":45,\"stationId\":\"$STATION\",\"projectId\":\"$PROJECT\",\"clientIds\":[\"${CLIENTS[$i]}\"],\"serviceItems\":[\"ELDERLY_VISIT\"],\"notes\":\"入户探访\"}"
  done
  records+=",{\"id\":\"$(uuid)\",\"type\":\"CONSULTATION\",\"occurredAt\":\"${DAY}T15:30:00+08:00\",\"durationMinutes\":20,\"stationId\":\"$STATION\",\"projectId\":\"$PROJECT\",\"clientIds\":[\"${CLIENTS[1]}\"],\"serviceItems\":[\"SOCIAL_ASSISTANCE\"]}"
fi
call POST /service-records/batch "{\"records\":[$records]}" | tee "$TMP/synced" | jq -c '{created, unchanged, refused}'
expect 200
# demo-reporting.sh waits for these records before it compiles a report from the read models.
echo "$DAY $(jq '.created + .unchanged' "$TMP/synced")" > "$RUN_DIR/demo-records"

say "Demo data: a mid-term evaluation ..."
TOKEN=$BUREAU
TEMPLATE=$(call POST /evaluation-templates '{"name":"乡镇社工站项目中期评估（演示）","dimensions":[{"name":"规范建设","indicators":[{"code":"S1","name":"制度与档案","weight":25}]},{"name":"专业服务","indicators":[{"code":"P1","name":"个案与小组","weight":35}]},{"name":"服务成效","indicators":[{"code":"E1","name":"目标达成与满意度","weight":40}]}]}' "" "demo-template-1" | first id)
expect 201
EVALUATION=$(call POST /evaluations "{\"projectId\":\"$PROJECT\",\"templateId\":\"$TEMPLATE\",\"kind\":\"MID_TERM\",\"assessors\":[{\"kind\":\"THIRD_PARTY\",\"subject\":\"evaluator-zj-001\",\"weight\":70},{\"kind\":\"BUREAU\",\"subject\":\"bureau-330481-admin\",\"weight\":30}]}" "" "demo-evaluation-1" | first id)
expect 201
TOKEN=$(dev_token --role evaluator --subject evaluator-zj-001)
call POST "/evaluations/$EVALUATION/scores" '{"assessor":"THIRD_PARTY","scores":{"S1":88,"E1":85,"P1":90}}' "\"0\"" >/dev/null; expect 200
TOKEN=$BUREAU
call POST "/evaluations/$EVALUATION/scores" '{"assessor":"BUREAU","scores":{"S1":92,"E1":80,"P1":86}}' "\"1\"" >/dev/null; expect 200
call POST "/evaluations/$EVALUATION/completion" "" "\"2\"" | jq -c '{score, grade}'
expect 200
say "Demo data: projects loaded. Public disclosure: curl '$API/public/projects/$CODE/disclosure?month=${DAY:0:7}'"
