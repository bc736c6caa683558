#!/usr/bin/env bash
# Simulator -> live feeds -> pipeline -> aggregators over loopback (BENCHMARKS.md, "Live over loopback").
#
#   scripts/bench-loopback.sh [SECONDS] [RATE...]     default: 20 s at 100, 1000, 5000 and 15000 trades/s per instrument
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
(cd "$root" && mvn -q -B -Dstyle.color=never -DskipTests package -pl benchmarks -am)
seconds="${1:-20}"
shift || true
rates=("$@")
[ ${#rates[@]} -gt 0 ] || rates=(100 1000 5000 15000)
exec java -Xmx1g -cp "$root/benchmarks/target/benchmarks.jar" dev.cascade.benchmarks.LoopbackBenchmark "$seconds" "${rates[@]}"
