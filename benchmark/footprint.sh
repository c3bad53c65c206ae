#!/usr/bin/env bash
# The Thor distribution's footprint: CPU and RSS with 1 and with 50 streams, idle and then with
# every log written at a modest rate, for each set of JVM options given (an A/B in one run, against
# one loopback broker). Prints a table. See README.md, "footprint".
# Usage: benchmark/footprint.sh [seconds=60] [linesPerSecond=10] [EXTRA_JAVA_OPTS ...]   (after `mvn -B install -DskipTests`)
# Without options: as shipped; the JVM's own defaults; G1 returning idle heap; C1 only.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-60}
lines_per_second=${2:-10}
shift 2 || shift $#
if [ $# -eq 0 ]; then
    # bin/setenv ships its heap and collector unless the options hold an -Xmx: the JVM's own choice here is given as one
    jvm_heap_mb=$(( $(java -XX:+PrintFlagsFinal -version 2>/dev/null | awk '$2 == "MaxHeapSize" { print $4 }') / 1048576 ))
    set -- "" "-Xmx${jvm_heap_mb}m -XX:+UseG1GC" \
        "-Xms32m -Xmx256m -XX:+UseG1GC -XX:G1PeriodicGCInterval=15000" \
        "-Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
fi
exec ./run.sh footprint "$seconds" "$lines_per_second" "$@"
