#!/usr/bin/env bash
# The request path of all four services against bare endpoints doing the same SQL (issue 15), in
# one run: GET by id, a list page, a single POST, the batch sync, overload, start-up and memory.
# Builds the bench-profile jars (target/bench-app; target/quarkus-app stays the production build),
# starts its own stack in .run/bench-api on its own ports and database, loads data through the
# public APIs, measures each pair with the load generator of the bench module and prints the
# Markdown table with targets. Stops what it started.
#   deploy/bench/api.sh
# Knobs: BENCH_RUNS (3; the median is printed), BENCH_DURATION (30s per measure), BENCH_WARMUP (10s),
#   BENCH_CLIENTS (16: closed-loop clients for throughput), BENCH_RATE_SHARE (0.5: the constant
#   offered rate for latency, as a share of the real endpoint's closed-loop throughput),
#   BENCH_STATIONS (300 stations created through the API), BENCH_XMX (512m), BENCH_SKIP_BUILD=1,
#   BENCH_MVN_FLAGS (e.g. -o for an offline build).
# Ports (override with SOCIALWORK_*_PORT): PostgreSQL 35432, Kafka 39092, services 8381-8384.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO_ROOT=$(pwd)
RUNS=${BENCH_RUNS:-3}
DURATION=${BENCH_DURATION:-30s}
WARMUP=${BENCH_WARMUP:-10s}
CLIENTS=${BENCH_CLIENTS:-16}
RATE_SHARE=${BENCH_RATE_SHARE:-0.5}
STATION_COUNT=${BENCH_STATIONS:-300}
XMX=${BENCH_XMX:-512m}
export SOCIALWORK_RUN_DIR="$REPO_ROOT/.run/bench-api"
export SOCIALWORK_DB_NAME=socialwork_bench_api
export SOCIALWORK_PG_PORT=${SOCIALWORK_PG_PORT:-35432}
export SOCIALWORK_KAFKA_PORT=${SOCIALWORK_KAFKA_PORT:-39092}
export SOCIALWORK_STATIONS_PORT=${SOCIALWORK_STATIONS_PORT:-8381}
export SOCIALWORK_PERSONNEL_PORT=${SOCIALWORK_PERSONNEL_PORT:-8382}
export SOCIALWORK_PROJECTS_PORT=${SOCIALWORK_PROJECTS_PORT:-8383}
export SOCIALWORK_REPORTING_PORT=${SOCIALWORK_REPORTING_PORT:-8384}
export SOCIALWORK_APP_DIR=bench-app
# prod for the stack's settings (%prod.*), bench for the bare endpoints (@IfBuildProfile("bench")).
PROFILE=prod,bench
export SOCIALWORK_JAVA_OPTS="-Xmx$XMX -XX:+UseSerialGC -Dquarkus.profile=$PROFILE"
source deploy/local/lib.sh
command -v psql >/dev/null || die "psql is missing (Debian: apt-get install postgresql-client)"
command -v jq >/dev/null || die "jq is missing (Debian: apt-get install jq)"

if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  say "Building the bench-profile jars (target/bench-app) and the load generator ..."
  # One reactor, so that the services are packaged against this checkout's platform modules.
  # shellcheck disable=SC2086 # BENCH_MVN_FLAGS is a list of options (e.g. -o)
  ./mvnw -B -q ${BENCH_MVN_FLAGS:-} package -DskipTests -Dquarkus.profile=$PROFILE -Dquarkus.package.output-directory=bench-app \
    -pl stations-service,personnel-service,projects-service,reporting-service,bench -am >/dev/null
fi
for svc in "${SERVICES[@]}"; do
  [ -f "$svc-service/target/bench-app/quarkus-run.jar" ] || die "$svc-service/target/bench-app is missing: run without BENCH_SKIP_BUILD"
done
LOAD=(java -Xmx256m -cp bench/target/classes org.socialwork.bench.Load)

