#!/usr/bin/env bash
# The fault-injection suite of issue 14: two instances of every service (ports 8181-8184 and
# 8281-8284) sharing an embedded PostgreSQL (:25432) and a KRaft broker (:29092), each reached
# only through the suite's TCP proxies (:25433, :29093 — the broker advertises the proxy), a mixed
# load with phone-like retries, kill -9 of every instance, broker and PostgreSQL restarts, freezes
# and drops of the DB and broker links; then the checker. Everything is loopback only and lives in
# .run/reliability (deleted at the start of each run: the expected totals are exactly the journal's).
#   deploy/reliability/run.sh [--minutes N]   fault run (default 10), report in .run/reliability/report.md
#   deploy/reliability/run.sh --lag           write-to-dashboard lag probe, report in .run/reliability/lag.md
# Bounded: N minutes of load, at most 2 more for writes in retry, at most 10 to converge.
set -euo pipefail
export SOCIALWORK_RUN_DIR="$(cd "$(dirname "$0")/../.." && pwd)/.run/reliability"
export SOCIALWORK_DB_NAME=socialwork_reliability
source "$(dirname "$0")/../local/lib.sh"
cd "$REPO_ROOT"
require_java

mode=(--minutes 10)
case "${1:-}" in
  --minutes) [ -n "${2:-}" ] || die "usage: $0 [--minutes N | --lag]"; mode=(--minutes "$2") ;;
  --lag) mode=(--lag) ;;
  "") ;;
  *) die "usage: $0 [--minutes N | --lag]" ;;
esac

for port in 25432 25433 29092 29093 8181 8182 8183 8184 8281 8282 8283 8284; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    die "port $port is in use: another reliability run? (stop it first)"
  fi
done

services_need_build() {
  for svc in "${SERVICES[@]}"; do
    local jar="$svc-service/target/quarkus-app/quarkus-run.jar"
    [ -f "$jar" ] || return 0
    [ -n "$(find "$svc-service/src" platform/*/src -newer "$jar" -type f -print -quit 2>/dev/null)" ] && return 0
  done
  [ -f platform/infra/target/infra-cli.classpath ] || return 0
  return 1
}
suite_needs_build() {
  [ -f reliability/target/reliability-0.1.0-SNAPSHOT.jar ] || return 0
  [ -n "$(find reliability/src reliability/pom.xml -newer reliability/target/reliability-0.1.0-SNAPSHOT.jar -type f -print -quit 2>/dev/null)" ]
}
if services_need_build; then
  say "Building the services and the suite ..."
  ./mvnw -B -q -pl stations-service,personnel-service,projects-service,reporting-service,reliability -am package -DskipTests \
    || die "The build failed; see the output above."
elif suite_needs_build; then
  say "Building the suite ..."
  ./mvnw -B -q -pl reliability package -DskipTests || die "The build failed; see the output above."
fi

rm -rf "$RUN_DIR"
mkdir -p "$RUN_DIR/logs"
echo "$DB_NAME" > "$RUN_DIR/db-name"
exec java -Xmx512m -cp "reliability/target/classes:$(infra_classpath)" org.socialwork.reliability.Main \
  "$REPO_ROOT" "$RUN_DIR" "${mode[@]}" 2> >(grep -v '^SLF4J' >&2)
