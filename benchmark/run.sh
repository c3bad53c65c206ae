#!/usr/bin/env bash
# Lines/s from a 1,000,000-line file of 200-byte lines into a loopback KRaft broker: a plain Java
# producer, Thor's connector and Kafka's FileStreamSource (Connect 4.3.0), measured in one run.
# Usage: benchmark/run.sh [lines] [lineBytes] [rounds]      (after `mvn install` of Thor)
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p target
mvn -B -q -f filestream-4.3/pom.xml dependency:build-classpath -Dmdep.outputFile="$PWD/target/filestream-4.3.classpath"
mvn -B -q compile dependency:build-classpath -Dmdep.outputFile="$PWD/target/benchmark.classpath"
exec java -Xmx2g ${BENCHMARK_OPTS:-} -Dfilestream.classpath="$PWD/target/filestream-4.3.classpath" \
  -cp "target/classes:$(cat target/benchmark.classpath)" org.thor.benchmark.Benchmark "$@"
