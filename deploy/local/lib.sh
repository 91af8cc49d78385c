# Shared helpers of the local-stack scripts (sourced, not run).
# shellcheck shell=bash

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUN_DIR="${SOCIALWORK_RUN_DIR:-$REPO_ROOT/.run/local}"
KAFKA_PORT="${SOCIALWORK_KAFKA_PORT:-19092}"
PG_EMBEDDED_PORT="${SOCIALWORK_PG_PORT:-15432}"
# The stack's database on the PostgreSQL server: "socialwork", or SOCIALWORK_DB_NAME for a stack
# beside the local one (the benchmarks); remembered in the run directory so that down.sh drops the
# database this stack made, whatever the environment says then.
if [ -f "$RUN_DIR/db-name" ]; then
  DB_NAME=$(cat "$RUN_DIR/db-name")
else
  DB_NAME="${SOCIALWORK_DB_NAME:-socialwork}"
fi
SERVICES=(stations personnel projects reporting)
# HTTP ports; a stack beside the local one (the benchmarks) sets SOCIALWORK_<SERVICE>_PORT.
declare -A SERVICE_PORT=([stations]=${SOCIALWORK_STATIONS_PORT:-8081} [personnel]=${SOCIALWORK_PERSONNEL_PORT:-8082}
  [projects]=${SOCIALWORK_PROJECTS_PORT:-8083} [reporting]=${SOCIALWORK_REPORTING_PORT:-8084})
# The packaged application each service runs: target/quarkus-app (the production build), or the
# directory of another build profile's package (deploy/bench/api.sh: bench-app).
APP_DIR="${SOCIALWORK_APP_DIR:-quarkus-app}"
# The JVM options of each service; the benchmarks state theirs.
JAVA_OPTS="${SOCIALWORK_JAVA_OPTS:--Xmx512m -XX:+UseSerialGC}"

say() { printf '\033[1m[socialwork]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[socialwork] %s\033[0m\n' "$*" >&2; exit 1; }

require_java() {
  command -v java >/dev/null 2>&1 || die "Java is missing: install a JDK 17 or newer (Debian: apt-get install openjdk-17-jdk-headless)."
  local version
  version=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  [ "${version%%.*}" -ge 17 ] 2>/dev/null || die "Java $version found; the suite needs Java 17 or newer."
  command -v curl >/dev/null 2>&1 || die "curl is missing (Debian: apt-get install curl)."
}

infra_classpath() {
  local cp_file="$REPO_ROOT/platform/infra/target/infra-cli.classpath"
  [ -f "$cp_file" ] || die "platform/infra is not built: run ./mvnw -B install -DskipTests"
  echo "$REPO_ROOT/platform/infra/target/classes:$(cat "$cp_file")"
}

infra_cli() {
  java -cp "$(infra_classpath)" org.socialwork.infra.cli.InfraCli "$@" 2> >(grep -v '^SLF4J' >&2)
}

dev_token() {
  infra_cli token "$@"
}

# Keeps the logs of earlier runs (FILE.1 the last, up to FILE.5) so that the log of an instance that
# crashed is still there after up.sh started a new one.
rotate_log() {
  local file="$1" i
  [ -s "$file" ] || return 0
  for i in 4 3 2 1; do
    [ -f "$file.$i" ] && mv -f "$file.$i" "$file.$((i + 1))"
  done
  mv -f "$file" "$file.1"
}

pid_alive() {
  local file="$1"
  [ -f "$file" ] && kill -0 "$(cat "$file")" 2>/dev/null
}
