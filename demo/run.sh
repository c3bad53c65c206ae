#!/usr/bin/env bash
# Thor demo: builds Thor, starts a Kafka broker on 127.0.0.1 (or uses the cluster you name),
# boots the Thor Karaf distribution, writes a demo log that rolls by time and shows its lines
# arriving in Kafka. Ctrl-C stops everything it started.
#
#   demo/run.sh                                  # local KRaft broker on loopback
#   demo/run.sh --bootstrap-servers HOST:PORT    # your own Kafka cluster instead
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${THOR_DEMO_DIR:-$ROOT/target/demo}"
BOOTSTRAP=""
TOPIC="thor-demo"
source "$ROOT/demo/lib.sh"

while [[ $# -gt 0 ]]; do
  case "$1" in
    --bootstrap-servers) BOOTSTRAP="$2"; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
trap cleanup EXIT INT TERM

build_thor
[[ -n "$BOOTSTRAP" ]] || start_broker
say "Kafka: $BOOTSTRAP"
boot_thor
say "Kafka Connect REST API up at $REST after ${BOOT_SECONDS}s: $(tool get "$REST/")"

LOGS="$WORK/logs"
mkdir -p "$LOGS"
say "writing a demo log that rolls every minute: $LOGS/app.log.<yyyy-mm-dd-HHMM>"
(
  n=0
  while true; do
    n=$((n + 1))
    echo "$(date -u +%FT%T.%3NZ) INFO demo line $n" >> "$LOGS/app.log.$(date -u +%Y-%m-%d-%H%M)"
    sleep 0.2
  done
) &
PIDS+=($!)

say "dropping etc/org.thor.connector-demo-log.cfg, as an operator would"
cat > "$KARAF_HOME/etc/org.thor.connector-demo-log.cfg.tmp" <<CFG
# Collect the demo log (all its rolled files) into Kafka.
files = $LOGS/app.log.*
topic = $TOPIC
CFG
mv "$KARAF_HOME/etc/org.thor.connector-demo-log.cfg.tmp" "$KARAF_HOME/etc/org.thor.connector-demo-log.cfg"
until tool get "$REST/connectors/demo-log/status" | grep -q '"tasks":\[{"id":0,"state":"RUNNING"'; do sleep 1; done
say "connector demo-log running: $(tool get "$REST/connectors/demo-log/status")"

say "lines arriving in Kafka topic $TOPIC (Ctrl-C to stop):"
java "${JAVA_QUIET[@]}" -cp "$KAFKA_CP" org.apache.kafka.tools.consumer.ConsoleConsumer \
  --bootstrap-server "$BOOTSTRAP" --topic "$TOPIC" --from-beginning &
PIDS+=($!)
wait "${PIDS[-1]}"
