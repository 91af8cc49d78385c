#!/usr/bin/env bash
# Benchmarks of projects-service, each beside its baseline measured in the same run:
#   1. batch sync of service records (POST /api/v1/service-records/batch, 1,000 records a batch,
#      BENCH_SYNC_STREAMS phones syncing at once): records per second, and the same batches again
#      (the retry of a phone: nothing created, nothing published);
#   2. single-record POST /api/v1/service-records (token, scope, replica checks, period locks,
#      outbox row) vs a bare endpoint doing one INSERT of the same body (no auth, no checks, no
#      event): throughput and latency percentiles with wrk.
# Starts PostgreSQL, Kafka and projects-service in .run/bench-projects (ports 25432, 29092 and
# 18083, so it runs beside the local stack), prints a Markdown table for docs/benchmarks.md, and stops what it started.
#   deploy/bench/projects.sh
# Needs: wrk, psql and python3 (Debian: apt-get install wrk postgresql-client python3), a JDK 17,
# and the bench-profile package of projects-service (target/bench-app) and platform/infra.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO_ROOT=$(pwd)
DURATION=${BENCH_DURATION:-30s}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
BATCHES=${BENCH_BATCHES:-40}
STREAMS=${BENCH_SYNC_STREAMS:-4}
# Its own port, so that the bench runs beside a local stack (which holds 8083).
PORT=${BENCH_PORT:-18083}
export SOCIALWORK_RUN_DIR="$REPO_ROOT/.run/bench-projects"
export SOCIALWORK_DB_NAME=socialwork_bench_projects
export SOCIALWORK_KAFKA_PORT=${SOCIALWORK_KAFKA_PORT:-29092} SOCIALWORK_PG_PORT=${SOCIALWORK_PG_PORT:-25432}
source deploy/local/lib.sh
for tool in wrk psql python3; do command -v "$tool" >/dev/null || die "$tool is missing"; done

# Only PostgreSQL, Kafka and projects-service: the other services are not needed (the replicas a
# record needs are written below), so the bench does not depend on their builds.
# The bench build profile's package: the bare INSERT endpoint exists only there (@IfBuildProfile("bench")).
JAR=projects-service/target/bench-app/quarkus-run.jar
[ -f "$JAR" ] || die "$JAR is missing: ./mvnw -B -pl projects-service -am package -DskipTests -Dquarkus.profile=prod,bench -Dquarkus.package.output-directory=bench-app"
mkdir -p "$RUN_DIR/logs"
cleanup() {
  [ -f "$RUN_DIR/projects-bench.pid" ] && kill "$(cat "$RUN_DIR/projects-bench.pid")" 2>/dev/null || true
  [ -f "$RUN_DIR/kafka/broker.pid" ] && infra_cli kafka-stop "$RUN_DIR/kafka" >/dev/null 2>&1 || true
  [ -f "$RUN_DIR/postgres-bench.pid" ] && kill "$(cat "$RUN_DIR/postgres-bench.pid")" 2>/dev/null || true
  rm -f "$RUN_DIR/projects-bench.pid" "$RUN_DIR/postgres-bench.pid"
}
trap cleanup EXIT
rm -f "$RUN_DIR/postgres/postgres.env"
nohup java -cp "$(infra_classpath)" org.socialwork.infra.cli.InfraCli postgres "$RUN_DIR/postgres" "$PG_EMBEDDED_PORT" \
  "projects_bench_$(date +%s)" projects > "$RUN_DIR/logs/postgres.log" 2>&1 &
