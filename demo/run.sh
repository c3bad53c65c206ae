#!/usr/bin/env bash
# Thor demo: builds Thor, starts a Kafka broker on 127.0.0.1 (or uses the cluster you name),
# boots the Thor Karaf distribution, writes a rolling demo log and shows its lines arriving in Kafka.
# Ctrl-C stops everything it started.
#
#   demo/run.sh                                  # local KRaft broker on loopback
#   demo/run.sh --bootstrap-servers HOST:PORT    # your own Kafka cluster instead
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${THOR_DEMO_DIR:-$ROOT/target/demo}"
BOOTSTRAP=""
TOPIC="thor-demo"

while [[ $# -gt 0 ]]; do
  case "$1" in
    --bootstrap-servers) BOOTSTRAP="$2"; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

say() { printf '\033[1m[thor-demo]\033[0m %s\n' "$*"; }
tool() { java "$ROOT/demo/DemoTool.java" "$@"; }
free_port() { tool free-port; }

PIDS=()
KARAF_HOME=""
cleanup() {
  trap - EXIT INT TERM
  say "stopping everything the demo started"
  if [[ -n "$KARAF_HOME" && -x "$KARAF_HOME/bin/stop" ]]; then "$KARAF_HOME/bin/stop" >/dev/null 2>&1 || true; fi
  for ((i=${#PIDS[@]}-1; i>=0; i--)); do kill "${PIDS[$i]}" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

say "building Thor (mvn install -DskipTests) ..."
(cd "$ROOT" && mvn -B -q install -DskipTests)
VERSION="$(cd "$ROOT" && mvn -B -q help:evaluate -Dexpression=project.version -DforceStdout 2>/dev/null)"
CLASSPATH_FILE="$WORK/kafka.classpath"
rm -rf "$WORK" && mkdir -p "$WORK/logs"
(cd "$ROOT" && mvn -B -q -pl kraft-broker dependency:build-classpath -Dmdep.outputFile="$CLASSPATH_FILE" >/dev/null)
KAFKA_CP="$(cat "$CLASSPATH_FILE"):$ROOT/kraft-broker/target/classes"
JAVA_QUIET=(-Dslf4j.internal.verbosity=ERROR -Xmx256m)

if [[ -z "$BOOTSTRAP" ]]; then
  BROKER_PORT="$(free_port)"
  say "starting a Kafka KRaft broker on 127.0.0.1:$BROKER_PORT ..."
  java "${JAVA_QUIET[@]}" -cp "$KAFKA_CP" org.thor.kraft.KraftBrokerMain "$WORK/broker" "$BROKER_PORT" > "$WORK/broker.out" 2>&1 &
  PIDS+=($!)
  BOOTSTRAP="127.0.0.1:$BROKER_PORT"
  until grep -q "bootstrap.servers=" "$WORK/broker.out"; do
    kill -0 "${PIDS[0]}" 2>/dev/null || { cat "$WORK/broker.out"; exit 1; }
    sleep 1
  done
fi
say "Kafka: $BOOTSTRAP"

say "unpacking the Thor distribution ..."
tar xzf "$ROOT/karaf-assembly/target/thor-$VERSION.tar.gz" -C "$WORK"
KARAF_HOME="$WORK/thor-$VERSION"
REST_PORT="$(free_port)"
sed -i -e "s#^bootstrap.servers *=.*#bootstrap.servers = $BOOTSTRAP#" \
       -e "s#^listeners *=.*#listeners = http://127.0.0.1:$REST_PORT#" "$KARAF_HOME/etc/org.thor.worker.cfg"
sed -i -e "s#^sshPort *=.*#sshPort = $(free_port)#" "$KARAF_HOME/etc/org.apache.karaf.shell.cfg"
sed -i -e "s#^rmiRegistryPort *=.*#rmiRegistryPort = $(free_port)#" -e "s#^rmiServerPort *=.*#rmiServerPort = $(free_port)#" \
  "$KARAF_HOME/etc/org.apache.karaf.management.cfg"

say "booting Thor (Karaf) ..."
"$KARAF_HOME/bin/karaf" server > "$WORK/karaf.out" 2>&1 &
PIDS+=($!)
REST="http://127.0.0.1:$REST_PORT"
until tool get "$REST/connectors" >/dev/null; do sleep 1; done
say "Kafka Connect REST API up at $REST: $(tool get "$REST/")"

say "writing a demo log that rolls by time: $WORK/logs/app.log.<minute> ..."
(
  n=0
  while true; do
    n=$((n + 1))
    echo "$(date -u +%FT%T.%3NZ) INFO demo line $n" >> "$WORK/logs/app.log.$(date -u +%Y-%m-%d-%H%M)"
    sleep 0.2
  done
) &
PIDS+=($!)

CONNECTOR="{\"connector.class\":\"org.thor.file.LogFileSourceConnector\",\"files\":\"$WORK/logs/app.log.*\",\"topic\":\"$TOPIC\",\"tasks.max\":\"1\"}"
until tool get "$REST/connector-plugins" | grep -q LogFileSourceConnector; do sleep 1; done
tool put "$REST/connectors/demo-log/config" "$CONNECTOR" >/dev/null
say "connector demo-log created; status: $(tool get "$REST/connectors/demo-log/status")"

say "lines arriving in Kafka topic $TOPIC (Ctrl-C to stop):"
java "${JAVA_QUIET[@]}" -cp "$KAFKA_CP" org.apache.kafka.tools.consumer.ConsoleConsumer \
  --bootstrap-server "$BOOTSTRAP" --topic "$TOPIC" --from-beginning \
  --property print.headers=false &
PIDS+=($!)
wait "${PIDS[-1]}"
