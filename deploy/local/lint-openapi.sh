#!/usr/bin/env bash
# Lints the services' OpenAPI documents with the project's Spectral ruleset (.spectral.yaml: spectral:oas
# plus the contract rules of issue 13) and fails on any error or warning. Installs Spectral from the npm
# registry into .run/tools/spectral the first time; builds a service whose document is missing.
#   deploy/local/lint-openapi.sh                      all four services
#   deploy/local/lint-openapi.sh stations personnel   only these
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"
SPECTRAL_VERSION=6.16.3
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 \
  || die "node and npm are missing; the OpenAPI lint runs Spectral on them (Debian: apt-get install nodejs npm)."
TOOLS="$REPO_ROOT/.run/tools/spectral"
SPECTRAL="$TOOLS/node_modules/.bin/spectral"
if [[ ! -x "$SPECTRAL" ]] || [[ "$("$SPECTRAL" --version 2>/dev/null)" != "$SPECTRAL_VERSION" ]]; then
  say "Installing Spectral $SPECTRAL_VERSION into $TOOLS ..."
  mkdir -p "$TOOLS"
  (cd "$TOOLS" && npm install --no-audit --no-fund --silent "@stoplight/spectral-cli@$SPECTRAL_VERSION") \
    || die "npm could not install @stoplight/spectral-cli@$SPECTRAL_VERSION"
fi
services=("$@")
[[ ${#services[@]} -gt 0 ]] || services=(stations personnel projects reporting)
missing=()
for svc in "${services[@]}"; do
  [[ -f "$svc-service/target/openapi/openapi.yaml" ]] || missing+=("$svc-service")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  say "Building ${missing[*]} to write their OpenAPI documents ..."
  ./mvnw -B -q -pl "$(IFS=,; echo "${missing[*]}")" -am package -DskipTests
fi
failed=0
for svc in "${services[@]}"; do
  document="$svc-service/target/openapi/openapi.yaml"
  if "$SPECTRAL" lint --quiet -r .spectral.yaml --fail-severity=warn "$document" >"$REPO_ROOT/.run/lint-$svc.txt" 2>&1; then
    say "$svc-service: OpenAPI lint clean (0 errors, 0 warnings)"
  else
    failed=1
    say "$svc-service: OpenAPI lint failed:"
    cat "$REPO_ROOT/.run/lint-$svc.txt"
  fi
done
[[ $failed -eq 0 ]] || die "the OpenAPI documents break the contract rules in .spectral.yaml"
