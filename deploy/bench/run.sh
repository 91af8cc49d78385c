#!/usr/bin/env bash
# Benchmarks of stations-service, each beside its baseline measured in the same run:
#   1. the national division import (665,281 rows) vs a bare COPY of the same five files;
#   2. GET /api/v1/stations/{id} vs a bare endpoint doing the same SELECT (no auth, no scope,
#      no ETag, no mapping layer) — throughput and latency percentiles with wrk.
# Starts its own stack in .run/bench (stop the local stack first: same ports), prints a Markdown
# table for docs/benchmarks.md, and stops what it started.
#   deploy/bench/run.sh [DIVISIONS_DIR]      (default: ../shared/data/divisions)
# Needs: wrk and psql (Debian: apt-get install wrk postgresql-client), plus what up.sh needs.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO_ROOT=$(pwd)
DIVISIONS=$(cd "${1:-$REPO_ROOT/../shared/data/divisions}" && pwd)
DURATION=${BENCH_DURATION:-30s}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
STATION_COUNT=${BENCH_STATIONS:-1000}
export SOCIALWORK_RUN_DIR="$REPO_ROOT/.run/bench"
export SOCIALWORK_DB_NAME=socialwork_bench
source deploy/local/lib.sh
command -v wrk >/dev/null || die "wrk is missing (Debian: apt-get install wrk)"
command -v psql >/dev/null || die "psql is missing (Debian: apt-get install postgresql-client)"
for f in provinces cities areas streets villages; do [ -f "$DIVISIONS/$f.csv" ] || die "$DIVISIONS/$f.csv is missing"; done

deploy/local/down.sh --purge >/dev/null 2>&1 || true
trap 'deploy/local/down.sh >/dev/null 2>&1 || true' EXIT
# The bench build profile's packages (target/bench-app): the bare endpoint exists only there.
for svc in "${SERVICES[@]}"; do
  [ -f "$svc-service/target/bench-app/quarkus-run.jar" ] || die "$svc-service/target/bench-app is missing: ./mvnw -B package -DskipTests -Dquarkus.profile=prod,bench -Dquarkus.package.output-directory=bench-app"
done
SOCIALWORK_APP_DIR=bench-app SOCIALWORK_JAVA_OPTS="-Xmx512m -XX:+UseSerialGC -Dquarkus.profile=prod,bench" \
  SOCIALWORK_SKIP_DEMO=1 deploy/local/up.sh >/dev/null
