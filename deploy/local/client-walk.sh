#!/usr/bin/env bash
# Runs the generated-client walk (clients/src/test/.../AgencyIntegrationWalkIT) against the stack that
# deploy/local/up.sh started: an agency integrator's calls through the generated Java clients only.
# Rerunnable on the same stack. Needs the services' OpenAPI documents, which every build writes.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"
for svc in "${SERVICES[@]}"; do
  curl -fs "http://127.0.0.1:${SERVICE_PORT[$svc]}/q/health/ready" >/dev/null 2>&1 \
    || die "$svc-service is not ready on :${SERVICE_PORT[$svc]}: start the stack with deploy/local/up.sh"
done
for svc in "${SERVICES[@]}"; do
  [[ -f "$svc-service/target/openapi/openapi.json" ]] \
    || die "$svc-service/target/openapi/openapi.json is missing: build the services first (deploy/local/up.sh or ./mvnw package)"
done
say "Walking the platform with the generated Java clients ..."
./mvnw -B -q -pl clients verify -Pwalk
say "The generated-client walk passed."
