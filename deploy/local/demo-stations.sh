#!/usr/bin/env bash
# Loads the stations part of the demo data into the running local stack (demo-data.sh calls it):
#   - the divisions of Zhejiang (33) from deploy/local/demo-data/divisions-33;
#   - three agencies;
#   - a station network for Haining (330481: a county hub, one station per township, a few village
#     rooms, in various lifecycle states and standard assessments) and Pinghu (330482).
# Safe to run again: the import is an upsert, and the network is created only once.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"
BASE=${STATIONS_URL:-http://127.0.0.1:8081}
API=$BASE/api/v1
TOKEN=$(dev_token --role platform-admin --subject demo-loader)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# call METHOD PATH [BODY] [IF-MATCH] [IDEMPOTENCY-KEY]: body to stdout; see last_status, last_etag.
call() {
  local args=(-s -X "$1" -H "Authorization: Bearer $TOKEN" -H 'Accept-Language: en' -D "$TMP/headers" -o "$TMP/body" -w '%{http_code}')
  [ -n "${3:-}" ] && args+=(-H 'Content-Type: application/json' -d "$3")
  [ -n "${4:-}" ] && args+=(-H "If-Match: $4")
  [ -n "${5:-}" ] && args+=(-H "Idempotency-Key: $5")
  curl "${args[@]}" "$API$2" > "$TMP/status"
  ETAG=$(sed -n 's/^[Ee][Tt][Aa][Gg]: *//p' "$TMP/headers" | tr -d '\r')
  echo "$ETAG" > "$TMP/etag"
  cat "$TMP/body"
}
# Status and ETag of the last call, read from files because calls often run in a subshell ($(...)).
last_status() { cat "$TMP/status"; }
last_etag() { cat "$TMP/etag"; }
first() { grep -o "\"$1\":\"[^\"]*\"" | head -1 | sed -E "s/\"$1\":\"([^\"]*)\"/\1/"; }
expect() { # STATUS... : fail loudly with the problem document otherwise
  for ok in "$@"; do [ "$(last_status)" = "$ok" ] && return 0; done
  die "demo data: unexpected HTTP $(last_status): $(cat "$TMP/body")"
}

say "Demo data: importing the divisions of Zhejiang (33) ..."
deploy/local/import-divisions.sh deploy/local/demo-data/divisions-33 "$BASE" | tail -1

existing=$(call GET "/stations?region=330481&level=COUNTY_HUB&limit=1")
expect 200
if echo "$existing" | grep -q '"id"'; then
  say "Demo data: the station network is already loaded."
  exit 0
fi

agency() { # key name creditCode region grade gradeYear
  local body="{\"name\":\"$2\",\"creditCode\":\"$3\",\"legalForm\":\"SOCIAL_SERVICE_ORGANIZATION\",\"registrationRegion\":\"$4\",\"grade\":\"$5\",\"gradeYear\":$6,\"contact\":{\"person\":\"办公室\",\"address\":\"浙江省\"}}"
  call POST /agencies "$body" "" "demo-agency-$1" | first id
  expect 201
}
say "Demo data: agencies ..."
YIMIN=$(agency yimin "海宁市益民社会工作服务中心" 52330481MJ8765432X 330481 4A 2024)
CHUNHUI=$(agency chunhui "杭州市春晖社会工作发展中心" 52330100MJ1234567M 3301 5A 2023)
TONGXIN=$(agency tongxin "平湖市同心社会工作服务社" 52330482MJ5550001U 330482 3A 2025)

station() { # key json → id; last_etag is the new station's ETag
  call POST /stations "$2" "" "demo-station-$1" | first id
  expect 201
}
move() { # id etag status... : walks the lifecycle, echoing the last ETag
  local id=$1 etag=$2 month=3; shift 2
  for to in "$@"; do
    call POST "/stations/$id/transitions" "{\"to\":\"$to\",\"effectiveDate\":\"2026-$(printf %02d $month)-15\",\"reason\":\"demo\"}" "$etag" >/dev/null
    month=$((month + 2))
    expect 200
    etag=$(last_etag)
  done
  echo "$etag"
}
assess() { # id etag met-written-rules
  local a="{\"met\":true,\"evidence\":\"现场核查\",\"assessedOn\":\"2026-10-20\"}"
  local last="{\"met\":$3,\"evidence\":\"制度上墙情况\",\"assessedOn\":\"2026-10-20\"}"
  call PUT "/stations/$1/standard" "{\"site\":$a,\"equipment\":$a,\"staff\":$a,\"serviceFunctions\":$a,\"workflow\":$a,\"writtenRules\":$last}" "$2" >/dev/null
  expect 200
  last_etag
}
position() { printf '{"latitude":%s,"longitude":%s,"crs":"WGS84"}' "$1" "$2"; }

say "Demo data: the Haining station network ..."
HUB=$(station haining-hub "{\"name\":\"海宁市社会工作指导中心\",\"level\":\"COUNTY_HUB\",\"regionCode\":\"330481\",\"operationMode\":\"GOVERNMENT_RUN\",\"address\":\"海宁市海州街道\",\"position\":$(position 30.5097 120.6808),\"designations\":[{\"kind\":\"DEMONSTRATION\",\"level\":\"PROVINCIAL\",\"year\":2024}],\"facilities\":{\"floorAreaM2\":420,\"rooms\":[\"RECEPTION\",\"CASE_ROOM\",\"GROUP_ROOM\",\"MULTI_FUNCTION_ROOM\",\"OFFICE\"],\"coLocations\":[\"PARTY_MASS_SERVICE_CENTER\"]}}")
etag=$(move "$HUB" "$(last_etag)" ESTABLISHED OPERATING)
assess "$HUB" "$etag" true >/dev/null

townships=$(call GET "/regions/330481/children?limit=50")
expect 200
i=0
echo "$townships" | grep -o '"code":"[0-9]\{9\}","name":"[^"]*"' | while IFS= read -r pair; do
  code=$(echo "$pair" | first code)
  name=$(echo "$pair" | first name)
  lat=$(awk -v i="$i" 'BEGIN { printf "%.5f", 30.43 + (i % 4) * 0.045 }')
  lon=$(awk -v i="$i" 'BEGIN { printf "%.5f", 120.45 + int(i / 4) * 0.09 }')
  if [ $((i % 3)) -eq 2 ]; then operation='"operationMode":"GOVERNMENT_RUN"'
  else operation="\"operationMode\":\"PURCHASED_SERVICE\",\"agencyId\":\"$YIMIN\""; fi
  designation=''
  [ "$i" -eq 0 ] && designation=',"designations":[{"kind":"PILOT","level":"MUNICIPAL","year":2022}]'
  id=$(station "haining-$code" "{\"name\":\"${name}社会工作站\",\"level\":\"TOWNSHIP_STATION\",\"regionCode\":\"$code\",\"parentId\":\"$HUB\",$operation,\"position\":$(position "$lat" "$lon"),\"facilities\":{\"floorAreaM2\":$((60 + i * 8)),\"rooms\":[\"RECEPTION\",\"CASE_ROOM\",\"ACTIVITY_ROOM\"],\"coLocations\":[\"PARTY_MASS_SERVICE_CENTER\"]}$designation}")
  etag=$(last_etag)
  case $i in
    9) etag=$(move "$id" "$etag" ESTABLISHED) ;;
    10) etag=$(move "$id" "$etag" ESTABLISHED OPERATING SUSPENDED) ;;
    11) ;;
    *) etag=$(move "$id" "$etag" ESTABLISHED OPERATING) ;;
  esac
  if [ "$i" -lt 9 ]; then
    if [ "$i" -lt 7 ]; then met=true; else met=false; fi
    etag=$(assess "$id" "$etag" "$met")
  fi
  if [ "$i" -eq 0 ]; then
    call GET "/regions/$code/children?limit=3" | grep -o '"code":"[0-9]\{12\}","name":"[^"]*"' | while IFS= read -r village; do
      vcode=$(echo "$village" | first code)
      vname=$(echo "$village" | first name)
      vname=${vname%居委会}; vname=${vname%村委会}; vname=${vname%委员会}
      station "haining-$vcode" "{\"name\":\"${vname}社工室\",\"level\":\"VILLAGE_ROOM\",\"regionCode\":\"$vcode\",\"parentId\":\"$id\",\"operationMode\":\"PURCHASED_SERVICE\",\"agencyId\":\"$YIMIN\"}" >/dev/null
    done
  fi
  i=$((i + 1))
done

say "Demo data: the Pinghu station network ..."
PHUB=$(station pinghu-hub "{\"name\":\"平湖市社会工作总站\",\"level\":\"COUNTY_HUB\",\"regionCode\":\"330482\",\"operationMode\":\"PURCHASED_SERVICE\",\"agencyId\":\"$TONGXIN\",\"position\":$(position 30.6760 121.0150)}")
move "$PHUB" "$(last_etag)" ESTABLISHED OPERATING >/dev/null
call GET "/regions/330482/children?limit=3" | grep -o '"code":"[0-9]\{9\}","name":"[^"]*"' | while IFS= read -r pair; do
  code=$(echo "$pair" | first code)
  name=$(echo "$pair" | first name)
  id=$(station "pinghu-$code" "{\"name\":\"${name}社会工作站\",\"level\":\"TOWNSHIP_STATION\",\"regionCode\":\"$code\",\"parentId\":\"$PHUB\",\"operationMode\":\"PURCHASED_SERVICE\",\"agencyId\":\"$TONGXIN\"}")
  move "$id" "$(last_etag)" ESTABLISHED >/dev/null
done
: "${CHUNHUI:?}"
say "Demo data loaded: 3 agencies, stations in Haining (330481) and Pinghu (330482)."
