#!/usr/bin/env bash
# Compiles a generated TypeScript client with `tsc --strict`, as a dashboard project would. TypeScript
# comes from the npm registry into .run/tools/typescript (the machine's node and npm; frontend-maven-plugin
# cannot download Node here). Without node or npm the check is skipped with a message, not failed.
#   tsc-strict.sh <generated client folder> <typescript version>
set -euo pipefail
client=$1
version=$2
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "[clients] skipped: node or npm not found, so the TypeScript client was generated but not compiled (Debian: apt-get install nodejs npm)"
  exit 0
fi
tools="$(cd "$(dirname "$0")/.." && pwd)/.run/tools/typescript"
tsc="$tools/node_modules/.bin/tsc"
if [[ ! -x "$tsc" ]] || [[ "$("$tsc" --version)" != "Version $version" ]]; then
  mkdir -p "$tools"
  (cd "$tools" && npm install --no-audit --no-fund --silent "typescript@$version")
fi
"$tsc" --strict --noEmit --target ES2020 --lib ES2020,DOM --module ES2020 --moduleResolution node \
  --skipLibCheck false "$client/index.ts"
echo "[clients] $client compiles with tsc --strict (TypeScript $version)"