echo $! > "$RUN_DIR/postgres-bench.pid"
for _ in $(seq 1 360); do grep -q "Schemas ready" "$RUN_DIR/logs/postgres.log" 2>/dev/null && break; sleep 0.5; done
grep -q "Schemas ready" "$RUN_DIR/logs/postgres.log" || die "PostgreSQL could not be prepared; see $RUN_DIR/logs/postgres.log"
set -a; source "$RUN_DIR/postgres/postgres.env"; set +a
infra_cli kafka-start "$RUN_DIR/kafka" "$KAFKA_PORT" >/dev/null
# Throwaway keys for this run's personal data (the bench creates one client).
KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" JWT_ISSUER="https://sso.socialwork.local/realms/dev" \
  JWT_PUBLIC_KEY_LOCATION="$REPO_ROOT/platform/infra/src/main/resources/dev-keys/publicKey.pem" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$PORT \
  SOCIALWORK_PERSONAL_DATA_ENCRYPTION_KEYS_BENCH=$(head -c 32 /dev/urandom | base64) \
  SOCIALWORK_PERSONAL_DATA_ACTIVE_KEY_ID=bench SOCIALWORK_PERSONAL_DATA_BLIND_INDEX_KEY=$(head -c 32 /dev/urandom | base64) \
  nohup java -Xmx512m -XX:+UseSerialGC -Dquarkus.profile=prod,bench -jar "$JAR" > "$RUN_DIR/logs/projects-bench.log" 2>&1 &
