#!/usr/bin/env bash
# Restart time of a store: how long `cascade replay --store DIR` takes, whole process (JVM start, QuestDB open,
# every stored row read back into the aggregators, every figure read out), for the seed day's store (made by
# `cascade demo`) and for stores of 2 and 30 days at the seed day's density (made by StoreFiller).
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-target/bench-restart}"
mkdir -p "$work"
mvn -q -B -DskipTests package -pl app,benchmarks -am
[ -d "$work/demo/store" ] || ./cascade demo --exit --port 0 --speed 6000 --out "$work/demo" > /dev/null
for days in 2 30; do
  [ -d "$work/days-$days" ] || java -cp benchmarks/target/benchmarks.jar dev.cascade.benchmarks.StoreFiller \
      "$work/days-$days" "$days" 20
done
du -sh "$work/demo/store" "$work/days-2" "$work/days-30"
farm-bench -n "${RUNS:-5}" --timeout 600 -- java -jar app/target/cascade.jar replay --store "$work/demo/store" --format json
farm-bench -n "${RUNS:-5}" --timeout 600 -- java -jar app/target/cascade.jar replay --store "$work/days-2" --format json
farm-bench -n "${RUNS:-5}" --timeout 600 -- java -jar app/target/cascade.jar replay --store "$work/days-30" --format json
