#!/usr/bin/env bash
# Stops exactly what deploy/local/up.sh started (by its pid files); data stays in .run/local.
#   deploy/local/down.sh          stop
#   deploy/local/down.sh --purge  stop and delete the local data (and the stack's database, "socialwork"
#                                 unless SOCIALWORK_DB_NAME named another, on your own PostgreSQL)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"

stop_pid() {
  local name="$1" file="$2"
  if pid_alive "$file"; then
    local pid; pid=$(cat "$file")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
    say "$name stopped"
  fi
  rm -f "$file"
}

for svc in reporting projects personnel stations; do
  stop_pid "$svc-service" "$RUN_DIR/$svc.pid"
done
if [ -f "$RUN_DIR/kafka/broker.pid" ]; then
  infra_cli kafka-stop "$RUN_DIR/kafka" | sed 's/^/[socialwork] /'
fi
embedded=false
pid_alive "$RUN_DIR/postgres.pid" && embedded=true
stop_pid "embedded PostgreSQL" "$RUN_DIR/postgres.pid"
if [ "${1:-}" = "--purge" ]; then
  # On your own PostgreSQL the database lives outside .run/local; it goes too, or its encrypted
  # columns would outlive the keys deleted with .run/local.
  if [ "$embedded" = false ] && [ -f "$RUN_DIR/postgres/postgres.env" ]; then
    infra_cli postgres-drop "$RUN_DIR/postgres" "$DB_NAME" | sed 's/^/[socialwork] /'
  fi
  rm -rf "$RUN_DIR"
  say "local data deleted"
fi
