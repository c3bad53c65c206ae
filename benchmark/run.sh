#!/usr/bin/env bash
# Lines/s from a file of 200-byte lines into a loopback KRaft broker, every way in one run: kcat (where
# installed), a plain Java producer, Kafka's FileStreamSource (Connect 4.3.0) at Connect's defaults and
# tuned, the Connect ceiling, Thor in a standalone worker and the Thor distribution at its shipped defaults.
# Usage: benchmark/run.sh [lines] [lineBytes] [rounds]      (after `mvn -B install -DskipTests` of Thor)
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v kcat >/dev/null; then
    { apt-get install -y -q kcat || { apt-get update -q && apt-get install -y -q kcat; }; } >/dev/null 2>&1 \
        || echo "kcat could not be installed (apt-get install kcat): it is left out" >&2
fi
distribution=$(ls "$PWD"/../karaf-assembly/target/thor-*.tar.gz 2>/dev/null | head -1)
[ -n "$distribution" ] || { echo "No Thor distribution in karaf-assembly/target: run mvn -B install -DskipTests first" >&2; exit 1; }
mkdir -p target
mvn -B -q -f filestream-4.3/pom.xml dependency:build-classpath -Dmdep.outputFile="$PWD/target/filestream-4.3.classpath"
mvn -B -q compile dependency:build-classpath -Dmdep.outputFile="$PWD/target/benchmark.classpath"
exec java -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.org.apache.kafka.clients.NetworkClient=error ${BENCHMARK_OPTS:-} -Dfilestream.classpath="$PWD/target/filestream-4.3.classpath" \
  -Dthor.distribution="$distribution" -Dthor.groovy.nginx="$PWD/../thor-bundle/examples/nginx-combined.groovy" \
  -cp "target/classes:$(cat target/benchmark.classpath)" org.thor.benchmark.Benchmark "$@"