deploy/local/down.sh --purge >/dev/null 2>&1 || true
trap 'deploy/local/down.sh --purge >/dev/null 2>&1 || true' EXIT
SOCIALWORK_SKIP_DEMO=1 deploy/local/up.sh >/dev/null
set -a; source "$RUN_DIR/postgres/postgres.env"; set +a
url() { echo "http://127.0.0.1:${SERVICE_PORT[$1]}"; }
export STATIONS_URL=$(url stations) PERSONNEL_URL=$(url personnel) PROJECTS_URL=$(url projects) REPORTING_URL=$(url reporting)
pg_uri() { # SERVICE → psql URI of its schema's user
  local up=${1^^} url user pass
  url=$(eval echo "\$${up}_DB_URL"); user=$(eval echo "\$${up}_DB_USER"); pass=$(eval echo "\$${up}_DB_PASSWORD")
  url=${url#jdbc:postgresql://}; echo "postgresql://$user:$pass@${url%%\?*}"
}
sql() { psql -qtA -v ON_ERROR_STOP=1 "$(pg_uri "$1")" -c "$2"; }
LOGS="$RUN_DIR/logs"
# Outside the run directory, which is purged at the end: the generator's lines stay for a look later.
DATA="$REPO_ROOT/.run/bench-api-results/$(date -u +%Y%m%dT%H%M%SZ)"; mkdir -p "$DATA"
say "measurements in $DATA"
load_avg() { cut -d' ' -f1-3 /proc/loadavg; }
say "host: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; PostgreSQL: $SOCIALWORK_PG_DESCRIPTION; load average $(load_avg)"

# --- Data through the public APIs: Zhejiang's divisions by the import, the demo's agencies, station
# network, workers, projects, clients and records, then BENCH_STATIONS more township stations.
say "Loading data (divisions import, demo data, $STATION_COUNT stations) ..."
deploy/local/demo-data.sh > "$LOGS/demo-data.log" 2>&1 || die "loading the demo data failed; see $LOGS/demo-data.log"
ADMIN=$(dev_token --role platform-admin --subject bench-admin)
BUREAU=$(dev_token --role bureau-admin --region 33 --subject bench-bureau-33)
DASHBOARD=$(dev_token --role dashboard --region 33 --subject bench-dashboard-33)
sql stations "select r.code from region r where r.level = 'TOWNSHIP' and r.code like '33%'
  and not exists (select 1 from station s where s.region_code = r.code) order by r.code limit $STATION_COUNT" > "$DATA/townships.txt"
while read -r township; do
  curl -fs -o /dev/null -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' -H "Idempotency-Key: bench-st-$township" \
    -d "{\"name\":\"基准测试社工站 $township\",\"level\":\"TOWNSHIP_STATION\",\"regionCode\":\"$township\",\"operationMode\":\"GOVERNMENT_RUN\"}" \
    "$STATIONS_URL/api/v1/stations" || die "creating a station in $township failed"
done < "$DATA/townships.txt"
sql stations "select id from station" > "$DATA/stations.txt"
# Replicas reach personnel and projects through the broker; wait until they have the stations.
stations_total=$(wc -l < "$DATA/stations.txt")
for _ in $(seq 1 240); do
  [ "$(sql projects 'select count(*) from station_replica')" -ge "$stations_total" ] && break; sleep 0.5
done
sql personnel "select id from worker" > "$DATA/workers.txt"
sql projects "select id from project" > "$DATA/projects.txt"
sql projects "select id from client" > "$DATA/clients.txt"
read -r WORKER STATION <<< "$(sql projects "select a.worker_id, a.station_id from assignment_replica a
  join client c on c.station_id = a.station_id where a.status = 'ACTIVE' limit 1" | tr '|' ' ')"
CLIENT=$(sql projects "select id from client where station_id = '$STATION' limit 1")
[ -n "$WORKER" ] && [ -n "$CLIENT" ] || die "no worker assigned at a station with a client in the demo data"
FIELD=$(dev_token --role field-worker --worker "$WORKER" --subject "bench-worker")
OCCURRED=$(date -u -d '-1 hour' +%Y-%m-%dT%H:%M:%SZ)
RECORD="{\"id\":\"{uuid}\",\"type\":\"VISIT\",\"occurredAt\":\"$OCCURRED\",\"durationMinutes\":30,\"stationId\":\"$STATION\",\"workerIds\":[\"$WORKER\"],\"clientIds\":[\"$CLIENT\"],\"serviceItems\":[\"ELDERLY_CARE\"]}"
python3 - "$DATA/batch.json" "$RECORD" <<'PY'
import sys
out, record = sys.argv[1], sys.argv[2]
open(out, "w").write('{"records":[' + ",".join([record] * 1000) + "]}")
PY
counts="$(wc -l < "$DATA/stations.txt") stations, $(wc -l < "$DATA/workers.txt") workers, $(wc -l < "$DATA/projects.txt") projects, $(wc -l < "$DATA/clients.txt") clients"
say "data: $counts"

free_villages() { # villages without a station yet, so that every created village room is a new one
  sql stations "select r.code from region r where r.level = 'VILLAGE' and r.code like '33%'
    and not exists (select 1 from station s where s.region_code = r.code) order by r.code" > "$DATA/villages.txt"
}
# --- Measures. run_load NAME ARGS... → the generator's key=value line in $DATA/NAME.txt (appended per run).
run_load() {
  local name=$1; shift
  case $name in post-station-*) free_villages ;; esac
  "${LOAD[@]}" --warmup "$WARMUP" --duration "$DURATION" --timeout 5s "$@" | tee -a "$DATA/$name.txt" > "$DATA/last.txt"
}
field() { grep -oE "(^| )$2=[^ ]+" "$1" | tail -1 | cut -d= -f2; }
# pair ROW: the real endpoint (closed loop for req/s, then a constant rate for latency) and its bare one
# at the same constant rate. Real and bare args are "METHOD URL [extra generator args]".
pair() {
  local row=$1 real=$2 bare=$3
  run_load "$row-real-closed" --clients "$CLIENTS" $real
  local rps; rps=$(field "$DATA/last.txt" ok_per_s)
  run_load "$row-bare-closed" --clients "$CLIENTS" $bare
  local rate; rate=$(awk -v r="$rps" -v s="$RATE_SHARE" 'BEGIN { v = r * s; if (v < 1) v = 1; printf "%.0f", v }')
  run_load "$row-real-open" --rate "$rate" $real
  run_load "$row-bare-open" --rate "$rate" $bare
}
ids() { echo "--ids $DATA/$1.txt"; }
declare -A REAL BARE
# Generator arguments, split on spaces (no value has one; globbing is off).
set -f
hdr() { echo "--bearer ${!1}"; }
REAL[get-station]="--url $STATIONS_URL/api/v1/stations/{id} $(ids stations) $(hdr ADMIN)"
BARE[get-station]="--url $STATIONS_URL/bench/baseline/stations/{id} $(ids stations)"
REAL[get-worker]="--url $PERSONNEL_URL/api/v1/workers/{id} $(ids workers) $(hdr BUREAU)"
BARE[get-worker]="--url $PERSONNEL_URL/bench/baseline/workers/{id} $(ids workers)"
REAL[get-project]="--url $PROJECTS_URL/api/v1/projects/{id} $(ids projects) $(hdr BUREAU)"
BARE[get-project]="--url $PROJECTS_URL/bench/baseline/projects/{id} $(ids projects)"
REAL[get-client]="--url $PROJECTS_URL/api/v1/clients/{id} $(ids clients) $(hdr BUREAU)"
BARE[get-client]="--url $PROJECTS_URL/bench/baseline/clients/{id} $(ids clients)"
REAL[get-dashboard]="--url $REPORTING_URL/api/v1/dashboards/coverage?region=33 $(hdr DASHBOARD)"
BARE[get-dashboard]="--url $REPORTING_URL/bench/baseline/dashboards/coverage?region=33"
REAL[list-stations]="--url $STATIONS_URL/api/v1/stations?region=33&limit=50 $(hdr BUREAU)"
BARE[list-stations]="--url $STATIONS_URL/bench/baseline/stations?region=33&limit=50"
REAL[list-workers]="--url $PERSONNEL_URL/api/v1/workers?region=33&limit=50 $(hdr BUREAU)"
BARE[list-workers]="--url $PERSONNEL_URL/bench/baseline/workers?region=33&limit=50"
REAL[list-projects]="--url $PROJECTS_URL/api/v1/projects?region=33&limit=50 $(hdr BUREAU)"
BARE[list-projects]="--url $PROJECTS_URL/bench/baseline/projects?region=33&limit=50"
REAL[list-warnings]="--url $REPORTING_URL/api/v1/warnings?region=33&limit=50 $(hdr BUREAU)"
BARE[list-warnings]="--url $REPORTING_URL/bench/baseline/warnings?region=33&limit=50"
STATION_BODY='{"name":"基准村社工室","level":"VILLAGE_ROOM","regionCode":"{line}","operationMode":"GOVERNMENT_RUN"}'
echo "$STATION_BODY" > "$DATA/station.json"; echo "$RECORD" > "$DATA/record.json"
REAL[post-station]="--method POST --url $STATIONS_URL/api/v1/stations --body-file $DATA/station.json --lines $DATA/villages.txt $(hdr ADMIN) --header Idempotency-Key:{uuid}"
BARE[post-station]="--method POST --url $STATIONS_URL/bench/baseline/stations --body-file $DATA/station.json --lines $DATA/villages.txt"
REAL[post-record]="--method POST --url $PROJECTS_URL/api/v1/service-records --body-file $DATA/record.json $(hdr FIELD) --header Idempotency-Key:{uuid}"
BARE[post-record]="--method POST --url $PROJECTS_URL/bench/baseline/service-records --body-file $DATA/record.json"
REAL[batch]="--method POST --url $PROJECTS_URL/api/v1/service-records/batch --body-file $DATA/batch.json $(hdr FIELD)"
BARE[batch]="--method POST --url $PROJECTS_URL/bench/baseline/service-records/batch --body-file $DATA/batch.json"
ROWS=(get-station get-worker get-project get-client get-dashboard list-stations list-workers list-projects list-warnings post-station post-record)

