#!/usr/bin/env bash
# Loads the reporting part of the demo data into the running local stack (demo-data.sh calls it,
# last): a township-coverage target for Zhejiang (33) and Jiaxing (3304), and Haining's (330481)
# monthly report for last month, compiled, submitted, approved by Jiaxing and by Zhejiang — which
# locks the period on reporting.period.v1.
# Safe to run again: targets are set with If-Match from a fresh read, the report is created with an
# Idempotency-Key and each step runs only if the report is still before it.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"
API=${REPORTING_URL:-http://127.0.0.1:8084}/api/v1
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
PROVINCE=$(dev_token --role bureau-admin --region 33 --subject bureau-33-admin)
CITY=$(dev_token --role bureau-admin --region 3304 --subject bureau-3304-admin)
COUNTY=$(dev_token --role bureau-admin --region 330481 --subject bureau-330481-admin)
YEAR=$(TZ=Asia/Shanghai date +%Y)
MONTH=$(TZ=Asia/Shanghai date -d "$(TZ=Asia/Shanghai date +%Y-%m-15) -1 month" +%Y-%m)

# call TOKEN METHOD URL [BODY] [IF-MATCH] [IDEMPOTENCY-KEY]: body to stdout; status and ETag in $TMP.
call() {
  local args=(-s -X "$2" -H "Authorization: Bearer $1" -H 'Accept-Language: en' -D "$TMP/headers" -o "$TMP/body" -w '%{http_code}')
  [ -n "${4:-}" ] && args+=(-H 'Content-Type: application/json' -d "$4")
  [ -n "${5:-}" ] && args+=(-H "If-Match: $5")
  [ -n "${6:-}" ] && args+=(-H "Idempotency-Key: $6")
  curl "${args[@]}" "$3" > "$TMP/status"
  sed -n 's/^[Ee][Tt][Aa][Gg]: *//p' "$TMP/headers" | tr -d '\r' > "$TMP/etag"
  cat "$TMP/body"
}
status() { cat "$TMP/status"; }
etag() { cat "$TMP/etag"; }
field() { grep -o "\"$1\":\"[^\"]*\"" | head -1 | sed -E "s/\"$1\":\"([^\"]*)\"/\1/"; }
expect() {
  for ok in "$@"; do [ "$(status)" = "$ok" ] && return 0; done
  die "demo reporting: unexpected HTTP $(status): $(cat "$TMP/body")"
}

# The read models fill from several topics in no set order, and the divisions alone are ~27,000
# events: a report compiled before they are all in would freeze partial figures. Wait (bounded) for
# exactly what this demo reads: every township and village of Zhejiang, Haining's township stations,
# the demo project and its day of field records.
DIVISIONS="$REPO_ROOT/deploy/local/demo-data/divisions-33"
WANT_TOWNSHIPS=$(( $(wc -l < "$DIVISIONS/streets.csv") - 1 ))
WANT_VILLAGES=$(( $(wc -l < "$DIVISIONS/villages.csv") - 1 ))
# The day and number of the records demo-projects.sh synced (none: nothing to wait for).
read -r RECORDS_DAY WANT_RECORDS 2>/dev/null < "$RUN_DIR/demo-records" || { RECORDS_DAY=$(TZ=Asia/Shanghai date +%F); WANT_RECORDS=0; }
say "Demo reporting: waiting for the read models to hold Zhejiang's $WANT_TOWNSHIPS townships and $WANT_VILLAGES villages, Haining's stations, the demo project and its records ..."
missing="an answer from reporting-service"
for _ in $(seq 1 300); do
  coverage=$(call "$PROVINCE" GET "$API/dashboards/coverage?region=33")
  if [ "$(status)" = 200 ]; then
    have=$(echo "$coverage" | jq -r '"\(.coverage.townships) \(.coverage.villages)"')
    stations=$(call "$PROVINCE" GET "$API/dashboards/network?region=330481" | jq -r '[.children[]?.stations // 0] | add // 0')
    projects=$(call "$PROVINCE" GET "$API/dashboards/projects?region=330481" | jq -r '.totals.projects // 0')
    records=$(call "$PROVINCE" GET "$API/dashboards/service-output?region=330481&period=$RECORDS_DAY" | jq -r '.totals.records // 0')
    if [ "$have" != "$WANT_TOWNSHIPS $WANT_VILLAGES" ]; then
      missing="the divisions (townships and villages: have $have of $WANT_TOWNSHIPS $WANT_VILLAGES; stations.region.v1)"
    elif [ "$stations" -lt 12 ]; then
      missing="Haining's stations (have $stations of at least 12; stations.station.v1)"
    elif [ "$projects" -lt 1 ] || [ "$records" -lt "$WANT_RECORDS" ]; then
      missing="the demo project and its records of $RECORDS_DAY (have $projects project(s), $records of $WANT_RECORDS record(s); projects.project.v1, projects.service-record.v1)"
    else
      missing=""
      break
    fi
  fi
  sleep 2
done
[ -z "$missing" ] || die "demo reporting: after 600 s reporting-service still lacks $missing; see .run/local/logs/reporting.log"

for target in "33:70" "3304:80"; do
  region=${target%%:*}; percent=${target##*:}
  token=$PROVINCE; [ "$region" = 3304 ] && token=$CITY
  call "$token" GET "$API/coverage-targets/$region/$YEAR" > /dev/null; expect 200
  call "$token" PUT "$API/coverage-targets/$region/$YEAR" "{\"targetPercent\":$percent,\"note\":\"demo\"}" "$(etag)" > /dev/null
  expect 200
done
say "Demo reporting: coverage targets $YEAR set for 33 (70%) and 3304 (80%)"

report=$(call "$COUNTY" POST "$API/reports" \
  "{\"regionCode\":\"330481\",\"periodType\":\"MONTH\",\"period\":\"$MONTH\",\"narrative\":\"海宁市 $MONTH 社工站运行平稳，重点对象走访按月完成。\"}" \
  "" "demo-report-330481-$MONTH")
if [ "$(status)" = 409 ]; then
  report=$(call "$COUNTY" GET "$API/reports?region=330481&periodType=MONTH&limit=200")
  expect 200
  report=$(echo "$report" | tr '{' '\n' | grep -F "\"periodStart\":\"$MONTH-01\"" | head -1)
else
  expect 201
fi
id=$(echo "$report" | field id)
[ -n "$id" ] || die "demo reporting: no report for $MONTH"
step() { # TOKEN PATH BODY: runs a workflow step with the current ETag
  call "$1" GET "$API/reports/$id" > /dev/null; expect 200
  call "$1" POST "$API/reports/$id/$2" "$3" "$(etag)" > /dev/null; expect 200
}
state=$(call "$COUNTY" GET "$API/reports/$id" | field status)
[ "$state" = DRAFT ] && step "$COUNTY" submit "" && state=SUBMITTED
[ "$state" = SUBMITTED ] && step "$CITY" review '{"decision":"APPROVE","comment":"嘉兴市审核通过"}' && state=CITY_APPROVED
[ "$state" = CITY_APPROVED ] && step "$PROVINCE" review '{"decision":"APPROVE","comment":"省厅审核通过"}' && state=APPROVED
say "Demo reporting: Haining's $MONTH report $id is $state (period locked on reporting.period.v1)"

# Warnings are evaluated every 15 minutes; evaluate them once now so the demo shows them at once.
ADMIN=$(dev_token --role platform-admin --subject demo-loader)
call "$ADMIN" POST "$API/admin/warnings/evaluate" >/dev/null
[ "$(status)" = 200 ] || die "demo reporting: warning evaluation answered HTTP $(status): $(cat "$TMP/body")"
say "Demo reporting: warnings evaluated: $(call "$PROVINCE" GET "$API/warnings?region=33&status=OPEN&limit=200" | grep -o '"kind":"[A-Z_]*"' | sort | uniq -c | tr -s ' \n' ' ')"
