#!/usr/bin/env bash
# Loads the demo data of every service into the running local stack (deploy/local/up.sh calls it),
# in the order the data depends on each other: stations (divisions, agencies, station network) first,
# then personnel (workers, assignments, filings, trainings, a dispatch programme), then projects (a
# project's life, clients, a day of field records), then reporting (targets, a monthly report).
# Each part is idempotent, so running this again changes nothing.
set -euo pipefail
here=$(dirname "$0")
for part in stations personnel projects reporting; do
  script="$here/demo-$part.sh"
  if [ -x "$script" ]; then
    "$script"
  fi
done