descendants() { local c; for c in $(pgrep -P "$1" || true); do echo "$c"; descendants "$c"; done; }
rss_mib() { # the stack's resident memory: services, the broker, the embedded PostgreSQL and all its processes
  local pids=() f p
  for f in "$RUN_DIR"/{stations,personnel,projects,reporting}.pid "$RUN_DIR/kafka/broker.pid" "$RUN_DIR/postgres.pid"; do
    [ -f "$f" ] || continue
    p=$(cat "$f"); pids+=("$p" $(descendants "$p"))
  done
  # The server may run detached from the process that started it: find its postmaster by its data directory.
  for f in $(find "$RUN_DIR/postgres" -name postmaster.pid 2>/dev/null); do
    p=$(head -1 "$f"); pids+=("$p" $(descendants "$p"))
  done
  pids=($(printf '%s\n' "${pids[@]}" | sort -u))
  # Shared memory (PostgreSQL's buffers) counts once per process that touched it: an upper bound.
  ps -o rss= -p "$(IFS=,; echo "${pids[*]}")" | awk '{ s += $1 } END { printf "%.0f", s / 1024 }'
}

for run in $(seq 1 "$RUNS"); do
  say "run $run of $RUNS (load average $(load_avg))"
  for row in "${ROWS[@]}" batch; do
    if [ "$row" = batch ]; then
      # Four phones syncing at once, as projects.sh does; a constant rate of one batch per second for latency.
      run_load "batch-real-closed" --clients 4 ${REAL[batch]}
      run_load "batch-bare-closed" --clients 4 ${BARE[batch]}
    else
      pair "$row" "${REAL[$row]}" "${BARE[$row]}"
    fi
  done
  # Overload: the station GET with 8 and with 256 concurrent clients; memory sampled during the 256.
  run_load overload-8 --clients 8 ${REAL[get-station]}
  ( sleep 3; rss_mib > "$DATA/rss-$run.txt" ) &
  run_load overload-256 --clients 256 ${REAL[get-station]}
  wait
