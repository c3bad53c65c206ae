# Shared by the demo scripts: build Thor, start a loopback KRaft broker, boot the Thor distribution.
# Source it after setting ROOT and WORK; call cleanup (trapped) to stop what was started.

say() { printf '\033[1m[thor]\033[0m %s\n' "$*"; }
tool() { java "$ROOT/demo/DemoTool.java" "$@"; }
free_port() { tool free-port; }

PIDS=()
KARAF_HOME=""
cleanup() {
  trap - EXIT INT TERM
  say "stopping everything that was started"
  if [[ -n "$KARAF_HOME" && -x "$KARAF_HOME/bin/stop" ]]; then "$KARAF_HOME/bin/stop" >/dev/null 2>&1 || true; fi
  for ((i=${#PIDS[@]}-1; i>=0; i--)); do kill "${PIDS[$i]}" 2>/dev/null || true; done
  wait 2>/dev/null || true
}

build_thor() {
  say "building Thor (mvn install -DskipTests) ..."
  (cd "$ROOT" && mvn -B -q install -DskipTests)
  DISTRIBUTION="$(ls "$ROOT"/karaf-assembly/target/thor-*.tar.gz)"
  rm -rf "$WORK" && mkdir -p "$WORK"
  (cd "$ROOT" && mvn -B -q -pl kraft-broker dependency:build-classpath -Dmdep.outputFile="$WORK/kafka.classpath" >/dev/null)
  KAFKA_CP="$(cat "$WORK/kafka.classpath"):$ROOT/kraft-broker/target/classes"
  JAVA_QUIET=(-Dslf4j.internal.verbosity=ERROR -Xmx256m)
}

# Sets BOOTSTRAP to a new broker on 127.0.0.1.
start_broker() {
  local port; port="$(free_port)"
  say "starting a Kafka KRaft broker on 127.0.0.1:$port ..."
  java "${JAVA_QUIET[@]}" -cp "$KAFKA_CP" org.thor.kraft.KraftBrokerMain "$WORK/broker" "$port" > "$WORK/broker.out" 2>&1 &
  local pid=$!
  PIDS+=("$pid")
  until grep -q "bootstrap.servers=" "$WORK/broker.out"; do
    kill -0 "$pid" 2>/dev/null || { cat "$WORK/broker.out"; exit 1; }
    sleep 1
  done
  BOOTSTRAP="127.0.0.1:$port"
}

# Unpacks and boots the distribution against $BOOTSTRAP; sets KARAF_HOME, KARAF_PID, REST, BOOT_SECONDS.
boot_thor() {
  tar xzf "$DISTRIBUTION" -C "$WORK"
  KARAF_HOME="$WORK/$(basename "$DISTRIBUTION" .tar.gz)"
  local rest_port; rest_port="$(free_port)"
  sed -i -e "s#^bootstrap.servers *=.*#bootstrap.servers = $BOOTSTRAP#" \
         -e "s#^listeners *=.*#listeners = http://127.0.0.1:$rest_port#" "$KARAF_HOME/etc/org.thor.worker.cfg"
  sed -i -e "s#^sshPort *=.*#sshPort = $(free_port)#" "$KARAF_HOME/etc/org.apache.karaf.shell.cfg"
  sed -i -e "s#^rmiRegistryPort *=.*#rmiRegistryPort = $(free_port)#" -e "s#^rmiServerPort *=.*#rmiServerPort = $(free_port)#" \
    "$KARAF_HOME/etc/org.apache.karaf.management.cfg"
  say "booting Thor (Karaf) ..."
  local start; start=$(date +%s.%N)
  "$KARAF_HOME/bin/karaf" server > "$WORK/karaf.out" 2>&1 &
  KARAF_PID=$!
  PIDS+=("$KARAF_PID")
  REST="http://127.0.0.1:$rest_port"
  until tool get "$REST/connectors" >/dev/null; do
    kill -0 "$KARAF_PID" 2>/dev/null || { cat "$WORK/karaf.out"; exit 1; }
    sleep 0.5
  done
  BOOT_SECONDS=$(awk -v start="$start" -v end="$(date +%s.%N)" 'BEGIN { printf "%.1f", end - start }')
}
