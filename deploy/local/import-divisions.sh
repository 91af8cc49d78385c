#!/usr/bin/env bash
# Imports the national division list into stations-service and follows the job until it ends.
#   deploy/local/import-divisions.sh DIR [BASE_URL]
# DIR holds any of provinces.csv, cities.csv, areas.csv, streets.csv, villages.csv (format of the
# china-division data set). BASE_URL defaults to the local stack (http://127.0.0.1:8081).
# Exit status 1 when the job FAILED (nothing was changed then), 2 on a usage or transport error.
set -euo pipefail

usage() { echo "usage: $0 DIR [BASE_URL]" >&2; exit 2; }
[ $# -ge 1 ] && [ $# -le 2 ] || usage
DIR="$(cd "$1" 2>/dev/null && pwd)" || { echo "not a directory: $1" >&2; exit 2; }
BASE_URL="${2:-http://127.0.0.1:8081}"
BASE_URL="${BASE_URL%/}"

cd "$(dirname "$0")/../.."
[ -f platform/infra/target/infra-cli.classpath ] \
  || { echo "platform/infra is not built: run ./mvnw -B install -DskipTests" >&2; exit 2; }

parts=()
for part in provinces cities areas streets villages; do
  if [ -f "$DIR/$part.csv" ]; then
    parts+=(-F "$part=@$DIR/$part.csv;type=text/csv")
  fi
done
[ ${#parts[@]} -gt 0 ] || { echo "no provinces/cities/areas/streets/villages .csv in $DIR" >&2; exit 2; }

TOKEN="$(java -cp "platform/infra/target/classes:$(cat platform/infra/target/infra-cli.classpath)" \
  org.socialwork.infra.cli.InfraCli token --role platform-admin 2>/dev/null)"

# the field's value in a flat JSON object (numbers, strings or null)
field() {
  sed -nE "s/.*\"$1\":(\"((\\\\.|[^\"\\\\])*)\"|([^,}]*)).*/\2\4/p" <<<"$2" | sed 's/\\"/"/g'
}

headers="$(mktemp)"
trap 'rm -f "$headers"' EXIT
status=$(curl -sS -o /dev/null -D "$headers" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
  -H "Accept-Language: ${IMPORT_LANGUAGE:-en}" "${parts[@]}" "$BASE_URL/api/v1/admin/region-imports") \
  || { echo "cannot reach $BASE_URL" >&2; exit 2; }
[ "$status" = 202 ] || { echo "import refused: HTTP $status" >&2; exit 2; }
location=$(sed -n 's/^[Ll]ocation: *\([^[:space:]]*\).*/\1/p' "$headers")
case "$location" in http*) job_url="$location" ;; *) job_url="$BASE_URL$location" ;; esac
echo "job: $job_url"

while true; do
  job=$(curl -sS -f -H "Authorization: Bearer $TOKEN" -H "Accept-Language: ${IMPORT_LANGUAGE:-en}" "$job_url") \
    || { echo "cannot read $job_url" >&2; exit 2; }
  state=$(field state "$job")
  printf '\r%-9s %s / %s rows' "$state" "$(field rowsDone "$job")" "$(field rowsTotal "$job")"
  case "$state" in
    SUCCEEDED)
      printf '\ninserted %s, updated %s, unchanged %s (started %s, finished %s)\n' "$(field inserted "$job")" \
        "$(field updated "$job")" "$(field unchanged "$job")" "$(field startedAt "$job")" "$(field finishedAt "$job")"
      exit 0 ;;
    FAILED)
      printf '\nFAILED: %s\n' "$(field error "$job")" >&2
      exit 1 ;;
  esac
  sleep 1
done
