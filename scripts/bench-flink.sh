#!/usr/bin/env bash
# Events/s through the Flink job beside the in-process pipeline, on the seed day (figures in BENCHMARKS.md).
# Usage: scripts/bench-flink.sh [RECORDING]   (default: the seed-2025-06 scenario, recorded on first use)
set -euo pipefail
cd "$(dirname "$0")/.."
input=${1:-target/bench/seed-2025-06.jsonl.gz}
if [ ! -f "$input" ]; then
    mkdir -p "$(dirname "$input")"
    ./cascade simulate --scenario seed-2025-06 --record "$input"
fi
mvn -B -q install -DskipTests -pl flink -am
for every in 500 10000; do
    mvn -B test -pl flink -Dtest=FlinkPipelineTest -Dcascade.flink.input="$(realpath "$input")" \
        -Dcascade.flink.checkpoint-ms=$every -Dsurefire.failIfNoSpecifiedTests=false | grep -E 'events/s|Tests run:|FAIL'
done
