#!/usr/bin/env bash
# Runs the README's walk-throughs (stations, workforce, a project's life, the provincial dashboard,
# the bulletin) against the stack deploy/local/up.sh started, and checks the figures and statuses
# the README shows; fails with the name of the first step that differs. Run it on a freshly loaded
# stack (the walk-throughs hire, create and issue things once):
#   deploy/local/down.sh --purge && deploy/local/up.sh && deploy/local/smoke.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"
command -v python3 >/dev/null 2>&1 || die "python3 is missing; smoke.sh reads the README with it (Debian: apt-get install python3)."
command -v jq >/dev/null 2>&1 || die "jq is missing; the README's walk-throughs use it (Debian: apt-get install jq)."
for svc in "${SERVICES[@]}"; do
  curl -fs "http://127.0.0.1:${SERVICE_PORT[$svc]}/q/health/ready" >/dev/null 2>&1 \
    || die "$svc-service is not ready on :${SERVICE_PORT[$svc]}: start the stack with deploy/local/up.sh"
done
ADMIN=$(dev_token --role platform-admin --subject smoke)
if curl -fs -H "Authorization: Bearer $ADMIN" "http://127.0.0.1:8083/api/v1/projects?region=330481&limit=200" | grep -q '"code":"HN-README-01"'; then
  die "this stack has already run the walk-throughs (project HN-README-01 exists); smoke.sh needs a fresh one: deploy/local/down.sh --purge && deploy/local/up.sh"
fi
say "Running the README's walk-throughs against the local stack ..."
python3 "$REPO_ROOT/deploy/local/smoke_readme.py" "$REPO_ROOT/README.md"

# Last: reporting's read models must count exactly what the producers hold for the demo region. The
# walk-throughs' events may still be in flight, so poll until consistent or the deadline passes.
say "Reconciling Haining's read models with the producers' source totals ..."
BUREAU=$(dev_token --role bureau-admin --region 330481 --subject smoke-reconcile)
RECONCILE="http://127.0.0.1:${SERVICE_PORT[reporting]}/api/v1/admin/reconciliation?region=330481&from=2020-01-01&to=2029-12-31"
deadline=$((SECONDS + ${SMOKE_RECONCILE_SECONDS:-120}))
while :; do
  answer=$(curl -fsS -H "Authorization: Bearer $BUREAU" "$RECONCILE" 2>/dev/null) || answer='{}'
  if [ "$(jq -r '.consistent // false' <<<"$answer")" = true ]; then
    say "reconciliation: consistent, $(jq '.figures | length' <<<"$answer") figures agree"
    break
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    jq '{sources, differences: [(.figures // [])[] | select(.ok | not)]}' <<<"$answer" >&2 || printf '%s\n' "$answer" >&2
    die "step 'reconciliation' failed: the read models of 330481 differ from the producers (above) after ${SMOKE_RECONCILE_SECONDS:-120} s"
  fi
  sleep 2
done
