#!/usr/bin/env bash
# Heap and checkpoint bytes of the Flink job's state per window and per instrument's deduplicator (README
# "Scaling out"), each measured in a JVM of its own with the serial collector. Builds nothing into ~/.m2.
# Usage: scripts/flink-state-sizing.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl flink -am test-compile
cp=$(mktemp)
mvn -B -q -pl flink dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=test
# this tree's classes first, before any snapshot jar of the same modules in ~/.m2
local=$(ls -d "$PWD"/*/target/classes | tr '\n' ':')
for m in trades-only many-trades typical dedupe; do
    java -XX:+UseSerialGC -Xmx2g -cp "flink/target/test-classes:$local$(cat "$cp")" dev.cascade.flink.StateSizing "$m" \
        2>/dev/null | grep -E 'window|deduplicator'
done
rm -f "$cp"
