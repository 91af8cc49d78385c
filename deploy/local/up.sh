#!/usr/bin/env bash
# Starts the whole suite locally with demo data: PostgreSQL (yours, or an embedded one), a KRaft
# Kafka broker, the four services on ports 8081-8084. Safe to run again: what runs is kept.
#   deploy/local/up.sh            build if needed, start everything, load demo data
#   SOCIALWORK_SKIP_DEMO=1 ...    start without loading demo data
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"
require_java
command -v jq >/dev/null 2>&1 || die "jq is missing; the demo data scripts need it (Debian: apt-get install jq)."
mkdir -p "$RUN_DIR/logs"
echo "$DB_NAME" > "$RUN_DIR/db-name"

needs_build() {
  for svc in "${SERVICES[@]}"; do
    local jar="$svc-service/target/$APP_DIR/quarkus-run.jar"
    [ -f "$jar" ] || return 0
    [ -n "$(find "$svc-service/src" platform/*/src -newer "$jar" -type f -print -quit 2>/dev/null)" ] && return 0
  done
  [ -f platform/infra/target/infra-cli.classpath ] || return 0
  return 1
}

if needs_build; then
  say "Building (first time: Maven and about 300 MB of dependencies are downloaded) ..."
  ./mvnw -B -q install -DskipTests || die "The build failed; see the output above."
fi

# PostgreSQL: SOCIALWORK_PG_URL or PGHOST if set, else a server on 127.0.0.1:5432 that accepts
# PGUSER/PGPASSWORD, else an embedded PostgreSQL served by a background process of ours.
if pid_alive "$RUN_DIR/postgres.pid"; then
  say "PostgreSQL: already running (embedded, pid $(cat "$RUN_DIR/postgres.pid"))"
else
  rm -f "$RUN_DIR/postgres/postgres.env"
  rotate_log "$RUN_DIR/logs/postgres.log"
  nohup java -cp "$(infra_classpath)" org.socialwork.infra.cli.InfraCli postgres "$RUN_DIR/postgres" "$PG_EMBEDDED_PORT" \
    "$DB_NAME" "${SERVICES[@]}" > "$RUN_DIR/logs/postgres.log" 2>&1 &
  pg_pid=$!
  # A restart over a large data directory may first replay its WAL: allow minutes, not seconds.
  for _ in $(seq 1 360); do
    grep -q "Schemas ready" "$RUN_DIR/logs/postgres.log" 2>/dev/null && break
    kill -0 "$pg_pid" 2>/dev/null || break
    sleep 0.5
  done
  grep -q "Schemas ready" "$RUN_DIR/logs/postgres.log" || die "PostgreSQL could not be prepared; see $RUN_DIR/logs/postgres.log"
  if kill -0 "$pg_pid" 2>/dev/null; then echo "$pg_pid" > "$RUN_DIR/postgres.pid"; fi
  say "$(grep '^PostgreSQL:' "$RUN_DIR/logs/postgres.log")"
fi
set -a; source "$RUN_DIR/postgres/postgres.env"; set +a

# Kafka: a single-node KRaft broker from the Apache Kafka jars, on 127.0.0.1 only.
infra_cli kafka-start "$RUN_DIR/kafka" "$KAFKA_PORT" | sed 's/^/[socialwork] /'

export KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT"
export JWT_ISSUER="https://sso.socialwork.local/realms/dev"
export JWT_PUBLIC_KEY_LOCATION="$REPO_ROOT/platform/infra/src/main/resources/dev-keys/publicKey.pem"
export QUARKUS_HTTP_HOST=127.0.0.1
export STATIONS_REGION_IMPORT_SERVER_ROOT="$REPO_ROOT/deploy/local/demo-data"
# This stack runs on a developer's machine: webhooks may go to plain-http receivers on loopback (the
# client walk's). Production refuses both (socialwork.webhooks.allow-http, allow-private-addresses).
export SOCIALWORK_WEBHOOKS_ALLOW_HTTP=true
export SOCIALWORK_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES=true
export STATIONS_SERVICE_URL="http://127.0.0.1:${SERVICE_PORT[stations]}"
export PERSONNEL_SERVICE_URL="http://127.0.0.1:${SERVICE_PORT[personnel]}"
export PROJECTS_SERVICE_URL="http://127.0.0.1:${SERVICE_PORT[projects]}"

# Keys protecting ID numbers and phones: made once per stack and kept beside its data, because the
# encrypted columns cannot be read with any other key (down.sh --purge deletes both together).
KEYS_FILE="$RUN_DIR/personal-data-keys.env"
# stations' keys protect its webhook signing secrets; a stack made before they existed gets them added.
(umask 077
 touch "$KEYS_FILE"
 for svc in STATIONS PERSONNEL PROJECTS; do
   if ! grep -q "^${svc}_PD_KEY_K1=" "$KEYS_FILE"; then
     echo "${svc}_PD_KEY_K1=$(head -c 32 /dev/urandom | base64)"
     echo "${svc}_PD_INDEX_KEY=$(head -c 32 /dev/urandom | base64)"
   fi
 done >> "$KEYS_FILE")
set -a; source "$KEYS_FILE"; set +a

for svc in "${SERVICES[@]}"; do
  if pid_alive "$RUN_DIR/$svc.pid"; then
    say "$svc-service: already running (pid $(cat "$RUN_DIR/$svc.pid"))"
    continue
  fi
  rotate_log "$RUN_DIR/logs/$svc.log"
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  QUARKUS_HTTP_PORT=${SERVICE_PORT[$svc]} nohup java $JAVA_OPTS -jar "$svc-service/target/$APP_DIR/quarkus-run.jar" \
    > "$RUN_DIR/logs/$svc.log" 2>&1 &
  echo $! > "$RUN_DIR/$svc.pid"
  say "$svc-service: starting on :${SERVICE_PORT[$svc]} (log $RUN_DIR/logs/$svc.log, earlier runs' in $svc.log.1 ...)"
done

for svc in "${SERVICES[@]}"; do
  port=${SERVICE_PORT[$svc]}
  for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && break
    pid_alive "$RUN_DIR/$svc.pid" || die "$svc-service exited; see $RUN_DIR/logs/$svc.log"
    sleep 0.5
  done
  curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null || die "$svc-service is not ready; see $RUN_DIR/logs/$svc.log"
done
say "All four services are ready."

if [ -z "${SOCIALWORK_SKIP_DEMO:-}" ]; then
  "$REPO_ROOT/deploy/local/demo-data.sh"
fi

ADMIN_TOKEN=$(dev_token --role platform-admin --subject demo-admin)
cat <<TEXT

  Swagger UI
    stations   http://127.0.0.1:8081/q/swagger-ui
    personnel  http://127.0.0.1:8082/q/swagger-ui
    projects   http://127.0.0.1:8083/q/swagger-ui
    reporting  http://127.0.0.1:8084/q/swagger-ui

  A platform-admin token (12 h; others: deploy/local/token.sh --role bureau-admin --region 330481):
    export TOKEN=$ADMIN_TOKEN

  Try:   curl -s -H "Authorization: Bearer \$TOKEN" 'http://127.0.0.1:8081/api/v1/stations?region=330481'
  Events: deploy/local/watch-topic.sh stations.station.v1
  Stop:   deploy/local/down.sh
TEXT