done

# --- Start-up to ready, one service at a time on the loaded stack: Quarkus's own "started in" and
# the wall clock from launch to /q/health/ready answering.
for svc in "${SERVICES[@]}"; do
  pid=$(cat "$RUN_DIR/$svc.pid"); kill "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  rm -f "$RUN_DIR/$svc.pid"
  start=$(date +%s.%N)
  # up.sh gives up after two minutes; on a loaded machine the service may need longer, so wait here.
  SOCIALWORK_SKIP_DEMO=1 deploy/local/up.sh >/dev/null 2>&1 || true
  for _ in $(seq 1 600); do
    curl -fs "$(url "$svc")/q/health/ready" >/dev/null 2>&1 && break; sleep 0.5
  done
  # up.sh also checks PostgreSQL and the broker first (a JVM start of its own): Quarkus's figure is the service's alone.
  wall=$(awk -v a="$(date +%s.%N)" -v b="$start" 'BEGIN { printf "%.1f", a - b }')
  curl -fs "$(url "$svc")/q/health/ready" >/dev/null 2>&1 || wall="not-ready"
  quarkus=$(grep -oE 'started in [0-9.]+s' "$LOGS/$svc.log" | tail -1 | grep -oE '[0-9.]+' || echo "?")
  echo "$svc $quarkus $wall" >> "$DATA/startup.txt"
