#!/usr/bin/env bash
# Loads the personnel part of the demo data into the running local stack (demo-data.sh calls it,
# after demo-stations.sh): workers of 海宁市益民社会工作服务中心 and 杭州市春晖社会工作发展中心 with
# certificates, employment, station assignments and their filings (one filed late), a pre-job
# training with attendance, and a "三区" dispatch programme.
# Safe to run again: workers go through the HR batch (keyed by external id: unchanged the second
# time), creations carry Idempotency-Keys, and the rest is checked before it is written.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"
STATIONS=${STATIONS_URL:-http://127.0.0.1:8081}/api/v1
BASE=${PERSONNEL_URL:-http://127.0.0.1:8082}
API=$BASE/api/v1
TOKEN=$(dev_token --role platform-admin --subject demo-loader)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# call METHOD URL [BODY] [IF-MATCH] [IDEMPOTENCY-KEY]: body to stdout; see last_status, last_etag.
call() {
  local args=(-s -X "$1" -H "Authorization: Bearer $TOKEN" -H 'Accept-Language: en' -D "$TMP/headers" -o "$TMP/body" -w '%{http_code}')
  [ -n "${3:-}" ] && args+=(-H 'Content-Type: application/json' -d "$3")
  [ -n "${4:-}" ] && args+=(-H "If-Match: $4")
  [ -n "${5:-}" ] && args+=(-H "Idempotency-Key: $5")
  curl "${args[@]}" "$2" > "$TMP/status"
  sed -n 's/^[Ee][Tt][Aa][Gg]: *//p' "$TMP/headers" | tr -d '\r' > "$TMP/etag"
  cat "$TMP/body"
}
last_status() { cat "$TMP/status"; }
last_etag() { cat "$TMP/etag"; }
first() { grep -o "\"$1\":\"[^\"]*\"" | head -1 | sed -E "s/\"$1\":\"([^\"]*)\"/\1/"; }
expect() {
  for ok in "$@"; do [ "$(last_status)" = "$ok" ] && return 0; done
  die "demo personnel: unexpected HTTP $(last_status): $(cat "$TMP/body")"
}
# The id of the flat JSON object (one per line after splitting at '{') that contains TEXT.
id_where() { tr '{' '\n' | grep -F "$1" | head -1 | first id; }

say "Demo personnel: looking up the demo agencies in stations-service ..."
agencies=$(call GET "$STATIONS/agencies?limit=200")
expect 200
YIMIN=$(echo "$agencies" | id_where '"name":"海宁市益民社会工作服务中心"')
CHUNHUI=$(echo "$agencies" | id_where '"name":"杭州市春晖社会工作发展中心"')
[ -n "$YIMIN" ] && [ -n "$CHUNHUI" ] || die "demo personnel: the stations demo data (agencies) is missing; run deploy/local/demo-stations.sh first"
expected=$(call GET "$STATIONS/stations?region=330481&level=TOWNSHIP_STATION&limit=200" | grep -o '"level":"TOWNSHIP_STATION"' | wc -l)

say "Demo personnel: waiting until personnel-service has replicated them ..."
replicated=0
for _ in $(seq 1 120); do
  have_agencies=$( (call GET "$API/replicas/agencies?region=33&limit=200" || true) | grep -c -e "$YIMIN" -e "$CHUNHUI" || true)
  stations=$(call GET "$API/replicas/stations?region=330481&limit=200" || true)
  have_stations=$(echo "$stations" | grep -o '"level":"TOWNSHIP_STATION"' | wc -l)
  if [ "$(last_status)" = 200 ] && [ "$have_agencies" -ge 1 ] && echo "$stations" | grep -q "$YIMIN" \
      && [ "$have_stations" -ge "$expected" ]; then
    replicated=1
    break
  fi
  sleep 1
done
[ "$replicated" = 1 ] || die "demo personnel: after 120 s personnel-service still lacks the stations' agencies or stations (has $have_stations of $expected Haining township stations); see .run/local/logs/personnel.log"
# Operating township stations: two run by 益民, one government-run.
ops=$(echo "$stations" | tr '{' '\n' | grep '"level":"TOWNSHIP_STATION"' | grep '"status":"OPERATING"')
S1=$(echo "$ops" | grep "\"agencyId\":\"$YIMIN\"" | sed -n 1p | first id)
S2=$(echo "$ops" | grep "\"agencyId\":\"$YIMIN\"" | sed -n 2p | first id)
S3=$(echo "$ops" | grep '"operationMode":"GOVERNMENT_RUN"' | sed -n 1p | first id)
[ -n "$S1" ] && [ -n "$S2" ] && [ -n "$S3" ] || die "demo personnel: expected operating Haining township stations (two of 益民, one government-run)"

say "Demo personnel: workers through the HR batch ..."
item() { # externalId name idNumber phone education degree category post grade from
  printf '{"externalId":"%s","name":"%s","idNumber":"%s","phone":"%s","education":"%s","socialWorkDegree":%s,"category":"%s","post":"%s","grade":%s,"employedFrom":"%s"}' "$@"
}
yimin_items=$(IFS=,; echo "$(item YM-001 沈晓燕 330481199003150029 13805730001 BACHELOR true STATION_FULL_TIME STATION_LEAD 8 2023-03-01),$(item YM-002 陆建国 330481198811020041 13805730002 JUNIOR_COLLEGE false STATION_FULL_TIME SOCIAL_WORKER 6 2023-03-01),$(item YM-003 钱佳怡 330481199507080036 13805730003 BACHELOR true STATION_FULL_TIME SOCIAL_WORKER 4 2024-02-01),$(item YM-004 朱文杰 330481199202210012 13805730004 MASTER true STATION_FULL_TIME SOCIAL_WORKER 5 2024-02-01),$(item YM-005 吴丽萍 330481198709190060 13805730005 JUNIOR_COLLEGE false CIVIL_AFFAIRS_ASSISTANT ASSISTANT 3 2022-09-01),$(item YM-006 许晨 330481199306120089 13805730006 BACHELOR true SUPERVISOR STATION_LEAD 9 2021-07-01)")
result=$(call POST "$API/workers/batch" "{\"agencyId\":\"$YIMIN\",\"items\":[$yimin_items]}")
expect 200
echo "$result" | grep -q '"rejected":0' || die "demo personnel: batch items refused: $result"
chunhui_items="$(item CH-001 何思远 330102198604050051 13905710001 MASTER true PROJECT_WORKER SOCIAL_WORKER 7 2020-05-01),$(item CH-002 蒋雨桐 330102199108300079 13905710002 BACHELOR true PROJECT_WORKER SOCIAL_WORKER 5 2021-05-01)"
result2=$(call POST "$API/workers/batch" "{\"agencyId\":\"$CHUNHUI\",\"items\":[$chunhui_items]}")
expect 200
echo "$result2" | grep -q '"rejected":0' || die "demo personnel: batch items refused: $result2"
say "  益民: $(echo "$result" | grep -o '"created":[0-9]*,"updated":[0-9]*,"unchanged":[0-9]*' ); 春晖: $(echo "$result2" | grep -o '"created":[0-9]*,"updated":[0-9]*,"unchanged":[0-9]*')"
worker_id() { echo "$1" | tr '{' '\n' | grep "\"externalId\":\"$2\"" | first workerId; }
W1=$(worker_id "$result" YM-001); W2=$(worker_id "$result" YM-002); W3=$(worker_id "$result" YM-003)
W4=$(worker_id "$result" YM-004); W5=$(worker_id "$result" YM-005); W6=$(worker_id "$result" YM-006)
C1=$(worker_id "$result2" CH-001); C2=$(worker_id "$result2" CH-002)

say "Demo personnel: certificates ..."
cert() { # key worker number level issuedOn registered
  call POST "$API/workers/$2/certificates" "{\"number\":\"$3\",\"level\":\"$4\",\"issuedOn\":\"$5\",\"issuer\":\"人力资源社会保障部 民政部\",\"registered\":$6}" "" "demo-cert-$1" >/dev/null
  expect 201
}
cert w1-a "$W1" 2015330000101 ASSISTANT 2015-06-20 true
cert w1-i "$W1" 2019330000102 INTERMEDIATE 2019-06-16 true
cert w2-a "$W2" 2018330000201 ASSISTANT 2018-06-17 false
cert w3-a "$W3" 2023330000301 ASSISTANT 2023-06-11 true
cert w4-i "$W4" 2021330000401 INTERMEDIATE 2021-06-20 true
cert w6-s "$W6" 2020330000601 SENIOR 2020-11-01 true
cert c1-i "$C1" 2017330100101 INTERMEDIATE 2017-06-18 true

say "Demo personnel: station assignments and their filings (备案) ..."
assign() { # key worker station role from
  call POST "$API/assignments" "{\"workerId\":\"$2\",\"stationId\":\"$3\",\"role\":\"$4\",\"from\":\"$5\"}" "" "demo-assign-$1" | first id
  expect 201
}
A1=$(assign w1 "$W1" "$S1" STATION_LEAD 2024-03-01)
A2=$(assign w2 "$W2" "$S1" SOCIAL_WORKER 2024-03-01)
A3=$(assign w3 "$W3" "$S2" SOCIAL_WORKER 2024-03-01)
A4=$(assign w4 "$W4" "$S2" STATION_LEAD 2024-03-01)
A5=$(assign w5 "$W5" "$S3" ASSISTANT 2024-03-01)
file_start() { # assignment filedOn
  local filing
  filing=$(call GET "$API/filings?filed=false&limit=200" | tr '{' '\n' | grep "\"assignmentId\":\"$1\"" | grep '"kind":"START"' | first id || true)
  [ -n "$filing" ] || return 0
  call GET "$API/filings/$filing" >/dev/null
  expect 200
  call POST "$API/filings/$filing/file" "{\"filedOn\":\"$2\"}" "$(last_etag)" >/dev/null
  expect 200
}
file_start "$A1" 2024-03-04
file_start "$A2" 2024-03-05
file_start "$A3" 2024-03-15
file_start "$A4" 2024-03-06
# A5 (the civil-affairs assistant) stays unfiled: overdue, listed with the late filings.

say "Demo personnel: a pre-job training with attendance ..."
T=$(call POST "$API/trainings" '{"title":"2024 年度海宁市社会工作者岗前培训","type":"PRE_JOB","provider":"浙江省社会工作协会","organizerRegionCode":"330481","hours":16.0,"startsOn":"2024-03-04","endsOn":"2024-03-05"}' "" demo-training-prejob-2024 | first id)
expect 201
for w in "$W1" "$W2" "$W3" "$W4"; do
  training=$(call GET "$API/trainings/$T")
  expect 200
  echo "$training" | grep -q "\"workerId\":\"$w\"" && continue
  hours=16.0; completed=true
  [ "$w" = "$W2" ] && hours=8.0 && completed=false
  call PUT "$API/trainings/$T/attendance/$w" "{\"hours\":$hours,\"completed\":$completed}" "$(last_etag)" >/dev/null
  expect 200
done

say "Demo personnel: a 三区 dispatch programme ..."
P=$(call POST "$API/dispatch-programmes" '{"name":"2024 年度社会工作专业人才支持计划（三区计划）","year":2024,"sendingRegionCode":"3301","sendingUnit":"杭州市春晖社会工作发展中心","receivingCountyCode":"330481","localTrainees":5}' "" demo-dispatch-2024 | first id)
expect 201
for w in "$C1" "$C2"; do
  programme=$(call GET "$API/dispatch-programmes/$P")
  expect 200
  echo "$programme" | grep -q "\"workerId\":\"$w\"" && continue
  call PUT "$API/dispatch-programmes/$P/dispatches/$w" '{"from":"2024-04-01","to":"2024-12-31"}' "$(last_etag)" >/dev/null
  expect 200
done

say "Demo personnel loaded: 8 workers (6 of 益民, 2 of 春晖), 5 assignments (1 START filing late, 1 overdue), 1 training, 1 dispatch programme."
