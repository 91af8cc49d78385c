#!/usr/bin/env bash
# Runs every test of the suite against a real PostgreSQL and a real Kafka broker, which the tests
# start themselves (embedded PostgreSQL unless one is configured; a KRaft broker in its own JVM).
# Needs only a JDK 17+; Maven and the dependencies are downloaded on first use.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v java >/dev/null 2>&1 || { echo "Java is missing: install a JDK 17 or newer (Debian: apt-get install openjdk-17-jdk-headless)." >&2; exit 1; }
exec ./mvnw -B verify "$@"