done

python3 - "$DATA" "$RUNS" "$XMX" "$counts" "$(load_avg)" "$DURATION" "$WARMUP" "$CLIENTS" "$RATE_SHARE" <<'PY'
import os, re, statistics, sys
data, runs, xmx, counts, load, duration, warmup, clients, share = sys.argv[1:]
def lines(name):
    p = os.path.join(data, name + ".txt")
    return [dict(kv.split("=", 1) for kv in l.split()) for l in open(p)] if os.path.exists(p) else []
def num(v):
    try: return float(v)
    except (TypeError, ValueError): return None
def med(name, key):
    vals = [num(l.get(key)) for l in lines(name)]
    vals = [v for v in vals if v is not None]
    return statistics.median(vals) if vals else None
def f(v, d=0):
    return "–" if v is None else f"{v:,.{d}f}"
def ratio(a, b):
    return None if a is None or not b else a / b
def statuses(name):
    total = {}
    for l in lines(name):
        for k, v in l.items():
            if k.startswith("status_") or k in ("timeouts", "errors", "unsent"):
                total[k] = total.get(k, 0) + int(v)
    return ", ".join(f"{k.replace('status_', '')}: {v:,}" for k, v in sorted(total.items()) if v) or "none"
ok = lambda c: "met" if c else "missed"
labels = {
    "get-station": "GET /api/v1/stations/{id} (stations)", "get-worker": "GET /api/v1/workers/{id}, masked (personnel)",
    "get-project": "GET /api/v1/projects/{id} (projects)", "get-client": "GET /api/v1/clients/{id}, masked (projects)",
    "get-dashboard": "GET /api/v1/dashboards/coverage?region=33 (reporting)",
    "list-stations": "GET /api/v1/stations?region=33&limit=50 (stations)", "list-workers": "GET /api/v1/workers?region=33&limit=50 (personnel)",
    "list-projects": "GET /api/v1/projects?region=33&limit=50 (projects)", "list-warnings": "GET /api/v1/warnings?region=33&limit=50 (reporting)",
    "post-station": "POST /api/v1/stations (stations)", "post-record": "POST /api/v1/service-records (projects)",
}
print()
print(f"Runs: {runs} (median), each measure {duration} after {warmup} warm-up; req/s with {clients} closed-loop clients; "
      f"p99 at a constant offered rate of {share}× the real endpoint's req/s, the same rate for both. Data: {counts}. "
      f"Services -Xmx{xmx}, serial GC. Load average at the end: {load}.")
