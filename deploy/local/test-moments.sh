#!/usr/bin/env bash
# Runs the time-sensitive tests (JUnit tag "clock") with the business clock pinned at the moments
# where days, months, quarters and years turn, or where China and UTC are on different dates. Only
# the business clock moves (socialwork.clock.start); the machine's time stays as it is.
#   deploy/local/test-moments.sh                       the five moments below
#   deploy/local/test-moments.sh 2027-06-30T23:59:00+08:00 ...   moments of your choice
# Prints one line per moment and fails when any moment fails. Run deploy/local/test.sh first (it
# builds and downloads what these runs use).
set -uo pipefail
cd "$(dirname "$0")/../.."
MOMENTS=("$@")
if [ ${#MOMENTS[@]} -eq 0 ]; then
  MOMENTS=(
    2027-01-01T00:30:00+08:00   # the 1st at 00:30 China time: 16:30 UTC on the last day of the year before
    2027-01-03T00:30:00+08:00   # the 3rd at 00:30: last month's report still inside its 5-day grace
    2027-03-31T23:50:00+08:00   # the last minutes of a quarter
    2026-12-31T23:50:00+08:00   # the last minutes of a year
    2028-02-29T12:00:00+08:00   # a leap day
  )
fi
mkdir -p target
summary=()
failed=0
for moment in "${MOMENTS[@]}"; do
  log="target/test-moment-${moment//[:+]/-}.log"
  start=$(date +%s)
  SOCIALWORK_CLOCK_START="$moment" ./mvnw -B test -Dgroups=clock -Dsurefire.failIfNoSpecifiedTests=false > "$log" 2>&1
  rc=$?
  # The modules' closing "Tests run:" lines (not the per-class ones, which end with "-- in <class>").
  read -r run failures errors skipped < <(grep -E '^\[(INFO|WARNING|ERROR)\] Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+$' "$log" \
    | sed -E 's/.*Tests run: ([0-9]+), Failures: ([0-9]+), Errors: ([0-9]+), Skipped: ([0-9]+)/\1 \2 \3 \4/' \
    | awk '{r+=$1; f+=$2; e+=$3; s+=$4} END {print r+0, f+0, e+0, s+0}')
  pinned=$(grep -c "Business clock pinned: it started at" "$log")
  verdict=passed
  if [ $rc -ne 0 ] || [ "$run" -eq 0 ] || [ "$pinned" -eq 0 ]; then verdict=FAILED; failed=1; fi
  line="business clock at $moment: $verdict — $run tests, $failures failures, $errors errors, $skipped skipped, clock pinned in $pinned service start(s), $(( $(date +%s) - start )) s (log: $log)"
  echo "$line"
  summary+=("$line")
  if [ "$verdict" = FAILED ]; then
    grep -E '<<< (FAILURE|ERROR)!|BUILD FAILURE|\[ERROR\] (Failures|Errors):' "$log" | head -20
  fi
done
echo
echo "Time-sensitive tests at the pinned moments:"
printf '  %s\n' "${summary[@]}"
exit $failed
