#!/usr/bin/env bash
# Prints the events on a topic of the local broker, from the beginning, with their CloudEvents headers.
#   deploy/local/watch-topic.sh stations.station.v1
set -euo pipefail
source "$(dirname "$0")/lib.sh"
[ $# -ge 1 ] || die "usage: $0 TOPIC"
cp=$(cat "$REPO_ROOT/platform/kafka-broker/target/classes/org/socialwork/infra/kafka/broker.classpath")
exec java -cp "$cp" -Dlog4j2.configurationFile="$RUN_DIR/kafka/log4j2.properties" org.apache.kafka.tools.consumer.ConsoleConsumer \
  --bootstrap-server "127.0.0.1:$KAFKA_PORT" --topic "$1" --from-beginning \
  --property print.key=true --property print.headers=true --property print.timestamp=true