print()
print("| figure | real | bare (same run) | ratio | target | met? | answers of the real endpoint |")
print("| --- | --- | --- | --- | --- | --- | --- |")
for row, label in labels.items():
    kind = row.split("-")[0]
    rr, br = med(f"{row}-real-closed", "ok_per_s"), med(f"{row}-bare-closed", "ok_per_s")
    rp, bp = med(f"{row}-real-open", "ok_p99"), med(f"{row}-bare-open", "ok_p99")
    q, lp = ratio(rr, br), ratio(rp, bp)
    st = statuses(f"{row}-real-closed")
    if kind == "list":
        target, met = "≥ 0.70× req/s", q is not None and q >= 0.70
        print(f"| {label} | {f(rr)} req/s | {f(br)} req/s | {f(q, 2)}× | {target} | {ok(met)} | {st} |")
        continue
    rt, pt = (0.80, 1.5) if kind == "get" else (0.50, 2.0)
    met_r, met_p = q is not None and q >= rt, lp is not None and lp <= pt
    print(f"| {label}: req/s | {f(rr)} | {f(br)} | {f(q, 2)}× | ≥ {rt:.2f}× | {ok(met_r)} | {st} |")
    print(f"| {label}: p99 at {f(med(f'{row}-real-open', 'offered'))} req/s offered | {f(rp, 1)} ms | {f(bp, 1)} ms | {f(lp, 2)}× | ≤ {pt}× | {ok(met_p)} | {statuses(f'{row}-real-open')} |")
rb, bb = med("batch-real-closed", "ok_per_s"), med("batch-bare-closed", "ok_per_s")
q = ratio(rb, bb)
recs = None if rb is None else rb * 1000
print(f"| batch sync, 1,000 service records per batch, 4 concurrent phones (projects): records/s | {f(recs)} | {f(None if bb is None else bb * 1000)} (multi-row INSERT of the records and their outbox rows) | {f(q, 2)}× | ≥ 0.30× and ≥ 10,000 records/s | {ok(q is not None and recs is not None and q >= 0.30 and recs >= 10000)} | {statuses('batch-real-closed')} |")
t8, t256 = med("overload-8", "ok_per_s"), med("overload-256", "ok_per_s")
p8, p256 = med("overload-8", "ok_p99"), med("overload-256", "ok_p99")
o = lines("overload-256")
tmo = sum(int(l.get("timeouts", 0)) + int(l.get("errors", 0)) for l in o)
refused = sum(int(l.get("status_503", 0)) + int(l.get("status_429", 0)) for l in o)
bad_refusal = sum(int(l.get("refused_without_retry_after", 0)) + int(l.get("refused_without_problem", 0)) for l in o)
q, lp = ratio(t256, t8), ratio(p256, p8)
print(f"| overload, GET station by id: throughput at 256 vs 8 concurrent clients | {f(t256)} req/s | {f(t8)} req/s at 8 | {f(q, 2)}× | ≥ 0.90× | {ok(q is not None and q >= 0.9)} | 256: {statuses('overload-256')}; 8: {statuses('overload-8')} |")
print(f"| overload: excess refused at once (503/429 + Retry-After, problem+json), never a time-out | {refused:,} refused, {bad_refusal:,} without Retry-After or problem+json, {tmo:,} time-outs/errors | – | – | refusals only, no time-out | {ok(refused > 0 and tmo == 0 and bad_refusal == 0) if refused or tmo else 'nothing refused: no shedding seen'} | |")
print(f"| overload: p99 of admitted requests at 256 vs 8 | {f(p256, 1)} ms | {f(p8, 1)} ms at 8 | {f(lp, 2)}× | ≤ 3× | {ok(lp is not None and lp <= 3)} | |")
for l in open(os.path.join(data, "startup.txt")):
    svc, quarkus, wall = l.split()
    print(f"| start-up to ready, {svc}-service (Quarkus's \"started in\" / launch to ready, via up.sh) | {quarkus} s / {wall} s | no empty-app baseline measured | – | ≤ 1.3× an empty app with the same extensions | not measured | |")
rss = [num(open(os.path.join(data, f)).read().strip()) for f in sorted(os.listdir(data)) if f.startswith("rss-")]
rss = [r for r in rss if r]
m = statistics.median(rss) if rss else None
print(f"| stack memory: RSS under the 256-client load (4 services at -Xmx{xmx}, broker, every PostgreSQL process) | {f(m)} MiB | – | – | ≤ 3 GiB | {ok(m is not None and m <= 3072)} | |")
PY
