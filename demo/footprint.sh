#!/usr/bin/env bash
# Measures the Thor distribution at rest: boot-to-REST-ready time and the resident memory of the
# Karaf process after the worker has been idle (no connectors) for IDLE_SECONDS (default 30).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${THOR_DEMO_DIR:-$ROOT/target/footprint}"
IDLE_SECONDS="${IDLE_SECONDS:-30}"
source "$ROOT/demo/lib.sh"
trap cleanup EXIT INT TERM

build_thor
start_broker
boot_thor
say "boot to REST ready: ${BOOT_SECONDS} s"
sleep "$IDLE_SECONDS"
KARAF_JVM="$(pgrep -P "$KARAF_PID" java)"
say "RSS of the Karaf JVM after ${IDLE_SECONDS} s idle: $(( $(ps -o rss= -p "$KARAF_JVM") / 1024 )) MiB"
say "runtime bundle: $(stat -c %s "$ROOT"/thor-runtime-bundle/target/thor-runtime-bundle-*.jar) bytes"