set -a; source "$RUN_DIR/postgres/postgres.env"; set +a
elapsed() { awk -v a="$(date +%s.%N)" -v b="$1" 'BEGIN { printf "%.1f", a - b }'; }
pg_uri() { local url=${STATIONS_DB_URL#jdbc:postgresql://}; echo "postgresql://$STATIONS_DB_USER:$STATIONS_DB_PASSWORD@$url"; }
ADMIN=$(dev_token --role platform-admin --subject bench)
API=http://127.0.0.1:8081
rows=$(( $(cat "$DIVISIONS"/{provinces,cities,areas,streets,villages}.csv | wc -l) - 5 ))
say "host: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; PostgreSQL: $SOCIALWORK_PG_DESCRIPTION; rows: $rows"

# 1a. Baseline: the same files COPYed into bare unindexed tables, nothing else.
baseline_start=$(date +%s.%N)
psql -q -v ON_ERROR_STOP=1 "$(pg_uri)" <<SQL
create temp table b_prov (code text, name text);
create temp table b_city (code text, name text, p text);
create temp table b_area (code text, name text, c text, p text);
create temp table b_street (code text, name text, a text, p text, c text);
create temp table b_village (code text, name text, s text, p text, c text, a text);
\copy b_prov from '$DIVISIONS/provinces.csv' with (format csv, header)
\copy b_city from '$DIVISIONS/cities.csv' with (format csv, header)
\copy b_area from '$DIVISIONS/areas.csv' with (format csv, header)
\copy b_street from '$DIVISIONS/streets.csv' with (format csv, header)
\copy b_village from '$DIVISIONS/villages.csv' with (format csv, header)
SQL
baseline_s=$(elapsed "$baseline_start")

# 1b. The import through the API (upload, validate, upsert, outbox rows), then an unchanged re-import.
import_once() {
  local start; start=$(date +%s.%N)
  deploy/local/import-divisions.sh "$DIVISIONS" "$API" > "$RUN_DIR/logs/import-$1.log"
  elapsed "$start"
}
import_s=$(import_once first)
reimport_s=$(import_once again)
# Time until every region event is on the broker (the relay drains the outbox).
drain_start=$(date +%s.%N)
until [ "$(psql -tA "$(pg_uri)" -c 'select count(*) from outbox_event where sent_at is null')" = "0" ]; do sleep 1; done
drain_s=$(elapsed "$drain_start")
events=$(psql -tA "$(pg_uri)" -c "select count(*) from outbox_event where topic = 'stations.region.v1'")

# 2. GET by id: real endpoint vs bare SELECT endpoint, over the same station ids.
ids_file="$RUN_DIR/station-ids.txt"
: > "$ids_file"
psql -tA "$(pg_uri)" -c "select code from region where level = 'TOWNSHIP' order by code limit $STATION_COUNT" |
while read -r township; do
  curl -fs -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
    -d "{\"name\":\"基准测试社工站 $township\",\"level\":\"TOWNSHIP_STATION\",\"regionCode\":\"$township\",\"operationMode\":\"GOVERNMENT_RUN\"}" \
    "$API/api/v1/stations" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4 >> "$ids_file"
done
[ "$(wc -l < "$ids_file")" -eq "$STATION_COUNT" ] || die "could not create $STATION_COUNT stations (see $ids_file)"

wrk_run() { # name path-prefix token duration
  IDS_FILE="$ids_file" PATH_PREFIX="$2" TOKEN="$3" wrk -t2 -c"$CONNECTIONS" -d"$4" --latency \
    -s deploy/bench/get-by-id.lua "$API" > "$RUN_DIR/logs/wrk-$1.txt"
}
wrk_run warm-real /api/v1/stations/ "$ADMIN" 10s
wrk_run warm-bare /bench/baseline/stations/ "" 10s
wrk_run real /api/v1/stations/ "$ADMIN" "$DURATION"
wrk_run bare /bench/baseline/stations/ "" "$DURATION"
non2xx() { grep -oE 'Non-2xx or 3xx responses: [0-9]+' "$RUN_DIR/logs/wrk-$1.txt" | grep -oE '[0-9]+$' || echo 0; }
rps() { awk '/Requests\/sec/ {print $2}' "$RUN_DIR/logs/wrk-$1.txt"; }
pct() { awk -v p="$2" '$1 == p {print $2}' "$RUN_DIR/logs/wrk-$1.txt"; }
[ "$(non2xx real)" = 0 ] && [ "$(non2xx bare)" = 0 ] || die "non-2xx responses during the run: see $RUN_DIR/logs/wrk-*.txt"

cat <<TABLE

| measure | stations-service | baseline (same run) |
| --- | --- | --- |
| import of $rows division rows (upload, validation, upsert, outbox rows) | ${import_s} s | bare COPY of the same files: ${baseline_s} s |
| unchanged re-import (idempotent upsert, no events) | ${reimport_s} s | – |
| relay: $events region events published after the import | ${drain_s} s more | – |
| GET station by id, throughput ($CONNECTIONS connections, $DURATION) | $(rps real) req/s | bare SELECT endpoint: $(rps bare) req/s |
| GET station by id, latency p50 / p90 / p99 | $(pct real 50%) / $(pct real 90%) / $(pct real 99%) | $(pct bare 50%) / $(pct bare 90%) / $(pct bare 99%) |
TABLE
