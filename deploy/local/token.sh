#!/usr/bin/env bash
# Prints a development JWT (RS256, dev key pair: local stack and tests only).
#   deploy/local/token.sh --role bureau-admin --region 330481
#   deploy/local/token.sh --role agency-admin --agency <uuid>
#   deploy/local/token.sh --role platform-admin
set -euo pipefail
source "$(dirname "$0")/lib.sh"
require_java
[ $# -gt 0 ] || set -- --role platform-admin
dev_token "$@"