echo $! > "$RUN_DIR/projects-bench.pid"
for _ in $(seq 1 240); do curl -fs http://127.0.0.1:$PORT/q/health/ready >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs http://127.0.0.1:$PORT/q/health/ready >/dev/null || die "projects-service is not ready; see $RUN_DIR/logs/projects-bench.log"
elapsed() { awk -v a="$(date +%s.%N)" -v b="$1" 'BEGIN { printf "%.2f", a - b }'; }
pg_uri() { local url=${PROJECTS_DB_URL#jdbc:postgresql://}; echo "postgresql://$PROJECTS_DB_USER:$PROJECTS_DB_PASSWORD@$url"; }
sql() { psql -qtA -v ON_ERROR_STOP=1 "$(pg_uri)" -c "$1"; }
API=http://127.0.0.1:$PORT/api/v1
say "host: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; PostgreSQL: $SOCIALWORK_PG_DESCRIPTION"

# The replicas a record needs (a region, a station, a worker assigned there). In the suite they
# arrive as stations/personnel events; the bench writes them directly so it measures projects-service alone.
STATION=$(python3 -c 'import uuid; print(uuid.uuid4())')
WORKER=$(python3 -c 'import uuid; print(uuid.uuid4())')
AGENCY=$(python3 -c 'import uuid; print(uuid.uuid4())')
sql "insert into region_replica values ('330481','COUNTY','3304',false,1), ('330481001','TOWNSHIP','330481',false,1),
       ('330481001001','VILLAGE','330481001',false,1) on conflict do nothing;
     insert into station_replica values ('$STATION','基准测试社工站','TOWNSHIP_STATION','330481001','OPERATING','$AGENCY',1);
     insert into worker_replica values ('$WORKER','$AGENCY','STATION_FULL_TIME','INTERMEDIATE',true,'ACTIVE',false,null,1);
     insert into assignment_replica values ('$(python3 -c 'import uuid; print(uuid.uuid4())')','$WORKER','$STATION','ACTIVE',1);"
FIELD=$(dev_token --role field-worker --worker "$WORKER" --subject bench-worker)
ADMIN=$(dev_token --role platform-admin --subject bench)
CLIENT=$(curl -fs -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' "$API/clients" \
  -d "{\"name\":\"基准对象\",\"idNumber\":\"11010519491231002X\",\"villageRegionCode\":\"330481001001\",\"categories\":[\"ELDERLY_ALONE\"],\"riskLevel\":\"KEY\",\"stationId\":\"$STATION\"}" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
OCCURRED=$(date -u -d '-1 hour' +%Y-%m-%dT%H:%M:%SZ)

# 1. Batch sync: BATCHES files of 1,000 records, sent by STREAMS concurrent "phones".
batches="$RUN_DIR/batches"; mkdir -p "$batches"
python3 - "$batches" "$BATCHES" "$STATION" "$WORKER" "$CLIENT" "$OCCURRED" <<'PY'
import json, sys, uuid
out, n, station, worker, client, at = sys.argv[1], int(sys.argv[2]), *sys.argv[3:]
for b in range(n):
    records = [{"id": str(uuid.uuid4()), "type": "VISIT", "occurredAt": at, "durationMinutes": 45, "stationId": station,
                "workerIds": [worker], "clientIds": [client], "serviceItems": ["ELDERLY_CARE"]} for _ in range(1000)]
    json.dump({"records": records}, open(f"{out}/batch-{b:04d}.json", "w"))
PY
sync_all() { # label → seconds; fails unless every batch answered 200
  local start; start=$(date +%s.%N)
  ls "$batches"/batch-*.json | xargs -P "$STREAMS" -I{} sh -c \
    'curl -fs -o /dev/null -H "Authorization: Bearer $0" -H "Content-Type: application/json" --data-binary @{} "$1/service-records/batch" || exit 255' \
    "$FIELD" "$API" || die "a batch failed during the $1 run"
  elapsed "$start"
}
curl -fs -o /dev/null -H "Authorization: Bearer $FIELD" -H 'Content-Type: application/json' \
  -d "{\"records\":[{\"id\":\"$(python3 -c 'import uuid; print(uuid.uuid4())')\",\"type\":\"VISIT\",\"occurredAt\":\"$OCCURRED\",\"durationMinutes\":5,\"stationId\":\"$STATION\",\"clientIds\":[\"$CLIENT\"],\"serviceItems\":[\"ELDERLY_CARE\"]}]}" \
  "$API/service-records/batch"
sync_s=$(sync_all first)
resync_s=$(sync_all again)
records=$((BATCHES * 1000))
events=$(sql "select count(*) from outbox_event where topic = 'projects.service-record.v1'")
drain_start=$(date +%s.%N)
until [ "$(sql 'select count(*) from outbox_event where sent_at is null')" = "0" ]; do sleep 1; done
drain_s=$(elapsed "$drain_start")
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }

# 2. Single-record POST: real endpoint vs one bare INSERT, same body shape, fresh ids.
wrk_run() { # name path token duration
  POST_PATH="$2" TOKEN="$3" STATION="$STATION" WORKER="$WORKER" CLIENT="$CLIENT" OCCURRED_AT="$OCCURRED" \
    wrk -t2 -c"$CONNECTIONS" -d"$4" --latency -s deploy/bench/projects-post.lua http://127.0.0.1:$PORT \
    > "$RUN_DIR/logs/wrk-projects-$1.txt"
}
wrk_run warm-real /api/v1/service-records "$FIELD" 10s
wrk_run warm-bare /bench/baseline/service-records "" 10s
wrk_run real /api/v1/service-records "$FIELD" "$DURATION"
wrk_run bare /bench/baseline/service-records "" "$DURATION"
non2xx() { grep -oE 'Non-2xx or 3xx responses: [0-9]+' "$RUN_DIR/logs/wrk-projects-$1.txt" | grep -oE '[0-9]+$' || echo 0; }
rps() { awk '/Requests\/sec/ {print $2}' "$RUN_DIR/logs/wrk-projects-$1.txt"; }
pct() { awk -v p="$2" '$1 == p {print $2}' "$RUN_DIR/logs/wrk-projects-$1.txt"; }
[ "$(non2xx real)" = 0 ] && [ "$(non2xx bare)" = 0 ] || die "non-2xx responses during the run: see $RUN_DIR/logs/wrk-projects-*.txt"

cat <<TABLE

| measure | projects-service | baseline (same run) |
| --- | --- | --- |
| batch sync: $records records in batches of 1,000, $STREAMS concurrent phones (checks, set-based insert, outbox rows) | ${sync_s} s = $(rate "$records" "$sync_s") records/s | – |
| the same batches again (retry: nothing created, nothing published) | ${resync_s} s = $(rate "$records" "$resync_s") records/s | – |
| relay: service-record events on the broker after the sync ($events rows) | ${drain_s} s more | – |
| single-record POST, throughput ($CONNECTIONS connections, $DURATION) | $(rps real) req/s | bare INSERT endpoint: $(rps bare) req/s |
| single-record POST, latency p50 / p90 / p99 | $(pct real 50%) / $(pct real 90%) / $(pct real 99%) | $(pct bare 50%) / $(pct bare 90%) / $(pct bare 99%) |
TABLE
